"""Extractive answers: quote the 1-3 sentences (or table rows) of the retrieved chunks that answer.

Only chunks the asker may see reach this module (the caller passes hits from a search filtered by the
asker's visibility). Retrieved text is data: it is scored and quoted, never interpreted as
instructions. Each candidate unit is scored against the question by
  * lexical coverage: the IDF-weighted share of the question's terms found in the unit (English words
    stemmed, CJK as bigrams, so it works for Japanese too), and
  * embedding similarity (MiniLM) between the question and the unit in its heading context,
plus a small prior from the chunk's own retrieval score. Below a threshold calibrated on the handbook
questions (answerable and unanswerable ones), the honest answer is that the content does not say.
"""
from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from pydantic import BaseModel, Field

from retrieval.lexical import is_cjk, tokenize

NOT_FOUND = "I could not find this in the enablement content."
# Calibrated on evals/handbook_questions.yaml (evals/handbook.py reports the best threshold per run).
# Measured there: the best candidate quote holds the expected text for only ~half the English questions,
# so the threshold trades answered questions against honest refusals; improving the quoting is the
# next step (e.g. a reranker, when one can be shipped offline).
FOUND_THRESHOLD = 0.38
# Japanese (CJK) questions are scored without MiniLM (an English model), so their scores run lower.
FOUND_THRESHOLD_CJK = 0.28
W_LEXICAL, W_DENSE, W_RETRIEVAL = 0.45, 0.40, 0.15
MAX_UNITS = 3
DENSE_UNITS = 24
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[A-Z0-9*_`])|(?<=[。！？])")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_HTML = re.compile(r"<[^>]+>")


class Citation(BaseModel):
    doc_id: str
    title: str
    source: str
    snippet: str


class ContentAnswer(BaseModel):
    answer: str
    citations: list[Citation] = Field(default_factory=list)
    found: bool = False
    score: float = Field(0.0, description="confidence of the best quoted unit, 0..1")


@dataclass
class _Unit:
    hit_rank: int
    order: int  # position inside its chunk
    text: str  # cleaned, as quoted
    context: str  # heading path, for the embedding


def clean(text: str) -> str:
    """Markdown links to their text, HTML tags and emphasis marks dropped, whitespace collapsed."""
    text = _LINK.sub(r"\1", text)
    text = _HTML.sub(" ", text)
    text = re.sub(r"(\*\*|__|`)", "", text)
    return " ".join(text.split())


def _cells(row: str) -> list[str]:
    return [clean(c) for c in row.strip().strip("|").split("|")]


def split_units(text: str) -> list[str]:
    """Sentences of prose, one unit per list item, and one per table row rendered with its column
    names ("Tier: Select; Margin: 20%") so that a row makes sense on its own."""
    units: list[str] = []
    lines = [line.strip() for line in text.split("\n")]
    header: list[str] | None = None
    lead_in = ""
    for i, line in enumerate(lines):
        if not line:
            header = None
            continue
        if line.startswith("|"):
            if re.fullmatch(r"\|?[\s:|-]+\|?", line):
                continue  # the rule under a header
            cells = _cells(line)
            if header is None and i + 1 < len(lines) and re.fullmatch(r"\|?[\s:|-]+\|?", lines[i + 1]):
                header = cells
                continue
            if header and len(header) == len(cells):
                units.append("; ".join(f"{h}: {c}" if h else c for h, c in zip(header, cells) if c))
            else:
                units.append(" | ".join(c for c in cells if c))
            continue
        header = None
        if line.startswith(("- ", "* ", "+ ")) or re.match(r"\d+\.\s", line):
            # "Open Partners:" above a list says whom "- Up to 10 users" is about: keep it with the item.
            units.append(f"{lead_in} {line[2:].strip()}" if lead_in else line)
        else:
            units.extend(s for s in _SENTENCE.split(line) if s.strip())
            lead_in = clean(line) if clean(line).endswith((":", "：")) and len(line) < 120 else ""
    return [u for u in (clean(u) for u in units) if len(u) >= 3]


def _coverage(question_terms: list[str], unit_terms: set[str], weights: dict[str, float]) -> float:
    total = sum(weights.get(t, 1.0) for t in question_terms)
    if not total:
        return 0.0
    return sum(weights.get(t, 1.0) for t in question_terms if t in unit_terms) / total


def _weights(terms: Sequence[str], units_terms: Sequence[set[str]]) -> dict[str, float]:
    """IDF of each question term over the candidate units: rare terms weigh more."""
    n = max(1, len(units_terms))
    return {t: math.log(1 + (n + 1) / (1 + sum(t in u for u in units_terms))) for t in set(terms)}


def _is_question(text: str) -> bool:
    return text.rstrip().endswith(("?", "？"))


def answer_from_hits(question: str, hits: Sequence, embedder=None, threshold: float | None = None,
                     max_units: int = MAX_UNITS) -> ContentAnswer:
    """Pick the units of `hits` (best first, as from ContentService.search) that answer `question`."""
    if threshold is None:
        threshold = FOUND_THRESHOLD_CJK if is_cjk(question) else FOUND_THRESHOLD
    units = [_Unit(rank, i, u, " > ".join(p for p in (h.title, h.heading) if p))
             for rank, h in enumerate(hits) for i, u in enumerate(split_units(h.text))]
    q_terms = tokenize(question)
    if not units or not q_terms:
        return ContentAnswer(answer=NOT_FOUND, found=False)
    units_terms = [set(tokenize(f"{u.context} {u.text}")) for u in units]
    weights = _weights(q_terms, units_terms)
    lexical = np.array([_coverage(q_terms, terms, weights) for terms in units_terms])
    prior = np.array([float(getattr(hits[u.hit_rank], "score", 0.0)) for u in units])
    w_dense = 0.0 if is_cjk(question) else W_DENSE
    w_lexical = W_LEXICAL + (W_DENSE - w_dense)
    dense = _dense_scores(question, units, embedder, w_lexical * lexical + W_RETRIEVAL * prior) if w_dense else 0.0
    combined = _answers_follow_questions(units, w_lexical * lexical + w_dense * dense + W_RETRIEVAL * prior)
    best = int(np.argmax(combined))
    if combined[best] < threshold:
        return ContentAnswer(answer=NOT_FOUND, found=False, score=round(float(combined[best]), 4))
    chosen = _choose(units, combined, best, max_units)
    return _compose(hits, units, chosen, float(combined[best]))


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
        out[i] = 0.0
    return out


def _dense_scores(question: str, units: list[_Unit], embedder, rough: np.ndarray,
                  limit: int = DENSE_UNITS) -> np.ndarray:
    """Embedding similarity for the `limit` units that score best without it (embedding every unit of
    six chunks costs more than the answer is worth); the others get 0."""
    scores = np.zeros(len(units))
    if embedder is None:
        return scores
    picked = [int(i) for i in np.argsort(-rough)[:limit]]
    # The unit right after a question line is usually its answer: embed it too.
    picked += [i + 1 for i in picked if _is_question(units[i].text) and i + 1 < len(units) and i + 1 not in picked]
    vectors = embedder.embed_texts([f"{units[i].context}: {units[i].text}" if units[i].context else units[i].text
                                    for i in picked])
    query = embedder.embed_query(question)
    scores[picked] = np.clip(vectors @ query, 0.0, 1.0)
    return scores


def _choose(units: list[_Unit], combined: np.ndarray, best: int, max_units: int) -> list[int]:
    """The best unit, plus its close neighbours in the same chunk that also score well. A best unit that
    introduces a list ("... must complete the following:") is quoted with the items that follow it."""
    chosen = [best]
    anchor = units[best]
    if anchor.text.rstrip().endswith((":", "：")):
        following = [j for j in range(best + 1, min(best + max_units, len(units)))
                     if units[j].hit_rank == anchor.hit_rank]
        return sorted(chosen + following[: max_units - 1])
    for i in np.argsort(-combined):
        i = int(i)
        if len(chosen) >= max_units:
            break
        unit = units[i]
        if i in chosen or unit.hit_rank != anchor.hit_rank or abs(unit.order - anchor.order) > 2:
            continue
        if combined[i] >= 0.85 * combined[best]:
            chosen.append(i)
    return sorted(chosen, key=lambda i: (units[i].hit_rank, units[i].order))


def _compose(hits: Sequence, units: list[_Unit], chosen: list[int], score: float) -> ContentAnswer:
    quoted = " ".join(units[i].text for i in chosen)
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
