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


# Words people use for a kit's subject in other languages: "kit de IA" (es, pt, fr, it), "KI-Kit" (de), "kit de
# gobernanza", "kit tempo real", "ガバナンスのキット". Each maps to a word a kit's name may hold.
_KIT_SYNONYMS = {"ia": "ai", "ki": "ai", "ａｉ": "ai", "gobernanza": "governance", "governanca": "governance",
                 "gouvernance": "governance", "realtime": "streaming", "echtzeit": "streaming",
                 "echtzeitdaten": "streaming", "stream": "streaming", "lakehouses": "lakehouse",
                 "modernisierung": "modernisation", "modernizacion": "modernisation",
                 "modernizacao": "modernisation", "modernization": "modernisation"}  # fmt: skip
# Phrases (folded) for the same, where one word is not enough or the script has no spaces.
_KIT_PHRASES = (("tiempo real", "streaming"), ("tempo real", "streaming"), ("temps reel", "streaming"),
                ("real time", "streaming"), ("リアルタイム", "streaming"), ("ストリーミング", "streaming"),
                ("ガバナンス", "governance"), ("レイクハウス", "lakehouse"), ("コンプライアンス", "compliance"))  # fmt: skip
_KIT_WORD = re.compile(r"[^\W_]+")
_KIT_GENERIC = {"kit", "kits", "campaign", "launch", "the", "and", "with", "for", "of", "a", "new", "de", "da", "do",
                "der", "die", "das", "le", "la", "el", "o", "com", "con", "mit", "avec", "pra", "para", "post", "email",
                "social", "draft", "partner", "data", "en", "em", "in", "y", "e", "et", "und"}  # fmt: skip


def _words(text: str) -> set[str]:
    folded = fold(text)
    words = {_KIT_SYNONYMS.get(w, w) for w in _KIT_WORD.findall(folded)}
    words |= {word for phrase, word in _KIT_PHRASES if not phrase.isascii() and phrase in folded}
    words |= {word for phrase, word in _KIT_PHRASES if phrase.isascii() and " " in phrase and phrase in folded}
    return words - _KIT_GENERIC


def kit_named(question: str, kits: dict[str, str]) -> str | None:
    """The one kit (id -> name) whose name has a word of the question, reading "IA" / "KI" as "AI",
    "gobernanza" as "governance", "tiempo real" / "リアルタイム" as streaming ("rascunho com o kit de IA" -> the
    kit with "AI" in its name); None when no kit or several kits fit."""
    asked = _words(question)
    hits = {kit_id for kit_id, name in kits.items() if asked & (_words(name) | _words(kit_id.replace("-", " ")))}
    return next(iter(hits)) if len(hits) == 1 else None


# "the webinar kit", "kit de webinar", "Webinar-Kit", "ウェビナーのキット": the word that names the kit asked for.
_KIT_ASKED = re.compile(r"\b(?:the |a |an |our |your )?([^\W\d_][\w-]{2,})[- ](?:campaign )?kit\b|"
                        r"\bkit (?:de |do |da |du |für |for |pour |para |on |about )?([^\W\d_][\w-]{2,})|"
                        r"([^\s\dのー]{2,})の?キット")
_NOT_A_SUBJECT = _KIT_GENERIC | {"this", "that", "which", "what", "any", "some", "same", "one", "other", "each",
                                 "every", "my", "our", "your", "their", "campaigns", "marketing", "co-brand",
                                 "cobrand", "branded", "latest", "current", "available", "ready", "made"}  # fmt: skip


def unknown_kit(question: str, kits: dict[str, str], names: set[str] = frozenset()) -> str | None:
    """The subject of "the webinar kit" when no kit's name or id has it (and it is no partner's name in
    `names`, folded): a kit that does not exist, to say so instead of drafting from another kit."""
    if not kits or kit_named(question, kits):
        return None
    known = set().union(*(_words(name) | _words(kit_id.replace("-", " ")) for kit_id, name in kits.items()))
    for found in _KIT_ASKED.finditer(question):
        raw = next(g for g in found.groups() if g)
        word = fold(raw).strip("-")
        if word in _NOT_A_SUBJECT or word in names or _words(raw) & known:
            continue
        return raw
    return None


# A draft personalised for one account ("personalised for Sonnen Werkzeugbau", "für den Kunden X",
# "personnalisé pour", "personalizado para", "向けにパーソナライズ"): what a marketer may not do (CLI.md).
_PERSONALISED = re.compile(r"\bpersonali[sz]\w*|\bpersonnalis\w*|\btailored (?:to|for)\b|\bcustomi[sz]ed (?:to|for)\b|"
                           r"\bfor (?:the )?(?:account|customer|client)\b|\bfür (?:den |das )?(?:kunden|account)\b|"
                           r"\bpour (?:le )?(?:compte|client)\b|\bpara (?:la |o |a )?(?:cuenta|conta|cliente)\b|"
                           r"パーソナライズ|顧客向け", re.IGNORECASE)


def asks_personalised(question: str) -> bool:
    return bool(_PERSONALISED.search(question))
