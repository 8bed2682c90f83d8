"""HubSpot export over recorded CRM v3 answers (our requests client, fake transport)."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.core.errors import BadInput
from connectors.csv_folder import read_import_folder
from connectors.registry import get_connector
from tests.connectors.fakes import RecordedHubSpot

TOKEN = "pat-test-token"


def export(tmp_path, fake=None, **settings):
    fake = fake or RecordedHubSpot()
    summary = get_connector("hubspot").export_to_folder(
        tmp_path / "out", access_token=TOKEN, http_session=fake.session(), **settings
    )
    return summary, read_import_folder(tmp_path / "out"), fake


def test_round_trip_loads_with_zero_rejections_and_follows_paging(tmp_path):
    summary, bundle, fake = export(tmp_path)
    assert bundle.rejected == []
    assert summary.files == {"partners.csv": 2, "accounts.csv": 7, "opportunities.csv": 7}
    assert summary.notes == [
        "deals left out because no company is associated: 1 (e.g. '9876543206')",
        "countries not recognised, kept in the hubspot_country column: 1 (e.g. 'Atlantis')",
    ]
    pages = [(r.path_url.split("?")[0], "after=" in r.url) for r in fake.requests]
    assert pages == [
        ("/crm/v3/objects/companies", False),
        ("/crm/v3/objects/companies", True),
        ("/crm/v3/objects/deals", False),
        ("/crm/v3/objects/deals", True),
    ]
    assert "associations=companies" in fake.requests[2].url


def test_companies_and_deals_are_mapped(tmp_path):
    _, bundle, _ = export(tmp_path)
    accounts = {a.account_id: a for a in bundle.accounts}
    brightwater = accounts["18203456001"]
    assert (brightwater.name, brightwater.domain, brightwater.country, brightwater.status) == (
        "Brightwater Logistics GmbH",
        "brightwater-logistics.de",
        "DE",
        "customer",
    )
    assert (brightwater.industry, brightwater.employees, brightwater.annual_revenue) == (
        "Logistics And Supply Chain",
        850,
        145000000.0,
    )
    assert accounts["18203456003"].domain == "maplegrovehealth.ca"  # from the website URL
    assert accounts["18203456002"].status == "prospect" and accounts["18203456004"].status == "customer"
    assert {p.partner_id: p.type for p in bundle.partners} == {
        "18203456005": "referral",
        "18203456006": "reseller",
    }
    deals = {o.opportunity_id: o for o in bundle.opportunities}
    expansion = deals["9876543201"]
    assert (expansion.account_id, expansion.partner_id, expansion.partner_role) == (
        "18203456001",
        "18203456005",
        "influenced",
    )
    assert (expansion.stage, expansion.amount, expansion.currency) == ("negotiation", 125000.0, "EUR")
    assert (expansion.created_on, expansion.close_date, expansion.last_activity_on) == (
        dt.date(2025, 11, 2),
        dt.date(2026, 3, 31),
        dt.date(2026, 2, 20),
    )
    assert deals["9876543205"].stage == "closed_won"  # a custom stage id, read from hs_is_closed_won
    assert deals["9876543208"].account_id == "18203456006"  # a deal with the reseller itself


def test_rate_limits_are_retried(tmp_path):
    _, bundle, fake = export(tmp_path, RecordedHubSpot(rate_limited=2))
    assert len(bundle.opportunities) == 7 and len(fake.requests) == 6


def test_rate_limit_that_does_not_end_is_bad_input(tmp_path):
    with pytest.raises(BadInput, match="HubSpot answered 429"):
        export(tmp_path, RecordedHubSpot(rate_limited=10), max_retries=1)


def test_bad_token_is_bad_input(tmp_path):
    with pytest.raises(BadInput, match="refused the access token"):
        export(tmp_path, RecordedHubSpot(token="other"))
    with pytest.raises(BadInput, match="hubspot needs access_token"):
        get_connector("hubspot").export_to_folder(tmp_path)
