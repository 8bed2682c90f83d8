"""Deal-registration checks on small, hand-built records in a real store (tmp_path)."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from assistant.core.config import Settings
from assistant.core.errors import BadInput, Forbidden, NotFound
from assistant.engine.context import AppContext
from retrieval import records as R
from retrieval.scope import Scope, scope_for_user
from tools.account_mapping import entity_resolution as er
from tools.account_mapping.entity_resolution import normalize_name
from tools.partner_match.registration_check import (
    RegistrationProposal,
    check_registration,
)

TODAY = dt.date(2026, 3, 31)
ADMIN = Scope.operator()


def _partner(pid: str, name: str, **kw) -> R.Partner:
    base = {"type": "reseller", "tier": "gold", "countries": ["DE", "US"], "industries": ["Financial Services"],
            "competencies": ["Lakehouse", "Streaming"], "certified_staff": {}, "languages": ["en"]}
    return R.Partner(partner_id=pid, name=name, **{**base, **kw})


def _deal(oid: str, account: str, stage: str = "proposal", products=("Lakehouse",),
          created=dt.date(2026, 2, 1), **kw) -> R.Opportunity:
    return R.Opportunity(opportunity_id=oid, account_id=account, name=f"{oid} deal", stage=stage,
                         amount=kw.pop("amount", 120000.0), created_on=created,
                         close_date=dt.date(2026, 6, 1), products=list(products), **kw)


@pytest.fixture()
def ctx(tmp_path):
    context = AppContext(Settings(home=tmp_path / "home", today=TODAY))
    rows = [
        _partner("P-MINE", "My Reseller"), _partner("P-RIVAL", "Rival Integrators GmbH"),
        _partner("P-NARROW", "Narrow Ltd", competencies=["Governance"], countries=["FR"]),
        R.Account(account_id="A-ACME", name="Acme Corporation", domain="acme.com",
                  industry="Financial Services", country="DE", status="customer"),
        R.Account(account_id="A-GLOBEX", name="Globex Industries", domain="globex.io", industry="Retail",
                  country="US", status="prospect"),
        _deal("OPP-RIVAL", "A-ACME", partner_id="P-RIVAL", partner_role="sourced", registered_by="P-RIVAL"),
        _deal("OPP-OLD", "A-ACME", products=("Streaming",), created=dt.date(2025, 6, 1), partner_id="P-RIVAL",
              partner_role="sourced", registered_by="P-RIVAL"),
        _deal("OPP-MINE", "A-GLOBEX", partner_id="P-MINE", partner_role="sourced", registered_by="P-MINE"),
        R.User(user_id="u-ps", name="Seller", role="partner_seller", partner_id="P-MINE"),
        R.User(user_id="u-mk", name="Marketer", role="marketer"),
    ]
    with context.store.session() as session:
        session.add_all(rows)
    yield context
    context.close()


def test_fuzzy_name_finds_the_account_and_the_duplicate(ctx):
    result = check_registration(ctx, ADMIN, RegistrationProposal(
        partner_id="P-MINE", account_name="ACME Corp.", products=["lakehouse"], amount=125000.0))
    assert normalize_name("ACME Corp.") == normalize_name("Acme Corporation")
    # partner_match imports the list forms from here: the same functions as entity resolution
    assert er.normalize_name_list(["ACME Corp.", None]) == ["acme", ""]
    assert er.registrable_domain_list(["https://www.acme.co.uk/x", "bob@gmail.com"]) == ["acme.co.uk", None]
    assert result.account_match.account_id == "A-ACME" and result.account_match.confidence >= 0.9
    assert [d.opportunity_id for d in result.duplicates] == ["OPP-RIVAL"]
    dup = result.duplicates[0]
    assert dup.registered_by == "P-RIVAL" and "Overlapping products: Lakehouse" in dup.reasons
    assert any("within 4% of the proposed 125,000" in r for r in dup.reasons)
    assert result.verdict == "conflict"
    assert any("registered by Rival Integrators GmbH (approved registration, protected until 2026-05-02)" in c
               for c in result.conflicts)


def test_domain_finds_the_account(ctx):
    result = check_registration(ctx, ADMIN, RegistrationProposal(
        partner_id="P-MINE", account_name="Totally Different Name", domain="https://www.acme.com/about",
        products=["Lakehouse"]))
    assert result.account_match.account_id == "A-ACME"
    assert any("same domain (acme.com)" in e for e in result.account_match.evidence)
    assert [d.opportunity_id for d in result.duplicates] == ["OPP-RIVAL"]


def test_expired_registration_and_other_products_are_not_conflicts(ctx):
    streaming = check_registration(ctx, ADMIN, RegistrationProposal(
        partner_id="P-MINE", account_name="Acme Corporation", products=["Streaming"]))
    assert [d.opportunity_id for d in streaming.duplicates] == ["OPP-OLD"]  # OPP-RIVAL is Lakehouse only
    assert any("LAPSED: protection ended 2025-08-30" in r for r in streaming.duplicates[0].reasons)
    assert streaming.conflicts == [] and streaming.verdict == "review"


def test_new_account_is_clear(ctx):
    result = check_registration(ctx, ADMIN, RegistrationProposal(
        partner_id="P-MINE", account_name="Initech Software", domain="initech.example",
        products=["Lakehouse"], country="US"))
    assert result.account_match is None and result.duplicates == [] and result.verdict == "clear"


def test_authorisation_and_country_conflicts(ctx):
    result = check_registration(ctx, ADMIN, RegistrationProposal(
        partner_id="P-NARROW", account_name="Globex Industries", products=["Lakehouse"]))
    assert "Not authorised for Lakehouse" in result.conflicts
    assert "Does not sell in US" in result.conflicts
    assert result.verdict == "conflict"


def test_partner_seller_learns_nothing_about_other_partners(ctx):
    seller = scope_for_user(ctx.store, "u-ps")
    result = check_registration(ctx, seller, RegistrationProposal(
        partner_id="P-MINE", account_name="ACME Corp.", products=["Lakehouse"]))
    assert result.verdict == "conflict"
    text = json.dumps(result.model_dump(mode="json"))
    for secret in ("P-RIVAL", "Rival Integrators", "OPP-RIVAL", "A-ACME"):
        assert secret not in text
    assert "registration by another partner" in text
    assert result.account_match.account_id is None
    dup = result.duplicates[0]
    assert dup.opportunity_id is None and dup.partner_id is None and dup.registered_by is None
    assert dup.stage is None and "proposal" not in text  # another party's stage is withheld too


def test_partner_seller_sees_their_own_deal(ctx):
    seller = scope_for_user(ctx.store, "u-ps")
    result = check_registration(ctx, seller, RegistrationProposal(
        partner_id="P-MINE", account_name="Globex Industries Inc", products=["Lakehouse"]))
    assert result.account_match.account_id == "A-GLOBEX"
    assert [d.opportunity_id for d in result.duplicates] == ["OPP-MINE"]
    assert any(r.startswith("Already registered by this partner (approved registration, protected until")
               for r in result.duplicates[0].reasons)
    assert result.verdict == "review"


def test_permissions_and_errors(ctx):
    seller = scope_for_user(ctx.store, "u-ps")
    with pytest.raises(Forbidden):
        check_registration(ctx, seller, RegistrationProposal(partner_id="P-RIVAL", account_name="Acme"))
    with pytest.raises(Forbidden):
        check_registration(ctx, scope_for_user(ctx.store, "u-mk"),
                           RegistrationProposal(partner_id="P-MINE", account_name="Acme"))
    with pytest.raises(NotFound):
        check_registration(ctx, ADMIN, RegistrationProposal(partner_id="P-NOPE", account_name="Acme"))
    with pytest.raises(BadInput):
        check_registration(ctx, ADMIN, RegistrationProposal(partner_id="P-MINE"))


def test_own_lapsed_registration_is_reported_lapsed_not_approved(ctx):
    with ctx.store.session() as s:
        s.get(R.Opportunity, "OPP-MINE").created_on = TODAY - dt.timedelta(days=139)
    result = check_registration(ctx, ADMIN, RegistrationProposal(
        partner_id="P-MINE", account_name="Globex Industries Inc", products=["Lakehouse"]))
    ended = (TODAY - dt.timedelta(days=49)).isoformat()
    reasons = result.duplicates[0].reasons
    assert any(f"LAPSED: protection ended {ended}" in r for r in reasons)
    assert not any("approved registration" in r for r in reasons)
