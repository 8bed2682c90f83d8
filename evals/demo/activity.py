"""Monthly partner engagement: 18 months ending with the last complete month before today.

Natural partners follow a gentle trend with seasonality (summer and December dips) and noise, and spend
most of their MDF; two planted partners break the pattern (logins collapse, MDF left unspent) so that
exactly those show up as anomalies. A partner that joined recently has rows from its first month only.
"""
from __future__ import annotations

import datetime as dt
import random

from evals.demo.partner_list import PLANTED_KEYS
from evals.demo.world import (
    OppRec,
    PartnerRec,
    World,
    last_complete_months,
    lognormal,
    money,
    month_key,
    poisson,
    rng,
)

MONTHS = 18
SEASON = {1: 1.05, 2: 1.0, 3: 1.1, 4: 1.0, 5: 1.0, 6: 1.05, 7: 0.88, 8: 0.8, 9: 1.1, 10: 1.1, 11: 1.05, 12: 0.78}
BASE_LOGINS = {"platinum": 70, "gold": 40, "silver": 22, "registered": 9}
TYPE_LOGINS = {"influencer": 0.4, "referral": 0.5, "distributor": 1.4, "marketplace": 1.2}
MDF_PER_QUARTER = {"platinum": 45000, "gold": 18000, "silver": 6000, "registered": 0}
COLLAPSED_LOGINS = (6, 5, 4)  # the planted partner's last three months
UNSPENT_MONTHS = 9  # the planted partner has left MDF unspent for this long


def build_activity(world: World) -> list[dict[str, str]]:
    months = last_complete_months(world.today, MONTHS)
    registered = _registrations_by_month(world.opportunities)
    rows: list[dict[str, str]] = []
    for p in world.partners:
        r = rng(world.seed, f"activity:{p.key}")
        own = [m for m in months if m >= month_key(p.joined_on)]
        rows += _partner_rows(r, p, own, registered)
    return rows


def _registrations_by_month(opps: list[OppRec]) -> dict[tuple[str, str], int]:
    out: dict[tuple[str, str], int] = {}
    for o in opps:
        if o.registered_by:
            key = (o.registered_by, month_key(o.created_on))
            out[key] = out.get(key, 0) + 1
    return out


def _partner_rows(r: random.Random, p: PartnerRec, months: list[str],
                  registered: dict[tuple[str, str], int]) -> list[dict[str, str]]:
    base = BASE_LOGINS[p.tier] * TYPE_LOGINS.get(p.type, 1.0) * lognormal(r, 1.0, 0.25)
    slope = r.uniform(-0.12, 0.3)
    psat_base = min(9.6, max(5.5, r.gauss(8.0, 0.7)))
    mdf_q = 0 if p.type in ("influencer", "referral") else MDF_PER_QUARTER[p.tier] * lognormal(r, 1.0, 0.2)
    collapse = p.key == PLANTED_KEYS["logins_collapse"]
    unspent = p.key == PLANTED_KEYS["unspent_mdf"]
    if collapse:
        base, slope = 42.0, 0.0
    if unspent:
        mdf_q = 30000.0
    certs_left = max(0, round(p.certified_total * r.uniform(0.3, 0.5)))
    rows = []
    for i, month in enumerate(months):
        m = int(month[5:])
        t = i / max(1, MONTHS - 1)
        onboarding = 1.5 if i < 3 and len(months) < MONTHS else 1.0
        noise = lognormal(r, 1.0, 0.05 if collapse else 0.1)
        logins = round(base * (1 + slope * t) * SEASON[m] * onboarding * noise)
        if collapse and i >= len(months) - 3:
            logins = COLLAPSED_LOGINS[i - (len(months) - 3)]
        trainings = poisson(r, max(0.2, base / 12) * (2.5 if onboarding > 1 else 1.0))
        certs = min(certs_left, poisson(r, 0.35 if p.certified_total else 0.0))
        certs_left -= certs
        allocated = round(mdf_q / 3 * lognormal(r, 1.0, 0.08), -2) if mdf_q else 0.0
        if unspent and i >= len(months) - UNSPENT_MONTHS:
            spent = round(allocated * r.uniform(0.06, 0.12), -1)
        else:
            spent = round(allocated * r.uniform(0.72, 1.04), -1)
        psat = min(10.0, max(0.0, psat_base + r.gauss(0, 0.3) - (1.2 if collapse and i >= len(months) - 3 else 0)))
        deals = registered.get((p.partner_id, month), 0) + (1 if r.random() < 0.12 * (base / 40) else 0)
        rows.append({"partner_id": p.partner_id, "month": month, "portal_logins": str(logins),
                     "trainings_completed": str(trainings), "deals_registered": str(deals),
                     "certifications_earned": str(certs), "mdf_allocated": money(allocated),
                     "mdf_spent": money(spent), "psat": f"{psat:.1f}"})
    return rows


def activity_facts(world: World, rows: list[dict[str, str]]) -> dict[str, dict]:
    """Exact numbers for the two planted activity anomalies, read back from the rows written."""
    months = last_complete_months(world.today, MONTHS)
    by = {(row["partner_id"], row["month"]): row for row in rows}
    lost = world.partner(PLANTED_KEYS["logins_collapse"])
    logins = [int(by[(lost.partner_id, m)]["portal_logins"]) for m in months]
    recent, before = logins[-3:], logins[-6:-3]
    earlier = logins[:-3]
    idle = world.partner(PLANTED_KEYS["unspent_mdf"])

    def mdf(window: list[str]) -> dict[str, float]:
        alloc = sum(float(by[(idle.partner_id, m)]["mdf_allocated"]) for m in window)
        spent = sum(float(by[(idle.partner_id, m)]["mdf_spent"]) for m in window)
        return {"months": window, "mdf_allocated": round(alloc, 2), "mdf_spent": round(spent, 2),
                "unspent": round(alloc - spent, 2), "spent_ratio": round(spent / alloc, 3) if alloc else 0.0}

    return {
        "logins_collapse": {
            "partner_id": lost.partner_id, "name": lost.name, "monthly_logins": dict(zip(months, logins)),
            "last_3_months": months[-3:], "last_3_months_logins": recent,
            "last_3_months_avg": round(sum(recent) / 3, 2), "previous_3_months_avg": round(sum(before) / 3, 2),
            "baseline_avg_before_last_3_months": round(sum(earlier) / len(earlier), 2),
            "definition": "baseline = mean of the partner's own earlier months; collapse = last 3 complete months"},
        "unspent_mdf": {
            "partner_id": idle.partner_id, "name": idle.name,
            "last_6_complete_months": mdf(months[-6:]),
            "last_2_complete_quarters": mdf(_last_quarters(world.today, 2)),
        },
    }


def _last_quarters(today: dt.date, count: int) -> list[str]:
    """Months of the `count` calendar quarters completed before today."""
    q_start_month = ((today.month - 1) // 3) * 3 + 1
    first = dt.date(today.year, q_start_month, 1)
    months = []
    for back in range(3 * count, 0, -1):
        y, m = first.year, first.month - back
        while m <= 0:
            m += 12
            y -= 1
        months.append(f"{y:04d}-{m:02d}")
    return months
