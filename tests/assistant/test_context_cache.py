"""`AppContext.cached`, the one cache of values computed from the records: it follows ingest's
`records_version`, a cache whose key varies stays bounded, and nothing is kept for a store never ingested.
Shown on its users: the resolver's catalogues, the matching engine, next best actions' content lookups."""
from __future__ import annotations

import datetime as dt
import threading
import time

from assistant.core.config import Settings
from assistant.engine import resolver
from assistant.engine.context import AppContext
from assistant.engine.resolver import catalogue_for
from retrieval import records as R
from retrieval.ingest import ingest_folder
from retrieval.scope import Scope
from tests.assistant import world
from tests.foundation.folders import PARTNERS, write_folder
from tools.next_best_action import service as next_best_action
from tools.partner_match.service import get_engine

TODAY = dt.date(2026, 3, 1)
SYSTEM = Scope.system()


def seller(partner_id: str) -> Scope:
    return Scope(f"u-{partner_id}", "partner_seller", partner_id=partner_id)


def add_partner(ctx: AppContext, partner_id: str, name: str) -> None:
    with ctx.store.session() as session:
        session.add(R.Partner(partner_id=partner_id, name=name, type="reseller", tier="gold"))


# --- following the data ---------------------------------------------------------------------------------


def test_an_ingest_that_changes_the_data_refreshes_what_was_cached(tmp_path):
    ctx = AppContext(Settings(home=tmp_path / "home", today=TODAY))
    try:
        folder = write_folder(tmp_path / "in")
        ingest_folder(ctx, folder)
        catalogue, engine = catalogue_for(ctx, SYSTEM), get_engine(ctx)
        assert catalogue_for(ctx, SYSTEM) is catalogue and get_engine(ctx) is engine  # built once
        assert catalogue.partner_names["P1"] == "Alpine IT"

        write_folder(folder, **{"partners.csv": PARTNERS.replace("Alpine IT", "Alpine Data")})
        ingest_folder(ctx, folder)
        renamed, rebuilt = catalogue_for(ctx, SYSTEM), get_engine(ctx)
        assert renamed is not catalogue and renamed.partner_names["P1"] == "Alpine Data"
        assert rebuilt is not engine
        assert {p.name for p in rebuilt.eco.partners} == {"Alpine Data", "Bay Systems"}
        assert catalogue_for(ctx, SYSTEM) is renamed and get_engine(ctx) is rebuilt
    finally:
        ctx.close()


def test_a_hand_written_change_shows_once_the_version_is_bumped(stamped):
    first = catalogue_for(stamped, SYSTEM)
    add_partner(stamped, "P-009", "Nimbus Analytics")
    assert catalogue_for(stamped, SYSTEM) is first  # nothing says the records changed
    stamped.store.bump_records_version()
    assert "P-009" in catalogue_for(stamped, SYSTEM).partner_names


def test_the_engine_follows_corrections_as_well(stamped, monkeypatch):
    from tools.partner_match import service as partner_match

    built = []
    monkeypatch.setattr(partner_match, "_build_engine", lambda ctx, stamp: built.append(stamp) or object())
    engine = get_engine(stamped)
    assert get_engine(stamped) is engine and len(built) == 1
    with stamped.store.session() as session:  # a channel manager corrects an account match
        session.add(R.MatchCorrection(partner_id="P-001", row_key="r1", account_id="A-001",
                                      decision="rejected", decided_by="u-cm"))
    assert get_engine(stamped) is not engine and len(built) == 2


def test_catalogues_are_shared_within_a_visibility_class_only(stamped):
    internal = catalogue_for(stamped, SYSTEM)
    assert catalogue_for(stamped, Scope("u-cm", "channel_manager")) is internal
    own = catalogue_for(stamped, seller("P-001"))
    assert own is not internal
    assert catalogue_for(stamped, Scope("u-other", "partner_seller", partner_id="P-001")) is own
    assert catalogue_for(stamped, seller("P-002")) is not own


# --- bounded -------------------------------------------------------------------------------------------


def test_a_bounded_cache_evicts_the_least_recently_used(stamped):
    built = []

    def get(key: str) -> str:
        return stamped.cached("per-key", lambda: built.append(key) or key.upper(), key=key, max_entries=2)

    assert [get("a"), get("b"), get("a")] == ["A", "B", "A"] and built == ["a", "b"]
    get("c")  # three keys for two places: "b", used least recently, goes
    assert built == ["a", "b", "c"]
    get("a"), get("c")
    assert built == ["a", "b", "c"]
    get("b")
    assert built == ["a", "b", "c", "b"]
    stamped.cached("other", lambda: built.append("other"))  # another name has its own entries
    get("c")
    assert built == ["a", "b", "c", "b", "other"]


def test_per_partner_catalogues_are_bounded(stamped, monkeypatch):
    monkeypatch.setattr(resolver, "CATALOGUES_KEPT", 2)
    p1 = catalogue_for(stamped, seller("P-001"))
    p2 = catalogue_for(stamped, seller("P-002"))
    assert catalogue_for(stamped, seller("P-001")) is p1
    catalogue_for(stamped, seller("P-003"))  # P-002's is the least recently used
    assert catalogue_for(stamped, seller("P-001")) is p1
    assert catalogue_for(stamped, seller("P-002")) is not p2


class CountingContent:
    def __init__(self):
        self.queries: list[str] = []

    def search(self, query, k, **filters):
        self.queries.append(query)
        return [{"doc_id": f"doc-{query}", "title": query}]

    def close(self):
        pass


def test_content_lookups_are_bounded(stamped, monkeypatch):
    monkeypatch.setattr(next_best_action, "LOOKUP_CACHE_SIZE", 2)
    content = stamped.__dict__["_content"] = CountingContent()
    lookup = next_best_action.default_content_lookup(stamped)
    for query in ("one", "two", "one", "three", "one", "two"):
        assert [r.doc_id for r in lookup(query, 3, allowed_visibility=None)] == [f"doc-{query}"]
    assert content.queries == ["one", "two", "three", "two"]  # "two" was evicted by "three"


# --- never ingested ------------------------------------------------------------------------------------


def test_a_store_never_ingested_is_read_afresh_every_time(tmp_path):
    ctx = world.build_world(tmp_path / "home")
    try:
        assert ctx.records_version() is None
        first = catalogue_for(ctx, SYSTEM)
        assert catalogue_for(ctx, SYSTEM) is not first
        add_partner(ctx, "P-009", "Nimbus Analytics")
        assert "P-009" in catalogue_for(ctx, SYSTEM).partner_names  # no version needed to see it
        built = []
        ctx.cached("thing", lambda: built.append(1), key="k", max_entries=1)
        ctx.cached("thing", lambda: built.append(1), key="k", max_entries=1)
        assert built == [1, 1]
    finally:
        ctx.close()


def test_the_engine_of_a_store_never_ingested_is_neither_cached_nor_saved(tmp_path):
    ctx = AppContext(Settings(home=tmp_path / "home", today=TODAY))
    try:
        with ctx.store.session() as session:
            session.add_all([R.Partner(partner_id="P1", name="Alpine IT", type="reseller", tier="gold"),
                             R.Account(account_id="A1", name="Acme", status="customer"),
                             R.Opportunity(opportunity_id="O1", account_id="A1", name="Acme renewal",
                                           stage="proposal", created_on=dt.date(2026, 2, 1))])
        engine = get_engine(ctx)
        assert get_engine(ctx) is not engine
        assert not list((ctx.settings.home_dir / "cache").glob("match-model-*"))  # nothing says it is current
    finally:
        ctx.close()


# --- one builder per value --------------------------------------------------------------------------------


def test_concurrent_askers_of_a_cold_value_wait_for_one_build(stamped):
    built, results = [], []

    def build():
        built.append(1)
        time.sleep(0.05)
        return object()

    def ask():
        results.append(stamped.cached("cold", build))

    threads = [threading.Thread(target=ask) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(built) == 1 and len({id(r) for r in results}) == 1
