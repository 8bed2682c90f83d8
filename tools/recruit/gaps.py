"""Coverage gaps from our own data: per country, industry and product, the demand (open deals, and our
accounts) against the current partners covering it. A segment with much demand per partner is a gap;
a candidate covering it fills it ("covers Italy, where we have 40 open deals and 1 partner").
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field, replace

from sqlalchemy import select

from retrieval.records import Account, Opportunity
from retrieval.scope import Scope
from tools.context import ToolContext
from tools.currency import Converter
from tools.recruit.traits import Company

CLOSED = ("closed_won", "closed_lost")
ACCOUNT_WEIGHT = 0.2  # an account without an open deal is a fifth of the demand an open deal is
DIMENSIONS = ("country", "industry", "product")


@dataclass
class Segment:
    dimension: str  # country | industry | product
    value: str
    open_deals: int = 0
    pipeline: float = 0.0  # open amount in the reporting currency (a size cue, not a figure shown)
    accounts: int = 0
    partners: int = 0
    gap: float = 0.0  # log of demand per partner against the programme's average, 0 when not above it

    def sentence(self, label: str) -> str:
        partners = f"{self.partners} partner{'s' if self.partners != 1 else ''}" if self.partners else "no partner"
        demand = f"{self.open_deals} open deal{'s' if self.open_deals != 1 else ''}"
        if self.dimension != "product" and self.accounts:
            demand += f" and {self.accounts} account{'s' if self.accounts != 1 else ''}"
        where = {"country": f"covers {label}", "industry": f"works in {label}",
                 "product": f"has {label} skills"}[self.dimension]
        scope = {"country": "there", "industry": "in that industry", "product": "for it"}[self.dimension]
        return f"{where}, where we have {demand} and {partners} {scope}"


@dataclass
class Gaps:
    segments: dict[tuple[str, str], Segment] = field(default_factory=dict)
    # (country, industry) -> [our accounts, open deals] there: the demand a company could serve (`reach`)
    cells: dict[tuple[str, str], list[int]] = field(default_factory=dict)

    def reach(self, company: Company) -> tuple[int, int]:
        """(our accounts, open deals) in the company's countries AND industries: the demand it could serve."""
        accounts = deals = 0
        for country in {_key(c) for c in company.countries if c}:
            for industry in {_key(i) for i in company.industries if i}:
                a, d = self.cells.get((country, industry), (0, 0))
                accounts, deals = accounts + a, deals + d
        return accounts, deals

    def reach_value(self, company: Company) -> float:
        """log(1 + accounts + open deals it could serve): a trend, not a count that one big market dominates."""
        return math.log1p(sum(self.reach(company)))

    def best_for(self, company: Company, prefer: tuple[str, str] | None = None) -> Segment | None:
        """The largest gap the company covers; the segment a filter named (dimension, value), when given."""
        if prefer is not None and (prefer[0], _key(prefer[1])) in self.segments:
            return self.segments[(prefer[0], _key(prefer[1]))]
        found = [s for s in self._covered(company) if s.gap > 0]
        return max(found, key=lambda s: (s.gap, s.open_deals, s.value), default=None)

    def value(self, company: Company) -> float:
        """How much gap the company fills: per dimension its best segment's gap, averaged (0 .. ~1)."""
        covered = list(self._covered(company))
        per_dim = [max((s.gap for s in covered if s.dimension == d), default=0.0) for d in DIMENSIONS]
        top = max((s.gap for s in self.segments.values()), default=0.0) or 1.0
        return sum(per_dim) / len(DIMENSIONS) / top

    def _covered(self, company: Company):
        for dim, values in (("country", company.countries), ("industry", company.industries),
                            ("product", company.competencies)):
            for v in values:
                seg = self.segments.get((dim, _key(v)))
                if seg is not None:
                    yield seg


def _key(value: str) -> str:
    return " ".join(value.split()).casefold()


def coverage_gaps(ctx: ToolContext, scope: Scope, partners: list[Company]) -> Gaps:
    return gaps_with(demand(ctx, scope), partners)


def demand(ctx: ToolContext, scope: Scope) -> Gaps:
    """The segments with their demand (open deals, accounts) and no partner counted yet."""
    with ctx.records(scope) as rec:
        accounts = rec.session.execute(select(Account.account_id, Account.country, Account.industry)).all()
        opps = rec.session.execute(select(Opportunity.account_id, Opportunity.stage, Opportunity.amount,
                                          Opportunity.products, Opportunity.currency)).all()
    fx = Converter.from_vendor(ctx.vendor())  # a segment's pipeline: in the reporting currency
    where = {a: (c, i) for a, c, i in accounts}
    segments: dict[tuple[str, str], Segment] = {}

    def seg(dim: str, value: str | None) -> Segment | None:
        if not value or not value.strip():
            return None
        return segments.setdefault((dim, _key(value)), Segment(dim, value.strip()))

    cells: dict[tuple[str, str], list[int]] = {}

    def cell(country: str | None, industry: str | None) -> list[int] | None:
        if not country or not industry or not country.strip() or not industry.strip():
            return None
        return cells.setdefault((_key(country), _key(industry)), [0, 0])

    for account_id, stage, amount, products, currency in opps:
        if stage in CLOSED:
            continue
        country, industry = where.get(account_id, (None, None))
        if (c := cell(country, industry)) is not None:
            c[1] += 1
        for s in (seg("country", country), seg("industry", industry), *(seg("product", p) for p in products or [])):
            if s is not None:
                s.open_deals += 1
                s.pipeline += fx.value(amount, currency)
    for country, industry in where.values():
        for s in (seg("country", country), seg("industry", industry)):
            if s is not None:
                s.accounts += 1
        if (c := cell(country, industry)) is not None:
            c[0] += 1
    return Gaps(segments, cells)


def gaps_with(demanded: Gaps, partners: list[Company]) -> Gaps:
    """The gaps the demand leaves with these partners (the demand itself is not changed)."""
    segments = {k: replace(s, partners=0, gap=0.0) for k, s in demanded.segments.items()}
    counts = Counter()
    for p in partners:
        for dim, values in (("country", p.countries), ("industry", p.industries), ("product", p.competencies)):
            for v in {_key(x) for x in values if x}:
                counts[(dim, v)] += 1
    for key, s in segments.items():
        s.partners = counts[key]
    for dim in DIMENSIONS:
        _score(dim, [s for s in segments.values() if s.dimension == dim])
    return Gaps(segments, demanded.cells)


def _score(dimension: str, segs: list[Segment]) -> None:
    """gap = log((demand + 1) / (partners + 1)) minus the same over the whole dimension, floored at 0."""
    if not segs:
        return
    demand = {id(s): s.open_deals + ACCOUNT_WEIGHT * (s.accounts if dimension != "product" else 0) for s in segs}
    total_demand = sum(demand.values())
    total_partners = sum(s.partners for s in segs)
    base = math.log((total_demand / len(segs) + 1) / (total_partners / len(segs) + 1))
    for s in segs:
        s.gap = max(0.0, math.log((demand[id(s)] + 1) / (s.partners + 1)) - base)
