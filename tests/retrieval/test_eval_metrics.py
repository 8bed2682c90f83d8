"""The BEIR metrics of evals/scifact.py and the handbook question set's shape."""
from __future__ import annotations

import math

from evals.handbook import SHORT_PATHS, load_questions
from evals.scifact import ndcg_at_k, recall_at_k


def test_ndcg_and_recall_follow_the_beir_definitions():
    qrels = {"q1": {"a": 1, "b": 1}, "q2": {"c": 2}}
    run = {"q1": ["x", "a", "b"], "q2": ["c"]}
    ideal_q1 = 1 + 1 / math.log2(3)
    got_q1 = 1 / math.log2(3) + 1 / math.log2(4)
    assert math.isclose(ndcg_at_k(run, qrels, 10), (got_q1 / ideal_q1 + 1.0) / 2)
    assert ndcg_at_k(run, qrels, 1) == 0.5
    assert recall_at_k(run, qrels, 2) == (0.5 + 1.0) / 2
    assert recall_at_k({}, qrels, 100) == 0.0


def test_handbook_question_set_meets_its_brief():
    cases = load_questions()
    answerable = [c for c in cases if c["answerable"]]
    assert len(cases) >= 40
    assert sum(c["style"] == "paraphrase" for c in cases) * 2 >= len(cases)
    assert sum(c["lang"] == "ja" for c in cases) >= 8
    assert sum(not c["answerable"] for c in cases) >= 4
    assert all(c["paths"] and c["answer_contains"] for c in answerable)
    assert len({c["id"] for c in cases}) == len(cases)
    known = {"content/handbook/" + p for p in SHORT_PATHS.values()}
    assert all(set(c["paths"]) <= known for c in answerable)


def test_heldout_question_set_meets_its_brief():
    """Written before tuning and never tuned against: >= 20 questions, >= 5 Japanese, >= 4 unanswerable,
    ids distinct from the main set, every path a page of the corpus."""
    import json

    from evals.handbook import DATA, HELDOUT

    cases = load_questions(HELDOUT)
    assert len(cases) >= 20
    assert sum(c["lang"] == "ja" for c in cases) >= 5
    assert sum(not c["answerable"] for c in cases) >= 4
    assert not {c["id"] for c in cases} & {c["id"] for c in load_questions()}
    pages = {json.loads(line)["path"] for line in DATA.read_text(encoding="utf-8").splitlines()}
    assert all(c["paths"] and set(c["paths"]) <= pages and c["answer_contains"] for c in cases if c["answerable"])
