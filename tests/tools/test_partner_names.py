"""Other partners' names in a draft (tools.content_drafts.partner_names): the index finds what one regex per name finds,
at 10,000 partners, with the same rules (exact case for short names, prose is not a brand, own terms)."""
from __future__ import annotations

import random
import re
import time

import pytest

from tests.tools.partner_name_world import partner_names
from tools.content_drafts.checks import check_other_partners
from tools.content_drafts.partner_names import (
    _LETTERS,
    CASE_TWINS,
    NameIndex,
    OtherPartners,
    fold,
    name_pattern,
    name_variants,
)


def one_regex_per_name(text: str, others: list[str], own_terms: list[str]) -> list[str]:
    """The check as it was before the index (the specification the index must keep)."""
    masked = text
    for term in sorted({t for t in own_terms if t}, key=len, reverse=True):
        masked = re.sub(re.escape(term), " ", masked, flags=re.IGNORECASE)
    own = {t.casefold() for t in own_terms if t}
    found = []
    for other in others:
        for variant in name_variants(other or ""):
            pattern = name_pattern(variant) if variant.casefold() not in own else None
            prose_unless_upper = any(ch.isupper() for ch in variant)  # "富士通" has no case: always a name
            if pattern and any(not prose_unless_upper or any(ch.isupper() for ch in m.group(0))
                               for m in pattern.finditer(masked)):
                found.append(other)
                break
    return sorted(set(found))


def detail(text: str, others, own: list[str] = ()) -> str:
    return check_other_partners(text, others, list(own)).detail


# --- at scale ------------------------------------------------------------------------------------

PROSE = ("Hallo zusammen,\n\nwir helfen Acme Bank, Berichte in Minuten statt Tagen zu erstellen. "
         "{mention}\n\n"
         "Buchen Sie eine Architekturprüfung: antworten Sie an marketing@alpine-it.de.\n\nViele Grüße\n"
         "Ihr Team von Alpine IT")


@pytest.fixture(scope="module")
def ten_thousand() -> tuple[list[str], OtherPartners]:
    names = partner_names(10_000)
    started = time.perf_counter()
    others = OtherPartners(NameIndex((n, f"P-{i}") for i, n in enumerate(names)), "P-own", frozenset())
    print(f"\n[bench] index of {len(names)} partner names built in "
          f"{(time.perf_counter() - started) * 1000:.0f} ms (once per records version)")
    return names, others


def test_a_planted_name_is_found_among_10000_partners(ten_thousand):
    names, others = ten_thousand
    bares = [b for n in names for b in name_variants(n)]
    planted = next(n for n in names if n.endswith(" GmbH") and len(n.split()) == 4  # "Cedar Data Labs GmbH"
                   and bares.count(n.removesuffix(" GmbH")) == 1)
    bare = planted.removesuffix(" GmbH")
    for mention in (f"Gemeinsam mit {planted} gewinnen wir.", f"Mit {bare.upper()} gewinnen wir.",
                    "Mit " + bare.replace(" ", "\n  ") + " gewinnen wir."):
        text = PROSE.format(mention=mention)
        started = time.perf_counter()
        result = check_other_partners(text, others, ["Alpine IT", "Acme Bank"])
        elapsed = time.perf_counter() - started
        assert not result.passed and result.detail == f"names another partner: {planted}", mention
    print(f"[bench] check_other_partners at 10,000 partners: {elapsed * 1000:.2f} ms per draft")


def test_near_misses_are_not_names_among_10000_partners(ten_thousand):
    names, others = ten_thousand
    word_name = next(n for n in names if len(n.split()) == 3 and n.split()[2].isalpha())
    acronym = next(n for n in names if len(n) == 3)
    prose_brand = next(n for n in names if n.split()[0].lower() == "atelier")
    near_misses = [
        word_name.replace(" ", "-"),  # no whitespace between the words
        word_name + "s",  # continues into a longer word
        " ".join(word_name.split()[:2]) + " und " + word_name.split()[2],  # words apart
        acronym.lower(),  # short names match only in their exact case
        prose_brand.lower(),  # a brand made of common words, in prose
    ]
    assert {m for m in near_misses if m in names} == set()
    text = PROSE.format(mention=" ".join(f"{m}." for m in near_misses))
    assert check_other_partners(text, others, ["Alpine IT", "Acme Bank"]).passed, near_misses


def test_the_index_agrees_with_one_regex_per_name():
    """Random texts planting names in random case, spacing and surroundings, near-misses included."""
    rng = random.Random(11)
    names = partner_names(300, seed=3) + [
        "Fabrikam Ltd", "IBM", "all", "Arc", "Atelier Données", "Ромашка Софт", "富士通", "株式会社ABC",
        "Məlumat Sistemləri", "İstanbul Veri", "Bergmann & Partner Consulting GmbH", "A&B", "Kafka Works",
        "Straße Data", "x", "", "  Padded   Name  "]
    index = OtherPartners.of(names)
    glue = [" ", "\n", "  ", "", "-", ".", ", ", "株", "é", "s", " und "]
    for _ in range(400):
        parts = []
        for _ in range(rng.randint(1, 6)):
            name = rng.choice(names) or "Contoso"
            variant = rng.choice(sorted(name_variants(name)))
            shape = rng.random()
            if shape < 0.3:
                variant = variant.upper() if rng.random() < 0.5 else variant.lower()
            elif shape < 0.45:
                variant = variant.replace(" ", rng.choice(["\n", "\t ", "  ", "-"]))
            elif shape < 0.55:
                variant = variant.translate(str.maketrans("kKiIə", "\u212a\u212a\u0131\u0130\u018f"))
            parts += [rng.choice(glue), variant, rng.choice(glue)]
        text = "Intro " + "".join(parts) + " outro"
        own = rng.choice([[], ["Fabrikam Ltd"], [rng.choice(names)]])
        expected = one_regex_per_name(text, names, own)
        got = check_other_partners(text, index, own)
        assert got.passed == (not expected), text
        if expected:
            assert got.detail == "names another partner: " + ", ".join(expected), text


# --- the rules, one by one ------------------------------------------------------------------------


@pytest.mark.parametrize("text, found", [
    ("Together with FABRIKAM we win", ["Fabrikam Ltd"]),
    ("Fabrikam\n   Ltd. helps", ["Fabrikam Ltd"]),  # whitespace-flexible, legal suffix
    ("Fabrikamesque", []),
    ("Fabrikam株式会社と提携", ["Fabrikam Ltd"]),  # CJK text has no spaces
    ("Партнёр РОМАШКА СОФТ поможет", ["Ромашка Софт"]),  # no Latin letters: found by its characters
    ("Партнёр Ромашка-Софт", []),
    ("富士通と提携", ["富士通"]),  # a name in a script without case is never prose
    ("富士山の見える会議室で提携を議論", []),  # shares its first characters only
    ("We use IBM tools", ["IBM"]),
    ("We use ibm tools", []),
    ("un atelier données temps réel", []),  # a brand made of common words, in prose
    ("avec Atelier Données", ["Atelier Données"]),
    ("MƏLUMAT SİSTEMLƏRİ", ["Məlumat Sistemləri"]),  # "ə" is not a Latin letter here, "Ə" is
    ("\u212aafka Works", ["Kafka Works"]),  # the Kelvin sign equals "k" when case is ignored
])
def test_rules(text, found):
    others = ["Fabrikam Ltd", "富士通", "Ромашка Софт", "IBM", "Atelier Données", "Məlumat Sistemləri",
              "Kafka Works"]
    assert one_regex_per_name(text, others, []) == found  # the rule, as it always was
    assert detail(text, others) == ("names another partner: " + ", ".join(found) if found else "")


def test_a_co_branded_draft_naming_a_partner_whose_name_has_no_case_is_flagged():
    index = NameIndex([("Alpine IT", "P-001"), ("富士通", "P-002"), ("Ромашка Софт", "P-003")])
    for_alpine = OtherPartners(index, "P-001", frozenset({"alpine it"}))
    draft = ("お客様各位\n\nAlpine IT は富士通と共同で、データ基盤の移行を支援します。\n"
             "ご相談は marketing@alpine-it.jp まで。")
    assert one_regex_per_name(draft, ["富士通", "Ромашка Софт"], ["Alpine IT"]) == ["富士通"]
    assert check_other_partners(draft, for_alpine, ["Alpine IT"]).detail == "names another partner: 富士通"
    ordinary = ("お客様各位\n\nAlpine IT は富士山のふもとで、通常のデータ基盤の移行を支援します。\n"
                "富士 通信 のように語が離れていれば名前ではありません。")
    assert one_regex_per_name(ordinary, ["富士通", "Ромашка Софт"], ["Alpine IT"]) == []
    assert check_other_partners(ordinary, for_alpine, ["Alpine IT"]).passed
    for_fujitsu = OtherPartners(index, "P-002", frozenset({"富士通"}))
    assert check_other_partners(draft, for_fujitsu, ["富士通"]).detail == "names another partner: Alpine IT"


def test_own_names_and_names_we_share_are_not_other_partners():
    index = NameIndex([("Contoso", "P-1"), ("Contoso Consulting GmbH", "P-1"), ("Fabrikam", "P-2"),
                       ("Northwind Data", "P-3"), ("Contoso", "P-4")])
    mine = OtherPartners(index, "P-1", frozenset({"contoso", "contoso consulting gmbh"}))
    text = "Contoso Consulting and Northwind Data with Fabrikam"
    assert check_other_partners(text, mine, ["Contoso", "Northwind Data"]).detail == \
        "names another partner: Fabrikam"  # our own terms (the vendor too) are masked
    theirs = OtherPartners(index, "P-2", frozenset({"fabrikam"}))
    assert check_other_partners(text, theirs, ["Fabrikam"]).detail == \
        "names another partner: Contoso, Contoso Consulting GmbH, Northwind Data"


def test_fold_equates_what_ignorecase_equates_and_the_case_twins_are_complete():
    letters = re.compile(f"[{_LETTERS}]")
    cased = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000
             and (chr(c).lower() != chr(c) or chr(c).upper() != chr(c) or chr(c).casefold() != chr(c))]
    for a in cased:
        for b in {a.lower(), a.upper(), a.casefold(), a.title(), a.upper().lower(), a.lower().upper()}:
            if len(b) == 1 and re.fullmatch(re.escape(a), b, re.IGNORECASE):
                assert fold(a) == fold(b), (a, b)
    letter_folds = {fold(chr(c)) for c in range(0x250) if letters.match(chr(c))}
    twins = {a for a in cased if not letters.match(a) and fold(a) in letter_folds}
    assert twins == set(CASE_TWINS)

