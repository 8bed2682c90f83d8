"""`cosell serve --workers 2`: several real uvicorn processes on one COSELL_HOME, each enforcing keys and
the permission table."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psutil

from evals.bench.ports import free_port
from retrieval.scope import issue_api_key


def _wait_healthy(base: str, proc: subprocess.Popen, timeout: float = 300.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read().decode(errors="replace")[-2000:]
        try:
            if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise AssertionError("cosell serve --workers 2 did not answer /healthz")


def test_two_worker_processes_serve_with_permissions(world_ctx, tmp_path):
    marketer = issue_api_key(world_ctx.store, "u-mkt")
    manager = issue_api_key(world_ctx.store, "u-cm")
    home = Path(world_ctx.settings.home)
    port = free_port()
    env = {**os.environ, "COSELL_HOME": str(home), "COSELL_TODAY": str(world_ctx.today()),
           "HF_HUB_OFFLINE": "1"}
    cli = Path(sys.executable).with_name("cosell")
    proc = subprocess.Popen([str(cli), "serve", "--port", str(port), "--workers", "2"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(base, proc)
        workers = [p for p in psutil.Process(proc.pid).children(recursive=True) if "python" in p.name().lower()
                   or "cosell" in " ".join(p.cmdline())]
        assert len(workers) >= 2, [p.cmdline() for p in workers]
        for _ in range(6):  # several connections: whichever worker answers applies the same rules
            assert httpx.get(f"{base}/v1/partners/P-001/overlaps", timeout=30).status_code == 401
            denied = httpx.get(f"{base}/v1/partners/P-001/overlaps", timeout=30,
                               headers={"Authorization": f"Bearer {marketer}"})
            assert denied.status_code == 403, denied.text
            allowed = httpx.get(f"{base}/v1/partners/P-001/overlaps", timeout=30,
                                headers={"Authorization": f"Bearer {manager}"})
            assert allowed.status_code == 200, allowed.text
            assert allowed.json()["partner_id"] == "P-001"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_workers_get_a_health_ping_timeout_a_loaded_machine_can_meet(monkeypatch):
    """uvicorn's default (5 s) killed every worker still warming up at load average 20, and each
    replacement too; `cosell serve` gives them 60 s."""
    import uvicorn
    from typer.testing import CliRunner

    from assistant.cli.main import app

    calls = []
    monkeypatch.setenv("COSELL_TORCH_THREADS", "1")  # serve sets it for its workers: restored afterwards
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: calls.append((args, kwargs)))
    result = CliRunner().invoke(app, ["serve", "--workers", "2", "--port", "8123"])
    assert result.exit_code == 0, result.output
    (args, kwargs), = calls
    assert args == ("assistant.api.app:app_from_env",) and kwargs["workers"] == 2
    assert kwargs["timeout_worker_healthcheck"] >= 30
