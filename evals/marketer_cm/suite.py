"""The marketer / channel-manager set as a `cosell eval` suite: the blind seller suite over this set's
questions (same demo home, same gate: right >= 85%, confidently wrong <= 3%)."""
from __future__ import annotations

from evals.blind_seller import suite
from evals.marketer_cm.score import QUESTIONS


def run() -> dict:
    return suite.run(QUESTIONS)
