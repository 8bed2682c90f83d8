"""Data truths for the blind final set, computed straight from the demo import folder
(/work/main/.cosell-demo/import) with the rules of shared/spec/CLI.md and DATA.md and
vendor.yaml's tier_rules. Uses only csv/yaml; reads no product code.

    python -m evals.blind_seller_final.facts      # prints the figures used by build_questions.py
"""
from __future__ import annotations

import csv
import datetime as dt
import os
from functools import lru_cache
from pathlib import Path

import yaml

IMPORT = Path(os.environ.get("BLIND_FINAL_IMPORT", "/work/main/.cosell-demo/import"))
TODAY = dt.date(2026, 11, 15)
OPEN_STAGES = {"prospecting", "qualification", "proposal", "negotiation"}
TIERS = ["registered", "silver", "gold", "platinum"]


def _rows(name):
    with open(IMPORT / name, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def d(s):
    return dt.date.fromisoformat(s) if s else None


@lru_cache(None)
def vendor():
    return yaml.safe_load((IMPORT / "vendor.yaml").read_text(encoding="utf-8"))


@lru_cache(None)
def partners():
    return {r["partner_id"]: r for r in _rows("partners.csv")}


@lru_cache(None)
def users():
    return {r["user_id"]: r for r in _rows("users.csv")}


@lru_cache(None)
def accounts():
    return {r["account_id"]: r for r in _rows("accounts.csv")}


@lru_cache(None)
def opps():
    return _rows("opportunities.csv")


@lru_cache(None)
def activity():
    return _rows("partner_activity.csv")


@lru_cache(None)
def mdf_activities():
    return _rows("mdf_activities.csv")


def opp(oid):
    return next(o for o in opps() if o["opportunity_id"] == oid)


def amount(o):
    return float(o["amount"] or 0)  # every demo deal is USD (checked in checks())


# ---------------------------------------------------------------- partners and people

def partner_name(pid):
    return partners()[pid]["name"]


def channel_manager(pid):
    """partners.csv channel_manager (a user_id) -> (user_id, name)."""
    uid = partners()[pid].get("channel_manager") or ""
    return uid, users()[uid]["name"] if uid in users() else None


def certified_staff(pid):
    """Sum of the partner's certified_staff counts (vendor.yaml comment, partner-tiers policy)."""
    cs = partners()[pid]["certified_staff"] or ""
    return sum(int(x.split(":")[1]) for x in cs.split(";") if ":" in x)


# ---------------------------------------------------------------- tier figures

def trailing_window():
    """The 365 days ending today (CLI.md default period): 2025-11-16..2026-11-15."""
    return TODAY - dt.timedelta(days=364), TODAY


def won_12m(pid):
    """closed_won opportunities with the partner on them (partner_id, any role), close_date in the
    trailing 12 months (vendor.yaml tier_rules comment)."""
    lo, hi = trailing_window()
    return [o for o in opps() if o["partner_id"] == pid and o["stage"] == "closed_won"
            and lo <= d(o["close_date"]) <= hi]


def tier_figures(pid):
    w = won_12m(pid)
    return {"won_revenue": round(sum(amount(o) for o in w)), "won_deals": len(w), "certified": certified_staff(pid)}


def tier_rule(tier):
    return vendor()["tier_rules"][tier]


def qualifies_for(pid):
    f = tier_figures(pid)
    best = "registered"
    for t in TIERS:
        r = tier_rule(t)
        if (f["won_revenue"] >= r["min_won_revenue_12m"] and f["won_deals"] >= r["min_won_deals_12m"]
                and f["certified"] >= r["min_certified_staff"]):
            best = t
    return best


def gaps(pid, tier):
    """What is missing for `tier`: dict of positive shortfalls (empty = meets every minimum)."""
    f, r = tier_figures(pid), tier_rule(tier)
    out = {}
    if f["won_revenue"] < r["min_won_revenue_12m"]:
        out["won_revenue"] = r["min_won_revenue_12m"] - f["won_revenue"]
    if f["won_deals"] < r["min_won_deals_12m"]:
        out["won_deals"] = r["min_won_deals_12m"] - f["won_deals"]
    if f["certified"] < r["min_certified_staff"]:
        out["certified"] = r["min_certified_staff"] - f["certified"]
    return out


def next_tier(pid):
    t = partners()[pid]["tier"]
    i = TIERS.index(t)
    return TIERS[i + 1] if i + 1 < len(TIERS) else None


# ---------------------------------------------------------------- deals and registrations

def visible_deals(pid):
    """A partner seller's deals: partner_id or registered_by is the partner (CLI.md)."""
    return [o for o in opps() if pid in (o["partner_id"], o["registered_by"])]


def open_deals(pid):
    return [o for o in visible_deals(pid) if o["stage"] in OPEN_STAGES]


def registrations(pid=None, open_only=True):
    """Deals with an approved registration (registered_by). Protection: 90 days counted from the
    day the opportunity is created (deal-registration policy), so expires_on = created_on + 90;
    days_left = expires_on - today (CLI.md: 0 on the last protected day)."""
    days = int(vendor().get("registration_protection_days", 90))
    out = []
    for o in opps():
        if not o["registered_by"] or (pid and o["registered_by"] != pid):
            continue
        if open_only and o["stage"] not in OPEN_STAGES:
            continue
        exp = d(o["created_on"]) + dt.timedelta(days=days)
        out.append({**o, "expires_on": exp, "days_left": (exp - TODAY).days})
    return out


def active_registrations(pid=None):
    return [r for r in registrations(pid) if r["days_left"] >= 0]


def expiring_within(days=14):
    return [r for r in registrations() if 0 <= r["days_left"] <= days]


def conflicts():
    """Deals where the registered partner differs from the engaged partner."""
    return [o for o in opps() if o["registered_by"] and o["partner_id"] and o["registered_by"] != o["partner_id"]]


def days_since_activity(o):
    return (TODAY - d(o["last_activity_on"] or o["created_on"])).days


def past_close(pid=None):
    return [o for o in opps() if o["stage"] in OPEN_STAGES and d(o["close_date"]) < TODAY
            and (pid is None or pid in (o["partner_id"], o["registered_by"]))]


# ---------------------------------------------------------------- MDF

Q = {"Q1": ["2026-01", "2026-02", "2026-03"], "Q2": ["2026-04", "2026-05", "2026-06"],
     "Q3": ["2026-07", "2026-08", "2026-09"], "Q4": ["2026-10", "2026-11", "2026-12"]}


def mdf_months(pid, months):
    rows = [r for r in activity() if r["partner_id"] == pid and r["month"] in months]
    alloc = round(sum(float(r["mdf_allocated"] or 0) for r in rows))
    spent = round(sum(float(r["mdf_spent"] or 0) for r in rows))
    return {"allocated": alloc, "spent": spent, "left": alloc - spent, "months": sorted(r["month"] for r in rows)}


def mdf_acts(pid=None):
    return [m for m in mdf_activities() if pid is None or m["partner_id"] == pid]


def last_months(n):
    ms = sorted({r["month"] for r in activity()})
    return ms[-n:]


def monthly(pid, field):
    return {r["month"]: r[field] for r in activity() if r["partner_id"] == pid}


# ---------------------------------------------------------------- attribution (CLI.md)

def attribution(pid):
    lo, hi = trailing_window()
    out = {"sourced": 0, "influenced": 0, "fulfillment": 0, "won_deals": 0}
    for o in opps():
        if o["partner_id"] == pid and o["stage"] == "closed_won" and lo <= d(o["close_date"]) <= hi:
            out[o["partner_role"]] += round(amount(o))
            out["won_deals"] += 1
    return out


# ---------------------------------------------------------------- misc

def tier_counts():
    c = {}
    for p in partners().values():
        c[p["tier"]] = c.get(p["tier"], 0) + 1
    return c


def name_exists(fragment):
    f = fragment.lower()
    hay = [p["name"] for p in partners().values()] + [a["name"] for a in accounts().values()] + \
          [o["name"] for o in opps()] + [r["account_name"] for r in _rows("partner_accounts.csv")] + \
          [r["name"] for r in _rows("partner_candidates.csv")]
    return any(f in h.lower() for h in hay)


def checks():
    assert {o["currency"] or "USD" for o in opps()} == {"USD"}, "non-USD deals: sums need fx"
    assert not vendor().get("fx_rates")


if __name__ == "__main__":
    checks()
    import json
    print("window", trailing_window(), "tier counts", tier_counts())
    for u in users().values():
        if u["role"] != "partner_seller":
            continue
        pid = u["partner_id"]
        print(u["user_id"], pid, partner_name(pid), partners()[pid]["tier"], tier_figures(pid), "qualifies", qualifies_for(pid),
              "next", next_tier(pid), gaps(pid, next_tier(pid)) if next_tier(pid) else "-", "own tier gaps",
              gaps(pid, partners()[pid]["tier"]), "cm", channel_manager(pid))
        print("   open", [(o["opportunity_id"], o["name"], o["stage"], o["amount"], o["close_date"], o["last_activity_on"]) for o in open_deals(pid)])
        print("   regs", [(r["opportunity_id"], r["name"], str(r["expires_on"]), r["days_left"]) for r in registrations(pid)])
        print("   mdf Q3", mdf_months(pid, Q["Q3"]), "Q4", mdf_months(pid, Q["Q4"]), "Q2", mdf_months(pid, Q["Q2"]),
              "12m", mdf_months(pid, last_months(12)))
        print("   acts", [(m["activity_id"], m["name"], m["status"], m["approved_amount"], m["paid_amount"], m["end_on"]) for m in mdf_acts(pid)])
        print("   attr", attribution(pid), "past_close", [o["opportunity_id"] for o in past_close(pid)])
    print("expiring<=14", [(r["opportunity_id"], r["name"], r["registered_by"], r["days_left"]) for r in expiring_within(14)])
    print("conflicts", len(conflicts()))
