"""Issue 20 item 5: next-best actions and the weekly digest list registrations to decide, registrations
about to expire and leads waiting past half their acceptance window, each with its numbers, and a partner
seller never sees another partner's."""
from __future__ import annotations

import json

import pytest

from assistant.cli import app
from tests.cosell_cli import cli, runner
from tests.tools.programme_world import FILES, write_world

START, ASSIGN, CHECK = "2026-03-02", "2026-03-18", "2026-03-20"
WORLD = {
    "vendor.yaml": "name: Northwind\nregistration_protection_days: 30\nlead_accept_hours: 72\n",
    # P-1 and P-2 are u-cm's partners, P-3 is u-cm2's
    "partners.csv": (
        "partner_id,name,type,tier,countries,competencies,industries,channel_manager\n"
        "P-1,Alpine IT,var,gold,DE;AT,Lakehouse;Governance,Healthcare,u-cm\n"
        "P-2,Rhein Systems,system_integrator,silver,DE,Lakehouse;Governance,Healthcare;Retail,u-cm\n"
        "P-3,Iberia Cloud,reseller,registered,ES,Lakehouse,Retail,u-cm2\n"
    ),
    "users.csv": FILES["users.csv"] + "u-cm2,Cleo,channel_manager,\n",
    "deal_registrations.csv": None,
    "leads.csv": (
        "lead_id,company,domain,country,industry,products,employees,amount,created_on\n"
        "L-1,Kronos Kliniken,kronos-kliniken.example,DE,Healthcare,Governance,4000,80000,2026-02-20\n"
        "L-2,Lisboa Saude,lisboasaude.example,PT,Healthcare,Lakehouse,300,,2026-02-21\n"
        "L-3,Hansa Logistik,hansa.example,DE,Logistics,Lakehouse,500,20000,2026-02-22\n"
    ),
}


def submit(partner: str, account: str, user: str, amount: str) -> str:
    code, reg = cli("registrations", "submit", "--partner", partner, "--account", account, "--country", "DE",
                    "--products", "Lakehouse", "--amount", amount, "--as", user)
    assert code == 0, reg
    return reg["registration_id"]


@pytest.fixture()
def world(tmp_path, monkeypatch):
    """On START: P-1's registration approved (protected 30 days, to 2026-04-01), one more of P-1's and one
    each of P-2 and P-3 left submitted. On ASSIGN: L-1 to P-1 and L-2 to P-2 (72 hours to accept). On
    CHECK (two days later): L-3 assigned to P-1 just now; the clock stays on CHECK."""
    monkeypatch.setenv("COSELL_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("COSELL_TODAY", START)
    assert cli("ingest", str(write_world(tmp_path / "import", WORLD)))[0] == 0
    ids = {"r1": submit("P-1", "Kronos Kliniken", "u-ps1", "80000"),
           "r4": submit("P-1", "Baltic Freight", "u-ps1", "15000"),
           "r2": submit("P-2", "Lisboa Saude", "u-ps2", "40000"),
           "r3": submit("P-3", "Madrid Retail", "u-admin", "30000")}
    code, approved = cli("registrations", "approve", ids["r1"], "--as", "u-cm")
    assert code == 0 and approved["expires_on"] == "2026-04-01"
    monkeypatch.setenv("COSELL_TODAY", ASSIGN)
    assert cli("leads", "assign", "L-1", "P-1", "--as", "u-cm")[0] == 0
    assert cli("leads", "assign", "L-2", "P-2", "--as", "u-cm")[0] == 0
    monkeypatch.setenv("COSELL_TODAY", CHECK)
    assert cli("leads", "assign", "L-3", "P-1", "--as", "u-cm")[0] == 0
    return ids


def actions(partner: str, user: str) -> list[dict]:
    code, out = cli("nba", "--partner", partner, "--as", user)
    assert code == 0, out
    return out["actions"]


def by_kind(found: list[dict], kind: str) -> dict[str, dict]:
    return {a["subject_id"]: a for a in found if a["kind"] == kind}


def test_partner_seller_sees_own_expiring_registration_and_waiting_lead(world):
    found = actions("P-1", "u-ps1")
    expiring = by_kind(found, "registration_expiring")
    assert list(expiring) == [world["r1"]]
    evidence = " ".join(expiring[world["r1"]]["evidence"])
    assert "2026-04-01" in evidence and "12 days left" in evidence  # 2026-03-20 -> 2026-04-01
    assert "12 days" in expiring[world["r1"]]["title"]
    waiting = by_kind(found, "lead_waiting")
    assert list(waiting) == ["L-1"]  # L-3 was assigned just now: not half its window yet
    leads = cli("leads", "list", "--as", "u-ps1")[1]
    accept_by = next(x["accept_by"] for x in leads["leads"] if x["lead_id"] == "L-1")
    assert f"accept_by {accept_by[:16].replace('T', ' ')}" in " ".join(waiting["L-1"]["evidence"])
    assert "24 hours left" in waiting["L-1"]["title"]  # 72-hour window, 48 hours gone
    # deciding is the channel team's: a partner seller gets no decision action, even for its own submission
    assert by_kind(found, "registration_to_decide") == {}
    subjects = {a["subject_id"] for a in found}
    assert not subjects & {world["r2"], world["r3"], "L-2"}  # never another partner's records
    assert all("Lisboa" not in a["title"] and "Madrid" not in a["title"] for a in found)


def test_partner_seller_may_not_ask_for_another_partner(world):
    code, out = cli("nba", "--partner", "P-2", "--as", "u-ps1")
    assert code == 4 and world["r2"] not in json.dumps(out) and "L-2" not in json.dumps(out)


def test_channel_team_sees_registrations_to_decide_with_their_age(world):
    found = actions("P-1", "u-cm")
    decide = by_kind(found, "registration_to_decide")
    assert list(decide) == [world["r4"]]  # r1 is decided already
    assert "waiting 18 days" in " ".join(decide[world["r4"]]["evidence"])  # 2026-03-02 -> 2026-03-20
    assert list(by_kind(found, "registration_expiring")) == [world["r1"]]
    assert list(by_kind(found, "lead_waiting")) == ["L-1"]
    other = actions("P-2", "u-admin")
    assert list(by_kind(other, "registration_to_decide")) == [world["r2"]]
    assert list(by_kind(other, "lead_waiting")) == ["L-2"]
    assert not {a["subject_id"] for a in other} & {world["r1"], world["r4"], "L-1", "L-3"}
    # ranked with the other actions: a waiting lead of 80,000 outranks a decision on 15,000
    ranks = {a["subject_id"]: a["priority"] for a in found}
    assert ranks["L-1"] < ranks[world["r4"]]


def test_digest_lists_registrations_and_leads_of_the_managers_partners(world):
    code, d = cli("digest", "--user", "u-cm", "--as", "u-admin")
    assert code == 0, d
    regs = {r["registration_id"]: r for r in d["registrations"]}
    assert set(regs) == {world["r1"], world["r2"], world["r4"]}  # P-3 is u-cm2's partner
    assert regs[world["r1"]]["state"] == "expiring" and regs[world["r1"]]["days_left"] == 12
    assert regs[world["r2"]]["state"] == "to_decide" and regs[world["r2"]]["age_days"] == 18
    assert [x["lead_id"] for x in d["leads"]] == ["L-1", "L-2"]
    text = "\n".join(b["text"]["text"] for b in d["blocks"] if b["type"] == "section")
    assert "*Registrations to decide / expiring* (3)" in text and "*Leads waiting* (2)" in text
    assert "expires 2026-04-01 (12 days left)" in text and "waiting 18 days for a decision" in text
    assert "Kronos Kliniken (L-1) with Alpine IT (P-1)" in text
    other = cli("digest", "--user", "u-cm2", "--as", "u-admin")[1]
    assert [r["registration_id"] for r in other["registrations"]] == [world["r3"]] and other["leads"] == []
    everyone = cli("digest", "--user", "u-admin", "--as", "u-admin")[1]
    assert len(everyone["registrations"]) == 4
    printed = runner.invoke(app, ["digest", "--user", "u-cm", "--as", "u-admin"])
    assert printed.exit_code == 0 and f"registration {world['r2']} (P-2, Lisboa Saude): waiting 18 days" in printed.stdout
    assert "lead L-1 (P-1, Kronos Kliniken): not accepted" in printed.stdout


def test_a_deal_with_a_registration_record_is_said_once(world, tmp_path, monkeypatch):
    """The approved registration meets its deal at the next ingest: the record's dates speak for the deal,
    not the deal rules' estimate from its creation date."""
    opps = FILES["opportunities.csv"] + "O-9,A-1,Kronos lakehouse,proposal,Lakehouse,2025-12-25,P-1,sourced,80000\n"
    folder = write_world(tmp_path / "import", {**WORLD, "opportunities.csv": opps.replace(
        "partner_role,amount\n", "partner_role,amount,registered_by\n").replace(",80000\n", ",80000,P-1\n")})
    assert cli("ingest", str(folder))[0] == 0
    linked = cli("registrations", "list", "--as", "u-cm")[1]["registrations"]
    assert next(r["opportunity_id"] for r in linked if r["registration_id"] == world["r1"]) == "O-9"
    found = actions("P-1", "u-cm")
    about_registrations = [a for a in found if a["kind"].startswith("registration_") and a["kind"] != "registration_to_decide"]
    assert [(a["kind"], a["subject_id"]) for a in about_registrations] == [("registration_expiring", world["r1"])]
    assert "Linked to deal O-9" in about_registrations[0]["evidence"]
