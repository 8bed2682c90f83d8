"""Account mapping at 100k, 1M and 10M accounts x as many partner rows (issue 22: 10M x 10M in <= 10
minutes within 16 GB on 2 cores).

    python -m evals.bench.mapping_scale 100000 1000000 [10000000]

Per size: the world (`evals.bench.mapping.synthetic`, hard negatives included) is generated in one
child process and written to Parquet (not timed); a second child resolves it with the production
resolver loop (`tools.account_mapping.stored`: our accounts prepared and indexed once, partner rows
in batches of whole partners), reading the partner rows out of core (a Polars lazy scan of the Parquet
file per batch, never the whole file) and writing each batch's candidates to Parquet. That child's wall
and CPU time and peak memory are the figures; precision and recall are then counted by DuckDB over the
Parquet files (out of core). In the product the same loop is fed by SQL keyset pages
(`retrieval.account_matches.pages`, SQLite or Postgres).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polars as pl

REPO = Path(__file__).resolve().parents[2]


def _generate(n: int, folder: Path) -> None:
    """(child) The world to Parquet: accounts, rows (without truth), truth."""
    from evals.bench.mapping import synthetic

    accounts, rows = synthetic(n, n)
    accounts.write_parquet(folder / "accounts.parquet")
    rows.select("key", "partner_id", "name", "domain", "country").sort("partner_id").write_parquet(
        folder / "rows.parquet", row_group_size=100_000)
    rows.select("key", "truth", "kind").write_parquet(folder / "truth.parquet")


def _resolve(folder: Path) -> None:
    """(child) The resolver over the Parquet world; prints its figures as JSON."""
    from evals.bench.mapping import _PeakRss
    from tools.account_mapping import stored

    with _PeakRss() as rss:
        wall, cpu = time.perf_counter(), time.process_time()
        vendor = stored.VendorSide.of(pl.read_parquet(folder / "accounts.parquet"))
        vendor_s = time.perf_counter() - wall
        scan = pl.scan_parquet(folder / "rows.parquet")
        sizes = dict(scan.group_by("partner_id").len().collect().iter_rows())
        batches, batch, count = [], [], 0
        for pid in sorted(sizes):
            batch.append(pid)
            count += sizes[pid]
            if count >= stored.BATCH_ROWS:
                batches.append(batch)
                batch, count = [], 0
        batches += [batch] if batch else []
        out = folder / "candidates"
        out.mkdir(exist_ok=True)
        rows = (scan.filter(pl.col("partner_id").is_in(b)).collect() for b in batches)
        kept = 0
        for i, found in enumerate(stored.resolve_batches(vendor, rows)):
            found.write_parquet(out / f"part-{i:04d}.parquet")
            kept += found.height
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(json.dumps({"resolve_s": round(wall, 1), "resolve_cpu_s": round(cpu, 1),
                      "our_side_prepared_s": round(vendor_s, 1), "peak_rss_mb": round(rss.peak / 2**20),
                      "batches": len(batches), "candidates_kept": kept}))


def _accuracy(folder: Path) -> dict:
    """Precision and recall of rank-0 candidates over the threshold, counted by DuckDB from Parquet."""
    import duckdb  # heavy: only this benchmark counts with it

    from tools.account_mapping.er_scoring import MATCH_THRESHOLD

    con = duckdb.connect()
    tp, predicted, actual = con.execute(f"""
        with chosen as (select row_key, account_id from read_parquet('{folder}/candidates/*.parquet')
                        where rank = 0 and confidence >= {MATCH_THRESHOLD})
        select count(*) filter (where c.account_id = t.truth), count(c.account_id), count(t.truth)
        from read_parquet('{folder}/truth.parquet') t left join chosen c on c.row_key = t.key""").fetchone()
    con.close()
    return {"precision": round(tp / max(predicted, 1), 4), "recall": round(tp / max(actual, 1), 4)}


def _child(args: list[str]) -> str:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-m", "evals.bench.mapping_scale", *args], env=env, capture_output=True,
                          text=True, check=False)
    if done.returncode:
        raise RuntimeError(done.stderr[-3000:])
    return done.stdout


def one(n: int) -> dict:
    """COSELL_BENCH_WORLDS: a folder keeping generated worlds (one sub-folder per size) for later runs."""
    worlds = os.environ.get("COSELL_BENCH_WORLDS")
    with tempfile.TemporaryDirectory(prefix="cosell-mapscale-") as tmp:
        folder = Path(worlds) / str(n) if worlds else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        if not (folder / "truth.parquet").exists():
            _child(["--generate", str(n), str(folder)])
        generated = round(time.perf_counter() - started, 1)
        for old in (folder / "candidates").glob("*.parquet"):
            old.unlink()
        tmp = str(folder)
        load = os.getloadavg()
        figures = json.loads(_child(["--resolve", tmp]).strip().splitlines()[-1])
        return {"accounts": n, "partner_rows": n, "generate_s": generated, **figures, **_accuracy(Path(tmp)),
                "load_average_before": [round(x, 1) for x in load],
                "load_average_after": [round(x, 1) for x in os.getloadavg()]}


def run(sizes: tuple[int, ...] | None = None) -> dict:
    """100k and 1M; 10M too with COSELL_BENCH_MAPPING_10M=1 (about 10 minutes and 16 GB: run it alone)."""
    if sizes is None:
        sizes = (100_000, 1_000_000) + ((10_000_000,) if os.environ.get("COSELL_BENCH_MAPPING_10M") == "1" else ())
    report = {f"{n:,}": one(n) for n in sizes}
    if 10_000_000 not in sizes and len(sizes) >= 2:
        report["projection_10M"] = projection({n: report[f"{n:,}"] for n in sizes}, 10_000_000)
    return report


def projection(measured: dict[int, dict], target: int) -> dict:
    """A straight line through the two largest measured sizes (the resolver is linear in the rows once our
    side is indexed): a PROJECTION, labelled so, never a measurement."""
    (n1, a), (n2, b) = sorted(measured.items())[-2:]

    def line(key: str) -> float:
        return round(b[key] + (b[key] - a[key]) / (n2 - n1) * (target - n2), 1)

    return {"label": f"PROJECTION from {n1:,} and {n2:,}, not measured (COSELL_BENCH_MAPPING_10M=1 runs it)",
            "accounts": target, "partner_rows": target, "resolve_s": line("resolve_s"),
            "resolve_cpu_s": line("resolve_cpu_s"), "peak_rss_mb": line("peak_rss_mb")}


if __name__ == "__main__":
    if sys.argv[1:2] == ["--generate"]:
        _generate(int(sys.argv[2]), Path(sys.argv[3]))
    elif sys.argv[1:2] == ["--resolve"]:
        _resolve(Path(sys.argv[2]))
    else:
        for size in [int(a) for a in sys.argv[1:]] or [100_000, 1_000_000]:
            print(json.dumps({f"{size:,}": one(size)}), flush=True)
