"""Build everything from settings, once per process; heavy parts (embedding model, vector index) lazily."""
from __future__ import annotations

import datetime as dt
import threading
from contextlib import contextmanager
from functools import cached_property
from typing import TYPE_CHECKING, Iterator

from assistant.config import Settings
from retrieval.records import RecordStore
from retrieval.scope import Scope, ScopedRecords

if TYPE_CHECKING:  # imported lazily: chromadb and torch are heavy
    from retrieval.content import ContentService

DEFAULT_VENDOR = {"name": "Vendor", "website": None, "default_locale": "en", "account_sharing": "counts"}


class AppContext:
    """The one object interfaces and tools receive: settings, the stores, the vendor."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        self._lock = threading.Lock()

    @cached_property
    def store(self) -> RecordStore:
        return RecordStore(self.settings.effective_database_url)

    @property
    def content(self) -> "ContentService":
        """Chunks, embeddings, vector index and hybrid search (loaded on first use)."""
        with self._lock:
            if "_content" not in self.__dict__:
                from retrieval.content import ContentService

                self.__dict__["_content"] = ContentService(self.settings, self.store)
            return self.__dict__["_content"]

    def vendor(self) -> dict:
        """vendor.yaml as ingested (DATA.md defaults when absent)."""
        stored = self.store.get_meta("vendor")
        return {**DEFAULT_VENDOR, **stored}

    def today(self) -> dt.date:
        return self.settings.today_date()

    @contextmanager
    def records(self, scope: Scope) -> Iterator[ScopedRecords]:
        with self.store.session() as session:
            yield ScopedRecords(session, scope)

    def close(self) -> None:
        if "_content" in self.__dict__:
            self.__dict__["_content"].close()
        if "store" in self.__dict__:
            self.store.dispose()
