"""The HTTP API through the real app factory: auth, the route table, errors, permissions, SSE."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from assistant.api import create_app
from tests.assistant.world import auth


@pytest.fixture()
def client(world_ctx, fake_tools):
    with TestClient(create_app(world_ctx)) as c:
        yield c


def test_health_docs_and_page(client):
    health = client.get("/healthz").json()
    assert health["status"] == "ok" and health["engine"] == "deterministic"
    assert isinstance(health["ready"], bool) and "steps" in health["warmup"]
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/v1/ask",
        "/v1/search",
        "/v1/partners/{partner_id}/overlaps",
        "/v1/drafts",
        "/v1/ingest",
        "/v1/opportunities/{opportunity_id}/partner-matches",
        "/v1/deal-registrations/check",
    ):
        assert path in paths
    page = client.get("/")
    assert page.status_code == 200 and "Co-sell Copilot" in page.text
    assert client.get("/static/app.js").status_code == 200


def test_401_without_or_with_a_bad_key(client):
    for headers in ({}, {"Authorization": "Bearer nope"}, {"Authorization": "Basic abc"}):
        response = client.post("/v1/ask", json={"question": "hi"}, headers=headers)
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "forbidden"
        assert response.headers["www-authenticate"] == "Bearer"
    assert client.get("/v1/search", params={"q": "x"}).status_code == 401


def test_ask_json_and_thread(client, api_keys):
    first = client.post(
        "/v1/ask",
        json={"question": "Which partners should we bring into the Acme renewal?"},
        headers=auth(api_keys, "u-cm"),
    )
    body = first.json()
    assert first.status_code == 200 and body["engine"] == "deterministic"
    assert body["tools"] == [{"name": "match_partners", "arguments": {"opportunity_id": "OPP-001", "top": 5}}]
    assert set(body) >= {"answer", "citations", "tools", "thread_id", "withheld"}
    more = client.post(
        "/v1/ask",
        json={"question": "and who else?", "thread_id": body["thread_id"]},
        headers=auth(api_keys, "u-cm"),
    )
    assert more.json()["tools"][0]["arguments"]["top"] == 10
    stolen = client.post(
        "/v1/ask",
        json={"question": "and who else?", "thread_id": body["thread_id"]},
        headers=auth(api_keys, "u-ps1"),
    )
    assert stolen.status_code == 403


def test_ask_streams_server_sent_events(client, api_keys):
    for kwargs in (
        {"json": {"question": "How is Alpine IT doing?", "stream": True}},
        {"json": {"question": "How is Alpine IT doing?"}, "headers": {"Accept": "text/event-stream"}},
    ):
        headers = {**auth(api_keys, "u-cm"), **kwargs.pop("headers", {})}
        with client.stream("POST", "/v1/ask", headers=headers, **kwargs) as response:
            assert response.headers["content-type"].startswith("text/event-stream")
            text = "".join(response.iter_text())
        events = [block.split("\n", 1) for block in text.strip().split("\n\n")]
        assert [e[0] for e in events] == ["event: tool", "event: answer"]
        answer = json.loads(events[1][1].removeprefix("data: "))
        assert answer["tools"][0]["name"] == "next_best_actions"


def test_422_for_bad_bodies(client, api_keys):
    headers = auth(api_keys, "u-cm")
    assert client.post("/v1/ask", json={"question": ""}, headers=headers).status_code == 422
    assert client.post("/v1/ask", content=b"not json", headers=headers).status_code == 422
    bad = client.post(
        "/v1/drafts",
        json={"partner_id": "P-001", "kit_id": "k", "locale": "de", "channel": "fax"},
        headers=headers,
    )
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "bad_input"
    assert client.get("/v1/search", headers=headers).status_code == 422
    assert (
        client.get(
            "/v1/opportunities/OPP-001/partner-matches", params={"top": 0}, headers=headers
        ).status_code
        == 422
    )
    assert client.post("/v1/drafts/D-1/reject", json={}, headers=headers).status_code == 422


def test_404_for_unknown_ids(client, api_keys):
    headers = auth(api_keys, "u-cm")
    for path in (
        "/v1/partners/P-999/overlaps",
        "/v1/opportunities/OPP-999/partner-matches",
        "/v1/partners/P-999/next-best-actions",
        "/v1/opportunities/OPP-999/next-best-actions",
    ):
        response = client.get(path, headers=headers)
        assert response.status_code == 404, path
        assert response.json()["error"]["code"] == "bad_input"
    assert client.post("/v1/drafts/D-9/approve", json={}, headers=headers).status_code == 404


def test_routes_return_the_tools_json(client, api_keys):
    headers = auth(api_keys, "u-cm")
    assert client.get("/v1/search", params={"q": "deal registration", "k": 2}, headers=headers).json()[
        "results"
    ]
    assert client.get("/v1/partners/P-002/overlaps", headers=headers).json()["partner_id"] == "P-002"
    matches = client.get(
        "/v1/opportunities/OPP-001/partner-matches", params={"top": 2}, headers=headers
    ).json()
    assert len(matches["partners"]) == 2
    assert client.get("/v1/opportunities/OPP-001/next-best-actions", headers=headers).json()["actions"]
    draft = client.post(
        "/v1/drafts",
        json={"partner_id": "P-001", "kit_id": "lakehouse-modernisation", "locale": "de", "channel": "email"},
        headers=headers,
    ).json()
    assert draft["body"] == "Hallo <b>zusammen</b>"
    assert client.get("/v1/drafts", headers=headers).json()["drafts"] == []
    approved = client.post("/v1/drafts/D-1/approve", json={"comment": "ok"}, headers=headers).json()
    assert approved["status"] == "approved"
    fix = client.post(
        "/v1/partners/P-002/overlaps/corrections",
        headers=headers,
        json={"row_key": "r1", "account_id": "A-002", "decision": "confirmed"},
    )
    assert fix.status_code == 200 and fix.json()["decision"] == "confirmed"
    check = client.post(
        "/v1/deal-registrations/check", json={"partner_id": "P-001", "account_name": "Acme"}, headers=headers
    )
    assert check.status_code == 200


def test_partner_seller_cannot_reach_another_partner_through_any_route(client, api_keys):
    headers = auth(api_keys, "u-ps1")
    gets = [
        "/v1/partners/P-002/overlaps",
        "/v1/partners/P-002/next-best-actions",
        "/v1/opportunities/OPP-003/next-best-actions",
        "/v1/opportunities/OPP-001/partner-matches",
        "/v1/drafts?partner_id=P-002",
    ]
    for path in gets:
        assert client.get(path, headers=headers).status_code == 403, path
    posts = [
        (
            "/v1/drafts",
            {"partner_id": "P-002", "kit_id": "lakehouse-modernisation", "locale": "en", "channel": "email"},
        ),
        (
            "/v1/drafts",
            {
                "partner_id": "P-001",
                "kit_id": "lakehouse-modernisation",
                "locale": "en",
                "channel": "email",
                "account_id": "A-002",
            },
        ),
        (
            "/v1/partners/P-002/overlaps/corrections",
            {"row_key": "r1", "account_id": "A-002", "decision": "rejected"},
        ),
        ("/v1/deal-registrations/check", {"partner_id": "P-002", "account_name": "Acme"}),
        ("/v1/ingest", {"path": "/tmp"}),
    ]
    for path, body in posts:
        response = client.post(path, json=body, headers=headers)
        assert response.status_code == 403, path
        assert response.json()["error"]["code"] == "forbidden"
    assert client.get("/v1/partners/P-001/overlaps", headers=headers).status_code == 200
    for question in (
        "Which accounts do we share with P-002?",
        "Which accounts do we share with Thames Data Partners?",
        "What should I do next on OPP-003?",
        "Which partners should we bring into the Globex deal?",
    ):
        body = client.post("/v1/ask", json={"question": question}, headers=headers).json()
        assert body["withheld"] and "Globex" not in body["answer"] and "GLOBEX" not in body["answer"], (
            question
        )
    search = client.get(
        "/v1/search", params={"q": "deal registration MDF account plan", "k": 10}, headers=headers
    )
    assert "partners/thames-plan.md" not in {r["doc_id"] for r in search.json()["results"]}


def test_ingest_is_admin_only_and_passes_its_options(client, api_keys, monkeypatch, tmp_path, world_ctx):
    import retrieval.ingest

    seen = {}

    def fake_ingest(ctx, path, reset=False, strict=False, progress=None, allow_removals=False):
        seen.update(path=path, reset=reset, strict=strict, allow_removals=allow_removals)
        return {"partners": 1, "rejected": []}

    monkeypatch.setattr(retrieval.ingest, "ingest_folder", fake_ingest)
    monkeypatch.setattr(world_ctx.settings, "import_root", tmp_path)
    (tmp_path / "in").mkdir()
    response = client.post(
        "/v1/ingest", json={"path": "in", "reset": True, "allow_removals": True}, headers=auth(api_keys, "u-admin")
    )
    assert response.status_code == 200 and response.json()["partners"] == 1
    assert seen == {"path": (tmp_path / "in").resolve(), "reset": True, "strict": False, "allow_removals": True}
    assert (
        client.post("/v1/ingest", json={"path": str(tmp_path)}, headers=auth(api_keys, "u-cm")).status_code
        == 403
    )


def test_ingest_refuses_a_non_admin_with_403_whatever_the_body(client, api_keys):
    """CLI.md: `POST /v1/ingest` is admin only and forbidden is 403: the role is checked before the body,
    so a tester's bare POST gets 403, not the 422 of a missing field; an admin's bare POST is 422."""
    for user in ("u-cm", "u-mkt", "u-ps1"):
        for kwargs in ({}, {"json": {}}, {"json": {"reset": True}}):
            response = client.post("/v1/ingest", headers=auth(api_keys, user), **kwargs)
            assert response.status_code == 403, (user, kwargs, response.text)
            assert response.json()["error"]["code"] == "forbidden"
    response = client.post("/v1/ingest", headers=auth(api_keys, "u-admin"))
    assert response.status_code == 422 and "path" in response.json()["error"]["message"]
    assert client.post("/v1/ingest", json={"path": "x"}).status_code == 401


def test_an_unknown_user_id_is_404_over_http_and_exit_2_on_the_cli(client, api_keys, world_ctx, monkeypatch):
    """CLI.md: 404 for an unknown id; `digest --user U` names a user by id like any other record."""
    response = client.get("/v1/digest", params={"user": "u-nobody"}, headers=auth(api_keys, "u-admin"))
    assert response.status_code == 404, response.text
    assert "u-nobody" in response.json()["error"]["message"]
    from assistant.cli import common
    from tests.cosell_cli import cli

    monkeypatch.setattr(common, "context", lambda: world_ctx)
    monkeypatch.setattr(world_ctx, "close", lambda: None)
    code, payload = cli("search", "pricing", "--as", "u-nobody")
    assert code == 2 and payload["error"]["code"] == "bad_input"
