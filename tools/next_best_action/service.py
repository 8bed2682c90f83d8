"""Next best actions for a deal or a partner, each with the evidence behind it, ranked by expected impact.

Rules live in `tools.next_best_action.deal_signals` (one opportunity) and `tools.next_best_action.partner_signals` (one partner); each rule
returns a `Signal` carrying its evidence (sentences with the numbers from the data) and its expected
impact. A signal without evidence is dropped: a suggestion without evidence is noise.

Expected impact (the ranking score; `priority` 1 = highest impact), in the deal's currency units:

    deal action     impact = amount x P(stage) x urgency
    partner action  impact = a revenue-at-risk or revenue-opportunity estimate (per rule, below)

- amount: the deal's amount, else the vendor's median deal amount.
- P(stage): `STAGE_PROBABILITY` (prospecting 0.1, qualification 0.2, proposal 0.4, negotiation 0.7),
  overridable with vendor.yaml `stage_probabilities`.
- urgency, per deal rule: expiring registration 1.5-2.0 (the closer to expiry, the higher); close date
  passed 1.0-2.0 (+1 per 90 days overdue, capped); stalled 1.0-2.0 (days quiet / the stall bar,
  capped); competitor mentioned 1.2; no partner engaged 1.0; products without certified staff 0.8;
  enablement content 0.3.
- partner value V = weighted open pipeline (sum of amount x P(stage)) + trailing-12-month won revenue / 4,
  floored at one typical deal (median amount x vendor win rate). Partner rules: engagement decline
  V x the largest relative drop; PSAT drop V x the relative drop; unused MDF unspent x 5 (pipeline per MDF
  dollar) x vendor win rate; certification gap (sum of amount x P(stage) of the affected deals + one typical
  deal per competency without certified staff and no open deal in it) x 0.8;
  tier promotion or demotion won revenue (12 months) / 4; slow first deal one typical deal x
  min(days since joining / typical days to a first deal, 2); overlapping accounts without a joint deal
  min(accounts, 10) x median amount x P(prospecting) x 0.5 (a standing opportunity: no clock running).
- A partner's view also repeats its own deals' expiring registrations, passed close dates and stalls
  (at most 3), each with its deal impact and the deal as `subject_id`.
- A partner's view also lists the records the copilot keeps that need someone to act
  (`tools.next_best_action.programme_signals`): registrations about to expire (`registration_expiring`),
  leads not accepted past half their window (`lead_waiting`) and, for admins and channel managers,
  registrations waiting for a decision (`registration_to_decide`), each with the record as `subject_id`.
  The deal rules read a registration's protection end from its record when the copilot keeps one (else
  the deal's creation date + `registration_protection_days`); a kept record's expiry warning comes from
  the record's own action, not twice (the partner view drops the deal rules' registration actions for
  deals with a kept record).
- MDF (`tools.next_best_action.mdf_signals`): requests to decide, claims due, approved activities not
  started, and where the partner's MDF would do better (`tools.mdf.service.mdf_advice`).
- Onboarding (a signal source `tools.onboarding.service` registers in `tools.registry`): for a partner
  still in onboarding, the steps of its plan overdue or due within two weeks.

Vendor-wide aggregates (typical days in stage, median amount, win rate, MDF use, days to a first deal,
the distribution of partners' pipelines) are computed in `tools.next_best_action.partner_health.vendor_baselines` with
`Scope.system()`; only those numbers leave it.
"""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from statistics import NormalDist
from typing import Any, Protocol

from sqlalchemy import select

from assistant.core.errors import BadInput, Forbidden
from retrieval.records import Document
from retrieval.scope import Scope
from tools.context import ToolContext
from tools.next_best_action import partner_health as health
from tools.next_best_action import portfolio_sql, tier_rules
from tools.next_best_action.partner_health import (  # re-exported: the server warm-up, signal sources
    VendorBaselines,  # noqa: F401
    vendor_baselines,
)
from tools.next_best_action.tier_rules import MONEY_METRICS, assess_tier, load_tier_rules, tier_checks  # noqa: F401
from tools.next_best_action.types import Action, ContentRef, HealthScore, NbaArgs, NbaResponse, Signal
from tools.registry import register_tool, signal_sources
from tools.types import days_quiet

log = logging.getLogger(__name__)


def warm_partner_relationships(ctx: ToolContext) -> None:
    """The server warm-up: account mapping's partner relationships read once (partner_signals)."""
    from tools.next_best_action.partner_signals import warm_partner_relationships as warm  # heavy: see below

    warm(ctx)


DEFAULT_WIN_RATE = 0.25  # when the vendor has too few closed deals to measure its own
MDF_PIPELINE_PER_DOLLAR = 5.0  # a common MDF programme target: $5 of pipeline per MDF dollar
CONTENT_PER_ACTION = 2
DEAL_REGISTRATION_RULES = ("registration_expiring", "registration_lapsed")  # a kept record's own actions say it


# --- content the asker may see ---------------------------------------------------------------------


class ContentLookup(Protocol):
    def __call__(self, query: str, k: int, *, allowed_visibility: list[str] | None,
                 products: list[str] | None = None, industries: list[str] | None = None,
                 kinds: list[str] | None = None) -> list[ContentRef]: ...


def _field(hit: Any, name: str) -> Any:
    return hit.get(name) if isinstance(hit, dict) else getattr(hit, name, None)


LOOKUP_CACHE_SIZE = 4096  # retrieval results kept (`ctx.cached`, least recently used first out)


def default_content_lookup(ctx: ToolContext) -> ContentLookup:
    """Retrieval through `ctx.content.search` (visibility filtered there); content is an extra, so a
    failure to search (no index yet) leaves actions without content instead of failing them.

    Results are remembered per content version and per visibility (`ctx.cached`; the rules' queries repeat
    across deals and partners: "proposal stage playbook ..."), so one asker's results never reach another
    kind of asker.
    """
    content_version = ctx.store.content_version()
    failed = False  # one failure is enough: the rest of this request goes without content

    def search(query: str, k: int, **filters) -> tuple[ContentRef, ...]:
        hits = ctx.content.search(query, k, max_per_doc=1, **filters)
        found = [(str(_field(h, "doc_id")), _field(h, "title")) for h in hits or [] if _field(h, "doc_id")]
        return tuple(ContentRef(doc_id=doc_id, title=str(title or doc_id)) for doc_id, title in found)

    def lookup(query: str, k: int, *, allowed_visibility: list[str] | None, products: list[str] | None = None,
               industries: list[str] | None = None, kinds: list[str] | None = None) -> list[ContentRef]:
        nonlocal failed
        if failed:
            return []
        visibility = None if allowed_visibility is None else tuple(sorted(allowed_visibility))
        key = (query, k, visibility, tuple(products or ()), tuple(industries or ()), tuple(kinds or ()))
        filters = {"allowed_visibility": allowed_visibility, "kinds": kinds or None,
                   "products": products or None, "industries": industries or None}
        try:
            refs = ctx.cached("nba.content_lookup", lambda: search(query, k, **filters), key=key,
                              stamp=content_version, max_entries=LOOKUP_CACHE_SIZE)
        except Exception:  # degrade to no content, keep the actions
            failed = True
            log.warning("content lookup failed for %r; actions go without content", query, exc_info=True)
            return []
        return list(refs)

    return lookup


@dataclass(frozen=True)
class DocumentInfo:
    doc_id: str
    title: str | None
    source: str
    visibility: tuple[str, ...]


def document_index(ctx: ToolContext) -> dict[str, DocumentInfo]:
    """Every document's title, source and visibility, read once per content version (`ctx.cached`; every
    change to documents bumps it). A store whose documents were written by hand (version 0) is read every
    time."""
    def read() -> dict[str, DocumentInfo]:
        columns = (Document.doc_id, Document.title, Document.source, Document.visibility)
        with ctx.store.session() as session:
            return {d: DocumentInfo(d, t, s or "", tuple(v or ["internal"]))
                    for d, t, s, v in session.execute(select(*columns))}

    version = ctx.store.content_version()
    return ctx.cached("nba.documents", read, stamp=version) if version else read()


@dataclass
class ContentPicker:
    """Chooses the content shown with each action: only documents the asker may read, and partner-scoped
    documents (visibility `partner:X` only) only when the subject involves partner X."""

    ctx: ToolContext
    scope: Scope
    lookup: ContentLookup
    partners: set[str] = field(default_factory=set)  # the partners the subject involves
    docs: dict[str, DocumentInfo] | None = None  # document_index(), read on first use

    def for_signal(self, signal: Signal) -> list[ContentRef]:
        """The signal's own content, then retrieval: strict filters first, loosened when nothing fits."""
        refs = self._fitting(signal.content)
        s, allowed = signal, self.scope.allowed_visibility()
        attempts = [(s.content_kinds, s.content_industries), (s.content_kinds, []), ([], [])]
        for i, (kinds, industries) in enumerate(attempts if s.content_query else []):
            if (kinds, industries) in attempts[:i]:
                continue
            hits = self.lookup(s.content_query, CONTENT_PER_ACTION + 2, allowed_visibility=allowed,
                               products=s.content_products or None, industries=industries or None,
                               kinds=kinds or None)
            found = self._fitting(hits)
            if found:
                refs += [r for r in found if r not in refs]
                break
        return refs[: max(CONTENT_PER_ACTION, len(signal.content))]

    def _fitting(self, refs: list[ContentRef]) -> list[ContentRef]:
        """Known documents that fit, once each and once per title (a translation adds nothing here);
        defence in depth behind the search's own visibility filter."""
        if not refs:
            return []
        if self.docs is None:
            self.docs = document_index(self.ctx)
        out: list[ContentRef] = []
        for ref in refs:
            doc = self.docs.get(ref.doc_id)
            tags = list(doc.visibility) if doc is not None else []
            scoped = [t.split(":", 1)[1] for t in tags if t.startswith("partner:")]
            for_subject = len(scoped) < len(tags) or bool(self.partners & set(scoped))
            same = any(r.doc_id == ref.doc_id or r.title == (doc.title if doc else None) for r in out)
            if doc is not None and self.scope.may_read_content(tags) and for_subject and not same:
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


def next_best_actions(ctx: ToolContext, scope: Scope, partner_id: str | None = None,
                      opportunity_id: str | None = None,
                      content_lookup: ContentLookup | None = None) -> NbaResponse:
    """Next best actions for one partner or one opportunity (exactly one), most important first."""
    scope.require("nba")
    if bool(partner_id) == bool(opportunity_id):
        raise BadInput("give exactly one of a partner (--partner) or an opportunity (--opportunity)")
    # the signal rules read deal registration, partner matching and account mapping (polars, numpy): imported
    # here, not by the portfolio, which imports this module for the health score only (-0.3 s of its start)
    from tools.next_best_action import (  # heavy: ^
        deal_signals,
        mdf_signals,
        partner_signals,
        programme_signals,
    )

    lookup = content_lookup or default_content_lookup(ctx)
    baselines = health.vendor_baselines(ctx)
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
    recorded = programme_signals.registration_deals(ctx, scope, metrics.partner_id)
    signals = [s for s in signals if not (s.kind in DEAL_REGISTRATION_RULES and s.subject_id in recorded)]
    signals += programme_signals.programme_signals(ctx, scope, metrics.partner_id, metrics.partner.name, baselines)
    signals += mdf_signals.mdf_signals(ctx, scope, metrics.partner_id, metrics.partner.name, baselines)
    for source in signal_sources():  # capabilities that read us and add their own (onboarding)
        signals += source(ctx, scope, metrics.partner_id, baselines, signals)
    picker = ContentPicker(ctx, scope, lookup, {metrics.partner_id})
    return NbaResponse(subject_type="partner", subject_id=metrics.partner_id,
                       actions=rank_actions(metrics.partner_id, signals, picker), health=score)


def partner_health(ctx: ToolContext, scope: Scope, partner_id: str) -> HealthScore:
    """The partner health score (0-100) with its weighted components; see tools.next_best_action.partner_health."""
    return health.partner_health(ctx, scope, partner_id)


def stalled_days(ctx: ToolContext, opp: Any) -> int | None:
    """The days an open deal has gone without activity when that is beyond this vendor's norm for its stage (the
    bar of the `stalled_deal` action), else None."""
    from tools.next_best_action.deal_signals import stall_bar  # heavy: the signal rules

    quiet = days_quiet(opp, ctx.today())
    bar = stall_bar(vendor_baselines(ctx), opp.stage, quiet)
    return quiet if bar is not None and quiet > bar[0] else None


def partner_standing(ctx: ToolContext, scope: Scope, partner_id: str) -> tuple[health.PartnerMetrics, Any]:
    """(the partner's metrics, its TierAssessment) within the asker's scope: what the tier and MDF rules see.
    For `tools.partner_profile` (a partner seller's "are we on track for gold?")."""
    baselines = vendor_baselines(ctx)
    with ctx.records(scope) as rec:
        metrics = health.partner_metrics(rec, partner_id, baselines)
    return metrics, assess_tier(metrics.partner.tier, vendor_tier_rules(ctx), metrics.tier_metrics())


def vendor_tier_rules(ctx: ToolContext) -> dict[str, list[tier_rules.Requirement]]:
    """The tier minimums the programme applies: vendor.yaml `tier_rules`, else the documented default table
    (`tier_rules.load_tier_rules`, metrics by their canonical names)."""
    return load_tier_rules(vendor_baselines(ctx).vendor)


@register_tool("next_best_actions", args=NbaArgs, pure=True)
def next_best_actions_tool(ctx: ToolContext, scope: Scope, args: NbaArgs) -> NbaResponse:
    """Next best actions for a partner (partner_id) or a deal (opportunity_id): what to do next, most
    important first, each with why, the evidence (numbers from the data) and enablement content. For a
    partner the result also carries its health score (0-100) and the score's components."""
    return next_best_actions(ctx, scope, partner_id=args.partner_id, opportunity_id=args.opportunity_id)


@dataclass(frozen=True)
class PortfolioHealth:
    """One partner's health with what tier status needs (for programme analytics)."""

    partner_id: str
    score: HealthScore
    tier: str
    qualifies_for: str
    biggest_drop: tuple[str, float, float | None, float | None]  # (label, drop, recent, baseline)
    won_revenue_12m: float
    # what the pipeline and win rate rest on (None: not known): deals won and lost in the trailing year, open
    won_12m: int | None = None
    lost_12m: int | None = None
    open_deals: int | None = None
    unmeasured: frozenset[str] = frozenset()  # components at their neutral score for want of data that day
    engagement_dropped: bool = False  # an engagement metric down beyond its noise (the drops' rule)
    # below its tier: the minimums it misses, of the tier just above the one it qualifies for (what caps it)
    tier_short: tuple[tier_rules.TierCheck, ...] = ()

    @property
    def deals(self) -> int | None:
        """Deals closed in the trailing year + open."""
        parts = (self.won_12m, self.lost_12m, self.open_deals)
        return None if None in parts else sum(parts)


def portfolio_health(ctx: ToolContext, scope: Scope, as_of: dt.date | None = None) -> dict[str, PortfolioHealth]:
    """Every partner's health score (and tier status), now or computed from the data as of a past day.
    Internal roles only: it covers every partner."""
    if not scope.is_internal:
        raise Forbidden(f"user '{scope.user_id}' ({scope.role}) may not see every partner's health")
    baselines, metrics = health.all_partner_metrics(ctx, as_of)
    return _portfolio_health(metrics, baselines, tier_rules.load_tier_rules(baselines.vendor))


def portfolio_health_on(ctx: ToolContext, scope: Scope, days: list[dt.date | None]
                        ) -> list[dict[str, PortfolioHealth]]:
    """`portfolio_health` for several days (None: today) in one pass of set-based SQL over the deals and the
    activity (tools.next_best_action.portfolio_sql): the same figures, at 10,000 partners and 1M deals."""
    if not scope.is_internal:
        raise Forbidden(f"user '{scope.user_id}' ({scope.role}) may not see every partner's health")
    rules = tier_rules.load_tier_rules(ctx.vendor())
    return [_portfolio_health(metrics, baselines, rules)
            for baselines, metrics in portfolio_sql.portfolio_metrics(ctx, days)]


class PortfolioHealthDays:
    """`portfolio_health_on`, each day scored on demand and for the partners asked only (the aggregates of
    every day are read at once; scoring is the Python part: a past day needed for a few partners costs little)."""

    def __init__(self, ctx: ToolContext, scope: Scope, days: list[dt.date | None],
                 partner_ids: set[str] | None = None, pipeline_days: list[dt.date] = (),
                 pipelines: dict[str, list] | None = None):
        """`partner_ids`: only these partners will be asked for (their aggregates alone are read).
        `pipeline_days` and `pipelines`: see portfolio_sql.PortfolioAggregates (every partner's pipeline on
        later days read in the same scan, and handed to the read of a few partners on those days)."""
        if not scope.is_internal:
            raise Forbidden(f"user '{scope.user_id}' ({scope.role}) may not see every partner's health")
        self._rules = tier_rules.load_tier_rules(ctx.vendor())
        self._aggregates = portfolio_sql.PortfolioAggregates(ctx, days, partner_ids, pipeline_days, pipelines)

    def pipelines_on(self, indexes: list[int]) -> dict[str, list]:
        return self._aggregates.pipelines_on(indexes)

    def on(self, i: int, partner_ids: set[str] | None = None) -> dict[str, PortfolioHealth]:
        baselines, metrics = self._aggregates.metrics(i, partner_ids)
        return _portfolio_health(metrics, baselines, self._rules)


# Chance drops expected over a whole portfolio: each partner's metrics are tested at once, so the more
# partners, the stricter each test (a Bonferroni bound; one partner alone keeps the z of 2)
CHANCE_DROPS_PER_PORTFOLIO = 0.5


def portfolio_drop_z(partners: int) -> float:
    """The z a fall must pass to count as a drop when `partners` partners' trends are tested together:
    40 partners: 2.7, 200: 3.2, 10,000: 4.2; at least 2, the rule for one partner."""
    tests = max(1, partners) * len(health.TREND_METRICS)
    return max(2.0, NormalDist().inv_cdf(1 - CHANCE_DROPS_PER_PORTFOLIO / tests))


def _portfolio_health(metrics, baselines, rules) -> dict[str, PortfolioHealth]:
    out = {}
    # every partner of the portfolio is tested, not only the ones scored here (partner_values: one a partner)
    z = portfolio_drop_z(len(baselines.partner_values))
    for m in metrics:
        # a metric averaging under one a month (registrations 0.2/month) is too sparse to call a drop, and
        # a fall within the metric's own month-to-month noise is no drop either: with many partners tested,
        # sparse counts (1-2 trainings a month) fall to zero for a quarter at some of them by chance
        dropped = [(k, t) for k, t in m.trends.items() if (t.baseline or 0) >= 1 and t.beyond_noise(z)]
        drops = [(t.label, t.drop, t.recent, t.baseline) for _, t in dropped]
        figures = m.tier_metrics()
        out[m.partner_id] = PortfolioHealth(
            partner_id=m.partner_id, score=health.health_from_metrics(m, baselines), tier=m.tier,
            qualifies_for=tier_rules.qualified_tier(rules, figures),
            tier_short=tier_rules.capping_checks(m.tier, rules, figures),
            biggest_drop=max(drops, key=lambda d: d[1]) if drops else ("", 0.0, None, None),
            won_revenue_12m=m.won_revenue_12m, won_12m=m.won_count_12m, lost_12m=m.lost_count_12m,
            open_deals=m.open_count, unmeasured=health.unmeasured(m, baselines),
            engagement_dropped=any(k in health.ENGAGEMENT_WEIGHTS for k, _ in dropped))
    return out
