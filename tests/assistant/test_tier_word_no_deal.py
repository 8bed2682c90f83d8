"""A tier's name alone names no deal (issue 17: "are we still gold?" and "Alpenbau tient-il toujours les critères
Gold ?" went to the next best actions of a "Gold Coast ..." deal). The deal named in full still resolves."""
from __future__ import annotations

import datetime as dt

import pytest

from assistant.engine.agent import ask
from retrieval import records as R
from retrieval.scope import scope_for_user
from tests.assistant.other_world import build_other_world


@pytest.fixture(scope="module")
def ctx(tmp_path_factory):
    ctx = build_other_world(tmp_path_factory.mktemp("tierword") / "home")
    with ctx.store.session() as s:
        s.add(R.Account(account_id="AC-9100", name="Gold Coast Harbour Works", status="prospect", country="AU"))
        s.add(R.Opportunity(opportunity_id="DEAL-590", account_id="AC-9100", name="Gold Coast Harbour SIEM",
                            stage="proposal", amount=50_000, products=["Beacon SIEM"], partner_id="HP-101",
                            last_activity_on=dt.date(2027, 4, 20)))
        ctx.store.bump_records_version(s)
    yield ctx
    ctx.close()


@pytest.mark.parametrize("question", ["are we still gold?", "sind wir noch Gold?", "sommes-nous toujours gold ?"])
def test_a_tier_word_is_the_partners_tier_not_a_deal(ctx, question):
    r = ask(ctx, scope_for_user(ctx.store, "h-ps-byte"), question)
    assert "DEAL-590" not in r.answer and [t.name for t in r.tools] == ["partner_profile"], r.answer


def test_the_deal_named_in_full_still_resolves(ctx):
    r = ask(ctx, scope_for_user(ctx.store, "h-ps-byte"), "what's next on the Gold Coast Harbour deal?")
    assert "DEAL-590" in r.answer, r.answer


@pytest.mark.parametrize("question", ["プラチナの要件はまだ満たしてる？", "ゴールドの基準を満たせる？"])
def test_a_tier_standing_asked_in_japanese_is_the_partners_own(ctx, question):
    r = ask(ctx, scope_for_user(ctx.store, "h-ps-koyo"), question)
    assert [t.name for t in r.tools] == ["partner_profile"], r.answer
