"""Every expected figure, name and date of the blind s35 set, computed from the demo import folder
(`.cosell-demo/import` of the checkout, or COSELL_DEMO_IMPORT). Nothing here is typed from an answer: only
the definitions below (vendor.yaml's comments, CLI.md, truth/planted.json's `definitions`)."""
from __future__ import annotations

import csv
import datetime as dt
import functools
import json
import os
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
IMPORT = Path(os.environ.get("COSELL_DEMO_IMPORT") or ROOT / ".cosell-demo" / "import")
TODAY = dt.date(2026, 11, 15)
PROTECTION_DAYS = 90  # deal-registration.md, "Protection period" (also vendor.yaml's default)
CLOSED = ("closed_won", "closed_lost")


def _csv(name: str) -> list[dict]:
    with open(IMPORT / name, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _date(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


def _list(s: str | None) -> list[str]:
    return [x.strip() for x in (s or "").split(";") if x.strip()]


@functools.cache
def vendor() -> dict:
    return yaml.safe_load((IMPORT / "vendor.yaml").read_text(encoding="utf-8"))


@functools.cache
def partners() -> dict[str, dict]:
    return {r["partner_id"]: r for r in _csv("partners.csv")}


@functools.cache
def accounts() -> dict[str, dict]:
    return {r["account_id"]: r for r in _csv("accounts.csv")}


@functools.cache
def opportunities() -> dict[str, dict]:
    return {r["opportunity_id"]: r for r in _csv("opportunities.csv")}


@functools.cache
def users() -> dict[str, dict]:
    return {r["user_id"]: r for r in _csv("users.csv")}


@functools.cache
def activity() -> dict[str, dict[str, dict]]:
    out: dict[str, dict[str, dict]] = defaultdict(dict)
    for r in _csv("partner_activity.csv"):
        out[r["partner_id"]][r["month"]] = r
    return dict(out)


@functools.cache
def mdf_activities() -> dict[str, dict]:
    return {r["activity_id"]: r for r in _csv("mdf_activities.csv")}


@functools.cache
def candidates() -> dict[str, dict]:
    return {r["candidate_id"]: r for r in _csv("partner_candidates.csv")}


@functools.cache
def truth(name: str):
    return json.loads((IMPORT / "truth" / f"{name}.json").read_text(encoding="utf-8"))


@functools.cache
def kits() -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((IMPORT / "campaigns").glob("*.yaml"))}


@functools.cache
def all_import_text() -> str:
    """Every file of the import folder, lower-cased (the made-up names must be absent from all of it)."""
    parts = []
    for p in sorted(IMPORT.rglob("*")):
        if p.is_file():
            parts.append(p.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(parts).lower()


# ----------------------------------------------------------------------------- people

def user(uid: str) -> dict:
    return users()[uid]


def first_name(uid: str) -> str:
    return user(uid)["name"].split()[0]


def cm_of(pid: str) -> dict:
    """The channel manager named for a partner in partners.csv."""
    return users()[partners()[pid]["channel_manager"]]


def book(cm_uid: str) -> list[str]:
    """A channel manager's partners (partners.csv `channel_manager`)."""
    return sorted(pid for pid, p in partners().items() if p["channel_manager"] == cm_uid)


def brand(pid: str) -> str:
    p = partners()[pid]
    return p["brand_name"] or p["name"]


# ----------------------------------------------------------------------------- deals

def deals_of(pid: str) -> list[dict]:
    """A partner seller's deals: `partner_id` or `registered_by` is their partner."""
    return [o for o in opportunities().values() if pid in (o["partner_id"], o["registered_by"])]


def open_deals(pid: str) -> list[dict]:
    return sorted((o for o in deals_of(pid) if o["stage"] not in CLOSED), key=lambda o: o["opportunity_id"])


def amount_usd(o: dict) -> float:
    rate = 1.0 if (o["currency"] or "USD") == "USD" else float(vendor().get("fx_rates", {}).get(o["currency"], 0))
    return float(o["amount"] or 0) * rate


def registrations(pid: str) -> list[dict]:
    """Open deals registered by the partner, with protection end (created_on + 90 days) and days left."""
    out = []
    for o in open_deals(pid):
        if o["registered_by"] == pid:
            ends = _date(o["created_on"]) + dt.timedelta(days=PROTECTION_DAYS)
            out.append({**o, "ends_on": ends, "days_left": (ends - TODAY).days})
    return sorted(out, key=lambda r: r["ends_on"])


def registration(oid: str) -> dict:
    o = opportunities()[oid]
    ends = _date(o["created_on"]) + dt.timedelta(days=PROTECTION_DAYS)
    return {**o, "ends_on": ends, "days_left": (ends - TODAY).days}


def account_name(oid: str) -> str:
    return accounts()[opportunities()[oid]["account_id"]]["name"]


def days_since_activity(oid: str) -> int:
    o = opportunities()[oid]
    return (TODAY - _date(o["last_activity_on"] or o["created_on"])).days


# ----------------------------------------------------------------------------- tiers

TIER_ORDER = ["registered", "silver", "gold", "platinum"]


def won_12m(pid: str) -> list[dict]:
    """closed_won with partner_id = the partner and today - 365 < close_date <= today (vendor.yaml, planted.json)."""
    lo = TODAY - dt.timedelta(days=365)
    return [o for o in opportunities().values() if o["partner_id"] == pid and o["stage"] == "closed_won"
            and lo < _date(o["close_date"]) <= TODAY]


def won_revenue_12m(pid: str) -> float:
    return sum(amount_usd(o) for o in won_12m(pid))


def certified_staff(pid: str) -> int:
    return sum(int(x.split(":")[1]) for x in _list(partners()[pid]["certified_staff"]))


def certs_by_track(pid: str) -> dict[str, int]:
    return {x.split(":")[0]: int(x.split(":")[1]) for x in _list(partners()[pid]["certified_staff"])}


def tier(pid: str) -> str:
    return partners()[pid]["tier"]


def next_tier(pid: str) -> str | None:
    i = TIER_ORDER.index(tier(pid))
    return TIER_ORDER[i + 1] if i + 1 < len(TIER_ORDER) else None


def rules(t: str) -> dict:
    return vendor()["tier_rules"][t]


def gaps(pid: str, t: str) -> dict[str, float]:
    """What is missing for tier t: the positive differences between its minimums and the partner's figures."""
    r = rules(t)
    have = {"min_won_revenue_12m": won_revenue_12m(pid), "min_won_deals_12m": len(won_12m(pid)),
            "min_certified_staff": certified_staff(pid)}
    return {k: r[k] - have[k] for k in r if r[k] > have[k]}


def qualifies_for(pid: str) -> str:
    best = "registered"
    for t in TIER_ORDER:
        if not gaps(pid, t):
            best = t
    return best


def first_win(pid: str) -> dict | None:
    joined = _date(partners()[pid]["joined_on"])
    wins = sorted((o for o in opportunities().values() if o["stage"] == "closed_won"
                   and pid in (o["partner_id"], o["registered_by"]) and _date(o["close_date"]) >= joined),
                  key=lambda o: o["close_date"])
    return wins[0] if wins else None


# ----------------------------------------------------------------------------- MDF

def mdf(pid: str, months: list[str]) -> dict[str, float]:
    """partner_activity `mdf_allocated` / `mdf_spent` summed over months; left = allocated - spent."""
    rows = [activity()[pid][m] for m in months if m in activity().get(pid, {})]
    alloc = round(sum(float(r["mdf_allocated"] or 0) for r in rows), 2)
    spent = round(sum(float(r["mdf_spent"] or 0) for r in rows), 2)
    return {"allocated": alloc, "spent": spent, "left": round(alloc - spent, 2)}


def months(first: str, last: str) -> list[str]:
    y, m = map(int, first.split("-"))
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def last_month(pid: str) -> str:
    return max(activity()[pid])


def mdf_acts(pid: str, status: str | None = None) -> list[dict]:
    return sorted((a for a in mdf_activities().values() if a["partner_id"] == pid and (status is None or a["status"] == status)),
                  key=lambda a: a["activity_id"])


def logins(pid: str, month: str) -> int:
    return int(activity()[pid][month]["portal_logins"] or 0)


# ----------------------------------------------------------------------------- attribution

def won_in(pid: str | None, start: dt.date, end: dt.date) -> list[dict]:
    return [o for o in opportunities().values() if o["stage"] == "closed_won" and start <= _date(o["close_date"]) <= end
            and (pid is None or o["partner_id"] == pid)]


def attribution(pid: str, start: dt.date, end: dt.date) -> dict:
    """CLI.md attribution: a won deal credited to its partner_id under its role; mdf_spent over whole months
    whose first day is in the period; ropi = (sourced + influenced) / mdf_spent."""
    out = {"sourced": 0.0, "influenced": 0.0, "fulfillment": 0.0}
    for o in won_in(pid, start, end):
        role = o["partner_role"] if o["partner_role"] in out else "fulfillment"
        out[role] += amount_usd(o)
    ms = [m for m in activity().get(pid, {}) if start <= dt.date.fromisoformat(m + "-01") <= end]
    spent = sum(float(activity()[pid][m]["mdf_spent"] or 0) for m in ms)
    out["mdf_spent"] = spent
    out["ropi"] = (out["sourced"] + out["influenced"]) / spent if spent else None
    return out


# ----------------------------------------------------------------------------- mapping

def overlaps(pid: str) -> list[dict]:
    """truth/account_mapping.json rows of the partner that matched one of the vendor's accounts."""
    return [r for r in truth("account_mapping") if r["partner_id"] == pid and r["account_id"]]


def overlap_accounts(pid: str) -> set[str]:
    return {r["account_id"] for r in overlaps(pid)}


def planted() -> dict:
    return truth("planted")
