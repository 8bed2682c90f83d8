"""An MCP server over the same tools the chat uses, with the caller's permissions.

`cosell mcp --as U` serves one user over stdio (the operator who starts the process chose the user,
as with every CLI command). `cosell serve` mounts the same server at `/mcp` (streamable HTTP): every
request carries `Authorization: Bearer <key>` and runs with that key's user, exactly like `/v1/*`.
A tool the caller may not use is not listed, and calling it anyway is refused in the same words the
chat uses; nothing behind it is read. Built on the official SDK's low-level `Server`.
"""
from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

import anyio
import mcp_types as types
from mcp.server.lowlevel import Server
from mcp.server.stdio import stdio_server
from mcp.server.transport_security import TransportSecuritySettings
from pydantic import BaseModel, Field
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Send
from starlette.types import Scope as AsgiScope

from assistant.core.errors import CosellError, Forbidden, Unauthenticated
from assistant.engine import router
from assistant.engine.agent import ask
from assistant.engine.context import AppContext
from assistant.engine.turn import forbidden_message, invoke_tool
from retrieval.scope import Scope, scope_for_api_key
from tools.registry import all_tools

ASK = "ask"
_TOOL_CAPABILITY = {tool: router.INTENT_CAPABILITY.get(intent) for intent, tool in router.INTENT_TOOL.items()}


class AskArgs(BaseModel):
    question: str = Field(..., description="The question, as a person would type it in chat.")
    thread_id: str | None = Field(None, description="Continue this conversation (from an earlier answer).")


ScopeOf = Callable[[Any], Scope]  # the request context -> the caller


def build_server(ctx: AppContext, scope_of: ScopeOf) -> Server:
    """The MCP server; `scope_of(request_context)` names the caller of each request."""

    def allowed(scope: Scope, name: str) -> bool:
        capability = _TOOL_CAPABILITY.get(name)
        return capability is None or scope.can(capability)

    async def list_tools(rctx, params) -> types.ListToolsResult:
        scope = scope_of(rctx)
        listed = [types.Tool(name=ASK, description="Ask Co-sell Copilot a question; the answer comes with its "
                             "sources, as in chat.", input_schema=AskArgs.model_json_schema())]
        for name, spec in sorted(all_tools().items()):
            if allowed(scope, name):
                listed.append(types.Tool(name=name, description=spec.description, input_schema=spec.json_schema()))
        return types.ListToolsResult(tools=listed)

    async def call_tool(rctx, params: types.CallToolRequestParams) -> types.CallToolResult:
        arguments = dict(params.arguments or {})
        try:
            scope = scope_of(rctx)
            if params.name == ASK:
                args = AskArgs.model_validate(arguments)
                result = await anyio.to_thread.run_sync(lambda: ask(ctx, scope, args.question, args.thread_id))
            elif params.name not in all_tools():
                return _error(f"unknown tool '{params.name}'")
            elif not allowed(scope, params.name):  # refused before anything is read
                intent = next(i for i, t in router.INTENT_TOOL.items() if t == params.name)
                return _error(forbidden_message(scope, intent=intent))
            else:
                result = await anyio.to_thread.run_sync(lambda: invoke_tool(ctx, scope, params.name, arguments))
        except Forbidden as exc:
            return _error(forbidden_message(scope, exc))
        except CosellError as exc:
            return _error(exc.message)
        except ValueError as exc:  # the arguments did not validate
            return _error(f"bad arguments for {params.name}: {exc}")
        data = result.model_dump(mode="json") if isinstance(result, BaseModel) else result
        text = json.dumps(data, ensure_ascii=False, default=str)
        return types.CallToolResult(content=[types.TextContent(type="text", text=text)], structured_content=data)

    return Server("cosell", version="0.1.0", instructions="Co-sell Copilot: partner ecosystem tools. Every "
                  "answer is limited to what the signed-in user may see.",
                  on_list_tools=list_tools, on_call_tool=call_tool)


def _error(message: str) -> types.CallToolResult:
    return types.CallToolResult(content=[types.TextContent(type="text", text=message)], is_error=True)


def run_stdio(ctx: AppContext, scope: Scope) -> None:
    """Serve `scope`'s user over stdin/stdout until the client closes the stream."""
    server = build_server(ctx, lambda rctx: scope)

    async def main() -> None:
        async with stdio_server() as (read, write):
            await server.run(read, write, server.create_initialization_options())

    anyio.run(main)


class _BearerOnly:
    """401 before the MCP transport sees a request without a valid key (no session is ever opened)."""

    def __init__(self, app: ASGIApp, ctx: AppContext):
        self.app, self.ctx = app, ctx

    async def __call__(self, scope: AsgiScope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            try:
                _scope_from_headers(self.ctx, dict(scope.get("headers") or []))
            except CosellError as exc:
                response = JSONResponse(exc.to_json(), status_code=exc.http_status,
                                        headers={"WWW-Authenticate": "Bearer"})
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _scope_from_headers(ctx: AppContext, headers: dict) -> Scope:
    raw = headers.get(b"authorization") or b""
    value = raw.decode("latin-1") if isinstance(raw, bytes) else str(raw)
    scheme, _, key = value.partition(" ")
    if scheme.lower() != "bearer" or not key.strip():
        raise Unauthenticated("missing API key (Authorization: Bearer <key>)")
    return scope_for_api_key(ctx.store, key.strip())


def mount_mcp(app: Any, ctx: AppContext) -> Callable[[], AbstractAsyncContextManager[None]]:
    """Serve MCP at `/mcp` on the FastAPI `app`; returns the context manager its lifespan must enter."""

    def scope_of(rctx) -> Scope:
        request = getattr(rctx, "request", None)
        if request is None:
            raise Unauthenticated("missing API key (Authorization: Bearer <key>)")
        return _scope_from_headers(ctx, {k.encode().lower(): v.encode() for k, v in request.headers.items()})

    server = build_server(ctx, scope_of)
    # Every request needs a Bearer key a browser page cannot add, so the SDK's DNS-rebinding guard (a
    # Host allow-list for servers without auth) is off: it would refuse the server's own public name.
    starlette_app = server.streamable_http_app(
        streamable_http_path="/mcp", stateless_http=True, json_response=True,
        transport_security=TransportSecuritySettings(enable_dns_rebinding_protection=False))
    # A plain route (not a mount): `/mcp` itself is the endpoint, no redirect to `/mcp/`
    app.router.routes.append(Route("/mcp", _BearerOnly(starlette_app, ctx), methods=["GET", "POST", "DELETE"]))

    @asynccontextmanager
    async def running() -> AsyncIterator[None]:
        async with server.session_manager.run():
            yield

    return running
