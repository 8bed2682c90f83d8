"""Leads over the CLI: route with match's engine, assign, decline, expire, route again without those
that passed, accept, and converted once the deal appears in a later ingest."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.cosell_cli import cli
from tests.tools.programme_world import FILES, TODAY, write_world

CLEAN = {"deal_registrations.csv": None, "leads.csv":
         "lead_id,company,domain,country,industry,products,employees,amount,created_on\n"
         "L-1,Kronos Kliniken,kronos-kliniken.example,DE,Healthcare,Governance,4000,80000,2026-02-20\n"
         "L-2,Lisboa Saude,lisboasaude.example,PT,Healthcare,Lakehouse,300,,2026-02-21\n"}


@pytest.fixture()
def env(tmp_path, monkeypatch):
    folder = write_world(tmp_path / "import", CLEAN)
    monkeypatch.setenv("COSELL_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("COSELL_TODAY", TODAY)
    assert cli("ingest", str(folder))[0] == 0
    return monkeypatch, folder


def test_lead_lifecycle(env):
    monkeypatch, folder = env
    code, routed = cli("leads", "route", "L-1", "--as", "u-cm")
    assert code == 0 and routed["account_id"] == "A-1"  # resolved to our account by domain
    assert routed["ranker"] == cli("match", "O-1", "--as", "u-cm")[1]["model"]  # the same ranker as match
    ranked = [p["partner_id"] for p in routed["partners"]]
    assert set(ranked[:2]) == {"P-1", "P-2"}  # sell in DE, authorised for Governance, in healthcare
    assert set(routed["partners"][0]) >= {"partner_id", "name", "score", "eligible", "reasons", "conflicts"}
    p3 = next(p for p in routed["partners"] if p["partner_id"] == "P-3")
    assert any("Not authorised for Governance" in c for c in p3["conflicts"])
    assert cli("leads", "route", "L-1", "--as", "u-ps1")[0] == 4
    code, lead = cli("leads", "assign", "L-1", "P-1", "--as", "u-cm")
    assert code == 0 and lead["status"] == "assigned" and lead["partner_id"] == "P-1"
    accept_by = dt.datetime.fromisoformat(lead["accept_by"])
    assert accept_by - dt.datetime.fromisoformat(lead["assigned_at"]) == dt.timedelta(hours=24)
    assert [x["lead_id"] for x in cli("leads", "list", "--as", "u-ps1")[1]["leads"]] == ["L-1"]
    assert cli("leads", "list", "--as", "u-ps2")[1]["leads"] == []
    assert cli("leads", "list", "--as", "u-mkt")[0] == 4
    assert cli("leads", "accept", "L-1", "--as", "u-ps2")[0] == 4  # not their partner's lead
    code, declined = cli("leads", "decline", "L-1", "--reason", "no capacity", "--as", "u-ps1")
    assert code == 0 and declined["status"] == "declined" and declined["passed_by"] == ["P-1"]
    again = cli("leads", "route", "L-1", "--as", "u-cm")[1]
    assert "P-1" not in [p["partner_id"] for p in again["partners"]] and again["excluded"] == ["P-1"]
    assert cli("leads", "assign", "L-1", "P-1", "--as", "u-cm")[0] == 2
    assert cli("leads", "assign", "L-1", "P-2", "--as", "u-cm")[1]["status"] == "assigned"
    monkeypatch.setenv("COSELL_TODAY", "2026-03-04")  # past the 24 hours
    expired = cli("leads", "list", "--status", "expired")[1]["leads"]
    assert [x["lead_id"] for x in expired] == ["L-1"]
    assert expired[0]["passed_by"] == ["P-1", "P-2"]  # the partner that let it expire, as assign reads it
    code, err = cli("leads", "accept", "L-1", "--as", "u-ps2")
    assert code == 2 and "expired" in err["error"]["message"]
    third = cli("leads", "route", "L-1", "--as", "u-cm")[1]
    assert third["excluded"] == ["P-1", "P-2"] and [p["partner_id"] for p in third["partners"]] == ["P-3"]
    assert cli("leads", "assign", "L-1", "P-3", "--as", "u-cm")[1]["passed_by"] == ["P-1", "P-2"]
    assert cli("leads", "accept", "L-1", "--as", "u-admin")[1]["status"] == "accepted"
    # the deal appears in a later ingest: the lead is converted and linked
    opps = FILES["opportunities.csv"] + "O-9,A-1,Kronos governance,qualification,Governance,2026-03-04,P-3,sourced,80000\n"
    write_world(folder, {**CLEAN, "opportunities.csv": opps})
    assert cli("ingest", str(folder))[0] == 0
    converted = cli("leads", "list", "--status", "converted")[1]["leads"]
    assert [(x["lead_id"], x["opportunity_id"]) for x in converted] == [("L-1", "O-9")]
    log = cli("audit", "--record", "L-1")[1]["entries"]
    assert [e["action"] for e in reversed(log)] == ["assigned", "declined", "assigned", "assigned", "accepted",
                                                    "converted"]
    assert log[-1]["user_id"] == "u-cm" and log[-1]["before"]["status"] == "new"


def test_unknown_lead_and_partner_are_bad_input(env):
    code, err = cli("leads", "route", "L-404")
    assert code == 2 and "L-404" in err["error"]["message"]
    code, err = cli("leads", "assign", "L-1", "P-404")
    assert code == 2 and "P-404" in err["error"]["message"]
    assert cli("leads", "list", "--status", "maybe")[0] == 2


def test_what_to_act_on_for_nba_and_the_digest(env):
    from assistant.core.config import Settings
    from assistant.engine.context import AppContext
    from retrieval.programme_records import LeadRow
    from retrieval.scope import Scope
    from tools.leads.service import leads_waiting
    from tools.registrations.service import registrations_to_act_on

    _ = env
    cli("leads", "assign", "L-1", "P-1")
    rid = cli("registrations", "submit", "--partner", "P-1", "--account", "Kronos Kliniken")[1]["registration_id"]
    other = cli("registrations", "submit", "--partner", "P-2", "--account", "Baltic Freight")[1]["registration_id"]
    cli("registrations", "approve", rid)

    def acts(today: str):
        ctx = AppContext(Settings(today=today))
        try:
            return registrations_to_act_on(ctx, Scope.operator()), leads_waiting(ctx, Scope.operator())
        finally:
            ctx.close()

    regs, waiting = acts(TODAY)
    assert [r.registration_id for r in regs["to_decide"]] == [other] and regs["expiring"] == [] and waiting == []
    regs, waiting = acts("2026-03-20")  # 12 days left of 30 (warning at 14); the lead: past 24 hours
    assert [r.registration_id for r in regs["expiring"]] == [rid]
    assert waiting == []  # expired, no longer waiting
    ctx = AppContext(Settings(today=TODAY))
    with ctx.store.session() as s:  # a 72-hour window: waiting past its half after two days, not after one
        lead = s.get(LeadRow, "L-1")
        lead.accept_by = lead.assigned_at + dt.timedelta(hours=72)
    ctx.close()
    assert acts("2026-03-03")[1] == [] and [x.lead_id for x in acts("2026-03-04")[1]] == ["L-1"]


def test_a_partner_that_already_works_a_new_company_is_routed_first(tmp_path, monkeypatch):
    """A lead for a company that is not our account: the partners' shared accounts are handed to the
    engine as relationships, so the ranker in use lifts the partner whose own CRM has it as a customer to
    the top, with that as its first reason; a prospect there is a weaker relationship than a customer."""
    leads = ("lead_id,company,domain,country,industry,products,employees,amount,created_on\n"
             "L-3,Nordlicht Pflege GmbH,nordlicht-pflege.example,DE,Healthcare,Lakehouse,900,50000,2026-02-20\n")
    base = {**CLEAN, "leads.csv": leads}
    monkeypatch.setenv("COSELL_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("COSELL_TODAY", TODAY)

    def route_with(rows: str) -> list[dict]:
        folder = write_world(tmp_path / "import", {**base, "partner_accounts.csv":
                                                    "partner_id,account_name,domain,country,status\n" + rows})
        assert cli("ingest", str(folder), "--reset")[0] == 0  # each variant from scratch
        code, routed = cli("leads", "route", "L-3", "--as", "u-cm")
        assert code == 0 and routed["account_id"] is None  # not one of our accounts
        return routed["partners"]

    for partner in ("P-1", "P-2"):
        ranked = route_with(f"{partner},Nordlicht Pflege,nordlicht-pflege.example,DE,customer\n")
        assert ranked[0]["partner_id"] == partner and ranked[0]["reasons"][0].startswith("Lists Nordlicht")
        assert any(r.startswith("Customer relationship with Nordlicht") for r in ranked[0]["reasons"])
    without = route_with("P-3,Somebody Else,else.example,ES,customer\n")
    as_prospect = route_with("P-2,Nordlicht Pflege,nordlicht-pflege.example,DE,prospect\n")
    as_customer = route_with("P-2,Nordlicht Pflege,nordlicht-pflege.example,DE,customer\n")
    score = {name: next(p["score"] for p in ranked if p["partner_id"] == "P-2")
             for name, ranked in (("without", without), ("prospect", as_prospect), ("customer", as_customer))}
    assert score["without"] < score["prospect"] < score["customer"]
