"""Programme analytics: permissions, drill-down, periods, at-risk ranking, the digest (Slack), vendor.yaml
currency settings, and the CLI / API doors."""
from __future__ import annotations

import csv
import datetime as dt
import json
import shutil

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from assistant.api import create_app
from assistant.cli import app
from assistant.core.config import Settings
from assistant.core.errors import BadInput, Forbidden
from assistant.engine.context import AppContext
from connectors.csv_folder import read_import_folder
from retrieval import records as R
from retrieval.ingest import replace_records
from retrieval.scope import Scope, issue_api_key, scope_for_user
from tests.fakes.slack_api import FakeSlack
from tools.analytics import service
from tools.analytics.periods import months_starting_in, period

TODAY = dt.date(2026, 11, 15)
SELLER, MARKETER, CM = "u-ps-alpine", "u-mkt-1", "u-cm-1"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """The demo world (records only), partners.csv naming u-cm-1 as channel manager of every third partner."""
    from evals.demo.generator import generate

    folder = tmp_path_factory.mktemp("analytics") / "import"
    generate(folder, today=TODAY)
    shutil.rmtree(folder / "content", ignore_errors=True)
    path = folder / "partners.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for i, row in enumerate(rows):
        row["channel_manager"] = CM if i % 3 == 0 else "u-cm-2"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    home = tmp_path_factory.mktemp("analytics-home")
    ctx = AppContext(Settings(home=home, today=TODAY))
    replace_records(ctx, read_import_folder(folder))
    yield ctx, folder, home, {r["partner_id"] for r in rows if r["channel_manager"] == CM}
    ctx.close()


def as_user(ctx, user_id):
    return scope_for_user(ctx.store, user_id)


# --- attribution ---------------------------------------------------------------------------------


def test_partner_seller_sees_its_own_figures_only(world):
    ctx, *_ = world
    seller = as_user(ctx, SELLER)
    mine = service.attribution(ctx, seller)
    assert mine.totals is None and [p.partner_id for p in mine.partners] == [seller.partner_id]
    everyone = service.attribution(ctx, Scope.operator())
    row = next(p for p in everyone.partners if p.partner_id == seller.partner_id)
    assert (mine.partners[0].sourced, mine.partners[0].won_deals) == (row.sourced, row.won_deals)
    other = next(p.partner_id for p in everyone.partners if p.partner_id != seller.partner_id)
    with pytest.raises(Forbidden):
        service.attribution(ctx, seller, partner_id=other)
    drill = service.attribution(ctx, seller, partner_id=seller.partner_id, deals=True).partners[0].deals
    assert drill, "the partner's own deals"
    with ctx.records(seller) as rec:
        visible = {o.opportunity_id for o in rec.opportunities()}
    assert {d.opportunity_id for d in drill} <= visible


def test_marketer_sees_totals(world):
    ctx, *_ = world
    data = service.attribution(ctx, as_user(ctx, MARKETER))
    assert data.totals is not None and data.totals.won_revenue > 0


def test_drill_down_adds_up_to_each_figure(world):
    ctx, *_ = world
    everyone = service.attribution(ctx, Scope.operator(), "2025-06-01", "2026-05-31")
    checked = 0
    for p in everyone.partners[:8]:
        one = service.attribution(ctx, Scope.operator(), "2025-06-01", "2026-05-31", p.partner_id, True).partners[0]
        role = [d for d in one.deals if d.credit != "influence_model"]
        model = [d for d in one.deals if d.credit == "influence_model"]
        assert sum(d.amount_reporting for d in role) == pytest.approx(p.sourced + p.influenced + p.fulfillment)
        assert len(role) == p.won_deals
        assert sum(d.amount_reporting for d in model) == pytest.approx(p.influence_model_revenue)
        assert all(d.evidence for d in one.deals)
        assert all("2025-06-01" <= d.close_date <= "2026-05-31" for d in one.deals)
        checked += bool(model)
    assert checked, "some partner has influence-model deals"


def test_periods():
    assert period(TODAY, None, None) == (dt.date(2025, 11, 16), TODAY)
    assert months_starting_in(dt.date(2025, 10, 15), dt.date(2026, 1, 1)) == ["2025-11", "2025-12", "2026-01"]
    assert months_starting_in(dt.date(2026, 2, 1), dt.date(2026, 2, 28)) == ["2026-02"]
    with pytest.raises(BadInput, match="--from"):
        period(TODAY, "2026-05-01", "2026-04-01")
    with pytest.raises(BadInput, match="not an ISO date"):
        period(TODAY, "yesterday", None)


# --- portfolio -----------------------------------------------------------------------------------


def test_portfolio_is_internal_only(world):
    ctx, *_ = world
    for user in (SELLER, MARKETER):
        with pytest.raises(Forbidden):
            service.portfolio(ctx, as_user(ctx, user))
        with pytest.raises(Forbidden):
            service.digest(ctx, as_user(ctx, user), CM)


def test_planted_decline_leads_the_at_risk_list(world):
    ctx, folder, *_ = world
    planted = json.loads((folder / "truth" / "planted.json").read_text())["situations"]["logins_collapse"]
    data = service.portfolio(ctx, as_user(ctx, CM))
    assert planted["partner_id"] in data.at_risk[:3]
    row = next(p for p in data.partners if p.partner_id == planted["partner_id"])
    assert any("Portal logins" in r and "%" in r for r in row.risk_reasons)
    assert all(p.health_change_90d is not None for p in data.partners)
    healthy = [p for p in data.partners if p.health >= 80 and (p.health_change_90d or 0) >= 0]
    assert healthy and not any(p.partner_id in data.at_risk[:5] for p in healthy)


# --- digest --------------------------------------------------------------------------------------


def test_digest_covers_the_managers_partners_and_posts_to_slack(world):
    ctx, _, home, mine = world
    data = service.digest(ctx, Scope.operator(), CM)
    assert data["partners"] == len(mine)
    assert {s["partner_id"] for s in data["stalled_deals"]} <= mine
    assert {o["partner_id"] for o in data["new_overlaps"]} <= mine
    assert data["blocks"][0]["type"] == "header" and data["blocks"][-1]["type"] == "actions"
    with pytest.raises(BadInput, match="no digest"):
        service.digest(ctx, Scope.operator(), SELLER)
    with FakeSlack() as slack:
        posting = AppContext(Settings(home=home, today=TODAY, slack_bot_token="xoxb-test",
                                      slack_api_url=slack.api_url))
        try:
            sent = service.digest(posting, Scope.operator(), CM, send=True)
        finally:
            posting.close()
        call = slack.wait_for("chat.postMessage")[0]
    assert call["body"]["channel"] == data["slack_user_id"] and sent["posted"]["ts"]
    assert call["body"]["blocks"][0]["text"]["text"].startswith("Your partner week")


# --- vendor.yaml ---------------------------------------------------------------------------------


def test_vendor_currency_settings(tmp_path, world):
    _, folder, *_ = world
    target = tmp_path / "import"
    shutil.copytree(folder, target)
    (target / "vendor.yaml").write_text("name: X\nreporting_currency: eur\nfx_rates: {usd: 0.9, GBP: -1}\n")
    bundle = read_import_folder(target)
    assert bundle.vendor.reporting_currency == "EUR" and bundle.vendor.fx_rates == {"USD": 0.9}
    assert any(r.file == "vendor.yaml" and "fx_rates.GBP" in r.message for r in bundle.rejected)


# --- doors ---------------------------------------------------------------------------------------


def test_cli_exit_codes(world, monkeypatch):
    _, _, home, _ = world
    monkeypatch.setenv("COSELL_HOME", str(home))
    monkeypatch.setenv("COSELL_TODAY", TODAY.isoformat())
    runner = CliRunner()
    ok = runner.invoke(app, ["attribution", "--from", "2026-01-01", "--to", "2026-03-31", "--json"])
    assert ok.exit_code == 0 and json.loads(ok.stdout)["from"] == "2026-01-01"
    bad = runner.invoke(app, ["attribution", "--from", "2026-13-01", "--json"])
    assert bad.exit_code == 2 and "--from" in json.loads(bad.stdout)["error"]["message"]
    assert runner.invoke(app, ["portfolio", "--as", MARKETER, "--json"]).exit_code == 4
    shown = runner.invoke(app, ["attribution", "--from", "2026-01-01", "--to", "2026-03-31", "--deals"])
    assert shown.exit_code == 0 and shown.stdout.startswith("Won revenue 2026-01-01 to 2026-03-31"), shown.stdout
    portfolio = runner.invoke(app, ["portfolio"])
    assert portfolio.exit_code == 0 and "at risk (worst first)" in portfolio.stdout, portfolio.stdout


def test_api_routes(world):
    ctx, *_ = world
    keys = {u: issue_api_key(ctx.store, u) for u in (SELLER, CM)}
    with TestClient(create_app(ctx)) as client:
        seller = {"Authorization": f"Bearer {keys[SELLER]}"}
        got = client.get("/v1/attribution", params={"from": "2026-01-01", "to": "2026-06-30"}, headers=seller)
        assert got.status_code == 200 and got.json()["totals"] is None and got.json()["from"] == "2026-01-01"
        assert client.get("/v1/portfolio", headers=seller).status_code == 403
        cm = {"Authorization": f"Bearer {keys[CM]}"}
        assert client.get("/v1/portfolio", headers=cm).json()["at_risk"]
        assert client.get("/v1/digest", params={"user": CM}, headers=cm).json()["user_id"] == CM
        bad = client.get("/v1/attribution", params={"from": "bad"}, headers=cm)
        assert bad.status_code == 422 and "--from" in bad.json()["error"]["message"]


# --- the scheduled digest ------------------------------------------------------------------------


def test_scheduled_digest(world, monkeypatch, tmp_path):
    import fcntl

    from tools.analytics import schedule

    ctx, _, home, _ = world
    with pytest.raises(BadInput, match="COSELL_DIGEST_SCHEDULE"):
        schedule.trigger("every monday")
    monkeypatch.setenv("COSELL_DIGEST_SCHEDULE", "0 8 * * MON")
    with TestClient(create_app(ctx)):  # the router's lifespan starts the scheduler, holding the lock
        with (home / "digest-schedule.lock").open("w") as other, pytest.raises(OSError):
            fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert service.start_digest_schedule(ctx) is None  # a second process would skip
    with FakeSlack() as slack:
        posting = AppContext(Settings(home=home, today=TODAY, slack_bot_token="xoxb-test", slack_api_url=slack.api_url))
        try:
            sent = service.post_all_digests(posting)
        finally:
            posting.close()
        with posting.records(Scope.system()) as rec:
            managers = {u.user_id for u in rec.session.query(R.User).filter(R.User.role == "channel_manager",
                                                                              R.User.slack_user_id.is_not(None))}
        assert managers and {s["user_id"] for s in sent} == managers and len(slack.of("chat.postMessage")) == len(managers)
