"""MDF questions in chat (issue 21), answered from `tools.mdf.service` without a language model:
"which MDF activities paid off?" (the return), "where should we put our MDF?" (the advice, with its
numbers), "which MDF requests are waiting?" (the approval queue). English patterns; the period comes from
the question as for attribution ("last year", "this quarter"; default the last 365 days). A partner
seller's own questions about its budget ("how much MDF do we have left?") stay with the partner profile.
"""
from __future__ import annotations

import re
from collections import Counter

from assistant.engine.analytics_chat import period_of
from assistant.engine.resolver import Resolver
from assistant.engine.turn import ToolUse, Turn
from tools.mdf.service import MdfList, list_mdf, mdf_advice, mdf_roi
from tools.mdf.types import STATUSES

_MDF = r"(?:\bmdf\b|\bmarketing (?:development )?funds?\b|\bco-?marketing funds?\b)"
_NOT_POLICY = r"(?!.*\b(?:policy|policies|rules?|eligible|allowed|minimum|maximum|how long|when|top-?ups?)\b)"
ADVICE_RE = re.compile(
    rf"^{_NOT_POLICY}(?=.*{_MDF}).*(\bwhere\b.*\b(?:should|would|could)\b.*\b(?:put|spend|invest|allocate|move|"
    r"focus)\b|\breallocat\w*|\bdo better\b|\bbetter (?:spent|used|invested)\b|\bshould we (?:put|spend|invest|"
    r"move|shift)\b|\bshift\b.*\bbudget\b)", re.IGNORECASE)
ROI_RE = re.compile(
    rf"^{_NOT_POLICY}(?=.*{_MDF}).*(\bpa(?:id|y|ys) off\b|\broi\b|\breturns?\b|\breturned\b|\bwork(?:ed)? "
    r"(?:best|well)\b|\b(?:best|worst)[- ](?:perform\w*|return\w*)\b|\b(?:how|which|what)\b.*\bperform(?:ed|ing|s)?\b|"
    r"\bworth (?:it|the)\b|\bwon\b|\bpipeline\b)", re.IGNORECASE)
QUEUE_RE = re.compile(
    rf"^\W*(?:which|what|any|show(?: me)?|list|are there|how many)\b{_NOT_POLICY}(?=.*{_MDF}).*"
    r"\b(?:requests?|claims?|activit\w+)\b.*\b(?:waiting|pending|to (?:be )?(?:decided?|approved?)|awaiting|"
    r"queue|undecided|due|overdue)\b", re.IGNORECASE)


def _x(roi: float | None) -> str:
    return "no return yet" if roi is None else f"{roi:.1f}x"


def answer_roi(turn: Turn, _found: re.Match) -> tuple[str, ToolUse]:
    start, end = period_of(turn.question, turn.ctx.today())
    roi = mdf_roi(turn.ctx, turn.scope, None, start, end)
    tool = ToolUse(name="mdf_roi", arguments={"from": roi.from_.isoformat(), "to": roi.to.isoformat()})
    cur = roi.currency
    if not roi.activities:
        return f"No MDF activity started between {roi.from_} and {roi.to}.", tool
    paid, won = sum(a.paid for a in roi.activities), sum(a.won for a in roi.activities)
    pipeline = sum(a.pipeline for a in roi.activities)
    lines = [f"MDF activities starting {roi.from_} to {roi.to} ({cur}): paid {paid:,.0f}, won {won:,.0f} "
             f"({_x(won / paid if paid else None)}), open pipeline {pipeline:,.0f}."]
    ranked = sorted((a for a in roi.activities if a.paid > 0), key=lambda a: (-(a.roi or 0), -a.won, a.activity_id))
    paid_off = [a for a in ranked if a.won > a.paid]
    lines.append("Paid off (won more than paid):" if paid_off else "None has won more than it was paid yet.")
    for a in paid_off[:5]:
        lines.append(f"- {a.activity_id} {a.name} ({a.partner_id}, {a.kind or 'other'}): paid {a.paid:,.0f}, "
                     f"won {a.won:,.0f}, {_x(a.roi)}")
    weak = [a for a in ranked if a.won <= a.paid][-3:]
    if weak:
        lines.append("Returned least: " + "; ".join(f"{a.activity_id} ({a.partner_id}) paid {a.paid:,.0f}, won "
                                                     f"{a.won:,.0f}, pipeline {a.pipeline:,.0f}" for a in weak) + ".")
    if len(roi.kinds) > 1:
        lines.append("By kind: " + "; ".join(f"{k.kind} {_x(k.roi)} on {k.paid:,.0f}" for k in roi.kinds) + ".")
    if roi.unconverted:
        lines.append(f"Left out (no exchange rate): {', '.join(roi.unconverted[:10])}.")
    lines.append("Details: `cosell mdf roi`.")
    return "\n".join(lines), tool


def answer_advice(turn: Turn, _found: re.Match) -> tuple[str, ToolUse]:
    start, end = period_of(turn.question, turn.ctx.today())
    found = mdf_advice(turn.ctx, turn.scope, None, start, end)
    tool = ToolUse(name="mdf_advice", arguments={"from": found.roi.from_.isoformat(), "to": found.roi.to.isoformat()})
    if not found.advice:
        return ("No partner or kind of MDF activity stands out: with the return measured from "
                f"{found.roi.from_} to {found.roi.to} there is nothing to move. See `cosell mdf roi`."), tool
    lines = ["Where MDF would do better, biggest expected gain first:"]
    for i, a in enumerate(found.advice[:4], 1):
        lines.append(f"{i}. {a.title}. {a.why}")
        lines += [f"   - {e}" for e in a.evidence[:2]]
    lines.append("Details: `cosell mdf advice`, `cosell mdf roi`.")
    return "\n".join(lines), tool


def answer_queue(turn: Turn, _found: re.Match) -> tuple[str, ToolUse]:
    activities = list_mdf(turn.ctx, turn.scope).activities
    tool = ToolUse(name="list_mdf", arguments={})
    waiting = [a for a in activities if a.status == "requested"]
    turn.results.append(MdfList(activities=waiting))
    due = [a for a in activities if a.due]
    lines = [f"{len(waiting)} MDF request{'s' if len(waiting) != 1 else ''} waiting for a decision"
             + (", oldest first:" if waiting else ".")]
    lines += [f"- {a.activity_id} {a.partner_id}: {a.name}, {a.requested_amount or 0:,.0f} {a.currency}, "
              f"requested {a.requested_on}, quarter {a.quarter}" for a in waiting[:10]]
    if due:
        lines.append("Reminders:")
    for a in due[:10]:
        lines.append(f"- {a.activity_id} {a.partner_id}: {a.name}: " + (
            f"ended {a.end_on}, not claimed" if a.due == "claim" else f"was to start {a.start_on}, nothing claimed"))
    return "\n".join(lines), tool


# "how many MDF activities has <partner> run and what kinds?", "which MDF activity brought in the most leads?",
# "wie viele MDF-Aktivitäten sind noch im Status requested?": the activities themselves, counted and listed
ACTIVITIES_RE = re.compile(
    rf"^{_NOT_POLICY}(?!.*\b(?:\w*fähig|éligibles?|elegibles?|elegíve(?:is|l)|days?|jours|tage|werktage|días|dias|"
    rf"before|avant|vorher|antes|délai|frist|plazo|prazo|need\w*|require\w*|above|must)\b)(?=.*{_MDF}).*"
    r"\b(?:activit(?:y|ies)|aktivität\w*|activités?|actividad(?:es)?|atividades?)\b", re.IGNORECASE)
_ACTIVITY_ASKED = re.compile(r"\b(how many|which|what|list|show|most|wie ?viele|welche\w*|combien|quel\w*|"
                             r"cuánt\w*|cuál\w*|quant\w*|qual|quais)\b", re.IGNORECASE)
_MOST_LEADS = re.compile(r"\b(most|meisten|plus de|más|mais)\b.{0,20}\bleads?\b", re.IGNORECASE)


def answer_activities(turn: Turn, _found: re.Match) -> tuple[str, ToolUse] | None:
    if not _ACTIVITY_ASKED.search(turn.question):
        return None
    partners = Resolver(turn.ctx, turn.scope).find(turn.question).of("partner")
    partner_id = partners[0].id if partners and not turn.scope.is_partner else None
    status = next((s for s in STATUSES if re.search(rf"\b{s}\b", turn.question, re.IGNORECASE)), None)
    found = list_mdf(turn.ctx, turn.scope, partner_id, status).activities
    arguments = {k: v for k, v in (("partner_id", partner_id), ("status", status)) if v}
    tool = ToolUse(name="list_mdf", arguments=arguments)
    turn.results.append(MdfList(activities=found))
    whose = f" of {partners[0].label} ({partner_id})" if partner_id else ""
    if _MOST_LEADS.search(turn.question):
        best = max((a for a in found if a.leads), key=lambda a: (a.leads or 0, a.activity_id), default=None)
        if best is None:
            return f"No MDF activity{whose} has reported leads yet.", tool
        return (f"{best.activity_id} {best.name} ({best.partner_id}, {best.kind or 'other'}, {best.status}) brought "
                f"in the most leads: {best.leads}."), tool
    lines = [f"{len(found)} MDF activit{'y' if len(found) == 1 else 'ies'}{whose}"
             + (f" with status {status}" if status else "") + (":" if found else ".")]
    lines += [f"- {a.activity_id} {a.partner_id}: {a.name} ({a.kind or 'other'}, {a.status})" for a in found[:10]]
    kinds = Counter(a.kind or "other" for a in found)
    if len(found) > 1:
        lines.append("By kind: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) + ".")
    return "\n".join(lines), tool


HANDLERS = ((ADVICE_RE, answer_advice), (QUEUE_RE, answer_queue), (ROI_RE, answer_roi),
            (ACTIVITIES_RE, answer_activities))
