"""Only the portfolio part of the zoo (issue 19): the at-risk list of `cosell portfolio` against the partners
planted as declining (logins and PSAT falling over the last 3 months) and the healthy controls, per world.
The same metrics as `evals/zoo/score.py`, in process (records only, no content embedding):

- precision_at_list_len: share of the at-risk list that was planted as declining;
- declining_in_top: share of the planted partners among the first len(planted) of the list;
- declining_flagged: share of the planted partners anywhere in the list;
- controls_at_risk: share of the healthy controls in the list (should be 0).

`python -m evals.zoo.portfolio_only [--world W ...] [--seed N ...] [--size small|full] [--json]`; `--seed`
scores the worlds generated with other seeds (fresh worlds no rule was chosen on).
"""
from __future__ import annotations

import argparse
import json
import time
from dataclasses import replace

from evals.zoo.inproc import records_world
from evals.zoo.worlds import DEFAULT_WORLDS, WORLDS, sized
from retrieval.scope import Scope
from tools.analytics import service


def score_portfolio(name: str, size: str = "full", seed: int | None = None) -> dict:
    world = sized(WORLDS[name], size)
    if seed is not None:
        world = replace(world, seed=seed)
    with records_world(world, f"portfolio-{name}") as (ctx, truth):
        started = time.perf_counter()
        data = service.portfolio(ctx, Scope.operator())
        seconds = time.perf_counter() - started
    at_risk = data.at_risk
    planted, controls = set(truth["declining_partners"]), set(truth["partner_controls"])
    return {"world": name, "seed": world.seed, "partners": len(data.partners), "at_risk": len(at_risk),
            "declining_planted": len(planted), "controls": len(controls),
            "precision_at_list_len": round(len(set(at_risk) & planted) / max(1, len(at_risk)), 3),
            "declining_in_top": round(len(set(at_risk[:len(planted)]) & planted) / max(1, len(planted)), 3),
            "declining_flagged": round(len(set(at_risk) & planted) / max(1, len(planted)), 3),
            "controls_at_risk": round(len(set(at_risk) & controls) / max(1, len(controls)), 3),
            "portfolio_s": round(seconds, 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--world", action="append", choices=sorted(WORLDS))
    ap.add_argument("--seed", type=int, action="append", help="generate with this seed (repeatable)")
    ap.add_argument("--size", default="full", choices=("small", "full"))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    for w in args.world or DEFAULT_WORLDS:
        for seed in args.seed or [None]:
            rep = score_portfolio(w, args.size, seed)
            print(json.dumps(rep) if args.json else "  ".join(f"{k}={v}" for k, v in rep.items()), flush=True)


if __name__ == "__main__":
    main()
