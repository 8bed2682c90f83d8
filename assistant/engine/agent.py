"""One assistant turn: understand -> call tools -> answer with sources. The service behind `cosell ask`,
`POST /v1/ask`, Slack mentions and the web page.

Two engines behind one interface: the deterministic engine (default; `assistant.engine.router` picks the
tool, `assistant.engine.resolver` turns names into ids, `assistant.engine.answers` writes the answer) and, when
`COSELL_LLM_BASE_URL` is set, the LLM engine (`assistant.engine.llm_agent`), which falls back to the
deterministic one on any failure and says so. Tools always run with the asker's scope.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError

from assistant.engine.context import AppContext
from assistant.core.errors import BadInput, CosellError, Forbidden
from assistant.engine.threads import Candidate, ConversationThread, load_thread, save_thread
from retrieval.scope import Scope

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 4000
Emit = Callable[[str, dict], None]


class Citation(BaseModel):
    doc_id: str
    title: str
    source: str = ""
    snippet: str = ""


class ToolUse(BaseModel):
    name: str
    arguments: dict[str, Any] = Field(default_factory=dict)


class AskResponse(BaseModel):
    answer: str
    citations: list[Citation] = Field(default_factory=list)
    tools: list[ToolUse] = Field(default_factory=list)
    thread_id: str
    engine: Literal["deterministic", "llm"] = "deterministic"
    withheld: bool = Field(False, description="Something was not shown because the asker may not see it.")
    notes: list[str] = Field(default_factory=list)
    candidates: list[Candidate] = Field(
        default_factory=list, description="Choices when the question was ambiguous."
    )
    intent: str | None = None


@dataclass
class Turn:
    """What one turn gathered: the tools it called, the sources it may cite, what it withheld."""

    ctx: AppContext
    scope: Scope
    question: str
    thread: ConversationThread
    emit: Emit | None = None
    tools: list[ToolUse] = field(default_factory=list)
    citations: list[dict] = field(default_factory=list)
    withheld: bool = False
    notes: list[str] = field(default_factory=list)

    def record(self, name: str, arguments: dict[str, Any]) -> None:
        clean = {k: v for k, v in arguments.items() if v is not None}
        self.tools.append(ToolUse(name=name, arguments=clean))
        if self.emit:
            self.emit("tool", {"name": name, "arguments": clean})

    def call(self, name: str, arguments: dict[str, Any]) -> dict:
        self.record(name, arguments)
        return invoke_tool(self.ctx, self.scope, name, arguments)

    def cite(self, citations: list[dict]) -> None:
        known = {c["doc_id"] for c in self.citations}
        for c in citations:
            if c.get("doc_id") and c["doc_id"] not in known:
                known.add(c["doc_id"])
                self.citations.append(c)

    def response(
        self,
        answer: str,
        engine: str = "deterministic",
        intent: str | None = None,
        candidates: list[Candidate] | None = None,
    ) -> AskResponse:
        return AskResponse(
            answer=answer,
            citations=[Citation(**_citation_fields(c)) for c in self.citations],
            tools=self.tools,
            thread_id=self.thread.thread_id,
            engine=engine,
            withheld=self.withheld,
            notes=self.notes,
            candidates=candidates or [],
            intent=intent,
        )


def _citation_fields(c: dict) -> dict:
    return {
        "doc_id": str(c["doc_id"]),
        "title": str(c.get("title") or c["doc_id"]),
        "source": str(c.get("source") or ""),
        "snippet": str(c.get("snippet") or c.get("text") or "")[:600],
    }


def invoke_tool(ctx: AppContext, scope: Scope, name: str, arguments: dict[str, Any]) -> dict:
    """Run a registered tool with the asker's scope; its result as the CLI's JSON (a dict)."""
    from tools.registry import get_tool

    try:
        spec = get_tool(name)
    except KeyError:
        raise BadInput(f"unknown tool '{name}'") from None
    fields = spec.args.model_fields
    try:
        args = spec.args.model_validate({k: v for k, v in arguments.items() if k in fields and v is not None})
    except ValidationError as exc:
        raise BadInput(f"bad arguments for {name}: {exc.errors()[0].get('msg')}") from None
    result = spec.func(ctx, scope, args)
    return result.model_dump(mode="json") if isinstance(result, BaseModel) else dict(result)


# --- the service ---------------------------------------------------------------------------------


def ask(
    ctx: AppContext,
    scope: Scope,
    question: str,
    thread_id: str | None = None,
    stream: bool = False,
    emit: Emit | None = None,
) -> AskResponse | Iterator[tuple[str, dict]]:
    """Answer `question` for `scope`, continuing `thread_id` if given.

    With `stream=True`, returns an iterator of `(event, data)`: a `tool` event per tool call, then one
    `answer` event (the AskResponse as JSON), or an `error` event ({"error": {"code", "message"}}).
    """
    if stream:
        return _stream(ctx, scope, question, thread_id)
    question = (question or "").strip()
    if not question:
        raise BadInput("the question is empty")
    if len(question) > MAX_QUESTION_CHARS:
        raise BadInput(f"the question is longer than {MAX_QUESTION_CHARS} characters")
    thread = load_thread(ctx, scope, thread_id)
    response = _answer(ctx, scope, question, thread, emit)
    thread.add("user", question)
    thread.add(
        "assistant", response.answer, tools=[t.model_dump() for t in response.tools], engine=response.engine
    )
    save_thread(ctx, thread)
    return response


def _answer(
    ctx: AppContext, scope: Scope, question: str, thread: ConversationThread, emit: Emit | None
) -> AskResponse:
    if ctx.settings.llm_enabled:
        from assistant.engine.llm_agent import run_llm_turn

        try:
            return run_llm_turn(Turn(ctx, scope, question, thread, emit))
        except CosellError:
            raise
        # any failure of the model: the built-in engine answers, and says so
        except Exception as exc:  # noqa: BLE001
            log.warning("LLM engine failed, falling back to the deterministic engine: %r", exc)
            response = deterministic_turn(Turn(ctx, scope, question, thread, emit))
            note = (
                f"The language model was unavailable ({type(exc).__name__}); answered by the built-in engine."
            )
            response.notes.append(note)
            response.answer = f"{response.answer}\n\n({note})"
            return response
    return deterministic_turn(Turn(ctx, scope, question, thread, emit))


def _stream(
    ctx: AppContext, scope: Scope, question: str, thread_id: str | None
) -> Iterator[tuple[str, dict]]:
    """Run the turn in a worker thread; yield its tool events as they happen, then the answer."""
    events: queue.Queue = queue.Queue()
    done = object()

    def work() -> None:
        try:
            response = ask(ctx, scope, question, thread_id, emit=lambda e, d: events.put((e, d)))
            events.put(("answer", response.model_dump(mode="json")))
        except CosellError as exc:
            events.put(("error", exc.to_json()))
        except Exception as exc:  # a bug: logged with its traceback, a short message to the client
            log.exception("ask failed")
            events.put(("error", {"error": {"code": "internal", "message": f"internal error: {exc}"}}))
        finally:
            events.put(done)

    threading.Thread(target=work, name="ask-stream", daemon=True).start()
    while (item := events.get()) is not done:
        yield item


def deterministic_turn(turn: Turn) -> AskResponse:
    from assistant.engine.deterministic import run_deterministic

    return run_deterministic(turn)


def forbidden_message(scope: Scope, exc: Forbidden | None = None, intent: str | None = None) -> str:
    """A polite refusal that names what the asker may not do, never what is behind it."""
    what = {
        "match": "rank partners for deals (partner matching is for the vendor's channel team)",
        "map": "see account mapping",
        "nba": "see next best actions",
        "draft": "create drafts",
    }.get(intent or "", "see that")
    if exc is not None and intent is None:
        return f"Sorry, you may not see that: {exc.message}."
    return f"Sorry, as a {scope.role.replace('_', ' ')} you may not {what}, so I did not look it up."
