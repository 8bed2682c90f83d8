"""What the web page reads over HTTP: who is signed in, a document's text within the reader's permissions,
the lists behind the example questions, the ask stream with the tools' typed results, and the API docs from
files served here (offline)."""
from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

from assistant.api import create_app
from retrieval import records as R
from tests.assistant.world import auth
from tools.documents.service import join_overlapping


@pytest.fixture()
def client(world_ctx, fake_tools):
    with world_ctx.store.session() as s:  # the chunker's overlap: the last sentence of one chunk starts the next
        s.add_all([
            R.Chunk(chunk_id="policies/deal-reg.md#0", doc_id="policies/deal-reg.md", ordinal=0, heading="Rules",
                    text="Register before the first meeting. Protection lasts 90 days."),
            R.Chunk(chunk_id="policies/deal-reg.md#1", doc_id="policies/deal-reg.md", ordinal=1, heading="Rules",
                    text="Protection lasts 90 days. Renew it before it lapses."),
            R.Chunk(chunk_id="policies/deal-reg.md#2", doc_id="policies/deal-reg.md", ordinal=2,
                    heading="Conflicts", text="The first complete registration wins."),
            R.Chunk(chunk_id="internal/pricing.md#0", doc_id="internal/pricing.md", ordinal=0, heading=None,
                    text="Discount floor: 30 percent."),
        ])
    with TestClient(create_app(world_ctx, warm_up=False)) as c:
        yield c


def ask(client, keys, user, question, **options):
    """POST /v1/ask as `user`; `options` are the request's other fields (stream, results, thread_id)."""
    return client.post("/v1/ask", json={"question": question, **options}, headers=auth(keys, user))


def test_me_says_who_and_what_they_may_do(client, api_keys):
    me = client.get("/v1/me", headers=auth(api_keys, "u-ps1")).json()
    assert (me["name"], me["role"], me["partner_id"], me["partner_name"]) == (
        "Sam Seller", "partner_seller", "P-001", "Alpine IT")
    assert "review_drafts" not in me["capabilities"] and "nba" in me["capabilities"]
    mkt = client.get("/v1/me", headers=auth(api_keys, "u-mkt")).json()
    assert mkt["role"] == "marketer" and "review_drafts" in mkt["capabilities"] and mkt["partner_id"] is None
    assert client.get("/v1/me").status_code == 401
    assert client.get("/v1/me", headers={"Authorization": "Bearer csk_wrong"}).status_code == 401


def test_document_text_for_a_reader_who_may_see_it(client, api_keys):
    doc = client.get("/v1/documents/policies/deal-reg.md", headers=auth(api_keys, "u-ps1")).json()
    assert doc["title"] == "Deal registration policy"
    assert doc["sections"] == [
        {"heading": "Rules", "text": "Register before the first meeting. Protection lasts 90 days. Renew it before it lapses."},
        {"heading": "Conflicts", "text": "The first complete registration wins."},
    ]  # the sentence both chunks hold is shown once
    assert client.get("/v1/documents/internal/pricing.md", headers=auth(api_keys, "u-cm")).status_code == 200


@pytest.mark.parametrize("doc_id", ["internal/pricing.md", "partners/thames-plan.md", "no/such-doc.md"])
def test_a_partner_seller_gets_nothing_of_internal_or_another_partners_document(client, api_keys, doc_id):
    response = client.get(f"/v1/documents/{doc_id}", headers=auth(api_keys, "u-ps1"))
    assert response.status_code == 404  # the same answer as for an unknown id: existence is not confirmed
    body = response.text
    assert "Internal discount guide" not in body and "Thames account plan" not in body and "30 percent" not in body
    assert client.get(f"/v1/documents/{doc_id}").status_code == 401


def test_the_document_page_holds_no_data_and_no_key(client, api_keys):
    page = client.get("/docs/view?doc_id=internal/pricing.md")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "Discount" not in page.text and "Internal discount guide" not in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]


def test_lists_for_the_example_questions_are_scoped(client, api_keys):
    mine = client.get("/v1/list/partners", headers=auth(api_keys, "u-ps1")).json()
    assert [i["id"] for i in mine["items"]] == ["P-001"] and mine["note"]
    assert len(client.get("/v1/list/partners", headers=auth(api_keys, "u-cm")).json()["items"]) == 3
    assert client.get("/v1/list/deals", headers=auth(api_keys, "u-mkt")).status_code == 403
    bad = client.get("/v1/list/dealz", headers=auth(api_keys, "u-cm"))
    assert bad.status_code == 422 and "deals" in bad.json()["error"]["message"]


def sse_events(text: str) -> list[tuple[str, dict]]:
    events = []
    for block in text.strip().split("\n\n"):
        name = re.search(r"^event: (.+)$", block, re.M).group(1)
        events.append((name, json.loads(re.search(r"^data: (.+)$", block, re.M).group(1))))
    return events


def test_ask_streams_tool_events_then_the_answer_with_typed_results(client, api_keys):
    question = "Which partners should we bring into the Acme renewal?"
    response = ask(client, api_keys, "u-cm", question, stream=True, results=True)
    assert response.headers["content-type"].startswith("text/event-stream")
    events = sse_events(response.text)
    assert [n for n, _ in events][-1] == "answer" and any(n == "tool" for n, _ in events)
    answer = events[-1][1]
    kinds = [r["kind"] for r in answer["results"]]
    assert kinds == ["MatchResponse"]
    assert [p["name"] for p in answer["results"][0]["data"]["partners"]][:1] == ["Alpine IT"]
    # without `results` the payload is the contract's, unchanged
    plain = ask(client, api_keys, "u-cm", question).json()
    assert "results" not in plain and plain["tools"][0]["name"] == "match_partners"
    flat = ask(client, api_keys, "u-cm", question, results=True)
    assert [r["kind"] for r in flat.json()["results"]] == ["MatchResponse"]


def test_a_partner_sellers_results_hold_only_what_they_may_see(client, api_keys):
    question = "Which partners should we bring into the Acme renewal?"
    answer = ask(client, api_keys, "u-ps2", question, results=True).json()
    assert "P-001" not in json.dumps(answer["results"]) and "Alpine" not in json.dumps(answer)


def test_api_docs_load_only_files_served_here(client, api_keys):
    for path, asset in (("/docs", "/static/vendor/swagger-ui/swagger-ui-bundle.js"),
                        ("/redoc", "/static/vendor/redoc/redoc.standalone.js")):
        page = client.get(path)
        assert page.status_code == 200
        urls = re.findall(r"""(?:src|href)=["']?([^"' >]+)""", page.text)
        assert asset in urls and all(u.startswith("/") for u in urls), urls
        assert "https:" not in page.headers["content-security-policy"]
        served = client.get(asset)
        assert served.status_code == 200 and len(served.content) > 100_000
    assert client.get("/static/vendor/swagger-ui/swagger-ui.css").status_code == 200
    assert client.get("/openapi.json").json()["paths"]["/v1/documents/{doc_id}"]


def test_join_overlapping_keeps_repeated_sentences_once_and_nothing_else():
    assert join_overlapping("A b c. Shared end here.", "Shared end here. New text.") == \
        "A b c. Shared end here. New text."
    assert join_overlapping("One sentence.", "Another sentence.") == "One sentence.\n\nAnother sentence."
    assert join_overlapping("Ends with here.", "here. Is not an overlap of a whole sentence.").endswith(
        "\n\nhere. Is not an overlap of a whole sentence.")  # shorter than a sentence: a coincidence
