"""Sums across deals are in the vendor's reporting currency (DATA.md: vendor.yaml `reporting_currency` is "the
currency of every sum across deals", `fx_rates` its units per unit of a deal's currency; issues 16 and 17): on
a EUR vendor with deals in EUR, USD, GBP, JPY and SEK (no rate), the tier a partner qualifies for, its won
revenue and pipeline, the portfolio, nba, onboarding, the profile and the records overview all give what a
plain computation over the rows written gives (tests/tools/currency_world.py). Before, raw amounts of every
currency were added up and labelled EUR: a partner with a few JPY deals qualified for platinum."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from assistant.cli import app
from assistant.core.config import Settings
from assistant.engine.answers import profile_answer
from assistant.engine.context import AppContext
from retrieval.ingest import ingest_folder
from retrieval.records import Opportunity
from retrieval.scope import Scope
from tests.tools.currency_world import REPORTING, TODAY, UNRATED, rate, write
from tools.currency import Converter, deal_currencies
from tools.next_best_action import service as nba
from tools.next_best_action.partner_health import vendor_baselines
from tools.partner_profile.service import partner_profile
from tools.records_overview.service import records_overview
from tools.types import money

runner = CliRunner()


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    root = tmp_path_factory.mktemp("currencies")
    folder, truth = write(root / "import")
    ctx = AppContext(Settings(home=root / "home", today=TODAY.isoformat()))
    result = ingest_folder(ctx, folder)
    assert not result.rejected, result.rejected[:5]
    yield ctx, truth, root
    ctx.close()


def _cli(root, monkeypatch, *args: str) -> dict:
    monkeypatch.setenv("COSELL_HOME", str(root / "home"))
    monkeypatch.setenv("COSELL_TODAY", TODAY.isoformat())
    result = runner.invoke(app, [*args, "--json"])
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert result.exit_code == 0 and len(lines) == 1, result.stdout[:500]
    return json.loads(lines[0])


def test_the_world_tells_converted_from_raw_sums(world):
    """The comparison means something: raw sums would put many partners in another tier."""
    _, truth, _ = world
    moved = [p for p in truth.partners if truth.won_revenue(p) != pytest.approx(truth.raw_won_revenue(p))]
    assert len(moved) >= 15
    assert any(d.currency == UNRATED and d.won_12m for d in truth.deals)
    assert {truth.qualified(p) for p in truth.partners} >= {"registered", "silver", "gold"}


def test_the_converter_and_its_sql_give_the_same_amounts(world):
    ctx, truth, _ = world
    fx = Converter.from_vendor(ctx.vendor())
    assert fx.currency == REPORTING
    for d in truth.deals:
        assert fx.value(d.amount, d.currency) == pytest.approx(d.converted or 0.0)
    currencies = deal_currencies(ctx)
    assert currencies == {d.currency for d in truth.deals}
    with ctx.store.session() as session:
        rows = dict(session.execute(select(Opportunity.opportunity_id, fx.sql_amount(
            Opportunity.amount, Opportunity.currency, set(currencies)))).all())
    assert rows == {d.opportunity_id: pytest.approx(d.converted) if d.converted is not None else None
                    for d in truth.deals}
    assert fx.unconverted(["eur", "SEK", "usd", "XXX"]) == ["SEK", "XXX"]


def test_tier_standing_and_won_revenue_in_both_paths(world):
    """The set-based SQL (portfolio_sql), the per-deal Python (all_partner_metrics) and one partner's metrics
    (partner_standing) all give the converted won revenue, pipeline and the tier it qualifies for."""
    ctx, truth, _ = world
    op = Scope.operator()
    sql = nba.portfolio_health_on(ctx, op, [None])[0]
    python = nba.portfolio_health(ctx, op)
    assert sql.keys() == python.keys() == truth.partners.keys()
    baselines = vendor_baselines(ctx)
    for pid in truth.partners:
        want_revenue, want_tier = truth.won_revenue(pid), truth.qualified(pid)
        for got in (sql[pid], python[pid]):
            assert got.won_revenue_12m == pytest.approx(want_revenue), pid
            assert got.qualifies_for == want_tier, pid
        metrics, assessment = nba.partner_standing(ctx, op, pid)
        assert metrics.won_revenue_12m == pytest.approx(want_revenue) and assessment.qualified == want_tier, pid
        assert metrics.weighted_pipeline(baselines) == pytest.approx(truth.weighted_pipeline(pid)), pid
        assert metrics.won_count_12m == truth.won_deals(pid), pid  # a deal without a rate still counts
        assert sql[pid].score == python[pid].score, pid  # the pipeline percentile ranks converted pipelines
    below = sum(nba.tier_rules.tier_rank(truth.qualified(p)) < nba.tier_rules.tier_rank(t)
                for p, t in truth.partners.items())
    assert baselines.tier_gaps.below == below > 0 and baselines.tier_gaps.above == 0
    assert baselines.tier_rules_fit("demotion")


def test_the_portfolio_as_of_a_past_day_agrees_in_both_paths(world):
    ctx, truth, _ = world
    day = TODAY.replace(month=TODAY.month - 2)
    sql = nba.portfolio_health_on(ctx, Scope.operator(), [day])[0]
    python = nba.portfolio_health(ctx, Scope.operator(), as_of=day)
    for pid in truth.partners:
        assert (sql[pid].qualifies_for, sql[pid].score.score) == (python[pid].qualifies_for, python[pid].score.score)
        assert sql[pid].won_revenue_12m == pytest.approx(python[pid].won_revenue_12m)


def test_portfolio_nba_and_onboarding_over_the_cli(world, monkeypatch):
    _, truth, root = world
    portfolio = _cli(root, monkeypatch, "portfolio")
    assert {p["partner_id"]: p["qualifies_for"] for p in portfolio["partners"]} == \
           {p: truth.qualified(p) for p in truth.partners}
    below = [p for p, held in truth.partners.items() if truth.qualified(p) != held]
    assert below and set(below) <= set(portfolio["at_risk"])
    unrated = [p for p in below if any(d.currency == UNRATED and d.of(p) and d.won_12m for d in truth.deals)]
    assert unrated  # the evidence names the currency left out
    for pid in below:
        reasons = " ".join(next(p for p in portfolio["partners"] if p["partner_id"] == pid)["risk_reasons"])
        assert f"won revenue 12 months {truth.won_revenue(pid):,.0f}" in reasons
        actions = _cli(root, monkeypatch, "nba", "--partner", pid)["actions"]
        tier = [a for a in actions if "tier" in a["title"]]
        assert tier, [a["title"] for a in actions]
        evidence = " ".join(tier[0]["evidence"])
        assert money(truth.won_revenue(pid), REPORTING) in evidence
        if any(d.currency == UNRATED and d.of(pid) and (d.won_12m or d.open) for d in truth.deals):
            assert f"Deals in {UNRATED} are left out" in evidence
        plan = _cli(root, monkeypatch, "onboarding", pid)
        assert money(truth.won_revenue(pid), REPORTING) in json.dumps(plan, ensure_ascii=False)


def test_a_partners_own_figures_in_the_profile_and_chat(world):
    ctx, truth, _ = world
    told = []
    for pid in list(truth.partners)[:10]:
        out = partner_profile(ctx, Scope.operator(), pid, topic="tier")
        assert out.qualified_tier == truth.qualified(pid) and out.currency == REPORTING
        revenue = [c.value for c in out.next_tier_checks + out.qualified_checks if c.metric == "won_revenue_12m"]
        assert revenue and all(v == pytest.approx(truth.won_revenue(pid)) for v in revenue), pid
        if revenue and out.next_tier_checks:
            assert f"{truth.won_revenue(pid):,.0f} {REPORTING}" in profile_answer(out)
        unrated = any(d.currency == UNRATED and d.of(pid) and (d.won_12m or d.open) for d in truth.deals)
        assert out.unconverted == ([UNRATED] if unrated else []), pid
        said = f"Deals in {UNRATED} are left out of the won revenue" in profile_answer(out)
        assert said == (unrated and any(c.money for c in out.next_tier_checks or out.qualified_checks)), pid
        if said:
            assert "Deals in SEK sind im gewonnenen Umsatz nicht enthalten" in profile_answer(out, lang="de")
            told.append(pid)
    assert told  # a partner with a deal in a currency without a rate is told so


def test_the_records_overview_sums_in_the_reporting_currency(world):
    ctx, truth, _ = world
    op = Scope.operator()
    won = records_overview(ctx, op, "won")
    won_deals = [d for d in truth.deals if d.won_12m]
    assert won.totals == pytest.approx({REPORTING: sum(d.converted or 0.0 for d in won_deals),
                                        UNRATED: sum(d.amount for d in won_deals if d.currency == UNRATED)})
    pipeline = records_overview(ctx, op, "pipeline")
    open_deals = [d for d in truth.deals if d.open]
    assert pipeline.totals == pytest.approx({REPORTING: sum(d.converted or 0.0 for d in open_deals),
                                             UNRATED: sum(d.amount for d in open_deals if d.currency == UNRATED)})
    assert [d.opportunity_id for d in pipeline.deals][:5] == [
        d.opportunity_id for d in sorted(open_deals, key=lambda d: (-(d.converted or 0.0), d.opportunity_id))][:5]
    big = records_overview(ctx, op, "pipeline", min_amount=100_000)
    assert {d.opportunity_id for d in big.deals} == {d.opportunity_id for d in open_deals
                                                     if (d.converted or 0.0) > 100_000}
    by_partner = records_overview(ctx, op, "open_pipeline")
    assert by_partner.partners
    for line in by_partner.partners:
        assert line.pipeline == pytest.approx(truth.open_amount(line.partner_id)), line.partner_id
        unrated = any(d.currency == UNRATED and d.of(line.partner_id) and d.open for d in truth.deals)
        assert line.unconverted == ([UNRATED] if unrated else [])


def test_a_vendor_in_one_currency_sums_as_before():
    fx = Converter.from_vendor({})
    assert fx.currency == "USD" and fx.value(1234.5, "USD") == 1234.5 and fx.value(None, "USD") == 0.0
    assert fx.value(10, "EUR") == 0.0 and fx.unconverted(["USD", "EUR"]) == ["EUR"]
    assert rate("EUR") == 1.0


def test_the_same_tiers_and_sums_on_postgres(tmp_path, pg_url):
    """The CASE on the currency column in Postgres (team mode) as in SQLite."""
    folder, truth = write(tmp_path / "import")
    ctx = AppContext(Settings(home=tmp_path / "home", today=TODAY.isoformat(), database_url=pg_url))
    try:
        assert not ingest_folder(ctx, folder).rejected
        sql = nba.portfolio_health_on(ctx, Scope.operator(), [None])[0]
        for pid in truth.partners:
            assert sql[pid].qualifies_for == truth.qualified(pid), pid
            assert sql[pid].won_revenue_12m == pytest.approx(truth.won_revenue(pid)), pid
    finally:
        ctx.close()
