"""Every figure, name and date the s32 set expects, computed from the demo import folder
(`.cosell-demo/import`): CSVs, vendor.yaml, campaigns/*.yaml and truth/*.json. Nothing here is typed by
hand except the definitions, which are vendor.yaml's comments, truth/planted.json "definitions" and CLI.md."""
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
PROTECTION_DAYS = 90  # policies/deal-registration.md: "Protection lasts 90 days"
TIER_ORDER = ["registered", "silver", "gold", "platinum"]


def _csv(name: str) -> list[dict]:
    with open(IMPORT / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@functools.cache
def today() -> dt.date:
    return dt.date.fromisoformat((IMPORT / "truth" / "today.txt").read_text().strip())


@functools.cache
def users() -> dict:
    return {u["user_id"]: u for u in _csv("users.csv")}


@functools.cache
def partners() -> dict:
    return {p["partner_id"]: p for p in _csv("partners.csv")}


@functools.cache
def opportunities() -> list[dict]:
    return _csv("opportunities.csv")


@functools.cache
def activity() -> list[dict]:
    return _csv("partner_activity.csv")


@functools.cache
def mdf_activities() -> list[dict]:
    return _csv("mdf_activities.csv")


@functools.cache
def candidates() -> dict:
    return {c["candidate_id"]: c for c in _csv("partner_candidates.csv")}


@functools.cache
def accounts() -> dict:
    return {a["account_id"]: a for a in _csv("accounts.csv")}


@functools.cache
def vendor() -> dict:
    return yaml.safe_load((IMPORT / "vendor.yaml").read_text(encoding="utf-8"))


@functools.cache
def kits() -> dict:
    return {yaml.safe_load(p.read_text(encoding="utf-8"))["kit_id"]: yaml.safe_load(p.read_text(encoding="utf-8"))
            for p in sorted((IMPORT / "campaigns").glob("*.yaml"))}


@functools.cache
def truth(name: str):
    return json.loads((IMPORT / "truth" / name).read_text(encoding="utf-8"))


def all_import_text() -> str:
    """Every file of the import folder as text (to check made-up names are absent)."""
    out = []
    for p in sorted(IMPORT.rglob("*")):
        if p.is_file():
            out.append(p.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(out).lower()


# ------------------------------------------------------------------ partners and users

def user_partner(user_id: str) -> dict:
    return partners()[users()[user_id]["partner_id"]]


def certified_staff(pid: str) -> int:
    return sum(int(x.split(":")[1]) for x in partners()[pid]["certified_staff"].split(";") if ":" in x)


def certified_by_track(pid: str) -> dict:
    return {x.split(":")[0]: int(x.split(":")[1]) for x in partners()[pid]["certified_staff"].split(";") if ":" in x}


def channel_manager(pid: str) -> dict:
    return users()[partners()[pid]["channel_manager"]]


# ------------------------------------------------------------------ deals

def _d(s: str):
    return dt.date.fromisoformat(s) if s else None


def is_open(o: dict) -> bool:
    return not o["stage"].startswith("closed")


def deals_of(pid: str) -> list[dict]:
    return [o for o in opportunities() if pid in (o["partner_id"], o["registered_by"])]


def open_deals(pid: str) -> list[dict]:
    return [o for o in deals_of(pid) if is_open(o)]


def opp(oid: str) -> dict:
    return next(o for o in opportunities() if o["opportunity_id"] == oid)


def amount(o: dict) -> int:
    return round(float(o["amount"] or 0))


def won_12m(pid: str) -> list[dict]:
    t = today()
    return [o for o in opportunities() if o["partner_id"] == pid and o["stage"] == "closed_won"
            and t - dt.timedelta(days=365) < _d(o["close_date"]) <= t]


def tier_figures(pid: str) -> dict:
    won = won_12m(pid)
    return {"revenue": sum(amount(o) for o in won), "deals": len(won), "certified": certified_staff(pid)}


def qualifies_for(pid: str) -> str:
    f = tier_figures(pid)
    rules = vendor()["tier_rules"]
    best = "registered"
    for t in TIER_ORDER:
        r = rules[t]
        if f["revenue"] >= r["min_won_revenue_12m"] and f["deals"] >= r["min_won_deals_12m"] \
                and f["certified"] >= r["min_certified_staff"]:
            best = t
    return best


def gaps(pid: str, tier: str) -> dict:
    """What is missing for `tier` (0 where met)."""
    f = tier_figures(pid)
    r = vendor()["tier_rules"][tier]
    return {"revenue": max(0, r["min_won_revenue_12m"] - f["revenue"]), "deals": max(0, r["min_won_deals_12m"] - f["deals"]),
            "certified": max(0, r["min_certified_staff"] - f["certified"])}


def next_tier(tier: str) -> str | None:
    i = TIER_ORDER.index(tier)
    return TIER_ORDER[i + 1] if i + 1 < len(TIER_ORDER) else None


# ------------------------------------------------------------------ registrations

def registrations(pid: str) -> list[dict]:
    """Open deals registered by the partner, with protection end and days left (negative: lapsed)."""
    out = []
    for o in opportunities():
        if o["registered_by"] == pid and is_open(o):
            ends = _d(o["created_on"]) + dt.timedelta(days=PROTECTION_DAYS)
            out.append({**o, "ends_on": ends, "days_left": (ends - today()).days})
    return sorted(out, key=lambda r: r["ends_on"])


def active_registrations(pid: str) -> list[dict]:
    return [r for r in registrations(pid) if r["days_left"] >= 0]


def expiring_within(pid: str, days: int) -> list[dict]:
    return [r for r in registrations(pid) if 0 <= r["days_left"] <= days]


def past_close(pid: str) -> list[dict]:
    return [o for o in open_deals(pid) if _d(o["close_date"]) < today()]


# ------------------------------------------------------------------ MDF

def mdf(pid: str, months: list[str]) -> dict:
    rows = [a for a in activity() if a["partner_id"] == pid and a["month"] in months]
    al = sum(float(a["mdf_allocated"] or 0) for a in rows)
    sp = sum(float(a["mdf_spent"] or 0) for a in rows)
    return {"allocated": round(al), "spent": round(sp), "left": round(al - sp)}


MONTHS_Q3 = ["2026-07", "2026-08", "2026-09"]
MONTHS_Q2 = ["2026-04", "2026-05", "2026-06"]
MONTHS_OCT = ["2026-10"]
MONTHS_SEP = ["2026-09"]
MONTHS_YTD = [f"2026-{m:02d}" for m in range(1, 11)]
MONTHS_LAST6 = [f"2026-{m:02d}" for m in range(5, 11)]


def mdf_rows(pid: str) -> list[dict]:
    return [a for a in mdf_activities() if a["partner_id"] == pid]


def activity_sum(pid: str, field: str, months: list[str]) -> int:
    return sum(int(float(a[field] or 0)) for a in activity() if a["partner_id"] == pid and a["month"] in months)


# ------------------------------------------------------------------ attribution, onboarding

def attribution(pid: str) -> dict:
    t = today()
    frm = t - dt.timedelta(days=364)
    won = [o for o in opportunities() if o["partner_id"] == pid and o["stage"] == "closed_won"
           and frm <= _d(o["close_date"]) <= t]
    by = {"sourced": 0, "influenced": 0, "fulfillment": 0}
    for o in won:
        by[o["partner_role"]] = by.get(o["partner_role"], 0) + amount(o)
    return by


def first_win(pid: str) -> dict | None:
    joined = _d(partners()[pid]["joined_on"])
    won = sorted((o for o in deals_of(pid) if o["stage"] == "closed_won" and _d(o["close_date"]) >= joined),
                 key=lambda o: o["close_date"])
    return won[0] if won else None


def overlap_count(pid: str, both_customers: bool = False) -> int:
    """truth/account_mapping.json rows of the partner matched to one of our accounts; with `both_customers`, only
    those where our account (accounts.csv status) and the partner's row (partner_accounts.csv status) are customers."""
    rows = [r for r in truth("account_mapping.json") if r["partner_id"] == pid and r.get("account_id")]
    if not both_customers:
        return len(rows)
    theirs = _csv("partner_accounts.csv")  # truth "row" = the line number in partner_accounts.csv (header = 1)
    return sum(1 for r in rows if theirs[r["row"] - 2]["status"] == "customer"
               and accounts()[r["account_id"]]["status"] == "customer")


def planted() -> dict:
    return truth("planted.json")


def kit_cta(kit_id: str, locale: str) -> str:
    return kits()[kit_id]["locales"][locale]["call_to_action"]


def kit_messages(kit_id: str, locale: str) -> list[str]:
    k = kits()[kit_id]
    return k["key_messages"] if locale == "en" else k["localized"][locale]["key_messages"]


def months_in_period() -> list[str]:
    """CLI.md attribution: whole months whose first day is in the 365 days ending today."""
    t = today()
    frm = t - dt.timedelta(days=364)
    out, y, m = [], frm.year, frm.month
    while dt.date(y, m, 1) <= t:
        if dt.date(y, m, 1) >= frm:
            out.append(f"{y}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out
