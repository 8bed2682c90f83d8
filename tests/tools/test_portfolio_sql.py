"""The portfolio's set-based SQL (tools.next_best_action.portfolio_sql, one pass for today and 90 days ago)
gives the same figures as the per-deal Python computation it replaced (partner_health.all_partner_metrics,
kept as the reference): the whole `portfolio` answer, today and as of a past day (the digest's week ago),
on the demo world, a second generated world, a random world with partners registering deals they are or
are not engaged on, and the demo world on Postgres (team mode)."""
from __future__ import annotations

import datetime as dt
import random
import shutil

import pytest
from sqlalchemy import select, update

from assistant.core.config import Settings
from assistant.core.errors import Forbidden
from assistant.engine.context import AppContext
from connectors.csv_folder import read_import_folder
from evals.bench import portfolio as bench
from retrieval.ingest import replace_records
from retrieval.records import Opportunity
from retrieval.scope import Scope
from tests.foundation.pg import throwaway_postgres
from tools.analytics import portfolio as portfolio_module
from tools.next_best_action import service as nba

GENERATED = {"demo": (7, dt.date(2026, 11, 15)), "other": (31, dt.date(2026, 5, 20))}


def _generated(tmp_path_factory, name: str, database_url: str | None = None) -> AppContext:
    from evals.demo.generator import generate

    seed, today = GENERATED[name]
    folder = tmp_path_factory.mktemp(f"world-{name}") / "import"
    generate(folder, seed=seed, today=today)
    shutil.rmtree(folder / "content", ignore_errors=True)  # records only: no embedding
    ctx = AppContext(Settings(home=tmp_path_factory.mktemp("home"), today=today, database_url=database_url))
    bundle = read_import_folder(folder)
    assert not bundle.rejected, bundle.rejected[:3]
    replace_records(ctx, bundle)
    return ctx


def _random_world(tmp_path_factory) -> AppContext:
    """The benchmark's world, small, with deals registered by their own or by another partner."""
    ctx = AppContext(Settings(home=tmp_path_factory.mktemp("home"), today=bench.TODAY))
    bench.build(ctx, partners=300, deals=20_000, seed=5)
    r = random.Random(5)
    with ctx.store.session() as s:
        rows = s.execute(select(Opportunity.opportunity_id, Opportunity.partner_id)).all()
        for oid, pid in r.sample(rows, 3000):
            other = f"P-{r.randrange(300):05d}"
            s.execute(update(Opportunity).where(Opportunity.opportunity_id == oid)
                      .values(registered_by=pid if pid and r.random() < 0.3 else other,
                              amount=None if r.random() < 0.05 else Opportunity.amount))
        ctx.store.bump_records_version(session=s)
    return ctx


def _currencies_world(tmp_path_factory) -> AppContext:
    """A smaller benchmark world reporting in EUR, its deals in EUR, USD and JPY (vendor.yaml fx_rates) and a few
    in SEK (no rate): the SQL converts with a CASE on the currency, Python with tools.currency."""
    ctx = AppContext(Settings(home=tmp_path_factory.mktemp("home"), today=bench.TODAY))
    bench.build(ctx, partners=120, deals=6000, seed=8)
    r = random.Random(8)
    with ctx.store.session() as s:
        for (oid,) in s.execute(select(Opportunity.opportunity_id)).all():
            x = r.random()
            code = "EUR" if x < 0.3 else "JPY" if x < 0.45 else "SEK" if x < 0.5 else "USD"
            values = {"currency": code} if code != "JPY" else {"currency": code, "amount": Opportunity.amount * 160}
            s.execute(update(Opportunity).where(Opportunity.opportunity_id == oid).values(**values))
        vendor = ctx.store.get_meta("vendor")
        ctx.store.set_meta("vendor", {**vendor, "reporting_currency": "EUR", "fx_rates": {"USD": 0.92, "JPY": 0.0061}},
                           session=s)
        ctx.store.bump_records_version(session=s)
    return ctx


@pytest.fixture(scope="module", params=["demo", "other", "random", "currencies"])
def world(request, tmp_path_factory):
    ctx = _random_world(tmp_path_factory) if request.param == "random" else \
        _currencies_world(tmp_path_factory) if request.param == "currencies" else \
        _generated(tmp_path_factory, request.param)
    yield ctx
    ctx.close()


class _ReferenceDays:
    """PortfolioHealthDays as it was: each day's health from every deal in Python."""

    def __init__(self, ctx, scope, days, partner_ids=None, pipeline_days=(), pipelines=None):
        self.ctx, self.scope, self.days = ctx, scope, days  # every deal read per day: no pipelines handed on

    def pipelines_on(self, indexes):
        return None

    def on(self, i, partner_ids=None):
        out = nba.portfolio_health(self.ctx, self.scope, as_of=self.days[i])
        return out if partner_ids is None else {p: h for p, h in out.items() if p in partner_ids}


def _reference(monkeypatch) -> None:
    """`portfolio` as it was: health per day from every deal in Python, first wins from every won deal."""
    monkeypatch.setattr(nba, "PortfolioHealthDays", _ReferenceDays)  # portfolio reads the nba module
    monkeypatch.setattr(portfolio_module, "_health", portfolio_module._health_now_and_before)  # not the cached
    monkeypatch.setattr(portfolio_module.stored, "path_of", lambda ctx, as_of: None)  # nor the stored
    monkeypatch.setattr(portfolio_module, "_first_wins_query", lambda today: select(
        Opportunity.partner_id, Opportunity.registered_by, Opportunity.close_date)
        .where(Opportunity.stage == "closed_won"))


def _both(ctx, as_of=None):
    scope = Scope.operator()
    with pytest.MonkeyPatch.context() as mp:  # computed, not read from the portfolio stored by a test before
        mp.setattr(portfolio_module.stored, "path_of", lambda ctx, as_of: None)
        new = portfolio_module.portfolio(ctx, scope, as_of=as_of).model_dump(mode="json")
    with pytest.MonkeyPatch.context() as mp:
        _reference(mp)
        old = portfolio_module.portfolio(ctx, scope, as_of=as_of).model_dump(mode="json")
    return new, old


def _assert_same(new: dict, old: dict) -> None:
    assert len(new["partners"]) == len(old["partners"]) > 0
    for a, b in zip(new["partners"], old["partners"], strict=True):
        assert a == b, a["partner_id"]
    assert new == old


def test_portfolio_equals_the_per_deal_computation(world):
    new, old = _both(world)
    _assert_same(new, old)
    # the comparison means something: health moved for some partners, some are at risk, some have won
    assert any(p["health_change_90d"] for p in new["partners"])
    assert new["at_risk"] and new["time_to_first_win"]["median_days"] is not None


def test_portfolio_as_of_a_past_day_equals_the_per_deal_computation(world):
    new, old = _both(world, as_of=world.today() - dt.timedelta(days=7))
    _assert_same(new, old)


def test_health_components_equal_the_per_deal_computation(world):
    today = world.today()
    for day in (None, today - dt.timedelta(days=90)):
        new = nba.portfolio_health_on(world, Scope.operator(), [day])[0]
        old = nba.portfolio_health(world, Scope.operator(), as_of=day)
        assert new.keys() == old.keys()
        for pid, h in new.items():
            o = old[pid]
            assert (h.score.score, h.qualifies_for, h.tier, h.biggest_drop[0]) == \
                   (o.score.score, o.qualifies_for, o.tier, o.biggest_drop[0]), pid
            assert [c.score for c in h.score.components] == [c.score for c in o.score.components], pid
            # means and sums: SQL adds in its own order, so the last bit may differ (never a shown figure)
            for a, b in zip(h.biggest_drop[1:], o.biggest_drop[1:], strict=True):
                assert a == b if b is None else a == pytest.approx(b, rel=1e-12, abs=1e-12), pid
            assert h.won_revenue_12m == pytest.approx(o.won_revenue_12m, rel=1e-12)


def test_same_figures_on_postgres(tmp_path_factory):
    with throwaway_postgres() as url:
        ctx = _generated(tmp_path_factory, "demo", database_url=url)
        try:
            new, old = _both(ctx)
            _assert_same(new, old)
        finally:
            ctx.close()


def test_health_is_read_once_per_records_version(world, monkeypatch):
    reads = []

    class Counting(nba.PortfolioHealthDays):
        def __init__(self, *args, **kwargs):
            reads.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(nba, "PortfolioHealthDays", Counting)
    world.store.bump_records_version()
    first = portfolio_module.portfolio(world, Scope.operator())
    again = portfolio_module.portfolio(world, Scope.operator())
    assert len(reads) in (1, 2) and again == first  # now and 90 days ago; the past quarters if any fell
    world.store.bump_records_version()  # an ingest by any process
    count = len(reads)
    assert portfolio_module.portfolio(world, Scope.operator()) == first and len(reads) == 2 * count
    with pytest.raises(Forbidden):  # the cache is behind the permission check
        portfolio_module.portfolio(world, Scope(user_id="u", role="partner_seller", partner_id="P-001"))
