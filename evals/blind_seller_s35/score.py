"""Score Co-sell Copilot on the blind s35 question set (issue 17, the held-out measure of record; questions.yaml next to this file) with
evals/blind_seller's scorer (same server, same matching rules, same report).

    python -m evals.blind_seller_s35.score [--json] [--home DIR] [--only s001,s002]
"""
from __future__ import annotations

import sys

from evals.blind_seller.score import for_set

QUESTIONS, run, main = for_set(__file__)

if __name__ == "__main__":
    sys.exit(main())
