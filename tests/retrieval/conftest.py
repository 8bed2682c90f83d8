"""Fixtures for the retrieval tests: one embedding model per test session, real stores in tmp dirs."""
from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from assistant.core.config import Settings
from retrieval.records import RecordStore


@pytest.fixture(scope="session")
def embedder():
    """The real MiniLM embedder, loaded once for the whole session."""
    from retrieval.embeddings import Embedder

    shared = Embedder(batch_size=32)
    shared.embed_query("warm up")
    return shared


class CountingEmbedder:
    """Delegates to the shared embedder and counts what it was asked to embed."""

    def __init__(self, inner):
        self.inner = inner
        self.calls = 0
        self.texts = 0

    def embed_texts(self, texts, progress=None):
        self.calls += 1
        self.texts += len(texts)
        return self.inner.embed_texts(texts)

    def embed_with_spans(self, texts, spans, progress=None):
        self.calls += 1
        self.texts += len(texts)
        return self.inner.embed_with_spans(texts, spans)

    def embed_query(self, text):
        return self.inner.embed_query(text)

    def __getattr__(self, name):
        return getattr(self.inner, name)


def make_doc(doc_id: str, text: str, title: str | None = None, visibility=("partners",), **extra):
    from connectors.models import DocumentRecord

    return DocumentRecord(
        doc_id=doc_id, source=f"content/{doc_id}", title=title or doc_id.rsplit("/", 1)[-1],
        visibility=list(visibility), text=text, content_hash=hashlib.sha256(text.encode()).hexdigest(),
        updated_on=dt.date(2026, 1, 1), **extra,
    )


@pytest.fixture
def make_service(tmp_path, embedder):
    """Build ContentServices on one tmp COSELL_HOME (several may share it, like two processes)."""
    from retrieval.content import ContentService

    services = []

    def build(cls=ContentService, counting: bool = True, **settings_overrides):
        settings = Settings(home=tmp_path / "home", **settings_overrides)
        store = RecordStore(settings.effective_database_url)
        service = cls(settings, store, embedder=CountingEmbedder(embedder) if counting else embedder)
        services.append(service)
        return service

    yield build
    for service in services:
        service.close()
        service.store.dispose()
