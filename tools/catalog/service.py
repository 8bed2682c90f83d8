"""`cosell list partners|deals|kits|users`: the ids a command accepts, within the asker's scope.

Partners and deals are read through `ScopedRecords` (a partner seller sees their own partner and their
own deals only); kits are the campaign folder's (every role may draft); users are everyone for vendor
staff and the asker's own organisation for a partner seller. Whatever is left out says why in `note`.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field
from sqlalchemy import select

from assistant.core.errors import BadInput
from assistant.core.suggest import did_you_mean
from retrieval.records import CampaignKitRow, User
from retrieval.scope import Scope
from tools.context import ToolContext

KINDS = ("partners", "deals", "kits", "users")
Kind = Literal["partners", "deals", "kits", "users"]


class Item(BaseModel):
    id: str = Field(description="what to pass to other commands, e.g. P-001")
    name: str
    detail: str = Field("", description="a few words to tell items apart (tier, stage and amount, role...)")


class CatalogList(BaseModel):
    kind: Kind
    filter: str | None = None
    items: list[Item]
    total: int = Field(description="items shown (after --filter)")
    note: str = Field("", description="why some items are not listed for this asker, when some are not")


def list_items(ctx: ToolContext, scope: Scope, kind: str, text: str | None = None) -> CatalogList:
    """The `kind` items the asker may see whose id, name or detail contain `text` (any case)."""
    kind = (kind or "").strip().lower()
    if kind not in KINDS:
        raise BadInput(did_you_mean(f"unknown list '{kind}'", kind, KINDS))
    items, note = _READERS[kind](ctx, scope)
    needle = (text or "").strip().casefold()
    if needle:
        items = [i for i in items if needle in f"{i.id} {i.name} {i.detail}".casefold()]
    return CatalogList(kind=kind, filter=text or None, items=items, total=len(items), note=note)


def _partners(ctx: ToolContext, scope: Scope) -> tuple[list[Item], str]:
    with ctx.records(scope) as rec:
        items = [Item(id=p.partner_id, name=p.name, detail=f"{p.tier} {p.type}".strip()) for p in rec.partners()]
    note = (f"you are a partner seller of {scope.partner_id}: other partners are not shown"
            if scope.is_partner else "")
    return items, note


def _deals(ctx: ToolContext, scope: Scope) -> tuple[list[Item], str]:
    with ctx.records(scope) as rec:  # Forbidden (with the role) for a marketer
        items = [Item(id=o.opportunity_id, name=o.name,
                      detail=f"{o.stage}, {o.amount:,.0f} {o.currency}" if o.amount is not None else o.stage)
                 for o in rec.opportunities()]
    note = (f"you are a partner seller of {scope.partner_id}: only deals {scope.partner_id} is on or registered "
            "are shown" if scope.is_partner else "")
    return items, note


def _kits(ctx: ToolContext, scope: Scope) -> tuple[list[Item], str]:
    scope.require("draft")
    with ctx.records(scope) as rec:
        rows = rec.session.scalars(select(CampaignKitRow).order_by(CampaignKitRow.kit_id))
        items = [Item(id=k.kit_id, name=k.name,
                      detail=", ".join(sorted((k.data or {}).get("locales") or {}))) for k in rows]
    return items, ""


def _users(ctx: ToolContext, scope: Scope) -> tuple[list[Item], str]:
    stmt = select(User).order_by(User.user_id)
    if scope.is_partner:
        stmt = stmt.where(User.partner_id == scope.partner_id)
    with ctx.records(scope) as rec:
        items = [Item(id=u.user_id, name=u.name, detail=u.role + (f" of {u.partner_id}" if u.partner_id else ""))
                 for u in rec.session.scalars(stmt)]
    note = (f"you are a partner seller of {scope.partner_id}: only its users are shown" if scope.is_partner else "")
    return items, note


_READERS = {"partners": _partners, "deals": _deals, "kits": _kits, "users": _users}
