"""Opportunities: three years of closed history and a pipeline of open deals, with partner involvement.

Which partner works a deal is sampled in proportion to hidden skill x eligibility (authorised for the
products, sells in the account's country, already a partner), with noise: skill weighs most on won deals,
little on lost ones, so the history is informative about who wins but never a lookup table.
Natural open deals stay clear of the planted situations (no stale activity, no past close dates, no
registration within 14 days of expiry) so that those are exactly the planted ones.
"""
from __future__ import annotations

import datetime as dt
import itertools
import math
import random

from evals.demo.accounts import SPECIAL_ACCOUNTS
from evals.demo.names import COMPETITORS, PRODUCTS
from evals.demo.world import AccountRec, OppRec, PartnerRec, World, lognormal, rng

SPECIAL_NAMES = tuple(spec[0] for spec in SPECIAL_ACCOUNTS)
OPEN_STAGES = ("prospecting", "qualification", "proposal", "negotiation")
OPEN_STAGE_WEIGHTS = (0.22, 0.28, 0.28, 0.22)
OPEN_AGE = {"prospecting": (5, 60), "qualification": (15, 120), "proposal": (30, 180), "negotiation": (45, 240)}
NATURAL_MAX_IDLE_DAYS = 28  # natural open deals had activity within this many days
PRODUCT_WEIGHTS = {"Lakehouse": 0.34, "Streaming": 0.18, "Governance": 0.17, "AI Studio": 0.19, "Observability": 0.12}
BASE_AMOUNT = {"Lakehouse": 120000, "Streaming": 90000, "Governance": 70000, "AI Studio": 100000,
               "Observability": 50000}
AI_STUDIO_GA_DAYS = 700  # AI Studio launched ~2 years before today: no older deals mention it
ROLE_WEIGHTS = {
    "distributor": {"fulfillment": 0.8, "sourced": 0.2}, "marketplace": {"fulfillment": 0.85, "sourced": 0.15},
    "reseller": {"sourced": 0.5, "fulfillment": 0.35, "influenced": 0.15},
    "var": {"sourced": 0.55, "fulfillment": 0.25, "influenced": 0.2},
    "system_integrator": {"sourced": 0.45, "influenced": 0.55}, "consultancy": {"sourced": 0.35, "influenced": 0.65},
    "msp": {"sourced": 0.5, "fulfillment": 0.3, "influenced": 0.2}, "isv": {"influenced": 0.7, "sourced": 0.3},
    "referral": {"sourced": 0.8, "influenced": 0.2}, "influencer": {"influenced": 1.0},
}
NEEDS = {
    "Lakehouse": ("Consolidate {n} regional data marts into one governed lakehouse.",
                  "Replace the on-premises warehouse before the {y} hardware refresh.",
                  "Give finance one version of revenue reporting; month-end close takes {n} days today."),
    "Streaming": ("Move order and inventory events from nightly batch to real time.",
                  "Feed fraud and anomaly scoring with sub-second event streams.",
                  "Stream telemetry from {n}0 sites into the analytics platform."),
    "Governance": ("Catalogue and classify sensitive data ahead of the next audit.",
                   "Automate access policies and lineage for {n} business domains.",
                   "Respond to regulator questions on data lineage within days, not weeks."),
    "AI Studio": ("Put the first {n} forecasting models into production.",
                  "Build a governed assistant for customer service on internal documents.",
                  "Standardise MLOps: models are hand-deployed and undocumented today."),
    "Observability": ("Detect broken pipelines before the business notices.",
                      "Set freshness SLAs for the {n} most critical dashboards.",
                      "Cut data incident tickets; the team spends {n} days a month firefighting."),
}
LOST_REASONS = ("price", "no decision", "budget frozen", "chose to build in-house", "timing")
# Won deals a year a partner of each tier works for (its sales effort): a partner behind that pace
# pushes harder, one ahead of it eases off, so tiers and history stay roughly consistent.
WON_PACE = {"registered": 0.6, "silver": 3.0, "gold": 7.0, "platinum": 15.0}
TYPE_PACE = {"influencer": 0.2, "referral": 0.5, "isv": 0.7}


def build_opportunities(world: World) -> None:
    r = rng(world.seed, "deals")
    total = max(round(2800 * world.scale), 150)
    n_open = round(total * 0.13)
    # The demo accounts (Acme, Northstar Foods) get only their planted history, nothing random.
    acc_weights = list(itertools.accumulate(
        0.0 if a.name in SPECIAL_NAMES else math.pow(a.employees, 0.3) for a in world.accounts))
    wins: dict[str, list[dt.date]] = {}
    pace = Pace(world.today - dt.timedelta(days=1095), world.scale)
    closed = sorted((_closed_dates(r, world.today) for _ in range(total - n_open)), key=lambda d: d[0])
    for created, closed_on in closed:
        acc = r.choices(world.accounts, cum_weights=acc_weights)[0]
        won = r.random() < 0.42
        opp = _deal(r, world, acc, created, "won" if won else "lost", wins, pace)
        opp.stage = "closed_won" if won else "closed_lost"
        opp.close_date = opp.last_activity_on = closed_on
        opp.description += " " + (f"Signed a {r.choice([1, 2, 3])}-year agreement." if won else _lost_note(r, opp))
        if won:
            wins.setdefault(acc.account_id, []).append(closed_on)
            if opp.partner_id:
                pace.won[opp.partner_id] = pace.won.get(opp.partner_id, 0) + 1
        world.opportunities.append(opp)
    for _ in range(n_open):
        stage = r.choices(OPEN_STAGES, weights=OPEN_STAGE_WEIGHTS)[0]
        age = r.randint(*OPEN_AGE[stage])
        created = world.today - dt.timedelta(days=age)
        acc = r.choices(world.accounts, cum_weights=acc_weights)[0]
        opp = _deal(r, world, acc, created, "open", wins)
        opp.stage = stage
        opp.last_activity_on = world.today - dt.timedelta(days=r.randint(0, min(NATURAL_MAX_IDLE_DAYS, age)))
        ahead = (7, 75) if stage == "negotiation" else (21, 150)
        opp.close_date = world.today + dt.timedelta(days=r.randint(*ahead))
        if opp.registered_by and 70 <= age <= 95:
            opp.registered_by = ""  # keep "registration about to expire" for the planted deal only
        world.opportunities.append(opp)


class Pace:
    """Tracks won deals per partner against the pace its tier implies (see WON_PACE)."""

    def __init__(self, start: dt.date, scale: float):
        self.start, self.scale = start, scale
        self.won: dict[str, int] = {}

    def factor(self, p: PartnerRec, on: dt.date) -> float:
        years = max(0.0, (on - max(self.start, p.joined_on)).days / 365)
        expected = WON_PACE[p.tier] * TYPE_PACE.get(p.type, 1.0) * years * self.scale
        return min(6.0, max(0.3, ((expected + 1) / (self.won.get(p.partner_id, 0) + 1)) ** 1.5))


def _closed_dates(r: random.Random, today: dt.date) -> tuple[dt.date, dt.date]:
    """Creation dates lean recent (the business grows); sales cycles are log-normal around 70 days."""
    growth, u = 0.8, r.random()
    t = (-1 + math.sqrt(1 + 2 * growth * u * (1 + growth / 2))) / growth
    created = today - dt.timedelta(days=int(1095 - t * (1095 - 20)))
    cycle = int(min(320, max(10, lognormal(r, 70, 0.55))))
    cycle = max(1, min(cycle, (today - created).days - 1))
    if (today - created).days - cycle == 365:
        cycle += 1  # never exactly a year ago: "trailing 12 months" must not depend on boundary inclusion
    return created, created + dt.timedelta(days=cycle)


def _deal(r: random.Random, world: World, acc: AccountRec, created: dt.date, mode: str,
          wins: dict[str, list[dt.date]], pace: Pace | None = None) -> OppRec:
    products = pick_products(r, world.today, created)
    prior_win = any(d < created for d in wins.get(acc.account_id, []))
    kind = r.choice(("expansion", "renewal", "upsell", "phase 2") if prior_win
                    else ("new platform", "migration", "pilot", "proof of value", "modernisation"))
    size = min(3.0, max(0.4, (acc.employees / 2000) ** 0.35))
    amount = BASE_AMOUNT[products[0]] * size * lognormal(r, 1.0, 0.5) * (1 + 0.5 * (len(products) - 1))
    opp = OppRec(account_id=acc.account_id, name=f"{acc.core} - {products[0]} {kind}", stage="",
                 amount=max(5000.0, round(amount / 500) * 500), created_on=created, close_date=created,
                 last_activity_on=created, products=products)
    opp.description = r.choice(NEEDS[products[0]]).format(n=r.randint(3, 9), y=created.year + 1)
    involve = {"won": 0.78, "lost": 0.55, "open": 0.55}[mode]
    partner = pick_partner(r, world.partners, acc, products, created, mode, pace) if r.random() < involve else None
    if partner is not None:
        attach_partner(r, opp, partner, registered_share=0.7 if mode != "open" else 0.75)
    competitor = next((c for c, area in COMPETITORS.items() if area == products[0]), None)
    if competitor and r.random() < 0.08:
        opp.description += " " + r.choice((f"Incumbent: {competitor}.", f"Customer is also evaluating {competitor}."))
    return opp


def pick_products(r: random.Random, today: dt.date, created: dt.date) -> list[str]:
    allowed = [p for p in PRODUCTS if p != "AI Studio" or (today - created).days < AI_STUDIO_GA_DAYS]
    weights = [PRODUCT_WEIGHTS[p] for p in allowed]
    products = [r.choices(allowed, weights=weights)[0]]
    extra = 2 if r.random() < 0.05 else (1 if r.random() < 0.3 else 0)
    rest = [p for p in allowed if p not in products]
    products += r.sample(rest, extra)
    return products


def pick_partner(r: random.Random, partners: list[PartnerRec], acc: AccountRec, products: list[str],
                 on: dt.date, mode: str, pace: Pace | None = None) -> PartnerRec | None:
    """Sample an eligible partner: won deals follow skill closely, lost deals barely, open deals in between.

    On won deals the partner's effort (behind or ahead of its tier's pace) scales the weight too."""
    candidates = [p for p in partners if p.eligible(acc.country, products, on)]
    if not candidates:
        return None
    power = {"won": 1.0, "lost": 0.25, "open": 0.7}[mode]
    weights = []
    for p in candidates:
        skill = sum(p.skill(acc.industry, x) for x in products) / len(products)
        strength = skill * p.country_skill[acc.country]
        effort = pace.factor(p, on) if pace is not None and mode == "won" else 1.0
        weights.append(p.capacity * strength ** power * effort * lognormal(r, 1.0, 0.5))
    return r.choices(candidates, weights=weights)[0]


def attach_partner(r: random.Random, opp: OppRec, partner: PartnerRec, registered_share: float) -> None:
    roles = ROLE_WEIGHTS[partner.type]
    opp.partner_id = partner.partner_id
    opp.partner_role = r.choices(list(roles), weights=list(roles.values()))[0]
    if opp.partner_role == "sourced" and r.random() < registered_share:
        opp.registered_by = partner.partner_id
    note = {"sourced": f"Sourced by {partner.brand_name}.",
            "influenced": f"{partner.brand_name} advises on architecture and delivery.",
            "fulfillment": f"Procurement through {partner.brand_name}."}[opp.partner_role]
    opp.description = f"{opp.description} {note}".strip()


def _lost_note(r: random.Random, opp: OppRec) -> str:
    competitor = next((c for c, area in COMPETITORS.items() if area == opp.products[0]), None)
    if competitor and r.random() < 0.3:
        return f"Lost to {competitor}."
    return f"Lost reason: {r.choice(LOST_REASONS)}."


def assign_statuses(world: World) -> None:
    """Account status follows the deal history: wins make customers, old wins with nothing since lapse."""
    r = rng(world.seed, "status")
    last_win: dict[str, dt.date] = {}
    has_deal: dict[str, bool] = {}
    for o in world.opportunities:
        has_deal[o.account_id] = True
        if o.stage == "closed_won":
            last_win[o.account_id] = max(o.close_date, last_win.get(o.account_id, o.close_date))
    open_accounts = {o.account_id: True for o in world.opportunities if o.is_open}
    for a in world.accounts:
        if a.account_id in last_win:
            lapsed = (world.today - last_win[a.account_id]).days > 600 and a.account_id not in open_accounts
            a.status = "former_customer" if lapsed and r.random() < 0.6 else "customer"
        elif a.account_id in has_deal:
            a.status = "prospect"
        else:  # no deal in three years: mostly prospects, some customers from before the CRM history
            a.status = r.choices(["prospect", "customer", "former_customer"], weights=[0.72, 0.18, 0.10])[0]


def number_opportunities(world: World) -> None:
    """CRM-style sequential ids in creation order."""
    world.opportunities.sort(key=lambda o: (o.created_on, o.account_id, o.name))
    for n, o in enumerate(world.opportunities, start=1):
        o.opportunity_id = f"OPP-{n:04d}"
