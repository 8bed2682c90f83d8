"""Channel managers' and marketers' questions over the demo, answered from the records and the campaign kits
(issue 17): a kit's call to action / objective / audience in the language asked, the kit for a need, "who's
the CM for X", "my partners" as the partners a channel manager manages, follow-ups after MDF figures by
partner and after a shortlist, programme answers in the asker's language, rule questions kept with the
content. Expected values come from the demo's import folder, not from the answers."""
from __future__ import annotations

import re

import pytest
import yaml

from assistant.engine.agent import ask
from retrieval.scope import scope_for_user
from tests.records_only import csv_rows, records_only
from tools.content_drafts.kits import KitText, kits_for_need


@pytest.fixture(scope="module")
def demo_ctx(tmp_path_factory, demo_folder, demo_today):
    """The demo's records (no content: these answers come from the records alone), loaded once here."""
    with records_only(tmp_path_factory.mktemp("cm-mkt-home"), demo_folder, demo_today) as ctx:
        yield ctx


_csv = csv_rows


def _kits(folder) -> dict[str, dict]:
    kits = (yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((folder / "campaigns").glob("*.yaml")))
    return {k["kit_id"]: k for k in kits}


def _ask(ctx, user, question, thread_id=None):
    return ask(ctx, scope_for_user(ctx.store, user), question, thread_id=thread_id)


def test_a_kits_fields_in_the_language_asked(demo_ctx, demo_folder):
    kits = _kits(demo_folder)
    governance = next(k for k in kits.values() if "Governance" in k.get("products", []))
    streaming = next(k for k in kits.values() if "Streaming" in k.get("products", []))
    cta = _ask(demo_ctx, "u-mkt-1", "what's the CTA on the governance kit")
    assert governance["call_to_action"] in cta.answer and cta.tools[0].name == "kit_texts"
    pt = _ask(demo_ctx, "u-mkt-2", "qual é o CTA do kit de streaming em português?")
    assert streaming["locales"]["pt-BR"]["call_to_action"] in pt.answer
    de = _ask(demo_ctx, "u-mkt-3", "welcher call to action steht im governance-kit auf deutsch?")
    assert governance["locales"]["de"]["call_to_action"] in de.answer
    assert governance["audience"] in _ask(demo_ctx, "u-mkt-2", "qual o público-alvo do kit de governança?").answer
    assert streaming["objective"] in _ask(demo_ctx, "u-mkt-1", "objective of the streaming kit?").answer
    # a draft from a kit is still a draft, the list of kits still the list
    assert _ask(demo_ctx, "u-mkt-1", "draft a linkedin post for keystone with the streaming kit").intent == "draft"
    assert _ask(demo_ctx, "u-mkt-1", "what campaign kits do we have?").tools[0].name == "records_overview"
    assert _ask(demo_ctx, "u-mkt-3", "welche kampagnen-kits gibts eigentlich?").tools[0].name == "records_overview"


def test_the_kit_for_a_need(demo_ctx, demo_folder):
    regulatory = next(k for k in _kits(demo_folder).values() if "regulat" in (k.get("audience") or "").lower())
    answer = _ask(demo_ctx, "u-mkt-1", "which kit would you use for a bank worried about regulators?").answer
    assert answer.splitlines()[1].startswith(f"1. {regulatory['name']} [{regulatory['kit_id']}]")


def test_kits_for_need_weighs_rare_words():
    def kit(kit_id, *messages):
        return KitText(kit_id=kit_id, name=kit_id, locale="en", key_messages=list(messages))

    kits = [kit("a", "data platform for retail stores"), kit("b", "data platform with realtime events"),
            kit("c", "data platform audits")]
    ranked = kits_for_need(kits, "which kit for realtime data in retail?")
    assert {k.kit_id for _, k in ranked} == {"a", "b"}  # "data", in every kit, decides nothing
    assert kits_for_need(kits, "realtime retail", named="b")[0][1].kit_id == "b"  # the kit the need names


def test_channel_managers_and_their_partners(demo_ctx, demo_folder):
    users = {u["user_id"]: u for u in _csv(demo_folder, "users.csv")}
    partners = _csv(demo_folder, "partners.csv")
    managed = next(p for p in partners if p.get("channel_manager") and p["tier"] == "gold")
    short = managed["name"].split()[0]
    answer = _ask(demo_ctx, "u-cm-2", f"who's the cm for {short}").answer
    assert users[managed["channel_manager"]]["name"] in answer
    marketer = _ask(demo_ctx, "u-mkt-3", f"wer ist der CM von {short}?")  # no deal is read: a marketer may ask
    assert not marketer.withheld and users[managed["channel_manager"]]["name"] in marketer.answer
    mine = [p for p in partners if p.get("channel_manager") == "u-cm-3"]
    assert mine and re.search(rf"\b{len(mine)} 社", _ask(demo_ctx, "u-cm-3", "私の担当パートナーは何社？").answer)
    managed_by_1 = sum(1 for p in partners if p.get("channel_manager") == "u-cm-1")
    count = _ask(demo_ctx, "u-cm-1", "how many partners do I manage?")  # not a partner "... Managed ..."
    assert count.tools[0].name == "records_overview" and re.search(rf"\b{managed_by_1} partners\b", count.answer)
    below = _ask(demo_ctx, "u-cm-2", "which of my partners are below their tier minimums?").answer
    listed = re.findall(r"\((P-\d+)\)", below)
    owner = {p["partner_id"]: p.get("channel_manager") for p in partners}
    assert listed and all(owner[pid] == "u-cm-2" for pid in listed)


def _mdf(folder, partner_id, months):
    rows = [r for r in _csv(folder, "partner_activity.csv") if r["partner_id"] == partner_id and r["month"] in months]
    return sum(float(r["mdf_allocated"] or 0) for r in rows), sum(float(r["mdf_spent"] or 0) for r in rows)


def test_follow_ups_after_mdf_figures_by_partner(demo_ctx, demo_folder, demo_today):
    first = _ask(demo_ctx, "u-cm-2", "who left most of their mdf unspent last quarter")
    assert first.tools[0].name == "records_overview"
    top = re.search(r"^1\. .*\((P-\d+)\)", first.answer, re.MULTILINE).group(1)
    year, month = int(demo_today[:4]), int(demo_today[5:7])
    q_last = (month - 1) // 3 - 1  # the previous quarter, 0-based (the demo's today is not in Q1)
    last_q = [f"{year}-{q_last * 3 + m:02d}" for m in (1, 2, 3)]
    exact = _ask(demo_ctx, "u-cm-2", "how much exactly?", first.thread_id)
    allocated, spent = _mdf(demo_folder, top, last_q)
    assert exact.intent == "overview" and f"{allocated:,.0f}" in exact.answer and f"{spent:,.0f}" in exact.answer
    assert "2. " not in exact.answer  # that partner alone
    marketer = _ask(demo_ctx, "u-mkt-3", "welcher Partner hat im letzten Quartal am meisten MDF übrig gelassen?")
    assert top in _ask(demo_ctx, "u-mkt-3", "wie viel genau?", marketer.thread_id).answer  # marketers see MDF too
    ja = _ask(demo_ctx, "u-cm-3", "先四半期にMDFを一番使わなかったパートナーは？")
    assert ja.tools[0].name == "records_overview" and f"({top})" in ja.answer
    before = [f"{year}-{(q_last - 1) * 3 + m:02d}" for m in (1, 2, 3)]
    earlier = _ask(demo_ctx, "u-cm-2", f"and in q{q_last}?", first.thread_id)
    allocated, spent = _mdf(demo_folder, top, before)
    assert f"{allocated:,.0f}" in earlier.answer and f"{spent:,.0f}" in earlier.answer


def test_why_them_after_a_shortlist(demo_ctx, demo_truth):
    acme = demo_truth["planted"]["demo"]["acme_renewal"]
    shortlist = _ask(demo_ctx, "u-cm-2", f"who should we bring into the {acme['name']}?")
    top = re.search(r"^1\. .*\((P-\d+)\)", shortlist.answer, re.MULTILINE).group(1)
    why = _ask(demo_ctx, "u-cm-2", "why them?", shortlist.thread_id)
    assert why.intent == "match" and f"({top})" in why.answer


def test_programme_answers_in_the_askers_language(demo_ctx):
    risk = _ask(demo_ctx, "u-cm-3", "リスクのあるパートナーは？").answer
    assert re.search(r"リスクのあるパートナー \d+ 社（深刻な順: 低下中 \d+ 社", risk)
    won = _ask(demo_ctx, "u-mkt-3", "wie viel umsatz haben partner letztes jahr beigesteuert?").answer
    assert won.startswith("Gewonnener Umsatz") and "Top-Partner:" in won


def test_rule_questions_stay_with_the_content(demo_ctx, demo_folder):
    promote = _ask(demo_ctx, "u-cm-1", "how do I promote a partner and when does it take effect?")
    assert promote.tools[0].name == "search_content"
    rule = _ask(demo_ctx, "u-cm-1", "whats the deal reg rule for partner sourced")
    assert rule.tools[0].name == "search_content"
    registered = next(p for p in _csv(demo_folder, "partners.csv") if p["tier"] == "registered")
    blocking = _ask(demo_ctx, "u-cm-1", f"{registered['name']} - what's blocking silver?")
    assert blocking.tools[0].name == "partner_profile" and blocking.tools[0].arguments.get("topic") == "tier"


def test_book_lists_in_other_languages_and_their_follow_ups(demo_ctx):
    de = _ask(demo_ctx, "u-cm-1", "offene Deals ohne Partner über 250k?")
    assert de.tools[0].name == "records_overview" and de.tools[0].arguments.get("topic") == "unpartnered"
    past = _ask(demo_ctx, "u-cm-1", "open deals with a close date in the past?")
    listed = re.findall(r"\[(OPP-\d+)\]", past.answer)
    days = _ask(demo_ctx, "u-cm-1", "how many days past?", past.thread_id)
    assert listed and days.intent == "deal_facts" and listed[0] in days.answer
    leads = _ask(demo_ctx, "u-mkt-3", "welche MDF-Aktivität hat die meisten Leads gebracht?").answer
    assert "hat die meisten Leads gebracht" in leads
    quarter = _ask(demo_ctx, "u-mkt-1", "which mdf activities generated the most leads last quarter?")
    assert quarter.tools[0].arguments.get("from_date")  # the period asked is applied


def test_a_tiers_minimums_from_the_vendors_rules(demo_ctx, demo_folder):
    rules = yaml.safe_load((demo_folder / "vendor.yaml").read_text(encoding="utf-8"))["tier_rules"]
    top = list(rules)[-1]
    ja = _ask(demo_ctx, "u-cm-3", "プラチナの条件は？" if top == "platinum" else f"{top} の条件は？")
    assert ja.tools[0].name == "records_overview" and ja.tools[0].arguments.get("topic") == "tier_rules"
    assert f"{rules[top]['min_won_revenue_12m']:,.0f} USD" in ja.answer and "過去12か月の最低条件" in ja.answer
    mdf = _ask(demo_ctx, "u-cm-1", "what are the MDF requirements for gold partners?")
    assert mdf.tools[0].arguments.get("topic") != "tier_rules"  # MDF's rule: the content
