"""Score Co-sell Copilot on the blind s31 question set (issue 17) (questions.yaml next to this file),
with evals/blind_seller's scorer (same server, same matching rules, same report).

    python -m evals.blind_seller_s31.score [--json] [--home DIR] [--only q001,q002]

A thin wrapper: it passes this folder's questions.yaml to evals.blind_seller.score.run.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from evals.blind_seller import score as _base

QUESTIONS = Path(__file__).resolve().parent / "questions.yaml"


def run(home=None, only=None, questions_path=None) -> dict:
    return _base.run(home=home, questions_path=questions_path or QUESTIONS, only=only)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="print the whole report as one JSON object")
    ap.add_argument("--home", help=f"COSELL_HOME to copy and serve (default {_base.DEFAULT_HOME})")
    ap.add_argument("--only", help="comma-separated question ids (their whole threads are asked)")
    ap.add_argument("--questions", help="question file (default questions.yaml next to this script)")
    a = ap.parse_args(argv)
    try:
        rep = run(home=a.home, only=a.only.split(",") if a.only else None, questions_path=a.questions)
    except _base.ServerError as e:
        print(f"blind_seller_s31: the copilot's server could not be started: {e}", file=sys.stderr)
        return 2
    if a.json:
        print(json.dumps(rep, ensure_ascii=False, indent=1))
    else:
        _base._print_report(rep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
