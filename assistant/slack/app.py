"""The Bolt app: mentions and DMs are questions, `/cosell` runs commands, 👍/👎 is stored feedback.

Built without network (STACK.md): our own WebClient (base_url from settings, so tests capture calls),
`token_verification_enabled=False` and an `authorize` function, so no `auth.test` call is made.
Requests are verified with the signing secret (bad signature -> 401). Events are acknowledged at once
and answered in a worker thread; an event id is answered once, even when Slack retries it.
"""

from __future__ import annotations

import logging
import re
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from slack_bolt import App
from slack_bolt.authorization import AuthorizeResult
from slack_sdk import WebClient
from sqlalchemy.exc import IntegrityError

from assistant.core.errors import BadInput, CosellError
from assistant.engine.agent import ask
from assistant.engine.context import AppContext
from assistant.slack import blocks, programme
from assistant.slack import mdf as mdf_slack
from assistant.slack.audience import channel_audience
from assistant.slack.commands import USAGE, parse_command, run_command
from retrieval.records import Feedback, SlackEventSeen
from retrieval.scope import scope_for_slack_user

log = logging.getLogger(__name__)
MENTION = re.compile(r"<@[A-Z0-9]+(\|[^>]*)?>")
NOT_SET_UP = (
    "Sorry, I can't answer you yet: your Slack account is not linked to a Co-sell Copilot user. "
    "Ask an administrator to add your Slack user id ({slack_user}) to users.csv."
)

PRIVATE_NOTE = "I sent you the answer privately because this channel {why}."


def _secret(value) -> str | None:
    return value.get_secret_value() if value is not None else None


def build_bolt_app(ctx: AppContext, socket_mode: bool = False) -> App:
    settings = ctx.settings
    token = _secret(settings.slack_bot_token) or "xoxb-not-configured"
    secret = _secret(settings.slack_signing_secret)
    if not socket_mode and not secret:
        raise BadInput("COSELL_SLACK_SIGNING_SECRET is not set: Slack requests cannot be verified")
    # no token on the app's client: Bolt makes a per-request client (same base_url) from `authorize`
    client = WebClient(base_url=settings.slack_api_url or WebClient.BASE_URL, timeout=10)

    def authorize(enterprise_id: str | None = None, team_id: str | None = None, **_: Any) -> AuthorizeResult:
        return AuthorizeResult(enterprise_id=enterprise_id, team_id=team_id, bot_token=token)

    app = App(
        client=client,
        signing_secret=secret,
        authorize=authorize,
        token_verification_enabled=False,
        request_verification_enabled=not socket_mode,
        process_before_response=False,
        listener_executor=ThreadPoolExecutor(max_workers=8, thread_name_prefix="slack"),
    )
    register_listeners(app, ctx)
    return app


def register_listeners(app: App, ctx: AppContext) -> None:
    @app.event("app_mention")
    def on_mention(event: dict, body: dict, client: WebClient) -> None:
        answer_event(ctx, client, event, body)

    @app.event("message")
    def on_message(event: dict, body: dict, client: WebClient) -> None:
        if event.get("channel_type") == "im" and not event.get("subtype") and not event.get("bot_id"):
            answer_event(ctx, client, event, body)

    @app.action(re.compile(f"^({blocks.FEEDBACK_UP}|{blocks.FEEDBACK_DOWN})$"))
    def on_feedback(ack, body: dict, action: dict) -> None:
        ack()
        record_feedback(ctx, body, action)

    programme.register_programme_listeners(app, ctx)
    mdf_slack.register_mdf_listeners(app, ctx)

    def command_ack(ack, command: dict, client: WebClient) -> None:
        if programme.first_word(command.get("text")) == "register":  # the modal needs the trigger at once
            refused = programme.open_register_modal(ctx, client, command)
            ack(text=refused) if refused else ack()
            return
        if mdf_slack.wants_modal(command.get("text")):
            refused = mdf_slack.open_mdf_modal(ctx, client, command)
            ack(text=refused) if refused else ack()
            return
        try:
            parsed = parse_command(command.get("text", ""))
        except BadInput as exc:
            ack(text=f"{exc.message}\n{USAGE}")
            return
        ack(text=USAGE if parsed.name == "help" else "Working on it…")

    def command_work(command: dict, respond, client: WebClient) -> None:
        answer_command(ctx, command, respond)

    app.command(re.compile(r"^/"))(ack=command_ack, lazy=[command_work])


def first_delivery(ctx: AppContext, event_id: str | None) -> bool:
    """True the first time an event id is seen (the `slack_events_seen` table makes it atomic)."""
    if not event_id:
        return True
    try:
        with ctx.store.session() as session:
            session.add(SlackEventSeen(event_id=event_id))
        return True
    except IntegrityError:
        return False


def slack_thread_id(body: dict, channel: str, thread_ts: str, user_id: str, direct: bool = False) -> str:
    """One conversation per Slack thread and asker (several people may ask in one Slack thread). In a DM
    typed without a Slack thread (`direct`), the DM channel itself is the conversation: "2" continues it."""
    if direct:
        return f"slack:{body.get('team_id', '')}:{channel}:dm:{user_id}"
    return f"slack:{body.get('team_id', '')}:{channel}:{thread_ts}:{user_id}"


def answer_event(ctx: AppContext, client: WebClient, event: dict, body: dict) -> None:
    """A mention or a DM: ask as the mapped user, answer in the thread. In a channel the thread gets only
    what every member may see: when some member's permissions do not cover the asker's, the thread gets
    a one-line note and the answer goes to the asker alone (chat.postEphemeral)."""

    if not first_delivery(ctx, body.get("event_id")):
        return  # a retry of an event we already answered (X-Slack-Retry-Num)
    channel, slack_user = event.get("channel", ""), event.get("user", "")
    thread_ts = event.get("thread_ts") or event.get("ts")
    in_channel = event.get("channel_type") != "im" and not channel.startswith("D")
    question = MENTION.sub("", event.get("text") or "").strip()
    try:
        scope = scope_for_slack_user(ctx.store, slack_user)
    except CosellError:
        _post(client, channel, thread_ts, NOT_SET_UP.format(slack_user=slack_user))
        return
    if not question:
        _post(
            client,
            channel,
            thread_ts,
            "Ask me about partners, deals, account mapping, drafts or the "
            "programme, for example: which partners should we bring into the Acme deal?",
        )
        return
    private_note = None
    if in_channel:
        audience = channel_audience(ctx, client, channel, body)
        if not audience.covers(scope):
            private_note = PRIVATE_NOTE.format(
                why=f"includes people outside {ctx.vendor().get('name') or 'the vendor'}'s channel team"
                if not audience.all_internal
                else "has members who may not see all of it"
            )
    direct = not in_channel and not event.get("thread_ts")
    thread_id = slack_thread_id(body, channel, thread_ts, scope.user_id, direct=direct)
    if direct:
        thread_ts = None  # answer in the DM itself, where the next message continues the conversation
    try:
        response = ask(ctx, scope, question, thread_id=thread_id)
    except CosellError as exc:
        failed = f"Sorry: {exc.message}"
    except Exception:  # a bug: logged; the user still gets an answer, never silence
        log.exception("Slack question failed")
        failed = "Sorry, something went wrong on my side while answering."
    else:
        failed = None
    if failed:
        if private_note:  # an error message may name what the asker reached: the asker's eyes only
            client.chat_postEphemeral(channel=channel, user=slack_user, thread_ts=thread_ts, text=failed)
        else:
            _post(client, channel, thread_ts, failed)
        return
    text = response.answer[:3000]
    if private_note:
        _post(client, channel, thread_ts, private_note)
        rendered = blocks.answer_blocks(response, thread_id, slack_user)
        client.chat_postEphemeral(
            channel=channel, user=slack_user, thread_ts=thread_ts, text=text, blocks=rendered
        )
        return
    rendered = blocks.answer_blocks(response, thread_id, slack_user, in_channel=in_channel)
    client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=text, blocks=rendered)


def _post(client: WebClient, channel: str, thread_ts: str | None, text: str) -> None:
    client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=text, blocks=blocks.text_blocks(text))


def answer_command(ctx: AppContext, command: dict, respond) -> None:
    """/cosell ...: the same result as the CLI, rendered, visible to the asker only."""

    slack_user = command.get("user_id", "")
    try:
        parsed = parse_command(command.get("text", ""))
        if parsed.name == "help":
            return  # the usage was the acknowledgement
        scope = scope_for_slack_user(ctx.store, slack_user)
        if programme.first_word(parsed.text) == "register":
            return  # the modal was opened by the acknowledgement
        if programme.first_word(parsed.text) == "registrations":
            programme.answer_queue(ctx, scope, respond)
            return
        if mdf_slack.wants_modal(parsed.text):
            return  # the modal was opened by the acknowledgement
        if mdf_slack.wants_queue(parsed.text):
            mdf_slack.answer_queue(ctx, scope, respond)
            return
        if parsed.name == "ask":
            thread_id = (
                f"slack:{command.get('team_id', '')}:{command.get('channel_id', '')}:cmd:{scope.user_id}"
            )
            response = ask(ctx, scope, parsed.text, thread_id=thread_id)
            rendered = blocks.answer_blocks(response, thread_id, slack_user)
            respond(text=response.answer[:3000], blocks=rendered, response_type="ephemeral")
            return
        text = run_command(ctx, scope, parsed)
        respond(text=text[:3000], blocks=blocks.text_blocks(text), response_type="ephemeral")
    except CosellError as exc:
        message = (
            NOT_SET_UP.format(slack_user=slack_user) if exc.http_status == 401 else f"Sorry: {exc.message}"
        )
        respond(text=message, response_type="ephemeral")
    except Exception:
        log.exception("Slack command failed")
        respond(text="Sorry, something went wrong on my side.", response_type="ephemeral")


def record_feedback(ctx: AppContext, body: dict, action: dict) -> None:
    slack_user = (body.get("user") or {}).get("id", "")
    try:
        user_id = scope_for_slack_user(ctx.store, slack_user).user_id
    except CosellError:
        user_id = f"slack:{slack_user}"
    message = body.get("message") or body.get("container") or {}
    channel = (body.get("channel") or {}).get("id", "")
    value = "up" if action.get("action_id") == blocks.FEEDBACK_UP else "down"
    with ctx.store.session() as session:
        session.add(
            Feedback(
                user_id=user_id,
                thread_id=action.get("value"),
                value=value,
                message_ref=f"{channel}:{message.get('ts') or message.get('message_ts', '')}",
            )
        )


def run_socket_mode(ctx: AppContext) -> None:
    """`cosell slack`: the same app over Socket Mode (no public URL needed)."""
    settings = ctx.settings
    if not settings.slack_app_token:
        raise BadInput("COSELL_SLACK_APP_TOKEN (xapp-...) is not set: Socket Mode needs an app-level token")
    if not settings.slack_bot_token:
        raise BadInput("COSELL_SLACK_BOT_TOKEN (xoxb-...) is not set")
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    handler = SocketModeHandler(build_bolt_app(ctx, socket_mode=True), _secret(settings.slack_app_token))
    handler.start()
