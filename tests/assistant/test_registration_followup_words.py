"""A follow-up about the registration of the deal in the thread, in the words people use ("when does its
registration end?", "wann läuft seine Registrierung ab?", "¿cuándo vence su registro?"): the deal's protection,
not the programme's rule (issue 17). On the second ecosystem (tests/assistant/other_world.py)."""
from __future__ import annotations

import pytest

from assistant.engine import router
from assistant.engine.agent import ask
from retrieval.scope import scope_for_user
from tests.assistant.other_world import build_other_world


@pytest.fixture()
def ctx(tmp_path):
    ctx = build_other_world(tmp_path / "home")
    yield ctx
    ctx.close()


@pytest.mark.parametrize("question", [
    "when does its registration end?", "wann läuft seine Registrierung ab?", "quand expire son enregistrement ?",
    "¿cuándo vence su registro?", "quando termina o seu registro?"])
def test_its_registration_is_the_thread_deals(question):
    assert router.profile_topic(question, set(), True, deal_in_thread=True) == "registrations"
    assert router.profile_topic(question, set(), True, deal_in_thread=False) is None  # no deal: the rule


@pytest.mark.parametrize("question", ["when does a registration end?", "what happens when a registration ends?"])
def test_the_rule_is_still_the_rule(question):
    assert router.profile_topic(question, set(), True, deal_in_thread=True) is None


def test_in_a_thread_about_a_deal_its_registration_is_answered(ctx):
    seller = scope_for_user(ctx.store, "h-ps-byte")
    first = ask(ctx, seller, "was ist der nächste Schritt beim SWU-SIEM-Deal?")
    assert "DEAL-509" in first.answer, first.answer
    r = ask(ctx, seller, "wann läuft seine Registrierung ab?", thread_id=first.thread_id)
    assert [t.name for t in r.tools] == ["partner_profile"] and "DEAL-509" in r.answer, r.answer


@pytest.mark.parametrize("question", ["Mostre os registros de deal da NorthStar Cyber",
                                      "Zeig mir die Deals von NorthStar Cyber",
                                      "NorthStar Cyberの案件を見せて"])
def test_another_partners_records_are_refused_in_any_wording(ctx, question):
    """A seller naming another partner and asking for its records (registrations, deals) is refused, also in
    wordings no data route knows (it was answered with an unrelated programme passage)."""
    r = ask(ctx, scope_for_user(ctx.store, "h-ps-byte"), question)
    assert not r.tools and "HP-103" not in r.answer and "DEAL-508" not in r.answer, r.answer
    assert r.withheld, r.answer  # a refusal: nothing was looked up


@pytest.mark.parametrize("question", ["Quais são os nossos registros?", "¿cuáles son nuestros registros?",
                                      "Zeig mir unsere Registrierungen"])
def test_our_registrations_named_after_our_are_ours(question):
    assert router.profile_topic(question, set(), True) == "registrations"
