"""A local server speaking the OpenAI chat-completions protocol, with a queue of canned replies.

    with FakeOpenAI() as llm:
        llm.enqueue(tool_call("search_content", {"query": "deal registration"}))
        llm.enqueue(text("Register within 30 days."))
        settings = Settings(llm_base_url=llm.base_url, ...)
        ...
        llm.requests  # the JSON bodies received, in order

Replies: `text(...)`, `tool_call(name, args)` / `tool_calls([...])`, `error(status)`. When the queue is
empty the server answers 500, so a test that forgets a reply fails loudly (and exercises fallback).
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from typing import Any

from tests.fakes.local_server import LocalServer, QuietHandler


def text(content: str) -> dict:
    return {"kind": "message", "content": content}


def tool_call(name: str, arguments: dict[str, Any]) -> dict:
    return tool_calls([(name, arguments)])


def tool_calls(calls: list[tuple[str, dict[str, Any]]]) -> dict:
    return {"kind": "tools", "calls": calls}


def error(status: int = 500, message: str = "upstream failure") -> dict:
    return {"kind": "error", "status": status, "message": message}


def _completion(reply: dict, model: str) -> dict:
    message: dict[str, Any] = {"role": "assistant", "content": None}
    finish = "stop"
    if reply["kind"] == "message":
        message["content"] = reply["content"]
    else:
        message["tool_calls"] = [
            {
                "id": f"call_{uuid.uuid4().hex[:12]}",
                "type": "function",
                "function": {"name": name, "arguments": json.dumps(args)},
            }
            for name, args in reply["calls"]
        ]
        finish = "tool_calls"
    return {
        "id": f"chatcmpl-{uuid.uuid4().hex[:12]}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
        "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
    }


class FakeOpenAI(LocalServer):
    """A threaded HTTP server on a free port of 127.0.0.1."""

    def __init__(self) -> None:
        self.replies: list[dict] = []
        self.requests: list[dict] = []
        self.delay_s = 0.0  # every reply waits this long first (a slow model)
        self._lock = threading.Lock()
        fake = self

        class Handler(QuietHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                with fake._lock:
                    fake.requests.append({"path": self.path, "body": body})
                    reply = fake.replies.pop(0) if fake.replies else error(500, "no canned reply queued")
                if fake.delay_s:
                    time.sleep(fake.delay_s)
                if not self.path.endswith("/chat/completions"):
                    reply = error(404, f"unknown path {self.path}")
                if reply["kind"] == "error":
                    self.send_json(reply["status"], {"error": {"message": reply["message"], "type": "server_error"}})
                    return
                self.send_json(200, _completion(reply, body.get("model", "fake")))

        super().__init__(Handler)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def enqueue(self, *replies: dict) -> None:
        with self._lock:
            self.replies.extend(replies)
