"""BCP 47 locale tags: validation, canonical casing, resolution against a kit's locales (DATA.md).

Resolution is RFC 4647 "lookup": the exact tag, then the tag with its last subtag removed, repeatedly
(`de-AT` -> `de`, `pt-BR` -> `pt`, `zh-Hant-TW` -> `zh-Hant` -> `zh`), then vendor.yaml's
`default_locale` the same way; a sibling of the same language (`en-GB` for `en-US`) beats another
language. `fill_placeholders` fills a kit's `{name}` placeholders; the few words a draft needs when a
value is unknown (a neutral salutation, "your team") live here too, per language, so that a draft never
mixes languages.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from pydantic import BaseModel

from assistant.core.errors import BadInput
from tools.language_id import detect_langs  # langdetect's guesses, the same doubles, ~2x faster

# language (2-3 letters; 4-8 are registered-but-rare, accepted), optional script, region, variants.
_TAG = re.compile(
    r"^(?P<lang>[A-Za-z]{2,3}|[A-Za-z]{5,8})"
    r"(?:-(?P<script>[A-Za-z]{4}))?"
    r"(?:-(?P<region>[A-Za-z]{2}|[0-9]{3}))?"
    r"(?P<rest>(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*)$"
)

LANGUAGE_NAMES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "pt": "Portuguese",
    "it": "Italian", "nl": "Dutch", "ja": "Japanese", "zh": "Chinese", "ko": "Korean",
    "sv": "Swedish", "da": "Danish", "no": "Norwegian", "nb": "Norwegian Bokmål", "fi": "Finnish",
    "pl": "Polish", "cs": "Czech", "tr": "Turkish", "ru": "Russian", "ar": "Arabic", "he": "Hebrew",
    "hi": "Hindi", "id": "Indonesian", "th": "Thai", "vi": "Vietnamese", "uk": "Ukrainian",
}

# Filled into `{first_name}` (the recipient is unknown when a draft is made, see content_drafts) and
# `{account}` when no account is given. "" for a salutation means "drop the name" ("Bonjour {first_name},"
# -> "Bonjour,"), which reads naturally in most languages; a kit's locale block may override both with
# `generic_first_name` / `generic_account`.
GENERIC_FIRST_NAME = {
    "en": "there", "de": "zusammen", "fr": "", "es": "", "pt": "", "it": "", "nl": "",
    "ja": "ご担当者", "zh": "", "ko": "고객",
}
# A formal salutation does not take the casual word ("Dear there"): the word before `{first_name}` ->
# what to write instead.
FORMAL_FIRST_NAME = {
    "en": {"dear": "Sir or Madam"},
    "de": {"geehrte": "Damen und Herren", "liebe": "Kolleginnen und Kollegen"},
}
GENERIC_ACCOUNT = {
    "en": "your team", "de": "Ihr Team", "fr": "votre équipe", "es": "su equipo", "pt": "sua equipe",
    "it": "il vostro team", "nl": "uw team", "ja": "貴社", "zh": "贵公司", "ko": "귀사",
    "sv": "ert team", "da": "jeres team", "pl": "Twój zespół", "fi": "tiiminne",
}
GENERIC_INDUSTRY = {
    "en": "your industry", "de": "Ihre Branche", "fr": "votre secteur", "es": "su sector",
    "pt": "seu setor", "it": "il vostro settore", "nl": "uw sector", "ja": "貴社の業界",
    "zh": "贵行业", "ko": "귀사의 업계",
}


_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_EMPTY = "\x00"  # marks a placeholder filled with "" so the space before it can be removed


class LocaleResolution(BaseModel):
    requested: str  # canonical form of the requested tag
    resolved: str  # the kit's locale key that was used (as spelled in the kit)
    kind: str  # exact | language | default
    detail: str

    @property
    def same_language(self) -> bool:
        return language_of(self.requested) == language_of(self.resolved)


def canonical_tag(tag: str) -> str:
    """`PT-br` -> `pt-BR`, `zh-hant-tw` -> `zh-Hant-TW`; BadInput for anything that is not BCP 47."""
    text = (tag or "").strip().replace("_", "-")
    match = _TAG.match(text)
    if not match:
        raise BadInput(f"invalid locale tag '{tag}' (expected BCP 47, e.g. 'de', 'pt-BR', 'fr-CA')")
    parts = [match["lang"].lower()]
    if match["script"]:
        parts.append(match["script"].title())
    if match["region"]:
        parts.append(match["region"].upper())
    parts += [v.lower() for v in match["rest"].split("-") if v]
    return "-".join(parts)


def language_of(tag: str) -> str:
    return canonical_tag(tag).split("-")[0]


def language_name(tag: str) -> str:
    lang = language_of(tag)
    return LANGUAGE_NAMES.get(lang, lang)


def _lookup_chain(tag: str) -> list[str]:
    parts = canonical_tag(tag).split("-")
    return ["-".join(parts[:n]) for n in range(len(parts), 0, -1)]


def _find(available: dict[str, str], tag: str) -> str | None:
    for candidate in _lookup_chain(tag):
        if candidate.lower() in available:
            return available[candidate.lower()]
    return None


def _same_language(available: dict[str, str], tag: str) -> str | None:
    """A sibling of the same language (`en-GB` for a kit with only `en-US`): better than another language."""
    lang = language_of(tag)
    siblings = sorted(key for low, key in available.items() if low.split("-")[0] == lang)
    return siblings[0] if siblings else None


def resolve_locale(requested: str, available: Iterable[str], default: str,
                   kit_id: str = "") -> LocaleResolution:
    """The kit locale to use for `requested`. BadInput when neither it nor the default resolves."""
    wanted = canonical_tag(requested)
    by_lower: dict[str, str] = {}
    for key in available:
        try:
            by_lower.setdefault(canonical_tag(key).lower(), key)
        except BadInput:
            continue  # a malformed key in a kit cannot be requested anyway
    exact = by_lower.get(wanted.lower())
    if exact is not None:
        return LocaleResolution(requested=wanted, resolved=exact, kind="exact",
                                detail=f"{wanted} found in kit")
    found = _find(by_lower, wanted) or _same_language(by_lower, wanted)
    if found is not None:
        return LocaleResolution(requested=wanted, resolved=found, kind="language",
                                detail=f"{wanted} not in kit; used {found}")
    found = _find(by_lower, default) or _same_language(by_lower, default)
    have = ", ".join(sorted(by_lower.values())) or "none"
    if found is None:
        raise BadInput(f"campaign kit '{kit_id}' has no locale for '{wanted}' nor for the default locale "
                       f"'{default}' (it has: {have})")
    return LocaleResolution(requested=wanted, resolved=found, kind="default",
                            detail=f"{wanted} not in kit (has {have}); used the default locale {found}")


def generic_word(table: dict[str, str], tag: str) -> str | None:
    """The per-language neutral word, or None when we have none for this language."""
    return table.get(language_of(tag))


# langdetect speaks ISO 639-1 codes, with zh split by script and Norwegian as `no`.
_LANGDETECT_ALIASES = {"nb": "no", "nn": "no", "iw": "he", "tl": "tl", "fil": "tl"}


def langdetect_code(tag: str) -> str:
    canon = canonical_tag(tag)
    lang = canon.split("-")[0]
    if lang == "zh":
        traditional = any(p in ("Hant", "TW", "HK", "MO") for p in canon.split("-")[1:])
        return "zh-tw" if traditional else "zh-cn"
    return _LANGDETECT_ALIASES.get(lang, lang)


def fill_placeholders(template: str, values: dict[str, str], generic: set[str],
                      after_word: dict[str, dict[str, str]] | None = None) -> str:
    """Replace `{name}` placeholders; unknown ones stay visible. A generic word opening a sentence is
    capitalised; `after_word[name][word]` replaces a generic value after that word (see FORMAL_FIRST_NAME)."""
    def replace(match: re.Match) -> str:
        key = match.group(1)
        if key not in values:
            return match.group(0)
        value = values[key]
        before = template[:match.start()].rstrip(" \t")
        if key in generic and after_word and key in after_word:
            previous = re.search(r"(\w+)\W*$", before)
            value = after_word[key].get(previous.group(1).casefold(), value) if previous else value
        if not value:
            return _EMPTY
        if key in generic and (not before or before[-1] in ".!?\n"):
            value = value[0].upper() + value[1:]
        return value

    filled = _PLACEHOLDER.sub(replace, template or "")
    return re.sub(r"[ \t]*\x00", "", filled)


class Guess(NamedTuple):
    lang: str
    prob: float


@lru_cache(maxsize=2048)
def detect_languages(cleaned: str) -> tuple[Guess, ...] | None:
    """langdetect's guesses, best first (None: no language features). Remembered: with a fixed seed the
    same text gets the same guesses, and drafts of one kit for different partners mostly differ only in
    the names the draft check strips, so most texts were seen before (a detection is ~10 ms)."""
    from langdetect import DetectorFactory  # imported lazily: loads ~50 profiles
    from langdetect.lang_detect_exception import LangDetectException


    DetectorFactory.seed = 0  # deterministic: same text, same verdict
    try:
        return tuple(Guess(g.lang, g.prob) for g in detect_langs(cleaned))
    except LangDetectException:
        return None


# --- sentence catalogues: one tuple of templates per key, one template per language ----------------------

CATALOGUE_LANGS = ("en", "de", "fr", "es", "pt", "ja")


def catalogue_language(locale: str | None, langs: tuple[str, ...] = CATALOGUE_LANGS) -> str:
    """The catalogue language for a BCP 47 locale (`de-AT` -> `de`, RFC 4647 lookup down to the language);
    English for none, a malformed one, or a language the catalogue does not have."""
    if locale in langs:
        return locale
    try:
        lang = language_of(locale) if locale else "en"
    except BadInput:
        return "en"
    return lang if lang in langs else "en"


class Catalogue:
    """A module's fixed sentences: key -> one template per language of `langs` (English first), so that an
    answer never mixes languages. `catalogue(key, lang, **values)` fills the template for `lang` (a locale is
    looked up down to its language); English stands in for a language or a template we do not have. Values
    (names, ids, numbers, quotes) are never translated."""

    def __init__(self, table: dict[str, tuple[str, ...]], langs: tuple[str, ...] = CATALOGUE_LANGS):
        self.table, self.langs = table, langs

    def __call__(self, key: str, lang: str = "en", **values: object) -> str:
        texts = self.table[key]
        index = self.langs.index(catalogue_language(lang, self.langs))
        template = texts[index] if index < len(texts) and texts[index] else texts[0]
        return template.format(**values) if values else template

    def __contains__(self, key: str) -> bool:
        return key in self.table

    def language(self, locale: str | None) -> str:
        return catalogue_language(locale, self.langs)

    def missing(self) -> list[tuple[str, str]]:
        """(key, language) for every template that is absent or empty (English stands in for it)."""
        return [(key, lang) for key, texts in self.table.items() for i, lang in enumerate(self.langs)
                if i >= len(texts) or not texts[i]]


# --- the language of an answer --------------------------------------------------------------------------

_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


# The commonest function words of each language written in Latin script (pronouns, articles, question
# words, auxiliaries): what tells neighbouring languages apart where letter statistics do not.
_FUNCTION_TEXT = {
    "en": "the a an is are was do does did what which who how when where why my our your we i you it this "
              "that these those there have has can could should would will of to in on for with and or not any",
    "de": "der die das den dem des ein eine einen einem ist sind war wie was wer wann wo warum welche welcher "
              "welches mein meine meinen unser unsere unseren ich wir sie es du ihr hat haben kann können soll "
              "muss und oder nicht kein keine noch schon für mit von zu im am auf bei",
    "fr": "le la les un une des du est sont était que qui quoi quel quelle quels quelles comment combien "
              "quand où pourquoi mon ma mes notre nos je nous vous il elle on ce cette ces il y a peut dois "
              "doit avons avez et ou pas ne pour avec dans sur au aux",
    "es": "el la los las un una unos unas es son está están qué que quién cuál cuáles cómo cuánto cuántos "
              "cuándo dónde por qué mi mis nuestro nuestra nuestros nuestras yo nosotros usted tengo tenemos hay "
              "puedo podemos y o no para con en del al este esta estos estas",
    "pt": "o a os as um uma uns umas é são está estão que quem qual quais como quanto quantos quando onde "
              "por meu meus minha minhas nosso nossa nossos nossas eu nós você vocês tenho temos posso podemos "
              "e ou não para com em no na nos nas do da dos das este esta estes estas esse essa",
}
_FUNCTION_WORDS = {lang: frozenset(text.split()) for lang, text in _FUNCTION_TEXT.items()}
_SPANISH_MARKS = re.compile(r"[¿¡]")


def _function_words(words: list[str], lang: str) -> int:
    vocabulary = _FUNCTION_WORDS.get(lang, set())
    return sum(w.lower() in vocabulary for w in words)


def answer_language(question: str, locale: str | None = None, langs: tuple[str, ...] = CATALOGUE_LANGS) -> str:
    """The language to answer in: the question's own when it is clearly written in one of `langs` (Japanese
    script; otherwise a confident detection of 5+ words, or 4 with accents), else the asker's locale (users.csv;
    a malformed one counts as none), else English."""
    if _JAPANESE.search(question or "") and "ja" in langs:
        return "ja"
    words = re.findall(r"[^\W\d_]+", question or "")
    accented = any(ord(ch) > 127 for ch in question or "")
    if len(words) >= 5 or (len(words) >= 4 and accented):  # fewer plain words are too easily misread
        guesses = detect_languages(" ".join(words).lower())
        if guesses and guesses[0].lang in langs and guesses[0].prob >= 0.7:
            # langdetect mixes up neighbouring languages on short chat, even when it says it is sure
            # ("quais leads meus entram este mês?": fr 0.99999): the asker's own language wins when the
            # question's function words are at least as much its own as the guessed language's, or when the
            # detector hesitates (< 0.95) and the asker's language is among its guesses
            own = catalogue_language(locale, langs) if locale else None
            if own and own != guesses[0].lang and (_function_words(words, own) >= max(
                    1, _function_words(words, guesses[0].lang))
                    or (guesses[0].prob < 0.95 and any(g.lang == own for g in guesses))):
                return own
            # "¿qué kits hay en portugués?" (fr 0.99 for the detector): another language's function words
            # outnumbering the guessed one's by two or more decide
            counts = {lang: _function_words(words, lang) for lang in _FUNCTION_WORDS if lang in langs}
            best = max(counts, key=lambda lang: counts[lang], default=None)
            if best and best != guesses[0].lang and counts[best] >= 2 + counts.get(guesses[0].lang, 0):
                return best
            return guesses[0].lang
    if _SPANISH_MARKS.search(question or "") and "es" in langs:  # "¿" / "¡" open only Spanish sentences
        return "es"
    return catalogue_language(locale, langs)
