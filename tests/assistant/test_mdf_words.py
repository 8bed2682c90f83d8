"""Marketing development funds as partners name them in their language: one vocabulary (intent_cues.MDF_WORDS)
for every MDF cue of the engine, so "FDM" (fonds / fondos de desarrollo de marketing), "fonds marketing",
"Marketingbudget", "verba de marketing" reach the partner's MDF figures like "MDF" does (found on a French and
Spanish variant of the other-vendor world; tested on the demo with other sellers and wordings)."""
from __future__ import annotations

import pytest

from assistant.engine.agent import ask
from assistant.engine.intent_cues import MDF_WORDS_RE, profile_topics
from retrieval.scope import scope_for_user


@pytest.mark.parametrize("question", [
    "combien de FDM nous reste-t-il ?", "¿cuánto FDM nos queda?", "il nous reste combien de fonds marketing ?",
    "combien de fonds de développement marketing avons-nous dépensé ?", "¿cuántos fondos de marketing nos quedan?",
    "quanto de verba de marketing ainda temos?", "wie viel Marketingbudget ist noch übrig?",
    "how much marketing development funds do we have left?", "MDFの残りはいくら？",
])
def test_mdf_said_in_many_ways_is_the_partners_mdf(question):
    assert MDF_WORDS_RE.search(question)
    assert "mdf" in profile_topics(question)


@pytest.mark.parametrize("question", ["what is the fdmx connector?", "marketing plan for the launch?",
                                      "how much budget does the customer have?"])
def test_other_words_are_not_mdf(question):
    assert not MDF_WORDS_RE.search(question)


def test_a_french_seller_asking_in_fdm_gets_their_mdf_figures(demo_ctx):
    seller = "u-ps-orion"
    r = ask(demo_ctx, scope_for_user(demo_ctx.store, seller), "combien de FDM avons-nous dépensé depuis janvier ?")
    assert [t.name for t in r.tools] == ["partner_profile"]
    assert r.tools[0].arguments.get("topic") == "mdf" and r.tools[0].arguments.get("period")
