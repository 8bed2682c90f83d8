"""Only the next-best-action part of the zoo, in process: the planted deal and partner situations in the
subject's top 3, their numbers in the evidence, healthy controls flagged and actions without evidence,
scored exactly as `evals/zoo/score.py` scores the CLI's answers (`score_nba`).

Records only: the worlds' content is not embedded, so enablement-content actions (which need a
document) are absent; every other rule runs as it does behind `cosell nba`.

`python -m evals.zoo.nba_only [--world W ...] [--size small|full] [--per-kind N] [--seed S ...]` prints one
JSON line per world (and seed). `--seed` regenerates each world with other seeds
(`dataclasses.replace(world, seed=...)`; `+K` means the world's own seed + K, e.g. `--seed +1 --seed +2`);
with several seeds a last line per world pools them (counts over every seed).
"""
from __future__ import annotations

import argparse
import json
from dataclasses import replace

from evals.zoo.inproc import records_world
from evals.zoo.score import score_nba
from evals.zoo.worlds import DEFAULT_WORLDS, WORLDS, World, sized
from retrieval.scope import Scope
from tools.next_best_action.service import next_best_actions


def _no_content(query: str, k: int, **_filters) -> list:
    return []


def score_world_nba(name: str, size: str = "full", per_kind: int = 3, seed: int | None = None) -> dict:
    world: World = sized(WORLDS[name], size)
    if seed is not None:
        world = replace(world, seed=seed)
    with records_world(world, f"nba-{name}") as (ctx, truth):
        scope = Scope.operator()

        def run(what: str, sid: str) -> tuple[int, dict | None, str]:
            ids = {"partner_id": sid} if what == "partner" else {"opportunity_id": sid}
            result = next_best_actions(ctx, scope, content_lookup=_no_content, **ids)
            return 0, result.model_dump(mode="json"), ""

        report = score_nba(truth, per_kind, run)
    return {"world": name, "seed": world.seed, "nba": report}


def pooled(name: str, runs: list[dict]) -> dict:
    """Counts over every seed: planted in top 3, with the number, controls flagged, actions without evidence."""
    planted = sum(r["nba"]["planted"] for r in runs)
    top3 = sum(round(r["nba"]["in_top3"] * r["nba"]["planted"]) for r in runs)
    numbered = sum(round(r["nba"]["number_in_evidence"] * r["nba"]["planted"]) for r in runs)
    controls = sum(r["nba"]["controls"] for r in runs)
    flagged = sum(round(r["nba"]["controls_flagged"] * r["nba"]["controls"]) for r in runs)
    return {"world": name, "seeds": [r["seed"] for r in runs], "planted": planted,
            "in_top3": round(top3 / max(1, planted), 3), "number_in_evidence": round(numbered / max(1, planted), 3),
            "controls": controls, "controls_flagged": round(flagged / max(1, controls), 3),
            "actions_without_evidence": sum(r["nba"]["actions_without_evidence"] for r in runs),
            "actions": sum(r["nba"]["actions"] for r in runs)}


def _seed(text: str, own: int) -> int:
    return own + int(text[1:]) if text.startswith("+") else int(text)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--world", action="append", choices=sorted(WORLDS))
    ap.add_argument("--size", default="full", choices=("small", "full"))
    ap.add_argument("--per-kind", type=int, default=3)
    ap.add_argument("--seed", action="append", help="repeatable: a seed, or +K for the world's own seed + K")
    args = ap.parse_args()
    for w in args.world or DEFAULT_WORLDS:
        seeds = [_seed(s, WORLDS[w].seed) for s in args.seed] if args.seed else [None]
        runs = []
        for seed in seeds:
            runs.append(score_world_nba(w, args.size, args.per_kind, seed))
            print(json.dumps(runs[-1]), flush=True)
        if len(runs) > 1:
            print(json.dumps({"pooled": pooled(w, runs)}), flush=True)


if __name__ == "__main__":
    main()
