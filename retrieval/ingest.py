"""`cosell ingest`: load an import folder (DATA.md) into the stores.

Structured records are replaced in ONE transaction (the folder is the truth: upsert by id, and what is
gone from the folder is removed), so a crash leaves the previous state. Bad input never loses data:
a required file that cannot be used stops the ingest before anything changes, a rejected row keeps
its stored version, and a sync removing too much asks for `allow_removals` (see `ingest_sync`). Content is synced per
document by `ContentService.sync_documents`, which only marks a document indexed once its chunks are
in the vector index: a rerun after a kill finishes the job without duplicates or orphans.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import BaseModel, Field
from sqlalchemy import delete

from assistant.core.errors import BadInput, Forbidden
from connectors.csv_folder import read_import_folder
from retrieval import programme_records as PR
from retrieval import records as R
from retrieval.directory import DirectoryIndex
from retrieval.ingest_sync import (
    TABLES,
    SyncPlan,
    apply_tables,
    check_admins_remain,
    check_removals,
    copilot_record_counts,
    erase_copilot_records,
    ingest_lock,
    plan_sync,
    stored_keys,
)
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

    @property
    def settings(self) -> Any: ...

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
    embedded_documents: int = Field(0, description="documents (re-)embedded by this run")
    profiles: int = Field(0, description="partner profiles in the directory's vector collection")
    embedded_profiles: int = Field(0, description="partner profiles (re-)embedded by this run")
    removed_documents: int = 0
    kept: dict[str, int] = Field(default_factory=dict,
                                 description="stored records kept because their new row or file was rejected")
    removed: dict[str, int] = Field(default_factory=dict, description="records removed: gone from the folder")
    erased: dict[str, int] = Field(default_factory=dict, description="--reset: the copilot's own records erased")
    rejected: list[RejectedItem] = Field(default_factory=list)


def replace_records(ctx: AppContext, bundle: Any, plan: SyncPlan | None = None) -> None:
    """Sync every structured table and the vendor/kits in one transaction (no documents: evals and
    tools that only need records call this directly; `ingest_folder` adds the content)."""
    with ctx.store.session() as session:
        apply_tables(session, bundle, plan or plan_sync(session, bundle))
        refused = {r.file for r in bundle.rejected}
        # a kit file that was refused keeps its stored kit, unless the kit id now comes from another file
        session.execute(delete(R.CampaignKitRow).where(
            R.CampaignKitRow.source.not_in(refused) | R.CampaignKitRow.kit_id.in_([k.kit_id for k in bundle.campaign_kits])))
        for kit in bundle.campaign_kits:
            data = kit.model_dump(mode="json")
            session.add(R.CampaignKitRow(kit_id=kit.kit_id, name=kit.name, source=kit.source, data=data))
        if not refused & {"vendor.yaml", "vendor.yml"}:  # a bad vendor.yaml keeps the stored settings
            vendor = bundle.vendor.model_dump(mode="json")
            vendor.update(vendor.pop("extra", None) or {})
            ctx.store.set_meta("vendor", vendor, session=session)
        # Programme records: imported rows upserted by id, what the copilot made kept (one hook)
        PR.load_imported(session, bundle, bundle.vendor.registration_protection_days)
        # Lets in-memory caches in any process (`ctx.cached`) see that records changed, without a scan.
        ctx.store.bump_records_version(session)


def reset_stores(ctx: AppContext) -> dict[str, int]:
    """Erase every imported record, document and the copilot's own records; returns what was erased."""
    with ctx.store.session() as session:
        erased = _kept_counts(session)
        for spec in TABLES:
            session.execute(delete(spec.model))
        erase_copilot_records(session)
        session.execute(delete(R.CampaignKitRow))
        session.execute(delete(R.Meta).where(R.Meta.key.in_(("vendor", R.RECORDS_VERSION))))
        PR.erase_all(session)
    ctx.content.reset()
    DirectoryIndex(ctx.settings, ctx.store, ctx.content.embedder).reset()
    return erased


def _kept_counts(session) -> dict[str, int]:
    """The copilot's own records, per table: drafts, corrections and the programme records."""
    return {**copilot_record_counts(session), **{k: n for k, n in PR.kept_counts(session).items() if n}}


def reset_notice(ctx: AppContext) -> str:
    """What `--reset` is about to erase, said before it does."""
    with ctx.store.session() as session:
        counts = _kept_counts(session)
    kept = ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in counts.items())
    return f"--reset erases every imported record and document, and the records the copilot keeps ({kept})."


def resolve_import_path(settings: Any, path: str) -> Path:
    """The folder a `POST /v1/ingest` may read: under COSELL_IMPORT_ROOT only (403 otherwise)."""
    root = settings.import_root
    if root is None:
        raise Forbidden("ingest by path over HTTP is disabled: set COSELL_IMPORT_ROOT on the server to the "
                        "directory import folders are placed in")
    base = Path(root).resolve()
    candidate = Path(path)
    resolved = (candidate if candidate.is_absolute() else base / candidate).resolve()
    if not resolved.is_relative_to(base):
        raise Forbidden(f"path {path!r} is outside the import root (COSELL_IMPORT_ROOT); give a folder under it")
    return resolved


def ingest_as(ctx: AppContext, scope: Scope, folder: Path, reset: bool = False, strict: bool = False,
              progress: ProgressFn | None = None, allow_removals: bool = False) -> IngestResult:
    """The entry point for every interface: only admins may ingest."""
    scope.require("ingest")
    return ingest_folder(ctx, folder, reset=reset, strict=strict, progress=progress,
                         allow_removals=allow_removals)


def ingest_folder(ctx: AppContext, folder: Path, reset: bool = False, strict: bool = False,
                  progress: ProgressFn | None = None, allow_removals: bool = False) -> IngestResult:
    folder = Path(folder)
    if not folder.is_dir():
        raise BadInput(f"import folder not found: {folder}")
    settings = ctx.settings
    with ingest_lock(settings.home_dir, settings.ingest_lock_wait_s):
        return _ingest_locked(ctx, folder, reset, strict, progress, allow_removals)


def _ingest_locked(ctx: AppContext, folder: Path, reset: bool, strict: bool, progress: ProgressFn | None,
                   allow_removals: bool) -> IngestResult:
    settings = ctx.settings
    files = [spec.file for spec in TABLES]
    reading = (lambda name: progress("reading", files.index(name) if name in files else len(files),
                                     len(files))) if progress else None
    with ctx.store.session() as session:
        stored = {} if reset else stored_keys(session)
        kept = {} if reset else PR.copilot_ids(session)
    bundle = read_import_folder(folder, on_progress=reading, stored=stored, kept=kept,
                                max_document_bytes=int(settings.max_document_mb * 2**20))
    rejected = [RejectedItem(**r.model_dump()) for r in bundle.rejected]
    with ctx.store.session() as session:  # planned and checked before anything changes
        plan = plan_sync(session, bundle)
        check_admins_remain(session, bundle, plan)
        if not reset and not allow_removals:
            check_removals(plan, settings.max_removal_share)
    if strict and rejected:
        return IngestResult(rejected=rejected)
    erased = reset_stores(ctx) if reset else {}
    replace_records(ctx, bundle, None if reset else plan)
    sync_progress = (lambda done, total: progress("embedding", done, total)) if progress else None
    stats = ctx.content.sync_documents(bundle.documents, progress=sync_progress, keep=plan.kept_documents)
    profiles = DirectoryIndex(settings, ctx.store, ctx.content.embedder).sync()  # after the content it quotes
    counts = {spec.attr: len(getattr(bundle, spec.attr)) for spec in TABLES if spec.attr in IngestResult.model_fields}
    return IngestResult(
        **counts,
        documents=stats.documents,
        chunks=stats.chunks,
        campaign_kits=len(bundle.campaign_kits),
        leads=len(bundle.leads),
        deal_registrations=len(bundle.deal_registrations),
        mdf_activities=len(bundle.mdf_activities),
        partner_candidates=len(bundle.partner_candidates),
        embedded_documents=stats.embedded_documents,
        profiles=profiles.profiles,
        embedded_profiles=profiles.embedded_profiles,
        removed_documents=stats.removed_documents,
        kept={} if reset else plan.kept_counts(),
        removed={} if reset else plan.removed_counts(),
        erased=erased,
        rejected=rejected,
    )
