"""Score Co-sell Copilot on the blind s30 question set (issue 17) (questions.yaml next to this file),
with evals/blind_seller's scorer (same server, same matching rules, same report).

    python -m evals.blind_seller_s30.score [--json] [--home DIR] [--only q001,q002]

Equivalent to `python -m evals.blind_seller.score --questions evals/blind_seller_s30/questions.yaml`.
"""
from __future__ import annotations

import sys
from pathlib import Path

from evals.blind_seller import score as _scorer

QUESTIONS = Path(__file__).resolve().parent / "questions.yaml"


def run(home=None, only=None, questions_path=None) -> dict:
    return _scorer.run(home=home, questions_path=questions_path or QUESTIONS, only=only)


def main(argv=None) -> int:
    return _scorer.main(argv, default_questions=QUESTIONS)


if __name__ == "__main__":
    sys.exit(main())
