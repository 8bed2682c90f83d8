"""Channel managers' book and a seller's protection date, asked in wordings found on a variant of the other-vendor
world (tested with other wordings): "n'ont rien enregistré", "de mon portefeuille", "期限切れ間近", "¿cuándo vence
la protección de <deal>?"."""
from __future__ import annotations

import datetime as dt

import pytest

from assistant.engine import overview_chat
from assistant.engine.agent import ask
from assistant.engine.intent_cues import profile_topics
from retrieval.scope import scope_for_user

TODAY = dt.date(2027, 3, 10)


@pytest.mark.parametrize("question", ["quels partenaires n'ont rien enregistré depuis 45 jours ?",
                                      "¿qué socios no han registrado nada en 45 días?",
                                      "quais parceiros não registraram nenhum negócio nos últimos 45 dias?"])
def test_partners_that_registered_nothing(question):
    assert overview_chat._topic_of(question, TODAY) == ("no_registrations", {"days": 45})


@pytest.mark.parametrize("question", ["les partenaires de mon portefeuille ?", "los socios de mi cartera",
                                      "partners in my book", "parceiros do meu território"])
def test_my_book_in_more_words(question):
    assert overview_chat.asks_own_book(question)


@pytest.mark.parametrize("question", ["登録の期限切れが間近なのはどれ？", "quels enregistrements expirent bientôt ?"])
def test_registrations_expiring_soon(question):
    topic = overview_chat._topic_of(question, TODAY)
    assert topic and topic[0] == "expiring"


@pytest.mark.parametrize("question", ["¿cuándo vence la protección de Vega Foods?", "bis wann ist der Deal geschützt?",
                                      "jusqu'à quand dure la protection sur Delta ?", "até quando vai a proteção?"])
def test_until_when_protected_is_a_registration_question(question):
    assert "registrations" in profile_topics(question)


def test_a_named_deals_protection_end_for_its_seller(demo_ctx):
    scope = scope_for_user(demo_ctx.store, "u-ps-kingsbridge")
    from tools.partner_profile.service import partner_profile
    deals = [d for d in partner_profile(demo_ctx, scope, topic="registrations").deals
             if d.registered_by_partner and d.protection_ends]
    assert deals
    deal = deals[0]
    account = deal.name.split(" - ")[0]
    r = ask(demo_ctx, scope, f"until when is the protection on {account}?")
    assert [t.name for t in r.tools] == ["partner_profile"], r.answer
    assert deal.protection_ends.isoformat() in r.answer, r.answer


@pytest.mark.parametrize(("question", "intent"), [
    ("attribution 2025: sourced vs influenced revenue", "attribution"),
    ("influenced vs sourced, last year?", "attribution"),
    ("what does influenced mean in the attribution policy?", None),
])
def test_attribution_named_by_its_split(question, intent):
    from assistant.engine.analytics_chat import intent_of
    assert intent_of(question, set()) == intent


@pytest.mark.parametrize("question", ["¿qué socio debería recibir el lead L-42?", "quel partenaire pour le lead L-42 ?",
                                      "qual parceiro deve ficar com o lead L-42?", "welcher Partner bekommt Lead L-42?"])
def test_a_lead_routed_by_its_id_in_other_languages(question):
    from assistant.engine.programme import ROUTE_RE
    found = ROUTE_RE.search(question.lower())
    assert found and "l-42" in (found.group("id") or found.group("id2") or "")


@pytest.mark.parametrize(("question", "topic"), [
    ("¿qué socios están por debajo de su nivel?", "below_tier"),
    ("quais parceiros estão abaixo do seu nível?", "below_tier"),
    ("¿qué oportunidades abiertas no tienen socio?", "unpartnered"),
    ("quelles affaires ouvertes n'ont pas de partenaire ?", "unpartnered"),
])
def test_book_topics_in_spanish_portuguese_and_french(question, topic):
    found = overview_chat._topic_of(question, TODAY)
    assert found and found[0] == topic, found


@pytest.mark.parametrize(("question", "most"), [
    ("¿qué socios tienen la satisfacción más baja?", False),
    ("quels partenaires ont le PSAT le plus bas ?", False),
    ("quais parceiros têm o PSAT mais baixo?", False),
    ("which partners have the worst satisfaction scores?", False),
    ("満足度が最低のパートナーは？", False),
    ("PSATが一番低いパートナーはどこ？", False),  # a Latin cue right beside Japanese
    ("¿qué socios tienen la satisfacción más alta?", True),
    ("quels partenaires ont le plus de connexions au portail ?", True),
])  # fmt: skip
def test_a_ranking_runs_the_way_asked_in_every_language(question, most):
    """ "más bajo", "le plus bas", "mais baixo", "worst", "最低": the lowest first (the Spanish "más bajo" was
    ranked highest first: "más" read as "most")."""
    topic, args = overview_chat._topic_of(question, TODAY)
    assert topic == "logins" and args["most"] is most, (question, topic, args)


def test_latin_words_beside_japanese_keep_their_word_boundaries():
    from assistant.engine.intent_cues import normalise

    assert normalise("PSATが一番低い") == "psat が一番低い"
    assert normalise("Hanbit SecureのMDF残高") == "hanbit secure の mdf 残高"
    assert normalise("90日以上の件") == "90日以上の件"  # a number and its unit stay together
