"""Onboarding actions for one partner still in onboarding (issue 21), from `tools.onboarding.service`, read
with the asker's scope: each step of its plan that is overdue (`onboarding_overdue`) or due within two weeks
(`onboarding_due`), with the step's own evidence (in the asker's language) and where its due date comes from.

Impact (the ranking score, in revenue units like the other rules): one typical deal (median amount x vendor
win rate) x urgency: overdue 0.5-1.0 (+0.5 per 90 days overdue, capped), due soon 0.25. A step is what leads
to a partner's first deals, not a deal itself: it ranks below a deal at stake and above nothing. The first
registration and first win steps are left out when `slow_first_deal` already says the same.
"""
from __future__ import annotations

from retrieval.scope import Scope
from tools.context import ToolContext
from tools.next_best_action.partner_health import VendorBaselines
from tools.next_best_action.types import Signal
from tools.onboarding import service as onboarding

CONTENT = {  # (query, document kinds) per kind of step, for the action's content
    "training": ("{subject} enablement training", ["training"]),
    "certification": ("{subject} certification exam", ["training"]),
    "certified_staff": ("certification tracks certified staff tier requirements", ["training", "policy"]),
    "first_registration": ("how to register a deal: deal registration", ["policy"]),
    "first_win": ("new partner first deal playbook", ["playbook", "training"]),
    "tier_result": ("partner tier requirements and benefits", ["policy"]),
}
FIRST_DEAL_STEPS = frozenset({"first_registration", "first_win"})
OVERDUE_SCALE_DAYS = 90


def onboarding_signals(ctx: ToolContext, scope: Scope, partner_id: str, b: VendorBaselines,
                       slow_first_deal: bool = False) -> list[Signal]:
    if not scope.can("onboarding"):
        return []
    found = []
    for item in onboarding.steps_to_act_on(ctx, scope, partner_id):
        step = item.step
        if slow_first_deal and step.kind in FIRST_DEAL_STEPS:
            continue
        overdue = step.status == "overdue"
        urgency = 0.5 + min(-item.days_left / OVERDUE_SCALE_DAYS, 1.0) * 0.5 if overdue else 0.25
        query, kinds = CONTENT[step.kind]
        found.append(Signal(
            kind="onboarding_overdue" if overdue else "onboarding_due",
            title=f"Onboarding of {item.name}: {step.title} ({item.when})",
            why=(f"{item.name} joined on {item.joined_on.isoformat()}; this step of its onboarding plan is "
                 + ("overdue." if overdue else f"due in {item.days_left} days.")),
            evidence=[*step.evidence[:3], item.plan_line],
            impact=b.typical_deal_value() * urgency,
            content_query=query.format(subject=step.subject or "partner programme"), content_kinds=kinds,
            subject_id=partner_id))
    return found
