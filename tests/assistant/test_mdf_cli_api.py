"""Acceptance (issue 21): an MDF activity's whole life over the CLI and over the HTTP API.

request within the quarterly budget -> a request over it is refused naming the budget -> approve at most
the requested amount, within the budget -> reject with a reason -> claim at most the approved amount, with
leads -> pay (admins) -> audited; partner sellers request and claim for their own partner and never see or
decide another's; marketers list and read the return.
"""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from assistant.api import create_app
from assistant.core.config import Settings
from assistant.engine.context import AppContext
from retrieval.ingest import ingest_folder
from retrieval.scope import issue_api_key
from tests.cosell_cli import cli
from tests.tools.programme_world import FILES, TODAY, write_world

# Q1 2026 (TODAY is 2026-03-02): P-1 has 3 x 5,000 allocated, P-2 3 x 3,000; Q2: P-1 3 x 4,000.
MDF_WORLD = {
    "deal_registrations.csv": None, "leads.csv": None,  # the rows the registration tests reject on purpose
    "partner_activity.csv": "partner_id,month,mdf_allocated,mdf_spent\n" + "".join(
        f"P-1,2026-{m:02d},{5000 if m <= 3 else 4000},0\n" for m in range(1, 7)) + "".join(
        f"P-2,2026-{m:02d},3000,0\n" for m in range(1, 4)),
    "mdf_activities.csv": (
        "activity_id,partner_id,name,kind,status,requested_amount,approved_amount,claimed_amount,paid_amount,"
        "requested_on,start_on,end_on,leads\n"
        "M-1,P-1,Healthcare roadshow,event,requested,5000,,,,2026-02-20,2026-03-20,2026-03-21,\n"
        "M-IMP-2,P-1,Partner webinar,webinar,approved,4000,4000,,,2026-01-05,2026-02-10,2026-02-12,\n"
        "M-IMP-3,P-2,Logistics summit,event,paid,3000,3000,3000,3000,2025-09-01,2025-10-01,2025-10-02,9\n"
    ),
    "opportunities.csv": FILES["opportunities.csv"].replace("partner_role,amount\n", "partner_role,amount,mdf_activity_id\n")
    .replace("sourced,50000\n", "sourced,50000,M-IMP-3\n").replace("sourced,30000\n", "sourced,30000,M-IMP-3\n"),
}


@pytest.fixture()
def folder(tmp_path):
    return write_world(tmp_path / "import", MDF_WORLD)


@pytest.fixture()
def env(tmp_path, monkeypatch, folder):
    monkeypatch.setenv("COSELL_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("COSELL_TODAY", TODAY)
    code, data = cli("ingest", str(folder))
    assert code == 0 and data["mdf_activities"] == 3, data
    return monkeypatch


def test_mdf_lifecycle_over_the_cli(env, folder):
    code, req = cli("mdf", "request", "--partner", "P-1", "--name", "Kliniken roadshow", "--amount", "8000",
                    "--kind", "event", "--start", "2026-03-10", "--end", "2026-03-12", "--as", "u-ps1")
    assert code == 0, req
    mid = req["activity_id"]
    assert req["status"] == "requested" and req["requested_amount"] == 8000 and req["quarter"] == "2026-Q1"
    assert req["requested_on"] == TODAY and req["partner_id"] == "P-1"
    # the budget: 15,000 for Q1, 4,000 already approved (M-IMP-2): 12,000 more does not fit, and says why
    code, err = cli("mdf", "request", "--partner", "P-1", "--name", "Too much", "--amount", "12000",
                    "--start", "2026-03-15", "--as", "u-ps1")
    message = err["error"]["message"]
    assert code == 2 and all(s in message for s in ("P-1", "2026-Q1", "15,000", "4,000", "12,000")), message
    # ... while Q2 has its own budget
    code, q2 = cli("mdf", "request", "--partner", "P-1", "--name", "Spring webinar", "--amount", "3000",
                   "--kind", "webinar", "--start", "2026-04-15", "--as", "u-cm")
    assert code == 0 and q2["quarter"] == "2026-Q2"
    # who sees and does what
    assert cli("mdf", "request", "--partner", "P-2", "--name", "X", "--amount", "10", "--as", "u-ps1")[0] == 4
    assert cli("mdf", "request", "--partner", "P-1", "--name", "X", "--amount", "10", "--as", "u-mkt")[0] == 4
    assert [a["partner_id"] for a in cli("mdf", "list", "--as", "u-ps2")[1]["activities"]] == ["P-2"]
    assert cli("mdf", "list", "--partner", "P-1", "--as", "u-ps2")[0] == 4
    assert len(cli("mdf", "list", "--as", "u-mkt")[1]["activities"]) == 5
    assert cli("mdf", "approve", mid, "--as", "u-ps1")[0] == 4
    assert cli("mdf", "approve", mid, "--as", "u-mkt")[0] == 4
    # approve at most the requested amount
    code, err = cli("mdf", "approve", mid, "--amount", "9000", "--as", "u-cm")
    assert code == 2 and mid in err["error"]["message"] and "8,000" in err["error"]["message"]
    code, approved = cli("mdf", "approve", mid, "--amount", "7000", "--reason", "booth only", "--as", "u-cm")
    assert code == 0 and approved["status"] == "approved" and approved["approved_amount"] == 7000
    # M-1 asks 5,000 in Q1: 4,000 + 7,000 + 5,000 > 15,000; 4,000 fits exactly
    code, err = cli("mdf", "approve", "M-1", "--as", "u-cm")
    assert code == 2 and "M-1" in err["error"]["message"] and "11,000" in err["error"]["message"]
    assert cli("mdf", "approve", "M-1", "--amount", "4000", "--as", "u-admin")[1]["approved_amount"] == 4000
    assert cli("mdf", "approve", mid, "--as", "u-cm")[0] == 2  # already decided
    # reject needs a reason
    assert cli("mdf", "reject", q2["activity_id"], "--as", "u-cm")[0] == 2
    code, rejected = cli("mdf", "reject", q2["activity_id"], "--reason", "no webinars in Q2", "--as", "u-cm")
    assert code == 0 and rejected["status"] == "rejected" and rejected["reason"] == "no webinars in Q2"
    code, err = cli("mdf", "claim", q2["activity_id"], "--amount", "100", "--as", "u-ps1")
    assert code == 2 and "rejected" in err["error"]["message"] and q2["activity_id"] in err["error"]["message"]
    # claim at most the approved amount, by the partner's own seller
    code, err = cli("mdf", "claim", mid, "--amount", "7500", "--as", "u-ps1")
    assert code == 2 and "7,000" in err["error"]["message"]
    assert cli("mdf", "claim", mid, "--amount", "6500", "--as", "u-ps2")[0] == 4
    code, claimed = cli("mdf", "claim", mid, "--amount", "6500", "--leads", "12", "--as", "u-ps1")
    assert code == 0 and claimed["status"] == "claimed" and claimed["claimed_amount"] == 6500 and claimed["leads"] == 12
    # only admins pay
    assert cli("mdf", "pay", mid, "--as", "u-cm")[0] == 4
    code, paid = cli("mdf", "pay", mid, "--as", "u-admin")
    assert code == 0 and paid["status"] == "paid" and paid["paid_amount"] == 6500
    assert cli("mdf", "pay", mid, "--as", "u-admin")[0] == 2
    # reminders: M-IMP-2 ended 2026-02-12 unclaimed; M-1 approved, starts later
    listed = {a["activity_id"]: a for a in cli("mdf", "list", "--as", "u-cm")[1]["activities"]}
    assert listed["M-IMP-2"]["due"] == "claim" and listed["M-1"]["due"] is None
    env.setenv("COSELL_TODAY", "2026-03-20")
    assert cli("mdf", "list", "--status", "approved")[1]["activities"][0]["activity_id"] == "M-IMP-2"
    env.setenv("COSELL_TODAY", "2026-03-21")
    listed = {a["activity_id"]: a for a in cli("mdf", "list", "--status", "approved")[1]["activities"]}
    assert listed["M-1"]["due"] == "start"
    # every change is audited; a plain ingest keeps what the copilot made
    code, log = cli("audit", "--record", mid)
    assert [e["action"] for e in log["entries"]] == ["paid", "claimed", "approved", "request"]
    assert log["entries"][2]["user_id"] == "u-cm" and log["entries"][2]["before"]["status"] == "requested"
    assert cli("ingest", str(folder))[0] == 0
    kept = {a["activity_id"]: a for a in cli("mdf", "list")[1]["activities"]}
    assert kept[mid]["status"] == "paid" and kept[q2["activity_id"]]["status"] == "rejected"
    # the CRM's next export names the activity requested in the copilot on the deal it sourced
    opportunities = folder / "opportunities.csv"
    opportunities.write_text(opportunities.read_text() + f"O-5,A-1,Kliniken win,closed_won,Lakehouse,2026-03-12,"
                             f"P-1,sourced,65000,{mid}\n")
    code, data = cli("ingest", str(folder))
    assert code == 0 and data["opportunities"] == 3, data
    roi = cli("mdf", "roi", "--partner", "P-1", "--as", "u-ps1")[1]
    mine = next(a for a in roi["activities"] if a["activity_id"] == mid)
    assert (mine["paid"], mine["won"], mine["roi"]) == (6500, 65000, 10.0)


def test_roi_and_permissions_over_the_cli(env):
    code, roi = cli("mdf", "roi", "--from", "2025-07-01", "--to", "2026-06-30", "--as", "u-mkt")
    assert code == 0 and roi["from"] == "2025-07-01" and roi["currency"] == "USD"
    by_id = {a["activity_id"]: a for a in roi["activities"]}
    # O-1 (open, 50,000) and O-2 (closed_won, 30,000) came from M-IMP-3, paid 3,000
    assert by_id["M-IMP-3"] == {**by_id["M-IMP-3"], "paid": 3000, "pipeline": 50000, "won": 30000, "roi": 10.0}
    assert by_id["M-IMP-2"]["roi"] is None and by_id["M-IMP-2"]["paid"] == 0
    assert {p["partner_id"] for p in roi["partners"]} == {"P-1", "P-2"}
    mine = cli("mdf", "roi", "--from", "2025-07-01", "--to", "2026-06-30", "--as", "u-ps1")[1]
    assert {a["partner_id"] for a in mine["activities"]} == {"P-1"} and "M-IMP-3" not in json.dumps(mine)
    assert [p["partner_id"] for p in mine["partners"]] == ["P-1"]
    assert cli("mdf", "roi", "--partner", "P-2", "--as", "u-ps1")[0] == 4
    code, err = cli("mdf", "roi", "--from", "soon")
    assert code == 2 and "--from" in err["error"]["message"]
    assert cli("mdf", "list", "--status", "pending")[0] == 2
    code, err = cli("mdf", "approve", "M-404", "--as", "u-cm")
    assert code == 2 and "M-404" in err["error"]["message"]
    code, err = cli("mdf", "request", "--partner", "P-1", "--name", "X", "--amount", "10", "--kind", "party")
    assert code == 2 and "--kind" in err["error"]["message"]
    code, err = cli("mdf", "request", "--partner", "P-404", "--name", "X", "--amount", "10")
    assert code == 2 and "P-404" in err["error"]["message"]


@pytest.fixture()
def api(tmp_path, folder):
    ctx = AppContext(Settings(home=tmp_path / "api-home", today=TODAY))
    ingest_folder(ctx, folder)
    keys = {u: issue_api_key(ctx.store, u) for u in ("u-admin", "u-cm", "u-mkt", "u-ps1", "u-ps2")}
    with TestClient(create_app(ctx, warm_up=False)) as client:
        yield client, {u: {"Authorization": f"Bearer {k}"} for u, k in keys.items()}
    ctx.close()


def test_mdf_lifecycle_over_the_api(api):
    client, auth = api
    body = {"partner_id": "P-1", "name": "Kliniken roadshow", "amount": 8000, "kind": "event",
            "start_on": "2026-03-10", "end_on": "2026-03-12"}
    first = client.post("/v1/mdf", json=body, headers=auth["u-ps1"])
    assert first.status_code == 200, first.text
    mid = first.json()["activity_id"]
    over = client.post("/v1/mdf", json={**body, "amount": 12000}, headers=auth["u-ps1"])
    assert over.status_code == 422 and "2026-Q1" in over.text and "15,000" in over.text
    assert client.post("/v1/mdf", json={**body, "partner_id": "P-2"}, headers=auth["u-ps1"]).status_code == 403
    assert client.post("/v1/mdf", json={**body, "amount": -5}, headers=auth["u-ps1"]).status_code == 422
    assert client.get(f"/v1/mdf/{mid}", headers=auth["u-ps2"]).status_code == 403
    assert client.get("/v1/mdf/M-404", headers=auth["u-cm"]).status_code == 404
    assert [a["partner_id"] for a in client.get("/v1/mdf", headers=auth["u-ps2"]).json()["activities"]] == ["P-2"]
    assert client.get("/v1/mdf", headers=auth["u-mkt"]).status_code == 200
    assert client.post(f"/v1/mdf/{mid}/approve", headers=auth["u-ps1"]).status_code == 403
    assert client.post(f"/v1/mdf/{mid}/approve", json={"amount": 9000}, headers=auth["u-cm"]).status_code == 422
    approved = client.post(f"/v1/mdf/{mid}/approve", json={"amount": 7000}, headers=auth["u-cm"]).json()
    assert approved["status"] == "approved" and approved["approved_amount"] == 7000
    assert client.post("/v1/mdf/M-1/approve", headers=auth["u-cm"]).status_code == 422  # over the budget
    assert client.post("/v1/mdf/M-1/reject", json={}, headers=auth["u-cm"]).status_code == 422
    rejected = client.post("/v1/mdf/M-1/reject", json={"reason": "over budget"}, headers=auth["u-cm"]).json()
    assert rejected["status"] == "rejected"
    assert client.post(f"/v1/mdf/{mid}/claim", json={"amount": 7500}, headers=auth["u-ps1"]).status_code == 422
    assert client.post(f"/v1/mdf/{mid}/claim", json={"amount": 6000}, headers=auth["u-ps2"]).status_code == 403
    claimed = client.post(f"/v1/mdf/{mid}/claim", json={"amount": 6000, "leads": 4}, headers=auth["u-ps1"]).json()
    assert claimed["status"] == "claimed" and claimed["leads"] == 4
    assert client.post(f"/v1/mdf/{mid}/pay", headers=auth["u-cm"]).status_code == 403
    assert client.post(f"/v1/mdf/{mid}/pay", headers=auth["u-admin"]).json()["paid_amount"] == 6000
    roi = client.get("/v1/mdf/roi", params={"from": "2025-07-01", "to": "2026-06-30"}, headers=auth["u-mkt"]).json()
    assert {a["activity_id"]: a["paid"] for a in roi["activities"]}[mid] == 6000
    assert set(roi) >= {"from", "to", "currency", "activities", "partners"}
    theirs = client.get("/v1/mdf/roi", params={"partner": "P-1"}, headers=auth["u-ps2"])
    assert theirs.status_code == 403
    assert client.get("/v1/mdf/advice", headers=auth["u-cm"]).status_code == 200
    log = client.get("/v1/audit", headers=auth["u-admin"]).json()["entries"]
    assert [e["action"] for e in log if e["record_id"] == mid] == ["paid", "claimed", "approved", "request"]


def test_a_partner_filter_names_a_known_partner_in_any_case(env):
    """CLI.md exit 2 / HTTP 404 for an unknown id: `--partner NOPE` is bad input, not an empty (or, for
    advice, an unfiltered) answer; ids are matched in any case, like every other id."""
    for args in (["mdf", "list"], ["mdf", "roi"], ["mdf", "advice"], ["registrations", "list"]):
        code, data = cli(*args, "--partner", "P-404")
        assert code == 2 and "unknown partner 'P-404'" in data["error"]["message"], (args, data)
        code, data = cli(*args, "--partner", "P-404", "--as", "u-ps1")
        assert code == 4, (args, data)  # a partner seller learns nothing about other ids
    code, listed = cli("mdf", "list", "--partner", "p-1")
    assert code == 0 and {a["activity_id"] for a in listed["activities"]} == {"M-1", "M-IMP-2"}
    code, roi = cli("mdf", "roi", "--partner", "p-2", "--from", "2025-01-01", "--to", "2026-12-31")
    assert code == 0 and [p["partner_id"] for p in roi["partners"]] == ["P-2"]


def test_a_partner_filter_over_http_is_404_when_unknown(api):
    client, keys = api
    for path in ("/v1/mdf", "/v1/mdf/roi", "/v1/mdf/advice", "/v1/registrations"):
        response = client.get(path, params={"partner": "P-404"}, headers=keys["u-admin"])
        assert response.status_code == 404, (path, response.text)
