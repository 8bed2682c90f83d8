"""Privacy-preserving account mapping over HTTP: the copilot as the broker (docs/private-mapping.md).

    POST /v1/partners/{id}/private-overlaps                  a partner's digests -> counts (+ references)
    PUT  /v1/partners/{id}/private-overlaps/vendor-digests   the vendor's digests for that partner

Same payloads as `cosell map-private match --json` / `publish --json`; permissions are the `map` row of
CLI.md (admins and channel managers any partner, marketers none, a partner seller only their own
partner), decided in `tools.private_mapping.service`. Included by the app factory:
`app.include_router(private_mapping.router)`.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from assistant.api.deps import CallerDep, CtxDep
from tools.private_mapping.service import HashedFile, HashedRow, publish_vendor_digests
from tools.private_mapping.service import private_overlaps as match

router = APIRouter(prefix="/v1", tags=["account mapping"])

MAX_ROWS = 200_000  # per request: larger exports go through the CLI


class PrivateOverlapBody(BaseModel):
    rows: list[HashedRow] = Field(..., max_length=MAX_ROWS, description="The partner's digests (`map-private hash`).")
    vendor_rows: list[HashedRow] | None = Field(
        None, max_length=MAX_ROWS,
        description="The vendor's digests, from the vendor's users only; default: those published for the partner.")


class VendorDigestsBody(BaseModel):
    rows: list[HashedRow] = Field(..., max_length=MAX_ROWS, description="From `cosell map-private hash-accounts`.")


@router.post("/partners/{partner_id}/private-overlaps",
             summary="Account mapping on keyed hashes (cosell map-private match)")
def private_overlaps(partner_id: str, body: PrivateOverlapBody, ctx: CtxDep, scope: CallerDep) -> dict[str, Any]:

    return match(ctx, scope, partner_id, body.rows, body.vendor_rows).model_dump(mode="json")


@router.put("/partners/{partner_id}/private-overlaps/vendor-digests",
            summary="Publish the vendor's digests for a partner (cosell map-private publish)")
def vendor_digests(partner_id: str, body: VendorDigestsBody, ctx: CtxDep, scope: CallerDep) -> dict[str, Any]:

    digests = HashedFile(party="vendor", partner_id=partner_id, rows=body.rows)
    return publish_vendor_digests(ctx, scope, partner_id, digests).model_dump(mode="json")
