"""What both engines share: the turn (tools called, sources cited, what was withheld), the response
model, how a tool is invoked with the asker's scope, the refusal wording, and the `Engine` interface.

The engines (`deterministic`, `llm_agent`) import this module, never each other or the service
(`agent`), which tries them in order.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from pydantic import BaseModel, Field, ValidationError

from assistant.core.errors import BadInput, Forbidden
from assistant.engine.context import AppContext
from assistant.engine.messages import answer_language
from assistant.engine.threads import Candidate, ConversationThread
from retrieval.records import Document
from retrieval.scope import Scope
from tools.registry import get_tool

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
    _lang: str | None = None
    choices: list[Candidate] = field(default_factory=list)  # deals this answer listed, for "the second one"

    @property
    def lang(self) -> str:
        """The language of the answer's fixed sentences (`assistant.engine.messages.answer_language`)."""
        if self._lang is None:
            self._lang = answer_language(self.question, self.scope.locale)
        return self._lang

    def record(self, name: str, arguments: dict[str, Any]) -> None:
        """Note a tool call with the arguments it really takes: a key the tool ignores (e.g. forged by a
        model) is not shown as used."""
        try:
            fields = get_tool(name).args.model_fields
        except KeyError:
            fields = None
        clean = {k: v for k, v in arguments.items() if v is not None and (fields is None or k in fields)}
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


def forbidden_message(scope: Scope, exc: Forbidden | None = None, intent: str | None = None) -> str:
    """A polite refusal that names what the asker may not do, never what is behind it."""
    what = {
        "match": "rank partners for deals (partner matching is for the vendor's channel team)",
        "map": "see account mapping",
        "nba": "see next best actions",
        "draft": "create drafts",
        "directory": "search the partner directory (it is for the vendor's own teams)",
    }.get(intent or "", "see that")
    if exc is not None and intent is None:
        return f"Sorry, you may not see that: {exc.message}."
    return f"Sorry, as a {scope.role.replace('_', ' ')} you may not {what}, so I did not look it up."


def content_citations(turn: Turn, data: dict) -> list[dict]:
    """Content an nba result recommends, with its source path (only ids the tool returned)."""
    items = [c for a in data.get("actions") or [] for c in a.get("content") or [] if c.get("doc_id")]
    if not items:
        return []
    with turn.ctx.store.session() as session:
        sources = {
            d.doc_id: d.source
            for d in session.query(Document).filter(Document.doc_id.in_([c["doc_id"] for c in items]))
        }
    return [
        {
            "doc_id": c["doc_id"],
            "title": c.get("title") or c["doc_id"],
            "source": sources.get(c["doc_id"], ""),
            "snippet": c.get("snippet", ""),
        }
        for c in items
    ]


class Engine(Protocol):
    """One way of answering a turn. The service tries the LLM engine (when configured), then the
    deterministic one; both call tools through `Turn.call`, so both see exactly what the asker may."""

    name: str

    def answer(self, turn: Turn) -> AskResponse: ...
