"""Facts about the demo world, computed from the import folder's files only (no copilot code).

Every figure a question in questions.yaml expects comes from here, so the set can be
rebuilt (build_questions.py) and checked against the data.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import os
from collections import defaultdict
from pathlib import Path

import yaml

_REPO_IMPORT = Path(__file__).resolve().parents[2] / ".cosell-demo" / "import"
# The demo import folder (built by `make demo`; a git worktree shares the main checkout's).
IMPORT = Path(os.environ.get("COSELL_DEMO_IMPORT") or (
    _REPO_IMPORT if _REPO_IMPORT.is_dir() else "/work/main/.cosell-demo/import"))
TODAY = dt.date(2026, 11, 15)
WINDOW_START = TODAY - dt.timedelta(days=364)  # the 365 days ending today (CLI.md)
OPEN = {"prospecting", "qualification", "proposal", "negotiation"}
TIERS = ["registered", "silver", "gold", "platinum"]
PROTECTION_DAYS = 90  # deal registration policy: 90 days from the opportunity's creation


def _rows(name, folder=IMPORT):
    with open(folder / name, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def _d(s):
    return dt.date.fromisoformat(s) if s else None


def _f(s):
    return float(s) if s not in (None, "") else 0.0


def load(folder: Path = IMPORT) -> dict:
    vendor = yaml.safe_load((folder / "vendor.yaml").read_text(encoding="utf-8"))
    partners = {p["partner_id"]: p for p in _rows("partners.csv", folder)}
    users = {u["user_id"]: u for u in _rows("users.csv", folder)}
    accounts = {a["account_id"]: a for a in _rows("accounts.csv", folder)}
    opps = _rows("opportunities.csv", folder)
    activity = _rows("partner_activity.csv", folder)
    mdf = _rows("mdf_activities.csv", folder)
    pacc = _rows("partner_accounts.csv", folder)
    cands = _rows("partner_candidates.csv", folder)
    kits = {}
    for f in sorted((folder / "campaigns").glob("*.yaml")):
        k = yaml.safe_load(f.read_text(encoding="utf-8"))
        kits[k["kit_id"]] = k
    return {"vendor": vendor, "partners": partners, "users": users, "accounts": accounts, "opps": opps,
            "activity": activity, "mdf": mdf, "partner_accounts": pacc, "candidates": cands, "kits": kits}


def certified(p) -> int:
    total = 0
    for item in (p.get("certified_staff") or "").split(";"):
        if ":" in item:
            total += int(item.split(":")[1])
    return total


def certified_by_track(p) -> dict:
    out = {}
    for item in (p.get("certified_staff") or "").split(";"):
        if ":" in item:
            k, v = item.split(":")
            out[k.strip()] = int(v)
    return out


def partner_deals(w, pid):
    """A partner seller's deals: partner_id or registered_by is the partner (CLI.md)."""
    return [o for o in w["opps"] if o["partner_id"] == pid or o["registered_by"] == pid]


def won_12m(w, pid):
    """Tier review: closed_won with the partner on the deal (partner_id, any role), close date in
    the trailing 12 months."""
    won = [o for o in w["opps"] if o["partner_id"] == pid and o["stage"] == "closed_won"
           and o["close_date"] and WINDOW_START <= _d(o["close_date"]) <= TODAY]
    return round(sum(_f(o["amount"]) for o in won)), len(won)


def tier_status(w, pid):
    p = w["partners"][pid]
    rev, deals = won_12m(w, pid)
    cert = certified(p)
    rules = w["vendor"]["tier_rules"]
    qualifies = "registered"
    for t in TIERS:
        r = rules[t]
        if rev >= r["min_won_revenue_12m"] and deals >= r["min_won_deals_12m"] and cert >= r["min_certified_staff"]:
            qualifies = t
    cur = p["tier"]
    nxt = TIERS[TIERS.index(cur) + 1] if cur != "platinum" else None
    gaps = {}
    if nxt:
        r = rules[nxt]
        if rev < r["min_won_revenue_12m"]:
            gaps["revenue"] = r["min_won_revenue_12m"] - rev
        if deals < r["min_won_deals_12m"]:
            gaps["deals"] = r["min_won_deals_12m"] - deals
        if cert < r["min_certified_staff"]:
            gaps["certified"] = r["min_certified_staff"] - cert
    return {"tier": cur, "won_revenue": rev, "won_deals": deals, "certified": cert, "qualifies_for": qualifies,
            "next": nxt, "gaps": gaps}


def quarter(month: str) -> str:
    y, m = month.split("-")
    return f"{y}-Q{(int(m) - 1) // 3 + 1}"


def mdf_by_quarter(w, pid):
    q = defaultdict(lambda: [0.0, 0.0])
    for a in w["activity"]:
        if a["partner_id"] == pid:
            q[quarter(a["month"])][0] += _f(a["mdf_allocated"])
            q[quarter(a["month"])][1] += _f(a["mdf_spent"])
    return {k: (round(v[0]), round(v[1])) for k, v in sorted(q.items())}


def mdf_activities(w, pid):
    return [m for m in w["mdf"] if m["partner_id"] == pid]


def open_deals(w, pid):
    return sorted((o for o in partner_deals(w, pid) if o["stage"] in OPEN), key=lambda o: o["opportunity_id"])


def registrations(w, pid):
    """Open deals registered by the partner, with the end of protection (policy: 90 days from the
    opportunity's creation) and the days left (0 on the last protected day)."""
    out = []
    for o in w["opps"]:
        if o["registered_by"] == pid and o["stage"] in OPEN and o["created_on"]:
            exp = _d(o["created_on"]) + dt.timedelta(days=PROTECTION_DAYS)
            out.append({**o, "expires_on": exp.isoformat(), "days_left": (exp - TODAY).days})
    return out


def channel_manager(w, pid):
    uid = w["partners"][pid].get("channel_manager") or ""
    return w["users"].get(uid)


def activity_month(w, pid, month):
    return next((a for a in w["activity"] if a["partner_id"] == pid and a["month"] == month), None)


def account_name(w, aid):
    return w["accounts"][aid]["name"]


def mapping_truth(folder: Path = IMPORT) -> list[dict]:
    """truth/account_mapping.json: each partner_accounts row and the Northwind account it is (or null)."""
    return json.loads((folder / "truth" / "account_mapping.json").read_text(encoding="utf-8"))


def candidate_gaps(folder: Path = IMPORT) -> list[str]:
    """truth/candidates.json: candidate ids that fill a coverage gap (countries with few partners)."""
    return json.loads((folder / "truth" / "candidates.json").read_text(encoding="utf-8"))["gap_candidates"]
