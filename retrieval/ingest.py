"""`cosell ingest`: load an import folder (DATA.md) into the stores.

Structured records are replaced in ONE transaction (the folder is the truth: upsert by id, and what is
gone from the folder is removed), so a crash leaves the previous state. Content is synced per
document by `ContentService.sync_documents`, which only marks a document indexed once its chunks are
in the vector index: a rerun after a kill finishes the job without duplicates or orphans.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import BaseModel, Field
from sqlalchemy import delete, insert

from assistant.core.errors import BadInput
from connectors.csv_folder import read_import_folder
from retrieval import programme_records as PR
from retrieval import records as R
from retrieval.scope import Scope

if TYPE_CHECKING:  # heavy: chromadb and torch; the content service comes built with the context
    from retrieval.content import ContentService

log = logging.getLogger(__name__)


class AppContext(Protocol):
    """What ingest needs of the application context (the engine's `AppContext` has it): the stores."""

    @property
    def store(self) -> R.RecordStore: ...

    @property
    def content(self) -> ContentService: ...

ProgressFn = Callable[[str, int, int], None]  # (phase, done, total)


class RejectedItem(BaseModel):
    file: str
    line: int | None = None
    column: str | None = None
    message: str


class IngestResult(BaseModel):
    partners: int = 0
    accounts: int = 0
    opportunities: int = 0
    partner_accounts: int = 0
    partner_activity: int = 0
    users: int = 0
    documents: int = 0
    chunks: int = 0
    campaign_kits: int = 0
    leads: int = 0
    deal_registrations: int = 0
    mdf_activities: int = 0
    partner_candidates: int = 0
    erased: dict[str, int] | None = Field(None, description="--reset: the kept records erased, per table")
    embedded_documents: int = Field(0, description="documents (re-)embedded by this run")
    removed_documents: int = 0
    rejected: list[RejectedItem] = Field(default_factory=list)


# (bundle attribute, SQL model, fields copied from the record model)
_TABLES: list[tuple[str, type[R.Base]]] = [
    ("partners", R.Partner),
    ("accounts", R.Account),
    ("opportunities", R.Opportunity),
    ("partner_accounts", R.PartnerAccount),
    ("partner_activity", R.PartnerActivity),
    ("users", R.User),
]


def _row(record: BaseModel, model: type[R.Base]) -> dict[str, Any]:
    data = record.model_dump()
    columns = model.__table__.columns.keys()
    return {name: data.get(name) for name in columns if name in data}


def replace_records(ctx: AppContext, bundle: Any) -> None:
    """Replace every structured table and the vendor/kits in one transaction (no documents: evals and
    tools that only need records call this directly; `ingest_folder` adds the content)."""
    with ctx.store.session() as session:
        for attr, model in _TABLES:
            session.execute(delete(model))
            rows = [_row(rec, model) for rec in getattr(bundle, attr)]
            for start in range(0, len(rows), 20_000):
                session.execute(insert(model), rows[start : start + 20_000])
        session.execute(delete(R.CampaignKitRow))
        for kit in bundle.campaign_kits:
            data = kit.model_dump(mode="json")
            session.add(R.CampaignKitRow(kit_id=kit.kit_id, name=kit.name, source=kit.source, data=data))
        vendor = bundle.vendor.model_dump(mode="json")
        vendor.update(vendor.pop("extra", None) or {})
        ctx.store.set_meta("vendor", vendor, session=session)
        # Programme records: imported rows upserted by id, what the copilot made kept (one hook)
        PR.load_imported(session, bundle, bundle.vendor.registration_protection_days)
        # Lets in-memory caches in any process (`ctx.cached`) see that records changed, without a scan.
        ctx.store.bump_records_version(session)


def reset_stores(ctx: AppContext) -> None:
    with ctx.store.session() as session:
        for _, model in _TABLES:
            session.execute(delete(model))
        session.execute(delete(R.CampaignKitRow))
        session.execute(delete(R.Meta).where(R.Meta.key.in_(("vendor", R.RECORDS_VERSION))))
        PR.erase_all(session)
    ctx.content.reset()


def records_a_reset_erases(ctx: AppContext) -> dict[str, int]:
    """The copilot's own records `ingest --reset` would erase, per table (said before it does)."""
    with ctx.store.session() as session:
        return PR.kept_counts(session)


def ingest_as(ctx: AppContext, scope: Scope, folder: Path, reset: bool = False, strict: bool = False,
              progress: ProgressFn | None = None) -> IngestResult:
    """The entry point for every interface: only admins may ingest."""
    scope.require("ingest")
    return ingest_folder(ctx, folder, reset=reset, strict=strict, progress=progress)


def ingest_folder(ctx: AppContext, folder: Path, reset: bool = False, strict: bool = False,
                  progress: ProgressFn | None = None) -> IngestResult:

    folder = Path(folder)
    if not folder.is_dir():
        raise BadInput(f"import folder not found: {folder}")
    if progress:
        progress("reading", 0, 1)
    bundle = read_import_folder(folder)
    rejected = [RejectedItem(**r.model_dump()) for r in bundle.rejected]
    if strict and rejected:
        return IngestResult(rejected=rejected)
    erased = None
    if reset:
        erased = records_a_reset_erases(ctx)
        reset_stores(ctx)
    replace_records(ctx, bundle)
    sync_progress = (lambda done, total: progress("embedding", done, total)) if progress else None
    stats = ctx.content.sync_documents(bundle.documents, progress=sync_progress)
    return IngestResult(
        partners=len(bundle.partners),
        accounts=len(bundle.accounts),
        opportunities=len(bundle.opportunities),
        partner_accounts=len(bundle.partner_accounts),
        partner_activity=len(bundle.partner_activity),
        users=len(bundle.users),
        documents=stats.documents,
        chunks=stats.chunks,
        campaign_kits=len(bundle.campaign_kits),
        leads=len(bundle.leads),
        deal_registrations=len(bundle.deal_registrations),
        mdf_activities=len(bundle.mdf_activities),
        partner_candidates=len(bundle.partner_candidates),
        erased=erased,
        embedded_documents=stats.embedded_documents,
        removed_documents=stats.removed_documents,
        rejected=rejected,
    )
