"""`cosell serve` with several workers: a busy machine must not make uvicorn kill its workers forever."""
from __future__ import annotations

import uvicorn
from typer.testing import CliRunner

from assistant.cli.main import app


def test_workers_get_a_health_ping_timeout_a_loaded_machine_can_meet(monkeypatch):
    """uvicorn's default (5 s) killed every worker still warming up at load average 20; serve gives 60 s."""
    calls = []
    monkeypatch.setenv("COSELL_TORCH_THREADS", "1")  # serve sets it for its workers: restored afterwards
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: calls.append((args, kwargs)))
    result = CliRunner().invoke(app, ["serve", "--workers", "2", "--port", "8123"])
    assert result.exit_code == 0, result.output
    (args, kwargs), = calls
    assert args == ("assistant.api.app:app_from_env",) and kwargs["workers"] == 2
    assert kwargs["timeout_worker_healthcheck"] >= 30
