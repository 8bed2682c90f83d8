"""`GET /v1/partners/{id}/onboarding`: the twin of `cosell onboarding PARTNER_ID --json` (same payload).
Permissions are decided in `tools.onboarding.service`."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from assistant.api.deps import CallerDep, CtxDep
from tools.onboarding.service import onboarding_plan

router = APIRouter(prefix="/v1", tags=["programme"])


@router.get("/partners/{partner_id}/onboarding", summary="A partner's onboarding plan (cosell onboarding)")
def onboarding(partner_id: str, ctx: CtxDep, scope: CallerDep) -> dict[str, Any]:
    return onboarding_plan(ctx, scope, partner_id).model_dump(mode="json")
