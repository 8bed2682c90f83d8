"""Programme analytics over HTTP: the same payloads as `cosell attribution|portfolio|digest --json`.

    GET /v1/attribution?from=&to=&partner=&deals=
    GET /v1/portfolio
    GET /v1/digest?user=
    GET /dashboard          the programme dashboard page (assistant/web/dashboard.html, Vega-Lite)

Permissions are decided in `tools.analytics.service`. Included by the app factory with one line;
the router's lifespan runs the scheduled digest.
"""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Query
from fastapi.responses import FileResponse

from assistant.api.deps import CallerDep, CtxDep
from tools.analytics import service
from tools.analytics.types import AttributionResponse, PortfolioResponse


@asynccontextmanager
async def digest_schedule(app: FastAPI) -> AsyncIterator[None]:
    """`cosell serve` posts the digests on COSELL_DIGEST_SCHEDULE (cron), in one server process."""
    scheduler = service.start_digest_schedule(app.state.ctx)
    try:
        yield
    finally:
        service.stop_digest_schedule(scheduler)


router = APIRouter(tags=["programme analytics"], lifespan=digest_schedule)
WEB_DIR = Path(__file__).resolve().parent.parent / "web"


@router.get("/v1/attribution", summary="Won revenue by partner role, MDF and ROPI (cosell attribution)")
def attribution(ctx: CtxDep, scope: CallerDep, start: str | None = Query(None, alias="from"),
                end: str | None = Query(None, alias="to"), partner: str | None = None,
                deals: bool = False) -> AttributionResponse:
    return service.attribution(ctx, scope, start, end, partner, deals)


@router.get("/v1/portfolio", summary="Every partner's health, tier status, time to first win, at risk")
def portfolio(ctx: CtxDep, scope: CallerDep) -> PortfolioResponse:
    return service.portfolio(ctx, scope)


@router.get("/v1/digest", summary="A channel manager's week (cosell digest)")
def digest(ctx: CtxDep, scope: CallerDep, user: str) -> dict[str, Any]:
    return service.digest(ctx, scope, user)


@router.get("/dashboard", include_in_schema=False)
def dashboard() -> FileResponse:
    return FileResponse(WEB_DIR / "dashboard.html", media_type="text/html")
