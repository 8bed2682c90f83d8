"""Bounded LLM time (issue 15): a total budget per ask, a circuit breaker, and a pool of its own.

- Every LLM turn runs on the guard's own thread pool (`COSELL_LLM_WORKERS`), never on the threads that
  serve search, nba and the other routes; the caller waits at most `COSELL_LLM_BUDGET_S` (default 15 s)
  counted from the request's arrival (`started`: time queued for a server thread or for the pool counts)
  and then answers with the deterministic engine, saying so. A turn that overran is abandoned: it
  finishes (or times out at the same budget per request) on its pool thread, unseen.
- The deterministic answer is prepared while the model works: at once when the guard is under pressure
  (its pool is full, or the last turn failed), else after `early_at` of the budget; the wait for the model
  ends `FINISH_RESERVE` of the budget early (at most 1 s), so that the answer, rendered and saved, leaves
  within the budget.
- A turn still queued for the pool gives up as soon as its deterministic answer is ready and the model
  cannot answer it in time (`LLMBusy`): the last turn failed, or the turns running on the full pool have
  already taken longer than this turn has left.
- A circuit breaker: after `COSELL_LLM_BREAKER_FAILURES` failures or overruns in a row the LLM is skipped
  for `COSELL_LLM_BREAKER_COOLDOWN_S`; then one trial turn is let through (half open), and its outcome
  closes or reopens the breaker.
- `state()` is what `/healthz` shows under `llm`.
One guard per settings object (so per app context), kept outside the context.
"""
from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, TypeVar

from assistant.core.config import Settings
from assistant.core.llm import LLMUnavailable

T = TypeVar("T")
FINISH_RESERVE = 0.1  # of the budget (at most 1 s): left for writing the answer after the wait ends
POLL_S = 0.25  # how often a queued turn checks whether it can still be answered in time


class LLMSkipped(LLMUnavailable):
    """The breaker is open: the LLM was not asked at all."""


class LLMBusy(LLMUnavailable):
    """The pool was full of failing turns: this one gave up while still queued."""

    fallback: Any = None


class LLMOverBudget(LLMUnavailable):
    """The LLM did not finish within the per-ask budget."""

    fallback: Any = None


class LlmGuard:
    def __init__(self, budget_s: float, workers: int, failures: int, cooldown_s: float,
                 clock: Callable[[], float] = time.monotonic):
        self.budget_s, self.threshold, self.cooldown_s = budget_s, max(1, failures), cooldown_s
        self.workers = max(1, workers)
        self._pool = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="llm")
        self._clock, self._lock = clock, threading.Lock()
        self._failures = 0
        self._opened_at: float | None = None
        self._trial = False  # a half-open trial is in flight
        self.in_flight = 0
        self._running: dict[int, float] = {}  # turns on the pool: id -> when they started
        self.last_error: str | None = None

    # --- the breaker -----------------------------------------------------------------------------

    def _admit(self) -> None:
        with self._lock:
            if self._opened_at is None:
                return
            if self._clock() - self._opened_at < self.cooldown_s or self._trial:
                left = max(0.0, self.cooldown_s - (self._clock() - self._opened_at))
                raise LLMSkipped(f"the language model failed {self._failures} times in a row; skipped for "
                                 f"{left:.0f}s more")
            self._trial = True  # half open: this one call decides

    def _record(self, ok: bool, error: str | None = None) -> None:
        with self._lock:
            self._trial = False
            if ok:
                self._failures, self._opened_at, self.last_error = 0, None, None
                return
            self._failures += 1
            self.last_error = error
            if self._failures >= self.threshold:
                self._opened_at = self._clock()

    def state(self) -> dict[str, Any]:
        with self._lock:
            if self._opened_at is None:
                name = "closed"
            elif self._clock() - self._opened_at >= self.cooldown_s:
                name = "half_open"
            else:
                name = "open"
            return {"breaker": name, "consecutive_failures": self._failures, "in_flight": self.in_flight,
                    "budget_s": self.budget_s, "last_error": self.last_error}

    # --- running ---------------------------------------------------------------------------------

    def run(self, work: Callable[[], T], early: Callable[[], Any] | None = None, early_at: float = 0.3,
            started: float | None = None) -> T:
        """`work()` on the LLM pool, within the budget; LLMUnavailable (or a subclass) otherwise.

        `started`: when the request arrived (this guard's clock, `time.monotonic` by default; default now):
        the budget counts from then. `early`: the fallback, computed on the caller's thread while the model
        may still finish (at once under pressure, else once `early_at` of the budget has passed); a failure
        then carries it as `.fallback`, so an ask that falls back still answers within about the budget
        (not budget + fallback time)."""
        self._admit()
        now = self._clock()
        started = now if started is None else min(started, now)
        end = started + self.budget_s - min(1.0, FINISH_RESERVE * self.budget_s)
        with self._lock:
            pressed = self.in_flight >= self.workers or self._failures > 0
            self.in_flight += 1
        future: Future = self._pool.submit(self._timed, work)
        future.add_done_callback(self._done)
        fallback = None
        try:
            if early is not None:
                try:
                    wait = 0.0 if pressed else started + self.budget_s * early_at - self._clock()
                    return self._ok(future.result(timeout=max(0.0, min(wait, end - self._clock()))))
                except FutureTimeout:
                    try:
                        fallback = early()
                    except Exception:  # the caller computes (and reports) it again if it needs it
                        fallback = None
            while True:
                left = end - self._clock()
                if left <= 0:
                    raise FutureTimeout
                try:
                    result = future.result(timeout=min(left, POLL_S) if fallback is not None else left)
                    break
                except FutureTimeout:
                    if fallback is not None and self._hopeless(end) and future.cancel():  # still queued
                        exc = LLMBusy(f"the language model is busy ({self.in_flight - 1} turns waiting on it) "
                                      "and could not answer in time")
                        exc.fallback = fallback
                        raise exc from None
        except FutureTimeout:
            future.cancel()  # still queued: never starts; running: abandoned
            self._record(False, "over budget")
            exc = LLMOverBudget(f"the language model did not answer within the {self.budget_s:g}s budget "
                                f"({self._clock() - started:.1f}s)")
            exc.fallback = fallback
            raise exc from None
        except LLMBusy:
            raise
        except Exception as exc:
            self._record(False, type(exc).__name__)
            exc.fallback = fallback  # type: ignore[attr-defined]
            raise
        return self._ok(result)

    def _timed(self, work: Callable[[], T]) -> T:
        token = object()
        with self._lock:
            self._running[id(token)] = self._clock()
        try:
            return work()
        finally:
            with self._lock:
                self._running.pop(id(token), None)

    def _hopeless(self, end: float) -> bool:
        """A queued turn cannot be answered by `end`: the model is failing, or every pool thread is taken by
        a turn that has already run longer than the time left (the model is at least that slow)."""
        with self._lock:
            if self._failures > 0:
                return True
            now = self._clock()
            return len(self._running) >= self.workers and now - min(self._running.values()) >= end - now

    def _ok(self, result: T) -> T:
        self._record(True)
        return result

    def _done(self, _: Future) -> None:
        with self._lock:
            self.in_flight -= 1


_GUARDS: dict[int, LlmGuard] = {}  # by id(settings); dropped with the settings object
_GUARDS_LOCK = threading.Lock()


def guard_for(settings: Settings) -> LlmGuard:
    with _GUARDS_LOCK:
        guard = _GUARDS.get(id(settings))
        if guard is None:
            guard = LlmGuard(settings.llm_budget_s, settings.llm_workers, settings.llm_breaker_failures,
                             settings.llm_breaker_cooldown_s)
            _GUARDS[id(settings)] = guard
            weakref.finalize(settings, _GUARDS.pop, id(settings), None)
        return guard
