"""The vectorised building blocks of entity resolution: each fast path gives what the plain way would."""
from __future__ import annotations

import numpy as np
import polars as pl
import pytest
from publicsuffixlist import PublicSuffixList

from tools.account_mapping import entity_resolution as er
from tools.account_mapping import er_blocking, er_prepare, er_scoring, name_normalise


def test_hash_index_gives_dense_ids_and_zero_for_unknown_keys():
    rng = np.random.default_rng(1)
    keys = er_prepare.distinct_nonzero(rng.integers(1, 2**63, 5000).astype(np.uint64))
    index = er_prepare.HashIndex(keys)
    probe = np.concatenate([keys[::-1], np.array([0, 12345], np.uint64)])
    ids = index.lookup(probe.reshape(-1, 2)).ravel()
    assert (keys[ids[:-2] - 1] == probe[:-2]).all() and list(ids[-2:]) == [0, 0]
    assert sorted(ids[:-2]) == list(range(1, len(keys) + 1))


def test_token_matrix_keeps_distinct_words_in_order():
    names = ["acme acme corp", "", "a b c d e f g h", "x x x x x x x x x y z w v u t", "technologies technology",
             "office 14 14 berlin 7"]
    ids, at, words, numbers = er_prepare._tokens(pl.Series(names))
    got = [[words[int(a)] for a in row if a >= 0] for row in at]
    assert got == [["acme", "corp"], [], ["a", "b", "c", "d", "e", "f"], ["x", "y", "z", "w", "v", "u"],
                   ["technology"], ["office", "14", "berlin", "7"]]
    assert (ids[1] == 0).all() and (ids[0, :2] != 0).all() and ids[4, 0] != 0 and (ids[4, 1:] == 0).all()
    assert numbers[5] != 0 and (numbers[:5] == 0).all()
    assert numbers[5] == er_prepare._tokens(pl.Series(["14 7 x"]))[3][0]  # same numbers, same id


def test_word_sorted_form_and_letter_counts():
    names = pl.Series(["b a", "a b", "solo", "", "c a b", "zz yy xx ww"])
    assert list(er_prepare._word_sorted(names)) == ["a b", "a b", "solo", "", "a b c", "ww xx yy zz"]
    counts, known = er_prepare._letter_counts(pl.Series(["aab9", "", "müller", "x" * 300]))
    assert counts[0, 0] == 2 and counts[0, 1] == 1 and counts[0, 35] == 1 and counts[0].sum() == 4
    assert list(known) == [True, True, False, False]


def test_the_spelling_bound_never_undercuts_the_spelling():
    rng = np.random.default_rng(3)
    alphabet = list("abcdeé ")
    names = ["".join(rng.choice(alphabet, rng.integers(0, 12))).strip() for _ in range(400)]
    frame = pl.DataFrame({"key": [str(i) for i in range(400)], "name": names, "domain": [None] * 400,
                          "country": [None] * 400}, schema=dict.fromkeys(("key", "name", "domain", "country"), pl.String))
    side = er.prepare(frame)
    v, p = rng.integers(0, 400, 3000), rng.integers(0, 400, 3000)
    assert (er_scoring._spelling(side, side, v, p) <= er_scoring._spelling_bound(side, side, v, p)).all()


def test_key_groups_probe_with_a_cap():
    rows = np.arange(6)
    groups = er_blocking.KeyGroups.of(rows, np.array([7, 7, 9, 0, 9, 9], np.uint64))
    v, p = groups.probe(np.array([0, 1, 2]), np.array([7, 9, 5], np.uint64), cap=3)
    assert sorted(zip(v.tolist(), p.tolist())) == [(0, 0), (1, 0), (2, 1), (4, 1), (5, 1)]
    v, _ = groups.probe(np.array([0]), np.array([9], np.uint64), cap=2)  # too common to block on
    assert len(v) == 0
    dense = er_blocking.KeyGroups.of(rows, np.array([1, 0, 2, 2, 0, 1]), dense=True)
    v, p = dense.probe(np.array([0, 1, 2]), np.array([2, 3, 0]))
    assert sorted(v.tolist()) == [2, 3] and p.tolist() == [0, 0]


def test_threaded_slices_match_like_one_piece(monkeypatch):
    from evals.bench.mapping import synthetic

    accounts, rows = synthetic(3000, 3000, n_partners=3)
    vendor, partner = er.prepare_sides(accounts, rows.drop("partner_id", "truth"))
    whole = er.match_sides(vendor, partner)
    monkeypatch.setattr(er, "_SLICE", 700)
    assert er.match_sides(vendor, partner).equals(whole)


def test_the_ascii_path_of_cleaning_agrees_with_the_unicode_path():
    names = pl.Series(["ACME Corp.", "AT&T Inc.", "O'Reilly Media", "x  --  y", "a_&b", "M & A", "Procter & Gamble",
                       "Dr. Oetker GmbH & Co. KG", "  spaced  out  ", "3M Company", "S.p.A. Rossi"])
    assert name_normalise._clean(names).to_list() == name_normalise._clean_unicode(names).to_list()


@pytest.mark.parametrize("raw, expected", [
    ("St and und et Partners", "saint partners"), ("Intl Mfg and Svcs Ltd", "international manufacturing services"),
    ("Smith und Söhne", "smith sohne"),
])
def test_adjacent_words_are_all_replaced(raw, expected):
    assert er.normalize_name(raw) == expected


def test_deep_hosts_and_wildcard_rules_agree_with_the_public_suffix_list():
    psl = PublicSuffixList(only_icann=True)
    hosts = ["a.b.c.d.e.co.uk", "x.y.city.kawasaki.jp", "city.kawasaki.jp", "www.city.kawasaki.jp", "a.b.ck",
             "foo.bar.ck", "one.two.three.four.five.com.au", "co.uk", "uk"]
    got = er.reduce_domains(pl.Series(hosts))["dom"].to_list()
    assert got == [psl.privatesuffix(h) for h in hosts]
