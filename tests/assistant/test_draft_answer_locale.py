"""A draft asked in a language its kit lacks says which language the text is in (issue 17: "in Swedish" was
answered "..., in sv:" over the kit's English text, its only trace a failed check at the end)."""
from __future__ import annotations

from assistant.engine.answers import draft_answer
from tools.content_drafts.checks import Check
from tools.content_drafts.types import DraftResponse


def _draft(locale: str, resolved: str) -> DraftResponse:
    return DraftResponse(kit_id="harvest-kit", partner_id="X-1", locale=locale, resolved_locale=resolved,
                         channel="email", subject="Hello", body="Plain text.", checks=[
                             Check(name="locale_resolved", passed=language_of_same(locale, resolved), detail="")],
                         passed=True)


def language_of_same(a: str, b: str) -> bool:
    return a.split("-")[0] == b.split("-")[0]


def test_a_draft_in_a_language_the_kit_lacks_says_its_real_language():
    text = draft_answer(_draft("nl-NL", "en"), "Partner X (X-1)", "en")
    head, note = text.splitlines()[:2]
    assert head.endswith("in en:") and "nl-NL" not in head
    assert "no nl-NL version" in note and "in en" in note
    assert "keine Fassung auf nl-NL" in draft_answer(_draft("nl-NL", "en"), "Partner X (X-1)", "de")


def test_a_draft_in_the_language_asked_says_nothing_more():
    text = draft_answer(_draft("pt-BR", "pt"), "Partner X (X-1)", "pt")
    assert "pt-BR" in text.splitlines()[0] and "não tem versão" not in text
