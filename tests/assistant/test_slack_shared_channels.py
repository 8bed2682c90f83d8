"""Shared Slack channels: the thread gets only what every member may see, the rest goes to the asker.

Members come from the fake Web API (`conversations.members`, `users.info`); UBOT is our bot.
"""

from __future__ import annotations

import json
import time

import pytest

from retrieval.records import User
from tests.assistant.slack_world import event, post_event, slack_app
from tests.fakes.slack_api import FakeSlack

QUESTION = "<@UBOT> Which partners should we bring into the Acme renewal?"
ADMIN_EMAIL = "ada@vendor.example"
MEMBERS = {
    # a Slack Connect channel: our channel manager, a partner seller we know, and a member of the
    # partner's own organisation (another workspace) whose profile claims our admin's e-mail
    "CCONNECT": ["UCM", "UBOT", "US1", "UEXT"],
    "CINTERNAL": ["UCM", "UADMIN", "UBOT", "UADA2"],  # UADA2: mapped by e-mail, same workspace
    "CMKT": ["UCM", "UMKT", "UBOT"],
    "CP1": ["UCM", "US1", "UBOT"],
    "CTWO": ["US1", "US2", "UBOT"],
}
USERS = {
    "UEXT": {"id": "UEXT", "team_id": "T2", "profile": {"email": ADMIN_EMAIL}},
    "UADA2": {"id": "UADA2", "team_id": "T1", "profile": {"email": ADMIN_EMAIL.upper()}},
}


@pytest.fixture()
def slack():
    with FakeSlack(members=MEMBERS, users=USERS) as fake:
        yield fake


@pytest.fixture()
def slack_client(world_ctx, fake_tools, slack):
    with world_ctx.store.session() as session:
        session.get(User, "u-admin").email = ADMIN_EMAIL
    with slack_app(world_ctx, slack) as (client, _):
        yield client


def ask_in(client, channel: str, user: str = "UCM", text: str = QUESTION, event_id: str = "Ev1") -> None:
    assert post_event(client, event(text, user=user, channel=channel, event_id=event_id)).status_code == 200


def test_slack_connect_channel_gets_a_note_and_the_asker_the_answer(slack_client, slack):
    ask_in(slack_client, "CCONNECT")
    private = slack.wait_for("chat.postEphemeral")[0]["body"]
    thread = slack.wait_for("chat.postMessage")[0]["body"]
    # the thread: one line, nothing the channel manager's tools found
    shown = json.dumps(thread)
    assert thread["channel"] == "CCONNECT" and thread["thread_ts"] == "1700000000.000100"
    assert "privately" in thread["text"] and "outside Vendor's channel team" in thread["text"]
    assert "Alpine IT" not in shown and "match_partners" not in shown
    # the asker: the full answer, in the same thread, visible to them only
    assert private["channel"] == "CCONNECT" and private["user"] == "UCM"
    assert private["thread_ts"] == "1700000000.000100"
    assert "Alpine IT" in private["text"] and "match_partners" in json.dumps(private["blocks"])
    assert "Answered with" not in json.dumps(private["blocks"])
    time.sleep(0.3)
    assert len(slack.of("chat.postMessage")) == 1
    # the external member's e-mail was looked up but, from another workspace, not trusted
    assert [c["body"]["user"] for c in slack.of("users.info")] == ["UEXT"]


def test_all_internal_channel_is_answered_in_the_thread(slack_client, slack):
    ask_in(slack_client, "CINTERNAL")
    call = slack.wait_for("chat.postMessage")[0]["body"]
    assert call["channel"] == "CINTERNAL" and call["thread_ts"] == "1700000000.000100"
    assert "Alpine IT" in call["text"] and "Answered with <@UCM>" in json.dumps(call["blocks"])
    assert slack.of("conversations.members")[0]["body"]["channel"] == "CINTERNAL"
    time.sleep(0.3)
    assert not slack.of("chat.postEphemeral")


def test_direct_message_is_unchanged(slack_client, slack):
    body = event(
        "Which partners should we bring into the Acme renewal?",
        kind="message",
        channel="D9",
        channel_type="im",
        event_id="EvDM",
    )
    assert post_event(slack_client, body).status_code == 200
    call = slack.wait_for("chat.postMessage")[0]["body"]
    assert call["channel"] == "D9" and "Alpine IT" in call["text"]
    assert not slack.of("conversations.members") and not slack.of("chat.postEphemeral")


def test_unresolvable_membership_answers_privately(slack_client, slack):
    ask_in(slack_client, "CUNKNOWN")  # conversations.members fails (e.g. a missing scope)
    assert "Alpine IT" in slack.wait_for("chat.postEphemeral")[0]["body"]["text"]
    assert "Alpine IT" not in slack.wait_for("chat.postMessage")[0]["body"]["text"]


def test_a_marketer_member_narrows_a_channel_managers_answer(slack_client, slack):
    ask_in(slack_client, "CMKT")
    thread = slack.wait_for("chat.postMessage")[0]["body"]["text"]
    assert "may not see all of it" in thread and "Alpine IT" not in thread
    assert "Alpine IT" in slack.wait_for("chat.postEphemeral")[0]["body"]["text"]


def test_partner_seller_answers_stay_within_their_partner(slack_client, slack):
    question = "<@UBOT> Which accounts do we share with Thames Data Partners?"
    ask_in(slack_client, "CP1", user="US1", text=question, event_id="EvP1")  # internal + own partner
    assert "Answered with <@US1>" in json.dumps(slack.wait_for("chat.postMessage")[0]["body"]["blocks"])
    assert not slack.of("chat.postEphemeral")
    ask_in(slack_client, "CTWO", user="US1", text=question, event_id="EvP2")  # another partner's seller
    second = slack.wait_for("chat.postMessage", 2)[1]["body"]
    assert second["channel"] == "CTWO" and "privately" in second["text"]
    assert slack.wait_for("chat.postEphemeral")[0]["body"]["user"] == "US1"
