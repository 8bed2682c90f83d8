"""Warm-up at server start: build the expensive lazy pieces in a background thread, so the first users do
not pay seconds for them (the embedding model, the vector and BM25 indexes, the matching engine, account
mapping, the vendor-wide aggregates, the name catalogues, the directory's words, the language profiles of
the draft checks; after ready, every subject's next best actions within a CPU budget and the multilingual
vectors).

Started by the app's lifespan (`cosell serve`, uvicorn, `with TestClient(app)`); the server answers at
once, and `GET /healthz` says `"ready": true` when the warm-up is done but for the steps of AFTER_READY
(`"finished": true` once those are done too). A step that fails is logged and
skipped: a request would build the same piece on demand (and say what is wrong). Only what exists is
warmed: no content, no model; records never ingested (no records version), no record caches.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from assistant.core.errors import CosellError
from assistant.core.llm import chat_model, count_tokens
from assistant.engine.context import AppContext
from assistant.engine.llm_agent import tool_schemas
from assistant.engine.name_index import tokens
from assistant.engine.resolver import catalogue_for
from retrieval.records import Chunk, User
from retrieval.scope import Scope
from tools.analytics.service import portfolio
from tools.content_drafts.service import check_language
from tools.directory.service import question_hints
from tools.next_best_action.service import next_best_actions, vendor_baselines, warm_partner_relationships
from tools.partner_match.service import get_engine
from tools.search.service import warm_multilingual

log = logging.getLogger(__name__)


def _has_content(ctx: AppContext) -> bool:

    return ctx.store.count(Chunk) > 0


def warm_content(ctx: AppContext) -> None:
    """Embedding model, vector index and BM25 index: one search loads them all."""
    if _has_content(ctx):
        ctx.content.search("deal registration", 1)
        ctx.content.search("deal registration", 1, allowed_visibility=["partners"])


def warm_baselines(ctx: AppContext) -> None:

    vendor_baselines(ctx)


def warm_portfolio(ctx: AppContext) -> None:
    """Every partner's health now and at the past quarters (kept per records version): the dashboard, the
    digest and "who's at risk?" then answer without recomputing it (10,000 partners: seconds)."""
    portfolio(ctx, Scope.system())


def warm_match_engine(ctx: AppContext) -> None:

    get_engine(ctx)


def warm_account_mapping(ctx: AppContext) -> None:
    """Matching of every partner's rows against our accounts (the first `map`/`nba` otherwise pays it)."""

    warm_partner_relationships(ctx)


def warm_catalogues(ctx: AppContext) -> None:
    """What askers may name: one catalogue for internal users, one for those who see no records (marketers),
    one per partner with sellers; each with its distinct aliases laid out for name matching (one pass over
    every alias, ~3 ms for 9,000, else the first question of each class pays it)."""
    with ctx.store.session() as session:
        partners = session.scalars(select(User.partner_id).where(
            User.role == "partner_seller", User.partner_id.is_not(None)).distinct()).all()
    scopes = [Scope.system(), Scope("warmup-marketer", "marketer")]
    scopes += [Scope(f"warmup-{partner_id}", "partner_seller", partner_id=partner_id) for partner_id in partners]
    for scope in scopes:
        catalogue = catalogue_for(ctx, scope)
        for index in (catalogue.index, catalogue.foreign):
            index.match(tokens("warm up"))


def warm_directory_hints(ctx: AppContext) -> None:
    """The partner directory's words (industries, products, countries: one large pattern, ~1.5 s to
    compile): every chat question is checked against them for routing."""
    question_hints(ctx, "partners in healthcare")


def warm_draft_checks(ctx: AppContext) -> None:
    """langdetect loads its ~50 language profiles on first use (~1.5 s)."""

    check_language("Dies ist ein kurzer Text über Daten, Partner und gemeinsame Kunden.", "de")


def warm_multilingual_programme(ctx: AppContext) -> None:
    """The programme passages a question in another language is matched against, encoded once by the
    multilingual model (a few hundred passages: seconds; late, so the other steps are not held up)."""
    if _has_content(ctx):
        warm_multilingual(ctx)


def warm_unit_vectors(ctx: AppContext) -> None:
    """The stored unit vectors of the content's chunks, decoded into memory once per process (up to the
    cache's size, the programme first): a first answer quoting a chunk otherwise reads them from the vector
    index (issue 22)."""
    if _has_content(ctx):
        ctx.content.warm_unit_vectors()


NBA_WARM_CPU_SECONDS = 30.0  # this thread's CPU for `warm_next_best_actions`: a large book warms a part


def warm_next_best_actions(ctx: AppContext, budget_s: float = NBA_WARM_CPU_SECONDS) -> int:
    """Every subject's next best actions computed once, as an internal user and as each selling partner's
    sellers see them, within `budget_s` of this thread's CPU: partners first, then open deals. The results
    themselves are not kept for anyone (a tool's result is per asker); what the first answer about a subject
    reuses is what they share: the enablement content each rule looks up (`nba.content_lookup`, per rule
    query, filters and visibility class, once per content version: ~7 ms each, several per first answer) and
    the other caches per records version. Returns the subjects computed."""
    started = time.thread_time()
    system = Scope.system()
    with ctx.store.session() as session:
        selling = session.scalars(select(User.partner_id).where(
            User.role == "partner_seller", User.partner_id.is_not(None)).distinct()).all()
    askers = [system] + [Scope(f"warmup-{p}", "partner_seller", partner_id=p) for p in sorted(selling)]
    jobs: list[tuple[Scope, dict[str, str]]] = []
    for scope in askers:
        with ctx.records(scope) as rec:
            partners = [p.partner_id for p in rec.partners()] if scope is system else [scope.partner_id]
            deals = [o.opportunity_id for o in rec.opportunities(open_only=True)]
        jobs += [(scope, {"partner_id": p}) for p in partners]
        jobs += [(scope, {"opportunity_id": o}) for o in deals]
    jobs.sort(key=lambda job: "opportunity_id" in job[1])  # partners (few, asked about most) first
    done = 0
    for scope, subject in jobs:
        if time.thread_time() - started > budget_s:
            break
        try:
            next_best_actions(ctx, scope, **subject)
            done += 1
        except CosellError:  # a subject this asker may not see: nothing to warm
            continue
    return done


def warm_llm_client(ctx: AppContext) -> None:
    """With a language model configured: its client libraries (langchain, openai: seconds of imports that the
    first asks would otherwise take in turns, holding the interpreter), the tool schemas and the tokenizer."""
    if ctx.settings.llm_enabled:
        chat_model(ctx.settings).with_tools(tool_schemas())
        count_tokens("warm-up")


# (name, step, needs ingested records)
# Steps run after `ready` is set (the server is ready without them; a request meanwhile computes what it
# needs, as without a warm-up): the multilingual vectors of every programme passage and unit take minutes
# on a busy 2-core machine the first time after new content (then the shared cache has them); every
# subject's next best actions, seconds (within a CPU budget); the chunks' unit vectors, a fraction of a second.
AFTER_READY = frozenset({"unit_vectors", "next_best_actions", "multilingual_programme"})
STEPS: list[tuple[str, Callable[[AppContext], None], bool]] = [
    ("content", warm_content, False),
    ("vendor_baselines", warm_baselines, True),
    ("name_catalogues", warm_catalogues, True),
    ("directory_hints", warm_directory_hints, True),
    ("match_engine", warm_match_engine, True),
    ("account_mapping", warm_account_mapping, True),
    ("portfolio", warm_portfolio, True),
    ("draft_checks", warm_draft_checks, False),
    ("unit_vectors", warm_unit_vectors, False),
    ("next_best_actions", warm_next_best_actions, True),
    ("multilingual_programme", warm_multilingual_programme, False),
    ("llm_client", warm_llm_client, False),
]


class Warmup:
    """The background warm-up of one app; `status()` is what /healthz shows."""

    def __init__(self, ctx: AppContext, steps: list[tuple[str, Callable[[AppContext], None], bool]] | None = None):
        self.ctx = ctx
        self.steps = STEPS if steps is None else steps
        self.done: dict[str, Any] = {}  # step -> milliseconds, or "failed: ..." / "skipped"
        self.ready = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.seconds: float | None = None  # the whole warm-up, when finished
        self.ready_seconds: float | None = None  # until ready (the steps before AFTER_READY)

    def start(self) -> None:
        self._thread = threading.Thread(target=self.run, name="cosell-warmup", daemon=True)
        self._thread.start()

    def run(self) -> None:
        started = time.perf_counter()
        try:
            ingested = self._ingested()
            steps = [s for s in self.steps if s[0] not in AFTER_READY] + [s for s in self.steps if s[0] in AFTER_READY]
            for name, step, needs_records in steps:
                if self._stop.is_set():
                    break
                if name in AFTER_READY and not self.ready.is_set():
                    self.ready_seconds = round(time.perf_counter() - started, 2)
                    self.ready.set()
                if needs_records and not ingested:
                    self.done[name] = "skipped"
                    continue
                self._step(name, step)
        finally:
            self.seconds = round(time.perf_counter() - started, 2)
            if not self.ready.is_set():
                self.ready_seconds = self.seconds
                self.ready.set()
            log.info("warm-up finished in %ss (ready after %ss): %s", self.seconds, self.ready_seconds, self.done)

    def _ingested(self) -> bool:
        try:
            return self.ctx.records_version() is not None
        except Exception:  # an unreachable store: every request will say so; nothing to warm
            log.warning("warm-up: the store is not readable", exc_info=True)
            return False

    def _step(self, name: str, step: Callable[[AppContext], None]) -> None:
        t0 = time.perf_counter()
        try:
            step(self.ctx)
            self.done[name] = round((time.perf_counter() - t0) * 1000)
        except Exception as exc:  # warm-up is best effort: the request path reports the same error
            self.done[name] = f"failed: {type(exc).__name__}"
            log.warning("warm-up step %s failed", name, exc_info=True)

    def stop(self, timeout: float = 60.0) -> None:
        """Let the current step finish (it may hold the store) and skip the rest."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def status(self) -> dict[str, Any]:
        return {"ready": self.ready.is_set(), "ready_seconds": self.ready_seconds,
                "finished": self.seconds is not None, "seconds": self.seconds, "steps": dict(self.done)}

