"""A channel manager's own book asked in other words and languages ("list my partners", "Wie viele Partner betreue
ich?", "mes partenaires gold"): the partners whose partners.csv `channel_manager` is the asker, listed; "how many
partners do we have?" stays the whole ecosystem. Expected values from the import folder."""
from __future__ import annotations

import re
from collections import Counter

import pytest

from assistant.engine.agent import ask
from retrieval.scope import scope_for_user
from tests.records_only import csv_rows, records_only


@pytest.fixture(scope="module")
def demo_ctx(tmp_path_factory, demo_folder, demo_today):
    with records_only(tmp_path_factory.mktemp("own-book-home"), demo_folder, demo_today) as ctx:
        yield ctx


def _book(folder) -> tuple[str, set[str], set[str]]:
    """The channel manager with the most partners, their partners, and all partners."""
    rows = csv_rows(folder, "partners.csv")
    manager = Counter(p["channel_manager"] for p in rows if p["channel_manager"]).most_common(1)[0][0]
    return manager, {p["partner_id"] for p in rows if p["channel_manager"] == manager}, {p["partner_id"] for p in rows}


@pytest.mark.parametrize("question", ["show me my partners", "Wie viele Partner betreue ich?",
                                      "liste des partenaires que je gère"])
def test_my_partners_are_my_book(demo_ctx, demo_folder, question):
    manager, mine, everyone = _book(demo_folder)
    answer = ask(demo_ctx, scope_for_user(demo_ctx.store, manager), question)
    assert [t.name for t in answer.tools] == ["records_overview"], answer.answer
    assert re.search(rf"\b{len(mine)}\b", answer.answer) and str(len(everyone)) not in answer.answer, answer.answer
    listed = set(re.findall(r"\bP-\d{3}\b", answer.answer))
    assert listed and listed <= mine, answer.answer


def test_how_many_partners_we_have_is_the_whole_ecosystem(demo_ctx, demo_folder):
    manager, _mine, everyone = _book(demo_folder)
    answer = ask(demo_ctx, scope_for_user(demo_ctx.store, manager), "how many partners do we have?")
    assert re.search(rf"\b{len(everyone)}\b", answer.answer), answer.answer
