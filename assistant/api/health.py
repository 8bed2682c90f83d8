"""What `/healthz` reports beyond the warm-up: the database (checked at start, 503 until it answers) and
the LLM guard's state (breaker, calls in flight, budget)."""
from __future__ import annotations

import threading
import time
from typing import Any

from sqlalchemy import text

from assistant.core.llm_guard import guard_for
from assistant.engine.context import AppContext

RECHECK_AFTER_S = 5.0  # a failed database check is retried at most this often


class DatabaseCheck:
    """`SELECT 1` in a background thread at start, and again (throttled) while it fails."""

    def __init__(self, ctx: AppContext):
        self.ctx = ctx
        self.ok = False
        self.error: str | None = "not checked yet"
        self._lock = threading.Lock()
        self._running = False
        self._last = 0.0
        self.checked = threading.Event()  # the first check is done (either way)

    def start(self) -> None:
        with self._lock:
            if self._running or self.ok:
                return
            self._running, self._last = True, time.monotonic()
        threading.Thread(target=self._check, name="db-check", daemon=True).start()

    def _check(self) -> None:
        try:
            with self.ctx.store.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            self.ok, self.error = True, None
        except Exception as exc:  # any driver error: the database is not usable yet, said in one line
            first = (str(exc).strip().splitlines() or [""])[0][:200]
            self.ok, self.error = False, f"{type(exc).__name__}: {first}"
        finally:
            with self._lock:
                self._running = False
            self.checked.set()

    def state(self) -> dict[str, Any]:
        if not self.ok and time.monotonic() - self._last >= RECHECK_AFTER_S:
            self.start()
        return {"ok": self.ok, "error": self.error}


def llm_state(ctx: AppContext) -> dict[str, Any]:
    if not ctx.settings.llm_enabled:
        return {"enabled": False}
    return {"enabled": True, **guard_for(ctx.settings).state()}
