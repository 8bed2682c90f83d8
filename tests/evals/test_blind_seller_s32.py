"""The blind s32 set stays well-formed and in step with the demo import folder it is computed from."""
from __future__ import annotations

import collections

import pytest
import yaml

from evals.blind_seller_s32 import build_questions
from evals.blind_seller_s32 import facts as F


@pytest.fixture
def facts_from(demo_folder, monkeypatch):
    """The set's facts read from the demo folder this test session generated (a clean clone has no
    .cosell-demo): every cached table read again from there, and again from the default afterwards."""
    def clear():
        for value in vars(F).values():
            if hasattr(value, "cache_clear"):
                value.cache_clear()
    clear()
    monkeypatch.setattr(F, "IMPORT", demo_folder)
    yield demo_folder
    clear()


def _questions() -> dict:
    return yaml.safe_load(build_questions.OUT.read_text(encoding="utf-8"))


def test_questions_yaml_is_fresh(facts_from):
    assert build_questions.main(["--check"]) == 0


def test_set_has_the_promised_shape():
    doc = _questions()
    qs = doc["questions"]
    assert len(qs) >= 200
    assert len({q["id"] for q in qs}) == len(qs)
    assert doc["threads"] >= 15
    langs = collections.Counter(q["lang"] for q in qs)
    assert set(langs) == {"en", "de", "fr", "es", "pt", "ja"}
    assert all(15 <= langs[lang] <= 40 for lang in ("de", "fr", "es", "pt", "ja")), langs
    roles = collections.Counter(q["role"] for q in qs)
    assert roles["partner_seller"] > roles["channel_manager"] > roles["marketer"] > 0
    assert len({q["user"] for q in qs if q["role"] == "partner_seller"}) >= 12
    kinds = collections.Counter(q["expect"] for q in qs)
    assert kinds["refusal"] and kinds["not_found"] and kinds["no_such_entity"]
    for q in qs:
        assert q["expect"] in ("answer", "refusal", "not_found", "no_such_entity")
        if q["expect"] == "answer":
            assert q["answer_any"] and all(alt and all(s.strip() for s in alt) for alt in q["answer_any"]), q["id"]
        else:
            assert "answer_any" not in q, q["id"]


def test_made_up_names_are_absent_from_the_import_folder(facts_from):
    text = F.all_import_text()
    assert build_questions.MADE_UP
    for name in build_questions.MADE_UP:
        assert name.lower() not in text, name
