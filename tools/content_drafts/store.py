"""Saved drafts and their approval workflow: save as pending, list, read, approve or reject.

Who may see a draft is decided here, where drafts are read (CLI.md permissions of `draft`): a partner
seller sees their own partner's drafts, and a draft naming an account only whoever may read the account.
"""
from __future__ import annotations

import datetime as dt
import secrets
from typing import Literal

from pydantic import BaseModel, Field
from sqlalchemy import select, update

from assistant.core.errors import BadInput, Forbidden, NotFound
from retrieval.records import DraftRow, Partner
from retrieval.scope import Scope, ScopedRecords
from tools.content_drafts.checks import Check, html_to_text
from tools.content_drafts.types import DraftResponse
from tools.context import ToolContext


class Draft(BaseModel):
    """A saved draft in the approval workflow."""

    draft_id: str
    kit_id: str
    partner_id: str
    partner_name: str | None = None
    account_id: str | None
    locale: str
    channel: str
    subject: str | None
    body: str
    html: str | None
    checks: list[Check]
    passed: bool
    status: Literal["pending", "approved", "rejected"]
    created_by: str
    created_at: dt.datetime
    reviewed_by: str | None = None
    review_comment: str | None = None
    reviewed_at: dt.datetime | None = None


class DraftList(BaseModel):
    drafts: list[Draft]
    total: int = Field(0, description="Drafts matching, over all pages.")
    offset: int = 0
    next_offset: int | None = Field(None, description="Pass as offset for the next page; null on the last.")


def save_draft(ctx: ToolContext, scope: Scope, draft: DraftResponse) -> tuple[str, bool]:
    """Saves the draft as `pending` for review: (its id, whether it was already there). The same inputs
    (partner, kit, account, locale, channel, author) with a draft still pending return that draft, its text
    brought up to date if it changed (a kit re-imported, an LLM's new wording), instead of another copy. A
    landing draft is stored as its HTML."""
    body = draft.html if draft.channel == "landing" and draft.html else draft.body
    checks = [c.model_dump() for c in draft.checks]
    with ctx.store.session() as session:
        existing = session.scalars(select(DraftRow).where(
            DraftRow.partner_id == draft.partner_id, DraftRow.kit_id == draft.kit_id,
            DraftRow.account_id.is_(None) if draft.account_id is None else DraftRow.account_id == draft.account_id,
            DraftRow.locale == draft.resolved_locale, DraftRow.channel == draft.channel,
            DraftRow.created_by == scope.user_id, DraftRow.status == "pending",
        ).order_by(DraftRow.created_at.desc()).limit(1)).first()
        if existing is not None:
            if (existing.subject, existing.body, existing.checks) != (draft.subject, body, checks):
                existing.subject, existing.body, existing.checks = draft.subject, body, checks
                existing.created_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
            return existing.draft_id, True
        draft_id = "DR-" + secrets.token_hex(6).upper()
        session.add(DraftRow(
            draft_id=draft_id, kit_id=draft.kit_id, partner_id=draft.partner_id, account_id=draft.account_id,
            locale=draft.resolved_locale, channel=draft.channel, subject=draft.subject, body=body,
            checks=checks, status="pending", created_by=scope.user_id))
    return draft_id, False


def _to_draft(row: DraftRow, partner_name: str | None = None) -> Draft:
    checks = [Check(**c) for c in row.checks or []]
    landing = row.channel == "landing"
    return Draft(
        draft_id=row.draft_id, kit_id=row.kit_id, partner_id=row.partner_id, partner_name=partner_name,
        account_id=row.account_id,
        locale=row.locale, channel=row.channel, subject=row.subject,
        body=html_to_text(row.body) if landing else row.body, html=row.body if landing else None,
        checks=checks, passed=all(c.passed for c in checks), status=row.status, created_by=row.created_by,
        created_at=row.created_at, reviewed_by=row.reviewed_by, review_comment=row.review_comment,
        reviewed_at=row.reviewed_at)


def _may_see(rec: ScopedRecords, row: DraftRow) -> None:
    """Raises Forbidden unless the user may see this draft: own partner's only for partner sellers, and
    a draft naming an account only for whoever may read that account (marketers read no accounts)."""
    rec.scope.require_partner(row.partner_id)
    if not row.account_id:
        return
    if rec.scope.role == "marketer":
        raise Forbidden(f"user '{rec.scope.user_id}' (marketer) may not see draft '{row.draft_id}' "
                        "(it names an account)")
    try:
        rec.account(row.account_id)
    except NotFound:  # the account left the CRM since: only internal users keep seeing the draft
        if not rec.scope.is_internal:
            raise Forbidden(f"user '{rec.scope.user_id}' may not see draft '{row.draft_id}'") from None


def _visible(rec: ScopedRecords, row: DraftRow) -> bool:
    try:
        _may_see(rec, row)
        return True
    except Forbidden:
        return False


MAX_PAGE = 500


def list_drafts(ctx: ToolContext, scope: Scope, partner_id: str | None = None, status: str | None = None,
                limit: int = 200, offset: int = 0) -> DraftList:
    """Drafts the user may see, newest first, one page (`limit` from `offset`; `next_offset` for more)."""
    scope.require("draft")
    if not 1 <= limit <= MAX_PAGE or offset < 0:
        raise BadInput(f"limit must be 1 to {MAX_PAGE} and offset at least 0 (got {limit}, {offset})")
    if status is not None and status not in ("pending", "approved", "rejected"):
        raise BadInput(f"unknown draft status '{status}' (pending, approved or rejected)")
    stmt = select(DraftRow).order_by(DraftRow.created_at.desc(), DraftRow.draft_id)
    if scope.is_partner:
        scope.require_partner(partner_id or scope.partner_id or "")
        partner_id = scope.partner_id
    if partner_id:
        stmt = stmt.where(DraftRow.partner_id == partner_id)
    if status:
        stmt = stmt.where(DraftRow.status == status)
    with ctx.records(scope) as rec:
        rows = [r for r in rec.session.scalars(stmt) if _visible(rec, r)]
        page = rows[offset:offset + limit]
        more = offset + len(page) < len(rows)
        names = _partner_names(rec, {r.partner_id for r in page})
        return DraftList(drafts=[_to_draft(r, names.get(r.partner_id)) for r in page], total=len(rows), offset=offset,
                         next_offset=offset + len(page) if more else None)


def get_draft(ctx: ToolContext, scope: Scope, draft_id: str) -> Draft:
    scope.require("draft")
    draft_id = (draft_id or "").strip().upper()  # ids are made upper case: dr-1a2b... is the same draft
    with ctx.records(scope) as rec:
        row = rec.session.get(DraftRow, draft_id)
        if row is None:
            raise NotFound(f"unknown draft '{draft_id}'")
        _may_see(rec, row)
        return _to_draft(row, _partner_names(rec, {row.partner_id}).get(row.partner_id))


def _partner_names(rec: ScopedRecords, partner_ids: set[str]) -> dict[str, str]:
    """Names of the partners of drafts the user may see (their drafts' partners only)."""
    if not partner_ids:
        return {}
    rows = rec.session.execute(select(Partner.partner_id, Partner.brand_name, Partner.name)
                               .where(Partner.partner_id.in_(partner_ids)))
    return {pid: (brand or name) for pid, brand, name in rows}


_DECISIONS = {"approved": "approved", "approve": "approved", "rejected": "rejected", "reject": "rejected"}


def review_draft(ctx: ToolContext, scope: Scope, draft_id: str, decision: str,
                 comment: str | None = None) -> Draft:
    """Approve or reject a pending draft. A rejection, or approving a draft that failed checks, needs a
    comment."""
    scope.require("review_drafts")
    status = _DECISIONS.get((decision or "").strip().lower())
    if status is None:
        raise BadInput(f"unknown decision '{decision}' (approved or rejected)")
    comment = (comment or "").strip() or None
    draft = get_draft(ctx, scope, draft_id)
    draft_id = draft.draft_id
    if draft.status != "pending":
        raise BadInput(f"draft '{draft_id}' was already {draft.status} by {draft.reviewed_by}")
    if status == "rejected" and not comment:
        raise BadInput("a rejection needs a comment saying what to change")
    if status == "approved" and not draft.passed and not comment:
        failed = ", ".join(c.name for c in draft.checks if not c.passed)
        raise BadInput(f"draft '{draft_id}' failed checks ({failed}): approving it needs a comment")
    with ctx.store.session() as session:
        # Conditional update: two reviewers at once cannot both decide the same draft.
        done = session.execute(
            update(DraftRow).where(DraftRow.draft_id == draft_id, DraftRow.status == "pending").values(
                status=status, reviewed_by=scope.user_id, review_comment=comment,
                reviewed_at=dt.datetime.now(dt.UTC).replace(tzinfo=None)))
        if done.rowcount != 1:
            raise BadInput(f"draft '{draft_id}' was reviewed by someone else just now")
    return get_draft(ctx, scope, draft_id)
