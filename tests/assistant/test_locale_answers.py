"""The asker's language: every fixed sentence from one catalogue (en, de, fr, es, pt, ja), chosen by the
question's own language when it is clear, else the user's locale from users.csv."""

from __future__ import annotations

import re

import pytest

from assistant.engine import answers, followup_chat, onboarding_chat, overview_chat, programme
from assistant.engine.agent import ask
from assistant.engine.deterministic import plan_turn
from assistant.engine.messages import MESSAGES, say
from retrieval.scope import scope_for_user
from tests.assistant import profile_world
from tools.locales import CATALOGUE_LANGS, answer_language
from tools.next_best_action.service import NbaResponse
from tools.onboarding.phrases import phrase
from tools.search import service as search_service


@pytest.fixture()
def ctx(tmp_path):
    ctx = profile_world.build(tmp_path / "home")
    yield ctx
    ctx.close()


def test_every_sentence_exists_in_every_language_with_the_same_placeholders():
    for key, texts in MESSAGES.items():
        assert len(texts) == len(CATALOGUE_LANGS) and all(texts), key
        names = {frozenset(re.findall(r"\{(\w+)\}", t)) for t in texts}
        assert len(names) == 1, f"{key}: placeholders differ between languages"


@pytest.mark.parametrize("catalogue", [
    say, overview_chat._say, followup_chat._deal_partner_say, onboarding_chat._say, phrase, search_service._reference_label,
    answers._say, programme._say,
], ids=["messages", "overview", "followup", "onboarding", "evidence", "reference", "answers", "programme"])
def test_every_chat_catalogue_has_all_six_languages(catalogue):
    """No fixed sentence of an answer falls back to English in another language (an empty English template
    keeps the tool's own English text, which is the one gap allowed)."""
    assert catalogue.langs == CATALOGUE_LANGS
    assert {lang for _, lang in catalogue.missing()} <= {"en"}
    for key, texts in catalogue.table.items():
        assert len(texts) == len(CATALOGUE_LANGS), key
        names = {frozenset(re.findall(r"\{(\w+)\}", t)) for t in texts if t}
        assert len(names) == 1, f"{key}: placeholders differ between languages"


def test_a_catalogue_looks_a_locale_up_down_to_its_language():
    assert say("which_deal", "de-AT") == say("which_deal", "de") != say("which_deal", "en")
    assert say("which_deal", "ja-JP") == say("which_deal", "ja")
    assert say("which_deal", "it") == say("which_deal", "xx-YY") == say("which_deal", "en")


@pytest.mark.parametrize(("question", "locale", "lang"), [
    ("next steps, my deal?", "de", "de"),  # short or ambiguous: the user's locale
    ("what should we do next on this one?", "de", "en"),  # a clear sentence: its own language
    ("Welche Partner passen am besten zu diesem Projekt im Bankensektor?", "en", "de"),
    ("Quelles sont les prochaines étapes pour cette affaire ?", None, "fr"),
    ("¿Cuáles son los próximos pasos para esta oportunidad?", "en", "es"),
    ("Quais são os próximos passos para esta oportunidade?", "en", "pt"),
    ("次のステップは何ですか", "en", "ja"),
    ("mdf left?", None, "en"),
    ("mdf left?", "pt-BR", "pt"),
    ("mdf left?", "zz-invalid-tag!", "en"),
    # langdetect reads short Portuguese chat as French or Catalan, sometimes "surely": the asker's own
    # language wins when the question's function words are as much its own
    ("quais leads meus entram este mês?", "pt-BR", "pt"),
    ("deals meus que fecham esta semana?", "pt", "pt"),
    ("which of our leads came in this month?", "pt-BR", "en"),
    ("Quelles affaires de mon équipe ferment ce trimestre ?", "es", "fr"),
])  # fmt: skip
def test_answer_language(question, locale, lang):
    assert answer_language(question, locale) == lang


def test_a_german_seller_gets_german_fixed_sentences(ctx):
    seller = scope_for_user(ctx.store, "u-ps1")  # users.csv locale de
    p = plan_turn(ctx, seller, "next steps, my deal?")
    assert p.question.startswith("Welchen Deal meinen Sie?") and "Antworten Sie mit der Nummer" in p.question
    answer = ask(ctx, seller, "our MDF left?").answer
    assert answer.startswith("MDF für Alpine IT") and "übrig" in answer and "22,000 USD" in answer


@pytest.mark.parametrize(("question", "words"), [
    ("Quantas pessoas certificadas nós temos hoje na empresa?", "pessoas certificadas"),
    ("Combien de personnes certifiées avons-nous aujourd'hui ?", "personnes certifiées"),
    ("弊社の認定資格者は何人ですか？", "認定資格者は 4 人"),
])  # fmt: skip
def test_the_question_language_wins_for_a_clear_sentence(ctx, question, words):
    answer = ask(ctx, scope_for_user(ctx.store, "u-ps1"), question).answer
    assert words in answer and "4" in answer


def test_not_found_and_asking_back_in_japanese(ctx):
    seller = scope_for_user(ctx.store, "u-ps1")
    assert plan_turn(ctx, seller, "Hooli 社の案件の次のステップは？").reply.endswith("（存在しません）。")
    assert answers.search_answer([], lang="ja") == say("content_none", "ja")
    assert answers.nba_answer(NbaResponse(subject_type="partner", subject_id="X", actions=[]), "X", lang="fr") == "Rien d'urgent pour X en ce moment."
