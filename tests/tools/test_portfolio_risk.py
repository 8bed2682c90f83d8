"""The at-risk rule for a health fall (issue 19): a fall counts only below the partner's own range of the past
year, so a partner whose health swings with its deals and MDF is not listed for swinging back."""
from __future__ import annotations

import statistics

import pytest

from tools.analytics.portfolio import MIN_DEALS, risk, trend_fall
from tools.next_best_action.partner_health import WEIGHTS, Trend
from tools.next_best_action.service import PortfolioHealth, portfolio_drop_z
from tools.next_best_action.types import HealthComponent, HealthScore


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


# --- small numbers (issue 19: healthy controls were listed on the zoo worlds) -----------------------

def _scored(score: int, components: dict[str, float], deals: int) -> PortfolioHealth:
    parts = [HealthComponent(name=name, score=value, weight=WEIGHTS[name], detail="") for name, value in components.items()]
    return PortfolioHealth(partner_id="P-1", score=HealthScore(partner_id="P-1", score=score, components=parts),
                           tier="silver", qualifies_for="silver", biggest_drop=("", 0.0, None, None),
                           won_revenue_12m=0.0, deals=deals)


def _one_deal_lost(deals_before: int, deals_now: int) -> tuple[PortfolioHealth, PortfolioHealth]:
    """89 -> 61: the win rate went from 1 of 1 to 0 of 1 and the only open deal closed (the rest barely moved)."""
    before = _scored(89, {"engagement": 98, "pipeline": 66, "win_rate": 100, "psat": 75}, deals_before)
    now = _scored(61, {"engagement": 86, "pipeline": 41, "win_rate": 0, "psat": 76}, deals_now)
    return now, before


def test_a_fall_made_by_one_or_two_deals_is_not_a_decline():
    now, before = _one_deal_lost(2, 1)
    assert trend_fall(now, before) == pytest.approx(-28 + 0.2 * 25 + 0.2 * 100)
    _, reasons = risk(now, before, None, [before])
    assert not any(r.startswith("health down") for r in reasons)


def test_the_same_fall_over_enough_deals_is_a_decline():
    now, before = _one_deal_lost(MIN_DEALS + 3, MIN_DEALS)
    assert trend_fall(now, before) == -28
    _, reasons = risk(now, before, None, [before])
    assert any(r.startswith("health down 28 points") for r in reasons)


def _trend(baseline: list[float], recent: list[float], metric: str = "trainings_completed") -> Trend:
    return Trend(metric, metric, recent=statistics.fmean(recent), baseline=statistics.fmean(baseline),
                 baseline_sd=statistics.pstdev(baseline), recent_months=["m"] * len(recent),
                 baseline_months=["m"] * len(baseline), recent_values=recent)


def test_a_drop_must_pass_the_strictness_of_a_whole_portfolio():
    assert portfolio_drop_z(1) == 2.0
    assert 3.0 < portfolio_drop_z(200) < portfolio_drop_z(10_000) < 5
    # two trainings a month, none for a quarter: 1 partner in ~60 by chance (Poisson); noise among 200
    sparse = _trend([2, 1, 3, 2, 2, 1, 3, 2, 2, 1, 3, 2], [0, 0, 0])
    assert sparse.beyond_noise(portfolio_drop_z(1)) and not sparse.beyond_noise(portfolio_drop_z(200))
    # portal logins 40 a month falling to 11: a decline however many partners are tested
    logins = _trend([38, 41, 40, 42, 39, 40, 41, 38, 40, 42, 39, 40], [20, 10, 4], "portal_logins")
    assert logins.beyond_noise(portfolio_drop_z(10_000))
