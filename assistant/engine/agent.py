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

from assistant.core.errors import BadInput, CosellError
from assistant.core.llm import LLMUnavailable
from assistant.core.llm_guard import guard_for
from assistant.engine.context import AppContext
from assistant.engine.deterministic import DeterministicEngine
from assistant.engine.llm_agent import LlmEngine
from assistant.engine.programme import answer_programme
from assistant.engine.threads import ConversationThread, load_thread, save_thread
from assistant.engine.turn import (  # noqa: F401  re-exported: the doors import the service's types from here
    MAX_QUESTION_CHARS,
    AskResponse,
    Citation,
    Emit,
    Engine,
    ToolUse,
    Turn,
    forbidden_message,
    invoke_tool,
)
from retrieval.scope import Scope

log = logging.getLogger(__name__)


# --- the service ---------------------------------------------------------------------------------


def ask(
    ctx: AppContext,
    scope: Scope,
    question: str,
    thread_id: str | None = None,
    stream: bool = False,
    emit: Emit | None = None,
    started: float | None = None,
    dump: Callable[[AskResponse], dict] | None = None,
) -> AskResponse | Iterator[tuple[str, dict]]:
    """Answer `question` for `scope`, continuing `thread_id` if given.

    With `stream=True`, returns an iterator of `(event, data)`: a `tool` event per tool call, then one
    `answer` event (the AskResponse as JSON), or an `error` event ({"error": {"code", "message"}}).
    `started`: when the request arrived (`time.monotonic()`; default now): the LLM's budget counts from then.
    `dump`: how a streamed answer event is written (default: the AskResponse's JSON).
    """
    if stream:
        return _stream(ctx, scope, question, thread_id, started, dump)
    question = (question or "").strip()
    if not question:
        raise BadInput("the question is empty")
    if len(question) > MAX_QUESTION_CHARS:
        raise BadInput(f"the question is longer than {MAX_QUESTION_CHARS} characters")
    with ctx.store.meta_snapshot():  # one records/content version per turn, read once
        thread = load_thread(ctx, scope, thread_id)
        response = _answer(ctx, scope, question, thread, emit, started)
        thread.add("user", question)
        thread.add(
            "assistant", response.answer, tools=[t.model_dump() for t in response.tools], engine=response.engine
        )
        save_thread(ctx, thread)
    return response


def _answer(
    ctx: AppContext, scope: Scope, question: str, thread: ConversationThread, emit: Emit | None,
    started: float | None = None,
) -> AskResponse:
    if ctx.settings.llm_enabled:
        # the programme's workflow commands ("register a deal for ...", "route lead L-1") are not the
        # model's to interpret: the same deterministic handlers answer them with or without an LLM
        workflow = answer_programme(Turn(ctx, scope, question, thread, emit))
        if workflow is not None:
            return workflow
        live = threading.Event()  # an abandoned (over-budget) LLM turn emits nothing more
        live.set()
        guarded = (lambda e, d: live.is_set() and emit(e, d)) if emit else None
        try:  # on the LLM's own pool, within the per-ask budget, unless the breaker is open
            return guard_for(ctx.settings).run(
                lambda: LlmEngine().answer(Turn(ctx, scope, question, thread, guarded)),
                early=lambda: deterministic_turn(Turn(ctx, scope, question, thread, None)), started=started)
        except CosellError:
            raise
        # any failure of the model: the built-in engine answers, and says so
        except Exception as exc:
            live.clear()
            log.warning("LLM engine failed, falling back to the deterministic engine: %r", exc)
            response = getattr(exc, "fallback", None) or deterministic_turn(Turn(ctx, scope, question, thread, emit))
            why = str(exc) if isinstance(exc, LLMUnavailable) and str(exc) else type(exc).__name__
            note = f"The language model was unavailable ({why}); answered by the built-in engine."
            response.notes.append(note)
            response.answer = f"{response.answer}\n\n({note})"
            return response
    return deterministic_turn(Turn(ctx, scope, question, thread, emit))


def _stream(
    ctx: AppContext, scope: Scope, question: str, thread_id: str | None, started: float | None = None,
    dump: Callable[[AskResponse], dict] | None = None,
) -> Iterator[tuple[str, dict]]:
    """Run the turn in a worker thread; yield its tool events as they happen, then the answer."""
    events: queue.Queue = queue.Queue()
    done = object()

    def work() -> None:
        try:
            response = ask(ctx, scope, question, thread_id, emit=lambda e, d: events.put((e, d)), started=started)
            events.put(("answer", dump(response) if dump else response.model_dump(mode="json")))
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
    return answer_programme(turn) or DeterministicEngine().answer(turn)


