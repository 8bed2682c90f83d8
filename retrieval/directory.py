"""The partner directory's vectors: partner profiles as passages in their own chroma collection.

A partner's profile is a few passages, each embedded on its own (MiniLM reads 256 word pieces, a whole
profile is longer): a summary of its structured fields (type, tier, countries, industries,
competencies, certifications, languages), its description cut at sentences and at `;` (a reference
each), and the chunks of the content tagged to it (front matter `partner:`/`partners:` naming it, or
visibility `partner:<id>`: its case studies, joint plans). The collection `<chroma_collection>_partners`
holds one vector per passage (id `{partner_id}#{ordinal}`); SQL (`directory_profiles`) holds the passages
and the hash they were embedded from. Sync follows the content rule: a profile whose hash did not change
is not embedded again, a removed partner's vectors go, and the SQL row is only written once chroma holds
the vectors (a crash leaves the previous version; the next sync redoes it). Accounts are not embedded:
their names and industries are matched exactly by the tools that use them.
"""
from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from pydantic import BaseModel
from sqlalchemy import JSON, String, delete, select
from sqlalchemy.orm import Mapped, mapped_column

from retrieval.index import VectorIndex
from retrieval.records import Base, Chunk, Document, Meta, Partner, RecordStore

log = logging.getLogger(__name__)

DIRECTORY_VERSION = "directory_version"  # Meta key bumped whenever the directory's vectors change
PROFILE_VERSION = "p1"  # bump when `profile_passages` changes: every profile is then embedded again
MAX_DOC_CHUNKS = 4  # chunks of one tagged document taken into a profile (a case study's first pages)
MAX_PASSAGE_CHARS = 600
MIN_PASSAGE_CHARS = 40
_SENTENCE = re.compile(r"(?<=[.!?;。])\s+")
PARTNER_KEYS = ("partner", "partners", "partner_id", "partner_ids")  # front matter naming a partner


class DirectoryProfile(Base):
    """The passages of one partner's profile as last embedded (the truth for the directory's text)."""

    __tablename__ = "directory_profiles"
    partner_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    passages: Mapped[list[Any]] = mapped_column(JSON, default=list)  # [{"field", "label", "text"}]


@dataclass(frozen=True)
class Passage:
    field: str  # "profile" | "description" | "content:<doc_id>"
    label: str  # what a user is shown: "profile", "description", a document's title
    text: str

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "label": self.label, "text": self.text}


class ProfileSyncStats(BaseModel):
    profiles: int = 0  # partners in the directory after the sync
    embedded_profiles: int = 0  # (re-)embedded by this sync
    removed_profiles: int = 0


def collection_name(settings: Any) -> str:
    return f"{settings.chroma_collection}_partners"


def summary_text(p: Partner) -> str:
    """The structured fields in words (what the summary passage embeds and BM25 reads)."""
    certified = "; ".join(f"{k} ({v} certified)" for k, v in (p.certified_staff or {}).items())
    parts = [f"{p.name}: {p.type.replace('_', ' ')}, {p.tier} partner.",
             f"Countries: {', '.join(p.countries or [])}." if p.countries else "",
             f"Industries: {', '.join(p.industries or [])}." if p.industries else "",
             f"Competencies: {', '.join(p.competencies or [])}." if p.competencies else "",
             f"Certified staff: {certified}." if certified else "",
             f"Languages: {', '.join(p.languages or [])}." if p.languages else "",
             p.tagline or ""]
    return " ".join(x for x in parts if x)


def split_passages(text: str, max_chars: int = MAX_PASSAGE_CHARS) -> list[str]:
    """Sentences (and `;`-separated references), merged up to `max_chars`."""
    out: list[str] = []
    for sentence in _SENTENCE.split(" ".join((text or "").split())):
        sentence = sentence.strip()
        if not sentence:
            continue
        if out and min(len(out[-1]), len(sentence)) < MIN_PASSAGE_CHARS and len(out[-1]) + len(sentence) < max_chars:
            out[-1] = f"{out[-1]} {sentence}"  # a fragment ("References:", "Acme, Inc.") says little alone
        else:
            out.append(sentence[:max_chars])
    return out


def tagged_partners(visibility: Sequence[str], attributes: dict[str, Any] | None) -> set[str]:
    """Partner ids or names a document is tagged with (visibility `partner:<id>`, front matter `partner:`)."""
    tags = {v.split(":", 1)[1].strip() for v in visibility or [] if v.startswith("partner:")}
    for key in PARTNER_KEYS:
        value = (attributes or {}).get(key)
        values = value if isinstance(value, list) else re.split(r"[;,]", str(value)) if value else []
        tags |= {str(v).strip() for v in values if str(v).strip()}
    return tags


def profile_passages(partner: Partner, documents: Iterable[tuple[str, str, list[str]]]) -> list[Passage]:
    """The passages of a profile; `documents` are (doc_id, title, chunk texts) tagged to the partner."""
    passages = [Passage("profile", "profile", summary_text(partner))]
    passages += [Passage("description", "description", s) for s in split_passages(partner.description or "")]
    for doc_id, title, chunks in sorted(documents):
        for text in chunks[:MAX_DOC_CHUNKS]:
            passages += [Passage(f"content:{doc_id}", title, f"{title}: {s}")
                         for s in split_passages(text, MAX_PASSAGE_CHARS * 2)[:6]]
    return passages


def profile_hash(passages: Sequence[Passage], model: str) -> str:
    digest = hashlib.sha1(f"{PROFILE_VERSION}|{model}".encode())
    for p in passages:
        digest.update(f"\x1e{p.field}\x1f{p.label}\x1f{p.text}".encode())
    return digest.hexdigest()


def wanted_profiles(store: RecordStore) -> dict[str, list[Passage]]:
    """partner id -> passages, from the committed records and content."""
    with store.session() as session:
        partners = session.scalars(select(Partner).order_by(Partner.partner_id)).all()
        by_name = {p.name.casefold(): p.partner_id for p in partners}
        ids = {p.partner_id for p in partners}
        docs: dict[str, list[tuple[str, str]]] = {}
        for doc in session.scalars(select(Document)).all():
            for tag in tagged_partners(doc.visibility or [], doc.attributes):
                pid = tag if tag in ids else by_name.get(tag.casefold())
                if pid:
                    docs.setdefault(pid, []).append((doc.doc_id, doc.title))
        wanted_docs = {d for items in docs.values() for d, _ in items}
        chunks: dict[str, list[str]] = {}
        if wanted_docs:
            rows = session.execute(select(Chunk.doc_id, Chunk.text).where(Chunk.doc_id.in_(sorted(wanted_docs)))
                                   .order_by(Chunk.doc_id, Chunk.ordinal)).all()
            for doc_id, text in rows:
                chunks.setdefault(doc_id, []).append(text)
        return {p.partner_id: profile_passages(p, [(d, t, chunks.get(d, [])) for d, t in docs.get(p.partner_id, [])])
                for p in partners}


class DirectoryIndex:
    """Sync of the partner profiles' vectors, and the read of everything a search needs."""

    def __init__(self, settings: Any, store: RecordStore, embedder: Any):
        self.settings = settings
        self.store = store
        self.embedder = embedder
        self._index: VectorIndex | None = None
        DirectoryProfile.__table__.create(store.engine, checkfirst=True)  # a store opened before this import

    @property
    def index(self) -> VectorIndex:
        if self._index is None:
            self._index = VectorIndex(self.settings, None, collection_name(self.settings))
        return self._index

    def _model_id(self) -> str:
        return str(getattr(self.embedder, "model_path", "") or "")

    def sync(self) -> ProfileSyncStats:
        """Make the collection hold exactly the current partners' profiles (see the module docstring)."""
        wanted = wanted_profiles(self.store)
        model = self._model_id()
        hashes = {pid: profile_hash(passages, model) for pid, passages in wanted.items()}
        with self.store.session() as session:
            stored = {r.partner_id: (r.content_hash, len(r.passages or []))
                      for r in session.scalars(select(DirectoryProfile)).all()}
        in_chroma = set(self.index.iter_ids())
        removed = sorted(set(stored) - set(wanted))
        todo = [pid for pid in wanted if stored.get(pid, ("", 0))[0] != hashes[pid]
                or any(f"{pid}#{i}" not in in_chroma for i in range(stored[pid][1]))]
        for start in range(0, len(todo), 128):
            self._embed([(pid, wanted[pid], hashes[pid], stored.get(pid, ("", 0))[1])
                         for pid in todo[start : start + 128]])
        if removed:
            with self.store.session() as session:
                session.execute(delete(DirectoryProfile).where(DirectoryProfile.partner_id.in_(removed)))
            self.index.delete([f"{pid}#{i}" for pid in removed for i in range(stored[pid][1])])
        known = {f"{pid}#{i}" for pid, passages in wanted.items() for i in range(len(passages))}
        orphans = sorted(in_chroma - known)  # left by a crash between upsert and commit, or shrunk profiles
        if orphans:
            self.index.delete(orphans)
        if todo or removed:
            self.bump_version()
        return ProfileSyncStats(profiles=len(wanted), embedded_profiles=len(todo), removed_profiles=len(removed))

    def _embed(self, batch: list[tuple[str, list[Passage], str, int]]) -> None:
        ids = [f"{pid}#{i}" for pid, passages, _, _ in batch for i in range(len(passages))]
        texts = [p.text for _, passages, _, _ in batch for p in passages]
        metas = [{"partner_id": pid, "field": p.field} for pid, passages, _, _ in batch for p in passages]
        if ids:
            self.index.upsert(ids, self.embedder.embed_texts(texts), metas)
        stale = [f"{pid}#{i}" for pid, passages, _, old in batch for i in range(len(passages), old)]
        with self.store.session() as session:
            for pid, passages, digest, _ in batch:
                session.merge(DirectoryProfile(partner_id=pid, content_hash=digest,
                                               passages=[p.as_dict() for p in passages]))
        if stale:
            self.index.delete(stale)

    def bump_version(self) -> None:
        with self.store.session() as session:
            row = session.get(Meta, DIRECTORY_VERSION)
            number = int((row.value or {}).get("n", 0)) + 1 if row else 1
            session.merge(Meta(key=DIRECTORY_VERSION, value={"n": number}))

    def version(self) -> int:
        return int(self.store.get_meta(DIRECTORY_VERSION).get("n", 0))

    def reset(self) -> None:
        with self.store.session() as session:
            session.execute(delete(DirectoryProfile))
        self.index.reset()
        self.bump_version()

    def load(self) -> tuple[dict[str, list[dict[str, str]]], list[str], np.ndarray]:
        """(partner id -> passages, vector ids, vectors in that order) of everything indexed."""
        with self.store.session() as session:
            profiles = {r.partner_id: list(r.passages or []) for r in session.scalars(select(DirectoryProfile)).all()}
        ids: list[str] = []
        vectors: list[np.ndarray] = []
        total = self.index.count()
        for offset in range(0, total, 5000):
            got = self.index.collection.get(include=["embeddings"], limit=5000, offset=offset)
            ids += got["ids"]
            vectors.append(np.asarray(got["embeddings"], dtype=np.float32).reshape(len(got["ids"]), -1))
        matrix = np.vstack(vectors) if vectors else np.zeros((0, 1), dtype=np.float32)
        return profiles, ids, matrix

    def close(self) -> None:
        if self._index is not None:
            self._index.close()
