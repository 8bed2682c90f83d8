"""What a tool receives besides the caller's scope: settings, the stores, the vendor, today, a cache.

A protocol, so the tools layer never imports the assistant engine that implements it
(`assistant.engine.context.AppContext`); tests may pass any object with these members.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Protocol, TypeVar

from assistant.core.config import Settings
from retrieval.records import RecordStore
from retrieval.scope import Scope, ScopedRecords

if TYPE_CHECKING:  # chromadb and torch are heavy: the content service is built on first use
    from retrieval.content import ContentService

T = TypeVar("T")


class ToolContext(Protocol):
    settings: Settings

    @property
    def store(self) -> RecordStore: ...

    @property
    def content(self) -> ContentService: ...

    def vendor(self) -> dict: ...

    def today(self) -> dt.date: ...

    def records_version(self) -> str | None: ...

    def cached(self, name: str, build: Callable[[], T], *, key: Hashable = (), stamp: Hashable = (),
               max_entries: int | None = None) -> T: ...

    def records(self, scope: Scope) -> AbstractContextManager[ScopedRecords]: ...
