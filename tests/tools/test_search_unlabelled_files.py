"""A file with no front matter (a .txt, .pdf or .docx dropped in content/) declares no language: the English
reading of a question asked in another language (`glossed_answer`) searches it too, so an internal figure asked in
French, Spanish or German by the vendor's people is found; a floor, a threshold and a price are programme words in
every language (issue 17)."""
from __future__ import annotations

import pytest

from assistant.core.config import Settings
from assistant.engine.context import AppContext
from retrieval.ingest import ingest_folder
from retrieval.scope import scope_for_user
from tests.tools.programme_world import TODAY, write_world
from tools.search.glossary import english_gloss
from tools.search.service import answer_from_content

POLICY = """---
title: Partner programme essentials
kind: policy
visibility: partners
locale: en
---
Approved registrations are protected for 45 days. Silver partners get a 12% resale discount.
"""
DESK = """Deal desk guidance (internal)

The minimum margin the approval desk accepts on a services bundle is 17% of list, with the regional director only.
Escalations go to the pricing committee every Tuesday.
"""


@pytest.fixture(scope="module")
def ctx(tmp_path_factory):
    root = tmp_path_factory.mktemp("unlabelled")
    folder = write_world(root / "import")
    (folder / "content").mkdir()
    (folder / "content" / "essentials.md").write_text(POLICY, encoding="utf-8")
    (folder / "content" / "desk-guidance.txt").write_text(DESK, encoding="utf-8")
    context = AppContext(Settings(home=root / "home", today=TODAY))
    ingest_folder(context, folder)
    yield context
    context.close()


@pytest.mark.parametrize("question", ["quelle est la marge minimum interne du bundle de services ?",
                                      "what is the internal minimum margin on a services bundle?"])
def test_an_internal_figure_in_a_file_without_front_matter(ctx, question):
    answer = answer_from_content(ctx, scope_for_user(ctx.store, "u-cm"), question)
    assert answer.found and "17%" in answer.answer, (answer.answer, answer.closest)


@pytest.mark.parametrize(("question", "words"), [("le seuil plancher de remise, c'est combien déjà ?",
                                                  {"floor", "threshold", "discount"}),
                                                 ("wie hoch ist die Preisuntergrenze?", {"floor"}),
                                                 ("¿cuál es el umbral de precio?", {"threshold", "pricing"})])
def test_floor_threshold_and_price_are_programme_words(question, words):
    gloss = english_gloss(question) or ""
    assert all(w in gloss.split() for w in words) and "plan" not in gloss.split() and "deja" not in gloss, gloss
