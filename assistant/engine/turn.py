"""What both engines share: the turn (tools called, sources cited, what was withheld), the response
model, how a tool is invoked with the asker's scope, the refusal wording, and the `Engine` interface.

The engines (`deterministic`, `llm_agent`) import this module, never each other or the service
(`agent`), which tries them in order.
"""
from __future__ import annotations

import dataclasses
import json
import logging
import pickle
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal, Protocol, TypeVar, get_type_hints

from pydantic import BaseModel, Field, PrivateAttr, ValidationError, field_validator

from assistant.core.errors import BadInput, Forbidden
from assistant.engine.context import AppContext
from assistant.engine.messages import say
from assistant.engine.threads import Candidate, ConversationThread
from retrieval.records import Document
from retrieval.scope import Scope
from retrieval.shared_cache import code_print, digest
from tools.locales import answer_language, catalogue_language
from tools.registry import ToolSpec, UntypedResult, get_tool
from tools.types import ContentRef

log = logging.getLogger(__name__)
R = TypeVar("R", bound=BaseModel)

MAX_QUESTION_CHARS = 4000
TOOL_RESULTS_KEPT = 2048  # per tool: recent (asker, arguments) results of pure tools (`invoke_tool`)
Emit = Callable[[str, dict], None]


class Citation(BaseModel):
    doc_id: str
    title: str
    source: str = ""
    snippet: str = ""

    @field_validator("snippet")
    @classmethod
    def _short(cls, snippet: str) -> str:
        return snippet[:600]


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
    # the typed results of the tools this turn called (not serialised): the doors render them (Slack blocks)
    _results: list[BaseModel] = PrivateAttr(default_factory=list)

    @property
    def results(self) -> list[BaseModel]:
        return self._results


@dataclass
class Turn:
    """What one turn gathered: the tools it called, the sources it may cite, what it withheld."""

    ctx: AppContext
    scope: Scope
    question: str
    thread: ConversationThread
    emit: Emit | None = None
    tools: list[ToolUse] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    withheld: bool = False
    notes: list[str] = field(default_factory=list)
    _lang: str | None = None
    choices: list[Candidate] = field(default_factory=list)  # deals this answer listed, for "the second one"
    choice_slot: str = "opportunity_id"  # or "partner_id": the partners a match listed
    results: list[BaseModel] = field(default_factory=list)  # the typed results of `call`, for the doors

    @property
    def lang(self) -> str:
        """The language of the answer's fixed sentences (`tools.locales.answer_language`)."""
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

    def call(self, name: str, arguments: dict[str, Any], expect: type[R] = BaseModel) -> R:  # type: ignore[assignment]
        """Run tool `name` with the asker's scope; its result as the model `expect` (see `invoke_tool`)."""
        self.record(name, arguments)
        result = invoke_tool(self.ctx, self.scope, name, arguments, expect)
        self.results.append(result)
        return result

    def cite(self, citations: Iterable[Citation]) -> None:
        known = {c.doc_id for c in self.citations}
        for c in citations:
            if c.doc_id and c.doc_id not in known:
                known.add(c.doc_id)
                self.citations.append(c)

    def response(
        self,
        answer: str,
        engine: str = "deterministic",
        intent: str | None = None,
        candidates: list[Candidate] | None = None,
    ) -> AskResponse:
        response = AskResponse(
            answer=answer,
            citations=list(self.citations),
            tools=self.tools,
            thread_id=self.thread.thread_id,
            engine=engine,
            withheld=self.withheld,
            notes=self.notes,
            candidates=candidates or [],
            intent=intent,
        )
        response._results = list(self.results)
        return response


def invoke_tool(
    ctx: AppContext, scope: Scope, name: str, arguments: dict[str, Any], expect: type[R] = BaseModel  # type: ignore[assignment]
) -> R:
    """Run a registered tool with the asker's scope; its result as its pydantic model (the `--json` form is
    `model_dump(mode="json")`, done only at the edges: CLI JSON, API, MCP, the LLM's tool messages).

    `expect` is the model the caller reads (e.g. `MatchResponse`): a tool that returns anything else is a
    bug, raised here rather than read as missing fields. A tool that still returns a dict is wrapped in
    `UntypedResult` (deprecated, see `tools.registry`)."""
    try:
        spec = get_tool(name)
    except KeyError:
        raise BadInput(f"unknown tool '{name}'") from None
    fields = spec.args.model_fields
    try:
        args = spec.args.model_validate({k: v for k, v in arguments.items() if k in fields and v is not None})
    except ValidationError as exc:
        raise BadInput(f"bad arguments for {name}: {exc.errors()[0].get('msg')}") from None
    if not spec.pure:
        return _typed(name, spec.func(ctx, scope, args), expect)
    # A pure tool's result, kept per asker (the whole Scope: nothing is shared between users) and
    # arguments, for as long as the records, the content, every other write to the store and the date stay
    # the same (`ctx.cached` keys on the records version and the date; the stamp adds the rest). Every
    # caller gets its own deep copy to render: kept pickled (made in this process, never read from
    # outside), a copy is one `pickle.loads`, a third of `model_copy(deep=True)`'s CPU (issue 22).
    stamp = (ctx.store.content_version(), ctx.store.writes_version())
    kept = ctx.cached(f"tool.{name}", lambda: _frozen(_computed_or_shared(ctx, spec, scope, args, stamp)),
                      key=(scope, args.model_dump_json()), stamp=stamp, max_entries=TOOL_RESULTS_KEPT)
    return _typed(name, _thawed(kept), expect)


def _computed_or_shared(ctx: AppContext, spec: ToolSpec, scope: Scope, args: BaseModel, stamp: tuple) -> BaseModel:
    """A pure tool's result the first time this process needs it: read from the machine's shared cache when
    another process (the other worker, an earlier start) computed it under the same key, else computed and
    written there. The key holds everything `invoke_tool`'s own cache keys on (the asker's whole Scope, the
    arguments, the records, content and writes versions, the date), the settings and the code (a deployed
    fix is not answered with the old code's results): nothing is shared between users. Kept as the model's JSON (data, never a pickle), and only for a tool whose result model
    comes back equal from its JSON (checked on every write)."""
    model, version = _result_model(spec), ctx.records_version()
    if model is None or version is None:  # a store never ingested: nothing says when it changed
        return _typed(spec.name, spec.func(ctx, scope, args), BaseModel)
    key = digest("tool", spec.name, f"{model.__module__}.{model.__qualname__}",
                 json.dumps(dataclasses.astuple(scope)), args.model_dump_json(), version,
                 ctx.today().isoformat(), json.dumps(stamp, default=str), _settings_print(ctx), code_print())
    raw = ctx.shared.get(key)
    if raw is not None:
        try:
            return model.model_validate_json(raw)
        except ValidationError:  # written by another version of the model: computed again below
            pass
    result = _typed(spec.name, spec.func(ctx, scope, args), BaseModel)
    if type(result) is model:
        dumped = result.model_dump_json()
        if _survives_json(model, dumped, result):  # else (an untyped field holding a model, a NaN): not shared
            ctx.shared.put(key, dumped.encode())
    return result


def _survives_json(model: type[BaseModel], dumped: str, result: BaseModel) -> bool:
    try:
        return model.model_validate_json(dumped) == result
    except ValueError:  # ValidationError included
        return False


@cache
def _result_model(spec: ToolSpec) -> type[BaseModel] | None:
    """The model a pure tool declares it returns: what its shared results are read back as."""
    try:
        returns = get_type_hints(spec.func).get("return")
    except Exception:  # an annotation that does not resolve: not shared
        return None
    return returns if isinstance(returns, type) and issubclass(returns, BaseModel) else None


def _settings_print(ctx: AppContext) -> str:
    return ctx.cached("settings_print", lambda: digest(ctx.settings.model_dump_json()))


def _frozen(result: BaseModel) -> bytes | BaseModel:
    try:
        return pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # something unpicklable inside: kept as it is, deep-copied on each read
        return result


def _thawed(kept: bytes | BaseModel) -> BaseModel:
    return pickle.loads(kept) if isinstance(kept, bytes) else kept.model_copy(deep=True)


def _typed(name: str, result: Any, expect: type[R]) -> R:
    if not isinstance(result, BaseModel):
        warnings.warn(f"tool {name} returned a {type(result).__name__}; return a pydantic model",
                      DeprecationWarning, stacklevel=3)
        result = UntypedResult.model_validate(dict(result))
    if not isinstance(result, expect):
        raise TypeError(f"tool {name} returned {type(result).__name__}, expected {expect.__name__}")
    return result


def forbidden_message(scope: Scope, exc: Forbidden | None = None, intent: str | None = None,
                      lang: str = "en") -> str:
    """A polite refusal that names what the asker may not do, never what is behind it, in `lang`."""
    if exc is not None and intent is None:
        capability = getattr(exc, "capability", None)
        if capability and f"cap_{capability}" in say and catalogue_language(lang) != "en":  # the permission in
            role = f"role_{scope.role}"  # the asker's words, not the English reason of the error
            role_name = say(role, lang) if role in say else scope.role.replace("_", " ")
            return say("forbidden_do", lang, role=role_name, what=say(f"cap_{capability}", lang))
        return say("forbidden_see", lang, reason=exc.message)
    what = f"may_{intent}" if intent and f"may_{intent}" in say else "may_any"
    role = f"role_{scope.role}"
    role_name = say(role, lang) if role in say else scope.role.replace("_", " ")
    return say("forbidden_do", lang, role=role_name, what=say(what, lang))


def content_citations(turn: Turn, refs: Iterable[ContentRef]) -> list[Citation]:
    """Content a tool recommends (e.g. an nba action's `content`), with its source path (only ids the tool
    returned)."""
    items = [c for c in refs if c.doc_id]
    if not items:
        return []
    with turn.ctx.store.session() as session:
        sources = {
            d.doc_id: d.source
            for d in session.query(Document).filter(Document.doc_id.in_([c.doc_id for c in items]))
        }
    return [Citation(doc_id=c.doc_id, title=c.title or c.doc_id, source=sources.get(c.doc_id, "")) for c in items]


class Engine(Protocol):
    """One way of answering a turn. The service tries the LLM engine (when configured), then the
    deterministic one; both call tools through `Turn.call`, so both see exactly what the asker may."""

    name: str

    def answer(self, turn: Turn) -> AskResponse: ...
