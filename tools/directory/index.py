"""The directory in memory: every partner's fields, passages, passage vectors and a BM25 index.

Built once per process and directory version (`ctx.cached`): the vectors are read from the directory's
chroma collection into one matrix (a brute-force dot product over 40,000 passages takes a few ms and
applies any filter exactly, which a filtered HNSW query does not), the BM25 index over one document per
partner (its fields in words and all its passages) comes from a cache in COSELL_HOME when it has it.
Group masks (which partners cover DE, list a Healthcare industry, hold a competency ...) are
precomputed, so a search is a handful of vector operations.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlalchemy import select

from retrieval.directory import DirectoryIndex
from retrieval.lexical import TOKENIZER_VERSION, LexicalIndex, load_or_build, tokenize
from retrieval.records import Partner
from tools.directory.experience import Experience, build_experience
from tools.directory.hints import Vocabulary, fold, industry_concepts
from tools.directory.vocabulary import COUNTRIES, INDUSTRIES


@dataclass
class PartnerEntry:
    partner_id: str
    name: str
    type: str
    tier: str
    countries: list[str]
    industries: list[str]
    competencies: list[str]  # competencies and certified areas, as the partner lists them
    passages: list[dict[str, str]]
    certified: dict[str, int] = field(default_factory=dict)  # folded competency -> certified staff
    languages: list[str] = field(default_factory=list)


@dataclass
class Snapshot:
    partners: list[PartnerEntry]
    lexical: LexicalIndex
    vectors: np.ndarray  # passages x dim, grouped by partner (owner ascending)
    owner: np.ndarray  # partner position of each vector row
    ordinal: np.ndarray  # passage ordinal of each vector row
    row_start: np.ndarray  # per partner: its first vector row (start == end: no vectors)
    row_end: np.ndarray
    centroids: np.ndarray  # per partner: the normalised mean of its passage vectors (a coarse first look)
    vocabulary: Vocabulary
    masks: dict[str, dict[str, np.ndarray]] = field(default_factory=dict)  # group -> value -> bool per partner
    certified: dict[str, np.ndarray] = field(default_factory=dict)  # folded competency -> certified staff
    certified_total: np.ndarray | None = None
    experience: Experience | None = None

    _tokens: dict[int, list[set[str]]] = field(default_factory=dict)

    def passage_tokens(self, i: int) -> list[set[str]]:
        """The BM25 tokens of each passage of partner `i` (tokenised on first use, then kept)."""
        found = self._tokens.get(i)
        if found is None:
            found = self._tokens[i] = [set(tokenize(x["text"])) for x in self.partners[i].passages]
        return found

    def mask(self, group: str, value: str) -> np.ndarray:
        found = self.masks.get(group, {}).get(value)
        return found if found is not None else np.zeros(len(self.partners), dtype=bool)


def _english_country(code: str) -> str:
    return COUNTRIES.get(code, code).split("|")[0]


def lexical_document(p: PartnerEntry) -> str:
    """What BM25 reads for a partner: its fields in words (English country names, industry concepts) and
    every passage."""
    concepts = {c for i in p.industries for c in industry_concepts(i) if c in INDUSTRIES}
    return " ".join([p.name, p.type.replace("_", " "), p.tier, " ".join(_english_country(c) for c in p.countries),
                     " ".join(p.industries), " ".join(sorted(concepts)), " ".join(p.competencies)]
                    + [x["text"] for x in p.passages])


def _masks(partners: list[PartnerEntry], vocabulary: Vocabulary) -> dict[str, dict[str, np.ndarray]]:
    """Per group and value, which partners have it in their fields; `industry_text`: which partners speak
    of the industry in their description or case studies ("for a hospital network we ...")."""
    n = len(partners)
    groups: dict[str, dict[str, np.ndarray]] = defaultdict(dict)

    def mark(group: str, value: str, i: int) -> None:
        groups[group].setdefault(value, np.zeros(n, dtype=bool))[i] = True

    for i, p in enumerate(partners):
        for code in p.countries:
            mark("country", code.upper(), i)
        for industry in p.industries:
            for concept in industry_concepts(industry):
                mark("industry", concept, i)
        for product in p.competencies:
            mark("product", fold(product), i)
        for language in p.languages:
            mark("language", language.split("-")[0].lower(), i)
        mark("tier", p.tier.lower(), i)
        mark("type", p.type.lower(), i)
        for concept in vocabulary.industries_in(" ".join(x["text"] for x in p.passages if x["field"] != "profile")):
            mark("industry_text", concept, i)
    return dict(groups)


def _vocabulary(partners: list[PartnerEntry]) -> Vocabulary:
    return Vocabulary(industries=[i for p in partners for i in p.industries],
                      products=[c for p in partners for c in p.competencies],
                      tiers=[p.tier for p in partners], types=[p.type for p in partners],
                      countries=[c for p in partners for c in p.countries])


def _entries(store: Any, profiles: dict[str, list[dict[str, str]]]) -> list[PartnerEntry]:
    with store.session() as session:
        rows = session.scalars(select(Partner).order_by(Partner.partner_id)).all()
        return [PartnerEntry(r.partner_id, r.name, r.type or "", (r.tier or "").lower(), list(r.countries or []),
                             list(r.industries or []),
                             list(dict.fromkeys([*(r.competencies or []), *(r.certified_staff or {})])),
                             profiles.get(r.partner_id, []), _certified(r.certified_staff), list(r.languages or []))
                for r in rows]


def _certified(staff: dict[str, Any] | None) -> dict[str, int]:
    out: dict[str, int] = {}
    for product, count in (staff or {}).items():
        try:
            out[fold(product)] = out.get(fold(product), 0) + int(count or 0)
        except (TypeError, ValueError):  # a count that is not a number says nothing
            continue
    return out


def vocabulary_of(store: Any) -> Vocabulary:
    """The hint vocabulary of the stored partners (no vectors: cheap, for routing questions)."""
    return _vocabulary(_entries(store, {}))


def build_snapshot(ctx: Any) -> Snapshot:
    directory = DirectoryIndex(ctx.settings, ctx.store, None)
    profiles, ids, matrix = directory.load()
    partners = _entries(ctx.store, profiles)
    position = {p.partner_id: i for i, p in enumerate(partners)}
    keyed = []
    for row, vector_id in enumerate(ids):
        pid, _, ordinal = vector_id.rpartition("#")
        if pid in position and ordinal.isdigit() and int(ordinal) < len(partners[position[pid]].passages):
            keyed.append((position[pid], int(ordinal), row))
    keyed.sort()
    owner = np.array([k[0] for k in keyed], dtype=np.int64)
    vectors = np.ascontiguousarray(matrix[[k[2] for k in keyed]] if keyed else np.zeros((0, 1)), dtype=np.float32)
    row_start = np.searchsorted(owner, np.arange(len(partners)), side="left")
    row_end = np.searchsorted(owner, np.arange(len(partners)), side="right")
    centroids = np.zeros((len(partners), vectors.shape[1]), dtype=np.float32)
    if keyed:
        np.add.at(centroids, owner, vectors)
        centroids /= np.maximum(np.linalg.norm(centroids, axis=1, keepdims=True), 1e-9)
    fingerprint = [TOKENIZER_VERSION, "directory", str(directory.version()),
                   *(f"{p.partner_id}:{p.name}:{len(p.passages)}" for p in partners)]
    lexical = load_or_build(ctx.settings.home_dir / "directory-lexical", fingerprint,
                            lambda: [tokenize(lexical_document(p)) for p in partners])
    vocabulary = _vocabulary(partners)
    certified: dict[str, np.ndarray] = {}
    for i, p in enumerate(partners):
        for product, count in p.certified.items():
            certified.setdefault(product, np.zeros(len(partners), dtype=np.int64))[i] = count
    total = np.array([sum(p.certified.values()) for p in partners], dtype=np.int64)
    return Snapshot(partners, lexical, vectors, owner, np.array([k[1] for k in keyed], dtype=np.int64),
                    row_start, row_end, centroids, vocabulary, _masks(partners, vocabulary), certified, total,
                    build_experience(ctx.store, position, [p.passages for p in partners], vocabulary))
