"""Entity resolution: normalisation, domain reduction, blocking and scoring (pure functions)."""
from __future__ import annotations

import polars as pl
import pytest
from publicsuffixlist import PublicSuffixList

from tools.account_mapping import entity_resolution as er
from tools.account_mapping.service import choose, match_frames


@pytest.mark.parametrize("raw, expected", [
    ("Acme Corporation", "acme"), ("ACME Corp.", "acme"), ("Acme, Inc.", "acme"), ("Acme Incorporated", "acme"),
    ("Acme Co.", "acme"), ("Acme Company", "acme"), ("Acme Ltd", "acme"), ("Acme Limited", "acme"),
    ("Acme LLC", "acme"), ("Acme L.L.C.", "acme"), ("Acme LLP", "acme"), ("Acme plc", "acme"),
    ("Acme Pty Ltd", "acme"), ("Acme Pty. Limited", "acme"), ("Acme Pvt Ltd", "acme"),
    ("Müller GmbH", "muller"), ("Müller GmbH & Co. KG", "muller"), ("Müller AG", "muller"),
    ("Müller Aktiengesellschaft", "muller"), ("Müller SE", "muller"), ("Müller KGaA", "muller"),
    ("Société Générale S.A.", "societe generale"), ("Dupont SA", "dupont"), ("Dupont S.A.S.", "dupont"),
    ("Dupont SAS", "dupont"), ("Dupont SARL", "dupont"), ("Dupont S.à r.l.", "dupont"),
    ("Rossi S.p.A.", "rossi"), ("Rossi SpA", "rossi"), ("Rossi S. p. A.", "rossi"), ("Rossi S.r.l.", "rossi"),
    ("Jansen N.V.", "jansen"), ("Jansen B.V.", "jansen"), ("N.V. Nutricia", "nutricia"), ("Jansen BV", "jansen"),
    ("Toshiba K.K.", "toshiba"), ("Kabushiki Kaisha Toshiba", "toshiba"), ("Toshiba Co., Ltd.", "toshiba"),
    ("Nokia Oyj", "nokia"), ("Nokia Oy", "nokia"), ("Volvo AB", "volvo"), ("AB Volvo", "volvo"),
    ("Volvo AB (publ)", "volvo"), ("Maersk A/S", "maersk"), ("Maersk AS", "maersk"), ("Novo ApS", "novo"),
    ("Kowalski Sp. z o.o.", "kowalski"), ("Telefonica S.L.", "telefonica"), ("Petrobras Ltda.", "petrobras"),
    ("Cemex S.A. de C.V.", "cemex"), ("Pacifico S. de R.L. de C.V.", "pacifico"),
    ("The Singer Company", "singer"), ("Procter & Gamble", "procter gamble"),
    ("Procter and Gamble", "procter gamble"), ("Schmidt und Partner", "schmidt partner"),
    ("Dupont et Fils", "dupont fils"), ("AT&T Inc.", "att"), ("Crème Brûlée Ltd", "creme brulee"),
    ("Ørsted A/S", "orsted"), ("Straße GmbH", "strasse"), ("McDonald's Corp", "mcdonalds"),
    ("Intl Business Machines Corp.", "international business machines"), ("Horizon Mfg Ltd", "horizon manufacturing"),
    ("Morrison Health Corporatoon", "morrison health"), ("U. S. Philips Corporation", "us philips"),
    ("SAS Institute Inc.", "sas institute"), ("Limited", "limited"),
])
def test_normalize_name(raw, expected):
    assert er.normalize_name(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("acme.com", "acme.com"), ("www.acme.com", "acme.com"), ("WWW.ACME.COM.", "acme.com"),
    ("https://www.acme.co.uk:8080/about?x=1", "acme.co.uk"), ("http://shop.acme.com.au/en/", "acme.com.au"),
    ("sales@acme.de", "acme.de"), ("acme.com/contact", "acme.com"), ("gmail.com", None),
    ("bob@gmail.com", None), ("yahoo.co.jp", None), ("foo.wixsite.com", None), ("someone.github.io", None),
    ("co.uk", None), ("localhost", None), ("not a domain", None), ("", None), (None, None),
    ("northwind.example", "northwind.example"), ("foo.city.kawasaki.jp", "city.kawasaki.jp"),
])
def test_registrable_domain(raw, expected):
    assert er.registrable_domain(raw) == expected


def test_domain_reduction_agrees_with_the_public_suffix_list():
    """The vectorised reduction gives publicsuffixlist's answer (ICANN section) for every kind of rule."""
    psl = PublicSuffixList(only_icann=True)
    rules = er.suffix_rules()
    sample = sorted(rules["plain"])[::25] + ["x." + w for w in sorted(rules["wild"])] + sorted(rules["exceptions"])
    hosts = [prefix + rule for rule in sample for prefix in ("acme.", "a.b.")]
    got = er.reduce_domains(pl.Series(hosts))["dom"].to_list()
    for host, dom in zip(hosts, got):
        expected = psl.privatesuffix(host)
        if expected in er.GENERIC_DOMAINS or (expected or ".").split(".")[0] in er.GENERIC_LABELS:
            expected = None
        assert dom == expected, host


def _match(vendor: list[tuple], partner: list[tuple]) -> dict[str, tuple[str, float]]:
    """partner key -> (vendor key, confidence) through the production core."""
    def frame(rows):
        return pl.DataFrame([dict(zip(("key", "name", "domain", "country"), r)) for r in rows],
                            schema=dict.fromkeys(("key", "name", "domain", "country"), pl.String))
    chosen = choose(match_frames(frame(vendor), frame(partner)))
    return {r["row_key"]: (r["account_id"], r["confidence"]) for r in chosen.iter_rows(named=True)}


VENDOR = [
    ("A1", "Acme Corporation", "acme.com", "US"), ("A2", "Northstar Bank", "northstarbank.com", "US"),
    ("A3", "Gist-Brocades N.V.", "gist-brocades.nl", "NL"), ("A4", "Blue River Analytics Ltd", "blueriver.co.uk", "GB"),
    ("A5", "International Business Machines Corp", "ibm.com", "US"), ("A6", "Mosel Verlag GmbH", "moselverlag.de", "DE"),
    ("A7", "Nagoya City Office", None, "JP"), ("A8", "Zimmermann Rückversicherung GmbH", None, "CH"),
]


def test_variants_match_with_confidence_and_evidence():
    partner = [("r1", "ACME Corp.", "https://www.acme.com/", "US"), ("r2", "Gist Brocdes BV", None, "NL"),
               ("r3", "Blue River Analytics", "blueriver.com", "GB"), ("r4", "IBM", "www.ibm.com", "US"),
               ("r5", "northstar bank", None, None)]
    got = _match(VENDOR, partner)
    assert {k: v[0] for k, v in got.items()} == {"r1": "A1", "r2": "A3", "r3": "A4", "r4": "A5", "r5": "A2"}
    assert all(0.8 <= conf <= 0.99 for _, conf in got.values())
    v, p = er.prepare_records(*map(list, zip(*VENDOR))), er.prepare_records(*map(list, zip(*partner)))
    best = er.match_sides(v, p).filter(pl.col("rank") == 0).row(0, named=True)
    evidence = er.explain(v, p, best["v"], best["p"], best["name_sim"], best["domain"], best["country"])
    assert evidence[0] == "same registrable domain acme.com" and "same country US" in evidence


def test_hard_negatives_are_not_matched():
    partner = [("n1", "Acme Logistics", "acmelogistics.com", "US"), ("n2", "Northstar Foods", "northstarfoods.com", "US"),
               ("n3", "Acme Corporation Pty Ltd", "acmecorp.com.au", "AU"), ("n4", "Moser Verlag GmbH", "moser-verlag.de", "DE"),
               ("n5", "Nagoya City Office 14", None, "JP"), ("n6", "Zimmermann Versicherung SA", None, "CH"),
               ("n7", "Northstar Foods", None, "US")]
    assert _match(VENDOR, partner) == {}


def test_one_partner_row_maps_to_at_most_one_account_ties_to_the_smaller_id():
    vendor = [("B2", "Globex GmbH", None, "DE"), ("B1", "Globex AG", None, "DE"), ("B3", "Globex Logistics", None, "DE")]
    got = _match(vendor, [("r", "GLOBEX", None, "DE")])
    assert list(got) == ["r"] and got["r"][0] == "B1"


def test_empty_sides():
    assert _match([], [("r", "Acme", None, None)]) == {}
    assert _match(VENDOR, []) == {}


def test_blocking_scales_beyond_a_quadratic_scan():
    """Candidates stay a few per row: 2,000 x 2,000 distinct names give far fewer than 4M pairs."""
    from evals.bench.mapping import synthetic

    accounts, rows = synthetic(2000, 2000, n_partners=4)
    v, p = er.prepare(accounts), er.prepare(rows.drop("partner_id", "truth"))
    stats = er.token_stats(v, p)
    pairs_v, _ = er.candidate_pairs(er.VendorIndex.of(v, stats), er.Side.of(p, stats))
    assert len(pairs_v) < 20 * 2000
    chosen = choose(match_frames(accounts, rows.drop("partner_id", "truth")))
    truth = dict(zip(rows["key"].to_list(), rows["truth"].to_list()))
    correct = sum(1 for r in chosen.iter_rows(named=True) if truth[r["row_key"]] == r["account_id"])
    assert correct / chosen.height > 0.98 and correct / sum(1 for t in truth.values() if t) > 0.95


def test_the_explanation_stemmer_agrees_with_the_matcher():
    words = ["technologies", "technology", "electronics", "philips", "glass", "bus", "analytics", "ies", "sys",
             "companies", "series", "business", "news", "hughes"]
    vectorised = pl.select(er.stem_expr(pl.lit(pl.Series(words)))).to_series().to_list()
    assert [er.stem(w) for w in words] == vectorised


def test_expression_forms_for_other_tools():
    frame = pl.DataFrame({"n": ["ACME Corp.", None], "d": ["https://www.acme.co.uk/x", "bob@gmail.com"]})
    out = frame.select(er.normalize_names_expr(pl.col("n")).alias("norm"), *er.domain_columns(pl.col("d")))
    assert out.rows() == [("acme", "acme.co.uk", "acme"), ("", None, None)]
