"""What a partner seller sees of account mapping, through every door: `cosell map`, GET
/v1/partners/{id}/overlaps and `ask`. Never another partner's rows; of the vendor's side, rows only when
vendor.yaml's account_sharing is `accounts` (CLI.md, "Who may see what"). Internal users see a partner's
rows only when that partner shares `accounts`."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from assistant.api import create_app
from assistant.cli import app as cosell
from assistant.engine.agent import ask
from retrieval.scope import issue_api_key, scope_for_user
from tests.tools import mapping_world as world

runner = CliRunner()


@pytest.fixture()
def ctx(tmp_path, monkeypatch):
    ctx = world.build(tmp_path / "home")
    monkeypatch.setenv("COSELL_HOME", str(tmp_path / "home"))
    yield ctx
    ctx.close()


def cli_map(partner_id: str, user: str) -> tuple[int, dict]:
    result = runner.invoke(cosell, ["map", partner_id, "--as", user, "--json"])
    return result.exit_code, json.loads(result.stdout.strip().splitlines()[-1])


def leaked_vendor_strings(payload) -> list[str]:
    text = payload if isinstance(payload, str) else json.dumps(payload)
    return [s for s in world.vendor_strings() if s in text]


def other_partners_rows(payload: dict, own: str) -> list[str]:
    return [o["row_key"] for o in payload.get("overlaps", []) if not o["row_key"].startswith(f"{own}-")]


@pytest.mark.parametrize("vendor_sharing, rows_shown", [("none", False), ("counts", False), ("accounts", True)])
def test_cli_map_for_a_partner_seller(ctx, vendor_sharing, rows_shown):
    world.set_vendor_sharing(ctx, vendor_sharing)
    code, own = cli_map("P1", "u-p1")
    assert code == 0 and sum(c["count"] for c in own["summary"]) >= 7  # the counts, always
    assert not other_partners_rows(own, "P1")
    assert bool(own["overlaps"]) is rows_shown and bool(leaked_vendor_strings(own)) is rows_shown
    for other in ("P2", "P3"):
        code, data = cli_map(other, "u-p1")
        assert code == 4 and data["error"]["code"] == "forbidden" and not leaked_vendor_strings(data)


@pytest.mark.parametrize("partner_id, rows_shown", [("P1", True), ("P2", False), ("P3", False)])
def test_cli_map_for_the_vendor_follows_the_partners_sharing(ctx, partner_id, rows_shown):
    code, data = cli_map(partner_id, "u-cm")
    assert code == 0 and bool(data["overlaps"]) is rows_shown and not other_partners_rows(data, partner_id)
    assert cli_map(partner_id, "u-mkt")[0] == 4


def test_api_overlaps_for_a_partner_seller(ctx):
    key = {"Authorization": f"Bearer {issue_api_key(ctx.store, 'u-p1')}"}
    with TestClient(create_app(ctx)) as client:
        for other in ("P2", "P3"):
            response = client.get(f"/v1/partners/{other}/overlaps", headers=key)
            assert response.status_code == 403 and not leaked_vendor_strings(response.text)
        own = client.get("/v1/partners/P1/overlaps", headers=key).json()
        assert own["overlaps"] == [] and own["summary"] and not leaked_vendor_strings(own)
        world.set_vendor_sharing(ctx, "accounts")
        shared = client.get("/v1/partners/P1/overlaps", headers=key).json()
        assert len(shared["overlaps"]) == 7 and not other_partners_rows(shared, "P1")


def test_ask_for_a_partner_seller(ctx):
    seller = scope_for_user(ctx.store, "u-p1")
    other = ask(ctx, seller, "Which accounts do we share with Thames Data?")
    assert other.withheld and not leaked_vendor_strings(other.answer)
    assert all(t.arguments.get("partner_id") in (None, "P1") for t in other.tools)  # never P2's mapping
    own = ask(ctx, seller, "Which accounts do we share with Alpine IT?")
    assert own.tools and own.tools[0].arguments == {"partner_id": "P1"}
    assert own.withheld and not leaked_vendor_strings(own.answer)  # vendor.yaml shares counts only
    world.set_vendor_sharing(ctx, "accounts")
    shared = ask(ctx, seller, "Which accounts do we share with Alpine IT?")
    assert not shared.withheld and "Acme Corporation (A-101)" in shared.answer
