"""`cosell portfolio` starts without the rest of the command set (as `cosell map`) and prints what the
service returns; a second process reads the portfolio stored by the first (tools.analytics.stored)."""
from __future__ import annotations

import importlib
import json
import sys

from typer.testing import CliRunner

from assistant.cli import analytics as cli_analytics
from assistant.core.config import Settings
from assistant.engine.context import AppContext
from evals.bench import portfolio as bench
from retrieval.scope import Scope
from tools.analytics import service, stored


def test_cosell_portfolio_has_its_own_fast_start(tmp_path, monkeypatch):
    ctx = AppContext(Settings(home=tmp_path, today=bench.TODAY))
    bench.build(ctx, partners=60, deals=3_000, seed=2)
    monkeypatch.setenv("COSELL_HOME", str(tmp_path))
    monkeypatch.setenv("COSELL_TODAY", bench.TODAY.isoformat())
    out = CliRunner().invoke(cli_analytics.portfolio_app, ["portfolio", "--json"])
    assert out.exit_code == 0, out.output
    assert stored.path_of(ctx, None).is_file()
    expected = service.portfolio(ctx, Scope.operator()).model_dump(mode="json")
    assert json.loads(out.output) == expected
    again = CliRunner().invoke(cli_analytics.portfolio_app, ["portfolio", "--json"])  # reads the stored one
    assert json.loads(again.output) == expected
    ctx.close()
    import assistant.cli

    # the dispatcher `cosell` runs; once any test imported the submodule `assistant.cli.main`, the package's
    # attribute `main` is that module, so the function is read from a fresh execution of the package
    dispatch = importlib.reload(assistant.cli).main
    monkeypatch.setattr(sys, "argv", ["cosell", "portfolio", "--help"])
    dispatched = []
    monkeypatch.setattr(cli_analytics, "portfolio_app", lambda: dispatched.append(1))
    import gc

    try:
        dispatch()
        assert not gc.isenabled()  # a one-shot process: no collector passes
    finally:
        gc.enable()
    assert dispatched == [1]  # `cosell portfolio` went to the one-command app


def test_cosell_portfolio_imports_neither_the_digest_nor_the_signal_rules():
    """Attribution, the digest (leads, MDF, onboarding) and nba's signal rules (partner matching, account
    mapping: polars, numpy) are imported when called, not by `cosell portfolio`'s start (a new process)."""
    import subprocess

    code = ("import sys, assistant.cli.analytics as a; from tools.analytics import service; "
            "print(sorted(m for m in ('tools.analytics.digest', 'tools.analytics.attribution', "
            "'tools.analytics.schedule', 'tools.onboarding.service', 'tools.next_best_action.deal_signals', "
            "'tools.partner_match.service', 'tools.account_mapping.service', 'polars') if m in sys.modules)); "
            "print(service.STALLED_DAYS)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["[]", "30"]


def test_cosell_portfolio_prints_without_collector_passes_and_restores_them(monkeypatch):
    import gc

    seen = []
    monkeypatch.setattr(cli_analytics, "run_command", lambda *a, **k: seen.append(gc.isenabled()))
    assert gc.isenabled()
    cli_analytics.portfolio(as_user=None, as_json=True)
    assert seen == [False] and gc.isenabled()
