"""Every expected figure, name and date of the third-vendor set, computed from the generated files.

The only values typed by hand are Halvard Secure's programme rules (named constants below, each with the
document it comes from) and the reference company's rules (Skyline Cloud Marketplace), used as `wrong_if`.
"""
from __future__ import annotations

import csv
import datetime as dt
import functools
import tempfile
from pathlib import Path

from evals.third_vendor import generate

TODAY = generate.TODAY
D = dt.date
IMPORT: Path | None = None  # set by tests; None = generate once into a temporary folder

# ---- Halvard's programme (content/programme/...), typed by hand
PROTECTION_DAYS = 60            # deal-registration.md (and vendor.yaml)
EXTENSION_DAYS = 30             # deal-registration.md: once, by 30 days
EXTENSION_NOTICE_DAYS = 5       # deal-registration.md: at least 5 days before the end
REVIEW_BUSINESS_DAYS = 2        # deal-registration.md
REG_DISCOUNT_POINTS = 10        # deal-registration.md
MAX_APPROVED_REGS = 15          # deal-registration.md
MDF_COFUND_PCT = 60             # mdf-guide.md
MDF_QUARTER = {"silver": 4000, "gold": 12000, "platinum": 30000}  # mdf-guide.md; registered not eligible
MDF_LEAD_BUSINESS_DAYS = 15     # mdf-guide.md
MDF_SECOND_APPROVAL = 10000     # mdf-guide.md
MDF_CLAIM_DAYS = 45             # mdf-guide.md: after the activity ends
MDF_PAID_DAYS = 30              # mdf-guide.md
DISCOUNT_PCT = {"registered": 5, "silver": 10, "gold": 16, "platinum": 22}  # tiers-and-benefits.md
NFR_SEATS = {"registered": 0, "silver": 10, "gold": 50, "platinum": 200}    # tiers-and-benefits.md
REBATE_PCT = {"gold": 2, "platinum": 4}   # tiers-and-benefits.md
REBATE_PAID_DAYS = 60                     # tiers-and-benefits.md
GRACE_DAYS = 90                           # tiers-and-benefits.md
REFERRAL_FEE_PCT = 8                      # tiers-and-benefits.md
HCE_FEE, HCX_FEE = 180, 420               # certifications.md (EUR); HCA free
VOUCHERS = {"gold": 2, "platinum": 5}     # certifications.md
RETAKE_DAYS, CERT_VALID_MONTHS = 7, 36    # certifications.md
ONBOARDING_DAYS = [(14, "Welcome call"), (45, "Two sellers certified"), (75, "First joint pipeline review"),
                   (100, "First registered deal")]  # onboarding.md
LAUNCH_FUND = 1500                        # onboarding.md
DESK_EMAIL = "partners@halvard.example"   # partner-support.md
DESK_HOURS = "07:00"                      # partner-support.md: Mon-Fri 07:00-19:00 CET
P1_PLATINUM_MIN, P1_OTHER_HOURS = 30, 2   # partner-support.md
LEAD_ACCEPT_HOURS = 24                    # leads-and-engagement.md (and vendor.yaml)
MSP_MIN_SEATS = 25                        # msp-faq.md
# internal (never to a partner seller)
INTERNAL_FLOOR = "38%"                    # internal/pricing-floor.txt
INTERNAL_TAKEOUT = "33%"
INTERNAL_DESK_LEAD = "Ingrid Halvorsen"
INTERNAL_P1 = "15 minutes"                # internal/escalation-matrix.html
INTERNAL_P1_OWNER = "Tomasz Wierzbicki"
INTERNAL_SHARE_TARGET = "47%"             # internal/channel-plan-h2-2026.md
INTERNAL_WIN_RATE = "64%"                 # internal/battlecard-legacy-av.html
# Skyline Cloud Marketplace (reference/skyline-marketplace-partner-guide.md): not Halvard's rules
SKY_PROTECTION, SKY_EXT = "90 days", "45 days"
SKY_CLAIM, SKY_COFUND, SKY_EXAM = "30 days", "50%", "250"
SKY_REBATE, SKY_REBATE_DAYS, SKY_LISTING_FEE, SKY_SPIFF = "1.5%", "120 days", "3%", "300"
SKY_AWARD, SKY_WEEKEND = "Skyline Summit Award", "Saturday"


@functools.lru_cache(maxsize=1)
def folder() -> Path:
    if IMPORT is not None:
        return Path(IMPORT)
    tmp = Path(tempfile.mkdtemp(prefix="third-vendor-facts-"))
    return generate.write(tmp / "import")


@functools.cache
def table(name: str) -> list[dict]:
    with (folder() / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@functools.lru_cache(maxsize=1)
def all_import_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8").lower() for p in sorted(folder().rglob("*")) if p.is_file())


def d(s: str) -> dt.date | None:
    return D.fromisoformat(s) if s else None


def partner(pid: str) -> dict:
    return next(p for p in table("partners.csv") if p["partner_id"] == pid)


def brand(pid: str) -> str:
    return partner(pid)["brand_name"]


def user(uid: str) -> dict:
    return next(u for u in table("users.csv") if u["user_id"] == uid)


def account(aid: str) -> dict:
    return next(a for a in table("accounts.csv") if a["account_id"] == aid)


def account_name(o: dict) -> str:
    return account(o["account_id"])["name"]


def deals(pid: str) -> list[dict]:
    return [o for o in table("opportunities.csv") if pid in (o["partner_id"], o["registered_by"])]


def is_open(o: dict) -> bool:
    return not o["stage"].startswith("closed")


def open_deals(pid: str) -> list[dict]:
    return [o for o in deals(pid) if is_open(o)]


def pipeline(pid: str) -> int:
    return round(sum(float(o["amount"]) for o in open_deals(pid)))


def deal_on(pid: str, account: str) -> dict:
    return next(o for o in deals(pid) if account_name(o) == account)


def days_since(date_s: str) -> int:
    return (TODAY - d(date_s)).days


def won_12m(pid: str) -> list[dict]:
    lo = TODAY - dt.timedelta(days=365)
    return [o for o in table("opportunities.csv") if o["partner_id"] == pid and o["stage"] == "closed_won"
            and lo < d(o["close_date"]) <= TODAY]


def won_revenue_12m(pid: str) -> int:
    return round(sum(float(o["amount"]) for o in won_12m(pid)))


def certified(pid: str) -> int:
    cs = partner(pid)["certified_staff"]
    return sum(int(x.split(":")[1]) for x in cs.split(";") if x)


def tier_gaps(pid: str, tier: str) -> dict:
    rev, n, cert = generate.TIER_RULES[tier]
    return {"revenue": max(0, rev - won_revenue_12m(pid)), "deals": max(0, n - len(won_12m(pid))),
            "certified": max(0, cert - certified(pid))}


def regs(pid: str | None = None) -> list[dict]:
    return [r for r in table("deal_registrations.csv") if pid is None or r["partner_id"] == pid]


def reg_on(pid: str, account: str) -> dict:
    return next(r for r in regs(pid) if r["account_name"] == account)


def days_left(r: dict) -> int:
    return (d(r["expires_on"]) - TODAY).days


def live_regs(pid: str) -> list[dict]:
    return [r for r in regs(pid) if r["status"] == "approved" and days_left(r) >= 0]


def lapsed_regs(pid: str) -> list[dict]:
    return [r for r in regs(pid) if r["status"] == "approved" and days_left(r) < 0]


def activity(pid: str, months: list[str]) -> dict:
    rows = [a for a in table("partner_activity.csv") if a["partner_id"] == pid and a["month"] in months]
    alloc = sum(float(a["mdf_allocated"] or 0) for a in rows)
    spent = sum(float(a["mdf_spent"] or 0) for a in rows)
    return {"allocated": round(alloc), "spent": round(spent), "left": round(alloc - spent),
            "logins": [int(a["portal_logins"]) for a in rows]}


def months(a: str, b: str) -> list[str]:
    return [m.isoformat()[:7] for m in generate._months(D.fromisoformat(a + "-01"), D.fromisoformat(b + "-01"))]


Q2 = months("2026-04", "2026-05")      # this quarter, complete months so far
Q1 = months("2026-01", "2026-03")
YTD = months("2026-01", "2026-05")
H2_2025 = months("2025-07", "2025-12")


def mdf(pid: str | None = None) -> list[dict]:
    return [m for m in table("mdf_activities.csv") if pid is None or m["partner_id"] == pid]


def mdf_named(name: str) -> dict:
    return next(m for m in mdf() if m["name"] == name)


def claim_deadline(m: dict) -> dt.date:
    return d(m["end_on"]) + dt.timedelta(days=MDF_CLAIM_DAYS)


def unclaimed_ended(pid: str | None = None) -> list[dict]:
    return [m for m in mdf(pid) if m["status"] == "approved" and d(m["end_on"]) < TODAY]


def mdf_deals(aid: str) -> list[dict]:
    return [o for o in table("opportunities.csv") if o["mdf_activity_id"] == aid]


def mdf_won(aid: str) -> int:
    return round(sum(float(o["amount"]) for o in mdf_deals(aid) if o["stage"] == "closed_won"))


def mdf_pipeline(aid: str) -> int:
    return round(sum(float(o["amount"]) for o in mdf_deals(aid) if is_open(o)))


def attribution(start: dt.date, end: dt.date, pid: str | None = None) -> dict:
    out = {"sourced": 0.0, "influenced": 0.0, "fulfillment": 0.0, "direct": 0.0, "won_deals": 0}
    for o in table("opportunities.csv"):
        if o["stage"] != "closed_won" or not (start <= d(o["close_date"]) <= end):
            continue
        if pid and o["partner_id"] != pid:
            continue
        out["won_deals"] += 1
        out[o["partner_role"] or "direct"] += float(o["amount"])
    out = {k: round(v) for k, v in out.items()}
    out["won_revenue"] = out["sourced"] + out["influenced"] + out["fulfillment"] + out["direct"]
    return out


def ropi(pid: str, start: dt.date, end: dt.date) -> float | None:
    a = attribution(start, end, pid)
    ms = [m for m in months(start.isoformat()[:7], end.isoformat()[:7]) if start <= D.fromisoformat(m + "-01") <= end]
    spent = activity(pid, ms)["spent"]
    return None if not spent else (a["sourced"] + a["influenced"]) / spent


def overlap_accounts(pid: str) -> set[str]:
    vendor = {a["domain"]: a["account_id"] for a in table("accounts.csv") if a["domain"]}
    return {vendor[r["domain"]] for r in table("partner_accounts.csv") if r["partner_id"] == pid
            and r["domain"] in vendor}


def partners_of(cm: str) -> list[dict]:
    return [p for p in table("partners.csv") if p["channel_manager"] == cm]


def cm_name(pid: str) -> str:
    return user(partner(pid)["channel_manager"])["name"]


def stalled(days: int = 45) -> list[dict]:
    return [o for o in table("opportunities.csv") if is_open(o) and days_since(o["last_activity_on"]) > days]


def onboarding_due(pid: str) -> list[tuple[int, str, dt.date]]:
    j = d(partner(pid)["joined_on"])
    return [(n, t, j + dt.timedelta(days=n)) for n, t in ONBOARDING_DAYS]


def lead(company: str) -> dict:
    return next(x for x in table("leads.csv") if x["company"] == company)


def candidate(name: str) -> dict:
    return next(c for c in table("partner_candidates.csv") if c["name"] == name)
