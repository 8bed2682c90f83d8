"""Build everything from settings, once per process; heavy parts (embedding model, vector index) lazily.

`ctx.cached(name, build)` keeps results that depend only on the structured records (vendor-wide
aggregates, system-level computations) for as long as the records do not change: ingest stamps every
load with a new meta `records_version`, and `today` is part of the key. Cache system-level values only,
never a caller's view: scope filters are applied after the cache, on every call.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import select

from assistant.config import Settings
from retrieval.records import Meta, RecordStore
from retrieval.scope import Scope, ScopedRecords

if TYPE_CHECKING:  # imported lazily: chromadb and torch are heavy
    from retrieval.content import ContentService

DEFAULT_VENDOR = {"name": "Vendor", "website": None, "default_locale": "en", "account_sharing": "counts"}
T = TypeVar("T")
_RECORDS_VERSION = select(Meta.value).where(Meta.key == "records_version")


class AppContext:
    """The one object interfaces and tools receive: settings, the stores, the vendor."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        self._lock = threading.Lock()
        self._cache: dict[Hashable, tuple[Hashable, object]] = {}  # key -> (stamp, value)
        self._building: dict[Hashable, threading.Lock] = {}  # one builder per key; the others wait for it

    @cached_property
    def store(self) -> RecordStore:
        return RecordStore(self.settings.effective_database_url)

    @property
    def content(self) -> ContentService:
        """Chunks, embeddings, vector index and hybrid search (loaded on first use)."""
        with self._lock:
            if "_content" not in self.__dict__:
                from retrieval.content import ContentService

                self.__dict__["_content"] = ContentService(self.settings, self.store)
            return self.__dict__["_content"]

    def vendor(self) -> dict:
        """vendor.yaml as ingested (DATA.md defaults when absent). Ingest writes it with the records, so it
        is cached with them; a copy, so a caller may change it."""
        return dict(self.cached("vendor", lambda: {**DEFAULT_VENDOR, **self.store.get_meta("vendor")}))

    def today(self) -> dt.date:
        return self.settings.today_date()

    def records_version(self) -> str | None:
        """The stamp ingest writes with every load of the records; None for a store never ingested.
        Read on every call (a core query, ~0.1 ms): an ingest by another process shows at once."""
        with self.store.engine.connect() as connection:
            value = connection.execute(_RECORDS_VERSION).scalar()
        return (value or {}).get("id")

    def cached(self, name: str, build: Callable[[], T], *, key: Hashable = (), stamp: Hashable = ()) -> T:
        """`build()`, computed once per records version, today, `key` and `stamp` (anything else the value
        depends on, e.g. a corrections count), then shared by every request and thread of this process.

        A store without a records version (built by hand, not by ingest) is never cached: nothing would
        tell us that it changed. Values are shared: callers must not mutate them.
        """
        version = self.records_version()
        if version is None:
            return build()
        full_stamp = (version, self.today(), stamp)
        cache_key = (name, key)
        with self._lock:
            builder = self._building.setdefault(cache_key, threading.Lock())
        with builder:  # 20 threads asking for the same cold value: one computes it, the others reuse it
            hit = self._cache.get(cache_key)
            if hit is not None and hit[0] == full_stamp:
                return hit[1]  # type: ignore[return-value]
            value = build()
            self._cache[cache_key] = (full_stamp, value)
            return value

    @contextmanager
    def records(self, scope: Scope) -> Iterator[ScopedRecords]:
        with self.store.session() as session:
            yield ScopedRecords(session, scope)

    def close(self) -> None:
        if "_content" in self.__dict__:
            self.__dict__["_content"].close()
        if "store" in self.__dict__:
            self.store.dispose()
