"""A question in another language re-ranks the candidates by the multilingual model, and only re-ranks
them: a passage's retrieval score (what the answer's confidence is built from) is not replaced by its
similarity scaled over the candidates, which made the best of any set look certain (issue 17, s32)."""
from __future__ import annotations

import numpy as np

from retrieval.search import Hit
from tools.search.service import cross_lingual


def _hit(i: int, score: float, locale: str) -> Hit:
    return Hit(doc_id=f"d{i}", chunk_id=f"c{i}", title=f"Policy {i}", source=f"p{i}.md", score=score,
               text=f"passage {i}", locale=locale)


def test_candidates_are_reordered_by_similarity_with_their_scores_kept():
    hits = [_hit(0, 0.31, "en"), _hit(1, 0.12, "en"), _hit(2, 0.40, "de")]
    similarity = {"Policy 0": 0.80, "Policy 1": 0.83, "Policy 2": 0.79}

    def model(question, passages):
        return np.array([similarity[p.split(":")[0]] for p in passages])

    out = cross_lingual("sind die prüfungen für uns gratis?", hits, model)
    assert [h.chunk_id for h in out] == ["c1", "c0", "c2"]
    assert {h.chunk_id: h.score for h in out} == {"c0": 0.31, "c1": 0.12, "c2": 0.40}


def test_without_the_model_nothing_changes():
    hits = [_hit(0, 0.31, "en"), _hit(1, 0.12, "en")]
    assert cross_lingual("wie lange?", hits, lambda q, p: None) == hits
