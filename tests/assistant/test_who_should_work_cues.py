""""Who should work / take / help on it?" asked in French, Spanish, Portuguese or Japanese is the partner fit, as
in English and German; "who must approve ..." stays a question about the programme (found on the other-vendor
world asked by a channel manager in French and Portuguese)."""
from __future__ import annotations

import pytest

from assistant.engine.intent_cues import score_intents


@pytest.mark.parametrize("question", [
    "qui devrait travailler l'affaire Westbury Foods ?", "qui pourrait nous aider sur l'opportunité Kestrel ?",
    "¿quién debería llevar la oportunidad de Ferrovia Sur?", "¿quién podría ayudarnos con Harbor Textiles?",
    "quem deveria trabalhar a oportunidade da Serra Azul?", "quem pode ajudar no negócio da Vale Verde?",
    "Kestrel の案件は誰が担当すべき？",
])
def test_who_should_work_a_deal_is_the_partner_fit(question):
    assert score_intents(question).best()[0] == "match"


@pytest.mark.parametrize("question", ["qui doit approuver une demande MDF ?", "¿quién aprueba los registros?",
                                      "quem deve aprovar o registro?"])
def test_who_approves_is_no_partner_fit(question):
    assert score_intents(question).best()[0] != "match"
