"""Privacy-preserving mapping: keyed digests, exact equality, counts only below the minimum overlap."""
from __future__ import annotations

import hashlib
import hmac

import pytest

from assistant.config import Settings
from assistant.errors import BadInput
from tools.private_mapping import PartyRow, hash_rows, match_hashed

SECRET = "a-shared-secret-of-32-bytes-long!"

VENDOR = [
    PartyRow(ref="v1", name="Acme Corporation", domain="acme.com", country="US", populations=["customer"]),
    PartyRow(ref="v2", name="Northstar Bank", domain="northstarbank.com", country="US", populations=["prospect"]),
    PartyRow(ref="v3", name="Globex GmbH", country="DE", populations=["former_customer"]),
    PartyRow(ref="v4", name="Initech", country="GB", populations=["open_opportunity", "prospect"]),
    PartyRow(ref="v5", name="Hooli Inc", domain="gmail.com", country="US", populations=["customer"]),
]
PARTNER = [
    PartyRow(ref="p1", name="ACME Corp.", domain="https://www.acme.com/", populations=["customer"]),
    PartyRow(ref="p2", name="Northstar Bank N.A.", domain="northstarbank.com", populations=["customer"]),
    PartyRow(ref="p3", name="Globex AG", country="DE", populations=["customer"]),
    PartyRow(ref="p4", name="Initech Ltd", country="US", populations=["open_opportunity"]),
    PartyRow(ref="p5", name="Acme Logistics", domain="acmelogistics.com", populations=["customer"]),
    PartyRow(ref="p6", name="Hooli", domain="gmail.com", populations=["customer"]),
]


def test_digests_are_keyed_hmac_of_normalised_values():
    row = hash_rows([VENDOR[0]], SECRET)[0]
    expected = hmac.new(SECRET.encode(), b"domain\x1facme.com", hashlib.sha256).hexdigest()
    assert row.domain_hash == expected
    assert row.name_hash == hmac.new(SECRET.encode(), b"name\x1facme", hashlib.sha256).hexdigest()
    assert "acme" not in row.model_dump_json().lower()  # nothing in the clear
    assert hash_rows([VENDOR[0]], SECRET + "x")[0].domain_hash != expected  # another key, another digest
    assert hash_rows([VENDOR[4]], SECRET)[0].domain_hash is None  # a generic mail domain proves nothing
    assert hash_rows([{"ref": "d", "name": "Acme Corp", "populations": ["customer"]}], SECRET)[0].name_hash == row.name_hash


def test_short_secrets_are_refused():
    with pytest.raises(BadInput):
        hash_rows(VENDOR, "short")


def test_exact_digest_equality_with_evidence_and_populations():
    result = match_hashed(hash_rows(VENDOR, SECRET), hash_rows(PARTNER, SECRET), min_overlap=1)
    assert result.released == "rows" and result.overlap == 5
    got = {m.partner_ref: (m.vendor_ref, m.evidence, m.confidence) for m in result.matches}
    assert got == {"p1": ("v1", "domain", 0.95), "p2": ("v2", "domain", 0.95), "p3": ("v3", "name_country", 0.85),
                   "p4": ("v4", "name", 0.75), "p6": ("v5", "name", 0.75)}  # p5 (a different company) unmatched
    cells = {(c.vendor_population, c.partner_population): c.count for c in result.summary}
    assert cells == {("customer", "customer"): 2, ("prospect", "customer"): 1, ("former_customer", "customer"): 1,
                     ("open_opportunity", "open_opportunity"): 1, ("prospect", "open_opportunity"): 1}


def test_below_the_minimum_overlap_only_counts_are_released():
    minimum = Settings().mapping_min_overlap
    assert minimum == 5
    vendor, partner = hash_rows(VENDOR, SECRET), hash_rows(PARTNER[:3], SECRET)
    result = match_hashed(vendor, partner, min_overlap=minimum)
    assert result.overlap == 3 and result.released == "counts" and result.matches == []
    assert sum(c.count for c in result.summary) == 3
    assert match_hashed(vendor, hash_rows(PARTNER, SECRET), min_overlap=minimum).released == "rows"


def test_different_keys_never_match():
    result = match_hashed(hash_rows(VENDOR, SECRET), hash_rows(PARTNER, SECRET[::-1]), min_overlap=1)
    assert result.overlap == 0 and result.summary == []
