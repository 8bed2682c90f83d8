"""What the blind seller sets' tests share: their facts read from the demo folder the test session generated,
their questions.yaml, and the shape every set promises (six languages, three roles, four kinds)."""
from __future__ import annotations

import collections
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import yaml


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
