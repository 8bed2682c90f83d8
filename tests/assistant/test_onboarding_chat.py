"""Onboarding in chat (issue 21 part 4): a new partner's seller asking what to do first gets THEIR partner's
plan in their language; a channel manager gets the partner they name; a marketer and another partner's
seller get a refusal; questions about onboarding as a programme stay content questions."""
from __future__ import annotations

import dataclasses
import re

import pytest

from assistant.core.config import Settings
from assistant.engine import onboarding_chat
from assistant.engine.agent import ask
from assistant.engine.context import AppContext
from assistant.engine.onboarding_chat import days_asked, wants_plan
from retrieval.ingest import ingest_folder
from retrieval.scope import scope_for_user
from tests.tools.onboarding_world import TODAY, write
from tools.onboarding.phrases import PHRASES


@pytest.mark.parametrize("question, kinds, is_partner", [
    ("we just signed up, what do we do in the first 30 days?", set(), True),
    ("was müssen wir in den ersten 30 Tagen tun?", set(), True),
    ("que devons-nous faire pendant les 30 premiers jours ?", set(), True),
    ("¿qué debemos hacer en los primeros 30 días?", set(), True),
    ("o que devemos fazer nos primeiros 90 dias?", set(), True),
    ("how is our onboarding going?", set(), True),
    ("how is P-043's onboarding going?", {"partner"}, False),
    ("onboarding status for Ganga Cloud Services", {"partner"}, False),
])
def test_plan_questions(question, kinds, is_partner):
    assert wants_plan(question, kinds, is_partner)


@pytest.mark.parametrize("question, kinds, is_partner", [
    ("how long is onboarding supposed to take", set(), True),
    ("¿cuánto dura el onboarding de un partner nuevo?", set(), True),
    ("onboarding checklist for new partners", set(), False),
    ("what do new partners do in the first 30 days?", set(), False),  # the vendor asks about the programme
    ("what do we do in the first 30 days of the Globex deal?", {"opportunity"}, True),
    ("what should we do next?", set(), True),  # next best actions, not onboarding
])
def test_not_plan_questions(question, kinds, is_partner):
    assert not wants_plan(question, kinds, is_partner)


def test_days_asked():
    assert days_asked("what do we do in the first 30 days?") == 30
    assert days_asked("was müssen wir in den ersten 60 Tagen tun?") == 60
    assert days_asked("what should we do in our first month?") == 30
    assert days_asked("how is our onboarding going?") is None


@pytest.fixture(scope="module")
def ctx(tmp_path_factory):
    root = tmp_path_factory.mktemp("onboarding-chat")
    folder, _ = write(root / "import")  # users without a locale: the question's language decides
    context = AppContext(Settings(home=root / "home", today=TODAY.isoformat()))
    assert not ingest_folder(context, folder).rejected
    yield context
    context.close()


def _ask(ctx, user: str, question: str):
    return ask(ctx, scope_for_user(ctx.store, user), question)


def test_a_new_partners_seller_gets_their_own_plan(ctx):
    r = _ask(ctx, "u-ps-3", "we just signed up, what do we do in the first 30 days?")
    assert [(t.name, t.arguments) for t in r.tools] == [("onboarding", {"partner_id": "P-003", "locale": "en"})]
    assert "Partner 3 (P-003)" in r.answer and "In the first 30 days" in r.answer
    assert "Register a first deal" in r.answer and "P-004" not in r.answer


def test_the_answer_speaks_the_question_language(ctx):
    r = _ask(ctx, "u-ps-2", "was müssen wir in den ersten 30 Tagen tun?")
    assert r.tools[0].arguments == {"partner_id": "P-002", "locale": "de"}
    assert "In den ersten 30 Tagen" in r.answer and "Einen ersten Deal registrieren" in r.answer
    assert "Training(s) abgeschlossen" in r.answer and "completed" not in r.answer  # the evidence in German too
    r = _ask(ctx, "u-ps-2", "que devons-nous faire pendant les 30 premiers jours ?")
    assert "Pendant les 30 premiers jours" in r.answer and "Enregistrer une première affaire" in r.answer


def _english_sentences_in(answer: str) -> list[str]:
    """The English fixed sentences of onboarding answers (the chat's and the tool's evidence) found in `answer`;
    a template the same in every language (a file and column name) is not English."""
    found = []
    for table in (onboarding_chat._say.table, PHRASES):
        for texts in table.values():
            english = texts[0]
            if not english or english in texts[1:]:
                continue
            parts = [re.escape(p) for p in re.split(r"\{\w+\}", english)]
            if re.search(r"(?<![A-Za-z])" + ".+?".join(parts) + r"(?![A-Za-z])", answer):
                found.append(english)
    return found


@pytest.mark.parametrize("question, locale", [
    ("参加したばかりです。最初の30日で何をすべきですか？", None),  # the question's language
    ("onboarding status?", "ja"),  # too short to tell: the user's locale
])
def test_a_japanese_seller_gets_the_plan_in_japanese(ctx, question, locale):
    scope = dataclasses.replace(scope_for_user(ctx.store, "u-ps-2"), locale=locale)
    r = ask(ctx, scope, question)
    assert r.tools[0].name == "onboarding" and r.tools[0].arguments["locale"] == "ja"
    plan = r.results[0]
    assert ("最初の 30 日間" if "30" in question else "オンボーディング計画:") in r.answer
    assert "ステップ中" in r.answer and f"`cosell onboarding {plan.partner_id}`。" in r.answer
    assert _english_sentences_in(r.answer) == []
    assert [s.title for s in plan.steps if s.title in r.answer] == []  # every step's title in Japanese too
    english = _ask(ctx, "u-ps-2", "how is our onboarding going?").answer
    assert _english_sentences_in(english)  # the check can fail: the English plan is made of them


def test_a_channel_manager_gets_the_partner_named(ctx):
    r = _ask(ctx, "u-cm", "how is P-005's onboarding going?")
    assert r.tools[0].arguments == {"partner_id": "P-005", "locale": "en"} and "Partner 5 (P-005)" in r.answer
    r = _ask(ctx, "u-cm", "how is Partner 7's onboarding going?")
    assert r.tools[0].arguments == {"partner_id": "P-007", "locale": "en"}


def test_refusals(ctx):
    r = _ask(ctx, "u-mkt", "how is P-005's onboarding going?")
    assert not r.tools and "may not see onboarding plans" in r.answer
    r = _ask(ctx, "u-ps-3", "how is P-005's onboarding going?")  # another partner: nothing of it is shown
    assert "Partner 5" not in r.answer and "joined" not in r.answer
