"""`cosell audit`: who changed which kept record, when, with the record before and after (admins only)."""
from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select

from retrieval.programme_records import AuditEntry
from retrieval.scope import Scope
from tools.context import ToolContext


class AuditEntryOut(BaseModel):
    at: dt.datetime
    user_id: str
    action: str
    record_type: str
    record_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


class AuditLog(BaseModel):
    entries: list[AuditEntryOut]


def read_audit(ctx: ToolContext, scope: Scope, record_id: str | None = None, limit: int = 200) -> AuditLog:
    """The newest changes first; `record_id` keeps one record's history."""
    scope.require("audit")
    with ctx.store.session() as session:
        query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(max(1, limit))
        if record_id:
            query = query.where(AuditEntry.record_id == record_id)
        rows = session.scalars(query).all()
        return AuditLog(entries=[AuditEntryOut(at=r.at, user_id=r.user_id, action=r.action,
                                               record_type=r.record_type, record_id=r.record_id,
                                               before=r.before, after=r.after) for r in rows])
