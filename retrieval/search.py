"""Hybrid search over chunks: BM25 (in memory, per process) fused with dense vectors (chroma).

The lexical side is a snapshot of the SQL `chunks` table, rebuilt (or loaded from its cache in
COSELL_HOME) whenever `store.content_version()` moves, so a running server sees a concurrent ingest.
Filters (visibility first) are applied inside both retrievers: a mask on the BM25 scores before the
top k, a `where` clause on the nearest-neighbour search. The rows returned are read back from SQL and
checked once more against the asker's visibility, so text is only ever quoted from the committed row.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from pydantic import BaseModel, Field
from sqlalchemy import bindparam, select

from retrieval.chunking import contextual_text
from retrieval.index import VectorIndex, language, where_clause
from retrieval.lexical import TOKENIZER_VERSION, LexicalIndex, is_cjk, load_or_build, tokenize, top_k
from retrieval.records import Chunk, Document, RecordStore

log = logging.getLogger(__name__)

# Fusion, chosen by measurement on SciFact train queries (see evals/scifact.py): a weighted sum of the
# dense cosine and the absolute BM25 share beat reciprocal-rank fusion and both retrievers alone.
DENSE_WEIGHT = 0.5
CANDIDATES = 100  # per retriever, before fusion
# MiniLM is an English model: for a Japanese (or Chinese, Korean) query its vectors are mostly noise, and
# the character-bigram BM25 carries the search (measured on the handbook's Japanese questions).
CJK_DENSE_WEIGHT = 0.1
WIDE_FILTER_SHARE = 0.4  # filters admitting at least this share of chunks are applied as a mask only
NEIGHBOURS_KEPT = 128  # dense queries whose nearest chunks are kept (per content version; see HybridSearcher)


class Hit(BaseModel):
    doc_id: str
    chunk_id: str
    title: str
    source: str
    score: float = Field(description="0..1, higher is better")
    text: str
    heading: str | None = None
    visibility: list[str] = Field(default_factory=list)
    kind: str = "other"
    locale: str | None = None
    # whose rule it is (front matter `source`): the vendor's `programme` or `reference` material from others
    source_type: str = "programme"
    publisher: str | None = None  # who publishes reference material (front matter `publisher`)
    updated_on: dt.date | None = None


@dataclass(frozen=True)
class Filters:
    allowed_visibility: tuple[str, ...] | None = None  # None: everything
    kinds: tuple[str, ...] = ()
    products: tuple[str, ...] = ()
    industries: tuple[str, ...] = ()
    locale: str | None = None
    programme_only: bool = False  # the vendor's own content, not others' reference material

    @classmethod
    def build(cls, allowed_visibility: Sequence[str] | None = None, kinds: Sequence[str] | None = None,
              products: Sequence[str] | None = None, industries: Sequence[str] | None = None,
              locale: str | None = None, programme_only: bool = False) -> Filters:
        low = lambda values: tuple(sorted({v.strip().lower() for v in values or () if v and v.strip()}))
        return cls(
            allowed_visibility=None if allowed_visibility is None else tuple(sorted(set(allowed_visibility))),
            kinds=low(kinds), products=low(products), industries=low(industries),
            locale=language(locale) or None, programme_only=programme_only,
        )

    def admits(self, visibility: Sequence[str], kind: str | None, products: Sequence[str],
               industries: Sequence[str], locale: str | None, reference: bool = False) -> bool:
        if self.programme_only and reference:
            return False
        if self.allowed_visibility is not None and not set(visibility) & set(self.allowed_visibility):
            return False
        if self.kinds and (kind or "other").lower() not in self.kinds:
            return False
        if self.products and not {p.lower() for p in products} & set(self.products):
            return False
        if self.industries and not {i.lower() for i in industries} & set(self.industries):
            return False
        return not self.locale or language(locale) == self.locale

    def where(self) -> dict | None:
        return where_clause(self.allowed_visibility, self.kinds, self.products, self.industries, self.locale)


@dataclass
class _DocMeta:
    visibility: tuple[str, ...]
    kind: str
    products: tuple[str, ...]
    industries: tuple[str, ...]
    locale: str | None
    reference: bool = False  # others' reference material (front matter `source: reference`)


class Snapshot:
    """The committed chunks of one content version: ids, per-document metadata, the BM25 index."""

    def __init__(self, version: int, chunk_ids: list[str], chunk_doc: np.ndarray, docs: list[_DocMeta],
                 lexical: LexicalIndex):
        self.version = version
        self.chunk_ids = chunk_ids
        self.position = {cid: i for i, cid in enumerate(chunk_ids)}
        self.chunk_doc = chunk_doc  # chunk position -> document position
        self.docs = docs
        self.lexical = lexical
        self._masks: dict[Filters, np.ndarray] = {}

    def mask(self, filters: Filters) -> np.ndarray | None:
        """Chunks the filters admit (None: all of them)."""
        if filters == Filters():
            return None
        cached = self._masks.get(filters)
        if cached is None:
            doc_ok = np.array([filters.admits(d.visibility, d.kind, d.products, d.industries, d.locale,
                                              d.reference)
                               for d in self.docs] + [False], dtype=bool)
            cached = doc_ok[self.chunk_doc] if len(self.chunk_doc) else np.zeros(0, dtype=bool)
            if len(self._masks) > 256:
                self._masks.clear()
            self._masks[filters] = cached
        return cached


def load_snapshot(store: RecordStore, cache_dir, version: int) -> Snapshot:
    stmt = (
        select(Chunk.chunk_id, Chunk.doc_id, Chunk.heading, Chunk.text, Document.title, Document.visibility,
               Document.kind, Document.products, Document.industries, Document.locale, Document.indexed_hash,
               Document.attributes)
        .join(Document, Document.doc_id == Chunk.doc_id)
        .order_by(Chunk.chunk_id)
    )
    with store.session() as session:
        rows = session.execute(stmt).all()
    doc_pos: dict[str, int] = {}
    docs: list[_DocMeta] = []
    chunk_doc = np.zeros(len(rows), dtype=np.int32)
    for i, row in enumerate(rows):
        pos = doc_pos.get(row.doc_id)
        if pos is None:
            pos = doc_pos[row.doc_id] = len(docs)
            docs.append(_DocMeta(tuple(row.visibility or ()), row.kind or "other", tuple(row.products or ()),
                                 tuple(row.industries or ()), row.locale,
                                 (row.attributes or {}).get("source") == "reference"))
        chunk_doc[i] = pos
    chunk_ids = [row.chunk_id for row in rows]
    fingerprint_parts = [TOKENIZER_VERSION] + [f"{row.chunk_id}\x1f{row.indexed_hash}" for row in rows]
    lexical = load_or_build(
        cache_dir, fingerprint_parts,
        lambda: [tokenize(contextual_text(row.title, row.heading, row.text)) for row in rows],
    )
    return Snapshot(version, chunk_ids, chunk_doc, docs, lexical)


class HybridSearcher:
    """Per-process search state; thread-safe; refreshes itself when the content version moves."""

    def __init__(self, store: RecordStore, index: VectorIndex, embedder, cache_dir=None,
                 dense_weight: float = DENSE_WEIGHT, candidates: int = CANDIDATES):
        self.store = store
        self.index = index
        self.embedder = embedder
        self.cache_dir = cache_dir
        self.dense_weight = dense_weight
        self.candidates = candidates
        self._snapshot: Snapshot | None = None
        self._lock = threading.Lock()
        # the nearest chunks of recent dense queries, per content version: one answer often runs the same
        # query twice (its programme-only pass, a second search for the answer), ~1-3 ms of chroma each
        self._neighbours: OrderedDict[tuple, list[tuple[str, float]]] = OrderedDict()
        self._neighbours_lock = threading.Lock()

    def snapshot(self) -> Snapshot:
        version = self.store.content_version()
        current = self._snapshot
        if current is not None and current.version == version:
            return current
        with self._lock:
            if self._snapshot is None or self._snapshot.version != version:
                self._snapshot = load_snapshot(self.store, self.cache_dir, version)
            return self._snapshot

    def invalidate(self) -> None:
        self._snapshot = None
        with self._neighbours_lock:
            self._neighbours.clear()

    def search(self, query: str, k: int = 5, filters: Filters | None = None,
               max_per_doc: int | None = None) -> list[Hit]:
        filters = filters or Filters()
        if not query.strip() or k <= 0 or filters.allowed_visibility == ():
            return []
        snap = self.snapshot()
        if not snap.chunk_ids:
            return []
        mask = snap.mask(filters)
        if mask is not None and not mask.any():
            return []
        n = max(self.candidates, k * 4)
        lexical = snap.lexical.normalised_scores(tokenize(query), mask)
        weight = min(self.dense_weight, CJK_DENSE_WEIGHT) if is_cjk(query) else self.dense_weight
        dense = self._dense(query, n, filters, snap, mask) if weight > 0 else []
        fused = fuse(lexical, top_k(lexical, n), dense, weight)
        return self._rows(snap, fused, k, filters, max_per_doc)

    def admitted(self, filters: Filters, limit: int, programme_only: bool = False) -> list[Hit]:
        """Up to `limit` chunks the filters admit (`programme_only`: not others' reference material),
        unranked (score 0), in index order: the pool a question in another language is matched against
        with the multilingual model, where words and MiniLM say nothing."""
        if filters.allowed_visibility == () or limit <= 0:
            return []
        snap = self.snapshot()
        mask = snap.mask(filters)
        positions = range(len(snap.chunk_ids)) if mask is None else np.flatnonzero(mask).tolist()
        if programme_only:
            positions = [p for p in positions if not snap.docs[int(snap.chunk_doc[p])].reference]
        return self._rows(snap, [(int(p), 0.0) for p in positions], limit, filters, None)

    def _dense(self, query: str, n: int, filters: Filters, snap: Snapshot,
               mask: np.ndarray | None) -> list[tuple[int, float]]:
        where, depth = filters.where(), n
        share = 1.0 if mask is None else float(mask.mean())
        if where is not None and share >= WIDE_FILTER_SHARE:
            # chroma's filtered search costs ~90 ms at 50k chunks; when the filter admits most chunks
            # anyway, an unfiltered search (~2 ms) deep enough to hold n admitted chunks is as good, and
            # the mask below still drops every chunk the asker may not see before anything is ranked.
            where, depth = None, int(n / share * 1.5) + 10
        key = (snap.version, query, depth, json.dumps(where, sort_keys=True))
        with self._neighbours_lock:
            neighbours = self._neighbours.get(key)
            if neighbours is not None:
                self._neighbours.move_to_end(key)
        if neighbours is None:
            try:
                neighbours = self.index.query(self.embedder.embed_query(query), depth, where,
                                              total=len(snap.chunk_ids))
            except Exception:  # a Chroma server down must not take search down: BM25 still answers
                log.warning("dense search failed; answering from BM25 only", exc_info=True)
                return []
            with self._neighbours_lock:
                self._neighbours[key] = neighbours
                while len(self._neighbours) > NEIGHBOURS_KEPT:
                    self._neighbours.popitem(last=False)
        out = []
        for chunk_id, similarity in neighbours:
            pos = snap.position.get(chunk_id)  # vectors of an uncommitted ingest are not served
            if pos is not None and (mask is None or mask[pos]):
                out.append((pos, max(0.0, similarity)))
        return out

    def _rows(self, snap: Snapshot, fused: list[tuple[int, float]], k: int, filters: Filters,
              max_per_doc: int | None) -> list[Hit]:
        picked: list[tuple[str, float]] = []
        per_doc: dict[int, int] = {}
        for pos, score in fused:
            doc = int(snap.chunk_doc[pos])
            if max_per_doc and per_doc.get(doc, 0) >= max_per_doc:
                continue
            per_doc[doc] = per_doc.get(doc, 0) + 1
            picked.append((snap.chunk_ids[pos], score))
            if len(picked) >= k:
                break
        if not picked:
            return []
        with self.store.engine.connect() as connection:  # read-only: no ORM session, no commit
            rows = {row.chunk_id: row for row in connection.execute(_HIT_ROWS, {"ids": [cid for cid, _ in picked]})}
        hits = []
        for chunk_id, score in picked:
            row = rows.get(chunk_id)
            if row is None:
                continue  # removed since the snapshot
            # The last word on permissions is the committed row, not the snapshot or chroma's copy.
            attributes = row.attributes or {}
            if not filters.admits(row.visibility or [], row.kind, row.products or [], row.industries or [], row.locale,
                                  attributes.get("source") == "reference"):
                continue
            hits.append(Hit(doc_id=row.doc_id, chunk_id=chunk_id, title=row.title, source=row.source,
                            score=round(min(1.0, max(0.0, score)), 4), text=row.text, heading=row.heading,
                            visibility=list(row.visibility or []), kind=row.kind or "other", locale=row.locale,
                            source_type=str(attributes.get("source") or "programme"),
                            publisher=attributes.get("publisher"), updated_on=row.updated_on))
        return hits


# Plain columns, not ORM entities (no identity map or attribute instrumentation for a read-only lookup),
# and the statement built once: constructing it per search cost more than running it.
_HIT_ROWS = (select(Chunk.chunk_id, Chunk.heading, Chunk.text, Document.doc_id, Document.title, Document.source,
                    Document.visibility, Document.kind, Document.products, Document.industries,
                    Document.locale, Document.attributes, Document.updated_on)
             .join(Document, Document.doc_id == Chunk.doc_id)
             .where(Chunk.chunk_id.in_(bindparam("ids", expanding=True))))


def fuse(lexical: np.ndarray, lexical_top: list[tuple[int, float]], dense: list[tuple[int, float]],
         dense_weight: float) -> list[tuple[int, float]]:
    """Weighted sum of the dense cosine and the BM25 share (both 0..1) over the union of both candidate
    lists. BM25 is known for every chunk; a chunk outside the dense list gets the lowest similarity
    seen there (an upper bound of its true similarity, so lexical matches are not punished twice)."""
    dense_pos = np.fromiter((pos for pos, _ in dense), dtype=np.int64, count=len(dense))
    dense_sim = np.fromiter((sim for _, sim in dense), dtype=np.float64, count=len(dense))
    lexical_pos = np.fromiter((pos for pos, _ in lexical_top), dtype=np.int64, count=len(lexical_top))
    candidates = np.union1d(dense_pos, lexical_pos)  # sorted, unique
    similarity = np.full(len(candidates), dense_sim.min() if len(dense) else 0.0)
    similarity[np.searchsorted(candidates, dense_pos)] = dense_sim
    scores = dense_weight * similarity + (1.0 - dense_weight) * lexical[candidates].astype(np.float64)
    order = np.lexsort((candidates, -scores))  # best first, ties by position
    return list(zip(candidates[order].tolist(), scores[order].tolist()))
