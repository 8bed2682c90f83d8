"""Block Kit for each tool's typed result: a header with names (not ids), section fields for numbers
(scores, amounts, days), the top rows, sources as links, buttons where there is a choice.

`result_blocks(result, names)` reads the result's attributes; a type it does not know gives no blocks (the
answer's text stands alone). Everything from data is escaped (`escape`); limits are applied by the caller
(`assistant.slack.limits.fit`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from pydantic import BaseModel

from assistant.engine.context import AppContext
from assistant.slack import mdf as mdf_slack
from assistant.slack import programme
from assistant.slack.forms import button, decide
from retrieval.records import Document, Opportunity, Partner
from retrieval.scope import Scope
from tools.account_mapping.service import MappingResponse
from tools.analytics.types import AttributionResponse, PortfolioResponse
from tools.content_drafts.service import DraftResponse
from tools.leads.types import LeadList, LeadRouting
from tools.mdf.types import MdfList
from tools.next_best_action.service import NbaResponse
from tools.partner_match.service import MatchResponse, PartnerMatch
from tools.partner_profile.service import ProfileResult
from tools.registrations.types import RegistrationList, RegistrationOut
from tools.search.service import SearchToolResult

ROWS = 10  # rows of a list shown in Slack; the rest: web app / CLI
DRAFT_APPROVE, DRAFT_REJECT = "cosell_draft_approve", "cosell_draft_reject"
PICK = "cosell_pick"
Block = dict[str, Any]
INTENT_TITLES = {
    "search": "From the programme content", "match": "Partners for a deal", "map": "Account mapping",
    "nba": "Next best actions", "draft": "Campaign draft", "profile": "Partner profile",
    "analytics": "Programme analytics", "mdf": "Market development funds", "register": "Deal registration",
    "registrations": "Deal registrations", "leads": "Leads",
}


def intent_title(intent: str | None) -> str:
    """The header of an answer without a rendered tool result."""
    return INTENT_TITLES.get(intent or "", "Co-sell Copilot")


def escape(text: Any) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def header(text: str) -> Block:
    return {"type": "header", "text": {"type": "plain_text", "text": text or " ", "emoji": True}}


def section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text or " "}}


def fields(pairs: list[tuple[str, Any]], text: str | None = None) -> Block:
    block: Block = {"type": "section", "fields": [
        {"type": "mrkdwn", "text": f"*{escape(k)}*\n{escape(v)}"} for k, v in pairs[:10]]}
    if text:
        block["text"] = {"type": "mrkdwn", "text": text}
    return block


def context(*texts: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": t} for t in texts[:10] if t]}




def money(amount: float | None, currency: str = "") -> str:
    return "–" if amount is None else f"{currency} {amount:,.0f}".strip()


class Names:
    """Names for ids in titles, read when a tool already returned the object to the asker (so the asker may
    see it); an unknown id stays the id. `public_url` (COSELL_PUBLIC_URL) makes sources links."""

    def __init__(self, ctx: AppContext | None, public_url: str | None = None, scope: Scope | None = None):
        self.ctx = ctx
        self.public_url = (public_url or "").rstrip("/") or None
        self.scope = scope  # who reads the message: decides which buttons it gets (the services decide again)
        self._cache: dict[tuple[str, str], str] = {}

    def can(self, capability: str) -> bool:
        return self.scope is not None and self.scope.can(capability)

    def _name(self, table: type, key: str | None) -> str:
        if not key:
            return ""
        if self.ctx is None:
            return key
        found = self._cache.get((table.__name__, key))
        if found is None:
            with self.ctx.store.session() as session:
                row = session.get(table, key)
            found = self._cache[(table.__name__, key)] = getattr(row, "name", None) or key
        return found

    def partner(self, partner_id: str | None) -> str:
        return self._name(Partner, partner_id)

    def deal(self, opportunity_id: str | None) -> str:
        return self._name(Opportunity, opportunity_id)

    def doc_link(self, doc_id: str, title: str) -> str:
        """A document as a link to the web document view when COSELL_PUBLIC_URL is set, else its title."""
        if self.public_url and doc_id:
            return f"<{self.public_url}/docs/view?doc_id={quote(doc_id, safe='')}|{escape(title).replace('|', '¦')}>"
        return f"*{escape(title)}*"

    def doc_source(self, doc_ids: list[str]) -> dict[str, str]:
        if self.ctx is None or not doc_ids:
            return {}
        with self.ctx.store.session() as session:
            return {d.doc_id: d.title for d in session.query(Document).filter(Document.doc_id.in_(doc_ids))}


def _more(shown: int, total: int, what: str) -> list[Block]:
    return [context(f"{shown} of {total} {what} shown; the rest in the web app or the CLI.")] if total > shown else []


def search_blocks(r: SearchToolResult, names: Names) -> list[Block]:
    out = [header("From the programme content")]
    answer = r.answer or (f"Closest passage (may not answer): {r.closest}" if r.closest else "")
    if answer:
        out.append(section(escape(answer)))
    for hit in r.results[:3]:
        quote_text = " ".join(hit.text.split())[:600]
        out.append(section(f"> {escape(quote_text)}\n— {names.doc_link(hit.doc_id, hit.title)}"))
    return out


def _partner_line(i: int, p: PartnerMatch) -> str:
    why = "; ".join(p.reasons[:2]) or "no reason recorded"
    conflicts = f"\n:warning: {escape('; '.join(p.conflicts[:2]))}" if p.conflicts else ""
    return f"*{i}. {escape(p.name)}*\n{escape(why)}{conflicts}"


def match_blocks(r: MatchResponse, names: Names) -> list[Block]:
    out = [header(f"Partners for {names.deal(r.opportunity_id)}")]
    for i, p in enumerate(r.partners[:ROWS], 1):
        out.append(fields([("Score", f"{p.score:.2f}"), ("Eligible", "yes" if p.eligible else "no")],
                          text=_partner_line(i, p)))
    if not r.partners:
        out.append(section("No eligible partner was found for this deal."))
    out += _more(min(len(r.partners), ROWS), len(r.partners), "partners")
    return out


def map_blocks(r: MappingResponse, names: Names) -> list[Block]:
    out = [header(f"Accounts shared with {names.partner(r.partner_id)}")]
    cells = [(f"{c.vendor_population} × {c.partner_population}", f"{c.count:,}") for c in r.summary]
    if cells:
        out.append(fields(cells[:10], text=f"*Overlap counts* ({sum(c.count for c in r.summary):,} in all)"))
    rows = [f"• *{escape(o.account_name)}* ↔ {escape(o.partner_account_name)} ({escape(o.partner_population)}): "
            f"{escape(o.signal.replace('_', ' '))}, confidence {o.confidence:.2f}" for o in r.overlaps[:ROWS]]
    if rows:
        out.append(section("*Top accounts*\n" + "\n".join(rows)))
    out += _more(len(rows), len(r.overlaps), "accounts")
    if r.sharing.note:
        out.append(context(escape(r.sharing.note)))
    return out


def nba_blocks(r: NbaResponse, names: Names) -> list[Block]:
    who = names.partner(r.subject_id) if r.subject_type == "partner" else names.deal(r.subject_id)
    out = [header(f"Next best actions: {who}")]
    if r.health is not None:
        out.append(fields([("Health", f"{r.health.score}/100")]
                          + [(c.name.replace("_", " "), f"{c.score:.0f}") for c in r.health.components[:9]]))
    for a in r.actions[:ROWS]:
        evidence = "\n".join(f"• {escape(e)}" for e in a.evidence[:4])
        out.append(section(f"*{a.priority}. {escape(a.title)}*\n{escape(a.why)}" + (f"\n{evidence}" if evidence else "")))
        if a.content:
            out.append(context("Read: " + ", ".join(names.doc_link(c.doc_id, c.title or c.doc_id)
                                                     for c in a.content[:5])))
    if not r.actions:
        out.append(section("Nothing needs doing right now."))
    out += _more(min(len(r.actions), ROWS), len(r.actions), "actions")
    return out


def draft_blocks(r: DraftResponse, names: Names) -> list[Block]:
    out = [header(f"Draft for {names.partner(r.partner_id)}: {r.kit_id} ({r.resolved_locale}, {r.channel})")]
    passed = sum(1 for c in r.checks if c.passed)
    out.append(fields([("Checks passed", f"{passed}/{len(r.checks)}"), ("Status", r.status),
                       ("Draft", r.draft_id or "not saved"), ("Text", r.text_source.replace("_", " "))]))
    if r.subject:
        out.append(section(f"*Subject:* {escape(r.subject)}"))
    preview = " ".join(r.body.split())
    out.append(section(f"*Preview*\n{escape(preview[:700])}{'…' if len(preview) > 700 else ''}"))
    failed = [f"• {escape(c.name)}: {escape(c.detail)}" for c in r.checks if not c.passed]
    if failed:
        out.append(section("*Checks that failed*\n" + "\n".join(failed[:10])))
    if r.draft_id and r.status == "pending" and names.can("review_drafts"):
        choices = [button("Reject", DRAFT_REJECT, r.draft_id, "danger")]
        if r.passed:  # approving a draft that failed checks needs a comment: the web app or CLI
            choices.insert(0, button("Approve", DRAFT_APPROVE, r.draft_id, "primary"))
        out.append({"type": "actions", "block_id": f"draft:{r.draft_id}", "elements": choices})
    return out


def profile_blocks(r: ProfileResult, names: Names) -> list[Block]:
    topic = "MDF" if r.topic == "mdf" else r.topic.replace("_", " ")
    out = [header(f"{r.name}: {topic}")]
    pairs: list[tuple[str, Any]] = [("Tier", r.tier)]
    if r.qualified_tier:
        pairs.append(("Qualifies for", r.qualified_tier))
    if r.next_tier:
        pairs.append(("Next tier", r.next_tier))
    if r.mdf_allocated is not None:
        pairs += [("MDF allocated", money(r.mdf_allocated)), ("MDF spent", money(r.mdf_spent)),
                  ("MDF left", money(r.mdf_left))]
    if r.certified_total is not None:
        pairs.append(("Certified staff", r.certified_total))
    if r.deals:
        pairs.append(("Deals", len(r.deals)))
    out.append(fields(pairs))
    checks = [f"• {'✅' if c.met else '❌'} {escape(c.metric)}: {c.value:,.0f} of {c.minimum:,.0f}"
              for c in r.next_tier_checks[:ROWS]]
    if checks:
        out.append(section(f"*Towards {escape(r.next_tier or 'the next tier')}*\n" + "\n".join(checks)))
    deals = [f"• *{escape(d.name)}* ({escape(d.stage)}), {money(d.amount, d.currency)}"
             + (f", {d.days_left} days of protection left" if d.days_left is not None else "")
             for d in r.deals[:ROWS]]
    if deals:
        out.append(section("*Deals*\n" + "\n".join(deals)))
    out += _more(len(deals), len(r.deals), "deals")
    if r.channel_manager and r.channel_manager.name:
        out.append(context(f"Channel manager: {escape(r.channel_manager.name)}"))
    return out


def attribution_blocks(r: AttributionResponse, names: Names) -> list[Block]:
    out = [header(f"Partner attribution {r.from_} to {r.to}")]
    if r.totals is not None:
        t = r.totals
        out.append(fields([("Won revenue", money(t.won_revenue, r.currency)), ("Won deals", t.won_deals),
                           ("Sourced", money(t.sourced, r.currency)), ("Influenced", money(t.influenced, r.currency)),
                           ("Fulfillment", money(t.fulfillment, r.currency)), ("Direct", money(t.direct, r.currency)),
                           ("Partner share", f"{t.partner_share:.0%}")]))
    for p in r.partners[:ROWS]:
        out.append(fields([("Sourced", money(p.sourced, r.currency)), ("Influenced", money(p.influenced, r.currency)),
                           ("Won deals", p.won_deals), ("ROPI", "–" if p.ropi is None else f"{p.ropi:.1f}x")],
                          text=f"*{escape(p.name)}*"))
    out += _more(min(len(r.partners), ROWS), len(r.partners), "partners")
    return out


def portfolio_blocks(r: PortfolioResponse, names: Names) -> list[Block]:
    ttfw = r.time_to_first_win
    out = [header("Partner portfolio"),
           fields([("Partners", len(r.partners)), ("At risk", len(r.at_risk)),
                   ("Median days to first win", "–" if ttfw.median_days is None else f"{ttfw.median_days:.0f}"),
                   ("Without a win", ttfw.partners_without_win)])]
    risky = [p for p in r.partners if p.at_risk][:ROWS]
    rows = [f"• *{escape(p.name)}* ({escape(p.tier)}, health {p.health}): {escape('; '.join(p.risk_reasons[:2]))}"
            for p in risky]
    if rows:
        out.append(section("*At risk*\n" + "\n".join(rows)))
    out += _more(len(rows), len(r.at_risk), "partners at risk")
    out.append(context(f"As of {escape(r.as_of)}"))
    return out


def mdf_blocks(r: MdfList, names: Names) -> list[Block]:
    out = [header("MDF activities")]
    for a in r.activities[:ROWS]:
        amount = a.approved_amount if a.approved_amount is not None else a.requested_amount
        out.append(fields([("Amount", money(amount, a.currency)), ("Status", a.status),
                           ("Quarter", a.quarter or "–")],
                          text=f"*{escape(a.name)}* · {escape(names.partner(a.partner_id))}"))
        if a.status == "requested" and names.can("decide_mdf"):  # the same buttons as `/cosell mdf queue`
            out.append(decide(f"mdf:{a.activity_id}", mdf_slack.APPROVE, mdf_slack.REJECT, a.activity_id))
    if not r.activities:
        out.append(section("No MDF activities."))
    out += _more(min(len(r.activities), ROWS), len(r.activities), "activities")
    return out


def registration_blocks(r: RegistrationList | RegistrationOut, names: Names) -> list[Block]:
    regs = [r] if isinstance(r, RegistrationOut) else r.registrations
    out = [header("Deal registration" if isinstance(r, RegistrationOut) else "Deal registrations")]
    for g in regs[:ROWS]:
        out.append(fields([("Status", g.status), ("Check", g.check.verdict),
                           ("Days left", "–" if g.days_left is None else g.days_left), ("Age (days)", g.age_days)],
                          text=f"*{escape(g.account_name)}* · {escape(names.partner(g.partner_id))}"))
        if g.status == "submitted" and names.can("decide_registrations"):  # as `/cosell registrations`
            out.append(decide(f"decide:{g.registration_id}", programme.APPROVE, programme.REJECT, g.registration_id))
    if not regs:
        out.append(section("No registrations."))
    out += _more(min(len(regs), ROWS), len(regs), "registrations")
    return out


def lead_blocks(r: LeadList | LeadRouting, names: Names) -> list[Block]:
    if isinstance(r, LeadRouting):
        out = [header(f"Partners for lead {r.lead_id}")]
        for i, p in enumerate(r.partners[:ROWS], 1):
            out.append(fields([("Score", f"{p.score:.2f}"), ("Eligible", "yes" if p.eligible else "no")],
                              text=_partner_line(i, p)))
        return out + _more(min(len(r.partners), ROWS), len(r.partners), "partners")
    out = [header("Leads")]
    for lead in r.leads[:ROWS]:
        out.append(fields([("Status", lead.status), ("Amount", money(lead.amount)),
                           ("Partner", names.partner(lead.partner_id) or "–")], text=f"*{escape(lead.company)}*"))
    if not r.leads:
        out.append(section("No leads."))
    return out + _more(min(len(r.leads), ROWS), len(r.leads), "leads")


RENDERERS: dict[type, Callable[[Any, Names], list[Block]]] = {
    SearchToolResult: search_blocks, MatchResponse: match_blocks, MappingResponse: map_blocks,
    NbaResponse: nba_blocks, DraftResponse: draft_blocks, ProfileResult: profile_blocks,
    AttributionResponse: attribution_blocks, PortfolioResponse: portfolio_blocks, MdfList: mdf_blocks,
    RegistrationList: registration_blocks, RegistrationOut: registration_blocks, LeadList: lead_blocks,
    LeadRouting: lead_blocks,
}


def result_blocks(result: BaseModel, names: Names) -> list[Block]:
    """The blocks of one typed tool result (header first); [] for a type without a renderer."""
    for kind, render in RENDERERS.items():
        if isinstance(result, kind):
            return render(result, names)
    return []
