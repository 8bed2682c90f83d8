"""The /v1 routes: the CLI's commands over HTTP, same payloads as `--json` (CLI.md "HTTP API").

Thin: parse, call one service function (a tool), return its result. A route that returns a tool's result
declares the tool's model as its return type: FastAPI's response_model, so the OpenAPI schema documents
the payload and FastAPI serialises it (the same JSON as `--json`). Endpoints are plain `def`, so the
blocking work runs in FastAPI's threadpool. Permissions are the tools' (ScopedRecords), as on the CLI.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from assistant.api.deps import CallerDep, CtxDep
from assistant.core.errors import BadInput
from retrieval.ingest import ingest_as, resolve_import_path
from tools.account_mapping.service import (
    MappingResponse,
    map_accounts,
    record_correction,
    refresh_stored_matches,
)
from tools.analytics.service import refresh_stored_portfolio
from tools.content_drafts.service import (
    Channel,
    DraftResponse,
    draft_content,
    get_draft,
    list_drafts,
    review_draft,
)
from tools.next_best_action.service import NbaResponse, next_best_actions
from tools.partner_match.service import (
    MatchResponse,
    RegistrationCheckResponse,
    RegistrationProposal,
    check_registration,
    match_partners,
)
from tools.search.service import SearchResponse, search_content

router = APIRouter(prefix="/v1")


def as_json(result: Any) -> Any:
    if isinstance(result, BaseModel):
        return result.model_dump(mode="json")
    if isinstance(result, (list, tuple)):
        return [as_json(item) for item in result]
    return result


@router.get("/search", tags=["content"], summary="Search the enablement content you may see (cosell search)")
def search(
    ctx: CtxDep,
    scope: CallerDep,
    q: Annotated[str, Query(min_length=1, max_length=2000)],
    k: Annotated[int, Query(ge=1, le=100)] = 5,
) -> SearchResponse:
    return search_content(ctx, scope, q, k=k)


@router.get(
    "/partners/{partner_id}/overlaps", tags=["account mapping"], summary="Account mapping (cosell map)"
)
def overlaps(partner_id: str, ctx: CtxDep, scope: CallerDep) -> MappingResponse:
    return map_accounts(ctx, scope, partner_id)


class CorrectionBody(BaseModel):
    row_key: str = Field(..., min_length=1, description="The partner row (`row_key` in the overlaps).")
    account_id: str = Field(..., min_length=1)
    decision: Literal["confirmed", "rejected"]
    comment: str | None = None


@router.post(
    "/partners/{partner_id}/overlaps/corrections",
    tags=["account mapping"],
    summary="Confirm or reject an account match (cosell map-corrections)",
)
def overlap_correction(
    partner_id: str, body: CorrectionBody, ctx: CtxDep, scope: CallerDep
) -> Any:

    return as_json(
        record_correction(ctx, scope, partner_id, body.row_key, body.account_id, body.decision, body.comment)
    )


@router.get(
    "/opportunities/{opportunity_id}/partner-matches",
    tags=["partner matching"],
    summary="Rank partners for a deal (cosell match)",
)
def partner_matches(
    opportunity_id: str, ctx: CtxDep, scope: CallerDep, top: Annotated[int, Query(ge=1, le=50)] = 5
) -> MatchResponse:
    return match_partners(ctx, scope, opportunity_id, top=top)


@router.get(
    "/partners/{partner_id}/next-best-actions",
    tags=["next best actions"],
    summary="Next best actions for a partner (cosell nba --partner)",
)
def partner_nba(partner_id: str, ctx: CtxDep, scope: CallerDep) -> NbaResponse:
    return next_best_actions(ctx, scope, partner_id=partner_id)


@router.get(
    "/opportunities/{opportunity_id}/next-best-actions",
    tags=["next best actions"],
    summary="Next best actions for a deal (cosell nba --opportunity)",
)
def opportunity_nba(opportunity_id: str, ctx: CtxDep, scope: CallerDep) -> NbaResponse:
    return next_best_actions(ctx, scope, opportunity_id=opportunity_id)


class RegistrationBody(BaseModel):
    partner_id: str = Field(..., min_length=1)
    account_name: str | None = Field(None, description="The account as the partner writes it.")
    domain: str | None = None
    products: list[str] = Field(default_factory=list)
    amount: float | None = Field(None, ge=0, le=1e13, allow_inf_nan=False)
    country: str | None = Field(None, max_length=64)


@router.post(
    "/deal-registrations/check",
    tags=["partner matching"],
    summary="Check a proposed deal registration (cosell register-check)",
)
def registration_check(body: RegistrationBody, ctx: CtxDep, scope: CallerDep) -> RegistrationCheckResponse:
    return check_registration(ctx, scope, RegistrationProposal(**body.model_dump()))


class DraftBody(BaseModel):
    partner_id: str = Field(..., min_length=1)
    kit_id: str = Field(..., min_length=1)
    locale: str = Field(..., min_length=2, description="BCP 47 tag: de, pt-BR, fr-CA ...")
    channel: Channel
    account_id: str | None = None


@router.post("/drafts", tags=["drafts"], summary="A co-branded, localised draft (cosell draft)")
def create_draft(body: DraftBody, ctx: CtxDep, scope: CallerDep) -> DraftResponse:
    return draft_content(ctx, scope, body.partner_id, body.kit_id, body.locale, body.channel,
                         account_id=body.account_id)


@router.get("/drafts", tags=["drafts"], summary="Saved drafts you may see (cosell drafts list)")
def get_drafts(
    ctx: CtxDep,
    scope: CallerDep,
    partner_id: str | None = None,
    status: Literal["pending", "approved", "rejected"] | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 200,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> Any:

    return as_json(list_drafts(ctx, scope, partner_id=partner_id, status=status, limit=limit, offset=offset))


@router.get("/drafts/{draft_id}", tags=["drafts"], summary="One saved draft (cosell drafts show)")
def get_one_draft(draft_id: str, ctx: CtxDep, scope: CallerDep) -> Any:
    return as_json(get_draft(ctx, scope, draft_id))


class ReviewBody(BaseModel):
    comment: str | None = None


@router.post("/drafts/{draft_id}/{action}", tags=["drafts"], summary="Approve or reject a draft")
def review(
    draft_id: str,
    action: Literal["approve", "reject"],
    ctx: CtxDep,
    scope: CallerDep,
    body: ReviewBody | None = None,
) -> Any:

    comment = body.comment if body else None
    if action == "reject" and not (comment or "").strip():
        raise BadInput("rejecting a draft needs a comment")
    decision = "approved" if action == "approve" else "rejected"
    return as_json(review_draft(ctx, scope, draft_id, decision, comment))


class IngestBody(BaseModel):
    path: str | None = Field(None, min_length=1, max_length=4096,
                             description="Required: an import folder under the server's COSELL_IMPORT_ROOT "
                             "(DATA.md). Checked after the caller's role, so a non-admin gets 403 whatever the body.")
    reset: bool = False
    strict: bool = False
    allow_removals: bool = Field(False, description="Remove more than COSELL_MAX_REMOVAL_SHARE of a table "
                                 "or of the documents (cosell ingest --allow-removals).")


@router.post("/ingest", tags=["admin"], summary="Load an import folder (cosell ingest; admin)")
def ingest(ctx: CtxDep, scope: CallerDep, body: IngestBody | None = None) -> dict:
    scope.require("ingest")  # first: a caller who may not ingest gets 403 whatever the body (CLI.md)
    if body is None or body.path is None:
        raise BadInput('POST /v1/ingest needs a body: {"path": "<import folder under COSELL_IMPORT_ROOT>"}')
    folder = resolve_import_path(ctx.settings, body.path)
    result = ingest_as(ctx, scope, folder, reset=body.reset, strict=body.strict, allow_removals=body.allow_removals)
    refresh_stored_matches(ctx)  # account mapping computed now, not by the next map request
    refresh_stored_portfolio(ctx)  # likewise the portfolio, not by the next portfolio request
    return as_json(result)
