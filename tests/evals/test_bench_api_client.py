"""The api bench's light load generator reads HTTP/1.1 responses right (length and chunked bodies, status
codes, keep-alive), so the throughput it reports is the server's, counted on the right answers."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from evals.bench.api import _load_raw


class _Server(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as uvicorn

    def do_POST(self):
        question = json.loads(self.rfile.read(int(self.headers["Content-Length"])))["question"]
        if self.headers["Authorization"] != "Bearer k-ok":
            self._send(401, b'{"error": "no"}')
        elif question.startswith("chunked"):
            body = json.dumps({"tools": [{"name": "search_content"}], "answer": "x" * 5000}).encode()
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for start in range(0, len(body), 999):
                part = body[start:start + 999]
                self.wfile.write(f"{len(part):x}\r\n".encode() + part + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
        else:
            self._send(200, json.dumps({"tools": [{"name": "match_partners"}], "q": question}).encode())

    def do_GET(self):
        self._send(200, b"[]")

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_the_raw_client_reads_every_answer_and_its_tool():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Server)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    keys = {"u-ok": "k-ok", "u-bad": "k-bad"}
    items = [("u-ok", f"question {i} été", "match_partners") for i in range(30)] + \
        [("u-ok", f"chunked {i}", "search_content") for i in range(10)] + [("u-bad", "who?", "none")]
    try:
        records, wall = _load_raw(base, keys, items, search=False, concurrency=4)
        searches, _ = _load_raw(base, keys, items[:5], search=True, concurrency=2)
    finally:
        server.shutdown()
    assert len(records) == len(items) and wall > 0
    assert sorted(r["tool"] for r in records if r["ok"]) == ["match_partners"] * 30 + ["search_content"] * 10
    assert [r["tool"] for r in records if not r["ok"]] == ["error"]
    assert all(r["ok"] and r["tool"] == "search" for r in searches) and len(searches) == 5
    assert records[-1]["client_cpu_ms"] >= 0
