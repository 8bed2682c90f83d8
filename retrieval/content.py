"""ContentService: enablement documents -> chunks -> embeddings -> chroma + SQL, and search over them.

Sync is idempotent and crash-safe. SQL is the truth: a document's `indexed_hash` is set, in the same
transaction that replaces its `chunks` rows, only *after* chroma holds the vectors of those chunks
(deterministic ids `{doc_id}#{ordinal}`). A kill at any moment leaves the previous version searchable
(its rows are still committed); a rerun sees an `indexed_hash` other than `content_hash:CHUNKING_VERSION`
and redoes the document, overwriting the same ids (a new splitter version redoes every document once). Vectors no SQL chunk references (left by a crash, or by a document that
shrank) are swept, and chunks whose vector is missing from chroma are re-indexed.
"""
from __future__ import annotations

import base64
import hashlib
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from pydantic import BaseModel
from sqlalchemy import delete, insert, select

from retrieval.chunking import (
    CHUNKING_VERSION,
    MAX_TOKENS,
    OVERLAP_TOKENS,
    chunk_text,
    context_line,
    contextual_text,
    text_units,
)
from retrieval.index import VectorIndex, chunk_metadata
from retrieval.lexical import is_cjk
from retrieval.multilingual import similarities
from retrieval.records import Chunk, Document, RecordStore
from retrieval.search import Filters, Hit, HybridSearcher
from retrieval.shared_cache import SharedCache

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int], None]
# Chunks embedded, upserted and committed together: this many embedding batches (64 texts by default, so
# 1,024 chunks, sorted by length inside: less padding). A kill loses at most one commit's work.
BATCHES_PER_COMMIT = 16
UNIT_CACHE_CHUNKS = 4096  # chunks whose unit vectors are kept decoded in memory (~1.5 KB per unit)
MIN_VOCABULARY_CHUNKS = 300  # see vocabulary()
UNITS_VERSION = "u2"  # bump when `text_units` changes: stored unit vectors then no longer line up
_META_FIELDS = ("source", "kind", "visibility", "products", "industries", "locale", "updated_on", "attributes")


class SyncStats(BaseModel):
    documents: int = 0  # documents in the index after the sync
    chunks: int = 0
    embedded_documents: int = 0  # (re-)chunked and (re-)embedded by this sync
    embedded_chunks: int = 0
    removed_documents: int = 0


@dataclass
class _Prepared:
    doc: Any  # a connectors.models.DocumentRecord, or anything shaped like one
    chunk_ids: list[str]
    headings: list[str | None]
    texts: list[str]
    token_counts: list[int]
    metadata: dict[str, Any]


def _doc_metadata(doc: Any) -> dict[str, Any]:
    return chunk_metadata(doc.doc_id, list(doc.visibility or []), doc.kind, doc.locale,
                          list(doc.products or []), list(doc.industries or []))


def indexed_hash(doc: Any, vectors: str = "") -> str:
    """What a document's chunks were made from: its text's hash, the splitter's version and, when not the
    float32 model, which vectors (`"int8"`): a new splitter or switching COSELL_EMBEDDING_INT8 re-indexes
    every document once instead of mixing two models' vectors in one index."""
    return f"{doc.content_hash}:{CHUNKING_VERSION}" + (f":{vectors}" if vectors else "")


def _document_row(doc: Any, vectors: str = "") -> dict[str, Any]:
    return {
        "doc_id": doc.doc_id, "source": doc.source, "title": doc.title, "kind": doc.kind or "other",
        "visibility": list(doc.visibility or []), "products": list(doc.products or []),
        "industries": list(doc.industries or []), "locale": doc.locale, "updated_on": doc.updated_on,
        "content_hash": doc.content_hash, "indexed_hash": indexed_hash(doc, vectors),
        "attributes": dict(getattr(doc, "attributes", None) or {}),
    }


# --- unit vectors ---------------------------------------------------------------------------
# The extractive answerer compares the question with every sentence / row of the retrieved chunks.
# Their vectors are pooled at ingest from the chunk's own forward pass (no extra model time) and kept
# in the chunk's chroma metadata, int8-quantised (~400 bytes a unit): they live, move and are deleted
# with the chunk's vector, in the embedded store and on a Chroma server alike. `unit_key` ties them to
# the chunk text and the unit splitter, so a stale entry is never used.
def unit_key(title: str | None, heading: str | None, text: str, dim: int) -> str:
    """Names what the unit vectors were pooled from: the splitter version, the model's width, and the
    chunk as embedded (its title and headings are part of the context every token saw)."""
    digest = hashlib.sha1(contextual_text(title, heading, text).encode("utf-8")).hexdigest()[:16]
    return f"{UNITS_VERSION}:{dim}:{digest}"


def encode_units(vectors: np.ndarray) -> str:
    scale = np.abs(vectors).max(axis=1).astype(np.float16)
    scale[scale == 0] = 1.0  # a zero vector (a unit past the model's window) stays zero
    quantised = np.round(vectors / scale.astype(np.float32)[:, None] * 127).astype(np.int8)
    return base64.b64encode(scale.tobytes() + quantised.tobytes()).decode("ascii")


def decode_units(blob: str, dim: int) -> np.ndarray:
    raw = base64.b64decode(blob)
    n = len(raw) // (dim + 2)
    scale = np.frombuffer(raw[: 2 * n], dtype=np.float16).astype(np.float32)
    quantised = np.frombuffer(raw[2 * n : 2 * n + n * dim], dtype=np.int8).reshape(n, dim).astype(np.float32)
    return quantised * (scale / 127)[:, None]


def _spans(title: str | None, heading: str | None, text: str) -> list[tuple[int, int]]:
    """Character spans of the chunk's units inside `contextual_text(title, heading, text)`."""
    line = context_line(title, heading)
    shift = len(line) + 1 if line else 0
    return [(u.start + shift, u.end + shift) for u in text_units(text)]


def pool_unit_vectors(embedder, hits: Sequence[Hit]) -> dict[str, np.ndarray]:
    """Unit vectors computed now (the slow path: a forward pass over each chunk). CJK chunks get none:
    MiniLM is an English model and the answerer scores Japanese lexically."""
    todo = [h for h in hits if not is_cjk(h.text)]
    if embedder is None or not todo:
        return {}
    _, pooled = embedder.embed_with_spans([contextual_text(h.title, h.heading, h.text) for h in todo],
                                          [_spans(h.title, h.heading, h.text) for h in todo])
    return {h.chunk_id: v for h, v in zip(todo, pooled)}


class ContentService:
    """Owns the embedder, the vector index and the hybrid searcher of one process."""

    def __init__(self, settings, store: RecordStore, embedder=None, max_tokens: int = MAX_TOKENS,
                 overlap_tokens: int = OVERLAP_TOKENS, shared: SharedCache | None = None):
        self.settings = settings
        self.store = store
        self.shared = shared  # the machine's cache of multilingual vectors (other workers, next start)
        self.max_tokens = max_tokens
        self.overlap_tokens = overlap_tokens
        self._embedder = embedder
        self._index: VectorIndex | None = None
        self._searcher: HybridSearcher | None = None
        self._lock = threading.RLock()
        self._build_lock = threading.RLock()
        self._units: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()  # (chunk id, unit key) -> vectors
        self._units_lock = threading.Lock()
        # Process CPU seconds spent by document syncs, by stage (benchmarks read it): "chunk" (splitting
        # and token counts), "embed" (everything inside the embedder: its own `cpu` splits it further),
        # "vectors" (span vectors encoded, chroma upserts and deletes), "sql" (document and chunk rows).
        self.ingest_cpu: dict[str, float] = {"chunk": 0.0, "embed": 0.0, "vectors": 0.0, "sql": 0.0}

    # --- lazily built parts -------------------------------------------------------------------
    # Built once, on first use; the lock only guards construction (20 first requests at once build one).
    @property
    def embedder(self):
        if self._embedder is None:
            with self._build_lock:
                if self._embedder is None:
                    from retrieval.embeddings import (
                        Embedder,  # heavy: torch and the model, loaded on first use
                    )

                    self._embedder = Embedder(self.settings.embedding_model_path,
                                              self.settings.embedding_batch_size, self.settings.torch_threads,
                                              quantized=bool(getattr(self.settings, "embedding_int8", False)),
                                              shared=self.shared,
                                              query_quantized=getattr(self.settings, "embedding_int8_queries", None))
        return self._embedder

    @property
    def index(self) -> VectorIndex:
        if self._index is None:
            with self._build_lock:
                if self._index is None:
                    from retrieval.embeddings import (
                        CosellEmbeddingFunction,  # heavy: torch and the model, loaded on first use
                    )

                    self._index = VectorIndex(self.settings, CosellEmbeddingFunction(embedder=self.embedder))
        return self._index

    @property
    def searcher(self) -> HybridSearcher:
        if self._searcher is None:
            with self._build_lock:
                if self._searcher is None:
                    self._searcher = HybridSearcher(self.store, self.index, self.embedder,
                                                    cache_dir=self.settings.home_dir / "lexical")
        return self._searcher

    # --- sync -----------------------------------------------------------------------------------
    def sync_documents(self, docs: Sequence[Any], progress: ProgressFn | None = None,
                       keep: set[str] | frozenset[str] = frozenset()) -> SyncStats:
        """Make the index hold exactly `docs`, plus the stored documents in `keep` as they are (their new
        file was rejected). See the module docstring for the guarantees."""
        with self._lock:
            wanted = {doc.doc_id: doc for doc in docs}  # the last record of a repeated id wins
            stored = self._stored_documents()
            missing_vectors = self._sweep_vectors()
            removed = sorted(set(stored) - set(wanted) - set(keep))
            self._remove(removed)
            to_index, meta_only = [], []
            for doc_id, doc in wanted.items():
                row = stored.get(doc_id)
                if row is None or row["indexed_hash"] != indexed_hash(doc, self._vectors) or row["title"] != doc.title \
                        or doc_id in missing_vectors:
                    to_index.append(doc)
                elif any(row[f] != _document_row(doc)[f] for f in _META_FIELDS):
                    meta_only.append(doc)
            embedded_chunks = self._index_documents(to_index, progress)
            self._update_metadata(meta_only)
            if to_index or removed:
                self._sweep_vectors()  # ids of documents that shrank or of a crashed earlier run
            documents, chunks = self.store.count(Document), self.store.count(Chunk)
            return SyncStats(documents=documents, chunks=chunks, embedded_documents=len(to_index),
                             embedded_chunks=embedded_chunks, removed_documents=len(removed))

    @property
    def _vectors(self) -> str:
        """Which vectors the embedder makes, as recorded in `indexed_hash` ("" for float32)."""
        return "int8" if getattr(self.embedder, "quantized", False) else ""

    def _stored_documents(self) -> dict[str, dict[str, Any]]:
        with self.store.session() as session:
            rows = session.scalars(select(Document)).all()
            return {r.doc_id: {"indexed_hash": r.indexed_hash, "title": r.title,
                               **{f: getattr(r, f) for f in _META_FIELDS}} for r in rows}

    def _sql_chunk_ids(self) -> dict[str, str]:
        with self.store.session() as session:
            return dict(session.execute(select(Chunk.chunk_id, Chunk.doc_id)).all())

    def _sweep_vectors(self) -> set[str]:
        """Delete vectors no SQL chunk references; return documents whose chunks lack a vector."""
        sql_chunks = self._sql_chunk_ids()
        in_chroma = set(self.index.iter_ids())
        orphans = sorted(in_chroma - set(sql_chunks))
        if orphans:
            log.info("removing %d orphan vectors", len(orphans))
            self.index.delete(orphans)
        return {doc_id for chunk_id, doc_id in sql_chunks.items() if chunk_id not in in_chroma}

    def _remove(self, doc_ids: list[str]) -> None:
        """SQL first (the documents stop being served at once), then their vectors."""
        if not doc_ids:
            return
        old_chunk_ids: list[str] = []
        with self.store.session() as session:
            for start in range(0, len(doc_ids), 500):
                part = doc_ids[start : start + 500]
                old_chunk_ids += session.scalars(select(Chunk.chunk_id).where(Chunk.doc_id.in_(part))).all()
                session.execute(delete(Chunk).where(Chunk.doc_id.in_(part)))
                session.execute(delete(Document).where(Document.doc_id.in_(part)))
            self.store.bump_content_version(session)
        self.index.delete(old_chunk_ids)

    def _prepare(self, doc: Any) -> _Prepared:
        drafts = chunk_text(doc.title, doc.text or "", self.max_tokens, self.overlap_tokens)
        return _Prepared(
            doc=doc, chunk_ids=[f"{doc.doc_id}#{d.ordinal}" for d in drafts], headings=[d.heading for d in drafts],
            texts=[d.text for d in drafts], token_counts=[d.token_count for d in drafts],
            metadata=_doc_metadata(doc),
        )

    def _index_documents(self, docs: list[Any], progress: ProgressFn | None) -> int:
        total, done, embedded = len(docs), 0, 0
        batch: list[_Prepared] = []
        batch_chunks = 0
        per_commit = self.settings.embedding_batch_size * BATCHES_PER_COMMIT
        for doc in docs:
            started = time.process_time()
            batch.append(self._prepare(doc))
            batch_chunks += len(batch[-1].chunk_ids)
            self.ingest_cpu["chunk"] += time.process_time() - started
            if batch_chunks >= per_commit:
                embedded += self._commit_batch(batch)
                done += len(batch)
                batch, batch_chunks = [], 0
                if progress:
                    progress(done, total)
        if batch:
            embedded += self._commit_batch(batch)
            done += len(batch)
        if progress:
            progress(done, total)
        return embedded

    def _commit_batch(self, batch: list[_Prepared]) -> int:
        started = time.process_time()
        texts = [contextual_text(p.doc.title, h, t) for p in batch for h, t in zip(p.headings, p.texts)]
        ids = [cid for p in batch for cid in p.chunk_ids]
        metadatas = [dict(p.metadata) for p in batch for _ in p.chunk_ids]
        if ids:
            spans = [[] if is_cjk(t) else _spans(p.doc.title, h, t)
                     for p in batch for h, t in zip(p.headings, p.texts)]
            self.ingest_cpu["chunk"] += time.process_time() - started
            started = time.process_time()
            vectors, pooled = self.embedder.embed_with_spans(texts, spans)
            middle = time.process_time()
            self.ingest_cpu["embed"] += middle - started
            dim = vectors.shape[1]
            for meta, text, units in zip(metadatas, texts, pooled):
                if len(units):  # keyed on the contextual text: title, headings and chunk
                    meta["unit_key"], meta["unit_vectors"] = unit_key(None, None, text, dim), encode_units(units)
            self.index.upsert(ids, vectors, metadatas)
            self.ingest_cpu["vectors"] += time.process_time() - middle
        self._after_upsert(ids)  # a seam for the crash tests
        started = time.process_time()
        stale: list[str] = []
        with self.store.session() as session:  # a few statements per batch, not per document
            doc_ids = [p.doc.doc_id for p in batch]
            known: set[str] = set()
            for start in range(0, len(doc_ids), 500):
                part = doc_ids[start : start + 500]
                stale += session.scalars(select(Chunk.chunk_id).where(Chunk.doc_id.in_(part))).all()
                known.update(session.scalars(select(Document.doc_id).where(Document.doc_id.in_(part))).all())
                session.execute(delete(Chunk).where(Chunk.doc_id.in_(part)))
            stale = sorted(set(stale) - set(ids))
            rows = [_document_row(p.doc, self._vectors) for p in batch]
            for row in rows:
                if row["doc_id"] in known:
                    session.merge(Document(**row))
            if fresh := [row for row in rows if row["doc_id"] not in known]:
                session.execute(insert(Document), fresh)
            session.flush()
            chunk_rows = [{"chunk_id": cid, "doc_id": p.doc.doc_id, "ordinal": i, "heading": h, "text": t,
                           "token_count": n}
                          for p in batch
                          for i, (cid, h, t, n) in enumerate(zip(p.chunk_ids, p.headings, p.texts, p.token_counts))]
            if chunk_rows:
                session.execute(insert(Chunk), chunk_rows)
            self.store.bump_content_version(session)
        middle = time.process_time()
        self.ingest_cpu["sql"] += middle - started
        if stale:
            self.index.delete(stale)
            self.ingest_cpu["vectors"] += time.process_time() - middle
        return len(ids)

    def _after_upsert(self, chunk_ids: list[str]) -> None:
        """Called between the vector upsert and the SQL commit (tests raise here to simulate a kill)."""

    def _update_metadata(self, docs: list[Any]) -> None:
        """Visibility or other metadata changed but not the text: no re-embedding, chroma first."""
        for doc in docs:
            with self.store.session() as session:
                chunk_ids = session.scalars(select(Chunk.chunk_id).where(Chunk.doc_id == doc.doc_id)).all()
            if chunk_ids:
                self.index.update_metadata(list(chunk_ids), [_doc_metadata(doc)] * len(chunk_ids))
            with self.store.session() as session:
                session.merge(Document(**_document_row(doc, self._vectors)))
                self.store.bump_content_version(session)

    # --- search and lifecycle ---------------------------------------------------------------
    def search(self, query: str, k: int = 5, allowed_visibility: Sequence[str] | None = None,
               kinds: Sequence[str] | None = None, products: Sequence[str] | None = None,
               industries: Sequence[str] | None = None, locale: str | None = None,
               max_per_doc: int | None = None, programme_only: bool = False) -> list[Hit]:
        """Best chunks first. `allowed_visibility=None` means everything; otherwise a chunk is visible
        when any of its visibility tags is in the list (applied inside both retrievers). `programme_only`:
        the vendor's own content, not others' reference material (front matter `source: reference`)."""
        filters = Filters.build(allowed_visibility, kinds, products, industries, locale, programme_only)
        return self.searcher.search(query, k, filters, max_per_doc=max_per_doc)

    def admitted(self, allowed_visibility: Sequence[str] | None = None, locale: str | None = None,
                 limit: int = 1000, programme_only: bool = False) -> list[Hit]:
        """Up to `limit` chunks the asker may see (in `locale` when given; `programme_only`: the vendor's own,
        not reference material), unranked."""
        return self.searcher.admitted(Filters.build(allowed_visibility, locale=locale), limit, programme_only)

    def multilingual(self, question: str, passages: Sequence[str]) -> np.ndarray | None:
        """multilingual-e5 similarities of the question to each passage (`retrieval.multilingual`), their
        vectors shared by every process of the machine; None without the model."""
        return similarities(question, passages, self.shared)

    def unit_vectors(self, hits: Sequence[Hit]) -> Mapping[str, np.ndarray]:
        """Vectors of the `text_units` of each hit's chunk: from memory, else from the chunk's chroma
        metadata, else pooled now (chunks indexed before unit vectors existed). Keyed by chunk id AND
        the hash of the very text the hit carries, so they always match what is quoted; they are
        content vectors only, never answers, so sharing them between askers leaks nothing."""
        dim = self.embedder.dimension
        keys = {h.chunk_id: unit_key(h.title, h.heading, h.text, dim) for h in hits if not is_cjk(h.text)}
        found: dict[str, np.ndarray] = {}
        with self._units_lock:
            for chunk_id, key in keys.items():
                cached = self._units.get((chunk_id, key))
                if cached is not None:
                    self._units.move_to_end((chunk_id, key))
                    found[chunk_id] = cached
        missing = [cid for cid in keys if cid not in found]
        if missing:
            found.update(self._stored_units(missing, keys, dim))
            late = [h for h in hits if h.chunk_id in keys and h.chunk_id not in found]
            found.update(pool_unit_vectors(self.embedder, late))
            with self._units_lock:
                for cid in missing:
                    if cid in found:
                        self._units[(cid, keys[cid])] = found[cid].astype(np.float16)
                while len(self._units) > UNIT_CACHE_CHUNKS:
                    self._units.popitem(last=False)
        return found

    def warm_unit_vectors(self, limit: int = UNIT_CACHE_CHUNKS, page: int = 500) -> int:
        """Decode into memory the stored unit vectors of up to `limit` chunks (the vendor's own programme
        first, then others' reference material), as `unit_vectors` keeps them after a first read: the first
        answer quoting a chunk then reads no chroma metadata (one `get` of ~0.2-0.5 ms per answer, issue
        22). Keyed as there (chunk id and the text's `unit_key`): a chunk changed since is read again.
        Returns the chunks whose vectors are now in memory."""
        dim = self.embedder.dimension
        with self.store.engine.connect() as connection:  # the programme's own chunks first
            order = connection.execute(select(Chunk.chunk_id, Document.attributes)
                                       .join(Document, Document.doc_id == Chunk.doc_id)).all()
        wanted = [cid for cid, attributes in sorted(
            order, key=lambda row: (row.attributes or {}).get("source") == "reference")][:limit]
        warmed = 0
        for start in range(0, len(wanted), page):
            with self.store.engine.connect() as connection:
                rows = connection.execute(select(Chunk.chunk_id, Chunk.heading, Chunk.text, Document.title)
                                          .join(Document, Document.doc_id == Chunk.doc_id)
                                          .where(Chunk.chunk_id.in_(wanted[start:start + page]))).all()
            keys = {r.chunk_id: unit_key(r.title, r.heading, r.text, dim) for r in rows if not is_cjk(r.text)}
            found = self._stored_units(list(keys), keys, dim) if keys else {}
            with self._units_lock:
                for cid, vectors in found.items():
                    if (cid, keys[cid]) not in self._units:
                        self._units[(cid, keys[cid])] = vectors.astype(np.float16)
                while len(self._units) > UNIT_CACHE_CHUNKS:
                    self._units.popitem(last=False)
            warmed += len(found)
        return warmed

    def _stored_units(self, chunk_ids: list[str], keys: Mapping[str, str], dim: int) -> dict[str, np.ndarray]:
        try:
            got = self.index.collection.get(ids=chunk_ids, include=["metadatas"])
        except Exception:  # a Chroma server down: the vectors are pooled locally instead
            log.warning("could not read unit vectors from the vector index", exc_info=True)
            return {}
        out = {}
        for chunk_id, meta in zip(got["ids"], got["metadatas"] or []):
            if meta and meta.get("unit_key") == keys.get(chunk_id) and meta.get("unit_vectors"):
                out[chunk_id] = decode_units(meta["unit_vectors"], dim)
        return out

    def vocabulary(self) -> Callable[[str], tuple[float, bool]]:
        """term -> (its IDF over the indexed chunks, whether any chunk uses it at all), from one snapshot.
        Below MIN_VOCABULARY_CHUNKS chunks the vocabulary is too narrow for an unused word to mean
        anything, and every term counts as used."""
        lexical = self.searcher.snapshot().lexical
        narrow = lexical.size < MIN_VOCABULARY_CHUNKS
        return lambda term: (lexical.idf(term), narrow or lexical.knows(term))

    def programme_vocabulary(self) -> Callable[[str], tuple[float, bool]]:
        """As `vocabulary`, but "used" means used by the vendor's own programme: a term only others'
        reference material uses (a public handbook's partner level, "Select") is a term the programme
        never says, so a question about it is not answered from a nearby programme sentence. Each term is
        looked up once per content version (one BM25 pass over the programme's chunks)."""
        snap = self.searcher.snapshot()
        lexical = snap.lexical
        narrow = lexical.size < MIN_VOCABULARY_CHUNKS
        mask = snap.mask(Filters.build(programme_only=True))
        seen: dict[str, bool] = snap.__dict__.setdefault("_programme_terms", {})

        def known(term: str) -> tuple[float, bool]:
            if narrow or mask is None or bool(mask.all()) or not lexical.knows(term):
                return lexical.idf(term), narrow or lexical.knows(term)
            if term not in seen:
                seen[term] = bool((lexical.scores([term], mask) > 0).any())
            return lexical.idf(term), seen[term]

        return known

    def reference_only(self) -> Callable[[str], bool]:
        """term -> whether only others' reference material uses it (some chunk says it, none of the vendor's own
        programme does): a thing other programmes have ("SPIFF", a partner award's name) and this one does not.
        Unlike `programme_vocabulary`, this holds in a narrow content too: it is a word seen, not one missing."""
        snap = self.searcher.snapshot()
        lexical = snap.lexical
        mask = snap.mask(Filters.build(programme_only=True))
        seen: dict[str, bool] = snap.__dict__.setdefault("_reference_only_terms", {})

        def only(term: str) -> bool:
            if mask is None or bool(mask.all()) or not lexical.knows(term):
                return False
            if term not in seen:
                seen[term] = not bool((lexical.scores([term], mask) > 0).any())
            return seen[term]

        return only

    def vector_count(self) -> int:
        """Vectors in the index (equals the SQL chunk count after a completed sync: no orphans)."""
        return self.index.count()

    def reset(self) -> None:
        """Drop every document, chunk and vector."""
        with self._lock:
            with self.store.session() as session:
                session.execute(delete(Chunk))
                session.execute(delete(Document))
                self.store.bump_content_version(session)
            self.index.reset()
            if self._searcher is not None:
                self._searcher.invalidate()

    def close(self) -> None:
        if self._index is not None:
            self._index.close()
        self._searcher = None
