"""The assistant and the API with the real tools on the ingested demo (the lead's `demo_ctx` fixture)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from assistant.api import create_app
from assistant.engine.agent import ask
from retrieval.scope import Scope, issue_api_key, scope_for_user

SELLER = "u-ps-alpine"  # Alpine IT, P-001


@pytest.fixture(scope="module")
def deals(demo_ctx) -> dict[str, str]:
    with demo_ctx.records(Scope.operator()) as rec:
        opps = rec.opportunities(open_only=True)
        acme = next(o for o in opps if o.name == "Acme renewal")
        own = next(o for o in opps if "P-001" in (o.partner_id, o.registered_by))
        other = next(o for o in opps if "P-001" not in (o.partner_id, o.registered_by) and o.partner_id)
    return {
        "acme": acme.opportunity_id,
        "own": own.opportunity_id,
        "other": other.opportunity_id,
        "other_partner": other.partner_id,
    }


def test_routing_eval_meets_its_threshold_on_the_demo(demo_ctx):
    from evals.routing import evaluate

    report = evaluate(demo_ctx)
    assert report["passed"], report["failures"] or report["skipped_cases"]


def test_answers_with_real_tools(demo_ctx, deals):
    cm = scope_for_user(demo_ctx.store, "u-cm-1")
    match = ask(demo_ctx, cm, "Which partners should we bring into the Acme renewal?")
    assert match.tools[0].arguments["opportunity_id"] == deals["acme"] and "1. " in match.answer
    more = ask(demo_ctx, cm, "and who else?", thread_id=match.thread_id)
    assert "6. " in more.answer
    policy = ask(
        demo_ctx, scope_for_user(demo_ctx.store, SELLER), "How long does a deal registration protect me?"
    )
    assert policy.citations and policy.tools[0].name == "search_content"


def test_seller_cannot_reach_another_partner_with_the_real_tools(demo_ctx, deals):
    key = issue_api_key(demo_ctx.store, SELLER)
    headers = {"Authorization": f"Bearer {key}"}
    other_partner, other_deal = deals["other_partner"], deals["other"]
    with TestClient(create_app(demo_ctx)) as client:
        for path in (
            f"/v1/partners/{other_partner}/overlaps",
            f"/v1/partners/{other_partner}/next-best-actions",
            f"/v1/opportunities/{other_deal}/next-best-actions",
            f"/v1/opportunities/{deals['own']}/partner-matches",
        ):
            assert client.get(path, headers=headers).status_code == 403, path
        draft = {
            "partner_id": other_partner,
            "kit_id": "lakehouse-modernisation",
            "locale": "en",
            "channel": "email",
        }
        assert client.post("/v1/drafts", json=draft, headers=headers).status_code == 403
        assert (
            client.get(f"/v1/opportunities/{deals['own']}/next-best-actions", headers=headers).status_code
            == 200
        )
        for question in (
            f"What should I do next on {other_deal}?",
            f"Which accounts do we share with {other_partner}?",
        ):
            body = client.post("/v1/ask", json={"question": question}, headers=headers).json()
            assert body["withheld"], (question, body["answer"])


def test_the_demo_stories_reach_their_tools(demo_ctx):
    """`make demo`'s three user stories, as the demo asks them: each reaches its tool and answers."""
    from assistant.demo import STORIES

    expected = ["search_content", "match_partners", "draft_content"]
    for (user, question), tool in zip(STORIES, expected, strict=True):
        response = ask(demo_ctx, scope_for_user(demo_ctx.store, user), question)
        assert [t.name for t in response.tools] == [tool], (question, response.answer[:300])
    seller = ask(demo_ctx, scope_for_user(demo_ctx.store, STORIES[0][0]), STORIES[0][1])
    assert "90" in seller.answer and seller.citations, seller.answer
    # "... and what happens when it expires?": "it" is the registration, and the answer says what happens
    assert "lapses" in seller.answer, seller.answer
