"""The language and channel a draft request asks for: "in German", "auf Deutsch", "fr-CA", "as a LinkedIn
post", "landing page". Vocabulary in several languages; nothing specific to an ecosystem."""

from __future__ import annotations

import re

from assistant.engine.name_index import fold

KNOWN_LANGUAGES = {"de", "en", "fr", "es", "pt", "it", "nl", "ja", "zh", "sv", "pl", "da", "nb", "fi", "ko",
                   "hi"}  # fmt: skip
LANGUAGES: list[tuple[str, str]] = [  # (pattern on the folded question, BCP 47 tag); specific first
    ((r"brazilian portuguese|portuguese \(brazil\)|português do brasil|português brasileiro|brasilianisch|"
      r"portugais brésilien|portugués de brasil|ブラジルポルトガル語"), "pt-BR"),
    (r"canadian french|french \(canada\)|français canadien|québécois", "fr-CA"),
    (r"swiss german|schweizerdeutsch", "de-CH"), (r"austrian german|österreichisch", "de-AT"),
    (r"british english|uk english", "en-GB"), (r"american english|us english", "en-US"),
    (r"mexican spanish|español de méxico|español mexicano", "es-MX"),
    (r"\bgerman\b|\bdeutsch\b|auf deutsch|\ballemand\b|\balemán\b|\balemão\b|ドイツ語", "de"),
    (r"\bjapanese\b|\bjapanisch\b|\bjaponais\b|\bjaponés\b|\bjaponês\b|日本語", "ja"),
    (r"\bportuguese\b|\bportugiesisch\b|\bportugais\b|\bportugués\b|\bportuguês\b|ポルトガル語", "pt"),
    (r"\bfrench\b|\bfrançais\b|\bfranzösisch\b|\bfrancés\b|\bfrancês\b|en français|フランス語", "fr"),
    (r"\bspanish\b|\bespañol\b|\bspanisch\b|\bespagnol\b|\bespanhol\b|en español|スペイン語", "es"),
    (r"\bitalian\b|\bitaliano\b|\bitalienisch\b|\bitalien\b|イタリア語", "it"),
    (r"\bdutch\b|\bnederlands\b|\bniederländisch\b|\bnéerlandais\b|オランダ語", "nl"),
    (r"\bswedish\b|\bsvenska\b|\bschwedisch\b", "sv"), (r"\bpolish\b|\bpolski\b|\bpolnisch\b", "pl"),
    (r"\bdanish\b|\bdansk\b", "da"), (r"\bnorwegian\b|\bnorsk\b", "nb"), (r"\bfinnish\b|\bsuomi\b", "fi"),
    (r"\bkorean\b|한국어|韓国語", "ko"), (r"\bchinese\b|中文|中国語", "zh"), (r"\bhindi\b", "hi"),
    (r"\benglish\b|\benglisch\b|\banglais\b|\binglés\b|\binglês\b|英語", "en"),
]  # fmt: skip
LOCALE_TAG = re.compile(r"(?<![\w-])([a-z]{2})[-_]([a-z]{2}|hans|hant)(?![\w-])", re.IGNORECASE)
CHANNELS: list[tuple[str, str]] = [
    (r"landing[- ]?page|\blanding\b|web ?page|webseite|página de destino|ランディングページ", "landing"),
    ((r"linkedin|\bsocial\b|\btweet\b|\bpost\b|soziale|\bbeitrag\b|réseaux sociaux|redes sociales|"
      r"\bpublicaç|\bpublicación|ソーシャル|投稿"), "social"),
    (r"e-?mail|\bmail\b|courriel|correo|newsletter|メール", "email"),
]  # fmt: skip


def find_locale(question: str) -> str | None:
    """ "German" / "auf Deutsch" -> de, "Brazilian Portuguese" -> pt-BR, an explicit tag like fr-CA."""
    tag = LOCALE_TAG.search(question)
    if tag and tag.group(1).lower() in KNOWN_LANGUAGES:
        region = tag.group(2)
        return f"{tag.group(1).lower()}-{region.upper() if len(region) == 2 else region.title()}"
    text = fold(question)
    return next((locale for pattern, locale in _LANGUAGES_RE if pattern.search(text)), None)


def find_channel(question: str) -> str | None:
    text = fold(question)
    return next((channel for pattern, channel in _CHANNELS_RE if pattern.search(text)), None)


# matched against folded text, so the patterns are folded too ("français" -> "francais")
_LANGUAGES_RE = [(re.compile(fold(p)), tag) for p, tag in LANGUAGES]
_CHANNELS_RE = [(re.compile(fold(p)), channel) for p, channel in CHANNELS]


# Short words people use for a kit's subject in other languages: "kit de IA" (es, pt, fr, it), "KI-Kit" (de).
_KIT_SYNONYMS = {"ia": "ai", "ki": "ai", "ａｉ": "ai"}
_KIT_WORD = re.compile(r"[^\W_]+")
_KIT_GENERIC = {"kit", "kits", "campaign", "launch", "the", "and", "with", "for", "of", "a", "new", "de", "da", "do",
                "der", "die", "das", "le", "la", "el", "o", "com", "con", "mit", "avec", "pra", "para", "post", "email",
                "social", "draft", "partner"}  # fmt: skip


def kit_named(question: str, kits: dict[str, str]) -> str | None:
    """The one kit (id -> name) whose name has a word of the question, reading "IA" / "KI" as "AI" ("rascunho
    com o kit de IA" -> the kit with "AI" in its name); None when no kit or several kits fit."""
    asked = {_KIT_SYNONYMS.get(w, w) for w in _KIT_WORD.findall(fold(question))} - _KIT_GENERIC
    hits = {kit_id for kit_id, name in kits.items()
            if asked & ({_KIT_SYNONYMS.get(w, w) for w in _KIT_WORD.findall(fold(name))} - _KIT_GENERIC)}
    return next(iter(hits)) if len(hits) == 1 else None
