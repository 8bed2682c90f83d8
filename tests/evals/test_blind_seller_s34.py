"""The blind s34 set stays well-formed and in step with the demo import folder it is computed from."""
from __future__ import annotations

import collections

import pytest

from evals.blind_seller_s34 import build_questions
from evals.blind_seller_s34 import facts as F
from tests.evals import blind_sets


@pytest.fixture
def facts_from(demo_folder, monkeypatch):
    yield from blind_sets.facts_read_from(F, demo_folder, monkeypatch)


def test_questions_yaml_is_fresh(facts_from):
    assert build_questions.main(["--check"]) == 0


def test_set_has_the_promised_shape():
    qs = blind_sets.check_shape(blind_sets.questions(build_questions), min_questions=280)
    langs = collections.Counter(q["lang"] for q in qs)
    assert all(15 <= langs[lang] <= 40 for lang in ("de", "fr", "es", "pt", "ja")), langs
    assert len({q["user"] for q in qs if q["role"] == "partner_seller"}) >= 12
    kinds = collections.Counter(q["expect"] for q in qs)
    assert kinds["refusal"] and kinds["not_found"] and kinds["no_such_entity"]
    for q in qs:
        if q["expect"] != "answer":
            assert "answer_any" not in q, q["id"]


def test_made_up_names_are_absent_from_the_import_folder(facts_from):
    text = F.all_import_text()
    assert build_questions.MADE_UP
    for name in build_questions.MADE_UP:
        assert name.lower() not in text, name
