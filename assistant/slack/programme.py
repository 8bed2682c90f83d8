"""Deal registrations in Slack: `/cosell register` opens a modal whose submission registers the deal;
`/cosell registrations` posts the decision queue with Approve/Reject buttons. The same service
functions as the CLI, as the Slack user mapped in users.csv (permissions decided by the services)."""
from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from assistant.core.errors import CosellError
from assistant.engine.context import AppContext
from retrieval.scope import Scope, scope_for_slack_user
from tools.registrations.service import (
    RegistrationOut,
    SubmitRequest,
    approve_registration,
    list_registrations,
    reject_registration,
    submit_registration,
)

log = logging.getLogger(__name__)
REGISTER_VIEW = "cosell_register"
APPROVE, REJECT = "cosell_reg_approve", "cosell_reg_reject"
FIELDS = (("account", "Account name", False), ("domain", "Domain", True), ("country", "Country (ISO code)", True),
          ("products", "Products (; separated)", True), ("partner", "Partner id", False))


def first_word(text: str | None) -> str:
    return (text or "").strip().split(" ", 1)[0].lower()


def open_register_modal(ctx: AppContext, client: WebClient, command: dict) -> str | None:
    """Opens the modal; returns a message instead when the user may not register deals."""
    try:
        scope = scope_for_slack_user(ctx.store, command.get("user_id", ""))
        scope.require("registrations")
    except CosellError as exc:
        return f"Sorry: {exc.message}"
    fields = [f for f in FIELDS if not (f[0] == "partner" and scope.is_partner)]  # a seller's own partner
    blocks = [{"type": "input", "block_id": name, "optional": optional,
               "label": {"type": "plain_text", "text": label},
               "element": {"type": "plain_text_input", "action_id": "value"}} for name, label, optional in fields]
    client.views_open(trigger_id=command.get("trigger_id", ""), view={
        "type": "modal", "callback_id": REGISTER_VIEW, "title": {"type": "plain_text", "text": "Register a deal"},
        "submit": {"type": "plain_text", "text": "Submit"}, "blocks": blocks})
    return None


def _values(view: dict) -> dict[str, str]:
    state = (view.get("state") or {}).get("values") or {}
    return {block: ((state.get(block) or {}).get("value") or {}).get("value") or "" for block, *_ in FIELDS}


def registration_text(reg: RegistrationOut) -> str:
    lines = [f"{reg.registration_id} for {reg.account_name}: {reg.status}, check {reg.check.verdict}"]
    if reg.expires_on and reg.status == "approved":
        lines[0] += f", protected until {reg.expires_on} ({reg.days_left} days left)"
    lines += [f"• {f}" for f in reg.check.findings]
    return "\n".join(lines)


def queue_blocks(registrations: list[RegistrationOut]) -> list[dict[str, Any]]:
    if not registrations:
        return [{"type": "section", "text": {"type": "mrkdwn", "text": "No registrations are waiting."}}]
    out: list[dict[str, Any]] = []
    for reg in registrations[:20]:
        out.append({"type": "section", "text": {"type": "mrkdwn", "text": (
            f"*{reg.registration_id}* {reg.partner_id}: {reg.account_name} ({reg.age_days} days old)\n"
            + registration_text(reg).split("\n", 1)[-1])[:2900]}})
        out.append({"type": "actions", "block_id": f"decide:{reg.registration_id}", "elements": [
            {"type": "button", "action_id": APPROVE, "style": "primary", "value": reg.registration_id,
             "text": {"type": "plain_text", "text": "Approve"}},
            {"type": "button", "action_id": REJECT, "style": "danger", "value": reg.registration_id,
             "text": {"type": "plain_text", "text": "Reject"}}]})
    return out


def answer_queue(ctx: AppContext, scope: Scope, respond) -> None:
    waiting = list_registrations(ctx, scope, status="submitted").registrations
    respond(text=f"{len(waiting)} registrations waiting", blocks=queue_blocks(waiting), response_type="ephemeral")


def register_programme_listeners(app: App, ctx: AppContext) -> None:
    @app.view(REGISTER_VIEW)
    def on_register(ack, body: dict, view: dict, client: WebClient) -> None:
        slack_user = (body.get("user") or {}).get("id", "")
        values = _values(view)
        try:
            scope = scope_for_slack_user(ctx.store, slack_user)
            partner = scope.partner_id if scope.is_partner else values["partner"].strip()
            request = SubmitRequest(partner_id=partner, account_name=values["account"].strip(),
                                    domain=values["domain"] or None, country=values["country"] or None,
                                    products=[p.strip() for p in values["products"].split(";") if p.strip()])
            reg = submit_registration(ctx, scope, request)
        except CosellError as exc:
            block = "partner" if "partner" in exc.message and not scope_is_partner(ctx, slack_user) else "account"
            ack(response_action="errors", errors={block: exc.message[:150]})
            return
        ack()
        client.chat_postMessage(channel=slack_user, text=f"Registered: {registration_text(reg)}")

    @app.action(re.compile(f"^({APPROVE}|{REJECT})$"))
    def on_decide(ack, body: dict, action: dict, respond) -> None:
        ack()
        slack_user = (body.get("user") or {}).get("id", "")
        reg_id = action.get("value", "")
        try:
            scope = scope_for_slack_user(ctx.store, slack_user)
            if action.get("action_id") == APPROVE:
                reg = approve_registration(ctx, scope, reg_id)
            else:
                reg = reject_registration(ctx, scope, reg_id, f"rejected from the Slack queue by {scope.name or scope.user_id}")
            respond(text=f"{'Approved' if reg.status == 'approved' else 'Rejected'}: {registration_text(reg)}",
                    response_type="ephemeral", replace_original=False)
        except CosellError as exc:
            respond(text=f"Sorry: {exc.message}", response_type="ephemeral", replace_original=False)


def scope_is_partner(ctx: AppContext, slack_user: str) -> bool:
    try:
        return scope_for_slack_user(ctx.store, slack_user).is_partner
    except CosellError:
        return False
