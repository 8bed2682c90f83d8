"""A deal, partner or account named in a question that is not in the data (or not visible to the asker) is
said to not exist, in the asker's language, and is never answered as another record; a misspelt real name
still resolves. On the second ecosystem (tests/assistant/other_world.py), whose names the code has never
seen; the made-up names below are in no data set."""

from __future__ import annotations

import re

import pytest

from assistant.engine import router
from assistant.engine.deterministic import plan_turn
from assistant.engine.resolver import Resolver
from retrieval.scope import scope_for_user
from tests.assistant.other_world import build_other_world


@pytest.fixture()
def other_ctx(tmp_path):
    ctx = build_other_world(tmp_path / "home")
    yield ctx
    ctx.close()


def _plan(ctx, user: str, question: str):
    return plan_turn(ctx, scope_for_user(ctx.store, user), question)


@pytest.mark.parametrize(("user", "question", "name", "said"), [
    ("h-cm", "how's Quantum Partners doing?", "Quantum Partners", "There is no partner"),  # account + partner word
    ("h-cm", "what should we do with Zorblax Consulting?", "Zorblax Consulting", "There is no partner"),
    ("h-cm", "status of Initrode Holdings?", "Initrode Holdings", "There is no"),
    ("h-cm", "what's the discount guidance for the Wumpus Corp deal?", "Wumpus Corp", "There is no deal"),
    ("h-ps-byte", "was ist der nächste Schritt beim Quaxel-Deal?", "Quaxel", "gibt es kein"),
    # German capitalises "Deal" after a name of two words, and every noun before it ("der Stand")
    ("h-ps-byte", "wie ist der Stand beim Wumpus Logistik Deal?", "Wumpus Logistik", "gibt es kein"),
    ("h-ps-koyo", "Zorblax社の案件の次のステップは？", "Zorblax", "ありません"),
    ("h-ps-koyo", "DEAL-999 の状況は？", "DEAL-999", "ありません"),
    # one word of a real name ("Riverbend"), then words of none: another name, not the Riverbend deal
    ("h-cm", "what's the discount guidance for the Riverbend Harbour Logistics deal?", "Riverbend Harbour Logistics",
     "There is no deal"),
])  # fmt: skip
def test_a_name_that_is_nowhere_is_said_not_to_exist(other_ctx, user, question, name, said):
    p = _plan(other_ctx, user, question)
    assert p.reply and said in p.reply and name in p.reply, p
    assert not p.arguments.get("opportunity_id") and not p.arguments.get("partner_id")


def test_another_partners_deal_is_as_if_it_did_not_exist(other_ctx):
    p = _plan(other_ctx, "h-ps-byte", "wie geht es mit dem Okinawa Ginko Deal weiter?")
    assert not p.arguments.get("opportunity_id")  # never the other partner's deal
    assert "DEAL-507" not in (p.reply or "") and not any(c.id == "DEAL-507" for c in p.candidates)


@pytest.mark.parametrize(("user", "question", "slot", "expected"), [
    ("h-cm", "what should we do with Blue Harbr Consulting?", "partner_id", "HP-104"),  # misspelt
    ("h-cm", "how's Blue Harbor Consulting doing?", "partner_id", "HP-104"),  # its own partner word
    ("h-cm", "who should we bring into the Riverbend EDR rollout deal?", "opportunity_id", "DEAL-501"),
    ("h-ps-byte", "was ist der nächste Schritt beim SWU-SIEM-Deal?", "opportunity_id", "DEAL-509"),
])  # fmt: skip
def test_a_misspelt_or_compound_real_name_still_resolves(other_ctx, user, question, slot, expected):
    p = _plan(other_ctx, user, question)
    assert not p.reply, p.reply
    assert p.arguments.get(slot) == expected


def test_deal_word_compounds_are_no_names(other_ctx):
    resolver = Resolver(other_ctx, scope_for_user(other_ctx.store, "h-ps-byte"))
    question = "wie lange ist meine Deal-Registrierung geschützt?"
    assert resolver.unknown_name(question, resolver.find(question), router.DEAL_WORD) is None
    # German nouns after an article and an inflected adjective are not names ("am selben Tag")
    for question in ("was passiert, wenn zwei Partner denselben Deal am selben Tag registrieren?",
                     "darf ich den Deal im nächsten Monat noch registrieren?"):
        assert resolver.unknown_name(question, resolver.find(question), router.DEAL_WORD) is None, question
    question = "how's Blue Harbor Consulting doing?"
    assert resolver.unknown_partner(question, resolver.find(question), router.PARTNER_WORD) is None


@pytest.mark.parametrize("question", [
    "Wie viele Tage Schutz hat eine Registrierung?",
    "Nach wie vielen Wochen läuft eine Registrierung ab?",
    "Welche Unterlagen brauche ich für die Registrierung eines Deals?",
    "Gilt der Schutz für alle Produkte einer Registrierung?",
    "Sind 45 Tage Schutz für eine Registrierung üblich?",
    "Offene Pipeline in Summe?",
])
def test_german_nouns_after_a_quantity_are_no_names(other_ctx, question):
    """German capitalises every noun: after "wie viele", "welche", "alle" or a number it is a noun (issue 17: a
    programme question was answered "there is no deal called 'Tage'")."""
    resolver = Resolver(other_ctx, scope_for_user(other_ctx.store, "h-ps-byte"))
    near = re.compile(router.DEAL_WORD.pattern + r"|registr\w*", re.IGNORECASE)
    assert resolver.unknown_name(question, resolver.find(question), near) is None, question
    p = _plan(other_ctx, "h-ps-byte", question)
    assert not (p.reply and "namens" in p.reply), p.reply
