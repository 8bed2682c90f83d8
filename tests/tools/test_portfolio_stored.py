"""The whole portfolio stored on disk per records version, day and code (tools.analytics.stored): a new
process reads what the first computed, equal in every field; a new records version, another day or
another `as_of` computes again; a channel manager's narrowed portfolio and a partner seller never read it."""
from __future__ import annotations

import datetime as dt

import pytest

from assistant.core.config import Settings
from assistant.core.errors import Forbidden
from assistant.engine.context import AppContext
from evals.bench import portfolio as bench
from retrieval.scope import Scope
from tools.analytics import portfolio as portfolio_module
from tools.analytics import stored


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    ctx = AppContext(Settings(home=home, today=bench.TODAY))
    bench.build(ctx, partners=120, deals=6_000, seed=3)  # bumps the records version, as ingest does
    ctx.close()
    return home


def _fresh(home, today=bench.TODAY) -> AppContext:
    """A new process's context: nothing cached in memory."""
    return AppContext(Settings(home=home, today=today))


def _no_computing(monkeypatch) -> None:
    def fail(*args, **kwargs):
        raise AssertionError("computed again")
    monkeypatch.setattr(portfolio_module, "_health_now_and_before", fail)


def _computed(ctx, **kwargs):
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(stored, "path_of", lambda ctx, as_of: None)
        return portfolio_module.portfolio(ctx, Scope.operator(), **kwargs)


def test_a_new_process_reads_the_stored_portfolio(home, monkeypatch):
    first = _fresh(home)
    computed = portfolio_module.portfolio(first, Scope.operator())
    assert computed.at_risk and stored.path_of(first, None).is_file()
    first.close()
    ctx = _fresh(home)
    _no_computing(monkeypatch)
    assert portfolio_module.portfolio(ctx, Scope.operator()) == computed
    monkeypatch.undo()
    assert _computed(ctx) == computed  # and what was stored is what the code computes
    with pytest.raises(Forbidden):  # behind the permission check
        portfolio_module.portfolio(ctx, Scope(user_id="u", role="partner_seller", partner_id="P-00001"))
    ctx.close()


def test_other_days_and_narrowed_portfolios_are_computed(home, monkeypatch):
    ctx = _fresh(home)
    portfolio_module.portfolio(ctx, Scope.operator())
    week_ago = bench.TODAY - dt.timedelta(days=7)
    assert portfolio_module.portfolio(ctx, Scope.operator(), as_of=week_ago) == _computed(ctx, as_of=week_ago)
    ctx.close()
    later = _fresh(home, bench.TODAY + dt.timedelta(days=1))
    assert stored.load(stored.path_of(later, None)) is None  # tomorrow: not stored yet
    portfolio_module.portfolio(later, Scope.operator())
    assert [p.name for p in stored.path_of(later, None).parent.glob("portfolio-*.json")] == [
        stored.path_of(later, None).name]  # yesterday's file went
    later.close()
    ctx = _fresh(home)
    ids = {"P-00001", "P-00002"}
    _no_computing(monkeypatch)
    with pytest.raises(AssertionError, match="computed again"):  # a channel manager's partners: computed
        portfolio_module.portfolio(ctx, Scope.operator(), partner_ids=ids)
    ctx.close()


def test_a_new_records_version_computes_again_and_drops_the_old_file(home):
    ctx = _fresh(home)
    portfolio_module.portfolio(ctx, Scope.operator())
    old = stored.path_of(ctx, None)
    ctx.store.bump_records_version()  # an ingest by any process
    new = stored.path_of(ctx, None)
    assert new != old and stored.load(new) is None
    portfolio_module.portfolio(ctx, Scope.operator())
    assert new.is_file() and not old.exists()
    ctx.close()


def test_an_unreadable_file_is_computed_again(home):
    ctx = _fresh(home)
    portfolio_module.portfolio(ctx, Scope.operator())
    path = stored.path_of(ctx, None)
    path.write_text('{"partners": [')
    ctx.close()
    ctx = _fresh(home)
    assert portfolio_module.portfolio(ctx, Scope.operator()) == _computed(ctx)
    assert stored.load(path) is not None
    ctx.close()


def test_the_doors_store_it_after_an_ingest(home, caplog):
    from tools.analytics.service import refresh_stored_portfolio

    ctx = _fresh(home)
    ctx.store.bump_records_version()  # an ingest
    refresh_stored_portfolio(ctx)
    assert stored.load(stored.path_of(ctx, None)) == _computed(ctx)
    ctx.store.bump_records_version()
    with pytest.MonkeyPatch.context() as mp:  # a failure is logged; the next call computes it
        mp.setattr(portfolio_module, "_health_now_and_before", lambda *a: 1 / 0)
        refresh_stored_portfolio(ctx)
    assert "not stored after ingest" in caplog.text and stored.load(stored.path_of(ctx, None)) is None
    ctx.close()
