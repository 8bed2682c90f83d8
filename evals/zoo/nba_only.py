"""Only the next-best-action part of the zoo, in process: the planted deal and partner situations in the
subject's top 3, their numbers in the evidence, healthy controls flagged and actions without evidence,
scored exactly as `evals/zoo/score.py` scores the CLI's answers (`score_nba`).

Records only: the worlds' content is not embedded, so enablement-content actions (which need a
document) are absent; every other rule runs as it does behind `cosell nba`.

`python -m evals.zoo.nba_only [--world W ...] [--size small|full] [--per-kind N]` prints one JSON line
per world.
"""
from __future__ import annotations

import argparse
import json

from evals.zoo.inproc import records_world
from evals.zoo.score import score_nba
from evals.zoo.worlds import DEFAULT_WORLDS, WORLDS, sized
from retrieval.scope import Scope
from tools.next_best_action.service import next_best_actions


def _no_content(query: str, k: int, **_filters) -> list:
    return []


def score_world_nba(name: str, size: str = "full", per_kind: int = 3) -> dict:
    with records_world(sized(WORLDS[name], size), f"nba-{name}") as (ctx, truth):
        scope = Scope.operator()

        def run(what: str, sid: str) -> tuple[int, dict | None, str]:
            ids = {"partner_id": sid} if what == "partner" else {"opportunity_id": sid}
            result = next_best_actions(ctx, scope, content_lookup=_no_content, **ids)
            return 0, result.model_dump(mode="json"), ""

        report = score_nba(truth, per_kind, run)
    return {"world": name, "nba": report}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--world", action="append", choices=sorted(WORLDS))
    ap.add_argument("--size", default="full", choices=("small", "full"))
    ap.add_argument("--per-kind", type=int, default=3)
    args = ap.parse_args()
    for w in args.world or DEFAULT_WORLDS:
        print(json.dumps(score_world_nba(w, args.size, args.per_kind)), flush=True)


if __name__ == "__main__":
    main()
