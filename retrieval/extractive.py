"""Extractive answers: quote the sentences, list items or table rows of the retrieved chunks that answer.

Only chunks the asker may see reach this module (the caller passes hits from a search filtered by the
asker's visibility). Retrieved text is data: it is scored and quoted, never interpreted as
instructions. Each unit (`retrieval.chunking.text_units`) is scored against the question by
  * lexical coverage: the IDF-weighted share of the question's topic terms found in the unit (fully)
    or in its headings / list lead-in (partly); English stemmed, numbers as digits, CJK as bigrams;
  * embedding similarity (MiniLM) between the question and the unit's vector, pooled at ingest from
    its chunk's contextual token embeddings (so it knows its headings and neighbours);
  * the chunk's retrieval score, and the best neighbouring unit (an answer often follows the sentence
    that names the topic);
  * the kind of answer asked for: "how long / when / 何日" wants a duration or date, "how many / how
    much / いくら" a number; units that have none are pushed down, units that have one up.
The confidence of the best unit, less the share of the question's terms the content never uses at all
(a topic the content does not cover), decides between quoting and "not found". Thresholds are
calibrated on evals/handbook_questions.yaml; evals/handbook.py reports a held-out set beside it.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from pydantic import BaseModel, Field

from retrieval.chunking import TextUnit, clean, text_units
from retrieval.lexical import answer_terms, is_cjk

__all__ = ["NOT_FOUND", "Citation", "ContentAnswer", "answer_from_hits", "answer_kind", "clean", "split_units"]

NOT_FOUND = "I could not find this in the enablement content."
# Calibrated on evals/handbook_questions.yaml (evals/handbook.py reports the best threshold per run):
# just above the confidence of the highest-scoring unanswerable question, with a margin.
FOUND_THRESHOLD = 0.49
# Japanese (CJK) questions are scored without MiniLM (an English model), so their scores run lower.
FOUND_THRESHOLD_CJK = 0.03
W_LEXICAL, W_DENSE, W_RETRIEVAL, W_NEIGHBOUR = 0.35, 0.50, 0.20, 0.20
CONTEXT_MATCH = 0.6  # a question term found only in the unit's headings or lead-in counts this much
KIND_BONUS = 0.10  # added when a unit holds the kind of answer asked for, subtracted when it does not
W_ABSENT = 1.0  # confidence lost per share of question terms the whole content never uses
MAX_UNITS = 3
NEAR_BEST = 0.85  # a neighbour is quoted too when it scores this close to the best unit

_DURATION_Q = re.compile(
    r"\b(how (long|soon|quickly|fast|early|late|often|frequently)|how far (ahead|in advance)|when|until when|"
    r"by when|what time|what date|deadline|how many (days|weeks|months|hours|years))\b|"
    r"何日|何営業日|どのくらい|どれくらい|いつ|何時間|期間|何か月|何ヶ月|何年|何週", re.I)
_NUMBER_Q = re.compile(
    r"\b(how (many|much|large|big)|what (percentage|portion|share|proportion|amount|number)|minimum|maximum|"
    r"limit)\b|何名|何人|いくら|何パーセント|何%|最大|最低|何文字|何件|何回|何個|何社", re.I)
_NUMBER = re.compile(r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
                     r"thirty|once|twice|half|single|double)\b", re.I)
_DURATION = re.compile(
    r"\b\d+(st|nd|rd|th)\b|\b(january|february|march|april|may|june|july|august|september|october|november|"
    r"december|monday|tuesday|wednesday|thursday|friday|end of|beginning of|start of|q[1-4]|fy\d\d)\b|"
    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|thirty)[- ]?(business |calendar |"
    r"working )?(day|week|month|year|hour|minute|quarter)s?\b|\b(annual|annually|quarterly|monthly|weekly|daily|"
    r"yearly|once a|each (day|week|month|quarter|year)|per (day|week|month|quarter|year))\b|"
    r"\d+\s*(日|週|か月|ヶ月|カ月|年|時間|営業日|営業時間|暦年)", re.I)


class Citation(BaseModel):
    doc_id: str
    title: str
    source: str
    snippet: str


class ContentAnswer(BaseModel):
    answer: str
    citations: list[Citation] = Field(default_factory=list)
    found: bool = False
    score: float = Field(0.0, description="confidence of the best quoted unit (about 0..1)")


@dataclass
class _Unit:
    hit_rank: int
    order: int  # position inside its chunk
    unit: TextUnit
    own: frozenset[str]  # terms of the unit itself
    around: frozenset[str]  # terms of its chunk's title and headings and of its list lead-in

    @property
    def text(self) -> str:
        return self.unit.text


@lru_cache(maxsize=4096)
def _prepare(title: str | None, heading: str | None, text: str) -> tuple[tuple, tuple, tuple]:
    """A chunk's units and their terms. Pure function of the chunk's content, so it is cached (bounded,
    per process): popular chunks are split and tokenised once, whoever asks."""
    headings = " > ".join(p for p in (title, heading) if p)
    units = text_units(text)
    return (tuple(units), tuple(frozenset(answer_terms(u.text)) for u in units),
            tuple(frozenset(answer_terms(f"{headings} {u.context}")) for u in units))

    @property
    def text(self) -> str:
        return self.unit.text


def split_units(text: str) -> list[str]:
    """The quotable units of a chunk as text (see `retrieval.chunking.text_units`)."""
    return [u.text for u in text_units(text)]


def answer_kind(question: str) -> str | None:
    """'duration' (how long, when, 何日), 'number' (how many, how much, いくら) or None."""
    if _DURATION_Q.search(question):
        return "duration"
    if _NUMBER_Q.search(question):
        return "number"
    return None


def _has_kind(text: str, kind: str) -> bool:
    return bool((_DURATION if kind == "duration" else _NUMBER).search(text))


def _is_question(text: str) -> bool:
    return text.rstrip().endswith(("?", "？"))


def answer_from_hits(question: str, hits: Sequence, embedder=None, threshold: float | None = None,
                     max_units: int = MAX_UNITS, unit_vectors: Mapping[str, np.ndarray] | None = None,
                     term_idf: Callable[[str], tuple[float, bool]] | None = None) -> ContentAnswer:
    """Pick the units of `hits` (best first, as from ContentService.search) that answer `question`.
    `unit_vectors` maps a chunk id to the vectors of its `text_units` (stored at ingest); without them
    they are pooled here with `embedder`. `term_idf` gives a term's IDF over the whole content and
    whether the content uses it at all (`ContentService.vocabulary()`)."""
    cjk = is_cjk(question)
    if threshold is None:
        threshold = FOUND_THRESHOLD_CJK if cjk else FOUND_THRESHOLD
    prepared = [_prepare(h.title, h.heading, h.text) for h in hits]
    units = [_Unit(rank, i, u, own, around) for rank, p in enumerate(prepared)
             for i, (u, own, around) in enumerate(zip(*p))]
    q_terms = answer_terms(question, question=True)
    if not units or not q_terms:
        return ContentAnswer(answer=NOT_FOUND, found=False)
    lexical = _lexical(q_terms, units)
    dense = np.zeros(len(units)) if cjk or embedder is None and unit_vectors is None \
        else _dense(question, hits, units, embedder, unit_vectors)
    top = max(float(getattr(h, "score", 0.0)) for h in hits) or 1.0
    prior = np.array([float(getattr(hits[u.hit_rank], "score", 0.0)) / top for u in units])
    w_dense = 0.0 if cjk else W_DENSE
    base = (W_LEXICAL + W_DENSE - w_dense) * lexical + w_dense * dense + W_RETRIEVAL * prior
    combined = base + W_NEIGHBOUR * _neighbours(units, base)
    kind = answer_kind(question)
    if kind:
        combined += np.array([KIND_BONUS if _has_kind(u.text, kind) else -KIND_BONUS for u in units])
    combined = _answers_follow_questions(units, combined)
    best = int(np.argmax(combined))
    absent = _absent_share(q_terms, term_idf)
    confidence = float(combined[best]) - W_ABSENT * absent
    if confidence < threshold:
        return ContentAnswer(answer=NOT_FOUND, found=False, score=round(confidence, 4))
    return _compose(hits, units, _choose(units, combined, best, max_units), confidence)


def _lexical(q_terms: list[str], units: list[_Unit]) -> np.ndarray:
    """IDF-weighted coverage of the question's terms; the IDF is over the candidate units, so terms
    every candidate shares (the topic that retrieved them all) weigh less than the distinguishing ones."""
    own = [u.own for u in units]
    around = [u.around for u in units]
    n = len(units)
    weights = {t: math.log(1 + (n + 1) / (1 + sum(t in a or t in b for a, b in zip(own, around))))
               for t in set(q_terms)}
    total = sum(weights[t] for t in q_terms) or 1.0
    return np.array([sum(weights[t] * (1.0 if t in a else CONTEXT_MATCH if t in b else 0.0) for t in q_terms)
                     for a, b in zip(own, around)]) / total


def _dense(question: str, hits: Sequence, units: list[_Unit], embedder,
           unit_vectors: Mapping[str, np.ndarray] | None) -> np.ndarray:
    if unit_vectors is None:
        from retrieval.content import pool_unit_vectors

        unit_vectors = pool_unit_vectors(embedder, hits)
    query = embedder.embed_query(question) if embedder is not None else None
    if query is None:
        return np.zeros(len(units))
    scores = np.zeros(len(units))
    for i, u in enumerate(units):
        vectors = unit_vectors.get(hits[u.hit_rank].chunk_id)
        if vectors is not None and u.order < len(vectors):
            scores[i] = max(0.0, float(vectors[u.order] @ query))
    return scores


def _neighbours(units: list[_Unit], base: np.ndarray) -> np.ndarray:
    """The better score of the units just before and after, in the same chunk."""
    out = np.zeros(len(units))
    for i, u in enumerate(units):
        near = [base[j] for j in (i - 1, i + 1) if 0 <= j < len(units) and units[j].hit_rank == u.hit_rank]
        out[i] = max(near, default=0.0)
    return out


def _absent_share(q_terms: list[str], term_idf: Callable[[str], tuple[float, bool]] | None) -> float:
    """The IDF-weighted share of the question's terms that no indexed chunk uses."""
    if term_idf is None:
        return 0.0
    looked_up = [term_idf(t) for t in q_terms]
    total = sum(idf for idf, _ in looked_up) or 1.0
    return sum(idf for idf, known in looked_up if not known) / total


def _answers_follow_questions(units: list[_Unit], scores: np.ndarray) -> np.ndarray:
    """An FAQ's question line matches the asker's question best but is not the answer: it passes its
    score on to the two units after it (the answer) and is never quoted itself."""
    out = scores.copy()
    for i, unit in enumerate(units):
        if not _is_question(unit.text):
            continue
        for j in range(i + 1, min(i + 3, len(units))):
            if units[j].hit_rank == unit.hit_rank and not _is_question(units[j].text):
                out[j] = max(out[j], scores[i] * (0.95 if j == i + 1 else 0.85))
        out[i] = -1.0
    return out


def _choose(units: list[_Unit], combined: np.ndarray, best: int, max_units: int) -> list[int]:
    """The best unit, plus the units next to it in the same chunk that score nearly as well. A best unit that
    introduces a list or table ("... as follows:") is quoted with the first items that follow it."""
    anchor = units[best]
    if anchor.unit.kind == "lead":
        items = [j for j in range(best + 1, len(units)) if units[j].hit_rank == anchor.hit_rank
                 and units[j].unit.lead is not None and units[j].unit.kind != "lead"]
        if items:
            return [best] + items[: max_units - 1]
    chosen = [best]
    while len(chosen) < max_units:  # grow a contiguous passage, the better side first
        sides = [_next_quotable(units, combined, min(chosen), -1), _next_quotable(units, combined, max(chosen), 1)]
        near = [j for j in sides if j is not None and units[j].hit_rank == anchor.hit_rank
                and combined[j] >= NEAR_BEST * combined[best]]
        if not near:
            break
        chosen.append(max(near, key=lambda j: combined[j]))
    return sorted(chosen)


def _next_quotable(units: list[_Unit], combined: np.ndarray, start: int, step: int) -> int | None:
    """The next unit in reading order that may be quoted (an FAQ's question line is stepped over)."""
    j = start + step
    while 0 <= j < len(units) and combined[j] < 0:
        j += step
    return j if 0 <= j < len(units) else None


def _quote(units: list[_Unit], chosen: list[int]) -> str:
    """The chosen units in reading order; a list item is preceded by the sentence introducing its list."""
    first = units[chosen[0]]
    lead = first.unit.lead
    parts = [units[i].text for i in chosen]
    if lead is not None and first.unit.kind in ("item", "row") and first.order - lead <= 12:
        lead_unit = next((units[j] for j in range(chosen[0] - 1, -1, -1)
                          if units[j].hit_rank == first.hit_rank and units[j].order == lead), None)
        if lead_unit is not None and lead_unit.text.endswith((":", "：")):
            parts.insert(0, lead_unit.text)
    return " ".join(parts)


def _compose(hits: Sequence, units: list[_Unit], chosen: list[int], score: float) -> ContentAnswer:
    quoted = _quote(units, chosen)
    citations: list[Citation] = []
    for i in chosen:
        hit = hits[units[i].hit_rank]
        if any(c.doc_id == hit.doc_id for c in citations):
            continue
        snippet = " ".join(units[j].text for j in chosen if hits[units[j].hit_rank].doc_id == hit.doc_id)
        citations.append(Citation(doc_id=hit.doc_id, title=hit.title, source=hit.source, snippet=snippet[:500]))
    titles = "; ".join(c.title for c in citations)
    answer = f"{quoted} [{titles}]" if titles else quoted
    return ContentAnswer(answer=answer, citations=citations, found=True, score=round(score, 4))
