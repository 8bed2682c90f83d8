"""Issue 17 (s34 class): a benefit of the asker's own tier ("how many NFR licences do we get?", "qual o desconto
de revenda pra gente?") is answered with the programme's passage headed by that tier's value, in any shape of
table the content has. Tables and partners here are made up; the demo test derives its figure from the content."""

from __future__ import annotations

from assistant.engine.agent import ask
from assistant.engine.tier_benefits import asks_own_benefit, benefit_line, tier_cells
from retrieval.scope import scope_for_user

BY_COLUMN = """| Perk | Bronze | Copper | Iron |
|---|---|---|---|
| Reseller margin | 5% | 9% | 14% |
| Demo licences (not-for-resale) | 2 | 4 | 8 |
| Co-marketing funds | none | 1,000 a quarter | 4,000 a quarter |"""
BY_ROW = """| Level | Lab credits per quarter (up to) |
|---|---|
| Copper | 300 credits |
| Iron | 900 credits |"""
QUOTED = "Perk: Reseller margin; Bronze: 5%; Copper: 9%; Iron: 14% Perk: Co-marketing funds; Bronze: none; Copper: 1,000"


def test_cells_of_a_tier_in_markdown_and_quoted_rows():
    assert ("Reseller margin", "9%") in tier_cells(BY_COLUMN, "copper")
    assert ("Lab credits per quarter (up to)", "900 credits") in tier_cells(BY_ROW, "iron")
    assert ("Reseller margin", "14%") in tier_cells(QUOTED, "Iron")


def test_the_benefit_asked_is_chosen_by_its_words_or_its_initials():
    assert benefit_line("what margin do we get as copper?", [BY_COLUMN], "copper") == ("Reseller margin", "9%")
    assert benefit_line("how many demo licences at our level?", ["", BY_COLUMN], "iron")[1] == "8"
    assert benefit_line("our CMF per quarter?", ["", BY_COLUMN], "iron") == ("Co-marketing funds", "4,000 a quarter")
    # nothing shares a word with the question: only the search's own answer may say which row it is
    assert benefit_line("quel taux pour nous ?", ["", BY_COLUMN], "iron") is None
    assert benefit_line("quel taux pour nous ?", [QUOTED], "iron") == ("Reseller margin", "14%")
    assert benefit_line("quel taux pour nous ?", [QUOTED], "iron", first=False) is None
    # a benefit word of another language is read as the table's English label ("marge", "margem", "マージン")
    assert benefit_line("quelle marge pour nous ?", ["", BY_COLUMN], "iron") == ("Reseller margin", "14%")


def test_own_benefit_questions_in_several_languages_and_what_is_not_one():
    for q in ("what's our margin at our tier?", "how many NFR licences do we get?", "are we entitled to MDF per quarter?",
              "qual o desconto pra gente?", "wie viele Lizenzen bekommen wir?", "remise pour notre niveau ?",
              "うちのティアだと割引は？"):
        assert asks_own_benefit(q), q
    for q in ("what do we still need for gold?", "what is the resale discount for gold partners?",
              "can i register it to get the extra discount?", "should we register this one to get more margin?",
              "how many certified people do we need at our tier?"):
        assert not asks_own_benefit(q), q


def test_a_seller_gets_the_value_of_its_own_tier(demo_ctx):
    seller = scope_for_user(demo_ctx.store, "u-ps-keystone")
    with demo_ctx.records(seller) as rec:
        tier = rec.partner(seller.partner_id).tier
    r = ask(demo_ctx, seller, "how many not-for-resale licences do we get?")
    assert r.tools[0].name == "search_content"
    head, _, quoted = r.answer.partition("\n")
    assert f"is {tier}:" in head
    value = head.rsplit(" ", 1)[1].rstrip(".")
    assert f"{tier.capitalize()}: {value}" in quoted or f"| {value} |" in quoted  # the content's cell, quoted
