"""A partner seller's own figures asked in wordings found on a variant of the other-vendor world (Portuguese and
Spanish verb forms, a Spanish adjective after its noun, "current" registrations), tested on the demo with other
sellers and wordings: they reach the partner's own records, never a content search."""
from __future__ import annotations

import pytest

from assistant.engine.agent import ask
from retrieval.scope import scope_for_user


def _ask(ctx, user, question):
    return ask(ctx, scope_for_user(ctx.store, user), question)


@pytest.mark.parametrize(("user", "question"), [
    ("u-ps-paulista", "quantos negócios ganhamos este ano?"),
    ("u-ps-lisboa", "quantas oportunidades ganhamos em 2025?"),
])
def test_won_deals_of_a_period_in_verb_forms(demo_ctx, user, question):
    r = _ask(demo_ctx, user, question)
    names = [t.name for t in r.tools]
    assert names and "search_content" not in names, r.answer
    assert ("2025" in question) == ("2025-01-01" in r.answer), r.answer


def test_the_open_pipeline_with_the_adjective_after_the_noun(demo_ctx):
    r = _ask(demo_ctx, "u-ps-paulista", "qual é o pipeline aberto que temos?")
    assert [t.name for t in r.tools] == ["partner_profile"] and r.tools[0].arguments["topic"] == "deals", r.answer


@pytest.mark.parametrize("question", ["what are our current registrations?", "which registrations do we have right now?",
                                      "our registrations right now?"])
def test_current_registrations_are_ours_still_running(demo_ctx, question):
    r = _ask(demo_ctx, "u-ps-kingsbridge", question)
    assert [t.name for t in r.tools] == ["partner_profile"], r.answer
    assert r.tools[0].arguments["topic"] == "registrations", r.answer


@pytest.mark.parametrize(("question", "ours"), [
    ("nos enregistrements expirent quand ?", True), ("when do our registrations run out?", True),
    ("wann laufen unsere Registrierungen ab?", True), ("when does a registration expire?", False),
])
def test_when_our_registrations_end_is_ours_not_the_rule(question, ours):
    from assistant.engine import router
    assert (router.profile_topic(question, set(), True) == "registrations") is ours
