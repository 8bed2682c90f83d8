"""The channel team's figures in chat, in our languages: the partners' share of won revenue in a period named as
a quarter or a year ("part des partenaires au T1", "Partneranteil 2025"), the sourced/influenced totals never read
as one partner whose name resembles a word of the question, a half-year still to come is no error, and a plan's
target is content, not the figures."""
from __future__ import annotations

import datetime as dt

import pytest

from assistant.engine import analytics_chat, recruit_chat
from assistant.engine.agent import ask
from retrieval.scope import scope_for_user
from tests.records_only import records_only
from tests.tools.programme_world import write_world

TODAY = "2026-05-20"
PARTNERS = ("partner_id,name,type,tier,countries,competencies,industries,joined_on\n"
            "P-1,Alpine IT,var,gold,DE;AT,Lakehouse;Governance,Healthcare,2021-04-12\n"
            "P-2,Rhein Systems,system_integrator,silver,DE,Lakehouse;Governance,Healthcare;Retail,2023-02-01\n"
            "P-3,Iberia Cloud,reseller,registered,ES,Lakehouse,Retail,2025-08-19\n"
            "P-4,Vantage Influence Collective,var,registered,DE,Lakehouse,Retail,2025-10-30\n")
# won in Q1 2026: 40k sourced by P-1, 20k influenced by P-2, 40k direct (partner share 60%); in 2025: 30k + 10k
OPPS = ("opportunity_id,account_id,name,stage,products,created_on,close_date,partner_id,partner_role,amount\n"
        "O-1,A-2,Freight lakehouse,proposal,Lakehouse,2026-01-10,2026-07-01,P-2,sourced,50000\n"
        "O-2,A-3,Retail governance,closed_won,Governance,2025-06-01,2025-09-01,P-3,sourced,30000\n"
        "O-3,A-1,Clinic lakehouse,closed_won,Lakehouse,2025-10-01,2025-11-15,P-4,influenced,10000\n"
        "O-4,A-1,Clinic governance,closed_won,Governance,2025-12-01,2026-02-10,P-1,sourced,40000\n"
        "O-5,A-2,Freight governance,closed_won,Governance,2025-12-05,2026-03-01,P-2,influenced,20000\n"
        "O-6,A-3,Retail lakehouse,closed_won,Lakehouse,2025-12-10,2026-03-20,,,40000\n")


@pytest.fixture(scope="module")
def ctx(tmp_path_factory):
    folder = write_world(tmp_path_factory.mktemp("cm-book-in"), {"partners.csv": PARTNERS, "opportunities.csv": OPPS})
    with records_only(tmp_path_factory.mktemp("cm-book-home"), folder, TODAY) as context:
        yield context


def _ask(ctx, question, user="u-cm"):
    return ask(ctx, scope_for_user(ctx.store, user), question)


@pytest.mark.parametrize("question", ["quelle part des partenaires dans le revenu gagné au T1 2026 ?",
                                      "Partneranteil am gewonnenen Umsatz im Q1 2026?",
                                      "¿cuota de socios en los ingresos ganados del Q1 2026?",
                                      "partner share of won revenue in Q1 2026?"])
def test_the_partners_share_of_won_revenue_in_a_named_quarter(ctx, question):
    answer = _ask(ctx, question)
    assert [t.name for t in answer.tools] == ["programme_attribution"], answer.answer
    assert answer.tools[0].arguments.get("from_date") == "2026-01-01", answer.tools[0].arguments
    assert "60%" in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["revenus gagnés en 2025, sourced vs influenced",
                                      "won revenue 2025: sourced vs influenced?",
                                      "attribution 2025 sourced / influenced"])
def test_sourced_against_influenced_is_the_totals_not_a_partner_named_like_the_word(ctx, question):
    answer = _ask(ctx, question)
    assert [t.name for t in answer.tools] == ["programme_attribution"], answer.answer
    assert not answer.tools[0].arguments.get("partner_id"), answer.tools[0].arguments
    assert "30,000" in answer.answer and "10,000" in answer.answer, answer.answer  # sourced and influenced in 2025


def test_a_partner_named_in_full_still_gets_its_own_figures(ctx):
    answer = _ask(ctx, "how much did Vantage Influence Collective win in 2025?")
    assert answer.tools[0].arguments.get("partner_id") == "P-4", answer.answer


@pytest.mark.parametrize("question", ["partner share of won revenue in H2?", "part des partenaires au S2 ?",
                                      "won revenue in the second half?"])
def test_a_half_year_still_to_come_is_no_error(ctx, question):
    assert analytics_chat.named_period(question, dt.date.fromisoformat(TODAY)) is None
    answer = _ask(ctx, question)  # before: "--from 2026-07-01 is after --to 2026-05-20"
    assert "is after --to" not in answer.answer and answer.answer.strip(), answer.answer


@pytest.mark.parametrize("question", ["what is the H2 partner share target in the channel plan?",
                                      "objectif de part des partenaires pour le S2 ?",
                                      "Zielwert für den Partneranteil im zweiten Halbjahr?",
                                      "¿cuál es la meta de cuota de socios?", "パートナー比率の目標は？"])
def test_a_plans_target_is_content_not_the_figures(question):
    assert analytics_chat.intent_of(question, set()) is None


@pytest.mark.parametrize(("question", "start"), [("won revenue in Q1 2026?", "2026-01-01"),
                                                 ("chiffre d'affaires gagné en 2025 ?", "2025-01-01"),
                                                 ("受注額は2025年にいくら？", "2025-01-01")])
def test_won_revenue_in_a_named_period_is_that_periods(ctx, question, start):
    answer = _ask(ctx, question)  # before: the trailing 12 months, whatever the period named
    assert answer.tools[0].arguments.get("from_date") == start, (answer.answer, answer.tools)


@pytest.mark.parametrize("question", ["quelles affaires stagnent chez mes partenaires ?", "quelles affaires n'avancent plus ?",
                                      "¿qué oportunidades se estancaron?", "welche Deals stagnieren?",
                                      "which deals are stagnating?", "進んでいない案件は？"])
def test_stalled_deals_in_other_words(question):
    assert analytics_chat.STALLED_RE.search(question)


@pytest.mark.parametrize("question", ["quels partenaires sont en sommeil ?", "quels partenaires se sont endormis ?",
                                      "¿qué socios se han dormido?", "quais parceiros estão adormecidos?"])
def test_partners_gone_to_sleep_are_the_declining_ones(question):
    assert analytics_chat.intent_of(question, set()) == "at_risk" and analytics_chat.QUIET.search(question)


def test_a_channel_managers_sleeping_partners_in_french(ctx):
    answer = _ask(ctx, "quels partenaires se sont endormis ces trois derniers mois ?")
    assert [t.name for t in answer.tools] == ["programme_portfolio"], answer.answer  # before: a search of content


@pytest.mark.parametrize("question", ["¿en qué nivel está Iberia Cloud y desde cuándo es socio?",
                                      "à quel niveau est Iberia Cloud ?", "auf welcher Stufe ist Iberia Cloud?",
                                      "em que nível está a Iberia Cloud?", "what tier is Iberia Cloud on?"])
def test_a_named_partners_tier_and_since_when(ctx, question):
    answer = _ask(ctx, question)
    assert [t.name for t in answer.tools] == ["partner_profile"], answer.answer
    assert "registered" in answer.answer.splitlines()[0] and "2025-08-19" in answer.answer, answer.answer


@pytest.mark.parametrize(("question", "code"), [("韓国でのリクルート候補は？", "KR"),
                                                ("candidats à recruter en Corée du Sud ?", "KR"),
                                                ("welche Partner sollten wir in Südkorea rekrutieren?", "KR"),
                                                ("¿a quién reclutar en Chile?", "CL")])
def test_recruitment_in_a_country_named_in_any_language(question, code):
    assert recruit_chat.is_recruit_question(question) and recruit_chat.country_in(question) == code


@pytest.mark.parametrize("question", ["which partners joined in 2025 or later, and have they won anything?",
                                      "quels partenaires ont rejoint le programme depuis 2025 ?",
                                      "welche Partner sind seit 2025 beigetreten?",
                                      "2025年以降に加入したパートナーは？"])
def test_partners_joined_since_a_year_with_their_wins(ctx, question):
    answer = _ask(ctx, question)  # before: only those of that one year (or none), without their wins
    assert [t.name for t in answer.tools] == ["records_overview"], answer.answer
    lines = {line.split("(")[1].split(")")[0]: line for line in answer.answer.splitlines() if line.startswith("- ")}
    assert set(lines) == {"P-3", "P-4"}, answer.answer
    assert "30,000" in lines["P-3"] and "10,000" in lines["P-4"], answer.answer  # each one's wins since joining
