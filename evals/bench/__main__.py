"""`make bench`: run every benchmark and print one JSON report of numbers (no pass/fail timing in tests)."""
from __future__ import annotations

import importlib
import json
import os
import sys
import time
import traceback

BENCHMARKS = {
    "ingest": "evals.bench.ingest",
    "scifact_ingest": "evals.bench.scifact_ingest",
    "search": "evals.bench.search",
    "directory": "evals.bench.directory",
    "matching": "evals.bench.matching",
    "api": "evals.bench.api",
    "mapping": "evals.bench.mapping",
    "mapping_store": "evals.bench.mapping_store",
    "mapping_scale": "evals.bench.mapping_scale",
    "portfolio": "evals.bench.portfolio",
    "slow_llm": "evals.bench.slow_llm",
}


def main(argv: list[str]) -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    names = argv or list(BENCHMARKS)
    report = {}
    for name in names:
        started = time.perf_counter()
        try:
            report[name] = importlib.import_module(BENCHMARKS[name]).run()
        except Exception as exc:
            traceback.print_exc()
            report[name] = {"error": repr(exc)}
        report[name]["seconds"] = round(time.perf_counter() - started, 1)
        print(json.dumps({name: report[name]}, default=str), file=sys.stderr, flush=True)
    print(json.dumps(report, indent=2, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
