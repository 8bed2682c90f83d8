"""The blind s31 set stays well-formed and in step with the demo import folder it is computed from."""
from __future__ import annotations

import pytest

from evals.blind_seller_s31 import build_questions
from evals.blind_seller_s31 import facts as F
from tests.evals import blind_sets


@pytest.fixture
def facts_from(demo_folder, monkeypatch):
    yield from blind_sets.facts_read_from(F, demo_folder, monkeypatch)


def test_questions_yaml_is_fresh(facts_from):
    assert build_questions.main(["--check"]) == 0


def test_set_has_the_promised_shape():
    blind_sets.check_shape(blind_sets.questions(build_questions), min_questions=180)
