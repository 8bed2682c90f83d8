"""A partner seller's "any stalled deals?" in our languages: its own open deals gone quiet beyond this vendor's norm
for their stage (the bar of next best actions' stalled-deal action), not every open deal nor a content search
(issue 17). On the second ecosystem (tests/assistant/other_world.py) with a stage norm added here."""
from __future__ import annotations

import datetime as dt

import pytest

from assistant.engine.agent import ask
from retrieval import records as R
from retrieval.scope import scope_for_user
from tests.assistant.other_world import TODAY, build_other_world


@pytest.fixture(scope="module")
def ctx(tmp_path_factory):
    ctx = build_other_world(tmp_path_factory.mktemp("stalled") / "home")
    with ctx.store.session() as s:
        for i in range(8):  # the norm: proposal deals quiet 3-10 days
            s.add(R.Opportunity(opportunity_id=f"N-{i}", account_id="AC-9005", name=f"Norm deal {i}",
                                stage="proposal", amount=20_000, products=["Beacon SIEM"], partner_id="HP-100",
                                last_activity_on=TODAY - dt.timedelta(days=3 + i)))
        s.add(R.Opportunity(opportunity_id="Q-1", account_id="AC-9004", name="Ulm quiet proposal", stage="proposal",
                            amount=70_000, products=["Beacon SIEM"], partner_id="HP-101",
                            last_activity_on=TODAY - dt.timedelta(days=75)))
        s.add(R.Opportunity(opportunity_id="Q-2", account_id="AC-9006", name="Koyo quiet proposal", stage="proposal",
                            amount=70_000, products=["Beacon SIEM"], partner_id="HP-102",
                            last_activity_on=TODAY - dt.timedelta(days=80)))
        s.add(R.Opportunity(opportunity_id="B-1", account_id="AC-9004", name="Ulm busy proposal", stage="proposal",
                            amount=10_000, products=["Beacon SIEM"], partner_id="HP-101",
                            last_activity_on=TODAY - dt.timedelta(days=4)))
        ctx.store.bump_records_version(s)
    yield ctx
    ctx.close()


@pytest.mark.parametrize(("user", "question"), [
    ("h-ps-byte", "any stalled deals?"),
    ("h-ps-byte", "Haben wir Deals, die festgefahren sind?"),
    ("h-ps-byte", "Tem negócio parado?"),
    ("h-ps-koyo", "止まっている案件はある？"),
])  # fmt: skip
def test_a_sellers_stalled_deals_are_its_own_quiet_ones(ctx, user, question):
    own, other = ("Q-1", "Q-2") if user == "h-ps-byte" else ("Q-2", "Q-1")
    r = ask(ctx, scope_for_user(ctx.store, user), question)
    assert [t.name for t in r.tools] == ["partner_profile"], r.answer
    assert own in r.answer and other not in r.answer and "B-1" not in r.answer and "DEAL-50" not in r.answer, r.answer
    assert "75" in r.answer or "80" in r.answer


def test_a_deal_without_a_close_date_never_prints_none(ctx):
    r = ask(ctx, scope_for_user(ctx.store, "h-ps-byte"), "any stalled deals?")
    assert "None" not in r.answer and ("no close date" in r.answer or "kein Abschlussdatum" in r.answer), r.answer
