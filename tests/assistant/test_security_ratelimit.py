"""Rate limits per API key (issue 15): stricter on the registration check, 429 with Retry-After."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.core.config import Settings
from assistant.core.errors import BadInput
from assistant.engine.context import AppContext
from retrieval.scope import issue_api_key
from tests.assistant import world


@pytest.fixture()
def limited(tmp_path, fake_tools):
    base = world.build_world(tmp_path / "home")
    ctx = AppContext(world.settings_with(base, rate_limit="8/minute", rate_limit_sensitive="3/minute"))
    keys = {u: issue_api_key(ctx.store, u) for u in ("u-ps1", "u-ps2")}
    with TestClient(create_app(ctx, warm_up=False)) as client:
        yield client, keys
    ctx.close()
    base.close()


def test_the_registration_check_is_throttled_per_key(limited):
    client, keys = limited
    body = {"partner_id": "P-001", "account_name": "Acme Corporation"}
    codes = [client.post("/v1/deal-registrations/check", json=body, headers=world.auth(keys, "u-ps1")).status_code
             for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    r = client.post("/v1/deal-registrations/check", json=body, headers=world.auth(keys, "u-ps1"))
    assert r.status_code == 429 and 1 <= int(r.headers["retry-after"]) <= 60
    assert r.json()["error"]["code"] == "rate_limited" and r.headers["x-frame-options"] == "DENY"
    other = client.post("/v1/deal-registrations/check", json={**body, "partner_id": "P-002"},
                        headers=world.auth(keys, "u-ps2"))
    assert other.status_code == 200  # another key has its own budget
    # the private-overlap route shares the strict budget
    r = client.post("/v1/partners/P-001/private-overlaps", json={}, headers=world.auth(keys, "u-ps1"))
    assert r.status_code == 429


def test_every_route_has_the_general_limit_and_healthz_none(limited):
    client, keys = limited
    codes = [client.get("/v1/search", params={"q": "deal"}, headers=world.auth(keys, "u-ps2")).status_code
             for _ in range(9)]
    assert codes[:8] == [200] * 8 and codes[8] == 429
    assert all(client.get("/healthz").status_code == 200 for _ in range(12))
    unauthenticated = [client.get("/v1/search", params={"q": "x"}).status_code for _ in range(9)]
    assert unauthenticated[-1] == 429  # without a key, by client address


def test_a_bad_limit_setting_is_bad_input(tmp_path):
    ctx = AppContext(Settings(home=tmp_path, rate_limit="lots"))
    with pytest.raises(BadInput, match="COSELL_RATE_LIMIT"):
        create_app(ctx, warm_up=False)
    ctx.close()
