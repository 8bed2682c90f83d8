"""The rules for one opportunity. Each returns a `Signal` with its evidence, or None when it does not fire.

Impact = amount x P(stage) x urgency (see tools.next_best_action.service). Closed deals get no actions.
"Days in stage" is days since `last_activity_on` (else `created_on`): the import format has no
stage-change date. "Typical" is the distribution of that number over the vendor's OTHER open deals in
the same stage (all open deals when a stage has fewer than 5); a deal is stalled above the stage's 90th
percentile AND 1.5 x its median AND `STALL_FLOOR_DAYS`: far from this vendor's norm whether its pipeline
is busy or quiet, and never for a few days' silence. The 90th percentile is read from the deals within
Tukey's fence (Q3 + 1.5 x IQR), and counts for at most `STALL_P90_CAP` x the median: otherwise the other
stalled deals of a stage (a few in a small stage, a third in a quiet one) set the bar they are judged by.
A registration older than the protection period (`registration_protection_days`) has LAPSED: said so with
the date protection ended, before it is lost silently.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select

from assistant.core.errors import CosellError
from retrieval.records import Document, Opportunity
from retrieval.scope import Scope, ScopedRecords
from tools.context import ToolContext
from tools.next_best_action.partner_health import VendorBaselines, parse_certified
from tools.next_best_action.types import Signal
from tools.partner_match import service as partner_match
from tools.registrations import service as registrations
from tools.types import ContentRef, days_quiet, is_open, money

log = logging.getLogger(__name__)

URGENCY = {"competitor_mentioned": 1.2, "no_partner": 1.0, "uncertified_products": 0.8,
           "enablement_content": 0.3}
# Named competitors besides the battlecards' (vendor.yaml `competitors` adds more). Well-known platform
# vendors only: a name that is also a common word would flag innocent descriptions.
DEFAULT_COMPETITORS = ("Snowflake", "Databricks", "Teradata", "Cloudera", "Palantir", "Informatica")
MATCH_SUGGESTIONS = 3
STALL_FLOOR_DAYS = 14
STALL_OVER_MEDIAN = 1.5
# If activity on a deal came at random at a steady rate, a stage's p90 would be 3.3x its median and 5x the
# median its 97th percentile: a p90 beyond that is set by deals that stopped moving (a quiet vendor's
# dormant third of a stage), so it caps the bar.
STALL_P90_CAP = 5.0


class DealContext:
    """What every rule needs about one deal, computed once."""

    def __init__(self, ctx: ToolContext, scope: Scope, rec: ScopedRecords, opp: Opportunity,
                 b: VendorBaselines):
        self.ctx, self.scope, self.rec, self.opp, self.b = ctx, scope, rec, opp, b
        self.today: dt.date = b.today
        # ranked against other deals: in the reporting currency (without a rate: as an unpriced deal)
        self.amount = (b.fx.convert(opp.amount, opp.currency) if opp.amount else None) or b.median_amount or 1.0
        self.value = self.amount * b.probability(opp.stage)  # amount x P(stage)
        self.amount_text = money(opp.amount, opp.currency) if opp.amount else "unpriced"
        self.deal_text = f"{self.amount_text} deal in {opp.stage}"  # "$120,000 deal in proposal"
        self.products = [p for p in opp.products or [] if p and p.strip()]
        self.products_text = " ".join(self.products)

    def protection(self) -> tuple[str, dt.date, str] | None:
        """(registering partner, the day protection ends, what it is counted from) for a registered deal:
        the registration record's own end (approved, or approved and since expired) when the copilot keeps
        one, else the deal's creation date + `registration_protection_days`."""
        if not hasattr(self, "_protection"):
            self._protection = self._find_protection()
        return self._protection

    def _find_protection(self) -> tuple[str, dt.date, str] | None:
        days = registrations.protection_days(self.ctx)
        if self.scope.can("registrations"):
            try:
                listed = registrations.list_registrations(self.ctx, self.scope).registrations
            except CosellError:
                listed = []
            kept = [r for r in listed if r.opportunity_id == self.opp.opportunity_id
                    and r.status in ("approved", "expired") and r.expires_on]
            if kept:
                r = max(kept, key=lambda r: r.expires_on)
                since = f"approved on {r.decided_on.isoformat()}; " if r.decided_on else ""
                return r.partner_id, r.expires_on, (f"Registration {r.registration_id} {since}registrations "
                                                    f"protect for {days} days; stage is {self.opp.stage}")
        if not self.opp.registered_by or self.opp.created_on is None:
            return None
        return self.opp.registered_by, self.opp.created_on + dt.timedelta(days=days), (
            f"Deal created on {self.opp.created_on.isoformat()} ({(self.today - self.opp.created_on).days} days "
            f"ago); registrations protect for {days} days; stage is {self.opp.stage}")

    def partner_name(self, partner_id: str) -> str:
        if self.scope.is_partner and partner_id != self.scope.partner_id:
            return "another partner"  # a partner seller never learns who else registered or works a deal
        name = self.rec.partner_names().get(partner_id)
        return f"{name} ({partner_id})" if name else partner_id

    def signal(self, kind: str, title: str, why: str, evidence: list[str], *, urgency: float | None = None,
               query: str | None = None, kinds: tuple[str, ...] = (), products: list[str] | None = None,
               **more) -> Signal:
        """A signal about this deal. Impact = amount x P(stage) x urgency (`URGENCY[kind]` unless the rule
        computes its own); content is sought with `query`, of `kinds`, for the deal's products unless
        the rule names others."""
        if products is None:
            products = self.products if query else []
        return Signal(kind=kind, title=title, why=why, evidence=evidence,
                      impact=self.value * (URGENCY[kind] if urgency is None else urgency),
                      content_query=query, content_kinds=list(kinds), content_products=products, **more)


_PLAYBOOKS = ("playbook", "case_study")


def stall_bar(b: VendorBaselines, stage: str, quiet: int | None):
    """(the days without activity above which an open deal in `stage` is stalled, the stage's norm, its p90)
    judged against this vendor's other open deals in that stage; None when there is no norm to judge by."""
    typical = b.typical_for(stage, exclude=quiet)
    if quiet is None or typical is None:
        return None
    p90 = typical.usual_p90 if typical.usual_p90 is not None else typical.outlier_above
    limit = max(min(p90, STALL_P90_CAP * typical.median), STALL_OVER_MEDIAN * typical.median, STALL_FLOOR_DAYS)
    return limit, typical, p90


def stalled_deal(d: DealContext) -> Signal | None:
    quiet = days_quiet(d.opp, d.today)
    bar = stall_bar(d.b, d.opp.stage, quiet)
    if bar is None:
        return None
    limit, typical, p90 = bar
    if quiet <= limit:
        return None
    since = d.opp.last_activity_on or d.opp.created_on
    quiet_text = (f"No activity logged for {quiet} days (last on {since.isoformat()})"
                  if d.opp.last_activity_on
                  else f"No activity logged since it was created on {since.isoformat()} ({quiet} days)")
    return d.signal(
        "stalled_deal",
        title=f"Re-engage {d.opp.name}: no activity for {quiet} days in {d.opp.stage}",
        why=f"Open {d.opp.stage} deals here typically go {typical.median:.0f} days without activity; this "
            f"{d.amount_text} deal has been quiet for {quiet}.",
        evidence=[f"{quiet_text}, stage {d.opp.stage}",
                  (f"Typical for other open {d.opp.stage} deals: {typical.median:.0f} days (median of "
                   f"{typical.count}; 90% within {p90:.0f}{_outliers_text(typical)}); stalled above "
                   f"{limit:.0f} days" + (f" ({STALL_P90_CAP:.0f}x the median: the slowest of these are "
                                          f"stalled too)" if limit < p90 else ""))],
        urgency=min(max(quiet / limit, 1.0), 2.0),  # how far beyond the bar: a median of 1-3 days is no scale
        query=f"{d.opp.stage} stage playbook re-engage stalled deal {d.products_text}", kinds=_PLAYBOOKS,
    )


def _outliers_text(typical) -> str:
    if not typical.outliers:
        return ""
    # Tukey's fence: these few are outliers, not the norm the deal is judged against
    return f", leaving out {typical.outliers} quiet for over {typical.outlier_above:.0f}"


def close_date_passed(d: DealContext) -> Signal | None:
    close = d.opp.close_date
    if close is None or close >= d.today:
        return None
    overdue = (d.today - close).days
    return d.signal(
        "close_date_passed",
        title=f"Update the close date of {d.opp.name}: it passed {overdue} days ago",
        why=f"The {d.amount_text} deal is still in {d.opp.stage} after its expected close date, so the "
            f"forecast is wrong until the date or the stage is fixed.",
        evidence=[(f"Expected close date {close.isoformat()} passed {overdue} days ago; "
                   f"stage is still {d.opp.stage}")],
        urgency=1.0 + min(overdue / 90, 1.0),
        query=f"closing plan {d.opp.stage} {d.products_text}", kinds=_PLAYBOOKS,
    )


def registration_expiring(d: DealContext) -> Signal | None:
    settings = d.ctx.settings
    if (found := d.protection()) is None:
        return None
    registered_by, ends, basis = found
    left = (ends - d.today).days
    window = settings.registration_expiry_warning_days
    if not 0 <= left <= window:
        return None
    who = d.partner_name(registered_by)
    return d.signal(
        "registration_expiring",
        title=f"Registration on {d.opp.name} expires in {left} days: close, advance or extend it",
        why=f"The deal registration by {who} protects this {d.amount_text} deal only until "
            f"{ends.isoformat()}.",
        evidence=[f"Registered by {who}; protection ends {ends.isoformat()} ({left} days left)", basis],
        urgency=1.5 + 0.5 * (1 - left / max(window, 1)),
        query="deal registration policy protection period extension", kinds=("policy",),
        products=[],  # the policy is the same for every product
    )


def registration_lapsed(d: DealContext) -> Signal | None:
    if (found := d.protection()) is None:
        return None
    registered_by, ended, basis = found
    if ended >= d.today:
        return None
    ago = (d.today - ended).days
    who = d.partner_name(registered_by)
    return d.signal(
        "registration_lapsed",
        title=f"Registration on {d.opp.name} lapsed on {ended.isoformat()}: renew it or close the deal",
        why=f"The registration by {who} no longer protects this {d.amount_text} deal: another partner "
            f"may register it.",
        evidence=[f"Registered by {who}; protection ended {ended.isoformat()} ({ago} days ago): LAPSED", basis],
        urgency=1.5 + min(ago / 90, 0.5),
        query="deal registration policy protection period extension", kinds=("policy",), products=[],
    )


MIN_CLOSED_FOR_RATE = 5  # closed deals on each side before the win rates with and without a partner count


def no_partner_engaged(d: DealContext) -> Signal | None:
    """Where this vendor's deals win more often with a partner than without (its own closed deals): the
    two win rates are the evidence. When they show partners winning no more, the rule stays quiet."""
    if d.opp.partner_id or d.opp.registered_by or not d.scope.can("match"):
        return None
    (pw, pn), (dw, dn) = d.b.with_partner, d.b.without_partner
    rates = None
    if pn >= MIN_CLOSED_FOR_RATE and dn >= MIN_CLOSED_FOR_RATE:
        if pw / pn <= dw / dn:
            return None
        rates = (f"Closed deals with a partner engaged won {pw / pn:.0%} ({pw} of {pn}); without a partner "
                 f"{dw / dn:.0%} ({dw} of {dn})")
    evidence = [f"No partner is engaged or registered on this {d.deal_text}", *([rates] if rates else []),
                *_all_time_rates(d), *_match_suggestions(d)]
    return d.signal(
        "no_partner",
        title=f"Bring a partner into {d.opp.name}",
        why="No partner works this deal; partner-engaged deals get local reach and delivery capacity.",
        evidence=evidence,
        query=f"co-sell engage partner {d.products_text}", kinds=("policy", "playbook"),
    )


def _all_time_rates(d: DealContext) -> list[str]:
    """The same two win rates over every closed deal on record, when the ones above cover only the
    trailing year: the long run beside the recent."""
    if d.b.with_partner_all is None or d.b.without_partner_all is None:
        return []
    (pw, pn), (dw, dn) = d.b.with_partner_all, d.b.without_partner_all
    if pn < MIN_CLOSED_FOR_RATE or dn < MIN_CLOSED_FOR_RATE:
        return []
    return [f"Over all {pn + dn} closed deals on record: with a partner {pw / pn:.0%} ({pw} of {pn}); "
            f"without {dw / dn:.0%} ({dw} of {dn})"]


def _match_suggestions(d: DealContext) -> list[str]:
    try:
        found = partner_match.match_partners(d.ctx, d.scope, d.opp.opportunity_id, top=MATCH_SUGGESTIONS)
    except Exception:  # a failure there must not take the deal's other actions down with it
        log.warning("partner matching unavailable for %s", d.opp.opportunity_id, exc_info=True)
        return []
    out = []
    for m in list(getattr(found, "partners", []) or [])[:MATCH_SUGGESTIONS]:
        reasons = "; ".join(list(getattr(m, "reasons", []) or [])[:2])
        out.append(f"Suggested partner: {m.name} ({m.partner_id}), match score {m.score:.2f}"
                   + (f": {reasons}" if reasons else ""))
    return out


def uncertified_products(d: DealContext) -> Signal | None:
    pid = d.opp.partner_id or d.opp.registered_by
    if not pid or not d.products:
        return None
    try:
        partner = d.rec.partner(pid)
    except CosellError:  # another partner's data: a partner seller may not read it
        return None
    certified = parse_certified(partner.certified_staff)
    gaps = [p for p in d.products if certified.get(p.strip().lower(), (p, 0))[1] <= 0]
    if not gaps:
        return None
    competencies = {c.strip().lower() for c in partner.competencies or []}
    have = ", ".join(f"{name} {n}" for name, n in certified.values() if n > 0) or "none"
    evidence = [(f"Deal products: {', '.join(d.products)}; {partner.name} has 0 certified staff for "
                f"{', '.join(gaps)} (certified staff: {have})")]
    unauthorised = [g for g in gaps if g.strip().lower() not in competencies]
    if unauthorised:
        evidence.append(f"{', '.join(unauthorised)} not among {partner.name}'s competencies")
    return d.signal(
        "uncertified_products",
        title=f"Get {partner.name} certified on {', '.join(gaps)} for {d.opp.name}",
        why=f"The partner engaged on this {d.amount_text} deal has nobody certified on {', '.join(gaps)}.",
        evidence=evidence,
        query=f"{' '.join(gaps)} certification training", kinds=("training", "playbook"), products=gaps,
    )


@dataclass(frozen=True)
class Battlecard:
    doc_id: str
    title: str
    visibility: tuple[str, ...]


def competitor_names(ctx: ToolContext) -> dict[str, Battlecard | None]:
    """Competitor name -> its battlecard (None when only named in vendor.yaml or the default list).
    Vendor-wide and the same for every asker (who may read a battlecard is decided by the caller), so
    cached per records and content version."""
    stamp = ctx.store.content_version()
    return ctx.cached("competitor_names", lambda: _competitor_names(ctx), stamp=stamp)


def _competitor_names(ctx: ToolContext) -> dict[str, Battlecard | None]:
    vendor = ctx.vendor()
    names: dict[str, Battlecard | None] = {}
    with ctx.store.session() as session:  # every battlecard: the caller decides who may read one
        for doc in session.scalars(select(Document).where(Document.kind == "battlecard")):
            card = Battlecard(doc.doc_id, doc.title, tuple(doc.visibility or ["internal"]))
            for name in _battlecard_competitors(doc, vendor.get("name") or ""):
                names.setdefault(name, card)
    for name in list(vendor.get("competitors") or []) + list(DEFAULT_COMPETITORS):
        names.setdefault(str(name).strip(), None)
    own = (vendor.get("name") or "").strip().lower()
    return {n: d for n, d in names.items() if n and n.lower() != own}


_VS = re.compile(r"\b(?:vs\.?|versus|against|compared (?:to|with)|compet(?:ing|e) with|beating)\s+(.+)$",
                 re.IGNORECASE)


def _battlecard_competitors(doc: Document, vendor_name: str) -> list[str]:
    attrs = doc.attributes or {}
    named = attrs.get("competitor") or attrs.get("competitors")
    if named:
        return [named] if isinstance(named, str) else [str(n) for n in named]
    title = doc.title or ""
    m = _VS.search(title)
    name = m.group(1) if m else re.sub(r"(?i)\bbattle\s*card\b\s*[:|\-–—]?\s*", "", title)
    if vendor_name:
        name = re.sub(re.escape(vendor_name), "", name, flags=re.IGNORECASE)
    name = re.sub(r"\(.*?\)|\s*[:|]\s.*$|\s[-–—]\s.*$", "", name)  # "(2026)", ": how to win", " - 2026"
    name = name.strip(" :-–—|,.")
    return [name] if 2 <= len(name) <= 60 else []


def _snippet(text: str, start: int, end: int, width: int = 70) -> str:
    """The mention with some context, cut at word boundaries."""
    lo, hi = max(start - width, 0), min(end + width, len(text))
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    return ("..." if lo > 0 else "") + " ".join(text[lo:hi].split()) + ("..." if hi < len(text) else "")


def competitor_mentioned(d: DealContext) -> Signal | None:
    text = d.opp.description or ""
    found = []  # (position, name, battlecard)
    for name, doc in competitor_names(d.ctx).items() if text else []:
        m = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE)
        if m:
            found.append((m.start(), m.end(), name, doc))
    if not found:
        return None
    found.sort(key=lambda f: f[0])
    names = [name for _, _, name, _ in found]
    evidence = [f"Description mentions {name}: \"{_snippet(text, start, end)}\""
                for start, end, name, _ in found]
    evidence.append(f"{d.deal_text}, expected to close "
                    f"{d.opp.close_date.isoformat() if d.opp.close_date else 'on no set date'}")
    # a battlecard is shared only with those who may read it; the others just get the name
    shared = [ContentRef(doc_id=doc.doc_id, title=doc.title) for _, _, _, doc in found
              if doc is not None and d.scope.may_read_content(doc.visibility)]
    evidence += [f"Battlecard to share: {ref.title}" for ref in shared]
    return d.signal(
        "competitor_mentioned",
        title=f"Prepare for {' and '.join(names)} on {d.opp.name}",
        why=f"The deal notes mention {' and '.join(names)}; position against it before it sets the terms of "
            f"this {d.amount_text} deal.",
        evidence=evidence,
        content=list({ref.doc_id: ref for ref in shared}.values()),
    )


def enablement_content(d: DealContext) -> Signal | None:
    industry = None
    try:
        industry = d.rec.account(d.opp.account_id).industry
    except CosellError:
        pass
    topic = " ".join(filter(None, [d.opp.stage, *d.products, industry]))
    where = f" ({industry})" if industry else ""
    return d.signal(
        "enablement_content",
        title=f"Use the enablement content for {d.opp.stage} on {d.opp.name}",
        why="Material that fits this deal's stage, products and industry.",
        evidence=[f"{d.deal_text} for {', '.join(d.products) or 'no listed products'}{where}"],
        query=f"{topic} playbook", kinds=(*_PLAYBOOKS, "training"),
        content_industries=[industry] if industry else [],
    )


RULES: tuple[Callable[[DealContext], Signal | None], ...] = (
    registration_expiring, registration_lapsed, close_date_passed, stalled_deal, competitor_mentioned,
    no_partner_engaged, uncertified_products, enablement_content,
)
# The deal rules a partner's own view repeats for each of its open deals: the ones with a clock running.
URGENT_RULES = (registration_expiring, registration_lapsed, close_date_passed, stalled_deal)


def opportunity_signals(ctx: ToolContext, scope: Scope, rec: ScopedRecords, opp: Opportunity,
                        baselines: VendorBaselines) -> list[Signal]:
    if not is_open(opp):
        return []
    d = DealContext(ctx, scope, rec, opp, baselines)
    return [s for s in (rule(d) for rule in RULES) if s is not None]
