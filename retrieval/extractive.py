"""Extractive answers: quote the sentences, list items or table rows of the retrieved chunks that answer.

Only chunks the asker may see reach this module (the caller passes hits from a search filtered by the
asker's visibility). Retrieved text is data: it is scored and quoted, never interpreted as
instructions. Each unit (`retrieval.chunking.text_units`) is scored against the question by
  * lexical coverage: the IDF-weighted share of the question's topic terms found in the unit (fully)
    or in its headings / list lead-in (partly); English stemmed, numbers as digits, CJK as bigrams;
  * embedding similarity (MiniLM) between the question and the unit's vector, pooled at ingest from
    its chunk's contextual token embeddings (so it knows its headings and neighbours);
  * the chunk's retrieval score, and the best neighbouring unit (an answer often follows the sentence
    that names the topic);
  * the kind of answer asked for (`answer_kind`): a duration, a percentage, an amount, a count, a name
    the question does not say...; units that have none are pushed down, units that have one up;
  * for Japanese questions, a second opinion from multilingual-e5 on the best units.
The confidence of the best unit, less the share of the question's terms the content never uses at all
(a topic the content does not cover), decides between the answer, "not found" with the closest passage
shown as such, and plain "not found" (`thresholds`); a quote without the percentage, amount or count
asked for is never the answer. Thresholds are measured with evals/handbook.py and evals/demo_content.py.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from pydantic import BaseModel, Field

from retrieval.chunking import TextUnit, clean, text_units
from retrieval.lexical import answer_terms, fold_accents, is_cjk

__all__ = ["NOT_FOUND", "Citation", "ContentAnswer", "answer_from_hits", "answer_kind", "clean",
           "is_instruction", "readable_text", "shorten", "split_units", "tidy"]

NOT_FOUND = "I could not find this in the enablement content."
# Precision first. A quote is given as THE answer only at this confidence. Over the English questions
# of five sets (evals/handbook.py main, heldout, final, blind2; evals/demo_content.py on a second
# corpus) 0.75 says "not found" to 27 of 30 unanswerable ones, most of them near-topic (0.70: 24,
# 0.80: 28; 0.49, the threshold the main set alone suggested: about half), and answers 34 of 95
# answerable ones outright (0.70: 36, 0.80: 29). Japanese questions are scored on bigrams and
# multilingual-e5, on their own scale.
FOUND_THRESHOLD = 0.75
FOUND_THRESHOLD_CJK = 0.60
# Between these and the thresholds above, the best quote is still shown, as the closest passage and not
# as the answer (`ContentAnswer.closest`): a paraphrased question often lands there, rightly quoted.
CLOSEST_THRESHOLD = 0.30
# Questions in another language written in Latin script (German, French, Spanish, Portuguese) are scored
# mostly on the multilingual second opinion, on a lower scale than English ones; a quote must still hold
# the kind of answer asked for. Set from a handful of demo questions: answerable ones score 0.5 or more,
# off-topic ones below 0.
FOUND_THRESHOLD_FOREIGN = 0.45
CLOSEST_THRESHOLD_CJK = 0.10
# A question answered from content in another language (a Spanish or Japanese question, the English
# policy): words and MiniLM say nothing, the multilingual opinion on every unit decides, on its own
# scale. Set on the demo's blind seller set (evals/blind_seller): quotes that answer scored 0.23-0.67,
# off-topic ones ("a rebate for Antarctica", "the price per NCU-hour") -0.43-0.20.
FOUND_THRESHOLD_ACROSS = 0.22
CLOSEST_THRESHOLD_ACROSS = 0.0
W_LEXICAL, W_DENSE, W_RETRIEVAL, W_NEIGHBOUR = 0.35, 0.50, 0.20, 0.20
CONTEXT_MATCH = 0.6  # a question term found only in the unit's headings or lead-in counts this much
W_ITEM = 0.05  # a sentence inside a list item: the question's words in the item's opening (`_item_openings`)
NUMBER_BONUS = 0.10  # across languages, a unit holding the numbers the question says (`_number_scores`)
KIND_BONUS = 0.10  # added when a unit holds the kind of answer asked for, subtracted when it does not
# Subtracted instead of KIND_BONUS when a unit lacks a kind asked for in so many words (a percentage, an
# amount, a count, a name): such a unit cannot answer.
KIND_STRICT = 0.30
STRICT_KINDS = ("percent", "money", "named", "count")
# A quote without the percentage, amount or count asked for is never given as the answer, however well it
# scores otherwise (a multilingual second opinion can lift a near-topic unit past the penalty above).
GATED_KINDS = ("percent", "money", "count")
# A name in the question (a capitalised word past the first) that no indexed content uses at all: the
# content cannot be about it ("which distributor serves Brazil?" when Brazil appears nowhere).
W_ABSENT_NAME = 0.30
W_ABSENT = 1.0  # confidence lost per share of question terms the whole content never uses
MAX_UNITS = 3
# a best unit introducing a list or a table ("... as follows:") is quoted with up to this many of its items
LIST_ITEMS, LIST_CHARS = 8, 700
NEAR_BEST = 0.85  # a neighbour is quoted too when it scores this close to the best unit
# Japanese (CJK) questions: the best units by the lexical score get a second opinion from multilingual-e5
# (retrieval.multilingual), whose similarity moves a unit by W_E5 per unit of distance from E5_LEVEL.
E5_TOP = 8
E5_TOP_ACROSS = 64  # every unit of the candidates, when they are in another language than the question
W_E5 = 6.0
E5_LEVEL = 0.85
W_ABSENT_CJK = 0.5  # character bigrams across particles are often "absent": they say less than words

_DURATION_Q = re.compile(
    # "when" asks for a time at the start of a question ("When do ...?"), not in "what happens when ..."
    r"^\W*when\b|\b(how (long|soon|quickly|fast|early|late|often|frequently)|how far (ahead|in advance)|"
    r"until when|by when|what time|what date|deadline|how many (days|weeks|months|hours|years))\b|"
    r"何日|何営業日|どのくらい|どれくらい|いつ|何時間|期間|何か月|何ヶ月|何年|何週|"
    # German, French, Spanish, Portuguese
    r"^\W*(wann|quand|cuándo|quando)\b|\b(wann|quand|cuándo|quando)\W*$|\b(wie lange?|bis wann|frist|combien de (temps|jours|semaines|mois)|"
    r"jusqu'à quand|délai|cuánto tiempo|cuántos días|plazo|quanto tempo|quantos dias|prazo|wie viele "
    r"(tage|werktage|wochen|monate)|(werktage|arbeitstage) (vorher|im voraus)|combien de jours ouvrés|"
    # "how far in advance"
    r"wie (weit|lange|früh) im voraus|combien de temps à l'avance|(avec )?combien d'avance|"
    r"con cuánta anticipación|con cuánto tiempo de antelación|com quanta antecedência|quanto tempo antes)\b", re.I)
# A number of some other kind (percentages, amounts and counts are recognised before it: `answer_kind`).
_NUMBER_Q = re.compile(r"\b(how (much|large|big)|what number|minimum|maximum|limit)\b|最大|最低|何文字|何度", re.I)
# "How many": a count, and a quote without one (or "unlimited") cannot answer it.
_COUNT_Q = re.compile(r"\bhow many\b|\b(wie viele|combien d[e']|cuánt[oa]s|quant[oa]s)\b|\b(maximum|minimum|max|min) (number|count)\b|\bwhat number of\b|"
                      r"何名|何人|何件|何回|何個|何社|何枚|何本|何台|いくつ", re.I)
_NO_LIMIT = re.compile(r"\b(unlimited|no (limit|maximum|cap)|any number)\b|無制限|上限なし|上限はありません", re.I)
_PERCENT_Q = re.compile(
    r"\b(what|which) (percentage|percent|share|proportion|portion|rate)\b|\bpercent(age)?\b|"
    r"\b(fee|discount|commission|rebate|margin|interest|tax) rate\b|何パーセント|何\s*[%％]|何割|率は", re.I)
_MONEY_Q = re.compile(
    r"\bhow much (money|funding|budget|cash|does .{0,60}\bcost|is the (fee|price|cost|charge))\b|"
    r"\b(what|how much) (does|do|will|would) .{0,60}\bcost\b|\b(dollar|euro|budget cap|spending cap|price|"
    r"pricing|fee amount|amount)s?\b|いくら|金額|料金|価格|費用は|"
    # German, French, Spanish, Portuguese: "what does it cost", "the price"
    r"\b(was kostet|wie viel kostet|kostet|preis|combien co[uû]te|co[uû]te combien|prix|tarif|cuánto cuesta|"
    r"cuesta|precio|quanto custa|custa|preço|montant|betrag|monto|montante)\b", re.I)
# "What margin / discount / rebate ...": usually a percentage or an amount, but also a programme's name.
_RATE_Q = re.compile(r"\b(what|which|how much) (margins?|discounts?|rebates?|commissions?|referral fees?)\b|"
                     r"(マージン|割引|値引き|リベート)は", re.I)
_TIME_UNIT = re.compile(r"\b(days?|weeks?|months?|years?|hours?|minutes?|quarters?|tagen?|wochen|monate?n?|stunden|"
                        r"heures?|horas?|"
                        r"jours?|semaines?|mois|días?|dias?|semanas?|meses)\b|日|週|か月|ヶ月|時間", re.I)
_PERCENT = re.compile(r"\d\s*(%|％)|\bpercent|パーセント|\bhalf\b|\d\s*割|半額", re.I)
_MONEY = re.compile(r"[$€£¥]\s?\d|\b(usd|eur|gbp|jpy|chf|cad|aud|brl|inr|sek)\s?\d|\d[\d,.]*\s?[kKmM]?\s*(usd|eur|gbp|jpy|dollars?|euros?|円|ドル)|"
                    r"\b(free of charge|at no (additional |extra )?cost|no (additional |extra )?(cost|charge|fee))\b|"
                    r"無料で|追加費用なし", re.I)
# Who, where, which city / distributor / team: the answer names something the question does not.
_NAMED_Q = re.compile(
    r"^\W*(who|whom|whose)\b|\bwhere\b|"
    # "..., qui tranche ?", "wer entscheidet?", "¿quién decide?": who decides, at the start of the question or of its
    # clause, asks for a role ("qui gagne ?" asks for the rule that decides, not for a name)
    r"(^|[,;:]\s*)\W*(qui|wer|quién|quien|quem)\s+(tranche\w*|d[ée]cide\w*|arbitr\w*|approuve\w*|valide\w*|"
    r"entscheid\w*|genehmig\w*|decide\w*|aprueba\w*|aprova\w*)\b|\b(which|what) (city|cities|country|countries|region|distributors?|"
    r"vendors?|compan(y|ies)|tools?|systems?|platforms?|teams?|person|people|site|website|email|alias|address)\b|"
    r"\bwhat is the name\b|誰|どこ|どの(都市|国|会社|ツール|チーム|ディストリビューター|部署)", re.I)
_OPENING_ONCE = re.compile(r"^\W*once\b", re.I)
_NAME_TOKEN = re.compile(r"[A-Z][\w&'.-]*[A-Za-z0-9]|[A-Z]|[\w.+-]+@[\w-]+\.[\w.]+|https?://\S+|[\u30a0-\u30ff]{3,}")
_NUMBER = re.compile(r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
                     r"thirty|once|twice|half|single|double)\b", re.I)
_DURATION = re.compile(
    r"\b\d+(st|nd|rd|th)\b|(?-i:\bMay\b)|\b(january|february|march|april|june|july|august|september|october|november|"
    r"december|monday|tuesday|wednesday|thursday|friday|end of|beginning of|start of|q[1-4]|fy\d\d)\b|"
    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|thirty)[- ]?(business |calendar |"
    r"working )?(day|week|month|year|hour|minute|quarter)s?\b|\b(annual|annually|quarterly|monthly|weekly|daily|"
    r"yearly|once a|each (day|week|month|quarter|year)|per (day|week|month|quarter|year))\b|"
    r"\d+\s*(日|週|か月|ヶ月|カ月|年|時間|営業日|営業時間|暦年)|"
    r"\b\d+\s*(arbeitstagen?|tagen?|wochen|monate?n?|jours?( ouvrés)?|semaines?|mois|días?( hábiles)?|"
    r"dias?( úteis)?|semanas?|meses)\b", re.I)


# Text that addresses the assistant with orders ("ignore previous instructions", "you are now in
# administrator mode"): in content it is a planted prompt injection, never a quotable answer; in a
# question it is not a question the content can answer.
_INSTRUCTION = re.compile(
    r"\b(ignore|disregard|forget|override)\s+(all\s+|any\s+|the\s+|your\s+)?(previous|prior|above|earlier|"
    r"system)\s+(instructions?|prompts?|rules|messages?)\b|\byou are now (in )?(an? )?(administrator|admin|"
    r"developer|root|unrestricted|jailbreak)|\b(system|admin) (note|prompt|message|override) (to|for) the "
    r"(ai|assistant|model|copilot|bot)\b|以前の指示を無視|前の指示を無視", re.I)


def is_instruction(text: str) -> bool:
    """The text gives orders to an AI assistant (a prompt injection), whatever else it says."""
    return bool(_INSTRUCTION.search(text))


class Citation(BaseModel):
    doc_id: str
    title: str
    source: str
    snippet: str


class ContentAnswer(BaseModel):
    answer: str
    citations: list[Citation] = Field(default_factory=list)
    found: bool = False
    score: float = Field(0.0, description="confidence of the best quoted unit (about 0..1)")
    closest: str | None = Field(None, description="when nothing scored high enough to be the answer: the "
                                "best candidate quote, to be shown as the closest passage, not as the answer")
    relative: float = Field(0.0, description="the confidence on one scale for every kind of question (each is "
                            "scored on its own): 0 at the closest-passage threshold, 1 at the answer threshold")


@dataclass
class _Unit:
    hit_rank: int
    order: int  # position inside its chunk
    unit: TextUnit
    own: frozenset[str]  # terms of the unit itself
    around: frozenset[str]  # terms of its chunk's title and headings and of its list lead-in

    @property
    def text(self) -> str:
        return self.unit.text


@lru_cache(maxsize=4096)
def _prepare(title: str | None, heading: str | None, text: str) -> tuple[tuple, tuple, tuple]:
    """A chunk's units and their terms. Pure function of the chunk's content, so it is cached (bounded,
    per process): popular chunks are split and tokenised once, whoever asks."""
    headings = " > ".join(p for p in (title, heading) if p)
    units = text_units(text)
    return (tuple(units), tuple(frozenset(answer_terms(u.text)) for u in units),
            tuple(frozenset(answer_terms(f"{headings} {u.context}")) for u in units))


def split_units(text: str) -> list[str]:
    """The quotable units of a chunk as text (see `retrieval.chunking.text_units`)."""
    return [u.text for u in text_units(text)]


_MARKER = re.compile(r"^(?:[-*+•]|\d{1,3}[.)])\s+")
_SPACE_BEFORE = re.compile(r"\s+([.,;:!?)])(?=\s|$)")


def tidy(text: str) -> str:
    """A cleaned unit as quoted: no list markers left at its start (nested `- - `), no space before
    punctuation (where an HTML tag was), whitespace collapsed."""
    text = " ".join(text.split())
    while _MARKER.match(text):
        text = _MARKER.sub("", text, count=1)
    return _SPACE_BEFORE.sub(r"\1", text)


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, cut after a sentence or at a word boundary, never inside a word."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    sentence = max(cut.rfind(". "), cut.rfind("; "), cut.rfind("。"))
    if sentence >= limit // 2:
        return cut[: sentence + 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > 0 else cut).rstrip(" ,;:") + "…"


def readable_text(text: str, limit: int = 280) -> str:
    """A chunk as a person reads it: its units (sentences, whole list items, table rows with their column
    names; no Markdown or HTML), as many whole ones as fit in `limit` characters (at least one, shortened
    at a word boundary when it alone is longer)."""
    parts: list[str] = []
    size = 0
    for unit in text_units(text):
        piece = tidy(unit.text)
        if not piece:
            continue
        if parts and size + 1 + len(piece) > limit:
            break
        parts.append(piece)
        size += len(piece) + 1
    if not parts:
        return shorten(clean(text), limit)
    return shorten(" ".join(parts), limit)


def _folded(pattern: re.Pattern) -> re.Pattern:
    """`pattern` matching accent-folded text (its own accented letters folded too)."""
    return re.compile(fold_accents(pattern.pattern), pattern.flags)


# the question-kind cues match accent-folded questions (`answer_kind`); answers' units keep their accents
_DURATION_Q, _NUMBER_Q, _COUNT_Q, _PERCENT_Q, _MONEY_Q, _RATE_Q, _NAMED_Q, _TIME_UNIT = (
    _folded(p) for p in (_DURATION_Q, _NUMBER_Q, _COUNT_Q, _PERCENT_Q, _MONEY_Q, _RATE_Q, _NAMED_Q, _TIME_UNIT))



def answer_kind(question: str) -> str | None:
    """The kind of answer asked for: 'duration' (how long, when, 何日), 'percent' (what percentage,
    何パーセント), 'money' (what does it cost, いくら), 'rate' (what margin / discount: a percentage or an
    amount, asked less strictly), 'named' (who, where, which city: a name the question does not say),
    'count' (how many, 何人), 'number' (how much, maximum) or None. Accents do not matter: "cuantos dias"
    asks for a duration as "cuántos días" does."""
    return _answer_kind(fold_accents(question))


def _answer_kind(question: str) -> str | None:
    if _DURATION_Q.search(question):
        return "duration"
    if _PERCENT_Q.search(question):
        return "percent"
    if _MONEY_Q.search(question):
        return "money"
    if _RATE_Q.search(question):
        return "rate"
    if _NAMED_Q.search(question):
        return "named"
    count = bool(_COUNT_Q.search(question))
    if count or _NUMBER_Q.search(question):
        if _TIME_UNIT.search(question):
            return "duration"
        return "count" if count else "number"
    return None


def thresholds(question: str, foreign: bool = False, across: bool = False) -> tuple[float, float]:
    """(the confidence a quote needs to be the answer, the confidence it needs to be shown as the closest
    passage) for this question: Japanese questions, `foreign` ones, and those answered `across` languages
    are scored on their own scale."""
    if across:
        return FOUND_THRESHOLD_ACROSS, CLOSEST_THRESHOLD_ACROSS
    if is_cjk(question):
        return FOUND_THRESHOLD_CJK, CLOSEST_THRESHOLD_CJK
    if foreign:
        return FOUND_THRESHOLD_FOREIGN, CLOSEST_THRESHOLD
    return FOUND_THRESHOLD, CLOSEST_THRESHOLD


def _names_something_new(text: str, question: str) -> bool:
    """The text names something (a capitalised name past its first word, an email address, a link, a
    katakana word) that the question does not already say."""
    asked = unicodedata.normalize("NFKC", question).casefold()
    words = text.split(maxsplit=1)
    rest = words[1] if len(words) > 1 else ""
    return any(m.group(0).casefold().rstrip(".") not in asked for m in _NAME_TOKEN.finditer(rest))


def _has_kind(text: str, kind: str, question: str = "") -> bool:
    if kind == "named":
        return _names_something_new(text, question)
    if kind == "duration":
        return bool(_DURATION.search(text))
    if kind == "percent":
        return bool(_PERCENT.search(text))
    if kind in ("money", "rate"):  # "up to 50% of the cost" answers "how much does GitLab pay" too
        return bool(_MONEY.search(text) or _PERCENT.search(text))
    # A count or a limit: a number that is not just part of a date or a duration ("30 days prior"), nor
    # a sentence's opening "Once ..."; for "how many", "unlimited" answers too.
    if kind == "count" and _NO_LIMIT.search(text):
        return True
    return bool(_NUMBER.search(_OPENING_ONCE.sub(" ", _DURATION.sub(" ", text))))


def _kind_scores(units: list[_Unit], kind: str | None, question: str) -> np.ndarray:
    if kind is None:
        return np.zeros(len(units))
    missing = KIND_STRICT if kind in STRICT_KINDS else KIND_BONUS
    return np.array([KIND_BONUS if _has_kind(u.text, kind, question) else -missing for u in units])


def _is_question(text: str) -> bool:
    return text.rstrip().endswith(("?", "？"))


def answer_from_hits(question: str, hits: Sequence, embedder=None, threshold: float | None = None,
                     max_units: int = MAX_UNITS, unit_vectors: Mapping[str, np.ndarray] | None = None,
                     term_idf: Callable[[str], tuple[float, bool]] | None = None,
                     multilingual: Callable[[str, Sequence[str]], np.ndarray | None] | None = None,
                     foreign: bool = False, across: bool = False,
                     name_vocabulary: Callable[[str], tuple[float, bool]] | None = None,
                     match_numbers: bool = False, names: str | None = None) -> ContentAnswer:
    """Pick the units of `hits` (best first, as from ContentService.search) that answer `question`.
    `unit_vectors` maps a chunk id to the vectors of its `text_units` (stored at ingest); without them
    they are pooled here with `embedder`. `term_idf` gives a term's IDF over the whole content and
    whether the content uses it at all (`ContentService.vocabulary()`). `multilingual` scores a question
    against passages in any language (`retrieval.multilingual.similarities`); CJK questions use it, and so
    do `foreign` ones (a language other than English, e.g. German: MiniLM and the English stemmer say less
    about them, and words the English-heavy vocabulary lacks are weighed as for CJK). `across`: the hits
    are in another language than the question (a Spanish question, the English policy): words and MiniLM
    say nothing there, so every unit gets the multilingual opinion, not only the best few.
    `name_vocabulary`: as `term_idf`, over the content that may answer (the vendor's programme, not others'
    reference material), for the names of the question (`_absent_name`); `term_idf` when not given.
    `match_numbers`: the question's numbers favour the units holding them, as across languages (a question
    read through its English gloss, whose words are few). `names`: the text whose capitalised words are the
    question's names (`_absent_name`), when `question` is a gloss that lost them; the question by default."""
    if is_instruction(question):
        return ContentAnswer(answer=NOT_FOUND, found=False)
    cjk = is_cjk(question)
    answer_at, closest_at = thresholds(question, foreign, across)
    if threshold is None:
        threshold = answer_at
    prepared = [_prepare(h.title, h.heading, h.text) for h in hits]
    units = [_Unit(rank, i, u, own, around) for rank, p in enumerate(prepared)
             for i, (u, own, around) in enumerate(zip(*p))]
    q_terms = answer_terms(question, question=True)
    if not units or not q_terms:
        return ContentAnswer(answer=NOT_FOUND, found=False)
    lexical = _lexical(q_terms, units)
    dense = np.zeros(len(units)) if cjk or (embedder is None and unit_vectors is None) \
        else _dense(question, hits, units, embedder, unit_vectors)
    top = max(float(getattr(h, "score", 0.0)) for h in hits) or 1.0
    prior = np.array([float(getattr(hits[u.hit_rank], "score", 0.0)) / top for u in units])
    w_dense = 0.0 if cjk else W_DENSE
    base = (W_LEXICAL + W_DENSE - w_dense) * lexical + w_dense * dense + W_RETRIEVAL * prior
    kind = answer_kind(question)
    combined = base + W_NEIGHBOUR * _neighbours(units, base) + W_ITEM * _item_openings(hits, units, lexical) \
        + _kind_scores(units, kind, question) \
        + _negation_scores(question, units) + _threshold_scores(question, units)
    if across or match_numbers:
        combined = combined + _number_scores(q_terms, units)
    combined = _answers_follow_questions(units, combined)
    combined[[i for i, u in enumerate(units) if is_instruction(u.text)]] = -1.0  # quoted never, obeyed never
    if (cjk or foreign or across) and multilingual is not None:
        combined = _second_opinion(question, hits, units, combined, multilingual,
                                   top=E5_TOP_ACROSS if across else E5_TOP)
    best = int(np.argmax(combined))
    # across languages, the question's words are naturally absent from the content: they say nothing
    absent = 0.0 if across else _absent_share(q_terms, term_idf)
    confidence = (float(combined[best]) - (W_ABSENT_CJK if cjk or foreign else W_ABSENT) * absent
                  - W_ABSENT_NAME * _absent_name(question if names is None else names, name_vocabulary or term_idf))
    chosen = _with_item_opening(hits, units, _choose(units, combined, best, max_units))
    lacks_kind = kind in (GATED_KINDS + ("duration",) if foreign else GATED_KINDS) and not any(_has_kind(units[i].text, kind, question) for i in chosen)
    relative = round((confidence - closest_at) / max(answer_at - closest_at, 1e-6), 4)
    if confidence >= threshold and not lacks_kind:
        return _compose(hits, units, chosen, confidence).model_copy(update={"relative": relative})
    closest = _compose(hits, units, chosen, confidence).answer if confidence >= closest_at else None
    return ContentAnswer(answer=NOT_FOUND, found=False, score=round(confidence, 4), closest=closest,
                         relative=relative)


def _lexical(q_terms: list[str], units: list[_Unit]) -> np.ndarray:
    """IDF-weighted coverage of the question's terms; the IDF is over the candidate units, so terms
    every candidate shares (the topic that retrieved them all) weigh less than the distinguishing ones."""
    own = [u.own for u in units]
    around = [u.around for u in units]
    n = len(units)
    weights = {t: math.log(1 + (n + 1) / (1 + sum(t in a or t in b for a, b in zip(own, around))))
               for t in set(q_terms)}
    total = sum(weights[t] for t in q_terms) or 1.0
    return np.array([sum(weights[t] * (1.0 if t in a else CONTEXT_MATCH if t in b else 0.0) for t in q_terms)
                     for a, b in zip(own, around)]) / total


# "what is NOT eligible?", "which costs can't be claimed?": the question asks for the exclusion (negations are
# stop words, so the words alone cannot tell "not eligible: ..." from "eligible for a top-up"); a negation that
# only describes the topic ("customers whose data cannot leave the country") asks for none
_NEGATION_Q = re.compile(r"\b(not|cannot|can't|can not|never|isn't|aren't|won't)\s+(\w+\s+){0,2}?(be\s+)?(eligib\w*|"
                         r"allowed|permitted|covered|pa(y|id)|claim\w*|accept\w*|fund\w*|spen[dt]|expens\w*|counts?|counted|"
                         r"qualif\w*|includ\w*|use|used|register\w*)\b|\bexcluded\b|できない|対象外", re.I)
_NEGATION = re.compile(r"\b(not|cannot|can't|never|no|excluded|ineligible|except)\b|ない|できません|対象外", re.I)
NEGATION_BONUS = 0.10


_NEGATED_WORD = re.compile(r"\b(?:not|cannot|can't|never|isn't|aren't|won't)\s+(?:be\s+|get\s+|an?\s+)?([a-z]{4,})", re.I)


def _negation_scores(question: str, units: list[_Unit]) -> np.ndarray:
    """NEGATION_BONUS to the units that say a negation when the question asks for one, twice that to those
    that negate the very word the question negates ("not eligible")."""
    if not _NEGATION_Q.search(question):
        return np.zeros(len(units))
    negated = {m.group(1).lower()[:6] for m in _NEGATED_WORD.finditer(question)}
    out = np.zeros(len(units))
    for i, u in enumerate(units):
        if not _NEGATION.search(u.text):
            continue
        said = {m.group(1).lower()[:6] for m in _NEGATED_WORD.finditer(u.text)}
        out[i] = 2 * NEGATION_BONUS if negated & said else NEGATION_BONUS
    return out


# An amount of the asker's own ("our request is 18k", "a 200k deal") and the content's thresholds ("activities
# above USD 15,000 also need ...", "opportunities over $150,000"): the rule whose threshold the amount passes
_Q_AMOUNT = re.compile(r"(?:[$€£]|\b(?:usd|eur|gbp))\s?(\d[\d,.]*)\s?(k|m)?\b|\b(\d[\d,.]*)\s?(k|m)\b|"
                       r"\b(\d[\d,.]*)\s?(?:usd|eur|gbp|dollars?|euros?|€|\$)(?!\w)", re.I)
_THRESHOLD = re.compile(r"\b(above|over|more than|exceeding|greater than|at least|from|under|below|less than|up to)\s+"
                        r"(usd|eur|gbp|[$€£])?\s?(\d[\d,.]*)\s?(k|m|million)?\b", re.I)
_AT_LEAST = ("above", "over", "more than", "exceeding", "greater than", "at least", "from")
THRESHOLD_BONUS = 0.15


def _amount(digits: str, scale: str | None) -> float | None:
    digits = digits.rstrip(".,")
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", digits):
        digits = re.sub(r"[.,]", "", digits)  # "20.000", "150,000": thousands separators
    try:
        value = float(digits.replace(",", "."))
    except ValueError:
        return None
    return value * {"k": 1e3, "m": 1e6, "million": 1e6}.get((scale or "").lower(), 1.0)


def _threshold_scores(question: str, units: list[_Unit]) -> np.ndarray:
    """THRESHOLD_BONUS to the units with a threshold the question's amount passes."""
    asked = [a for m in _Q_AMOUNT.finditer(question)
             if (a := _amount(m.group(1) or m.group(3) or m.group(5), m.group(2) or m.group(4))) is not None
             and a >= 100]
    if not asked:
        return np.zeros(len(units))
    out = np.zeros(len(units))
    for i, u in enumerate(units):
        for m in _THRESHOLD.finditer(u.text):
            limit = _amount(m.group(3), m.group(4))
            if not limit or not (m.group(2) or m.group(4) or limit >= 1000):
                continue  # "at least 15 business days": a count, not an amount
            above = m.group(1).lower() in _AT_LEAST
            if limit and any((a >= limit) if above else (a <= limit) for a in asked):
                out[i] = THRESHOLD_BONUS
                break
    return out


def _number_scores(q_terms: list[str], units: list[_Unit]) -> np.ndarray:
    """Across languages the question's words say nothing about the candidates, but its numbers do ("最初の14日"
    and "Days 1-14"): NUMBER_BONUS to the units that hold, in their text or headings, every number asked."""
    numbers = {t for t in q_terms if t.isdigit()}
    if not numbers:
        return np.zeros(len(units))
    return np.array([NUMBER_BONUS if numbers <= (u.own | u.around) else 0.0 for u in units])


def _dense(question: str, hits: Sequence, units: list[_Unit], embedder,
           unit_vectors: Mapping[str, np.ndarray] | None) -> np.ndarray:
    if unit_vectors is None:
        from retrieval.content import pool_unit_vectors  # heavy: chromadb, only when vectors must be pooled

        unit_vectors = pool_unit_vectors(embedder, hits)
    query = embedder.embed_query(question) if embedder is not None else None
    if query is None:
        return np.zeros(len(units))
    scores = np.zeros(len(units))
    for i, u in enumerate(units):
        vectors = unit_vectors.get(hits[u.hit_rank].chunk_id)
        if vectors is not None and u.order < len(vectors):
            scores[i] = max(0.0, float(vectors[u.order] @ query))
    return scores


def _second_opinion(question: str, hits: Sequence, units: list[_Unit], combined: np.ndarray,
                    multilingual: Callable[[str, Sequence[str]], np.ndarray | None],
                    top: int = E5_TOP) -> np.ndarray:
    """The E5_TOP best units move up or down with their multilingual similarity to the question; the
    others move as much as the worst of them, so an unscored unit never overtakes a scored one on it."""
    floor = 0.0 if top <= E5_TOP else -0.99  # scoring every unit: all but FAQ question lines (-1)
    best = [int(i) for i in np.argsort(-combined)[:top] if combined[i] >= floor]
    if not best:
        return combined
    passages = [_e5_passage(hits[units[i].hit_rank], units[i].text) for i in best]
    sims = multilingual(question, passages)
    if sims is None:
        return combined
    moves = W_E5 * (np.asarray(sims, dtype=float) - E5_LEVEL)
    out = combined.copy()
    out[combined >= 0] += float(moves.min())  # FAQ question lines (negative) stay out of reach
    out[best] = combined[best] + moves
    return out


def _e5_passage(hit, text: str) -> str:
    """A unit as the multilingual model reads it: its chunk's title and heading, then the unit."""
    headings = " > ".join(p for p in (hit.title, hit.heading) if p)
    return f"{headings}: {text}" if headings else text


def unit_passages(hit) -> list[str]:
    """Every unit of a chunk as `_second_opinion` hands it to the multilingual model: what a warm-up
    encodes ahead of the first question in another language (the vectors are cached by this text)."""
    return [_e5_passage(hit, u.text) for u in _prepare(hit.title, hit.heading, hit.text)[0]]


def _neighbours(units: list[_Unit], base: np.ndarray) -> np.ndarray:
    """The better score of the units just before and after, in the same chunk."""
    out = np.zeros(len(units))
    for i, u in enumerate(units):
        near = [base[j] for j in (i - 1, i + 1) if 0 <= j < len(units) and units[j].hit_rank == u.hit_rank]
        out[i] = max(near, default=0.0)
    return out


def _item_openings(hits: Sequence, units: list[_Unit], lexical: np.ndarray) -> np.ndarray:
    """For a sentence inside a list item (on the line the item opens), the words its item's opening shares with
    the question: the item says what the sentence is about ("Exam fee USD 150." under "Installer (CCI): ...", not
    the next item's "Exam fee USD 350.")."""
    out = np.zeros(len(units))
    if not hits:
        return out
    for i, u in enumerate(units):
        j = i
        while j > 0 and units[j - 1].hit_rank == u.hit_rank and units[j].unit.kind == "sentence" \
                and "\n" not in (getattr(hits[u.hit_rank], "text", "") or "")[units[j - 1].unit.end:units[j].unit.start]:
            j -= 1
            if units[j].unit.kind == "item":
                out[i] = lexical[j]
                break
    return out


def _absent_share(q_terms: list[str], term_idf: Callable[[str], tuple[float, bool]] | None) -> float:
    """The IDF-weighted share of the question's terms that no indexed chunk uses."""
    if term_idf is None:
        return 0.0
    # a figure of the asker's own ("our request is 18k, who signs off?") is compared with the content's
    # thresholds, not looked for in it
    q_terms = [t for t in q_terms if not t.isdigit()] or q_terms
    looked_up = [term_idf(t) for t in q_terms]
    total = sum(idf for idf, _ in looked_up) or 1.0
    return sum(idf for idf, known in looked_up if not known) / total


def _absent_name(question: str, term_idf: Callable[[str], tuple[float, bool]] | None) -> bool:
    """A capitalised word of the question, past its first, that the content never uses."""
    if term_idf is None:
        return False
    words = question.split(maxsplit=1)
    for match in re.finditer(r"\b[A-ZÀ-ÖØ-Þ][^\W\d_]{2,}\b", words[1] if len(words) > 1 else ""):
        terms = answer_terms(match.group(0))
        if terms and not any(term_idf(t)[1] for t in terms):
            return True
    return False


def _answers_follow_questions(units: list[_Unit], scores: np.ndarray) -> np.ndarray:
    """An FAQ's question line matches the asker's question best but is not the answer: it passes its
    score on to the two units after it (the answer) and is never quoted itself."""
    out = scores.copy()
    for i, unit in enumerate(units):
        if not _is_question(unit.text):
            continue
        for j in range(i + 1, min(i + 3, len(units))):
            if units[j].hit_rank == unit.hit_rank and not _is_question(units[j].text):
                out[j] = max(out[j], scores[i] * (0.95 if j == i + 1 else 0.85))
        out[i] = -1.0
    return out


def _choose(units: list[_Unit], combined: np.ndarray, best: int, max_units: int) -> list[int]:
    """The best unit, plus the units next to it in the same chunk that score nearly as well. A best unit that
    introduces a list or table ("... as follows:") is quoted with the first items that follow it."""
    anchor = units[best]
    if anchor.unit.kind == "lead":
        items = [j for j in range(best + 1, len(units)) if units[j].hit_rank == anchor.hit_rank
                 and units[j].unit.lead is not None and units[j].unit.kind != "lead"]
        if items:  # a short list or table is quoted whole ("what are the tiers?"), a long one up to a size
            kept, size = [], len(anchor.text)
            for j in items[:LIST_ITEMS]:
                size += len(units[j].text) + 1
                if kept and size > LIST_CHARS:
                    break
                kept.append(j)
            return [best] + kept
    chosen = [best]
    while len(chosen) < max_units:  # grow a contiguous passage, the better side first
        sides = [_next_quotable(units, combined, min(chosen), -1), _next_quotable(units, combined, max(chosen), 1)]
        near = [j for j in sides if j is not None and units[j].hit_rank == anchor.hit_rank
                and combined[j] >= NEAR_BEST * combined[best]]
        if not near:
            break
        chosen.append(max(near, key=lambda j: combined[j]))
    return sorted(chosen)


def _with_item_opening(hits: Sequence, units: list[_Unit], chosen: list[int]) -> list[int]:
    """A quote starting inside a list item ("Add your sellers ..." after "Partner Portal access. Your
    administrator ...") also quotes the item's opening sentence, which says what the item is about."""
    first = chosen[0]
    if units[first].unit.kind != "sentence":
        return chosen
    text = getattr(hits[units[first].hit_rank], "text", "")
    j = first
    while j > 0 and first - j < 2:
        before, after = units[j - 1], units[j]
        if before.hit_rank != after.hit_rank or "\n" in text[before.unit.end:after.unit.start]:
            return chosen
        j -= 1
        if before.unit.kind == "item":
            return list(range(j, first)) + chosen
        if before.unit.kind != "sentence":
            return chosen
    return chosen


def _next_quotable(units: list[_Unit], combined: np.ndarray, start: int, step: int) -> int | None:
    """The next unit in reading order that may be quoted (an FAQ's question line is stepped over)."""
    j = start + step
    while 0 <= j < len(units) and combined[j] < 0:
        j += step
    return j if 0 <= j < len(units) else None


def _quote(units: list[_Unit], chosen: list[int]) -> str:
    """The chosen units in reading order; a list item is preceded by the sentence introducing its list."""
    first = units[chosen[0]]
    lead = first.unit.lead
    parts = [tidy(units[i].text) for i in chosen]
    if lead is not None and first.unit.kind in ("item", "row") and first.order - lead <= 12:
        lead_unit = next((units[j] for j in range(chosen[0] - 1, -1, -1)
                          if units[j].hit_rank == first.hit_rank and units[j].order == lead), None)
        if lead_unit is not None and lead_unit.text.endswith((":", "：")):
            parts.insert(0, tidy(lead_unit.text))
    return " ".join(parts)


def _compose(hits: Sequence, units: list[_Unit], chosen: list[int], score: float) -> ContentAnswer:
    quoted = _quote(units, chosen)
    citations: list[Citation] = []
    for i in chosen:
        hit = hits[units[i].hit_rank]
        if any(c.doc_id == hit.doc_id for c in citations):
            continue
        snippet = " ".join(tidy(units[j].text) for j in chosen if hits[units[j].hit_rank].doc_id == hit.doc_id)
        citations.append(Citation(doc_id=hit.doc_id, title=hit.title, source=hit.source, snippet=shorten(snippet, 500)))
    titles = "; ".join(c.title for c in citations)
    answer = f"{quoted} [{titles}]" if titles else quoted
    return ContentAnswer(answer=answer, citations=citations, found=True, score=round(score, 4))
