"""Content eval on a second corpus: the demo's Northwind enablement content, questions written blind.

The extractive answerer's thresholds were calibrated on the GitLab handbook (evals/handbook.py); this
suite asks evals/demo_content_questions.yaml (written by someone who had seen neither the code nor the
other question sets) over a different vendor's policies, playbooks, battlecards and case studies, as a
channel manager (who may read all of it), through the same code path as the search tool. It reports the
same metrics as the handbook suite and gates nothing: it shows whether the calibration carries over.

Run: `python -m evals.demo_content [COSELL_HOME]` (an ingested demo home; without one the demo is
generated and ingested into a temporary folder, as `cosell eval` does).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

QUESTIONS = Path(__file__).with_name("demo_content_questions.yaml")


def evaluate_home(ctx) -> dict[str, Any]:
    from evals.handbook import _failures, evaluate, load_questions
    from retrieval.scope import Scope

    cases = load_questions(QUESTIONS)
    result = evaluate(ctx, cases, scope=Scope("eval-cm", "channel_manager"), page=lambda hit: hit.source)
    metrics = result["metrics"]
    return {"suite": "demo_content", "metrics": metrics, "passed": True,
            "failures": _failures(result["records"]), "cases": result["records"]}


def run() -> dict[str, Any]:
    from evals.routing_cases import generated_demo

    with generated_demo("cosell-demo-content-") as ctx:
        return evaluate_home(ctx)


if __name__ == "__main__":
    if len(sys.argv) > 1:
        from assistant.core.config import Settings
        from assistant.engine.context import AppContext

        home_ctx = AppContext(Settings(home=Path(sys.argv[1])))
        try:
            report = evaluate_home(home_ctx)
        finally:
            home_ctx.close()
    else:
        report = run()
    json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
    print()
