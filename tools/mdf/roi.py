"""`cosell mdf roi` (CLI.md "MDF"): the activities whose `start_on` is in the period, per activity, per
partner and (an addition) per kind: `paid` (the paid amount), `pipeline` (open deals whose
`mdf_activity_id` is the activity), `won` (its `closed_won` deals with a close date up to today), `roi` =
won / paid (null when nothing was paid), in the reporting currency.

Conversion as `tools.currency` (vendor.yaml `reporting_currency` and `fx_rates`): an activity or a deal
in a currency without a rate is left out of every figure and listed in `unconverted`.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import select

from retrieval.programme_records import MdfActivityRow, OpportunityMdf
from retrieval.records import Opportunity
from retrieval.scope import Scope
from tools.context import ToolContext
from tools.currency import Converter
from tools.mdf.types import RoiActivity, RoiGroup, RoiResponse
from tools.types import CLOSED_STAGES, period


def ratio(won: float, paid: float) -> float | None:
    return round(won / paid, 4) if paid > 0 else None


def _group(rows: list[RoiActivity], **key: str | None) -> RoiGroup:
    paid = round(sum(r.paid for r in rows), 2)
    won = round(sum(r.won for r in rows), 2)
    return RoiGroup(**key, activities=len(rows), paid=paid, pipeline=round(sum(r.pipeline for r in rows), 2),
                    won=won, roi=ratio(won, paid))


def mdf_roi(ctx: ToolContext, scope: Scope, partner_id: str | None = None, start: str | dt.date | None = None,
            end: str | dt.date | None = None) -> RoiResponse:
    """What each activity started in the period paid, brought into the pipeline and won. A partner seller
    sees only their own partner's activities."""
    scope.require("mdf")
    if partner_id is not None:
        scope.require_partner(partner_id)
        with ctx.records(scope) as rec:  # an unknown id is NotFound (exit 2, HTTP 404), not an empty list
            partner_id = rec.partner(partner_id).partner_id  # and its stored spelling (ids in any case)
    if scope.is_partner:
        partner_id = scope.partner_id
    today = ctx.today()
    first, last = period(today, start, end)
    fx = Converter.from_vendor(ctx.vendor())
    unconverted: list[str] = []
    with ctx.store.session() as session:
        query = select(MdfActivityRow).where(MdfActivityRow.start_on >= first, MdfActivityRow.start_on <= last)
        if partner_id:
            query = query.where(MdfActivityRow.partner_id == partner_id)
        chosen = sorted(session.scalars(query), key=lambda r: (r.start_on, r.activity_id))
        ids = [r.activity_id for r in chosen]
        deals = session.execute(select(OpportunityMdf.mdf_activity_id, Opportunity.opportunity_id, Opportunity.stage,
                                       Opportunity.amount, Opportunity.currency, Opportunity.close_date)
                                .join(Opportunity, Opportunity.opportunity_id == OpportunityMdf.opportunity_id)
                                .where(OpportunityMdf.mdf_activity_id.in_(ids))).all() if ids else []
    pipeline: dict[str, float] = defaultdict(float)
    won: dict[str, float] = defaultdict(float)
    brought: dict[str, list[str]] = defaultdict(list)
    for d in sorted(deals, key=lambda d: d.opportunity_id):
        brought[d.mdf_activity_id].append(d.opportunity_id)
        value = fx.convert(d.amount, d.currency)
        if value is None:
            unconverted.append(d.opportunity_id)
        elif d.stage not in CLOSED_STAGES:
            pipeline[d.mdf_activity_id] += value
        elif d.stage == "closed_won" and (d.close_date is None or d.close_date <= today):
            won[d.mdf_activity_id] += value
    activities: list[RoiActivity] = []
    for row in chosen:
        paid = fx.convert(row.paid_amount, row.currency)
        if paid is None:
            unconverted.append(row.activity_id)
            continue
        a_won = round(won[row.activity_id], 2)
        activities.append(RoiActivity(activity_id=row.activity_id, partner_id=row.partner_id, name=row.name,
                                      kind=row.kind, paid=round(paid, 2), pipeline=round(pipeline[row.activity_id], 2),
                                      won=a_won, roi=ratio(a_won, paid), deals=brought[row.activity_id]))
    by_partner: dict[str, list[RoiActivity]] = defaultdict(list)
    by_kind: dict[str, list[RoiActivity]] = defaultdict(list)
    for a in activities:
        by_partner[a.partner_id].append(a)
        by_kind[a.kind or "other"].append(a)
    return RoiResponse(**{"from": first}, to=last, currency=fx.currency, activities=activities,
                       partners=[_group(rows, partner_id=p) for p, rows in sorted(by_partner.items())],
                       kinds=[_group(rows, kind=k) for k, rows in sorted(by_kind.items())],
                       unconverted=unconverted)
