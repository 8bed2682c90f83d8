"""Every figure, name and date the s34 questions expect, computed from the demo import folder.

Nothing here is typed by hand except the dates that define periods (today, from truth/today.txt's
convention COSELL_TODAY=2026-11-15) and the programme rule of 90-day protection, which
build_questions.py names with the document it comes from.
"""
from __future__ import annotations

import csv
import datetime as dt
import functools
import json
import os
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
IMPORT = Path(os.environ.get("COSELL_DEMO_IMPORT") or ROOT / ".cosell-demo" / "import")
TODAY = dt.date(2026, 11, 15)
PROTECTION_DAYS = 90  # content/policies/deal-registration.md "Protection lasts 90 days"


def _rows(name: str) -> list[dict]:
    with open(IMPORT / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@functools.cache
def partners() -> dict[str, dict]:
    return {r["partner_id"]: r for r in _rows("partners.csv")}


@functools.cache
def users() -> dict[str, dict]:
    return {r["user_id"]: r for r in _rows("users.csv")}


@functools.cache
def opportunities() -> list[dict]:
    return _rows("opportunities.csv")


@functools.cache
def accounts() -> dict[str, dict]:
    return {r["account_id"]: r for r in _rows("accounts.csv")}


@functools.cache
def activity() -> list[dict]:
    return _rows("partner_activity.csv")


@functools.cache
def mdf_activities() -> list[dict]:
    return _rows("mdf_activities.csv")


@functools.cache
def candidates() -> dict[str, dict]:
    return {r["candidate_id"]: r for r in _rows("partner_candidates.csv")}


@functools.cache
def vendor() -> dict:
    return yaml.safe_load((IMPORT / "vendor.yaml").read_text(encoding="utf-8"))


@functools.cache
def truth(name: str):
    return json.loads((IMPORT / "truth" / f"{name}.json").read_text(encoding="utf-8"))


@functools.cache
def kits() -> dict[str, dict]:
    out = {}
    for p in sorted((IMPORT / "campaigns").glob("*.yaml")):
        d = yaml.safe_load(p.read_text(encoding="utf-8"))
        out[d["kit_id"]] = d
    return out


@functools.cache
def all_import_text() -> str:
    parts = []
    for p in sorted(IMPORT.rglob("*")):
        if p.is_file():
            parts.append(p.read_text(encoding="utf-8", errors="ignore"))
    return "\n".join(parts).lower()


def d(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


# --------------------------------------------------------------------------- partners and tiers

TIERS = ["registered", "silver", "gold", "platinum"]


def brand(pid: str) -> str:
    return partners()[pid]["brand_name"]


def certified_staff(pid: str) -> int:
    cs = partners()[pid]["certified_staff"]
    return sum(int(x.split(":")[1]) for x in cs.split(";") if x)


def won_12m(pid: str) -> list[dict]:
    lo = TODAY - dt.timedelta(days=365)
    return [o for o in opportunities() if o["partner_id"] == pid and o["stage"] == "closed_won"
            and lo < d(o["close_date"]) <= TODAY]


def won_revenue_12m(pid: str) -> int:
    return round(sum(float(o["amount"]) for o in won_12m(pid)))


def tier_status(pid: str, tier: str) -> dict:
    """Figures vs. the tier's minimums (vendor.yaml tier_rules); gaps > 0 are missing."""
    r = vendor()["tier_rules"][tier]
    fig = {"revenue": won_revenue_12m(pid), "deals": len(won_12m(pid)), "certified": certified_staff(pid)}
    gaps = {"revenue": r["min_won_revenue_12m"] - fig["revenue"], "deals": r["min_won_deals_12m"] - fig["deals"],
            "certified": r["min_certified_staff"] - fig["certified"]}
    return {"figures": fig, "gaps": gaps, "meets": all(g <= 0 for g in gaps.values())}


def next_tier(pid: str) -> str | None:
    t = partners()[pid]["tier"]
    i = TIERS.index(t)
    return TIERS[i + 1] if i + 1 < len(TIERS) else None


# --------------------------------------------------------------------------- deals and registrations

def is_open(o: dict) -> bool:
    return not o["stage"].startswith("closed")


def deals_of(pid: str) -> list[dict]:
    return [o for o in opportunities() if o["partner_id"] == pid or o["registered_by"] == pid]


def open_deals(pid: str) -> list[dict]:
    return [o for o in deals_of(pid) if is_open(o)]


def registrations(pid: str) -> list[dict]:
    """Open deals the partner registered, with protection end and days left."""
    out = []
    for o in opportunities():
        if o["registered_by"] == pid and is_open(o):
            end = d(o["created_on"]) + dt.timedelta(days=PROTECTION_DAYS)
            out.append({**o, "ends": end, "days_left": (end - TODAY).days})
    return sorted(out, key=lambda r: r["ends"])


def deal(oid: str) -> dict:
    return next(o for o in opportunities() if o["opportunity_id"] == oid)


def account_name(aid: str) -> str:
    return accounts()[aid]["name"]


def won_deals_all(pid: str) -> list[dict]:
    return [o for o in deals_of(pid) if o["stage"] == "closed_won"]


# --------------------------------------------------------------------------- MDF

MONTHS = {
    "oct": ["2026-10"], "sep": ["2026-09"], "aug": ["2026-08"],
    "q3": ["2026-07", "2026-08", "2026-09"], "q2": ["2026-04", "2026-05", "2026-06"],
    "ytd": [f"2026-{m:02d}" for m in range(1, 11)],
    "h2": ["2026-07", "2026-08", "2026-09", "2026-10"],
}


def mdf(pid: str, period: str) -> dict:
    months = MONTHS[period]
    rows = [r for r in activity() if r["partner_id"] == pid and r["month"] in months]
    alloc = round(sum(float(r["mdf_allocated"]) for r in rows))
    spent = round(sum(float(r["mdf_spent"]) for r in rows))
    return {"allocated": alloc, "spent": spent, "left": alloc - spent}


def activity_sum(pid: str, field: str, period: str) -> int:
    months = MONTHS[period]
    return int(sum(float(r[field]) for r in activity() if r["partner_id"] == pid and r["month"] in months))


def mdf_acts(pid: str) -> list[dict]:
    return [a for a in mdf_activities() if a["partner_id"] == pid]


# --------------------------------------------------------------------------- CMs, overlap, onboarding

def cm_partners(uid: str) -> list[str]:
    return [pid for pid, p in partners().items() if p["channel_manager"] == uid]


def overlap(pid: str) -> int:
    return sum(1 for r in truth("account_mapping") if r["partner_id"] == pid and r["account_id"])


def onboarding(pid: str) -> dict:
    return next(p for p in truth("onboarding")["partners"] if p["partner_id"] == pid)


def planted(name: str) -> dict:
    return truth("planted")["situations"][name]


def fmt_k(n: float) -> str:
    return f"{n / 1000:g}k"
