"""Onboarding (CLI.md `onboarding`): a partner's plan from joining to a first win, built from the programme
and marked done / open / overdue from the data.

The plan (the steps and their due dates are in `tools.onboarding.steps`):
- the enablement training for each of the partner's competencies (partners.csv `competencies`), with the
  training content found for them in the indexed content;
- a first deal registration (programme records `deal_registrations`, opportunities `registered_by`,
  partner_activity `deals_registered`);
- one certified person per competency (partners.csv `certified_staff`, partner_activity
  `certifications_earned` as supporting evidence);
- what the tier rules (vendor.yaml `tier_rules`, read by `tools.next_best_action`) ask of the partner's tier,
  or of the tier above when its own tier asks nothing: certified staff, won revenue, won deals,
  registrations; none when more than a third of the vendor's partners miss their own tier's minimums (the
  rules do not fit its scale: `VendorBaselines.tier_rules_fit`);
- a first won deal (time to first win as `tools.analytics` counts it for `portfolio`).

Permissions (CLI.md "Who may see what"): admins and channel managers any partner, partner sellers their own
partner only, marketers none. Content is what the PARTNER may read (`partners` and `partner:P`), whoever
asks: the plan is the partner's reading list.
"""
from __future__ import annotations

import logging
from collections.abc import Callable

from assistant.core.errors import BadInput
from retrieval.scope import Scope
from tools.context import ToolContext
from tools.currency import reporting_currency
from tools.next_best_action import (
    service as nba,  # the tier rules and signals (nba reads us via the registry)
)
from tools.onboarding.phrases import language_for, phrase
from tools.onboarding.steps import (
    KIND_ORDER,
    ActivityMonth,
    DealFact,
    PartnerFacts,
    RegistrationFact,
    TierRequirement,
    build_steps,
    offsets,
)
from tools.onboarding.types import OnboardingArgs, OnboardingPlan, OnboardingStep, StepToActOn
from tools.registrations.service import list_registrations
from tools.registry import register_signal_source, register_tool
from tools.search.service import search_content
from tools.types import ContentRef, first_wins

log = logging.getLogger(__name__)

CONTENT_PER_STEP = 2
# (query, kinds) per kind of step; {subject} is the step's competency (or the partner's competencies).
CONTENT_QUERIES: dict[str, tuple[str, list[str]]] = {
    "training": ("{subject} training enablement", ["training"]),
    "certification": ("{subject} certification exam", ["training"]),
    "certified_staff": ("certification tracks certified staff tier requirements", ["training", "policy"]),
    "first_registration": ("how to register a deal: deal registration", ["policy"]),
    "first_win": ("{subject} playbook first deal discovery {industries}", ["playbook"]),
    "tier_result": ("partner tier requirements and benefits", ["policy"]),
}

PRODUCT_KINDS = frozenset({"training", "certification", "first_win"})  # content about the competencies
ContentLookup = Callable[[str, list[str] | None, list[str] | None], list[ContentRef]]


def onboarding_plan(ctx: ToolContext, scope: Scope, partner_id: str | None = None,
                    content_lookup: ContentLookup | None = None, locale: str | None = None) -> OnboardingPlan:
    """The partner's plan and where it stands (NotFound / Forbidden from the scoped reads), its evidence in
    `locale`'s language (else the asker's locale from users.csv, else English)."""
    scope.require("onboarding")
    partner_id = partner_id or scope.partner_id
    if not partner_id:
        raise BadInput("a partner id is required (only a partner seller has a partner of their own)")
    with ctx.records(scope) as rec:  # NotFound / Forbidden; then the stored spelling (`p-1` is P-1), which
        partner_id = rec.partner(partner_id).partner_id  # the deals' and registrations' partner ids use
    days = offsets(ctx.vendor())
    facts, name = _facts(ctx, scope, partner_id)
    facts.lang = language_for(locale or scope.locale)
    today = ctx.today()
    steps = build_steps(facts, today, days)
    lookup = content_lookup or partner_content_lookup(ctx, partner_id)
    for step in steps:
        step.content = _content_for(step, facts, lookup)
    joined = facts.joined_on
    return OnboardingPlan(
        partner_id=partner_id, name=name, tier=facts.tier, competencies=facts.competencies, joined_on=joined,
        days_since_joined=(today - joined).days if joined else None, steps=steps,
        first_win_on=facts.first_win_on,
        days_to_first_win=(facts.first_win_on - joined).days if facts.first_win_on and joined else None,
        today=today)


def _facts(ctx: ToolContext, scope: Scope, partner_id: str) -> tuple[PartnerFacts, str]:
    metrics, assessment = nba.partner_standing(ctx, scope, partner_id)  # the tier rules, as nba reads them
    partner, today = metrics.partner, ctx.today()
    with ctx.records(scope) as rec:
        activity = [ActivityMonth(a.month, a.trainings_completed or 0, a.deals_registered or 0,
                                  a.certifications_earned or 0) for a in rec.partner_activity(partner_id)]
    registrations = [RegistrationFact(r.registration_id, r.account_name, r.status, r.submitted_on)
                     for r in list_registrations(ctx, scope, partner_id=partner_id).registrations]
    deals = [DealFact(o.opportunity_id, o.name, o.stage, o.created_on, o.close_date, o.amount,
                      o.currency or "USD", o.registered_by == partner_id) for o in metrics.deals]
    if not nba.vendor_baselines(ctx).tier_rules_fit():
        requirements = []  # most partners miss their tier's minimums: the rules do not fit this vendor's scale
    elif assessment.checks_current:
        requirements = [TierRequirement(c.tier, c.metric, c.minimum, c.value, True) for c in assessment.checks_current]
    else:  # a tier that asks nothing (registered): the tier above is the goal
        requirements = [TierRequirement(c.tier, c.metric, c.minimum, c.value, False) for c in assessment.checks_next]
    wins = [(o.partner_id, o.registered_by, o.close_date) for o in metrics.deals if o.stage == "closed_won"]
    first = first_wins({partner_id: partner.joined_on}, wins, today).get(partner_id)
    facts = PartnerFacts(partner_id=partner_id, tier=(partner.tier or "registered").lower(),
                         joined_on=partner.joined_on, competencies=list(partner.competencies or []),
                         certified=dict(metrics.certified), activity=activity, registrations=registrations,
                         deals=deals, requirements=requirements, first_win_on=first, today=today,
                         industries=list(partner.industries or []), currency=reporting_currency(ctx.vendor()))
    return facts, partner.name


# --- content the partner may read ------------------------------------------------------------------


def partner_content_lookup(ctx: ToolContext, partner_id: str) -> ContentLookup:
    """Search through `tools.search` as the partner would (visibility `partners` and `partner:P`), the
    programme's own content only (DATA.md `source: programme`, not `reference`). Content is an extra: a failed search (no index yet) leaves the steps without content instead of failing the plan."""
    reader = Scope(user_id=f"partner-reader:{partner_id}", role="partner_seller", partner_id=partner_id)
    failed = False
    seen: dict[tuple, list[ContentRef]] = {}

    def lookup(query: str, kinds: list[str] | None, products: list[str] | None) -> list[ContentRef]:
        nonlocal failed
        key = (query, tuple(kinds or ()), tuple(products or ()))
        if failed:
            return []
        if key not in seen:
            try:
                hits = search_content(ctx, reader, query, k=CONTENT_PER_STEP * 3, kinds=kinds, products=products)
            except Exception:  # degrade to no content, keep the plan
                failed = True
                log.warning("content search failed for %r; onboarding steps go without content", query,
                            exc_info=True)
                return []
            refs: list[ContentRef] = []
            for h in hits.results:  # the programme's own content: reference material is someone else's rules
                if h.source_type != "reference" and all(r.doc_id != h.doc_id and r.title != h.title for r in refs):
                    refs.append(ContentRef(doc_id=h.doc_id, title=h.title or h.doc_id))
            seen[key] = refs
        return seen[key]

    return lookup


def _content_for(step: OnboardingStep, facts: PartnerFacts, lookup: ContentLookup) -> list[ContentRef]:
    """The kind's query, strict filters first (kind and product), loosened when nothing fits."""
    query, kinds = CONTENT_QUERIES[step.kind]
    products = [step.subject] if step.kind == "certification" and step.subject else list(facts.competencies)
    text = query.format(subject=" ".join(products) or "partner programme", industries=" ".join(facts.industries))
    text = " ".join(text.split())
    if step.kind not in PRODUCT_KINDS:
        products = []
    for k, p in ((kinds, products), (kinds, None), (None, products)):
        refs = lookup(text, k, p or None)
        if refs:
            return refs[:CONTENT_PER_STEP]
    return []


# --- what to act on, for next best actions and the digest -----------------------------------------------

DUE_SOON_DAYS = 14


def _no_content(_query: str, _kinds: list[str] | None, _products: list[str] | None) -> list[ContentRef]:
    return []


def _past_plan(ctx: ToolContext, scope: Scope, partner_id: str) -> bool:
    """The partner joined longer ago than its plan's last due date, or has no joining date: what
    `steps_to_act_on` would find from its whole plan (the partner's standing, registrations and activity),
    read from the partner's row alone, with `onboarding_plan`'s checks and errors in the same order."""
    scope.require("onboarding")
    with ctx.records(scope) as rec:  # NotFound / Forbidden, as onboarding_plan's first read
        joined = rec.partner(partner_id).joined_on
    last_due = max(offsets(ctx.vendor()).values())
    return joined is None or (ctx.today() - joined).days > last_due


def steps_to_act_on(ctx: ToolContext, scope: Scope, partner_id: str, within_days: int = DUE_SOON_DAYS,
                    locale: str | None = None) -> list[StepToActOn]:
    """The steps of a partner still in onboarding (joined no longer ago than the plan's last due date) that
    are overdue or due within `within_days`, overdue first (longest overdue first), then soonest due. A
    partner past its plan, or without a joining date, has none: its plan is history, not a to-do list."""
    if partner_id and _past_plan(ctx, scope, partner_id):  # most partners: no plan to build (issue 22)
        return []
    plan = onboarding_plan(ctx, scope, partner_id, content_lookup=_no_content, locale=locale)
    today = plan.today or ctx.today()
    lang = language_for(locale or scope.locale)
    if plan.joined_on is None or (today - plan.joined_on).days > max(offsets(ctx.vendor()).values()):
        return []
    out = []
    for step in plan.steps:
        if step.status == "done" or step.due_on is None:
            continue
        days_left = (step.due_on - today).days
        if step.status == "overdue" or days_left <= within_days:
            when = (phrase("overdue_since", lang, date=step.due_on.isoformat(), days=-days_left)
                    if step.status == "overdue" else phrase("due", lang, date=step.due_on.isoformat()))
            out.append(StepToActOn(partner_id=plan.partner_id, name=plan.name, joined_on=plan.joined_on,
                                   step=step, days_left=days_left, when=when,
                                   plan_line=phrase("step_of_plan", lang, offset=step.offset_days,
                                                    joined=plan.joined_on.isoformat())))
    out.sort(key=lambda x: (x.days_left, KIND_ORDER.index(x.step.kind), x.step.title))
    return out


def onboarding_to_act_on(ctx: ToolContext, scope: Scope, partner_ids: list[str],
                         within_days: int = DUE_SOON_DAYS, locale: str | None = None) -> list[StepToActOn]:
    """`steps_to_act_on` over several partners (the digest's), most overdue first."""
    found = [s for pid in partner_ids for s in steps_to_act_on(ctx, scope, pid, within_days, locale)]
    return sorted(found, key=lambda x: (x.days_left, x.partner_id, KIND_ORDER.index(x.step.kind)))


# --- assistant tool ------------------------------------------------------------------------------------


@register_tool("onboarding", args=OnboardingArgs)
def onboarding_tool(ctx: ToolContext, scope: Scope, args: OnboardingArgs) -> OnboardingPlan:
    """A partner's onboarding plan from joining to a first win: training for its competencies, a first deal
    registration, certifications and results its tier requires, a first win; each step with its due date,
    status (done/open/overdue), the evidence and enablement content. For a new partner's "what do we do in
    our first 30 days?" and a channel manager's "how is P-043's onboarding going?"."""
    return onboarding_plan(ctx, scope, args.partner_id, locale=args.locale)


# --- next-best actions: onboarding steps to act on ------------------------------------------------

SIGNAL_CONTENT = {  # (query, document kinds) per kind of step, for the action's content
    "training": ("{subject} enablement training", ["training"]),
    "certification": ("{subject} certification exam", ["training"]),
    "certified_staff": ("certification tracks certified staff tier requirements", ["training", "policy"]),
    "first_registration": ("how to register a deal: deal registration", ["policy"]),
    "first_win": ("new partner first deal playbook", ["playbook", "training"]),
    "tier_result": ("partner tier requirements and benefits", ["policy"]),
}
FIRST_DEAL_STEPS = frozenset({"first_registration", "first_win"})
OVERDUE_SCALE_DAYS = 90


@register_signal_source("onboarding")
def onboarding_signals(ctx: ToolContext, scope: Scope, partner_id: str, b: nba.VendorBaselines,
                       found_so_far: list[nba.Signal]) -> list[nba.Signal]:
    """Onboarding actions for one partner still in onboarding (a next-best-action signal source):
    each step of its plan that is overdue (`onboarding_overdue`) or due within two weeks (`onboarding_due`),
    with the step's own evidence (in the asker's language) and where its due date comes from.

    Impact (the ranking score, in revenue units like the other rules): one typical deal (median amount x
    vendor win rate) x urgency: overdue 0.5-1.0 (+0.5 per 90 days overdue, capped), due soon 0.25. A step is
    what leads to a partner's first deals, not a deal itself: it ranks below a deal at stake and above
    nothing. The first registration and first win steps are left out when `slow_first_deal` already says
    the same."""
    if not scope.can("onboarding"):
        return []
    slow_first_deal = any(s.kind == "slow_first_deal" for s in found_so_far)
    found = []
    for item in steps_to_act_on(ctx, scope, partner_id):
        step = item.step
        if slow_first_deal and step.kind in FIRST_DEAL_STEPS:
            continue
        overdue = step.status == "overdue"
        urgency = 0.5 + min(-item.days_left / OVERDUE_SCALE_DAYS, 1.0) * 0.5 if overdue else 0.25
        query, kinds = SIGNAL_CONTENT[step.kind]
        found.append(nba.Signal(
            kind="onboarding_overdue" if overdue else "onboarding_due",
            title=f"Onboarding of {item.name}: {step.title} ({item.when})",
            why=(f"{item.name} joined on {item.joined_on.isoformat()}; this step of its onboarding plan is "
                 + ("overdue." if overdue else f"due in {item.days_left} days.")),
            evidence=[*step.evidence[:3], item.plan_line],
            impact=b.typical_deal_value() * urgency,
            content_query=query.format(subject=step.subject or "partner programme"), content_kinds=kinds,
            subject_id=partner_id))
    return found
