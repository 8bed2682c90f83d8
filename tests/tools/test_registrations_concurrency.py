"""Two approvals of one registration at once: exactly one wins, the other gets a clear error.
Both read the record before either writes (a barrier holds them there); on SQLite and on Postgres."""
from __future__ import annotations

import threading

from assistant.core.config import Settings
from assistant.core.errors import Conflict
from assistant.engine.context import AppContext
from retrieval.ingest import replace_records
from retrieval.programme_records import AuditEntry, Registration
from retrieval.scope import Scope
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


def test_concurrent_approvals(tmp_path, monkeypatch, database_url):
    ctx = AppContext(Settings(home=tmp_path / "home", today=TODAY, database_url=database_url))
    try:
        race(ctx, monkeypatch)
    finally:
        ctx.store.dispose()
        ctx.close()


def _approve_in_own_process(home: str, url: str | None, registration_id: str, i: int, barrier, out) -> None:
    """One approver process: its own interpreter, engine and connection; it waits for the other after
    reading the record and before writing (the barrier), then approves."""
    from pathlib import Path

    from tools.registrations import service as own

    real = own.snapshot

    def snapshot_after_both_read(row):
        barrier.wait()
        return real(row)

    own.snapshot = snapshot_after_both_read
    ctx = AppContext(Settings(home=Path(home), today=TODAY, database_url=url))
    try:
        done = own.approve_registration(ctx, CM, registration_id, reason=f"process {i}")
        out.put((i, "approved", done.reason))
    except Exception as exc:  # reported to the parent, which asserts on it
        out.put((i, type(exc).__name__, getattr(exc, "message", str(exc))))
    finally:
        ctx.store.dispose()
        ctx.close()


def race_processes(tmp_path, url: str | None) -> None:
    import multiprocessing

    from connectors.csv_folder import read_import_folder

    home = tmp_path / "home"
    ctx = AppContext(Settings(home=home, today=TODAY, database_url=url))
    try:
        replace_records(ctx, read_import_folder(write_world(tmp_path / "in")))
        reg = submit_registration(ctx, CM, SubmitRequest(partner_id="P-1", account_name="Kronos Kliniken"))
    finally:
        ctx.store.dispose()
        ctx.close()
    spawn = multiprocessing.get_context("spawn")  # fresh interpreters: nothing shared but the database
    barrier, out = spawn.Barrier(2, timeout=120), spawn.Queue()
    procs = [spawn.Process(target=_approve_in_own_process, args=(str(home), url, reg.registration_id, i, barrier, out))
             for i in range(2)]
    for p in procs:
        p.start()
    results = sorted(out.get(timeout=300) for _ in procs)
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0, 0]
    outcomes = [r[1] for r in results]
    assert sorted(outcomes) == ["Conflict", "approved"], results
    loser = next(r for r in results if r[1] == "Conflict")
    assert "at the same time" in loser[2] and reg.registration_id in loser[2]
    winner = next(r for r in results if r[1] == "approved")
    ctx = AppContext(Settings(home=home, today=TODAY, database_url=url))
    try:
        with ctx.store.session() as s:
            row = s.get(Registration, reg.registration_id)
            assert row.status == "approved" and row.version == 2 and row.reason == winner[2]
            entries = s.query(AuditEntry).filter(AuditEntry.record_id == reg.registration_id).order_by(AuditEntry.id)
            assert [e.action for e in entries] == ["submit", "approved"]
    finally:
        ctx.store.dispose()
        ctx.close()


def test_two_processes_approving_at_once(tmp_path, database_url):
    race_processes(tmp_path, database_url)
