"""The app factory: `create_app(ctx)` builds the whole HTTP surface from one AppContext.

Tests build the real app around a context on a temp store; `cosell serve` runs it with uvicorn
(`uvicorn --factory assistant.api.app:app_from_env` builds the context from COSELL_* settings, e.g. for
several worker processes). At start the app warms its expensive lazy pieces in the background
(assistant/api/warmup.py); it answers meanwhile, and `/healthz` says when it is ready.
Errors a user can cause are `{"error": {"code", "message"}}` with the status of their CosellError
(401, 403, 404, 422); bugs are 500 with a short message, the traceback goes to the log.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import anyio
from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from assistant.api import (
    analytics,
    ask,
    directory,
    leads,
    mdf,
    onboarding,
    private_mapping,
    recruit,
    registrations,
    routes,
    web,
)
from assistant.api.health import DatabaseCheck, llm_state
from assistant.api.hygiene import Hygiene
from assistant.api.ratelimit import RateLimit, settings_limits
from assistant.api.warmup import Warmup
from assistant.core.errors import CosellError
from assistant.engine.context import AppContext
from assistant.mcp import mount_mcp

log = logging.getLogger(__name__)
WEB_DIR = Path(__file__).resolve().parent.parent / "web"


def create_app(ctx: AppContext, warm_up: bool = True) -> FastAPI:
    """The HTTP API around `ctx`. `warm_up`: build the expensive lazy pieces in the background at start."""
    from assistant.slack import mount_slack  # heavy: slack_bolt, only when Slack is configured

    warmup = Warmup(ctx, steps=None if warm_up else [])

    database = DatabaseCheck(ctx)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        database.start()  # in the background: /healthz is 503 until the database answered
        await anyio.to_thread.run_sync(database.checked.wait, 3.0)  # a healthy database: ready at once
        limiter = anyio.to_thread.current_default_thread_limiter()  # asks waiting on the LLM never
        limiter.total_tokens = max(limiter.total_tokens, ctx.settings.api_threads)  # starve other routes
        warmup.start()  # returns at once: readiness never blocks startup
        try:
            async with mcp_running():
                yield
        finally:
            warmup.stop()  # the context may be closed next: no step may still be using it

    app = FastAPI(
        lifespan=lifespan,
        docs_url=None,  # /docs and /redoc: web.mount_docs, from the vendored files (offline)
        redoc_url=None,
        title="Co-sell Copilot",
        version="0.1.0",
        description="Account mapping, partner matching, next best actions, co-branded drafts and "
        "enablement search for a vendor's partner ecosystem. Authenticate with "
        "`Authorization: Bearer <key>` (keys: `cosell users key USER_ID`).",
    )
    app.state.ctx = ctx
    app.state.warmup = warmup
    _error_handlers(app)
    settings_limits(ctx.settings)  # a bad limit setting fails here, at start, naming the setting
    app.add_middleware(RateLimit, settings=ctx.settings)  # per key; runs inside Hygiene (429s get headers)
    app.add_middleware(Hygiene, ctx=ctx)  # body checks, security headers, docs behind the key
    app.include_router(ask.router)
    app.include_router(directory.router)  # before routes: /v1/partners/search is not a partner id
    app.include_router(routes.router)
    app.include_router(private_mapping.router)
    app.include_router(registrations.router)
    app.include_router(leads.router)
    app.include_router(mdf.router)
    app.include_router(analytics.router)
    app.include_router(recruit.router)
    app.include_router(onboarding.router)
    app.include_router(web.router)
    web.mount_docs(app)
    mount_slack(app, ctx)
    mcp_running = mount_mcp(app, ctx)

    @app.get("/healthz", tags=["ops"], summary="Liveness, and readiness (`ready`: the warm-up is done)")
    async def healthz() -> JSONResponse:  # async: answers even when every worker thread is busy
        db = database.state()
        return JSONResponse({"status": "ok" if db["ok"] else "database_unavailable",
                             "engine": "llm" if ctx.settings.llm_enabled else "deterministic",
                             "ready": warmup.ready.is_set() and db["ok"], "warmup": warmup.status(),
                             "database": db, "llm": llm_state(ctx)}, status_code=200 if db["ok"] else 503)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(WEB_DIR / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")
    return app


def app_from_env() -> FastAPI:
    """The app on the settings of the environment (COSELL_*): `uvicorn --factory assistant.api.app:app_from_env`."""
    return create_app(AppContext())


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(CosellError)
    def cosell_error(request: Request, exc: CosellError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.http_status == 401 else None
        return JSONResponse(exc.to_json(), status_code=exc.http_status, headers=headers)

    @app.exception_handler(RequestValidationError)
    def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors()
        )
        return JSONResponse(
            {
                "error": {"code": "bad_input", "message": problems or "invalid request"},
                "detail": jsonable_encoder(exc.errors()),
            },
            status_code=422,
        )

    @app.exception_handler(Exception)
    def internal_error(request: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return JSONResponse(
            {"error": {"code": "internal", "message": f"internal error: {type(exc).__name__}"}},
            status_code=500,
        )
