"""Issue 17 (q21b class): a partner seller's own standing and the programme's rules, and names that do not exist.
On the second ecosystem (tests/assistant/other_world.py) and pure functions; every wording, name and number here is
made up and differs from the evaluation sets' (and no rule keys on a name of any set).

- a partner's way to a tier named ("what would it take to get us into platinum?", "¿conservamos el nivel gold?") is
  its standing against the tier rules, not the programme's passage;
- its registrations in a window of dates ("¿qué registros vencen este mes?") are its listing;
- follow-ups on the registrations just listed: "and the one that lapsed?", "when exactly does it run out?";
- a named deal's expected close date asked in other words; a plan's revenue target is no attribution;
- a registered deal's extra discount is the registration's rule when the tier table has no column for it, and a
  table row per tier gives every cell;
- a made-up company is said not to exist rather than offered near names (a real typo still resolves)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from assistant.engine import deal_facts
from assistant.engine.deterministic import plan_turn
from assistant.engine.intent_cues import profile_topics
from assistant.engine.router import aims_at_tier, profile_topic
from assistant.engine.threads import ConversationThread
from assistant.engine.tier_benefits import asks_registration_benefit, benefit_line, tier_cells
from retrieval import records as R
from retrieval.scope import scope_for_user
from tests.assistant.other_world import build_other_world


@pytest.fixture()
def other_ctx(tmp_path):
    ctx = build_other_world(tmp_path / "home")
    with ctx.store.session() as s:  # two partners sharing a word of their names ("Shield")
        s.add(R.Partner(partner_id="HP-108", name="Pacific Shield Ltd", type="msp", tier="silver", languages=["en"]))
        ctx.store.bump_records_version(s)
    yield ctx
    ctx.close()


def _plan(ctx, user: str, question: str, thread: ConversationThread | None = None):
    return plan_turn(ctx, scope_for_user(ctx.store, user), question, thread=thread)


# --- a partner's way to a tier ------------------------------------------------------------------------------

@pytest.mark.parametrize("question", [
    "what would it take to get us into platinum?",
    "how do we move up to gold?",
    "what do we need to hit silver?",
    "¿conservamos el nivel gold?",
    "y para subir a platino qué nos falta?",
    "mantemos o nível ouro?",
    "behalten wir Platin?",
    "et pour platine, il nous manque quoi ?",
])  # fmt: skip
def test_a_way_to_a_tier_is_the_partners_standing(question):
    assert "tier" in profile_topics(question), question
    assert profile_topic(question, set(), is_partner=True) == "tier", question


@pytest.mark.parametrize("question", [
    "once we hit the platinum numbers, when does the upgrade take effect?",
    "sobald wir Platin erreichen, ab wann gilt das?",
    "si on atteint le niveau or, quand est-ce que ça prend effet ?",
])  # fmt: skip
def test_when_a_tier_change_applies_is_the_programmes_rule(question):
    assert profile_topic(question, set(), is_partner=True) is None, question


def test_a_rule_worded_question_about_reaching_a_tier_is_still_our_standing(other_ctx):
    # "do we need to ..." reads as a rule; with a tier named by a partner seller it is its own gap
    for question in ("what do we need to hit platinum?", "what does it take to reach gold?"):
        assert aims_at_tier(question, is_partner=True), question
        p = _plan(other_ctx, "h-ps-byte", question)
        assert p.intent == "profile" and p.arguments.get("topic") == "tier", (question, p)
    # what a tier gets stays the programme's table, and nobody's standing is asked by the vendor's people
    assert not aims_at_tier("what resale discount do we get at platinum?", is_partner=True)
    assert not aims_at_tier("what does it take to reach gold?", is_partner=False)


def test_a_named_partners_tier_asked_in_other_words_with_its_start(other_ctx):
    with other_ctx.store.session() as s:
        s.get(R.Partner, "HP-104").joined_on = dt.date(2024, 3, 11)
        other_ctx.store.bump_records_version(s)
    for question in ("¿en qué nivel está Blue Harbor Consulting?", "in welcher Stufe ist Blue Harbor Consulting?",
                     "à quel niveau est Blue Harbor Consulting ?"):
        p = _plan(other_ctx, "h-cm", question)
        assert p.intent == "profile" and p.arguments == {"topic": "tier", "partner_id": "HP-104"}, (question, p)
    from assistant.engine.agent import ask
    answer = ask(other_ctx, scope_for_user(other_ctx.store, "h-cm"), "¿en qué nivel está Blue Harbor Consulting?")
    assert "gold" in answer.answer and "2024-03-11" in answer.answer, answer.answer


# --- registrations: a window, the one that lapsed, when it runs out --------------------------------------------

@pytest.mark.parametrize("question", [
    "¿qué registros vencen este mes?",
    "os nossos registros vencem esta semana?",
    "our registrations expiring this month?",
])  # fmt: skip
def test_registrations_in_a_window_are_the_partners_listing(question):
    assert profile_topic(question, set(), is_partner=True) == "registrations", question


@pytest.mark.parametrize(("question", "facts"), [
    ("and the one that lapsed?", ["days_left"]),
    ("und die abgelaufene?", ["days_left"]),
    ("¿y el que ya venció?", ["days_left"]),
    ("when exactly does it run out?", ["days_left"]),
    ("und wann genau läuft der ab?", ["days_left"]),
    ("elle expire quand exactement ?", ["days_left"]),
    ("when is it supposed to close?", ["close"]),
])  # fmt: skip
def test_follow_up_wordings_ask_the_registrations_facts(question, facts):
    assert deal_facts.facts_asked(question) == facts, question


def test_the_one_that_lapsed_is_picked_from_the_registrations_listed(other_ctx):
    seller = scope_for_user(other_ctx.store, "h-ps-byte")
    with other_ctx.store.session() as s:  # one registration ended 10 days ago, one runs on
        s.get(R.Opportunity, "DEAL-505").created_on = dt.date(2027, 1, 1)
        s.get(R.Opportunity, "DEAL-509").registered_by = "HP-101"
        s.get(R.Opportunity, "DEAL-509").created_on = dt.date(2027, 4, 20)
        other_ctx.store.bump_records_version(s)
    from assistant.engine.agent import ask
    first = ask(other_ctx, seller, "which of our registrations expire first?")
    assert first.tools[0].name == "partner_profile"
    lapsed = ask(other_ctx, seller, "and the one that lapsed?", thread_id=first.thread_id)
    assert "DEAL-505" in lapsed.answer and "DEAL-509" not in lapsed.answer, lapsed.answer
    counted = ask(other_ctx, seller, "wie viele aktive Registrierungen haben wir gerade?")
    head = counted.answer.splitlines()[0]
    assert re.search(r"\b1\b.*Registrierung", head) and "DEAL-509" in counted.answer, counted.answer  # counted, listed


# --- a named deal's close date; a plan's target -------------------------------------------------------------

def test_a_named_deals_expected_close_date_in_other_words(other_ctx):
    for question in ("when is SWU SIEM expected to close?", "¿cuándo se espera que cierre SWU SIEM?",
                     "quando SWU SIEM deve fechar?"):
        p = _plan(other_ctx, "h-ps-byte", question)
        assert p.intent == "deal_facts" and "close" in p.arguments["facts"], (question, p)
        assert p.arguments["deals"] == ["DEAL-509"]


def test_a_plans_revenue_target_is_not_the_revenue_won(other_ctx):
    for question in ("what's the revenue target of our 2027 joint plan?", "qual é a meta de receita do nosso plano 2027?"):
        p = _plan(other_ctx, "h-ps-byte", question)
        assert p.intent != "attribution", (question, p)


# --- tier tables and a registered deal's discount -----------------------------------------------------------

TABLE = ("tier: cobalt; revenue won (12 months): 80,000 USD; certified people: 3; resale margin: 12%; NFR kits: 8 "
         "tier: titan; revenue won (12 months): 400,000 USD; certified people: 9; resale margin: 19%; NFR kits: 40 "
         "[Helios tiers]")


def test_every_cell_of_a_row_per_tier_is_read():
    assert ("resale margin", "19%") in tier_cells(TABLE, "titan")
    assert ("NFR kits", "8") in tier_cells(TABLE, "cobalt")
    assert benefit_line("what resale margin does a Titan partner get?", [TABLE], "titan") == ("resale margin", "19%")


def test_a_discount_on_a_registered_deal_is_the_registrations_benefit():
    for question in ("how much extra discount on a registered deal?", "Rabatt zusätzlich auf registrierte Deals?",
                     "¿qué descuento extra tiene un deal registrado?", "登録済みの案件の割引は？"):
        assert asks_registration_benefit(question), question
    assert not asks_registration_benefit("what's our resale discount?")
    assert not asks_registration_benefit("what discount do registered partners get?")  # the tier, not a deal


# --- names that do not exist ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("question", "name"), [
    ("who's on the Vikings Shield Partners account team?", "Vikings Shield Partners"),
    ("how is Tidewater Shield doing?", "Tidewater Shield"),
    ("cómo va el onboarding de Andes Ciber Aliados?", "Andes Ciber Aliados"),
    ("wie läuft das Onboarding von Fjordline Cyber?", "Fjordline Cyber"),
    ("瀬戸内ファイナンスの案件の次のステップは？", "瀬戸内ファイナンス"),
])  # fmt: skip
def test_a_made_up_company_is_said_not_to_exist(other_ctx, question, name):
    user = "h-ps-koyo" if "案件" in question else "h-cm"
    p = _plan(other_ctx, user, question)
    assert p.reply and name in p.reply and not p.candidates, (question, p)


@pytest.mark.parametrize(("question", "partner"), [
    ("how is Pacfic Shield doing?", "HP-108"),
    ("who's on the Crimson Shield account team?", "HP-100"),
])  # fmt: skip
def test_a_real_typo_or_a_real_name_still_resolves(other_ctx, question, partner):
    p = _plan(other_ctx, "h-cm", question)
    assert not p.reply and p.arguments.get("partner_id") == partner, (question, p)
