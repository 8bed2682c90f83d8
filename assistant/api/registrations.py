"""Deal registrations and the audit log over HTTP: the twins of `cosell registrations ...` and
`cosell audit`, same payloads (CLI.md). Permissions are decided in the services."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from assistant.api.deps import CallerDep, CtxDep
from tools.audit.service import read_audit
from tools.registrations.service import (
    SubmitRequest,
    approve_registration,
    extend_registration,
    get_registration,
    list_registrations,
    reject_registration,
    submit_registration,
)

router = APIRouter(prefix="/v1", tags=["programme"])


class DecisionBody(BaseModel):
    reason: str | None = Field(None, description="Why (required to reject)")


class ExtendBody(BaseModel):
    days: int = Field(..., ge=1, description="Days added to the protection")
    reason: str | None = None


@router.post("/registrations", summary="Submit a deal registration (cosell registrations submit)")
def submit(body: SubmitRequest, ctx: CtxDep, scope: CallerDep) -> dict[str, Any]:
    return submit_registration(ctx, scope, body).model_dump(mode="json")


@router.get("/registrations", summary="Registrations, oldest first (cosell registrations list)")
def list_(ctx: CtxDep, scope: CallerDep, status: str | None = None,
          partner: str | None = Query(None, description="partner_id")) -> dict[str, Any]:
    return list_registrations(ctx, scope, status, partner).model_dump(mode="json")


@router.get("/registrations/{registration_id}", summary="One registration")
def one(registration_id: str, ctx: CtxDep, scope: CallerDep) -> dict[str, Any]:
    return get_registration(ctx, scope, registration_id).model_dump(mode="json")


@router.post("/registrations/{registration_id}/approve", summary="Approve (cosell registrations approve)")
def approve(registration_id: str, ctx: CtxDep, scope: CallerDep, body: DecisionBody | None = None) -> dict[str, Any]:
    return approve_registration(ctx, scope, registration_id, body.reason if body else None).model_dump(mode="json")


@router.post("/registrations/{registration_id}/reject", summary="Reject with a reason (cosell registrations reject)")
def reject(registration_id: str, body: DecisionBody, ctx: CtxDep, scope: CallerDep) -> dict[str, Any]:
    return reject_registration(ctx, scope, registration_id, body.reason).model_dump(mode="json")


@router.post("/registrations/{registration_id}/extend", summary="Extend before expiry (cosell registrations extend)")
def extend(registration_id: str, body: ExtendBody, ctx: CtxDep, scope: CallerDep) -> dict[str, Any]:
    return extend_registration(ctx, scope, registration_id, body.days, body.reason).model_dump(mode="json")


@router.get("/audit", summary="The audit log, newest first (cosell audit; admin)")
def audit(ctx: CtxDep, scope: CallerDep, record: str | None = None,
          limit: int = Query(200, ge=1, le=10_000)) -> dict[str, Any]:
    return read_audit(ctx, scope, record, limit).model_dump(mode="json")
