"""Warm-up at server start (never blocking it, best effort) and the per-ask thread write."""

from __future__ import annotations

import threading
import time

import pytest
from fastapi.testclient import TestClient

from assistant.api import create_app
from assistant.api.warmup import Warmup
from assistant.core.errors import Forbidden
from assistant.engine.threads import MAX_STORED_CHARS, ConversationThread, load_thread, save_thread
from retrieval.scope import Scope


def wait_ready(client, timeout: float = 60.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        health = client.get("/healthz").json()
        if health["ready"]:
            return health
        time.sleep(0.05)
    raise AssertionError("the warm-up never finished")


def test_startup_does_not_wait_for_the_warm_up(world_ctx, fake_tools, api_keys):
    release = threading.Event()
    app = create_app(world_ctx)
    app.state.warmup.steps = [("slow", lambda ctx: release.wait(30), False)]
    with TestClient(app) as client:
        health = client.get("/healthz").json()
        assert health["status"] == "ok" and health["ready"] is False  # up and answering, still warming
        answer = client.post("/v1/ask", json={"question": "How do I register a deal?"},
                             headers={"Authorization": f"Bearer {api_keys['u-cm']}"})
        assert answer.status_code == 200
        release.set()
        assert wait_ready(client)["warmup"]["steps"]["slow"] >= 0


def test_a_failing_step_is_reported_and_the_rest_still_runs(world_ctx):
    done = []

    def broken(ctx):
        raise RuntimeError("no index")

    warmup = Warmup(world_ctx, steps=[("broken", broken, False), ("next", lambda ctx: done.append(1), False)])
    warmup.run()
    status = warmup.status()
    assert status["ready"] and status["steps"]["broken"] == "failed: RuntimeError" and done == [1]


def test_the_multilingual_step_runs_after_the_server_is_ready(world_ctx):
    """Its vectors take minutes on a busy machine the first time after new content: readiness does not
    wait for them, though the step is listed before others."""
    seen = {}
    release = threading.Event()

    def multilingual(ctx):
        seen["ready_when_started"] = warmup.ready.is_set()
        release.wait(30)

    warmup = Warmup(world_ctx, steps=[("multilingual_programme", multilingual, False),
                                      ("content", lambda ctx: seen.setdefault("content_ready", warmup.ready.is_set()), False)])
    warmup.start()
    assert warmup.ready.wait(30)
    status = warmup.status()
    assert status["ready"] and not status["finished"] and status["ready_seconds"] is not None
    assert seen == {"content_ready": False, "ready_when_started": True}
    release.set()
    warmup.stop()
    assert warmup.status()["finished"] and warmup.status()["steps"]["multilingual_programme"] >= 0


def test_record_steps_are_skipped_on_a_store_never_ingested(world_ctx):
    warmup = Warmup(world_ctx, steps=[("records", lambda ctx: pytest.fail("ran"), True)])
    warmup.run()
    assert warmup.status()["steps"] == {"records": "skipped"}


def test_the_real_steps_on_the_small_world(world_ctx, fake_tools):
    with TestClient(create_app(world_ctx)) as client:
        steps = wait_ready(client)["warmup"]["steps"]
    assert set(steps) >= {"content", "vendor_baselines", "match_engine", "draft_checks"}
    assert not [s for s in steps.values() if str(s).startswith("failed")]


def test_after_the_nba_step_a_first_answer_about_any_subject_searches_no_content(demo_ctx, monkeypatch):
    """Every subject's next best actions are computed once at warm-up, as internal users and as each selling
    partner's sellers see them: the content each rule looks up (per query, filters and visibility class) is
    then known, so an asker's first answer about a deal or a partner runs no content search (~7 ms each)."""
    from assistant.api.warmup import warm_next_best_actions
    from retrieval.scope import scope_for_user
    from tools.next_best_action.service import next_best_actions

    assert warm_next_best_actions(demo_ctx, budget_s=1e9) > 0
    searches: list[str] = []
    real = demo_ctx.content.search
    monkeypatch.setattr(demo_ctx.content, "search", lambda query, *a, **k: searches.append(query) or real(query, *a, **k))
    for user in ("u-cm-2", "u-ps-alpine"):
        scope = scope_for_user(demo_ctx.store, user)
        with demo_ctx.records(scope) as rec:
            deals = [o.opportunity_id for o in rec.opportunities(open_only=True)]
            partners = [p.partner_id for p in rec.partners()]
        assert deals and partners
        for deal in deals[-3:]:
            assert next_best_actions(demo_ctx, scope, opportunity_id=deal).actions
        for partner in partners[-2:]:
            next_best_actions(demo_ctx, scope, partner_id=partner)
    assert searches == []


def test_the_catalogues_step_lays_out_every_visibility_class_for_name_matching(demo_ctx):
    """Internal users, marketers (no records) and each selling partner's sellers: each class's catalogue is
    built and its distinct aliases laid out before the first question, which then builds nothing."""
    from assistant.api.warmup import warm_catalogues
    from assistant.engine.resolver import catalogue_for
    from retrieval.scope import scope_for_user

    demo_ctx._cache.pop("resolver.catalogue", None)
    warm_catalogues(demo_ctx)
    for user in ("u-cm-1", "u-admin", "u-mkt-1", "u-ps-alpine", "u-ps-orion"):
        catalogue = catalogue_for(demo_ctx, scope_for_user(demo_ctx.store, user))
        assert catalogue.index.rows and catalogue.index._distinct is not None, user
        assert not catalogue.foreign.rows or catalogue.foreign._distinct is not None, user


def test_the_nba_step_stops_at_its_cpu_budget(demo_ctx):
    from assistant.api.warmup import warm_next_best_actions

    assert warm_next_best_actions(demo_ctx, budget_s=0.0) <= 1


# --- the thread write ---------------------------------------------------------------------------------


CM = Scope("u-cm", "channel_manager")


def test_a_new_thread_is_inserted_then_updated(world_ctx):
    thread = load_thread(world_ctx, CM, None)
    thread.add("user", "hello")
    save_thread(world_ctx, thread)
    again = load_thread(world_ctx, CM, thread.thread_id)
    assert not again.is_new and [m["content"] for m in again.messages] == ["hello"]
    again.add("assistant", "x" * (MAX_STORED_CHARS + 500))
    save_thread(world_ctx, again)
    stored = load_thread(world_ctx, CM, thread.thread_id).messages
    assert len(stored) == 2 and len(stored[1]["content"]) <= MAX_STORED_CHARS + 2
    assert len(again.messages[1]["content"]) == MAX_STORED_CHARS + 500  # the answer itself is whole


def test_a_client_chosen_id_created_meanwhile_is_updated_not_duplicated(world_ctx):
    first = ConversationThread(thread_id="C1:123.4", user_id="u-cm")
    second = ConversationThread(thread_id="C1:123.4", user_id="u-cm")  # a retried event, loaded as new
    first.add("user", "one")
    save_thread(world_ctx, first)
    second.add("user", "two")
    save_thread(world_ctx, second)
    assert [m["content"] for m in load_thread(world_ctx, CM, "C1:123.4").messages] == ["two"]


def test_another_users_thread_is_never_overwritten(world_ctx):
    mine = ConversationThread(thread_id="shared-id", user_id="u-cm")
    save_thread(world_ctx, mine)
    theirs = ConversationThread(thread_id="shared-id", user_id="u-admin")
    with pytest.raises(Forbidden):
        save_thread(world_ctx, theirs)
    with pytest.raises(Forbidden):
        load_thread(world_ctx, Scope("u-admin", "admin"), "shared-id")
