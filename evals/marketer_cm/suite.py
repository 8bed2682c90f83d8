"""The marketer / channel-manager set as a `cosell eval` suite: the blind seller scorer over this set's
questions, on the demo home (built as for the blind seller suite), gated like it (right >= 85%,
confidently wrong <= 3%)."""
from __future__ import annotations

from evals.blind_seller import score
from evals.blind_seller.suite import THRESHOLDS, ensure_demo_home
from evals.marketer_cm.score import QUESTIONS


def run() -> dict:
    report = score.run(home=ensure_demo_home(), questions_path=QUESTIONS)
    overall = report["overall"]
    report.pop("results", None)  # the per-question detail stays in `python -m evals.marketer_cm.score --json`
    report["thresholds"] = THRESHOLDS
    report["passed"] = (overall["right_rate"] >= THRESHOLDS["right_min"]
                        and overall["confidently_wrong_rate"] <= THRESHOLDS["confidently_wrong_max"])
    return report
