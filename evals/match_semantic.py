"""Matching's semantic signal: TF-IDF of descriptions against the partner directory's profile vectors.

Issue 23, Deliver 3. On each zoo world (`evals.zoo`): generate, ingest once (the directory's profile
vectors are built at ingest), then rank partners for every open deal with `COSELL_MATCH_SEMANTIC=tfidf`
and `=vectors` (the same data, the same code path as `cosell match`) and score them as the zoo does
(hit@1, hit@3, NDCG@5 of the generator's best eligible partner, gains its hidden win probabilities).
Alongside, the ranker each setting chose (`choose_ranker`) and its own time-split backtest on the
world's history, the backtest of the recommendations issue.

    python -m evals.match_semantic [--world skills --world tiered] [--size small|full]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from evals.zoo.generator import generate
from evals.zoo.score import _mean, _rank_metrics
from evals.zoo.worlds import DEFAULT_WORLDS, WORLDS, sized

SETTINGS = ("tfidf", "vectors")
KEYS = ("hit@1", "hit@3", "ndcg@5", "hit@3_habit_corrected", "auc", "n")


def _ingest(home: Path, imp: Path, today: str) -> None:
    env = dict(os.environ, COSELL_HOME=str(home), COSELL_TODAY=today, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    proc = subprocess.run([sys.executable, "-m", "assistant.cli", "ingest", str(imp), "--reset", "--json"],
                          env=env, capture_output=True, text=True, timeout=3600)
    if proc.returncode not in (0, 3):
        raise RuntimeError(f"ingest failed ({proc.returncode}): {proc.stderr[-400:]}")


def score(home: Path, today: str, admin: str, open_deals: dict, semantic: str) -> dict:
    import datetime as dt

    from assistant.core.config import Settings
    from assistant.engine.context import AppContext
    from retrieval.scope import Scope
    from tools.partner_match.service import get_engine, match_partners

    ctx = AppContext(Settings(home=home, today=dt.date.fromisoformat(today), match_semantic=semantic))
    try:
        started = time.perf_counter()
        engine = get_engine(ctx)
        built = time.perf_counter() - started
        scope = Scope(user_id=admin, role="admin")
        rows = []
        for oid, truth in sorted(open_deals.items()):
            ranked = [p.partner_id for p in match_partners(ctx, scope, oid, top=5).partners]
            rows.append(_rank_metrics(ranked, truth["best"], truth["p_win"]))
        backtest = engine.model.backtest or {}
        return {"open_deals": _mean(rows), "ranker": engine.model.kind, "engine_s": round(built, 1),
                "backtest": {k: v for k, v in backtest.items() if k in KEYS},
                "candidates": {name: {k: v for k, v in figures.items() if k in KEYS}
                               for name, figures in (engine.model.candidates or {}).items()}}
    finally:
        ctx.close()


def run(worlds: list[str], size: str) -> dict:
    report = {}
    for name in worlds:
        world = sized(WORLDS[name], size)
        with tempfile.TemporaryDirectory(prefix=f"match-semantic-{name}-") as tmp:
            truth = generate(world, Path(tmp) / "world")
            started = time.perf_counter()
            _ingest(Path(tmp) / "home", Path(tmp) / "world" / "import", world.today)
            report[name] = {"partners": world.partners, "open_deals": len(truth["open_deals"]),
                            "ingest_s": round(time.perf_counter() - started, 1)}
            for semantic in SETTINGS:
                report[name][semantic] = score(Path(tmp) / "home", world.today, truth["admin"], truth["open_deals"],
                                               semantic)
        print(json.dumps({name: report[name]}), file=sys.stderr, flush=True)
    return report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--world", action="append", choices=sorted(WORLDS))
    ap.add_argument("--size", choices=("small", "full"), default="small")
    args = ap.parse_args()
    print(json.dumps(run(args.world or list(DEFAULT_WORLDS), args.size), indent=1))


if __name__ == "__main__":
    main()
