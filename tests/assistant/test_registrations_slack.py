"""Slack: `/cosell register` opens a modal, its signed submission registers the deal; the queue
(`/cosell registrations`) carries Approve/Reject buttons, decided as the clicking user."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from assistant.api import create_app
from assistant.engine.context import AppContext
from retrieval.programme_records import Registration
from tests.assistant.test_slack import SECRET, command_body, settings_with, signed
from tests.fakes.slack_api import FakeSlack


@pytest.fixture()
def slack():
    with FakeSlack() as fake:
        yield fake


@pytest.fixture()
def client(world_ctx, slack):
    ctx = AppContext(settings_with(world_ctx, slack_signing_secret=SECRET, slack_bot_token="xoxb-test",
                                   slack_api_url=slack.api_url))
    with TestClient(create_app(ctx, warm_up=False)) as c:
        yield c, ctx
    ctx.close()


def post_form(client, body: str):
    return client.post("/slack/events", content=body,
                       headers={"Content-Type": "application/x-www-form-urlencoded", **signed(body)})


def interaction(payload: dict) -> str:
    from urllib.parse import urlencode

    return urlencode({"payload": json.dumps(payload)})


def submission(user: str, **values: str) -> str:
    state = {block: {"value": {"type": "plain_text_input", "value": value}} for block, value in values.items()}
    return interaction({"type": "view_submission", "team": {"id": "T1"}, "user": {"id": user},
                        "api_app_id": "A1", "trigger_id": "1.2.3",
                        "view": {"id": "V1", "type": "modal", "callback_id": "cosell_register",
                                 "state": {"values": state}}})


def button(user: str, action_id: str, reg_id: str, response_url: str) -> str:
    return interaction({"type": "block_actions", "team": {"id": "T1"}, "user": {"id": user}, "api_app_id": "A1",
                        "trigger_id": "1.2.4", "response_url": response_url, "channel": {"id": "C1"},
                        "container": {"type": "message", "message_ts": "1.1"},
                        "actions": [{"type": "button", "action_id": action_id, "value": reg_id,
                                     "block_id": f"decide:{reg_id}", "action_ts": "1.2"}]})


def test_register_modal_queue_and_buttons(client, slack):
    http, ctx = client
    assert post_form(http, command_body("register", "US1", slack.response_url("r"))).status_code == 200
    view = slack.wait_for("views.open")[0]["body"]
    assert view["trigger_id"] == "1.2.3"
    modal = view["view"] if isinstance(view["view"], dict) else json.loads(view["view"])
    assert modal["callback_id"] == "cosell_register"
    assert "partner" not in [b["block_id"] for b in modal["blocks"]]  # a seller registers for their own partner
    done = post_form(http, submission("US1", account="Initech", country="DE", products="Lakehouse"))
    assert done.status_code == 200
    message = slack.wait_for("chat.postMessage")[0]["body"]
    assert message["channel"] == "US1" and "R-0001 for Initech" in message["text"]
    with ctx.store.session() as s:
        reg = s.get(Registration, "R-0001")
        assert reg.partner_id == "P-001" and reg.submitted_by == "u-ps1" and reg.status == "submitted"
    bad = post_form(http, submission("UCM", account="Initech", partner="P-404"))
    assert bad.json()["response_action"] == "errors" and "P-404" in json.dumps(bad.json()["errors"])
    # the queue, with buttons
    post_form(http, command_body("registrations", "UCM", slack.response_url("q")))
    queue = slack.wait_for("response_url")[0]["body"]
    buttons = [e for b in queue["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert [(e["action_id"], e["value"]) for e in buttons] == [("cosell_reg_approve", "R-0001"),
                                                               ("cosell_reg_reject", "R-0001")]
    # a partner seller's click does nothing; the channel manager's approves
    post_form(http, button("US1", "cosell_reg_approve", "R-0001", slack.response_url("b1")))
    assert "may not" in slack.wait_for("response_url", count=2)[1]["body"]["text"]
    post_form(http, button("UCM", "cosell_reg_approve", "R-0001", slack.response_url("b2")))
    assert "Approved: R-0001" in slack.wait_for("response_url", count=3)[2]["body"]["text"]
    with ctx.store.session() as s:
        assert s.get(Registration, "R-0001").status == "approved"


def test_reject_button_and_a_forged_click(client, slack):
    """The queue's Reject button rejects as the clicking channel manager (the reason names them); a click
    whose signature is not the app's is refused (401) and changes nothing."""
    http, ctx = client
    for account in ("Initech", "Globex"):
        assert post_form(http, submission("US1", account=account, country="DE", products="Lakehouse")).status_code == 200
    slack.wait_for("chat.postMessage", count=2)
    forged = button("UCM", "cosell_reg_approve", "R-0001", slack.response_url("f"))
    headers = {"Content-Type": "application/x-www-form-urlencoded", **signed(forged, secret="not-the-app")}
    assert http.post("/slack/events", content=forged, headers=headers).status_code == 401
    post_form(http, button("UCM", "cosell_reg_reject", "R-0002", slack.response_url("r")))
    assert "Rejected: R-0002" in slack.wait_for("response_url")[0]["body"]["text"]
    with ctx.store.session() as s:
        assert s.get(Registration, "R-0001").status == "submitted"  # the forged approval did nothing
        rejected = s.get(Registration, "R-0002")
        assert rejected.status == "rejected" and "rejected from the Slack queue by" in rejected.reason
    post_form(http, command_body("registrations", "UCM", slack.response_url("q")))
    queue = slack.wait_for("response_url", count=2)[1]["body"]
    values = {e["value"] for b in queue["blocks"] if b["type"] == "actions" for e in b["elements"]}
    assert values == {"R-0001"}  # the decided one left the queue
