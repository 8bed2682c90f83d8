"""MDF actions for one partner (issue 21), from `tools.mdf.service`, read with the asker's scope:

- mdf_to_decide (admins and channel managers): a request waiting for a decision, with its quarter's budget.
- mdf_claim_due: an approved activity that has ended and is not claimed.
- mdf_not_started: an approved activity past its start with nothing claimed: run it or release the budget.
- mdf_reallocate / mdf_idle_budget (admins and channel managers): `mdf_advice` about this partner: a
  low-return partner whose budget would do better elsewhere, or a high-return partner with budget unused.

Impact (the ranking score, in revenue units like the other rules): the amount x the return per MDF dollar
(the programme's measured won / paid over the last year, else MDF_PIPELINE_PER_DOLLAR x vendor win rate)
x urgency: to decide 1.0-2.0 (+1 per two weeks waiting, capped), claim due 1.0, not started 0.5; the
advice carries its own expected gain.
"""
from __future__ import annotations

from retrieval.scope import Scope
from tools.context import ToolContext
from tools.mdf import service as mdf
from tools.next_best_action.partner_health import VendorBaselines
from tools.next_best_action.types import MDF_PIPELINE_PER_DOLLAR, Signal
from tools.types import money

POLICY = ["policy"]
WAIT_DAYS = 14


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def mdf_signals(ctx: ToolContext, scope: Scope, partner_id: str, partner_name: str, b: VendorBaselines) -> list[Signal]:
    if not scope.can("mdf"):
        return []
    due = mdf.mdf_to_act_on(ctx, scope)
    mine = {k: [a for a in v if a.partner_id == partner_id] for k, v in due.items()}
    advice = mdf.programme_advice(ctx, scope) if scope.is_internal else None
    measured = None
    if advice is not None:
        paid = sum(g.paid for g in advice.roi.partners)
        measured = sum(g.won for g in advice.roi.partners) / paid if paid > 0 else None
    per_dollar = measured if measured else MDF_PIPELINE_PER_DOLLAR * b.win_rate
    basis = (f"programme MDF return over the last year {measured:.1f}x" if measured
             else f"no measured MDF return yet: {MDF_PIPELINE_PER_DOLLAR:.0f}x pipeline per dollar x win rate "
                  f"{b.win_rate:.0%}")
    found: list[Signal] = []
    for a in mine["to_decide"]:
        age = max(0, (ctx.today() - a.requested_on).days) if a.requested_on else 0
        amount = a.requested_amount or 0.0
        found.append(Signal(
            kind="mdf_to_decide",
            title=f"Decide MDF request {a.activity_id} by {partner_name}: {a.name} "
                  f"({money(amount, a.currency)}, waiting {_days(age)})",
            why=f"{partner_name} asked for {money(amount, a.currency)} for {a.name}" + (f" ({a.kind})" if a.kind else "")
                + (f" starting {a.start_on.isoformat()}" if a.start_on else "") + "; it cannot plan it until "
                "the request is approved or told why not.",
            evidence=[f"MDF request {a.activity_id} made on {a.requested_on.isoformat() if a.requested_on else '?'} "
                      f"for {money(amount, a.currency)}, budget quarter {a.quarter or '?'}", basis],
            impact=amount * per_dollar * (1.0 + min(age / WAIT_DAYS, 1.0)),
            content_query="MDF policy approval rules eligible activities", content_kinds=POLICY,
            subject_id=a.activity_id))
    for a in mine["claim_due"]:
        amount = a.approved_amount or 0.0
        found.append(Signal(
            kind="mdf_claim_due",
            title=f"Claim MDF for {a.activity_id} ({a.name}): it ended on {a.end_on.isoformat()}",
            why=f"{money(amount, a.currency)} was approved for this activity; it ended and nothing is claimed, "
                f"so the partner is not reimbursed and its leads are not counted.",
            evidence=[f"MDF {a.activity_id} approved {money(amount, a.currency)}, ran "
                      f"{a.start_on.isoformat() if a.start_on else '?'} to {a.end_on.isoformat()}, status approved "
                      f"(no claim)"],
            impact=amount * per_dollar,
            content_query="MDF claim proof of performance reimbursement", content_kinds=POLICY,
            subject_id=a.activity_id))
    for a in mine["not_started"]:
        amount = a.approved_amount or 0.0
        found.append(Signal(
            kind="mdf_not_started",
            title=f"MDF activity {a.activity_id} ({a.name}) was to start on {a.start_on.isoformat()}: run it or "
                  f"release the {money(amount, a.currency)}",
            why="Approved funds that are not used hold the partner's budget for the quarter.",
            evidence=[f"MDF {a.activity_id} approved {money(amount, a.currency)} to start on "
                      f"{a.start_on.isoformat()}; nothing claimed yet", basis],
            impact=amount * per_dollar * 0.5,
            content_query="MDF activity planning campaign kit", content_kinds=POLICY,
            subject_id=a.activity_id))
    for item in advice.advice if advice else []:
        if item.partner_id != partner_id:
            continue
        found.append(Signal(kind=f"mdf_{item.rule}",
                            title=item.title, why=item.why, evidence=item.evidence, impact=item.impact,
                            content_query="MDF policy eligible activities", content_kinds=POLICY))
    return found
