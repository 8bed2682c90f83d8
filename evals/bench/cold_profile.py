"""CPU of a question's first time, in one process, after the server's whole warm-up (issue 22's cold figure
without HTTP): a fresh copy of an ingested home, `assistant.api.warmup`'s steps run as the server runs them
(those after ready included), then the bench's questions (`evals.bench.api.question_pool`) asked once each
as their askers. Reports the process's CPU per question (mean, p50, by tool; this thread's alone as
`cold_thread_ms_mean`: chroma and the models may use threads of their own), the warm-up's CPU and, with
`--profile FILE` (`--profile-tool NAME`: only that tool's questions), a cProfile of the asks (its overhead
inflates Python loops: take the unprofiled figures). `--save-warm DIR` keeps the warmed home (its shared
cache holds the multilingual vectors: later runs from it warm up in seconds).

`python -m evals.bench.cold_profile --home DIR [--answers FILE] [--profile FILE] [--label NAME]`, with
`COSELL_TODAY` set as for the home. To compare two checkouts in one invocation, run a copy of this file (kept
outside both) with each checkout first on `PYTHONPATH`: the code measured is the one imported. A warm pass (`--warm N`) repeats the
pool N times after the cold one.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

DRAFT_ID = re.compile(r"\bDR-[0-9A-F]{6,}\b")


def _answer_text(response) -> str:
    """The answer with its generated ids masked (a new draft's id differs between runs)."""
    return DRAFT_ID.sub("<id>", response.answer)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser()
    parser.add_argument("--home", default=os.environ.get("COSELL_HOME", ".cosell-demo/home"))
    parser.add_argument("--answers", help="write the answers (JSON) here")
    parser.add_argument("--profile", help="write a cProfile of the cold asks here")
    parser.add_argument("--profile-tool", help="profile only the questions of this tool")
    parser.add_argument("--label", default="")
    parser.add_argument("--warm", type=int, default=0)
    parser.add_argument("--save-warm", help="copy the home here after the warm-up (its shared cache holds the "
                        "multilingual vectors: a later run's warm-up is shorter), before any question")
    args = parser.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="cold-profile-"))
    home = tmp / "home"
    shutil.copytree(args.home, home)
    os.environ["COSELL_HOME"] = str(home)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        return _run(args, home)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _run(args, home: Path) -> dict:
    import logging

    logging.disable(logging.WARNING)
    from assistant.api.warmup import Warmup
    from assistant.engine.agent import ask
    from assistant.engine.context import AppContext
    from evals.bench.api import question_pool
    from retrieval.scope import scope_for_user

    ctx = AppContext()
    warm_cpu = time.process_time()
    warmup = Warmup(ctx)
    warmup.run()
    warm_cpu = time.process_time() - warm_cpu
    if args.save_warm:
        shutil.copytree(home, args.save_warm)
    pool = question_pool(ctx)
    scopes = {user: scope_for_user(ctx.store, user) for user, _, _ in pool}

    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
    rows, answers = [], []
    for user, question, tool in pool:
        profiled = profiler is not None and args.profile_tool in (None, tool)
        if profiled:
            profiler.enable()
        t0, c0 = time.thread_time(), time.process_time()
        response = ask(ctx, scopes[user], question)
        ms = (time.process_time() - c0) * 1000
        thread_ms = (time.thread_time() - t0) * 1000
        if profiled:
            profiler.disable()
        rows.append({"user": user, "question": question, "tool": tool, "ms": round(ms, 2), "thread_ms": round(thread_ms, 2)})
        answers.append({"user": user, "question": question, "answer": _answer_text(response),
                        "tools": [t.name for t in response.tools]})
    warm = []
    for _ in range(args.warm):
        for user, question, _tool in pool:
            c0 = time.process_time()
            ask(ctx, scopes[user], question)
            warm.append((time.process_time() - c0) * 1000)
    if profiler:
        profiler.dump_stats(args.profile)
    if args.answers:
        Path(args.answers).write_text(json.dumps(answers, ensure_ascii=False, indent=1))
    by_tool: dict[str, list[float]] = {}
    for row in rows:
        by_tool.setdefault(row["tool"], []).append(row["ms"])
    cold = [r["ms"] for r in rows]
    report = {
        "label": args.label, "load": round(os.getloadavg()[0], 1), "questions": len(rows),
        "warmup_cpu_s": round(warm_cpu, 1), "warmup_steps": warmup.done,
        "cold_ms_mean": round(statistics.mean(cold), 2), "cold_ms_p50": round(statistics.median(cold), 2),
        "cold_cpu_s": round(sum(cold) / 1000, 3),
        "cold_thread_ms_mean": round(statistics.mean(r["thread_ms"] for r in rows), 2),
        "by_tool_ms_mean": {t: round(statistics.mean(v), 1) for t, v in sorted(by_tool.items())},
        "slowest": sorted(rows, key=lambda r: -r["ms"])[:8],
    }
    if warm:
        report["warm_ms_mean"] = round(statistics.mean(warm), 2)
    print(json.dumps(report, ensure_ascii=False, indent=1))
    return report


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
