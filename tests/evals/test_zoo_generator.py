"""The zoo generator: a tiny world is valid per DATA.md, deterministic by seed, and its truth is consistent."""
from __future__ import annotations

import csv
import json
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from evals.zoo.generator import eligible, generate
from evals.zoo.score import _numbers_in, ndcg
from evals.zoo.worlds import WORLDS

REQUIRED = {
    "partners.csv": ("partner_id", "name", "type", "tier"),
    "accounts.csv": ("account_id", "name", "status"),
    "opportunities.csv": ("opportunity_id", "account_id", "name", "stage"),
    "partner_accounts.csv": ("partner_id", "account_name", "status"),
    "partner_activity.csv": ("partner_id", "month"),
    "users.csv": ("user_id", "name", "role"),
    "leads.csv": ("lead_id", "company"),
    "deal_registrations.csv": ("registration_id", "partner_id", "account_name", "status", "submitted_on"),
    "mdf_activities.csv": ("activity_id", "partner_id", "name", "status"),
    "partner_candidates.csv": ("candidate_id", "name"),
}
ENUMS = {
    ("partners.csv", "type"): {"reseller", "var", "distributor", "system_integrator", "isv", "msp", "referral",
                               "influencer", "marketplace", "consultancy"},
    ("partners.csv", "tier"): {"registered", "silver", "gold", "platinum"},
    ("accounts.csv", "status"): {"customer", "prospect", "former_customer"},
    ("opportunities.csv", "stage"): {"prospecting", "qualification", "proposal", "negotiation", "closed_won",
                                     "closed_lost"},
    ("partner_accounts.csv", "status"): {"customer", "open_opportunity", "prospect"},
    ("users.csv", "role"): {"admin", "channel_manager", "marketer", "partner_seller"},
    ("deal_registrations.csv", "status"): {"submitted", "approved", "rejected", "won", "lost"},
    ("mdf_activities.csv", "status"): {"requested", "approved", "rejected", "claimed", "paid"},
}
DATE_COLS = {"created_on", "close_date", "last_activity_on", "joined_on", "submitted_on", "decided_on",
             "updated_on", "requested_on", "start_on", "end_on"}
ID_COL = {"partners.csv": "partner_id", "accounts.csv": "account_id", "opportunities.csv": "opportunity_id",
          "users.csv": "user_id", "leads.csv": "lead_id", "deal_registrations.csv": "registration_id",
          "mdf_activities.csv": "activity_id", "partner_candidates.csv": "candidate_id"}


def _rows(imp: Path, name: str) -> list[dict]:
    with (imp / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    world = replace(WORLDS["skills"], partners=20, open_deals=24, leads=6, candidates=12)
    out = tmp_path_factory.mktemp("zoo") / "tiny"
    return world, out, generate(world, out)


def test_tiny_world_is_valid_per_data_md(tiny):
    _, out, _ = tiny
    imp = out / "import"
    assert not (imp / "truth.json").exists() and (out / "truth.json").exists()  # truth is never imported
    tables = {name: _rows(imp, name) for name in REQUIRED}
    for name, cols in REQUIRED.items():
        assert tables[name], name
        for line, row in enumerate(tables[name], start=2):
            for col in cols:
                assert row[col].strip(), f"{name}:{line} empty {col}"
            for (fname, col), allowed in ENUMS.items():
                if fname == name:
                    assert row[col] in allowed, f"{name}:{line} {col}={row[col]}"
            for col in DATE_COLS & row.keys():
                if row[col]:
                    date.fromisoformat(row[col])
            if row.get("country"):
                assert re.fullmatch(r"[A-Z]{2}", row["country"])
        if name in ID_COL:
            ids = [r[ID_COL[name]] for r in tables[name]]
            assert len(ids) == len(set(ids)), f"duplicate id in {name}"
    partners = {r["partner_id"] for r in tables["partners.csv"]}
    accounts = {r["account_id"] for r in tables["accounts.csv"]}
    opps = {r["opportunity_id"] for r in tables["opportunities.csv"]}
    for o in tables["opportunities.csv"]:
        assert o["account_id"] in accounts
        if o["partner_id"]:
            assert o["partner_id"] in partners and o["partner_role"] in {"sourced", "influenced", "fulfillment"}
        if o["registered_by"]:
            assert o["registered_by"] in partners
    for name in ("partner_accounts.csv", "partner_activity.csv", "deal_registrations.csv", "mdf_activities.csv"):
        assert all(r["partner_id"] in partners for r in tables[name]), name
    assert all(not r["opportunity_id"] or r["opportunity_id"] in opps for r in tables["deal_registrations.csv"])
    assert all(re.fullmatch(r"\d{4}-\d{2}", r["month"]) for r in tables["partner_activity.csv"])
    assert any(u["role"] == "admin" for u in tables["users.csv"])
    assert all(u["partner_id"] in partners for u in tables["users.csv"] if u["role"] == "partner_seller")


def test_deterministic_by_seed(tiny, tmp_path):
    world, out, _ = tiny
    generate(world, tmp_path / "again")
    generate(replace(world, seed=world.seed + 1), tmp_path / "other")
    files = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    assert files
    for f in files:
        assert (out / f).read_bytes() == (tmp_path / "again" / f).read_bytes(), f
    assert (out / "import/opportunities.csv").read_bytes() != (tmp_path / "other/import/opportunities.csv").read_bytes()


def test_truth_is_consistent(tiny):
    world, out, truth = tiny
    imp = out / "import"
    partners = {r["partner_id"]: r for r in _rows(imp, "partners.csv")}
    accounts = {r["account_id"]: r for r in _rows(imp, "accounts.csv")}
    opps = {r["opportunity_id"]: r for r in _rows(imp, "opportunities.csv")}
    today = date.fromisoformat(world.today)
    assert json.loads((out / "truth.json").read_text())["today"] == world.today
    for oid, t in truth["open_deals"].items():
        o = opps[oid]
        assert o["stage"] not in ("closed_won", "closed_lost")
        acc = accounts[o["account_id"]]
        elig = {pid for pid, p in partners.items() if eligible(p, acc["country"], o["products"].split(";"))}
        assert set(t["p_win"]) == elig and len(elig) >= 3
        assert t["best"] == max(t["p_win"], key=t["p_win"].get)
    kinds = {s["kind"] for s in truth["deal_situations"]}
    assert kinds == {"stalled", "close_date_passed", "registration_lapsed", "no_partner"}
    regs = {r["opportunity_id"]: r for r in _rows(imp, "deal_registrations.csv") if r["opportunity_id"]}
    for s in truth["deal_situations"]:
        o = opps[s["opportunity_id"]]
        if s["kind"] == "stalled":
            assert (today - date.fromisoformat(o["last_activity_on"])).days == int(s["numbers"][0]) >= 45
        elif s["kind"] == "close_date_passed":
            assert date.fromisoformat(o["close_date"]) < today
        elif s["kind"] == "registration_lapsed":
            decided = date.fromisoformat(regs[o["opportunity_id"]]["decided_on"])
            assert (today - decided).days > world.protection_days and o["registered_by"] == o["partner_id"]
        else:
            assert not o["partner_id"]
    for oid in truth["deal_controls"]:
        o = opps[oid]
        assert o["partner_id"] and date.fromisoformat(o["close_date"]) > today
        assert (today - date.fromisoformat(o["last_activity_on"])).days <= 3
        assert oid not in regs or (today - date.fromisoformat(regs[oid]["decided_on"])).days < world.protection_days
    activity = _rows(imp, "partner_activity.csv")
    for pid in truth["declining_partners"]:
        logins = [int(r["portal_logins"]) for r in activity if r["partner_id"] == pid]
        assert logins[-1] * 4 < logins[0]
    assert not set(truth["declining_partners"]) & set(truth["partner_controls"])
    lead_companies = {r["company"] for r in _rows(imp, "leads.csv")}
    assert not lead_companies & {accounts[o["account_id"]]["name"] for o in opps.values()}
    assert set(truth["candidates"]) == {r["candidate_id"] for r in _rows(imp, "partner_candidates.csv")}


def test_scoring_helpers():
    assert ndcg(["a", "b"], {"a": 1.0, "b": 0.5}, 5) == pytest.approx(1.0)
    assert ndcg(["b", "a"], {"a": 1.0, "b": 0.5}, 5) < 1.0
    assert _numbers_in("Unspent: $20,000 of MDF", ["20000"])
    assert _numbers_in("No activity for 107 days", ["107"]) and not _numbers_in("1070 days", ["107"])
    assert _numbers_in("protection ended 2026-01-05", ["2026-01-05", "12"])


def test_nba_scoring_counts_planted_numbers_and_flagged_controls():
    """`score_nba` (shared by the CLI scorer and `evals.zoo.nba_only`): a planted stall found with its
    number, a lapse found without it, and a healthy control flagged."""
    from evals.zoo.score import score_nba

    truth = {"deal_situations": [{"opportunity_id": "O1", "kind": "stalled", "numbers": ["107"]},
                                 {"opportunity_id": "O2", "kind": "registration_lapsed", "numbers": ["2026-01-02"]}],
             "partner_situations": [], "deal_controls": ["O3"], "partner_controls": []}
    answers = {
        "O1": [{"title": "Re-engage: no activity for 107 days", "evidence": ["No activity logged for 107 days"]}],
        "O2": [{"title": "Registration lapsed", "evidence": ["protection ended long ago"]}],
        "O3": [{"title": "Update the close date", "evidence": ["Expected close date passed 3 days ago"]}],
    }
    rep = score_nba(truth, 3, lambda what, sid: (0, {"actions": answers[sid]}, ""))
    assert rep["in_top3"] == 1.0 and rep["number_in_evidence"] == 0.5
    assert rep["controls_flagged"] == 1.0 and rep["actions_without_evidence"] == 0
