"""Channel managers' and marketers' questions about the whole book, one partner or one deal, asked in other words
than before (issue 17): partners gone quiet, no longer meeting their tier, ready to move up; the open deals, ROPI
and coverage by partner or country; a partner's tier check, wins, sellers, last registration and first win; MDF
leads summed by kit, activity name, kind or partner; claims waiting to be paid; follow-ups on a listed partner or
a ranked match. Expected values come from the demo's import folder (or the tools' own results), not from the
answers."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest
import yaml

from assistant.engine.agent import ask
from retrieval.scope import scope_for_user
from tests.records_only import csv_rows, records_only
from tools.analytics.service import portfolio
from tools.records_overview.service import records_overview


@pytest.fixture(scope="module")
def demo_ctx(tmp_path_factory, demo_folder, demo_today):
    with records_only(tmp_path_factory.mktemp("cm-book-home"), demo_folder, demo_today) as ctx:
        yield ctx


def _ask(ctx, user, question, thread_id=None):
    return ask(ctx, scope_for_user(ctx.store, user), question, thread_id=thread_id)


def _ids(text: str) -> list[str]:
    return re.findall(r"\bP-\d{3}\b", text)


def _today(demo_today) -> dt.date:
    return dt.date.fromisoformat(demo_today)


def _cm_with_most_partners(folder) -> str:
    return Counter(p["channel_manager"] for p in csv_rows(folder, "partners.csv") if p["channel_manager"]).most_common(1)[0][0]


def test_own_book_tier_moves_in_other_words(demo_ctx, demo_folder):
    cm = _cm_with_most_partners(demo_folder)
    below = {p.partner_id for p in records_overview(demo_ctx, scope_for_user(demo_ctx.store, cm), "below_tier",
                                                     channel_manager=cm).partners}
    for question in ("any of the partners I look after not meeting their tier requirements anymore?",
                     "welche meiner Partner erfüllen ihre Stufe nicht mehr?"):
        answer = _ask(demo_ctx, cm, question)
        assert answer.tools[0].name == "records_overview", question
        assert set(_ids(answer.answer)) == below, question
    up = {p.partner_id for p in records_overview(demo_ctx, scope_for_user(demo_ctx.store, cm), "promotion",
                                                  channel_manager=cm).partners}
    for question in ("does anyone in my book qualify to step up a level?", "algum parceiro meu pronto pra subir de nível?"):
        answer = _ask(demo_ctx, cm, question)
        assert answer.tools[0].name == "records_overview" and set(_ids(answer.answer)) == up, question


def test_partners_gone_quiet_are_the_declining_ones(demo_ctx):
    data = portfolio(demo_ctx, scope_for_user(demo_ctx.store, "u-admin"))
    declining = {p.partner_id for p in data.partners if p.at_risk and p.declining}
    answer = _ask(demo_ctx, "u-admin", "which partners have stopped using the portal?")
    assert answer.tools[0].name == "programme_portfolio"
    if declining:
        assert set(_ids(answer.answer)) == declining


def test_leads_summed_for_the_activities_asked(demo_ctx, demo_folder):
    rows = csv_rows(demo_folder, "mdf_activities.csv")

    def leads(keep) -> int:
        return sum(int(r["leads"] or 0) for r in rows if keep(r))

    kind = next(r["kind"] for r in rows if r["kind"] and int(r["leads"] or 0))
    answer = _ask(demo_ctx, "u-mkt-1", f"total leads from {kind}s?")
    assert answer.tools[0].name == "list_mdf"
    assert f"{leads(lambda r: r['kind'] == kind or kind in r['name'].lower())} leads" in answer.answer
    kit = next(r["kit_id"] for r in rows if r["kit_id"])
    product = kit.split("-")[0]
    answer = _ask(demo_ctx, "u-mkt-3", f"wie viele Leads haben die {product}-Kit-Aktivitäten insgesamt gebracht?")
    assert f"{leads(lambda r: r['kit_id'] == kit)} Leads" in answer.answer
    partner = next(r["partner_id"] for r in reversed(rows) if int(r["leads"] or 0))
    name = next(p["name"] for p in csv_rows(demo_folder, "partners.csv") if p["partner_id"] == partner)
    answer = _ask(demo_ctx, "u-mkt-2", f"quantos leads a {name} gerou com MDF no total?")
    assert f"{leads(lambda r: r['partner_id'] == partner)} leads" in answer.answer
    # the programme's rule on reporting leads stays a content question
    assert _ask(demo_ctx, "u-mkt-1", "how do we report leads from an MDF activity?").tools[0].name != "list_mdf"


def test_claims_waiting_for_payment_and_paid_activities(demo_ctx, demo_folder):
    rows = csv_rows(demo_folder, "mdf_activities.csv")
    claimed = {r["activity_id"] for r in rows if r["status"] == "claimed"}
    answer = _ask(demo_ctx, "u-cm-1", "which MDF claims are still awaiting payment?").answer
    assert set(re.findall(r"MDF-\d+", answer)) == claimed
    paid = sum(r["status"] == "paid" for r in rows)
    answer = _ask(demo_ctx, "u-mkt-2", "quantas atividades de MDF foram pagas até agora?").answer
    assert answer.startswith(f"{paid} atividades")


def test_a_partners_tier_check_and_a_top_tier_against_its_own_minimums(demo_ctx, demo_folder):
    rules = yaml.safe_load((demo_folder / "vendor.yaml").read_text())["tier_rules"]
    partners = csv_rows(demo_folder, "partners.csv")
    gold = next(p for p in partners if p["tier"] == "gold")
    answer = _ask(demo_ctx, "u-cm-1", f"tier status of {gold['name']}")
    assert answer.tools[0].name == "partner_profile" and gold["partner_id"] in answer.answer
    top = next(p for p in partners if p["tier"] == "platinum")
    answer = _ask(demo_ctx, "u-cm-1", f"{top['name']} tier check").answer
    assert f"{rules['platinum']['min_won_revenue_12m']:,.0f} USD" in answer  # its own tier's minimum, not gold's
    assert f"of {rules['gold']['min_won_revenue_12m']:,.0f} USD" not in answer


def test_how_many_deals_a_partner_won(demo_ctx, demo_folder, demo_today):
    today = _today(demo_today)
    opps = csv_rows(demo_folder, "opportunities.csv")
    partner = next(p for p in csv_rows(demo_folder, "partners.csv") if p["tier"] == "silver")
    won = [o for o in opps if o["stage"] == "closed_won" and partner["partner_id"] in (o["partner_id"], o["registered_by"])
           and today - dt.timedelta(days=365) < dt.date.fromisoformat(o["close_date"]) <= today]
    answer = _ask(demo_ctx, "u-cm-2", f"wie viele Deals hat {partner['name']} in den letzten 12 Monaten gewonnen?")
    assert answer.tools[0].name == "programme_attribution"
    assert re.search(rf"\b{len(won)} (won|gewonnene)", answer.answer)


def test_who_sells_for_a_partner_and_on_a_deal(demo_ctx, demo_folder):
    users = csv_rows(demo_folder, "users.csv")
    partner = next(u["partner_id"] for u in users if u["role"] == "partner_seller")
    name = next(p["name"] for p in csv_rows(demo_folder, "partners.csv") if p["partner_id"] == partner)
    sellers = {u["name"] for u in users if u["partner_id"] == partner}
    answer = _ask(demo_ctx, "u-cm-2", f"who are the sellers at {name}?").answer
    assert all(s in answer for s in sellers)
    deal = next(o for o in csv_rows(demo_folder, "opportunities.csv") if o["partner_id"] == partner
                and not o["stage"].startswith("closed"))
    thread = "seller-on-deal"
    _ask(demo_ctx, "u-cm-1", f"what's happening on {deal['opportunity_id']}?", thread)
    answer = _ask(demo_ctx, "u-cm-1", "ok and who's the seller on it?", thread).answer
    assert all(s in answer for s in sellers) and name in answer


def test_a_partners_last_registration_and_first_win(demo_ctx, demo_folder, demo_today):
    opps = csv_rows(demo_folder, "opportunities.csv")
    partners = {p["partner_id"]: p for p in csv_rows(demo_folder, "partners.csv")}
    pid = Counter(o["registered_by"] for o in opps if o["registered_by"]).most_common(3)[-1][0]
    latest = max(o["created_on"] for o in opps if o["registered_by"] == pid)
    answer = _ask(demo_ctx, "u-cm-3", f"when did {partners[pid]['name']} register its most recent deal?").answer
    assert latest in answer
    joined = {p: partners[p]["joined_on"] for p in partners}
    today = _today(demo_today).isoformat()

    def first_win(p: str):
        wins = [o for o in opps if o["stage"] == "closed_won" and p in (o["partner_id"], o["registered_by"])
                and joined[p] <= o["close_date"] <= today]
        return min(wins, key=lambda o: (o["close_date"], o["opportunity_id"]), default=None)

    pid = max((p for p in partners if first_win(p)), key=lambda p: (joined[p], p))  # the newest partner with a win
    first = first_win(pid)
    answer = _ask(demo_ctx, "u-cm-1", f"{partners[pid]['name']}'s first win, which deal was that?").answer
    assert first["opportunity_id"] in answer


def test_coverage_by_country_and_open_deals_by_partner(demo_ctx, demo_folder):
    accounts = {a["account_id"]: a["country"] for a in csv_rows(demo_folder, "accounts.csv")}
    opps = [o for o in csv_rows(demo_folder, "opportunities.csv") if not o["stage"].startswith("closed")]
    partners = csv_rows(demo_folder, "partners.csv")
    open_de = sum(accounts.get(o["account_id"]) == "DE" for o in opps)
    partners_de = sum("DE" in p["countries"].split(";") for p in partners)
    answer = _ask(demo_ctx, "u-cm-1", "Germany partner coverage: open deals vs partners?")
    first = answer.answer.splitlines()[1]
    assert answer.tools[0].name == "recruit_partners"
    assert "(DE)" in first and f"{open_de} open deals vs {partners_de} partners" in first
    cm = _cm_with_most_partners(demo_folder)
    mine = {p["partner_id"] for p in partners if p["channel_manager"] == cm}
    counts = Counter(pid for o in opps for pid in {o["partner_id"], o["registered_by"]} - {""} if pid in mine)
    answer = _ask(demo_ctx, cm, "welcher meiner Partner hat die meisten offenen Deals?").answer
    assert _ids(answer)[0] in {p for p, n in counts.items() if n == max(counts.values())}
    assert set(_ids(answer)) <= mine
    amounts = Counter()
    for o in opps:
        for pid in {o["partner_id"], o["registered_by"]} - {""}:
            if pid in mine:
                amounts[pid] += float(o["amount"] or 0)
    answer = _ask(demo_ctx, cm, "which of my partners has the biggest pipeline?").answer
    assert _ids(answer)[0] == max(amounts, key=lambda p: amounts[p])


def test_partners_ranked_by_ropi_within_a_tier_of_my_book(demo_ctx, demo_folder):
    cm = _cm_with_most_partners(demo_folder)
    partners = {p["partner_id"]: p for p in csv_rows(demo_folder, "partners.csv")}
    answer = _ask(demo_ctx, cm, "which of my gold partners has the best ROPI?")
    listed = _ids(answer.answer)
    assert answer.tools[0].name == "programme_attribution" and listed
    assert all(partners[p]["tier"] == "gold" and partners[p]["channel_manager"] == cm for p in listed)
    ropis = [float(x) for x in re.findall(r"ROPI (\d+\.\d)x", answer.answer)]
    assert ropis == sorted(ropis, reverse=True)


def test_a_kind_of_deal_searches_the_directory(demo_ctx, demo_folder):
    answer = _ask(demo_ctx, "u-cm-2", "who'd be the best partner for an AI Studio deal in Japan?")
    assert answer.tools[0].name == "find_partners"
    first = answer.answer.splitlines()[1]
    assert "JP" in first


def test_listed_partner_follow_ups_and_ranked_match_follow_ups(demo_ctx, demo_folder):
    cm = _cm_with_most_partners(demo_folder)
    thread = "below-then-figures"
    listed = _ids(_ask(demo_ctx, cm, "which of my partners are below their tier minimums?", thread).answer)
    if len(listed) >= 2:
        answer = _ask(demo_ctx, cm, "and the second one's won revenue?", thread)
        assert answer.tools[0].name == "partner_profile" and listed[1] in answer.answer
        answer = _ask(demo_ctx, cm, "and their certifications?", thread)
        assert answer.tools[0].name == "partner_profile" and listed[1] in answer.answer
    deal = next(o for o in csv_rows(demo_folder, "opportunities.csv") if not o["stage"].startswith("closed")
                and not o["partner_id"] and not o["registered_by"])
    thread = "match-then-rank"
    ranked = _ids(_ask(demo_ctx, "u-cm-3", f"{deal['opportunity_id']} に合うパートナーは？", thread).answer)
    answer = _ask(demo_ctx, "u-cm-3", "3番目は？", thread)
    assert answer.tools[0].name == "match_partners" and _ids(answer.answer) == [ranked[2]]
    answer = _ask(demo_ctx, "u-cm-3", "理由は？", thread)  # beside the one ranked above it
    assert _ids(answer.answer) == ranked[1:3]
    answer = _ask(demo_ctx, "u-cm-1", f"who's the runner-up for {deal['opportunity_id']}?")
    assert _ids(answer.answer) == [ranked[1]]


def test_marketer_kit_audience_and_a_made_up_name(demo_ctx, demo_folder):
    kits = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((demo_folder / "campaigns").glob("*.yaml"))]
    kit = next(k for k in kits if k.get("audience"))
    product = kit["products"][0]
    assert kit["audience"] in _ask(demo_ctx, "u-mkt-1", f"who's the {product} kit meant for?").answer
    answer = _ask(demo_ctx, "u-mkt-1", "send me the Quillfeather Tavernas campaign results").answer
    assert "Quillfeather Tavernas" in answer and "no deal, account or partner" in answer


def test_deals_that_came_out_of_a_partners_mdf(demo_ctx, demo_folder, demo_today):
    rows = {r["activity_id"]: r for r in csv_rows(demo_folder, "mdf_activities.csv")}
    opps = [o for o in csv_rows(demo_folder, "opportunities.csv") if o["mdf_activity_id"] in rows]
    start = _today(demo_today) - dt.timedelta(days=364)
    recent = [o for o in opps if rows[o["mdf_activity_id"]]["start_on"] >= start.isoformat()]
    pid = rows[recent[0]["mdf_activity_id"]]["partner_id"]
    name = next(p["name"] for p in csv_rows(demo_folder, "partners.csv") if p["partner_id"] == pid)
    expected = {o["opportunity_id"] for o in recent if rows[o["mdf_activity_id"]]["partner_id"] == pid}
    answer = _ask(demo_ctx, "u-cm-2", f"which {name} deals came out of their MDF activities?").answer
    assert set(re.findall(r"OPP-\d+", answer)) == expected


def test_the_extension_rule_applied_to_a_deal(demo_ctx, demo_folder, demo_today):
    """The rule's figures come from the rule passage; the deal's from its record: eligible with the new end date,
    or not, with why."""
    from assistant.engine.extension_rule import extension_verdict
    from tools.partner_profile.service import DealOut

    today = _today(demo_today)
    rule = ("A registration may be extended once by 45 days while the deal is in negotiation and has had activity "
            "in the last 10 days.")
    deal = DealOut(opportunity_id="OPP-1", name="x", account_id="A-1", stage="negotiation",
                   last_activity_on=today - dt.timedelta(days=3), protection_ends=today + dt.timedelta(days=5))
    assert (today + dt.timedelta(days=50)).isoformat() in extension_verdict(deal, rule, today)
    quiet = deal.model_copy(update={"last_activity_on": today - dt.timedelta(days=20)})
    assert extension_verdict(quiet, rule, today).startswith("Not eligible")
    early = deal.model_copy(update={"stage": "qualification"})
    assert extension_verdict(early, rule, today).startswith("Not eligible")
    lapsed = deal.model_copy(update={"protection_ends": today - dt.timedelta(days=1)})
    assert "no longer" in extension_verdict(lapsed, rule, today)
    assert extension_verdict(deal, "Registrations are protected for 90 days.", today) is None  # no extension rule
    # asked in a longer sentence naming the deal: its facts with the rule applied (not a draft for the partner)
    opps = csv_rows(demo_folder, "opportunities.csv")
    deal = next(o for o in opps if o["registered_by"] and not o["stage"].startswith("closed"))
    partner = next(p["name"] for p in csv_rows(demo_folder, "partners.csv") if p["partner_id"] == deal["registered_by"])
    account = next(a["name"] for a in csv_rows(demo_folder, "accounts.csv") if a["account_id"] == deal["account_id"])
    answer = _ask(demo_ctx, "u-cm-1", f"{partner} asked for an extension on {deal['opportunity_id']} at {account}, "
                                      "is that still possible?")
    assert answer.intent == "deal_facts" and deal["opportunity_id"] in answer.answer


def test_a_made_up_partner_profile_and_mdf_of_the_thread_partner(demo_ctx, demo_folder):
    answer = _ask(demo_ctx, "u-cm-2", "pull up the Veldrin Analytics partner profile please").answer
    assert 'no partner called "Veldrin Analytics"' in answer
    assert "no partner called" not in _ask(demo_ctx, "u-cm-2", "how do I become a Gold partner?").answer
    activity = csv_rows(demo_folder, "partner_activity.csv")
    row = next(r for r in reversed(activity) if r["mdf_spent"] and float(r["mdf_spent"]))
    name = next(p["name"] for p in csv_rows(demo_folder, "partners.csv") if p["partner_id"] == row["partner_id"])
    month = dt.date.fromisoformat(row["month"] + "-01").strftime("%B").lower()
    thread = "deals-then-mdf"
    _ask(demo_ctx, "u-cm-2", f"open deals of {name}?", thread)
    answer = _ask(demo_ctx, "u-cm-2", f"and their MDF for {month}?", thread).answer
    assert f"{float(row['mdf_spent']):,.0f}" in answer


def test_partners_without_a_registration_lately(demo_ctx, demo_folder, demo_today):
    today = _today(demo_today)
    cm = _cm_with_most_partners(demo_folder)
    mine = {p["partner_id"] for p in csv_rows(demo_folder, "partners.csv") if p["channel_manager"] == cm}
    latest: dict[str, str] = {}
    for o in csv_rows(demo_folder, "opportunities.csv"):
        if o["registered_by"] in mine and o["created_on"] <= today.isoformat():
            latest[o["registered_by"]] = max(latest.get(o["registered_by"], ""), o["created_on"])
    since = (today - dt.timedelta(days=45)).isoformat()
    quiet = {p for p in mine if latest.get(p, "") < since}
    answer = _ask(demo_ctx, cm, "which of my partners haven't registered a deal in the last 45 days?")
    assert answer.tools[0].name == "records_overview"
    assert set(_ids(answer.answer)) == quiet or len(quiet) > 15  # the list stops at 15 lines
    assert answer.answer.startswith(f"{len(quiet)} partners")


def test_leads_by_kit(demo_ctx, demo_folder):
    sums = Counter()
    for r in csv_rows(demo_folder, "mdf_activities.csv"):
        sums[r["kit_id"] or "-"] += int(r["leads"] or 0)
    answer = _ask(demo_ctx, "u-mkt-1", "MDF leads per kit?").answer
    top, n = sums.most_common(1)[0]
    assert answer.splitlines()[1] == f"- {top}: {n}"


def test_an_mdf_eligibility_question_is_no_draft(demo_ctx):
    answer = _ask(demo_ctx, "u-mkt-2", "can a co-branded linkedin campaign be funded with MDF?")
    assert answer.intent == "search" and "Which partner" not in answer.answer
    assert _ask(demo_ctx, "u-mkt-1", "draft a linkedin post for keystone with the streaming kit").intent == "draft"


def test_leads_of_a_partner_without_mdf_activity_are_none_on_record(demo_ctx, demo_folder):
    ran = {r["partner_id"] for r in csv_rows(demo_folder, "mdf_activities.csv")}
    partner = next(p for p in csv_rows(demo_folder, "partners.csv") if p["partner_id"] not in ran)
    answer = _ask(demo_ctx, "u-mkt-1", f"how many leads did the {partner['name']} campaign get?").answer
    assert answer.startswith("There is no MDF activity") and " 0 leads" not in answer
