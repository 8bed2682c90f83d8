"""Next best actions for a deal or a partner, each with the evidence behind it, ranked by expected impact.

Rules live in `tools.deal_signals` (one opportunity) and `tools.partner_signals` (one partner); each rule
returns a `Signal` carrying its evidence (sentences with the numbers from the data) and its expected
impact. A signal without evidence is dropped: a suggestion without evidence is noise.

Expected impact (the ranking score; `priority` 1 = highest impact), in the deal's currency units:

    deal action     impact = amount x P(stage) x urgency
    partner action  impact = a revenue-at-risk or revenue-opportunity estimate (per rule, below)

- amount: the deal's amount, else the vendor's median deal amount.
- P(stage): `STAGE_PROBABILITY` (prospecting 0.1, qualification 0.2, proposal 0.4, negotiation 0.7),
  overridable with vendor.yaml `stage_probabilities`.
- urgency, per deal rule: expiring registration 1.5-2.0 (the closer to expiry, the higher); close date
  passed 1.0-2.0 (+1 per 90 days overdue, capped); stalled 1.0-2.0 (days quiet / (2 x the stage's typical),
  capped); competitor mentioned 1.2; no partner engaged 1.0; products without certified staff 0.8;
  enablement content 0.3.
- partner value V = weighted open pipeline (sum of amount x P(stage)) + trailing-12-month won revenue / 4,
  floored at one typical deal (median amount x vendor win rate). Partner rules: engagement decline
  V x the largest relative drop; PSAT drop V x the relative drop; unused MDF unspent x 5 (pipeline per MDF
  dollar) x vendor win rate; certification gap sum of amount x P(stage) of the affected deals x 0.8;
  tier promotion or demotion won revenue (12 months) / 4; slow first deal one typical deal x
  min(days since joining / typical days to a first deal, 2); overlapping accounts without a joint deal
  min(accounts, 10) x median amount x P(prospecting) x 0.5 (a standing opportunity: no clock running).
- A partner's view also repeats its own deals' expiring registrations, passed close dates and stalls
  (at most 3), each with its deal impact and the deal as `subject_id`.

Vendor-wide aggregates (typical days in stage, median amount, win rate, MDF use, days to a first deal,
the distribution of partners' pipelines) are read with `Scope.system()`; only those numbers leave it.
"""
from __future__ import annotations

import datetime as dt
import logging
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import BaseModel, Field
from sqlalchemy import select

from assistant.errors import BadInput
from retrieval.records import Document, Opportunity, Partner, PartnerActivity
from retrieval.scope import Scope
from tools.registry import register_tool

if TYPE_CHECKING:
    from assistant.context import AppContext

log = logging.getLogger(__name__)

CLOSED_STAGES = ("closed_won", "closed_lost")
STAGE_PROBABILITY = {"prospecting": 0.1, "qualification": 0.2, "proposal": 0.4, "negotiation": 0.7,
                     "closed_won": 1.0, "closed_lost": 0.0}
DEFAULT_WIN_RATE = 0.25  # when the vendor has too few closed deals to measure its own
MDF_PIPELINE_PER_DOLLAR = 5.0  # a common MDF programme target: $5 of pipeline per MDF dollar
CONTENT_PER_ACTION = 2


# --- results (CLI.md `nba --json`) ----------------------------------------------------------------


class ContentRef(BaseModel):
    doc_id: str
    title: str


class Action(BaseModel):
    title: str
    why: str
    priority: int = Field(description="1 = most important (highest expected impact)")
    evidence: list[str] = Field(description="facts from the data, with numbers, behind the action")
    content: list[ContentRef] = Field(default_factory=list,
                                      description="enablement content the asker may see")
    kind: str = Field(description="the rule that fired, e.g. stalled_deal, engagement_decline")
    impact: float = Field(description="expected-impact score used for the ranking (see module docstring)")
    subject_id: str = Field(description="the opportunity or partner the action is about")


class HealthComponent(BaseModel):
    name: str
    score: float = Field(description="0-100")
    weight: float = Field(description="share of the total score; weights sum to 1")
    detail: str


class HealthScore(BaseModel):
    partner_id: str
    score: int = Field(description="0-100, the weighted sum of the components")
    components: list[HealthComponent]


class NbaResponse(BaseModel):
    subject_type: str = Field(description="partner or opportunity")
    subject_id: str
    actions: list[Action]
    health: HealthScore | None = None


class NbaArgs(BaseModel):
    """Exactly one of the two."""

    partner_id: str | None = Field(None, description="a partner id, e.g. P-007")
    opportunity_id: str | None = Field(None, description="an opportunity id, e.g. OPP-0042")


# --- what a rule returns ---------------------------------------------------------------------------


@dataclass
class Signal:
    """A rule that fired. `content_query` asks retrieval for helpful content; `content` is pre-resolved."""

    kind: str
    title: str
    why: str
    evidence: list[str]
    impact: float
    content_query: str | None = None
    content_products: list[str] = field(default_factory=list)
    content_industries: list[str] = field(default_factory=list)
    content_kinds: list[str] = field(default_factory=list)  # document kinds that fit (playbook, policy, ...)
    content: list[ContentRef] = field(default_factory=list)
    subject_id: str | None = None  # set when a partner's view repeats one of its deals' actions


# --- small shared helpers --------------------------------------------------------------------------

_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}


def money(amount: float | None, currency: str | None = "USD") -> str:
    code = (currency or "USD").upper()
    value = f"{(amount or 0):,.0f}"
    return f"{_SYMBOLS[code]}{value}" if code in _SYMBOLS else f"{code} {value}"


def stage_probability(stage: str, vendor: dict | None = None) -> float:
    table = {**STAGE_PROBABILITY, **{str(k).lower(): float(v) for k, v in
                                     ((vendor or {}).get("stage_probabilities") or {}).items()}}
    return table.get((stage or "").lower(), 0.1)


def is_open(opp: Opportunity) -> bool:
    return opp.stage not in CLOSED_STAGES


def days_quiet(opp: Opportunity, today: dt.date) -> int | None:
    """Days in stage: the data has no stage-change date, so days since the last activity (else creation)."""
    since = opp.last_activity_on or opp.created_on
    return max((today - since).days, 0) if since else None


def in_trailing_year(day: dt.date | None, today: dt.date) -> bool:
    return day is not None and today - dt.timedelta(days=365) < day <= today


# --- vendor-wide aggregates (Scope.system(): only numbers leave this function) ----------------------


@dataclass
class Typical:
    median: float
    p25: float
    p75: float
    count: int

    @property
    def outlier_above(self) -> float:
        """Tukey's fence: above Q3 + 1.5 x IQR a value is unusual for this distribution."""
        return self.p75 + 1.5 * (self.p75 - self.p25)


@dataclass
class VendorBaselines:
    today: dt.date
    vendor: dict
    stage_days: dict[str, list[float]]  # days in stage of the open deals, per stage
    median_amount: float
    win_rate: float
    median_mdf_use: float | None  # spent / allocated, trailing 6 complete months, median over partners
    first_deal_days: Typical | None
    partner_values: list[float]  # each partner's weighted open pipeline, for percentiles (no ids)

    def typical_for(self, stage: str, exclude: float | None = None) -> Typical | None:
        """Days in stage of the OTHER open deals in this stage (all open deals when fewer than 5)."""
        def without(values: list[float]) -> list[float]:
            values = list(values)
            if exclude is not None and exclude in values:
                values.remove(exclude)
            return values

        same = without(self.stage_days.get(stage, []))
        if len(same) >= 5:
            return _typical(same)
        return _typical(without([d for v in self.stage_days.values() for d in v]))

    def typical_deal_value(self) -> float:
        return max(self.median_amount * self.win_rate, 1.0)

    def probability(self, stage: str) -> float:
        return stage_probability(stage, self.vendor)


def _typical(values: list[float]) -> Typical | None:
    if not values:
        return None
    q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive") if len(values) > 1 else values * 3
    return Typical(median, q1, q3, len(values))


def vendor_baselines(ctx: AppContext) -> VendorBaselines:
    from tools.partner_health import mdf_months  # the same window the MDF rule uses

    today, vendor = ctx.today(), ctx.vendor()
    with ctx.records(Scope.system()) as rec:  # vendor-wide: only the aggregates below leave this function
        opps, partners = rec.opportunities(), rec.partners()
        window = PartnerActivity.month.in_(mdf_months(today))
        activity = list(rec.session.scalars(select(PartnerActivity).where(window)))
    by_stage: dict[str, list[float]] = {}
    for opp in filter(is_open, opps):
        quiet = days_quiet(opp, today)
        if quiet is not None:
            by_stage.setdefault(opp.stage, []).append(quiet)
    amounts = [o.amount for o in opps if o.amount]
    closed = [o for o in opps if o.stage in CLOSED_STAGES and in_trailing_year(o.close_date, today)]
    if len(closed) < 20:
        closed = [o for o in opps if o.stage in CLOSED_STAGES]
    won = sum(o.stage == "closed_won" for o in closed)
    return VendorBaselines(
        today=today,
        vendor=vendor,
        stage_days=by_stage,
        median_amount=statistics.median(amounts) if amounts else 0.0,
        win_rate=won / len(closed) if len(closed) >= 5 else DEFAULT_WIN_RATE,
        median_mdf_use=_median_mdf_use(activity),
        first_deal_days=_typical(_days_to_first_deal(partners, opps)),
        partner_values=_partner_pipelines(partners, opps, vendor),
    )


def _median_mdf_use(activity: Iterable[PartnerActivity]) -> float | None:
    allocated: dict[str, float] = {}
    spent: dict[str, float] = {}
    for row in activity:
        allocated[row.partner_id] = allocated.get(row.partner_id, 0.0) + (row.mdf_allocated or 0.0)
        spent[row.partner_id] = spent.get(row.partner_id, 0.0) + (row.mdf_spent or 0.0)
    uses = [min(spent[p] / a, 1.0) for p, a in allocated.items() if a > 0]
    return statistics.median(uses) if uses else None


def _days_to_first_deal(partners: list[Partner], opps: list[Opportunity]) -> list[float]:
    """Only partners that joined after the data starts: for older ones the first deal is not observed."""
    starts = [o.created_on for o in opps if o.created_on]
    if not starts:
        return []
    data_start = min(starts)
    first: dict[str, dt.date] = {}
    for opp in opps:
        if not opp.created_on:
            continue
        for pid in {opp.partner_id, opp.registered_by} - {None}:
            if pid not in first or opp.created_on < first[pid]:
                first[pid] = opp.created_on
    return [max((first[p.partner_id] - p.joined_on).days, 0)
            for p in partners if p.joined_on and p.joined_on >= data_start and p.partner_id in first]


def _partner_pipelines(partners: list[Partner], opps: list[Opportunity], vendor: dict) -> list[float]:
    values = {p.partner_id: 0.0 for p in partners}
    for opp in filter(is_open, opps):
        for pid in {opp.partner_id, opp.registered_by} - {None}:
            if pid in values:
                values[pid] += (opp.amount or 0.0) * stage_probability(opp.stage, vendor)
    return sorted(values.values())


# --- content the asker may see ---------------------------------------------------------------------


class ContentLookup(Protocol):
    def __call__(self, query: str, k: int, *, allowed_visibility: list[str] | None,
                 products: list[str] | None = None, industries: list[str] | None = None,
                 kinds: list[str] | None = None) -> list[ContentRef]: ...


def _field(hit: Any, name: str) -> Any:
    return hit.get(name) if isinstance(hit, dict) else getattr(hit, name, None)


def default_content_lookup(ctx: AppContext) -> ContentLookup:
    """Retrieval through `ctx.content.search` (visibility filtered there); content is an extra, so a
    failure to search (no index yet) leaves actions without content instead of failing them."""

    failed = False  # one failure is enough: the rest of this request goes without content

    def lookup(query: str, k: int, *, allowed_visibility: list[str] | None, products: list[str] | None = None,
               industries: list[str] | None = None, kinds: list[str] | None = None) -> list[ContentRef]:
        nonlocal failed
        if failed:
            return []
        try:
            hits = ctx.content.search(query, k, allowed_visibility=allowed_visibility, kinds=kinds or None,
                                      products=products or None, industries=industries or None, max_per_doc=1)
        except Exception:  # degrade to no content, keep the actions
            failed = True
            log.warning("content lookup failed for %r; actions go without content", query, exc_info=True)
            return []
        return [ContentRef(doc_id=str(_field(h, "doc_id")),
                           title=str(_field(h, "title") or _field(h, "doc_id")))
                for h in hits or [] if _field(h, "doc_id")]

    return lookup


@dataclass
class ContentPicker:
    """Chooses the content shown with each action: only documents the asker may read, and partner-scoped
    documents (visibility `partner:X` only) only when the subject involves partner X."""

    ctx: AppContext
    scope: Scope
    lookup: ContentLookup
    partners: set[str] = field(default_factory=set)  # the partners the subject involves

    def for_signal(self, signal: Signal) -> list[ContentRef]:
        """The signal's own content, then retrieval: strict filters first, loosened when nothing fits."""
        refs = self._fitting(signal.content)
        if signal.content_query:
            s = signal
            attempts = [(s.content_kinds, s.content_industries), (s.content_kinds, []), ([], [])]
            for i, (kinds, industries) in enumerate(attempts):
                if (kinds, industries) in attempts[:i]:
                    continue
                found = self._fitting(self.lookup(
                    s.content_query, CONTENT_PER_ACTION + 2, allowed_visibility=self.scope.allowed_visibility(),
                    products=s.content_products or None, industries=industries or None, kinds=kinds or None))
                if found:
                    refs += [r for r in found if r not in refs]
                    break
        return refs[: max(CONTENT_PER_ACTION, len(signal.content))]

    def _fitting(self, refs: list[ContentRef]) -> list[ContentRef]:
        """Known documents that fit, once each (defence in depth behind the search's own filter)."""
        if not refs:
            return []
        with self.ctx.store.session() as session:
            docs = {d.doc_id: d for d in session.scalars(select(Document).where(
                Document.doc_id.in_([r.doc_id for r in refs])))}
        out: list[ContentRef] = []
        for ref in refs:
            doc = docs.get(ref.doc_id)
            tags = (doc.visibility or ["internal"]) if doc is not None else []
            scoped = [t.split(":", 1)[1] for t in tags if t.startswith("partner:")]
            for_subject = len(scoped) < len(tags) or bool(self.partners & set(scoped))
            if doc is not None and self.scope.may_read_content(tags) and for_subject and ref not in out:
                out.append(ContentRef(doc_id=doc.doc_id, title=doc.title or ref.title))
        return out


# --- the service -----------------------------------------------------------------------------------


def rank_actions(subject_id: str, signals: list[Signal], content: ContentPicker) -> list[Action]:
    """Highest expected impact first; ties keep the rule order. No evidence, no action."""
    kept = sorted((s for s in signals if s.evidence), key=lambda s: -s.impact)
    actions: list[Action] = []
    for s in kept:
        refs = content.for_signal(s)
        if s.kind == "enablement_content" and not refs:
            continue  # the content is the point of this one
        actions.append(Action(title=s.title, why=s.why, priority=len(actions) + 1, evidence=s.evidence,
                              content=refs, kind=s.kind, impact=round(s.impact, 2),
                              subject_id=s.subject_id or subject_id))
    return actions


def next_best_actions(ctx: AppContext, scope: Scope, partner_id: str | None = None,
                      opportunity_id: str | None = None,
                      content_lookup: ContentLookup | None = None) -> NbaResponse:
    """Next best actions for one partner or one opportunity (exactly one), most important first."""
    scope.require("nba")
    if bool(partner_id) == bool(opportunity_id):
        raise BadInput("give exactly one of partner_id or opportunity_id")
    from tools import deal_signals, partner_signals  # they import this module's types
    from tools import partner_health as health

    lookup = content_lookup or default_content_lookup(ctx)
    baselines = vendor_baselines(ctx)
    if opportunity_id:
        with ctx.records(scope) as rec:
            opp = rec.opportunity(opportunity_id)
            signals = deal_signals.opportunity_signals(ctx, scope, rec, opp, baselines)
        picker = ContentPicker(ctx, scope, lookup, {opp.partner_id, opp.registered_by} - {None})
        return NbaResponse(subject_type="opportunity", subject_id=opp.opportunity_id,
                           actions=rank_actions(opp.opportunity_id, signals, picker))
    with ctx.records(scope) as rec:
        metrics = health.partner_metrics(rec, partner_id, baselines)
        signals = partner_signals.partner_signals(ctx, scope, rec, metrics, baselines)
        score = health.health_from_metrics(metrics, baselines)
    picker = ContentPicker(ctx, scope, lookup, {metrics.partner_id})
    return NbaResponse(subject_type="partner", subject_id=metrics.partner_id,
                       actions=rank_actions(metrics.partner_id, signals, picker), health=score)


def partner_health(ctx: AppContext, scope: Scope, partner_id: str) -> HealthScore:
    """The partner health score (0-100) with its weighted components; see tools.partner_health."""
    from tools.partner_health import partner_health as compute

    return compute(ctx, scope, partner_id)


@register_tool("next_best_actions", args=NbaArgs)
def next_best_actions_tool(ctx: AppContext, scope: Scope, args: NbaArgs) -> NbaResponse:
    """Next best actions for a partner (partner_id) or a deal (opportunity_id): what to do next, most
    important first, each with why, the evidence (numbers from the data) and enablement content. For a
    partner the result also carries its health score (0-100) and the score's components."""
    return next_best_actions(ctx, scope, partner_id=args.partner_id, opportunity_id=args.opportunity_id)
