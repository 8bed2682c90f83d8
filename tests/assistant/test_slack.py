"""Slack through signed HTTP requests to the real FastAPI app; the Web API is a local fake server."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.api import create_app
from assistant.engine.context import AppContext
from assistant.slack.commands import parse_command
from retrieval.records import Feedback
from tests.assistant.slack_world import (
    command_body,
    event,
    interaction,
    post_event,
    post_form,
    settings_with,
    signed,
    slack_app,
)
from tests.fakes.slack_api import FakeSlack

VECTOR = json.loads((Path("/work/shared/data/slack/request_signing_test_vector.json")).read_text())


@pytest.fixture()
def slack():
    # C1 is an all-internal channel (our bot UBOT included), so answers go into its threads
    with FakeSlack(members={"C1": ["UCM", "UADMIN", "UBOT"]}) as fake:
        yield fake


@pytest.fixture()
def slack_client(world_ctx, fake_tools, slack):
    with slack_app(world_ctx, slack) as (client, _):
        yield client


def test_mention_is_acknowledged_before_it_is_answered(slack_client, slack):
    """The answer takes 1.5 s here; the HTTP acknowledgement does not wait for it."""
    from tests.assistant import world
    from tools import registry

    def slow_nba(ctx, scope, args):
        time.sleep(1.5)
        return world.NbaResponse.model_validate(world.next_best_actions(ctx, scope, **args.model_dump()))

    registry.register_tool("next_best_actions", args=world.NbaArgs)(slow_nba)
    response = post_event(slack_client, event("<@UBOT> How is Alpine IT doing?", event_id="EvSlow"))
    assert response.status_code == 200 and not slack.of("chat.postMessage")
    assert "Follow up on Alpine IT" in slack.wait_for("chat.postMessage")[0]["body"]["text"]


def test_mention_is_answered_in_the_thread_with_blocks(slack_client, slack):
    body = event("<@UBOT> Which partners should we bring into the Acme renewal?")
    assert post_event(slack_client, body).status_code == 200
    posted = slack.wait_for("chat.postMessage")[0]
    assert posted["authorization"] == "Bearer xoxb-test"  # the bot token, from `authorize`
    call = posted["body"]
    assert call["channel"] == "C1" and call["thread_ts"] == "1700000000.000100"
    kinds = [b["type"] for b in call["blocks"]]
    assert kinds[0] == "header" and kinds[-1] == "actions"
    assert call["blocks"][0]["text"]["text"] == "Partners for Acme Corporation - Lakehouse renewal"  # the deal's name, not its id
    assert "Alpine IT" in json.dumps(call["blocks"][1:4])
    tools_context = [
        b for b in call["blocks"] if b["type"] == "context" and "Tools used" in b["elements"][0]["text"]
    ]
    assert "match_partners" in tools_context[0]["elements"][0]["text"]
    assert {e["action_id"] for e in call["blocks"][-1]["elements"]} == {
        "cosell_feedback_up",
        "cosell_feedback_down",
    }


def test_sources_are_listed_and_escaped(slack_client, slack):
    post_event(slack_client, event("<@UBOT> community tips on deal registration", event_id="EvS"))
    blocks = slack.wait_for("chat.postMessage")[0]["body"]["blocks"]
    text = json.dumps(blocks)
    assert "*Sources*" in text and "Deal registration policy" in text
    assert "<script>" not in text and "&lt;script&gt;" in text


def test_a_retried_event_is_not_answered_twice(slack_client, slack):
    body = event("<@UBOT> How is Alpine IT doing?", event_id="EvRetry")
    assert post_event(slack_client, body).status_code == 200
    slack.wait_for("chat.postMessage")
    retry = post_event(
        slack_client, body, **{"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    )
    assert retry.status_code == 200
    # a later, different event is answered; by then the retry has long been handled (and dropped)
    later = event("<@UBOT> How is Alpine IT doing?", event_id="EvAfter", ts="1700000000.000300")
    post_event(slack_client, later)
    calls = slack.wait_for("chat.postMessage", 2)
    time.sleep(0.3)
    assert len(slack.of("chat.postMessage")) == 2
    assert [c["body"]["thread_ts"] for c in calls] == ["1700000000.000100", "1700000000.000300"]


def test_bad_signature_is_401(slack_client, slack):
    body = event("<@UBOT> hi")
    headers = signed(body, secret="another-secret")
    response = slack_client.post(
        "/slack/events", content=body, headers={"Content-Type": "application/json", **headers}
    )
    assert response.status_code == 401
    stale = {"X-Slack-Request-Timestamp": "1531420618", "X-Slack-Signature": VECTOR["expected_signature"]}
    assert slack_client.post("/slack/events", content=body, headers=stale).status_code == 401
    time.sleep(0.2)
    assert not slack.calls


def test_slack_documented_signing_vector(world_ctx, fake_tools, monkeypatch):
    """Slack's own test vector verifies with its secret (clock pinned to its timestamp); one changed
    character of the signature is a 401."""
    import slack_sdk.signature

    monkeypatch.setattr(
        slack_sdk.signature.Clock, "now", lambda self: float(VECTOR["headers"]["X-Slack-Request-Timestamp"])
    )
    ctx = AppContext(settings_with(world_ctx, slack_signing_secret=VECTOR["signing_secret"]))
    headers = {**VECTOR["headers"], "Content-Type": "application/x-www-form-urlencoded"}
    with TestClient(create_app(ctx)) as client:
        ok = client.post("/slack/events", content=VECTOR["raw_body"], headers=headers)
        assert ok.status_code == 200 and "Usage" in ok.text  # the vector is an empty slash command
        tampered = {**headers, "X-Slack-Signature": VECTOR["expected_signature"][:-1] + "0"}
        assert client.post("/slack/events", content=VECTOR["raw_body"], headers=tampered).status_code == 401
    ctx.close()


def test_unmapped_user_is_told_why(slack_client, slack):
    post_event(slack_client, event("<@UBOT> hello?", user="UNOBODY", event_id="EvU"))
    text = slack.wait_for("chat.postMessage")[0]["body"]["text"]
    assert "not linked" in text and "UNOBODY" in text


def test_direct_message_is_answered_and_bot_messages_ignored(slack_client, slack):
    post_event(
        slack_client,
        event("I am a bot", kind="message", channel="D1", channel_type="im", event_id="EvB", bot_id="B1"),
    )
    post_event(
        slack_client,
        event("How is Alpine IT doing?", kind="message", channel="D1", channel_type="im", event_id="EvDM"),
    )
    calls = slack.wait_for("chat.postMessage")
    time.sleep(0.3)
    assert len(slack.of("chat.postMessage")) == 1 and calls[0]["body"]["channel"] == "D1"
    assert "Answered with" not in json.dumps(calls[0]["body"]["blocks"])  # a DM is private


def test_in_a_channel_withheld_information_is_said(slack_client, slack):
    post_event(
        slack_client,
        event("<@UBOT> Which accounts do we share with Thames Data Partners?", user="US1", event_id="EvW"),
    )
    blocks = json.dumps(slack.wait_for("chat.postMessage")[0]["body"]["blocks"])
    assert "withheld because <@US1> may not see it" in blocks and "Answered with <@US1>" in blocks
    assert "GLOBEX" not in blocks


def test_slash_command_like_the_cli(slack_client, slack):
    body = command_body("match OPP-001 --top 2", "UCM", slack.response_url("m"))
    response = post_form(slack_client, body)
    assert response.status_code == 200 and "Working on it" in response.text
    reply = slack.wait_for("response_url")[0]["body"]
    assert (
        reply["response_type"] == "ephemeral"
        and "1. Alpine IT" in reply["text"]
        and "3." not in reply["text"]
    )
    denied = command_body("match OPP-001", "US1", slack.response_url("d"))
    post_form(slack_client, denied)
    assert "may not match partners" in slack.wait_for("response_url", 2)[1]["body"]["text"]


def test_slash_command_parsing():
    assert parse_command("").name == "help"
    cmd = parse_command("draft --partner P-001 --kit lakehouse-modernisation --locale de --channel=social")
    assert cmd.options == {
        "partner": "P-001",
        "kit": "lakehouse-modernisation",
        "locale": "de",
        "channel": "social",
    }
    assert parse_command("nba --opportunity OPP-1").options == {"opportunity": "OPP-1"}
    assert parse_command("how do I register a deal?").name == "ask"


def test_feedback_buttons_are_stored(slack_client, slack, world_ctx):
    payload = {
        "type": "block_actions",
        "team": {"id": "T1"},
        "user": {"id": "UCM"},
        "api_app_id": "A1",
        "channel": {"id": "C1"},
        "message": {"ts": "1700000000.000200"},
        "container": {"type": "message"},
        "trigger_id": "1",
        "actions": [
            {
                "action_id": "cosell_feedback_down",
                "block_id": "cosell_feedback",
                "value": "slack:T1:C1:1700000000.000100:u-cm",
                "type": "button",
            }
        ],
    }
    response = post_form(slack_client, interaction(payload))
    assert response.status_code == 200
    deadline = time.time() + 5
    while time.time() < deadline:
        with world_ctx.store.session() as session:
            rows = session.query(Feedback).all()
            if rows:
                break
        time.sleep(0.05)
    assert [(r.user_id, r.value, r.thread_id) for r in rows] == [
        ("u-cm", "down", "slack:T1:C1:1700000000.000100:u-cm")
    ]
    assert rows[0].message_ref == "C1:1700000000.000200"


def test_url_verification_and_socket_mode_needs_a_token(slack_client, world_ctx):
    body = json.dumps({"type": "url_verification", "challenge": "abc123", "token": "x"})
    assert post_event(slack_client, body).json() == {"challenge": "abc123"}
    from assistant.core.errors import BadInput
    from assistant.slack import run_socket_mode

    with pytest.raises(BadInput, match="COSELL_SLACK_APP_TOKEN"):
        run_socket_mode(world_ctx)
