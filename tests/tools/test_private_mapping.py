"""Privacy-preserving mapping: keyed digests, exact equality, counts only below the minimum overlap."""
from __future__ import annotations

import hashlib
import hmac

import pytest

from assistant.core.config import Settings
from assistant.core.errors import BadInput, Forbidden
from retrieval.scope import Scope
from tests.tools import mapping_world as world
from tools.private_mapping.service import (
    HashedFile,
    PartyRow,
    hash_partner_csv,
    hash_rows,
    hash_vendor_accounts,
    match_hashed,
    partner_rows_from_csv,
    private_overlaps,
    publish_vendor_digests,
    read_secret,
)

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


# --- the copilot as broker (tools.private_mapping.service service functions) --------------------------------


CM, MARKETER = Scope("u-cm", "channel_manager"), Scope("u-mkt", "marketer")
SELLER = Scope("u-p1", "partner_seller", "P1")


@pytest.fixture()
def broker(tmp_path):
    ctx = world.build(tmp_path / "home")
    partner = hash_partner_csv(world.write_partner_csv(tmp_path / "pa.csv"), world.SECRET)
    vendor = hash_vendor_accounts(ctx, CM, world.SECRET)
    yield ctx, partner, vendor
    ctx.close()


def test_partner_csv_rows_are_referenced_by_line_and_validated(tmp_path):
    partner_id, rows = partner_rows_from_csv(world.write_partner_csv(tmp_path / "pa.csv"))
    assert partner_id == "P1" and [r.ref for r in rows[:2]] == ["line-2", "line-3"]
    assert rows[0].populations == ["customer"] and rows[6].domain is None
    mixed = tmp_path / "mixed.csv"
    mixed.write_text("partner_id,account_name,status\nP1,Acme,customer\nP2,Globex,customer\n", encoding="utf-8")
    with pytest.raises(BadInput, match="--partner"):
        partner_rows_from_csv(mixed)
    assert [r.name for r in partner_rows_from_csv(mixed, "P2")[1]] == ["Globex"]
    bad = tmp_path / "bad.csv"
    bad.write_text("account_name,status\nAcme,customer\nGlobex,friend\n", encoding="utf-8")
    with pytest.raises(BadInput, match="line 3, column status"):
        partner_rows_from_csv(bad)
    (tmp_path / "short.key").write_bytes(b"short\n")
    with pytest.raises(BadInput, match="shorter than 16 bytes"):
        read_secret(tmp_path / "short.key")


def test_vendor_digests_carry_populations_and_only_internal_users_make_them(broker):
    ctx, _, vendor = broker
    populations = {r.ref: r.populations for r in vendor.rows}
    assert populations["A-104"] == ["open_opportunity", "prospect"] and populations["A-103"] == ["former_customer"]
    for scope in (SELLER, MARKETER):
        with pytest.raises(Forbidden):
            hash_vendor_accounts(ctx, scope, world.SECRET)


def test_the_broker_releases_rows_only_above_the_minimum_and_within_the_sharing_rules(broker):
    ctx, partner, vendor = broker
    with pytest.raises(BadInput, match="not published"):
        private_overlaps(ctx, CM, "P1", partner.rows)
    publish_vendor_digests(ctx, CM, "P1", vendor)
    full = private_overlaps(ctx, CM, "P1", partner.rows)  # P1 shares accounts with the vendor's users
    assert full.released == "rows" and full.overlap == 7 and len(full.matches) == 7
    assert {m.vendor_ref for m in full.matches} == {a for a, *_ in world.ACCOUNTS}
    few = private_overlaps(ctx, CM, "P1", partner.rows[:3])
    assert few.released == "counts" and few.matches == [] and few.overlap == 3 and "minimum" in few.note
    seller = private_overlaps(ctx, SELLER, "P1", partner.rows)  # vendor.yaml shares only counts
    assert seller.released == "counts" and seller.matches == [] and sum(c.count for c in seller.summary) >= 7
    world.set_vendor_sharing(ctx, "accounts")
    assert private_overlaps(ctx, SELLER, "P1", partner.rows).released == "rows"


def test_who_may_use_the_broker(broker):
    ctx, partner, vendor = broker
    publish_vendor_digests(ctx, CM, "P1", vendor)
    for scope, pid in ((MARKETER, "P1"), (Scope("u-p2", "partner_seller", "P2"), "P1")):
        with pytest.raises(Forbidden):
            private_overlaps(ctx, scope, pid, partner.rows)
    with pytest.raises(Forbidden):  # a partner never supplies (or sees) the vendor's digests
        private_overlaps(ctx, SELLER, "P1", partner.rows, vendor_rows=vendor.rows)
    for scope in (SELLER, MARKETER):
        with pytest.raises(Forbidden):
            publish_vendor_digests(ctx, scope, "P1", vendor)
    with pytest.raises(BadInput, match="partner's digests"):
        publish_vendor_digests(ctx, CM, "P1", HashedFile(party="partner", rows=partner.rows))
    odd = partner.rows[0].model_copy(update={"populations": ["best_friend"]})
    with pytest.raises(BadInput, match="unknown population"):
        private_overlaps(ctx, CM, "P1", [odd])
