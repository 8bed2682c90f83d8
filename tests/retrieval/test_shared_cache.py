"""retrieval/shared_cache.py: bytes by key in one SQLite file, shared by every process of the machine
(issue 22), and the multilingual vectors kept there."""
from __future__ import annotations

import numpy as np

from retrieval import multilingual
from retrieval.shared_cache import SharedCache, digest


def test_another_process_reads_what_one_wrote(tmp_path):
    one, other = SharedCache(tmp_path / "c.sqlite"), SharedCache(tmp_path / "c.sqlite")  # two workers
    one.put("a", b"\x00\x01")
    one.put_many({"b": b"2", "c": b"3"})
    assert other.get("a") == b"\x00\x01" and other.get("missing") is None
    assert other.get_many(["b", "c", "x"]) == {"b": b"2", "c": b"3"}
    one.put("a", b"new")
    assert other.get("a") == b"new"


def test_the_oldest_rows_go_beyond_the_bound(tmp_path, monkeypatch):
    monkeypatch.setattr("retrieval.shared_cache.TRIM_EVERY", 5)
    cache = SharedCache(tmp_path / "c.sqlite", max_rows=10)
    for i in range(30):
        cache.put(f"k{i}", b"v")
    kept = cache.get_many(f"k{i}" for i in range(30))
    assert len(kept) <= 15 and "k29" in kept and "k0" not in kept


def test_an_unusable_file_is_a_miss_not_an_error(tmp_path):
    (tmp_path / "file").write_text("not a directory")
    cache = SharedCache(tmp_path / "file" / "c.sqlite")
    cache.put("a", b"1")
    assert cache.get("a") is None and cache.get_many(["a"]) == {}


def test_keys_differ_with_any_part():
    assert digest("a", "bc") != digest("ab", "c") and digest("a", "b") == digest("a", "b")


def test_multilingual_vectors_computed_once_per_machine(tmp_path, monkeypatch):
    shared = SharedCache(tmp_path / "c.sqlite")
    question, passages = "共有される質問ですか?", ["共有される文章です。", "Another shared passage."]
    first = multilingual.similarities(question, passages, shared)
    # the other worker: nothing in its memory, the model never runs, the same similarities
    monkeypatch.setattr(multilingual, "_PASSAGES", type(multilingual._PASSAGES)())
    monkeypatch.setattr(multilingual, "_QUERIES", type(multilingual._QUERIES)())

    def no_model(texts, query):
        raise AssertionError(f"encoded again: {texts}")

    monkeypatch.setattr(multilingual, "_encode", no_model)
    again = multilingual.similarities(question, passages, shared)
    assert np.allclose(first, again)


def test_the_code_print_is_stable_in_a_process_and_names_our_files():
    from retrieval.shared_cache import code_print

    assert code_print() == code_print() and len(code_print()) == 16
