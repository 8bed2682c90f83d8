"""Inbound leads (CLI.md "Leads"): route with the partner-match engine (a lead is a deal without
history), assign with an acceptance deadline (`lead_accept_hours`), accept or decline by the assigned
partner, expiry, and routing again without the partners that passed. Each change is audited and an
optimistic update on `version`. A lead accepted and later seen as a deal is linked by ingest.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update

from assistant.core.errors import BadInput, Conflict, Forbidden, NotFound
from retrieval.programme_records import COPILOT, LeadRow, audit, snapshot, status_filter
from retrieval.records import Account, PartnerAccount
from retrieval.scope import Scope, get_by_id
from tools.account_mapping.service import normalize_name, registrable_domain
from tools.context import ToolContext
from tools.leads.types import LeadList, LeadOut, LeadRouting
from tools.partner_match.service import AccountRec, DealRec, Relation, get_engine, lead_ranker

__all__ = ["LeadList", "LeadOut", "LeadRouting", "accept_hours", "accept_lead", "assign_lead", "decline_lead",
           "effective_status", "leads_waiting", "list_leads", "route_lead"]

STATUSES = ("new", "assigned", "accepted", "declined", "expired", "converted")


def accept_hours(ctx: ToolContext) -> int:
    return int(ctx.vendor().get("lead_accept_hours") or 48)


def now(ctx: ToolContext) -> dt.datetime:
    """The current time on `today` (COSELL_TODAY moves the clock by whole days)."""
    clock = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    return dt.datetime.combine(ctx.today(), clock.time())


def effective_status(row: LeadRow, at: dt.datetime) -> str:
    if row.status == "assigned" and row.accept_by is not None and at > row.accept_by:
        return "expired"
    return row.status


def passed_partners(row: LeadRow, at: dt.datetime) -> list[str]:
    """The partners that declined the lead or let it expire, the one whose window has just run out included
    (expiry is read from the clock, not written when it happens): routing leaves them out, assigning refuses
    them, and the lead shows them."""
    passed = list(row.passed_by or [])
    if effective_status(row, at) == "expired" and row.partner_id and row.partner_id not in passed:
        passed.append(row.partner_id)
    return passed


def to_out(row: LeadRow, at: dt.datetime) -> LeadOut:
    data = {c.name: getattr(row, c.name) for c in LeadRow.__table__.columns if c.name in LeadOut.model_fields}
    data["status"] = effective_status(row, at)
    data["passed_by"] = passed_partners(row, at)
    return LeadOut(**data)


def _lead(session, lead_id: str) -> LeadRow:
    row = get_by_id(session, LeadRow, LeadRow.lead_id, lead_id)  # in any case, as every other id
    if row is None:
        raise NotFound(f"unknown lead '{lead_id}'")
    return row


def list_leads(ctx: ToolContext, scope: Scope, status: str | None = None) -> LeadList:
    """Oldest first; a partner seller sees the leads assigned to their partner."""
    scope.require("leads")
    status = status_filter(status, STATUSES)
    at = now(ctx)
    with ctx.store.session() as session:
        query = select(LeadRow).order_by(LeadRow.created_on, LeadRow.lead_id)
        if scope.is_partner:
            query = query.where(LeadRow.partner_id == scope.partner_id)
        rows = [to_out(r, at) for r in session.scalars(query)]
    return LeadList(leads=[r for r in rows if status is None or r.status == status])


class CompanyIndex:
    """Our accounts and the partners' shared accounts by registrable domain and normalised name (built
    once per records version: `ctx.cached`)."""

    def __init__(self, accounts: list, shared: list):
        self.account_by_domain: dict[str, str] = {}
        self.account_by_name: dict[str, str] = {}
        for account_id, domain, name in accounts:
            if domain and (key := registrable_domain(domain)):
                self.account_by_domain.setdefault(key, account_id)
            if key := normalize_name(name):
                self.account_by_name.setdefault(key, account_id)
        self.shared: dict[str, dict[str, str]] = {}  # domain or name key -> partner_id -> status
        for partner_id, domain, name, status in shared:
            for key in {registrable_domain(domain) if domain else None, normalize_name(name)} - {None, ""}:
                self.shared.setdefault(key, {}).setdefault(partner_id, status)

    def account_id(self, company: str, domain: str | None) -> str | None:
        """Our account for the company: the same registrable domain, else the same normalised name."""
        by_domain = self.account_by_domain.get(registrable_domain(domain) or "") if domain else None
        return by_domain or self.account_by_name.get(normalize_name(company) or "")

    def shared_by(self, company: str, domain: str | None) -> dict[str, str]:
        """Partners listing the company among their shared accounts (partner_accounts.csv): id -> status."""
        found: dict[str, str] = {}
        for key in (registrable_domain(domain) if domain else None, normalize_name(company)):
            for partner_id, status in self.shared.get(key or "", {}).items():
                found.setdefault(partner_id, status)
        return found


def company_index(ctx: ToolContext) -> CompanyIndex:
    def build() -> CompanyIndex:
        with ctx.store.session() as session:
            accounts = session.execute(select(Account.account_id, Account.domain, Account.name)).all()
            shared = session.execute(select(PartnerAccount.partner_id, PartnerAccount.domain,
                                            PartnerAccount.account_name, PartnerAccount.status)).all()
        return CompanyIndex(accounts, shared)

    return ctx.cached("leads.company_index", build)


RANK_ALL = 10_000  # partners ranked before those that passed on the lead are left out
SHARED_CONFIDENCE = 0.9  # a company matched by domain or normalised name in a partner's shared accounts


def route_lead(ctx: ToolContext, scope: Scope, lead_id: str, top: int = 3) -> LeadRouting:
    """Partners ranked for the lead as `match` ranks them for a deal, without those that passed on it."""
    scope.require("route_leads")
    at = now(ctx)
    with ctx.store.session() as session:
        lead = _lead(session, lead_id)
        index = company_index(ctx)
        account_id = index.account_id(lead.company, lead.domain)
        account = session.get(Account, account_id) if account_id else None
        shared = index.shared_by(lead.company, lead.domain)
        excluded = passed_partners(lead, at)
    account_id = account.account_id if account else f"lead:{lead.lead_id}"
    deal = DealRec(opportunity_id=f"lead:{lead.lead_id}", account_id=account_id, name=lead.company,
                   amount=lead.amount, created_on=lead.created_on, products=tuple(lead.products or ()),
                   description=lead.description or "")
    company = AccountRec(account_id, lead.company, lead.industry or (account.industry if account else None),
                         (lead.country or (account.country if account else "") or "").upper() or None,
                         lead.domain, account.status if account else "prospect")
    # The partners' own CRMs (partner_accounts.csv) know who already works the company: for a company
    # that is not yet our account, account mapping cannot, so those rows are handed to the engine as
    # relationships and the lead ranker (chosen by the backtest on past deals seen as leads) weighs them.
    relations = [Relation(partner_id, account_id, status, SHARED_CONFIDENCE, "shared accounts")
                 for partner_id, status in shared.items()]
    engine, model = get_engine(ctx), lead_ranker(ctx)
    ranked = engine.match(deal, RANK_ALL, account=company, relations=relations, model=model)
    partners = [p for p in ranked if p.partner_id not in excluded][:top]
    for p in partners:
        if p.partner_id in shared:
            p.reasons.insert(0, f"Lists {lead.company} among its shared accounts ({shared[p.partner_id]})")
    return LeadRouting(lead_id=lead.lead_id, account_id=account.account_id if account else None,
                       partners=partners, excluded=list(dict.fromkeys(excluded)), ranker=model.kind)


def _change(ctx: ToolContext, scope: Scope, lead_id: str, action: str, values) -> LeadOut:
    """Apply `values(row, at)` (which checks the status) as one optimistic update, audited."""
    at = now(ctx)
    with ctx.store.session() as session:
        row = _lead(session, lead_id)
        lead_id = row.lead_id  # its stored spelling
        before, version = snapshot(row), row.version
        changes = values(row, at)
        done = session.execute(update(LeadRow).where(LeadRow.lead_id == lead_id, LeadRow.version == version)
                               .values(**changes, origin=COPILOT, version=version + 1))
        if done.rowcount != 1:
            raise Conflict(f"lead {lead_id} was changed by someone else at the same time; nothing done")
        session.expire(row)
        fresh = session.get(LeadRow, lead_id)
        audit(session, scope.user_id, action, fresh, before)
        return to_out(fresh, at)


def assign_lead(ctx: ToolContext, scope: Scope, lead_id: str, partner_id: str) -> LeadOut:
    """Status `assigned`, to be accepted within `lead_accept_hours`."""
    scope.require("route_leads")
    with ctx.records(scope) as rec:
        partner_id = rec.partner(partner_id).partner_id  # NotFound if unknown; stored spelling (`p-1` is P-1)
        lead = _lead(rec.session, lead_id)
    account_id = company_index(ctx).account_id(lead.company, lead.domain)
    hours = accept_hours(ctx)

    def values(row: LeadRow, at: dt.datetime) -> dict:
        status = effective_status(row, at)
        if status not in ("new", "declined", "expired"):
            raise BadInput(f"lead {lead_id} is {status}: only a new, declined or expired lead can be assigned")
        passed = passed_partners(row, at)
        if partner_id in passed:
            raise BadInput(f"partner {partner_id} already declined lead {lead_id} or let it expire")
        return {"status": "assigned", "partner_id": partner_id, "assigned_at": at, "responded_at": None,
                "accept_by": at + dt.timedelta(hours=hours), "passed_by": passed, "reason": None,
                "account_id": row.account_id or account_id}

    return _change(ctx, scope, lead_id, "assigned", values)


def _respond(ctx: ToolContext, scope: Scope, lead_id: str, accept: bool, reason: str | None) -> LeadOut:
    scope.require("leads")

    def values(row: LeadRow, at: dt.datetime) -> dict:
        if scope.is_partner and row.partner_id != scope.partner_id:
            raise Forbidden(f"lead {lead_id} is not assigned to partner {scope.partner_id}")
        status = effective_status(row, at)
        if status != "assigned":
            raise BadInput(f"lead {lead_id} is {status}: only an assigned lead can be accepted or declined")
        if accept:
            return {"status": "accepted", "responded_at": at, "reason": reason}
        passed = [*list(row.passed_by or []), row.partner_id]
        return {"status": "declined", "responded_at": at, "reason": reason, "passed_by": passed}

    return _change(ctx, scope, lead_id, "accepted" if accept else "declined", values)


def accept_lead(ctx: ToolContext, scope: Scope, lead_id: str, reason: str | None = None) -> LeadOut:
    return _respond(ctx, scope, lead_id, True, reason)


def decline_lead(ctx: ToolContext, scope: Scope, lead_id: str, reason: str | None = None) -> LeadOut:
    return _respond(ctx, scope, lead_id, False, reason)


def leads_waiting(ctx: ToolContext, scope: Scope) -> list[LeadOut]:
    """For next-best actions and the digest: assigned leads not yet accepted past half their window."""
    at = now(ctx)
    return [lead for lead in list_leads(ctx, scope, status="assigned").leads
            if lead.assigned_at and lead.accept_by and at >= lead.assigned_at + (lead.accept_by - lead.assigned_at) / 2]
