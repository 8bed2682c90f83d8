"""Score Co-sell Copilot on the blind s34 question set (issue 17) (questions.yaml next to this file) with
evals/blind_seller's scorer (same server, same matching rules, same report).

    python -m evals.blind_seller_s34.score [--json] [--home DIR] [--only q001,q002]
"""
from __future__ import annotations

import sys

from evals.blind_seller.score import for_set

QUESTIONS, run, main = for_set(__file__)

if __name__ == "__main__":
    sys.exit(main())
