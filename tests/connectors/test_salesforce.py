"""Salesforce export over recorded REST answers (real simple_salesforce code, fake transport)."""

from __future__ import annotations

import pytest
from simple_salesforce import Salesforce

from assistant.core.errors import BadInput
from connectors import salesforce
from connectors.csv_folder import read_import_folder
from connectors.registry import get_connector
from tests.connectors.fakes import RecordedSalesforce

INSTANCE = "https://northwind.my.salesforce.com"
TOKEN = "00D-test-session"


def export(tmp_path, fake=None):
    fake = fake or RecordedSalesforce()
    summary = get_connector("salesforce").export_to_folder(
        tmp_path / "out", instance_url=INSTANCE, session_id=TOKEN, http_session=fake.session()
    )
    return summary, read_import_folder(tmp_path / "out"), fake


def test_round_trip_loads_with_zero_rejections(tmp_path):
    summary, bundle, fake = export(tmp_path)
    assert bundle.rejected == []
    assert summary.files == {
        "partners.csv": 27,
        "accounts.csv": 50,
        "opportunities.csv": 70,
        "partner_accounts.csv": 12,
    }
    assert bundle.counts()["opportunities"] == 70
    # both paged queries followed their nextRecordsUrl; every request carried the token
    assert len(fake.requests) == 6
    assert all(r.headers["Authorization"] == f"Bearer {TOKEN}" for r in fake.requests)


def test_accounts_and_partners_are_mapped(tmp_path):
    _, bundle, _ = export(tmp_path)
    accounts = {a.name: a for a in bundle.accounts}
    zoonoodle = accounts["Zoonoodle 37"]  # Type Customer, Industry n/a, a long URL as Website
    assert (zoonoodle.status, zoonoodle.domain, zoonoodle.country, zoonoodle.industry) == (
        "customer",
        "1688.com",
        "US",
        None,
    )
    assert (zoonoodle.employees, zoonoodle.annual_revenue) == (28549, 5117586.0)
    assert zoonoodle.owner_email == "sam.seller@northwind.example"
    assert accounts["Burlington Textiles"].status == "customer"  # "Customer - Direct"
    partners = {p.name: p for p in bundle.partners}
    assert partners["Alpha Dynamics"].type == "isv"  # "Technology Partner"
    assert partners["Quire 203"].type == "system_integrator" and partners["Quire 203"].tier == "registered"
    assert partners["Quire 203"].attributes["salesforce_type"] == "Integrator"
    # a partner account is also an account only when it has deals (so they load)
    with_deals = {o.account_id for o in bundle.opportunities}
    also_accounts = {a.account_id for a in bundle.accounts} & {p.partner_id for p in bundle.partners}
    assert also_accounts and also_accounts <= with_deals


def test_stages_partners_and_dates_of_opportunities(tmp_path):
    _, bundle, _ = export(tmp_path)
    stages = {o.attributes["salesforce_stage"]: o.stage for o in bundle.opportunities}
    assert stages == {
        "Id. Decision Makers": "qualification",
        "Negotiation/Review": "negotiation",
        "Qualification": "qualification",
        "Assigned dynamically": "prospecting",
        "Perception Analysis": "qualification",
        "Needs Analysis": "qualification",
        "Proposal/Price Quote": "proposal",
        "Value Proposition": "qualification",
        "Closed Lost": "closed_lost",
        "Closed/Won": "closed_won",
        "Closed Won": "closed_won",
        "Prospecting": "prospecting",
    }
    first = bundle.opportunities[0]
    assert (first.name, first.amount, str(first.close_date), str(first.created_on)) == (
        "Cape starling",
        119373.34,
        "2020-12-22",
        "2020-08-24",
    )
    assert first.description == '"'  # the samples' "naughty strings" survive the CSV round trip
    with_partner = [o for o in bundle.opportunities if o.partner_id]
    assert len(with_partner) == 10
    assert {o.partner_role for o in with_partner} == {"fulfillment", "influenced", "sourced"}


def test_partner_relations_keep_one_direction(tmp_path):
    _, bundle, _ = export(tmp_path)
    partner_ids = {p.partner_id for p in bundle.partners}
    assert all(row.partner_id in partner_ids for row in bundle.partner_accounts)
    assert len({(r.partner_id, r.attributes["account_id"]) for r in bundle.partner_accounts}) == 12


def test_stage_mapping_prefers_the_closed_flags():
    assert salesforce.map_stage("Contract Signed", is_closed=True, is_won=True) == "closed_won"
    assert salesforce.map_stage("Dead", is_closed=True, is_won=False) == "closed_lost"
    assert salesforce.map_stage("Closed Won") == "closed_won"
    assert salesforce.map_stage("Something custom", is_closed=False, is_won=False) == "prospecting"


def test_an_org_without_partner_objects_still_exports(tmp_path):
    summary, bundle, _ = export(tmp_path, RecordedSalesforce(missing=("Partner", "OpportunityPartner")))
    assert bundle.rejected == [] and bundle.partner_accounts == []
    assert not any(o.partner_id for o in bundle.opportunities)
    assert any(note.startswith("skipped Partner") for note in summary.notes)


def test_expired_session_is_bad_input(tmp_path):
    fake = RecordedSalesforce(token="another-token")
    with pytest.raises(BadInput, match="Salesforce refused the session"):
        export(tmp_path, fake)


def test_missing_settings_are_bad_input(tmp_path):
    with pytest.raises(BadInput, match="instance_url and session_id"):
        get_connector("salesforce").export_to_folder(tmp_path, instance_url=INSTANCE)
    with pytest.raises(BadInput, match="salesforce settings: sesion_id"):
        get_connector("salesforce").export_to_folder(tmp_path, sesion_id="x")


def test_export_to_folder_takes_an_existing_client(tmp_path):
    fake = RecordedSalesforce()
    client = Salesforce(instance_url=INSTANCE, session_id=TOKEN, session=fake.session())
    summary = salesforce.export_to_folder(client, tmp_path)
    assert summary.files["accounts.csv"] == 50 and read_import_folder(tmp_path).rejected == []
