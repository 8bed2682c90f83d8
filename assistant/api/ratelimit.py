"""Rate limits per API key on every route (issue 15), with the `limits` library (moving window, in memory
per server process). Stricter on the routes that could serve as oracles: the deal-registration check and
the private-overlap routes. Over the limit: 429 with `Retry-After` (seconds) and a JSON error.

The caller is the bearer key (hashed; never stored) or, without one, the client address. `/healthz` is
not limited (probes). Settings: `COSELL_RATE_LIMIT` (default 1200/minute), `COSELL_RATE_LIMIT_SENSITIVE`
(default 30/minute), `COSELL_RATE_LIMIT_ENABLED` (default true); values in the `limits` notation
("10/second", "100 per minute", "5/minute;100/hour").
"""
from __future__ import annotations

import hashlib
import json
import math
import re
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from limits import RateLimitItem, parse_many
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

from assistant.core.config import Settings
from assistant.core.errors import BadInput

SENSITIVE = re.compile(r"^/v1/(deal-registrations/check|partners/[^/]+/private-overlaps)(/|$)")
EXEMPT = ("/healthz",)


def parse_limits(value: str, setting: str) -> list[RateLimitItem]:
    try:
        items = parse_many(value)
    except ValueError:
        items = []
    if not items:
        raise BadInput(f"{setting}: '{value}' is not a rate limit (e.g. '30/minute')")
    return items


def settings_limits(settings: Settings) -> tuple[list[RateLimitItem], list[RateLimitItem]]:
    """(general, sensitive) limits; BadInput naming the setting when one is not a limit."""
    return (parse_limits(settings.rate_limit, "COSELL_RATE_LIMIT"),
            parse_limits(settings.rate_limit_sensitive, "COSELL_RATE_LIMIT_SENSITIVE"))


class RateLimit:
    def __init__(self, app: Callable, settings: Settings):
        self.app, self.enabled = app, settings.rate_limit_enabled
        self.general, self.sensitive = settings_limits(settings)
        self.limiter = MovingWindowRateLimiter(MemoryStorage())

    async def __call__(self, scope: MutableMapping[str, Any], receive: Callable, send: Callable) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or not self.enabled or path.startswith(EXEMPT):
            await self.app(scope, receive, send)
            return
        who = _caller(scope)
        items = [("all", i) for i in self.general]
        if SENSITIVE.match(path):
            items += [("sensitive", i) for i in self.sensitive]
        for bucket, item in items:
            if not self.limiter.hit(item, bucket, who):
                reset, _ = self.limiter.get_window_stats(item, bucket, who)
                await _too_many(send, max(1, math.ceil(reset - time.time())), str(item))
                return
        await self.app(scope, receive, send)


def _caller(scope: MutableMapping[str, Any]) -> str:
    auth = dict(scope.get("headers") or []).get(b"authorization", b"")
    if auth.lower().startswith(b"bearer "):
        return "key:" + hashlib.sha256(auth[7:].strip()).hexdigest()[:32]
    client = scope.get("client") or ("unknown", 0)
    return f"addr:{client[0]}"


async def _too_many(send: Callable[[MutableMapping[str, Any]], Awaitable[None]], retry_after: int,
                    limit: str) -> None:
    data = json.dumps({"error": {"code": "rate_limited",
                                 "message": f"too many requests (limit {limit}); retry after {retry_after}s"}}).encode()
    await send({"type": "http.response.start", "status": 429,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode()),
                            (b"retry-after", str(retry_after).encode())]})
    await send({"type": "http.response.body", "body": data})
