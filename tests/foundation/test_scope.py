"""The permission table (CLI.md "Who may see what"), row by row, where structured data is read."""
from __future__ import annotations

import datetime as dt

import pytest

from assistant.core.errors import BadInput, Forbidden, NotFound, Unauthenticated
from retrieval import records as R
from retrieval.scope import (
    Scope,
    ScopedRecords,
    issue_api_key,
    scope_for_api_key,
    scope_for_slack_user,
    scope_for_user,
)

ADMIN = Scope("u-admin", "admin")
CM = Scope("u-cm", "channel_manager")
MKT = Scope("u-mkt", "marketer")
SELLER_P1 = Scope("u-ps1", "partner_seller", partner_id="P1")


@pytest.fixture()
def store(tmp_path):
    store = R.RecordStore(f"sqlite:///{tmp_path / 'db.sqlite'}")
    with store.session() as s:
        s.add_all([
            R.Partner(partner_id="P1", name="One", type="reseller", tier="gold"),
            R.Partner(partner_id="P2", name="Two", type="msp", tier="silver"),
            R.Account(account_id="A1", name="Acme", status="customer"),
            R.Account(account_id="A2", name="Globex", status="prospect"),
            R.Account(account_id="A3", name="Initech", status="prospect"),
            R.Opportunity(opportunity_id="O1", account_id="A1", name="Acme renewal", stage="proposal",
                          partner_id="P1", partner_role="sourced"),
            R.Opportunity(opportunity_id="O2", account_id="A2", name="Globex new", stage="qualification",
                          registered_by="P1"),
            R.Opportunity(opportunity_id="O3", account_id="A3", name="Initech", stage="proposal",
                          partner_id="P2", partner_role="sourced", created_on=dt.date(2026, 1, 1)),
            R.PartnerActivity(partner_id="P2", month="2026-01", portal_logins=3),
            R.User(user_id="u-ps1", name="Seller", role="partner_seller", partner_id="P1", slack_user_id="U1"),
            R.User(user_id="u-mkt", name="Marketer", role="marketer"),
        ])
    return store


def read(store, scope, fn):
    with store.session() as s:
        return fn(ScopedRecords(s, scope))


@pytest.mark.parametrize("scope", [ADMIN, CM])
def test_internal_roles_see_all_records(store, scope):
    assert {o.opportunity_id for o in read(store, scope, lambda r: r.opportunities())} == {"O1", "O2", "O3"}
    assert len(read(store, scope, lambda r: r.accounts())) == 3
    assert read(store, scope, lambda r: r.opportunity("O3")).name == "Initech"
    assert len(read(store, scope, lambda r: r.partners())) == 2


def test_marketer_sees_no_deals_or_accounts(store):
    for fn in (lambda r: r.opportunities(), lambda r: r.accounts(), lambda r: r.opportunity("O1"),
               lambda r: r.account("A1")):
        with pytest.raises(Forbidden):
            read(store, MKT, fn)
    assert len(read(store, MKT, lambda r: r.partners())) == 2  # marketers draft for any partner


def test_partner_seller_sees_only_own_deals_and_their_accounts(store):
    assert {o.opportunity_id for o in read(store, SELLER_P1, lambda r: r.opportunities())} == {"O1", "O2"}
    assert {a.account_id for a in read(store, SELLER_P1, lambda r: r.accounts())} == {"A1", "A2"}
    with pytest.raises(Forbidden):
        read(store, SELLER_P1, lambda r: r.opportunity("O3"))
    with pytest.raises(Forbidden):
        read(store, SELLER_P1, lambda r: r.account("A3"))
    with pytest.raises(Forbidden):
        read(store, SELLER_P1, lambda r: r.partner("P2"))
    with pytest.raises(Forbidden):
        read(store, SELLER_P1, lambda r: r.partner_activity("P2"))
    assert [p.partner_id for p in read(store, SELLER_P1, lambda r: r.partners())] == ["P1"]


def test_unknown_ids_are_not_found_not_forbidden(store):
    with pytest.raises(NotFound):
        read(store, ADMIN, lambda r: r.opportunity("nope"))
    with pytest.raises(NotFound):
        read(store, SELLER_P1, lambda r: r.partner("nope"))


@pytest.mark.parametrize(
    "capability,allowed",
    [
        ("map", {"admin", "channel_manager", "partner_seller"}),
        ("match", {"admin", "channel_manager"}),
        ("nba", {"admin", "channel_manager", "partner_seller"}),
        ("draft", {"admin", "channel_manager", "marketer", "partner_seller"}),
        ("ingest", {"admin"}),
        ("users_key", {"admin"}),
    ],
)
def test_capabilities_per_role(capability, allowed):
    for scope in (ADMIN, CM, MKT, SELLER_P1):
        if scope.role in allowed:
            scope.require(capability)
        else:
            with pytest.raises(Forbidden):
                scope.require(capability)


def test_content_visibility():
    assert SELLER_P1.may_read_content(["partners"])
    assert SELLER_P1.may_read_content(["partner:P1"])
    assert SELLER_P1.may_read_content(["partner:P2", "partner:P1"])
    assert not SELLER_P1.may_read_content(["internal"])
    assert not SELLER_P1.may_read_content(["partner:P2"])
    for scope in (ADMIN, CM, MKT):
        assert scope.may_read_content(["internal"]) and scope.allowed_visibility() is None


def test_identity_lookups_and_api_keys(store):
    scope = scope_for_user(store, "u-ps1")
    assert (scope.role, scope.partner_id) == ("partner_seller", "P1")
    with pytest.raises(BadInput):
        scope_for_user(store, "ghost")
    assert scope_for_slack_user(store, "U1").user_id == "u-ps1"
    with pytest.raises(Unauthenticated):
        scope_for_slack_user(store, "U-unknown")
    key = issue_api_key(store, "u-mkt")
    assert scope_for_api_key(store, key).role == "marketer"
    with store.session() as s:  # only the hash is stored
        assert all(key not in row.key_hash for row in s.query(R.ApiKey))
    for bad in (None, "", "csk_wrong"):
        with pytest.raises(Unauthenticated):
            scope_for_api_key(store, bad)
