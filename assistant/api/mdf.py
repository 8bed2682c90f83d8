"""MDF over HTTP: the twins of `cosell mdf ...`, same payloads (CLI.md "MDF"). Permissions are decided in
the services."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from assistant.api.deps import CallerDep, CtxDep
from tools.mdf.service import (
    MdfRequest,
    approve_mdf,
    claim_mdf,
    get_mdf,
    list_mdf,
    mdf_advice,
    mdf_roi,
    pay_mdf,
    reject_mdf,
    request_mdf,
)

router = APIRouter(prefix="/v1", tags=["programme"])


class ApproveBody(BaseModel):
    amount: float | None = Field(None, gt=0, description="Approved amount; default the requested one")
    reason: str | None = None


class RejectBody(BaseModel):
    reason: str | None = Field(None, description="Why (required)")


class ClaimBody(BaseModel):
    amount: float = Field(..., gt=0, description="What the activity cost, at most the approved amount")
    leads: int | None = Field(None, ge=0, description="Leads the activity produced")


@router.post("/mdf", summary="Request MDF for an activity (cosell mdf request)")
def request(body: MdfRequest, ctx: CtxDep, scope: CallerDep) -> dict[str, Any]:
    return request_mdf(ctx, scope, body).model_dump(mode="json")


@router.get("/mdf", summary="MDF activities, oldest request first (cosell mdf list)")
def list_(ctx: CtxDep, scope: CallerDep, partner: str | None = Query(None, description="partner_id"),
          status: str | None = None) -> dict[str, Any]:
    return list_mdf(ctx, scope, partner, status).model_dump(mode="json")


@router.get("/mdf/roi", summary="Paid, pipeline, won and return (cosell mdf roi)")
def roi(ctx: CtxDep, scope: CallerDep, partner: str | None = Query(None, description="partner_id"),
        start: str | None = Query(None, alias="from", description="YYYY-MM-DD"),
        end: str | None = Query(None, alias="to", description="YYYY-MM-DD")) -> dict[str, Any]:
    return mdf_roi(ctx, scope, partner, start, end).model_dump(mode="json")


@router.get("/mdf/advice", summary="Where unspent or low-return MDF would do better (cosell mdf advice)")
def advice(ctx: CtxDep, scope: CallerDep, partner: str | None = Query(None, description="partner_id"),
           start: str | None = Query(None, alias="from"), end: str | None = Query(None, alias="to")) -> dict[str, Any]:
    return mdf_advice(ctx, scope, partner, start, end).model_dump(mode="json")


@router.get("/mdf/{activity_id}", summary="One MDF activity")
def one(activity_id: str, ctx: CtxDep, scope: CallerDep) -> dict[str, Any]:
    return get_mdf(ctx, scope, activity_id).model_dump(mode="json")


@router.post("/mdf/{activity_id}/approve", summary="Approve, at most the requested amount (cosell mdf approve)")
def approve(activity_id: str, ctx: CtxDep, scope: CallerDep, body: ApproveBody | None = None) -> dict[str, Any]:
    body = body or ApproveBody()
    return approve_mdf(ctx, scope, activity_id, body.amount, body.reason).model_dump(mode="json")


@router.post("/mdf/{activity_id}/reject", summary="Reject with a reason (cosell mdf reject)")
def reject(activity_id: str, body: RejectBody, ctx: CtxDep, scope: CallerDep) -> dict[str, Any]:
    return reject_mdf(ctx, scope, activity_id, body.reason).model_dump(mode="json")


@router.post("/mdf/{activity_id}/claim", summary="Claim the cost and leads (cosell mdf claim)")
def claim(activity_id: str, body: ClaimBody, ctx: CtxDep, scope: CallerDep) -> dict[str, Any]:
    return claim_mdf(ctx, scope, activity_id, body.amount, body.leads).model_dump(mode="json")


@router.post("/mdf/{activity_id}/pay", summary="Pay the claim (cosell mdf pay; admin)")
def pay(activity_id: str, ctx: CtxDep, scope: CallerDep) -> dict[str, Any]:
    return pay_mdf(ctx, scope, activity_id).model_dump(mode="json")
