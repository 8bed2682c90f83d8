"""The blind seller set as a `cosell eval` suite: ensures the demo home exists (as `make demo` builds it),
scores every question through the HTTP API, and gates on the acceptance figures of the issue that asked
for it (right >= 85%, confidently wrong <= 3%)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from evals.blind_seller import score

ROOT = Path(__file__).resolve().parents[2]
THRESHOLDS = {"right_min": 0.85, "confidently_wrong_max": 0.03}


def ensure_demo_home(home: Path = score.DEFAULT_HOME) -> Path:
    """The demo's COSELL_HOME, generated and ingested once if it is not there yet (several minutes)."""
    if home.is_dir():
        return home
    folder = home.parent / "import"
    env = {**os.environ, "COSELL_HOME": str(home), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    subprocess.run([sys.executable, "-m", "evals.demo.generator", "--out", str(folder)], check=True, cwd=ROOT, env=env)
    subprocess.run([sys.executable, "-m", "assistant.cli", "ingest", str(folder), "--reset", "--json"], check=True,
                   cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    return home


def run(questions_path: Path | None = None) -> dict:
    """This set (or another set's `questions_path`: the marketer/CM, final and s30 sets) scored and gated."""
    report = score.run(home=ensure_demo_home(), questions_path=questions_path)
    overall = report["overall"]
    report.pop("results", None)  # the per-question detail stays in each set's `score --json`
    report["thresholds"] = THRESHOLDS
    report["passed"] = (overall["right_rate"] >= THRESHOLDS["right_min"]
                        and overall["confidently_wrong_rate"] <= THRESHOLDS["confidently_wrong_max"])
    return report


def run_final() -> dict:
    """The blind final set (evals/blind_seller_final), a dev set since stop 30."""
    return run(ROOT / "evals" / "blind_seller_final" / "questions.yaml")


def run_s30() -> dict:
    """The blind s30 set (evals/blind_seller_s30): written before stop 30 changed any code; a dev set since stop 31."""
    return run(ROOT / "evals" / "blind_seller_s30" / "questions.yaml")


def run_s31() -> dict:
    """The blind s31 set (evals/blind_seller_s31): written before stop 31 changed any code; a dev set since stop 32."""
    return run(ROOT / "evals" / "blind_seller_s31" / "questions.yaml")


def run_s32() -> dict:
    """The blind s32 set (evals/blind_seller_s32): written before stop 32 changed any code; the measure of record."""
    return run(ROOT / "evals" / "blind_seller_s32" / "questions.yaml")


def run_s33() -> dict:
    """The blind s33 set (evals/blind_seller_s33): written before stop 33 changed any code; the measure of record."""
    return run(ROOT / "evals" / "blind_seller_s33" / "questions.yaml")


def run_s34() -> dict:
    """The blind s34 set (evals/blind_seller_s34): a development set for issue 17, written blind."""
    return run(ROOT / "evals" / "blind_seller_s34" / "questions.yaml")


def run_s35() -> dict:
    """The blind s35 set (evals/blind_seller_s35): written blind; the held-out measure of record for issue 17."""
    return run(ROOT / "evals" / "blind_seller_s35" / "questions.yaml")


def _generated_world(report: dict) -> dict:
    """A generated world's report (its per-question results left out), gated like the rest."""
    overall = report["overall"]
    report.pop("results", None)
    report["thresholds"] = THRESHOLDS
    report["passed"] = (overall["right_rate"] >= THRESHOLDS["right_min"]
                        and overall["confidently_wrong_rate"] <= THRESHOLDS["confidently_wrong_max"])
    return report


def run_other_vendor() -> dict:
    """The other-vendor set (evals/other_vendor): a second vendor's world (Corvane Systems) generated from the
    public contract alone, its home built on first use, scored at that world's today and gated like the rest."""
    from evals.other_vendor import score as other_vendor

    return _generated_world(other_vendor.run())


def run_third_vendor() -> dict:
    """The third-vendor set (evals/third_vendor): a third vendor's world (Halvard Secure) generated from the
    public contract alone, its home built on first use, scored at that world's today and gated like the rest."""
    from evals.third_vendor import score as third_vendor

    return _generated_world(third_vendor.run())


def run_fourth_vendor() -> dict:
    """The fourth-vendor set (evals/fourth_vendor): a fourth vendor's world (Brolga Build) generated from the
    public contract alone, its home built on first use, scored at that world's today and gated like the rest."""
    from evals.fourth_vendor import score as fourth_vendor

    return _generated_world(fourth_vendor.run())
