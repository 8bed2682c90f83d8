"""`cosell ingest`: row-level rejection, --strict, idempotence, removal, crash then rerun."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from assistant.core.config import Settings
from assistant.core.errors import BadInput
from assistant.engine.context import AppContext
from retrieval import records as R
from retrieval.ingest import ingest_folder
from tests.foundation.folders import ACCOUNTS, write_folder


@pytest.fixture()
def ctx(tmp_path):
    ctx = AppContext(Settings(home=tmp_path / "home"))
    yield ctx
    ctx.close()


def test_faulty_folder_loads_every_valid_row(ctx, tmp_path):
    folder = write_folder(tmp_path / "in", **{"accounts.csv": ACCOUNTS + "A3,Initech,,,US,client\n"})
    result = ingest_folder(ctx, folder)
    assert result.accounts == 2 and result.opportunities == 2 and result.partners == 2
    assert [(r.file, r.line, r.column) for r in result.rejected] == [("accounts.csv", 4, "status")]
    assert "client" in result.rejected[0].message
    assert ctx.store.count(R.Account) == 2


def test_strict_loads_nothing(ctx, tmp_path):
    folder = write_folder(tmp_path / "in", **{"accounts.csv": ACCOUNTS + "A3,Initech,,,,client\n"})
    result = ingest_folder(ctx, folder, strict=True)
    assert (result.accounts, result.partners, result.documents) == (0, 0, 0)
    assert result.rejected and ctx.store.count(R.Account) == 0 and ctx.store.count(R.Document) == 0


def test_second_ingest_embeds_nothing_and_removed_things_disappear(ctx, tmp_path):
    folder = write_folder(tmp_path / "in")
    first = ingest_folder(ctx, folder)
    assert first.documents == 3 and first.embedded_documents == 3 and first.chunks >= 3
    second = ingest_folder(ctx, folder)
    assert second.embedded_documents == 0 and second.chunks == first.chunks

    (folder / "content" / "internal" / "pricing.md").unlink()
    (folder / "accounts.csv").write_text(ACCOUNTS.replace("A2,Globex GmbH,globex.de,Retail,DE,prospect\n", ""))
    with pytest.raises(BadInput, match=r"would remove 1 of 2 accounts .* --allow-removals"):
        ingest_folder(ctx, folder)  # half the accounts: more than the default 20%, so nothing changes
    assert ctx.store.count(R.Account) == 2 and ctx.store.count(R.Document) == 3
    third = ingest_folder(ctx, folder, allow_removals=True)
    assert third.documents == 2 and third.removed_documents == 1
    assert third.removed == {"accounts": 1, "opportunities": 1, "documents": 1}
    with ctx.store.session() as s:
        assert s.get(R.Document, "internal/pricing.md") is None
        assert s.scalar(select(func.count()).select_from(R.Chunk).where(R.Chunk.doc_id == "internal/pricing.md")) == 0
        assert s.get(R.Account, "A2") is None and s.get(R.Opportunity, "O2") is None  # O2 referred to A2
    assert not any("pricing" in hit.doc_id for hit in ctx.content.search("discounts finance review", k=10))


def test_reset_starts_from_empty(ctx, tmp_path):
    folder = write_folder(tmp_path / "in")
    ingest_folder(ctx, folder)
    again = ingest_folder(ctx, folder, reset=True)
    assert again.embedded_documents == 3


def _indexed_docs(db: Path) -> int:
    import sqlite3

    try:
        with sqlite3.connect(db) as con:
            return con.execute("select count(*) from documents where indexed_hash is not null").fetchone()[0]
    except sqlite3.OperationalError:  # the store is still being created
        return 0


def test_killed_ingest_leaves_previous_state_and_rerun_completes(tmp_path):
    """A real kill -9 in the middle of embedding, then a rerun: no duplicates, no orphans."""
    extra = {f"bulk/doc-{i:03d}.md": f"---\ntitle: Note {i}\nvisibility: partners\n---\n# Note {i}\n\n"
             + " ".join(f"Sentence {j} about partner programme topic {i} and benefits." for j in range(120))
             for i in range(60)}
    folder = write_folder(tmp_path / "in", extra_docs=extra)
    home = tmp_path / "home"
    env = {**os.environ, "COSELL_HOME": str(home), "COSELL_EMBEDDING_BATCH_SIZE": "8"}
    proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "ingest", str(folder), "--json"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    db = home / "cosell.db"
    deadline = time.time() + 240
    while time.time() < deadline and proc.poll() is None:
        if db.exists() and _indexed_docs(db) >= 1:  # the first commit (16 embedding batches of 8 = 128 chunks)
            break
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be killed; make the folder bigger"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _indexed_docs(db)
    assert 1 <= partial < 63

    ctx = AppContext(Settings(home=home))
    try:
        assert ctx.store.count(R.Partner) == 2  # the structured part committed whole, before content
        result = ingest_folder(ctx, folder)
        assert result.documents == 63 and not result.rejected
        assert result.embedded_documents == 63 - partial
        with ctx.store.session() as s:
            sql_chunks = s.scalar(select(func.count()).select_from(R.Chunk))
        assert sql_chunks == result.chunks
        assert ctx.content.vector_count() == sql_chunks  # no orphans, no duplicates in the vector index
    finally:
        ctx.close()
