"""Every expected figure, name and date of the other-vendor set, computed from the generated import folder.

Nothing here is typed by hand except Corvane's programme rules, quoted from its own content (the constants
below, each with the document it comes from). The folder is generate.py's output, written once per process
into a temporary directory (or IMPORT, when a caller sets it).
"""
from __future__ import annotations

import atexit
import csv
import datetime as dt
import functools
import shutil
import tempfile
from pathlib import Path

import yaml

from evals.other_vendor import generate

TODAY = generate.TODAY
IMPORT: Path | None = None

# --- Corvane's programme rules, as its content says them ----------------------------------------------
# content/programme/deal-registration.md (and de/deal-registrierung.md)
PROTECTION_DAYS = 120
EXTENSION_DAYS = 60
EXTENSION_NOTICE_DAYS = 10
REVIEW_BUSINESS_DAYS = 3
EXTRA_DISCOUNT_POINTS = 8
MAX_ACTIVE_REGISTRATIONS = 25
CONFLICT_DECISION_BUSINESS_DAYS = 5
# content/programme/mdf-guide.md (and fr/guide-fdm.md)
MDF_COFUNDING_PCT = 50
MDF_PER_QUARTER = {"silver": 5000, "gold": 15000, "platinum": 40000}
MDF_REQUEST_BUSINESS_DAYS = 20
MDF_SECOND_APPROVAL_ABOVE = 20000
MDF_CLAIM_DAYS = 60
MDF_PAID_WITHIN_DAYS = 21
# content/programme/tiers-and-benefits.md
RESALE_DISCOUNT_PCT = {"registered": 6, "silver": 12, "gold": 18, "platinum": 24}
NFR_KITS = {"registered": 0, "silver": 1, "gold": 3, "platinum": 6}
REBATE_PCT = {"gold": 3, "platinum": 5}
REBATE_PAID_DAYS = 45
# content/programme/certifications.md (and ja/certification-ja.md)
CCI_EXAM_USD = 150
CCSA_EXAM_USD = 350
RETAKE_AFTER_DAYS = 14
CERT_VALID_MONTHS = 24
SALES_ASSOCIATE_HOURS = 3
# content/programme/onboarding.md
ONBOARDING_DUE = {"sales_associate": 30, "cci": 60, "first_registration": 90, "joint_meeting": 120}
LAUNCH_FUND_USD = 2500
# content/programme/partner-support.md
PARTNER_DESK_EMAIL = "partnerdesk@corvane.example"
P1_HOURS_GOLD_PLATINUM = 1
P1_HOURS_OTHERS = 4
# content/programme/rules-of-engagement.md
DIRECT_REFERRAL_CREDIT_PCT = 5
# content/partners/hokuto-joint-plan-2027.md
HOKUTO_2027_REGISTRATIONS = 30
# content/partners/rheintal-gold-plan.md
RHEINTAL_CCI_BY = dt.date(2026, 12, 15)
# content/internal/discount-approval.txt, support-escalation-matrix.html (internal)
AE_DISCOUNT_LIMIT_PCT = 30
VP_DISCOUNT_LIMIT_PCT = 38
INTERNAL_P1_ACK_MINUTES = 20
# content/reference/ambercrest-partner-handbook.md: ANOTHER company's rules (wrong when given as Corvane's)
REF_PROTECTION = "60 days"
REF_CLAIM = "due within 30 days"
REF_EXAM = "USD 200"
REF_SPIFF = "250"
REF_AWARD = "Ambercrest Circle"
REF_HOLIDAY_HOURS = "13:00"
REF_REFERRAL_FEE = "10% referral fee"


def folder() -> Path:
    return IMPORT if IMPORT is not None else _generated()


@functools.lru_cache(maxsize=1)
def _generated() -> Path:
    tmp = Path(tempfile.mkdtemp(prefix="other-vendor-facts-"))
    atexit.register(shutil.rmtree, tmp, True)
    return generate.write(tmp / "import")


@functools.cache
def table(name: str) -> tuple[dict, ...]:
    with (folder() / name).open(encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(fh))


@functools.lru_cache(maxsize=1)
def vendor() -> dict:
    return yaml.safe_load((folder() / "vendor.yaml").read_text(encoding="utf-8"))


def all_import_text() -> str:
    parts = []
    for p in sorted(folder().rglob("*")):
        if p.is_file():
            parts.append(p.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(parts).lower()


def d(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


def partner(pid: str) -> dict:
    return next(p for p in table("partners.csv") if p["partner_id"] == pid)


def partner_by_name(name: str) -> dict:
    return next(p for p in table("partners.csv") if p["name"] == name)


def brand(pid: str) -> str:
    return partner(pid)["brand_name"] or partner(pid)["name"]


def user(uid: str) -> dict:
    return next(u for u in table("users.csv") if u["user_id"] == uid)


def account(aid: str) -> dict:
    return next(a for a in table("accounts.csv") if a["account_id"] == aid)


def opps_of(pid: str) -> list[dict]:
    return [o for o in table("opportunities.csv") if pid in (o["partner_id"], o["registered_by"])]


def is_open(o: dict) -> bool:
    return o["stage"] not in ("closed_won", "closed_lost")


def open_deals(pid: str) -> list[dict]:
    return [o for o in opps_of(pid) if is_open(o)]


def deal(account_name: str) -> dict:
    """The one opportunity on the account of that name (the planted deals have one each)."""
    accs = [a["account_id"] for a in table("accounts.csv") if a["name"] == account_name]
    found = [o for o in table("opportunities.csv") if o["account_id"] in accs]
    assert len(found) == 1, (account_name, found)
    return found[0]


# --- tiers -----------------------------------------------------------------------------------------------
def certified_staff(pid: str) -> int:
    cs = partner(pid)["certified_staff"]
    return sum(int(x.split(":")[1]) for x in cs.split(";") if x.strip())


def certified_in(pid: str, product: str) -> int:
    for x in partner(pid)["certified_staff"].split(";"):
        if x.split(":")[0] == product:
            return int(x.split(":")[1])
    return 0


def wins_12m(pid: str) -> list[dict]:
    lo = TODAY - dt.timedelta(days=365)
    return [o for o in table("opportunities.csv") if o["partner_id"] == pid and o["stage"] == "closed_won"
            and lo < d(o["close_date"]) <= TODAY]


def won_revenue_12m(pid: str) -> int:
    return round(sum(float(o["amount"]) for o in wins_12m(pid)))


def tier_figures(pid: str) -> dict:
    return {"revenue": won_revenue_12m(pid), "deals": len(wins_12m(pid)), "certified": certified_staff(pid)}


def tier_rule(tier: str) -> dict:
    r = vendor()["tier_rules"][tier]
    return {"revenue": r["min_won_revenue_12m"], "deals": r["min_won_deals_12m"],
            "certified": r["min_certified_staff"]}


def gaps(pid: str, tier: str) -> dict:
    f, r = tier_figures(pid), tier_rule(tier)
    return {k: r[k] - f[k] for k in r if r[k] > f[k]}


def qualifies_for(pid: str) -> str:
    best = "registered"
    for t in ("silver", "gold", "platinum"):
        if not gaps(pid, t):
            best = t
    return best


# --- registrations -----------------------------------------------------------------------------------------
def regs_of(pid: str) -> list[dict]:
    return [r for r in table("deal_registrations.csv") if r["partner_id"] == pid]


def reg(account_name: str, pid: str) -> dict:
    return next(r for r in regs_of(pid) if r["account_name"] == account_name)


def expires_on(r: dict) -> dt.date | None:
    if r["expires_on"]:
        return d(r["expires_on"])
    if r["status"] == "approved" and r["decided_on"]:
        return d(r["decided_on"]) + dt.timedelta(days=PROTECTION_DAYS)
    return None


def days_left(r: dict) -> int | None:
    e = expires_on(r)
    return (e - TODAY).days if e else None


def effective_status(r: dict) -> str:
    if r["status"] == "approved" and days_left(r) is not None and days_left(r) < 0:
        return "expired"
    return r["status"]


def expiring_within(days: int) -> list[dict]:
    return [r for r in table("deal_registrations.csv")
            if effective_status(r) == "approved" and 0 <= days_left(r) <= days]


def submitted() -> list[dict]:
    return [r for r in table("deal_registrations.csv") if r["status"] == "submitted"]


# --- MDF ----------------------------------------------------------------------------------------------------
def mdf_months(pid: str, first: str, last: str) -> tuple[int, int]:
    rows = [a for a in table("partner_activity.csv") if a["partner_id"] == pid and first <= a["month"] <= last]
    return (round(sum(float(a["mdf_allocated"] or 0) for a in rows)),
            round(sum(float(a["mdf_spent"] or 0) for a in rows)))


def mdf_left(pid: str, first: str, last: str) -> int:
    a, s = mdf_months(pid, first, last)
    return a - s


def mdf_activity(name: str) -> dict:
    return next(m for m in table("mdf_activities.csv") if m["name"] == name)


def mdf_claim_deadline(name: str) -> dt.date:
    return d(mdf_activity(name)["end_on"]) + dt.timedelta(days=MDF_CLAIM_DAYS)


def mdf_claimed_waiting() -> list[dict]:
    return [m for m in table("mdf_activities.csv") if m["status"] == "claimed"]


def mdf_ended_unclaimed() -> list[dict]:
    return [m for m in table("mdf_activities.csv") if m["status"] == "approved" and d(m["end_on"]) < TODAY]


def mdf_total_spent(first: str, last: str) -> int:
    return round(sum(float(a["mdf_spent"] or 0) for a in table("partner_activity.csv")
                     if first <= a["month"] <= last))


def mdf_won(activity_id: str) -> int:
    return round(sum(float(o["amount"]) for o in table("opportunities.csv")
                     if o["mdf_activity_id"] == activity_id and o["stage"] == "closed_won"
                     and d(o["close_date"]) <= TODAY))


def mdf_pipeline(activity_id: str) -> int:
    return round(sum(float(o["amount"]) for o in table("opportunities.csv")
                     if o["mdf_activity_id"] == activity_id and is_open(o)))


def most_leads_activity() -> dict:
    return max(table("mdf_activities.csv"), key=lambda m: int(m["leads"] or 0))


# --- attribution ----------------------------------------------------------------------------------------------
def won_in(first: dt.date, last: dt.date) -> list[dict]:
    return [o for o in table("opportunities.csv")
            if o["stage"] == "closed_won" and first <= d(o["close_date"]) <= last]


def attribution(first: dt.date, last: dt.date) -> dict:
    tot = {"won_revenue": 0.0, "sourced": 0.0, "influenced": 0.0, "fulfillment": 0.0, "direct": 0.0}
    for o in won_in(first, last):
        a = float(o["amount"])
        tot["won_revenue"] += a
        tot[o["partner_role"] if o["partner_id"] else "direct"] += a
    return {k: round(v) for k, v in tot.items()}


def ropi(pid: str, first: dt.date, last: dt.date) -> tuple[int, int, float | None]:
    credited = round(sum(float(o["amount"]) for o in won_in(first, last)
                         if o["partner_id"] == pid and o["partner_role"] in ("sourced", "influenced")))
    months = [m for m in table("partner_activity.csv") if m["partner_id"] == pid
              and first <= d(m["month"] + "-01") <= last]
    spent = round(sum(float(m["mdf_spent"] or 0) for m in months))
    return credited, spent, (credited / spent if spent else None)


def top_partner_by_won_12m() -> dict:
    return max(table("partners.csv"), key=lambda p: won_revenue_12m(p["partner_id"]))


# --- account mapping --------------------------------------------------------------------------------------------
def overlaps(pid: str) -> list[tuple[dict, dict]]:
    by_domain = {a["domain"]: a for a in table("accounts.csv")}
    out, seen = [], set()
    for row in table("partner_accounts.csv"):
        if row["partner_id"] == pid and row["domain"] in by_domain and row["domain"] not in seen:
            seen.add(row["domain"])
            out.append((by_domain[row["domain"]], row))
    return out


def vendor_populations(acc: dict) -> set[str]:
    pops = {acc["status"]}
    if any(o["account_id"] == acc["account_id"] and is_open(o) for o in table("opportunities.csv")):
        pops.add("open_opportunity")
    return pops


def overlap_cell(pid: str, vendor_pop: str, partner_pop: str) -> int:
    return sum(1 for acc, row in overlaps(pid) if vendor_pop in vendor_populations(acc) and row["status"] == partner_pop)


# --- portfolio, onboarding, leads, candidates ----------------------------------------------------------------------
def partners_of_cm(uid: str) -> list[dict]:
    return [p for p in table("partners.csv") if p["channel_manager"] == uid]


def stalled(min_days: int) -> list[dict]:
    return [o for o in table("opportunities.csv") if is_open(o) and o["partner_id"]
            and (TODAY - d(o["last_activity_on"])).days >= min_days]


def days_since_joined(pid: str) -> int:
    return (TODAY - d(partner(pid)["joined_on"])).days


def onboarding_due(pid: str, step: str) -> dt.date:
    return d(partner(pid)["joined_on"]) + dt.timedelta(days=ONBOARDING_DUE[step])


def lead(lead_id: str) -> dict:
    return next(x for x in table("leads.csv") if x["lead_id"] == lead_id)


def candidate(cid: str) -> dict:
    return next(c for c in table("partner_candidates.csv") if c["candidate_id"] == cid)
