"""The at-risk rules (issue 19): a health fall counts only below the partner's own range of the past year and
only for the moves the data can show as the partner's; declining partners are listed before standing problems."""
from __future__ import annotations

import datetime as dt
import statistics
from types import SimpleNamespace

import pytest

from tools.analytics.portfolio import _portfolio, counted_change, risk, trend_fall
from tools.next_best_action.partner_health import WEIGHTS, Trend
from tools.next_best_action.service import PortfolioHealth, portfolio_drop_z
from tools.next_best_action.types import HealthComponent, HealthScore


def _health(score: int) -> PortfolioHealth:
    return PortfolioHealth(partner_id="P-1", score=HealthScore(partner_id="P-1", score=score, components=[]),
                           tier="silver", qualifies_for="silver", biggest_drop=("", 0.0, None, None),
                           won_revenue_12m=0.0)


def _fall_reasons(now: int, before: int, earlier: list[int] | None) -> list[str]:
    reasons = risk(_health(now), _health(before), None,
                   None if earlier is None else [_health(h) for h in earlier]).reasons
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

def _scored(score: int, components: dict[str, float], won: int, lost: int, open_deals: int,
            partner_id: str = "P-1", drop: tuple = ("", 0.0, None, None), tier: str = "silver",
            engagement_dropped: bool = False, unmeasured: frozenset = frozenset()) -> PortfolioHealth:
    parts = [HealthComponent(name=name, score=value, weight=WEIGHTS[name], detail=f"{name} detail")
             for name, value in components.items()]
    return PortfolioHealth(partner_id=partner_id,
                           score=HealthScore(partner_id=partner_id, score=score, components=parts),
                           tier=tier, qualifies_for=tier, biggest_drop=drop, won_revenue_12m=0.0,
                           won_12m=won, lost_12m=lost, open_deals=open_deals, unmeasured=unmeasured,
                           engagement_dropped=engagement_dropped or bool(drop[1]))


def _deals_moved(scale: int) -> tuple[PortfolioHealth, PortfolioHealth]:
    """89 -> 64: every closed deal was won and now all are lost, the open deals closed (the rest barely
    moved); `scale` deals of each kind."""
    before = _scored(89, {"engagement": 98, "pipeline": 66, "win_rate": 100, "psat": 75}, scale, 0, scale)
    now = _scored(64, {"engagement": 98, "pipeline": 41, "win_rate": 0, "psat": 76}, 0, scale, 0)
    return now, before


def test_a_fall_made_by_one_or_two_deals_is_not_a_decline():
    now, before = _deals_moved(1)  # 1 of 1 won -> 0 of 1; the one open deal closed
    assert trend_fall(now, before) == pytest.approx(-25 + 0.2 * 25 + 0.2 * 100)
    assert not any(r.startswith("health down") for r in risk(now, before, None, [before]).reasons)


def test_the_same_fall_over_enough_deals_is_a_decline():
    now, before = _deals_moved(8)  # 8 of 8 won -> 0 of 8, 8 open deals -> none: beyond chance
    assert trend_fall(now, before) == -25
    reasons = risk(now, before, None, [before]).reasons
    assert reasons == ["health down 25 points in 90 days (from 89 to 64, below its lowest of the past year's "
                       "quarters, 89)"]


def test_a_win_rate_move_within_binomial_noise_is_left_out_and_said_so():
    # 4 of 9 won -> 2 of 9: within chance, so only the engagement's and PSAT's moves count
    before = _scored(80, {"engagement": 95, "win_rate": 80, "psat": 90}, 4, 5, 3)
    now = _scored(62, {"engagement": 60, "win_rate": 40, "psat": 70}, 2, 7, 3, engagement_dropped=True)
    change = counted_change(now, before)
    assert change.change == -18 and change.counted == pytest.approx(-18 + 0.2 * 40)
    assert change.left_out == ("win rate 80 -> 40 (won 4 of 9 -> 2 of 9, within chance)",)
    reasons = risk(now, before, None, [before]).reasons
    assert reasons == ["health down 18 points in 90 days (from 80 to 62, below its lowest of the past year's "
                       "quarters, 80; 10 without win rate 80 -> 40 (won 4 of 9 -> 2 of 9, within chance))"]
    # the stricter z of a large portfolio leaves out more: 30 of 40 -> 10 of 40 passes z 2, not a z of 10
    before = _scored(80, {"win_rate": 100}, 30, 10, 3)
    now = _scored(68, {"win_rate": 40}, 10, 30, 3)
    assert trend_fall(now, before) == -12 and trend_fall(now, before, z=10.0) == 0


def test_certified_staff_has_no_history_so_its_move_is_no_decline():
    # the open deals moved to a product without certified staff: a gap on those deals, not a fall
    before = _scored(70, {"certifications": 100, "engagement": 90}, 5, 5, 3)
    now = _scored(55, {"certifications": 0, "engagement": 90}, 5, 5, 3)
    assert trend_fall(now, before) == 0
    assert risk(now, before, None, [before]).reasons == []


def test_moves_within_noise_or_to_no_figures_are_no_decline():
    # trainings 1.8 -> 0.7 and registrations 1.2 -> 0.3 a month (within noise) and no MDF allocated any more
    before = _scored(83, {"engagement": 100, "mdf": 93, "psat": 80}, 5, 5, 3)
    now = _scored(72, {"engagement": 66, "mdf": 50, "psat": 80}, 5, 5, 3, unmeasured=frozenset({"mdf"}))
    change = counted_change(now, before)
    assert change.counted == pytest.approx(-11 + 0.2 * 34 + 0.1 * 43)
    assert change.left_out == ("engagement 100 -> 66 (no metric beyond its month-to-month noise)",
                               "mdf 93 -> 50 (no figures on one of the days)")
    # the same engagement move with a metric beyond its noise (logins 40 -> 12 a month) counts
    now = _scored(72, {"engagement": 66, "mdf": 50, "psat": 80}, 5, 5, 3, drop=("Portal logins", 0.7, 12.0, 40.0),
                  unmeasured=frozenset({"mdf"}))
    assert counted_change(now, before).counted == pytest.approx(-11 + 0.1 * 43)


def test_a_pipeline_move_counts_only_when_the_open_deals_moved_beyond_chance():
    before = _scored(80, {"pipeline": 90}, 5, 5, 2)
    now = _scored(62, {"pipeline": 0}, 5, 5, 0)  # 2 open deals closed, none new: Poisson noise
    assert trend_fall(now, before) == 0
    before = _scored(80, {"pipeline": 90}, 5, 5, 20)
    now = _scored(62, {"pipeline": 0}, 5, 5, 2)  # 20 -> 2: the pipeline dried up
    assert trend_fall(now, before) == -18


# --- the order: declining partners first, then the standing problems --------------------------------

def _portfolio_of(*partners: tuple[PortfolioHealth, PortfolioHealth]):
    now = {n.partner_id: n for n, _ in partners}
    before = {b.partner_id: b for _, b in partners}
    info = [SimpleNamespace(partner_id=pid, name=pid, tier=h.tier, joined_on=None, attributes={})
            for pid, h in now.items()]
    return _portfolio(now, before, [before], info, [], dt.date(2026, 6, 1), None)


def test_a_declining_partner_ranks_above_a_steady_partner_with_a_low_health():
    comps = {"engagement": 60, "certifications": 0, "psat": 50}
    steady = _scored(30, comps, 0, 2, 1, partner_id="P-STEADY")  # low, unchanged: a standing problem
    logins = ("Portal logins", 0.7, 12.0, 40.0)
    falling = _scored(70, {"engagement": 60, "psat": 80}, 5, 5, 3, partner_id="P-FALL", drop=logins)
    fallen = _scored(62, {"engagement": 30, "psat": 40}, 5, 5, 3, partner_id="P-FELL", engagement_dropped=True)
    healthy = [(_scored(80 + i, {"engagement": 90}, 5, 5, 3, partner_id=f"P-OK{i}"),) * 2 for i in range(8)]
    data = _portfolio_of((steady, steady), (falling, _scored(72, {"engagement": 95, "psat": 80}, 5, 5, 3,
                                                             partner_id="P-FALL")),
                         (fallen, _scored(85, {"engagement": 95, "psat": 90}, 5, 5, 3, partner_id="P-FELL")),
                         *healthy)
    rows = {r.partner_id: r for r in data.partners}
    # the steady partner's gap is bigger by risk_score than one decliner's, yet it comes after both
    assert rows["P-STEADY"].risk_score > rows["P-FALL"].risk_score
    assert data.at_risk == ["P-FELL", "P-FALL", "P-STEADY"]
    assert rows["P-FELL"].declining and rows["P-FALL"].declining and not rows["P-STEADY"].declining
    assert rows["P-STEADY"].risk_reasons == ["health 30/100, below 50 (weakest: certifications 0/100, "
                                             "certifications detail; engagement 60/100, engagement detail)"]
    assert not any(rows[f"P-OK{i}"].at_risk for i in range(8))


def test_the_score_counts_only_what_the_reasons_say():
    # health 52, down 8 by chance: no reason, no score (it used to carry 8 + 8 points unexplained)
    before = _scored(60, {"win_rate": 100}, 3, 1, 1)
    now = _scored(52, {"win_rate": 60}, 3, 3, 1)
    r = risk(now, before, None, [before])
    assert r.reasons == [] and r.score == 0 and not r.declining
    # a tier gap alone: its 10 points per step and the health's distance below 60
    gap = PortfolioHealth(partner_id="P-1", score=HealthScore(partner_id="P-1", score=55, components=[]),
                          tier="gold", qualifies_for="silver", biggest_drop=("", 0.0, None, None),
                          won_revenue_12m=1000.0)
    r = risk(gap, gap, None, [gap])
    assert r.score == 15 and not r.declining


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


def test_a_partner_below_its_tier_is_told_which_minimum_caps_it():
    """The reason names the minimums missed of the tier just above the one the partner qualifies for, with
    both figures, so a channel manager can check it (not only the won revenue, which may be met)."""
    from tools.next_best_action.tier_rules import capping_checks, load_tier_rules

    rules = load_tier_rules({"tier_rules": {"silver": {"min_won_revenue_12m": 40_000, "min_won_deals_12m": 2},
                                            "gold": {"min_won_revenue_12m": 200_000, "min_won_deals_12m": 7},
                                            "platinum": {"min_won_revenue_12m": 800_000}}})
    figures = {"won_revenue_12m": 310_000, "won_deals_12m": 4, "certified_staff": 3}
    short = capping_checks("platinum", rules, figures)
    assert [(c.tier, c.metric, c.minimum, c.value) for c in short] == [("gold", "won_deals_12m", 7, 4)]
    assert capping_checks("silver", rules, figures) == ()  # holds less than it qualifies for: nothing caps it
    held = PortfolioHealth(partner_id="P-9", score=HealthScore(partner_id="P-9", score=70, components=[]),
                           tier="platinum", qualifies_for="silver", biggest_drop=("", 0.0, None, None),
                           won_revenue_12m=310_000.0, tier_short=short)
    assert risk(held, None, None).reasons == [
        "qualifies for silver, holds platinum (won revenue 12 months 310,000; gold needs won deals 12 months 7, "
        "has 4)"]
