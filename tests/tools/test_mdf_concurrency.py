"""Two approvals at once that fit the partner's quarterly MDF budget only one at a time: exactly one
passes, the other is refused naming the budget. Both have read their activity before either writes (a
barrier holds them there), so only the lock on the partner keeps the budget; on SQLite and on Postgres."""
from __future__ import annotations

import threading

from assistant.core.config import Settings
from assistant.core.errors import BadInput
from assistant.engine.context import AppContext
from retrieval.ingest import replace_records
from retrieval.programme_records import AuditEntry, MdfActivityRow
from retrieval.scope import Scope
from tests.tools.programme_world import TODAY, write_world
from tools.mdf import service
from tools.mdf.service import MdfRequest, approve_mdf, request_mdf

CM = Scope("u-cm", "channel_manager")
BUDGET = {"partner_activity.csv": "partner_id,month,mdf_allocated\nP-1,2026-01,4000\nP-1,2026-02,3000\nP-1,2026-03,3000\n",
          "mdf_activities.csv": None, "leads.csv": None, "deal_registrations.csv": None}


def race(ctx, monkeypatch) -> None:
    from connectors.csv_folder import read_import_folder

    replace_records(ctx, read_import_folder(write_world(ctx.settings.home / "in", BUDGET)))
    ids = [request_mdf(ctx, CM, MdfRequest(partner_id="P-1", name=f"Event {i}", amount=6000, kind="event",
                                           start_on="2026-03-1" + str(i))).activity_id for i in range(2)]
    barrier = threading.Barrier(2, timeout=20)
    real = service.snapshot

    def snapshot_after_both_read(row):  # called in _change after the read, before the lock and the write
        barrier.wait()
        return real(row)

    monkeypatch.setattr(service, "snapshot", snapshot_after_both_read)
    results: list = [None, None]

    def approve(i: int) -> None:
        try:
            results[i] = approve_mdf(ctx, CM, ids[i])
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
    assert isinstance(losses[0], BadInput), losses[0]
    message = losses[0].message
    assert all(s in message for s in ("P-1", "2026-Q1", "10,000", "6,000")), message
    with ctx.store.session() as s:
        rows = {r.activity_id: r for r in s.query(MdfActivityRow)}
        assert sorted(r.status for r in rows.values()) == ["approved", "requested"]
        assert sum(r.approved_amount or 0 for r in rows.values()) == 6000
        actions = [e.action for e in s.query(AuditEntry).filter(AuditEntry.record_type == "mdf_activities")]
        assert sorted(actions) == ["approved", "request", "request"]


def test_concurrent_approvals(tmp_path, monkeypatch, database_url):
    ctx = AppContext(Settings(home=tmp_path / "home", today=TODAY, database_url=database_url))
    try:
        race(ctx, monkeypatch)
    finally:
        ctx.store.dispose()
        ctx.close()
