"""Partner tiers: which tier a partner's trailing results qualify it for, and how that compares to its tier.

The thresholds come from vendor.yaml `tier_rules` (one mapping per tier, each a set of minimums), else
`DEFAULT_TIER_RULES` below:

    tier_rules:
      silver:   {min_won_revenue_12m: 150000, min_won_deals_12m: 2, min_certified_staff: 2}
      gold:     {min_won_revenue_12m: 750000, min_won_deals_12m: 5, min_certified_staff: 6}
      platinum: {min_won_revenue_12m: 2500000, min_won_deals_12m: 12, min_certified_staff: 15}

Known metrics (a key's `min_`/`minimum_` prefix is optional; unknown keys are ignored and reported):
`won_revenue_12m` (closed_won amount with the partner engaged or registered, closed in the trailing 365
days), `won_deals_12m` (count of those deals), `certified_staff` (total certified staff),
`deals_registered_12m` (partner_activity, trailing 12 complete months).
A partner qualifies for the highest tier whose every minimum it meets; `registered` needs nothing.
Pure functions: the caller computes the metrics (tools.next_best_action.partner_health) and renders the evidence.
"""
from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

TIER_ORDER = ("registered", "silver", "gold", "platinum")
# More of the vendor's partners than this below (or above) their tier under the rules: the rules, not the
# partners, are off (a default table or minimums that do not fit this vendor's scale)
TIER_GAP_SHARE = 1 / 3

DEFAULT_TIER_RULES: dict[str, dict[str, float]] = {
    "silver": {"won_revenue_12m": 150_000, "won_deals_12m": 2, "certified_staff": 2},
    "gold": {"won_revenue_12m": 750_000, "won_deals_12m": 5, "certified_staff": 6},
    "platinum": {"won_revenue_12m": 2_500_000, "won_deals_12m": 12, "certified_staff": 15},
}

METRIC_WORDS = {
    "won_revenue_12m": "won revenue with partner involvement (trailing 12 months)",
    "won_deals_12m": "won deals with partner involvement (trailing 12 months)",
    "certified_staff": "certified staff",
    "deals_registered_12m": "deals registered (trailing 12 months)",
}
MONEY_METRICS = frozenset({"won_revenue_12m"})


@dataclass(frozen=True)
class Requirement:
    metric: str
    minimum: float


@dataclass(frozen=True)
class TierCheck:
    """One requirement of one tier, with the partner's value."""

    tier: str
    metric: str
    minimum: float
    value: float

    @property
    def met(self) -> bool:
        return self.value >= self.minimum


@dataclass
class TierAssessment:
    current: str
    qualified: str
    checks_current: list[TierCheck] = field(default_factory=list)  # the current tier's requirements
    checks_qualified: list[TierCheck] = field(default_factory=list)  # the qualified tier's requirements
    checks_next: list[TierCheck] = field(default_factory=list)  # the tier above the current one

    @property
    def direction(self) -> str | None:
        """`promotion`, `demotion`, or None when the partner sits in the tier it qualifies for."""
        diff = tier_rank(self.qualified) - tier_rank(self.current)
        return "promotion" if diff > 0 else "demotion" if diff < 0 else None


def tier_rank(tier: str) -> int:
    tier = (tier or "").lower()
    return TIER_ORDER.index(tier) if tier in TIER_ORDER else 0


def canonical_metric(key: str) -> str | None:
    """Map a vendor.yaml key (`min_won_revenue_12m`, `certified_staff`, ...) to a known metric."""
    k = key.lower().strip()
    for prefix in ("minimum_", "min_", "trailing_"):
        k = k.removeprefix(prefix)
    if "revenue" in k:
        return "won_revenue_12m"
    if "certif" in k:
        return "certified_staff"
    if "regist" in k:
        return "deals_registered_12m"
    if "won" in k and "deal" in k:
        return "won_deals_12m"
    return None


def load_tier_rules(vendor: Mapping[str, Any] | None, default: Mapping[str, Any] | None = None
                    ) -> dict[str, list[Requirement]]:
    """The rules per tier from vendor.yaml `tier_rules`, else `default`, else DEFAULT_TIER_RULES."""
    raw = (vendor or {}).get("tier_rules") or default or DEFAULT_TIER_RULES
    rules: dict[str, list[Requirement]] = {}
    if not isinstance(raw, Mapping):
        log.warning("vendor.yaml tier_rules is not a mapping; using the defaults")
        raw = DEFAULT_TIER_RULES
    for tier, minimums in raw.items():
        tier = str(tier).lower()
        if tier not in TIER_ORDER or not isinstance(minimums, Mapping):
            log.warning("tier_rules: ignoring tier %r (known tiers: %s)", tier, ", ".join(TIER_ORDER))
            continue
        reqs = []
        for key, value in minimums.items():
            metric = canonical_metric(str(key))
            try:
                minimum = float(value)
            except (TypeError, ValueError):
                metric = None
            if metric is None:
                log.warning("tier_rules.%s: ignoring %r (unknown metric or not a number)", tier, key)
                continue
            if minimum > 0:
                reqs.append(Requirement(metric, minimum))
        rules[tier] = reqs
    return rules


Rules = Mapping[str, list[Requirement]]


def tier_checks(tier: str, rules: Rules, metrics: Mapping[str, float]) -> list[TierCheck]:
    """`tier`'s requirements with the partner's values (none for a tier the rules do not name)."""
    return [TierCheck(tier, r.metric, r.minimum, float(metrics.get(r.metric, 0.0) or 0.0))
            for r in rules.get(tier, [])]


def qualified_tier(rules: Rules, metrics: Mapping[str, float]) -> str:
    """The highest configured tier whose every minimum is met (tiers are cumulative, lowest first)."""
    best = "registered"
    for tier in TIER_ORDER[1:]:
        if tier not in rules:
            continue
        # TierCheck.met without building the checks (the portfolio asks for 10,000 partners at once)
        if all(float(metrics.get(r.metric, 0.0) or 0.0) >= r.minimum for r in rules.get(tier, [])):
            best = tier
        else:
            break  # a tier the partner misses caps it: platinum needs gold's results too
    return best


def capping_checks(current: str, rules: Rules, metrics: Mapping[str, float]) -> tuple[TierCheck, ...]:
    """For a partner below the tier it holds: the minimums it misses of the tier just above the one it
    qualifies for (what caps it there: "gold needs 6 won deals, has 5"); () when it holds what it qualifies for
    or more."""
    qualified = qualified_tier(rules, metrics)
    if tier_rank(qualified) >= tier_rank(current):
        return ()
    cap = TIER_ORDER[tier_rank(qualified) + 1]
    return tuple(c for c in tier_checks(cap, rules, metrics) if not c.met)


def assess_tier(current: str, rules: Rules, metrics: Mapping[str, float]) -> TierAssessment:
    current = (current or "registered").lower()
    qualified = qualified_tier(rules, metrics)
    above = TIER_ORDER[tier_rank(current) + 1] if tier_rank(current) + 1 < len(TIER_ORDER) else None
    return TierAssessment(
        current=current,
        qualified=qualified,
        checks_current=tier_checks(current, rules, metrics),
        checks_qualified=tier_checks(qualified, rules, metrics),
        checks_next=tier_checks(above, rules, metrics) if above else [],
    )
