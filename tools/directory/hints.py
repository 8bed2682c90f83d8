"""Structured hints in a directory question, and the validation of explicit filters.

"who can do SAP migrations for hospitals in Germany?" names a country (DE) and an industry (Healthcare);
"eine Gold-Partner in Japan für Banken" a tier, a country and an industry. Words come from
`tools.directory.vocabulary` (six languages) and from the data itself (the industries, competencies,
tiers and types partners list), matched on case- and accent-folded text, longest phrase first, each
stretch of the question used once. Hints rank partners that satisfy them first; explicit filters
(`--country`, ...) are hard and are validated here: an unknown value is a BadInput naming it.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from assistant.core.errors import BadInput
from retrieval.lexical import fold_accents
from tools.directory.vocabulary import (
    CITIES,
    COUNTRIES,
    INDUSTRIES,
    LANGUAGES,
    REGIONS,
    SPEAKING,
    TERMS,
    TIER_ORDER,
    TIERS,
    TYPES,
)

_CJK = re.compile("[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_TEXT_WORD = re.compile(r"[^\W_]+")
# "certified", and how many: "at least 5 certified", "10+ certified", "mindestens 5 zertifizierte"
CERTIFIED = re.compile(r"\b(certif\w*|zertifi\w*|certific\w*|accredit\w*|akkreditiert\w*)|資格|認定|認証", re.IGNORECASE)
_AT_LEAST = re.compile(
    r"(?:at least|minimum(?: of)?|min\.?|no fewer than|mindestens|wenigstens|au moins|minimum de|al menos|como mínimo|"
    r"pelo menos|no mínimo)\s*(\d+)|(\d+)\s*(?:\+|or more|oder mehr|ou plus|o más|ou mais)|(\d+)\s*(?:名|人)以上",
    re.IGNORECASE)  # fmt: skip
_MORE_THAN = re.compile(r"(?:more than|over|mehr als|über|plus de|más de|mais de)\s*(\d+)", re.IGNORECASE)
# Asking what partners have done or won (evidence: won deals, references)
EXPERIENCE = re.compile(
    r"\b(done|did|won|win|wins|winning|delivered|implemented|built|deployed|migrated|rolled out|track record|"
    r"experience\w*|references?|case stud\w*|projects?|proven|successful\w*|closed|"
    r"erfahrung\w*|referenz\w*|gewonnen|umgesetzt|realisiert|durchgeführt|projekt\w*|"
    r"réalisé\w*|expérience|références?|gagné\w*|projets?|mené|"
    r"hecho|ganad[oa]s?|experiencia|referencias?|proyectos?|implementad[oa]s?|"
    r"feito|fez|ganhou|ganho|experiência|referências?|projetos?|implementou)\b|実績|経験|事例|受注|導入",
    re.IGNORECASE)  # fmt: skip
# "gold or above": that tier and the higher ones
_OR_ABOVE = re.compile(
    r"\b(or (above|higher|better)|and (above|up)|at least|minimum|oder (höher|besser)|mindestens|ou (plus|supérieur)|"
    r"au moins|o superior|al menos|ou superior|pelo menos)\b|以上", re.IGNORECASE)  # fmt: skip
_SI = re.compile(r"\bSIs?\b|\bSIer\b")  # "which SI ...": upper case only ("si" is "if" in fr/es)
GROUPS = ("country", "industry", "product", "tier", "type", "language")
_SPEAKING = re.compile(SPEAKING, re.IGNORECASE)


def fold(text: str) -> str:
    """Case-folded, NFKC, Latin accents dropped ("Düsseldorf" -> "dusseldorf"); CJK untouched."""
    text = text or ""
    return text.lower() if text.isascii() else _fold(text)  # ASCII: NFKC and accents change nothing


@lru_cache(maxsize=20_000)  # the same names are folded for every hit of every search
def _fold(text: str) -> str:
    return fold_accents(unicodedata.normalize("NFKC", text).casefold())


def _alternative(word: str) -> str:
    word = fold(word.strip())
    prefix = word.endswith("*")
    body = re.escape(word.rstrip("*")).replace(r"\ ", r"[\s\-]+")
    if _CJK.search(word):
        return body
    tail = r"[\w\-]*" if prefix else ""
    return rf"(?<![\w]){body}{tail}(?![\w])"


def _key(word: str) -> str:
    return re.sub(r"[\s\-]+", " ", fold(word.strip()))


def phrase_pattern(words: Iterable[str]) -> re.Pattern | None:
    """One regex for a list of words or phrases, longest first (`*` ends a prefix)."""
    unique = sorted({w for w in words if w and w.strip()}, key=lambda w: (-len(w), w))
    return re.compile("|".join(_alternative(w) for w in unique)) if unique else None


@dataclass
class Hints:
    """What a question says about the partner it wants, by group (values as the data spells them)."""

    values: dict[str, set[str]] = field(default_factory=lambda: {g: set() for g in GROUPS})
    said: dict[str, list[str]] = field(default_factory=lambda: {g: [] for g in GROUPS})
    gloss: list[str] = field(default_factory=list)  # English words for terms said in another language
    experience: bool = False  # the question asks what partners have done or won
    certified: bool = False  # the question asks for certified staff
    min_certified: int = 1  # how many certified staff at least (in the hinted competency, else in all)
    country_spans: list[str] = field(default_factory=list)  # the words that named a country
    country_words: list[tuple[str, str]] = field(default_factory=list)  # (code, the word that named it)

    def expanded(self, question: str) -> str:
        """The question with the English gloss of its foreign terms (for BM25 and the embedding model)."""
        return " ".join([question, *self.gloss])

    def groups(self) -> list[str]:
        return [g for g in GROUPS if self.values[g]]

    def as_dict(self) -> dict[str, list[str]]:
        return {g: sorted(self.values[g]) for g in self.groups()}


class Vocabulary:
    """The words of each group: the built-in tables plus the data's own values."""

    def __init__(self, industries: Iterable[str], products: Iterable[str], tiers: Iterable[str],
                 types: Iterable[str], countries: Iterable[str]):
        self.data_industries = {fold(i): i for i in industries if i}
        self.products = {fold(p): p for p in products if p}
        self.tiers = {t.lower() for t in tiers if t} | set(TIERS)
        self.types = {t.lower() for t in types if t} | set(TYPES)
        self.countries = {c.upper() for c in countries if c} | set(COUNTRIES)
        # value -> pattern; the patterns of a group are tried together, longest phrase first
        self.tables: dict[str, dict[str, list[str]]] = {
            "country": {**{code: names.split("|") for code, names in COUNTRIES.items()},
                        **{f"R:{codes}": words.split("|") for codes, words in REGIONS.items()},
                        **{f"R:{code}": words.split("|") for code, words in CITIES.items()}},
            "industry": {**{label: words.split("|") + [label] for label, words in INDUSTRIES.items()},
                         **{f"data:{k}": [k] for k in self.data_industries}},
            "product": {p: [p] for p in self.products.values()},
            "tier": {t: TIERS.get(t, t).split("|") + [t] for t in self.tiers},
            "type": {t: TYPES.get(t, t).split("|") + [t.replace("_", " ")] for t in self.types},
            "term": {english: words.split("|") for english, words in TERMS.items()},
        }
        # one regex over every word of every group (longest first), and what each word stands for
        self._exact: dict[str, list[tuple[str, str]]] = {}
        self._prefixes: dict[str, list[tuple[str, str]]] = {}
        for group, table in self.tables.items():
            for value, words in table.items():
                for word in words:
                    key = _key(word)
                    if key.endswith("*"):
                        self._prefixes.setdefault(key.rstrip("*"), []).append((group, value))
                    elif key:
                        self._exact.setdefault(key, []).append((group, value))
        self._industry_words: tuple[dict[str, str], dict[str, str], dict[str, str]] | None = None
        self._phrase_starts: set[str] = set()
        self._word_industries: dict[str, frozenset[str]] = {}
        self._pattern = phrase_pattern(w for table in self.tables.values() for ws in table.values() for w in ws)

    def industries_in(self, text: str) -> set[str]:
        """Industry concepts a long text speaks of (descriptions, case studies): word n-grams looked up
        in the vocabulary, CJK words as substrings. Linear in the text, unlike the question's regex."""
        if self._industry_words is None:
            table = self.tables["industry"]
            words = {_key(w): v for v, ws in table.items() for w in ws if not v.startswith("data:")}
            self._industry_words = ({k: v for k, v in words.items() if not k.endswith("*") and not _CJK.search(k)},
                                    {k.rstrip("*"): v for k, v in words.items() if k.endswith("*")},
                                    {k: v for k, v in words.items() if _CJK.search(k)})
            self._phrase_starts = {k.split(" ")[0] for k in self._industry_words[0] if " " in k}
        exact, prefixes, cjk = self._industry_words
        folded = fold(text)
        found = {v for k, v in cjk.items() if k in folded}
        words = _TEXT_WORD.findall(folded)
        memo, starts = self._word_industries, self._phrase_starts
        for i, word in enumerate(words):
            concepts = memo.get(word)
            if concepts is None:  # a word's own concepts (itself, its prefixes), worked out once per vocabulary
                concepts = memo[word] = frozenset(
                    [prefixes[word[:k]] for k in range(2, len(word) + 1) if word[:k] in prefixes]
                    + ([exact[word]] if word in exact else []))
            found |= concepts
            if word in starts:  # two- and three-word phrases only where one can start
                for n in (2, 3):
                    gram = " ".join(words[i : i + n])
                    if gram in exact:
                        found.add(exact[gram])
        return found

    def _meanings(self, said: str) -> list[tuple[str, str]]:
        """What a matched stretch stands for: its exact entries, then every prefix entry that covers it
        (a prefix ends inside the last word: "gobierno*" is not "gobierno de datos")."""
        key = _key(said)
        found = list(self._exact.get(key, []))
        for end in range(key.rfind(" ") + 2, len(key) + 1):
            found += [m for m in self._prefixes.get(key[:end], []) if m not in found]
        return found

    def parse(self, question: str) -> Hints:
        """Hints in `question`; each stretch of text counts once (the longest phrase at a place wins)."""
        hints = Hints()
        text = fold(question)
        found = [(m.group(0), meaning) for m in self._pattern.finditer(text) for meaning in self._meanings(m.group(0))]
        if _SI.search(question or ""):
            found.append(("SI", ("type", "system_integrator")))
        for said, (group, value) in found:
            if group == "term":
                hints.gloss.append(value)
                continue
            if group == "country":
                hints.country_spans.append(said)
            if value.startswith("R:"):  # a region or a city: its countries
                hints.values[group].update(value[2:].split())
            else:
                hints.values[group].add(value)
                if group == "country":
                    hints.country_words.append((value, said))
            hints.said[group].append(said)
        _read_levels(question, hints)
        gloss = " ".join(hints.gloss)
        for m in self._pattern.finditer(gloss) if gloss else []:  # "ストリーミング" -> Streaming
            for group, value in self._meanings(m.group(0)):
                if group == "product":
                    hints.values["product"].add(value)
                    hints.said["product"].append(value)
        return hints

    # --- explicit filters ----------------------------------------------------------------------
    def country(self, value: str) -> str:
        code = value.strip().upper()
        if len(code) == 2 and code in self.countries:
            return code
        found = self.parse(value).values["country"]
        if len(found) == 1:
            return next(iter(found))
        raise BadInput(f"--country {value!r}: not a country we know; give an ISO 3166 code such as DE, US or JP")

    def industry(self, value: str) -> str:
        key = fold(value.strip())
        if key in self.data_industries:
            return f"data:{key}"
        concepts = {v for v in self.parse(value).values["industry"] if not v.startswith("data:")}
        labels = [label for label in INDUSTRIES if fold(label) == key]
        if labels or len(concepts) == 1:
            return labels[0] if labels else next(iter(concepts))
        known = ", ".join(sorted(self.data_industries.values())) or ", ".join(INDUSTRIES)
        raise BadInput(f"--industry {value!r}: not an industry partners list; known industries: {known}")

    def product(self, value: str) -> str:
        key = fold(value.strip())
        if key in self.products:
            return self.products[key]
        known = ", ".join(sorted(self.products.values())) or "none"
        raise BadInput(f"--product {value!r}: not a competency any partner lists; known: {known}")

    def tier(self, value: str) -> str:
        key = value.strip().lower()
        if key in self.tiers:
            return key
        found = self.parse(value).values["tier"]
        if len(found) == 1:
            return next(iter(found))
        raise BadInput(f"--tier {value!r}: not a tier; use one of {', '.join(sorted(self.tiers))}")


def _read_levels(question: str, hints: Hints) -> None:
    """Certified staff asked for (and how many), and "gold or above"."""
    hints.experience = bool(EXPERIENCE.search(question or ""))
    speaking = _SPEAKING.search(question or "")
    if speaking:  # "German-speaking": the language, and not (only) the country its adjective names
        text = fold(question)
        for code, words in LANGUAGES.items():
            names = [w for w in words.split("|") if re.search(_alternative(w), text)]
            if names:
                hints.values["language"].add(code)
                said_language = {_key(w) for w in names}
                for country, said in hints.country_words:  # "Portuguese" was the language, not Portugal
                    others = [w for c, w in hints.country_words if c == country and _key(w) not in said_language]
                    if _key(said) in said_language and not others:
                        hints.values["country"].discard(country)
    if CERTIFIED.search(question or ""):
        hints.certified = True
        at_least = _AT_LEAST.search(question)
        more = _MORE_THAN.search(question)
        if at_least:
            hints.min_certified = int(next(g for g in at_least.groups() if g))
        elif more:
            hints.min_certified = int(more.group(1)) + 1
    tiers = [t for t in TIER_ORDER if t in hints.values["tier"]]
    if tiers and _OR_ABOVE.search(question or ""):
        hints.values["tier"].update(TIER_ORDER[TIER_ORDER.index(tiers[0]) :])


@lru_cache(maxsize=4096)
def industry_concepts(industry: str) -> frozenset[str]:
    """The concepts (and the data label) a partner's listed industry stands for: "Hospitals & Clinics" ->
    {Healthcare, data:hospitals & clinics}."""
    text = fold(industry)
    concepts = {label for label, words in INDUSTRIES.items()
                if (p := _concept_pattern(label)) is not None and p.search(text)}
    return frozenset(concepts | {f"data:{text}"})


@lru_cache(maxsize=64)
def _concept_pattern(label: str) -> re.Pattern | None:
    return phrase_pattern(INDUSTRIES[label].split("|") + [label])
