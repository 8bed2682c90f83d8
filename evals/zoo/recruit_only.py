"""Only the recruitment part of the zoo (issue 21): NDCG@10 of `cosell recruit` against the candidates'
latent quality, the "same type and country as our best partners" heuristic and random, per world. The same
metric and baselines as `evals/zoo/score.py` (imported from it), without the slower match/nba/leads runs.

`python -m evals.zoo.recruit_only [--world W ...] [--size small|full] [--json]`
"""
from __future__ import annotations

import argparse
import json
import random
import tempfile
from collections import Counter
from pathlib import Path

from evals.zoo.generator import generate
from evals.zoo.score import Cli, Data, _split, ndcg
from evals.zoo.worlds import DEFAULT_WORLDS, WORLDS, sized


def score_recruit(name: str, size: str = "full") -> dict:
    world = sized(WORLDS[name], size)
    tmp = Path(tempfile.mkdtemp(prefix=f"zoo-recruit-{name}-"))
    truth = generate(world, tmp / "world")
    imp = tmp / "world" / "import"
    cli = Cli(tmp / "home", world.today, truth["admin"])
    rc, _, text = cli.run("ingest", str(imp), "--reset", as_user=False)
    if rc not in (0, 3):
        return {"world": name, "error": f"ingest failed (exit {rc}): {text[-300:]}"}
    rc, obj, text = cli.run("recruit", "--top", "10")
    if rc != 0 or obj is None:
        return {"world": name, "error": f"recruit failed (exit {rc}): {text[-300:]}"}
    data = Data(imp)
    rng = random.Random(world.seed)
    q = truth["candidates"]
    low = min(q.values())
    gains = {c: v - low for c, v in q.items()}
    ranked = [c["candidate_id"] for c in obj["candidates"]]
    best = sorted(data.partners, key=lambda p: (data.wins[p], p), reverse=True)[:max(3, len(data.partners) // 5)]
    best_types = Counter(data.partners[p]["type"] for p in best)
    best_countries = Counter(c for p in best for c in _split(data.partners[p]["countries"]))
    hs = {c["candidate_id"]: best_types[c["type"]] * sum(best_countries[x] for x in _split(c["countries"]))
          for c in data.candidates}
    rand = sum(ndcg(rng.sample(list(q), len(q)), gains, 10) for _ in range(200)) / 200
    return {"world": name, "partners": world.partners, "candidates": len(q),
            "copilot_ndcg@10": round(ndcg(ranked, gains, 10), 3),
            "type+country heuristic_ndcg@10": round(ndcg(sorted(q, key=lambda c: (hs[c], c), reverse=True),
                                                         gains, 10), 3),
            "random_ndcg@10": round(rand, 3), "already_partners": len(obj.get("already_partners", [])),
            "profile": obj["profile"].get("model", "")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--world", action="append", choices=sorted(WORLDS))
    ap.add_argument("--size", default="full", choices=("small", "full"))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    for w in args.world or DEFAULT_WORLDS:
        rep = score_recruit(w, args.size)
        if args.json:
            print(json.dumps(rep), flush=True)
        else:
            print(f"{w}: " + ", ".join(f"{k} {v}" for k, v in rep.items() if k not in ("world", "profile")),
                  flush=True)


if __name__ == "__main__":
    main()
