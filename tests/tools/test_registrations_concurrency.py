"""Two approvals of one registration at once: exactly one wins, the other gets a clear error.
Both read the record before either writes (a barrier holds them there); on SQLite and on Postgres."""
from __future__ import annotations

import threading

import pytest

from assistant.core.config import Settings
from assistant.core.errors import Conflict
from assistant.engine.context import AppContext
from retrieval.ingest import replace_records
from retrieval.programme_records import AuditEntry, Registration
from retrieval.scope import Scope
from tests.foundation.pg import throwaway_postgres
from tests.tools.programme_world import TODAY, write_world
from tools.registrations import service
from tools.registrations.service import SubmitRequest, approve_registration, submit_registration

CM = Scope("u-cm", "channel_manager")


def race(ctx, monkeypatch) -> list:
    from connectors.csv_folder import read_import_folder

    replace_records(ctx, read_import_folder(write_world(ctx.settings.home / "in")))
    reg = submit_registration(ctx, CM, SubmitRequest(partner_id="P-1", account_name="Kronos Kliniken"))
    barrier = threading.Barrier(2, timeout=20)
    real = service.snapshot

    def snapshot_after_both_read(row):  # called in _change after the read, before the write
        barrier.wait()
        return real(row)

    monkeypatch.setattr(service, "snapshot", snapshot_after_both_read)
    results: list = [None, None]

    def approve(i: int) -> None:
        try:
            results[i] = approve_registration(ctx, CM, reg.registration_id, reason=f"approver {i}")
        except Exception as exc:
            results[i] = exc

    threads = [threading.Thread(target=approve, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    wins = [r for r in results if not isinstance(r, Exception)]
    losses = [r for r in results if isinstance(r, Exception)]
    assert len(wins) == 1 and len(losses) == 1, results
    assert isinstance(losses[0], Conflict) and "at the same time" in losses[0].message
    with ctx.store.session() as s:
        row = s.get(Registration, reg.registration_id)
        assert row.status == "approved" and row.version == 2 and row.reason == wins[0].reason
        entries = s.query(AuditEntry).filter(AuditEntry.record_id == reg.registration_id).order_by(AuditEntry.id)
        assert [e.action for e in entries] == ["submit", "approved"]
    return results


def test_concurrent_approvals_on_sqlite(tmp_path, monkeypatch):
    ctx = AppContext(Settings(home=tmp_path / "home", today=TODAY))
    try:
        race(ctx, monkeypatch)
    finally:
        ctx.close()


@pytest.fixture(scope="module")
def pg_url():
    with throwaway_postgres() as url:
        yield url


def test_concurrent_approvals_on_postgres(tmp_path, monkeypatch, pg_url):
    ctx = AppContext(Settings(home=tmp_path / "home", today=TODAY, database_url=pg_url))
    try:
        race(ctx, monkeypatch)
    finally:
        ctx.store.dispose()
        ctx.close()
