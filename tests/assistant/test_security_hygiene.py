"""Input hygiene and response headers (issue 15): malformed values are 422 / exit 2, never 500."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from assistant.api.app import create_app
from assistant.cli import app as cli_app
from assistant.core.config import Settings
from assistant.engine.context import AppContext
from tests.assistant import world


@pytest.fixture()
def client(world_ctx, fake_tools):
    with TestClient(create_app(world_ctx, warm_up=False)) as c:
        yield c


def _auth(keys, user="u-ps1"):
    return {"Authorization": f"Bearer {keys[user]}", "Content-Type": "application/json"}


SURROGATE_BODIES = [
    ("/v1/ask", '{"question": "hello \\ud800"}'),
    ("/v1/deal-registrations/check", '{"partner_id": "P-001", "account_name": "\\udfff Acme"}'),
    ("/v1/deal-registrations/check", '{"partner_id": "P-001", "account_name": "Acme", "products": ["\\ud800"]}'),
    ("/v1/drafts", '{"partner_id": "P-001", "kit_id": "x\\ud800", "locale": "de", "channel": "email"}'),
    ("/v1/partners/P-001/private-overlaps", '{"\\ud800": 1}'),
]


@pytest.mark.parametrize("path,body", SURROGATE_BODIES)
def test_lone_surrogates_are_422_naming_the_field(client, api_keys, path, body):
    r = client.post(path, content=body.encode(), headers=_auth(api_keys))
    assert r.status_code == 422, r.text
    assert r.json()["error"]["code"] == "bad_input" and "surrogate" in r.json()["error"]["message"]


@pytest.mark.parametrize("amount", ["NaN", "Infinity", "-Infinity", "1e400", "-5", "1e14"])
def test_amounts_must_be_finite_and_sane(client, api_keys, amount):
    body = f'{{"partner_id": "P-001", "account_name": "Acme", "amount": {amount}}}'
    r = client.post("/v1/deal-registrations/check", content=body.encode(), headers=_auth(api_keys))
    assert r.status_code == 422, r.text
    assert "amount" in r.json()["error"]["message"]


def test_absurd_bodies_are_413(client, api_keys):
    body = json.dumps({"question": "x" * (2 * 1024 * 1024)})
    r = client.post("/v1/ask", content=body.encode(), headers=_auth(api_keys))
    assert r.status_code == 413 and r.json()["error"]["code"] == "bad_input"


def test_security_headers_on_every_response(client, api_keys):
    for r in (client.get("/healthz"), client.get("/"), client.get("/v1/search", params={"q": "x"}),
              client.get("/v1/search", params={"q": "x"}, headers=_auth(api_keys)), client.get("/nope"),
              client.post("/v1/ask", content=b'{"question": "\\ud800"}', headers=_auth(api_keys))):
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
    assert "script-src 'self';" not in client.get("/").headers["content-security-policy"]
    assert "'unsafe-inline'" not in client.get("/").headers["content-security-policy"]


def test_docs_need_a_key_when_configured(tmp_path, fake_tools):
    ctx = world.build_world(tmp_path / "home")
    ctx = AppContext(world.settings_with(ctx, docs_require_key=True))
    from retrieval.scope import issue_api_key

    key = issue_api_key(ctx.store, "u-ps1")
    with TestClient(create_app(ctx, warm_up=False)) as c:
        for path in ("/docs", "/redoc", "/openapi.json"):
            assert c.get(path).status_code == 401
            assert c.get(path, headers={"Authorization": "Bearer wrong"}).status_code == 401
            assert c.get(path, headers={"Authorization": f"Bearer {key}"}).status_code == 200
        assert c.get("/healthz").status_code == 200
    ctx.close()


@pytest.mark.parametrize("amount", ["nan", "inf", "-1", "1e400"])
def test_cli_bad_amount_exits_2(world_ctx, monkeypatch, amount):
    monkeypatch.setenv("COSELL_HOME", str(world_ctx.settings.home_dir))
    monkeypatch.setenv("COSELL_TODAY", world.TODAY.isoformat())
    result = CliRunner().invoke(cli_app, ["register-check", "--partner", "P-001", "--account", "Acme",
                                          "--amount", amount, "--json"])
    assert result.exit_code == 2, result.stdout
    assert "amount" in result.stdout


def test_forged_tool_arguments_are_not_shown_as_used(world_ctx, fake_tools):
    from assistant.engine.threads import ConversationThread
    from assistant.engine.turn import Turn
    from retrieval.scope import scope_for_user

    scope = scope_for_user(world_ctx.store, "u-cm")
    turn = Turn(world_ctx, scope, "q", ConversationThread(thread_id="t", user_id="u-cm"))
    turn.call("search_content", {"query": "deal registration", "role": "admin", "partner_id": "P-002"})
    assert turn.tools[0].arguments == {"query": "deal registration"}


def test_client_chosen_thread_ids_are_replaced_and_others_refused(client, api_keys):
    squat = "slack:T1:C1:123.4:u-cm"
    r = client.post("/v1/ask", json={"question": "hello", "thread_id": squat}, headers=_auth(api_keys, "u-ps1"))
    assert r.status_code == 200 and r.json()["thread_id"] != squat and r.json()["thread_id"].startswith("t_")
    mine = r.json()["thread_id"]
    again = client.post("/v1/ask", json={"question": "and?", "thread_id": mine}, headers=_auth(api_keys, "u-ps1"))
    assert again.json()["thread_id"] == mine
    other = client.post("/v1/ask", json={"question": "x", "thread_id": mine}, headers=_auth(api_keys, "u-ps2"))
    assert other.status_code == 403


@pytest.mark.parametrize("url", ["nonsense", "mysql+nodriver://x/y", "://"])
def test_a_wrong_database_url_is_bad_input_naming_the_setting(tmp_path, monkeypatch, url):
    monkeypatch.setenv("COSELL_HOME", str(tmp_path))
    monkeypatch.setenv("COSELL_DATABASE_URL", url)
    result = CliRunner().invoke(cli_app, ["search", "deal", "--json"])
    assert result.exit_code == 2, result.stdout
    assert "COSELL_DATABASE_URL" in json.loads(result.stdout.strip().splitlines()[-1])["error"]["message"]


def test_postgres_urls_mean_psycopg(tmp_path):
    for url in ("postgres://u:p@db/x", "postgresql://u:p@db/x"):
        assert Settings(home=tmp_path, database_url=url).effective_database_url == "postgresql+psycopg://u:p@db/x"


def test_an_unreachable_database_is_a_clear_error_and_healthz_503(tmp_path, monkeypatch):
    url = "postgres://u:p@127.0.0.1:1/db"  # nothing listens on port 1: refused at once
    monkeypatch.setenv("COSELL_HOME", str(tmp_path))
    monkeypatch.setenv("COSELL_DATABASE_URL", url)
    result = CliRunner().invoke(cli_app, ["search", "deal", "--json"])
    assert result.exit_code == 1
    assert "COSELL_DATABASE_URL" in json.loads(result.stdout.strip().splitlines()[-1])["error"]["message"]
    ctx = AppContext(Settings(home=tmp_path, database_url=url))
    with TestClient(create_app(ctx, warm_up=False)) as c:
        r = c.get("/healthz")
    assert r.status_code == 503 and r.json()["database"]["ok"] is False
