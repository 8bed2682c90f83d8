"""Issue 17, data and conversation half, over the demo (today 2026-11-15): a partner seller's questions about
their own partner answered from the records with the numbers, a deal picker only when one deal is needed and
none is named, a deal that does not exist said not to exist, and follow-ups ("it", "them", "2", "the second
one", `cosell ask --continue`, a Slack DM without a thread). The vendor side's whole-book questions and "who's
the partner on it?" are tested in test_overview_chat.py. Expected figures come from the tools and the
records, not from literals."""

from __future__ import annotations

import re

from typer.testing import CliRunner

from assistant.cli import app
from assistant.engine.agent import ask
from assistant.slack.app import slack_thread_id
from retrieval.scope import scope_for_user
from tools.partner_profile.service import partner_profile


def _ask(ctx, user: str, question: str, thread_id: str | None = None):
    return ask(ctx, scope_for_user(ctx.store, user), question, thread_id=thread_id)


def _num(value: float) -> str:
    return f"{value:,.0f}"


def test_on_track_for_gold_gives_the_tier_figures(demo_ctx):
    seller = scope_for_user(demo_ctx.store, "u-ps-lonestar")
    facts = partner_profile(demo_ctx, seller, topic="tier")
    r = _ask(demo_ctx, "u-ps-lonestar", "are we on track for gold?")
    assert [t.name for t in r.tools] == ["partner_profile"] and not r.candidates
    assert "gold" in r.answer and facts.name in r.answer
    assert all(_num(c.value) in r.answer for c in facts.next_tier_checks)


def test_mdf_spent_and_certified_people_are_the_partners_own(demo_ctx):
    seller = scope_for_user(demo_ctx.store, "u-ps-thames")
    facts = partner_profile(demo_ctx, seller, topic="overview")
    mdf = _ask(demo_ctx, "u-ps-thames", "how much of our MDF have we spent?")
    assert mdf.tools[0].arguments.get("topic") == "mdf" and _num(facts.mdf_spent) in mdf.answer
    certified = _ask(demo_ctx, "u-ps-thames", "how many certified people do we have")
    assert certified.tools[0].arguments.get("topic") == "certifications"
    assert str(facts.certified_total) in certified.answer


def test_registrations_expiring_this_month_and_conflicts_this_week(demo_ctx):
    regs = _ask(demo_ctx, "u-ps-alpine", "which of our registrations expire this month")
    assert regs.tools and regs.tools[0].arguments.get("topic") == "registrations" and not regs.candidates
    conflicts = _ask(demo_ctx, "u-ps-thames", "any deal reg conflicts this week?")
    assert conflicts.tools and conflicts.tools[0].arguments.get("topic") == "conflicts"


def test_german_protection_question_is_answered_not_asked_back(demo_ctx):
    r = _ask(demo_ctx, "u-ps-alpine", "wie lange ist meine Deal-Registrierung geschützt?")
    assert not r.candidates and "Welchen Deal" not in r.answer
    assert re.search(r"\b90\b", r.answer)


def test_admin_discount_guidance_gets_no_deal_picker(demo_ctx):
    r = _ask(demo_ctx, "u-admin", "what's our discount guidance for competitive deals against polar warehouse?")
    assert not r.candidates and "Which deal" not in r.answer
    assert [t.name for t in r.tools] == ["search_content"]


def test_a_deal_that_does_not_exist_is_said_not_to_exist(demo_ctx):
    r = _ask(demo_ctx, "u-ps-keystone", "what should I do next on the Globex deal?")
    assert "Globex" in r.answer and "no deal" in r.answer.lower() and not r.candidates and not r.tools


def test_it_is_the_deal_of_the_last_answer(demo_ctx):
    first = _ask(demo_ctx, "u-ps-alpine", "was ist als nächstes beim Sonnen Werkzeugbau Lakehouse-Deal zu tun?")
    deal = first.tools[0].arguments["opportunity_id"]
    second = _ask(demo_ctx, "u-ps-alpine", "how long is the registration on it still protected?", first.thread_id)
    assert second.tools[0].arguments.get("opportunity_id") == deal and deal in second.answer
    assert re.search(r"\d+ days left", second.answer)  # the days left, not the rule's 90 days


def test_cli_prints_the_thread_and_continue_resumes_it(demo_env, demo_ctx):
    runner = CliRunner()
    first = runner.invoke(app, ["ask", "what should I do next on the Acme deal?", "--as", "u-ps-keystone"])
    assert first.exit_code == 0, first.output
    thread = re.search(r"Thread: (\S+)", first.output)
    assert thread and "--continue" in first.output
    deal = re.search(r"\[(OPP-\d+)\]", first.output).group(1)
    second = runner.invoke(app, ["ask", "how long is the registration on it still protected?", "--continue",
                                 "--as", "u-ps-keystone"])
    assert second.exit_code == 0, second.output
    assert deal in second.output and f"Thread: {thread.group(1)}" in second.output


def test_an_unthreaded_slack_dm_continues_with_a_number(demo_ctx):
    body = {"team_id": "T1"}
    thread = slack_thread_id(body, "D1", "1700000000.0001", "u-ps-alpine-2", direct=True)
    assert thread == slack_thread_id(body, "D1", "1700000099.0002", "u-ps-alpine-2", direct=True)
    picker = _ask(demo_ctx, "u-ps-alpine-2", "was ist der nächste schritt bei sonnen?", thread)
    assert len(picker.candidates) >= 2
    chosen = _ask(demo_ctx, "u-ps-alpine-2", "2", thread)
    assert chosen.tools[0].arguments.get("opportunity_id") == picker.candidates[1].id


def test_the_second_one_follows_the_order_the_deals_were_named(demo_ctx):
    picker = _ask(demo_ctx, "u-ps-kingsbridge", "compare Copperfield Capital and Porter Brands for me")
    assert "Copperfield" in picker.candidates[0].label and "Porter" in picker.candidates[1].label
    nxt = _ask(demo_ctx, "u-ps-kingsbridge", "ok what's next on the second one?", picker.thread_id)
    assert nxt.tools[0].arguments.get("opportunity_id") == picker.candidates[1].id
