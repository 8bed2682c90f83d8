"""Score Co-sell Copilot on the third-vendor set (Halvard Secure, a world nobody working on the code has
seen) with evals/blind_seller's scorer (same server, same matching rules, same report).

    python -m evals.third_vendor.score [--json] [--home DIR] [--only tv001,tv002]

Without --home it serves `.cosell-third-vendor/home` of the checkout, built when it is missing or stale:
generate.py writes the import folder into a temporary directory and `cosell ingest FOLDER --reset` loads
it (a stamp file records the folder's hash). "Today" is the world's: COSELL_TODAY=2026-06-18.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from evals.blind_seller import score as base
from evals.third_vendor import generate

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = Path(__file__).resolve().parent / "questions.yaml"
HOME = ROOT / ".cosell-third-vendor" / "home"
STAMP = ROOT / ".cosell-third-vendor" / "stamp"
TODAY = generate.TODAY.isoformat()


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(folder)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def ensure_home(home: Path = HOME) -> Path:
    """The world's COSELL_HOME: generated and ingested when missing or built from another version."""
    with tempfile.TemporaryDirectory(prefix="third-vendor-import-") as tmp:
        folder = generate.write(Path(tmp) / "import")
        digest = _digest(folder)
        if home.is_dir() and STAMP.exists() and STAMP.read_text().strip() == digest:
            return home
        home.parent.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "COSELL_HOME": str(home), "COSELL_TODAY": TODAY, "HF_HUB_OFFLINE": "1",
               "TRANSFORMERS_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"}
        p = subprocess.run([sys.executable, "-m", "assistant.cli", "ingest", str(folder), "--reset", "--json"],
                           cwd=ROOT, env=env, capture_output=True, text=True)
        if p.returncode not in (0,):
            raise base.ServerError(f"`cosell ingest` of the third-vendor world exited {p.returncode}: "
                                   f"{(p.stdout + p.stderr)[-2000:]}")
        STAMP.write_text(digest + "\n")
    return home


@contextlib.contextmanager
def _world_today():
    saved = base.TODAY
    base.TODAY = TODAY
    try:
        yield
    finally:
        base.TODAY = saved


def run(home=None, only=None, questions_path=None) -> dict:
    with _world_today():
        return base.run(home=home or ensure_home(), questions_path=questions_path or QUESTIONS, only=only)


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    with _world_today():
        if "--home" not in argv:
            try:
                argv += ["--home", str(ensure_home())]
            except base.ServerError as e:
                print(f"third_vendor: {e}", file=sys.stderr)
                return 2
        return base.main(argv, default_questions=QUESTIONS)


if __name__ == "__main__":
    sys.exit(main())
