"""Channel-manager, marketer and admin questions over the whole demo, answered from the records with the
number asked for (issue 17; `overview_chat` over `tools.records_overview`): counts, pipeline lists, tier status, unspent MDF, kits; follow-ups about the
partner of the conversation; a kit named in another language. Expected values come from the demo's
import folder and its planted truth, not from the answers."""
from __future__ import annotations

import re

import pytest

from assistant.engine.agent import ask
from assistant.engine.draft_options import kit_named
from assistant.engine.overview_chat import LIST_MAX
from retrieval.scope import scope_for_user
from tests.records_only import csv_rows, records_only


@pytest.fixture(scope="module")
def demo_ctx(tmp_path_factory, demo_folder, demo_today):
    """The demo's records (no content: these answers come from the records alone), loaded once here."""
    with records_only(tmp_path_factory.mktemp("stats-home"), demo_folder, demo_today) as ctx:
        yield ctx


_csv = csv_rows


def _ask(ctx, user, question, thread_id=None):
    return ask(ctx, scope_for_user(ctx.store, user), question, thread_id=thread_id)


def test_partner_and_user_counts(demo_ctx, demo_folder):
    partners = _csv(demo_folder, "partners.csv")
    users = _csv(demo_folder, "users.csv")
    platinum = sum(1 for p in partners if p["tier"] == "platinum")
    assert re.search(rf"\b{len(partners)} partners\b", _ask(demo_ctx, "u-admin", "how many partners do we have?").answer)
    assert re.search(rf"\b{platinum} platinum\b", _ask(demo_ctx, "u-admin", "how many platinum partners").answer)
    assert re.search(rf"\b{len(users)} users\b", _ask(demo_ctx, "u-admin", "how many users are set up?").answer)
    # a channel manager does not get the user list
    assert "users are set up" not in _ask(demo_ctx, "u-cm-1", "how many users are set up?").answer


def test_partners_joined_this_year(demo_ctx, demo_folder, demo_today):
    year = demo_today[:4]
    joined = [p["partner_id"] for p in _csv(demo_folder, "partners.csv") if p["joined_on"].startswith(year)]
    answer = _ask(demo_ctx, "u-admin", "which partners joined this year?").answer
    assert joined and all(pid in answer for pid in joined)


def test_pipeline_lists_for_channel_managers(demo_ctx, demo_folder, demo_truth):
    whole = demo_truth["planted"]["whole_dataset"]
    opps = _csv(demo_folder, "opportunities.csv")
    open_amount = sum(float(o["amount"] or 0) for o in opps if o["stage"] not in ("closed_won", "closed_lost"))
    assert f"{open_amount:,.0f}" in _ask(demo_ctx, "u-admin", "total open pipeline across all opps?").answer
    unpartnered = _ask(demo_ctx, "u-cm-2", "how many open opportunities have no partner at all?").answer
    assert f"{whole['open_without_partner']} open opportunities" in unpartnered
    past = _ask(demo_ctx, "u-cm-1", "any open deals past their close date?").answer
    assert all(o in past for o in whole["open_past_close_date"])
    expiring = _ask(demo_ctx, "u-cm-1", "any regs expiring in the next 2 weeks?").answer
    assert all(o in expiring for o in whole["open_registrations_expiring_within_14_days"])
    assert all(o in _ask(demo_ctx, "u-cm-3", "期限が近い案件登録はある？").answer
               for o in whole["open_registrations_expiring_within_14_days"])
    # a marketer may not see deals: the pipeline questions are not answered from the records for them
    assert "open opportunities have no partner" not in _ask(demo_ctx, "u-mkt-1", "how many open opps have no partner?").answer


def test_over_amount_narrows_the_unpartnered_deals(demo_ctx, demo_folder):
    opps = _csv(demo_folder, "opportunities.csv")
    big = [o for o in opps if o["stage"] not in ("closed_won", "closed_lost") and not o["partner_id"]
           and not o["registered_by"] and float(o["amount"] or 0) > 250_000]
    answer = _ask(demo_ctx, "u-cm-1", "how many open opps over 250k have no partner yet?").answer
    assert f"{len(big)} open opportunities over 250,000" in answer


def test_the_unpartnered_list_is_as_long_as_the_others_and_says_what_to_ask_next(demo_ctx, demo_folder):
    opps = _csv(demo_folder, "opportunities.csv")
    unpartnered = [o for o in opps if o["stage"] not in ("closed_won", "closed_lost") and not o["partner_id"]
                   and not o["registered_by"]]
    assert len(unpartnered) > LIST_MAX
    answer = _ask(demo_ctx, "u-cm-1", "how many open opps have no partner?").answer
    listed = re.findall(r"\[(OPP-\d+)\]", answer)
    biggest = sorted(unpartnered, key=lambda o: (-float(o["amount"] or 0), o["opportunity_id"]))[:LIST_MAX]
    assert listed == [o["opportunity_id"] for o in biggest]
    assert f"… and {len(unpartnered) - LIST_MAX} more." in answer
    hint = re.search(r'Ask "(.+?)" for a shortlist\.$', answer)
    assert hint, answer  # the hint is a question that works: a shortlist for the first deal listed
    assert [t.name for t in _ask(demo_ctx, "u-cm-1", hint.group(1)).tools] == ["match_partners"]
    assert _ask(demo_ctx, "u-cm-1", hint.group(1)).tools[0].arguments["opportunity_id"] == listed[0]


@pytest.mark.parametrize("question, pattern", [
    ("what campaign kits do we have?", r'Ask "(.+?)" \(add a language or a channel\)\.$'),
    ("Welche Kampagnen-Kits gibt es denn bei uns?", r"Fragen Sie „(.+?)“ \(mit Sprache oder Kanal\)\.$"),
])
def test_the_kit_list_says_how_to_draft_from_a_kit(demo_ctx, demo_folder, question, pattern):
    answer = _ask(demo_ctx, "u-mkt-1", question).answer
    hint = re.search(pattern, answer)
    assert hint, answer
    kit = re.search(r"^- .+? \[([\w-]+)\]", answer, re.M).group(1)  # the first kit listed
    partner = _csv(demo_folder, "partners.csv")[0]["name"]
    drafted = _ask(demo_ctx, "u-mkt-1", re.sub(r"<partner>", partner, hint.group(1), flags=re.I))
    assert drafted.tools[0].name == "draft_content" and drafted.tools[0].arguments["kit_id"] == kit


def test_tier_status(demo_ctx, demo_truth):
    tiers = demo_truth["planted"]["whole_dataset"]["tiers"]
    promo = _ask(demo_ctx, "u-cm-1", "who's eligible for a tier promotion right now").answer
    assert all(p in promo for p in tiers["all_promotion_eligible"])
    assert all(p in _ask(demo_ctx, "u-cm-3", "昇格できるパートナーは？").answer for p in tiers["all_promotion_eligible"])
    below = _ask(demo_ctx, "u-cm-2", "which partners are below their tier minimums?").answer
    assert sorted(re.findall(r"\(P-\d+\)", below)) == sorted(f"({p})" for p in tiers["below_own_tier_rules"])
    # the programme's rule is still content: "what are the tier requirements?" is not a partner list
    assert "eligible for promotion" not in _ask(demo_ctx, "u-cm-1", "what are the requirements for gold?").answer


def test_mdf_for_marketers(demo_ctx, demo_folder):
    rows = [r for r in _csv(demo_folder, "partner_activity.csv") if r["partner_id"] == "P-053"
            and r["month"] in ("2026-07", "2026-08", "2026-09")]
    allocated = sum(float(r["mdf_allocated"] or 0) for r in rows)
    spent = sum(float(r["mdf_spent"] or 0) for r in rows)
    answer = _ask(demo_ctx, "u-mkt-1", "how much MDF did Maple Leaf spend vs get allocated in Q3?").answer
    assert f"{allocated:,.0f} allocated" in answer and f"{spent:,.0f} spent" in answer
    left = _ask(demo_ctx, "u-mkt-2", "quanto de MDF a Maple Leaf deixou de gastar no Q3?").answer
    assert f"{allocated - spent:,.0f}" in left
    top = _ask(demo_ctx, "u-mkt-3", "Welche Partner haben die meisten ungenutzten MDF-Mittel?").answer
    first = re.search(r"^1\. .*\((P-\d+)\)", top, re.MULTILINE)
    assert first and first.group(1) == "P-053"  # the planted unspent-MDF partner


def test_kits_listed_and_named_in_other_languages(demo_ctx, demo_folder):
    kit_ids = sorted(p.stem for p in (demo_folder / "campaigns").glob("*.yaml"))
    answer = _ask(demo_ctx, "u-mkt-1", "what campaign kits do we have?").answer
    assert all(k in answer for k in kit_ids)
    kits = {"ai-studio-launch": "AI Studio launch", "governance-compliance": "Governance and compliance"}
    assert kit_named("rascunho de post social pra Paulista com o kit de IA", kits) == "ai-studio-launch"
    assert kit_named("Entwurf aus dem KI-Kit", kits) == "ai-studio-launch"
    assert kit_named("draft an email for Alpine", kits) is None
    draft = _ask(demo_ctx, "u-mkt-2", "rascunho de post social pra Paulista com o kit de IA")
    assert "ai-studio-launch" in draft.answer and draft.intent == "draft"


def test_follow_ups_about_the_partner_of_the_conversation(demo_ctx, demo_truth):
    acme = demo_truth["planted"]["demo"]["acme_renewal"]
    first = _ask(demo_ctx, "u-cm-1", f"what's the story with the {acme['name']}?")
    who = _ask(demo_ctx, "u-cm-1", "who's the partner on it?", first.thread_id)
    partner = acme["partner_id"] or acme["registered_by"]
    assert partner in who.answer
    them = _ask(demo_ctx, "u-cm-1", "what should we do with them?", first.thread_id)
    assert them.tools[0].name == "next_best_actions" and them.tools[0].arguments.get("partner_id") == partner
    shortlist = _ask(demo_ctx, "u-cm-2", f"who should we bring into the {acme['name']}?")
    top = re.search(r"^1\. .*\((P-\d+)\)", shortlist.answer, re.MULTILINE).group(1)
    why = _ask(demo_ctx, "u-cm-2", "why the first one?", shortlist.thread_id)
    assert why.intent == "match" and f"({top})" in why.answer and "2. " not in why.answer
    shared = _ask(demo_ctx, "u-cm-2", "and how many accounts do we share with them?", shortlist.thread_id)
    assert shared.intent == "map" and top in shared.answer
    assert shared.tools[0].name == "map_accounts" and shared.tools[0].arguments["partner_id"] == top


def test_partner_sellers_keep_their_own_answers(demo_ctx):
    # a partner seller's "how many ... registrations" is their own standing, never the ecosystem's
    answer = _ask(demo_ctx, "u-ps-alpine", "which of our registrations expire in the next 2 weeks?").answer
    assert "registration expire in the next" not in answer and "registrations expire in the next" not in answer
    r = _ask(demo_ctx, "u-ps-thames", "how many partners do we have in total?")
    assert "records_overview" not in [t.name for t in r.tools]
    marketer = _ask(demo_ctx, "u-mkt-1", "total open pipeline across all opps?")
    assert marketer.withheld and "USD" not in marketer.answer  # marketers may not see deals


def test_a_deal_in_general_is_a_rule_not_a_lookup(demo_ctx):
    answer = _ask(demo_ctx, "u-cm-2", "who leads a new logo deal we found ourselves with no partner yet?")
    assert answer.intent == "search"  # not "which partner do you mean?"


@pytest.mark.parametrize(("question", "topic"), [
    ("¿qué socios tienen más MDF sin gastar este año?", "mdf"),
    ("que parceiros têm mais MDF sem gastar?", "mdf"),
    ("quels partenaires ont le plus de MDF non dépensé ?", "mdf"),
    ("¿qué es el MDF sin gastar de un socio?", None),  # what it means: the programme's word, not figures
])  # fmt: skip
def test_mdf_by_partner_asked_in_other_languages(question, topic):
    import datetime as dt

    from assistant.engine.overview_chat import _topic_of

    found = _topic_of(question, dt.date(2026, 11, 15))
    assert (found[0] if found else None) == topic
