"""POST /v1/ask: the assistant over HTTP, as JSON or as server-sent events.

Streaming (`"stream": true` or `Accept: text/event-stream`) sends one `tool` event per tool call as it
happens, then an `answer` event with the same JSON as the non-streaming reply (or an `error` event).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from fastapi import APIRouter, Request
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, Field

from assistant.api.deps import CallerDep, CtxDep
from assistant.engine.agent import MAX_QUESTION_CHARS, AskResponse, ask
from assistant.engine.threads import existing_thread_id

router = APIRouter(prefix="/v1", tags=["assistant"])


class AskBody(BaseModel):
    question: str = Field(..., min_length=1, max_length=MAX_QUESTION_CHARS)
    thread_id: str | None = Field(None, max_length=256, description="Continue this conversation.")
    stream: bool = Field(False, description="Answer as server-sent events (tool events, then the answer).")
    results: bool = Field(False, description="Add `results`: the typed result of each tool the answer used, "
                          "as `{kind, data}` with `data` the tool's `--json` payload (the web page's tables).")


def with_results(response: AskResponse) -> dict:
    """The answer's JSON plus the tools' typed results (already within the asker's permissions)."""
    data = response.model_dump(mode="json")
    data["results"] = [{"kind": type(r).__name__, "data": r.model_dump(mode="json")} for r in response.results]
    return data


def sse(events: Iterator[tuple[str, dict]]) -> Iterator[str]:
    for name, data in events:
        yield f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False, default=str)}\n\n"


@router.post(
    "/ask",
    response_model=AskResponse,
    summary="Ask the assistant (cosell ask)",
    responses={200: {"content": {"text/event-stream": {}}, "description": "JSON, or SSE when streaming"}},
)
def ask_endpoint(body: AskBody, request: Request, ctx: CtxDep, scope: CallerDep):
    wants_stream = body.stream or "text/event-stream" in request.headers.get("accept", "")
    # someone else's thread: a 403 now, not an event later; an unknown id: the server makes a new one
    thread_id = existing_thread_id(ctx, scope, body.thread_id)
    started = getattr(request.state, "arrived", None)  # the LLM's budget counts from the request's arrival
    if not wants_stream:
        response = ask(ctx, scope, body.question, thread_id=thread_id, started=started)
        if body.results:
            return Response(json.dumps(with_results(response), ensure_ascii=False), media_type="application/json")
        # the model's own JSON, as bytes: FastAPI would validate it again and encode it twice as slowly
        return Response(response.model_dump_json(), media_type="application/json")
    events = ask(ctx, scope, body.question, thread_id=thread_id, stream=True, started=started,
                 dump=with_results if body.results else None)
    return StreamingResponse(
        sse(events),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
