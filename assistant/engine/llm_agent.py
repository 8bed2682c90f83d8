"""The LLM engine: a tool-calling loop over the registry's tools with LangChain's ChatOpenAI.

The model chooses tools and writes the answer; it never gets more than the asker could: every tool
runs with the asker's scope, names are resolved by a scoped `find_records` tool, and citations are
taken from the tool results actually returned, never from the model's text. History and tool outputs
are trimmed to `settings.llm_context_tokens`. Any failure raises, and `assistant.engine.agent` falls back to
the deterministic engine.
"""

from __future__ import annotations

import logging
from typing import Any

from pydantic import BaseModel, Field

from assistant.core.errors import CosellError, Forbidden
from assistant.core.llm import (
    ANSWER_RESERVE_TOKENS,
    LLMUnavailable,
    chat_model,
    count_tokens,
    dumps_for_model,
    load_prompt,
    trim_history,
)
from assistant.engine import answers, router
from assistant.engine.resolver import Resolver
from assistant.engine.turn import AskResponse, Turn, content_citations, forbidden_message
from tools.account_mapping.service import MappingResponse
from tools.next_best_action.service import NbaResponse
from tools.registry import all_tools
from tools.search.service import SearchToolResult

log = logging.getLogger(__name__)

MAX_ROUNDS = 5  # tool-calling rounds before we give up (and fall back)
FIND_RECORDS = "find_records"
TOOL_INTENT = {tool: intent for intent, tool in router.INTENT_TOOL.items()}


class FindRecordsArgs(BaseModel):
    name: str = Field(..., description="A partner, account, deal or campaign-kit name as the user wrote it.")


def tool_schemas() -> list[dict[str, Any]]:
    """OpenAI tool definitions: the registry's tools (schema from the args model, description from the
    docstring) plus `find_records`."""

    specs = list(all_tools().values())  # every registered tool: the services check the asker's scope
    schemas = [
        {
            "type": "function",
            "function": {"name": s.name, "description": s.description, "parameters": s.json_schema()},
        }
        for s in specs
    ]
    schemas.append(
        {
            "type": "function",
            "function": {
                "name": FIND_RECORDS,
                "description": "Find the ids of partners, accounts, deals (opportunities) and campaign kits "
                "by name, "
                "among the records the user may see.",
                "parameters": FindRecordsArgs.model_json_schema(),
            },
        }
    )
    return schemas


def system_prompt(turn: Turn) -> str:
    scope = turn.scope
    partner = f", works for partner {scope.partner_id}" if scope.partner_id else ""
    values = {
        "{vendor}": str(turn.ctx.vendor().get("name") or "the vendor"),
        "{user}": scope.name or scope.user_id,
        "{role}": scope.role,
        "{partner}": partner,
        "{today}": turn.ctx.today().isoformat(),
    }
    text = load_prompt("assistant_system")
    for key, value in values.items():
        text = text.replace(key, value)
    return text


class LlmEngine:
    """Tool calling through any OpenAI-compatible model; tools run with the asker's scope."""

    name = "llm"

    def answer(self, turn: Turn) -> AskResponse:
        return run_llm_turn(turn)


def run_llm_turn(turn: Turn) -> AskResponse:
    from langchain_core.messages import AIMessage, HumanMessage, SystemMessage, ToolMessage

    settings = turn.ctx.settings
    model = chat_model(settings).with_tools(tool_schemas())
    system = system_prompt(turn)
    window = settings.llm_context_tokens - ANSWER_RESERVE_TOKENS
    history = trim_history(turn.thread.history(), max(0, (window - count_tokens(system)) // 3))
    messages: list[Any] = [SystemMessage(system)]
    messages += [
        HumanMessage(m["content"]) if m["role"] == "user" else AIMessage(m["content"]) for m in history
    ]
    messages.append(HumanMessage(turn.question))
    intent = None
    for _ in range(MAX_ROUNDS):
        reply = model.invoke(messages)
        messages.append(reply)
        if not reply.tool_calls:
            answer = _text(reply.content)
            if not answer:
                raise LLMUnavailable("the model returned an empty answer")
            return turn.response(answer, engine="llm", intent=intent)
        used = sum(count_tokens(_text(m.content)) for m in messages)
        budget = max(128, (window - used) // (2 * len(reply.tool_calls)))
        for call in reply.tool_calls:
            intent = intent or TOOL_INTENT.get(call["name"], call["name"] if call["name"] in all_tools() else None)
            output = execute_call(turn, call["name"], call.get("args") or {})
            messages.append(ToolMessage(content=dumps_for_model(as_json(output), budget), tool_call_id=call["id"]))
    raise LLMUnavailable(f"no answer after {MAX_ROUNDS} tool rounds")


def _text(content: Any) -> str:
    if isinstance(content, str):
        return content.strip()
    parts = [p.get("text", "") if isinstance(p, dict) else str(p) for p in content or []]
    return "".join(parts).strip()


def as_json(output: BaseModel | dict) -> dict:
    """The one place a tool result becomes JSON in this engine: the tool message the model reads."""
    return output.model_dump(mode="json") if isinstance(output, BaseModel) else output


def execute_call(turn: Turn, name: str, arguments: dict[str, Any]) -> BaseModel | dict:
    """Run one tool call for the model, with the asker's scope: the tool's result (its model), or a dict
    for `find_records` and for errors, which go back to the model as data."""
    if name == FIND_RECORDS:
        return find_records(turn, str(arguments.get("name", "")))
    if name not in all_tools():
        return {"error": f"unknown tool '{name}'"}
    intent = TOOL_INTENT.get(name, name)
    capability = router.INTENT_CAPABILITY.get(intent)
    if capability and not turn.scope.can(capability):
        turn.withheld = True
        return {"error": forbidden_message(turn.scope, intent=intent)}
    try:
        data = turn.call(name, arguments)
    except Forbidden as exc:
        turn.withheld = True
        return {"error": f"forbidden: {exc.message}"}
    except CosellError as exc:
        return {"error": exc.message}
    _collect_citations(turn, data)
    return data


def _collect_citations(turn: Turn, data: BaseModel) -> None:
    if isinstance(data, SearchToolResult):  # the extractive answer's sources first, then the passages returned
        turn.cite(answers.citations_from_answer(data.citations))
        turn.cite(answers.citations_from_search(data.results))
    elif isinstance(data, NbaResponse):
        turn.cite(content_citations(turn, [c for a in data.actions for c in a.content]))
    elif isinstance(data, MappingResponse) and data.summary and not data.overlaps:
        turn.withheld = True  # counts only: the rows are withheld by the sharing settings


def find_records(turn: Turn, name: str) -> dict:
    """Scoped name lookup for the model (the same resolver as the deterministic engine)."""
    resolver = Resolver(turn.ctx, turn.scope)
    mentions = resolver.find(name)
    found = [{"kind": e.kind, "id": e.id, "name": e.label} for e in mentions.entities[:8]]
    deals = resolver.deals_for(mentions) if mentions.of("account") else []
    found += [{"kind": "opportunity", "id": d, "name": resolver.deal_label(d)} for d in deals[:5]]
    if not found:
        return {"found": [], "note": "nothing by that name among the records this user may see"}
    return {"found": found}
