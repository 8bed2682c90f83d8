"""Slack: `/cosell register` opens a modal, its signed submission registers the deal; the queue
(`/cosell registrations`) carries Approve/Reject buttons, decided as the clicking user."""
from __future__ import annotations

import json

import pytest

from retrieval.programme_records import Registration
from tests.assistant import slack_world
from tests.assistant.slack_world import button, command_body, message_shortcut, post_form, signed, slack_app
from tests.fakes.slack_api import FakeSlack


@pytest.fixture()
def slack():
    with FakeSlack() as fake:
        yield fake


@pytest.fixture()
def client(world_ctx, slack):
    with slack_app(world_ctx, slack, warm_up=False) as client:
        yield client


def submission(user: str, **values: str) -> str:
    return slack_world.submission("cosell_register", user, **values)


def opened_modal(slack, count: int = 1) -> dict:
    view = slack.wait_for("views.open", count=count)[count - 1]["body"]["view"]
    return view if isinstance(view, dict) else json.loads(view)


def initial_values(modal: dict) -> dict[str, str]:
    return {b["block_id"]: b["element"].get("initial_value", "") for b in modal["blocks"] if b["type"] == "input"}


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
    # the queue, with buttons; a partner seller's click does nothing, the channel manager's approves
    slack_world.approve_from_queue(http, slack, "registrations", "R-0001", "cosell_reg_approve", "cosell_reg_reject")
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


SELLER_MESSAGE = ("Great call with the <https://www.initech.de|Initech> team &amp; <@UOTHER>: they want a "
                  "*Lakehouse* pilot before Q3. Contact: <mailto:cto@initech.de|cto@initech.de>")


def test_message_shortcut_drafts_the_register_modal_and_submits_with_the_check(client, slack):
    """A partner seller runs "Register this deal" on a message: the register modal opens drafted from it
    (their deal's account found by name and domain, the product, the message as notes); submitting it stores
    the registration with the check's findings and the notes."""
    http, ctx = client
    assert post_form(http, message_shortcut("US1", SELLER_MESSAGE, slack.response_url("s"))).status_code == 200
    opened = slack.wait_for("views.open")[0]["body"]
    assert opened["trigger_id"] == "1.2.5"
    modal = opened_modal(slack)
    assert modal["callback_id"] == "cosell_register"  # the same modal as /cosell register
    values = initial_values(modal)
    assert "partner" not in values  # a seller registers for their own partner
    assert values["account"] == "Initech GmbH" and values["domain"] == "initech.de" and values["country"] == "DE"
    assert values["products"] == "Lakehouse"
    assert values["notes"].startswith("Great call with the Initech team & : they want a *Lakehouse* pilot")
    assert "cto@initech.de" in values["notes"] and "<" not in values["notes"]
    assert next(b for b in modal["blocks"] if b.get("block_id") == "notes")["element"]["multiline"] is True
    note = modal["blocks"][0]["elements"][0]["text"]
    assert "Initech GmbH" in note and "Lakehouse" in note
    done = post_form(http, submission("US1", **values))
    assert done.status_code == 200
    assert "R-0001 for Initech GmbH" in slack.wait_for("chat.postMessage")[0]["body"]["text"]
    with ctx.store.session() as s:
        reg = s.get(Registration, "R-0001")
        assert (reg.partner_id, reg.account_id, reg.submitted_by) == ("P-001", "A-003", "u-ps1")
        assert reg.products == ["Lakehouse"] and reg.attributes["notes"] == values["notes"]
        assert reg.check["verdict"] in ("clear", "duplicate", "conflict")
        assert any("Initech GmbH (A-003)" in f for f in reg.check["findings"])


def test_message_shortcut_for_a_channel_manager_names_partner_and_our_account(client, slack):
    """A channel manager's draft takes the partner the message names (its name is not read as the account)
    and our account with its country; the partner field is shown, filled."""
    http, _ctx = client
    text = "Thames Data Partners is working Globex Corp, governance and lakehouse"
    post_form(http, message_shortcut("UCM", text, slack.response_url("s")))
    values = initial_values(opened_modal(slack))
    assert values["partner"] == "P-002" and values["account"] == "Globex Corporation" and values["country"] == "GB"
    assert values["products"] == "Lakehouse"  # the vocabulary is the partners' competencies


def test_message_shortcut_drafts_only_from_what_the_seller_may_see(client, slack):
    """Another partner's account is never put in a seller's draft: the account stays empty."""
    http, _ctx = client
    post_form(http, message_shortcut("US1", "Redwood Bank wants a Lakehouse", slack.response_url("s")))
    values = initial_values(opened_modal(slack))
    assert values["account"] == "" and values["country"] == "" and values["products"] == "Lakehouse"


@pytest.mark.parametrize(("user", "says"), [("UNKNOWN9", "not mapped to a user in users.csv"), ("UMKT", "may not")])
def test_message_shortcut_refused_privately_without_a_modal(client, slack, user, says):
    """A Slack user not in users.csv, or one who may not register deals, gets the reason privately."""
    http, ctx = client
    assert post_form(http, message_shortcut(user, SELLER_MESSAGE, slack.response_url("s"))).status_code == 200
    answer = slack.wait_for("response_url")[0]["body"]
    assert says in answer["text"] and answer["response_type"] == "ephemeral"
    assert slack.of("views.open") == []
    with ctx.store.session() as s:
        assert s.query(Registration).count() == 0


def test_forged_shortcut_and_submission_are_refused(client, slack):
    """A shortcut or a submission not signed with the app's secret: 401, no modal, nothing written."""
    http, ctx = client
    for body in (message_shortcut("US1", SELLER_MESSAGE, slack.response_url("f")),
                 submission("US1", account="Initech GmbH", products="Lakehouse", notes="forged")):
        headers = {"Content-Type": "application/x-www-form-urlencoded", **signed(body, secret="not-the-app")}
        assert http.post("/slack/events", content=body, headers=headers).status_code == 401
    assert slack.of("views.open") == [] and slack.of("chat.postMessage") == []
    with ctx.store.session() as s:
        assert s.query(Registration).count() == 0
