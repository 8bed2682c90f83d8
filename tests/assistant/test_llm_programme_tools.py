"""With an LLM, the model is offered every registered tool (the programme's too), each run with the asker's
scope; the programme's workflow commands are answered by the same deterministic handlers as without one."""

from __future__ import annotations

import json

import pytest

from assistant.engine.agent import ask
from assistant.engine.context import AppContext
from retrieval.scope import scope_for_user
from tests.assistant import world
from tests.fakes.openai_server import FakeOpenAI, text, tool_call


@pytest.fixture()
def llm():
    with FakeOpenAI() as fake:
        yield fake


@pytest.fixture()
def llm_ctx(world_ctx, llm):
    settings = world.settings_with(world_ctx, llm_base_url=llm.base_url, llm_api_key="x", llm_max_retries=0,
                                   llm_timeout_s=5)
    ctx = AppContext(settings)
    yield ctx
    ctx.close()


def _tool_output(request: dict) -> dict:
    return json.loads(request["body"]["messages"][-1]["content"])


def test_programme_tools_are_offered_and_run_with_the_askers_scope(llm_ctx, llm):
    llm.enqueue(tool_call("programme_portfolio", {}), text("Two partners need attention."))
    response = ask(llm_ctx, scope_for_user(llm_ctx.store, "u-cm"), "Which partners are at risk?")
    offered = {t["function"]["name"] for t in llm.requests[0]["body"]["tools"]}
    assert {"programme_portfolio", "programme_attribution", "mdf_roi", "partner_profile"} <= offered
    assert response.engine == "llm" and [t.name for t in response.tools] == ["programme_portfolio"]
    assert response.intent == "programme_portfolio"
    assert "partners" in _tool_output(llm.requests[1])


def test_a_partner_seller_gets_an_error_not_the_portfolio(llm_ctx, llm):
    llm.enqueue(tool_call("programme_portfolio", {}), text("I cannot show that."))
    response = ask(llm_ctx, scope_for_user(llm_ctx.store, "u-ps1"), "Which partners are at risk?")
    output = _tool_output(llm.requests[1])
    assert set(output) == {"error"} and "P-002" not in json.dumps(output)
    assert response.withheld


def test_workflow_commands_do_not_go_to_the_model(llm_ctx, llm):
    response = ask(llm_ctx, scope_for_user(llm_ctx.store, "u-cm"), "Which registrations are waiting?")
    assert llm.requests == [] and response.engine == "deterministic"
    assert [t.name for t in response.tools] == ["list_registrations"]
