"""The programme-wide MDF return in the asker's language: a marketer asking in Portuguese or Japanese gets the
figures of `mdf roi` with the sentences in that language, never the English ones (found on a variant of the
other-vendor world, asked in French)."""
from __future__ import annotations

import pytest

from assistant.engine.agent import ask
from retrieval.scope import scope_for_user
from tools.mdf.roi import mdf_roi


@pytest.mark.parametrize(("question", "head"), [
    ("qual foi o retorno do MDF no período todo de 2026 até agora?", "Atividades de MDF iniciadas"),
    ("今年のMDFのROIは？", "に開始した MDF 活動"),
])
def test_the_mdf_return_in_the_askers_language(demo_ctx, question, head):
    scope = scope_for_user(demo_ctx.store, "u-mkt-2")
    r = ask(demo_ctx, scope, question)
    assert [t.name for t in r.tools] == ["mdf_roi"], r.answer
    args = r.tools[0].arguments
    roi = mdf_roi(demo_ctx, scope, None, args["from"], args["to"])
    assert head in r.answer, r.answer
    assert "Paid off" not in r.answer and "Details:" not in r.answer, r.answer
    assert f"{sum(a.paid for a in roi.activities):,.0f}" in r.answer, r.answer
