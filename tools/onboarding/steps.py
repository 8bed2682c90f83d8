"""The onboarding plan as pure functions: from what the data says about one partner to its steps.

Due dates are `joined_on` + an offset per kind of step. The offsets live here, in `OFFSET_DAYS`, and a
programme may override any of them in vendor.yaml (`onboarding_days: {first_win: 120}`):

    training            30   the enablement training for each of the partner's competencies
    first_registration  30   a first deal registered
    certification       60   at least one certified person per competency
    certified_staff     90   the certified staff the tier rules ask of the partner's tier
    first_win          180   a first won deal (the first-win target)
    tier_result        365   each other minimum of the tier rules (won revenue, won deals, registrations
                             over the trailing 12 months): the first yearly tier review

A step is `done` when the data shows it (whenever it happened), else `overdue` once today is past its due
date, else `open`. The rules of each kind are in the functions below; every status carries the records
behind it as evidence.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from assistant.core.errors import BadInput
from tools.onboarding.phrases import phrase
from tools.onboarding.types import OnboardingStep
from tools.types import money

OFFSET_DAYS: dict[str, int] = {"training": 30, "first_registration": 30, "certification": 60,
                               "certified_staff": 90, "first_win": 180, "tier_result": 365}
KIND_ORDER = tuple(OFFSET_DAYS)
COUNTED_REGISTRATIONS = frozenset({"submitted", "approved", "won", "lost", "expired"})  # not `rejected`
METRIC_TITLES = {
    "won_revenue_12m": "won revenue of at least {minimum} in the trailing 12 months",
    "won_deals_12m": "at least {minimum} won deal{s} in the trailing 12 months",
    "deals_registered_12m": "at least {minimum} deal{s} registered in the trailing 12 months",
}


@dataclass(frozen=True)
class ActivityMonth:
    month: str
    trainings_completed: int = 0
    deals_registered: int = 0
    certifications_earned: int = 0


@dataclass(frozen=True)
class RegistrationFact:
    registration_id: str
    account_name: str
    status: str
    submitted_on: dt.date


@dataclass(frozen=True)
class DealFact:
    opportunity_id: str
    name: str
    stage: str
    created_on: dt.date | None
    close_date: dt.date | None
    amount: float | None
    currency: str
    registered: bool  # registered_by is the partner


@dataclass(frozen=True)
class TierRequirement:
    tier: str
    metric: str
    minimum: float
    value: float
    current: bool  # the partner's own tier (else the tier above, as its goal)


@dataclass
class PartnerFacts:
    partner_id: str
    tier: str
    joined_on: dt.date | None
    competencies: list[str]
    certified: dict[str, tuple[str, int]]  # lower-cased competency -> (as written, count)
    activity: list[ActivityMonth] = field(default_factory=list)
    registrations: list[RegistrationFact] = field(default_factory=list)
    deals: list[DealFact] = field(default_factory=list)
    requirements: list[TierRequirement] = field(default_factory=list)
    first_win_on: dt.date | None = None
    today: dt.date | None = None  # for the trailing 12 months of the tier results' evidence
    industries: list[str] = field(default_factory=list)  # for the content of the first-win step
    lang: str = "en"  # the language of the evidence lines (tools.onboarding.phrases)
    currency: str = "USD"  # the vendor's reporting currency, that of the tier rules' revenue minimums


def offsets(vendor: Mapping[str, Any] | None) -> dict[str, int]:
    """`OFFSET_DAYS` with vendor.yaml `onboarding_days` applied; a bad value is bad input naming the key."""
    raw = (vendor or {}).get("onboarding_days") or {}
    if not isinstance(raw, Mapping):
        raise BadInput("vendor.yaml onboarding_days must be a mapping like {first_win: 120}")
    out = dict(OFFSET_DAYS)
    for key, value in raw.items():
        if key not in OFFSET_DAYS:
            raise BadInput(f"vendor.yaml onboarding_days.{key}: unknown step (one of {', '.join(OFFSET_DAYS)})")
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise BadInput(f"vendor.yaml onboarding_days.{key} must be a whole number of days >= 0 (got {value!r})")
        out[key] = value
    return out


def status_of(done: bool, due_on: dt.date | None, today: dt.date) -> str:
    if done:
        return "done"
    return "overdue" if due_on is not None and today > due_on else "open"


def build_steps(facts: PartnerFacts, today: dt.date, days: Mapping[str, int] = OFFSET_DAYS) -> list[OnboardingStep]:
    """Every step of the plan with its status and evidence (content is added by the service)."""
    steps = [training_step(facts), registration_step(facts)]
    steps += [certification_step(facts, c) for c in facts.competencies]
    steps += certified_staff_steps(facts)
    steps.append(first_win_step(facts))
    steps += tier_result_steps(facts)
    out = []
    for kind, title, subject, done, evidence, *rule in steps:
        due = facts.joined_on + dt.timedelta(days=days[kind]) if facts.joined_on else None
        tier = rule[0] if rule else None
        out.append(OnboardingStep(title=title, due_on=due, status=status_of(done, due, today), evidence=evidence,
                                  kind=kind, subject=subject, offset_days=days[kind],
                                  tier=tier.tier if tier else None, minimum=tier.minimum if tier else None,
                                  tier_current=tier.current if tier else None))
    out.sort(key=lambda s: (s.offset_days, KIND_ORDER.index(s.kind)))
    return out


# (kind, title, subject, done, evidence[, the TierRequirement behind a tier step])
Step = tuple


def _since_joining(facts: PartnerFacts) -> list[ActivityMonth]:
    start = f"{facts.joined_on:%Y-%m}" if facts.joined_on else ""
    return [a for a in facts.activity if a.month >= start]


def training_step(facts: PartnerFacts) -> Step:
    """Done with at least one completed training per competency (at least one) since the joining month."""
    needed = max(len(facts.competencies), 1)
    months = [a for a in _since_joining(facts) if a.trainings_completed > 0]
    total = sum(a.trainings_completed for a in months)
    what = ", ".join(facts.competencies) if facts.competencies else "the partner programme"
    evidence = [phrase("trainings_month", facts.lang, month=a.month, n=a.trainings_completed) for a in months]
    evidence.append(phrase("trainings_total", facts.lang, total=total, needed=needed))
    return "training", f"Complete the enablement training for {what}", None, total >= needed, evidence


def registration_step(facts: PartnerFacts) -> Step:
    """Done with a registration record (not rejected), a deal the partner registered, or registrations
    counted in partner_activity since joining."""
    lang = facts.lang
    evidence = [phrase("registration_record", lang, id=r.registration_id, account=r.account_name, status=r.status,
                       date=r.submitted_on)
                for r in sorted(facts.registrations, key=lambda r: (r.submitted_on, r.registration_id))
                if r.status in COUNTED_REGISTRATIONS][:3]
    evidence += [phrase("registered_deal", lang, id=d.opportunity_id, name=d.name)
                 + (phrase("created", lang, date=d.created_on) if d.created_on else "")
                 for d in sorted((d for d in facts.deals if d.registered),
                                 key=lambda d: (d.created_on or dt.date.max, d.opportunity_id))][:3]
    evidence += [phrase("registrations_month", lang, month=a.month, n=a.deals_registered)
                 for a in _since_joining(facts) if a.deals_registered > 0][:3]
    done = bool(evidence)
    if not done:
        evidence = [phrase("no_registration", lang)]
    return "first_registration", "Register a first deal", None, done, evidence


def certification_step(facts: PartnerFacts, competency: str) -> Step:
    """Done when partners.csv certified_staff lists at least one certified person for the competency."""
    name, count = facts.certified.get(competency.strip().lower(), (competency, 0))
    if count > 0:
        evidence = [phrase("certified", facts.lang, name=name, count=count)]
    else:
        evidence = [phrase("not_certified", facts.lang, competency=competency)]
        earned = [a for a in _since_joining(facts) if a.certifications_earned > 0]
        evidence += [phrase("certifications_month", facts.lang, month=a.month, n=a.certifications_earned)
                     for a in earned[:3]]
    return "certification", f"Certify at least one person in {competency}", competency, count > 0, evidence


def certified_staff_steps(facts: PartnerFacts) -> list[Step]:
    """The tier rules' `certified_staff` minimum (the partner's tier, else the tier above as its goal)."""
    out = []
    total = sum(count for _, count in facts.certified.values())
    listed = "; ".join(f"{n}:{c}" for n, c in facts.certified.values()) or phrase("none", facts.lang)
    for r in facts.requirements:
        if r.metric != "certified_staff":
            continue
        minimum = int(r.minimum)
        title = f"Have {minimum} certified staff ({_tier_words(r)})"
        evidence = [phrase("certified_total", facts.lang, listed=listed, total=total, tier=r.tier, minimum=minimum)]
        out.append(("certified_staff", title, "certified_staff", total >= r.minimum, evidence, r))
    return out


def first_win_step(facts: PartnerFacts) -> Step:
    """Done with a closed_won deal the partner is on or registered, closed on or after joining."""
    won = facts.first_win_on
    if won is None:
        return "first_win", "Win a first deal", None, False, [phrase("no_win", facts.lang)]
    deal = next((d for d in sorted(facts.deals, key=lambda d: d.opportunity_id)
                 if d.stage == "closed_won" and d.close_date == won), None)
    lang = facts.lang
    after = phrase("after_joining", lang, days=(won - facts.joined_on).days) if facts.joined_on else ""
    what = phrase("won_deal", lang, id=deal.opportunity_id, name=deal.name) if deal else phrase("a_deal", lang)
    return "first_win", "Win a first deal", None, True, [phrase("won_on", lang, what=what, date=won, after=after)]


def tier_result_steps(facts: PartnerFacts) -> list[Step]:
    """Each other minimum of the tier rules, met on the trailing 12 months' figures."""
    out = []
    for r in facts.requirements:
        if r.metric not in METRIC_TITLES:
            continue
        revenue = r.metric == "won_revenue_12m"
        shown = money(r.minimum, facts.currency) if revenue else f"{r.minimum:g}"
        value = money(r.value, facts.currency) if revenue else f"{r.value:g}"
        title = f"Reach {METRIC_TITLES[r.metric].format(minimum=shown, s='' if r.minimum == 1 else 's')} " \
                f"({_tier_words(r)})"
        evidence = [phrase("tier_metric", facts.lang, metric=r.metric.replace("_", " "), value=value, minimum=shown)]
        if r.metric != "deals_registered_12m":
            year_ago = facts.today - dt.timedelta(days=365) if facts.today else None
            ids = [d.opportunity_id for d in facts.deals if d.stage == "closed_won" and d.close_date
                   and (year_ago is None or year_ago < d.close_date <= facts.today)]
            if ids:
                shown_ids = ", ".join(sorted(ids)[:8]) + (" ..." if len(ids) > 8 else "")
                evidence.append(phrase("won_deals", facts.lang, ids=shown_ids))
        out.append(("tier_result", title, r.metric, r.value >= r.minimum, evidence, r))
    return out


def _tier_words(r: TierRequirement) -> str:
    return f"the {r.tier} tier requirement" if r.current else f"to qualify for {r.tier}"
