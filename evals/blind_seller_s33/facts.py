"""Every figure, name and date the s33 set expects, computed from the demo import folder
(`.cosell-demo/import`, or `COSELL_DEMO_IMPORT`): the CSVs, vendor.yaml, campaigns/*.yaml and truth/*.json.
Nothing here is typed by hand; the vendor's programme rules are named constants in build_questions.py."""
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
PROTECTION_DAYS = 90  # content/policies/deal-registration.md, "Protection period" (passed in by the builder too)


@functools.cache
def _csv(name: str) -> tuple:
    with open(IMPORT / name, encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(fh))


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
def opportunities() -> dict:
    return {o["opportunity_id"]: o for o in _csv("opportunities.csv")}


@functools.cache
def accounts() -> dict:
    return {a["account_id"]: a for a in _csv("accounts.csv")}


@functools.cache
def activity() -> tuple:
    return _csv("partner_activity.csv")


@functools.cache
def mdf_activities() -> dict:
    return {a["activity_id"]: a for a in _csv("mdf_activities.csv")}


@functools.cache
def candidates() -> dict:
    return {c["candidate_id"]: c for c in _csv("partner_candidates.csv")}


@functools.cache
def vendor() -> dict:
    return yaml.safe_load((IMPORT / "vendor.yaml").read_text(encoding="utf-8"))


@functools.cache
def kits() -> dict:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((IMPORT / "campaigns").glob("*.yaml"))}


@functools.cache
def truth(name: str):
    return json.loads((IMPORT / "truth" / name).read_text(encoding="utf-8"))


def all_import_text() -> str:
    """Every file of the import folder, lower-cased (made-up names must not occur in it)."""
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted(IMPORT.rglob("*"))
                     if p.is_file()).lower()


# ------------------------------------------------------------------ helpers

def d(s: str) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


def money(x: float) -> str:
    """A whole-dollar amount without separators (the scorer removes separators from answers)."""
    return str(round(float(x)))


def partner_of(user_id: str) -> dict:
    return partners()[users()[user_id]["partner_id"]]


def brand(pid: str) -> str:
    return partners()[pid]["brand_name"] or partners()[pid]["name"]


def certified_staff(pid: str) -> int:
    raw = partners()[pid]["certified_staff"]
    return sum(int(x.split(":")[1]) for x in raw.split(";") if ":" in x)


def certs_by_track(pid: str) -> dict:
    raw = partners()[pid]["certified_staff"]
    return {x.split(":")[0]: int(x.split(":")[1]) for x in raw.split(";") if ":" in x}


def cm_partners(cm: str) -> list[str]:
    return sorted(p for p, r in partners().items() if r.get("channel_manager") == cm)


def cm_of(pid: str) -> dict:
    return users()[partners()[pid]["channel_manager"]]


# ------------------------------------------------------------------ deals

def is_open(o: dict) -> bool:
    return not o["stage"].startswith("closed")


def deals_of(pid: str) -> list[dict]:
    """A partner seller's deals: partner_id or registered_by is the partner (CLI.md, "Who may see what")."""
    return [o for o in opportunities().values() if pid in (o["partner_id"], o["registered_by"])]


def open_deals_of(pid: str) -> list[dict]:
    return [o for o in deals_of(pid) if is_open(o)]


def protection_end(o: dict) -> dt.date:
    return d(o["created_on"]) + dt.timedelta(days=PROTECTION_DAYS)


def registrations_of(pid: str) -> list[dict]:
    """Open deals registered by the partner, with their protection end and days left (negative: lapsed)."""
    out = []
    for o in opportunities().values():
        if o["registered_by"] == pid and is_open(o):
            end = protection_end(o)
            out.append({**o, "ends": end, "days_left": (end - today()).days})
    return sorted(out, key=lambda r: r["ends"])


def won_12m(pid: str) -> list[dict]:
    t = today()
    lo = t - dt.timedelta(days=365)
    return [o for o in opportunities().values() if o["partner_id"] == pid and o["stage"] == "closed_won"
            and lo < d(o["close_date"]) <= t]


def tier_figures(pid: str) -> dict:
    won = won_12m(pid)
    return {"revenue": sum(float(o["amount"]) for o in won), "deals": len(won), "certified": certified_staff(pid)}


def tier_rules() -> dict:
    return vendor()["tier_rules"]


def qualifies_for(pid: str) -> str:
    f = tier_figures(pid)
    best = "registered"
    for tier in ("silver", "gold", "platinum"):
        r = tier_rules()[tier]
        if (f["revenue"] >= r["min_won_revenue_12m"] and f["deals"] >= r["min_won_deals_12m"]
                and f["certified"] >= r["min_certified_staff"]):
            best = tier
    return best


def gaps(pid: str, tier: str) -> dict:
    f, r = tier_figures(pid), tier_rules()[tier]
    return {"revenue": r["min_won_revenue_12m"] - f["revenue"], "deals": r["min_won_deals_12m"] - f["deals"],
            "certified": r["min_certified_staff"] - f["certified"]}


def first_win(pid: str) -> dict | None:
    joined = d(partners()[pid]["joined_on"])
    wins = sorted((o for o in opportunities().values() if pid in (o["partner_id"], o["registered_by"])
                   and o["stage"] == "closed_won" and d(o["close_date"]) >= joined), key=lambda o: o["close_date"])
    return wins[0] if wins else None


def stalled_days(o: dict) -> int:
    return (today() - d(o["last_activity_on"] or o["created_on"])).days


# ------------------------------------------------------------------ MDF

def months(first: str, last: str) -> list[str]:
    out, y, m = [], int(first[:4]), int(first[5:7])
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def mdf(pid: str, ms: list[str]) -> dict:
    rows = [a for a in activity() if a["partner_id"] == pid and a["month"] in ms]
    alloc = sum(float(a["mdf_allocated"]) for a in rows)
    spent = sum(float(a["mdf_spent"]) for a in rows)
    return {"allocated": alloc, "spent": spent, "left": alloc - spent}


def activity_sum(pid: str, ms: list[str], field: str) -> float:
    return sum(float(a[field]) for a in activity() if a["partner_id"] == pid and a["month"] in ms)


def last_month() -> str:
    return max(a["month"] for a in activity())


def mdf_activities_of(pid: str) -> list[dict]:
    return [a for a in mdf_activities().values() if a["partner_id"] == pid]


# ------------------------------------------------------------------ attribution (CLI.md)

def attribution(pid: str, start: dt.date, end: dt.date) -> dict:
    won = [o for o in opportunities().values() if o["partner_id"] == pid and o["stage"] == "closed_won"
           and start <= d(o["close_date"]) <= end]
    by = {"sourced": 0.0, "influenced": 0.0, "fulfillment": 0.0}
    for o in won:
        by[o["partner_role"]] = by.get(o["partner_role"], 0.0) + float(o["amount"])
    ms = [m for m in months(start.isoformat()[:7], end.isoformat()[:7]) if dt.date.fromisoformat(m + "-01") >= start]
    spent = activity_sum(pid, ms, "mdf_spent")
    ropi = (by["sourced"] + by["influenced"]) / spent if spent else None
    return {**by, "won_deals": len(won), "mdf_spent": spent, "ropi": ropi}


# ------------------------------------------------------------------ account mapping

@functools.cache
def overlaps() -> list[dict]:
    return truth("account_mapping.json")


# ------------------------------------------------------------------ content tables (joint plans)

def content_table_cell(relpath: str, label: str) -> str:
    """The second cell of the Markdown table row whose first cell is `label` in content/`relpath`."""
    for line in (IMPORT / "content" / relpath).read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and cells[0] == label:
            return cells[1]
    raise KeyError(f"{relpath}: no row {label!r}")
