"""Acceptance (issue 20): a registration's whole life over the CLI and over the HTTP API.

submit -> check findings -> approve -> protected with days left -> extend -> a second partner's
submission flagged as a conflict without naming the first -> reject with a reason -> expire as
COSELL_TODAY moves -> plain re-ingest keeps every record -> --reset erases them after saying so.
"""
from __future__ import annotations

import datetime as dt
import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from assistant.api import create_app
from assistant.cli import app
from assistant.core.config import Settings
from assistant.engine.context import AppContext
from retrieval.ingest import ingest_folder
from retrieval.scope import issue_api_key
from tests.tools.programme_world import TODAY, write_world

CLEAN = {
    "deal_registrations.csv": "registration_id,partner_id,account_name,status,submitted_on,decided_on\n"
                              "R-IMP-1,P-3,Madrid Retail,approved,2025-05-20,2025-05-25\n",
    "leads.csv": "lead_id,company,country,products\nL-1,Kronos Kliniken,DE,Governance\n",
}
runner = CliRunner()


def cli(*args: str) -> tuple[int, dict]:
    result = runner.invoke(app, [*args, "--json"])
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1, result.stdout[:500]
    return result.exit_code, json.loads(lines[0])


def text(*args: str) -> str:
    result = runner.invoke(app, list(args))
    return result.stdout + (result.stderr if result.stderr_bytes is not None else "")


@pytest.fixture()
def folder(tmp_path):
    return write_world(tmp_path / "import", CLEAN)


@pytest.fixture()
def env(tmp_path, monkeypatch, folder):
    monkeypatch.setenv("COSELL_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("COSELL_TODAY", TODAY)
    code, data = cli("ingest", str(folder))
    assert code == 0, data
    assert data["deal_registrations"] == 1 and data["leads"] == 1
    return monkeypatch


def test_registration_lifecycle_over_the_cli(env, folder):
    code, reg = cli("registrations", "submit", "--partner", "P-1", "--account", "Kronos Kliniken",
                    "--domain", "kronos-kliniken.example", "--country", "DE", "--products", "Governance",
                    "--amount", "80000", "--close-date", "2026-06-30", "--notes", "met their CIO at a fair",
                    "--as", "u-ps1")
    assert code == 0, reg
    rid = reg["registration_id"]
    assert reg["notes"] == "met their CIO at a fair"
    assert reg["status"] == "submitted" and reg["check"]["verdict"] == "clear" and reg["decided_on"] is None
    assert reg["submitted_on"] == TODAY and reg["days_left"] is None
    # the decision queue: channel managers see the check's full findings, partners their own only
    code, queue = cli("registrations", "list", "--status", "submitted", "--as", "u-cm")
    assert [r["registration_id"] for r in queue["registrations"]] == [rid]
    assert any("A-1" in f for f in queue["registrations"][0]["check"]["findings"])  # resolved to our account
    assert cli("registrations", "list", "--as", "u-ps2")[1]["registrations"] == []
    assert cli("registrations", "list", "--as", "u-mkt")[0] == 4
    assert cli("registrations", "approve", rid, "--as", "u-ps1")[0] == 4  # partners do not decide
    code, approved = cli("registrations", "approve", rid, "--reason", "first in", "--as", "u-cm")
    assert code == 0 and approved["status"] == "approved" and approved["decided_on"] == TODAY
    assert approved["expires_on"] == "2026-04-01" and approved["days_left"] == 30  # vendor.yaml: 30 days
    code, extended = cli("registrations", "extend", rid, "--days", "10", "--as", "u-cm")
    assert code == 0 and extended["expires_on"] == "2026-04-11" and extended["days_left"] == 40
    assert cli("registrations", "approve", rid, "--as", "u-cm")[0] == 2  # already decided
    # a second partner on the same account: a conflict, without the first partner, deal or products
    args = ("registrations", "submit", "--partner", "P-2", "--account", "KRONOS KLINIKEN GMBH",
            "--products", "Governance", "--as", "u-ps2")
    code, second = cli(*args)
    shown = text("registrations", "list", "--as", "u-ps2")
    assert "conflict" in shown
    assert code == 0 and second["check"]["verdict"] == "conflict"
    for leaked in ("P-1", "Alpine", rid, "A-1", "None"):
        assert leaked not in shown and leaked not in json.dumps(second["check"])
    assert second["account_id"] is None
    internal = cli("registrations", "list", "--status", "submitted", "--as", "u-cm")[1]["registrations"]
    assert any(rid in f and "P-1" in f for f in internal[0]["check"]["findings"])
    # not authorised for a product: a warning naming it, not a conflict
    code, new = cli("registrations", "submit", "--partner", "P-3", "--account", "Sevilla Foods",
                    "--country", "ES", "--products", "Lakehouse;Governance", "--as", "u-admin")
    assert new["check"]["verdict"] == "clear"
    assert any("not authorised for Governance" in f for f in new["check"]["findings"])
    assert cli("registrations", "reject", second["registration_id"], "--as", "u-cm")[0] == 2  # needs a reason
    code, rejected = cli("registrations", "reject", second["registration_id"], "--reason", "P-1 registered first",
                         "--as", "u-cm")
    assert code == 0 and rejected["status"] == "rejected" and rejected["reason"] == "P-1 registered first"
    # time passes
    env.setenv("COSELL_TODAY", "2026-04-11")
    last_day = cli("registrations", "list", "--partner", "P-1", "--as", "u-ps1")[1]["registrations"][0]
    assert last_day["status"] == "approved" and last_day["days_left"] == 0
    env.setenv("COSELL_TODAY", "2026-04-12")
    expired = cli("registrations", "list", "--status", "expired", "--as", "u-cm")[1]["registrations"]
    assert [r["registration_id"] for r in expired] == ["R-IMP-1", rid]  # oldest first
    assert expired[1]["days_left"] is None
    code, err = cli("registrations", "extend", rid, "--days", "5", "--as", "u-cm")
    assert code == 2 and "expired" in err["error"]["message"]
    # every change is audited; a plain ingest keeps every record; --reset erases them after saying so
    code, log = cli("audit", "--record", rid)
    assert code == 0 and [e["action"] for e in log["entries"]] == ["extended", "approved", "submit"]
    assert log["entries"][1]["before"]["status"] == "submitted" and log["entries"][1]["user_id"] == "u-cm"
    assert cli("audit", "--as", "u-cm")[0] == 4
    assert cli("ingest", str(folder))[0] == 0
    kept = cli("registrations", "list")[1]["registrations"]
    assert len(kept) == 4 and {r["registration_id"] for r in kept} >= {rid, second["registration_id"], "R-IMP-1"}
    result = runner.invoke(app, ["ingest", str(folder), "--reset", "--json"])
    assert "the records the copilot keeps" in result.stderr and "4 registrations" in result.stderr
    assert json.loads(result.stdout)["erased"]["registrations"] == 4
    assert [r["registration_id"] for r in cli("registrations", "list")[1]["registrations"]] == ["R-IMP-1"]


def test_bad_input_names_the_field(env):
    code, err = cli("registrations", "submit", "--partner", "P-1", "--account", "X", "--close-date", "soon")
    assert code == 2 and "--close-date" in err["error"]["message"]
    code, err = cli("registrations", "submit", "--partner", "P-1", "--account", "X", "--notes", "n" * 3001)
    assert code == 2 and "--notes" in err["error"]["message"]
    code, err = cli("registrations", "submit", "--partner", "P-404", "--account", "X")
    assert code == 2 and "P-404" in err["error"]["message"]
    assert cli("registrations", "submit", "--partner", "P-2", "--account", "X", "--as", "u-ps1")[0] == 4
    code, err = cli("registrations", "approve", "R-9999", "--as", "u-cm")
    assert code == 2 and "R-9999" in err["error"]["message"]
    assert cli("registrations", "list", "--status", "pending")[0] == 2


@pytest.fixture()
def api(tmp_path, folder):
    ctx = AppContext(Settings(home=tmp_path / "api-home", today=TODAY))
    ingest_folder(ctx, folder)
    keys = {u: issue_api_key(ctx.store, u) for u in ("u-admin", "u-cm", "u-mkt", "u-ps1", "u-ps2")}
    with TestClient(create_app(ctx, warm_up=False)) as client:
        yield client, {u: {"Authorization": f"Bearer {k}"} for u, k in keys.items()}, ctx
    ctx.close()


def test_registration_lifecycle_over_the_api(api):
    client, auth, _ctx = api
    body = {"partner_id": "P-1", "account_name": "Kronos Kliniken", "domain": "kronos-kliniken.example",
            "products": ["Governance"]}
    first = client.post("/v1/registrations", json=body, headers=auth["u-ps1"])
    assert first.status_code == 200, first.text
    rid = first.json()["registration_id"]
    assert client.post("/v1/registrations", json={**body, "partner_id": "P-2"}, headers=auth["u-ps1"]).status_code == 403
    assert client.post("/v1/registrations", json={"partner_id": "P-1"}, headers=auth["u-ps1"]).status_code == 422
    assert client.post("/v1/registrations", json={**body, "notes": "x" * 3001},
                       headers=auth["u-ps1"]).status_code == 422  # notes: at most 3000 characters
    assert client.get("/v1/registrations", headers=auth["u-mkt"]).status_code == 403
    assert client.get(f"/v1/registrations/{rid}", headers=auth["u-ps2"]).status_code == 403
    assert client.get("/v1/registrations/R-9999", headers=auth["u-cm"]).status_code == 404
    assert client.post(f"/v1/registrations/{rid}/approve", headers=auth["u-ps1"]).status_code == 403
    approved = client.post(f"/v1/registrations/{rid}/approve", json={"reason": "ok"}, headers=auth["u-cm"]).json()
    assert approved["status"] == "approved" and approved["days_left"] == 30
    extended = client.post(f"/v1/registrations/{rid}/extend", json={"days": 5}, headers=auth["u-cm"]).json()
    assert extended["expires_on"] == (dt.date.fromisoformat(TODAY) + dt.timedelta(days=35)).isoformat()
    second = client.post("/v1/registrations", json={**body, "partner_id": "P-2", "domain": None},
                         headers=auth["u-ps2"]).json()
    assert second["check"]["verdict"] == "conflict" and "P-1" not in json.dumps(second)
    assert client.post(f"/v1/registrations/{second['registration_id']}/reject", json={},
                       headers=auth["u-cm"]).status_code == 422
    rejected = client.post(f"/v1/registrations/{second['registration_id']}/reject",
                           json={"reason": "registered by another partner first"}, headers=auth["u-cm"]).json()
    assert rejected["status"] == "rejected"
    queue = client.get("/v1/registrations", params={"status": "approved"}, headers=auth["u-ps1"]).json()
    assert [r["registration_id"] for r in queue["registrations"]] == [rid]
    log = client.get("/v1/audit", headers=auth["u-admin"]).json()["entries"]
    assert {e["action"] for e in log} >= {"submit", "approved", "extended", "rejected"}
    assert client.get("/v1/audit", headers=auth["u-cm"]).status_code == 403


def test_expiry_reingest_and_reset_over_the_api(tmp_path, folder):
    """The rest of the life over HTTP: protection runs out when today moves (a new server process on the
    same store), an expired registration no longer blocks another partner and cannot be extended, a plain
    `POST /v1/ingest` keeps every record, and `reset` erases them and says how many."""
    home = tmp_path / "api-home"

    def server(today: str):
        ctx = AppContext(Settings(home=home, today=today, import_root=folder.parent))
        return ctx, TestClient(create_app(ctx, warm_up=False))

    ctx, client = server(TODAY)
    ingest_folder(ctx, folder)
    keys = {u: issue_api_key(ctx.store, u) for u in ("u-admin", "u-cm", "u-ps1", "u-ps2")}
    auth = {u: {"Authorization": f"Bearer {k}"} for u, k in keys.items()}
    body = {"partner_id": "P-1", "account_name": "Kronos Kliniken", "products": ["Governance"]}
    with client:
        rid = client.post("/v1/registrations", json=body, headers=auth["u-ps1"]).json()["registration_id"]
        approved = client.post(f"/v1/registrations/{rid}/approve", json={}, headers=auth["u-cm"]).json()
        assert approved["days_left"] == 30 and approved["expires_on"] == "2026-04-01"
    ctx.close()

    ctx, client = server("2026-04-01")  # the last protected day
    with client:
        assert client.get(f"/v1/registrations/{rid}", headers=auth["u-cm"]).json()["days_left"] == 0
        blocked = client.post("/v1/registrations", json={**body, "partner_id": "P-2"}, headers=auth["u-ps2"]).json()
        assert blocked["check"]["verdict"] == "conflict" and "P-1" not in json.dumps(blocked)
        rejected = client.post(f"/v1/registrations/{blocked['registration_id']}/reject",
                               json={"reason": "protected for another partner"}, headers=auth["u-cm"]).json()
        assert rejected["status"] == "rejected"
    ctx.close()

    ctx, client = server("2026-04-02")
    with client:
        expired = client.get(f"/v1/registrations/{rid}", headers=auth["u-cm"]).json()
        assert expired["status"] == "expired" and expired["days_left"] is None
        late = client.post(f"/v1/registrations/{rid}/extend", json={"days": 5}, headers=auth["u-cm"])
        assert late.status_code == 422 and "expired" in late.text
        free = client.post("/v1/registrations", json={**body, "partner_id": "P-2"}, headers=auth["u-ps2"]).json()
        assert free["check"]["verdict"] == "clear", free  # protection ran out: nothing blocks P-2 now
        before = {r["registration_id"]: r["status"]
                  for r in client.get("/v1/registrations", headers=auth["u-admin"]).json()["registrations"]}
        assert len(before) == 4 and before[rid] == "expired"  # 1 imported, 3 submitted here
        plain = client.post("/v1/ingest", json={"path": folder.name}, headers=auth["u-admin"])
        assert plain.status_code == 200 and plain.json()["erased"] == {}
        after = {r["registration_id"]: r["status"]
                 for r in client.get("/v1/registrations", headers=auth["u-admin"]).json()["registrations"]}
        assert after == before
        reset = client.post("/v1/ingest", json={"path": folder.name, "reset": True}, headers=auth["u-admin"])
        assert reset.status_code == 200 and reset.json()["erased"]["registrations"] == 4
    ctx.close()
    ctx, client = server("2026-04-02")
    fresh = issue_api_key(ctx.store, "u-admin")
    with client:
        left = client.get("/v1/registrations", headers={"Authorization": f"Bearer {fresh}"}).json()["registrations"]
        assert [r["registration_id"] for r in left] == ["R-IMP-1"]
    ctx.close()
