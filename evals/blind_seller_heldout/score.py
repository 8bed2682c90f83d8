"""Score the held-out blind seller set with the blind_seller scorer (same rules, this questions.yaml).

    python -m evals.blind_seller_heldout.score [--json] [--home DIR] [--only h001,h002]

Equivalent to `python -m evals.blind_seller.score --questions evals/blind_seller_heldout/questions.yaml`.
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
