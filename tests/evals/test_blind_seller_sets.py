"""The blind seller sets s32, s33, s34 and s35 stay well-formed and in step with the demo import folder they are
computed from (one set of checks; each set keeps its own facts and builder, written blind of the others)."""
from __future__ import annotations

import collections
import importlib

import pytest

from tests.evals import blind_sets

# set -> the fewest questions its README promises
SETS = {"s32": 200, "s33": 200, "s34": 280, "s35": 300}


def _modules(name: str):
    package = f"evals.blind_seller_{name}"
    return importlib.import_module(f"{package}.build_questions"), importlib.import_module(f"{package}.facts")


@pytest.fixture(params=sorted(SETS))
def blind_set(request, demo_folder, monkeypatch):
    build_questions, facts = _modules(request.param)
    for _ in blind_sets.facts_read_from(facts, demo_folder, monkeypatch):
        yield build_questions, facts


def test_questions_yaml_is_fresh(blind_set):
    build_questions, _ = blind_set
    assert build_questions.main(["--check"]) == 0


@pytest.mark.parametrize("name", sorted(SETS))
def test_set_has_the_promised_shape(name):
    build_questions, _ = _modules(name)
    qs = blind_sets.check_shape(blind_sets.questions(build_questions), min_questions=SETS[name])
    langs = collections.Counter(q["lang"] for q in qs)
    assert all(15 <= langs[lang] <= 40 for lang in ("de", "fr", "es", "pt", "ja")), langs
    assert len({q["user"] for q in qs if q["role"] == "partner_seller"}) >= 12
    kinds = collections.Counter(q["expect"] for q in qs)
    assert kinds["refusal"] and kinds["not_found"] and kinds["no_such_entity"]
    for q in qs:
        if q["expect"] != "answer":
            assert "answer_any" not in q, q["id"]


def test_made_up_names_are_absent_from_the_import_folder(blind_set):
    build_questions, facts = blind_set
    text = facts.all_import_text()
    assert build_questions.MADE_UP
    for name in build_questions.MADE_UP:
        assert name.lower() not in text, name
