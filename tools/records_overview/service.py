"""Counts and lists over the records the asker may see: what an admin or channel manager asks in one line
("how many partners do we have?", "total open pipeline?", "open opps over 250k with no partner?", "which
regs expire in the next 2 weeks?", "who is eligible for a promotion?").

Every read goes through the asker's scope (`ctx.records(scope)`): a partner seller's counts are their own
partner's, a marketer may not see deals (Forbidden). Users are counted for internal roles only. Facts are
returned as data; the engine words them.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, Field
from sqlalchemy import func

from assistant.core.errors import BadInput, Forbidden
from retrieval.records import CampaignKitRow, User
from retrieval.scope import Scope
from tools.analytics.service import portfolio
from tools.context import ToolContext
from tools.currency import Converter, reporting_currency
from tools.locales import language_of
from tools.next_best_action.service import vendor_tier_rules
from tools.protection import deal_protection, kept_protection, protection_days
from tools.registry import register_tool
from tools.types import is_open

Topic = Literal["partners", "joined", "users", "pipeline", "unpartnered", "won", "past_close", "expiring",
                "promotion", "below_tier", "mdf", "kits", "certified", "tier_rules", "open_deals",
                "open_pipeline", "no_registrations", "stale", "lapsed", "logins", "closing"]
TOPICS: tuple[str, ...] = Topic.__args__  # type: ignore[attr-defined]
TRAILING_DAYS = 365


class OverviewArgs(BaseModel):
    topic: Topic = Field(..., description="What to count or list: " + ", ".join(TOPICS))  # type: ignore
    tier: str | None = Field(None, description="partners, promotion, below_tier: only partners of this tier")
    min_amount: float | None = Field(None, ge=0, description="deals: only those above this amount")
    days: int | None = Field(None, ge=1, le=366, description="expiring: within this many days (default 14); "
                                                            "no_registrations: none registered in this many days "
                                                            "(default 90); closing: expected to close within this many days (default 30); "
                                                            "stale: no activity logged in at least "
                                                            "this many days (default 30); lapsed: protection ended "
                                                            "in the last this many days (default: any)")
    year: int | None = Field(None, description="joined: this year (default: the current one)")
    from_date: dt.date | None = Field(None, description="joined: from this day (with to_date, instead of year)")
    to_date: dt.date | None = Field(None, description="joined: to this day (default today)")
    partner_id: str | None = Field(None, description="mdf, past_close, expiring, stale, lapsed, logins: only this "
                                                     "partner's")
    locale: str | None = Field(None, description="kits: only those with this locale")
    country: str | None = Field(None, description="partners, certified: only those selling in this country code")
    product: str | None = Field(None, description="certified: count the staff certified on this product")
    channel_manager: str | None = Field(None, description="every topic about partners or their deals: only the "
                                                          "partners whose channel manager is this user (a user_id) "
                                                          "and the deals they are on or registered")
    months: list[str] = Field(default_factory=list, description="mdf: these months (YYYY-MM; default the last "
                                                                 "six complete ones); logins: these months (default "
                                                                 "the last complete one)")
    metric: Literal["portal_logins", "trainings_completed", "psat", "win_rate"] = Field(
        "portal_logins", description="logins: the partner_activity figure to rank by (summed over the months; psat "
                                     "averaged), or win_rate: won of the deals each partner closed (engaged or "
                                     "registered) in the months (default: the last 12)")
    most: bool = Field(False, description="logins: the highest first (default: the lowest first)")


class PartnerLine(BaseModel):
    partner_id: str
    name: str
    tier: str = ""
    joined_on: dt.date | None = None
    qualifies_for: str | None = None
    mdf_allocated: float | None = None
    mdf_spent: float | None = None
    mdf_left: float | None = None
    certified: int | None = None
    open_deals: int | None = None  # open_deals: the open deals it is on or registered
    pipeline: float | None = None  # open_deals: their amount in the reporting currency (`unconverted`: left out)
    unconverted: list[str] = Field(default_factory=list)  # open_deals: currencies of its deals without a rate
    last_registered: dt.date | None = None  # no_registrations: the day of its latest registration (None: never)
    portal_logins: float | None = None  # logins: the metric asked (portal logins by default) over the months asked
    won: int | None = None  # logins, metric win_rate: the deals it won of the `closed` it closed in the months
    closed: int | None = None
    won_since_joining: int | None = None  # joined: the deals won with it (on or registered) since it joined
    won_amount_since_joining: float | None = None  # joined: their amount in the reporting currency


class DealLine(BaseModel):
    opportunity_id: str
    name: str
    partner_id: str | None = None
    amount: float | None = None
    currency: str = "USD"
    close_date: dt.date | None = None
    expires_on: dt.date | None = None
    days_left: int | None = None  # expiring, lapsed: days to the end of its protection (negative: ended)
    last_activity_on: dt.date | None = None  # stale: the last logged activity (else the day it was created)
    idle_days: int | None = None  # stale: days since then


class KitLine(BaseModel):
    kit_id: str
    name: str
    locales: list[str] = Field(default_factory=list)
    products: list[str] = Field(default_factory=list)


class OverviewResult(BaseModel):
    topic: str
    today: dt.date
    count: int = 0
    # the deals' amount in the reporting currency; a deal in a currency without a rate (vendor.yaml fx_rates) is
    # left out of it and summed apart under its own currency, so the answer says it
    totals: dict[str, float] = Field(default_factory=dict)
    partners: list[PartnerLine] = Field(default_factory=list)
    deals: list[DealLine] = Field(default_factory=list)
    by_tier: dict[str, int] = Field(default_factory=dict)
    by_role: dict[str, int] = Field(default_factory=dict)  # users
    tier: str | None = None
    channel_manager: str | None = None  # the book asked about: one channel manager's partners
    min_amount: float | None = None
    days: int | None = None
    year: int | None = None
    window: tuple[dt.date, dt.date] | None = None  # won: the trailing 12 months; joined: the period asked
    months: list[str] = Field(default_factory=list)  # mdf, logins: the months counted
    metric: str | None = None  # logins: the partner_activity figure ranked
    kits: list[KitLine] = Field(default_factory=list)
    tier_rules: dict[str, dict[str, float]] = Field(default_factory=dict)  # tier -> minimum per metric
    locale: str | None = None
    country: str | None = None
    product: str | None = None
    currency: str = "USD"  # vendor.yaml reporting_currency: MDF sums and tier minimums are in it


def _has_locale(locales: list[str], asked: str) -> bool:
    """A kit has the locale asked: a tag of the same language (`tools.locales.language_of`: "pt" has "pt-BR")."""
    try:
        lang = language_of(asked)
    except BadInput:
        return False
    return any(_language(tag) == lang for tag in locales)


def _language(tag: str) -> str | None:
    try:
        return language_of(tag)
    except BadInput:
        return None  # a malformed key in a kit matches no language


def _tier_order(ctx: ToolContext) -> list[str]:
    rules = ctx.vendor().get("tier_rules") or {}
    return [str(t).lower() for t in rules] if isinstance(rules, dict) else []


def _line(o, today: dt.date, ends: dt.date | None = None) -> DealLine:
    last = o.last_activity_on or o.created_on
    return DealLine(opportunity_id=o.opportunity_id, name=o.name, partner_id=o.partner_id or o.registered_by,
                    amount=o.amount, currency=o.currency or "USD", close_date=o.close_date, expires_on=ends,
                    days_left=(ends - today).days if ends else None, last_activity_on=last,
                    idle_days=(today - last).days if last else None)


def _totals(deals: list[DealLine], fx: Converter) -> dict[str, float]:
    """The reporting currency's sum (0 when there are no deals), and apart the sum of each currency without a rate."""
    totals: dict[str, float] = {fx.currency: 0.0} if deals else {}
    for d in deals:
        code = d.currency.upper()
        value = fx.convert(d.amount, code)
        if value is None:
            totals[code] = totals.get(code, 0.0) + (d.amount or 0.0)
            continue
        totals[fx.currency] = totals.get(fx.currency, 0.0) + (value if d.amount is not None else 0.0)
    if len(totals) > 1 and not totals.get(fx.currency):
        del totals[fx.currency]  # every deal in a currency without a rate: no reporting sum to show
    return totals


def records_overview(ctx: ToolContext, scope: Scope, topic: str, tier: str | None = None,
                     min_amount: float | None = None, days: int | None = None, year: int | None = None,
                     partner_id: str | None = None, months: list[str] | None = None,
                     locale: str | None = None, country: str | None = None,
                     product: str | None = None, from_date: dt.date | None = None,
                     to_date: dt.date | None = None, channel_manager: str | None = None,
                     metric: str = "portal_logins", most: bool = False) -> OverviewResult:
    today = ctx.today()
    out = OverviewResult(topic=topic, today=today, tier=tier, min_amount=min_amount, locale=locale,
                         country=country, product=product, currency=reporting_currency(ctx.vendor()))
    if topic == "tier_rules":  # the programme's minimums per tier, as nba and the profile apply them: no one's data
        out.tier_rules = {t: {r.metric: r.minimum for r in reqs} for t, reqs in vendor_tier_rules(ctx).items()
                          if reqs and (not tier or t == tier.lower())}
        out.count = len(out.tier_rules)
        return out
    if topic == "kits":  # campaign kits are for every role that drafts
        with ctx.store.session() as session:
            for row in session.query(CampaignKitRow).order_by(CampaignKitRow.kit_id):
                data = row.data or {}
                locales = [str(x) for x in (data.get("locales") or {})]
                if locale and not _has_locale(locales, locale):
                    continue
                out.kits.append(KitLine(kit_id=row.kit_id, name=row.name, locales=locales,
                                        products=[str(p) for p in data.get("products") or []]))
        out.count = len(out.kits)
        return out
    if topic == "mdf":
        return _mdf(ctx, scope, out, partner_id, months or _last_months(today, 6), channel_manager)
    if topic == "logins":
        default = _last_months(today, 12 if metric == "win_rate" else 1)  # a win rate over a month says little
        return _logins(ctx, scope, out, partner_id, months or default, channel_manager, metric, most)
    if topic in ("promotion", "below_tier"):
        return _tier_moves(ctx, scope, out, channel_manager, tier)
    if topic == "users":  # who is set up is the admin's (CLI.md: `users key` is admin only)
        if scope.role != "admin":
            raise Forbidden(f"user '{scope.user_id}' ({scope.role}) may not see the copilot's users")
        with ctx.store.session() as session:
            for role, n in session.query(User.role, func.count()).group_by(User.role):
                out.by_role[str(role)] = int(n)
        out.count = sum(out.by_role.values())
        return out
    with ctx.records(scope) as rec:
        if topic == "certified":
            return _certified(_managed_by(rec.partners(), channel_manager), out)
        if topic == "no_registrations":  # "which partners haven't registered a deal in 90 days?"
            out.days = days or 90
            return _no_registrations(_managed_by(rec.partners(), channel_manager), rec.opportunities(), out)
        if topic in ("open_deals", "open_pipeline"):  # by their count, or by their amount
            return _open_deals(_managed_by(rec.partners(), channel_manager), rec.opportunities(open_only=True), out,
                               Converter.from_vendor(ctx.vendor()), by_amount=topic == "open_pipeline")
        if topic in ("partners", "joined"):
            partners = _managed_by(rec.partners(), channel_manager)
            if country:
                partners = [p for p in partners if country.upper() in {c.upper() for c in p.countries or []}]
            for p in partners:
                out.by_tier[(p.tier or "").lower()] = out.by_tier.get((p.tier or "").lower(), 0) + 1
            if topic == "joined" and from_date:
                out.window = (from_date, to_date or today)
                partners = sorted((p for p in partners if p.joined_on and from_date <= p.joined_on <= out.window[1]),
                                  key=lambda p: (p.joined_on, p.partner_id))
            elif topic == "joined":
                out.year = year or today.year
                partners = [p for p in partners if p.joined_on and p.joined_on.year == out.year]
            elif tier:
                partners = [p for p in partners if (p.tier or "").lower() == tier.lower()]
            out.channel_manager = channel_manager
            out.partners = [PartnerLine(partner_id=p.partner_id, name=p.name, tier=p.tier or "",
                                        joined_on=p.joined_on) for p in partners]
            if topic == "joined":  # "... and whether they've won anything": each one's wins since joining
                won = [o for o in rec.opportunities() if o.stage == "closed_won" and o.close_date
                       and o.close_date <= today]
                for line in out.partners:
                    mine = [o for o in won if line.partner_id in (o.partner_id, o.registered_by)
                            and (line.joined_on is None or o.close_date >= line.joined_on)]
                    line.won_since_joining = len(mine)
                    line.won_amount_since_joining = Converter.from_vendor(ctx.vendor()).total(mine)
            out.count = len(out.partners)
            return out
        opps = rec.opportunities()
        if channel_manager:  # the deals of one manager's book: those its partners are on or registered
            book = {p.partner_id for p in _managed_by(rec.partners(), channel_manager)}
            opps = [o for o in opps if {o.partner_id, o.registered_by} & book]
            out.channel_manager = channel_manager
    if partner_id:  # the deals this partner is on or registered
        opps = [o for o in opps if partner_id in (o.partner_id, o.registered_by)]
    ends: dict[str, dt.date] = {}
    if topic in ("expiring", "lapsed"):  # the registration record's end when one is kept, else created_on + days
        kept, length = kept_protection(ctx), protection_days(ctx)
        ends = {o.opportunity_id: end for o in opps if is_open(o)
                for registrant, end in [deal_protection(o, kept, length)] if registrant and end}
    if topic == "won":
        first = today - dt.timedelta(days=TRAILING_DAYS - 1)
        out.window = (first, today)
        chosen = [o for o in opps if o.stage == "closed_won" and o.close_date and first <= o.close_date <= today]
    elif topic == "expiring":
        out.days = days or 14
        last = today + dt.timedelta(days=out.days)
        chosen = [o for o in opps if o.opportunity_id in ends and today <= ends[o.opportunity_id] <= last]
    elif topic == "lapsed":  # open deals whose registration no longer protects them (in the last `days` days)
        out.days = days
        first = today - dt.timedelta(days=days) if days else dt.date.min
        chosen = [o for o in opps if o.opportunity_id in ends and first <= ends[o.opportunity_id] < today]
    elif topic == "closing":  # open deals expected to close from today to `days` days ahead, the soonest first
        out.days = days or 30
        last = today + dt.timedelta(days=out.days)
        chosen = [o for o in opps if is_open(o) and o.close_date and today <= o.close_date <= last]
    elif topic == "stale":  # open deals with no activity logged for at least `days` days, the longest idle first
        out.days = days or 30
        chosen = [o for o in opps if is_open(o) and (o.last_activity_on or o.created_on)
                  and (today - (o.last_activity_on or o.created_on)).days >= out.days]
    else:
        chosen = [o for o in opps if is_open(o)]
        if topic == "unpartnered":
            chosen = [o for o in chosen if not o.partner_id and not o.registered_by]
        elif topic == "past_close":
            chosen = [o for o in chosen if o.close_date and o.close_date < today]
    fx = Converter.from_vendor(ctx.vendor())  # amounts compared across deals: in the reporting currency
    if min_amount is not None:  # a minimum in the reporting currency: a deal without a rate cannot be compared
        chosen = [o for o in chosen if (fx.convert(o.amount, o.currency) or 0.0) > min_amount]
    out.deals = [_line(o, today, ends.get(o.opportunity_id)) for o in chosen]
    key = (lambda d: (d.days_left or 0, d.opportunity_id)) if topic == "expiring" else (
        lambda d: (-(d.days_left or 0), d.opportunity_id)) if topic == "lapsed" else (
        lambda d: (-(d.idle_days or 0), d.opportunity_id)) if topic == "stale" else (
        lambda d: (d.close_date or today, d.opportunity_id)) if topic in ("past_close", "closing") else (
        lambda d: (-fx.value(d.amount, d.currency), d.opportunity_id))
    out.deals.sort(key=key)
    out.count, out.totals = len(out.deals), _totals(out.deals, fx)
    return out


def _no_registrations(partners: list, opps: list, out: OverviewResult) -> OverviewResult:
    """The partners with no deal registered (created_on of the deals they registered) in the last `out.days`
    days, those that never registered last."""
    latest: dict[str, dt.date] = {}
    for o in opps:
        if o.registered_by and o.created_on and o.created_on <= out.today:
            latest[o.registered_by] = max(latest.get(o.registered_by, o.created_on), o.created_on)
    since = out.today - dt.timedelta(days=out.days or 90)
    quiet = [p for p in partners if latest.get(p.partner_id) is None or latest[p.partner_id] < since]
    out.partners = [PartnerLine(partner_id=p.partner_id, name=p.name, tier=p.tier or "",
                                last_registered=latest.get(p.partner_id)) for p in quiet]
    out.partners.sort(key=lambda line: (line.last_registered is None, line.last_registered or out.today,
                                        line.partner_id))
    out.count = len(out.partners)
    return out


def _open_deals(partners: list, opps: list, out: OverviewResult, fx: Converter,
                by_amount: bool = False) -> OverviewResult:
    """The partners by the open deals they are on or registered, most first (then by their amount in the reporting
    currency; `by_amount`: by their amount first). A deal in a currency without a rate counts, its amount does
    not (its currency is listed in the partner's `unconverted`)."""
    lines = {p.partner_id: PartnerLine(partner_id=p.partner_id, name=p.name, tier=p.tier or "", open_deals=0,
                                       pipeline=0.0) for p in partners}
    for o in opps:
        for pid in {o.partner_id, o.registered_by} - {None}:
            if pid in lines:
                lines[pid].open_deals = (lines[pid].open_deals or 0) + 1
                lines[pid].pipeline = (lines[pid].pipeline or 0.0) + fx.value(o.amount, o.currency)
                if o.amount and not fx.can_convert(o.currency):
                    lines[pid].unconverted = fx.unconverted([*lines[pid].unconverted, o.currency])
    def key(line: PartnerLine) -> tuple:
        count, amount = -(line.open_deals or 0), -(line.pipeline or 0.0)
        return (amount, count, line.partner_id) if by_amount else (count, amount, line.partner_id)

    out.partners = sorted((line for line in lines.values() if line.open_deals), key=key)
    out.count = len(out.partners)
    return out


def _managed_by(partners: list, channel_manager: str | None) -> list:
    """The partners whose channel manager (partners.csv `channel_manager`) is `channel_manager`, or all."""
    return [p for p in partners if p.channel_manager == channel_manager] if channel_manager else partners


def _certified(partners: list, out: OverviewResult) -> OverviewResult:
    """Partners (in `out.country`) by staff certified on `out.product` (else in total), most first."""
    for p in partners:
        if out.country and out.country.upper() not in {c.upper() for c in p.countries or []}:
            continue
        staff = {str(k).casefold(): int(v or 0) for k, v in (p.certified_staff or {}).items()}
        count = staff.get(out.product.casefold(), 0) if out.product else sum(staff.values())
        if count:
            out.partners.append(PartnerLine(partner_id=p.partner_id, name=p.name, tier=p.tier or "",
                                            certified=count))
    out.partners.sort(key=lambda p: (-(p.certified or 0), p.partner_id))
    out.count = len(out.partners)
    return out


def _last_months(today: dt.date, n: int) -> list[str]:
    first = today.replace(day=1)
    out = []
    for _ in range(n):
        first = (first - dt.timedelta(days=1)).replace(day=1)
        out.append(f"{first:%Y-%m}")
    return sorted(out)


def _mdf(ctx: ToolContext, scope: Scope, out: OverviewResult, partner_id: str | None,
         months: list[str], channel_manager: str | None = None) -> OverviewResult:
    """MDF allocated / spent / left per partner over `months`, the most left unspent first."""
    out.months = sorted(months)
    with ctx.records(scope) as rec:
        partners = [rec.partner(partner_id)] if partner_id else _managed_by(rec.partners(), channel_manager)
        for p in partners:
            rows = [r for r in rec.partner_activity(p.partner_id) if r.month in months]
            allocated = sum(r.mdf_allocated or 0.0 for r in rows)
            spent = sum(r.mdf_spent or 0.0 for r in rows)
            if allocated or spent or partner_id:
                out.partners.append(PartnerLine(partner_id=p.partner_id, name=p.name, tier=p.tier or "",
                                                mdf_allocated=allocated, mdf_spent=spent,
                                                mdf_left=max(allocated - spent, 0.0)))
    out.partners.sort(key=lambda p: (-(p.mdf_left or 0.0), p.partner_id))
    out.count = len(out.partners)
    return out


ACTIVITY_METRICS = ("portal_logins", "trainings_completed", "psat")


def _logins(ctx: ToolContext, scope: Scope, out: OverviewResult, partner_id: str | None,
            months: list[str], channel_manager: str | None = None, metric: str = "portal_logins",
            most: bool = False) -> OverviewResult:
    """A partner_activity figure per partner over `months` (portal logins, trainings completed: summed; PSAT:
    averaged), the lowest first (`most`: the highest); partners with no value for those months are left out
    (nothing known, not zero)."""
    metric = metric if metric in (*ACTIVITY_METRICS, "win_rate") else "portal_logins"
    out.months, out.metric = sorted(months), metric
    with ctx.records(scope) as rec:
        partners = [rec.partner(partner_id)] if partner_id else _managed_by(rec.partners(), channel_manager)
        if metric == "win_rate":
            _win_rates(rec, partners, out, set(months))
            partners = []
        for p in partners:
            values = [float(v) for r in rec.partner_activity(p.partner_id) if r.month in months
                      for v in [getattr(r, metric)] if v is not None]
            if values:
                value = sum(values) / len(values) if metric == "psat" else sum(values)
                out.partners.append(PartnerLine(partner_id=p.partner_id, name=p.name, tier=p.tier or "",
                                                portal_logins=round(value, 1)))
    out.channel_manager = channel_manager
    # ties (and a win rate on few deals) by how much it rests on: more closed deals first
    out.partners.sort(key=lambda p: (-(p.portal_logins or 0) if most else (p.portal_logins or 0), -(p.closed or 0),
                                     p.partner_id))
    out.count = len(out.partners)
    return out


def _win_rates(rec: Any, partners: list, out: OverviewResult, months: set[str]) -> None:
    """Each partner's won share of the deals it closed (engaged or registered) in `months`, in percent;
    partners that closed none are left out."""
    for p in partners:
        closed = [o.stage for o in rec.opportunities(partner_id=p.partner_id)
                  if o.stage in ("closed_won", "closed_lost") and o.close_date
                  and o.close_date.strftime("%Y-%m") in months]
        if closed:
            won = closed.count("closed_won")
            out.partners.append(PartnerLine(partner_id=p.partner_id, name=p.name, tier=p.tier or "", won=won,
                                            closed=len(closed), portal_logins=round(100 * won / len(closed), 1)))


def _tier_moves(ctx: ToolContext, scope: Scope, out: OverviewResult,
                channel_manager: str | None = None, tier: str | None = None) -> OverviewResult:
    """Partners whose last 12 months qualify them for a higher tier (`promotion`) or only a lower one."""
    order = _tier_order(ctx)

    def rank(tier: str | None) -> int:
        tier = (tier or "").lower()
        return order.index(tier) if tier in order else -1

    for p in portfolio(ctx, scope).partners:
        now, fits = rank(p.tier), rank(p.qualifies_for)
        if now < 0 or fits < 0 or (channel_manager and p.channel_manager != channel_manager):
            continue
        if tier and (p.tier or "").lower() != tier.strip().lower():
            continue  # "which of my gold partners are below the gold minimums?"
        if (out.topic == "promotion" and fits > now) or (out.topic == "below_tier" and fits < now):
            out.partners.append(PartnerLine(partner_id=p.partner_id, name=p.name, tier=p.tier,
                                            qualifies_for=p.qualifies_for))
    out.count = len(out.partners)
    return out


@register_tool("records_overview", args=OverviewArgs, pure=True)
def records_overview_tool(ctx: ToolContext, scope: Scope, args: OverviewArgs) -> OverviewResult:
    """Counts and lists over the records the asker may see: partners (by tier, joined in a year or
    period), users by role (admin only),
    open pipeline, open deals with no partner, won revenue over the trailing 12 months, open deals past their
    close date, registrations expiring soon, partners eligible for promotion or below their tier, MDF
    allocated / spent / left per partner (most unspent first), the campaign kits and their locales, partners
    by certified staff (on a product, in a country), the programme's minimums per tier (`tier_rules`), open deals
    with no activity logged for a while (`stale`), registrations that lapsed (`lapsed`), partners by portal logins
    in a month, or by trainings completed or satisfaction (`logins` with `metric`); `channel_manager` narrows any of them to one manager's book."""
    return records_overview(ctx, scope, args.topic, args.tier, args.min_amount, args.days, args.year,
                            args.partner_id, args.months, args.locale, args.country, args.product,
                            args.from_date, args.to_date, args.channel_manager, args.metric, args.most)
