"""The deterministic engine end to end on the small world, with fake tools behind the real registry."""

from __future__ import annotations

import pytest

from assistant.core.errors import BadInput, Forbidden
from assistant.engine.agent import ask
from retrieval.records import Thread
from retrieval.scope import scope_for_user


def as_user(ctx, user_id):
    return scope_for_user(ctx.store, user_id)


def test_content_question_cites_only_what_the_asker_may_see(world_ctx, fake_tools):
    seller = as_user(world_ctx, "u-ps1")
    response = ask(world_ctx, seller, "How do I register a deal and what protection do I get?")
    assert response.engine == "deterministic" and response.intent == "search"
    assert [t.name for t in response.tools] == ["search_content"]
    docs = {c.doc_id for c in response.citations}
    assert "policies/deal-reg.md" in docs
    assert not docs & {"internal/pricing.md", "partners/thames-plan.md"}
    assert "30 days" in response.answer
    assert all(c.source and c.title and c.snippet for c in response.citations)


def test_forbidden_tool_is_refused_politely_without_calling_it(world_ctx, fake_tools):
    seller = as_user(world_ctx, "u-ps1")
    response = ask(world_ctx, seller, "Which partners should we bring into the Acme renewal?")
    assert response.withheld and "may not" in response.answer and not response.tools
    assert not [c for c in fake_tools if c["name"] == "match_partners"]
    marketer = as_user(world_ctx, "u-mkt")
    response = ask(world_ctx, marketer, "How is Alpine IT doing?")
    assert response.withheld and not response.tools


def test_seller_cannot_reach_another_partner_by_name_or_id(world_ctx, fake_tools):
    seller = as_user(world_ctx, "u-ps1")
    by_name = ask(world_ctx, seller, "Which accounts do we share with Thames Data Partners?")
    assert by_name.withheld and not by_name.tools
    by_id = ask(world_ctx, seller, "Which accounts do we share with P-002?")
    assert by_id.withheld and "GLOBEX" not in by_id.answer.upper().replace("GLOBEX CORP", "")
    assert all(c["args"].get("partner_id") != "P-002" or c["user"] == "u-ps1" for c in fake_tools)
    deal = ask(world_ctx, seller, "What should I do next on OPP-003?")  # Thames' deal
    assert deal.withheld and "Globex" not in deal.answer
    own = ask(world_ctx, seller, "Which accounts do we share with Northwind?")
    assert own.tools[0].arguments == {"partner_id": "P-001"}
    other = ask(world_ctx, seller, "what about Thames Data Partners?", thread_id=own.thread_id)
    assert other.withheld and not other.tools


def test_seller_resolves_only_their_own_deals(world_ctx, fake_tools):
    seller = as_user(world_ctx, "u-ps1")
    response = ask(world_ctx, seller, "What should I do next on my deal?")
    assert {c.id for c in response.candidates} == {"OPP-001", "OPP-004"}
    chosen = ask(world_ctx, seller, "OPP-004", thread_id=response.thread_id)
    assert chosen.tools[0].arguments == {"opportunity_id": "OPP-004"}
    own = ask(world_ctx, seller, "How are we doing?")
    assert own.tools[0].arguments == {"partner_id": "P-001"}


def test_ambiguity_asks_back_then_the_second_one_works(world_ctx, fake_tools):
    cm = as_user(world_ctx, "u-cm")
    first = ask(world_ctx, cm, "Which partners should help on the Acme deal?")
    assert not first.tools and len(first.candidates) == 2 and "Which deal" in first.answer
    second = ask(world_ctx, cm, "the second one", thread_id=first.thread_id)
    assert second.tools[0].name == "match_partners"
    assert second.tools[0].arguments["opportunity_id"] == first.candidates[1].id


def test_follow_ups_who_else_and_what_about(world_ctx, fake_tools):
    cm = as_user(world_ctx, "u-cm")
    first = ask(world_ctx, cm, "Which partners should we bring into the Acme renewal?")
    assert first.tools[0].arguments == {"opportunity_id": "OPP-001", "top": 5}
    assert "1. Alpine IT" in first.answer
    more = ask(world_ctx, cm, "and who else?", thread_id=first.thread_id)
    assert more.tools[0].arguments["top"] == 10 and "6. " in more.answer and "1. " not in more.answer
    other = ask(world_ctx, cm, "what about Globex?", thread_id=first.thread_id)
    assert other.tools[0].name == "match_partners" and other.tools[0].arguments["opportunity_id"] == "OPP-003"


def test_draft_arguments_from_words(world_ctx, fake_tools):
    cm = as_user(world_ctx, "u-cm")
    response = ask(
        world_ctx, cm, "Draft the lakehouse campaign in Brazilian Portuguese for Alpine IT as a LinkedIn post"
    )
    assert response.tools[0].arguments == {
        "partner_id": "P-001",
        "kit_id": "lakehouse-modernisation",
        "locale": "pt-BR",
        "channel": "social",
    }
    ask_kit = ask(world_ctx, cm, "Write an email for Alpine IT")
    assert {c.id for c in ask_kit.candidates} == {"lakehouse-modernisation", "streaming-starter"}
    chosen = ask(world_ctx, cm, "streaming starter", thread_id=ask_kit.thread_id)
    assert chosen.tools[0].arguments == {
        "partner_id": "P-001",
        "kit_id": "streaming-starter",
        "locale": "de",
        "channel": "email",
    }  # Alpine IT works in German
    german = ask(world_ctx, cm, "what about Thames Data Partners?", thread_id=chosen.thread_id)
    assert german.tools[0].arguments["partner_id"] == "P-002"
    assert german.tools[0].arguments["kit_id"] == "streaming-starter"


def test_threads_belong_to_one_user_and_are_persisted(world_ctx, fake_tools):
    cm, seller = as_user(world_ctx, "u-cm"), as_user(world_ctx, "u-ps1")
    first = ask(world_ctx, cm, "Which accounts do we share with Thames Data Partners?")
    with pytest.raises(Forbidden):
        ask(world_ctx, seller, "and who else?", thread_id=first.thread_id)
    with world_ctx.store.session() as session:
        row = session.get(Thread, first.thread_id)
        assert row.user_id == "u-cm" and [m["role"] for m in row.messages] == ["user", "assistant"]
        assert row.state["last_intent"] == "map"


def test_stream_yields_tool_events_then_the_answer(world_ctx, fake_tools):
    cm = as_user(world_ctx, "u-cm")
    events = list(ask(world_ctx, cm, "How is Alpine IT doing?", stream=True))
    assert [e for e, _ in events] == ["tool", "answer"]
    assert events[0][1] == {"name": "next_best_actions", "arguments": {"partner_id": "P-001"}}
    answer = events[1][1]
    assert answer["citations"][0]["source"] == "content/policies/deal-reg.md"  # nba content, with its source


def test_bad_questions(world_ctx, fake_tools):
    with pytest.raises(BadInput):
        ask(world_ctx, as_user(world_ctx, "u-cm"), "   ")
    events = list(ask(world_ctx, as_user(world_ctx, "u-cm"), "", stream=True))
    assert events == [("error", {"error": {"code": "bad_input", "message": "the question is empty"}})]
