"""What the blind seller sets' tests share: their facts read from the demo folder the test session generated,
their questions.yaml, the shape every set promises (six languages, three roles, four kinds), and for the generated
worlds (other, third, fourth vendor) their files and `cosell ingest` of them."""
from __future__ import annotations

import collections
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import yaml

ROOT = Path(__file__).resolve().parents[2]


def files(folder: Path) -> dict[str, bytes]:
    """Every file of a generated folder, by relative path (two generations compared byte for byte)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def ingest_report(world: Path, today: str, home: Path) -> dict:
    """`cosell ingest WORLD --reset --json` into `home` at the world's today, as a user runs it: its report (the
    command must exit 0)."""
    env = {**os.environ, "COSELL_HOME": str(home), "COSELL_TODAY": today,
           "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"}
    p = subprocess.run([sys.executable, "-m", "assistant.cli", "ingest", str(world), "--reset", "--json"],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert p.returncode == 0, p.stdout[-2000:] + p.stderr[-2000:]
    return json.loads(p.stdout)


def facts_read_from(facts: ModuleType, folder: Path, monkeypatch) -> Iterator[Path]:
    """A set's facts read from `folder` (a clean clone has no .cosell-demo): every cached table read again
    from there, and again from the default afterwards."""
    def clear():
        for value in vars(facts).values():
            if hasattr(value, "cache_clear"):
                value.cache_clear()
    clear()
    monkeypatch.setattr(facts, "IMPORT", folder)
    yield folder
    clear()


def questions(build_questions: ModuleType) -> dict:
    return yaml.safe_load(build_questions.OUT.read_text(encoding="utf-8"))


def check_shape(doc: dict, min_questions: int) -> list[dict]:
    """The shape every blind set promises; returns its questions for the set's own checks."""
    qs = doc["questions"]
    assert len(qs) >= min_questions
    assert len({q["id"] for q in qs}) == len(qs)
    assert doc["threads"] >= 15
    langs = collections.Counter(q["lang"] for q in qs)
    assert set(langs) == {"en", "de", "fr", "es", "pt", "ja"}
    roles = collections.Counter(q["role"] for q in qs)
    assert roles["partner_seller"] > roles["channel_manager"] > roles["marketer"] > 0
    for q in qs:
        assert q["expect"] in ("answer", "refusal", "not_found", "no_such_entity")
        if q["expect"] == "answer":
            assert q["answer_any"] and all(alt and all(s.strip() for s in alt) for alt in q["answer_any"]), q["id"]
    return qs
