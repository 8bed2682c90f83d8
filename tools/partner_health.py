"""A partner's trailing metrics (shared with the partner rules) and its health score, 0-100.

Windows, relative to "today" (`ctx.today()`; month M is today's month, M-1 the last complete month):
recent = M-3..M-1 (the last 3 complete months), baseline = M-15..M-4 (the partner's own prior 12 months,
at least 3 of them),
MDF = M-6..M-1 (the trailing 2 quarters), won/lost deals = closed in the trailing 365 days.

Health = sum of weight x component score (each 0-100); a component without data scores a neutral 50:
- engagement (0.20): recent vs baseline monthly average of portal logins (weight 0.5), trainings (0.25)
  and registrations (0.25); 100 x the weighted mean of min(recent / baseline, 1) over the metrics with a
  baseline.
- pipeline (0.20): percentile of the partner's weighted open pipeline (amount x P(stage)) among all partners.
- win_rate (0.20): won / (won + lost) over 12 months, 60 at the vendor's own win rate, 100 at 5/3 of it.
- certifications (0.15): share of the products in its open deals (else its competencies) with certified staff.
- mdf (0.10): spent / allocated over the trailing 2 quarters.
- psat (0.15): 10 x the average PSAT of the last 3 complete months.
"""
from __future__ import annotations

import datetime as dt
import math
import statistics
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from retrieval.records import Opportunity, Partner, PartnerActivity
from retrieval.scope import Scope, ScopedRecords
from tools.next_best_action import (
    HealthComponent,
    HealthScore,
    VendorBaselines,
    in_trailing_year,
    is_open,
)

if TYPE_CHECKING:
    from assistant.context import AppContext

WEIGHTS = {"engagement": 0.20, "pipeline": 0.20, "win_rate": 0.20, "certifications": 0.15, "mdf": 0.10,
           "psat": 0.15}
NEUTRAL = 50.0
# Portal logins are the broadest sign of engagement; trainings and registrations are sparser counts.
ENGAGEMENT_WEIGHTS = {"portal_logins": 0.5, "trainings_completed": 0.25, "deals_registered": 0.25}
TREND_METRICS = {"portal_logins": "Portal logins", "trainings_completed": "Trainings completed",
                 "deals_registered": "Deals registered", "psat": "PSAT"}
_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# --- months ----------------------------------------------------------------------------------------


def months_back(today: dt.date, first: int, last: int) -> list[str]:
    """Months M-last .. M-first (M = today's month), oldest first: months_back(t, 1, 3) = the last 3."""
    out = []
    for delta in range(last, first - 1, -1):
        index = today.year * 12 + today.month - 1 - delta
        out.append(f"{index // 12:04d}-{index % 12 + 1:02d}")
    return out


def recent_months(today: dt.date) -> list[str]:
    return months_back(today, 1, 3)


def baseline_months(today: dt.date) -> list[str]:
    return months_back(today, 4, 15)


def mdf_months(today: dt.date) -> list[str]:
    return months_back(today, 1, 6)


def month_label(month: str) -> str:
    year, mon = month.split("-")
    return f"{_MONTH_NAMES[int(mon) - 1]} {year}"


def span_label(months: list[str]) -> str:
    first, last = month_label(months[0]), month_label(months[-1])
    return first if first == last else f"{first}-{last}"


# --- metrics ---------------------------------------------------------------------------------------


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


@dataclass
class PartnerMetrics:
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
    def won_revenue_12m(self) -> float:
        return sum(o.amount or 0.0 for o in self.won_12m)

    @property
    def certified_total(self) -> int:
        return sum(count for _, count in self.certified.values())

    def certified_for(self, product: str) -> int:
        return self.certified.get(product.strip().lower(), (product, 0))[1]

    def tier_metrics(self) -> dict[str, float]:
        return {"won_revenue_12m": self.won_revenue_12m, "won_deals_12m": len(self.won_12m),
                "certified_staff": self.certified_total, "deals_registered_12m": self.registrations_12m}


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
    pipeline = sum((o.amount or 0.0) * b.probability(o.stage) for o in m.open_deals)
    return max(pipeline + m.won_revenue_12m / 4, b.typical_deal_value())


# --- the health score ------------------------------------------------------------------------------


def _engagement(m: PartnerMetrics) -> tuple[float, str]:
    parts = [(t, ENGAGEMENT_WEIGHTS[k], min(t.recent / t.baseline, 1.0)) for k, t in m.trends.items()
             if k in ENGAGEMENT_WEIGHTS and t.baseline and t.recent is not None]
    if not parts:
        return NEUTRAL, "no activity baseline yet"
    detail = "; ".join(f"{t.label} {t.recent:.1f}/month vs {t.baseline:.1f} before" for t, _, _ in parts)
    return 100 * sum(w * r for _, w, r in parts) / sum(w for _, w, _ in parts), detail


def _pipeline(m: PartnerMetrics, b: VendorBaselines) -> tuple[float, str]:
    mine = sum((o.amount or 0.0) * b.probability(o.stage) for o in m.open_deals)
    values = b.partner_values
    if not values:
        return NEUTRAL, "no partner pipeline to compare with"
    below = sum(v < mine for v in values)
    ties = sum(v == mine for v in values)
    pct = 100 * (below + 0.5 * ties) / len(values)
    return pct, (f"weighted open pipeline {mine:,.0f} across {len(m.open_deals)} open deals "
                 f"(percentile {pct:.0f} among partners)")


def _win_rate(m: PartnerMetrics, b: VendorBaselines) -> tuple[float, str]:
    won, lost = len(m.won_12m), len(m.lost_12m)
    if won + lost == 0:
        return NEUTRAL, "no deal closed in the last 12 months"
    rate = won / (won + lost)
    score = min(100.0, 60.0 * rate / b.win_rate) if b.win_rate > 0 else NEUTRAL
    return score, f"won {won} of {won + lost} closed deals ({rate:.0%}; vendor {b.win_rate:.0%})"


def _certifications(m: PartnerMetrics) -> tuple[float, str]:
    products = {p.strip().lower(): p for o in m.open_deals for p in o.products or []}
    basis = "products in its open deals"
    if not products:
        products = {c.strip().lower(): c for c in m.partner.competencies or []}
        basis = "its competencies"
    if not products:
        return NEUTRAL, "no products in its pipeline or competencies"
    covered = [p for key, p in products.items() if m.certified_for(key) > 0]
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
    components = [HealthComponent(name=name, score=round(score, 1), weight=WEIGHTS[name], detail=detail)
                  for name, (score, detail) in scored.items()]
    total = sum(WEIGHTS[name] * score for name, (score, _) in scored.items())
    return HealthScore(partner_id=m.partner_id, score=math.floor(total + 0.5), components=components)


def partner_health(ctx: AppContext, scope: Scope, partner_id: str) -> HealthScore:
    """The health score of one partner, within the asker's permissions (nba rules: P only for P's sellers)."""
    from tools.next_best_action import vendor_baselines

    scope.require("nba")
    baselines = vendor_baselines(ctx)
    with ctx.records(scope) as rec:
        return health_from_metrics(partner_metrics(rec, partner_id, baselines), baselines)
