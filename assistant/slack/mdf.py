"""MDF in Slack: `/cosell mdf` opens a request modal whose submission requests the funds; `/cosell mdf queue`
posts the requests waiting for a decision with Approve/Reject buttons. The same service functions as the
CLI, as the Slack user mapped in users.csv (permissions and the budget rule decided by the services)."""
from __future__ import annotations

import datetime as dt
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from assistant.core.errors import BadInput, CosellError
from assistant.engine.context import AppContext
from assistant.slack import forms
from retrieval.scope import Scope, scope_for_slack_user
from tools.mdf.service import (
    KINDS,
    MdfActivityOut,
    MdfRequest,
    approve_mdf,
    list_mdf,
    reject_mdf,
    request_mdf,
)

MDF_VIEW = "cosell_mdf_request"
APPROVE, REJECT = "cosell_mdf_approve", "cosell_mdf_reject"
QUEUE_WORDS = ("queue", "list", "requests", "waiting")
FORM = forms.Form(MDF_VIEW, "Request MDF", "Request", "request_mdf", (
    forms.Field("name", "Activity name", False), forms.Field("amount", "Amount requested", False),
    forms.Field("kind", f"Kind ({', '.join(KINDS)})", True), forms.Field("start", "Start date (YYYY-MM-DD)", True),
    forms.Field("end", "End date (YYYY-MM-DD)", True), forms.Field(forms.PARTNER_FIELD, "Partner id", False)))


def wants_modal(text: str | None) -> bool:
    """`/cosell mdf` or `/cosell mdf request` (anything longer is a question: `/cosell mdf policy?`)."""
    return (text or "").strip().lower().split() in (["mdf"], ["mdf", "request"])


def wants_queue(text: str | None) -> bool:
    """`/cosell mdf queue` (or list, requests, waiting)."""
    words = (text or "").strip().lower().split()
    return len(words) == 2 and words[0] == "mdf" and words[1] in QUEUE_WORDS


def open_mdf_modal(ctx: AppContext, client: WebClient, command: dict) -> str | None:
    """Opens the request modal; returns a message instead when the user may not request MDF."""
    return forms.open_form(ctx, client, command, FORM)


def _request(scope: Scope, v: dict[str, str]) -> tuple[MdfRequest | None, dict[str, str]]:
    """The request, or the errors per field (Slack shows them under the inputs)."""
    errors: dict[str, str] = {}
    try:
        amount = float(v["amount"].replace(",", ""))
        if amount <= 0:
            raise ValueError
    except ValueError:
        errors["amount"] = f"an amount above 0, like 5000 (got {v['amount']!r})"
    if v["kind"] and v["kind"].lower() not in KINDS:
        errors["kind"] = f"one of {', '.join(KINDS)}"
    days: dict[str, dt.date | None] = {}
    for key in ("start", "end"):
        try:
            days[key] = dt.date.fromisoformat(v[key]) if v[key] else None
        except ValueError:
            errors[key] = f"a date like 2026-05-14 (got {v[key]!r})"
    if errors:
        return None, errors
    partner = scope.partner_id if scope.is_partner else v["partner"]
    return MdfRequest(partner_id=partner or "", name=v["name"] or "?", amount=amount, kind=v["kind"].lower() or None,
                      start_on=days["start"], end_on=days["end"]), {}


def activity_text(a: MdfActivityOut) -> str:
    amount = a.approved_amount if a.approved_amount is not None else a.requested_amount
    when = f", {a.start_on} to {a.end_on or '?'}" if a.start_on else ""
    return f"{a.activity_id} {a.name} ({a.partner_id}): {a.status}, {a.currency} {amount or 0:,.0f}{when}"


def queue_blocks(activities: list[MdfActivityOut]) -> list[dict[str, Any]]:
    if not activities:
        return [{"type": "section", "text": {"type": "mrkdwn", "text": "No MDF requests are waiting."}}]
    out: list[dict[str, Any]] = []
    for a in activities[:20]:
        text = (f"*{a.activity_id}* {a.partner_id}: {a.name} ({a.kind or 'other'}), {a.currency} "
                f"{a.requested_amount or 0:,.0f}, requested {a.requested_on}, budget quarter {a.quarter}")
        out += forms.queue_item(text, f"mdf:{a.activity_id}", APPROVE, REJECT, a.activity_id)
    return out


def answer_queue(ctx: AppContext, scope: Scope, respond) -> None:
    waiting = list_mdf(ctx, scope, status="requested").activities
    respond(text=f"{len(waiting)} MDF requests waiting", blocks=queue_blocks(waiting), response_type="ephemeral")


def _error_block(scope: Scope | None, exc: CosellError) -> str:
    """Where the modal shows an error: the partner field for an unknown or forbidden partner (internal users
    have one), the amount for the budget and amounts, else the name."""
    if scope is not None and not scope.is_partner and ("unknown partner" in exc.message or not isinstance(exc, BadInput)):
        return "partner"
    return "amount" if scope is not None else "name"


def register_mdf_listeners(app: App, ctx: AppContext) -> None:
    @app.view(MDF_VIEW)
    def on_request(ack, body: dict, view: dict, client: WebClient) -> None:
        slack_user = (body.get("user") or {}).get("id", "")
        scope: Scope | None = None
        try:
            scope = scope_for_slack_user(ctx.store, slack_user)
            request, errors = _request(scope, forms.form_values(view, FORM))
            if request is None:
                ack(response_action="errors", errors=errors)
                return
            activity = request_mdf(ctx, scope, request)
        except CosellError as exc:
            ack(response_action="errors", errors={_error_block(scope, exc): exc.message[:150]})
            return
        ack()
        client.chat_postMessage(channel=slack_user, text=f"MDF requested: {activity_text(activity)}")

    forms.register_decisions(app, ctx, APPROVE, REJECT, lambda scope, aid: approve_mdf(ctx, scope, aid),
                             lambda scope, aid, reason: reject_mdf(ctx, scope, aid, reason), activity_text)
