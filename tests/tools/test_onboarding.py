"""Acceptance (issue 21 part 4): onboarding plans on generated partners with planted progress; every step's
status is the planted one. Plus who may see which plan, over the CLI and the HTTP API."""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from assistant.api import create_app
from assistant.cli import app
from assistant.core.config import Settings
from assistant.core.errors import BadInput, Forbidden
from assistant.engine.context import AppContext
from retrieval.ingest import ingest_folder
from retrieval.scope import Scope, issue_api_key
from tests.tools.onboarding_world import EXPECTED_OFFSETS, TODAY, write
from tools.onboarding.service import onboarding_plan

runner = CliRunner()


def no_content(query, kinds, products):
    return []


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    root = tmp_path_factory.mktemp("onboarding")
    folder, truth = write(root / "import")
    ctx = AppContext(Settings(home=root / "home", today=TODAY.isoformat()))
    result = ingest_folder(ctx, folder)
    assert not result.rejected, result.rejected[:5]
    yield ctx, truth, root
    ctx.close()


def test_every_step_has_the_planted_status(world):
    ctx, truth, _ = world
    wrong, seen = [], Counter()
    for planted in truth:
        plan = onboarding_plan(ctx, Scope.operator(), planted.partner_id, content_lookup=no_content)
        assert plan.joined_on == planted.joined_on and plan.days_since_joined == (TODAY - planted.joined_on).days
        got = {(s.kind, s.subject): s for s in plan.steps}
        assert set(got) == set(planted.expected), planted.partner_id  # the plan has exactly the programme's steps
        for key, step in got.items():
            seen[step.status] += 1
            assert step.evidence, (planted.partner_id, key)
            assert step.due_on == planted.joined_on + dt.timedelta(days=EXPECTED_OFFSETS[key[0]])
            if step.status != planted.status(*key):
                wrong.append((planted.partner_id, key, step.status, planted.status(*key), step.evidence))
    assert not wrong, wrong[:5]
    assert min(seen["done"], seen["open"], seen["overdue"]) >= 10, seen  # the world exercises every status


def test_first_win_and_time_to_it(world):
    ctx, truth, _ = world
    for planted in truth:
        plan = onboarding_plan(ctx, Scope.operator(), planted.partner_id, content_lookup=no_content)
        if planted.expected[("first_win", None)]:
            assert plan.first_win_on is not None and plan.first_win_on >= planted.joined_on
            assert plan.days_to_first_win == (plan.first_win_on - planted.joined_on).days
            win = next(s for s in plan.steps if s.kind == "first_win")
            assert str(plan.first_win_on) in win.evidence[0] and "opportunity O-" in win.evidence[0]
        else:
            assert plan.first_win_on is None and plan.days_to_first_win is None


def test_tier_steps_follow_the_rules_of_the_tier(world):
    ctx, truth, _ = world
    for planted in truth[:8]:
        plan = onboarding_plan(ctx, Scope.operator(), planted.partner_id, content_lookup=no_content)
        tier_titles = [s.title for s in plan.steps if s.kind in ("certified_staff", "tier_result")]
        assert any("3 certified staff" in t for t in tier_titles)  # silver's minimum, from vendor.yaml
        words = "the silver tier requirement" if planted.tier == "silver" else "to qualify for silver"
        assert all(words in t for t in tier_titles), tier_titles


def test_permissions_in_the_service(world):
    ctx = world[0]
    own = Scope(user_id="u-ps-1", role="partner_seller", partner_id="P-001")
    assert onboarding_plan(ctx, own, content_lookup=no_content).partner_id == "P-001"  # their own by default
    with pytest.raises(Forbidden):
        onboarding_plan(ctx, own, "P-002", content_lookup=no_content)
    with pytest.raises(Forbidden):
        onboarding_plan(ctx, Scope(user_id="u-mkt", role="marketer"), "P-001", content_lookup=no_content)
    cm = Scope(user_id="u-cm", role="channel_manager")
    assert onboarding_plan(ctx, cm, "P-002", content_lookup=no_content).partner_id == "P-002"
    with pytest.raises(BadInput):
        onboarding_plan(ctx, cm, content_lookup=no_content)  # a channel manager must name the partner


def cli(*args: str) -> tuple[int, dict]:
    result = runner.invoke(app, [*args, "--json"])
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1, result.stdout[:500]
    return result.exit_code, json.loads(lines[0])


def test_cli_and_api_permissions(world, monkeypatch):
    ctx, _, root = world
    monkeypatch.setenv("COSELL_HOME", str(root / "home"))
    monkeypatch.setenv("COSELL_TODAY", TODAY.isoformat())
    code, plan = cli("onboarding", "P-003", "--as", "u-cm")
    assert code == 0 and plan["partner_id"] == "P-003"
    assert set(plan) >= {"joined_on", "days_since_joined", "steps", "first_win_on", "days_to_first_win"}
    assert set(plan["steps"][0]) >= {"title", "due_on", "status", "evidence", "content"}
    assert cli("onboarding", "P-003", "--as", "u-ps-3")[0] == 0
    code, err = cli("onboarding", "P-004", "--as", "u-ps-3")  # another partner's plan
    assert code == 4 and err["error"]["code"] == "forbidden"
    assert cli("onboarding", "P-003", "--as", "u-mkt")[0] == 4
    code, err = cli("onboarding", "P-999")
    assert code == 2 and "P-999" in err["error"]["message"]

    keys = {u: issue_api_key(ctx.store, u) for u in ("u-admin", "u-mkt", "u-ps-3")}
    headers = {u: {"Authorization": f"Bearer {k}"} for u, k in keys.items()}
    with TestClient(create_app(ctx, warm_up=False)) as client:
        got = client.get("/v1/partners/P-003/onboarding", headers=headers["u-admin"])
        assert got.status_code == 200 and got.json()["steps"] == plan["steps"]  # the CLI's payload
        assert client.get("/v1/partners/P-003/onboarding", headers=headers["u-ps-3"]).status_code == 200
        assert client.get("/v1/partners/P-004/onboarding", headers=headers["u-ps-3"]).status_code == 403
        assert client.get("/v1/partners/P-003/onboarding", headers=headers["u-mkt"]).status_code == 403
        assert client.get("/v1/partners/P-999/onboarding", headers=headers["u-admin"]).status_code == 404
        assert client.get("/v1/partners/P-003/onboarding").status_code == 401


def test_bad_offsets_in_vendor_yaml_are_named(tmp_path):
    folder, _ = write(tmp_path / "import")
    text = (folder / "vendor.yaml").read_text().replace("'first_win': 120", "'first_win': 'soon'")
    (folder / "vendor.yaml").write_text(text)
    ctx = AppContext(Settings(home=tmp_path / "home", today=TODAY.isoformat()))
    try:
        ingest_folder(ctx, folder)
        with pytest.raises(BadInput, match=r"onboarding_days\.first_win"):
            onboarding_plan(ctx, Scope.operator(), "P-001", content_lookup=no_content)
    finally:
        ctx.close()


def test_a_revenue_step_is_in_the_vendors_reporting_currency():
    """vendor.yaml tier minimums are in `reporting_currency` (DATA.md): a GBP vendor's step says £, not $."""
    from tools.onboarding.steps import PartnerFacts, TierRequirement, tier_result_steps

    facts = PartnerFacts(partner_id="P-7", tier="registered", joined_on=dt.date(2026, 1, 5), competencies=[],
                         certified={}, requirements=[TierRequirement("silver", "won_revenue_12m", 75_000, 12_500,
                                                                     False)],
                         today=dt.date(2026, 6, 1), currency="GBP")
    (_, title, _, met, evidence, _), = tier_result_steps(facts)
    assert "£75,000" in title and not met and "$" not in title
    assert "£12,500" in evidence[0] and "£75,000" in evidence[0]
