"""Every expected figure, name and date of the fourth-vendor set, computed from the generated import folder.

The only values typed by hand are Brolga Build's programme rules (named constants below, each with the document
it comes from) and Copperline Distribution's (the reference document's) rules, used as `wrong_if`.
"""
from __future__ import annotations

import csv
import datetime as dt
import functools
import tempfile
from pathlib import Path

from evals.fourth_vendor import generate

TODAY = generate.TODAY
IMPORT: Path | None = None  # a generated folder; None: generated once into a temporary directory

# ---- Brolga's programme (content/programme/*.md)
PROTECTION_DAYS = 45          # deal-registration-policy.md: 45 days from approval
EXTENSION_DAYS = 30           # deal-registration-policy.md: one extension of 30 days
EXTENSION_NOTICE_BDAYS = 5    # deal-registration-policy.md: asked 5 business days before the end
REVIEW_BDAYS = 2              # deal-registration-policy.md
EXTRA_DISCOUNT_POINTS = 10    # deal-registration-policy.md
MAX_APPROVED = 15             # deal-registration-policy.md
MDF_COFUND_PCT = 60           # mdf-guide.md
MDF_BUDGET = {"silver": 4000, "gold": 12000, "platinum": 30000}  # mdf-guide.md, per quarter
MDF_REQUEST_BDAYS = 15        # mdf-guide.md
MDF_CLAIM_DAYS = 40           # mdf-guide.md: claim within 40 days after the activity ends
MDF_PAY_DAYS = 30             # mdf-guide.md
RESALE_DISCOUNT = {"registered": 8, "silver": 14, "gold": 20, "platinum": 26}  # tiers-and-benefits.md
NFR = {"registered": 0, "silver": 2, "gold": 5, "platinum": 10}                # tiers-and-benefits.md
REBATE = {"gold": "2.5", "platinum": "4"}     # tiers-and-benefits.md, % of won revenue
REBATE_PAY_DAYS = 60                          # tiers-and-benefits.md, after the half-year
EXAM_IMPLEMENTER, EXAM_ARCHITECT = 220, 480   # certification-paths.md (AUD)
RETAKE_DAYS, CERT_VALID_MONTHS = 7, 36        # certification-paths.md
ONBOARDING_DAYS = (14, 45, 75, 105)           # onboarding-plan.md
LAUNCH_FUND = 3000                            # onboarding-plan.md
DESK_EMAIL, DESK_HOURS, P1_HOURS = "partnerhelp@brolga.example", "07:00", 2  # partner-desk.md
LEAD_ACCEPT_HOURS = 36                        # rules-of-engagement.md (and vendor.yaml)
REFERRAL_FEE_PCT = 7                          # rules-of-engagement.md
CONSTRUMARCA_ACCELERATOR = "1,5"              # partners/construmarca-acordo-rebate.md (partner:BB-P09)
HARBOURLINE_TARGET = 900000                   # partners/harbourline-joint-plan.md (partner:BB-P01)
INTERNAL_FLOOR, INTERNAL_SHARE, INTERNAL_WINRATE = "32%", "46%", "37%"  # internal/*
INTERNAL_ESCALATION = "Mirela Voss"           # internal/channel-priorities-fy27.html

# ---- Copperline Distribution (reference/copperline-reseller-programme.md): never Brolga's rule
REF_SPIFF = "300"
REF_EXAM = "150"
REF_CLAIM_DAYS = "21"
REF_PROTECTION = "90"


def folder() -> Path:
    return IMPORT if IMPORT is not None else _generated()


@functools.lru_cache(maxsize=1)
def _generated() -> Path:
    tmp = Path(tempfile.mkdtemp(prefix="fourth-vendor-facts-"))
    return generate.write(tmp / "import")


@functools.cache
def table(name: str) -> list[dict]:
    with (folder() / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@functools.lru_cache(maxsize=1)
def all_import_text() -> str:
    parts = []
    for p in sorted(folder().rglob("*")):
        if p.is_file():
            parts.append(p.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(parts).lower()


def D(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


def partner(pid: str) -> dict:
    return next(p for p in table("partners.csv") if p["partner_id"] == pid)


def user(uid: str) -> dict:
    return next(u for u in table("users.csv") if u["user_id"] == uid)


def amount(row: dict, col: str = "amount") -> float:
    return float(row.get(col) or 0)


# ---- deals
def deals_of(pid: str) -> list[dict]:
    return [o for o in table("opportunities.csv") if pid in (o["partner_id"], o["registered_by"])]


def open_deals(pid: str) -> list[dict]:
    return [o for o in deals_of(pid) if not o["stage"].startswith("closed")]


def account_name(account_id: str) -> str:
    return next(a["name"] for a in table("accounts.csv") if a["account_id"] == account_id)


def deal_by_account(name: str) -> dict:
    aid = next(a["account_id"] for a in table("accounts.csv") if a["name"] == name)
    return next(o for o in table("opportunities.csv") if o["account_id"] == aid)


def won(pid: str | None, start: dt.date, end: dt.date) -> list[dict]:
    return [o for o in table("opportunities.csv") if o["stage"] == "closed_won" and (pid is None or o["partner_id"] == pid)
            and start <= D(o["close_date"]) <= end]


def won_12m(pid: str) -> tuple[float, int]:
    ws = won(pid, TODAY - dt.timedelta(days=364), TODAY)
    return sum(amount(o) for o in ws), len(ws)


def certified(pid: str) -> int:
    cs = partner(pid)["certified_staff"]
    return sum(int(x.split(":")[1]) for x in cs.split(";") if x.strip())


def tier_rules() -> dict:
    return {t: v for t, v in generate.TIER_RULES.items()}


def gaps(pid: str, tier: str) -> dict:
    rev, n = won_12m(pid)
    need = generate.TIER_RULES[tier]
    return {"revenue": need[0] - rev, "deals": need[1] - n, "certified": need[2] - certified(pid)}


def stalled(pid: str, days: int = 30) -> list[dict]:
    return [o for o in open_deals(pid) if (TODAY - D(o["last_activity_on"])).days > days]


# ---- registrations
def regs(pid: str | None = None) -> list[dict]:
    return [r for r in table("deal_registrations.csv") if pid is None or r["partner_id"] == pid]


def reg(pid: str, account: str) -> dict:
    return next(r for r in regs(pid) if r["account_name"] == account)


def days_left(r: dict) -> int:
    return (D(r["expires_on"]) - TODAY).days


def live(r: dict) -> bool:
    return r["status"] == "approved" and r["expires_on"] and D(r["expires_on"]) >= TODAY


def lapsed(r: dict) -> bool:
    return r["status"] == "approved" and r["expires_on"] and D(r["expires_on"]) < TODAY


def expiring(pid: str | None, within: int) -> list[dict]:
    return [r for r in regs(pid) if live(r) and days_left(r) <= within]


# ---- MDF
def months(start: str, end: str) -> list[str]:
    out, y, m = [], int(start[:4]), int(start[5:7])
    while f"{y:04d}-{m:02d}" <= end:
        out.append(f"{y:04d}-{m:02d}")
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return out


def mdf_period(pid: str, start: str, end: str) -> tuple[float, float]:
    ms = set(months(start, end))
    rows = [r for r in table("partner_activity.csv") if r["partner_id"] == pid and r["month"] in ms]
    return sum(float(r["mdf_allocated"] or 0) for r in rows), sum(float(r["mdf_spent"] or 0) for r in rows)


def mdf(aid: str) -> dict:
    return next(a for a in table("mdf_activities.csv") if a["activity_id"] == aid)


def mdf_of(pid: str) -> list[dict]:
    return [a for a in table("mdf_activities.csv") if a["partner_id"] == pid]


def claim_deadline(a: dict) -> dt.date:
    return D(a["end_on"]) + dt.timedelta(days=MDF_CLAIM_DAYS)


def mdf_deals(aid: str) -> tuple[float, float]:
    """(won up to today, open pipeline) of the deals an MDF activity sourced."""
    os_ = [o for o in table("opportunities.csv") if o["mdf_activity_id"] == aid]
    return (sum(amount(o) for o in os_ if o["stage"] == "closed_won" and D(o["close_date"]) <= TODAY),
            sum(amount(o) for o in os_ if not o["stage"].startswith("closed")))


# ---- attribution
def attribution(pid: str, start: dt.date, end: dt.date) -> dict:
    out = {"sourced": 0.0, "influenced": 0.0, "fulfillment": 0.0}
    for o in won(pid, start, end):
        out[o["partner_role"]] += amount(o)
    ms = [m for m in months(start.isoformat()[:7], end.isoformat()[:7]) if D(m + "-01") >= start]
    spent = sum(float(r["mdf_spent"] or 0) for r in table("partner_activity.csv")
                if r["partner_id"] == pid and r["month"] in ms)
    out["mdf_spent"] = spent
    out["ropi"] = (out["sourced"] + out["influenced"]) / spent if spent else None
    return out


def totals(start: dt.date, end: dt.date) -> dict:
    ws = won(None, start, end)
    total = sum(amount(o) for o in ws)
    partnered = sum(amount(o) for o in ws if o["partner_id"])
    sourced = sum(amount(o) for o in ws if o["partner_role"] == "sourced")
    return {"won": total, "partnered": partnered, "direct": total - partnered, "sourced": sourced, "deals": len(ws),
            "share": partnered / total if total else 0.0}


def attribution_roles(start: dt.date, end: dt.date) -> dict:
    out = {"sourced": 0.0, "influenced": 0.0, "fulfillment": 0.0}
    for o in won(None, start, end):
        if o["partner_id"]:
            out[o["partner_role"]] += amount(o)
    return out


# ---- account mapping
def overlap(pid: str) -> list[dict]:
    doms = {r["domain"] for r in table("partner_accounts.csv") if r["partner_id"] == pid and r["domain"]}
    return [a for a in table("accounts.csv") if a["domain"] in doms]


def open_vendor_account_ids() -> set[str]:
    return {o["account_id"] for o in table("opportunities.csv") if not o["stage"].startswith("closed")}


# ---- the book of a channel manager
def managed_by(uid: str) -> list[dict]:
    return [p for p in table("partners.csv") if p["channel_manager"] == uid]


def leads() -> list[dict]:
    return table("leads.csv")


def submitted() -> list[dict]:
    return [r for r in regs() if r["status"] == "submitted"]


def claimed() -> list[dict]:
    return [a for a in table("mdf_activities.csv") if a["status"] == "claimed"]


def candidates(country: str) -> list[dict]:
    return [c for c in table("partner_candidates.csv") if country in c["countries"].split(";")]


def onboarding_due(pid: str) -> list[dt.date]:
    j = D(partner(pid)["joined_on"])
    return [j + dt.timedelta(days=n) for n in ONBOARDING_DAYS]


def activity(pid: str, month: str) -> dict:
    return next(r for r in table("partner_activity.csv") if r["partner_id"] == pid and r["month"] == month)
