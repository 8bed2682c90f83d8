"""Build everything from settings, once per process; heavy parts (embedding model, vector index) lazily.

`ctx.cached(name, build)` is the one place where the process keeps results that depend on the structured
records (vendor-wide aggregates, system-level computations, per-visibility catalogues) for as long as the
records do not change: ingest stamps every load with a new meta `records_version`, and `today` is part of
the key. Cache system-level values, or values per visibility class, never one caller's view: scope filters
are applied after the cache, on every call. A cache whose `key` varies (per partner, per query) passes
`max_entries`, so it stays bounded (least recently used first out).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from assistant.core.config import Settings
from retrieval.records import RECORDS_VERSION, RecordStore
from retrieval.scope import Scope, ScopedRecords
from retrieval.shared_cache import SharedCache

if TYPE_CHECKING:  # imported lazily: chromadb and torch are heavy
    from retrieval.content import ContentService

DEFAULT_VENDOR = {"name": "Vendor", "website": None, "default_locale": "en", "account_sharing": "counts"}
T = TypeVar("T")


class AppContext:
    """The one object interfaces and tools receive: settings, the stores, the vendor."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        self._lock = threading.Lock()
        # name -> key -> (stamp, value), least recently used first
        self._cache: dict[str, OrderedDict[Hashable, tuple[Hashable, object]]] = {}
        self._building: dict[tuple, threading.Lock] = {}  # one builder per (name, key); the others wait

    @cached_property
    def store(self) -> RecordStore:
        return RecordStore(self.settings.effective_database_url)

    @cached_property
    def shared(self) -> SharedCache:
        """What every process on this machine computes once and reads back (other workers, the next
        start): a SQLite file in COSELL_HOME; keys carry what the values depend on (`retrieval.shared_cache`)."""
        return SharedCache(self.settings.home_dir / "cache" / "shared.sqlite")

    @property
    def content(self) -> ContentService:
        """Chunks, embeddings, vector index and hybrid search (loaded on first use)."""
        with self._lock:
            if "_content" not in self.__dict__:
                from retrieval.content import ContentService  # heavy: chromadb and torch, on first use

                self.__dict__["_content"] = ContentService(self.settings, self.store, shared=self.shared)
            return self.__dict__["_content"]

    def vendor(self) -> dict:
        """vendor.yaml as ingested (DATA.md defaults when absent). Ingest writes it with the records, so it
        is cached with them; a copy, so a caller may change it."""
        return dict(self.cached("vendor", lambda: {**DEFAULT_VENDOR, **self.store.get_meta("vendor")}))

    def today(self) -> dt.date:
        return self.settings.today_date()

    def records_version(self) -> str | None:
        """The stamp ingest writes with every load of the records; None for a store never ingested.
        Read on every call (a core query, ~0.1 ms; once per request inside `store.meta_snapshot()`): an
        ingest by another process shows at once."""
        return self.store.get_meta(RECORDS_VERSION).get("id")

    def cached(self, name: str, build: Callable[[], T], *, key: Hashable = (), stamp: Hashable = (),
               max_entries: int | None = None) -> T:
        """`build()`, computed once per records version, today, `key` and `stamp` (anything else the value
        depends on, e.g. a corrections count), then shared by every request and thread of this process.
        `max_entries` bounds how many keys of `name` are kept (the least recently used go first).

        A store without a records version (built by hand, not by ingest) is never cached: nothing would
        tell us that it changed. Values are shared: callers must not mutate them.
        """
        version = self.records_version()
        if version is None:
            return build()
        full_stamp = (version, self.today(), stamp)
        with self._lock:
            entries = self._cache.setdefault(name, OrderedDict())
            if (hit := self._fresh(entries, key, full_stamp)) is not None:
                return hit[1]  # type: ignore[return-value]
            builder = self._building.setdefault((name, key), threading.Lock())
        with builder:  # 20 threads asking for the same cold value: one computes it, the others reuse it
            with self._lock:
                if (hit := self._fresh(entries, key, full_stamp)) is not None:
                    return hit[1]  # type: ignore[return-value]
            value = build()
            with self._lock:
                entries[key] = (full_stamp, value)
                entries.move_to_end(key)
                while max_entries is not None and len(entries) > max(max_entries, 1):
                    evicted, _ = entries.popitem(last=False)
                    self._building.pop((name, evicted), None)  # at worst a concurrent duplicate build
            return value

    @staticmethod
    def _fresh(entries: OrderedDict, key: Hashable, full_stamp: tuple) -> tuple | None:
        """The entry of `key` if it was built under `full_stamp` (marked as just used); else None."""
        hit = entries.get(key)
        if hit is None or hit[0] != full_stamp:
            return None
        entries.move_to_end(key)
        return hit

    @contextmanager
    def records(self, scope: Scope) -> Iterator[ScopedRecords]:
        with self.store.session() as session:
            yield ScopedRecords(session, scope)

    def close(self) -> None:
        if "_content" in self.__dict__:
            self.__dict__["_content"].close()
        if "store" in self.__dict__:
            self.store.dispose()
        if "shared" in self.__dict__:
            self.shared.close()
