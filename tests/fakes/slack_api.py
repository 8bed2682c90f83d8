"""A local stand-in for the Slack Web API (and slash-command response_urls) that records every call.

    with FakeSlack() as slack:
        settings = Settings(slack_api_url=slack.api_url, ...)   # COSELL_SLACK_API_URL
        ...
        slack.wait_for("chat.postMessage")  # -> the recorded calls of that method

`api_url` ends with `/api/` as slack_sdk's WebClient expects; POSTs to `/response/...` are recorded
as method "response_url". `members` (channel -> Slack user ids) and `users` (user id -> users.info
`user` object) answer `conversations.members` and `users.info` (GET); an unknown channel or user is
`ok: false` as in Slack.
"""

from __future__ import annotations

import json
import threading
import time
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.fakes.local_server import LocalServer, QuietHandler


class FakeSlack(LocalServer):
    def __init__(
        self, members: dict[str, list[str]] | None = None, users: dict[str, dict[str, Any]] | None = None
    ) -> None:
        self.calls: list[dict[str, Any]] = []
        self.members = members if members is not None else {}
        self.users = users if users is not None else {}
        self._cond = threading.Condition()
        fake = self

        class Handler(QuietHandler):
            def do_GET(self) -> None:
                query = urlsplit(self.path).query
                self._handle({k: v[0] for k, v in parse_qs(query).items()})

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                if "json" in (self.headers.get("Content-Type") or ""):
                    body = json.loads(raw or "{}")
                else:
                    body = {k: v[0] for k, v in parse_qs(raw).items()}
                self._handle(body)

            def _handle(self, body: dict[str, Any]) -> None:
                for key in ("blocks", "attachments"):  # form posts carry JSON strings
                    if isinstance(body.get(key), str):
                        body[key] = json.loads(body[key])
                path = urlsplit(self.path).path
                method = "response_url" if path.startswith("/response/") else path.split("/api/")[-1]
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
                self.send_json(200, fake.answer(method, body))

        super().__init__(Handler)

    def answer(self, method: str, body: dict[str, Any]) -> dict[str, Any]:
        if method == "conversations.members":
            if body.get("channel") not in self.members:
                return {"ok": False, "error": "channel_not_found"}
            return {"ok": True, "members": self.members[body["channel"]], "response_metadata": {}}
        if method == "users.info":
            if body.get("user") not in self.users:
                return {"ok": False, "error": "user_not_found"}
            return {"ok": True, "user": self.users[body["user"]]}
        ts = f"{time.time():.6f}"
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": ts}
        return {"ok": True, "channel": body.get("channel"), "ts": ts}

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

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
