"""Score Co-sell Copilot on the fourth-vendor set (Brolga Build, a world nobody working on the code has seen)
with evals/blind_seller's scorer, at that world's today (COSELL_TODAY=2026-08-20).

    python -m evals.fourth_vendor.score [--json] [--home DIR] [--only fv001,fv002]

Without --home it serves `.cosell-fourth-vendor/home` of the checkout, built when it is missing or stale
(`evals.blind_seller.world`).
"""
from __future__ import annotations

import sys
from pathlib import Path

from evals.blind_seller.world import GeneratedWorld
from evals.fourth_vendor import generate

WORLD = GeneratedWorld("fourth_vendor", generate, Path(__file__).resolve().parent / "questions.yaml")
QUESTIONS, HOME, STAMP, TODAY = WORLD.questions, WORLD.home, WORLD.stamp, WORLD.today
ensure_home, run, main = WORLD.ensure_home, WORLD.run, WORLD.main

if __name__ == "__main__":
    sys.exit(main())
