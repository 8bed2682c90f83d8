"""Account mapping as a user runs it: `cosell map P` against a COSELL_HOME holding 1M accounts and 1M
partner rows over 20 partners (issue 22: <= 2 s including process start, the match stored at ingest).

    python -m evals.bench.mapping_store [N]

Steps, each timed (wall and CPU) with the load average: the world (`evals.bench.mapping.synthetic`, hard
negatives included) written into a fresh SQLite store (not timed: a bulk load, not `cosell ingest`);
the ingest-time computation (`refresh_stored_matches`, in a child process: its own peak memory);
`cosell map P-001 --json` three times, each a new process; one partner's rows changed (a few renamed,
one removed) and the refresh again (only that partner is resolved again: its count is reported); the
map of that partner. Precision and recall are those of the stored match (rank 0 over the threshold).
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polars as pl
from sqlalchemy import delete, insert, update

REPO = Path(__file__).resolve().parents[2]
CHANGED = "P-002"  # the partner whose rows change


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "COSELL_HOME": str(home), "PYTHONPATH": str(REPO), "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1"}


def build_home(home: Path, n: int, n_partners: int = 20) -> pl.DataFrame:
    """The world into a new store (accounts, partners sharing accounts, partner rows, a few open deals);
    returns the rows' truth."""
    from assistant.core.config import Settings
    from assistant.engine.context import AppContext
    from evals.bench.mapping import synthetic
    from retrieval import records as R

    accounts, rows = synthetic(n, n, n_partners)
    ctx = AppContext(Settings(home=home))
    statuses = ("customer", "prospect", "former_customer")
    row_statuses = ("customer", "open_opportunity", "prospect")
    with ctx.store.session() as s:
        s.execute(insert(R.Partner), [{"partner_id": f"P-{i:03d}", "name": f"Partner {i}", "type": "reseller",
                                       "tier": "gold", "account_sharing": "accounts"} for i in range(1, n_partners + 1)])
        raw = s.connection().exec_driver_sql  # a bulk load: DB-API executemany, SQLite placeholders
        raw("INSERT INTO accounts (account_id, name, domain, country, status, attributes) VALUES (?, ?, ?, ?, ?, '{}')",
            [(k, nm, d, c, statuses[i % 3]) for i, (k, nm, d, c) in enumerate(accounts.iter_rows())])
        raw("INSERT INTO partner_accounts (row_key, partner_id, account_name, domain, country, status, line, attributes)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, '{}')",
            [(k, p, nm, d, c, row_statuses[i % 3], i + 2) for i, (k, p, nm, d, c) in enumerate(
                rows.select("key", "partner_id", "name", "domain", "country").iter_rows())])
        s.execute(insert(R.Opportunity), [{"opportunity_id": f"O-{i}", "account_id": k, "name": "deal",
                                           "stage": "negotiation"} for i, k in enumerate(accounts["key"][::50])])
        ctx.store.bump_records_version(s)
    ctx.close()
    return rows.select("key", "partner_id", "truth")


def _child(args: list[str], home: Path) -> tuple[subprocess.CompletedProcess, float]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, *args], env=_env(home), capture_output=True, text=True, check=False)
    return done, round(time.perf_counter() - started, 2)


def _refresh_in_child(home: Path, mode: str = "") -> dict:
    """mode "all": resolve every partner; "check": hash everything though this version was checked."""
    done, wall = _child(["-m", "evals.bench.mapping_store", "--refresh", mode], home)
    if done.returncode:
        raise RuntimeError(done.stderr[-2000:])
    return {**json.loads(done.stdout.strip().splitlines()[-1]), "wall_s_with_process_start": wall}


def _refresh_here(mode: str) -> None:
    """(child) The ingest-time computation, with its own timing and peak memory."""
    from assistant.engine.context import AppContext
    from evals.bench.mapping import _PeakRss
    from tools.account_mapping import stored

    ctx = AppContext()
    with _PeakRss() as rss:
        wall, cpu = time.perf_counter(), time.process_time()
        result = stored.refresh(ctx, force=mode == "check", resolve_all=mode == "all")
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(json.dumps({"refresh_s": round(wall, 2), "refresh_cpu_s": round(cpu, 2), "peak_rss_mb": round(rss.peak / 2**20),
                      "resolved_partners": result.resolved, "unchanged_partners": len(result.unchanged)}))


def _map(home: Path, partner: str) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done, wall = _child(["-m", "assistant.cli", "map", partner, "--json"], home)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    data = json.loads(done.stdout)
    if "error" in data:
        raise RuntimeError(data["error"])
    return {"wall_s": wall, "cpu_s": round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 2),
            "overlaps": len(data["overlaps"]), "max_rss_mb_any_child": round(after.ru_maxrss / 1024)}


def _accuracy(home: Path, truth: pl.DataFrame) -> dict:
    from assistant.core.config import Settings
    from assistant.engine.context import AppContext
    from retrieval.account_matches import MatchCandidate as C
    from tools.account_mapping.er_scoring import MATCH_THRESHOLD

    ctx = AppContext(Settings(home=home))
    with ctx.store.session() as s:
        chosen = pl.DataFrame([tuple(r) for r in s.execute(
            C.__table__.select().with_only_columns(C.row_key, C.account_id).where(
                C.rank == 0, C.confidence >= MATCH_THRESHOLD))], schema={"key": pl.String, "account_id": pl.String},
            orient="row")
    ctx.close()
    joined = truth.join(chosen, on="key", how="left")
    tp = joined.filter(pl.col("account_id") == pl.col("truth")).height
    predicted, actual = joined["account_id"].is_not_null().sum(), joined["truth"].is_not_null().sum()
    return {"precision": round(tp / max(predicted, 1), 4), "recall": round(tp / max(actual, 1), 4)}


def _change_partner(home: Path, partner: str) -> int:
    """Rename 1% of one partner's rows and remove one; returns how many rows changed."""
    from assistant.core.config import Settings
    from assistant.engine.context import AppContext
    from retrieval import records as R

    ctx = AppContext(Settings(home=home))
    with ctx.store.session() as s:
        keys = list(s.scalars(R.PartnerAccount.__table__.select().with_only_columns(R.PartnerAccount.row_key)
                              .where(R.PartnerAccount.partner_id == partner).order_by(R.PartnerAccount.row_key)))
        renamed = keys[1::100]
        s.execute(update(R.PartnerAccount).where(R.PartnerAccount.row_key.in_(renamed))
                  .values(account_name=R.PartnerAccount.account_name + " Group"))
        s.execute(delete(R.PartnerAccount).where(R.PartnerAccount.row_key == keys[0]))
        ctx.store.bump_records_version(s)
    ctx.close()
    return len(renamed) + 1


def run(n: int = 1_000_000, n_partners: int = 20) -> dict:
    """COSELL_BENCH_HOME: build the store there once and keep it (later runs reuse it); else a temp dir.
    COSELL_BENCH_PARTNERS: how many partners share the rows (default 20)."""
    n_partners = int(os.environ.get("COSELL_BENCH_PARTNERS", n_partners))
    kept = os.environ.get("COSELL_BENCH_HOME")
    with tempfile.TemporaryDirectory(prefix="cosell-mapping-") as tmp:
        home = Path(kept or tmp)
        started = time.perf_counter()
        if (home / "truth.parquet").exists():
            truth = pl.read_parquet(home / "truth.parquet")
        else:
            truth = build_home(home, n, n_partners)
            truth.write_parquet(home / "truth.parquet")
        built_s = round(time.perf_counter() - started, 1)
        load_before = os.getloadavg()
        first = _refresh_in_child(home, "all")  # as after the first ingest: every partner
        maps = [_map(home, "P-001") for _ in range(3)]
        again = _refresh_in_child(home, "check")  # a re-ingest that changed nothing: hashes only
        changed_rows = _change_partner(home, CHANGED)
        incremental = _refresh_in_child(home)
        after_change = _map(home, CHANGED)
        accuracy = _accuracy(home, truth)
        return {
            "accounts": truth.height, "partner_rows": truth.height, "partners": n_partners, "store_built_s": built_s,
            "ingest_time_refresh": first, "map_p001": maps, "refresh_unchanged": again,
            "changed_rows_of_one_partner": changed_rows, "refresh_after_one_partner_changed": incremental,
            "map_changed_partner_after_change": after_change, **accuracy,
            "load_average_before": [round(x, 1) for x in load_before],
            "load_average_after": [round(x, 1) for x in os.getloadavg()],
            "goal_map_s": 2.0, "goal_precision": 0.99, "goal_recall": 0.94,
        }


if __name__ == "__main__":
    if sys.argv[1:2] == ["--refresh"]:
        _refresh_here(sys.argv[2] if len(sys.argv) > 2 else "")
    else:
        print(json.dumps(run(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000), indent=2))
