"""Team mode: the same code against a real PostgreSQL server."""
from __future__ import annotations

import pytest

from assistant.core.errors import Forbidden
from retrieval import records as R
from retrieval.scope import Scope, ScopedRecords, issue_api_key, scope_for_api_key


def test_store_and_scope_on_postgres(pg_url):
    store = R.RecordStore(pg_url)
    with store.session() as s:
        s.add_all([
            R.Partner(partner_id="P1", name="One", type="reseller", tier="gold", countries=["DE", "AT"]),
            R.Account(account_id="A1", name="Acme", status="customer"),
            R.Opportunity(opportunity_id="O1", account_id="A1", name="x", stage="proposal", products=["Lakehouse"]),
            R.User(user_id="u1", name="Seller", role="partner_seller", partner_id="P1"),
        ])
    with store.session() as s:
        partner = ScopedRecords(s, Scope.operator()).partner("P1")
        assert partner.countries == ["DE", "AT"]  # JSON lists round-trip
        with pytest.raises(Forbidden):
            ScopedRecords(s, Scope("u1", "partner_seller", "P1")).opportunity("O1")
    key = issue_api_key(store, "u1")
    assert scope_for_api_key(store, key).partner_id == "P1"
    store.dispose()
