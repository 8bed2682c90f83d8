"""A question set over a world generated from the contract (evals/other_vendor, evals/third_vendor): its
COSELL_HOME built on first use and whenever the generated folder changes, and scoring at that world's "today"
with evals/blind_seller's scorer (same server, same matching rules, same report).

The home is `.cosell-<name>/home` of the checkout: the generator writes the import folder into a temporary
directory and `cosell ingest FOLDER --reset` loads it; a stamp file records the folder's hash.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

from evals.blind_seller import score as base

ROOT = Path(__file__).resolve().parents[2]


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(folder)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


class GeneratedWorld:
    """One generated world's set: `generate` has `write(folder) -> folder` and `TODAY`; `name` is the set's
    (`other_vendor`), its home `.cosell-other-vendor/home`."""

    def __init__(self, name: str, generate: ModuleType, questions: Path):
        self.name, self.generate, self.questions = name, generate, questions
        slug = name.replace("_", "-")
        self.home = ROOT / f".cosell-{slug}" / "home"
        self.stamp = ROOT / f".cosell-{slug}" / "stamp"
        self.today = generate.TODAY.isoformat()

    def ensure_home(self, home: Path | None = None) -> Path:
        """The world's COSELL_HOME: generated and ingested when missing or built from another version."""
        home = home or self.home
        with tempfile.TemporaryDirectory(prefix=f"{self.name}-import-") as tmp:
            folder = self.generate.write(Path(tmp) / "import")
            stamp = digest(folder)
            if home.is_dir() and self.stamp.exists() and self.stamp.read_text().strip() == stamp:
                return home
            home.parent.mkdir(parents=True, exist_ok=True)
            env = {**os.environ, "COSELL_HOME": str(home), "COSELL_TODAY": self.today, "HF_HUB_OFFLINE": "1",
                   "TRANSFORMERS_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"}
            p = subprocess.run([sys.executable, "-m", "assistant.cli", "ingest", str(folder), "--reset", "--json"],
                               cwd=ROOT, env=env, capture_output=True, text=True)
            if p.returncode != 0:
                raise base.ServerError(f"`cosell ingest` of the {self.name} world exited {p.returncode}: "
                                       f"{(p.stdout + p.stderr)[-2000:]}")
            self.stamp.write_text(stamp + "\n")
        return home

    @contextlib.contextmanager
    def world_today(self) -> Iterator[None]:
        """The scorer's today is the world's for the run (its default is the demo's), then put back."""
        saved = base.TODAY
        base.TODAY = self.today
        try:
            yield
        finally:
            base.TODAY = saved

    def run(self, home: Path | None = None, only=None, questions_path: Path | None = None) -> dict:
        with self.world_today():
            return base.run(home=home or self.ensure_home(), questions_path=questions_path or self.questions,
                            only=only)

    def main(self, argv: list[str] | None = None) -> int:
        argv = list(sys.argv[1:] if argv is None else argv)
        with self.world_today():
            if "--home" not in argv:
                try:
                    argv += ["--home", str(self.ensure_home())]
                except base.ServerError as e:
                    print(f"{self.name}: {e}", file=sys.stderr)
                    return 2
            return base.main(argv, default_questions=self.questions)
