"""Conversations: the CLI shows the thread id and `--continue` resumes the asker's last thread; a Slack DM
typed without a thread is one conversation; "it", "that deal", "the second one", "2" resolve against the
last answer; a deal, partner or id that does not exist is said not to exist."""

from __future__ import annotations

import json
import time

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.engine.agent import ask
from assistant.engine.deterministic import plan_turn
from assistant.engine.threads import load_thread, save_thread
from assistant.slack.app import slack_thread_id
from retrieval.scope import scope_for_user
from tests.assistant import profile_world
from tests.assistant.slack_world import event, post_event
from tests.assistant.test_slack import slack, slack_client  # noqa: F401  fixtures


@pytest.fixture()
def ctx(tmp_path):
    ctx = profile_world.build(tmp_path / "home")
    yield ctx
    ctx.close()


def test_it_in_a_thread_is_the_last_deal(ctx):
    seller = scope_for_user(ctx.store, "u-ps2")  # English; Thames works the Globex deal
    thread = load_thread(ctx, seller, None)
    thread.state.last_intent, thread.state.last_arguments = "nba", {"opportunity_id": "OPP-003"}
    save_thread(ctx, thread)
    p = plan_turn(ctx, seller, "and is the registration on that deal still valid?", load_thread(ctx, seller,
                                                                                               thread.thread_id))
    # the registration's state of that deal, from its record (a profile or a deal-facts follow-up alike)
    assert p.arguments["opportunity_id"] == "OPP-003" and p.intent in ("profile", "deal_facts")
    assert p.arguments.get("topic") == "registrations" or p.arguments.get("facts") == ["days_left"]
    answer = ask(ctx, seller, "how many days of protection are left on it?", thread_id=thread.thread_id).answer
    assert "not registered" in answer and "OPP-003" in answer


def test_days_left_for_the_deal_of_the_thread(ctx):
    seller = scope_for_user(ctx.store, "u-ps1")
    thread = load_thread(ctx, seller, None)
    thread.state.last_intent, thread.state.last_arguments = "nba", {"opportunity_id": "OPP-004"}
    save_thread(ctx, thread)
    answer = ask(ctx, seller, "is the registration on it still protected?", thread_id=thread.thread_id).answer
    assert "OPP-004" in answer and "45" in answer and "2026-04-15" in answer


def test_the_second_one_is_the_second_deal_listed(ctx):
    seller = scope_for_user(ctx.store, "u-ps1")
    first = ask(ctx, seller, "list our open deals")
    listed = [line for line in first.answer.splitlines() if line.startswith("- ")]
    assert len(listed) == 2 and "OPP-004" in listed[0] and "OPP-001" in listed[1]
    thread = load_thread(ctx, seller, first.thread_id)
    for reply in ("the second one", "2", "#2"):
        p = plan_turn(ctx, seller, reply, thread)
        assert (p.intent, p.arguments) == ("nba", {"opportunity_id": "OPP-001"})


@pytest.mark.parametrize(("user", "question", "name"), [
    ("u-cm", "what's next on the Umbrella deal?", "Umbrella"),
    ("u-cm", "which partners fit the Stark Industries opportunity?", "Stark Industries"),
    ("u-ps2", "¿siguiente paso en el deal de Hooli?", "Hooli"),
    ("u-cm", "Wayne Analytics というパートナーの状況は？", "Wayne Analytics"),
    ("u-cm", "status of OPP-999?", "OPP-999"),
    ("u-cm", "next best actions for P-077", "P-077"),
])  # fmt: skip
def test_a_name_that_does_not_exist_is_said_not_to_exist(ctx, user, question, name):
    p = plan_turn(ctx, scope_for_user(ctx.store, user), question)
    assert p.reply and f"{name}" in p.reply and not p.candidates


def test_a_known_name_is_still_resolved(ctx):
    p = plan_turn(ctx, scope_for_user(ctx.store, "u-cm"), "what's next on the Globex deal?")
    assert p.arguments.get("opportunity_id") == "OPP-003" and not p.reply


def test_cli_prints_the_thread_and_continue_resumes_it(ctx, monkeypatch):
    monkeypatch.setenv("COSELL_HOME", str(ctx.settings.home))
    monkeypatch.setenv("COSELL_TODAY", "2026-03-01")
    runner = CliRunner()
    shown = runner.invoke(app, ["ask", "how much MDF do we have left?", "--as", "u-ps2"])
    assert shown.exit_code == 0 and "Thread: t_" in shown.stdout
    first = json.loads(runner.invoke(app, ["ask", "list our open deals", "--as", "u-ps1", "--json"]).stdout)
    second = json.loads(runner.invoke(app, ["ask", "how many certified people do we have?", "--as", "u-ps1",
                                            "--continue", "--json"]).stdout)
    assert second["thread_id"] == first["thread_id"]
    both = runner.invoke(app, ["ask", "x", "--as", "u-ps1", "--continue", "--thread", "t_1", "--json"])
    assert both.exit_code == 2 and "--continue" in both.stdout


def test_slack_dm_thread_ids():
    body = {"team_id": "T1"}
    assert slack_thread_id(body, "D1", "1.1", "u", direct=True) == slack_thread_id(body, "D1", "2.2", "u",
                                                                                   direct=True)
    assert slack_thread_id(body, "C1", "1.1", "u") != slack_thread_id(body, "C1", "2.2", "u")


def test_an_unthreaded_dm_reply_continues_the_conversation(slack_client, slack):  # noqa: F811
    post_event(slack_client, event("what's next on the Acme deal?", kind="message", channel="D1",
                                   channel_type="im", event_id="EvQ"))
    asked = slack.wait_for("chat.postMessage")[0]["body"]
    assert "Which deal" in asked["text"] and not asked.get("thread_ts")
    post_event(slack_client, event("2", kind="message", channel="D1", channel_type="im", event_id="EvA",
                                   ts="1700000000.000200"))
    second = next(line for line in asked["text"].splitlines() if line.startswith("2. "))
    deal = second.removeprefix("2. ").split(" (")[0]
    answered = slack.wait_for("chat.postMessage", count=2)[1]["body"]
    time.sleep(0.1)
    assert f"Follow up on {deal}" in answered["text"] and "Which deal" not in answered["text"]
