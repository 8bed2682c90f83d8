"""Issue 17 (q21b): something only other companies' programmes have (a reference handbook's "SPIFF", its award's
name) is not answered with a nearby sentence of the vendor's own programme, in any language and in a content of a
few documents (where the vocabulary is too narrow to tell an unused word from a name); a quote in the asker's own
language on only part of the question gives way to the default language's quote on all of it. Every name, number
and wording here is made up and differs from the evaluation sets'."""
from __future__ import annotations

import hashlib

import pytest

from assistant.core.config import Settings
from assistant.engine.context import AppContext
from connectors.models import DocumentRecord
from retrieval.scope import Scope
from tools.search.service import answer_from_content, others_only_name

OWN_EN = ("# Co-marketing funds\n\nOrveto Labs co-funds 40% of an approved marketing activity. Claims are filed "
          "within 20 days after the activity ends.\n\n# Deal registration\n\nA partner may keep at most 9 approved "
          "registrations open at the same time. Protection lasts 75 days after approval.")
OWN_PT = ("# Plano de integração\n\nDia 30: primeiro negócio registrado. Dia 60: duas pessoas certificadas.")
OWN_ES = ("# Guía de fondos de marketing\n\nOrveto Labs cofinancia el 40 % del coste de una actividad aprobada. Solicita "
          "los fondos al menos 10 días hábiles antes de la actividad. Los fondos no usados en un trimestre no se "
          "acumulan al siguiente.")
OWN_DE = ("# Deal-Registrierung bei Orveto (Kurzfassung)\n\nSchutzfrist: 75 Tage ab dem Tag der Freigabe. Verlängerung: "
          "einmalig um 25 Tage.")
REFERENCE = ("# Brightwater Cloud partner guide\n\nBrightwater pays every seller a 250 EUR SPIFF per closed deal. "
             "The partner of the year receives the Brightwater Beacon Award.")


def _doc(doc_id: str, text: str, locale: str = "en", attributes: dict | None = None) -> DocumentRecord:
    return DocumentRecord(doc_id=doc_id, source=f"content/{doc_id}", title=doc_id.split("/")[-1], visibility=["partners"],
                          locale=locale, text=text, content_hash=hashlib.sha256(text.encode()).hexdigest(),
                          attributes=attributes or {})


@pytest.fixture(scope="module")
def ctx(tmp_path_factory):
    context = AppContext(Settings(home=tmp_path_factory.mktemp("orveto") / "home"))
    context.store.set_meta("vendor", {"name": "Orveto Labs", "default_locale": "en"})
    context.content.sync_documents([
        _doc("programme/funds-and-registration.md", OWN_EN),
        _doc("programme/integracao.md", OWN_PT, locale="pt"),
        _doc("programme/fondos.md", OWN_ES, locale="es"),
        _doc("programme/registrierung.md", OWN_DE, locale="de"),
        _doc("reference/brightwater-guide.md", REFERENCE, attributes={"source": "reference",
                                                                      "publisher": "Brightwater Cloud"}),
    ])
    yield context
    context.close()


def _scope(locale: str) -> Scope:
    return Scope("s1", "partner_seller", partner_id="P-001", locale=locale)


def test_a_name_only_others_material_uses_is_known_as_such_in_a_small_content(ctx):
    only = ctx.content.reference_only()
    assert only("spiff") and not only("claim")  # a reference's word, a programme's word
    assert not only("nowhereword")  # a word nobody uses is not "others' only"
    assert others_only_name(ctx, "¿Orveto Labs paga un SPIFF a los vendedores?") == "SPIFF"
    assert others_only_name(ctx, "Orveto hat einen Beacon Award?") == "Beacon"
    assert others_only_name(ctx, "how long do Orveto claims take?") is None


@pytest.mark.parametrize(("question", "locale"), [
    ("¿Orveto Labs paga un SPIFF por cada venta cerrada?", "es"),
    ("¿Orveto tiene un programa de SPIFF para los vendedores de sus socios?", "es"),
    ("a Orveto paga 250 euros de SPIFF por negócio?", "pt"),
    ("a Orveto Labs paga 300 dólares de SPIFF por negócio fechado?", "pt"),
    ("Zahlt Orveto Labs einen SPIFF pro Abschluss?", "de"),
    ("does Orveto give a Beacon Award to its best partner?", "en"),
])  # fmt: skip
def test_a_thing_only_other_programmes_have_is_not_answered_from_ours(ctx, question, locale):
    answer = answer_from_content(ctx, _scope(locale), question)
    assert not answer.found, answer.answer
    assert "250 EUR" not in (answer.closest or "")  # never the other company's rule as ours


def test_the_reference_is_still_quoted_when_its_publisher_is_named(ctx):
    answer = answer_from_content(ctx, _scope("en"), "what does the Brightwater guide pay as SPIFF?")
    quoted = answer.answer if answer.found else answer.closest or ""
    assert "Brightwater" in quoted  # labelled as the reference's, not hidden


@pytest.mark.parametrize("question", [
    "quantos registros aprovados podemos ter ao mesmo tempo?",
    "¿cuántos registros aprobados podemos tener a la vez?",
])  # fmt: skip
def test_an_own_language_quote_on_part_of_the_question_gives_way(ctx, question):
    # the Portuguese onboarding plan speaks of a registered deal, not of how many approved registrations at once
    answer = answer_from_content(ctx, _scope("pt"), question)
    assert answer.found and "9" in answer.answer and "Dia 30" not in answer.answer, answer.answer


def test_a_sure_own_language_quote_stands_whatever_words_the_glossary_knows(ctx):
    # "Schutzfrist" is no word of the glossary's: the German quote still answers, not an English one on more topics
    answer = answer_from_content(ctx, _scope("de"), "Wie lange ist eine Deal-Registrierung bei Orveto geschützt?")
    assert answer.found and "75 Tage" in answer.answer, answer.answer


def test_an_acronym_the_programme_writes_out_is_its_own():
    from tools.search.service import _spelled_out
    assert _spelled_out("NFR", "Benefit: Not-for-resale licences; Cobalt: 4; Titan: 12")
    assert _spelled_out("MDF", "Marketing development funds are paid after the claim")
    assert not _spelled_out("SPIFF", "Orveto co-funds 40% of an approved activity")
