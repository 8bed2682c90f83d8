"""Slack answers in Block Kit: every tool's blocks within Block Kit's limits (`limits.problems`), names
(not ids) in titles, buttons where there is a choice, a very long answer cut within the limits, choice and
draft buttons that work, and shared channels: the held-back answer goes to the asker alone."""

from __future__ import annotations

import datetime as dt
import json
import time
from urllib.parse import urlencode

import pytest

from assistant.engine.agent import ask, invoke_tool
from assistant.engine.threads import Candidate
from assistant.engine.turn import AskResponse, Citation, ToolUse
from assistant.slack import app as slack_app
from assistant.slack import blocks, limits, programme, results
from assistant.slack import mdf as mdf_slack
from assistant.slack.commands import execute, parse_command
from retrieval.scope import scope_for_slack_user
from tests.assistant import slack_world
from tests.assistant.slack_world import event, interaction, post_event
from tests.fakes.slack_api import FakeSlack
from tools.analytics.types import (
    AttributionResponse,
    AttributionTotals,
    PartnerAttribution,
    PortfolioPartner,
    PortfolioResponse,
    TimeToFirstWin,
)
from tools.content_drafts.types import DraftResponse
from tools.leads.types import LeadList, LeadOut, LeadRouting
from tools.mdf.types import MdfActivityOut, MdfList
from tools.partner_match.service import PartnerMatch
from tools.partner_profile.service import DealOut, ProfileResult, TierCheckOut
from tools.registrations.types import RegistrationCheck, RegistrationList, RegistrationOut

LONG = "word " * 2000  # 10,000 characters


def valid(rendered: list[dict]) -> list[dict]:
    assert limits.problems(rendered) == [], limits.problems(rendered)
    return rendered


def header(rendered: list[dict]) -> str:
    assert rendered[0]["type"] == "header"
    return rendered[0]["text"]["text"]


def buttons(rendered: list[dict]) -> dict[str, str]:
    return {e["action_id"]: e.get("value", "") for b in rendered if b["type"] == "actions" for e in b["elements"]}


@pytest.fixture()
def cm(world_ctx, fake_tools):
    return scope_for_slack_user(world_ctx.store, "UCM")


def names(ctx, scope, public_url=None):
    return results.Names(ctx, public_url, scope=scope)


# --- every tool's blocks, on the test world --------------------------------------------------------


@pytest.mark.parametrize(
    "command, title",
    [
        ("match OPP-001 --top 3", "Partners for Acme Corporation - Lakehouse renewal"),
        ("map P-002", "Accounts shared with Thames Data Partners Ltd"),
        ("nba --partner P-001", "Next best actions: Alpine IT"),
        ("nba --opportunity OPP-006", "Next best actions: Redwood Capital LLC - Lakehouse"),
        ("draft --partner P-001 --kit K-1 --locale de --channel email", "Draft for Alpine IT: K-1 (de, email)"),
    ],
)
def test_command_blocks_validate_and_are_titled_with_names(world_ctx, cm, command, title):
    if "K-1" in command:
        from retrieval.records import CampaignKitRow

        with world_ctx.store.session() as session:
            kit = session.query(CampaignKitRow).first()
        command, title = command.replace("K-1", kit.kit_id), title.replace("K-1", kit.kit_id)
    result, text = execute(world_ctx, cm, parse_command(command))
    rendered = valid(blocks.tool_blocks(result, names(world_ctx, cm), text))
    assert header(rendered) == title
    assert not any(i in header(rendered) for i in ("P-00", "OPP-0"))
    if command.startswith("match"):  # numbers are fields: one score per ranked partner
        scores = [f["text"] for b in rendered if b.get("fields") for f in b["fields"] if f["text"].startswith("*Score")]
        assert len(scores) == 3


def test_search_answer_has_quotes_and_sources_as_links(world_ctx, cm):
    found = invoke_tool(world_ctx, cm, "search_content", {"query": "deal registration"})
    plain = valid(results.search_blocks(found, names(world_ctx, cm)))
    assert "*Deal registration policy*" in json.dumps(plain) and "docs/view" not in json.dumps(plain)
    linked = valid(results.search_blocks(found, names(world_ctx, cm, "https://cosell.example.com/")))
    assert "<https://cosell.example.com/docs/view?doc_id=policies%2Fdeal-reg.md|Deal registration policy>" in json.dumps(
        linked
    )
    assert all(b["text"]["text"].startswith(">") for b in linked[1:] if b["type"] == "section")


def test_programme_tools_blocks_validate(world_ctx, cm):
    n = names(world_ctx, cm)
    reg = RegistrationOut(registration_id="R-1", partner_id="P-001", account_name="Acme " + LONG, status="approved",
                          submitted_on=dt.date(2026, 1, 2), days_left=12, age_days=40,
                          check=RegistrationCheck(verdict="clear", findings=["ok"]))
    profile = ProfileResult(
        partner_id="P-001", name="Alpine IT", topic="tier", tier="silver", next_tier="gold",
        next_tier_checks=[TierCheckOut(metric="won_revenue", minimum=1e6, value=4e5, met=False)] * 30,
        mdf_allocated=50000, mdf_spent=20000, mdf_left=30000, certified_total=7,
        deals=[DealOut(opportunity_id=f"OPP-{i}", name=f"Deal {i}", account_id="A-1", stage="proposal", amount=1e5,
                       days_left=i) for i in range(80)])
    cases = {
        "Alpine IT: tier": profile,
        "Partner attribution 2026-01-01 to 2026-03-31": AttributionResponse.model_validate({
            "from": "2026-01-01", "to": "2026-03-31", "currency": "USD", "unconverted": [],
            "totals": AttributionTotals(won_revenue=1e6, won_deals=10, sourced=4e5, influenced=2e5, fulfillment=1e5,
                                        direct=3e5, partner_share=0.7),
            "partners": [PartnerAttribution(partner_id=f"P-{i}", name=f"Partner {i}", sourced=1e4 * i, ropi=2.5)
                         for i in range(60)]}),
        "Partner portfolio": PortfolioResponse(
            partners=[PortfolioPartner(partner_id=f"P-{i}", name=f"Partner {i}", tier="gold", health=30,
                                       qualifies_for="silver", joined_on=None, first_win_on=None,
                                       days_to_first_win=None, at_risk=True, health_change_90d=-12, risk_reasons=[LONG])
                      for i in range(70)],
            at_risk=[f"P-{i}" for i in range(70)], as_of="2026-03-01",
            time_to_first_win=TimeToFirstWin(median_days=120, partners_without_win=3, by_cohort=[])),
        "MDF activities": MdfList(activities=[MdfActivityOut(activity_id=f"M-{i}", partner_id="P-001", name=LONG,
                                                             status="requested", requested_amount=5000)
                                              for i in range(40)]),
        "Deal registrations": RegistrationList(registrations=[reg] * 60),
        "Deal registration": reg,
        "Leads": LeadList(leads=[LeadOut(lead_id=f"L-{i}", company=f"Company {i}", status="assigned",
                                         partner_id="P-002", amount=1000) for i in range(30)]),
        "Partners for lead L-1": LeadRouting(lead_id="L-1", partners=[
            PartnerMatch(partner_id="P-001", name="Alpine IT", score=0.8, eligible=True, reasons=[LONG],
                         conflicts=[LONG])] * 30),
    }
    for title, result in cases.items():
        rendered = valid(blocks.tool_blocks(result, n))
        assert header(rendered) == title
    leads = blocks.tool_blocks(cases["Leads"], n)
    assert "Thames Data Partners" in json.dumps(leads)  # the assigned partner by name
    # the existing queues keep their Approve/Reject buttons, within the limits
    waiting = [reg.model_copy(update={"registration_id": f"R-{i}", "status": "submitted"}) for i in range(30)]
    queue = valid(programme.queue_blocks(waiting))
    assert {programme.APPROVE, programme.REJECT} <= set(buttons(queue))
    mdf_queue = valid(mdf_slack.queue_blocks(cases["MDF activities"].activities))  # M-0 ... M-39
    assert {mdf_slack.APPROVE, mdf_slack.REJECT} <= set(buttons(mdf_queue))


# --- answers: buttons for choices, a very long answer ------------------------------------------------


def test_which_deal_is_asked_with_buttons(world_ctx, cm):
    response = ask(world_ctx, cm, "partners for Acme", thread_id="slack:T1:C1:1.1:u-cm")
    assert len(response.candidates) == 2
    rendered = valid(blocks.answer_blocks(response, response.thread_id, "UCM", names=names(world_ctx, cm)))
    picks = {k: v for k, v in buttons(rendered).items() if k.startswith(results.PICK)}
    assert sorted(v.rsplit("|", 1)[1] for v in picks.values()) == ["OPP-001", "OPP-002"]
    assert all(v.startswith("slack:T1:C1:1.1:u-cm|") for v in picks.values())
    assert {blocks.FEEDBACK_UP, blocks.FEEDBACK_DOWN} <= set(buttons(rendered))  # feedback kept


def test_a_language_models_answer_is_kept_whole_above_the_results_blocks(world_ctx, cm):
    response = ask(world_ctx, cm, "which partners should we bring into the Acme renewal?", thread_id="t-llm")
    prose = "Alpine IT leads.\nSecond line of the model's answer."
    llm = response.model_copy(update={"answer": prose, "engine": "llm"})
    llm._results = response.results
    rendered = valid(blocks.answer_blocks(llm, "t-llm", "UCM", names=names(world_ctx, cm)))
    assert header(rendered) == "Partners for Acme Corporation - Lakehouse renewal"
    assert rendered[1]["text"]["text"] == prose and "*Score*" in json.dumps(rendered)


def test_a_draft_has_approve_and_reject_for_a_reviewer_only(world_ctx, cm):
    draft = DraftResponse(kit_id="k", partner_id="P-001", locale="de", resolved_locale="de", channel="email",
                          subject="Hallo", body=LONG, checks=[], passed=True, draft_id="D-1", status="pending")
    rendered = valid(results.draft_blocks(draft, names(world_ctx, cm)))
    assert buttons(rendered) == {results.DRAFT_APPROVE: "D-1", results.DRAFT_REJECT: "D-1"}
    assert "*Subject:* Hallo" in json.dumps(rendered) and "Preview" in json.dumps(rendered)
    failed = draft.model_copy(update={"passed": False})
    assert list(buttons(results.draft_blocks(failed, names(world_ctx, cm)))) == [results.DRAFT_REJECT]
    seller = scope_for_slack_user(world_ctx.store, "US1")
    assert buttons(results.draft_blocks(draft, names(world_ctx, seller))) == {}
    unsaved = draft.model_copy(update={"draft_id": None, "status": "unsaved"})
    assert buttons(results.draft_blocks(unsaved, names(world_ctx, cm))) == {}


def test_waiting_registrations_and_mdf_requests_get_decision_buttons_for_deciders(world_ctx, cm):
    check = RegistrationCheck(verdict="clear")
    regs = RegistrationList(registrations=[
        RegistrationOut(registration_id=f"R-{i}", partner_id="P-001", account_name="Acme", status=status,
                        submitted_on=dt.date(2026, 1, 2), check=check) for i, status in enumerate(("submitted", "approved"))])
    mdf = MdfList(activities=[MdfActivityOut(activity_id=f"M-{i}", partner_id="P-001", name="Webinar", status=status,
                                             requested_amount=5000) for i, status in enumerate(("requested", "paid"))])
    rendered = valid(results.registration_blocks(regs, names(world_ctx, cm)))
    assert buttons(rendered) == {programme.APPROVE: "R-0", programme.REJECT: "R-0"}  # the waiting one only
    assert buttons(valid(results.mdf_blocks(mdf, names(world_ctx, cm)))) == {mdf_slack.APPROVE: "M-0",
                                                                               mdf_slack.REJECT: "M-0"}
    seller = scope_for_slack_user(world_ctx.store, "US1")
    assert buttons(results.registration_blocks(regs, names(world_ctx, seller))) == {}
    assert buttons(results.mdf_blocks(mdf, names(world_ctx, seller))) == {}


def test_a_very_long_answer_is_cut_within_the_limits():
    response = AskResponse(
        answer=("A line of the answer that goes on. " * 40 + "\n") * 120,  # ~170,000 characters
        thread_id="t" * 300,
        citations=[Citation(doc_id=f"d{i}", title="T" * 400, source="s" * 400) for i in range(40)],
        tools=[ToolUse(name="search_content", arguments={"query": LONG})],
        notes=[LONG] * 15,
        candidates=[Candidate(id=f"OPP-{i}", label="L" * 200) for i in range(40)],
        withheld=True,
    )
    rendered = valid(blocks.answer_blocks(response, response.thread_id, "UCM", in_channel=True))
    assert len(rendered) == limits.MAX_BLOCKS
    assert rendered[-1]["block_id"] == "cosell_feedback"  # kept when the middle is cut
    assert rendered[-2]["elements"][0]["text"] == limits.MORE
    texts = [b["text"]["text"] for b in rendered if b["type"] == "section"]
    assert all(len(t) <= limits.SECTION_TEXT for t in texts)
    one = valid(limits.fit([results.header("H" * 400), results.section("x" * 5000),
                            results.fields([("k", "v" * 3000)] * 14)]))
    assert one[0]["text"]["text"].endswith("…") and len(one[0]["text"]["text"]) == limits.HEADER_TEXT
    assert len(one[2]["fields"]) == limits.FIELDS and one[-1]["elements"][0]["text"] == limits.MORE


def test_the_validator_finds_broken_blocks():
    broken = [results.header("h" * 151), results.section("x" * 3001),
              {"type": "section", "fields": [{"type": "mrkdwn", "text": "f"}] * 11},
              {"type": "context", "elements": [{"type": "mrkdwn", "text": "c"}] * 11},
              {"type": "actions", "elements": [results.button("b" * 76, "a" * 256, "v" * 2001)]}]
    assert len(limits.problems(broken)) == 7  # header, section, fields, context, button text/id/value
    assert limits.problems([results.header("ok")] * 51) == ["51 blocks (max 50)"]
    assert limits.problems([{**results.section("a"), "block_id": "x"}] * 2) == ["repeated block_id in one message"]


# --- through Slack: commands, buttons, shared channels -----------------------------------------------

MEMBERS = {"CCONNECT": ["UCM", "UBOT", "US1", "UEXT"], "CINTERNAL": ["UCM", "UADMIN", "UBOT"]}
USERS = {"UEXT": {"id": "UEXT", "team_id": "T2", "profile": {"email": "someone@partner.example"}}}


@pytest.fixture()
def slack():
    with FakeSlack(members=MEMBERS, users=USERS) as fake:
        yield fake


@pytest.fixture()
def slack_client(world_ctx, fake_tools, slack, monkeypatch):
    reviewed = []

    def review_draft(ctx, scope, draft_id, decision, comment):
        scope.require("review_drafts")
        reviewed.append((scope.user_id, draft_id, decision, comment))
        return DraftResponse(kit_id="k", partner_id="P-001", locale="de", resolved_locale="de", channel="email",
                             subject="s", body="b", checks=[], passed=True, draft_id=draft_id, status="pending")

    monkeypatch.setattr(slack_app, "review_draft", review_draft)
    with slack_world.slack_app(world_ctx, slack, public_url="https://cosell.example.com") as (client, _):
        client.reviewed = reviewed
        yield client


def post_form(client, payload: dict | None = None, **form: str):
    response = slack_world.post_form(client, interaction(payload) if payload else urlencode(form))
    assert response.status_code == 200
    return response


def click(client, slack, user: str, action_id: str, value: str, name: str) -> None:
    post_form(client, {
        "type": "block_actions", "team": {"id": "T1"}, "user": {"id": user}, "api_app_id": "A1",
        "channel": {"id": "C1"}, "message": {"ts": "1700000000.000200"}, "container": {"type": "message"},
        "trigger_id": "1", "response_url": slack.response_url(name),
        "actions": [{"action_id": action_id, "block_id": "b", "value": value, "type": "button"}]})


def test_slash_nba_is_titled_with_the_partners_name(slack_client, slack):
    post_form(slack_client, command="/cosell", text="nba --partner P-001", user_id="UCM", team_id="T1",
              channel_id="C1", response_url=slack.response_url("nba"), trigger_id="1")
    reply = slack.wait_for("response_url")[0]["body"]
    assert reply["response_type"] == "ephemeral"
    rendered = valid(reply["blocks"])
    assert header(rendered) == "Next best actions: Alpine IT"
    assert "<https://cosell.example.com/docs/view?doc_id=policies%2Fdeal-reg.md|" in json.dumps(rendered)


def test_picking_a_deal_answers_in_the_same_conversation(slack_client, slack, world_ctx):
    post_event(slack_client, event("<@UBOT> partners for Acme", channel="CINTERNAL", event_id="EvPick"))
    posted = slack.wait_for("chat.postMessage")[0]["body"]
    picks = {v.rsplit("|", 1)[1]: (k, v) for k, v in buttons(valid(posted["blocks"])).items()
             if k.startswith(results.PICK)}
    action_id, value = picks["OPP-001"]
    click(slack_client, slack, "US1", action_id, value, "stranger")  # someone else's conversation: refused
    assert "Sorry" in slack.wait_for("response_url")[0]["body"]["text"]
    click(slack_client, slack, "UCM", action_id, value, "pick")
    reply = slack.wait_for("response_url", 2)[1]["body"]
    assert reply["response_type"] == "ephemeral"
    assert header(valid(reply["blocks"])) == "Partners for Acme Corporation - Lakehouse renewal"


def test_draft_buttons_approve_and_reject_as_the_clicking_user(slack_client, slack):
    click(slack_client, slack, "UCM", results.DRAFT_APPROVE, "D-7", "approve")
    assert "D-7" in slack.wait_for("response_url")[0]["body"]["text"]
    click(slack_client, slack, "US1", results.DRAFT_REJECT, "D-7", "seller")  # a seller may not review
    assert "Sorry" in slack.wait_for("response_url", 2)[1]["body"]["text"]
    assert slack_client.reviewed == [("u-cm", "D-7", "approved", None)]


def test_shared_channel_gets_a_note_and_the_asker_the_blocks(slack_client, slack):
    question = "<@UBOT> Which partners should we bring into the Acme renewal?"
    post_event(slack_client, event(question, channel="CCONNECT", event_id="EvShared"))
    private = slack.wait_for("chat.postEphemeral")[0]["body"]
    thread = slack.wait_for("chat.postMessage")[0]["body"]
    assert private["user"] == "UCM" and private["thread_ts"] == thread["thread_ts"] == "1700000000.000100"
    assert header(valid(private["blocks"])) == "Partners for Acme Corporation - Lakehouse renewal"
    assert "Alpine IT" in json.dumps(private["blocks"])
    # the thread: one line, no name, no deal, no buttons but nothing else
    note = valid(thread["blocks"])
    assert len(note) == 1 and "privately" in thread["text"] and thread["text"].count("\n") == 0
    assert "Alpine IT" not in json.dumps(thread) and "Acme" not in json.dumps(thread)
    time.sleep(0.3)
    assert len(slack.of("chat.postMessage")) == 1


def test_socket_mode_warms_the_content_and_names(world_ctx, fake_tools, monkeypatch):
    assert set(slack_app.warm(world_ctx)) == {"content", "language"}  # never ingested: no record steps
    monkeypatch.setattr(type(world_ctx), "records_version", lambda self: "v1")
    done = slack_app.warm(world_ctx)
    assert done["content"] == done["language"] == done["name_catalogues"] == "ok"
    assert {"vendor_baselines", "match_engine", "account_mapping"} <= set(done)  # best effort: ok or failed
