"""Every partner at a glance (CLI.md `portfolio`): health now and 90 days ago (both computed from the data
in one pass of set-based SQL, tools.next_best_action.service.PortfolioHealthDays), tier status, time to
first win (SQL: each partner's earliest win), and who is at risk.

At risk (general thresholds, each a reason with its numbers), in two groups:
- declining (first): a fall in what the partner does, beyond chance:
  - health down 10 points or more in 90 days, to below the lowest it stood at the end of each of the four
    quarters before (its own normal range over the past year: health swings with a partner's deals and MDF,
    and a fall back inside the range it moved in is its normal variation, not a decline). Only the moves
    the data can show count towards the 10 points (`counted_change`): the certifications component never
    (certified staff is a snapshot without dates: every past day reads today's staff, so its move is only
    the open deals' product mix), the win rate only beyond its binomial noise (won of closed, two trailing
    years 90 days apart) and the pipeline only when the count of open deals moved beyond Poisson noise,
    both at the strictness of a whole portfolio tested at once (tools.next_best_action.service.
    portfolio_drop_z): one deal lost or an open deal closing swings these components by up to 100, which is
    chance, not a trend;
  - an engagement metric (portal logins, trainings, registrations, PSAT) down 50% or more against the
    partner's own prior 12 months, beyond its month-to-month noise at the same strictness;
- standing (after every declining partner): health below 50 (its two weakest components named), or qualifies
  for a lower tier than the one it holds. A certification gap alone is no reason: it is a gap on given deals
  (the partner's next best actions name them), shown here through the health it lowers.
Each is also judged against this vendor's own partners, so a quiet or busy programme, or tier rules that
do not fit its scale, do not put everyone at risk: a health fall or an engagement drop counts only when it
is among the worst fifth of this vendor's partners, and a tier gap only when at most a third of the
partners have one (otherwise the rules, not the partners, are off; `qualifies_for` still shows it).
risk_score (the order within each group, worst first) counts the reasons' numbers only: max(0, 60 - health)
+ the counted points of a listed health fall + 30 x a listed engagement drop + 10 per tier step below the
current tier.
"""
from __future__ import annotations

import datetime as dt
import gc
import math
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import func, null, or_, select, union_all

from assistant.core.errors import Forbidden
from retrieval.records import Opportunity, Partner
from retrieval.scope import Scope
from tools.analytics import stored
from tools.analytics.cohorts import first_wins, time_to_first_win
from tools.analytics.types import PortfolioPartner, PortfolioResponse
from tools.context import ToolContext
from tools.next_best_action import service as nba  # a module: nba reads onboarding, which reads us

LOW_HEALTH = 50
HEALTH_FALL = 10
ENGAGEMENT_DROP = 0.5
TREND_DAYS = 90
QUARTERS = 4  # the partner's own range: its health at the end of each of the past year's quarters
WORST_SHARE = 0.2  # "among the worst fifth of this vendor's partners"
TIER_GAP_SHARE = nba.tier_rules.TIER_GAP_SHARE  # more partners than this below their tier's rules: the rules do not fit
TIER_ORDER = ("registered", "silver", "gold", "platinum")
UNDATED_COMPONENTS = ("certifications",)  # read from a snapshot (certified staff): no history to fall in
ONE_PARTNER_Z = 2.0  # one partner judged alone (no portfolio): the usual two standard errors


def _rank(tier: str) -> int:
    tier = (tier or "").lower()
    return TIER_ORDER.index(tier) if tier in TIER_ORDER else 0


@dataclass(frozen=True)
class Change:
    """A partner's 90-day health change and the part of it that can be a decline."""

    change: int  # the whole change of the score
    counted: float  # less the moves the data cannot show as the partner's (`counted_change`)
    left_out: tuple[str, ...] = ()  # those moves, in words with their numbers


@dataclass(frozen=True)
class Risk:
    score: float
    reasons: list[str]
    declining: bool  # a fall in health or an engagement drop among the reasons


def counted_change(now: nba.PortfolioHealth, before: nba.PortfolioHealth, z: float = ONE_PARTNER_Z) -> Change:
    """The health change less what moved for reasons other than the partner: the certifications component
    (no history), the win rate within its binomial noise and the pipeline when the count of open deals moved
    within Poisson noise (`z` standard errors; counts unknown: the move counts)."""
    change = now.score.score - before.score.score
    old = {c.name: c for c in before.score.components}
    moved, left = 0.0, []
    for c in now.score.components:
        o = old.get(c.name)
        if o is None or c.score == o.score:
            continue
        why = _not_the_partners(c.name, now, before, z)
        if why is not None:
            moved += c.weight * (c.score - o.score)
            left.append(f"{c.name.replace('_', ' ')} {o.score:.0f} -> {c.score:.0f} ({why})")
    return Change(change, change - moved, tuple(left))


def _not_the_partners(name: str, now: nba.PortfolioHealth, before: nba.PortfolioHealth, z: float) -> str | None:
    """Why a component's move is not the partner's own change (None: it is, as far as the data tells)."""
    if name in UNDATED_COMPONENTS:
        return "certified staff has no history"
    if name in now.unmeasured or name in before.unmeasured:
        return "no figures on one of the days"
    if name == "engagement" and not (now.engagement_dropped or before.engagement_dropped):
        return "no metric beyond its month-to-month noise"
    if name == "win_rate" and None not in (now.won_12m, now.lost_12m, before.won_12m, before.lost_12m):
        w0, n0, w1, n1 = before.won_12m, before.won_12m + before.lost_12m, now.won_12m, now.won_12m + now.lost_12m
        counts = f"won {w0} of {n0} -> {w1} of {n1}"
        if not n0 or not n1:
            return f"{counts}: no closed deal to rate on one day"
        if w0 * n1 == w1 * n0:
            return f"{counts}: the same rate, the vendor's moved"
        p = (w0 + w1) / (n0 + n1)
        if abs(w1 / n1 - w0 / n0) >= z * math.sqrt(p * (1 - p) * (1 / n0 + 1 / n1)):
            return None
        return f"{counts}, within chance"
    if name == "pipeline" and now.open_deals is not None and before.open_deals is not None:
        o0, o1 = before.open_deals, now.open_deals
        if o0 == o1:
            return f"{o0} open deals both days: the other partners' pipelines moved"
        if abs(o1 - o0) >= z * math.sqrt(max(o0, o1)):
            return None
        return f"open deals {o0} -> {o1}, within chance"
    return None


class Norms:
    """Where this vendor's partners stand, for judging one partner against the others."""

    def __init__(self, now: dict[str, nba.PortfolioHealth], before: dict[str, nba.PortfolioHealth],
                 changes: dict[str, Change] | None = None):
        """`changes`: `counted_changes` at `portfolio_z(now)` when already computed."""
        self.z = portfolio_z(now)
        self.changes = counted_changes(now, before, self.z) if changes is None else changes
        drops = sorted((h.biggest_drop[1] for h in now.values()), reverse=True)
        gaps = sum(_rank(h.tier) > _rank(h.qualifies_for) for h in now.values())
        counted = sorted(c.counted for c in self.changes.values())
        self.fall_cutoff = _quantile(counted, WORST_SHARE, default=0)  # changes at or below are in the worst fifth
        self.drop_cutoff = _quantile(drops, WORST_SHARE, default=0.0)  # drops at or above likewise
        self.tier_gaps_count = gaps <= max(1, len(now)) * TIER_GAP_SHARE


def portfolio_z(now: dict[str, nba.PortfolioHealth]) -> float:
    """The strictness for a portfolio of these partners, as for its engagement drops."""
    return nba.portfolio_drop_z(len(now))


def counted_changes(now: dict[str, nba.PortfolioHealth], before: dict[str, nba.PortfolioHealth],
                    z: float) -> dict[str, Change]:
    return {pid: counted_change(h, before[pid], z) for pid, h in now.items() if pid in before}


def _quantile(ordered: list, share: float, default):
    if not ordered:
        return default
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def trend_fall(now: nba.PortfolioHealth, before: nba.PortfolioHealth, z: float = ONE_PARTNER_Z) -> float:
    """The health change that can be a trend (`counted_change`)."""
    return counted_change(now, before, z).counted


def risk(now: nba.PortfolioHealth, before: nba.PortfolioHealth | None, norms: Norms | None = None,
         earlier: list[nba.PortfolioHealth] | None = None) -> Risk:
    """Score, reasons and group of one partner; `before` is its health TREND_DAYS ago, `earlier` its health at
    the quarters before that (its normal range together with `before`; None: not known, the fall alone counts)."""
    health = now.score.score
    level = max(0.0, 60.0 - health)
    decline, standing, reasons = 0.0, [], []
    if health < LOW_HEALTH:
        standing.append(f"health {health}/100, below {LOW_HEALTH}{_weakest(now)}")
    if before is not None:
        ch = (norms.changes.get(now.partner_id) if norms else None) or counted_change(
            now, before, norms.z if norms else ONE_PARTNER_Z)
        lowest = None if earlier is None else min(h.score.score for h in [before, *earlier])
        if (ch.counted <= -HEALTH_FALL and (norms is None or ch.counted <= norms.fall_cutoff)
                and (lowest is None or health < lowest)):
            decline += -ch.counted
            beyond = "" if lowest is None else f", below its lowest of the past year's quarters, {lowest}"
            left = "" if not ch.left_out else f"; {-ch.counted:.0f} without {'; '.join(ch.left_out)}"
            reasons.append(f"health down {-ch.change} points in {TREND_DAYS} days "
                           f"(from {before.score.score} to {health}{beyond}{left})")
    label, drop, recent, baseline = now.biggest_drop
    if (drop >= ENGAGEMENT_DROP and recent is not None and baseline is not None
            and (norms is None or drop >= norms.drop_cutoff)):
        decline += 30 * drop
        reasons.append(f"{label} {recent:.1f}/month in the last 3 months vs {baseline:.1f} before (-{drop:.0%})")
    steps = _rank(now.tier) - _rank(now.qualifies_for)
    if steps > 0 and (norms is None or norms.tier_gaps_count):
        level += 10 * steps
        short = "".join(f"; {c.tier} needs {_metric_words(c.metric)} {c.minimum:,.0f}, has {c.value:,.0f}"
                        for c in now.tier_short)
        standing.append(f"qualifies for {now.qualifies_for}, holds {now.tier} "
                        f"(won revenue 12 months {now.won_revenue_12m:,.0f}{short})")
    reasons += standing
    return Risk(round(decline + level, 2) if reasons else 0.0, reasons, decline > 0)


def _metric_words(metric: str) -> str:
    """`won_deals_12m` -> "won deals 12 months" (the tier rules' metrics, as the reasons name them)."""
    return metric.replace("_12m", " 12 months").replace("_", " ")


def _weakest(h: nba.PortfolioHealth, most: int = 2) -> str:
    """The components that pull the health down most (shortfall from 100 times weight), in words."""
    worst = sorted(h.score.components, key=lambda c: -c.weight * (100 - c.score))[:most]
    parts = [f"{c.name.replace('_', ' ')} {c.score:.0f}/100, {c.detail}" for c in worst]
    return f" (weakest: {'; '.join(parts)})" if parts else ""


# health now, TREND_DAYS ago, the past quarters (fallen partners only), the counted changes
HealthDays = tuple[dict[str, nba.PortfolioHealth], dict[str, nba.PortfolioHealth], list[dict], dict[str, Change]]


def portfolio(ctx: ToolContext, scope: Scope, partner_ids: set[str] | None = None,
              as_of: dt.date | None = None) -> PortfolioResponse:
    """CLI.md `portfolio` (internal roles only); `partner_ids` narrows the list (a channel manager's own)."""
    if not scope.is_internal:  # before anything is read
        raise Forbidden(f"user '{scope.user_id}' ({scope.role}) may not see every partner's health")
    today = as_of or ctx.today()
    # every partner's: stored per records version, day and code (each `cosell portfolio` is a new process)
    path = stored.path_of(ctx, as_of) if partner_ids is None else None
    with _no_gc_pauses():  # reading 10,000 rows too: no collector pass over the health kept in memory
        if (kept := stored.load(path)) is not None:
            return kept
        with ThreadPoolExecutor(max_workers=1) as pool:
            # the partners and their first wins are read beside the health queries (another connection)
            pending = pool.submit(_partners_and_first_wins, ctx, scope, today)
            # Forbidden for anyone but admins and channel managers
            now, before, earlier, changes = _health(ctx, scope, as_of, today)
            info, wins = pending.result()
            response = _portfolio(now, before, earlier, info, wins, today, partner_ids, changes)
    stored.save(path, response)
    return response


def _health(ctx: ToolContext, scope: Scope, as_of: dt.date | None, today: dt.date
            ) -> HealthDays:
    """`_health_now_and_before`, computed once per records version (vendor.yaml is ingested with them) and
    day, shared by every internal asker of this process: the dashboard, the digest and chat ask for it again
    and again. The scope was checked by the caller."""
    return ctx.cached("analytics.portfolio_health", lambda: _health_now_and_before(ctx, scope, as_of, today),
                      key=(as_of, today), max_entries=8)


def _health_now_and_before(ctx: ToolContext, scope: Scope, as_of: dt.date | None, today: dt.date
                           ) -> HealthDays:
    """Every partner's health today and TREND_DAYS ago; the quarters before that only for the partners whose
    health fell HEALTH_FALL or more as `Norms` counts it (the only ones whose range is read)."""
    quarters = [today - dt.timedelta(days=k * TREND_DAYS) for k in range(1, 1 + QUARTERS)]
    days = [as_of, *quarters]
    # every partner's pipeline on the earlier quarters' days is read in the same scan of the deals (for the
    # percentile, which ranks among all, should anyone fall): cheaper than a scan of its own later
    health = nba.PortfolioHealthDays(ctx, scope, days[:2], pipeline_days=days[2:])
    now, before = health.on(0), health.on(1)
    changes = counted_changes(now, before, portfolio_z(now))
    fell = {pid for pid, c in changes.items() if c.counted <= -HEALTH_FALL}
    if not fell:
        return now, before, [], changes
    # a second, narrow read: the fallen partners' aggregates (ranges of the covering indexes)
    past = nba.PortfolioHealthDays(ctx, scope, days[2:], fell,
                                   pipelines=health.pipelines_on(list(range(len(days) - 2))))
    return now, before, [past.on(i, fell) for i in range(len(days) - 2)], changes


def _partners_and_first_wins(ctx: ToolContext, scope: Scope, today: dt.date) -> tuple[list, list]:
    with ctx.records(scope) as rec:
        info = rec.session.execute(select(Partner.partner_id, Partner.name, Partner.tier, Partner.joined_on,
                                          Partner.attributes, Partner.channel_manager)).all()
        return info, rec.session.execute(_first_wins_query(today)).all()


@contextmanager
def _no_gc_pauses() -> Iterator[None]:
    """The portfolio makes a few hundred thousand short-lived objects per 10,000 partners; the collector's
    full passes over the server's heap would add a quarter to its time. Reference counting still frees
    them; collection resumes afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _portfolio(now: dict[str, nba.PortfolioHealth], before: dict[str, nba.PortfolioHealth],
               earlier: list[dict[str, nba.PortfolioHealth]], info: list, wins: list, today: dt.date,
               partner_ids: set[str] | None, changes: dict[str, Change] | None = None) -> PortfolioResponse:
    joined = {p.partner_id: p.joined_on for p in info if partner_ids is None or p.partner_id in partner_ids}
    first = first_wins(joined, wins, today)
    norms = Norms(now, before, changes)
    rows = []
    for p in info:
        if p.partner_id not in joined:
            continue
        h = now[p.partner_id]
        b = before.get(p.partner_id)
        past = [e[p.partner_id] for e in earlier if p.partner_id in e]
        r = risk(h, b, norms, past if b is not None and past else None)
        win = first.get(p.partner_id)
        rows.append(PortfolioPartner(
            partner_id=p.partner_id, name=p.name, tier=p.tier, health=h.score.score,
            health_change_90d=None if b is None else h.score.score - b.score.score, qualifies_for=h.qualifies_for,
            joined_on=p.joined_on.isoformat() if p.joined_on else None,
            first_win_on=win.isoformat() if win else None,
            days_to_first_win=(win - p.joined_on).days if win and p.joined_on else None,
            at_risk=bool(r.reasons), risk_reasons=r.reasons, risk_score=r.score, declining=r.declining,
            channel_manager=getattr(p, "channel_manager", None) or channel_manager_of(p.attributes)))
    # declining partners first, then the standing problems; worst first within each
    at_risk = sorted((r for r in rows if r.at_risk), key=lambda r: (not r.declining, -r.risk_score, r.partner_id))
    return PortfolioResponse(partners=rows, at_risk=[r.partner_id for r in at_risk],
                             time_to_first_win=time_to_first_win(joined, first), as_of=today.isoformat())


def _first_wins_query(today: dt.date):
    """(partner_id, None, close date of its first win as the engaged partner) and (partner_id, None, ... as
    the registering partner), a partner a row each (None: no such win): cohorts.first_wins' rule in SQL.
    Each is the first entry of an index range per partner (partner, closed_won, from joined_on to today):
    10,000 short seeks, not a read of every won deal."""
    p = Partner.__table__

    def first_win(column):
        o = Opportunity.__table__.alias()
        return (select(func.min(o.c.close_date))
                .where(o.c[column] == p.c.partner_id, o.c.stage == "closed_won", o.c.close_date <= today,
                       or_(p.c.joined_on.is_(None), o.c.close_date >= p.c.joined_on))
                .scalar_subquery())

    return union_all(select(p.c.partner_id, null(), first_win("partner_id")),
                     select(p.c.partner_id, null(), first_win("registered_by")))


def channel_manager_of(attributes: dict | None) -> str | None:
    """partners.csv `channel_manager` (kept in the free-form attributes until it is a column)."""
    value = (attributes or {}).get("channel_manager")
    return str(value).strip() or None if value else None
