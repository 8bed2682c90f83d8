"""The partner directory over HTTP: the twin of `cosell partners search`, same payload."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query

from assistant.api.deps import CallerDep, CtxDep
from tools.directory.service import search_partners

router = APIRouter(prefix="/v1", tags=["partners"])


@router.get("/partners/search", summary="Partners that fit a need said in plain words (cosell partners search)")
def search(ctx: CtxDep, scope: CallerDep, q: str = Query("", max_length=1000), k: int = Query(10, ge=1, le=100),
           country: str | None = None, industry: str | None = None, product: str | None = None,
           tier: str | None = None) -> dict[str, Any]:
    return search_partners(ctx, scope, q, k, country, industry, product, tier).model_dump(mode="json")
