"""The generated world in memory: partners (with their hidden skills), accounts, deals, and small helpers.

Every random draw comes from `rng(seed, topic)`: one `random.Random` per topic, so adding draws to one
part of the generator does not reshuffle the others, and the output is identical for a seed.
"""
from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass, field

TIER_ORDER = ("registered", "silver", "gold", "platinum")

# vendor.yaml `tier_rules`: the minimums a partner must meet, over the trailing 12 months, to hold a tier.
TIER_RULES: dict[str, dict[str, float]] = {
    "registered": {"min_won_revenue_12m": 0, "min_won_deals_12m": 0, "min_certified_staff": 0},
    "silver": {"min_won_revenue_12m": 100000, "min_won_deals_12m": 1, "min_certified_staff": 2},
    "gold": {"min_won_revenue_12m": 500000, "min_won_deals_12m": 4, "min_certified_staff": 6},
    "platinum": {"min_won_revenue_12m": 1500000, "min_won_deals_12m": 10, "min_certified_staff": 15},
}

REGISTRATION_PROTECTION_DAYS = 90
BACKTEST_DAYS = 182  # the last ~6 months before today are the matching backtest's test period


def rng(seed: int, topic: str) -> random.Random:
    return random.Random(f"{seed}:{topic}")


@dataclass
class PartnerRec:
    partner_id: str
    key: str
    name: str
    brand_name: str
    type: str
    tier: str
    countries: list[str]
    city: str
    website: str
    joined_on: dt.date
    industries: list[str] = field(default_factory=list)
    competencies: list[str] = field(default_factory=list)
    certified: dict[str, int] = field(default_factory=dict)
    languages: list[str] = field(default_factory=list)
    brand_color: str = ""
    tagline: str = ""
    contact_email: str = ""
    account_sharing: str = "counts"
    description: str = ""
    # hidden strengths: never written to the import format, only to truth/partner_skills.json
    capacity: float = 1.0
    pair_skill: dict[tuple[str, str], float] = field(default_factory=dict)
    country_skill: dict[str, float] = field(default_factory=dict)

    def skill(self, industry: str, product: str) -> float:
        return self.pair_skill.get((industry, product), 0.0)

    def eligible(self, country: str, products: list[str], on: dt.date) -> bool:
        """Authorised for every product, sells in the country, and already a partner on that date."""
        return (country in self.countries and all(p in self.competencies for p in products)
                and self.joined_on <= on)

    @property
    def certified_total(self) -> int:
        return sum(self.certified.values())


@dataclass
class AccountRec:
    account_id: str
    name: str
    core: str  # the name without its legal suffix
    suffix: str
    domain: str
    industry: str
    country: str
    employees: int
    annual_revenue: float
    status: str = "prospect"
    owner_email: str = ""


@dataclass
class OppRec:
    account_id: str
    name: str
    stage: str
    amount: float
    created_on: dt.date
    close_date: dt.date
    last_activity_on: dt.date
    products: list[str]
    partner_id: str = ""
    partner_role: str = ""
    registered_by: str = ""
    description: str = ""
    planted: str = ""  # which planted situation this deal is, if any
    opportunity_id: str = ""

    @property
    def is_open(self) -> bool:
        return self.stage not in ("closed_won", "closed_lost")


@dataclass
class World:
    seed: int
    today: dt.date
    scale: float
    partners: list[PartnerRec] = field(default_factory=list)
    accounts: list[AccountRec] = field(default_factory=list)
    opportunities: list[OppRec] = field(default_factory=list)
    _accounts_by_id: dict[str, AccountRec] = field(default_factory=dict, repr=False)

    def partner(self, key_or_id: str) -> PartnerRec:
        for p in self.partners:
            if key_or_id in (p.key, p.partner_id):
                return p
        raise KeyError(key_or_id)

    def account(self, account_id: str) -> AccountRec:
        if len(self._accounts_by_id) != len(self.accounts):  # accounts are only ever appended
            self._accounts_by_id = {a.account_id: a for a in self.accounts}
        return self._accounts_by_id[account_id]


# --- small numeric and date helpers ---------------------------------------------------------------


def lognormal(r: random.Random, median: float, sigma: float) -> float:
    return median * math.exp(r.gauss(0.0, sigma))


def poisson(r: random.Random, lam: float) -> int:
    """Knuth's method; lam stays small here."""
    if lam <= 0:
        return 0
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= r.random()
        if p <= limit:
            return k
        k += 1


def weighted_pick(r: random.Random, items: list, weights: list[float]):
    return r.choices(items, weights=weights, k=1)[0]


def days_ago(today: dt.date, n: int) -> dt.date:
    return today - dt.timedelta(days=n)


def month_key(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def last_complete_months(today: dt.date, count: int) -> list[str]:
    """The `count` months ending with the last complete month before today, oldest first."""
    out = []
    for delta in range(count, 0, -1):
        y, m = add_months(today.year, today.month, -delta)
        out.append(f"{y:04d}-{m:02d}")
    return out


def money(x: float) -> str:
    return f"{x:.2f}"
