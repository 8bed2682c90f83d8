"""Planted situations: deals and partner facts with exact numbers that tests and demos can check.

Each planted deal is built on a real generated account and an eligible partner, so it looks like any
other record; truth/planted.json says what is special about it and which numbers must show up.
"""
from __future__ import annotations

import datetime as dt
import random

from evals.demo.accounts import special_account
from evals.demo.partner_list import PLANTED_KEYS
from evals.demo.world import (
    REGISTRATION_PROTECTION_DAYS,
    TIER_ORDER,
    TIER_RULES,
    AccountRec,
    OppRec,
    PartnerRec,
    World,
    rng,
)

IN_GOOD_STANDING = ("alpine", "sakura", "keystone", "kingsbridge")
DAYS_IN_STAGE_DEFINITION = (
    "opportunities.csv has no stage-change date: days in stage = today - last_activity_on "
    "(created_on when last_activity_on is empty)")


def plant_deals(world: World) -> None:
    r = rng(world.seed, "planted")
    used: list[str] = []
    _plant_acme(world, r)
    _plant_stalled(world, r, used)
    _plant_expiring_registration(world, r, used)
    _plant_past_close(world, r, used)
    _plant_no_partner(world, r, used)
    _plant_competitor(world, r, used)


def _pick_account(world: World, r: random.Random, used: list[str], country: str,
                  industries: list[str]) -> AccountRec:
    pool = [a for a in world.accounts if a.country == country and a.industry in industries
            and a.account_id not in used and a.name not in ("Acme Corporation", "Northstar Foods Inc.")]
    pool = pool or [a for a in world.accounts if a.country == country and a.account_id not in used]
    acc = r.choice(sorted(pool, key=lambda a: a.account_id))
    used.append(acc.account_id)
    return acc


def _open(world: World, acc: AccountRec, name: str, stage: str, amount: float, age: int, idle: int,
          close_in: int, products: list[str], description: str, planted: str) -> OppRec:
    t = world.today
    opp = OppRec(account_id=acc.account_id, name=name, stage=stage, amount=amount,
                 created_on=t - dt.timedelta(days=age), close_date=t + dt.timedelta(days=close_in),
                 last_activity_on=t - dt.timedelta(days=idle), products=products, description=description,
                 planted=planted)
    world.opportunities.append(opp)
    return opp


def _engage(opp: OppRec, partner: PartnerRec, role: str, registered: bool = False) -> None:
    opp.partner_id, opp.partner_role = partner.partner_id, role
    opp.registered_by = partner.partner_id if registered else ""


def _plant_acme(world: World, r: random.Random) -> None:
    acme = special_account(world.accounts, "Acme Corporation")
    keystone = world.partner("keystone")
    first = OppRec(account_id=acme.account_id, name="Acme Corporation - Lakehouse platform", stage="closed_won",
                   amount=310000.0, created_on=world.today - dt.timedelta(days=820),
                   close_date=world.today - dt.timedelta(days=712), last_activity_on=world.today - dt.timedelta(days=712),
                   products=["Lakehouse"], planted="acme_history",
                   description="Replaced three regional warehouses with one lakehouse for plant and sales "
                               "reporting. Procurement through Keystone Data. Signed a 2-year agreement.")
    _engage(first, keystone, "fulfillment")
    world.opportunities.append(first)
    northstar = special_account(world.accounts, "Northstar Foods Inc.")
    won = OppRec(account_id=northstar.account_id, name="Northstar Foods - Streaming new platform",
                 stage="closed_won", amount=145000.0, created_on=world.today - dt.timedelta(days=470),
                 close_date=world.today - dt.timedelta(days=401), last_activity_on=world.today - dt.timedelta(days=401),
                 products=["Streaming"], planted="northstar_history",
                 description="Stream plant and distribution-centre events into the analytics platform. Signed a "
                             "3-year agreement.")
    world.opportunities.append(won)
    renewal = _open(world, acme, "Acme renewal", "negotiation", 240000.0, age=62, idle=3, close_in=46,
                    products=["Lakehouse", "Governance"], planted="acme_renewal",
                    description="Renewal of the 2-year Lakehouse agreement, expanding to Governance for the "
                                "new EU plants. Procurement through Keystone Data.")
    _engage(renewal, keystone, "fulfillment")


def _plant_stalled(world: World, r: random.Random, used: list[str]) -> None:
    partner = world.partner("cascade")
    acc = _pick_account(world, r, used, "US", partner.industries)
    opp = _open(world, acc, f"{acc.core} - Streaming new platform", "qualification", 185000.0, age=196,
                idle=137, close_in=24, products=["Streaming"], planted="stalled_deal",
                description="Move order and inventory events from nightly batch to real time. Champion "
                            "went quiet after the discovery workshop.")
    _engage(opp, partner, "influenced")


def _plant_expiring_registration(world: World, r: random.Random, used: list[str]) -> None:
    partner = world.partner(PLANTED_KEYS["expiring_registration"])
    acc = _pick_account(world, r, used, "DE", ["Manufacturing"])
    opp = _open(world, acc, f"{acc.core} - Lakehouse migration", "proposal", 265000.0, age=81, idle=4,
                close_in=38, products=["Lakehouse"], planted="expiring_registration",
                description="Replace the on-premises warehouse before the hardware refresh; SAP and MES data "
                            "for 14 plants. Sourced by Alpine IT through deal registration.")
    _engage(opp, partner, "sourced", registered=True)


def _plant_past_close(world: World, r: random.Random, used: list[str]) -> None:
    partner = world.partner("orion")
    acc = _pick_account(world, r, used, "FR", partner.industries)
    opp = _open(world, acc, f"{acc.core} - Streaming expansion", "negotiation", 142000.0, age=151, idle=9,
                close_in=-12, products=["Streaming"], planted="past_close_date",
                description="Stream telemetry from 40 sites into the analytics platform. Legal review of the "
                            "data processing agreement still open.")
    _engage(opp, partner, "sourced")


def _plant_no_partner(world: World, r: random.Random, used: list[str]) -> None:
    acc = _pick_account(world, r, used, "JP", ["Manufacturing"])
    _open(world, acc, f"{acc.core} - Lakehouse and AI Studio modernisation", "proposal", 420000.0, age=36,
          idle=2, close_in=70, products=["Lakehouse", "AI Studio"], planted="no_partner",
          description="Consolidate plant quality data into a lakehouse and put defect-prediction models into "
                      "production. Customer asked for a local implementation partner with Japanese-speaking "
                      "consultants.")


def _plant_competitor(world: World, r: random.Random, used: list[str]) -> None:
    partner = world.partner("kingsbridge")
    acc = _pick_account(world, r, used, "GB", ["Financial Services"])
    opp = _open(world, acc, f"{acc.core} - Lakehouse modernisation", "proposal", 390000.0, age=58, idle=5,
                close_in=52, products=["Lakehouse"], planted="competitor",
                description="Competing against Polar Warehouse: the data team runs a Polar Warehouse proof of "
                            "concept in parallel and the CFO asks for a three-year cost comparison. Regulatory "
                            "reporting (BCBS 239) is the driver.")
    _engage(opp, partner, "influenced")


# --- tiers: one partner is promotion-eligible, no other partner is ------------------------------------


def tier_metrics(world: World, p: PartnerRec) -> dict[str, float]:
    since = world.today - dt.timedelta(days=365)
    won = [o for o in world.opportunities if o.partner_id == p.partner_id and o.stage == "closed_won"
           and since < o.close_date <= world.today]
    return {"won_revenue_12m": round(sum(o.amount for o in won), 2), "won_deals_12m": len(won),
            "certified_staff": p.certified_total}


def meets(metrics: dict[str, float], tier: str) -> bool:
    rules = TIER_RULES[tier]
    return (metrics["won_revenue_12m"] >= rules["min_won_revenue_12m"]
            and metrics["won_deals_12m"] >= rules["min_won_deals_12m"]
            and metrics["certified_staff"] >= rules["min_certified_staff"])


def next_tier(tier: str) -> str | None:
    i = TIER_ORDER.index(tier)
    return TIER_ORDER[i + 1] if i + 1 < len(TIER_ORDER) else None


def settle_tiers(world: World) -> None:
    """Make the planted partner eligible for its next tier and keep every other partner short of it."""
    r = rng(world.seed, "tiers")
    star = world.partner(PLANTED_KEYS["promotion_eligible"])
    target = next_tier(star.tier)
    assert target is not None
    rules = TIER_RULES[target]
    used: list[str] = []
    while (m := tier_metrics(world, star))["won_revenue_12m"] < rules["min_won_revenue_12m"] * 1.15 or \
            m["won_deals_12m"] < rules["min_won_deals_12m"] + 1:
        _add_support_win(world, r, star, used)
    _set_certified(star, int(rules["min_certified_staff"]) + 2)
    for key in IN_GOOD_STANDING:  # demo partners should not look like demotion cases
        p = world.partner(key)
        while not meets(tier_metrics(world, p), p.tier):
            if p.certified_total < TIER_RULES[p.tier]["min_certified_staff"]:
                _set_certified(p, int(TIER_RULES[p.tier]["min_certified_staff"]) + 1)
            else:
                _add_support_win(world, r, p, used)
    for p in world.partners:
        nxt = next_tier(p.tier)
        if p is star or nxt is None or not meets(tier_metrics(world, p), nxt):
            continue
        _set_certified(p, int(TIER_RULES[nxt]["min_certified_staff"]) - 1)


def _add_support_win(world: World, r: random.Random, p: PartnerRec, used: list[str]) -> None:
    """A won deal closed 190-350 days ago: inside the 12-month window, outside the backtest period."""
    country = r.choice(p.countries)
    acc = _pick_account(world, r, used, country, p.industries)
    closed = world.today - dt.timedelta(days=r.randint(190, 350))
    product = r.choice(p.competencies)
    opp = OppRec(account_id=acc.account_id, name=f"{acc.core} - {product} new platform", stage="closed_won",
                 amount=float(r.randrange(120000, 260000, 500)), created_on=closed - dt.timedelta(days=r.randint(60, 120)),
                 close_date=closed, last_activity_on=closed, products=[product], planted="promotion_support",
                 description=f"Sourced by {p.brand_name}. Signed a 2-year agreement.")
    _engage(opp, p, "sourced", registered=True)
    world.opportunities.append(opp)


def _set_certified(p: PartnerRec, total: int) -> None:
    """Rescale the per-competency counts to `total`, keeping their proportions (largest first)."""
    comps = sorted(p.certified, key=lambda c: -p.certified[c]) or list(p.competencies)
    if total <= 0 or not comps:
        p.certified = {}
        return
    current = p.certified_total or len(comps)
    counts = {c: int(p.certified.get(c, 1) * total / current) for c in comps}
    i = 0
    while sum(counts.values()) < total:
        counts[comps[i % len(comps)]] += 1
        i += 1
    p.certified = {c: counts[c] for c in p.competencies if counts.get(c, 0) > 0}


# --- truth -----------------------------------------------------------------------------------------


def planted_deal_facts(world: World) -> dict[str, dict]:
    """The numbers a test should see for each planted deal (opportunity ids are known only after numbering)."""
    t = world.today
    by_tag = {o.planted: o for o in world.opportunities if o.planted and o.planted != "promotion_support"}
    open_deals = [o for o in world.opportunities if o.is_open]
    out: dict[str, dict] = {}
    acme = by_tag["acme_renewal"]
    out["acme_renewal"] = _deal_facts(world, acme)
    stalled = by_tag["stalled_deal"]
    same_stage = sorted((t - o.last_activity_on).days for o in open_deals
                        if o.stage == stalled.stage and o is not stalled)
    out["stalled_deal"] = {**_deal_facts(world, stalled), "days_in_stage": (t - stalled.last_activity_on).days,
                           "days_since_last_activity": (t - stalled.last_activity_on).days,
                           "typical_days_in_stage_median": same_stage[len(same_stage) // 2] if same_stage else 0,
                           "max_days_in_stage_other_open_deals": max(
                               (t - o.last_activity_on).days for o in open_deals if o is not stalled),
                           "definition": DAYS_IN_STAGE_DEFINITION}
    reg = by_tag["expiring_registration"]
    expires = reg.created_on + dt.timedelta(days=REGISTRATION_PROTECTION_DAYS)
    out["expiring_registration"] = {**_deal_facts(world, reg), "protection_days": REGISTRATION_PROTECTION_DAYS,
                                    "protection_ends_on": expires.isoformat(),
                                    "days_until_expiry": (expires - t).days}
    past = by_tag["past_close_date"]
    out["past_close_date"] = {**_deal_facts(world, past), "days_past_close": (t - past.close_date).days}
    none = by_tag["no_partner"]
    out["no_partner"] = {**_deal_facts(world, none), "expected_top_candidates": _best_candidates(world, none)}
    comp = by_tag["competitor"]
    out["competitor"] = {**_deal_facts(world, comp), "competitor": "Polar Warehouse",
                         "battlecard": "content/battlecards/polar-warehouse.md"}
    return out


def _deal_facts(world: World, o: OppRec) -> dict:
    acc = world.account(o.account_id)
    return {"opportunity_id": o.opportunity_id, "name": o.name, "account_id": acc.account_id,
            "account_name": acc.name, "stage": o.stage, "amount": o.amount, "products": o.products,
            "created_on": o.created_on.isoformat(), "close_date": o.close_date.isoformat(),
            "last_activity_on": o.last_activity_on.isoformat(), "partner_id": o.partner_id or None,
            "partner_role": o.partner_role or None, "registered_by": o.registered_by or None}


def _best_candidates(world: World, o: OppRec) -> list[dict]:
    """Eligible partners ranked by hidden strength: what a perfect matcher would propose (top 5)."""
    acc = world.account(o.account_id)
    scored = []
    for p in world.partners:
        if p.eligible(acc.country, o.products, world.today):
            skill = sum(p.skill(acc.industry, x) for x in o.products) / len(o.products)
            scored.append((round(skill * p.country_skill[acc.country] * p.capacity, 4), p.partner_id, p.name))
    scored.sort(key=lambda s: -s[0])
    return [{"partner_id": pid, "name": name, "hidden_strength": s} for s, pid, name in scored[:5]]


def tier_facts(world: World) -> dict:
    star = world.partner(PLANTED_KEYS["promotion_eligible"])
    rows, eligible, below = [], [], []
    for p in world.partners:
        m = tier_metrics(world, p)
        nxt = next_tier(p.tier)
        rows.append({"partner_id": p.partner_id, "tier": p.tier, **m})
        if nxt and meets(m, nxt):
            eligible.append(p.partner_id)
        if not meets(m, p.tier):
            below.append(p.partner_id)
    return {
        "promotion_eligible": {"partner_id": star.partner_id, "name": star.name, "current_tier": star.tier,
                               "eligible_for": next_tier(star.tier), **tier_metrics(world, star),
                               "rules": TIER_RULES[next_tier(star.tier) or star.tier]},
        "definition": "won_revenue_12m / won_deals_12m: closed_won opportunities with partner_id = the partner "
                      "(any partner_role) and today - 365 days < close_date <= today; certified_staff: the sum "
                      "of certified_staff counts in partners.csv",
        "all_promotion_eligible": eligible, "below_own_tier_rules": below, "metrics": rows,
    }
