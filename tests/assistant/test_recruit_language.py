"""Recruitment candidates asked in Portuguese or German: the answer's fixed sentences in that language, the
ranking's figures as the tool gives them (found on the other-vendor world: "Nenhum candidato" was "No candidate")."""
from __future__ import annotations

import pytest

from assistant.engine.agent import ask
from retrieval.scope import scope_for_user


@pytest.mark.parametrize(("question", "head"), [
    ("quais empresas devemos recrutar como parceiros?", "Empresas a recrutar como parceiros"),
    ("Welche Unternehmen sollten wir als Partner gewinnen?", "Unternehmen, die als Partner gewonnen werden sollten"),
])
def test_recruitment_in_the_askers_language(demo_ctx, question, head):
    r = ask(demo_ctx, scope_for_user(demo_ctx.store, "u-admin"), question)
    assert [t.name for t in r.tools] == ["recruit_partners"], r.answer
    assert head in r.answer and "Companies to recruit" not in r.answer, r.answer
