"""The numbers behind next-best actions: vendor-wide baselines, one partner's trailing metrics, and the
partner health score (0-100).

Vendor-wide baselines (`vendor_baselines`, read with `Scope.system()`, aggregates only): days in stage of
open deals per stage, median deal amount, win rate, median MDF use, days from joining to a first deal,
and the distribution of partners' weighted open pipelines.
Amounts summed or compared across deals (median amount, pipelines, won revenue against the tier minimums)
are in vendor.yaml `reporting_currency` (tools.currency): a deal in a currency without an `fx_rates` rate adds
nothing to them.

Windows, relative to "today" (`ctx.today()`; month M is today's month, M-1 the last complete month):
recent = M-3..M-1 (the last 3 complete months), baseline = M-15..M-4 (the partner's own prior 12 months,
at least 3 of them), MDF = M-6..M-1 (the trailing 2 quarters), won/lost deals = closed in the trailing
365 days.

Health = sum of weight x component score (each 0-100); a component without data scores a neutral 50:
- engagement (0.20): recent vs baseline monthly average of portal logins (weight 0.5), trainings (0.25)
  and registrations (0.25); 100 x the weighted mean of min(recent / baseline, 1) over the metrics with a
  baseline.
- pipeline (0.20): percentile of the partner's weighted open pipeline (amount x P(stage)) among all
  partners.
- win_rate (0.20): won / (won + lost) over 12 months, 60 at the vendor's own win rate, 100 at 5/3 of it.
- certifications (0.15): share of the products in its open deals (else its competencies) with certified
  staff.
- mdf (0.10): spent / allocated over the trailing 2 quarters.
- psat (0.15): 10 x the average PSAT of the last 3 complete months.
"""
from __future__ import annotations

import bisect
import datetime as dt
import json
import math
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from sqlalchemy import column, func, select

from retrieval.records import Opportunity, Partner, PartnerActivity
from retrieval.scope import Scope, ScopedRecords
from tools.context import ToolContext
from tools.currency import Converter
from tools.next_best_action import tier_rules
from tools.next_best_action.types import DEFAULT_WIN_RATE, HealthScore
from tools.types import (
    CLOSED_STAGES,
    baseline_months,
    days_quiet,
    in_trailing_year,
    is_open,
    mdf_months,
    months_back,
    recent_months,
    span_label,
    stage_probability,
)

WEIGHTS = {"engagement": 0.20, "pipeline": 0.20, "win_rate": 0.20, "certifications": 0.15, "mdf": 0.10,
           "psat": 0.15}
NEUTRAL = 50.0
# Portal logins are the broadest sign of engagement; trainings and registrations are sparser counts.
ENGAGEMENT_WEIGHTS = {"portal_logins": 0.5, "trainings_completed": 0.25, "deals_registered": 0.25}
TREND_METRICS = {"portal_logins": "Portal logins", "trainings_completed": "Trainings completed",
                 "deals_registered": "Deals registered", "psat": "PSAT"}


# --- vendor-wide aggregates (Scope.system(): only numbers leave this function) ----------------------


@dataclass
class Typical:
    median: float
    p25: float
    p75: float
    count: int
    p90: float | None = None
    # the 90th percentile of the values within Tukey's fence, and how many lie beyond it: a few extreme
    # values (the other stalled deals of a small stage) must not raise the bar they are judged by
    usual_p90: float | None = None
    outliers: int = 0

    @property
    def outlier_above(self) -> float:
        """Tukey's fence: above Q3 + 1.5 x IQR a value is unusual for this distribution."""
        return self.p75 + 1.5 * (self.p75 - self.p25)


@dataclass(frozen=True)
class TierGaps:
    below: int  # partners whose trailing results qualify them for a lower tier than the one they hold
    above: int  # ... for a higher one
    partners: int

    def share(self, direction: str) -> float:
        """The share of this vendor's partners with a gap in that direction (`demotion` or `promotion`)."""
        return (self.below if direction == "demotion" else self.above) / max(self.partners, 1)


@dataclass
class VendorBaselines:
    today: dt.date
    vendor: dict
    stage_days: dict[str, list[float]]  # days in stage of the open deals, per stage
    median_amount: float
    win_rate: float
    median_mdf_use: float | None  # spent / allocated, trailing 6 complete months, median over partners
    first_deal_days: Typical | None
    partner_values: list[float]  # each partner's weighted open pipeline, for percentiles (no ids)
    # (won, closed) of the same closed deals as `win_rate`, with a partner engaged and without
    with_partner: tuple[int, int] = (0, 0)
    without_partner: tuple[int, int] = (0, 0)
    # the same over every closed deal on record, when that is more than the trailing year
    with_partner_all: tuple[int, int] | None = None
    without_partner_all: tuple[int, int] | None = None
    # how many partners the tier rules (vendor.yaml `tier_rules`, else the default table) place below the tier
    # they hold and above it, of how many: rules that most partners miss do not fit this vendor's scale
    tier_gaps: TierGaps | None = None
    # (partners with a competency nobody of theirs is certified on, partners with competencies)
    uncertified_competencies: tuple[int, int] | None = None

    def typical_for(self, stage: str, exclude: float | None = None) -> Typical | None:
        """Days in stage of the OTHER open deals in this stage (all open deals when fewer than 5)."""
        def without(values: list[float]) -> list[float]:
            values = list(values)
            if exclude is not None and exclude in values:
                values.remove(exclude)
            return values

        same = without(self.stage_days.get(stage, []))
        if len(same) >= 5:
            return _typical(same)
        return _typical(without([d for v in self.stage_days.values() for d in v]))

    def tier_rules_fit(self, direction: str = "demotion") -> bool:
        """At most `TIER_GAP_SHARE` of this vendor's partners have a tier gap that way (`demotion`: below
        their tier, `promotion`: above it); otherwise the tier rules do not fit its scale, and a partner's gap
        under them says nothing about the partner (the portfolio's at-risk list reads them the same way)."""
        return self.tier_gaps is None or self.tier_gaps.share(direction) <= tier_rules.TIER_GAP_SHARE

    def typical_deal_value(self) -> float:
        return max(self.median_amount * self.win_rate, 1.0)

    @property
    def fx(self) -> Converter:
        """Amounts compared across deals, in the reporting currency (the baselines' median amount is in it)."""
        return Converter.from_vendor(self.vendor)

    def probability(self, stage: str) -> float:
        return stage_probability(stage, self.vendor)


_OPP_COLUMNS = (Opportunity.stage, Opportunity.amount, Opportunity.close_date, Opportunity.created_on,
                Opportunity.last_activity_on, Opportunity.partner_id, Opportunity.registered_by, Opportunity.currency)


def _typical(values: list[float]) -> Typical | None:
    if not values:
        return None
    q1, _, q3 = statistics.quantiles(values, n=4, method="inclusive") if len(values) > 1 else values * 3
    # the upper median: always a value some deal actually has ("typically 12 days")
    p90 = _p90(values)
    typical = Typical(statistics.median_high(values), q1, q3, len(values), p90)
    usual = [v for v in values if v <= typical.outlier_above]
    typical.usual_p90, typical.outliers = _p90(usual), len(values) - len(usual)
    return typical


def _p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10, method="inclusive")[8] if len(values) > 1 else values[0]


def vendor_baselines(ctx: ToolContext) -> VendorBaselines:
    """The vendor-wide aggregates, computed once per records version and day (`ctx.cached`): they read
    every deal, and they hold no row a caller could be refused."""
    return ctx.cached("vendor_baselines", lambda: compute_vendor_baselines(ctx))


def compute_vendor_baselines(ctx: ToolContext) -> VendorBaselines:
    today, vendor = ctx.today(), ctx.vendor()
    with ctx.records(Scope.system()) as rec:  # vendor-wide: only the aggregates below leave this function
        session = rec.session  # plain rows: only numbers are needed, ORM objects for every deal are slow
        opps = list(session.execute(select(*_OPP_COLUMNS)).all())
        partners = list(session.execute(select(Partner.partner_id, Partner.joined_on, Partner.tier,
                                               Partner.certified_staff, Partner.competencies)).all())
        window = PartnerActivity.month.in_(mdf_months(today))
        activity = list(session.execute(select(
            PartnerActivity.partner_id, PartnerActivity.mdf_allocated, PartnerActivity.mdf_spent).where(window)))
        year = PartnerActivity.month.in_(months_back(today, 1, 12))
        registered = dict(session.execute(select(
            PartnerActivity.partner_id, func.sum(PartnerActivity.deals_registered)).where(year)
            .group_by(PartnerActivity.partner_id)).all())
    by_stage: dict[str, list[float]] = {}
    for opp in filter(is_open, opps):
        quiet = days_quiet(opp, today)
        if quiet is not None:
            by_stage.setdefault(opp.stage, []).append(quiet)
    fx = Converter.from_vendor(vendor)  # amounts compared and summed across deals: in the reporting currency
    amounts = [v for o in opps if o.amount and (v := fx.convert(o.amount, o.currency)) is not None]
    closed = [o for o in opps if o.stage in CLOSED_STAGES and in_trailing_year(o.close_date, today)]
    if len(closed) < 20:
        closed = [o for o in opps if o.stage in CLOSED_STAGES]
    won = sum(o.stage == "closed_won" for o in closed)
    engaged = [o for o in closed if o.partner_id]
    direct = [o for o in closed if not o.partner_id]
    every = [o for o in opps if o.stage in CLOSED_STAGES]
    every_engaged = [o for o in every if o.partner_id]
    every_direct = [o for o in every if not o.partner_id]
    return VendorBaselines(
        today=today,
        vendor=vendor,
        stage_days=by_stage,
        median_amount=statistics.median(amounts) if amounts else 0.0,
        win_rate=won / len(closed) if len(closed) >= 5 else DEFAULT_WIN_RATE,
        median_mdf_use=_median_mdf_use(activity),
        first_deal_days=_typical(_days_to_first_deal(partners, opps)),
        partner_values=_partner_pipelines(partners, opps, vendor),
        with_partner=(sum(o.stage == "closed_won" for o in engaged), len(engaged)),
        without_partner=(sum(o.stage == "closed_won" for o in direct), len(direct)),
        with_partner_all=(sum(o.stage == "closed_won" for o in every_engaged), len(every_engaged))
        if len(every) > len(closed) else None,
        without_partner_all=(sum(o.stage == "closed_won" for o in every_direct), len(every_direct))
        if len(every) > len(closed) else None,
        tier_gaps=_tier_gaps(partners, opps, registered, vendor, today),
        uncertified_competencies=_uncertified_competencies(partners),
    )


def uncertified(competencies: list | None, certified: dict[str, tuple[str, int]]) -> list[str]:
    """The competencies (products the partner is authorised for) with no certified staff, as written."""
    out = []
    for c in competencies or []:
        name = str(c).strip()
        if name and certified.get(name.lower(), (name, 0))[1] <= 0 and name not in out:
            out.append(name)
    return out


def _uncertified_competencies(partners: list) -> tuple[int, int]:
    with_comps = [p for p in partners if any(str(c).strip() for c in p.competencies or [])]
    gaps = sum(bool(uncertified(p.competencies, parse_certified(p.certified_staff))) for p in with_comps)
    return gaps, len(with_comps)


def _tier_gaps(partners: list, opps: list, registered: dict, vendor: dict, today: dt.date) -> TierGaps:
    """Every partner's held tier against the one its trailing results qualify it for (the metrics of
    `TierFigures.tier_metrics`: deals won with the partner engaged or registered, closed in the trailing year;
    revenue in the reporting currency, as the tier minimums)."""
    fx = Converter.from_vendor(vendor)
    won: dict[str, list[float]] = {}
    for o in opps:
        if o.stage == "closed_won" and in_trailing_year(o.close_date, today):
            for pid in {o.partner_id, o.registered_by} - {None}:
                won.setdefault(pid, []).append(fx.value(o.amount, o.currency))
    rules = tier_rules.load_tier_rules(vendor)
    below = above = 0
    for p in partners:
        deals = won.get(p.partner_id, [])
        figures = _TrailingFigures(certified=parse_certified(p.certified_staff), won_revenue_12m=sum(deals),
                                   won_count_12m=len(deals), registrations_12m=_count(registered.get(p.partner_id)))
        qualified = tier_rules.qualified_tier(rules, figures.tier_metrics())
        step = tier_rules.tier_rank(qualified) - tier_rules.tier_rank(p.tier)
        below, above = below + (step < 0), above + (step > 0)
    return TierGaps(below, above, len(partners))


def _median_mdf_use(activity: Iterable) -> float | None:
    allocated: dict[str, float] = {}
    spent: dict[str, float] = {}
    for row in activity:
        allocated[row.partner_id] = allocated.get(row.partner_id, 0.0) + (row.mdf_allocated or 0.0)
        spent[row.partner_id] = spent.get(row.partner_id, 0.0) + (row.mdf_spent or 0.0)
    uses = [min(spent[p] / a, 1.0) for p, a in allocated.items() if a > 0]
    return statistics.median(uses) if uses else None


def _days_to_first_deal(partners: list, opps: list) -> list[float]:
    """Only partners that joined after the data starts: for older ones the first deal is not observed."""
    starts = [o.created_on for o in opps if o.created_on]
    if not starts:
        return []
    data_start = min(starts)
    first: dict[str, dt.date] = {}
    for opp in opps:
        if not opp.created_on:
            continue
        for pid in {opp.partner_id, opp.registered_by} - {None}:
            if pid not in first or opp.created_on < first[pid]:
                first[pid] = opp.created_on
    return [max((first[p.partner_id] - p.joined_on).days, 0)
            for p in partners if p.joined_on and p.joined_on >= data_start and p.partner_id in first]


def _partner_pipelines(partners: list, opps: list, vendor: dict) -> list[float]:
    values = {p.partner_id: 0.0 for p in partners}
    fx = Converter.from_vendor(vendor)
    for opp in filter(is_open, opps):
        for pid in {opp.partner_id, opp.registered_by} - {None}:
            if pid in values:
                values[pid] += fx.value(opp.amount, opp.currency) * stage_probability(opp.stage, vendor)
    return sorted(values.values())


# --- one partner's metrics ---------------------------------------------------------------------------


@dataclass
class Trend:
    """Monthly averages of one activity metric: the last 3 complete months vs the partner's baseline."""

    metric: str
    label: str
    recent: float | None
    baseline: float | None
    baseline_sd: float
    recent_months: list[str]  # the months with a value
    baseline_months: list[str]
    recent_values: list[float] = field(default_factory=list)

    @property
    def drop(self) -> float:
        """Relative fall from the baseline (0.86 = down 86%); 0 when it did not fall or is unknown."""
        if not self.baseline or self.recent is None:
            return 0.0
        return max(0.0, (self.baseline - self.recent) / self.baseline)

    def beyond_noise(self, z: float = 2.0) -> bool:
        """The fall is more than month-to-month noise: baseline - recent >= z standard errors of a mean over
        the recent months, the noise taken from the baseline months' spread (for counts at least Poisson's
        sqrt(baseline)). Sparse counts (1-2 trainings a month) fall to zero for three months by chance."""
        if not self.baseline or self.recent is None or not self.recent_months:
            return False
        spread = max(self.baseline_sd, math.sqrt(self.baseline) if self.metric in ENGAGEMENT_WEIGHTS else 0.0)
        return self.baseline - self.recent >= z * spread / math.sqrt(len(self.recent_months))


class TierFigures:
    """What the tier rules read, from `certified` (product -> (name, count)), `won_revenue_12m`,
    `won_count_12m` and `registrations_12m`: one reading for per-deal and SQL-aggregated metrics."""

    @property
    def certified_total(self) -> int:
        return sum(count for _, count in self.certified.values())

    def certified_for(self, product: str) -> int:
        return self.certified.get(product.strip().lower(), (product, 0))[1]

    def tier_metrics(self) -> dict[str, float]:
        return {"won_revenue_12m": self.won_revenue_12m, "won_deals_12m": self.won_count_12m,
                "certified_staff": self.certified_total, "deals_registered_12m": self.registrations_12m}


@dataclass
class _TrailingFigures(TierFigures):
    """A partner's tier figures from the vendor-wide aggregates (`_tier_gaps`), read as `PartnerMetrics` reads
    them."""
    certified: dict[str, tuple[str, int]]
    won_revenue_12m: float
    won_count_12m: int
    registrations_12m: int


@dataclass
class PartnerMetrics(TierFigures):
    partner: Partner
    today: dt.date
    deals: list[Opportunity]  # every deal the partner is engaged on or registered
    trends: dict[str, Trend]
    mdf_allocated: float
    mdf_spent: float
    mdf_window: list[str]
    certified: dict[str, tuple[str, int]]  # lower-cased competency -> (as written, certified staff)
    registrations_12m: int = 0
    vendor: dict = field(default_factory=dict)

    @property
    def partner_id(self) -> str:
        return self.partner.partner_id

    @property
    def open_deals(self) -> list[Opportunity]:
        return [o for o in self.deals if is_open(o)]

    @property
    def won_12m(self) -> list[Opportunity]:
        return [o for o in self.deals
                if o.stage == "closed_won" and in_trailing_year(o.close_date, self.today)]

    @property
    def lost_12m(self) -> list[Opportunity]:
        return [o for o in self.deals
                if o.stage == "closed_lost" and in_trailing_year(o.close_date, self.today)]

    @property
    def fx(self) -> Converter:
        return Converter.from_vendor(self.vendor)

    @property
    def won_revenue_12m(self) -> float:
        """In the reporting currency (the tier minimums' currency); a deal in a currency without a rate adds nothing."""
        return self.fx.total(self.won_12m)

    def unconverted(self) -> list[str]:
        """The currencies of its won (trailing year) and open deals without a rate: left out of its revenue and
        pipeline."""
        return self.fx.unconverted(o.currency for o in [*self.won_12m, *self.open_deals] if o.amount)


    # what the health score reads (tools.next_best_action.portfolio_sql gives the same from SQL aggregates)

    @property
    def tier(self) -> str:
        return self.partner.tier

    @property
    def competencies(self) -> list[str]:
        return self.partner.competencies or []

    @property
    def won_count_12m(self) -> int:
        return len(self.won_12m)

    @property
    def lost_count_12m(self) -> int:
        return len(self.lost_12m)

    @property
    def open_count(self) -> int:
        return len(self.open_deals)

    def weighted_pipeline(self, b: VendorBaselines) -> float:
        fx = self.fx
        return sum(fx.value(o.amount, o.currency) * b.probability(o.stage) for o in self.open_deals)

    def open_products(self) -> set[str]:
        """The lower-cased products of its open deals."""
        return {p.strip().lower() for o in self.open_deals for p in o.products or []}


def _count(value) -> int:
    try:
        return max(int(float(value)), 0)
    except (TypeError, ValueError):
        return 0


def parse_certified(certified_staff: dict | None) -> dict[str, tuple[str, int]]:
    return {str(k).strip().lower(): (str(k).strip(), _count(v)) for k, v in (certified_staff or {}).items()}


def _trend(rows: dict[str, PartnerActivity], metric: str, today: dt.date) -> Trend:
    def values(months: list[str]) -> tuple[list[float], list[str]]:
        got = [(m, getattr(rows[m], metric)) for m in months if m in rows]
        got = [(m, float(v)) for m, v in got if v is not None]
        return [v for _, v in got], [m for m, _ in got]

    recent, recent_m = values(recent_months(today))
    base, base_m = values(baseline_months(today))
    return Trend(metric, TREND_METRICS[metric],
                 recent=statistics.fmean(recent) if len(recent) >= 2 else None,
                 baseline=statistics.fmean(base) if len(base) >= 3 else None,
                 baseline_sd=statistics.pstdev(base) if len(base) >= 2 else 0.0,
                 recent_months=recent_m, baseline_months=base_m, recent_values=recent)


def partner_metrics(rec: ScopedRecords, partner_id: str, baselines: VendorBaselines) -> PartnerMetrics:
    """Everything the partner rules and the health score need, read within the asker's scope."""
    partner = rec.partner(partner_id)  # NotFound / Forbidden
    partner_id = partner.partner_id  # as stored: it may have been typed in another case
    today = baselines.today
    rows = {r.month: r for r in rec.partner_activity(partner_id)}
    window = mdf_months(today)
    year = months_back(today, 1, 12)
    return PartnerMetrics(
        partner=partner,
        today=today,
        deals=rec.opportunities(partner_id=partner_id),
        trends={m: _trend(rows, m, today) for m in TREND_METRICS},
        mdf_allocated=sum(rows[m].mdf_allocated or 0.0 for m in window if m in rows),
        mdf_spent=sum(rows[m].mdf_spent or 0.0 for m in window if m in rows),
        mdf_window=window,
        certified=parse_certified(partner.certified_staff),
        registrations_12m=sum(rows[m].deals_registered or 0 for m in year if m in rows),
        vendor=baselines.vendor,
    )


def partner_value(m: PartnerMetrics, b: VendorBaselines) -> float:
    """V: weighted open pipeline + a quarter of the trailing year's won revenue, at least one typical deal."""
    return max(m.weighted_pipeline(b) + m.won_revenue_12m / 4, b.typical_deal_value())


# --- the health score ------------------------------------------------------------------------------


def _engagement(m: PartnerMetrics) -> tuple[float, str]:
    parts = [(t, ENGAGEMENT_WEIGHTS[k], min(t.recent / t.baseline, 1.0)) for k, t in m.trends.items()
             if k in ENGAGEMENT_WEIGHTS and t.baseline and t.recent is not None]
    if not parts:
        return NEUTRAL, "no activity baseline yet"
    detail = "; ".join(f"{t.label} {t.recent:.1f}/month vs {t.baseline:.1f} before" for t, _, _ in parts)
    return 100 * sum(w * r for _, w, r in parts) / sum(w for _, w, _ in parts), detail


def _pipeline(m: PartnerMetrics, b: VendorBaselines) -> tuple[float, str]:
    mine = m.weighted_pipeline(b)
    values = b.partner_values
    if not values:
        return NEUTRAL, "no partner pipeline to compare with"
    below = bisect.bisect_left(values, mine)  # partner_values is sorted
    ties = bisect.bisect_right(values, mine) - below
    pct = 100 * (below + 0.5 * ties) / len(values)
    return pct, (f"weighted open pipeline {mine:,.0f} across {m.open_count} open deals "
                 f"(percentile {pct:.0f} among partners)")


def _win_rate(m: PartnerMetrics, b: VendorBaselines) -> tuple[float, str]:
    won, lost = m.won_count_12m, m.lost_count_12m
    if won + lost == 0:
        return NEUTRAL, "no deal closed in the last 12 months"
    rate = won / (won + lost)
    score = min(100.0, 60.0 * rate / b.win_rate) if b.win_rate > 0 else NEUTRAL
    return score, f"won {won} of {won + lost} closed deals ({rate:.0%}; vendor {b.win_rate:.0%})"


def _certifications(m: PartnerMetrics) -> tuple[float, str]:
    products = m.open_products()
    basis = "products in its open deals"
    if not products:
        products = {c.strip().lower() for c in m.competencies}
        basis = "its competencies"
    if not products:
        return NEUTRAL, "no products in its pipeline or competencies"
    covered = [key for key in products if m.certified_for(key) > 0]
    return (100 * len(covered) / len(products),
            f"certified staff for {len(covered)} of {len(products)} {basis}")


def _mdf(m: PartnerMetrics) -> tuple[float, str]:
    if m.mdf_allocated <= 0:
        return NEUTRAL, "no MDF allocated in the last 2 quarters"
    use = min(m.mdf_spent / m.mdf_allocated, 1.0)
    return 100 * use, (f"spent {m.mdf_spent:,.0f} of {m.mdf_allocated:,.0f} MDF ({use:.0%}) "
                       f"in {span_label(m.mdf_window)}")


def _psat(m: PartnerMetrics) -> tuple[float, str]:
    t = m.trends["psat"]
    if t.recent is None:
        return NEUTRAL, "no PSAT in the last 3 months"
    return max(0.0, min(100.0, 10 * t.recent)), f"PSAT {t.recent:.1f}/10 over {span_label(t.recent_months)}"


def health_from_metrics(m: PartnerMetrics, b: VendorBaselines) -> HealthScore:
    scored = {"engagement": _engagement(m), "pipeline": _pipeline(m, b), "win_rate": _win_rate(m, b),
              "certifications": _certifications(m), "mdf": _mdf(m), "psat": _psat(m)}
    # the components validated with the score, in one call (the portfolio scores 20,000 partner-days at once)
    components = [{"name": name, "score": round(score, 1), "weight": WEIGHTS[name], "detail": detail}
                  for name, (score, detail) in scored.items()]
    total = sum(WEIGHTS[name] * score for name, (score, _) in scored.items())
    return HealthScore(partner_id=m.partner_id, score=math.floor(total + 0.5), components=components)


def unmeasured(m: PartnerMetrics, b: VendorBaselines) -> frozenset[str]:
    """The components scored NEUTRAL for want of data on the metrics' day (the branches of the functions above):
    a move to or from one of them is no change of the partner."""
    names = []
    if not any(t.baseline and t.recent is not None for k, t in m.trends.items() if k in ENGAGEMENT_WEIGHTS):
        names.append("engagement")
    if not b.partner_values:
        names.append("pipeline")
    if m.won_count_12m + m.lost_count_12m == 0:
        names.append("win_rate")
    if m.mdf_allocated <= 0:
        names.append("mdf")
    if m.trends["psat"].recent is None:
        names.append("psat")
    return frozenset(names)


def partner_health(ctx: ToolContext, scope: Scope, partner_id: str) -> HealthScore:
    """The health score of one partner, within the asker's permissions (nba rules: P only for P's sellers)."""
    scope.require("nba")
    baselines = vendor_baselines(ctx)
    with ctx.records(scope) as rec:
        return health_from_metrics(partner_metrics(rec, partner_id, baselines), baselines)


# --- every partner at once, now or as of a past day (programme analytics) --------------------------


class _AsOf:
    """A context whose today is a past day; cached values are kept apart per day."""

    def __init__(self, ctx: ToolContext, day: dt.date):
        self._ctx, self._day = ctx, day

    def __getattr__(self, name: str):
        return getattr(self._ctx, name)

    def today(self) -> dt.date:
        return self._day

    def cached(self, name, build, *, key=(), stamp=(), max_entries=None):
        return self._ctx.cached(name, build, key=(key, "as_of", self._day), stamp=stamp, max_entries=max_entries)


@dataclass(frozen=True)
class _DealAsOf:
    """A deal as it stood on a past day: a deal that closed later was still open (its stage then is not
    recorded: `proposal`, the middle of the funnel), activity after the day is not known yet."""

    stage: str
    amount: float | None
    close_date: dt.date | None
    created_on: dt.date | None
    last_activity_on: dt.date | None
    products: list
    partner_id: str | None
    registered_by: str | None
    currency: str = "USD"


# products as stored (JSON text in SQLite), decoded only for the deals whose products count: open ones
_BULK_COLUMNS = (Opportunity.stage, Opportunity.amount, Opportunity.close_date, Opportunity.created_on,
                 Opportunity.last_activity_on, column("products"), Opportunity.partner_id,
                 Opportunity.registered_by, Opportunity.currency)


def _products(raw) -> list:
    if raw is None or isinstance(raw, list):
        return raw or []
    try:
        value = json.loads(raw)
    except (TypeError, ValueError):
        return []
    return value if isinstance(value, list) else []


def _portfolio_rows(ctx: ToolContext) -> tuple[list[Partner], list]:
    with ctx.records(Scope.system()) as rec:
        partners = list(rec.session.scalars(select(Partner).order_by(Partner.partner_id)))
        rec.session.expunge_all()
        return partners, rec.session.execute(select(*_BULK_COLUMNS)).all()


def all_partner_metrics(ctx: ToolContext, as_of: dt.date | None = None
                        ) -> tuple[VendorBaselines, list[PartnerMetrics]]:
    """Every partner's metrics in three reads (system-level: callers check the asker may see every partner).
    With `as_of`, from the data as it stood that day: deals created later are left out, deals closed later
    count as open, activity months from that day's month on are unknown, and the pipeline percentile ranks
    among every partner's pipeline of that day."""
    day = as_of or ctx.today()
    view = ctx if as_of is None else _AsOf(ctx, day)
    baselines = vendor_baselines(view)
    partners, opps = ctx.cached("nba.portfolio_rows", lambda: _portfolio_rows(ctx))  # now and as of: one read
    with ctx.records(Scope.system()) as rec:
        session = rec.session
        first_month = months_back(day, 1, 15)[0]
        activity = session.execute(select(PartnerActivity).where(PartnerActivity.month >= first_month))
        rows_by: dict[str, dict[str, PartnerActivity]] = {}
        for (row,) in activity:
            rows_by.setdefault(row.partner_id, {})[row.month] = row
        session.expunge_all()
    month_now = f"{day.year:04d}-{day.month:02d}"
    deals: dict[str, list] = {}
    for o in opps:
        if as_of is not None and o.created_on and o.created_on > day:
            continue
        if as_of is not None and o.stage in CLOSED_STAGES and o.close_date and o.close_date > day:
            o = _DealAsOf("proposal", o.amount, o.close_date, o.created_on,
                          min(o.last_activity_on, day) if o.last_activity_on else None, _products(o.products),
                          o.partner_id, o.registered_by, o.currency)
        elif o.stage not in CLOSED_STAGES:
            o = _DealAsOf(o.stage, o.amount, o.close_date, o.created_on, o.last_activity_on, _products(o.products),
                          o.partner_id, o.registered_by, o.currency)
        for pid in {o.partner_id, o.registered_by} - {None}:
            deals.setdefault(pid, []).append(o)
    window, year = mdf_months(day), months_back(day, 1, 12)
    out = []
    for p in partners:
        rows = {m: r for m, r in rows_by.get(p.partner_id, {}).items() if m < month_now}
        out.append(PartnerMetrics(
            partner=p, today=day, deals=deals.get(p.partner_id, []),
            trends={m: _trend(rows, m, day) for m in TREND_METRICS},
            mdf_allocated=sum(rows[m].mdf_allocated or 0.0 for m in window if m in rows),
            mdf_spent=sum(rows[m].mdf_spent or 0.0 for m in window if m in rows),
            mdf_window=window, certified=parse_certified(p.certified_staff),
            registrations_12m=sum(rows[m].deals_registered or 0 for m in year if m in rows),
            vendor=baselines.vendor))
    if as_of is not None:  # a pipeline of that day ranks among the pipelines of that day, not today's
        baselines = replace(baselines, partner_values=sorted(m.weighted_pipeline(baselines) for m in out))
    return baselines, out
