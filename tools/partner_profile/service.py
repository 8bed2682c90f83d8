"""A partner's own standing, from its records: what a partner seller means by "us".

Tier progress (the tier rules of `tools.next_best_action`, against vendor.yaml `tier_rules`), MDF allocated /
spent / left (partner_activity), certified staff (partners.csv `certified_staff`), deal registrations with
the days of protection left (`tools.protection`: the deal's registration record, else its created_on + the
vendor's `registration_protection_days`), conflicts
(another partner registered a deal the partner works on, or the same account), open deals, and the
partner's channel manager (partners.csv `channel_manager`, a users.csv user). Every read goes through the
asker's scope: a partner seller gets only their own partner; another partner's name is never shown.
Facts are returned as data (numbers, dates, ids); the engine words them in the asker's language.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

from pydantic import BaseModel, Field
from sqlalchemy import select

from assistant.core.errors import BadInput
from retrieval.records import User
from retrieval.scope import Scope
from tools.context import ToolContext
from tools.currency import reporting_currency
from tools.next_best_action.service import (
    MONEY_METRICS,
    partner_standing,
    stalled_days,
    tier_checks,
    vendor_tier_rules,
)
from tools.protection import deal_protection, kept_protection, protection_days
from tools.registry import register_tool
from tools.types import is_open

Topic = Literal["overview", "tier", "mdf", "certifications", "registrations", "conflicts", "deals",
                "channel_manager", "activity", "contacts", "win_rate"]
TOPICS: tuple[str, ...] = Topic.__args__  # type: ignore[attr-defined]


class ProfileArgs(BaseModel):
    partner_id: str | None = Field(None, description="The partner; a partner seller's own partner if omitted.")
    topic: Topic = Field("overview", description="Which facts: " + ", ".join(Topic.__args__))  # type: ignore
    opportunity_id: str | None = Field(None, description="Only this deal (registrations: its days left).")
    period: str | None = Field(None, description="MDF or activity period: this_quarter, last_quarter, YYYY-Qn, "
                                                 "last_month, YYYY-MM, YYYY-MM.. (since that month), YYYY, this_year, last_year "
                                                 "or YYYY-MM..YYYY-MM (default: the last six complete months).")
    stage: str | None = Field(None, description="Only open deals in this stage (deals: e.g. negotiation).")
    stalled: bool = Field(False, description="deals: only the open deals gone quiet beyond this vendor's norm for "
                                             "their stage (next best actions' stall bar).")
    tier: str | None = Field(None, description="The tier asked about (tier, certifications: its requirements "
                                               "against the partner's figures; default the tier above).")


class TierCheckOut(BaseModel):
    metric: str
    minimum: float
    value: float
    met: bool
    money: bool = False


class DealOut(BaseModel):
    opportunity_id: str
    name: str
    account_id: str
    stage: str
    amount: float | None = None
    currency: str = "USD"
    close_date: dt.date | None = None
    last_activity_on: dt.date | None = None
    registered_by_partner: bool = False
    registered_elsewhere: bool = False  # another partner registered it (never named to a partner seller)
    protection_ends: dt.date | None = None
    days_left: int | None = None
    stalled_days: int | None = None  # days without activity, when beyond this vendor's norm for its stage


class ActivityMonthOut(BaseModel):
    """One month of partner_activity.csv: what the partner did (portal logins, trainings, registrations)."""

    month: str
    portal_logins: int | None = None
    trainings_completed: int | None = None
    deals_registered: int | None = None
    certifications_earned: int | None = None


class ChannelManagerOut(BaseModel):
    user_id: str
    name: str | None = None  # None when the user is not in users.csv
    email: str | None = None


class ContactsOut(BaseModel):
    """Who to reach at a partner and how it signs: its contact address, its users of the copilot, its brand."""
    contact_email: str | None = None
    users: list[ChannelManagerOut] = Field(default_factory=list)  # the partner's own users (users.csv partner_id)
    brand_name: str | None = None
    brand_color: str | None = None
    tagline: str | None = None
    website: str | None = None


class ProfileResult(BaseModel):
    partner_id: str
    name: str
    topic: str
    tier: str
    qualified_tier: str | None = None
    next_tier: str | None = None
    next_tier_checks: list[TierCheckOut] = Field(default_factory=list)
    qualified_checks: list[TierCheckOut] = Field(default_factory=list)
    mdf_months: list[str] = Field(default_factory=list)
    mdf_allocated: float | None = None
    mdf_spent: float | None = None
    mdf_left: float | None = None
    certified_total: int | None = None
    certified: dict[str, int] = Field(default_factory=dict)
    deals: list[DealOut] = Field(default_factory=list)
    conflicts: list[DealOut] = Field(default_factory=list)
    channel_manager: ChannelManagerOut | None = None
    contacts: ContactsOut | None = None  # contacts topic
    protection_days: int = 90
    currency: str = "USD"  # vendor.yaml reporting_currency: MDF figures and tier minimums are in it
    # currencies of its won (trailing year) and open deals without an fx_rates rate: left out of its won revenue
    unconverted: list[str] = Field(default_factory=list)
    today: dt.date | None = None
    asked_deal: str | None = None  # the one deal asked about (registrations of that deal)
    mdf_period: str | None = None  # the quarter the MDF figures cover (YYYY-Qn), when one was asked
    stage: str | None = None  # the stage the open deals were narrowed to, when one was asked
    activity: list[ActivityMonthOut] = Field(default_factory=list)  # activity topic: the months asked
    joined_on: dt.date | None = None  # partners.csv joined_on: when the partnership started
    asked_tier: str | None = None  # the tier asked about ("what do we need for silver?"), when one was
    asked_tier_checks: list[TierCheckOut] = Field(default_factory=list)  # its requirements, the partner's figures
    # win_rate topic: the partner's deals (engaged or registered) closed between closed_from and closed_to
    closed_from: dt.date | None = None
    closed_to: dt.date | None = None
    won_closed: int | None = None
    lost_closed: int | None = None
    stalled: bool = False  # deals topic: only the deals gone quiet beyond the norm were asked


def _checks(checks: list) -> list[TierCheckOut]:
    return [TierCheckOut(metric=c.metric, minimum=c.minimum, value=c.value, met=c.met,
                         money=c.metric in MONEY_METRICS) for c in checks]


def quarter_months(period: str, today: dt.date) -> tuple[str, list[str]]:
    """("2026-Q3", its months up to today's) for `this_quarter`, `last_quarter` or `YYYY-Qn`; also one month
    (`YYYY-MM`, `last_month`: ("2026-10", ["2026-10"])), the months since one (`YYYY-MM..`, up to today's),
    a year (`YYYY`, `this_year`, `last_year`: its months up to today's) and a range of months
    (`YYYY-MM..YYYY-MM`: "since March", "the last 4 months")."""
    now = f"{today.year:04d}-{today.month:02d}"
    period = period.strip()
    span = re.fullmatch(r"(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})", period)
    if span:
        first, last = int(span[1]) * 12 + int(span[2]) - 1, int(span[3]) * 12 + int(span[4]) - 1
        months = [f"{n // 12:04d}-{n % 12 + 1:02d}" for n in range(first, last + 1)]
        return f"{span[1]}-{span[2]}..{span[3]}-{span[4]}", [m for m in months if m <= now]
    if period == "last_month":
        period = f"{today.year - (today.month == 1):04d}-{(today.month - 2) % 12 + 1:02d}"
    if re.fullmatch(r"\d{4}-\d{2}", period):
        return period, [period] if period <= now else []
    if re.fullmatch(r"\d{4}-\d{2}\.\.", period):  # since that month, up to today's
        start = period[:7]
        year, month = int(start[:4]), int(start[5:])
        months = []
        while f"{year:04d}-{month:02d}" <= now:
            months.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return f"{start}..{now}", months
    if period in ("this_year", "last_year"):
        period = str(today.year - (period == "last_year"))
    if re.fullmatch(r"\d{4}", period):
        return period, [m for m in (f"{period}-{n:02d}" for n in range(1, 13)) if m <= now]
    q_index = today.year * 4 + (today.month - 1) // 3
    if period == "last_quarter":
        q_index -= 1
    elif period != "this_quarter":
        match = re.fullmatch(r"(\d{4})-?Q([1-4])", period.strip(), re.IGNORECASE)
        if not match:
            raise BadInput(f"unknown period '{period}' (this_quarter, last_quarter, YYYY-Qn, YYYY-MM, YYYY-MM.., "
                           "last_month, YYYY, this_year, last_year or YYYY-MM..YYYY-MM)")
        q_index = int(match.group(1)) * 4 + int(match.group(2)) - 1
    year, quarter = divmod(q_index, 4)
    months = [f"{year:04d}-{quarter * 3 + m:02d}" for m in (1, 2, 3)]
    return f"{year}-Q{quarter + 1}", [m for m in months if m <= f"{today.year:04d}-{today.month:02d}"]


def partner_profile(ctx: ToolContext, scope: Scope, partner_id: str | None = None, topic: str = "overview",
                    opportunity_id: str | None = None, period: str | None = None,
                    stage: str | None = None, tier: str | None = None, stalled: bool = False) -> ProfileResult:
    """The partner's standing on `topic`, within `scope` (NotFound / Forbidden from the scoped reads).
    With only `opportunity_id`, the partner is the deal's (its registering partner, else the engaged one)."""
    if not partner_id and opportunity_id and not scope.is_partner:
        with ctx.records(scope) as rec:
            opp = rec.opportunity(opportunity_id)
            partner_id = opp.registered_by or opp.partner_id
        if not partner_id:  # a deal no partner is on yet: its own facts (stage, amount, close date), no partner's
            days = protection_days(ctx)
            return ProfileResult(partner_id="", name="", topic=topic, tier="", today=ctx.today(),
                                 protection_days=days, asked_deal=opportunity_id,
                                 deals=[_deal(opp, "", ctx.today(), days, kept_protection(ctx))])
    partner_id = partner_id or scope.partner_id
    if not partner_id:
        raise BadInput("partner_id is required (only a partner seller has a partner of their own)")
    if topic not in TOPICS:
        raise BadInput(f"unknown topic '{topic}' (one of: {', '.join(TOPICS)})")
    if topic in ("channel_manager", "contacts"):  # who manages / who to reach: no deal is read, so a marketer
        with ctx.records(scope) as rec:                 # may ask too
            partner = rec.partner(partner_id)
        out = ProfileResult(partner_id=partner_id, name=partner.name, topic=topic, tier=partner.tier or "",
                            today=ctx.today(), channel_manager=_channel_manager(ctx, partner.channel_manager))
        if topic == "contacts":
            out.contacts = ContactsOut(contact_email=partner.contact_email, users=_partner_users(ctx, partner_id),
                                       brand_name=partner.brand_name, brand_color=partner.brand_color,
                                       tagline=partner.tagline, website=partner.website)
        return out
    metrics, assessment = partner_standing(ctx, scope, partner_id)
    partner, today = metrics.partner, ctx.today()
    days = protection_days(ctx)
    out = ProfileResult(partner_id=partner_id, name=partner.name, topic=topic, tier=assessment.current,
                        qualified_tier=assessment.qualified, protection_days=days, today=today,
                        asked_deal=opportunity_id, currency=reporting_currency(ctx.vendor()),
                        joined_on=getattr(partner, "joined_on", None))
    above = [c.tier for c in assessment.checks_next]
    out.next_tier = above[0] if above else None
    out.unconverted = metrics.unconverted()
    out.next_tier_checks = _checks(assessment.checks_next)
    out.qualified_checks = _checks(assessment.checks_qualified)
    out.mdf_months = list(metrics.mdf_window)
    out.mdf_allocated, out.mdf_spent = metrics.mdf_allocated, metrics.mdf_spent
    out.mdf_left = max(metrics.mdf_allocated - metrics.mdf_spent, 0.0)
    if topic == "activity":
        out.activity = _activity(ctx, scope, partner_id, period, today)
    elif topic == "win_rate":
        out.closed_from, out.closed_to = _closed_window(period, today)
        closed = [o.stage for o in metrics.deals if o.stage in ("closed_won", "closed_lost") and o.close_date
                  and out.closed_from <= o.close_date <= out.closed_to]
        out.won_closed, out.lost_closed = closed.count("closed_won"), closed.count("closed_lost")
    elif period:
        out.mdf_period, months = quarter_months(period, today)
        with ctx.records(scope) as rec:
            rows = [r for r in rec.partner_activity(partner_id) if r.month in months]
        out.mdf_months = sorted(r.month for r in rows)
        out.mdf_allocated = sum(r.mdf_allocated or 0.0 for r in rows)
        out.mdf_spent = sum(r.mdf_spent or 0.0 for r in rows)
        out.mdf_left = max(out.mdf_allocated - out.mdf_spent, 0.0)
    if not tier and not out.next_tier and assessment.current:
        tier = assessment.current  # in the highest tier: its own minimums, the ones it must keep meeting
    if tier:
        out.asked_tier = tier.strip().lower()
        rules = vendor_tier_rules(ctx)
        out.asked_tier_checks = _checks(tier_checks(out.asked_tier, rules, metrics.tier_metrics()))
    out.certified_total = metrics.certified_total
    out.certified = {name: count for name, count in metrics.certified.values()}
    deals = metrics.deals
    if opportunity_id:
        with ctx.records(scope) as rec:
            deals = [rec.opportunity(opportunity_id)]  # NotFound / Forbidden
    kept = kept_protection(ctx)
    out.deals = [_deal(o, partner_id, today, days, kept) for o in deals if is_open(o) or opportunity_id]
    out.deals.sort(key=lambda d: (d.days_left is None, d.days_left or 0, d.opportunity_id))
    if stage:
        out.stage = stage.strip().lower()
        out.deals = [d for d in out.deals if d.stage.lower() == out.stage]
    if stalled:  # "any stalled deals?": those quiet beyond the norm, the quietest first
        by_id = {o.opportunity_id: o for o in deals}
        for d in out.deals:
            d.stalled_days = stalled_days(ctx, by_id[d.opportunity_id])
        out.deals = sorted((d for d in out.deals if d.stalled_days), key=lambda d: -(d.stalled_days or 0))
        out.stalled = True
    out.conflicts = [d for d in out.deals if d.registered_elsewhere] + _account_conflicts(ctx, out.deals,
                                                                                          partner_id, today, days, kept)
    out.channel_manager = _channel_manager(ctx, partner.channel_manager)
    return out


def _closed_window(period: str | None, today: dt.date) -> tuple[dt.date, dt.date]:
    """The days a win rate counts closes over: the period's months (as `quarter_months` reads it) up to today,
    else the trailing 12 months."""
    if not period:  # as `in_trailing_year` counts them
        return today - dt.timedelta(days=364), today
    _, months = quarter_months(period, today)
    if not months:
        raise BadInput(f"the period '{period}' has not started yet")
    start = dt.date.fromisoformat(months[0] + "-01")
    last = dt.date.fromisoformat(months[-1] + "-01")
    end = (last.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return start, min(end, today)


def _deal(o: Any, partner_id: str, today: dt.date, days: int, kept: dict[str, tuple[str, dt.date]]) -> DealOut:
    """One deal; its protection from its registration record when one is kept, else created_on + `days`."""
    registrant, ends = deal_protection(o, kept, days)
    return DealOut(opportunity_id=o.opportunity_id, name=o.name, account_id=o.account_id, stage=o.stage,
                   amount=o.amount, currency=o.currency or "USD", close_date=o.close_date,
                   last_activity_on=o.last_activity_on,
                   registered_by_partner=registrant == partner_id,
                   registered_elsewhere=bool(registrant and registrant != partner_id),
                   protection_ends=ends, days_left=(ends - today).days if ends else None)


def _activity(ctx: ToolContext, scope: Scope, partner_id: str, period: str | None,
              today: dt.date) -> list[ActivityMonthOut]:
    """The partner's activity months: the one asked (YYYY-MM, last_month), the quarter asked, else the last six."""
    month = _month(period, today) if period else None
    with ctx.records(scope) as rec:
        rows = rec.partner_activity(partner_id)
    if month:
        rows = [r for r in rows if r.month == month]
    elif period:
        rows = [r for r in rows if r.month in quarter_months(period, today)[1]]
    else:
        rows = rows[-6:]
    return [ActivityMonthOut(month=r.month, portal_logins=r.portal_logins, trainings_completed=r.trainings_completed,
                             deals_registered=r.deals_registered, certifications_earned=r.certifications_earned)
            for r in rows]


def _month(period: str, today: dt.date) -> str | None:
    """ "last_month" -> the month before today's, "2026-09" as is; None for a quarter."""
    if period == "last_month":
        first = today.replace(day=1) - dt.timedelta(days=1)
        return f"{first.year:04d}-{first.month:02d}"
    return period if re.fullmatch(r"\d{4}-\d{2}", period.strip()) else None


def _account_conflicts(ctx: ToolContext, deals: list[DealOut], partner_id: str, today: dt.date,
                       days: int, kept: dict[str, tuple[str, dt.date]]) -> list[DealOut]:
    """The partner's open deals whose account has another open deal registered by another partner, still
    protected. Read vendor-wide, but only the partner's own deal (and that a conflict exists) leaves here."""
    mine = {d.account_id: d for d in deals if is_open(d) and not d.registered_elsewhere}
    if not mine:
        return []
    with ctx.records(Scope.system()) as rec:
        opps = rec.opportunities(account_ids=list(mine), open_only=True)
    others = []
    for o in opps:
        registrant, ends = deal_protection(o, kept, days)
        if registrant and registrant != partner_id and o.partner_id != partner_id and ends and ends >= today:
            others.append(o)
    flagged = {o.account_id for o in others}
    return [d for a, d in mine.items() if a in flagged]


def _channel_manager(ctx: ToolContext, user_id: str | None) -> ChannelManagerOut | None:
    if not user_id:
        return None
    with ctx.store.session() as session:
        user = session.get(User, user_id)
        if user is None:
            return ChannelManagerOut(user_id=user_id)
        return ChannelManagerOut(user_id=user.user_id, name=user.name, email=user.email)


def _partner_users(ctx: ToolContext, partner_id: str) -> list[ChannelManagerOut]:
    """The partner's own users of the copilot (users.csv rows with its partner_id), by name."""
    with ctx.store.session() as session:
        rows = session.scalars(select(User).where(User.partner_id == partner_id)).all()
        return sorted((ChannelManagerOut(user_id=u.user_id, name=u.name, email=u.email) for u in rows),
                      key=lambda u: (u.name or "", u.user_id))


@register_tool("partner_profile", args=ProfileArgs, pure=True)
def partner_profile_tool(ctx: ToolContext, scope: Scope, args: ProfileArgs) -> ProfileResult:
    """A partner's own standing from its records: tier progress and what is missing, MDF allocated/spent/
    left, certified staff, deal registrations and their days of protection left, conflicts, open deals,
    its channel manager. For partner sellers' questions about "us"/"our" partner."""
    return partner_profile(ctx, scope, args.partner_id, args.topic, args.opportunity_id, args.period, args.stage,
                           args.tier, args.stalled)
