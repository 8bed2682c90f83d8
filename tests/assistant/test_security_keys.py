"""API keys listed, revoked and expiring (issue 15): `cosell users keys|revoke|key --expires-days`."""
from __future__ import annotations

import datetime as dt
import json

from fastapi.testclient import TestClient
from sqlalchemy import select
from typer.testing import CliRunner

from assistant.api.app import create_app
from assistant.cli import app as cli_app
from retrieval.api_key_expiry import ApiKeyExpiry
from tests.assistant import world

runner = CliRunner()


def cli(*args: str) -> tuple[int, dict]:
    result = runner.invoke(cli_app, [*args, "--json"])
    return result.exit_code, json.loads(result.stdout.strip().splitlines()[-1])


def test_keys_listed_revoked_and_expiring(world_ctx, fake_tools, monkeypatch):
    monkeypatch.setenv("COSELL_HOME", str(world_ctx.settings.home_dir))
    monkeypatch.setenv("COSELL_TODAY", world.TODAY.isoformat())
    code, first = cli("users", "key", "u-ps1")
    assert code == 0 and first["expires_at"] is None
    code, second = cli("users", "key", "u-ps1", "--expires-days", "7")
    assert code == 0 and second["expires_at"]
    code, listed = cli("users", "keys", "u-ps1")
    assert code == 0 and {k["key_id"] for k in listed["keys"]} == {first["key_id"], second["key_id"]}
    assert all(first["key"] not in json.dumps(k) for k in listed["keys"])  # ids, never the keys
    assert cli("users", "key", "u-ps1", "--expires-days", "0")[0] == 2
    assert cli("users", "keys", "--as", "u-ps1")[0] == 4  # admins only

    with TestClient(create_app(world_ctx, warm_up=False)) as client:
        def status(key):
            return client.get("/v1/search", params={"q": "deal"}, headers={"Authorization": f"Bearer {key}"}).status_code

        assert status(first["key"]) == 200 and status(second["key"]) == 200
        code, revoked = cli("users", "revoke", first["key_id"])
        assert code == 0 and revoked["revoked"] and status(first["key"]) == 401
        assert cli("users", "revoke", first["key_id"])[0] != 0  # gone: NotFound
        with world_ctx.store.session() as s:  # time passes: the second key expires
            row = s.scalars(select(ApiKeyExpiry)).one()
            row.expires_at = dt.datetime(2000, 1, 1)
        r = client.get("/v1/search", params={"q": "deal"}, headers={"Authorization": f"Bearer {second['key']}"})
        assert r.status_code == 401 and "expired" in r.json()["error"]["message"]
    code, listed = cli("users", "keys")
    assert [k["expired"] for k in listed["keys"] if k["key_id"] == second["key_id"]] == [True]


def test_drafts_list_is_paginated_not_cut_at_200(world_ctx, monkeypatch, api_keys):
    from retrieval import records as R

    with world_ctx.store.session() as s:
        s.add_all([R.DraftRow(draft_id=f"DR-{i:04d}", kit_id="streaming-starter", partner_id="P-001", locale="en",
                              channel="email", body=f"draft {i}", created_by="u-mkt",
                              created_at=dt.datetime(2026, 1, 1) + dt.timedelta(minutes=i)) for i in range(230)])
    monkeypatch.setenv("COSELL_HOME", str(world_ctx.settings.home_dir))
    monkeypatch.setenv("COSELL_TODAY", world.TODAY.isoformat())
    code, first = cli("drafts", "list", "--limit", "200")
    assert code == 0 and len(first["drafts"]) == 200 and first["total"] == 230 and first["next_offset"] == 200
    code, rest = cli("drafts", "list", "--limit", "200", "--offset", "200")
    assert len(rest["drafts"]) == 30 and rest["next_offset"] is None
    seen = {d["draft_id"] for d in first["drafts"] + rest["drafts"]}
    assert len(seen) == 230
    assert cli("drafts", "list", "--limit", "0")[0] == 2
    with TestClient(create_app(world_ctx, warm_up=False)) as client:
        r = client.get("/v1/drafts", params={"limit": 50, "offset": 220},
                       headers={"Authorization": f"Bearer {api_keys['u-mkt']}"})
        assert r.status_code == 200 and len(r.json()["drafts"]) == 10 and r.json()["total"] == 230
        bad = client.get("/v1/drafts", params={"limit": 10**6}, headers={"Authorization": f"Bearer {api_keys['u-mkt']}"})
        assert bad.status_code == 422
