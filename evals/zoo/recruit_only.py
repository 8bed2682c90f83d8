"""Only the recruitment part of the zoo (issue 21): NDCG@10 of `cosell recruit` against the candidates'
latent quality, the "same type and country as our best partners" heuristic and random, per world. The same
metric and baselines as `evals/zoo/score.py` (imported from it), without the slower match/nba/leads runs.

`python -m evals.zoo.recruit_only [--world W ...] [--size small|full] [--seed N ...] [--reuse DIR] [--json]`
(`--seed` replaces the world's own seed, which also redraws which traits make a good partner; `--reuse DIR`
keeps each generated and ingested world under DIR and reuses it on the next run.)
"""
from __future__ import annotations

import argparse
import json
import random
import tempfile
from collections import Counter
from dataclasses import replace
from pathlib import Path

from evals.zoo.generator import generate
from evals.zoo.score import Cli, Data, _split, ndcg
from evals.zoo.worlds import DEFAULT_WORLDS, WORLDS, sized


def score_recruit(name: str, size: str = "full", seed: int | None = None, reuse: Path | None = None) -> dict:
    world = sized(WORLDS[name], size)
    if seed is not None:
        world = replace(world, seed=seed)
    if reuse is not None:
        tmp = reuse / f"{name}-{size}-{world.seed}"
    else:
        tmp = Path(tempfile.mkdtemp(prefix=f"zoo-recruit-{name}-"))
    imp = tmp / "world" / "import"
    ready = tmp / "truth.json"
    if ready.exists():
        truth = json.loads(ready.read_text())
        cli = Cli(tmp / "home", world.today, truth["admin"])
    else:
        truth = generate(world, tmp / "world")
        cli = Cli(tmp / "home", world.today, truth["admin"])
        rc, _, text = cli.run("ingest", str(imp), "--reset", as_user=False)
        if rc not in (0, 3):
            return {"world": name, "error": f"ingest failed (exit {rc}): {text[-300:]}"}
        if reuse is not None:
            ready.write_text(json.dumps({"admin": truth["admin"], "candidates": truth["candidates"]}))
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
    return {"world": name, "size": size, "seed": world.seed, "partners": world.partners, "candidates": len(q),
            "copilot_ndcg@10": round(ndcg(ranked, gains, 10), 3),
            "type+country heuristic_ndcg@10": round(ndcg(sorted(q, key=lambda c: (hs[c], c), reverse=True),
                                                         gains, 10), 3),
            "random_ndcg@10": round(rand, 3), "already_partners": len(obj.get("already_partners", [])),
            "profile": obj["profile"].get("model", "")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--world", action="append", choices=sorted(WORLDS))
    ap.add_argument("--size", default="full", choices=("small", "full"))
    ap.add_argument("--seed", type=int, action="append", help="instead of the world's own seed (repeatable)")
    ap.add_argument("--reuse", type=Path, help="keep generated, ingested worlds here and reuse them")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    for w in args.world or DEFAULT_WORLDS:
        for seed in args.seed or [None]:
            rep = score_recruit(w, args.size, seed, args.reuse)
            if args.json:
                print(json.dumps(rep), flush=True)
            else:
                print(f"{w}: " + ", ".join(f"{k} {v}" for k, v in rep.items() if k not in ("world", "profile")),
                      flush=True)


if __name__ == "__main__":
    main()
