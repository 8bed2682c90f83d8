"""The partner directory (CLI.md `cosell partners search`): partners that fit a need said in plain words.

Hybrid ranking over every partner's profile: BM25 over one document per partner (its fields and all its
passages) and the nearest of its passage vectors (the same MiniLM vectors as the content, from the
directory's own chroma collection), fused as a weighted sum as content search does; then the structured
hints of the question (country, industry, product, tier, type; `tools.directory.hints`, six languages)
lift the partners that satisfy them. Explicit filters are hard. Each hit says what matched and quotes the
passage (of the profile or of a case study tagged to the partner) that supports it best.

Internal roles only (admin, channel manager, marketer): a partner seller is refused here, whichever door
the request came through.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from assistant.core.errors import BadInput
from retrieval.directory import DIRECTORY_VERSION
from retrieval.lexical import is_cjk, tokenize
from retrieval.scope import Scope
from tools.context import ToolContext
from tools.directory.hints import GROUPS, Hints, fold, industry_concepts
from tools.directory.index import Snapshot, build_snapshot, vocabulary_of
from tools.directory.types import DirectoryHit, DirectoryResult, FindPartnersArgs
from tools.directory.vocabulary import COUNTRIES, QUESTION_WORDS, REGIONS
from tools.registry import register_tool

__all__ = [
    "DirectoryHit",
    "DirectoryResult",
    "Filters",
    "FindPartnersArgs",
    "find_partners",
    "places_named",
    "question_hints",
    "rank",
    "search_partners",
    "snapshot",
    "text_fit",
]

DENSE_WEIGHT = 0.5  # as content search (retrieval.search): measured there on SciFact
CJK_DENSE_WEIGHT = 0.1  # MiniLM says little about Japanese; the bigram BM25 and the hints carry it
HINT_WEIGHT = 1.0  # a partner satisfying every hint outranks one that matches the words only
EXPERIENCE_WEIGHT = 2.0  # "who has done X for Y?": having done it counts more than listing X and Y
EXPERIENCE_LEAD = 1.0  # ... and puts the partner ahead of any that only say the words (lexical + dense <= 1)
EXACT_PARTNERS = 3000  # up to this many (allowed) partners every passage is compared with the question
CANDIDATES = 300  # beyond: this many by words and hints, and as many by centroid, then exact
DENSE_FLOOR = 0.3  # MiniLM cosine below which a passage is not about the question (unrelated texts: ~0-0.2)
MODES = ("hybrid", "bm25", "dense")
_WORD = re.compile(r"[^\W_]+")
_HIRAGANA = re.compile("^[\u3040-\u309f]+$")


@dataclass(frozen=True)
class Filters:
    country: str | None = None
    industry: str | None = None
    product: str | None = None
    tier: str | None = None


@lru_cache(maxsize=1)
def _place_patterns() -> list[tuple[re.Pattern, tuple[str, ...]]]:
    """(pattern, country codes) for every country and region name of the vocabulary (six languages), longest first."""
    names = [(alias, (code,)) for code, aliases in COUNTRIES.items() for alias in aliases.split("|")]
    names += [(alias, tuple(codes.split())) for codes, aliases in REGIONS.items() for alias in aliases.split("|")]
    out = []
    for alias, codes in sorted(names, key=lambda x: -len(x[0])):
        word = re.escape(fold(alias.rstrip("*"))) + (r"\w*" if alias.endswith("*") else "")
        cjk = any("\u3040" <= ch <= "\u9fff" for ch in alias)
        out.append((re.compile(word if cjk else rf"(?<![\w.]){word}(?![\w])"), codes))
    return out


def places_named(text: str) -> list[str]:
    """The country codes a text names by a country or a region ("in the Nordics" -> SE NO DK FI IS, "韓国で" -> KR,
    "en Corée" -> KR), in any of the six languages; each stretch of the text read once, longest name first."""
    folded, found = fold(text), []
    for pattern, codes in _place_patterns():
        hit = pattern.search(folded)
        if hit:
            found += [c for c in codes if c not in found]
            folded = folded[:hit.start()] + " " * (hit.end() - hit.start()) + folded[hit.end():]
    return found


def snapshot(ctx: ToolContext) -> Snapshot:
    """The directory in memory, built once per records and directory version."""
    with ctx.store.meta_snapshot():  # the directory and records versions in one query
        version = int(ctx.store.get_meta(DIRECTORY_VERSION).get("n", 0))
        return ctx.cached("partner_directory", lambda: build_snapshot(ctx), stamp=version)


def text_fit(ctx: ToolContext, partner_ids: list[str], texts: list[str] = ()) -> Callable[[str], np.ndarray] | None:
    """A text's semantic fit with each partner (in `partner_ids` order): the cosine of its nearest profile
    passage, clipped to 0..1; 0 for a partner without vectors. For matching's semantic signal
    (COSELL_MATCH_SEMANTIC=vectors). `texts` are embedded now, in batches; others on first use. None when
    the directory holds no vectors."""
    snap = snapshot(ctx)
    if not len(snap.vectors):
        return None
    position = {p.partner_id: i for i, p in enumerate(snap.partners)}
    rows = np.array([position.get(pid, -1) for pid in partner_ids], dtype=np.int64)
    present = rows >= 0
    present[present] = snap.row_end[rows[present]] > snap.row_start[rows[present]]
    partners = rows[present]
    embedder = ctx.content.embedder
    distinct = sorted({t for t in texts if t})
    vectors = dict(zip(distinct, embedder.embed_texts(distinct))) if distinct else {}

    def fit(text: str) -> np.ndarray:
        if not text.strip():
            return np.zeros(len(partner_ids))
        vector = vectors.get(text)
        if vector is None:
            vector = vectors[text] = embedder.embed_query(text)
        out = np.zeros(len(partner_ids))
        out[present] = np.clip(_nearest_passages(snap, partners, np.asarray(vector, dtype=np.float32)), 0.0, 1.0)
        return out

    return fit


def question_hints(ctx: ToolContext, question: str) -> Hints:
    """The structured hints of a question in this ecosystem's words (for routing a chat question)."""
    return ctx.cached("partner_directory_vocabulary", lambda: vocabulary_of(ctx.store)).parse(question)


def search_partners(ctx: ToolContext, scope: Scope, query: str, k: int = 10, country: str | None = None,
                    industry: str | None = None, product: str | None = None, tier: str | None = None,
                    mode: str = "hybrid") -> DirectoryResult:
    """Partners that fit `query`, best first (internal roles only)."""
    scope.require("partner_directory")
    query = (query or "").strip()
    if not query and not any((country, industry, product, tier)):
        raise BadInput("give a query (what the partner should do) or at least one filter")
    snap = snapshot(ctx)
    filters = Filters(country, industry, product, tier)
    resolved = {g: v for g, v in _resolve(snap, filters).items() if v}
    query_vector = None
    hints = snap.vocabulary.parse(query)
    if mode != "bm25" and query and len(snap.vectors):
        query_vector = ctx.content.embedder.embed_query(hints.expanded(query) if mode == "hybrid" else query)
    hits, hints = rank(snap, query, resolved, max(1, k), mode, query_vector, hints,
                       use_deals=scope.can("records"))  # deal records: not for marketers
    return DirectoryResult(query=query, understood=hints.as_dict(), results=hits,
                           filters={g: _display(g, v) for g, v in resolved.items()})


def _resolve(snap: Snapshot, f: Filters) -> dict[str, str | None]:
    """Explicit filters as group values (BadInput names an unknown one)."""
    v = snap.vocabulary
    return {"country": v.country(f.country) if f.country else None,
            "industry": v.industry(f.industry) if f.industry else None,
            "product": fold(v.product(f.product)) if f.product else None,
            "tier": v.tier(f.tier) if f.tier else None}


def _display(group: str, value: str) -> str:
    return value.removeprefix("data:")


def rank(snap: Snapshot, query: str, filters: dict[str, str], k: int, mode: str = "hybrid",
         query_vector: np.ndarray | None = None, hints: Hints | None = None,
         use_deals: bool = True) -> tuple[list[DirectoryHit], Hints]:
    """The k best partners for `query` within the hard `filters` (group -> value)."""
    n = len(snap.partners)
    hints = (hints or snap.vocabulary.parse(query)) if mode == "hybrid" else Hints()
    allowed = np.ones(n, dtype=bool)
    for group, value in filters.items():
        allowed &= snap.mask(group, value)
    tokens = query_tokens(hints.expanded(query))
    lexical = snap.lexical.normalised_scores(tokens, allowed) if tokens and mode != "dense" else np.zeros(n)
    weight = 0.0 if mode == "bm25" else 1.0 if mode == "dense" else (
        CJK_DENSE_WEIGHT if is_cjk(query) else DENSE_WEIGHT)
    groups = hints.groups() + (["certified"] if hints.certified and not hints.values["product"] else [])
    satisfied = {g: _satisfies(snap, g, hints) for g in groups}
    won: dict[int, int] = {}
    by_deal = np.zeros(n, dtype=bool)
    if hints.experience and snap.experience and set(hints.groups()) & {"industry", "product", "country"}:
        satisfied["experience"], won = snap.experience.fit(hints, n, use_deals)
        # Having done it is evidence of what it took: a won deal matched every hinted industry, product and
        # country; a reference matched the industry and product (references carry no country).
        by_deal[list(won)] = True
    fits = _fits(satisfied, by_deal)
    score = (1.0 - weight) * lexical + HINT_WEIGHT * fits
    dense = np.zeros(n, dtype=np.float32)
    if weight and query_vector is not None and len(snap.vectors):
        candidates = _candidates(snap, score, allowed, query_vector)
        dense[candidates] = _nearest_passages(snap, candidates, np.asarray(query_vector, dtype=np.float32))
    score = score + weight * np.clip(dense, 0.0, 1.0)
    if "experience" in satisfied:  # asked what partners have done: those with the evidence come first,
        # a won deal (a fact in the records) before a reference (the partner's own words)
        score = score + EXPERIENCE_LEAD * np.where(by_deal, 1.0, 0.5 * satisfied["experience"])
    # something must fit: a word, a hint, or a passage close in meaning (else a filter lists everyone)
    relevant = (lexical > 0) | (fits > 0) | (dense >= DENSE_FLOOR) if tokens else np.ones(n, dtype=bool)
    score = np.where(allowed & relevant, score, -1.0)
    order = _top(score, k)
    top = [int(i) for i in order if score[i] >= 0]
    scale = 1.0 + (HINT_WEIGHT if satisfied else 0.0) + (EXPERIENCE_LEAD if "experience" in satisfied else 0.0)
    hits = [_hit(snap, i, float(score[i]) / scale, tokens, query, hints, satisfied, filters, query_vector)
            for i in top]
    for hit, i in zip(hits, top):
        if won.get(i):
            hit.matched.append(f"won deals: {won[i]} matching")
    return hits, hints


def _fits(satisfied: dict[str, np.ndarray], by_deal: np.ndarray) -> np.ndarray:
    """How well each partner fits the hints, 0..1. Having done it is evidence of what it took: a won deal
    matched every hinted industry, product and country; a reference matched the industry and product
    (references carry no country). The hits still say only what the profile lists."""
    if not satisfied:
        return np.zeros(len(by_deal))
    covered = dict(satisfied)
    if "experience" in satisfied:
        proven = satisfied["experience"] > 0
        for group in ("industry", "product", "country"):
            if group in covered:
                covered[group] = np.where(by_deal if group == "country" else proven, 1.0, covered[group])
    weights = [EXPERIENCE_WEIGHT if g == "experience" else 1.0 for g in covered]
    return np.average(list(covered.values()), axis=0, weights=weights)


def _top(score: np.ndarray, k: int) -> np.ndarray:
    if len(score) > k:
        part = np.argpartition(-score, k)[:k]
        return part[np.lexsort((part, -score[part]))]
    return np.argsort(-score, kind="stable")


def similarity(matrix: np.ndarray, vector: np.ndarray) -> np.ndarray:
    """`matrix @ vector` on this thread. numpy's `@` hands a matrix-vector product to OpenBLAS, whose
    threads spin waiting for each other on a busy machine: 10,000 x 384 took 7 ms of CPU (22 ms wall at
    load 9) against 0.6 ms for einsum's single-threaded loop."""
    return np.einsum("ij,j->i", matrix, np.asarray(vector, dtype=np.float32))


def _candidates(snap: Snapshot, prior: np.ndarray, allowed: np.ndarray, query_vector: np.ndarray) -> np.ndarray:
    """Partners whose passages are compared with the question: every allowed one in a directory of up to
    EXACT_PARTNERS; beyond, the best by words and hints and the best by their centroid vector (a partner
    outside both has neither the words nor the meaning to reach the top)."""
    has = allowed & (snap.row_end > snap.row_start)
    if has.sum() <= EXACT_PARTNERS:
        return np.nonzero(has)[0]
    by_words = _top(np.where(has, prior, -np.inf), CANDIDATES)
    by_meaning = _top(np.where(has, similarity(snap.centroids, query_vector), -np.inf), CANDIDATES)
    return np.union1d(by_words, by_meaning)


def _nearest_passages(snap: Snapshot, partners: np.ndarray, query_vector: np.ndarray) -> np.ndarray:
    """Each partner's best passage similarity (partners given by position, each with vectors)."""
    if not len(partners):
        return np.zeros(0, dtype=np.float32)
    starts, lengths = snap.row_start[partners], snap.row_end[partners] - snap.row_start[partners]
    offsets = np.cumsum(lengths) - lengths
    rows = np.arange(lengths.sum()) - np.repeat(offsets, lengths) + np.repeat(starts, lengths)
    return np.maximum.reduceat(similarity(snap.vectors[rows], query_vector), offsets)


def query_tokens(text: str) -> list[str]:
    """BM25 tokens of a question without its question words in any language, nor Japanese particles
    (bigrams of hiragana only)."""
    kept = " ".join(w for w in _WORD.findall(text.casefold()) if w not in QUESTION_WORDS)
    return [t for t in tokenize(kept) if not _HIRAGANA.match(t)]


def _satisfies(snap: Snapshot, group: str, hints: Hints) -> np.ndarray:
    """1 where the partner lists a hinted value; for an industry, 0.5 where it only speaks of it (a
    reference "for a hospital network" from a partner that does not list Healthcare)."""
    n = len(snap.partners)
    if group == "certified":  # certified staff asked for without a competency: in all of them
        return (snap.certified_total >= hints.min_certified).astype(np.float32)
    listed = np.zeros(n, dtype=bool)
    spoken = np.zeros(n, dtype=bool)
    for value in hints.values[group]:
        if group == "product" and hints.certified:  # "certified in X": listing X is not enough
            listed |= snap.certified.get(fold(value), np.zeros(n, dtype=np.int64)) >= hints.min_certified
            continue
        listed |= snap.mask(group, fold(value) if group == "product" else value)
        if group == "industry":
            spoken |= snap.mask("industry_text", value)
    return np.where(listed, 1.0, np.where(spoken, 0.5, 0.0)).astype(np.float32)


def _hit(snap: Snapshot, i: int, score: float, tokens: list[str], query: str, hints: Hints,
         satisfied: dict[str, np.ndarray], filters: dict[str, str], query_vector: np.ndarray | None) -> DirectoryHit:
    p = snap.partners[i]
    matched = [_field_match(p, g, filters[g]) for g in GROUPS if g in filters]
    for group in GROUPS:
        if group in satisfied and satisfied[group][i] >= 1.0 and group not in filters:
            matched.append(_field_match(p, group, *sorted(hints.values[group])))
    if hints.certified and ("product" in satisfied or "certified" in satisfied):
        wanted = {fold(v) for v in hints.values["product"]} or {fold(c) for c in p.competencies}
        staff = [f"{c} {p.certified[fold(c)]}" for c in p.competencies if p.certified.get(fold(c)) and fold(c) in wanted]
        if staff:
            matched.append(f"certified staff: {', '.join(staff)}")
    places = set(tokenize(" ".join(hints.country_spans)))  # the country is a field: quote what they did there
    passage, words = _evidence(snap, i, [t for t in tokens if t not in places] or tokens,
                               hints.expanded(query), query_vector)
    if passage and words:
        matched.append(f"{passage['label']}: {', '.join(words)}")
    return DirectoryHit(partner_id=p.partner_id, name=p.name, score=round(min(max(score, 0.0), 1.0), 4),
                        matched=list(dict.fromkeys(matched)), evidence=passage["text"] if passage else "",
                        evidence_source=passage["label"] if passage else "", type=p.type, tier=p.tier,
                        countries=p.countries)


def _field_match(p, group: str, *values: str) -> str:
    """ "industry: Healthcare" in the partner's own words."""
    if group == "country":
        return f"country: {', '.join(c for c in p.countries if c.upper() in values) or values[0]}"
    if group == "industry":
        own = [x for x in p.industries if industry_concepts(x) & set(values)]
        return f"industry: {', '.join(own) or _display(group, values[0])}"
    if group == "product":
        wanted = {fold(v) for v in values}
        own = [x for x in p.competencies if fold(x) in wanted]
        return f"competency: {', '.join(own) or values[0]}"
    if group == "language":
        return f"language: {', '.join(x for x in p.languages if x.split('-')[0].lower() in values)}"
    return f"{group}: {getattr(p, group)}"


def _evidence(snap: Snapshot, i: int, tokens: list[str], query: str,
              query_vector: np.ndarray | None) -> tuple[dict | None, list[str]]:
    """The partner's passage that supports the query best (its vector's similarity plus the share of the
    query's weight its words carry), and the question's words found in it."""
    p = snap.partners[i]
    if not p.passages:
        return None, []
    sims = np.zeros(len(p.passages), dtype=np.float32)
    if query_vector is not None and snap.row_end[i] > snap.row_start[i]:
        rows = slice(snap.row_start[i], snap.row_end[i])
        sims[snap.ordinal[rows]] = similarity(snap.vectors[rows], query_vector)
    wanted = {t: snap.lexical.idf(t) for t in set(tokens)}
    total = sum(wanted.values()) or 1.0
    best, best_score, best_words = None, -1.0, set()
    for ordinal, (passage, passage_tokens) in enumerate(zip(p.passages, snap.passage_tokens(i))):
        found = passage_tokens & set(wanted)
        value = float(sims[ordinal]) + sum(wanted[t] for t in found) / total
        if passage["field"] == "profile":  # its fields are reported as matched: quote what they did
            value *= 0.5
        if value > best_score:
            best, best_score, best_words = passage, value, found
    words = [w for w in dict.fromkeys(_WORD.findall(query))
             if w.casefold() not in QUESTION_WORDS and set(tokenize(w)) & best_words]
    return best, words


@register_tool("find_partners", args=FindPartnersArgs)
def find_partners(ctx: ToolContext, scope: Scope, args: FindPartnersArgs) -> DirectoryResult:
    """The partner directory: partners that fit a need said in plain words (what they do, for which
    industry, where), with what matched and the passage of their profile or case study that supports it.
    Use for 'who can do X for Y in Z?' or 'which partner has done X?' when no deal is named. Internal roles."""
    return search_partners(ctx, scope, args.query, args.k, args.country, args.industry, args.product, args.tier)
