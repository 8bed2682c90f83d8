"""Score the marketer / channel-manager set with the blind_seller scorer (same rules, this questions.yaml).

    python -m evals.marketer_cm.score [--json] [--home DIR] [--only m01,c01]

Equivalent to `python -m evals.blind_seller.score --questions evals/marketer_cm/questions.yaml`.
"""
from __future__ import annotations

import sys
from pathlib import Path

from evals.blind_seller import score as _scorer

QUESTIONS = Path(__file__).resolve().parent / "questions.yaml"


def run(home=None, only=None) -> dict:
    return _scorer.run(home=home, questions_path=QUESTIONS, only=only)


def main(argv=None) -> int:
    return _scorer.main(argv, default_questions=QUESTIONS)


if __name__ == "__main__":
    sys.exit(main())
