"""A channel manager's book and a marketer's MDF activities, asked over a small world of another vendor (other
products, partners, ids, a 60-day protection, another year): open deals past their close date, idle for N days or
the longest, registrations lapsed (in the last N days), partners by portal logins last month, MDF claims to pay,
approved activities ended unclaimed, registrations waiting for my decision, partners who joined this year (issue
17's channel-manager class). "My book" is the partners whose `channel_manager` is the asker; nothing of the other
manager's book may show. MDF activities are named as people name them: words of the name with a partner, a month
or an event word; a month with no year is the nearest one with activities."""
from __future__ import annotations

import datetime as dt

import pytest

from assistant.engine.agent import ask
from assistant.engine.router import mdf_period, months_since
from retrieval.scope import scope_for_user
from tests.records_only import records_only
from tests.tools.programme_world import write_world

TODAY = "2028-03-20"

FILES = {
    "vendor.yaml": "name: Kestrel Robotics\nregistration_protection_days: 60\n",
    "partners.csv": (
        "partner_id,name,type,tier,countries,competencies,industries,joined_on,channel_manager,website\n"
        "KP-1,Douro Automação Lda.,system_integrator,gold,PT,GripCloud;FleetOS,Logistics,2025-05-01,k-cm-a,"
        "douro-auto.example\n"
        "KP-2,Fjord Maskin AS,var,silver,NO,FleetOS,Manufacturing,2028-01-15,k-cm-a,\n"
        "KP-3,Sonora Integradores SA,var,silver,MX,FleetOS,Mining,2028-02-01,k-cm-b,\n"
    ),
    "accounts.csv": (
        "account_id,name,country,status\n"
        "KA-1,Lisboa Portos SA,PT,customer\nKA-2,Bergen Lager AS,NO,prospect\n"
        "KA-3,Hermosillo Minas SA,MX,customer\nKA-4,Trondheim Verft AS,NO,prospect\n"
    ),
    "opportunities.csv": (
        "opportunity_id,account_id,name,stage,amount,created_on,close_date,last_activity_on,products,partner_id,"
        "partner_role,registered_by,mdf_activity_id\n"
        "KO-1,KA-1,Lisboa Portos - GripCloud pilot,proposal,80000,2027-12-01,2028-03-01,2027-12-20,GripCloud,KP-1,"
        "sourced,KP-1,\n"
        "KO-2,KA-2,Bergen Lager - FleetOS rollout,negotiation,120000,2028-01-25,2028-05-30,2028-03-15,FleetOS,KP-2,"
        "sourced,KP-2,KM-1\n"
        "KO-3,KA-3,Hermosillo Minas - FleetOS,proposal,60000,2027-11-01,2028-02-15,2027-11-10,FleetOS,KP-3,sourced,"
        "KP-3,\n"
        "KO-4,KA-4,Trondheim Verft - GripCloud,qualification,40000,2028-01-05,2028-06-30,2028-01-19,GripCloud,KP-2,"
        "sourced,KP-2,\n"
        "KO-5,KA-1,Lisboa Portos - FleetOS expansion,closed_won,200000,2027-06-01,2027-10-10,2027-10-10,FleetOS,KP-1,"
        "sourced,,\n"
        "KO-6,KA-3,Hermosillo Minas - GripCloud,closed_won,90000,2027-05-01,2027-09-01,2027-09-01,GripCloud,KP-3,"
        "sourced,,\n"
    ),
    "partner_activity.csv": (
        "partner_id,month,portal_logins,trainings_completed,mdf_allocated,mdf_spent,psat\n"
        + "".join(f"KP-1,{m},30,1,1000,100,8.5\n" for m in ("2027-07", "2027-08", "2027-09", "2027-10", "2027-11",
                                                             "2027-12", "2028-01", "2028-02"))
        + "".join(f"{pid},{m},{logins if m == '2028-02' else 2},{trainings},1000,950,{psat}\n"
                  for pid, logins, trainings, psat in (("KP-2", 4, 3, 6.0), ("KP-3", 1, 5, 9.0))
                  for m in ("2027-07", "2027-08", "2027-09", "2027-10", "2027-11", "2027-12", "2028-01", "2028-02"))
    ),
    "users.csv": (
        "user_id,name,role,partner_id,locale\n"
        "k-admin,Ada,admin,,en\nk-cm-a,Carla,channel_manager,,en\nk-cm-b,Beto,channel_manager,,es\n"
        "k-mkt,Mira,marketer,,en\n"
    ),
    "deal_registrations.csv": (
        "registration_id,partner_id,account_name,country,products,status,submitted_on\n"
        "KR-1,KP-1,Coimbra Têxteis,PT,GripCloud,submitted,2028-03-10\n"
        "KR-2,KP-3,Sonora Cobre,MX,FleetOS,submitted,2028-03-12\n"
    ),
    "mdf_activities.csv": (
        "activity_id,partner_id,name,kind,status,requested_amount,approved_amount,claimed_amount,paid_amount,"
        "start_on,end_on,kit_id,leads\n"
        "KM-1,KP-1,Porto warehouse automation seminar,event,paid,9000,8000,7900,7900,2027-11-04,2027-11-04,grip-kit,23\n"
        "KM-2,KP-1,GripCloud webinar,webinar,claimed,3000,3000,2800,,2028-02-10,2028-02-10,grip-kit,12\n"
        "KM-3,KP-3,Sonora mining expo booth,event,claimed,12000,11000,10500,,2028-01-15,2028-01-17,fleet-kit,40\n"
        "KM-4,KP-2,Bergen FleetOS roadshow,event,approved,6000,6000,,,2028-02-01,2028-02-03,fleet-kit,\n"
        "KM-5,KP-2,FleetOS roadshow Oslo,event,approved,5000,5000,,,2028-05-12,2028-05-13,fleet-kit,\n"
        "KM-6,KP-1,GripCloud webinar,webinar,paid,2000,2000,2000,2000,2027-06-10,2027-06-10,grip-kit,5\n"
    ),
    "partner_candidates.csv": (
        "candidate_id,name,type,website,countries,competencies,industries\n"
        "KC-1,Douro Automacao,system_integrator,douro-auto.example,PT,GripCloud,Logistics\n"
        "KC-2,Gdansk Roboty Sp. z o.o.,var,gdansk-roboty.example,PL,FleetOS,Manufacturing\n"
        "KC-3,Tromso Automasjon AS,var,tromso-auto.example,NO,FleetOS,Manufacturing\n"
    ),
    "leads.csv": ("lead_id,company,country,industry,products,amount,created_on\n"
                  "KL-9,Tromso Havn AS,NO,Manufacturing,FleetOS,70000,2028-03-15\n"),
}


KITS = {
    "grip-kit.yaml": ("kit_id: grip-kit\nname: Gentle gripping with GripCloud\nproducts: [GripCloud]\n"
                      "call_to_action: Book a picking trial\nlocales:\n  en:\n    email_subject: \"{partner} and {vendor}\"\n"
                      "    email_body: \"Hi {first_name}, {call_to_action}.\"\n  pt:\n    call_to_action: Agende um teste\n"
                      "    email_subject: \"{partner} e {vendor}\"\n    email_body: \"Olá {first_name}, {call_to_action}.\"\n"),
    "fleet-kit.yaml": ("kit_id: fleet-kit\nname: FleetOS in the yard\nproducts: [FleetOS]\n"
                       "call_to_action: See a yard demo\nlocales:\n  en:\n    email_subject: \"{partner} and {vendor}\"\n"
                       "    email_body: \"Hi {first_name}, {call_to_action}.\"\n  es:\n    email_subject: \"{partner} y {vendor}\"\n"
                       "    email_body: \"Hola {first_name}, {call_to_action}.\"\n"),
}


@pytest.fixture(scope="module")
def ctx(tmp_path_factory):
    folder = write_world(tmp_path_factory.mktemp("book-world-in"), FILES)
    (folder / "campaigns").mkdir()
    for name, text in KITS.items():
        (folder / "campaigns" / name).write_text(text, encoding="utf-8")
    with records_only(tmp_path_factory.mktemp("book-world-home"), folder, TODAY) as context:
        yield context


def _ask(ctx, user, question):
    return ask(ctx, scope_for_user(ctx.store, user), question)


@pytest.mark.parametrize("question", ["which deals of my partners have had no movement for 45+ days?",
                                      "welche Deals meiner Partner haben seit 45 Tagen keine Bewegung?"])
def test_deals_idle_for_n_days_in_my_book(ctx, question):
    answer = _ask(ctx, "k-cm-a", question).answer
    assert "KO-1" in answer and "KO-4" in answer, answer  # 91 and 61 days without activity
    assert "KO-3" not in answer and "KO-2" not in answer, answer  # another manager's; active 5 days ago


def test_the_deal_idle_longest_in_my_book(ctx):
    answer = _ask(ctx, "k-cm-a", "which opp in my portfolio has been sitting idle the longest?").answer
    assert answer.index("KO-1") < answer.index("KO-4") and "KO-3" not in answer, answer


def test_open_deals_past_their_close_date_in_my_book(ctx):
    answer = _ask(ctx, "k-cm-a", "open opps in my book whose close date has already passed?").answer
    assert "KO-1" in answer and "KO-3" not in answer and "KO-4" not in answer, answer


def test_registrations_lapsed_in_a_window_and_in_my_book(ctx):
    recent = _ask(ctx, "k-cm-a", "which registrations lapsed in the last 20 days?").answer
    assert "KO-4" in recent and "KO-1" not in recent and "KO-3" not in recent, recent  # 15, 50 and 80 days ago
    mine = _ask(ctx, "k-cm-a", "担当パートナーで登録が失効しているものは？").answer
    assert "KO-1" in mine and "KO-4" in mine and "KO-3" not in mine and "KO-2" not in mine, mine


@pytest.mark.parametrize("question", ["which of my partners logged into the portal least last month?",
                                      "welche meiner Partner haben sich letzten Monat am wenigsten eingeloggt?"])
def test_my_partners_by_portal_logins_last_month(ctx, question):
    answer = _ask(ctx, "k-cm-a", question).answer
    assert "2028-02" in answer and answer.index("Fjord") < answer.index("Douro"), answer
    assert "Sonora" not in answer, answer


def test_partners_ranked_by_satisfaction_and_trainings(ctx):
    psat = _ask(ctx, "k-cm-a", "which of my partners had the lowest PSAT last quarter?").answer
    assert "2027-10..2027-12" in psat and psat.index("Fjord") < psat.index("Douro") and "Sonora" not in psat, psat
    trainings = _ask(ctx, "k-admin", "who completed the most trainings in 2027?").answer
    assert trainings.index("Sonora") < trainings.index("Fjord") < trainings.index("Douro"), trainings


def test_mdf_claims_to_pay_in_my_book(ctx):
    answer = _ask(ctx, "k-cm-a", "MDF claims to pay in my portfolio?").answer
    assert "KM-2" in answer and "KM-3" not in answer, answer
    everyone = _ask(ctx, "k-admin", "which MDF claims are still unpaid?").answer
    assert "KM-2" in everyone and "KM-3" in everyone, everyone


def test_approved_activities_ended_and_not_claimed(ctx):
    answer = _ask(ctx, "k-cm-a", "any approved MDF activities that ended but have not been claimed yet?").answer
    assert "KM-4" in answer and "KM-5" not in answer and "KM-2" not in answer, answer  # KM-5 is in May


def test_registrations_waiting_for_my_decision(ctx):
    answer = _ask(ctx, "k-cm-a", "Welche Registrierungen warten auf meine Entscheidung?").answer
    assert "KR-1" in answer and "KR-2" not in answer, answer


def test_partners_of_my_book_who_joined_this_year(ctx):
    answer = _ask(ctx, "k-cm-a", "¿qué socios de mi cartera entraron este año?").answer
    assert "KP-2" in answer and "KP-3" not in answer and "KP-1" not in answer, answer


def test_the_partner_that_won_the_most_revenue(ctx):
    answer = _ask(ctx, "k-cm-a", "which partner won the most revenue over the past 12 months?").answer
    assert "Douro" in answer and answer.index("Douro") < answer.index("Sonora"), answer


def test_an_activity_named_by_partner_and_month(ctx):
    answer = _ask(ctx, "k-mkt", "how many leads did Douro's webinar in February bring?").answer
    assert "12" in answer and "KM-2" in answer and "KM-6" not in answer, answer


def test_an_activity_named_by_words_and_an_event_word(ctx):
    pipeline = _ask(ctx, "k-mkt", "what open pipeline does the Porto seminar still have?").answer
    assert "120,000" in pipeline and "KM-1" in pipeline, pipeline
    paid = _ask(ctx, "k-mkt", "combien a été payé pour le Porto seminar ?").answer
    assert "7,900" in paid and "KM-1" in paid, paid
    quoted = _ask(ctx, "k-cm-b", "Sonora: ¿de cuánto es el reclamo de MDF de 'mining expo booth'?").answer
    assert "10,500" in quoted, quoted


def test_a_month_without_a_year_is_the_nearest_with_activities(ctx):
    answer = _ask(ctx, "k-cm-a", "Fjord has an MDF activity approved that starts in May - what is it and how much?")
    assert "KM-5" in answer.answer and "5,000" in answer.answer, answer.answer


def test_the_largest_payment_for_one_activity(ctx):
    answer = _ask(ctx, "k-mkt", "which partner received the largest MDF payment for one activity?").answer
    assert answer.startswith("Douro") and "7,900" in answer, answer


def test_quarters_by_count_and_by_ordinal_word():
    today = dt.date(2028, 3, 20)
    assert months_since("unspent MDF over the last two quarters?", today) == "2027-07..2027-12"
    assert months_since("MDF der letzten drei Quartale", today) == "2027-04..2027-12"
    assert mdf_period("Wie viel MDF ist im zweiten Quartal übrig?", 2026, dt.date(2026, 10, 7)) == "2026-Q2"
    assert mdf_period("MDF restant au troisième trimestre ?", 2026, dt.date(2026, 10, 7)) == "2026-Q3"
    assert mdf_period("MDF left in Q3?", 2028, dt.date(2028, 3, 20)) == "2027-Q3"  # this year's has not started
    assert mdf_period("MDF left in Q1?", 2028, dt.date(2028, 3, 20)) == "2028-Q1"


def test_whether_a_kit_has_a_language(ctx):
    spanish = _ask(ctx, "k-mkt", "is there a Spanish version of the FleetOS kit?").answer
    assert spanish.startswith("Yes") and "es" in spanish, spanish
    japanese = _ask(ctx, "k-mkt", "gibt es das GripCloud-Kit auf Japanisch?").answer
    assert japanese.startswith(("No", "Nein")) and "en, pt" in japanese, japanese


def test_a_kit_that_does_not_exist_is_said_not_to(ctx):
    cta = _ask(ctx, "k-mkt", "what's the CTA of the cold storage kit?").answer
    assert "storage" in cta and "GripCloud" in cta and "Book a picking trial" not in cta, cta
    draft = _ask(ctx, "k-mkt", "faz um rascunho do kit harbour-launch-2028 pra Douro").answer
    assert "harbour-launch-2028" in draft and "Agende" not in draft, draft
    real = _ask(ctx, "k-mkt", "what's the CTA of the GripCloud kit?").answer
    assert "Book a picking trial" in real, real


@pytest.mark.parametrize("question, partner", [
    ("who could take a FleetOS deal in Norway?", "KP-2"),
    ("new GripCloud opportunity at a Portuguese logistics company, which partners could we bring in?", "KP-1"),
    ("partners doing FleetOS for mining in Mexico?", "KP-3"),
])
def test_a_deal_that_is_no_record_finds_partners_by_product_and_place(ctx, question, partner):
    answer = _ask(ctx, "k-cm-a", question)
    assert partner in answer.answer and "find_partners" in [t.name for t in answer.tools], answer.answer


def test_a_candidate_on_the_list_that_is_already_a_partner(ctx):
    answer = _ask(ctx, "k-cm-a", "is Douro Automacao on the candidate list a new company for us?").answer
    assert answer.startswith("Douro Automacao (KC-1)") and "already a partner" in answer and "KP-1" in answer, answer


def test_candidates_in_a_country(ctx):
    answer = _ask(ctx, "k-cm-a", "Gibt es Kandidaten für die Partnergewinnung in Polen?")
    assert [t.name for t in answer.tools] == ["recruit_partners"], answer.answer
    assert "KC-2" in answer.answer and "KC-3" not in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["Fjord: how much more revenue to gold?",
                                      "wie viel mehr Umsatz braucht Fjord Maskin bis Gold?"])
def test_the_revenue_gap_to_a_tier(ctx, question):
    answer = _ask(ctx, "k-cm-a", question)
    assert "next_best_actions" not in [t.name for t in answer.tools], answer.answer
    assert "gold" in answer.answer.lower() and "KP-2" in answer.answer, answer.answer


def test_a_lead_routed_in_japanese_and_why(ctx):
    scope = scope_for_user(ctx.store, "k-cm-a")
    first = ask(ctx, scope, "リードKL-9に最適なパートナーは？")
    assert [t.name for t in first.tools] == ["route_lead"] and "KP-2" in first.answer, first.answer
    assert "NO" in first.answer.split("\n")[1] and "FleetOS" in first.answer.split("\n")[1], first.answer
    why = ask(ctx, scope, "その理由は？", thread_id=first.thread_id)
    assert [t.name for t in why.tools] == ["route_lead"] and "FleetOS" in why.answer, why.answer


def test_unspent_mdf_advice_names_the_kits_on_the_partners_products(ctx):
    scope = scope_for_user(ctx.store, "k-cm-a")
    first = ask(ctx, scope, "Douro - unspent MDF over the last two quarters?")
    advice = ask(ctx, scope, "what should I suggest to them about it?", thread_id=first.thread_id).answer
    assert "unspent MDF" in advice and "[grip-kit]" in advice and "[fleet-kit]" in advice, advice


@pytest.mark.parametrize("question, amount", [
    ("Fjord want 12k for their FleetOS roadshow - does that need a second approver?", "12k"),
    ("Douro quer 9.000 USD para um webinar, precisa de segunda aprovação?", "9.000 USD"),
])
def test_a_second_approval_for_an_amount_is_the_rule_asked_in_the_policys_words(ctx, question, amount):
    from assistant.engine.deterministic import plan_turn

    p = plan_turn(ctx, scope_for_user(ctx.store, "k-cm-a"), question)
    assert p.intent == "search" and "second approver" in p.arguments["query"], p
    assert amount in p.arguments["query"] and "Fjord" not in p.arguments["query"], p


@pytest.mark.parametrize("followup", ["and what happens to them if they're still below at the next review?",
                                      "und was passiert mit ihnen, wenn sie beim nächsten Review noch darunter liegen?"])
def test_what_happens_to_them_is_the_programmes_rule_not_their_next_steps(ctx, followup):
    scope = scope_for_user(ctx.store, "k-cm-a")
    first = ask(ctx, scope, "pull up Fjord Maskin's tier standing")
    then = ask(ctx, scope, followup, thread_id=first.thread_id)
    assert [t.name for t in then.tools] == ["search_content"], then.answer


def test_an_extension_asked_after_one_expiring_registration_is_about_that_deal(ctx):
    scope = scope_for_user(ctx.store, "k-cm-a")
    first = ask(ctx, scope, "which of my partners have a registration running out in the next 10 days?")
    assert "KO-2" in first.answer and "KO-4" not in first.answer, first.answer
    then = ask(ctx, scope, "if I grant the 30-day extension, what's the new end date?", thread_id=first.thread_id)
    assert "partner_profile" in [t.name for t in then.tools] and "KO-2" in then.answer, then.answer
    assert "2028-03-25" in then.answer, then.answer  # the end it would extend


def test_how_much_my_partners_mdf_activities_cost_in_a_period(ctx):
    answer = _ask(ctx, "k-cm-a", "how much did my partners' MDF activities cost in 2028?").answer
    assert "requested 9,000 USD" in answer and "paid 0" in answer, answer  # KM-2 and KM-4; KM-3 is not my book
    assert "KM-3" not in answer, answer


@pytest.mark.parametrize("question", ["what's closing in my book in the next 80 days?",
                                      "welche Deals meiner Partner schließen in den nächsten 80 Tagen?"])
def test_deals_closing_soon_in_my_book(ctx, question):
    answer = _ask(ctx, "k-cm-a", question).answer
    assert "KO-2" in answer and "KO-4" not in answer and "KO-1" not in answer, answer  # May 30; June 30; passed


def test_a_tier_asked_of_a_partner_that_does_not_exist(ctx):
    made_up = _ask(ctx, "k-cm-a", "tier standing for Zephyr Robotics?").answer
    assert "Zephyr Robotics" in made_up and "KP-" not in made_up, made_up
    real = _ask(ctx, "k-cm-a", "tier standing for Fjord Maskin?").answer
    assert "KP-2" in real and "silver" in real, real


@pytest.mark.parametrize("question", ["is there a bonus for channel managers who recruit new partners?",
                                      "¿hay alguna comisión por reclutar socios nuevos?"])
def test_what_recruiting_pays_is_no_ranking_of_candidates(ctx, question):
    answer = _ask(ctx, "k-cm-a", question)
    assert "recruit_partners" not in [t.name for t in answer.tools] and "KC-" not in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["what percentage of an MDF activity does Kestrel co-fund?",
                                      "quel pourcentage Kestrel cofinance-t-il sur une activité MDF ?"])
def test_the_co_funded_share_is_the_rule_not_a_list_of_activities(ctx, question):
    answer = _ask(ctx, "k-mkt", question)
    assert "list_mdf" not in [t.name for t in answer.tools] and "KM-" not in answer.answer, answer.answer


def test_an_activity_named_with_the_word_activity_is_no_draft(ctx):
    answer = _ask(ctx, "k-mkt", "quanto foi pago pela atividade GripCloud webinar da Douro em junho?")
    assert [t.name for t in answer.tools] == ["list_mdf"] and "KM-6" in answer.answer, answer.answer
    assert "2,000" in answer.answer and "KM-2" not in answer.answer, answer.answer


def test_a_runner_up_candidate_for_an_account_is_no_recruitment(ctx):
    answer = _ask(ctx, "k-cm-a", "Bergen Lagerの二番手候補は？")
    assert "recruit_partners" not in [t.name for t in answer.tools], answer.answer
