"""Slack as the tests speak it: signed Events API and form requests to the real FastAPI app, the bodies
Slack sends (mentions, slash commands, button clicks, modal submissions), and the app configured for a
fake Slack Web API (tests/fakes/slack_api.py)."""
from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlencode

from fastapi.testclient import TestClient
from slack_sdk.signature import SignatureVerifier

from assistant.api import create_app
from assistant.engine.context import AppContext
from tests.assistant.world import settings_with

SECRET = "test-signing-secret"


@contextmanager
def slack_app(ctx: AppContext, slack, warm_up: bool = True, **settings) -> Iterator[tuple[TestClient, AppContext]]:
    """The app over `ctx`'s store, signing with SECRET and calling the fake `slack`: (client, its context)."""
    slack_ctx = AppContext(settings_with(ctx, slack_signing_secret=SECRET, slack_bot_token="xoxb-test",
                                         slack_api_url=slack.api_url, **settings))
    try:
        with TestClient(create_app(slack_ctx, warm_up=warm_up)) as client:
            yield client, slack_ctx
    finally:
        slack_ctx.close()


def signed(body: str, secret: str = SECRET, **extra: str) -> dict:
    ts = str(int(time.time()))
    signature = SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": signature, **extra}


def event(
    text: str,
    user: str = "UCM",
    event_id: str = "Ev1",
    channel: str = "C1",
    channel_type: str = "channel",
    kind: str = "app_mention",
    **more,
) -> str:
    payload = {
        "type": "event_callback",
        "team_id": "T1",
        "api_app_id": "A1",
        "event_id": event_id,
        "event_time": int(time.time()),
        "authorizations": [{"team_id": "T1", "user_id": "UBOT", "is_bot": True}],
        "event": {
            "type": kind,
            "user": user,
            "text": text,
            "channel": channel,
            "channel_type": channel_type,
            "ts": "1700000000.000100",
            **more,
        },
    }
    return json.dumps(payload)


def post_event(client, body: str, **headers: str):
    return client.post(
        "/slack/events", content=body, headers={"Content-Type": "application/json", **signed(body, **headers)}
    )


def post_form(client, body: str):
    """A signed form body (a slash command, or an interaction's payload) to the events endpoint."""
    return client.post("/slack/events", content=body,
                       headers={"Content-Type": "application/x-www-form-urlencoded", **signed(body)})


def command_body(text: str, user: str, response_url: str) -> str:
    return urlencode(
        {
            "token": "x",
            "team_id": "T1",
            "channel_id": "C1",
            "user_id": user,
            "command": "/cosell",
            "text": text,
            "response_url": response_url,
            "trigger_id": "1.2.3",
        }
    )


def interaction(payload: dict) -> str:
    return urlencode({"payload": json.dumps(payload)})


def submission(callback_id: str, user: str, **values: str) -> str:
    """The submission of modal `callback_id` by `user`, one plain text input per block id in `values`."""
    state = {block: {"value": {"type": "plain_text_input", "value": value}} for block, value in values.items()}
    return interaction({"type": "view_submission", "team": {"id": "T1"}, "user": {"id": user},
                        "api_app_id": "A1", "trigger_id": "1.2.3",
                        "view": {"id": "V1", "type": "modal", "callback_id": callback_id,
                                 "state": {"values": state}}})


def button(user: str, action_id: str, value: str, response_url: str) -> str:
    """A click by `user` on a decision button (`decide:<value>`) of a message."""
    return interaction({"type": "block_actions", "team": {"id": "T1"}, "user": {"id": user}, "api_app_id": "A1",
                        "trigger_id": "1.2.4", "response_url": response_url, "channel": {"id": "C1"},
                        "container": {"type": "message", "message_ts": "1.1"},
                        "actions": [{"type": "button", "action_id": action_id, "value": value,
                                     "block_id": f"decide:{value}", "action_ts": "1.2"}]})


def message_shortcut(user: str, text: str, response_url: str, callback_id: str = "cosell_register_message") -> str:
    """A message shortcut (`message_action`) run by `user` on a message of another user saying `text`."""
    return interaction({"type": "message_action", "token": "x", "action_ts": "1.3", "team": {"id": "T1"},
                        "user": {"id": user}, "channel": {"id": "C1", "name": "deals"}, "api_app_id": "A1",
                        "callback_id": callback_id, "trigger_id": "1.2.5", "message_ts": "1.1",
                        "message": {"type": "message", "user": "UOTHER", "ts": "1.1", "text": text},
                        "response_url": response_url})


def approve_from_queue(http, slack, command: str, record_id: str, approve: str, reject: str) -> None:
    """The channel manager's queue (`/cosell COMMAND` by UCM) lists `record_id` with the `approve` and `reject`
    buttons; a partner seller's click (US1) is refused, the channel manager's approves."""
    post_form(http, command_body(command, "UCM", slack.response_url("q")))
    queue = slack.wait_for("response_url")[0]["body"]
    buttons = [e for b in queue["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert [(e["action_id"], e["value"]) for e in buttons] == [(approve, record_id), (reject, record_id)]
    post_form(http, button("US1", approve, record_id, slack.response_url("b1")))
    assert "may not" in slack.wait_for("response_url", count=2)[1]["body"]["text"]
    post_form(http, button("UCM", approve, record_id, slack.response_url("b2")))
    assert f"Approved: {record_id}" in slack.wait_for("response_url", count=3)[2]["body"]["text"]
