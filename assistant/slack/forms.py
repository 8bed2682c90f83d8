"""The shape every programme workflow takes in Slack (deal registrations, MDF): a slash command opens a modal
of plain text inputs whose submission calls one service function; a queue posts the records waiting for a
decision with Approve/Reject buttons whose clicks call the service's approve or reject. Each workflow module
(`assistant.slack.programme`, `assistant.slack.mdf`) declares its fields and functions; the Block Kit and the
listener plumbing live here once.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

from slack_bolt import App
from slack_sdk import WebClient

from assistant.core.errors import CosellError
from assistant.engine.context import AppContext
from retrieval.scope import Scope, scope_for_slack_user

Block = dict[str, Any]
Decided = TypeVar("Decided")
PARTNER_FIELD = "partner"  # a partner seller's own partner: the field is left out of their modal
MAX_VALUE = 3000  # the longest value a plain-text input holds


class Field(NamedTuple):
    block_id: str
    label: str
    optional: bool
    multiline: bool = False


class Form(NamedTuple):
    callback_id: str
    title: str
    submit: str
    permission: str  # the scope permission the modal's service needs
    fields: tuple[Field, ...]


def open_form(ctx: AppContext, client: WebClient, command: dict, form: Form) -> str | None:
    """Opens the form's modal; returns a message instead when the user may not use it."""
    try:
        scope = form_scope(ctx, command.get("user_id", ""), form)
    except CosellError as exc:
        return f"Sorry: {exc.message}"
    show_form(client, command.get("trigger_id", ""), form, scope)
    return None


def form_scope(ctx: AppContext, slack_user: str, form: Form) -> Scope:
    """The Slack user's scope, if they may use the form (else the CosellError that says why)."""
    scope = scope_for_slack_user(ctx.store, slack_user)
    scope.require(form.permission)
    return scope


def show_form(client: WebClient, trigger_id: str, form: Form, scope: Scope, initial: dict[str, str] | None = None,
              note: str | None = None) -> None:
    """views.open of the form's modal for `scope`, each field holding its `initial` value, under a context
    line `note` (how the values were found)."""
    initial = initial or {}
    shown = [f for f in form.fields if not (f.block_id == PARTNER_FIELD and scope.is_partner)]
    blocks: list[Block] = [{"type": "context", "elements": [{"type": "plain_text", "text": note[:2000]}]}] if note else []
    for f in shown:
        element: Block = {"type": "plain_text_input", "action_id": "value"}
        if f.multiline:
            element["multiline"] = True
        if initial.get(f.block_id):
            element["initial_value"] = initial[f.block_id][:MAX_VALUE]
        blocks.append({"type": "input", "block_id": f.block_id, "optional": f.optional,
                       "label": {"type": "plain_text", "text": f.label}, "element": element})
    client.views_open(trigger_id=trigger_id, view={
        "type": "modal", "callback_id": form.callback_id, "title": {"type": "plain_text", "text": form.title},
        "submit": {"type": "plain_text", "text": form.submit}, "blocks": blocks})


def form_values(view: dict, form: Form) -> dict[str, str]:
    """Each field's text as submitted, stripped ("" for an empty or missing input)."""
    state = (view.get("state") or {}).get("values") or {}
    return {f.block_id: (((state.get(f.block_id) or {}).get("value") or {}).get("value") or "").strip()
            for f in form.fields}


def button(label: str, action_id: str, value: str, style: str | None = None) -> Block:
    b: Block = {"type": "button", "text": {"type": "plain_text", "text": label, "emoji": True},
                "action_id": action_id, "value": value}
    if style:
        b["style"] = style
    return b


def decide(block_id: str, approve: str, reject: str, value: str) -> Block:
    """The Approve/Reject buttons of one waiting record (`value`: its id)."""
    return {"type": "actions", "block_id": block_id, "elements": [
        button("Approve", approve, value, "primary"), button("Reject", reject, value, "danger")]}


def queue_item(text: str, block_id: str, approve: str, reject: str, value: str) -> list[Block]:
    return [{"type": "section", "text": {"type": "mrkdwn", "text": text[:2900]}},
            decide(block_id, approve, reject, value)]


def register_decisions(app: App, ctx: AppContext, approve_id: str, reject_id: str,
                       approve: Callable[[Scope, str], Decided], reject: Callable[[Scope, str, str], Decided],
                       describe: Callable[[Decided], str]) -> None:
    """Approve/Reject clicks: the service's approve or reject (with the clicking user as the reason's author),
    as the Slack user mapped in users.csv; the outcome or the service's refusal back to that user only."""
    @app.action(re.compile(f"^({approve_id}|{reject_id})$"))
    def on_decide(ack, body: dict, action: dict, respond) -> None:
        ack()
        slack_user = (body.get("user") or {}).get("id", "")
        record_id = action.get("value", "")
        try:
            scope = scope_for_slack_user(ctx.store, slack_user)
            if action.get("action_id") == approve_id:
                done = approve(scope, record_id)
            else:
                done = reject(scope, record_id, f"rejected from the Slack queue by {scope.name or scope.user_id}")
            verb = "Approved" if getattr(done, "status", "") == "approved" else "Rejected"
            respond(text=f"{verb}: {describe(done)}", response_type="ephemeral", replace_original=False)
        except CosellError as exc:
            respond(text=f"Sorry: {exc.message}", response_type="ephemeral", replace_original=False)
