"""`make eval` suite `zoo`: the copilot on generated ecosystems, against the acceptance of issues 16, 19, 20, 21.

Environment: COSELL_ZOO_WORLDS (comma list, default the five worlds), COSELL_ZOO_SIZE (small|full,
default full: 30 to 200 partners), COSELL_ZOO_LARGE=1 adds the 3,000-partner world, COSELL_ZOO_JOBS.
Quick run for a developer: `python -m evals.zoo.suite --world skills --size small`.
"""
from __future__ import annotations

import argparse
import json
import os

from evals.zoo.score import NOT_AVAILABLE, score_world
from evals.zoo.worlds import DEFAULT_WORLDS, WORLDS

NBA_TOP3, NBA_NUMBER, CONTROLS_FLAGGED, LIFT = 0.95, 0.90, 0.10, 0.15


def checks(rep: dict) -> dict[str, bool | str]:
    """Each acceptance bullet as a pass/fail (or `not available` when the command does not exist yet)."""
    out: dict[str, bool | str] = {}
    m = rep.get("match")
    if isinstance(m, dict):
        cop, heur = m["copilot"], m["segment heuristic"]
        out["match hit@3 >= heuristic"] = cop["hit@3"] >= heur["hit@3"]
        out["match ndcg@5 >= heuristic"] = cop["ndcg@5"] >= heur["ndcg@5"]
        out["match hit@3 >= baselines + 0.15"] = all(
            cop["hit@3"] >= m[b]["hit@3"] + LIFT for b in ("random eligible", "highest tier", "most wins"))
    else:
        out["match"] = m or NOT_AVAILABLE
    n = rep.get("nba")
    if isinstance(n, dict):
        out["nba planted in top3 >= 0.95"] = n["in_top3"] >= NBA_TOP3
        out["nba number in evidence >= 0.90"] = n["number_in_evidence"] >= NBA_NUMBER
        out["nba controls flagged <= 0.10"] = n["controls_flagged"] <= CONTROLS_FLAGGED
        out["nba no action without evidence"] = n["actions_without_evidence"] == 0
    else:
        out["nba"] = n or NOT_AVAILABLE
    r = rep.get("register_check_lapsed_reported")
    out["register-check reports lapse"] = r if isinstance(r, str) else (r is None or r >= NBA_TOP3)
    p = rep.get("portfolio")
    if isinstance(p, dict):
        out["portfolio declining in top"] = p["declining_in_top"] >= 0.8
        out["portfolio controls not at risk"] = p["controls_at_risk"] <= CONTROLS_FLAGGED
    else:
        out["portfolio"] = p or NOT_AVAILABLE
    ld = rep.get("leads")
    if isinstance(ld, dict):
        out["leads hit@3 >= heuristic"] = ld["copilot_hit@3"] >= ld["segment heuristic_hit@3"]
        out["leads hit@3 >= random + 0.15"] = ld["copilot_hit@3"] >= ld["random_hit@3"] + LIFT
    else:
        out["leads"] = ld or NOT_AVAILABLE
    rc = rep.get("recruit")
    if isinstance(rc, dict):
        out["recruit ndcg@10 > heuristic and random"] = rc["copilot_ndcg@10"] > max(
            rc["type+country heuristic_ndcg@10"], rc["random_ndcg@10"])
    else:
        out["recruit"] = rc or NOT_AVAILABLE
    if "error" in rep:
        out["world ran"] = False
    return out


def run(worlds: list[str] | None = None, size: str | None = None) -> dict:
    names = worlds or [w for w in os.environ.get("COSELL_ZOO_WORLDS", ",".join(DEFAULT_WORLDS)).split(",") if w]
    if os.environ.get("COSELL_ZOO_LARGE") == "1" and "large" not in names:
        names.append("large")
    size = size or os.environ.get("COSELL_ZOO_SIZE", "full")
    jobs = int(os.environ.get("COSELL_ZOO_JOBS", "1"))
    result: dict = {"worlds": {}, "thresholds": {"nba_top3": NBA_TOP3, "nba_number": NBA_NUMBER,
                                                  "controls_flagged": CONTROLS_FLAGGED, "lift_over_baselines": LIFT}}
    passed = True
    for name in names:
        rep = score_world(name, size, deals=20, per_kind=2, jobs=jobs)
        rep["checks"] = checks(rep)
        passed &= all(v is True for v in rep["checks"].values())
        result["worlds"][name] = rep
    result["passed"] = passed
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description="The zoo suite with pass/fail per acceptance bullet")
    ap.add_argument("--world", action="append", choices=sorted(WORLDS))
    ap.add_argument("--size", choices=("small", "full"))
    args = ap.parse_args()
    print(json.dumps(run(args.world, args.size), indent=1))


if __name__ == "__main__":
    main()
