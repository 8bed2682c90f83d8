"""Figures, names and dates for the s31 blind set, computed from the demo import folder.

Nothing here reads the copilot's code or stores: only the CSVs, vendor.yaml and campaigns/ of
`.cosell-demo/import`. Definitions (vendor.yaml's comments, truth/planted.json "definitions"):
- tier figures: closed_won with partner_id = the partner, today - 365 < close_date <= today;
  certified staff = the sum of partners.csv certified_staff counts;
- a partner seller's deals: partner_id or registered_by is their partner; open = not closed_*;
- registration protection: open deal with registered_by = created_on + 90 days; days left = that - today;
- MDF per period: partner_activity mdf_allocated / mdf_spent summed over the period's months.
"""
from __future__ import annotations

import csv
import datetime as dt
from functools import lru_cache
from pathlib import Path

import yaml

IMPORT = Path(__file__).resolve().parents[2] / ".cosell-demo" / "import"
if not IMPORT.is_dir():
    IMPORT = Path("/work/main/.cosell-demo/import")
TODAY = dt.date(2026, 11, 15)
TIERS = ["registered", "silver", "gold", "platinum"]
PROTECTION_DAYS = 90


def _rows(name: str) -> list[dict]:
    with open(IMPORT / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _d(s: str) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


@lru_cache(None)
def partners() -> dict[str, dict]:
    return {r["partner_id"]: r for r in _rows("partners.csv")}


@lru_cache(None)
def users() -> dict[str, dict]:
    return {r["user_id"]: r for r in _rows("users.csv")}


@lru_cache(None)
def accounts() -> dict[str, dict]:
    return {r["account_id"]: r for r in _rows("accounts.csv")}


@lru_cache(None)
def opportunities() -> list[dict]:
    return _rows("opportunities.csv")


@lru_cache(None)
def activity() -> list[dict]:
    return _rows("partner_activity.csv")


@lru_cache(None)
def mdf_activities() -> list[dict]:
    return _rows("mdf_activities.csv")


@lru_cache(None)
def candidates() -> list[dict]:
    return _rows("partner_candidates.csv")


@lru_cache(None)
def vendor() -> dict:
    return yaml.safe_load((IMPORT / "vendor.yaml").read_text(encoding="utf-8"))


@lru_cache(None)
def kits() -> dict[str, dict]:
    out = {}
    for p in sorted((IMPORT / "campaigns").glob("*.yaml")):
        k = yaml.safe_load(p.read_text(encoding="utf-8"))
        out[k["kit_id"]] = k
    return out


def is_open(o: dict) -> bool:
    return not o["stage"].startswith("closed")


def opp(opp_id: str) -> dict:
    return next(o for o in opportunities() if o["opportunity_id"] == opp_id)


def deals_of(pid: str) -> list[dict]:
    return [o for o in opportunities() if pid in (o["partner_id"], o["registered_by"])]


def open_deals(pid: str) -> list[dict]:
    return [o for o in deals_of(pid) if is_open(o)]


def tier_metrics(pid: str) -> dict:
    start = TODAY - dt.timedelta(days=365)
    won = [o for o in opportunities() if o["partner_id"] == pid and o["stage"] == "closed_won"
           and start < _d(o["close_date"]) <= TODAY]
    cert = sum(int(x.split(":")[1]) for x in partners()[pid]["certified_staff"].split(";") if ":" in x)
    return {"won_revenue": round(sum(float(o["amount"]) for o in won)), "won_deals": len(won),
            "certified_staff": cert}


def tier_gap(pid: str, tier: str) -> dict:
    """What is missing for `tier`: {criterion: shortfall}, empty when every minimum is met."""
    rules = vendor()["tier_rules"][tier]
    m = tier_metrics(pid)
    gap = {}
    for key, rule in (("won_revenue", "min_won_revenue_12m"), ("won_deals", "min_won_deals_12m"),
                      ("certified_staff", "min_certified_staff")):
        if m[key] < rules[rule]:
            gap[key] = rules[rule] - m[key]
    return gap


def next_tier(pid: str) -> str | None:
    t = partners()[pid]["tier"]
    i = TIERS.index(t)
    return TIERS[i + 1] if i + 1 < len(TIERS) else None


def months(period: str) -> list[str]:
    """'2026-Q3' -> its three months; '2026' -> Jan..Oct (the data's last month); '2026-10' -> itself."""
    if "-Q" in period:
        y, q = period.split("-Q")
        return [f"{y}-{m:02d}" for m in range(3 * int(q) - 2, 3 * int(q) + 1)]
    if len(period) == 4:
        return [f"{period}-{m:02d}" for m in range(1, 13)]
    return [period]


def mdf(pid: str, period: str) -> dict:
    ms = set(months(period))
    rows = [r for r in activity() if r["partner_id"] == pid and r["month"] in ms]
    alloc = round(sum(float(r["mdf_allocated"]) for r in rows))
    spent = round(sum(float(r["mdf_spent"]) for r in rows))
    return {"allocated": alloc, "spent": spent, "left": alloc - spent}


def activity_sum(pid: str, field: str, period: str) -> int:
    ms = set(months(period))
    return round(sum(float(r[field]) for r in activity() if r["partner_id"] == pid and r["month"] in ms))


def registrations(pid: str) -> list[dict]:
    """Open deals registered by pid, with protection end and days left (negative: lapsed)."""
    out = []
    for o in opportunities():
        if o["registered_by"] == pid and is_open(o):
            ends = _d(o["created_on"]) + dt.timedelta(days=PROTECTION_DAYS)
            out.append({**o, "protection_ends": ends, "days_left": (ends - TODAY).days})
    return sorted(out, key=lambda r: r["protection_ends"])


def channel_manager(pid: str) -> dict:
    return users()[partners()[pid]["channel_manager"]]


def partners_of_cm(uid: str) -> list[str]:
    return [p for p, r in partners().items() if r["channel_manager"] == uid]


def seller_partner(uid: str) -> str:
    return users()[uid]["partner_id"]


def first_win(pid: str) -> dict | None:
    """The first closed_won deal (partner_id or registered_by) closing on or after joined_on."""
    joined = _d(partners()[pid]["joined_on"])
    wins = sorted((o for o in deals_of(pid) if o["stage"] == "closed_won" and _d(o["close_date"]) >= joined),
                  key=lambda o: o["close_date"])
    if not wins:
        return None
    w = wins[0]
    return {"opportunity_id": w["opportunity_id"], "close_date": _d(w["close_date"]),
            "days": (_d(w["close_date"]) - joined).days}


def attribution(pid: str, start: dt.date, end: dt.date) -> dict:
    out = {"sourced": 0, "influenced": 0, "fulfillment": 0, "won_deals": 0}
    for o in opportunities():
        if o["partner_id"] == pid and o["stage"] == "closed_won" and start <= _d(o["close_date"]) <= end:
            out[o["partner_role"]] = out.get(o["partner_role"], 0) + float(o["amount"])
            out["won_deals"] += 1
    ms = sorted({r["month"] for r in activity() if start <= _d(r["month"] + "-01") <= end})
    spent = sum(float(r["mdf_spent"]) for r in activity() if r["partner_id"] == pid and r["month"] in ms)
    out["mdf_spent"] = round(spent)
    out["ropi"] = (out["sourced"] + out["influenced"]) / spent if spent else None
    return {k: (round(v) if isinstance(v, float) and k != "ropi" else v) for k, v in out.items()}


def all_names() -> str:
    """Every text of the import folder, lower-cased, to check made-up names are absent."""
    parts = []
    for p in IMPORT.rglob("*"):
        if p.is_file() and p.suffix in (".csv", ".yaml", ".md", ".txt", ".html", ".json"):
            parts.append(p.read_text(encoding="utf-8", errors="replace").lower())
    return "\n".join(parts)
