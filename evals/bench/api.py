"""API latency on the demo ecosystem, no LLM: `POST /v1/ask` p50/p95 under 20 concurrent clients (httpx
against a real uvicorn on loopback) and Slack's acknowledgement time for signed events.

Targets: ask p50 <= 300 ms, Slack ack <= 100 ms (Slack retries after 3 s; we answer in the background).
"""

from __future__ import annotations

import json
import socket
import statistics
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import httpx

CONCURRENCY = 20
REQUESTS = 200
SLACK_EVENTS = 40
SIGNING_SECRET = "bench-signing-secret"
QUESTIONS = [
    ("u-cm-1", "How do I register a deal?"),
    ("u-cm-1", "Which partners should we bring into the Acme renewal?"),
    ("u-cm-1", "How is Alpine IT doing?"),
    ("u-ps-alpine", "What is the deal registration protection period?"),
    ("u-cm-2", "Which accounts do we share with Thames Data Partners?"),
    ("u-ps-keystone", "What should I do next on the Acme deal?"),
    ("u-cm-2", "How does MDF reimbursement work?"),
    ("u-mkt-1", "Draft the lakehouse campaign in German for Alpine IT"),
    ("u-ps-thames", "What are the requirements for the gold tier?"),
    ("u-cm-1", "Who should help on the Isar Handel deal?"),
]
TARGETS = {"ask_p50_ms": 300, "slack_ack_p95_ms": 100}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


class _SlackSink(BaseHTTPRequestHandler):
    """Accepts chat.postMessage, answers ok, and notes when each Slack thread got its answer."""

    posted: ClassVar[dict[str, float]] = {}

    def do_POST(self) -> None:
        raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        try:
            _SlackSink.posted[json.loads(raw or b"{}").get("thread_ts") or ""] = time.perf_counter()
        except ValueError:
            pass
        body = b'{"ok": true, "ts": "1.0"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def _serve(app) -> tuple[str, object, threading.Thread]:
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server, thread


def _ask_load(base: str, keys: dict[str, str]) -> dict:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()

    def client(worker: int) -> None:
        nonlocal errors
        with httpx.Client(base_url=base, timeout=60) as http:
            for i in range(worker, REQUESTS, CONCURRENCY):
                user, question = QUESTIONS[i % len(QUESTIONS)]
                started = time.perf_counter()
                response = http.post(
                    "/v1/ask", json={"question": question}, headers={"Authorization": f"Bearer {keys[user]}"}
                )
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    latencies.append(elapsed)
                    errors += response.status_code != 200

    started = time.perf_counter()
    with ThreadPoolExecutor(CONCURRENCY) as pool:
        list(pool.map(client, range(CONCURRENCY)))
    wall = time.perf_counter() - started
    return {
        "ask_requests": len(latencies),
        "ask_errors": errors,
        "ask_concurrency": CONCURRENCY,
        "ask_p50_ms": round(statistics.median(latencies), 1),
        "ask_p95_ms": round(_percentile(latencies, 0.95), 1),
        "ask_max_ms": round(max(latencies), 1),
        "ask_per_s": round(len(latencies) / wall, 1),
    }


def _slack_acks(base: str) -> dict:
    from slack_sdk.signature import SignatureVerifier

    verifier = SignatureVerifier(SIGNING_SECRET)
    acks: list[float] = []
    sent: dict[str, float] = {}
    run_id = int(time.time())  # event ids are answered once per store: new ones for every run
    with httpx.Client(base_url=base, timeout=30) as http:
        for i in range(SLACK_EVENTS):
            thread_ts = f"{run_id}.{i:06d}"
            body = json.dumps(
                {
                    "type": "event_callback",
                    "team_id": "T1",
                    "event_id": f"EvBench{run_id}-{i}",
                    "event": {
                        "type": "app_mention",
                        "user": "U09UHSLKG0",
                        "channel": "C1",
                        "text": f"<@UBOT> {QUESTIONS[i % len(QUESTIONS)][1]}",
                        "ts": thread_ts,
                    },
                }
            )
            ts = str(int(time.time()))
            headers = {
                "Content-Type": "application/json",
                "X-Slack-Request-Timestamp": ts,
                "X-Slack-Signature": verifier.generate_signature(timestamp=ts, body=body),
            }
            started = sent[thread_ts] = time.perf_counter()
            response = http.post("/slack/events", content=body, headers=headers)
            acks.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise RuntimeError(
                    f"Slack event not acknowledged: {response.status_code} {response.text[:200]}"
                )
            time.sleep(0.05)  # events arrive spaced out, while earlier answers are still being computed
    deadline = time.monotonic() + 300  # let the answers arrive (the workers finish) before shutting down
    while set(sent) - set(_SlackSink.posted) and time.monotonic() < deadline:
        time.sleep(0.2)
    answered = [(_SlackSink.posted[ts] - t0) * 1000 for ts, t0 in sent.items() if ts in _SlackSink.posted]
    return {
        "slack_events": len(acks),
        "slack_ack_p50_ms": round(statistics.median(acks), 1),
        "slack_ack_p95_ms": round(_percentile(acks, 0.95), 1),
        "slack_ack_max_ms": round(max(acks), 1),
        "slack_answered": len(answered),
        "slack_answer_p50_ms": round(statistics.median(answered), 1) if answered else None,
    }


def _ask_single(base: str, keys: dict[str, str]) -> dict:
    """One client, each question three times: where the time goes, per tool."""
    per_tool: dict[str, list[float]] = {}
    with httpx.Client(base_url=base, timeout=300) as http:
        for _ in range(3):
            for user, question in QUESTIONS:
                started = time.perf_counter()
                body = http.post(
                    "/v1/ask", json={"question": question}, headers={"Authorization": f"Bearer {keys[user]}"}
                ).json()
                tool = (body.get("tools") or [{"name": "none"}])[0]["name"]
                per_tool.setdefault(tool, []).append((time.perf_counter() - started) * 1000)
    return {"ask_single_client_median_ms": {k: round(statistics.median(v), 1) for k, v in per_tool.items()}}


def run(ctx=None) -> dict:
    """On `ctx`'s store if given (an ingested demo), else on a freshly generated and ingested demo."""
    if ctx is not None:
        return _bench(ctx.settings)
    from evals.routing import prepare_demo_ctx

    with tempfile.TemporaryDirectory(prefix="cosell-bench-api-") as tmp:
        demo = prepare_demo_ctx(Path(tmp))
        settings = demo.settings
        demo.close()
        return _bench(settings)


def _bench(base_settings) -> dict:
    from assistant.api import create_app
    from assistant.config import Settings
    from assistant.context import AppContext
    from retrieval.scope import issue_api_key

    sink = ThreadingHTTPServer(("127.0.0.1", 0), _SlackSink)
    threading.Thread(target=sink.serve_forever, daemon=True).start()
    settings = Settings(
        **{
            **base_settings.model_dump(),
            "slack_signing_secret": SIGNING_SECRET,
            "slack_bot_token": "xoxb-bench",
            "llm_base_url": None,
            "slack_api_url": f"http://127.0.0.1:{sink.server_address[1]}/api/",
        }
    )
    ctx = AppContext(settings)
    keys = {user: issue_api_key(ctx.store, user) for user in {u for u, _ in QUESTIONS}}
    base, server, thread = _serve(create_app(ctx))
    try:
        with httpx.Client(base_url=base, timeout=300) as http:  # warm-up: models, indexes, caches
            for user, question in QUESTIONS:
                http.post(
                    "/v1/ask", json={"question": question}, headers={"Authorization": f"Bearer {keys[user]}"}
                )
        result = {**_ask_single(base, keys), **_ask_load(base, keys), **_slack_acks(base)}
    finally:
        server.should_exit = True
        thread.join(15)
        ctx.close()
        sink.shutdown()
    result["targets"] = TARGETS
    result["meets_targets"] = (
        result["ask_p50_ms"] <= TARGETS["ask_p50_ms"]
        and result["slack_ack_p95_ms"] <= TARGETS["slack_ack_p95_ms"]
    )
    return result


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
