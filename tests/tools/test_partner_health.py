"""Partner health score and tier rules: windows, components, weights, permissions."""
from __future__ import annotations

import datetime as dt
import types

import pytest

from assistant.core.config import Settings
from assistant.core.errors import Forbidden, NotFound
from assistant.engine.context import AppContext
from retrieval import records as R
from retrieval.scope import Scope
from tools.next_best_action import partner_signals
from tools.next_best_action import service as next_best_action
from tools.next_best_action.partner_health import WEIGHTS, partner_health
from tools.next_best_action.tier_rules import (
    DEFAULT_TIER_RULES,
    assess_tier,
    canonical_metric,
    load_tier_rules,
    qualified_tier,
)
from tools.types import baseline_months, mdf_months, recent_months

TODAY = dt.date(2026, 3, 15)
ADMIN = Scope.operator()
MONTHS = ["2024-12", *[f"2025-{m:02d}" for m in range(1, 13)], "2026-01", "2026-02"]


# --- windows ---------------------------------------------------------------------------------------


def test_month_windows_end_with_the_last_complete_month():
    assert recent_months(TODAY) == ["2025-12", "2026-01", "2026-02"]
    assert baseline_months(TODAY) == MONTHS[:12]
    assert mdf_months(TODAY) == ["2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02"]
    assert recent_months(dt.date(2026, 1, 1)) == ["2025-10", "2025-11", "2025-12"]


def test_typical_uses_the_upper_median_and_tukeys_fence():
    from tools.next_best_action.partner_health import _typical

    t = _typical([10, 12, 2, 4, 6, 8])
    assert (t.median, t.count) == (8, 6)  # a value some deal has, not 7
    assert t.outlier_above == pytest.approx(t.p75 + 1.5 * (t.p75 - t.p25))
    assert _typical([5]).median == 5 and _typical([]) is None


# --- tier rules ------------------------------------------------------------------------------------


GENERATOR_STYLE = {"tier_rules": {
    "registered": {"min_won_revenue_12m": 0, "min_won_deals_12m": 0, "min_certified_staff": 0},
    "silver": {"min_won_revenue_12m": 100000, "min_won_deals_12m": 1, "min_certified_staff": 2},
    "gold": {"min_won_revenue_12m": 500000, "min_won_deals_12m": 4, "min_certified_staff": 6},
    "platinum": {"min_won_revenue_12m": 1500000, "min_won_deals_12m": 10, "min_certified_staff": 15},
}}


@pytest.mark.parametrize(("key", "metric"), [
    ("min_won_revenue_12m", "won_revenue_12m"), ("trailing_12m_won_revenue", "won_revenue_12m"),
    ("certified_staff", "certified_staff"), ("minimum_won_deals_12m", "won_deals_12m"),
    ("min_deals_registered_12m", "deals_registered_12m"), ("logo_colour", None),
])
def test_metric_names(key, metric):
    assert canonical_metric(key) == metric


def test_rules_from_vendor_yaml_and_defaults():
    rules = load_tier_rules(GENERATOR_STYLE)
    assert rules["registered"] == []  # zero minimums are no requirement
    assert {(r.metric, r.minimum) for r in rules["gold"]} == {
        ("won_revenue_12m", 500000), ("won_deals_12m", 4), ("certified_staff", 6)}
    default = load_tier_rules({})
    assert {r.metric for r in default["silver"]} == set(DEFAULT_TIER_RULES["silver"])
    odd = load_tier_rules({"tier_rules": {"gold": {"min_won_revenue_12m": "lots", "colour": 3},
                                          "diamond": {}}})
    assert odd == {"gold": []}


def test_qualified_tier_is_cumulative():
    rules = load_tier_rules(GENERATOR_STYLE)
    metrics = {"won_revenue_12m": 2_000_000, "won_deals_12m": 12, "certified_staff": 5}
    assert qualified_tier(rules, metrics) == "silver"  # platinum's money, gold's certifications missing
    assert qualified_tier(rules, {**metrics, "certified_staff": 20}) == "platinum"


def test_assessment_direction():
    rules = load_tier_rules(GENERATOR_STYLE)
    up = assess_tier("silver", rules, {"won_revenue_12m": 759000, "won_deals_12m": 5, "certified_staff": 8})
    assert up.direction == "promotion" and up.qualified == "gold"
    assert all(c.met for c in up.checks_qualified)
    down = assess_tier("gold", rules, {"won_revenue_12m": 120000, "won_deals_12m": 1, "certified_staff": 8})
    assert down.direction == "demotion" and down.qualified == "silver"
    assert {c.metric for c in down.checks_current if not c.met} == {"won_revenue_12m", "won_deals_12m"}
    same = assess_tier("silver", rules, {"won_revenue_12m": 120000, "won_deals_12m": 1, "certified_staff": 2})
    assert same.direction is None


# --- health score ----------------------------------------------------------------------------------


def rows_for(pid: str, logins: list[int], psat: list[float], spent: float = 900.0) -> list[R.PartnerActivity]:
    return [R.PartnerActivity(partner_id=pid, month=m, portal_logins=logins[i], trainings_completed=2,
                              deals_registered=1, mdf_allocated=1000.0, mdf_spent=spent, psat=psat[i])
            for i, m in enumerate(MONTHS)]


def deal(oid: str, pid: str, stage: str, amount: float, close: dt.date,
         products=("Lakehouse",)) -> R.Opportunity:
    return R.Opportunity(opportunity_id=oid, account_id="A1", name=oid, stage=stage, amount=amount,
                         created_on=dt.date(2025, 6, 1), close_date=close, last_activity_on=TODAY,
                         products=list(products), partner_id=pid, partner_role="sourced")


@pytest.fixture()
def ctx(tmp_path):
    ctx = AppContext(Settings(home=tmp_path / "home", today=TODAY))
    future, past = dt.date(2026, 6, 30), dt.date(2025, 10, 1)
    common = {"type": "reseller", "tier": "silver", "competencies": ["Lakehouse", "Streaming"]}
    with ctx.store.session() as s:
        s.add_all([
            R.Account(account_id="A1", name="Acme", status="customer"),
            R.Partner(partner_id="GOOD", name="Good", certified_staff={"Lakehouse": 5, "Streaming": 2},
                      **common),
            R.Partner(partner_id="WEAK", name="Weak", certified_staff={"Lakehouse": 1}, **common),
            R.Partner(partner_id="NEW", name="New", **common),
            *rows_for("GOOD", [40] * 15, [8.5] * 15),
            *rows_for("WEAK", [40] * 12 + [4, 4, 4], [8.0] * 12 + [5.0] * 3, spent=200.0),
            deal("G1", "GOOD", "negotiation", 500_000, future),
            deal("G2", "GOOD", "closed_won", 100_000, past), deal("G3", "GOOD", "closed_won", 100_000, past),
            deal("G4", "GOOD", "closed_lost", 100_000, past),
            deal("W1", "WEAK", "prospecting", 20_000, future, products=("Streaming",)),
            deal("W2", "WEAK", "closed_lost", 100_000, past),
            deal("W3", "WEAK", "closed_lost", 100_000, past),
            deal("W4", "WEAK", "closed_won", 100_000, past),
        ])
    yield ctx
    ctx.close()


def components(score) -> dict:
    return {c.name: c for c in score.components}


def test_components_and_weights(ctx):
    score = partner_health(ctx, ADMIN, "GOOD")
    assert [c.name for c in score.components] == list(WEIGHTS)
    assert sum(c.weight for c in score.components) == pytest.approx(1.0)
    assert all(0 <= c.score <= 100 for c in score.components) and 0 <= score.score <= 100
    total = sum(c.score * c.weight for c in score.components)
    assert abs(score.score - total) <= 0.5 + 1e-9


def test_healthy_partner_scores_above_a_declining_one(ctx):
    good, weak = partner_health(ctx, ADMIN, "GOOD"), partner_health(ctx, ADMIN, "WEAK")
    assert good.score > weak.score + 20
    g, w = components(good), components(weak)
    assert g["engagement"].score == 100 and w["engagement"].score == pytest.approx(100 * (0.5 * 0.1 + 0.5))
    assert g["psat"].score == 85 and w["psat"].score == 50
    assert g["mdf"].score == 90 and w["mdf"].score == 20
    assert g["certifications"].score == 100 and w["certifications"].score == 0
    assert "won 2 of 3 closed deals" in g["win_rate"].detail and "won 1 of 3" in w["win_rate"].detail
    assert g["pipeline"].score > w["pipeline"].score


def test_partner_without_data_is_neutral(ctx):
    c = components(partner_health(ctx, ADMIN, "NEW"))
    assert {name: c[name].score for name in ("engagement", "win_rate", "mdf", "psat")} == {
        "engagement": 50, "win_rate": 50, "mdf": 50, "psat": 50}


def test_health_permissions(ctx):
    seller = Scope("u-ps", "partner_seller", partner_id="GOOD")
    assert partner_health(ctx, seller, "GOOD").partner_id == "GOOD"
    with pytest.raises(Forbidden):
        partner_health(ctx, seller, "WEAK")
    with pytest.raises(Forbidden):
        partner_health(ctx, Scope("u-mk", "marketer"), "GOOD")
    with pytest.raises(NotFound):
        partner_health(ctx, ADMIN, "NOPE")


def test_health_in_nba_and_in_the_service_module(ctx, monkeypatch):
    mapping = types.ModuleType("tools.account_mapping.service")  # no overlaps: account mapping has its own tests
    mapping.account_relationships = lambda ctx, partner_ids=None: []
    monkeypatch.setattr(partner_signals, "account_mapping", mapping)
    response = next_best_action.next_best_actions(ctx, ADMIN, partner_id="WEAK",
                                                   content_lookup=lambda *a, **k: [])
    assert response.health == next_best_action.partner_health(ctx, ADMIN, "WEAK")
    assert response.model_dump(mode="json")["health"]["components"][0]["name"] == "engagement"
