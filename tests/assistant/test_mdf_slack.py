"""Slack: `/cosell mdf` opens the MDF request modal, its signed submission requests the funds (within the
partner's quarterly budget, errors shown under the field); `/cosell mdf queue` carries Approve/Reject
buttons, decided as the clicking user."""
from __future__ import annotations

import json

import pytest

from retrieval import records as R
from retrieval.programme_records import MdfActivityRow
from tests.assistant import slack_world
from tests.assistant.slack_world import command_body, post_form, slack_app
from tests.fakes.slack_api import FakeSlack


@pytest.fixture()
def slack():
    with FakeSlack() as fake:
        yield fake


@pytest.fixture()
def client(world_ctx, slack):
    with world_ctx.store.session() as s:  # 2026-Q1: 3 x 5,000 for P-001
        s.add_all(R.PartnerActivity(partner_id="P-001", month=f"2026-0{m}", mdf_allocated=5000.0) for m in (1, 2, 3))
    with slack_app(world_ctx, slack, warm_up=False) as client:
        yield client


def submission(user: str, **values: str) -> str:
    return slack_world.submission("cosell_mdf_request", user, **values)


def test_mdf_modal_queue_and_buttons(client, slack):
    http, ctx = client
    assert post_form(http, command_body("mdf", "US1", slack.response_url("r"))).status_code == 200
    view = slack.wait_for("views.open")[0]["body"]
    modal = view["view"] if isinstance(view["view"], dict) else json.loads(view["view"])
    assert modal["callback_id"] == "cosell_mdf_request"
    assert "partner" not in [b["block_id"] for b in modal["blocks"]]  # a seller requests for their own partner
    # over the budget, a bad amount, a bad date: said under the field, nothing stored
    over = post_form(http, submission("US1", name="Big show", amount="20000", start="2026-03-20")).json()
    assert over["response_action"] == "errors" and "2026-Q1" in over["errors"]["amount"]
    bad = post_form(http, submission("US1", name="Show", amount="lots", start="soon")).json()
    assert set(bad["errors"]) == {"amount", "start"}
    done = post_form(http, submission("US1", name="Roadshow", amount="6,000", kind="event", start="2026-03-20"))
    assert done.status_code == 200
    message = slack.wait_for("chat.postMessage")[0]["body"]
    assert message["channel"] == "US1" and "MDF requested: M-0001 Roadshow" in message["text"]
    with ctx.store.session() as s:
        row = s.get(MdfActivityRow, "M-0001")
        assert (row.partner_id, row.requested_amount, row.status) == ("P-001", 6000, "requested")
        assert s.query(MdfActivityRow).count() == 1
    # the queue, with buttons; a partner seller's click does nothing, the channel manager's approves
    slack_world.approve_from_queue(http, slack, "mdf queue", "M-0001", "cosell_mdf_approve", "cosell_mdf_reject")
    with ctx.store.session() as s:
        assert s.get(MdfActivityRow, "M-0001").status == "approved"
