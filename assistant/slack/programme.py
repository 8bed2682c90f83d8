"""Deal registrations in Slack: `/cosell register` opens a modal whose submission registers the deal; the
message shortcut "Register this deal" (`cosell_register_message`) opens the same modal drafted from the
message (account, domain, products found in it, the message as notes); `/cosell registrations` posts the
decision queue with Approve/Reject buttons. The same service functions as the CLI, as the Slack user mapped
in users.csv (permissions decided by the services)."""
from __future__ import annotations

import html
import logging
import re
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from assistant.core.errors import CosellError
from assistant.engine.context import AppContext
from assistant.slack import forms
from retrieval.scope import Scope, scope_for_slack_user
from tools.registrations.service import (
    RegistrationOut,
    SubmitRequest,
    approve_registration,
    list_registrations,
    prefill_registration,
    reject_registration,
    submit_registration,
)

log = logging.getLogger(__name__)
REGISTER_VIEW = "cosell_register"
MESSAGE_SHORTCUT = "cosell_register_message"  # the message shortcut's callback id (Slack app manifest)
APPROVE, REJECT = "cosell_reg_approve", "cosell_reg_reject"
FORM = forms.Form(REGISTER_VIEW, "Register a deal", "Submit", "registrations", (
    forms.Field("account", "Account name", False), forms.Field("domain", "Domain", True),
    forms.Field("country", "Country (ISO code)", True), forms.Field("products", "Products (; separated)", True),
    forms.Field(forms.PARTNER_FIELD, "Partner id", False), forms.Field("notes", "Notes", True, multiline=True)))
# Slack's markup in a message's text: <https://x.com|label>, <mailto:a@x.com|a@x.com>, <@U123>, <#C1|name>, <!here>
_LINK = re.compile(r"<([^<>|]*)(?:\|([^<>]*))?>")


def first_word(text: str | None) -> str:
    return (text or "").strip().split(" ", 1)[0].lower()


def open_register_modal(ctx: AppContext, client: WebClient, command: dict) -> str | None:
    """Opens the modal; returns a message instead when the user may not register deals."""
    return forms.open_form(ctx, client, command, FORM)


def message_text(raw: str | None) -> str:
    """A Slack message's text as its reader sees it: links as their labels (or addresses), mentions of
    people and broadcasts left out, channels by name, entities decoded."""
    def plain(m: re.Match) -> str:
        target, label = m.group(1), m.group(2)
        if target.startswith(("@", "!")):
            return ""
        if target.startswith("#"):
            return f"#{label}" if label else ""
        return label or target.removeprefix("mailto:")
    return html.unescape(_LINK.sub(plain, raw or "")).strip()


def open_from_message(ctx: AppContext, client: WebClient, body: dict, respond) -> None:
    """The message shortcut: the register modal drafted from the message, for a user who may register deals;
    anyone else (not in users.csv, no permission) gets the reason privately and no modal."""
    slack_user = (body.get("user") or {}).get("id", "")
    text = message_text((body.get("message") or {}).get("text"))
    try:
        scope = forms.form_scope(ctx, slack_user, FORM)
        draft = prefill_registration(ctx, scope, text)
    except CosellError as exc:
        _tell(client, body, respond, f"Sorry: {exc.message}")
        return
    initial = {"account": draft.account_name or "", "domain": draft.domain or "", "country": draft.country or "",
               "products": "; ".join(draft.products), "notes": draft.notes or "",
               forms.PARTNER_FIELD: draft.partner_id or ""}
    note = ("From the message: " + "; ".join(draft.found) + ". Check before submitting.") if draft.found else \
        "Nothing in the message matched an account or a product: fill in the form."
    forms.show_form(client, body.get("trigger_id", ""), FORM, scope, initial, note)


def _tell(client: WebClient, body: dict, respond, text: str) -> None:
    """A private answer to the shortcut's user: through its response_url, else as an ephemeral message."""
    if body.get("response_url"):
        respond(text=text, response_type="ephemeral", replace_original=False)
        return
    channel = (body.get("channel") or {}).get("id")
    if channel:
        client.chat_postEphemeral(channel=channel, user=(body.get("user") or {}).get("id", ""), text=text)


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
        text = f"*{reg.registration_id}* {reg.partner_id}: {reg.account_name} ({reg.age_days} days old)\n"
        out += forms.queue_item(text + registration_text(reg).split("\n", 1)[-1], f"decide:{reg.registration_id}",
                                APPROVE, REJECT, reg.registration_id)
    return out


def answer_queue(ctx: AppContext, scope: Scope, respond) -> None:
    waiting = list_registrations(ctx, scope, status="submitted").registrations
    respond(text=f"{len(waiting)} registrations waiting", blocks=queue_blocks(waiting), response_type="ephemeral")


def register_programme_listeners(app: App, ctx: AppContext) -> None:
    @app.shortcut(MESSAGE_SHORTCUT)
    def on_message_shortcut(ack, body: dict, client: WebClient, respond) -> None:
        ack()  # the modal's trigger stays valid for 3 s: opened right after
        open_from_message(ctx, client, body, respond)

    @app.view(REGISTER_VIEW)
    def on_register(ack, body: dict, view: dict, client: WebClient) -> None:
        slack_user = (body.get("user") or {}).get("id", "")
        values = forms.form_values(view, FORM)
        try:
            scope = scope_for_slack_user(ctx.store, slack_user)
            partner = scope.partner_id if scope.is_partner else values["partner"]
            request = SubmitRequest(partner_id=partner, account_name=values["account"],
                                    domain=values["domain"] or None, country=values["country"] or None,
                                    products=[p.strip() for p in values["products"].split(";") if p.strip()],
                                    notes=values["notes"][:3000] or None)
            reg = submit_registration(ctx, scope, request)
        except CosellError as exc:
            block = "partner" if "partner" in exc.message and not scope_is_partner(ctx, slack_user) else "account"
            ack(response_action="errors", errors={block: exc.message[:150]})
            return
        ack()
        client.chat_postMessage(channel=slack_user, text=f"Registered: {registration_text(reg)}")

    forms.register_decisions(app, ctx, APPROVE, REJECT, lambda scope, rid: approve_registration(ctx, scope, rid),
                             lambda scope, rid, reason: reject_registration(ctx, scope, rid, reason),
                             registration_text)


def scope_is_partner(ctx: AppContext, slack_user: str) -> bool:
    try:
        return scope_for_slack_user(ctx.store, slack_user).is_partner
    except CosellError:
        return False
