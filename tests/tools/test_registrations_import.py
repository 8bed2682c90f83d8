"""Programme records from the import folder: rows checked like every table, kept records survive ingest."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from assistant.core.config import Settings
from assistant.engine.context import AppContext
from connectors.csv_folder import read_import_folder
from retrieval import programme_records as PR
from retrieval.ingest import ingest_folder
from tests.tools.programme_world import TODAY, write_world


def test_programme_files_are_read_with_row_errors(tmp_path):
    bundle = read_import_folder(write_world(tmp_path / "in"))
    assert [r.registration_id for r in bundle.deal_registrations] == ["R-IMP-1"]
    assert [lead.lead_id for lead in bundle.leads] == ["L-1"]
    assert bundle.vendor.registration_protection_days == 30 and bundle.vendor.lead_accept_hours == 24
    got = {(r.file, r.line, r.column) for r in bundle.rejected}
    assert ("deal_registrations.csv", 3, "partner_id") in got  # unknown partner P-9
    assert ("deal_registrations.csv", 4, "decided_on") in got  # approved without a date
    assert ("leads.csv", 3, "employees") in got
    assert [m.activity_id for m in bundle.mdf_activities] == ["M-1"]
    assert [c.candidate_id for c in bundle.partner_candidates] == ["C-1"]


def test_opportunity_mdf_reference_is_checked(tmp_path):
    opps = ("opportunity_id,account_id,name,stage,mdf_activity_id\n"
            "O-1,A-2,x,proposal,M-1\nO-2,A-2,y,proposal,M-404\n")
    bundle = read_import_folder(write_world(tmp_path / "in", {"opportunities.csv": opps}))
    assert [o.mdf_activity_id for o in bundle.opportunities] == ["M-1"]
    assert any(r.line == 3 and r.column == "mdf_activity_id" for r in bundle.rejected)


def test_vendor_defaults_without_programme_settings(tmp_path):
    bundle = read_import_folder(write_world(tmp_path / "in", {"vendor.yaml": "name: X\n"}))
    assert (bundle.vendor.registration_protection_days, bundle.vendor.lead_accept_hours) == (90, 48)


@pytest.fixture()
def ctx(tmp_path):
    context = AppContext(Settings(home=tmp_path / "home", today=TODAY))
    yield context
    context.close()


def test_ingest_upserts_imported_keeps_copilot_rows_and_reset_erases(tmp_path, ctx):
    folder = write_world(tmp_path / "in")
    ingest_folder(ctx, folder)
    with ctx.store.session() as s:
        imported = s.get(PR.Registration, "R-IMP-1")
        assert imported.origin == PR.IMPORTED
        assert imported.expires_on.isoformat() == "2025-06-24"  # decided_on + 30 days (vendor.yaml)
        s.add(PR.Registration(registration_id="R-0001", partner_id="P-1", account_name="Kronos",
                              status="submitted", submitted_on=imported.submitted_on))
    regs = (FILE_HEAD + "R-IMP-1,P-3,Madrid Retail SA,,ES,Governance,approved,2025-05-20,2025-05-26\n")
    write_world(folder, {"deal_registrations.csv": regs})
    ingest_folder(ctx, folder)
    with ctx.store.session() as s:
        assert s.get(PR.Registration, "R-0001") is not None  # made in the copilot: kept
        updated = s.get(PR.Registration, "R-IMP-1")
        assert updated.account_name == "Madrid Retail SA" and updated.version == 3
        assert updated.opportunity_id == "O-2"  # linked by account and product at the first ingest
        entry = s.scalars(select(PR.AuditEntry).where(PR.AuditEntry.record_id == "R-IMP-1",
                                                      PR.AuditEntry.action == "import")).one()
        assert entry.before["account_name"] == "Madrid Retail" and entry.after["account_name"] == "Madrid Retail SA"
    write_world(folder, {"deal_registrations.csv": FILE_HEAD})
    ingest_folder(ctx, folder)
    with ctx.store.session() as s:
        assert s.get(PR.Registration, "R-IMP-1") is None  # imported and gone from the folder
        assert s.get(PR.Registration, "R-0001") is not None
    result = ingest_folder(ctx, folder, reset=True)
    assert result.erased["registrations"] == 1
    with ctx.store.session() as s:
        assert s.get(PR.Registration, "R-0001") is None


FILE_HEAD = "registration_id,partner_id,account_name,domain,country,products,status,submitted_on,decided_on\n"


def test_deal_mdf_links_are_stored(tmp_path, ctx):
    opps = ("opportunity_id,account_id,name,stage,mdf_activity_id\n"
            "O-1,A-2,x,proposal,M-1\nO-2,A-2,y,proposal,\n")
    ingest_folder(ctx, write_world(tmp_path / "in", {"opportunities.csv": opps}))
    with ctx.store.session() as s:
        assert [(r.opportunity_id, r.mdf_activity_id) for r in s.scalars(select(PR.OpportunityMdf))] == [("O-1", "M-1")]
