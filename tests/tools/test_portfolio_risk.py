"""The at-risk rule for a health fall (issue 19): a fall counts only below the partner's own range of the past
year, so a partner whose health swings with its deals and MDF is not listed for swinging back."""
from __future__ import annotations

from tools.analytics.portfolio import risk
from tools.next_best_action.service import PortfolioHealth
from tools.next_best_action.types import HealthScore


def _health(score: int) -> PortfolioHealth:
    return PortfolioHealth(partner_id="P-1", score=HealthScore(partner_id="P-1", score=score, components=[]),
                           tier="silver", qualifies_for="silver", biggest_drop=("", 0.0, None, None),
                           won_revenue_12m=0.0)


def _fall_reasons(now: int, before: int, earlier: list[int] | None) -> list[str]:
    _, reasons = risk(_health(now), _health(before), None,
                      None if earlier is None else [_health(h) for h in earlier])
    return [r for r in reasons if r.startswith("health down")]


def test_a_fall_back_inside_the_partners_own_range_is_not_a_decline():
    # 94 -> 74 in 90 days, but it stood at 55 nine months ago: its normal swing
    assert _fall_reasons(74, 94, [92, 86, 55]) == []


def test_a_fall_below_the_range_of_the_past_year_is_a_decline():
    reasons = _fall_reasons(62, 80, [79, 81, 78])
    assert reasons == ["health down 18 points in 90 days (from 80 to 62, below its lowest of the past "
                       "year's quarters, 78)"]


def test_without_history_the_fall_alone_counts_and_small_falls_never_do():
    assert _fall_reasons(62, 80, None) == ["health down 18 points in 90 days (from 80 to 62)"]
    assert _fall_reasons(75, 80, [90, 90, 90]) == []  # under 10 points
