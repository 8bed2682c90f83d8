"""Won revenue by partner role (CLI.md `attribution`), MDF spent and ROPI per partner, and an explained
influence model on top of the role credit.

Role credit (the contract): a won deal (closed_won, close_date in the period) is credited to its
`partner_id` under its `partner_role`; no partner = direct. Amounts are converted into the reporting
currency; a deal without a rate is left out of every figure (sums and counts) and listed in `unconverted`.

Influence model (added fields `influence_model_*`): a partner other than the credited one influenced a
won deal when
- it registered the deal (`registered_by`), or
- account mapping matched the deal's account to one of its own CRM rows with status `customer` or
  `open_opportunity` (tools.account_mapping.service relationships; rows of partners whose
  `account_sharing` is `none` are not used, and with `counts` the evidence does not quote the row).
Each such partner gets the deal's whole amount as influence (non-exclusive: several partners may share a
deal), with the evidence per deal.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import or_, select

from retrieval.records import Opportunity, Partner, PartnerActivity
from retrieval.scope import Scope
from tools.account_mapping.service import account_relationships
from tools.analytics.periods import months_starting_in, period
from tools.analytics.types import AttributionResponse, AttributionTotals, DealCredit, PartnerAttribution
from tools.context import ToolContext
from tools.currency import Converter

ROLES = ("sourced", "influenced", "fulfillment")
MAPPING_POPULATIONS = ("customer", "open_opportunity")
INFLUENCE_MODEL = ("influence_model: partners other than the credited one that registered the won deal, or "
                   "whose own CRM lists its account as customer or open opportunity (account mapping), each "
                   "credited the deal's whole amount, with the evidence per deal")


@dataclass(frozen=True)
class WonDeal:
    opportunity_id: str
    name: str
    account_id: str
    close_date: dt.date
    amount: float | None
    currency: str
    partner_id: str | None
    partner_role: str | None
    registered_by: str | None


_COLUMNS = (Opportunity.opportunity_id, Opportunity.name, Opportunity.account_id, Opportunity.close_date,
            Opportunity.amount, Opportunity.currency, Opportunity.partner_id, Opportunity.partner_role,
            Opportunity.registered_by)


def won_deals(ctx: ToolContext, scope: Scope, first: dt.date, last: dt.date) -> list[WonDeal]:
    """closed_won deals closing in [first, last] the asker may see (a partner seller: P's own deals)."""
    stmt = select(*_COLUMNS).where(Opportunity.stage == "closed_won", Opportunity.close_date >= first,
                                   Opportunity.close_date <= last).order_by(Opportunity.opportunity_id)
    if scope.is_partner:
        pid = scope.partner_id
        stmt = stmt.where(or_(Opportunity.partner_id == pid, Opportunity.registered_by == pid))
    with ctx.records(scope) as rec:
        return [WonDeal(*row) for row in rec.session.execute(stmt)]


def _partners(ctx: ToolContext, scope: Scope) -> dict[str, tuple[str, str]]:
    """id -> (name, account_sharing) of the partners the asker may see."""
    stmt = select(Partner.partner_id, Partner.name, Partner.account_sharing)
    if scope.is_partner:
        stmt = stmt.where(Partner.partner_id == scope.partner_id)
    with ctx.records(scope) as rec:
        return {pid: (name, sharing or "counts") for pid, name, sharing in rec.session.execute(stmt)}


def _mdf_spent(ctx: ToolContext, scope: Scope, months: list[str], partner_ids: set[str]) -> dict[str, float]:
    if not months:
        return {}
    stmt = select(PartnerActivity.partner_id, PartnerActivity.mdf_spent).where(PartnerActivity.month.in_(months))
    spent: dict[str, float] = defaultdict(float)
    with ctx.records(scope) as rec:
        for pid, value in rec.session.execute(stmt):
            if pid in partner_ids:
                spent[pid] += float(value or 0.0)
    return spent


def _influence(ctx: ToolContext, scope: Scope, deals: list[WonDeal], partners: dict[str, tuple[str, str]]
               ) -> dict[str, dict[str, list[str]]]:
    """partner -> opportunity -> evidence, for the influence model."""
    out: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for d in deals:
        if d.registered_by and d.registered_by != d.partner_id and d.registered_by in partners:
            out[d.registered_by].setdefault(d.opportunity_id, []).append(
                f"registered the deal {d.opportunity_id} (registered_by)")
    by_account: dict[str, list[WonDeal]] = defaultdict(list)
    for d in deals:
        by_account[d.account_id].append(d)
    wanted = [p for p, (_, sharing) in partners.items() if sharing != "none" or scope.is_partner]
    if not wanted or not by_account:
        return out
    for rel in account_relationships(ctx, wanted):
        if rel.partner_population not in MAPPING_POPULATIONS or rel.account_id not in by_account:
            continue
        sharing = partners[rel.partner_id][1]
        population = rel.partner_population.replace("_", " ")
        if sharing == "accounts" or scope.is_partner:
            text = (f"account mapping: its CRM lists '{rel.partner_account_name}' as {population}, matched to "
                    f"{rel.account_id} '{rel.account_name}' (confidence {rel.confidence:.2f})")
        else:
            text = f"account mapping: its CRM lists the account as {population} (rows withheld: account_sharing)"
        for d in by_account[rel.account_id]:
            if d.partner_id != rel.partner_id:
                out[rel.partner_id].setdefault(d.opportunity_id, []).append(text)
    return out


def attribution(ctx: ToolContext, scope: Scope, start: str | dt.date | None = None, end: str | dt.date | None = None,
                partner_id: str | None = None, with_deals: bool = False) -> AttributionResponse:
    """CLI.md `attribution`: totals (not for partner sellers), per-partner figures, unconverted deals."""
    first, last = period(ctx.today(), start, end)
    fx = Converter.from_vendor(ctx.vendor())
    partners = _partners(ctx, scope)
    if partner_id is not None:
        with ctx.records(scope) as rec:
            partner_id = rec.partner(partner_id).partner_id  # NotFound / Forbidden; its stored spelling
    deals = won_deals(ctx, scope, first, last)
    converted: dict[str, float] = {}
    unconverted: list[str] = []
    for d in deals:
        value = fx.convert(d.amount, d.currency)
        if value is None:
            unconverted.append(d.opportunity_id)
        else:
            converted[d.opportunity_id] = value
    kept = [d for d in deals if d.opportunity_id in converted]
    rows: dict[str, PartnerAttribution] = {}

    def row(pid: str) -> PartnerAttribution:
        if pid not in rows:
            rows[pid] = PartnerAttribution(partner_id=pid, name=partners[pid][0])
        return rows[pid]

    totals = {"sourced": 0.0, "influenced": 0.0, "fulfillment": 0.0, "direct": 0.0}
    months: dict[str, dict[str, float]] = defaultdict(lambda: dict.fromkeys(totals, 0.0))
    credited: dict[str, list[WonDeal]] = defaultdict(list)
    for d in kept:
        value = converted[d.opportunity_id]
        role = (d.partner_role or "").lower()
        month = months[d.close_date.strftime("%Y-%m")]
        if not d.partner_id or role not in ROLES:
            totals["direct"] += value
            month["direct"] += value
            continue
        totals[role] += value
        month[role] += value
        if d.partner_id in partners:
            r = row(d.partner_id)
            setattr(r, role, getattr(r, role) + value)
            r.won_deals += 1
            credited[d.partner_id].append(d)
    influence = _influence(ctx, scope, kept, partners)
    for pid, by_deal in influence.items():
        r = row(pid)
        r.influence_model_deals = len(by_deal)
        r.influence_model_revenue = sum(converted[o] for o in by_deal)
    for pid, spent in _mdf_spent(ctx, scope, months_starting_in(first, last), set(partners)).items():
        row(pid).mdf_spent = spent
    for r in rows.values():
        for name in (*ROLES, "mdf_spent", "influence_model_revenue"):
            setattr(r, name, round(getattr(r, name), 2))
        r.ropi = round((r.sourced + r.influenced) / r.mdf_spent, 4) if r.mdf_spent > 0 else None
    chosen = [rows[partner_id]] if partner_id in rows else (
        [PartnerAttribution(partner_id=partner_id, name=partners[partner_id][0])] if partner_id else
        sorted(rows.values(), key=lambda r: (-(r.sourced + r.influenced + r.fulfillment), r.partner_id)))
    if with_deals:
        by_id = {d.opportunity_id: d for d in deals}
        for r in chosen:
            r.deals = _deal_rows(credited.get(r.partner_id, []), influence.get(r.partner_id, {}), by_id,
                                 converted)
    won_revenue = sum(converted.values())
    partner_total = totals["sourced"] + totals["influenced"] + totals["fulfillment"]
    any_influence = {o for by_deal in influence.values() for o in by_deal}
    summary = None if scope.is_partner else AttributionTotals(
        won_revenue=round(won_revenue, 2), won_deals=len(kept), **{k: round(v, 2) for k, v in totals.items()},
        partner_share=round(partner_total / won_revenue, 4) if won_revenue else 0.0,
        influence_model_revenue=round(sum(converted[o] for o in any_influence), 2))
    if scope.is_partner:  # their own figures only: their deals they are not credited on stay out of view
        unconverted = [o for o in unconverted if o in {d.opportunity_id for d in deals}]
    by_month = [] if scope.is_partner else [  # the programme's months: totals, so not for a partner seller
        {"month": m, **{k: round(v, 2) for k, v in values.items()}} for m, values in sorted(months.items())]
    return AttributionResponse(from_=first.isoformat(), to=last.isoformat(), currency=fx.currency, totals=summary,
                               partners=chosen, unconverted=unconverted, influence_model=INFLUENCE_MODEL,
                               by_month=by_month)


def _deal_rows(credited: list[WonDeal], influenced: dict[str, list[str]], by_id: dict[str, WonDeal],
               converted: dict[str, float]) -> list[DealCredit]:
    def credit(d: WonDeal, kind: str, evidence: list[str]) -> DealCredit:
        value = converted.get(d.opportunity_id)
        return DealCredit(opportunity_id=d.opportunity_id, name=d.name, account_id=d.account_id,
                          close_date=d.close_date.isoformat() if d.close_date else None, amount=d.amount,
                          currency=(d.currency or "USD").upper(),
                          amount_reporting=None if value is None else round(value, 2), credit=kind,
                          evidence=evidence)

    out = [credit(d, d.partner_role.lower(), [f"partner_role {d.partner_role} on {d.opportunity_id}"])
           for d in credited]
    out += [credit(by_id[o], "influence_model", ev) for o, ev in sorted(influenced.items())]
    return sorted(out, key=lambda c: (c.close_date or "", c.opportunity_id))
