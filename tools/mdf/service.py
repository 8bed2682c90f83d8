"""Marketing development funds (CLI.md "MDF"): request -> approve (at most the requested amount) or reject
(with a reason) -> claim (at most the approved amount, with the leads it produced) -> paid; the return
(`mdf_roi`) and where the money would do better (`mdf_advice`).

Budget: a request or an approval that would take the partner's approved total in the activity's quarter
above its quarterly `mdf_allocated` is bad input naming the budget (`tools.mdf.budget`). Every change is
audited; a change is an optimistic update on `version`, and approvals of one partner are serialised by a
row lock, so two approvals that only fit the budget one at a time cannot both pass.

Who may do what (CLI.md permission table): admins all, decide and pay; channel managers all and decide;
marketers list and roi; partner sellers request, claim and see their own partner's only.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from assistant.core.errors import BadInput, Forbidden, NotFound
from retrieval.programme_records import (
    COPILOT,
    AuditEntry,
    MdfActivityRow,
    change_record,
    create_record,
    snapshot,
    status_filter,
)
from retrieval.scope import Scope
from tools.context import ToolContext
from tools.currency import Converter, reporting_currency
from tools.mdf import budget as budgets
from tools.mdf.advice import mdf_advice
from tools.mdf.roi import mdf_roi
from tools.mdf.types import (
    KINDS,
    STATUSES,
    AdviceResponse,
    MdfActivityOut,
    MdfAdvice,
    MdfList,
    MdfRequest,
    MdfRoiArgs,
    RoiResponse,
)
from tools.registry import register_tool
from tools.types import money

__all__ = [
    "KINDS",
    "STATUSES",
    "AdviceResponse",
    "MdfActivityOut",
    "MdfAdvice",
    "MdfList",
    "MdfRequest",
    "RoiResponse",
    "approve_mdf",
    "claim_mdf",
    "get_mdf",
    "list_mdf",
    "mdf_advice",
    "mdf_roi",
    "mdf_to_act_on",
    "pay_mdf",
    "programme_advice",
    "reject_mdf",
    "request_mdf",
]


def due_of(row: MdfActivityRow, today: dt.date) -> str | None:
    """'claim' once an approved activity has ended unclaimed; 'start' once it is past its start unclaimed."""
    if row.status != "approved":
        return None
    if row.end_on is not None and today > row.end_on:
        return "claim"
    if row.start_on is not None and today > row.start_on:
        return "start"
    return None


def to_out(row: MdfActivityRow, today: dt.date) -> MdfActivityOut:
    return MdfActivityOut(
        activity_id=row.activity_id, partner_id=row.partner_id, name=row.name, kind=row.kind, status=row.status,
        requested_amount=row.requested_amount, approved_amount=row.approved_amount,
        claimed_amount=row.claimed_amount, paid_amount=row.paid_amount, currency=row.currency or "USD",
        requested_on=row.requested_on, start_on=row.start_on, end_on=row.end_on, kit_id=row.kit_id,
        leads=row.leads, reason=row.reason, quarter=budgets.activity_quarter(row), due=due_of(row, today),
        version=row.version)


def request_mdf(ctx: ToolContext, scope: Scope, request: MdfRequest) -> MdfActivityOut:
    """Store a partner's request (status requested) if it fits the partner's budget for its quarter."""
    scope.require("request_mdf")
    scope.require_partner(request.partner_id)
    with ctx.records(scope) as rec:
        # NotFound for an unknown partner; the stored spelling of its id (`--partner p-1` is P-1)
        request = request.model_copy(update={"partner_id": rec.partner(request.partner_id).partner_id})
    if request.start_on and request.end_on and request.end_on < request.start_on:
        raise BadInput(f"--end {request.end_on} is before --start {request.start_on}")
    today = ctx.today()
    quarter = budgets.quarter_of(request.start_on or today)
    currency = reporting_currency(ctx.vendor())

    def build(session: Session, new_id: str) -> MdfActivityRow:
        budgets.budget(session, ctx.vendor(), request.partner_id, quarter).check(request.amount)
        return MdfActivityRow(
            activity_id=new_id, partner_id=request.partner_id, name=request.name.strip(), kind=request.kind,
            status="requested", requested_amount=request.amount, currency=currency, requested_on=today,
            start_on=request.start_on, end_on=request.end_on, kit_id=request.kit_id, origin=COPILOT, version=1,
            attributes={"requested_by": scope.user_id})

    row = create_record(ctx.store.session, MdfActivityRow, "M", build, scope.user_id, "request", "an MDF activity")
    return to_out(row, today)


def _visible(session: Session, scope: Scope, activity_id: str) -> MdfActivityRow:
    row = session.get(MdfActivityRow, activity_id)
    if row is None:
        raise NotFound(f"unknown MDF activity '{activity_id}'")
    if scope.is_partner and row.partner_id != scope.partner_id:
        raise Forbidden(f"user '{scope.user_id}' may not access MDF activity '{activity_id}'")
    return row


def list_mdf(ctx: ToolContext, scope: Scope, partner_id: str | None = None, status: str | None = None) -> MdfList:
    """Activities, oldest request first. A partner seller sees only their partner's."""
    scope.require("mdf")
    status = status_filter(status, STATUSES)
    if partner_id is not None:
        scope.require_partner(partner_id)
        with ctx.records(scope) as rec:  # an unknown id is NotFound (exit 2, HTTP 404), not an empty list
            partner_id = rec.partner(partner_id).partner_id  # and its stored spelling (ids in any case)
    if scope.is_partner:
        partner_id = scope.partner_id
    today = ctx.today()
    with ctx.store.session() as session:
        query = select(MdfActivityRow)
        if partner_id:
            query = query.where(MdfActivityRow.partner_id == partner_id)
        if status:
            query = query.where(MdfActivityRow.status == status)
        rows = sorted(session.scalars(query), key=lambda r: (r.requested_on or r.start_on or dt.date.min,
                                                              r.activity_id))
        return MdfList(activities=[to_out(r, today) for r in rows])


def get_mdf(ctx: ToolContext, scope: Scope, activity_id: str) -> MdfActivityOut:
    scope.require("mdf")
    with ctx.store.session() as session:
        return to_out(_visible(session, scope, activity_id), ctx.today())


def _change(ctx: ToolContext, scope: Scope, activity_id: str, action: str, allowed: tuple[str, ...],
            values: Callable[[Session, MdfActivityRow, dt.date], dict]) -> MdfActivityOut:
    """Apply `values(session, row, today)` to a row in an allowed status, as one optimistic update."""
    today = ctx.today()
    with ctx.store.session() as session:
        row = _visible(session, scope, activity_id)
        if row.status not in allowed:
            raise BadInput(f"MDF activity {activity_id} is {row.status}: only a {' or '.join(allowed)} "
                           f"activity can be {action}")
        before = snapshot(row)  # as read: the update holds only if nobody changed it since
        row = change_record(session, row, before, values(session, row, today), scope.user_id, action,
                            "MDF activity", "cosell mdf list")
        return to_out(row, today)


def _amount(value: float | None, option: str) -> None:
    if value is not None and value <= 0:
        raise BadInput(f"{option} must be more than 0 (got {value:g})")


def approve_mdf(ctx: ToolContext, scope: Scope, activity_id: str, amount: float | None = None,
                reason: str | None = None) -> MdfActivityOut:
    """Approve the requested amount, or less; within the partner's budget for the activity's quarter."""
    scope.require("decide_mdf")
    _amount(amount, "--amount")
    vendor = ctx.vendor()

    def values(session: Session, row: MdfActivityRow, today: dt.date) -> dict:
        requested = row.requested_amount
        granted = amount if amount is not None else requested
        if granted is None:
            raise BadInput(f"MDF activity {activity_id} has no requested amount: approve it with --amount X")
        if requested is not None and granted > requested + 1e-9:
            raise BadInput(f"MDF activity {activity_id}: --amount {money(granted, row.currency)} is more than the "
                           f"{money(requested, row.currency)} requested")
        budgets.lock_partner(session, row.partner_id)
        quarter = budgets.activity_quarter(row) or budgets.quarter_of(today)
        budget = budgets.budget(session, vendor, row.partner_id, quarter, excluding=activity_id)
        budget.check(Converter.from_vendor(vendor).convert(granted, row.currency) or granted, activity_id)
        return {"status": "approved", "approved_amount": granted, "reason": reason or row.reason}

    return _change(ctx, scope, activity_id, "approved", ("requested",), values)


def reject_mdf(ctx: ToolContext, scope: Scope, activity_id: str, reason: str | None) -> MdfActivityOut:
    scope.require("decide_mdf")
    if not (reason or "").strip():
        raise BadInput("a rejection needs a reason (--reason TEXT)")
    return _change(ctx, scope, activity_id, "rejected", ("requested",),
                   lambda _s, _row, _today: {"status": "rejected", "reason": reason.strip()})


def claim_mdf(ctx: ToolContext, scope: Scope, activity_id: str, amount: float,
              leads: int | None = None) -> MdfActivityOut:
    """Claim what was spent (at most the approved amount) and the leads the activity produced."""
    scope.require("request_mdf")
    _amount(amount, "--amount")
    if leads is not None and leads < 0:
        raise BadInput(f"--leads must be 0 or more (got {leads})")

    def values(_s: Session, row: MdfActivityRow, _today: dt.date) -> dict:
        approved = row.approved_amount if row.approved_amount is not None else row.requested_amount
        if approved is not None and amount > approved + 1e-9:
            raise BadInput(f"MDF activity {activity_id}: the claim of {money(amount, row.currency)} is more than "
                           f"the {money(approved, row.currency)} approved")
        return {"status": "claimed", "claimed_amount": amount, "leads": leads if leads is not None else row.leads}

    return _change(ctx, scope, activity_id, "claimed", ("approved",), values)


def pay_mdf(ctx: ToolContext, scope: Scope, activity_id: str) -> MdfActivityOut:
    """Pay the claimed amount (admins)."""
    scope.require("pay_mdf")
    return _change(ctx, scope, activity_id, "paid", ("claimed",),
                   lambda _s, row, _today: {"status": "paid", "paid_amount": row.claimed_amount})


def programme_advice(ctx: ToolContext, scope: Scope) -> AdviceResponse:
    """`mdf_advice` over the default period, shared by every next-best-action call of one state of the
    records (the stamp: the last change of a kept record, so an approval or a claim shows at once).
    Internal roles see the same advice; others get it computed for them."""
    if not scope.is_internal:
        return mdf_advice(ctx, scope)
    with ctx.store.session() as session:
        last_change = session.scalar(select(func.max(AuditEntry.id)))
    return ctx.cached("mdf_advice", lambda: mdf_advice(ctx, Scope.system()), stamp=last_change)


def mdf_to_act_on(ctx: ToolContext, scope: Scope) -> dict[str, list[MdfActivityOut]]:
    """For next-best actions and the digest, as `scope` may see: `to_decide` (requested, oldest first; only
    for those who decide), `claim_due` (approved, ended, not claimed) and `not_started` (approved, past its
    start, nothing claimed)."""
    if not scope.can("mdf"):
        return {"to_decide": [], "claim_due": [], "not_started": []}
    activities = list_mdf(ctx, scope).activities
    return {"to_decide": [a for a in activities if a.status == "requested"] if scope.can("decide_mdf") else [],
            "claim_due": [a for a in activities if a.due == "claim"],
            "not_started": [a for a in activities if a.due == "start"]}


@register_tool("mdf_roi", args=MdfRoiArgs)
def mdf_roi_tool(ctx: ToolContext, scope: Scope, args: MdfRoiArgs) -> RoiResponse:
    """What marketing development funds (MDF) returned: per activity started in the period (default the
    last 365 days), per partner and per kind, the amount paid, the open pipeline and the won revenue of the
    deals the activity sourced, and roi = won / paid, in the reporting currency. A partner seller gets only
    their own partner's activities."""
    return mdf_roi(ctx, scope, args.partner_id, args.from_date, args.to_date)


@register_tool("mdf_advice", args=MdfRoiArgs)
def mdf_advice_tool(ctx: ToolContext, scope: Scope, args: MdfRoiArgs) -> AdviceResponse:
    """Where unspent or low-return MDF would do better: partners returning under half the programme's rate
    next to the best one, high-return partners with budget unused this quarter, and kinds of activity that
    return less than the best kind, each with the numbers behind it and the expected gain."""
    return mdf_advice(ctx, scope, args.partner_id, args.from_date, args.to_date)
