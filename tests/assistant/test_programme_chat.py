"""Chat routes the programme's workflows: register a deal, the registration queue, route a lead."""
from __future__ import annotations

import pytest

from assistant.core.config import Settings
from assistant.engine.agent import ask
from assistant.engine.context import AppContext
from assistant.engine.programme import QUEUE_RE, REGISTER_RE, ROUTE_RE
from retrieval.ingest import replace_records
from retrieval.scope import scope_for_user
from tests.tools.programme_world import TODAY, write_world


@pytest.fixture()
def ctx(tmp_path):
    from connectors.csv_folder import read_import_folder

    context = AppContext(Settings(home=tmp_path / "home", today=TODAY))
    replace_records(context, read_import_folder(write_world(tmp_path / "in")))
    yield context
    context.close()


def test_patterns_are_small_and_leave_content_questions_alone():
    assert REGISTER_RE.search("Register a deal for Kronos Kliniken for Governance")
    assert REGISTER_RE.search("please submit a registration at Acme Corp")
    assert not REGISTER_RE.search("how do I register a deal?")
    assert QUEUE_RE.search("which registrations are waiting?")
    assert QUEUE_RE.search("Show me the registrations pending approval")
    assert not QUEUE_RE.search("how long do pending registrations take to approve?")
    assert not QUEUE_RE.search("what happens when a registration is pending for 30 days?")
    assert ROUTE_RE.search("route this lead L-1 please") and ROUTE_RE.search("which partner for lead LD-2026-7?")


def test_chat_register_queue_and_route(ctx):
    seller, cm = scope_for_user(ctx.store, "u-ps1"), scope_for_user(ctx.store, "u-cm")
    done = ask(ctx, seller, "Register a deal for Kronos Kliniken for Governance")
    assert done.tools[0].name == "submit_registration" and "Submitted registration R-0001" in done.answer
    assert done.tools[0].arguments["products"] == ["Governance"] and "None" not in done.answer
    other = ask(ctx, scope_for_user(ctx.store, "u-ps2"), "register a deal for Kronos Kliniken GmbH")
    assert "conflict" in other.answer and "Alpine" not in other.answer and "P-1" not in other.answer
    queue = ask(ctx, cm, "Which registrations are waiting?")
    assert queue.tools[0].name == "list_registrations" and "R-0001" in queue.answer and "R-0002" in queue.answer
    assert "R-0002" not in ask(ctx, seller, "which registrations are waiting?").answer  # their own only
    routed = ask(ctx, cm, "route lead L-1")
    assert routed.tools[0].name == "route_lead" and "P-1" in routed.answer
    refused = ask(ctx, seller, "route lead L-1")
    assert "could not" in refused.answer and "Rhein" not in refused.answer
