"""The rules for one partner. Each returns a `Signal` with its evidence, or None when it does not fire.

Thresholds are relative to the data, never fixed counts:
- engagement decline: a metric's average over the last 3 complete months is at least 40% below the
  partner's own baseline (the 12 months before), AND more than 3 standard errors below it (the monthly sd
  taken at least as sqrt(mean), the Poisson sd of a count), so that ordinary month-to-month noise (a
  partner with one training a month) does not fire.
- PSAT drop: the same comparison, at least 1 point and 2 x sd / sqrt(3) below the baseline.
- unused MDF: under the trailing 2 quarters, spent / allocated below min(50%, 0.6 x the vendor's median).
- certification gap: a product of an open deal with no certified staff; a competency with no certified
  staff when at most a third of the vendor's partners have one.
- tier: tools.next_best_action.tier_rules against vendor.yaml `tier_rules`, only when at most a third of the
  vendor's partners have a gap the same way (otherwise the rules do not fit its scale).
- slow first deal: joined in the last 365 days, no deal yet, and longer than 75% of partners took to a
  first deal (90 days when fewer than 5 partners can tell).
- overlapping accounts: the partner reports a customer or open opportunity at one of our accounts with no
  opportunity that engages it (account mapping).
- its own open deals with a clock running (tools.next_best_action.deal_signals.URGENT_RULES), at most 3.
Impact estimates are in tools.next_best_action.service's docstring.
"""
from __future__ import annotations

import logging
import math
from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from retrieval.records import CampaignKitRow, Partner
from retrieval.scope import Scope, ScopedRecords
from tools.account_mapping import service as account_mapping  # a module reference: tests swap it
from tools.account_mapping.service import corrections_stamp
from tools.context import ToolContext
from tools.currency import reporting_currency
from tools.next_best_action.deal_signals import URGENT_RULES, DealContext
from tools.next_best_action.partner_health import PartnerMetrics, VendorBaselines, partner_value, uncertified
from tools.next_best_action.tier_rules import (
    METRIC_WORDS,
    MONEY_METRICS,
    TIER_GAP_SHARE,
    TierCheck,
    assess_tier,
    load_tier_rules,
)
from tools.next_best_action.types import MDF_PIPELINE_PER_DOLLAR, Signal
from tools.types import money, span_label

log = logging.getLogger(__name__)

DECLINE_MIN_DROP = 0.4
PSAT_MIN_DROP = 1.0
MDF_MAX_USE = 0.5
FIRST_DEAL_DEFAULT_DAYS = 90
NEW_PARTNER_DAYS = 365
OVERLAP_CAP = 10
STANDING_OPPORTUNITY = 0.5  # an opportunity with no clock running ranks below a change that needs a reply
DEAL_ACTIONS = 3
CERTIFICATION_URGENCY = 0.8  # as the deal rule's (deal_signals.URGENCY['uncertified_products'])
_PARTNER_SIDE = ("customer", "open_opportunity")


class PartnerContext:
    def __init__(self, ctx: ToolContext, scope: Scope, rec: ScopedRecords, m: PartnerMetrics,
                 b: VendorBaselines):
        self.ctx, self.scope, self.rec, self.m, self.b = ctx, scope, rec, m, b
        self.name = m.partner.name
        self.value = partner_value(m, b)


def _noise_floor(sd: float) -> float:
    """How far a 3-month average may fall from the baseline by chance: 2 standard errors."""
    return 2 * sd / math.sqrt(3)


def _count_noise_floor(sd: float, mean: float) -> float:
    """For monthly counts: 3 standard errors, the sd at least Poisson's sqrt(mean) (1 training a month
    that becomes 0 is chance; 42 logins that become 5 is not)."""
    return 3 * max(sd, math.sqrt(mean)) / math.sqrt(3)


def engagement_decline(p: PartnerContext) -> Signal | None:
    evidence, drops = [], []
    for key in ("portal_logins", "trainings_completed", "deals_registered"):
        t = p.m.trends[key]
        if t.baseline is None or t.recent is None:
            continue
        noise = _count_noise_floor(t.baseline_sd, t.baseline)
        if t.drop >= DECLINE_MIN_DROP and t.baseline - t.recent > noise:
            drops.append(t.drop)
            values = ", ".join(f"{v:g}" for v in t.recent_values)
            evidence.append(f"{t.label} fell from {t.baseline:.0f} to {t.recent:.0f} a month over the last "
                            f"3 months "
                            f"({span_label(t.recent_months)}: {values}; monthly average "
                            f"{span_label(t.baseline_months)}: {t.baseline:.1f}; -{t.drop:.0%})")
    if not drops:
        return None
    return Signal(
        kind="engagement_decline",
        title=f"Check in with {p.name}: engagement dropped",
        why=f"{p.name}'s activity fell well below its own usual level; a disengaging partner stops "
            f"registering and working deals.",
        evidence=evidence,
        impact=p.value * max(drops),
        content_query="partner portal onboarding enablement programme benefits",
        content_kinds=["training", "policy"],
    )


def psat_drop(p: PartnerContext) -> Signal | None:
    t = p.m.trends["psat"]
    if t.baseline is None or t.recent is None:
        return None
    fall = t.baseline - t.recent
    if fall < max(PSAT_MIN_DROP, _noise_floor(t.baseline_sd)):
        return None
    return Signal(
        kind="psat_drop",
        title=f"Find out why {p.name}'s satisfaction dropped",
        why="Partner satisfaction fell well below its usual level; unhappy partners drift to other vendors.",
        evidence=[(f"PSAT fell from {t.baseline:.1f} to {t.recent:.1f} "
                   f"(average of {span_label(t.recent_months)} "
                  f"vs {span_label(t.baseline_months)})")],
        impact=p.value * t.drop,
        content_query="partner programme support escalation",
    )


def unused_mdf(p: PartnerContext) -> Signal | None:
    allocated, spent = p.m.mdf_allocated, p.m.mdf_spent
    if allocated <= 0:
        return None
    use = spent / allocated
    typical = p.b.median_mdf_use
    limit = min(MDF_MAX_USE, 0.6 * typical) if typical is not None else MDF_MAX_USE
    if use >= limit:
        return None
    unspent = allocated - spent
    code = reporting_currency(p.ctx.vendor())  # partner_activity amounts (DATA.md)
    norm = f"; partners typically use {typical:.0%}" if typical is not None else ""
    kits = _kits_on(p.ctx, p.m.partner.competencies or [])
    return Signal(
        kind="unused_mdf",
        title=f"Plan {p.name}'s unspent MDF ({money(unspent, code)})",
        why=f"{p.name} used {use:.0%} of its marketing development funds in the last 2 quarters; unspent "
            f"funds are pipeline that is not being built.",
        evidence=[(f"MDF over the last 2 quarters ({span_label(p.m.mdf_window)}): "
                   f"{money(allocated, code)} allocated, "
                  f"{money(spent, code)} spent, {money(unspent, code)} unspent ({use:.0%} used{norm})")]
        + ([f"Campaign kits on its products to spend it on: {', '.join(kits[:3])}"] if kits else []),
        impact=unspent * MDF_PIPELINE_PER_DOLLAR * p.b.win_rate,
        content_query="MDF market development funds campaign kit claim",
        content_kinds=["policy"],
    )


def _kits_on(ctx: ToolContext, products: list[str]) -> list[str]:
    """ "<name> [<kit_id>]" of the campaign kits on any of `products` (a co-branded campaign is what MDF
    pays for first), in kit id order."""
    def build() -> list[tuple[str, str, frozenset[str]]]:
        with ctx.store.session() as session:
            return [(row.kit_id, row.name, frozenset(str(x).casefold() for x in (row.data or {}).get("products") or []))
                    for row in session.scalars(select(CampaignKitRow).order_by(CampaignKitRow.kit_id))]

    wanted = {x.casefold() for x in products}
    return [f"{name} [{kit_id}]" for kit_id, name, on in ctx.cached("nba.kits_by_product", build) if on & wanted]


def certification_gaps(p: PartnerContext) -> Signal | None:
    """Products of its open deals without certified staff (the deals are the impact), and products it is
    authorised for (competencies) without certified staff when that is uncommon among this vendor's partners
    (`uncommon_competency_gap`): a standing gap, one typical deal at stake for each."""
    deals_by_gap: dict[str, list] = {}
    for opp in p.m.open_deals:
        for product in opp.products or []:
            if product.strip() and p.m.certified_for(product) <= 0:
                deals_by_gap.setdefault(product.strip(), []).append(opp)
    standing = [c for c in uncertified(p.m.competencies, p.m.certified)
                if c.lower() not in {g.lower() for g in deals_by_gap}] if uncommon_competency_gap(p.b) else []
    if not deals_by_gap and not standing:
        return None
    evidence, affected = [], {}
    fx = p.b.fx  # ranked and weighed across deals in the reporting currency; shown per deal currency
    for product, deals in sorted(deals_by_gap.items(), key=lambda kv: -fx.total(kv[1])):
        totals: dict[str, float] = {}  # per deal currency: amounts in different currencies are not added up
        for o in deals:
            code = (o.currency or "USD").upper()
            totals[code] = totals.get(code, 0.0) + (o.amount or 0.0)
        worth = " + ".join(money(amount, code) for code, amount in sorted(totals.items(), key=lambda kv: -kv[1]))
        ids = ", ".join(o.opportunity_id for o in deals[:5]) + (", ..." if len(deals) > 5 else "")
        plural = "s" if len(deals) > 1 else ""
        evidence.append(f"{product} is in {len(deals)} open deal{plural} worth {worth} ({ids}); "
                        f"0 certified staff for {product}")
        affected.update({o.opportunity_id: o for o in deals})
    if standing:
        have = ", ".join(f"{name} {n}" for name, n in p.m.certified.values() if n > 0) or "none"
        gaps_n, partners_n = p.b.uncertified_competencies
        evidence.append(f"Authorised for {', '.join(standing)} (competencies) with 0 certified staff for "
                        f"{'it' if len(standing) == 1 else 'them'} (certified staff: {have}); "
                        f"{gaps_n} of {partners_n} partners have a competency without certified staff")
    gaps = list(deals_by_gap) + standing
    where = " in its open pipeline" if deals_by_gap else ""
    return Signal(
        kind="certification_gap",
        title=f"Certify {p.name} on {', '.join(gaps)}",
        why=f"{p.name} sells {', '.join(gaps)}{where} without certified staff for it.",
        evidence=evidence,
        impact=CERTIFICATION_URGENCY * (sum(((fx.convert(o.amount, o.currency) if o.amount else None)
                                             or p.b.median_amount) * p.b.probability(o.stage)
                                            for o in affected.values())
                                        + len(standing) * p.b.typical_deal_value()),
        content_query=f"{' '.join(gaps)} certification training",
        content_kinds=["training", "playbook"],
        content_products=gaps,
    )


def uncommon_competency_gap(b: VendorBaselines) -> bool:
    """A competency without certified staff is a gap of the partner only where few of this vendor's partners
    have one (at most `TIER_GAP_SHARE`): where most do, the vendor does not record certifications per product."""
    if b.uncertified_competencies is None:
        return False
    gaps, partners = b.uncertified_competencies
    return partners > 0 and gaps <= partners * TIER_GAP_SHARE


def _check_text(c: TierCheck, currency: str) -> str:
    """"Won revenue ...: €180,000 (gold requires €250,000)": amounts in the vendor's reporting currency."""
    fmt = (lambda v: money(v, currency)) if c.metric in MONEY_METRICS else (lambda v: f"{v:,.0f}")
    words = METRIC_WORDS.get(c.metric, c.metric)
    return f"{words[:1].upper()}{words[1:]}: {fmt(c.value)} ({c.tier} requires {fmt(c.minimum)})"


def tier_change(p: PartnerContext) -> Signal | None:
    """A partner whose trailing results fit another tier than the one it holds, unless more than
    `TIER_GAP_SHARE` of this vendor's partners have a gap that way: then the rules do not fit the vendor's
    scale (the portfolio's at-risk list reads them the same way), and the review is not this partner's."""
    assessment = assess_tier(p.m.partner.tier, load_tier_rules(p.b.vendor), p.m.tier_metrics())
    direction = assessment.direction
    if direction is None:
        return None
    if not p.b.tier_rules_fit(direction):
        return None
    current, target = assessment.current, assessment.qualified
    currency = reporting_currency(p.b.vendor)
    if direction == "promotion":
        evidence = [_check_text(c, currency) for c in assessment.checks_qualified]
        title = f"Promote {p.name} from {current} to {target}"
        why = f"{p.name} meets every {target} requirement over the trailing 12 months."
    else:
        evidence = [_check_text(c, currency) for c in assessment.checks_current if not c.met]
        title = f"Review {p.name}'s {current} tier: it now qualifies for {target}"
        why = f"{p.name} misses {current} requirements over the trailing 12 months; agree a plan or re-tier."
    if not evidence:
        return None
    left = p.m.unconverted()
    if left and any(c.metric in MONEY_METRICS for c in assessment.checks_qualified + assessment.checks_current):
        evidence.append(f"Deals in {', '.join(left)} are left out of its revenue: vendor.yaml fx_rates gives no "
                        f"rate to {currency}")
    return Signal(kind=f"tier_{direction}", title=title, why=why, evidence=evidence,
                  impact=p.m.won_revenue_12m / 4,
                  content_query="partner programme tiers requirements benefits",
                  content_kinds=["policy"])


def slow_first_deal(p: PartnerContext) -> Signal | None:
    joined = p.m.partner.joined_on
    if joined is None or p.m.deals:
        return None
    days = (p.b.today - joined).days
    typical = p.b.first_deal_days
    limit = typical.p75 if typical and typical.count >= 5 else FIRST_DEAL_DEFAULT_DAYS
    if not limit < days <= NEW_PARTNER_DAYS:
        return None
    norm = (f"partners typically land a first deal within {typical.median:.0f} days "
            f"(median of {typical.count}; "
            f"75% within {typical.p75:.0f})" if typical and typical.count >= 5
            else f"expected within {FIRST_DEAL_DEFAULT_DAYS} days")
    return Signal(
        kind="slow_first_deal",
        title=f"Help {p.name} land its first deal",
        why=f"{p.name} joined {days} days ago and has not engaged on or registered a deal yet.",
        evidence=[(f"Joined on {joined.isoformat()} ({days} days ago) with no engaged or registered deal; "
                  f"{norm}")],
        impact=p.b.typical_deal_value() * min(days / max(limit, 1), 2.0),
        content_query="new partner onboarding first deal registration",
        content_kinds=["training", "policy"],
    )


def _get(rel: Any, name: str) -> Any:
    return rel.get(name) if isinstance(rel, dict) else getattr(rel, name, None)


def _may_name_accounts(p: PartnerContext) -> bool:
    """Account names only where `map` would show the rows (CLI.md sharing rules)."""
    if p.scope.is_partner:
        return p.b.vendor.get("account_sharing") == "accounts"
    return (p.m.partner.account_sharing or "counts") == "accounts"


def partner_relationships(ctx: ToolContext, partner_id: str) -> list:
    """Account mapping's system-level relationships of one partner, cached per records version and
    corrections (reading and fingerprinting every partner row costs ~100 ms a call). The caller decides
    what of them the asker sees (`_may_name_accounts`), on every call."""
    return ctx.cached("account_relationships",
                      lambda: account_mapping.account_relationships(ctx, partner_ids=[partner_id]),
                      key=partner_id, stamp=corrections_stamp(ctx))


def warm_partner_relationships(ctx: ToolContext) -> None:
    """Fill `partner_relationships` for every partner from one vendor-wide call (server warm-up)."""
    version, stamp = ctx.records_version(), corrections_stamp(ctx)  # read first: a change meanwhile wins
    by_partner: dict[str, list] = {}
    for rel in account_mapping.account_relationships(ctx):
        by_partner.setdefault(_get(rel, "partner_id"), []).append(rel)
    with ctx.store.session() as session:
        partner_ids = session.scalars(select(Partner.partner_id)).all()
    if ctx.records_version() != version:  # an ingest while we computed: leave it to the requests
        return
    for pid in partner_ids:
        ctx.cached("account_relationships", lambda pid=pid: by_partner.get(pid, []), key=pid, stamp=stamp)


def overlapping_accounts(p: PartnerContext) -> Signal | None:
    try:  # account mapping is optional here: no mapping, no action
        relationships = partner_relationships(p.ctx, p.m.partner_id)
    except Exception:  # a failure there must not take the partner's other actions down with it
        log.warning("account mapping unavailable for %s", p.m.partner_id, exc_info=True)
        return None
    joint = {o.account_id for o in p.m.deals}
    targets: dict[str, Any] = {}
    for rel in relationships or []:
        account_id = _get(rel, "account_id")
        if (_get(rel, "partner_id") in (None, p.m.partner_id) and account_id and account_id not in joint
                and (_get(rel, "partner_population") or "") in _PARTNER_SIDE):
            targets.setdefault(account_id, rel)
    if not targets:
        return None
    with_open = [r for r in targets.values() if "open_opportunity" in (_get(r, "vendor_populations") or [])]
    evidence = [(f"{len(targets)} of our accounts where {p.name} reports a customer or open opportunity and "
                f"no opportunity engages {p.name} ({len(with_open)} with an open opportunity of ours)")]
    if _may_name_accounts(p):
        first = sorted(targets.values(), key=lambda r: (r not in with_open, str(_get(r, "account_name"))))[:5]
        evidence.append("For example: " + ", ".join(str(_get(r, "account_name") or _get(r, "account_id"))
                                                    for r in first))
    return Signal(
        kind="overlapping_accounts",
        title=f"Plan joint pursuits with {p.name} on {len(targets)} shared accounts",
        why=f"{p.name} already works these accounts; none of our opportunities there involves it.",
        evidence=evidence,
        impact=min(len(targets), OVERLAP_CAP) * p.b.median_amount * p.b.probability("prospecting")
        * STANDING_OPPORTUNITY,
        content_query="account mapping co-sell joint account planning",
        content_kinds=["playbook", "policy"],
    )


RULES: tuple[Callable[[PartnerContext], Signal | None], ...] = (
    engagement_decline, unused_mdf, tier_change, certification_gaps, psat_drop, slow_first_deal,
    overlapping_accounts,
)


def deals_needing_attention(p: PartnerContext) -> list[Signal]:
    """The partner's own open deals with a clock running (registration expiring, close date passed,
    stalled), the most valuable first, at most DEAL_ACTIONS of them: the rules and impact of
    `nba --opportunity`."""
    found = []
    for opp in p.m.open_deals:
        d = DealContext(p.ctx, p.scope, p.rec, opp, p.b)
        for signal in (rule(d) for rule in URGENT_RULES):
            if signal is not None:
                signal.subject_id = opp.opportunity_id
                found.append(signal)
    return sorted(found, key=lambda s: -s.impact)[:DEAL_ACTIONS]


def partner_signals(ctx: ToolContext, scope: Scope, rec: ScopedRecords, metrics: PartnerMetrics,
                    baselines: VendorBaselines) -> list[Signal]:
    p = PartnerContext(ctx, scope, rec, metrics, baselines)
    return [s for s in (rule(p) for rule in RULES) if s is not None] + deals_needing_attention(p)
