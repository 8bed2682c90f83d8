"""Actions from the records the copilot keeps (issue 20): one partner's deal registrations about to expire,
its leads assigned but not accepted past half their window, and, for the vendor's channel team, its
registrations waiting for a decision.

The records come from `tools.registrations.service.registrations_to_act_on` and
`tools.leads.service.leads_waiting`, read with the asker's scope (a partner seller gets only their own
partner's), then narrowed to the partner asked about.

Impact (the ranking score, in deal-currency units like the other rules): value x vendor win rate x urgency,
where value is the registration's or lead's amount, else the vendor's median deal amount.
- registration_expiring: urgency 1.5-2.0 (2.0 on the last protected day), as the deal rule of that name.
- lead_waiting: urgency 1.5-2.0 (the share of the acceptance window used, from half to all of it).
- registration_to_decide: urgency 1.0-2.0 (+1 per `registration_expiry_warning_days` waiting, capped).
"""
from __future__ import annotations

import datetime as dt

from retrieval.scope import Scope
from tools.context import ToolContext
from tools.leads import service as leads
from tools.next_best_action.partner_health import VendorBaselines
from tools.next_best_action.types import Signal
from tools.registrations import service as registrations
from tools.types import money

POLICY = ["policy"]


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def _value(amount: float | None, b: VendorBaselines) -> float:
    return (amount or b.median_amount) * b.win_rate


def _amount_text(amount: float | None, currency: str | None) -> str:
    return money(amount, currency) if amount else "unpriced"


def programme_signals(ctx: ToolContext, scope: Scope, partner_id: str, partner_name: str,
                      b: VendorBaselines) -> list[Signal]:
    """The partner's registrations and leads that need someone to act, as `scope` may see them."""
    currency = ctx.vendor().get("reporting_currency")
    found: list[Signal] = []
    if scope.can("registrations"):
        regs = registrations.registrations_to_act_on(ctx, scope)
        warn = max(ctx.settings.registration_expiry_warning_days, 1)
        for r in regs["expiring"]:
            if r.partner_id != partner_id or r.days_left is None or r.expires_on is None:
                continue
            amount = _amount_text(r.amount, currency)
            products = f" ({', '.join(r.products)})" if r.products else ""
            deal = [f"Linked to deal {r.opportunity_id}"] if r.opportunity_id else []
            found.append(Signal(
                kind="registration_expiring",
                title=f"Registration {r.registration_id} on {r.account_name} expires in {_days(r.days_left)}: "
                      f"close, advance or extend it",
                why=f"The approved registration by {partner_name} protects this {amount} deal{products} only "
                    f"until {r.expires_on.isoformat()}.",
                evidence=[f"Registration {r.registration_id} approved"
                          + (f" on {r.decided_on.isoformat()}" if r.decided_on else "")
                          + f"; protection ends {r.expires_on.isoformat()} ({_days(r.days_left)} left)",
                          f"Expiry warnings start {_days(warn)} before the end of protection", *deal],
                impact=_value(r.amount, b) * (1.5 + 0.5 * (1 - min(r.days_left, warn) / warn)),
                content_query="deal registration policy protection period extension", content_kinds=POLICY,
                subject_id=r.registration_id))
        if scope.can("decide_registrations"):
            for r in regs["to_decide"]:
                if r.partner_id != partner_id:
                    continue
                amount = _amount_text(r.amount, currency)
                findings = "; ".join(r.check.findings[:2])
                evidence = [f"Registration {r.registration_id} submitted on {r.submitted_on.isoformat()}, "
                            f"waiting {_days(r.age_days)} for a decision",
                            f"Check verdict: {r.check.verdict}" + (f" ({findings})" if findings else "")]
                found.append(Signal(
                    kind="registration_to_decide",
                    title=f"Decide registration {r.registration_id} by {partner_name} on {r.account_name} "
                          f"(waiting {_days(r.age_days)})",
                    why=f"{partner_name} registered this {amount} deal and has no protection until it is "
                        f"approved or told why not.",
                    evidence=evidence,
                    impact=_value(r.amount, b) * (1.0 + min(r.age_days / warn, 1.0)),
                    content_query="deal registration policy approval rules", content_kinds=POLICY,
                    subject_id=r.registration_id))
    if scope.can("leads"):
        at = leads.now(ctx)
        for lead in leads.leads_waiting(ctx, scope):
            if lead.partner_id != partner_id or lead.assigned_at is None or lead.accept_by is None:
                continue
            window = (lead.accept_by - lead.assigned_at).total_seconds() or 1.0
            used = min(max((at - lead.assigned_at).total_seconds() / window, 0.5), 1.0)
            hours_left = max(0, round((lead.accept_by - at).total_seconds() / 3600))
            amount = _amount_text(lead.amount, currency)
            found.append(Signal(
                kind="lead_waiting",
                title=f"Accept or decline lead {lead.lead_id} ({lead.company}): {hours_left} hours left",
                why=f"The {amount} lead was assigned to {partner_name} and is not accepted yet; past "
                    f"{_when(lead.accept_by)} it expires and goes to another partner.",
                evidence=[f"Lead {lead.lead_id} assigned {_when(lead.assigned_at)}; accept_by "
                          f"{_when(lead.accept_by)} ({hours_left} hours left, {used:.0%} of the "
                          f"{window / 3600:.0f}-hour window used)"],
                impact=_value(lead.amount, b) * (1.5 + 0.5 * (used - 0.5) / 0.5),
                content_query="lead acceptance first contact playbook", content_kinds=["playbook"],
                content_products=list(lead.products), subject_id=lead.lead_id))
    return found


def registration_deals(ctx: ToolContext, scope: Scope, partner_id: str) -> set[str]:
    """The partner's deals with a registration record (approved, any protection left or not): for those the
    record's dates replace the deal rules' estimate from the deal's creation date."""
    if not scope.can("registrations"):
        return set()
    listed = registrations.list_registrations(ctx, scope, partner_id=partner_id).registrations
    return {r.opportunity_id for r in listed if r.opportunity_id and r.status in ("approved", "expired")}


def _when(at: dt.datetime) -> str:
    return at.strftime("%Y-%m-%d %H:%M")
