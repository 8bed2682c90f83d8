"""The ask path's caches (issue 22): a pure tool's result is reused only by the same asker with the same
arguments, and only while the records (ingest), the content, every other write to the store (a registration,
a lead, a correction) and the date stay the same; the meta versions are read once per turn; the name
index remembers recent questions for its own visibility class only."""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from typing import Any

import pydantic
import pytest
from sqlalchemy import update

from assistant.core.errors import Forbidden
from assistant.engine.agent import ask
from assistant.engine.name_index import NameIndex
from assistant.engine.threads import ConversationThread, save_thread
from assistant.engine.turn import _frozen, _thawed, invoke_tool
from retrieval import records as R
from retrieval.programme_records import Registration
from retrieval.records import RecordStore
from retrieval.scope import Scope, scope_for_user
from tools import registry

CM = Scope("u-cm", "channel_manager", name="Chris Channel")
ADMIN = Scope("u-admin", "admin", name="Ada Admin")
PS1 = Scope("u-ps1", "partner_seller", partner_id="P-001", name="Sam Seller")
PS2 = Scope("u-ps2", "partner_seller", partner_id="P-002", name="Tia Thames")


@pytest.fixture()
def runs(monkeypatch):
    """Counts the real runs of the map_accounts and next_best_actions tools (cache misses)."""
    counted: list[tuple[str, Scope]] = []
    for name in ("map_accounts", "next_best_actions"):
        spec = registry.get_tool(name)
        assert spec.pure

        @functools.wraps(spec.func)  # its declared result model too: what the shared cache decodes
        def func(ctx, scope, args, _real=spec.func, _name=name):
            counted.append((_name, scope))
            return _real(ctx, scope, args)

        monkeypatch.setitem(registry._TOOLS, name, dataclasses.replace(spec, func=func))
    return counted


def test_a_repeated_call_is_reused_and_each_caller_gets_its_own_copy(stamped, runs):
    first = invoke_tool(stamped, CM, "map_accounts", {"partner_id": "P-001"})
    first.partner_id = "changed by a renderer"
    first.summary.append(None)
    second = invoke_tool(stamped, CM, "map_accounts", {"partner_id": "P-001"})
    assert len(runs) == 1
    assert second.partner_id == "P-001" and None not in second.summary


def test_results_are_never_shared_between_askers(stamped, runs):
    mine = invoke_tool(stamped, PS1, "next_best_actions", {"partner_id": "P-001"})
    assert mine.subject_id == "P-001"
    for _ in range(2):  # the other partner's seller: refused every time, never handed the cached result
        with pytest.raises(Forbidden):
            invoke_tool(stamped, PS2, "next_best_actions", {"partner_id": "P-001"})
    invoke_tool(stamped, CM, "next_best_actions", {"partner_id": "P-001"})
    invoke_tool(stamped, ADMIN, "next_best_actions", {"partner_id": "P-001"})
    assert [scope.user_id for _, scope in runs] == ["u-ps1", "u-ps2", "u-ps2", "u-cm", "u-admin"]
    # the same seller asking again, and another of the same partner's sellers, each from their own entry
    invoke_tool(stamped, PS1, "next_best_actions", {"partner_id": "P-001"})
    invoke_tool(stamped, dataclasses.replace(PS1, user_id="u-ps1b"), "next_best_actions", {"partner_id": "P-001"})
    assert [scope.user_id for _, scope in runs][5:] == ["u-ps1b"]


def test_an_ingest_refreshes_it(stamped, runs):
    before = invoke_tool(stamped, CM, "map_accounts", {"partner_id": "P-001"})
    with stamped.store.session() as session:
        session.get(R.Partner, "P-001").account_sharing = "accounts"
    stamped.store.bump_records_version()  # what ingest does with every load
    after = invoke_tool(stamped, CM, "map_accounts", {"partner_id": "P-001"})
    assert len(runs) == 2  # computed again, from the new records
    assert (before.sharing.partner_side, after.sharing.partner_side) == ("counts", "accounts")


def test_a_registration_or_any_other_write_to_the_records_refreshes_it(stamped, runs):
    call = lambda: invoke_tool(stamped, CM, "next_best_actions", {"partner_id": "P-001"})
    call()
    version = stamped.store.writes_version()
    with stamped.store.session() as session:  # a new row, as `cosell registrations submit` writes it
        session.add(Registration(registration_id="R-1", partner_id="P-001", account_name="Initech GmbH",
                                 status="approved", submitted_on=dt.date(2026, 2, 1),
                                 expires_on=dt.date(2026, 5, 1), opportunity_id="OPP-004"))
    assert stamped.store.writes_version() not in (None, version)
    call()
    assert len(runs) == 2
    version = stamped.store.writes_version()
    with stamped.store.session() as session:  # a decision, as one UPDATE statement
        session.execute(update(Registration).where(Registration.registration_id == "R-1").values(status="won"))
    assert stamped.store.writes_version() != version
    call()
    assert len(runs) == 3


def test_the_assistants_own_bookkeeping_keeps_it(stamped, runs):
    invoke_tool(stamped, CM, "map_accounts", {"partner_id": "P-001"})
    version = stamped.store.writes_version()
    save_thread(stamped, ConversationThread(thread_id="t-1", user_id="u-cm"))  # every ask saves its thread
    with stamped.store.session() as session:
        session.add(R.Feedback(user_id="u-cm", value="up"))
    with pytest.raises(RuntimeError), stamped.store.session() as session:  # rolled back: nothing written
        session.add(Registration(registration_id="R-2", partner_id="P-001", account_name="X", status="approved",
                                 submitted_on=dt.date(2026, 2, 1)))
        session.flush()
        raise RuntimeError("abandoned")
    assert stamped.store.writes_version() == version
    invoke_tool(stamped, CM, "map_accounts", {"partner_id": "P-001"})
    assert len(runs) == 1


def test_a_store_never_ingested_is_never_cached(world_ctx, runs):
    for _ in range(2):
        invoke_tool(world_ctx, CM, "map_accounts", {"partner_id": "P-001"})
    assert len(runs) == 2


def test_asks_reuse_tool_results_per_asker(stamped, runs):
    cm = scope_for_user(stamped.store, "u-cm")
    first = ask(stamped, cm, "How is Alpine IT doing?")
    again = ask(stamped, cm, "How is Alpine IT doing?")
    assert first.answer == again.answer and first.thread_id != again.thread_id
    assert [name for name, _ in runs] == ["next_best_actions"]
    seller = ask(stamped, scope_for_user(stamped.store, "u-ps2"), "How is Alpine IT doing?")
    assert seller.answer != first.answer  # another partner's seller never gets the channel manager's answer
    assert all(scope.user_id == "u-ps2" for _, scope in runs[1:])


# --- the meta versions, once per turn ---------------------------------------------------------------------


def test_a_turn_reads_one_records_version_and_the_next_turn_sees_a_new_one(stamped):
    other_process = RecordStore(stamped.settings.effective_database_url)
    try:
        with stamped.store.meta_snapshot():
            seen = stamped.records_version()
            other_process.bump_records_version()  # an ingest elsewhere, mid-turn
            assert stamped.records_version() == seen  # one version throughout the turn
        assert stamped.records_version() not in (None, seen)  # and the next turn sees the new one
        with stamped.store.meta_snapshot():
            stamped.store.bump_records_version()  # a write through this store in the turn: seen at once
            assert stamped.records_version() == other_process.get_meta(R.RECORDS_VERSION)["id"]
    finally:
        other_process.dispose()


# --- the name index's memo ------------------------------------------------------------------------------------


def test_the_name_index_remembers_questions_until_a_name_is_added():
    index = NameIndex()
    index.add("partner", "P-1", "Alpine IT", [("alpine it", 0.0)])
    words = ["how", "is", "nimbus", "doing"]
    assert index.match(words) == []
    found = index.match(["how", "is", "alpine", "it", "doing"])
    found.clear()  # a caller's list is its own
    assert [e.id for e in index.match(["how", "is", "alpine", "it", "doing"])] == ["P-1"]
    index.add("partner", "P-2", "Nimbus", [("nimbus", 0.0)])
    assert [e.id for e in index.match(words)] == ["P-2"]


class _Kept(pydantic.BaseModel):
    items: list[int]
    hook: Any = None


def test_kept_results_are_pickled_and_each_read_is_a_fresh_copy_unless_unpicklable():
    kept = _frozen(_Kept(items=[1]))
    assert isinstance(kept, bytes)
    first, second = _thawed(kept), _thawed(kept)
    first.items.append(2)
    assert second.items == [1] and first is not second
    odd = _Kept(items=[1], hook=lambda: 1)  # a lambda cannot be pickled: kept as is, deep-copied per read
    assert _frozen(odd) is odd
    copy = _thawed(_frozen(odd))
    copy.items.append(2)
    assert odd.items == [1]


# --- shared between the processes of the machine (the other worker, the next start) -------------------------


@pytest.fixture()
def other_worker(stamped):
    """A second process on the same COSELL_HOME: its own memory, the same store and shared cache file."""
    from assistant.engine.context import AppContext

    ctx = AppContext(stamped.settings)
    yield ctx
    ctx.close()


def test_another_worker_reads_the_result_instead_of_computing_it(stamped, other_worker, runs):
    first = invoke_tool(stamped, CM, "map_accounts", {"partner_id": "P-001"})
    again = invoke_tool(other_worker, CM, "map_accounts", {"partner_id": "P-001"})
    assert len(runs) == 1 and again == first and again is not first
    ask_here = ask(stamped, scope_for_user(stamped.store, "u-cm"), "How is Alpine IT doing?")
    ask_there = ask(other_worker, scope_for_user(other_worker.store, "u-cm"), "How is Alpine IT doing?")
    assert ask_there.answer == ask_here.answer and [n for n, _ in runs] == ["map_accounts", "next_best_actions"]


def test_another_worker_never_hands_one_askers_result_to_another(stamped, other_worker, runs):
    invoke_tool(stamped, PS1, "next_best_actions", {"partner_id": "P-001"})
    with pytest.raises(Forbidden):  # the other partner's seller, on the other worker: refused, not read
        invoke_tool(other_worker, PS2, "next_best_actions", {"partner_id": "P-001"})
    invoke_tool(other_worker, CM, "next_best_actions", {"partner_id": "P-001"})
    invoke_tool(other_worker, dataclasses.replace(PS1, name="Renamed"), "next_best_actions", {"partner_id": "P-001"})
    assert [scope.user_id for _, scope in runs] == ["u-ps1", "u-ps2", "u-cm", "u-ps1"]


def test_an_ingest_or_a_write_elsewhere_refreshes_the_shared_result(stamped, other_worker, runs):
    call = lambda ctx: invoke_tool(ctx, CM, "next_best_actions", {"partner_id": "P-001"})
    call(stamped)
    with stamped.store.session() as session:  # a registration written by the first worker
        session.add(Registration(registration_id="R-9", partner_id="P-001", account_name="Initech GmbH",
                                 status="approved", submitted_on=dt.date(2026, 2, 1),
                                 expires_on=dt.date(2026, 5, 1), opportunity_id="OPP-004"))
    call(other_worker)
    assert len(runs) == 2
    stamped.store.bump_records_version()  # an ingest
    call(other_worker)
    call(stamped)  # computed by the other worker under the new version: read
    assert len(runs) == 3


class _Loose(pydantic.BaseModel):
    inner: Any = None  # a model in an untyped field comes back from JSON as a dict


def test_a_result_that_does_not_survive_json_is_not_shared(stamped, other_worker, monkeypatch):
    calls = []

    class Args(pydantic.BaseModel):
        x: int = 1

    def loose(ctx, scope, args) -> _Loose:
        calls.append(scope)
        return _Loose(inner=Args(x=args.x))

    monkeypatch.setitem(registry._TOOLS, "loose", registry.ToolSpec("loose", "", Args, loose, pure=True))
    invoke_tool(stamped, CM, "loose", {"x": 2})
    kept = invoke_tool(other_worker, CM, "loose", {"x": 2})
    assert len(calls) == 2 and isinstance(kept.inner, Args)


class _WithNan(pydantic.BaseModel):
    score: float = 0.0


def test_a_result_whose_json_does_not_validate_is_computed_not_shared(stamped, other_worker, monkeypatch):
    calls = []

    class Args(pydantic.BaseModel):
        x: int = 1

    def nan(ctx, scope, args) -> _WithNan:
        calls.append(scope)
        return _WithNan(score=float("nan"))  # JSON writes null, which a float does not accept

    monkeypatch.setitem(registry._TOOLS, "nan", registry.ToolSpec("nan", "", Args, nan, pure=True))
    invoke_tool(stamped, CM, "nan", {})
    invoke_tool(other_worker, CM, "nan", {})
    assert len(calls) == 2


def test_new_code_does_not_read_what_the_old_code_computed(stamped, other_worker, runs, monkeypatch):
    invoke_tool(stamped, CM, "map_accounts", {"partner_id": "P-001"})
    monkeypatch.setattr("assistant.engine.turn.code_print", lambda: "a deployed fix")
    invoke_tool(other_worker, CM, "map_accounts", {"partner_id": "P-001"})
    assert len(runs) == 2
