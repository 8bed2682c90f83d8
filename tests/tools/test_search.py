"""tools/search.py: `cosell search` JSON, extractive answers, the registered assistant tool, permissions."""
from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from assistant.core.config import Settings
from assistant.core.errors import BadInput
from assistant.engine.context import AppContext
from retrieval.scope import Scope
from tools.registry import get_tool
from tools.search.service import SearchArgs, answer_from_content, search_content

INTERNAL = "Internal pricing note: the floor discount for Ultimate renewals is 35 percent."
POLICY = ("# Deal registration\n\nPartners register opportunities in the partner portal. Approved deal "
          "registrations expire 90 days after approval.\n\n## Margins\n\n| Track | Margin |\n|---|---|\n"
          "| Select | 20% |\n| Open | 10% |")
P2 = "Account plan for partner P-002: the renewal discount agreed with Acme is 35 percent."


def _doc(doc_id, text, visibility):
    from connectors.models import DocumentRecord

    return DocumentRecord(doc_id=doc_id, source=f"content/{doc_id}", title=doc_id.split("/")[-1].split(".")[0],
                          visibility=visibility, text=text, content_hash=hashlib.sha256(text.encode()).hexdigest(),
                          updated_on=dt.date(2026, 1, 1))


@pytest.fixture(scope="module")
def ctx(tmp_path_factory):
    context = AppContext(Settings(home=tmp_path_factory.mktemp("search-home")))
    context.content.sync_documents([
        _doc("policies/deal-reg.md", POLICY, ["partners"]),
        _doc("internal/pricing.md", f"# Pricing\n\n{INTERNAL}", ["internal"]),
        _doc("partners/p2.md", f"# Plan\n\n{P2}", ["partner:P-002"]),
    ])
    yield context
    context.close()


SELLER = Scope("s1", "partner_seller", partner_id="P-001")
ADMIN = Scope.operator()


def test_search_json_contract(ctx):
    response = search_content(ctx, ADMIN, "deal registration expiry", k=2)
    data = response.model_dump(mode="json")
    first = data["results"][0]
    assert {"doc_id", "chunk_id", "title", "source", "score", "text"} <= set(first)
    assert first["doc_id"] == "policies/deal-reg.md" and first["source"] == "content/policies/deal-reg.md"
    assert 0 <= first["score"] <= 1 and len(data["results"]) <= 2


def test_partner_seller_search_and_answer_never_leak(ctx):
    for query in (INTERNAL, P2, "floor discount for Ultimate renewals 35 percent"):
        results = search_content(ctx, SELLER, query, k=10).results
        assert {r.doc_id for r in results} <= {"policies/deal-reg.md"}
        answer = answer_from_content(ctx, SELLER, query)
        assert "35 percent" not in answer.answer
        assert all(c.doc_id == "policies/deal-reg.md" for c in answer.citations)
    assert search_content(ctx, ADMIN, INTERNAL, k=1).results[0].doc_id == "internal/pricing.md"


def test_extractive_answer_and_not_found(ctx):
    answer = answer_from_content(ctx, SELLER, "How long is an approved deal registration valid?")
    assert answer.found and "90 days" in answer.answer
    assert answer.citations[0].source == "content/policies/deal-reg.md"
    row = answer_from_content(ctx, ADMIN, "What margin do Select partners earn?")
    # a table row is quoted: as the answer, or (below the answer threshold) as the closest passage
    assert "20%" in (row.answer if row.found else row.closest or "") and "Select" in (row.answer + (row.closest or ""))
    missing = answer_from_content(ctx, ADMIN, "What is the dress code for the annual sales kickoff party?")
    assert not missing.found and missing.answer == "I could not find this in the enablement content."


def test_registered_tool_returns_answer_and_results(ctx):
    spec = get_tool("search_content")
    assert spec.args is SearchArgs and "enablement content" in spec.description
    result = spec.func(ctx, SELLER, SearchArgs(query="When do approved registrations expire?", k=3))
    data = result.model_dump(mode="json")
    assert data["found"] and "90 days" in data["answer"]
    assert data["results"] and all(r["doc_id"] == "policies/deal-reg.md" for r in data["results"])


def test_bad_input(ctx):
    with pytest.raises(BadInput):
        search_content(ctx, ADMIN, "   ")
    with pytest.raises(BadInput):
        search_content(ctx, ADMIN, "x", k=0)


def test_a_message_with_two_questions_is_split_into_both():
    from tools.search.service import question_parts

    assert question_parts("How long is my deal registration protected, and what happens when it expires?") == [
        "How long is my deal registration protected", "what happens when it expires?"]
    assert question_parts("Can I register? And do I need approval?") == ["Can I register", "And do I need approval?"]
    assert question_parts("How do I register a deal and a renewal?") == ["How do I register a deal and a renewal?"]


def test_quotes_come_from_content_in_the_question_language_when_there_is_some():
    from retrieval.search import Hit
    from tools.search.service import same_language

    def hit(i: int, locale: str | None) -> Hit:
        return Hit(doc_id=f"d{i}", chunk_id=f"c{i}", title="t", source="s", score=1.0, text="x", locale=locale)

    mixed = [hit(1, "fr"), hit(2, "en"), hit(3, "en-GB")]
    english = "How do I claim my marketing development funds back?"
    assert [h.doc_id for h in same_language(english, mixed)] == ["d2", "d3"]
    # no Japanese candidate: the vendor's default language (English) before a third one
    assert [h.doc_id for h in same_language("案件登録の保護期間は何日ですか？", mixed)] == ["d2", "d3"]
    assert same_language("MDF?", mixed) == mixed  # too short to tell: all kept


def test_chat_shorthand_is_written_out_before_searching(ctx):
    """"reg" is how sellers type it; the policy says "registration": both read the same."""
    short = answer_from_content(ctx, SELLER, "How long is my reg valid?")
    full = answer_from_content(ctx, SELLER, "How long is my registration valid?")
    assert short.found and "90 days" in short.answer and short.score == full.score
    short_hits = search_content(ctx, SELLER, "when do regs expire", k=3).results
    full_hits = search_content(ctx, SELLER, "when do registrations expire", k=3).results
    assert [(h.chunk_id, h.score) for h in short_hits] == [(h.chunk_id, h.score) for h in full_hits]


def test_only_unambiguous_shorthand_is_written_out():
    from assistant.engine.intent_cues import expand_shorthand

    assert expand_shorthand("Q3 opp w/o a REG") == "Q3 opportunity without a registration"
    assert expand_shorthand("ACC inhibitors and the data pipe") == "ACC inhibitors and the data pipe"


def test_regional_german_spellings_are_written_out_and_other_languages_words_are_not():
    from tools.shorthand import expand_shorthand

    assert expand_shorthand("wie vü Budget hamma scho ausgebn?") == "wie viel Budget haben wir schon ausgegeben?"
    assert expand_shorthand("is a deal still open, i wonder? no idea") == "is a deal still open, i wonder? no idea"


def test_a_later_question_saying_it_gets_the_first_questions_subject():
    from tools.search.service import question_parts, with_antecedents

    parts = with_antecedents(question_parts("How long is my deal registration protected, and what happens when "
                                            "it expires?"))
    assert parts == ["How long is my deal registration protected",
                     "what happens when it expires? (is my deal registration protected)"]
    assert with_antecedents(["How do I claim MDF?", "Who approves claims?"])[1] == "Who approves claims?"


def test_a_large_reference_handbook_does_not_crowd_the_programme_out_of_the_answer(tmp_path):
    """Others' reference material in the asker's language matching a question's words many times over (a
    public handbook of 40 FAQ pages) filled every retrieved slot, so the vendor's own passage that states
    the rule was never a candidate and was never quoted; it is searched on its own when that happens."""
    from connectors.models import DocumentRecord

    def doc(doc_id, text, attributes=None):
        return DocumentRecord(doc_id=doc_id, source=f"content/{doc_id}", title=doc_id, visibility=["partners"],
                              locale="es", text=text, content_hash=hashlib.sha256(text.encode()).hexdigest(),
                              attributes=attributes or {})

    handbook = [doc(f"handbook/faq-{i}.md",
                    f"# Preguntas {i}\n\nLas cotizaciones de renovación de la suscripción {i} se tramitan con "
                    f"el distribuidor; la renovación de cotizaciones pasa por el portal {i}.",
                    {"source": "reference", "publisher": "Acme Corp"}) for i in range(40)]
    own = doc("programa/cotizaciones.md", "# Cotizaciones\n\nLa renovación de una cotización se solicita al "
              "channel manager, que responde en 3 días hábiles.")
    context = AppContext(Settings(home=tmp_path / "home"))
    try:
        context.content.sync_documents(handbook + [own])
        scope = Scope("s9", "partner_seller", partner_id="P-009", locale="es")
        hits = context.content.search("renovación de cotizaciones", k=24, allowed_visibility=scope.allowed_visibility())
        assert all(h.source_type == "reference" for h in hits)  # the situation: reference fills the list
        answer = answer_from_content(context, scope, "renovación de cotizaciones")
        quoted = answer.answer if answer.found else answer.closest or ""
        assert "3 días hábiles" in quoted and "distribuidor" not in quoted
    finally:
        context.close()


def test_content_that_does_not_say_its_language_answers_questions_in_the_vendors_language(tmp_path):
    """A plain-text file without front matter has no locale. It was set aside whenever other candidates
    said theirs ("en"), so an English question was never answered from it, however well it matched."""
    from connectors.models import DocumentRecord

    def doc(doc_id, text, locale):
        return DocumentRecord(doc_id=doc_id, source=f"content/{doc_id}", title=doc_id, visibility=["internal"],
                              locale=locale, text=text, content_hash=hashlib.sha256(text.encode()).hexdigest())

    context = AppContext(Settings(home=tmp_path / "home"))
    try:
        context.content.sync_documents([
            doc("policies/support.md", "# Support\n\nPartners open support tickets in the portal. Tickets are "
                "answered by the support team during business hours.", "en"),
            doc("support/severity.txt", "Ticket severities\n=================\n\nSev A - a partner cannot order "
                "for a customer this week. Sev A tickets get a first reply within 4 business hours.\n", None),
        ])
        scope = Scope("cm1", "channel_manager", locale="en")
        answer = answer_from_content(context, scope, "what is the first reply time for a Sev A ticket?")
        assert "4 business hours" in (answer.answer if answer.found else answer.closest or "")
    finally:
        context.close()
