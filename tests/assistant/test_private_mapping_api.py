"""POST /v1/partners/{id}/private-overlaps and PUT .../vendor-digests through the real app factory (the
router is part of create_app): auth, the `map` permission row, sharing, body validation."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from assistant.api import create_app
from retrieval.scope import Scope, issue_api_key
from tests.tools import mapping_world as world
from tools.private_mapping.service import hash_partner_csv, hash_vendor_accounts


@pytest.fixture()
def api(tmp_path):
    ctx = world.build(tmp_path / "home")
    app = create_app(ctx)  # the private-mapping router is part of the app
    keys = {u: {"Authorization": f"Bearer {issue_api_key(ctx.store, u)}"} for u, _, _ in world.USERS}
    partner = hash_partner_csv(world.write_partner_csv(tmp_path / "pa.csv"), world.SECRET)
    vendor = hash_vendor_accounts(ctx, Scope("u-cm", "channel_manager"), world.SECRET)
    with TestClient(app) as client:
        yield client, ctx, keys, partner.model_dump(mode="json")["rows"], vendor.model_dump(mode="json")["rows"]
    ctx.close()


def test_routes_are_documented(api):
    client, *_ = api
    paths = client.get("/openapi.json").json()["paths"]
    assert "post" in paths["/v1/partners/{partner_id}/private-overlaps"]
    assert "put" in paths["/v1/partners/{partner_id}/private-overlaps/vendor-digests"]


def test_the_vendor_publishes_then_the_partner_seller_gets_counts_only(api):
    client, ctx, keys, partner, vendor = api
    url = "/v1/partners/P1/private-overlaps"
    assert client.post(url, json={"rows": partner}, headers=keys["u-p1"]).status_code == 422  # nothing published
    assert client.put(f"{url}/vendor-digests", json={"rows": vendor}, headers=keys["u-p1"]).status_code == 403
    published = client.put(f"{url}/vendor-digests", json={"rows": vendor}, headers=keys["u-cm"])
    assert published.status_code == 200 and published.json()["rows"] == len(world.ACCOUNTS)

    seller = client.post(url, json={"rows": partner}, headers=keys["u-p1"]).json()
    assert seller["released"] == "counts" and seller["matches"] == [] and seller["overlap"] == 7
    assert not [s for s in world.vendor_strings() if s in json.dumps(seller)]  # no vendor account id or name
    internal = client.post(url, json={"rows": partner}, headers=keys["u-cm"]).json()
    assert internal["released"] == "rows" and {m["vendor_ref"] for m in internal["matches"]} == {
        a for a, *_ in world.ACCOUNTS}
    world.set_vendor_sharing(ctx, "accounts")
    assert client.post(url, json={"rows": partner}, headers=keys["u-p1"]).json()["released"] == "rows"


@pytest.mark.parametrize("user, partner_id, body, status", [
    (None, "P1", "partner", 401),
    ("u-mkt", "P1", "partner", 403),
    ("u-p2", "P1", "partner", 403),  # another partner's mapping
    ("u-p1", "P1", "both", 403),  # a partner never supplies the vendor's digests
    ("u-cm", "P9", "partner", 404),
    ("u-cm", "P1", "bad_digest", 422),
    ("u-cm", "P1", "missing_rows", 422),
    ("u-cm", "P1", "both", 200),  # the vendor's users may bring the vendor's digests themselves
])
def test_who_may_call_and_bad_bodies(api, user, partner_id, body, status):
    client, _, keys, partner, vendor = api
    bodies = {"partner": {"rows": partner}, "both": {"rows": partner, "vendor_rows": vendor},
              "bad_digest": {"rows": [{**partner[0], "name_hash": "acme"}]}, "missing_rows": {}}
    response = client.post(f"/v1/partners/{partner_id}/private-overlaps", json=bodies[body],
                           headers=keys.get(user, {}))
    assert response.status_code == status, response.text
    if status != 200:
        assert "error" in response.json()
