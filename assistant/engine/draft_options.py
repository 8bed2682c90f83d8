"""The language and channel a draft request asks for: "in German", "auf Deutsch", "fr-CA", "as a LinkedIn
post", "landing page". Vocabulary in several languages; nothing specific to an ecosystem."""

from __future__ import annotations

import itertools
import re

from rapidfuzz import fuzz

from assistant.engine.name_index import fold
from tools.locales import Catalogue

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
# Longer words are matched to a kit's name as cognates ("gobernanza", "governança" for a kit named in English
# with the same word; "realtime" for "real-time"): same first letter and a close spelling.
_KIT_SYNONYMS = {"ia": "ai", "ki": "ai", "ａｉ": "ai"}
_KIT_WORD = re.compile(r"[^\W_]+")
_KIT_GENERIC = {"kit", "kits", "campaign", "launch", "the", "and", "with", "for", "of", "a", "new", "de", "da", "do",
                "der", "die", "das", "le", "la", "el", "o", "com", "con", "mit", "avec", "pra", "para", "post", "email",
                "social", "draft", "partner", "data", "en", "em", "in", "y", "e", "et", "und"}  # fmt: skip
COGNATE_MIN_LEN = 6
COGNATE_RATIO = 70


def _words(text: str) -> set[str]:
    """The folded words of `text` that may name a kit, and each two neighbours joined ("real time" ->
    "realtime", which only an exact match counts for: see _cognate)."""
    found = [_KIT_SYNONYMS.get(w, w) for w in _KIT_WORD.findall(fold(text))]
    found = [w for w in found if w not in _KIT_GENERIC]
    return set(found) | {_JOINED + a + b for a, b in itertools.pairwise(found)}


_JOINED = "\x00"  # marks a joined pair


def _cognate(word: str, kit_words: set[str]) -> bool:
    if word in kit_words or word.lstrip(_JOINED) in kit_words or _JOINED + word in kit_words:
        return True
    return not word.startswith(_JOINED) and len(word) >= COGNATE_MIN_LEN and any(
        len(k) >= COGNATE_MIN_LEN and k[0] == word[0] and fuzz.ratio(word, k) >= COGNATE_RATIO for k in kit_words)


def kit_named(question: str, kits: dict[str, str], ignore: set[str] = frozenset()) -> str | None:
    """The one kit (id -> name) whose name has a word of the question, reading "IA" / "KI" as "AI" and a
    cognate as the word ("rascunho com o kit de IA" -> the kit with "AI" in its name); None when no kit or
    several kits fit. Words in `ignore` (folded; the partner's name) are not read as the kit's."""
    asked = {w for w in _words(question) if w not in ignore}
    hits = set()
    for kit_id, name in kits.items():
        kit_words = _words(name) | _words(kit_id.replace("-", " "))
        if any(_cognate(w, kit_words) for w in asked):
            hits.add(kit_id)
    return next(iter(hits)) if len(hits) == 1 else None


# "the webinar kit", "kit de webinar", "Webinar-Kit": the word that names the kit asked for.
_KIT_ASKED = re.compile(r"\b(?:the |a |an |our |your )?((?:[^\W\d_][\w-]{2,} )?[^\W\d_][\w-]{2,})[- ](?:campaign )?kit\b|"
                        r"\bkit (?:de |do |da |du |on |about |sobre |zu |zum )([^\W\d_][\w-]{2,})|"
                        # a kit named by an id ("do kit cloud-migration-brasil", "kit eu-retail-week")
                        r"\bkit (?:id )?([a-z0-9]+(?:-[a-z0-9]+)+)\b",
                        re.IGNORECASE)
_NOT_A_SUBJECT = _KIT_GENERIC | {"this", "that", "which", "what", "any", "some", "same", "one", "other", "each",
                                 "every", "my", "our", "your", "their", "campaigns", "marketing", "co-brand",
                                 "cobrand", "co-branded", "branded", "latest", "current", "available", "ready", "made", "campanha", "campana",
                                 "campagne", "kampagne", "kampagnen", "vendor",
                                 "dem", "den", "der", "das", "die", "einem", "einen", "les", "une", "los", "las",
                                 "del", "uma", "dos"}  # fmt: skip


# A kit's name after the word, capitalised ("aus dem Kit Winterbaustelle", "the kit Harvest Days"), or quoted
# ("「Setsubun Spring」キット", "le kit « Rentrée »")
_KIT_NAME_AFTER = re.compile(r"\b[Kk]its? (?:[«\"“„]\s*)?([A-ZÀ-Ý][\w-]{2,}(?: [A-ZÀ-Ý][\w-]{2,})*)")
_KIT_QUOTED = re.compile(r"[「『\"“«„]\s*([^」』\"”»]{2,40}?)\s*[」』\"”»]\s*(?:の)?(?:キット|campaign kit|kit)", re.IGNORECASE)
_NOT_A_NAME = {"aus", "von", "vom", "mit", "für", "im", "zum", "zur", "from", "with", "for", "of", "de", "do", "da",
               "du", "le", "la", "el", "em", "no", "na", "avec", "con", "com", "pour", "para"}


def unknown_kit(question: str, kits: dict[str, str], names: set[str] = frozenset()) -> str | None:
    """The subject of "the webinar kit" when no kit's name or id has it (and it is no partner's name in
    `names`, folded): a kit that does not exist, to say so instead of drafting from another kit."""
    if not kits or kit_named(question, kits, names):
        return None
    known = set().union(*(_words(name) | _words(kit_id.replace("-", " ")) for kit_id, name in kits.items()))
    asked = [m.group(1) for m in _KIT_QUOTED.finditer(question)] + [
        m.group(1) for m in _KIT_NAME_AFTER.finditer(question)] + [
        next(g for g in found.groups() if g) for found in _KIT_ASKED.finditer(question)]
    for raw in asked:
        parts = raw.split()
        while len(parts) > 1 and fold(parts[0]).strip("-") in _NOT_A_SUBJECT | _NOT_A_NAME:
            parts = parts[1:]  # "das Webinar-Kit", "the cold chain kit": the article is no part of the name
        if all(fold(w).strip("-") in _NOT_A_SUBJECT | _NOT_A_NAME | names for w in parts):
            continue  # "aus dem Kit ...": no name before the word; "the kit Kōmon Build": a partner's name
        raw = " ".join(parts)
        word = fold(raw).strip("-")
        if word in _NOT_A_SUBJECT or word in names or find_locale(raw) or find_channel(raw) or any(
                _cognate(w, known) for w in _words(raw)):
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


_say = Catalogue({  # en, de, fr, es, pt, ja (tools.locales.CATALOGUE_LANGS)
    "no_kit": ("A \"{name}\" campaign kit does not exist. The kits are: {kits}.",
               "Es gibt kein Kampagnen-Kit \"{name}\". Die Kits sind: {kits}.",
               "Il n'existe pas de kit de campagne « {name} ». Les kits sont : {kits}.",
               "No existe ningún kit de campaña \"{name}\". Los kits son: {kits}.",
               "Não existe nenhum kit de campanha \"{name}\". Os kits são: {kits}.",
               "「{name}」というキャンペーンキットは存在しません。キット: {kits}。"),
    "no_account": ("As a marketer you may not see accounts, so I cannot personalise a draft for one; here is the "
                   "partner's draft without an account.",
                   "Als Marketing-Mitarbeiter dürfen Sie keine Accounts sehen, daher kann ich den Entwurf nicht für "
                   "einen Account personalisieren; hier der Entwurf des Partners ohne Account.",
                   "En tant que marketeur, vous n'avez pas accès aux comptes : je ne peux pas personnaliser le "
                   "brouillon pour un compte ; voici le brouillon du partenaire sans compte.",
                   "Como responsable de marketing no tiene acceso a las cuentas, así que no puedo personalizar el "
                   "borrador para una; aquí está el borrador del socio sin cuenta.",
                   "Como profissional de marketing você não tem acesso às contas, então não posso personalizar o "
                   "rascunho para uma; aqui está o rascunho do parceiro sem conta.",
                   "マーケティング担当者にはアカウントを閲覧する権限がないため、アカウント向けにパーソナライズできません。"
                   "アカウントなしのパートナー向け下書きです。"),
})  # fmt: skip


def no_such_kit(name: str, kits: dict[str, str], lang: str = "en") -> str:
    listed = ", ".join(f"{title} [{kit_id}]" for kit_id, title in sorted(kits.items()))
    return _say("no_kit", lang, name=name, kits=listed)


def say_no_account(lang: str = "en") -> str:
    return _say("no_account", lang)
