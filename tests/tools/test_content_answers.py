"""Issue 17, content side: whose rule it is (programme vs reference), readable quotes, the asker's language.
Unit tests here; the demo examples are in test_content_answers_demo.py."""
from __future__ import annotations

import pytest

from connectors.documents import DocumentError, read_document
from retrieval.extractive import readable_text, shorten, tidy
from retrieval.search import Hit
from tools.search.service import reference_label, same_language, whose_rule


def _write(tmp_path, front: str):
    content = tmp_path / "content"
    content.mkdir(exist_ok=True)
    path = content / "doc.md"
    path.write_text(f"---\ntitle: T\nvisibility: partners\n{front}---\n\n# T\n\nBody text.\n", encoding="utf-8")
    return path, content


def test_front_matter_source_defaults_to_programme_and_is_validated(tmp_path):
    path, content = _write(tmp_path, "")
    assert read_document(path, content, set()).attributes.get("source", "programme") == "programme"
    path, content = _write(tmp_path, "source: Reference\npublisher: GitLab Handbook\n")
    doc = read_document(path, content, set())
    assert doc.attributes["source"] == "reference" and doc.attributes["publisher"] == "GitLab Handbook"
    path, content = _write(tmp_path, "source: rumour\n")
    with pytest.raises(DocumentError) as err:
        read_document(path, content, set())
    assert err.value.field == "source" and "programme or reference" in str(err.value)


def _hit(i: int, locale: str = "en", source_type: str = "programme", publisher: str | None = None) -> Hit:
    return Hit(doc_id=f"d{i}", chunk_id=f"c{i}", title=f"title {i}", source="s", score=1.0, text="x",
               locale=locale, source_type=source_type, publisher=publisher)


def test_programme_content_is_quoted_before_reference_material():
    gitlab = _hit(1, source_type="reference", publisher="GitLab Handbook")
    ours = _hit(2)
    assert whose_rule("what is the mdf claim deadline?", [gitlab, ours]) == ([ours], False)
    # asked about the reference itself: reference, labelled; else never quoted, even when nothing else is there
    assert whose_rule("what does gitlab say about mdf claims?", [gitlab, ours]) == ([gitlab], True)
    assert whose_rule("what is the mdf claim deadline?", [gitlab]) == ([], False)
    label = reference_label(gitlab, "Northwind Data")
    assert label == "Reference material (GitLab Handbook), not Northwind Data's policy: "


def test_quotes_are_readable():
    chunk = ("## Deal registration\n\n- - Protection lasts **90 days** from <b>approval</b>.\n"
             "</details> <details>\n\n| Tier | MDF per quarter |\n|---|---|\n| Gold | $18,000 |\n")
    text = readable_text(chunk)
    assert text == "Protection lasts 90 days from approval. Tier: Gold; MDF per quarter: $18,000"
    assert not any(mark in text for mark in ("**", "<", "- -", "|", "#"))
    assert readable_text(chunk, 45) == "Protection lasts 90 days from approval."  # whole units only
    cut = shorten("Registrations are protected for ninety calendar days after approval", 30)
    assert cut.endswith("…") and "Registrations are protected for ninety calendar".startswith(cut[:-1])
    assert tidy("1. Claim within 45 days .") == "Claim within 45 days."


def test_spanish_and_portuguese_questions_are_not_answered_from_the_french_guide():
    french, english = _hit(1, "fr"), _hit(2, "en")
    spanish = "¿Cuál es el plazo para reclamar los fondos de marketing?"
    assert same_language(spanish, [french, english]) == [english]
    assert same_language("qual é o prazo para pedir o reembolso do MDF?", [french, english]) == [english]
    # the asker's locale decides when the question is too short to tell its language
    german = _hit(3, "de")
    assert same_language("MDF Frist?", [english, german], locale="de-DE") == [german]
    assert same_language("MDF?", [english, german]) == [english, german]
