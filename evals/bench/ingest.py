"""Ingest throughput on the demo ecosystem: first ingest (documents/s, chunks/s) and a second, unchanged
ingest (goal, issue 22: at most 3% of the first), plus peak memory."""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

import psutil


def run() -> dict:
    from assistant.core.config import Settings
    from assistant.engine.context import AppContext
    from evals.demo.generator import generate
    from retrieval.ingest import ingest_folder

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "import"
        generate(folder)
        ctx = AppContext(Settings(home=Path(tmp) / "home"))
        started = time.perf_counter()
        first = ingest_folder(ctx, folder)
        first_s = time.perf_counter() - started
        started = time.perf_counter()
        second = ingest_folder(ctx, folder)
        second_s = time.perf_counter() - started
        ctx.close()
    return {
        "documents": first.documents,
        "chunks": first.chunks,
        "records": first.partners + first.accounts + first.opportunities + first.partner_accounts
        + first.partner_activity + first.users,
        "first_ingest_s": round(first_s, 2),
        "documents_per_s": round(first.documents / first_s, 1),
        "chunks_per_s": round(first.chunks / first_s, 1),
        "second_ingest_s": round(second_s, 2),
        "second_embedded_documents": second.embedded_documents,
        "second_vs_first": round(second_s / first_s, 3),
        "goal_second_vs_first": 0.03,
        "peak_rss_mb": round(psutil.Process().memory_info().rss / 2**20),
    }
