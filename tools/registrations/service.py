"""Deal registrations (CLI.md "Deal registrations"): submit with triage, the decision queue, approve or
reject with a reason, protection dates, extension before expiry. Every change is audited; a decision is
an optimistic update on `version`, so of two concurrent approvals exactly one wins.

Who may do what (CLI.md permission table): admins and channel managers see all and decide; partner
sellers submit for and see only their own partner's registrations, with the check in fixed words.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from assistant.core.errors import BadInput, Forbidden, NotFound
from retrieval.programme_records import (
    COPILOT,
    Registration,
    change_record,
    create_record,
    snapshot,
    status_filter,
)
from retrieval.scope import Scope, get_by_id
from tools import protection
from tools.context import ToolContext
from tools.registrations.prefill import prefill_registration
from tools.registrations.triage import triage
from tools.registrations.types import (
    RegistrationCheck,
    RegistrationList,
    RegistrationOut,
    RegistrationPrefill,
    SubmitRequest,
)

__all__ = [
    "RegistrationList",
    "RegistrationOut",
    "RegistrationPrefill",
    "SubmitRequest",
    "approve_registration",
    "effective_status",
    "extend_registration",
    "list_registrations",
    "prefill_registration",
    "protection_days",
    "registrations_to_act_on",
    "reject_registration",
    "submit_registration",
]

STATUSES = ("submitted", "approved", "rejected", "won", "lost", "expired")


protection_days = protection.protection_days  # vendor.yaml's, else the setting: for the other tools


def effective_status(row: Registration, today: dt.date) -> str:
    if row.status == "approved" and row.expires_on is not None and today > row.expires_on:
        return "expired"
    return row.status


def to_out(row: Registration, scope: Scope, today: dt.date) -> RegistrationOut:
    status = effective_status(row, today)
    check = row.check or {}
    findings = check.get("partner_findings" if scope.is_partner else "findings") or []
    days_left = (row.expires_on - today).days if status == "approved" and row.expires_on else None
    return RegistrationOut(
        registration_id=row.registration_id, partner_id=row.partner_id, account_name=row.account_name,
        account_id=None if scope.is_partner else row.account_id, domain=row.domain, country=row.country,
        products=list(row.products or []), amount=row.amount, close_date=row.close_date, status=status,
        submitted_on=row.submitted_on, decided_on=row.decided_on, expires_on=row.expires_on,
        days_left=days_left, age_days=max(0, (today - row.submitted_on).days),
        opportunity_id=row.opportunity_id, reason=row.reason, notes=(row.attributes or {}).get("notes") or None,
        version=row.version,
        check=RegistrationCheck(verdict=check.get("verdict") or "clear", findings=findings))


def submit_registration(ctx: ToolContext, scope: Scope, request: SubmitRequest) -> RegistrationOut:
    """Store a partner's registration with the duplicate/conflict check's findings (status submitted)."""
    scope.require("registrations")
    scope.require_partner(request.partner_id)
    with ctx.records(scope) as rec:
        # NotFound for an unknown partner; the stored spelling of its id (`--partner p-1` is P-1)
        request = request.model_copy(update={"partner_id": rec.partner(request.partner_id).partner_id})
    today = ctx.today()
    found = triage(ctx, request, today)
    row = create_record(ctx.store.session, Registration, "R", lambda _session, new_id: Registration(
        registration_id=new_id, partner_id=request.partner_id, account_name=request.account_name.strip(),
        account_id=found["account_id"], domain=request.domain, country=(request.country or "").upper() or None,
        products=request.products, amount=request.amount, close_date=request.close_date, status="submitted",
        submitted_on=today, submitted_by=scope.user_id, origin=COPILOT, version=1,
        attributes={"notes": request.notes.strip()} if (request.notes or "").strip() else {},
        check={k: found[k] for k in ("verdict", "findings", "partner_findings")}),
        scope.user_id, "submit", "a registration")
    return to_out(row, scope, today)


def _visible(session, scope: Scope, registration_id: str) -> Registration:
    row = get_by_id(session, Registration, Registration.registration_id, registration_id)
    if row is None:
        raise NotFound(f"unknown registration '{registration_id}'")
    if scope.is_partner and row.partner_id != scope.partner_id:
        raise Forbidden(f"user '{scope.user_id}' may not access registration '{registration_id}'")
    return row


def list_registrations(ctx: ToolContext, scope: Scope, status: str | None = None,
                       partner_id: str | None = None) -> RegistrationList:
    """The queue: oldest submission first. A partner seller sees only their partner's."""
    scope.require("registrations")
    status = status_filter(status, STATUSES)
    if partner_id is not None:
        scope.require_partner(partner_id)
        with ctx.records(scope) as rec:  # an unknown id is NotFound (exit 2, HTTP 404), not an empty list
            partner_id = rec.partner(partner_id).partner_id  # and its stored spelling (ids in any case)
    if scope.is_partner:
        partner_id = scope.partner_id
    today = ctx.today()
    with ctx.store.session() as session:
        query = select(Registration).order_by(Registration.submitted_on, Registration.registration_id)
        if partner_id:
            query = query.where(Registration.partner_id == partner_id)
        rows = [to_out(r, scope, today) for r in session.scalars(query)]
    return RegistrationList(registrations=[r for r in rows if status is None or r.status == status])


def get_registration(ctx: ToolContext, scope: Scope, registration_id: str) -> RegistrationOut:
    scope.require("registrations")
    with ctx.store.session() as session:
        return to_out(_visible(session, scope, registration_id), scope, ctx.today())


def _change(ctx: ToolContext, scope: Scope, registration_id: str, action: str, allowed: tuple[str, ...],
            values) -> RegistrationOut:
    """Apply `values(row, today)` if the row is in an allowed status, as one optimistic update."""
    scope.require("decide_registrations")
    today = ctx.today()
    with ctx.store.session() as session:
        row = _visible(session, scope, registration_id)
        registration_id = row.registration_id  # as stored: the id may have been typed in another case
        status = effective_status(row, today)
        if status not in allowed:
            raise BadInput(f"registration {registration_id} is {status}: only a {' or '.join(allowed)} "
                           f"registration can be {action}")
        before = snapshot(row)  # as read: the update holds only if nobody changed it since
        row = change_record(session, row, before, values(row, today), scope.user_id, action, "registration",
                            "cosell registrations list")
        return to_out(row, scope, today)


def approve_registration(ctx: ToolContext, scope: Scope, registration_id: str,
                         reason: str | None = None) -> RegistrationOut:
    days = protection_days(ctx)
    return _change(ctx, scope, registration_id, "approved", ("submitted",), lambda row, today: {
        "status": "approved", "decided_on": today, "expires_on": today + dt.timedelta(days=days),
        "reason": reason or row.reason})


def reject_registration(ctx: ToolContext, scope: Scope, registration_id: str, reason: str | None) -> RegistrationOut:
    if not (reason or "").strip():
        raise BadInput("a rejection needs a reason (--reason TEXT)")
    return _change(ctx, scope, registration_id, "rejected", ("submitted",), lambda row, today: {
        "status": "rejected", "decided_on": today, "reason": reason.strip()})


def extend_registration(ctx: ToolContext, scope: Scope, registration_id: str, days: int,
                        reason: str | None = None) -> RegistrationOut:
    if days < 1:
        raise BadInput(f"--days must be 1 or more (got {days})")

    def values(row: Registration, today: dt.date) -> dict:
        until = (row.expires_on or today) + dt.timedelta(days=days)
        return {"expires_on": until, "reason": reason or f"extended by {days} days to {until.isoformat()}"}

    return _change(ctx, scope, registration_id, "extended", ("approved",), values)


def registrations_to_act_on(ctx: ToolContext, scope: Scope) -> dict[str, list[RegistrationOut]]:
    """For next-best actions and the digest: `to_decide` (submitted, oldest first) and `expiring`
    (approved, within `registration_expiry_warning_days` of the end of protection), as `scope` may see."""
    registrations = list_registrations(ctx, scope).registrations
    warn = ctx.settings.registration_expiry_warning_days
    return {"to_decide": [r for r in registrations if r.status == "submitted"],
            "expiring": sorted((r for r in registrations if r.status == "approved" and r.days_left is not None
                                and r.days_left <= warn), key=lambda r: r.days_left or 0)}
