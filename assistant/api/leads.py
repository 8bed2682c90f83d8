"""Leads over HTTP: the twins of `cosell leads ...`, same payloads (CLI.md "Leads")."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query
from pydantic import BaseModel

from assistant.api.deps import CallerDep, CtxDep
from tools.leads.service import accept_lead, assign_lead, decline_lead, list_leads, route_lead

router = APIRouter(prefix="/v1", tags=["programme"])


class AssignBody(BaseModel):
    partner_id: str


class ResponseBody(BaseModel):
    reason: str | None = None


@router.get("/leads", summary="Leads, oldest first (cosell leads list)")
def list_(ctx: CtxDep, scope: CallerDep, status: str | None = None) -> dict[str, Any]:
    return list_leads(ctx, scope, status).model_dump(mode="json")


@router.get("/leads/{lead_id}/partner-matches", summary="Partners ranked for a lead (cosell leads route)")
def route(lead_id: str, ctx: CtxDep, scope: CallerDep, top: int = Query(3, ge=1, le=50)) -> dict[str, Any]:
    return route_lead(ctx, scope, lead_id, top).model_dump(mode="json")


@router.post("/leads/{lead_id}/assign", summary="Assign to a partner (cosell leads assign)")
def assign(lead_id: str, body: AssignBody, ctx: CtxDep, scope: CallerDep) -> dict[str, Any]:
    return assign_lead(ctx, scope, lead_id, body.partner_id).model_dump(mode="json")


@router.post("/leads/{lead_id}/accept", summary="Accept, by the assigned partner (cosell leads accept)")
def accept(lead_id: str, ctx: CtxDep, scope: CallerDep, body: ResponseBody | None = None) -> dict[str, Any]:
    return accept_lead(ctx, scope, lead_id, body.reason if body else None).model_dump(mode="json")


@router.post("/leads/{lead_id}/decline", summary="Decline, by the assigned partner (cosell leads decline)")
def decline(lead_id: str, ctx: CtxDep, scope: CallerDep, body: ResponseBody | None = None) -> dict[str, Any]:
    return decline_lead(ctx, scope, lead_id, body.reason if body else None).model_dump(mode="json")
