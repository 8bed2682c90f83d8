"""A refusal in the asker's language names the permission missing in that language, never the English reason of
the error (found on the other-vendor world: "Désolé ... : user 'u-mkt-2' (marketer) may not see opportunities")."""
from __future__ import annotations

import pytest

from assistant.core.errors import Forbidden
from assistant.engine.messages import say
from assistant.engine.turn import forbidden_message
from retrieval.scope import CAPABILITY_WORDS, Scope


def test_every_permission_word_is_in_the_six_languages():
    keys = [k for k in CAPABILITY_WORDS if f"cap_{k}" in say]
    assert {"records", "map", "match", "nba", "registrations", "leads", "mdf", "recruit"} <= set(keys)
    assert not [m for m in say.missing() if m[0].startswith("cap_")]


@pytest.mark.parametrize(("lang", "words"), [("fr", "voir les opportunités et les comptes"),
                                             ("de", "Opportunities und Accounts sehen"),
                                             ("ja", "商談とアカウントを見る")])
def test_a_refused_permission_in_the_askers_language(lang, words):
    scope = Scope(user_id="u-m", role="marketer")
    with pytest.raises(Forbidden) as caught:
        scope.require("records")
    assert caught.value.capability == "records"
    text = forbidden_message(scope, caught.value, lang=lang)
    assert words in text and "may not" not in text and "u-m" not in text


def test_english_keeps_the_reason():
    scope = Scope(user_id="u-m", role="marketer")
    with pytest.raises(Forbidden) as caught:
        scope.require("records")
    assert "may not see opportunities and accounts" in forbidden_message(scope, caught.value, lang="en")
