"""Facts computed from the demo CSVs with CLI.md's rules (used by build_questions.py). Blind: data only."""
from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

IMPORT = Path("/work/main/.cosell-demo/import")
TODAY = date(2026, 11, 15)
YEAR_FROM = TODAY - timedelta(days=364)  # the 365 days ending today (CLI.md default period)
PROTECTION = 90
TIERS = ["registered", "silver", "gold", "platinum"]
RULES = {"registered": (0, 0, 0), "silver": (100000, 1, 2), "gold": (500000, 4, 6), "platinum": (1500000, 10, 15)}
QUARTERS = {"Q2": ["2026-04", "2026-05", "2026-06"], "Q3": ["2026-07", "2026-08", "2026-09"],
            "Q4": ["2026-10", "2026-11", "2026-12"]}
CLOSED = {"closed_won", "closed_lost"}


def rows(name):
    with open(IMPORT / name, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def d(s):
    return date.fromisoformat(s) if s else None


PARTNERS = {p["partner_id"]: p for p in rows("partners.csv")}
ACCOUNTS = {a["account_id"]: a for a in rows("accounts.csv")}
OPPS = rows("opportunities.csv")
ACT = rows("partner_activity.csv")
MDF = rows("mdf_activities.csv")
USERS = {u["user_id"]: u for u in rows("users.csv")}


def certified(pid):
    total = 0
    for item in (PARTNERS[pid]["certified_staff"] or "").split(";"):
        if ":" in item:
            total += int(item.rsplit(":", 1)[1])
    return total


def won12(pid):
    ws = [o for o in OPPS if o["stage"] == "closed_won" and o["partner_id"] == pid
          and YEAR_FROM <= d(o["close_date"]) <= TODAY]
    return round(sum(float(o["amount"] or 0) for o in ws)), len(ws)


def qualifies(pid):
    rev, n = won12(pid)
    c = certified(pid)
    best = "registered"
    for t in TIERS:
        r = RULES[t]
        if rev >= r[0] and n >= r[1] and c >= r[2]:
            best = t
    return best


def gaps(pid, tier):
    rev, n = won12(pid)
    c = certified(pid)
    r = RULES[tier]
    return {"revenue": max(0, r[0] - rev), "deals": max(0, r[1] - n), "certified": max(0, r[2] - c)}


def mdf_quarter(pid, q):
    months = QUARTERS[q]
    alloc = spent = 0.0
    for a in ACT:
        if a["partner_id"] == pid and a["month"] in months:
            alloc += float(a["mdf_allocated"] or 0)
            spent += float(a["mdf_spent"] or 0)
    return round(alloc), round(spent), round(alloc - spent)


def mine(pid):
    return [o for o in OPPS if pid in (o["partner_id"], o["registered_by"])]


def open_deals(pid):
    return [o for o in mine(pid) if o["stage"] not in CLOSED]


def registrations(pid):
    """Open opportunities registered by the partner: protection = created_on + 90 days."""
    out = []
    for o in OPPS:
        if o["registered_by"] == pid and o["stage"] not in CLOSED:
            exp = d(o["created_on"]) + timedelta(days=PROTECTION)
            out.append({**o, "expires_on": exp.isoformat(), "days_left": (exp - TODAY).days,
                        "account_name": ACCOUNTS[o["account_id"]]["name"]})
    return sorted(out, key=lambda r: r["expires_on"])


def account_name(o):
    return ACCOUNTS[o["account_id"]]["name"]


if __name__ == "__main__":
    for uid, u in USERS.items():
        if u["role"] != "partner_seller":
            continue
        pid = u["partner_id"]
        p = PARTNERS[pid]
        print(f"== {uid} {pid} {p['name']} tier={p['tier']} won12={won12(pid)} cert={certified(pid)} qualifies={qualifies(pid)}")
        nxt = TIERS[min(3, TIERS.index(p["tier"]) + 1)]
        print("   gap to", nxt, gaps(pid, nxt), "| mdf", {q: mdf_quarter(pid, q) for q in QUARTERS})
        od = open_deals(pid)
        print(f"   open deals {len(od)} total {sum(float(o['amount'] or 0) for o in od):.0f}")
        for o in od:
            print(f"     {o['opportunity_id']} {account_name(o)[:28]} | {o['name'][:40]} | {o['stage']} {o['amount']} close {o['close_date']} role={o['partner_role']} reg={o['registered_by']}")
        for r in registrations(pid):
            print(f"   REG {r['opportunity_id']} {r['account_name'][:30]} created {r['created_on']} exp {r['expires_on']} left {r['days_left']}")
        print("   mdf acts:", [(m["activity_id"], m["name"], m["status"], m["approved_amount"], m["start_on"]) for m in MDF if m["partner_id"] == pid])
