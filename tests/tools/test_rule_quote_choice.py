"""Issue 17 (q20b class): the quote that states the figure asked for. A fee under a list item is its item's fee,
not the next item's; a question naming two things by their acronyms gets a quote for each; a quoted name the
programme never uses is not answered from a nearby passage. Made-up content; nothing here is a set's wording."""
from __future__ import annotations

from retrieval.extractive import answer_from_hits
from retrieval.search import Hit
from tools.search.service import _QUOTED_NAME, question_parts

CERTS = ("Two badges, in order:\n"
         "- **Helix Field Technician (HFT)**: a one-day lab followed by a test. Test fee EUR 90.\n"
         "- **Helix Lead Designer (HLD)**: requires the HFT. Test fee EUR 420.\n")


def _hit(text: str, title: str = "Helix badges for partners") -> Hit:
    return Hit(doc_id="training/badges.md", chunk_id="c1", title=title, source="content/training/badges.md",
               score=1.0, text=text, locale="en")


def test_a_fee_inside_a_list_item_is_that_items_fee():
    answer = answer_from_hits("what does the HFT test cost?", [_hit(CERTS)], threshold=-10)
    assert "EUR 90" in answer.answer and "EUR 420" not in answer.answer, answer.answer
    answer = answer_from_hits("what does the HLD test cost?", [_hit(CERTS)], threshold=-10)
    assert "EUR 420" in answer.answer, answer.answer


def test_two_things_named_by_acronyms_are_two_questions():
    assert question_parts("what do the HFT and HLD tests cost?") == ["what do the HFT tests cost?",
                                                                    "what do the HLD tests cost?"]
    assert question_parts("wie lange dauern die Kurse HFT und HLD?") == ["wie lange dauern die Kurse HFT?",
                                                                         "wie lange dauern die Kurse HLD?"]
    assert question_parts("is the Lakehouse and Streaming bundle cheaper?") == [
        "is the Lakehouse and Streaming bundle cheaper?"]  # no acronyms: one question


def test_a_quoted_name_is_read_in_any_quotes():
    assert _QUOTED_NAME.findall("avez-vous un programme 'Partner Heroes' pour nous ?") == ["Partner Heroes"]
    assert _QUOTED_NAME.findall("gibt es „Elite Circle“ bei euch?") == ["Elite Circle"]


def test_a_name_the_programme_never_uses_lowers_a_glossed_answer():
    policy = _hit("Partners in every tier can join the enablement programme for consultants.", "Partner programme")
    known = lambda term: (1.0, not term.startswith("hero"))  # the programme never says "Heroes"
    plain = answer_from_hits("programme consultants", [policy], threshold=-10, name_vocabulary=known)
    named = answer_from_hits("programme consultants", [policy], threshold=-10, name_vocabulary=known,
                             names="- Partner Heroes")
    assert named.score < plain.score
