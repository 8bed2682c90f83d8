"""Programme analytics over HTTP: the same payloads as `cosell attribution|portfolio|digest --json`.

    GET /v1/attribution?from=&to=&partner=&deals=
    GET /v1/portfolio
    GET /v1/digest?user=

Permissions are decided in `tools.analytics.service`. Included by the app factory with one line;
the router's lifespan runs the scheduled digest.
"""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI, Query

from assistant.api.deps import CallerDep, CtxDep
from tools.analytics import service


@asynccontextmanager
async def digest_schedule(app: FastAPI) -> AsyncIterator[None]:
    """`cosell serve` posts the digests on COSELL_DIGEST_SCHEDULE (cron), in one server process."""
    scheduler = service.start_digest_schedule(app.state.ctx)
    try:
        yield
    finally:
        service.stop_digest_schedule(scheduler)


router = APIRouter(prefix="/v1", tags=["programme analytics"], lifespan=digest_schedule)


@router.get("/attribution", summary="Won revenue by partner role, MDF and ROPI (cosell attribution)")
def attribution(ctx: CtxDep, scope: CallerDep, start: str | None = Query(None, alias="from"),
                end: str | None = Query(None, alias="to"), partner: str | None = None,
                deals: bool = False) -> dict[str, Any]:
    return service.attribution(ctx, scope, start, end, partner, deals).model_dump(mode="json", by_alias=True)


@router.get("/portfolio", summary="Every partner's health, tier status, time to first win, at risk")
def portfolio(ctx: CtxDep, scope: CallerDep) -> dict[str, Any]:
    return service.portfolio(ctx, scope).model_dump(mode="json")


@router.get("/digest", summary="A channel manager's week (cosell digest)")
def digest(ctx: CtxDep, scope: CallerDep, user: str) -> dict[str, Any]:
    return service.digest(ctx, scope, user)
