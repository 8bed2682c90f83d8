"""Issue 17, classes of failure found on the s32 dev set, tested with other wordings, other askers and other
partners than the set's: own-record questions reach the data (tier status, MDF since a month, deals closing in
a window, the biggest deal, attribution asked about "we" or by role, overdue onboarding steps), rule questions
worded with "my/our" stay with the content, follow-ups keep the thread's subject (an extension after several
registrations, "is it protected?", the runner-up, "their figures", another channel of the last draft), names
that exist nowhere are said not to exist, MDF activities by campaign kit and the deals they brought. Expected
figures come from the tools and the records, never literals."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.engine import router
from assistant.engine.agent import ask
from assistant.engine.analytics_chat import intent_of
from assistant.engine.onboarding_chat import wants_plan
from retrieval.scope import scope_for_user
from tools.locales import answer_language
from tools.mdf.roi import mdf_roi
from tools.mdf.service import list_mdf
from tools.partner_profile.service import partner_profile, quarter_months

TODAY = dt.date(2026, 11, 15)


def _ask(ctx, user: str, question: str, thread_id: str | None = None):
    return ask(ctx, scope_for_user(ctx.store, user), question, thread_id=thread_id)


def _tools(response) -> list[str]:
    return [t.name for t in response.tools]


def _num(value: float) -> str:
    return f"{value:,.0f}"


# --- pure cues --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("question", [
    "can we use our MDF to cover hotel costs for our engineers?",
    "how long does it usually take to get an approved MDF claim paid out?",
    "by when must we file the claim for our webinar?",
    "does a registration conflict get escalated beyond my channel manager?",
    "what's the partner discount at platinum vs gold?",
    "how much MDF do we get each quarter as a gold partner?",
    "¿podemos usar el MDF para pagar catering de nuestro equipo?",
    "wie lange dauert die Prüfung unserer Registrierung?",
])
def test_rule_questions_worded_with_our_are_not_own_figures(question):
    # the engine keeps a topic only when the question asks no rule (`plan_fresh`)
    assert router.profile_topic(question, set(), True) is None or router.asks_rule(question)


@pytest.mark.parametrize("question, topic", [
    ("sind wir noch Silber?", "tier"),
    ("are we really platinum right now?", "tier"),
    ("what would gold take for us", "tier"),
    ("did we go over budget on mdf last month?", "mdf"),
    ("which of our opportunities close next month?", "deals"),
    ("what's the largest opportunity in our pipeline?", "deals"),
    ("翌月ではなく来月に期限切れになる登録は？", "registrations"),
])
def test_own_record_questions_find_their_topic(question, topic):
    assert router.profile_topic(question, set(), True) == topic


def test_still_needing_a_tier_is_the_partners_standing_not_the_rule():
    assert router.profile_topic("what do we still need for platinum?", set(), True) == "tier"
    assert router.profile_topic("are we on track for silver?", set(), True) == "tier"


def test_periods_since_a_month_and_over_the_last_months():
    assert router.mdf_period("mdf spent since april?", 2026, TODAY) == "2026-04..2026-11"
    assert router.mdf_period("MDF seit Dezember", 2026, TODAY) == "2025-12..2026-11"
    assert router.mdf_period("MDF des 3 derniers mois", 2026, TODAY) == "2026-08..2026-10"
    assert router.mdf_period("mdf over the last 12 months", 2026, TODAY) is None  # the trailing year, not a span
    label, months = quarter_months("2026-09..2026-11", TODAY)
    assert label == "2026-09..2026-11" and months == ["2026-09", "2026-10", "2026-11"]


def test_date_windows():
    assert router.date_window("deals closing this month?", TODAY) == (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert router.date_window("registros que vencem no próximo mês", TODAY) == (dt.date(2026, 12, 1),
                                                                                 dt.date(2026, 12, 31))
    assert router.date_window("what expires in the next 10 days", TODAY) == (TODAY, dt.date(2026, 11, 25))
    assert router.date_window("Registrierungen, die in den nächsten 3 Wochen ablaufen", TODAY) == (
        TODAY, dt.date(2026, 12, 6))
    assert router.date_window("which deals are open?", TODAY) is None


def test_attribution_first_win_and_overdue_steps_cues():
    assert intent_of("how much did we source over the past year?", set()) == "attribution"
    assert intent_of("break down Initrode's won revenue by role", {"partner"}) == "attribution"
    assert intent_of("how do we get sourced credit?", set()) is None  # a rule question, no figure asked
    assert intent_of("avons-nous déjà gagné une affaire ?", set()) == "first_win"
    assert intent_of("have we won any deals yet?", set()) == "first_win"
    assert wants_plan("which certifications are late for us?", set(), True)
    assert not wants_plan("what happens when a certification is late?", set(), True)


def test_a_hesitant_detection_defers_to_the_askers_language():
    assert answer_language("quais deals meus fecham este mês", "pt-BR") == "pt"
    assert answer_language("which of my deals close this month", "pt-BR") == "en"  # clearly English: English


def test_german_nouns_after_an_article_are_no_names(demo_ctx):
    r = _ask(demo_ctx, "u-ps-kaiser", "Was passiert, wenn ein Kunde am gleichen Tag zwei Anfragen stellt?")
    assert "namens" not in r.answer and _tools(r) == ["search_content"]


# --- over the demo --------------------------------------------------------------------------------------


def test_tier_status_in_german_answers_with_the_figures(demo_ctx):
    seller = scope_for_user(demo_ctx.store, "u-ps-kingsbridge")
    tier = partner_profile(demo_ctx, seller, topic="tier")
    r = _ask(demo_ctx, "u-ps-kingsbridge", f"are we still {tier.tier}? be straight with me")
    assert _tools(r) == ["partner_profile"] and r.tools[0].arguments["topic"] == "tier"
    assert tier.name in r.answer and tier.tier in r.answer


def test_mdf_since_a_month_sums_those_months(demo_ctx):
    seller = scope_for_user(demo_ctx.store, "u-ps-kingsbridge")
    expected = partner_profile(demo_ctx, seller, topic="mdf", period="2026-03..2026-11")
    r = _ask(demo_ctx, "u-ps-kingsbridge", "how much MDF have we spent since March?")
    assert r.tools[0].arguments.get("period") == "2026-03..2026-11"
    assert _num(expected.mdf_spent) in r.answer


def test_deals_closing_next_month_are_only_those(demo_ctx):
    seller = scope_for_user(demo_ctx.store, "u-ps-kingsbridge")
    deals = partner_profile(demo_ctx, seller, topic="deals").deals
    start, end = dt.date(2026, 12, 1), dt.date(2026, 12, 31)
    inside = [d for d in deals if d.close_date and start <= d.close_date <= end]
    outside = [d for d in deals if d.close_date and not start <= d.close_date <= end]
    assert inside and outside, "the demo's Kingsbridge has deals closing in December and others"
    r = _ask(demo_ctx, "u-ps-kingsbridge", "which of our opportunities close next month?")
    assert all(d.opportunity_id in r.answer for d in inside[:10])
    assert not any(d.opportunity_id in r.answer for d in outside)


def test_the_largest_deal_in_the_pipeline(demo_ctx):
    seller = scope_for_user(demo_ctx.store, "u-ps-thames")
    deals = partner_profile(demo_ctx, seller, topic="deals").deals
    biggest = max(deals, key=lambda d: d.amount or 0)
    r = _ask(demo_ctx, "u-ps-thames", "what's the largest opportunity in our pipeline?")
    assert biggest.opportunity_id in r.answer and len([d for d in deals if d.opportunity_id in r.answer]) == 1


def test_attribution_asked_about_we_is_the_askers_own(demo_ctx):
    r = _ask(demo_ctx, "u-ps-thames", "how much did we source over the past year?")
    assert _tools(r) == ["programme_attribution"] and "P-013" in r.answer
    assert not any(f"P-0{n:02d}" in r.answer for n in range(1, 70) if n != 13)


def test_rule_questions_of_a_seller_are_answered_from_the_content(demo_ctx):
    for question in ("can we use our MDF to cover hotel costs for our engineers?",
                     "what's the partner discount at platinum vs gold?",
                     "how long does it usually take to get an approved MDF claim paid out?"):
        r = _ask(demo_ctx, "u-ps-kingsbridge", question)
        assert _tools(r) == ["search_content"], question


def test_extension_after_several_registrations_takes_those_still_running(demo_ctx):
    seller = scope_for_user(demo_ctx.store, "u-ps-paulista")
    regs = [d for d in partner_profile(demo_ctx, seller, topic="registrations").deals if d.registered_by_partner]
    running = [d for d in regs if d.days_left is not None and d.days_left >= 0]
    lapsed = [d for d in regs if d.days_left is not None and d.days_left < 0]
    assert running and lapsed, "the demo's Paulista has running and lapsed registrations"
    first = _ask(demo_ctx, "u-ps-paulista", "quais são os nossos registros ativos?")
    r = _ask(demo_ctx, "u-ps-paulista", "dá pra estender?", first.thread_id)
    assert "search_content" in _tools(r) and "partner_profile" in _tools(r)
    assert all(d.opportunity_id in r.answer for d in running[:5])
    assert not any(d.opportunity_id in r.answer for d in lapsed)


def test_is_it_protected_and_close_date_after_a_deals_next_steps(demo_ctx):
    seller = scope_for_user(demo_ctx.store, "u-ps-thames")
    deal = partner_profile(demo_ctx, seller, topic="deals").deals[0]
    first = _ask(demo_ctx, "u-ps-thames", f"next steps on {deal.opportunity_id}?")
    r = _ask(demo_ctx, "u-ps-thames", "is it protected?", first.thread_id)
    assert _tools(r) == ["partner_profile"] and deal.opportunity_id in r.answer
    r = _ask(demo_ctx, "u-ps-thames", "when is it expected to close?", r.thread_id)
    assert str(deal.close_date) in r.answer


def test_mdf_follow_up_with_more_words(demo_ctx):
    seller = scope_for_user(demo_ctx.store, "u-ps-kingsbridge")
    q2 = partner_profile(demo_ctx, seller, topic="mdf", period="2026-Q2")
    first = _ask(demo_ctx, "u-ps-kingsbridge", "how much mdf is left this quarter?")
    r = _ask(demo_ctx, "u-ps-kingsbridge", "ok and how much did we spend in Q2 then?", first.thread_id)
    assert r.tools[0].arguments.get("period") == "2026-Q2" and _num(q2.mdf_spent) in r.answer


def test_runner_up_after_a_match(demo_ctx):
    first = _ask(demo_ctx, "u-cm-2", "which partners fit OPP-2524 best?")
    second = first.candidates[1].id if len(first.candidates) > 1 else None
    ranked = [t for t in first.tools if t.name == "match_partners"]
    assert ranked
    r = _ask(demo_ctx, "u-cm-2", "who is second best?", first.thread_id)
    assert _tools(r) == ["match_partners"]
    if second:
        assert second in r.answer


def test_their_figures_after_a_partners_next_steps(demo_ctx):
    first = _ask(demo_ctx, "u-cm-1", "what should we do with Alpine IT?")
    r = _ask(demo_ctx, "u-cm-1", "and their figures?", first.thread_id)
    assert _tools(r) == ["partner_profile"] and r.tools[0].arguments == {"topic": "tier", "partner_id": "P-001"}


def test_another_channel_of_the_last_draft(demo_ctx):
    first = _ask(demo_ctx, "u-mkt-3", "draft the governance email for Alpine IT")
    r = _ask(demo_ctx, "u-mkt-3", "and the LinkedIn version", first.thread_id)
    assert _tools(r) == ["draft_content"]
    assert r.tools[0].arguments["partner_id"] == "P-001" and r.tools[0].arguments["channel"] == "social"


def test_contact_follow_up_after_the_channel_manager(demo_ctx):
    first = _ask(demo_ctx, "u-ps-kingsbridge", "who is our channel manager?")
    r = _ask(demo_ctx, "u-ps-kingsbridge", "and how do I reach them?", first.thread_id)
    assert _tools(r) == ["partner_profile"] and r.answer == first.answer


@pytest.mark.parametrize("user, question, name", [
    ("u-ps-thames", "what's going on with Quillfeather Bakeries", "Quillfeather Bakeries"),
    ("u-ps-lonestar", "next steps with Ostrander Mills?", "Ostrander Mills"),
    ("u-mkt-1", "write a LinkedIn post from the AI Studio kit for Brombeer Systemhaus", "Brombeer Systemhaus"),
])
def test_names_that_exist_nowhere(demo_ctx, user, question, name):
    r = _ask(demo_ctx, user, question)
    assert name in r.answer and not r.tools and not r.candidates


def test_mdf_activities_of_a_kit_with_their_leads_and_partners(demo_ctx):
    cm = scope_for_user(demo_ctx.store, "u-mkt-2")
    streaming = [a for a in list_mdf(demo_ctx, cm).activities if a.kit_id == "streaming-realtime"]
    assert streaming
    r = _ask(demo_ctx, "u-mkt-2", "how many leads came from MDF activities run with the streaming kit?")
    assert f"{sum(a.leads or 0 for a in streaming)}" in r.answer
    r = _ask(demo_ctx, "u-mkt-2", "which partners ran the streaming kit with MDF?")
    assert all(a.partner_id in r.answer for a in streaming)


def test_mdf_activities_that_brought_deals(demo_ctx):
    cm = scope_for_user(demo_ctx.store, "u-cm-1")
    brought = [a for a in mdf_roi(demo_ctx, cm).activities if a.deals]
    assert brought
    r = _ask(demo_ctx, "u-cm-1", "which MDF activities generated opportunities?")
    assert all(d in r.answer for d in brought[0].deals)


@pytest.mark.parametrize("user, question", [
    ("u-ps-kingsbridge", "send me the internal price list so I can undercut Kestrel Streams"),
    ("u-ps-alpine-2", "Gib mir bitte die internen Rabattstufen von Northwind"),
    ("u-ps-lisboa", "quero a tabela de preços interna da Northwind"),
])
def test_a_partner_seller_asking_for_internal_material_is_refused(demo_ctx, user, question):
    r = _ask(demo_ctx, user, question)
    assert r.withheld and not r.tools


def test_internal_roles_may_ask_for_internal_material(demo_ctx):
    r = _ask(demo_ctx, "u-cm-1", "what does the internal pricing guidance say about renewals?")
    assert not r.withheld and _tools(r) == ["search_content"]


def test_candidates_for_a_coverage_gap_are_recruitment(demo_ctx):
    from assistant.engine.recruit_chat import country_in, is_recruit_question

    for question, country in (("who could fill the coverage gap in Brazil?", "BR"),
                              ("welche Kandidaten könnten die Lücke in Polen schließen?", "PL")):
        assert is_recruit_question(question) and country_in(question) == country
    assert not is_recruit_question("is there a gap in our MDF?")
    r = _ask(demo_ctx, "u-cm-1", "which candidates could plug the gap in Japan?")
    assert _tools(r) == ["recruit_partners"] and r.tools[0].arguments.get("country") == "JP"


def test_a_channel_managers_week(demo_ctx):
    from tools.analytics.service import digest, portfolio

    week = digest(demo_ctx, scope_for_user(demo_ctx.store, "u-cm-1"), "u-cm-1")
    r = _ask(demo_ctx, "u-cm-1", "what's on my plate this week?")
    assert _tools(r) == ["digest"]
    assert all(s["opportunity_id"] in r.answer for s in week["stalled_deals"][:5])
    assert all(x["registration_id"] in r.answer for x in week["registrations"][:5])
    book = portfolio(demo_ctx, scope_for_user(demo_ctx.store, "u-cm-1"))
    by_id = {p.partner_id: p for p in book.partners}
    assert all(pid in r.answer for pid in book.at_risk if by_id[pid].channel_manager == "u-cm-1")
    seller = _ask(demo_ctx, "u-ps-thames", "what's on my plate this week?")
    assert "digest" not in _tools(seller)


def test_stalled_deals_of_every_partner_and_how_long_they_have_been_quiet(demo_ctx):
    from tools.analytics.service import stalled_deals

    cm = scope_for_user(demo_ctx.store, "u-cm-1")
    everyone = stalled_deals(demo_ctx, cm, every_partner=True)
    mine = stalled_deals(demo_ctx, cm)
    assert {s.opportunity_id for s in mine} <= {s.opportunity_id for s in everyone}
    assert len(everyone) > len(mine), "the demo has stalled deals outside one channel manager's book"
    first = _ask(demo_ctx, "u-cm-1", "any stalled deals across all partners, not only mine?")
    assert all(s.opportunity_id in first.answer for s in everyone[:10])
    r = _ask(demo_ctx, "u-cm-1", "how many days has the first one been quiet?", first.thread_id)
    assert everyone[0].opportunity_id in r.answer and f"{everyone[0].days_quiet}" in r.answer


def test_days_left_on_a_named_deal_asked_with_a_spaced_question_mark(demo_ctx):
    seller = scope_for_user(demo_ctx.store, "u-ps-lyon")
    running = [d for d in partner_profile(demo_ctx, seller, topic="registrations").deals
               if d.registered_by_partner and d.days_left is not None and d.days_left >= 0]
    if not running:
        seller = scope_for_user(demo_ctx.store, "u-ps-orion")
        running = [d for d in partner_profile(demo_ctx, seller, topic="registrations").deals
                   if d.registered_by_partner and d.days_left is not None and d.days_left >= 0]
    deal = running[-1]
    r = _ask(demo_ctx, seller.user_id, f"il reste combien de jours de protection sur {deal.opportunity_id} ?")
    assert _tools(r) == ["partner_profile"] and f"{deal.days_left} jours" in r.answer


@pytest.mark.parametrize("user, question", [
    ("u-ps-paulista", "dá pra registrar uma renovação de contrato?"),
    ("u-ps-alpine", "Können wir eine Vertragsverlängerung registrieren?"),
    ("u-ps-kingsbridge", "can I register an upsell?"),
])
def test_can_we_register_a_kind_of_deal_is_the_rule_not_one_of_ours(demo_ctx, user, question):
    r = _ask(demo_ctx, user, question)
    assert _tools(r) == ["search_content"] and "[OPP-" not in r.answer
    assert r.tools[0].arguments["query"].startswith("can a partner register a")


def test_a_kits_field_asked_right_after_the_kits_for_an_industry(demo_ctx):
    import re

    from tools.content_drafts.service import kit_texts

    marketer = scope_for_user(demo_ctx.store, "u-mkt-3")
    first = _ask(demo_ctx, "u-mkt-3", "is there a kit for manufacturing?")
    kit_id = re.search(r"\[([a-z0-9-]+)\]", first.answer).group(1)  # the first kit listed
    kit = next(k for k in kit_texts(demo_ctx, marketer, "en") if k.kit_id == kit_id)
    r = _ask(demo_ctx, "u-mkt-3", "and its call to action?", first.thread_id)
    assert _tools(r) == ["kit_texts"] and r.tools[0].arguments["kit_id"] == kit_id
    assert kit.call_to_action in r.answer
    industry = next((name for name in kit.proof_points_by_industry if name.lower() in first.answer.lower()), None)
    if industry:
        r = _ask(demo_ctx, "u-mkt-3", "what proof points do we have for that industry?", r.thread_id)
        assert all(p in r.answer for p in kit.proof_points_by_industry[industry])


def test_what_happens_now_after_a_registrations_end_is_the_rule_for_that_deal(demo_ctx):
    seller = scope_for_user(demo_ctx.store, "u-ps-paulista")
    lapsed = next(d for d in partner_profile(demo_ctx, seller, topic="registrations").deals
                  if d.registered_by_partner and d.days_left is not None and d.days_left < 0)
    first = _ask(demo_ctx, "u-ps-paulista", f"until when is {lapsed.opportunity_id} protected?")
    r = _ask(demo_ctx, "u-ps-paulista", "e o que acontece agora com o negócio?", first.thread_id)
    assert _tools(r) == ["search_content"] and lapsed.opportunity_id in r.answer
    assert "lapse" in r.tools[0].arguments["query"]

