"""How long a deal registration protects a deal, and until when: one answer for every tool.

The length is the vendor's (vendor.yaml `registration_protection_days`), else the setting
`COSELL_REGISTRATION_PROTECTION_DAYS` (default 90). The end of a deal's protection is its registration
record's `expires_on` when the copilot keeps one linked to the deal (approved, extended, or approved and since
expired: CLI.md "Deal registrations", DATA.md `deal_registrations.csv`), else the deal's creation date plus
that length (a deal the CRM marks `registered_by` with no record behind it).
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from retrieval.programme_records import Registration
from tools.context import ToolContext

PROTECTING = ("approved", "expired")  # stored statuses whose `expires_on` is the end of a deal's protection


def protection_days(ctx: ToolContext) -> int:
    """vendor.yaml `registration_protection_days`, else the setting (default 90)."""
    return int(ctx.vendor().get("registration_protection_days") or ctx.settings.registration_protection_days)


def kept_protection(ctx: ToolContext) -> dict[str, tuple[str, dt.date]]:
    """opportunity_id -> (registering partner, last protected day) from the registration records linked to a
    deal, the latest end when several. Read as the system: callers show only what the asker may know of a deal
    they already reach (a partner seller never learns who else registered)."""
    ends: dict[str, tuple[str, dt.date]] = {}
    with ctx.store.session() as session:
        rows = session.scalars(select(Registration).where(Registration.opportunity_id.is_not(None),
                                                          Registration.status.in_(PROTECTING),
                                                          Registration.expires_on.is_not(None)))
        for row in rows:
            known = ends.get(row.opportunity_id)
            if known is None or row.expires_on > known[1]:
                ends[row.opportunity_id] = (row.partner_id, row.expires_on)
    return ends


def deal_protection(deal: Any, kept: dict[str, tuple[str, dt.date]],
                    days: int) -> tuple[str | None, dt.date | None]:
    """(who registered the deal, the last day it is protected): the kept record's, else the CRM's
    `registered_by` with created_on + `days`; (None, None) for a deal nobody registered."""
    record = kept.get(deal.opportunity_id)
    if record:
        return record
    if deal.registered_by and deal.created_on:
        return deal.registered_by, deal.created_on + dt.timedelta(days=days)
    return None, None
