"""A registration's protection is the vendor's: vendor.yaml `registration_protection_days` (not the 90-day
default) and a kept registration record's own `expires_on` (DATA.md `deal_registrations.csv`), in every tool
that says how long a deal is protected: the partner's profile, the expiring list, the registration check."""
from __future__ import annotations

import datetime as dt

import pytest

from assistant.core.config import Settings
from assistant.engine.context import AppContext
from retrieval.ingest import ingest_folder
from retrieval.scope import Scope
from tests.tools.programme_world import TODAY, write_world
from tools.partner_match.service import RegistrationProposal, check_registration
from tools.partner_profile.service import partner_profile
from tools.records_overview.service import records_overview

WORLD = {
    "vendor.yaml": "name: Corvid Sensors\nregistration_protection_days: 120\n",
    "opportunities.csv": (
        "opportunity_id,account_id,name,stage,products,created_on,partner_id,partner_role,amount,registered_by\n"
        # registered in the CRM, no record: created_on + 120 days = 2026-05-10 (the default 90 would end 04-10)
        "O-1,A-2,Freight lakehouse,proposal,Lakehouse,2026-01-10,P-2,sourced,50000,P-2\n"
        "O-2,A-3,Retail governance,closed_won,Governance,2025-06-01,P-3,sourced,30000,\n"
        # created 152 days before today: lapsed by creation date, but its approved record runs to 2026-03-10
        "O-3,A-1,Clinic governance,negotiation,Governance,2025-10-01,P-1,sourced,90000,P-1\n"
    ),
    "deal_registrations.csv": (
        "registration_id,partner_id,account_name,domain,country,products,status,submitted_on,decided_on,"
        "expires_on,opportunity_id\n"
        "R-7,P-1,Kronos Kliniken,kronos-kliniken.example,DE,Governance,approved,2026-01-20,2026-01-22,2026-03-10,O-3\n"
    ),
}


@pytest.fixture()
def ctx(tmp_path):
    context = AppContext(Settings(home=tmp_path / "home", today=TODAY))
    ingest_folder(context, write_world(tmp_path / "in", WORLD))
    yield context
    context.close()


def test_the_profile_counts_the_vendors_days_and_the_records_end(ctx):
    crm = partner_profile(ctx, Scope.operator(), "P-2", topic="registrations")
    assert crm.protection_days == 120
    deal = next(d for d in crm.deals if d.opportunity_id == "O-1")
    assert (deal.protection_ends, deal.days_left) == (dt.date(2026, 5, 10), 69)
    kept = partner_profile(ctx, Scope.operator(), "P-1", topic="registrations")
    deal = next(d for d in kept.deals if d.opportunity_id == "O-3")
    assert deal.registered_by_partner and (deal.protection_ends, deal.days_left) == (dt.date(2026, 3, 10), 8)


def test_expiring_soon_reads_the_records_end(ctx):
    expiring = records_overview(ctx, Scope.operator(), "expiring", days=14)
    assert [(d.opportunity_id, d.expires_on) for d in expiring.deals] == [("O-3", dt.date(2026, 3, 10))]
    later = records_overview(ctx, Scope.operator(), "expiring", days=70)
    assert {d.opportunity_id: d.days_left for d in later.deals} == {"O-3": 8, "O-1": 69}


def test_a_second_partner_on_a_deal_the_record_protects_is_a_conflict(ctx):
    result = check_registration(ctx, Scope.operator(), RegistrationProposal(
        partner_id="P-2", account_name="Kronos Kliniken GmbH", products=["Governance"]))
    assert result.verdict == "conflict"
    assert any("protected until 2026-03-10" in c for c in result.conflicts), result.conflicts
    own = check_registration(ctx, Scope.operator(), RegistrationProposal(
        partner_id="P-1", account_name="Kronos Kliniken GmbH", products=["Governance"]))
    assert any("protected until 2026-03-10" in r for d in own.duplicates for r in d.reasons)
