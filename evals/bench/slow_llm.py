"""A slow LLM must not starve the server (issue 15): with a model that takes 60 s per reply and 45
concurrent asks, every ask is answered within 20 s (the per-ask budget, default 15 s, then the built-in
engine), while `/v1/search` and the next-best-action routes keep p95 <= 1 s; `/healthz` shows the breaker.

A real server in its own process (`uvicorn --factory assistant.api.app:app_from_env`) on a COPY of an
ingested demo home (`COSELL_BENCH_HOME`, default the one `make demo` builds; else a fresh demo is
generated), and a local OpenAI-compatible stub that sleeps `COSELL_BENCH_LLM_DELAY_S` (60) per reply.
The breaker is set high (`COSELL_LLM_BREAKER_FAILURES=1000`) so every ask really waits on the model;
`python -m evals.bench slow_llm`.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import httpx

from evals.bench.ports import free_port

ASKS = 45
SIDE_CLIENTS = 4  # closed-loop clients on search and nba meanwhile
TARGETS = {"ask_max_s": 20.0, "search_p95_s": 1.0, "nba_p95_s": 1.0}
ROOT = Path(__file__).resolve().parents[2]


class _SlowModel(BaseHTTPRequestHandler):
    delay_s: ClassVar[float] = 60.0

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        time.sleep(self.delay_s)
        body = json.dumps({"id": "x", "object": "chat.completion", "created": 0, "model": "slow",
                           "choices": [{"index": 0, "finish_reason": "stop",
                                        "message": {"role": "assistant", "content": "late"}}]}).encode()
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:  # the client gave up long ago
            pass

    def log_message(self, *args) -> None:
        pass


def _pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))], 3)


def _home(tmp: Path) -> tuple[Path, str]:
    source = Path(os.environ.get("COSELL_BENCH_HOME", ROOT / ".cosell-demo" / "home"))
    today = os.environ.get("COSELL_BENCH_TODAY", "2026-11-15")
    home = tmp / "home"
    if (source / "cosell.db").exists():
        shutil.copytree(source, home)
        return home, today
    from evals.routing import prepare_demo_ctx  # heavy: generates and ingests a demo

    ctx = prepare_demo_ctx(tmp / "demo")
    home, today = ctx.settings.home_dir, ctx.today().isoformat()
    ctx.close()
    return home, today


def run(ctx=None) -> dict:
    with tempfile.TemporaryDirectory(prefix="cosell-bench-slow-llm-") as tmp:
        if ctx is not None:
            home, today = ctx.settings.home_dir, ctx.today().isoformat()
        else:
            home, today = _home(Path(tmp))
        return _bench(home, dt.date.fromisoformat(today))


def _bench(home: Path, today: dt.date) -> dict:
    from sqlalchemy import select

    from assistant.core.config import Settings
    from assistant.engine.context import AppContext
    from retrieval import records as R
    from retrieval.scope import issue_api_key

    _SlowModel.delay_s = float(os.environ.get("COSELL_BENCH_LLM_DELAY_S", "60"))
    ctx = AppContext(Settings(home=home, today=today))
    try:
        with ctx.store.session() as s:
            cm = s.scalars(select(R.User.user_id).where(R.User.role == "channel_manager")).first()
            partners = list(s.scalars(select(R.Partner.partner_id).limit(20)))
        key = issue_api_key(ctx.store, cm)
    finally:
        ctx.close()
    model = ThreadingHTTPServer(("127.0.0.1", 0), _SlowModel)
    model.daemon_threads = True
    threading.Thread(target=model.serve_forever, daemon=True).start()
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("COSELL_")}
    env.update(COSELL_HOME=str(home), COSELL_TODAY=today.isoformat(), HF_HUB_OFFLINE="1",
               TOKENIZERS_PARALLELISM="false", COSELL_LLM_BASE_URL=f"http://127.0.0.1:{model.server_address[1]}/v1",
               COSELL_LLM_API_KEY="x", COSELL_LLM_BREAKER_FAILURES="1000", COSELL_RATE_LIMIT_ENABLED="false",
               COSELL_LLM_BUDGET_S=os.environ.get("COSELL_LLM_BUDGET_S", "15"))
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "assistant.api.app:app_from_env", "--factory",
                             "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"], env=env, cwd=ROOT)
    base, headers = f"http://127.0.0.1:{port}", {"Authorization": f"Bearer {key}"}
    result: dict = {"cpu_count": os.cpu_count(), "load_avg_before": [round(x, 2) for x in os.getloadavg()],
                    "asks": ASKS, "llm_delay_s": _SlowModel.delay_s, "budget_s": float(env["COSELL_LLM_BUDGET_S"])}
    try:
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/healthz", timeout=5).json().get("ready"):
                    break
            except (httpx.HTTPError, ValueError):
                pass
            time.sleep(0.5)
        result.update(_load(base, headers, partners))
        result["healthz_llm"] = httpx.get(f"{base}/healthz", timeout=5).json().get("llm")
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
        model.shutdown()
    result["load_avg_after"] = [round(x, 2) for x in os.getloadavg()]
    result["targets"] = TARGETS
    result["meets_targets"] = bool(result["ask_max_s"] is not None and result["ask_max_s"] <= TARGETS["ask_max_s"]
                                   and result["ask_errors"] == 0
                                   and (result["search_p95_s"] or 99) <= TARGETS["search_p95_s"]
                                   and (result["nba_p95_s"] or 99) <= TARGETS["nba_p95_s"])
    return result


def _load(base: str, headers: dict, partners: list[str]) -> dict:
    asks: list[tuple[int, float, str]] = []
    side: dict[str, list[float]] = {"search": [], "nba": []}
    stop = threading.Event()

    # One client for the asks, made before the clock starts: a new client per request costs ~50 ms of the
    # bench's own CPU (its TLS context), which on a loaded machine queued the asks for seconds before sending.
    asker = httpx.Client(timeout=120, headers=headers, limits=httpx.Limits(max_connections=ASKS))

    def ask(i: int) -> None:
        started = time.perf_counter()
        try:
            r = asker.post(f"{base}/v1/ask", json={"question": f"How is partner {partners[i % len(partners)]} "
                                                               "doing?"})
            asks.append((r.status_code, time.perf_counter() - started, r.json().get("engine", "")))
        except httpx.HTTPError as exc:
            asks.append((0, time.perf_counter() - started, repr(exc)))

    def side_client(i: int) -> None:
        n = i
        with httpx.Client(timeout=60, headers=headers) as client:
            while not stop.is_set():
                n += 1
                kind = "search" if n % 2 else "nba"
                started = time.perf_counter()
                if kind == "search":
                    client.get(f"{base}/v1/search", params={"q": "deal registration protection", "k": 5})
                else:
                    client.get(f"{base}/v1/partners/{partners[n % len(partners)]}/next-best-actions")
                side[kind].append(time.perf_counter() - started)

    started = time.perf_counter()
    sides = [threading.Thread(target=side_client, args=(i,)) for i in range(SIDE_CLIENTS)]
    for t in sides:
        t.start()
    with ThreadPoolExecutor(ASKS) as pool:
        list(pool.map(ask, range(ASKS)))
    asker.close()
    stop.set()
    for t in sides:
        t.join()
    times = [t for _, t, _ in asks]
    return {"wall_s": round(time.perf_counter() - started, 1),
            "ask_max_s": round(max(times), 2) if times else None, "ask_p50_s": _pct(times, 0.5),
            "ask_errors": sum(code != 200 for code, _, _ in asks),
            "ask_engines": sorted({e for _, _, e in asks}),
            "search_requests": len(side["search"]), "search_p95_s": _pct(side["search"], 0.95),
            "nba_requests": len(side["nba"]), "nba_p95_s": _pct(side["nba"], 0.95)}
