"""The connector registry: built-ins and third parties register the same way."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.core.errors import BadInput
from connectors import registry
from connectors.base import Connector, ConnectorSettings, ExportSummary
from connectors.csv_folder import read_import_folder, write_import_folder
from connectors.models import Account, Opportunity, Partner
from connectors.registry import available_connectors, get_connector, register_connector
from tests.connectors.folders import write_folder


def test_builtins_are_listed_with_documented_settings():
    listed = {c.name: c for c in available_connectors()}
    assert {"csv_folder", "salesforce", "hubspot"} <= set(listed)
    assert set(listed["salesforce"].settings) == {
        "instance_url",
        "session_id",
        "api_version",
        "partner_tier_field",
    }
    assert "access_token" in listed["hubspot"].settings and "http_session" not in listed["hubspot"].settings
    assert all(description for c in listed.values() for description in c.settings.values())


def test_unknown_connector_is_bad_input():
    with pytest.raises(BadInput, match=r"unknown connector 'zoho' \(available: .*salesforce"):
        get_connector("zoho")


def test_a_third_party_connector_registers_like_a_builtin(tmp_path, monkeypatch):
    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))

    class TinySettings(ConnectorSettings):
        account_name: str

    @register_connector("tiny")
    class TinyConnector(Connector):
        description = "One account, for the test."
        Settings = TinySettings

        def export(self, out_dir: Path, settings: TinySettings) -> ExportSummary:
            files = write_import_folder(
                out_dir,
                {
                    Partner: [],
                    Opportunity: [],
                    Account: [Account(account_id="A-1", name=settings.account_name, status="Customer")],
                },
            )
            return ExportSummary(connector=self.name, out_dir=str(out_dir), files=files)

    summary = get_connector("tiny").export_to_folder(tmp_path, account_name="Acme, Inc.")
    assert summary.files == {"partners.csv": 0, "accounts.csv": 1, "opportunities.csv": 0}
    bundle = read_import_folder(tmp_path)
    assert bundle.rejected == [] and bundle.accounts[0].name == "Acme, Inc."
    with pytest.raises(BadInput, match="tiny settings: account_name: Field required"):
        get_connector("tiny").export_to_folder(tmp_path)


def test_csv_folder_export_writes_the_valid_rows_normalised(tmp_path):
    source = write_folder(
        tmp_path / "in",
        {
            "accounts.csv": "account_id,name,status,domain,Segment\nA-1,Acme,CUSTOMER,https://www.acme.com/,Ent\n"
            "A-2,Beta,client,,\n",
            "opportunities.csv": "opportunity_id,account_id,name,stage\nO-1,A-1,D,Closed Won\n",
            "content/a.md": "# A\n",
            "vendor.yaml": "name: Northwind\n",
        },
    )
    summary = get_connector("csv_folder").export_to_folder(tmp_path / "out", path=source)
    assert summary.files["accounts.csv"] == 1
    assert summary.notes == [
        "accounts.csv:3: status must be one of customer, prospect, former_customer (got 'client')"
    ]
    text = (tmp_path / "out" / "accounts.csv").read_text()
    assert text.splitlines()[1] == "A-1,Acme,acme.com,,,,,customer,,Ent"
    again = read_import_folder(tmp_path / "out")
    assert again.rejected == [] and again.vendor.name == "Northwind" and len(again.documents) == 1
    assert again.opportunities[0].stage == "closed_won"
    with pytest.raises(BadInput, match="must differ"):
        get_connector("csv_folder").export_to_folder(source, path=source)


def test_exported_cells_never_run_as_spreadsheet_formulas_and_round_trip(tmp_path):
    hostile = ['=HYPERLINK("http://evil.example","click")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3"]
    accounts = [Account(account_id=f"A-{i}", name=name, status="customer") for i, name in enumerate(hostile)]
    write_import_folder(tmp_path, {Partner: [], Opportunity: [], Account: accounts})
    raw = (tmp_path / "accounts.csv").read_text(encoding="utf-8")
    for name in hostile:  # a spreadsheet shows these as text: each cell starts with an apostrophe
        assert f",{name}," not in raw and f",\"{name}" not in raw
    bundle = read_import_folder(tmp_path)
    assert bundle.rejected == [] and [a.name for a in bundle.accounts] == hostile
