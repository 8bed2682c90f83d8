"""A partner's win rate in chat (issue 17: "what is our win rate this year?" found no passage in any language):
the share of the deals it closed (engaged or registered) that it won, over the period asked or the trailing 12
months, its own only. On the second ecosystem (tests/assistant/other_world.py), with closed deals added here."""
from __future__ import annotations

import datetime as dt

import pytest

from assistant.engine.agent import ask
from retrieval import records as R
from retrieval.scope import scope_for_user
from tests.assistant.other_world import TODAY, build_other_world

D = dt.date
# HP-101's closed deals (TODAY 2027-05-03): won / lost, this year and the months before, one registered only
CLOSED = [("W-1", "closed_won", D(2027, 1, 20), "HP-101", None), ("W-2", "closed_won", D(2027, 4, 2), None, "HP-101"),
          ("W-3", "closed_lost", D(2027, 2, 11), "HP-101", None), ("W-4", "closed_won", D(2026, 9, 5), "HP-101", None),
          ("W-5", "closed_lost", D(2026, 7, 1), "HP-101", None), ("W-6", "closed_lost", D(2025, 12, 1), "HP-101", None),
          ("W-7", "closed_won", D(2027, 3, 3), "HP-103", None)]  # fmt: skip


@pytest.fixture(scope="module")
def ctx(tmp_path_factory):
    ctx = build_other_world(tmp_path_factory.mktemp("winrate") / "home")
    with ctx.store.session() as s:
        for oid, stage, closed, partner, registered in CLOSED:
            s.add(R.Opportunity(opportunity_id=oid, account_id="AC-9004", name=f"Deal {oid}", stage=stage,
                                amount=10_000, products=["Beacon SIEM"], partner_id=partner, registered_by=registered,
                                close_date=closed, created_on=closed - dt.timedelta(days=60)))
        ctx.store.bump_records_version(s)
    yield ctx
    ctx.close()


def _expected(start: dt.date, end: dt.date) -> tuple[int, int]:
    mine = [stage for _, stage, closed, p, r in CLOSED if "HP-101" in (p, r) and start <= closed <= end]
    return mine.count("closed_won"), len(mine)


@pytest.mark.parametrize(("question", "start", "said"), [
    ("what's our win rate this year?", D(2027, 1, 1), "win rate of"),
    ("Wie hoch ist unsere Abschlussquote dieses Jahr?", D(2027, 1, 1), "Gewinnquote von"),
    ("quel est notre taux de réussite ?", TODAY - dt.timedelta(days=364), "taux de réussite de"),
    ("¿cuál es nuestra tasa de cierre?", TODAY - dt.timedelta(days=364), "tasa de éxito del"),
    ("受注率は？", TODAY - dt.timedelta(days=364), "受注率"),
])  # fmt: skip
def test_a_sellers_win_rate_is_counted_from_its_closed_deals(ctx, question, start, said):
    r = ask(ctx, scope_for_user(ctx.store, "h-ps-byte"), question)
    won, closed = _expected(start, TODAY)
    assert [t.name for t in r.tools] == ["partner_profile"], r.answer
    assert said in r.answer and f"{won / closed:.0%}" in r.answer and str(closed) in r.answer, r.answer
    assert "HP-103" not in r.answer


def test_a_period_with_no_closed_deal_says_so(ctx):
    r = ask(ctx, scope_for_user(ctx.store, "h-ps-byte"), "what was our win rate in Q1 2025?")
    assert "no win rate" in r.answer and "%" not in r.answer, r.answer


def test_another_partners_win_rate_is_refused_to_a_seller(ctx):
    r = ask(ctx, scope_for_user(ctx.store, "h-ps-byte"), "what's NorthStar Cyber's win rate?")
    assert not r.tools and "100%" not in r.answer, r.answer


@pytest.mark.parametrize(("question", "total"), [
    ("what's our total pipeline?", "Total value"),
    ("Wie groß ist unsere Pipeline insgesamt? Gesamtwert bitte", "Gesamtwert"),
    ("quel est le montant total de notre pipeline ?", "Valeur totale"),
    ("私たちのパイプラインの合計はいくら？", "合計金額"),
])  # fmt: skip
def test_a_sellers_total_pipeline_is_its_open_deals_total(ctx, question, total):
    """ "what's our total pipeline?" went to next best actions: the partner's open deals and their total."""
    from tests.assistant.other_world import DEALS

    expected = sum(amount for _, _, _, stage, amount, _, p, r in DEALS if "HP-101" in (p, r)
                   and not stage.startswith("closed"))
    r = ask(ctx, scope_for_user(ctx.store, "h-ps-byte"), question)
    assert [t.name for t in r.tools] == ["partner_profile"], r.answer
    assert total in r.answer and f"{expected:,.0f}" in r.answer, r.answer


def test_a_channel_managers_total_pipeline_is_the_vendors(ctx):
    r = ask(ctx, scope_for_user(ctx.store, "h-cm"), "what's our total pipeline?")
    assert [t.name for t in r.tools] == ["records_overview"], r.answer


@pytest.mark.parametrize(("question", "first"), [
    ("which partners have the highest win rate?", "HP-103"),
    ("¿qué socios tienen la tasa de éxito más baja?", "HP-101"),
    ("受注率が一番低いパートナーは？", "HP-101"),
    ("who has the best win rate?", "HP-103"),
])  # fmt: skip
def test_a_channel_manager_ranks_partners_by_win_rate(ctx, question, first):
    """Partners ranked by the won share of the deals they closed in the last 12 complete months (HP-101: 3 of 5
    from 2026-05 to 2027-04; HP-103: 1 of 1), the way asked ("highest" was read as the lowest first)."""
    r = ask(ctx, scope_for_user(ctx.store, "h-cm"), question)
    assert [t.name for t in r.tools] == ["records_overview"], r.answer
    ranked = [line for line in r.answer.splitlines() if line[:2] in ("1.", "2.")]
    assert len(ranked) == 2 and f"({first})" in ranked[0], r.answer
    assert "60" in next(line for line in ranked if "(HP-101)" in line) and "5" in r.answer


@pytest.mark.parametrize("question", ["what's our win rate against legacy antivirus according to the battlecard?",
                                      "notre taux de réussite contre les suites historiques ?"])
def test_a_win_rate_against_a_competitor_is_no_partners_figure(question):
    from assistant.engine import router

    assert router.profile_topic(question, set(), True) is None  # the battlecard's figure (content)
    assert router.profile_topic("what's our win rate?", set(), False) is None  # a channel manager's: the vendor's
    assert router.profile_topic("what's our win rate?", set(), True) == "win_rate"
