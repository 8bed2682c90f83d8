"""Where unspent or low-return MDF would do better, with the numbers behind it (issue 21).

From `mdf_roi` over the period (default the last 365 days) and this quarter's budgets:
- reallocate: a partner whose return (won / paid) is under half the programme's, next to the partner with
  the best return. The amount at stake is the low partner's budget not yet approved this quarter, else what
  it was paid in the period; the expected gain is that amount x (the best return - its return).
- idle_budget: a partner returning at least the programme's rate with budget this quarter not approved yet;
  the expected gain is that budget x its return.
- kind: a kind of activity returning under half the best kind's rate (two activities or more each); the gain
  is what the weak kind was paid x the difference.
Partners need a paid activity in the period to be judged. A partner seller gets advice on its own
activities only (kinds), never another partner's figures.
"""
from __future__ import annotations

import datetime as dt

from retrieval.scope import Scope
from tools.context import ToolContext
from tools.mdf import budget as budgets
from tools.mdf.roi import mdf_roi
from tools.mdf.types import AdviceResponse, MdfAdvice, RoiGroup
from tools.types import money

LOW_SHARE = 0.5  # a return under half the programme's (or the best kind's) is low
MIN_KIND_ACTIVITIES = 2


def _x(roi: float | None) -> str:
    return "no return measured" if roi is None else f"{roi:.1f}x"


def _line(g: RoiGroup, label: str, currency: str) -> str:
    return (f"{label}: paid {money(g.paid, currency)} over {g.activities} activit{'y' if g.activities == 1 else 'ies'}, "
            f"won {money(g.won, currency)}, open pipeline {money(g.pipeline, currency)}; return {_x(g.roi)}")


def _left_this_quarter(ctx: ToolContext, partner_ids: list[str]) -> dict[str, tuple[str, float, float]]:
    """partner -> (quarter, allocated, left unapproved) for the current quarter."""
    quarter = budgets.quarter_of(ctx.today())
    out = {}
    with ctx.store.session() as session:
        for pid in partner_ids:
            b = budgets.budget(session, ctx.vendor(), pid, quarter)
            out[pid] = (quarter, b.allocated, max(b.allocated - b.approved, 0.0))
    return out


def mdf_advice(ctx: ToolContext, scope: Scope, partner_id: str | None = None, start: str | dt.date | None = None,
               end: str | dt.date | None = None) -> AdviceResponse:
    """Advice, highest expected gain first; `partner_id` keeps the advice about that partner."""
    if partner_id is not None:
        scope.require_partner(partner_id)
        with ctx.records(scope) as rec:  # an unknown id is NotFound (exit 2, HTTP 404), not all the advice
            partner_id = rec.partner(partner_id).partner_id
    roi = mdf_roi(ctx, scope, None, start, end)  # the whole programme (a partner seller: its own)
    cur = roi.currency
    total_paid = sum(g.paid for g in roi.partners)
    total_won = sum(g.won for g in roi.partners)
    overall = total_won / total_paid if total_paid > 0 else None
    programme = (f"Programme MDF return {roi.from_} to {roi.to}: won {money(total_won, cur)} on "
                 f"{money(total_paid, cur)} paid ({_x(overall)})")
    advice: list[MdfAdvice] = []
    judged = [g for g in roi.partners if g.paid > 0 and g.roi is not None]
    if overall and not scope.is_partner and judged:
        best = max(judged, key=lambda g: (g.roi, g.won))
        left = _left_this_quarter(ctx, [g.partner_id for g in judged])
        for g in judged:
            quarter, allocated, unapproved = left[g.partner_id]
            if g.roi < LOW_SHARE * overall and best.roi > g.roi and g.partner_id != best.partner_id:
                amount = unapproved or g.paid
                source = (f"{money(unapproved, cur)} of its {quarter} budget ({money(allocated, cur)}) not approved yet"
                          if unapproved else f"the {money(g.paid, cur)} it was paid in the period")
                advice.append(MdfAdvice(
                    rule="reallocate", partner_id=g.partner_id, impact=round(amount * (best.roi - g.roi), 2),
                    title=f"Move MDF from {g.partner_id} ({_x(g.roi)}) towards {best.partner_id} ({_x(best.roi)})",
                    why=f"{g.partner_id} returned {_x(g.roi)} on its MDF, under half the programme's {_x(overall)}; "
                        f"{best.partner_id} returned {_x(best.roi)}. Put {source} where it returns more: about "
                        f"{money(amount * (best.roi - g.roi), cur)} more won revenue at these rates.",
                    evidence=[_line(g, g.partner_id, cur), _line(best, best.partner_id, cur), programme]))
            elif g.roi >= overall and unapproved > 0:
                advice.append(MdfAdvice(
                    rule="idle_budget", partner_id=g.partner_id, impact=round(unapproved * g.roi, 2),
                    title=f"{g.partner_id} returns {_x(g.roi)} on MDF and has {money(unapproved, cur)} of its "
                          f"{quarter} budget unused: plan an activity with it",
                    why=f"At its return of {_x(g.roi)} the unused {money(unapproved, cur)} would bring about "
                        f"{money(unapproved * g.roi, cur)} of won revenue.",
                    evidence=[_line(g, g.partner_id, cur),
                              f"{quarter} budget: allocated {money(allocated, cur)}, "
                              f"{money(allocated - unapproved, cur)} approved, {money(unapproved, cur)} left",
                              programme]))
    kinds = [k for k in roi.kinds if k.activities >= MIN_KIND_ACTIVITIES and k.paid > 0 and k.roi is not None]
    if len(kinds) >= 2:
        best_kind = max(kinds, key=lambda k: (k.roi, k.won))
        for k in kinds:
            if k.kind != best_kind.kind and k.roi < LOW_SHARE * best_kind.roi:
                gain = k.paid * (best_kind.roi - k.roi)
                advice.append(MdfAdvice(
                    rule="kind", kind=k.kind, impact=round(gain, 2),
                    title=f"Favour {best_kind.kind} activities ({_x(best_kind.roi)}) over {k.kind} ({_x(k.roi)})",
                    why=f"{k.kind.capitalize()} activities returned {_x(k.roi)}, {best_kind.kind} activities "
                        f"{_x(best_kind.roi)}: the {money(k.paid, cur)} paid for {k.kind} would have won about "
                        f"{money(gain, cur)} more as {best_kind.kind}.",
                    evidence=[_line(k, k.kind or "other", cur), _line(best_kind, best_kind.kind or "other", cur),
                              programme]))
    if partner_id:
        advice = [a for a in advice if a.partner_id == partner_id or (a.partner_id and partner_id in a.title)]
    advice.sort(key=lambda a: (-a.impact, a.title))
    return AdviceResponse(currency=cur, advice=advice, roi=roi)
