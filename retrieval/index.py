"""The vector index: one chroma collection of chunk embeddings (embedded, or a Chroma server by URL).

SQL is the source of truth for chunk text; chroma holds each chunk's vector under its chunk id plus
the metadata that filters use (doc id, visibility tags, kind, language, lower-cased products and
industries), so a `where` clause restricts the nearest-neighbour search itself: a chunk the asker may
not see never takes a place in the result.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Iterator, Sequence
from typing import Any
from urllib.parse import urlparse

import numpy as np

log = logging.getLogger(__name__)

_CLIENT_LOCK = threading.RLock()
HNSW = {"space": "cosine", "ef_search": 100}  # ef_search 10 (chroma's default) misses neighbours


def chunk_metadata(doc_id: str, visibility: Sequence[str], kind: str | None, locale: str | None,
                   products: Sequence[str], industries: Sequence[str]) -> dict[str, Any]:
    """chroma metadata of a chunk; chroma rejects empty lists, so empty ones are left out."""
    meta: dict[str, Any] = {"doc_id": doc_id, "kind": (kind or "other").lower(), "lang": language(locale)}
    for key, values in (("visibility", visibility), ("products", products), ("industries", industries)):
        cleaned = sorted({v.strip().lower() if key != "visibility" else v.strip() for v in values if v.strip()})
        if cleaned:
            meta[key] = cleaned
    return meta


def language(locale: str | None) -> str:
    """'ja-JP' -> 'ja'; unknown -> ''."""
    return (locale or "").replace("_", "-").split("-")[0].lower()


def where_clause(allowed_visibility: Sequence[str] | None = None, kinds: Sequence[str] | None = None,
                 products: Sequence[str] | None = None, industries: Sequence[str] | None = None,
                 locale: str | None = None) -> dict[str, Any] | None:
    """The chroma filter equivalent to `retrieval.search.Filters` (None: no filter at all)."""
    clauses: list[dict[str, Any]] = []

    def any_of(key: str, values: Sequence[str]) -> None:
        options = [{key: {"$contains": v}} for v in values]
        clauses.append(options[0] if len(options) == 1 else {"$or": options})

    if allowed_visibility is not None:
        if not allowed_visibility:  # may see nothing: a clause no chunk satisfies
            clauses.append({"visibility": {"$contains": "\x00nothing"}})
        else:
            any_of("visibility", list(allowed_visibility))
    if kinds:
        clauses.append({"kind": {"$in": [k.lower() for k in kinds]}})
    if products:
        any_of("products", [p.strip().lower() for p in products])
    if industries:
        any_of("industries", [i.strip().lower() for i in industries])
    if locale:
        clauses.append({"lang": language(locale)})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


class VectorIndex:
    """chroma collection access: upsert, delete, list ids, nearest neighbours."""

    def __init__(self, settings, embedding_function=None, collection_name: str | None = None):
        self.settings = settings
        self.collection_name = collection_name or settings.chroma_collection  # e.g. the partner directory's
        self._embedding_function = embedding_function
        self._client = None
        self._collection = None

    # --- connection ----------------------------------------------------------------------------
    @property
    def client(self):
        with _CLIENT_LOCK:  # chromadb's client construction is not thread-safe (first concurrent searches)
            return self._make_client()

    def _make_client(self):
        if self._client is None:
            import chromadb
            from chromadb.config import Settings as ChromaSettings

            chroma_settings = ChromaSettings(anonymized_telemetry=False)
            url = self.settings.chroma_url
            if url:
                parsed = urlparse(url if "://" in url else f"http://{url}")
                self._client = chromadb.HttpClient(
                    host=parsed.hostname or "127.0.0.1", port=parsed.port or (443 if parsed.scheme == "https" else 8000),
                    ssl=parsed.scheme == "https", settings=chroma_settings,
                )
            else:
                path = self.settings.chroma_path
                path.mkdir(parents=True, exist_ok=True)
                self._client = chromadb.PersistentClient(path=str(path), settings=chroma_settings)
        return self._client

    @property
    def collection(self):
        with _CLIENT_LOCK:
            return self._get_collection()

    def _get_collection(self):
        if self._collection is None:
            self._collection = self.client.get_or_create_collection(
                self.collection_name,
                configuration={"hnsw": dict(HNSW)},
                embedding_function=self._embedding_function,
            )
        return self._collection

    @property
    def max_batch(self) -> int:
        try:
            return max(1, min(5000, int(self.client.get_max_batch_size())))
        except Exception:  # older servers do not say
            return 1000

    # --- writes ----------------------------------------------------------------------------------
    def upsert(self, ids: Sequence[str], embeddings: np.ndarray, metadatas: Sequence[dict[str, Any]]) -> None:
        step = self.max_batch
        for start in range(0, len(ids), step):
            end = start + step
            self.collection.upsert(ids=list(ids[start:end]), embeddings=embeddings[start:end],
                                   metadatas=list(metadatas[start:end]))

    def update_metadata(self, ids: Sequence[str], metadatas: Sequence[dict[str, Any]]) -> None:
        step = self.max_batch
        for start in range(0, len(ids), step):
            self.collection.update(ids=list(ids[start : start + step]), metadatas=list(metadatas[start : start + step]))

    def delete(self, ids: Sequence[str]) -> None:
        ids = list(ids)
        step = self.max_batch
        for start in range(0, len(ids), step):
            self.collection.delete(ids=ids[start : start + step])

    def reset(self) -> None:
        """Drop the collection (it is recreated empty on next use)."""
        try:
            self.client.delete_collection(self.collection_name)
        except Exception:  # not there: nothing to drop
            pass
        self._collection = None

    # --- reads -----------------------------------------------------------------------------------
    def iter_ids(self, page: int = 5000) -> Iterator[str]:
        offset = 0
        while True:
            batch = self.collection.get(include=[], limit=page, offset=offset)["ids"]
            yield from batch
            if len(batch) < page:
                return
            offset += page

    def count(self) -> int:
        return int(self.collection.count())

    def query(self, embedding: np.ndarray, n: int, where: dict[str, Any] | None = None,
              total: int | None = None) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) of the n nearest chunks that satisfy `where`, nearest first.
        `total` (the number of vectors, when the caller knows it) saves a round trip."""
        total = self.count() if total is None else total
        if total == 0 or n <= 0:
            return []
        result = self.collection.query(query_embeddings=[embedding], n_results=min(n, total), where=where,
                                       include=["distances"])
        ids = result["ids"][0] if result["ids"] else []
        distances = result["distances"][0] if result.get("distances") else []
        return [(cid, 1.0 - float(dist)) for cid, dist in zip(ids, distances)]

    def close(self) -> None:
        self._collection = None
        self._client = None
