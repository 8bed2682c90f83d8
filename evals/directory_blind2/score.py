"""Score the second blind partner-directory set with evals/directory_blind/score.py.

    python evals/directory_blind2/score.py [--repo PATH] [--baseline-only] [-v] [--json OUT] [--world demo]

Equivalent to `python evals/directory_blind/score.py --questions evals/directory_blind2/questions.yaml ...`.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUESTIONS = HERE / "questions.yaml"


def _scorer():
    spec = importlib.util.spec_from_file_location("directory_blind_score", HERE.parent / "directory_blind" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--questions" not in argv:
        argv += ["--questions", str(QUESTIONS)]
    return _scorer().main(argv)


if __name__ == "__main__":
    sys.exit(main())
