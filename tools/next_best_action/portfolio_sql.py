"""Every partner's health today and as of a past day, in four set-based queries (programme portfolio at
10,000 partners and 1M deals): deals and activity are aggregated per partner in SQL (SQLAlchemy Core: the
same statements on SQLite and Postgres), both days in the same scan; only per-partner numbers reach
Python, where the score is computed by the functions that score one partner
(`partner_health.health_from_metrics`).

The same figures as `partner_health.all_partner_metrics` (the per-deal reference; tests compare the two):
- today: the deals as they are; as of day D: deals created after D left out, deals closed after D count
  as open in `proposal`, activity months from D's month on unknown;
- a partner's deals are those it is engaged on (`partner_id`) or registered (`registered_by`), once;
- the vendor win rate of day D: closed deals closing in the 365 days to D (all closed deals when fewer
  than 20; DEFAULT_WIN_RATE when fewer than 5);
- the pipeline percentile ranks a partner's weighted open pipeline of the day among every partner's
  weighted open pipeline of that day;
- an engagement drop counts only beyond the metric's month-to-month noise (`Trend.beyond_noise`).
- amounts in the reporting currency (`tools.currency`: CASE on the deal's currency with the vendor's rates, a
  deal without a rate adds nothing; a plain amount when every deal is in the reporting currency).
Sums are SQL sums: on non-integer amounts or PSAT they may differ from Python's in the last bit.
"""
from __future__ import annotations

import datetime as dt
import json
import math
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from sqlalchemy import Text, and_, case, cast, distinct, func, literal_column, not_, or_, select

from retrieval.records import Opportunity, Partner, PartnerActivity
from retrieval.scope import Scope
from tools.context import ToolContext
from tools.currency import Converter, deal_currencies
from tools.next_best_action.partner_health import TREND_METRICS, TierFigures, Trend, parse_certified
from tools.next_best_action.types import DEFAULT_WIN_RATE
from tools.types import (
    CLOSED_STAGES,
    STAGE_PROBABILITY,
    baseline_months,
    mdf_months,
    months_back,
    recent_months,
)

OPP = Opportunity.__table__
ACT = PartnerActivity.__table__
PARTNER = Partner.__table__


@dataclass
class Baselines:
    """What the health score needs of the vendor: the win rate and every partner's pipeline that day."""

    win_rate: float
    partner_values: list[float]  # sorted


@dataclass
class BulkMetrics(TierFigures):
    """One partner's numbers for one day, from the aggregates (the interface of PartnerMetrics the score reads)."""

    partner_id: str
    tier: str
    competencies: list[str]
    certified: dict[str, tuple[str, int]]
    trends: dict[str, Trend]
    mdf_allocated: float
    mdf_spent: float
    mdf_window: list[str]
    pipeline: float = 0.0
    open_count: int = 0
    products: set[str] = field(default_factory=set)
    won_count_12m: int = 0
    lost_count_12m: int = 0
    won_revenue_12m: float = 0.0
    registrations_12m: int = 0

    def weighted_pipeline(self, b) -> float:
        return self.pipeline

    def open_products(self) -> set[str]:
        return self.products



def _probability(stage, vendor: dict):
    """stage_probability in SQL: vendor.yaml `stage_probabilities` over the defaults, 0.1 for the unknown
    (stages as written first: lower() only for the rare stage typed in another case)."""
    table = {**STAGE_PROBABILITY, **{str(k).lower(): float(v) for k, v in
                                     ((vendor or {}).get("stage_probabilities") or {}).items()}}
    if isinstance(stage, str):
        return table.get(stage.lower(), 0.1)
    by_lower = case(*((func.lower(stage) == name, value) for name, value in table.items()), else_=0.1)
    return case(table, value=stage, else_=by_lower)  # CASE stage WHEN ...: the stage read once a row


def _product_lists(raw: str | None) -> list[list]:
    """The distinct products cells of a partner's open deals, joined by `,` in SQL: '["A"],["B","C"]'."""
    if not raw:
        return []
    try:
        value = json.loads(f"[{raw}]")
    except ValueError:
        return []
    return [v for v in value if isinstance(v, list)]


def _distinct_joined(session, expr):
    """The distinct non-null values of `expr` in a group, joined by `,` (SQLite group_concat, Postgres string_agg)."""
    if session.get_bind().dialect.name == "sqlite":
        return func.group_concat(distinct(expr))
    return func.string_agg(distinct(expr), literal_column("','"))


def _can_count(today: dt.date, days: list[dt.date | None], year: bool):
    """The deals that can add to a figure of `days`: a deal closed on or before the first day (less the
    trailing year, when won and lost deals are counted) is neither open nor closed in any window, and as of
    past days only, a deal created after the last is unknown on every one. The rest of the scan skips them
    (a CRM's years of closed deals)."""
    first = min(day or today for day in days)
    closed = or_(*(OPP.c.stage == stage for stage in CLOSED_STAGES))
    kept = or_(not_(closed), OPP.c.close_date > (first - dt.timedelta(days=365) if year else first))
    if None in days:
        return kept
    return and_(kept, or_(OPP.c.created_on.is_(None), OPP.c.created_on <= max(days)))


@dataclass(frozen=True)
class _Money:
    """A deal's amount in the reporting currency, in SQL (`Converter.sql_amount` over the currencies on record)."""

    fx: Converter
    currencies: frozenset[str]

    @property
    def mixed(self) -> bool:
        """Some deal is in another currency: the currency column is read (else the amount alone)."""
        return not self.currencies <= {self.fx.currency}

    def of(self, d):
        return self.fx.sql_amount(d.c.amount, d.c.currency, set(self.currencies)) if self.mixed else d.c.amount


def _money(ctx: ToolContext) -> _Money:
    return _Money(Converter.from_vendor(ctx.vendor()), deal_currencies(ctx))


def _engaged_deals(partner_ids: list[str] | None = None, can_count=None, money: _Money | None = None):
    """Each deal once per partner engaged on it (`pid` = partner_id, also NULL), and once more for a partner
    registering a deal it is not engaged on (`pid` = registered_by): two selects, each grouped on its own
    (each reads a covering index in its GROUP BY's order on SQLite: no sort of the deals). `can_count`: the
    deals that can add to the figures asked (`_can_count`)."""
    cols = (OPP.c.stage, OPP.c.amount, OPP.c.close_date, OPP.c.created_on, cast(OPP.c.products, Text).label("products"))
    if money is not None and money.mixed:
        cols += (OPP.c.currency,)
    engaged = select(OPP.c.partner_id.label("pid"), *cols)
    registered = select(OPP.c.registered_by.label("pid"), *cols).where(
        OPP.c.registered_by.is_not(None), or_(OPP.c.partner_id.is_(None), OPP.c.registered_by != OPP.c.partner_id))
    if can_count is not None:
        engaged, registered = engaged.where(can_count), registered.where(can_count)
    if partner_ids is not None:  # a few partners: ranges of the covering indexes, no table lookups
        engaged = engaged.where(OPP.c.partner_id.in_(partner_ids))
        registered = registered.where(OPP.c.registered_by.in_(partner_ids))
    return engaged.subquery("d"), registered.subquery("r")


def _day_conditions(d, today: dt.date, as_of: dt.date | None, vendor: dict, money: _Money | None = None) -> dict:
    """Per deal of `d`: open / won / lost in the trailing year and its weighted value, as of `as_of`
    (None: the deals as they are, today); `money`: its amount in the reporting currency (None: as written)."""
    day = as_of or today
    # equalities, not IN: SQLite probes a constant IN list as a lookup, per deal and per column
    closed = or_(*(d.c.stage == stage for stage in CLOSED_STAGES))
    year_ago = day - dt.timedelta(days=365)
    in_year = and_(d.c.close_date > year_ago, d.c.close_date <= day)
    # NULL (no amount, no rate) adds nothing to a SUM, as `Converter.value` adds nothing in Python
    value = d.c.amount if money is None else money.of(d)
    if as_of is None:
        open_ = not_(closed)
        weighted = case((open_, value * _probability(d.c.stage, vendor)))
        won, lost = and_(d.c.stage == "closed_won", in_year), and_(d.c.stage == "closed_lost", in_year)
    else:
        known = or_(d.c.created_on.is_(None), d.c.created_on <= day)
        later = and_(closed, d.c.close_date > day)  # closed after `day`: still open then
        open_ = and_(known, or_(not_(closed), later))
        weighted = case((and_(known, not_(closed)), value * _probability(d.c.stage, vendor)),
                        (and_(known, later), value * _probability("proposal", vendor)))
        won = and_(known, d.c.stage == "closed_won", in_year)
        lost = and_(known, d.c.stage == "closed_lost", in_year)
    return {"open": open_, "weighted": weighted, "won": won, "lost": lost, "value": value}


PER_DAY = 6  # weighted pipeline, open deals, won, lost, won revenue, products of the open deals


def _deal_aggregates(session, today: dt.date, days: list[dt.date | None], vendor: dict,
                     partner_ids: list[str] | None = None, pipeline_days: list[dt.date] = (),
                     money: _Money | None = None) -> tuple[dict[str, list], dict[str, list]]:
    """(partner -> per day [weighted pipeline, open, won, lost, won revenue, the distinct products cells of
    the open deals], partner -> its weighted open pipeline on each of `pipeline_days`), in one scan of the
    deals (`_pipelines` of those days, read beside the figures of `days` instead of by a scan of its own)."""
    out: dict[str, list] = {}
    pipes: dict[str, list] = {}
    can_count = _can_count(today, days, year=True)
    if pipeline_days:
        can_count = or_(can_count, _can_count(today, list(pipeline_days), year=False))
    for d in _engaged_deals(partner_ids, can_count, money):
        columns = []
        for day in days:
            c = _day_conditions(d, today, day, vendor, money)
            columns += [func.sum(c["weighted"]), func.count(case((c["open"], 1))), func.count(case((c["won"], 1))),
                        func.count(case((c["lost"], 1))), func.sum(case((c["won"], c["value"]))),
                        _distinct_joined(session, case((c["open"], d.c.products)))]
        columns += [func.sum(_day_conditions(d, today, day, vendor, money)["weighted"]) for day in pipeline_days]
        n = len(days) * PER_DAY
        # no WHERE on pid in the first: the NULL group (deals without a partner) is dropped below
        for pid, *values in session.execute(select(d.c.pid, *columns).group_by(d.c.pid)):
            if pid is not None:
                figures, pipelines = values[:n], values[n:]
                out[pid] = _merged(out[pid], figures) if pid in out else figures
                if pipeline_days:
                    pipes[pid] = _summed(pipes[pid], pipelines) if pid in pipes else pipelines
    return out, pipes


def _pipelines(session, today: dt.date, days: list[dt.date | None], vendor: dict,
               money: _Money | None = None) -> dict[str, list]:
    """partner -> its weighted open pipeline per day (every partner: the percentile ranks among all)."""
    out: dict[str, list] = {}
    for d in _engaged_deals(can_count=_can_count(today, days, year=False), money=money):
        columns = [func.sum(_day_conditions(d, today, day, vendor, money)["weighted"]) for day in days]
        for pid, *values in session.execute(select(d.c.pid, *columns).group_by(d.c.pid)):
            if pid is not None:
                out[pid] = _summed(out[pid], values) if pid in out else values
    return out


def _summed(a: list, b: list) -> list:
    """Sums of a partner's engaged and registered-only deals added (NULL: none)."""
    return [x if y is None else y if x is None else x + y for x, y in zip(a, b, strict=True)]


def _merged(a: list, b: list) -> list:
    """One partner's per-day figures from its engaged and its registered-only deals: sums added (NULL: none),
    the product cells joined."""
    out = []
    for i, (x, y) in enumerate(zip(a, b, strict=True)):
        if i % PER_DAY == PER_DAY - 1:
            out.append(",".join(v for v in (x, y) if v) or None)
        else:
            out.append(y if x is None else x if y is None else x + y)
    return out


def _closed_deals(session) -> list[tuple[str, dt.date | None, int]]:
    """(stage, close date, deals): the closed deals counted per stage and close date (a few hundred rows a
    year). One read serves the vendor win rate of any day. (No index led by stage for it: it would draw
    other queries on won deals away from their own.)"""
    return [tuple(r) for r in session.execute(
        select(OPP.c.stage, OPP.c.close_date, func.count()).where(OPP.c.stage.in_(CLOSED_STAGES))
        .group_by(OPP.c.stage, OPP.c.close_date))]


def _win_rates(closed: list[tuple[str, dt.date | None, int]], days: list[dt.date]) -> list[float]:
    """The vendor win rate as of each day (vendor_baselines: the closed deals as they are)."""
    all_closed = sum(n for _, _, n in closed)
    all_won = sum(n for stage, _, n in closed if stage == "closed_won")
    rates = []
    for day in days:
        year_ago = day - dt.timedelta(days=365)
        in_year = [(stage, n) for stage, closed_on, n in closed if closed_on is not None and year_ago < closed_on <= day]
        n_closed, n_won = sum(n for _, n in in_year), sum(n for stage, n in in_year if stage == "closed_won")
        if n_closed < 20:
            n_closed, n_won = all_closed, all_won
        rates.append(n_won / n_closed if n_closed >= 5 else DEFAULT_WIN_RATE)
    return rates


_ACTIVITY = ("portal_logins", "trainings_completed", "deals_registered", "psat")
PER_METRIC = 5  # recent sum and count, baseline sum, count and sum of squares


def _in_months(months: list[str]):
    """`month` in a run of consecutive months, as a range: months are stored as YYYY-MM (connectors.fields
    checks it), so the range holds exactly these; two comparisons cost SQLite half of an IN list."""
    return and_(ACT.c.month >= months[0], ACT.c.month <= months[-1])


def _activity_aggregates(session, days: list[dt.date], partner_ids: list[str] | None = None) -> dict[str, list]:
    """Per partner, per day: sum and count of each trend metric over the recent and the baseline months,
    MDF allocated and spent over the MDF window, deals registered over 12 months."""
    columns = []
    for day in days:
        for metric in _ACTIVITY:
            recent = case((_in_months(recent_months(day)), ACT.c[metric]))
            baseline = case((_in_months(baseline_months(day)), ACT.c[metric]))
            columns += [func.sum(recent), func.count(recent), func.sum(baseline), func.count(baseline),
                        func.sum(baseline * baseline)]
        window, year = _in_months(mdf_months(day)), _in_months(months_back(day, 1, 12))
        columns += [func.sum(case((window, func.coalesce(ACT.c.mdf_allocated, 0.0)))),
                    func.sum(case((window, func.coalesce(ACT.c.mdf_spent, 0.0)))),
                    func.sum(case((year, func.coalesce(ACT.c.deals_registered, 0))))]
    first = min(months_back(day, 1, 15)[0] for day in days)
    query = select(ACT.c.partner_id, *columns).where(ACT.c.month >= first)
    if partner_ids is not None:
        query = query.where(ACT.c.partner_id.in_(partner_ids))
    rows = session.execute(query.group_by(ACT.c.partner_id))
    return {r[0]: list(r[1:]) for r in rows}


def _read(ctx: ToolContext, query, *args):
    with ctx.records(Scope.system()) as rec:
        return query(rec.session, *args)


def _trends(values: list, offset: int, spans: tuple[list[str], list[str]]) -> dict[str, Trend]:
    trends = {}
    for metric in _ACTIVITY:
        r_sum, r_n, b_sum, b_n, b_squares = values[offset:offset + PER_METRIC]
        offset += PER_METRIC
        mean = float(b_sum) / b_n if b_n else 0.0
        trends[metric] = Trend(
            metric, TREND_METRICS[metric],
            recent=float(r_sum) / r_n if r_n >= 2 else None,
            baseline=mean if b_n >= 3 else None,
            baseline_sd=math.sqrt(max(0.0, float(b_squares) / b_n - mean * mean)) if b_n >= 2 else 0.0,
            # as many months as had a value (which ones is not read: only their number counts here)
            recent_months=spans[0][len(spans[0]) - r_n:], baseline_months=spans[1][len(spans[1]) - b_n:])
    return trends


def portfolio_metrics(ctx: ToolContext, days: list[dt.date | None]
                      ) -> list[tuple[Baselines, list[BulkMetrics]]]:
    """For each of `days` (None: today, the deals as they are; else as of that day, like
    `all_partner_metrics(ctx, as_of)`), the baselines and every partner's metrics, ordered by partner id.
    System-level: callers check the asker may see every partner."""
    aggregates = PortfolioAggregates(ctx, days)
    return [aggregates.metrics(i) for i in range(len(days))]


class PortfolioAggregates:
    """The per-partner aggregates of several days, read once (a few statements); each day's metrics are
    built on demand, for every partner or a few (a day's baselines always cover every partner)."""

    def __init__(self, ctx: ToolContext, days: list[dt.date | None], partner_ids: set[str] | None = None,
                 pipeline_days: list[dt.date] = (), pipelines: dict[str, list] | None = None):
        """`partner_ids`: aggregates of these partners only (and every partner's pipeline, for the percentile:
        `pipelines`, partner -> its pipeline on each of `days`, when read already, else read here).
        `pipeline_days`: every partner's pipeline on these days too, read in the same scan of the deals
        (`pipelines_on`: for a later read of a few partners on those days)."""
        today, vendor, money = ctx.today(), ctx.vendor(), _money(ctx)
        self.dates = [day or today for day in days]
        ids = None if partner_ids is None else sorted(partner_ids)
        self.pipelines = pipelines
        if ids is not None and pipelines is None:
            self.pipelines = _read(ctx, _pipelines, today, days, vendor, money)
        # two connections: the scans of the deals (the longest queries) run beside the others; sqlite3 and
        # psycopg release the GIL while the database works
        with ThreadPoolExecutor(max_workers=1) as pool:
            pending = pool.submit(_read, ctx, _deal_aggregates, today, days, vendor, ids, list(pipeline_days), money)
            with ctx.records(Scope.system()) as rec:
                session = rec.session
                details = select(PARTNER.c.partner_id, PARTNER.c.tier, PARTNER.c.competencies,
                                 PARTNER.c.certified_staff).order_by(PARTNER.c.partner_id)
                if ids is None:
                    self.partners = session.execute(details).all()
                    self.partner_ids = [p.partner_id for p in self.partners]
                else:  # every partner's id (the percentiles), the details (JSON to decode) of the few only
                    self.partner_ids = list(session.scalars(select(PARTNER.c.partner_id).order_by(PARTNER.c.partner_id)))
                    self.partners = session.execute(details.where(PARTNER.c.partner_id.in_(ids))).all()
                self.activity = _activity_aggregates(session, self.dates, ids)
                # per records version: the portfolio's second read (the past quarters) asks again
                closed = ctx.cached("nba.closed_deals_by_date", lambda: _closed_deals(session))
                self.rates = _win_rates(closed, self.dates)
            self.deals, self.later_pipelines = pending.result()
        self.certified = {p.partner_id: parse_certified(p.certified_staff) for p in self.partners}

    def pipelines_on(self, indexes: list[int]) -> dict[str, list]:
        """partner -> its pipeline on the `pipeline_days` of these indexes (the `pipelines` of a later read)."""
        return {pid: [values[i] for i in indexes] for pid, values in self.later_pipelines.items()}

    def metrics(self, i: int, partner_ids: set[str] | None = None) -> tuple[Baselines, list[BulkMetrics]]:
        """Day i's baselines and the metrics of `partner_ids` (None: every partner), ordered by partner id."""
        day, deals, activity = self.dates[i], self.deals, self.activity
        no_deals = [None, 0, 0, 0, None, None] * len(self.dates)
        per_activity = len(_ACTIVITY) * PER_METRIC + 3
        no_activity = [0] * (len(self.dates) * per_activity)
        # a partner's pipeline that day ranks among every partner's pipeline that day
        if self.pipelines is None:
            pipelines = sorted(float(deals[pid][i * PER_DAY] or 0.0) if pid in deals else 0.0
                               for pid in self.partner_ids)
        else:
            pipelines = sorted(float(self.pipelines[pid][i] or 0.0) if pid in self.pipelines
                               else 0.0 for pid in self.partner_ids)
        baselines = Baselines(win_rate=self.rates[i], partner_values=pipelines)
        window, spans = mdf_months(day), (recent_months(day), baseline_months(day))
        products_cache: dict[str, set[str]] = {}
        metrics = []
        for p in self.partners:
            pid = p.partner_id
            if partner_ids is not None and pid not in partner_ids:
                continue
            pipeline, n_open, n_won, n_lost, revenue, cells = deals.get(pid, no_deals)[i * PER_DAY:(i + 1) * PER_DAY]
            values = activity.get(pid, no_activity)
            offset = i * per_activity
            allocated, spent, registered = values[offset + per_activity - 3:offset + per_activity]
            if cells not in products_cache:
                products_cache[cells] = {str(x).strip().lower() for cell in _product_lists(cells) for x in cell}
            metrics.append(BulkMetrics(
                partner_id=pid, tier=p.tier, competencies=p.competencies or [], certified=self.certified[pid],
                trends=_trends(values, offset, spans),
                mdf_allocated=float(allocated or 0.0), mdf_spent=float(spent or 0.0), mdf_window=window,
                pipeline=float(pipeline or 0.0), open_count=int(n_open or 0), products=products_cache[cells],
                won_count_12m=int(n_won or 0), lost_count_12m=int(n_lost or 0), won_revenue_12m=float(revenue or 0.0),
                registrations_12m=int(registered or 0)))
        return baselines, metrics
