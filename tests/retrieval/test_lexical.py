"""The BM25 tokeniser (English stemming, CJK bigrams) and masked scoring."""
from __future__ import annotations

import numpy as np

from retrieval.lexical import LexicalIndex, load_or_build, tokenize


def test_english_is_lowercased_stemmed_and_stopwords_dropped():
    assert tokenize("The Partners, registering DEALS!") == ["partner", "regist", "deal"]


def test_japanese_runs_become_bigrams_and_fullwidth_is_normalised():
    assert tokenize("案件登録") == ["案件", "件登", "登録"]
    assert tokenize("ＧｉｔＬａｂのパートナー") == ["gitlab", "のパ", "パー", "ート", "トナ", "ナー"]
    assert tokenize("山") == ["山"]


def test_mask_is_applied_before_top_k():
    docs = [tokenize(t) for t in ["deal registration rules", "deal registration rules too", "unrelated"]]
    index = LexicalIndex.build(docs)
    scores = index.normalised_scores(tokenize("deal registration"), mask=np.array([False, True, True]))
    assert scores[0] == 0 and scores[1] > 0 and scores[2] == 0
    assert 0 < scores.max() <= 1


def test_cache_round_trip(tmp_path):
    corpus = [tokenize("alpha beta"), tokenize("beta gamma")]
    built = []
    first = load_or_build(tmp_path, ["a", "b"], lambda: built.append(1) or corpus)
    second = load_or_build(tmp_path, ["a", "b"], lambda: built.append(1) or corpus)
    assert built == [1]  # the second came from the cache
    query = tokenize("gamma")
    assert np.allclose(first.scores(query), second.scores(query))
    load_or_build(tmp_path, ["a", "c"], lambda: corpus)
    assert len([p for p in tmp_path.iterdir() if not p.name.startswith(".")]) == 1  # only the newest kept


def test_answer_terms_keep_what_a_question_is_about():
    from retrieval.lexical import answer_terms

    assert answer_terms("How long is a Letter of Authorization valid after ten days?", question=True) == \
        ["letter", "author", "valid", "after", "10", "day"]
    assert "10" in answer_terms("within 10 business days") and "10" in answer_terms("within ten business days")
    japanese = answer_terms("MDF の申請はイベント開始の何日前までですか？", question=True)
    assert "申請" in japanese and "開始" in japanese
    assert not {"です", "すか", "まで"} & set(japanese)  # particles and endings carry no topic


def test_a_new_tokeniser_rebuilds_the_stored_index(make_service, monkeypatch):
    """The stored BM25 index is keyed by the tokeniser's version too: after an upgrade that tokenises
    differently, the old index (old tokens) is not searched with new query tokens."""
    from retrieval import search as search_module
    from tests.retrieval.conftest import make_doc

    service = make_service()
    service.sync_documents([make_doc("p/reg.md", "Approved registrations expire after ninety days.")])
    service.search("registrations expire", k=1)
    lexical_dir = next(p for p in service.settings.home.rglob("lexical") if p.is_dir())
    before = {p.name for p in lexical_dir.iterdir() if not p.name.startswith(".")}
    monkeypatch.setattr(search_module, "TOKENIZER_VERSION", "tokenizer-next")
    rebuilt = make_service()  # another process, after the upgrade
    assert rebuilt.search("registrations expire", k=1)[0].doc_id == "p/reg.md"
    after = {p.name for p in lexical_dir.iterdir() if not p.name.startswith(".")}
    assert before and after and before != after


def test_an_amount_is_one_term_however_it_is_written():
    from retrieval.lexical import answer_terms

    assert "150000" in answer_terms("anything special about registered opps above 150k?", question=True)
    assert "150000" in answer_terms("for opportunities above USD 150,000, a funded proof of value")
    assert "45000" in answer_terms("Enveloppe trimestrielle (jusqu'à): 45 000 USD")
    assert {"2026", "100"} <= set(answer_terms("in 2026, 100 partners joined"))  # a year and a count stay two
