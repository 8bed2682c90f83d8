"""Request hygiene and response headers for every route (issue 15), as one plain ASGI middleware.

- A JSON body that is too big (`COSELL_MAX_BODY_KB`) is 413; one holding text that is not valid Unicode
  (a lone surrogate such as "\\ud800", which JSON allows but nothing downstream can store or print), or
  NaN/Infinity/numbers out of float range, is 422 naming the field; both before any route runs.
- Security headers on every response: a Content-Security-Policy (a looser one for the API docs, which
  start Swagger UI and ReDoc with an inline script), X-Frame-Options DENY, X-Content-Type-Options nosniff, Referrer-Policy.
- `/docs`, `/redoc` and `/openapi.json` need a valid API key when `COSELL_DOCS_REQUIRE_KEY` is set.
"""
from __future__ import annotations

import json
import math
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from assistant.core.errors import CosellError
from assistant.engine.context import AppContext
from retrieval.scope import scope_for_api_key

Scope_ = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]

PAGE_CSP = ("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            "form-action 'self'; frame-ancestors 'none'")
# The dashboard's charts: Vega compiles its expressions with `new Function` and vega-embed sets inline
# styles; both scripts are served from here (assistant/web/vendor), nothing from elsewhere.
DASHBOARD_CSP = ("default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
                 "img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
# The API docs: Swagger UI and ReDoc from assistant/web/vendor (offline); their pages start them with an
# inline script, ReDoc runs its search in a blob: worker.
DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; "
            "frame-ancestors 'none'")
DOCS_PATHS = ("/docs", "/redoc", "/openapi.json")
HEADERS = [(b"x-frame-options", b"DENY"), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"no-referrer")]


def bad_value(value: Any, path: str = "body") -> str | None:
    """Where in a parsed JSON value there is text that is not valid Unicode or a non-finite number."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return f"{path}: text is not valid Unicode (a lone surrogate such as \\ud800)"
    elif isinstance(value, float) and not math.isfinite(value):
        return f"{path}: the number must be finite (no NaN, Infinity or values beyond ±1.8e308)"
    elif isinstance(value, dict):
        for key, item in value.items():
            if problem := bad_value(key, path) or bad_value(item, f"{path}.{key}"):
                return problem
    elif isinstance(value, list):
        for i, item in enumerate(value):
            if problem := bad_value(item, f"{path}.{i}"):
                return problem
    return None


class Hygiene:
    def __init__(self, app: Callable, ctx: AppContext):
        self.app, self.ctx = app, ctx

    async def __call__(self, scope: Scope_, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        scope.setdefault("state", {})["arrived"] = time.monotonic()  # the LLM budget of an ask counts from here
        path = scope.get("path", "")
        docs = path in DOCS_PATHS  # not /docs/view: the document page, a page like the chat's
        csp = (DOCS_CSP if docs else DASHBOARD_CSP if path.startswith("/dashboard") else PAGE_CSP).encode()

        async def send_with_headers(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in
                           {b"content-security-policy", *(h for h, _ in HEADERS)}]
                message["headers"] = headers + HEADERS + [(b"content-security-policy", csp)]
            await send(message)

        if docs and self.ctx.settings.docs_require_key and not self._key_ok(scope):
            await _error(send_with_headers, 401, "unauthenticated",
                         "the API docs need an API key (Authorization: Bearer <key>)")
            return
        if scope.get("method") in ("POST", "PUT", "PATCH"):
            body, too_big = await _read_body(receive, self.ctx.settings.max_body_kb * 1024)
            if too_big:
                await _error(send_with_headers, 413, "bad_input",
                             f"the request body is larger than {self.ctx.settings.max_body_kb} KB")
                return
            if problem := _json_problem(scope, body):
                await _error(send_with_headers, 422, "bad_input", problem)
                return
            receive = _replay(body, receive)
        await self.app(scope, receive, send_with_headers)

    def _key_ok(self, scope: Scope_) -> bool:
        auth = dict(scope.get("headers") or []).get(b"authorization", b"").decode("latin-1")
        if not auth.lower().startswith("bearer "):
            return False
        try:
            scope_for_api_key(self.ctx.store, auth[7:].strip())
        except CosellError:
            return False
        return True


def _json_problem(scope: Scope_, body: bytes) -> str | None:
    content_type = dict(scope.get("headers") or []).get(b"content-type", b"").decode("latin-1").lower()
    if "json" not in content_type or not body:
        return None
    try:
        value = json.loads(body)
    except (ValueError, RecursionError):
        return None  # not JSON at all: the route's own validation says so
    return bad_value(value)


async def _read_body(receive: Receive, limit: int) -> tuple[bytes, bool]:
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return b"", True
        chunks.append(chunk)
        if not message.get("more_body"):
            break
    return b"".join(chunks), False


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> MutableMapping[str, Any]:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _error(send: Send, status: int, code: str, message: str) -> None:
    data = json.dumps({"error": {"code": code, "message": message}}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())]
    if status == 401:
        headers.append((b"www-authenticate", b"Bearer"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": data})
