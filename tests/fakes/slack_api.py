"""A local stand-in for the Slack Web API (and slash-command response_urls) that records every call.

    with FakeSlack() as slack:
        settings = Settings(slack_api_url=slack.api_url, ...)   # COSELL_SLACK_API_URL
        ...
        slack.wait_for("chat.postMessage")  # -> the recorded calls of that method

`api_url` ends with `/api/` as slack_sdk's WebClient expects; POSTs to `/response/...` are recorded
as method "response_url".
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import parse_qs


class FakeSlack:
    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []
        self._cond = threading.Condition()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                if "json" in (self.headers.get("Content-Type") or ""):
                    body = json.loads(raw or "{}")
                else:
                    body = {k: v[0] for k, v in parse_qs(raw).items()}
                for key in ("blocks", "attachments"):  # form posts carry JSON strings
                    if isinstance(body.get(key), str):
                        body[key] = json.loads(body[key])
                method = (
                    "response_url" if self.path.startswith("/response/") else self.path.split("/api/")[-1]
                )
                with fake._cond:
                    fake.calls.append(
                        {
                            "method": method,
                            "body": body,
                            "path": self.path,
                            "authorization": self.headers.get("Authorization"),
                        }
                    )
                    fake._cond.notify_all()
                payload = {"ok": True, "channel": body.get("channel"), "ts": f"{time.time():.6f}"}
                data = json.dumps(payload).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    @property
    def api_url(self) -> str:
        return f"{self.base}/api/"

    def response_url(self, name: str = "cmd") -> str:
        return f"{self.base}/response/{name}"

    def of(self, method: str) -> list[dict[str, Any]]:
        with self._cond:
            return [c for c in self.calls if c["method"] == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 10.0) -> list[dict[str, Any]]:
        """The calls of `method` once there are at least `count` (AssertionError after `timeout`)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while len([c for c in self.calls if c["method"] == method]) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"expected {count} {method} call(s), got {self.calls}")
                self._cond.wait(left)
            return [c for c in self.calls if c["method"] == method]

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
