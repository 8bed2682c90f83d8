"""How each current partner has done: won revenue per year since joining, win rate, time to first win, and
the results score the profile learns: the partner's win rate (shrunk, as a standardised logit).

Why the win rate alone (issue 21 follow-up): revenue per year and time to first win follow how many deals the
vendor hands a partner (its habit of giving big partners the deals) as much as what the partner brings; the win
rate is per deal given. On the zoo's 55 development worlds the profile learned on the win rate ranked candidates
at NDCG@10 0.695 against 0.647 learned on the mean of the three (0.674 on win rate and speed).

Won revenue comes from `tools.analytics.service.attribution` (its role credits, in the reporting currency);
time to first win from `tools.analytics.service.portfolio` (the portfolio's cohorts). Win rate counts
the partner's closed deals (`partner_id` or `registered_by`), shrunk towards the programme's rate so a
partner with two deals is not a 100% winner.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from sqlalchemy import or_, select

from retrieval.records import Opportunity, Partner
from retrieval.scope import Scope
from tools.analytics.service import attribution, portfolio
from tools.context import ToolContext

PRIOR_DEALS = 5.0  # pseudo-deals at the programme's win rate added to every partner's record
MIN_YEARS = 0.5  # a partner joined last month is judged over half a year, not extrapolated from weeks
FULL_WEIGHT_DAYS = 365  # partners younger than this count less when the profile is learned


@dataclass
class Outcome:
    partner_id: str
    won: float  # won revenue since joining, reporting currency
    years: float
    wins: int
    closed: int
    win_rate: float  # shrunk
    days_to_first_win: int | None
    days_since_joined: int | None
    weight: float  # how much this partner's record says (tenure)
    score: float = 0.0  # the results score: standardised logit of the shrunk win rate

    @property
    def won_per_year(self) -> float:
        return self.won / self.years


def partner_outcomes(ctx: ToolContext, scope: Scope) -> tuple[dict[str, Outcome], str]:
    """partner -> its results, and the reporting currency of the revenue figures."""
    today = ctx.today()
    with ctx.records(scope) as rec:
        joined = dict(rec.session.execute(select(Partner.partner_id, Partner.joined_on)).all())
        closed = rec.session.execute(
            select(Opportunity.partner_id, Opportunity.registered_by, Opportunity.stage, Opportunity.created_on)
            .where(Opportunity.stage.in_(("closed_won", "closed_lost")),
                   or_(Opportunity.partner_id.is_not(None), Opportunity.registered_by.is_not(None)))).all()
    if not joined:
        return {}, ""
    first_deal: dict[str, dt.date] = {}
    record: dict[str, list[int]] = {pid: [0, 0] for pid in joined}
    for partner_id, registered_by, stage, created in closed:
        for pid in {partner_id, registered_by} - {None}:
            if pid in record:
                record[pid][0] += stage == "closed_won"
                record[pid][1] += 1
                if created and (pid not in first_deal or created < first_deal[pid]):
                    first_deal[pid] = created
    starts = {pid: day or first_deal.get(pid) for pid, day in joined.items()}
    earliest = min((d for d in starts.values() if d), default=today - dt.timedelta(days=3 * 365))
    credited = attribution(ctx, scope, earliest, today)
    won = {p.partner_id: p.sourced + p.influenced + p.fulfillment for p in credited.partners}
    first_win = {p.partner_id: p.days_to_first_win for p in portfolio(ctx, scope).partners}
    total = [sum(r[0] for r in record.values()), sum(r[1] for r in record.values())]
    prior = (total[0] + 1) / (total[1] + 2)
    out = {}
    for pid, start in starts.items():
        days = (today - start).days if start else None
        wins, n = record[pid]
        out[pid] = Outcome(
            partner_id=pid, won=won.get(pid, 0.0), years=max(MIN_YEARS, (days or 365) / 365), wins=wins, closed=n,
            win_rate=(wins + PRIOR_DEALS * prior) / (n + PRIOR_DEALS), days_to_first_win=first_win.get(pid),
            days_since_joined=days, weight=min(1.0, max(0.25, (days or FULL_WEIGHT_DAYS) / FULL_WEIGHT_DAYS)))
    _score(list(out.values()))
    return out, credited.currency


def _z(values: list[float]) -> list[float]:
    mean = sum(values) / len(values)
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values)) or 1.0
    return [(v - mean) / sd for v in values]


def _score(outcomes: list[Outcome]) -> None:
    """Results score = the standardised logit of the shrunk win rate (revenue and speed follow deal flow)."""
    for o, rate in zip(outcomes, _z([math.log(o.win_rate / (1 - o.win_rate)) for o in outcomes])):
        o.score = rate

