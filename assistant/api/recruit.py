"""`GET /v1/recruit`: the twin of `cosell recruit`, same payload (CLI.md)."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query

from assistant.api.deps import CallerDep, CtxDep
from tools.recruit.service import MAX_TOP, recruit

router = APIRouter(prefix="/v1", tags=["programme"])


@router.get("/recruit", summary="Partner candidates ranked against the ideal partner profile (cosell recruit)")
def recruit_candidates(ctx: CtxDep, scope: CallerDep, country: str | None = None, industry: str | None = None,
                       product: str | None = None, top: int = Query(10, ge=1, le=MAX_TOP)) -> dict[str, Any]:
    return recruit(ctx, scope, country, industry, product, top).model_dump(mode="json")
