"""`cosell search` and the content half of `cosell ask`: retrieval over the enablement content the
asker may see, and an extractive answer with citations.

Permissions are applied inside retrieval: every read is `ctx.content.search(...,
allowed_visibility=scope.allowed_visibility())`, so a partner seller only ever gets `partners` and
their own `partner:P` chunks, whatever the query says. Retrieved text is quoted, never obeyed.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np
from pydantic import BaseModel, Field

from assistant.core.errors import BadInput
from retrieval.extractive import (
    NOT_FOUND,
    Citation,
    ContentAnswer,
    answer_from_hits,
    readable_text,
    unit_passages,
)
from retrieval.lexical import answer_terms, is_cjk
from retrieval.multilingual import similarities
from retrieval.scope import Scope
from retrieval.search import Hit
from tools.context import ToolContext
from tools.locales import CATALOGUE_LANGS, Catalogue, detect_languages
from tools.registry import register_tool
from tools.search.glossary import concepts, english_gloss, on_topic, topic_concepts
from tools.shorthand import expand_shorthand

__all__ = ["Citation", "ContentAnswer", "SearchArgs", "SearchResponse", "SearchResult", "SearchToolResult",
           "answer_for_hits", "answer_from_content", "search_and_answer", "search_content", "search_query"]

ANSWER_CANDIDATES = 12  # chunks whose sentences compete for an extractive answer
MAX_K = 50
# retrieved for an answer: deeper than ANSWER_CANDIDATES, so that reference material ranking high (set
# aside unless asked about) does not crowd the vendor's own programme out of the candidates
SEARCH_DEPTH = 2 * ANSWER_CANDIDATES
# a question in another language than the vendor's default also gets this many passages in the default
# language (deep: others' reference material in that language is set aside afterwards)
CROSS_DEPTH = 4 * ANSWER_CANDIDATES
# the vendor's own passages in its default language matched with the multilingual model against a question
# in another language (`multilingual_recall`): all of them in a programme of a few hundred chunks
RECALL_POOL = 600
NEWER_MARGIN = 0.05
# the English path's nearest passage to a question's gloss is shown as the closest one from this score on
# (`glossed_answer`): between CLOSEST_THRESHOLD and the answer threshold, a likely paraphrase
# an own-language quote on fewer of the question's topics stands against the default language's when it is this
# much surer (ContentAnswer.relative: one scale for every question)
SURER_OWN = 1.0
GLOSS_CLOSEST = 0.5  # a newer document's answer replaces an older one's only when it scores about as well


class SearchArgs(BaseModel):
    query: str = Field(description="What to look for in the enablement content (policies, playbooks, guides).")
    k: int = Field(5, ge=1, le=MAX_K, description="How many passages to return.")
    kinds: list[str] | None = Field(None, description="Only these kinds: playbook, battlecard, policy, ...")
    products: list[str] | None = Field(None, description="Only content about these products.")
    industries: list[str] | None = Field(None, description="Only content for these industries.")
    locale: str | None = Field(None, description="Only content in this language, e.g. 'ja'.")


class SearchResult(BaseModel):
    doc_id: str
    chunk_id: str
    title: str
    source: str
    score: float
    text: str
    heading: str | None = None
    source_type: str = Field("programme", description="whose rule it is: the vendor's programme or reference "
                             "material from others (front matter `source`)")
    publisher: str | None = None


class SearchResponse(BaseModel):
    results: list[SearchResult] = Field(default_factory=list)


class SearchToolResult(SearchResponse):
    """What the assistant gets: an extractive answer (or an honest not-found) and the passages."""

    answer: str
    found: bool
    citations: list[Citation] = Field(default_factory=list)
    closest: str | None = Field(None, description="when not found: the nearest quote, which may not answer")


# Business idioms for a programme's words: "who needs to sign off?" asks who approves
_IDIOMS = ((re.compile(r"\bsign(s|ed|ing)?[- ]off\b", re.I), "approve"), (re.compile(r"\bok'?d\b", re.I), "approved"),
           (re.compile(r"\bgreen[- ]?light(s|ed)?\b", re.I), "approve"),
           (re.compile(r"\bkicks? in\b", re.I), "takes effect"),
           # what a trip is made of, as policies name it: "can MDF pay for our reps' flights?" asks about travel
           (re.compile(r"\b(flights?|airfares?|plane tickets?|hotel (rooms?|nights?|stays?))\b", re.I), "travel"))


def search_query(text: str) -> str:
    """The query as searched: stripped, chat shorthand written out ("reg" -> "registration"), business idioms
    as the programme's words ("sign off" -> "approve")."""
    text = (text or "").strip()
    if not text:
        raise BadInput("the search query is empty")
    for idiom, words in _IDIOMS:
        text = idiom.sub(words, text)
    return expand_shorthand(text)


def search_content(ctx: ToolContext, scope: Scope, query: str, k: int = 5, kinds: list[str] | None = None,
                   products: list[str] | None = None, industries: list[str] | None = None,
                   locale: str | None = None) -> SearchResponse:
    """The k best passages the asker may see, best first (CLI.md `cosell search`)."""
    query = search_query(query)
    if not 1 <= k <= MAX_K:
        raise BadInput(f"k must be between 1 and {MAX_K}, got {k}")
    hits = ctx.content.search(query, k=k, allowed_visibility=scope.allowed_visibility(), kinds=kinds,
                              products=products, industries=industries, locale=locale)
    return _response(hits)


def _response(hits: list[Hit], readable: bool = False) -> SearchResponse:
    """The passages; `readable` renders each as a person reads it (no markup, whole items and rows)."""
    return SearchResponse(results=[
        SearchResult(doc_id=h.doc_id, chunk_id=h.chunk_id, title=h.title, source=h.source, score=h.score,
                     text=readable_text(h.text) if readable else h.text, heading=h.heading,
                     source_type=h.source_type, publisher=h.publisher)
        for h in hits
    ])


# "How long is X protected, and what happens when it expires?": two questions, each answered on its own.
_SECOND_QUESTION = re.compile(
    r"\?\s+(?=\S)|？\s*(?=\S)|,?\s+(?:and|also|plus)\s+(?=(?:what|how|when|who|why|where|which|can|do|does|is|are)\b)",
    re.IGNORECASE)
# A Japanese question has no spaces between its words: a part of two characters or more besides kana
# ("延長は？" after "保護期間は何日？") is a question of its own.
_CJK_CONTENT = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\u30a0-\u30ffA-Za-z0-9]")


# Two things named by their acronyms in one question ("what do the CCX and CCXP exams cost?"): one question each
_TWO_NAMED = re.compile(r"(?<![\w-])(?P<a>[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9-]*)\s+(?:and|&|or|und|oder|et|ou|y|o|e)\s+"
                        r"(?P<b>[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9-]*)(?![\w-])")


def _each_named(part: str) -> list[str]:
    """A question about two things named by acronyms, as one question about each."""
    found = _TWO_NAMED.search(part)
    if not found or found.group("a").casefold() == found.group("b").casefold():
        return [part]
    return [part[:found.start()] + found.group(name) + part[found.end():] for name in ("a", "b")]


def question_parts(question: str) -> list[str]:
    """The questions inside one message (at most 3); a part of fewer than 3 words stays with the previous; a
    question about two things named by acronyms is one question about each."""
    return [p for part in _question_parts(question) for p in _each_named(part)][:3] or [question]


def _question_parts(question: str) -> list[str]:
    parts: list[str] = []
    for piece in _SECOND_QUESTION.split(question):
        piece = piece.strip(" ,;")
        short = len(_CJK_CONTENT.findall(piece)) < 2 if is_cjk(piece) else len(piece.split()) < 3
        if parts and short:
            parts[-1] = f"{parts[-1]} {piece}"
        elif piece:
            parts.append(piece)
    return parts[:3] or [question]


_PRONOUN = re.compile(r"\b(it|its|they|them|their|this|that|these|those)\b", re.IGNORECASE)
_ASKING = re.compile(r"\bhow \w+\b|\b(what|which|who|whom|whose|when|where|why|how)\b|[?？]", re.IGNORECASE)


def with_antecedents(parts: list[str]) -> list[str]:
    """Later questions of one message that say "it" / "they" get the first question's subject words
    appended ("what happens when it expires?" after "how long is my registration protected" is about the
    registration), without its question words, so they do not change the kind of answer asked for."""
    if len(parts) < 2:
        return parts
    subject = " ".join(_ASKING.sub(" ", parts[0]).split())
    return [parts[0]] + [f"{p} ({subject})" if subject and (_PRONOUN.search(p) or _subjectless(p)) else p
                         for p in parts[1:]]


def _subjectless(part: str) -> bool:
    """A later question naming no subject of its own ("what are the requirements?" after "how do we become a
    <level> partner?"): it asks about the first question's subject, not about requirements in general."""
    return not is_cjk(part) and len(answer_terms(part, question=True)) <= 1


def question_language(question: str) -> str | None:
    """The question's language when it is clear: by script for CJK, else langdetect when it is sure
    (short questions are often not, and then nothing is assumed)."""
    if re.search(r"[\u3040-\u30ff]", question):
        return "ja"  # kana is Japanese only, however many Latin product names are around it ("Lakehouse の PoV は？")
    if is_cjk(question):
        return "ko" if re.search(r"[\uac00-\ud7af]", question) else "zh"
    if len(question.split()) < 4:
        return None
    guesses = detect_languages(question)
    if not guesses or guesses[0].prob < 0.9:
        return None
    # langdetect reads short chat as Dutch, Slovenian, Afrikaans... ("do we get backend rebates on deals
    # over 100k?" -> nl): a guess outside the languages the copilot speaks says nothing sure
    language = guesses[0].lang.split("-")[0]
    return language if language in CATALOGUE_LANGS else None


def _lang(locale: str | None) -> str:
    return (locale or "").split("-")[0].lower()


def same_language(question: str, hits: list[Hit], locale: str | None = None,
                  fallback: str | None = "en") -> list[Hit]:
    """Quote from content in the asker's language when the candidates include some: the question's
    language when it is clear, else the asker's `locale` (users.csv). When there is none in that language,
    content in `fallback` (the vendor's default language) is preferred to a third language (a Spanish
    question is not answered from the French guide when an English one is there); otherwise all of them.
    Content that does not say its language (a plain-text file without front matter) is taken to be in
    `fallback`: an English question is answered from the vendor's internal escalation matrix too."""
    locales = {_lang(h.locale) for h in hits}
    if len(locales) < 2:
        return hits
    language = question_language(question) or _lang(locale) or None
    if language is None:
        return hits
    own = {language} | ({""} if fallback and language == _lang(fallback) else set())
    kept = [h for h in hits if _lang(h.locale) in own]
    if not kept and fallback:
        kept = [h for h in hits if _lang(h.locale) in (_lang(fallback), "")]
    return kept or hits


def _names_publisher(question: str, hit: Hit) -> bool:
    """The question asks about the reference material itself ("what does the GitLab handbook say"): it says a
    word of its publisher's name, a word written with a capital in it ("Ambercrest", "GitLab"), so "what's the
    claim deadline in our programme?" does not name "Ambercrest Distribution - reseller programme handbook"."""
    owner = hit.publisher or hit.title
    words = {w.casefold() for w in re.findall(r"\b[A-Z]\w{2,}", owner)} - {"the", "and", "handbook", "guide",
                                                                          "reference"}
    asked = set(re.findall(r"\w{3,}", question.casefold()))
    return bool(words & asked)


def whose_rule(question: str, hits: list[Hit]) -> tuple[list[Hit], bool]:
    """(the candidates to quote from, whether they are reference material). The vendor's own programme is
    what answers; reference material (others' rules, e.g. a public handbook used as an example) is quoted
    only when the question names its publisher, and then it is labelled. Quoting another company's rule
    as the vendor's is the worst answer there is, so without the publisher named it is never quoted."""
    reference = [h for h in hits if h.source_type == "reference"]
    named = [h for h in reference if _names_publisher(question, h)]
    if named:
        return named, True
    return [h for h in hits if h.source_type != "reference"], False


# "Reference material (OWNER), not VENDOR's policy: " in the asker's language ({whose}: "Northwind Data's")
_reference_label = Catalogue({  # key -> (en, de, fr, es, pt, ja)
    "label": ("Reference material ({owner}), not {whose} policy: ",
              "Referenzmaterial ({owner}), nicht die Richtlinie {whose}: ",
              "Document de référence ({owner}), pas la politique {whose} : ",
              "Material de referencia ({owner}), no la política {whose}: ",
              "Material de referência ({owner}), não a política {whose}: ",
              "参考資料（{owner}）であり、{whose}のポリシーではありません: "),
    "named": ("{vendor}'s", "von {vendor}", "de {vendor}", "de {vendor}", "da {vendor}", "{vendor}"),
    "unnamed": ("the vendor's", "des Herstellers", "de l'éditeur", "del fabricante", "do fornecedor", "ベンダー"),
})


def reference_label(hit: Hit, vendor: str | None, lang: str = "en") -> str:
    whose = _reference_label("named", lang, vendor=vendor) if vendor else _reference_label("unnamed", lang)
    return _reference_label("label", lang, owner=hit.publisher or hit.title, whose=whose)


_NUMBERS = re.compile(r"\d[\d,.]*")


def _numbers(text: str) -> set[str]:
    return {n.rstrip(".,") for n in _NUMBERS.findall(text)}


def answer_for_hits(ctx: ToolContext, question: str, hits: list[Hit], threshold: float | None,
                    locale: str | None = None) -> ContentAnswer:
    """The extractive answer from hits already filtered for the asker (never a cache across askers:
    the unit vectors reused here are keyed by chunk and text, and only ever scored). A message holding
    several questions gets the quote answering each, from the same hits. The vendor's programme is
    quoted before reference material (`whose_rule`), in the asker's language when content in it answers,
    else in the vendor's default language (`language_groups`), and of two programme documents that
    disagree (different numbers), the newer one."""
    vendor = _vendor(ctx)
    default = vendor.get("default_locale") or "en"
    pool, is_reference = whose_rule(question, hits)
    if crosses_languages(question, locale, default):
        pool = cross_lingual(question, pool, ctx.content.multilingual)
    if not pool:
        return ContentAnswer(answer=NOT_FOUND, found=False)
    answer, candidates = None, pool
    for group in language_groups(question, pool, locale, default):
        group = group[:ANSWER_CANDIDATES]
        attempt = _answer(ctx, question, group, threshold, locale)
        if answer is None or attempt.found or (attempt.closest and not answer.closest):
            answer, candidates = attempt, group
        if attempt.found:
            break
    assert answer is not None
    if not is_reference:
        answer = _prefer_newer(ctx, question, candidates, answer, threshold, locale)
    if is_reference and (answer.found or answer.closest):
        by_id = {h.doc_id: h for h in candidates}
        cited = by_id.get(answer.citations[0].doc_id) if answer.citations else candidates[0]
        label = reference_label(cited or candidates[0], vendor.get("name"), asked_language(question, locale))
        if answer.found:
            answer = answer.model_copy(update={"answer": label + answer.answer})
        else:
            answer = answer.model_copy(update={"closest": label + (answer.closest or "")})
    return answer


def likely_language(question: str, locale: str | None) -> str | None:
    """The question's language when it is clear, else the asker's language when langdetect counts it among
    its guesses ("wie lange dauert der sales foundations kurs?": fr 0.57, de 0.43, from a German asker),
    else None (not sure enough to answer across languages on that)."""
    language = question_language(question)
    if language or not locale:
        return language
    own = _lang(locale)
    guesses = detect_languages(question) or ()
    return own if any(g.lang.split("-")[0] == own for g in guesses) else None


def asked_language(question: str, locale: str | None) -> str:
    """The question's language when it is clear, else the asker's locale ("" when neither says)."""
    return question_language(question) or _lang(locale)


def crosses_languages(question: str, locale: str | None, default: str | None = "en") -> bool:
    """The question is asked in another language than the vendor's default (most of the content)."""
    language = asked_language(question, locale)
    return bool(language) and language != _lang(default or "en")


def answer_hits(ctx: ToolContext, scope: Scope, query: str, k: int = SEARCH_DEPTH, **filters) -> list[Hit]:
    """The hits an answer is chosen from. A question in another language than the vendor's default also
    gets the best passages in the default language (the binding version, often the only one): ranked on
    words and MiniLM, a Spanish question otherwise retrieves the French guide before the English policy."""
    hits = ctx.content.search(query, k=k, allowed_visibility=scope.allowed_visibility(), **filters)
    if len(hits) >= k and any(h.source_type == "reference" for h in hits) and \
            sum(h.source_type != "reference" for h in hits) < ANSWER_CANDIDATES:
        # others' reference material (a large public handbook, often in the asker's language) filled the
        # list: the vendor's own passages, which answer first (`whose_rule`), are searched on their own
        hits = _merged(hits, ctx.content.search(query, k=ANSWER_CANDIDATES, allowed_visibility=scope.allowed_visibility(),
                                                programme_only=True, **filters))
    default = _vendor(ctx).get("default_locale") or "en"
    if not crosses_languages(query, scope.locale, default) or filters.get("locale"):
        return hits
    more = ctx.content.search(query, k=CROSS_DEPTH, allowed_visibility=scope.allowed_visibility(),
                              **{**filters, "locale": _lang(default)})
    if not any(filters.values()):
        more += multilingual_recall(ctx, scope, query, _lang(default))
    return _merged(hits, more)


def _merged(hits: list[Hit], more: list[Hit]) -> list[Hit]:
    """`hits`, then those of `more` not among them, in order."""
    seen: set[str] = {h.chunk_id for h in hits}
    out = list(hits)
    for h in more:
        if h.chunk_id not in seen:
            seen.add(h.chunk_id)
            out.append(h)
    return out


def multilingual_recall(ctx: ToolContext, scope: Scope, question: str, locale: str,
                        k: int = ANSWER_CANDIDATES) -> list[Hit]:
    """The k programme passages in `locale` (the vendor's default language) nearest to a question asked in
    another language, by the multilingual model over every such passage the asker may see (up to
    RECALL_POOL): words and MiniLM cannot bridge languages, so a German question about exam fees otherwise
    never retrieves the English certification policy when no German text mentions exams. Passage vectors
    are cached by text (`retrieval.multilingual`), so each passage is encoded once. Empty without the model."""
    # the programme's shared rules, not one partner's own documents (a joint plan is found by its words)
    pool = [h for h in ctx.content.admitted(scope.allowed_visibility(), locale=locale, limit=RECALL_POOL,
                                            programme_only=True)
            if h.source_type != "reference" and not _partner_only(h)]
    if not pool:
        return []
    sims = ctx.content.multilingual(question, [_passage(h) for h in pool])
    if sims is None:
        return []
    order = sorted(range(len(pool)), key=lambda i: -float(sims[i]))[:k]
    return [pool[i] for i in order]


WARM_BATCH = 32  # passages per call of the multilingual model while warming up


def warm_multilingual(ctx: ToolContext) -> int:
    """Encode, once per machine, what the multilingual model scores for a question in another language:
    the programme passages of the vendor's default language (`multilingual_recall`), and every language's
    programme passages with their quotable units (`cross_lingual` and the answer's second opinion,
    `retrieval.extractive`), for the pools an internal user and a partner seller see. The first German or
    Japanese question after an ingest otherwise pays ~40 ms a passage (1.8-3.7 s CPU for one question on
    the demo); vectors go to the shared cache, keyed by text, so the other worker, the next start and the
    next ingest's unchanged passages find them. Returns the passages seen."""
    default = _lang(_vendor(ctx).get("default_locale") or "en")
    scopes = (Scope.system(), Scope(user_id="warmup", role="partner_seller", partner_id="warmup"))
    seen = 0
    for scope in scopes:
        seen += len(multilingual_recall(ctx, scope, "warm-up", default, k=RECALL_POOL))
    # one partner's own documents too (a joint business plan): recall leaves them out, but a search in
    # another language retrieves them for that partner's sellers and internal users, and then they are scored
    pool = {h.chunk_id: h for scope in scopes
            for h in ctx.content.admitted(scope.allowed_visibility(), limit=RECALL_POOL, programme_only=True)
            if h.source_type != "reference"}
    passages = list(dict.fromkeys([_passage(h) for h in pool.values()]
                                  + [p for h in pool.values() for p in unit_passages(h)]))
    for start in range(0, len(passages), WARM_BATCH):  # batches: a question meanwhile waits for one, not all
        ctx.content.multilingual("warm-up", passages[start:start + WARM_BATCH])
    return seen + len(passages)


def _partner_only(hit: Hit) -> bool:
    """The document is one partner's own (visible to `partner:P` only), e.g. its joint business plan."""
    return bool(hit.visibility) and all(v.startswith("partner:") for v in hit.visibility)


def _passage(hit: Hit) -> str:
    """A hit as the multilingual model reads it: its title and heading, then its text."""
    return " > ".join(p for p in (hit.title, hit.heading) if p) + ": " + hit.text


def cross_lingual(question: str, hits: list[Hit],
                  multilingual: Callable[[str, Sequence[str]], np.ndarray | None] = similarities) -> list[Hit]:
    """The hits re-ranked by the multilingual model's similarity to the question (title, heading and
    text): a Spanish question about MDF claims finds the English MDF policy although no word is shared.
    Their retrieval scores are left as they are: tried, giving a passage in another language its similarity
    scaled 0..1 over the hits as its score made the best of them look certain whatever it said, and turned
    "not in the content" into confident quotes on the held-out s32 set (README, issue 17). Unchanged when
    the model is not installed."""
    if len(hits) < 2:
        return hits
    sims = multilingual(question, [_passage(h) for h in hits])
    if sims is None:
        return hits
    order = sorted(range(len(hits)), key=lambda i: -float(sims[i]))
    return [hits[i] for i in order]


def language_groups(question: str, hits: list[Hit], locale: str | None = None,
                    fallback: str | None = "en") -> list[list[Hit]]:
    """The candidates to answer from, in the order tried: content in the asker's language (the question's
    when clear, else `locale`), then content in `fallback` (the vendor's default language, usually the
    version that is binding), then everything. A Spanish question is not answered from the French guide
    when the English policy answers it, and a German one is answered from the German guide when it can."""
    first = same_language(question, hits, locale, fallback)
    groups = [first]
    language = asked_language(question, locale)
    if language and fallback and _lang(fallback) != language:
        default = [h for h in hits if _lang(h.locale) in (_lang(fallback), "")]
        if default and default != first:
            groups.append(default)
    return groups


def _vendor(ctx: ToolContext) -> dict:
    try:
        return dict(ctx.vendor() or {})
    except Exception:  # a context without vendor settings (tests, evals): no name to label with
        return {}


def _prefer_newer(ctx: ToolContext, question: str, candidates: list[Hit], answer: ContentAnswer,
                  threshold: float | None, locale: str | None = None) -> ContentAnswer:
    """When a newer programme document among the candidates also answers, with other numbers, it wins:
    of two documents that disagree, the newest states the rule."""
    if not answer.found or not answer.citations:
        return answer
    dates = {h.doc_id: h.updated_on for h in candidates}
    cited = dates.get(answer.citations[0].doc_id)
    if cited is None:
        return answer
    newer = [h for h in candidates if h.updated_on is not None and h.updated_on > cited]
    if not newer:
        return answer
    other = _answer(ctx, question, newer, threshold, locale)
    said, says = _numbers(answer.answer.rsplit(" [", 1)[0]), _numbers(other.answer.rsplit(" [", 1)[0])
    # the same question answered about as well (not a side remark of a newer page on another topic)
    if other.found and said and says and not (said & says) and other.score >= answer.score - NEWER_MARGIN:
        return other
    return answer


def _programme_vocabulary(ctx: ToolContext) -> Callable[[str], tuple[float, bool]] | None:
    """Which words the vendor's own programme uses (not others' reference material): a name only a public
    handbook used as an example says ("how do we become a Select partner?") is not the programme's."""
    vocabulary = getattr(ctx.content, "programme_vocabulary", None)
    return vocabulary() if vocabulary is not None else None


def _answer(ctx: ToolContext, question: str, candidates: list[Hit], threshold: float | None,
            locale: str | None = None) -> ContentAnswer:
    content = ctx.content
    vectors, vocabulary = content.unit_vectors(candidates), content.vocabulary()
    language = question_language(question)
    foreign = language not in (None, "en") and not is_cjk(question)
    # the candidates are in another language than the question (a Spanish question, the English policy)
    asked = likely_language(question, locale)
    across = asked is not None and all(_lang(h.locale) not in ("", asked) for h in candidates)
    names = _programme_vocabulary(ctx)
    answers = [answer_from_hits(part, candidates, embedder=content.embedder, threshold=threshold,
                                unit_vectors=vectors, term_idf=vocabulary, multilingual=content.multilingual,
                                foreign=foreign, across=across, name_vocabulary=names)
               for part in with_antecedents(question_parts(question))]
    found = [a for a in answers if a.found]
    if len(answers) == 1 or not found:
        return answers[0] if len(answers) == 1 else max(answers, key=lambda a: a.score)
    texts: list[str] = []
    citations: list[Citation] = []
    for answer in found:
        if answer.answer not in texts:
            texts.append(answer.answer)
        citations += [c for c in answer.citations if c not in citations]
    return ContentAnswer(answer="\n".join(texts), citations=citations, found=True,
                         score=max(a.score for a in found))


_ACRONYMS = re.compile(r"\b[A-Z][A-Z0-9]+\b")
_QUOTED_NAME = re.compile(r"['\"“«‘„]\s*([^'\"”»’“]{2,60}?)\s*['\"”»’“]")


def glossed_answer(ctx: ToolContext, scope: Scope, question: str, hits: list[Hit], answer: ContentAnswer,
                   threshold: float | None, **filters) -> ContentAnswer:
    """A question in another language than the vendor's default, not answered from content in its own
    language, is also read as its English gloss (`tools.search.glossary`) against the vendor's programme in
    the default language, on the English answer path (its words, its calibrated confidence). When that
    answers, its quote is the answer; when the gloss knows the question's words and still finds nothing,
    a quote chosen across languages on the multilingual model's opinion alone is not given as the answer
    (it is shown as the closest passage): the topic matched, the rule asked about was not found."""
    default = _lang(_vendor(ctx).get("default_locale") or "en")
    if filters.get("locale") or not crosses_languages(question, scope.locale, default):
        return answer
    asked = asked_language(question, scope.locale)
    locales = {h.doc_id: _lang(h.locale) for h in hits}
    own = answer.found and any(locales.get(c.doc_id) == asked for c in answer.citations)
    topics = topic_concepts(question)
    own_covers = len(topics & concepts(answer.answer.rsplit(" [", 1)[0])) if own else -1
    if own and on_topic(question, answer.answer.rsplit(" [", 1)[0]) and own_covers == len(topics):
        return answer  # content in the asker's own language answered, on every topic of the question
    # (a quote in the asker's language about another topic of the programme than the one asked, e.g. the MDF
    # claim window for "how many days is a registration protected?", gives way to a sure answer in the default
    # language: the English path judges the question too)
    if answer.found and not own and any(locales.get(c.doc_id) not in (default, "") for c in answer.citations):
        return answer  # quoted from a third language's content: not the English path's to judge
    gloss = english_gloss(question)
    if not gloss:
        return answer
    found = ctx.content.search(gloss, k=ANSWER_CANDIDATES, allowed_visibility=scope.allowed_visibility(),
                               programme_only=True, **{**filters, "locale": default})
    # and the files that declare no language (a .txt, .pdf or .docx without front matter): the vendor's own too
    unsaid = [h for h in ctx.content.search(gloss, k=ANSWER_CANDIDATES, allowed_visibility=scope.allowed_visibility(),
                                            programme_only=True, **{**filters, "locale": None}) if not h.locale]
    if unsaid:
        found = sorted(found + unsaid, key=lambda h: -h.score)[:ANSWER_CANDIDATES]
    if not found:
        return answer
    content = ctx.content
    # the names the question quotes ("un programme 'Partner Champions'") or, outside German (which writes every noun
    # with a capital), writes with a capital: a name the vendor's programme never uses is not its rule
    # (an acronym is no such name: the programme may spell it out, "NFR" as "not-for-resale")
    names = " ".join(["-"] + _QUOTED_NAME.findall(question) + ([] if asked == "de" else [_ACRONYMS.sub(" ", question)]))
    english = answer_from_hits(gloss, found, embedder=content.embedder, threshold=threshold,
                               unit_vectors=content.unit_vectors(found), term_idf=content.vocabulary(),
                               match_numbers=True, name_vocabulary=_programme_vocabulary(ctx), names=names)
    # content in the asker's language came closer, each on its own scale, than the English path did
    own_closer = not answer.found and answer.closest and answer.relative >= english.relative
    if english.found and not own_closer and not (
            own and on_topic(question, answer.answer.rsplit(" [", 1)[0])
            and (len(topics & concepts(english.answer.rsplit(" [", 1)[0])) <= own_covers
                 or english.relative + SURER_OWN < answer.relative)):
        # (a quote in the asker's language on part of the question, "Dia 100: primeiro negócio registrado." for how
        # many approved registrations one may hold, gives way to one in the default language on more of it, when
        # that one is about as sure; a much surer own quote stands whatever words the glossary knows of it)
        return english
    if own:  # off topic, but nothing surer in the default language: the asker's own content's answer stands
        return answer
    # not answered in the rule's own words: an answer chosen across languages on the multilingual model's
    # opinion alone is only the closest passage; the English path's nearest passage is shown first when
    # it scores as a likely answer on its own scale
    closest = english.closest if english.closest and english.score >= GLOSS_CLOSEST and not own_closer else \
        (answer.answer if answer.found else answer.closest)
    return ContentAnswer(answer=NOT_FOUND, found=False, score=max(answer.score, english.score), closest=closest,
                         relative=max(answer.relative, english.relative))


_NAME_WORD = re.compile(r"\b[A-ZÀ-ÖØ-Þ][^\W\d_]{2,}\b")


def others_only_name(ctx: ToolContext, question: str, hits: Sequence[Hit] = ()) -> str | None:
    """A name the question says (an acronym or a word written with a capital, past its first word: "SPIFF",
    "Summit") that the content uses only in others' reference material, never in the vendor's own programme:
    a thing other programmes have and this one does not ("does <vendor> pay a SPIFF?"). None when the question
    asks about that reference material itself (names its publisher)."""
    only = getattr(ctx.content, "reference_only", None)
    if only is None or any(h.source_type == "reference" and _names_publisher(question, h) for h in hits):
        return None
    reference_only = only()
    words = question.split(maxsplit=1)
    for match in _NAME_WORD.finditer(words[1] if len(words) > 1 else ""):
        terms = answer_terms(match.group(0))
        if terms and all(reference_only(t) for t in terms):
            return match.group(0)
    return None


def _spelled_out(name: str, text: str) -> bool:
    """An acronym the text writes out ("NFR" in "Not-for-resale licences"): its letters open consecutive words."""
    if not name.isupper() or len(name) < 2:
        return False
    initials = "".join(w[0] for w in re.findall(r"[^\W\d_]+", text.casefold()))
    return name.casefold() in initials


def not_in_programme(ctx: ToolContext, question: str, hits: Sequence[Hit], answer: ContentAnswer) -> ContentAnswer:
    """An answer quoting the programme about something only others' programmes have ("¿tiene Halvard un programa de
    SPIFF?" answered with the MDF co-funding share) is no answer: the quote becomes the closest passage."""
    if not answer.found:
        return answer
    name = others_only_name(ctx, question, hits)
    if name is None or name.casefold() in answer.answer.casefold() or _spelled_out(name, answer.answer):
        return answer
    return ContentAnswer(answer=NOT_FOUND, found=False, score=answer.score, closest=answer.answer,
                         relative=min(answer.relative, 0.0))


def answer_from_content(ctx: ToolContext, scope: Scope, question: str,
                        threshold: float | None = None) -> ContentAnswer:
    """An extractive answer: the sentences or table rows of the visible content that answer the question,
    with their citations; "I could not find this in the enablement content." when nothing does.
    `threshold` overrides the calibrated confidence needed to answer (evals pass one below any score to see
    every candidate and its confidence)."""
    question = search_query(question)
    hits = answer_hits(ctx, scope, question)
    answer = answer_for_hits(ctx, question, hits, threshold, locale=scope.locale)
    return not_in_programme(ctx, question, hits, glossed_answer(ctx, scope, question, hits, answer, threshold))


def search_and_answer(ctx: ToolContext, scope: Scope, args: SearchArgs,
                      threshold: float | None = None) -> SearchToolResult:
    """ONE hybrid search serves both the passages (the first k) and the answer (the first
    ANSWER_CANDIDATES), with the asker's visibility and the filters applied inside retrieval."""
    query = search_query(args.query)
    hits = answer_hits(ctx, scope, query, k=max(args.k, SEARCH_DEPTH), kinds=args.kinds, products=args.products,
                       industries=args.industries, locale=args.locale)
    answer = answer_for_hits(ctx, query, hits, threshold, locale=scope.locale)
    answer = glossed_answer(ctx, scope, query, hits, answer, threshold, kinds=args.kinds, products=args.products,
                            industries=args.industries, locale=args.locale)
    answer = not_in_programme(ctx, query, hits, answer)
    # the passages shown beside (or instead of) the answer: readable, the programme's own first; others'
    # reference material only when the question is about it or nothing else was found; for a question in
    # another language, those in the asker's language, then in the vendor's default, best first
    shown, _ = whose_rule(query, hits)
    default = _vendor(ctx).get("default_locale") or "en"
    if crosses_languages(query, scope.locale, default) and shown:
        reranked = cross_lingual(query, shown, ctx.content.multilingual)
        shown = [h for group in language_groups(query, reranked, scope.locale, default) for h in group]
    return SearchToolResult(results=_response(shown[: args.k], readable=True).results, answer=answer.answer,
                            found=answer.found, citations=answer.citations, closest=answer.closest)


@register_tool("search_content", args=SearchArgs, pure=True)
def search_content_tool(ctx: ToolContext, scope: Scope, args: SearchArgs) -> SearchToolResult:
    """Search the vendor's enablement content (partner programme policies, deal registration rules,
    playbooks, battlecards, training) that this user may see. Returns a short extractive answer quoting
    the content with citations (or says it is not there), plus the best passages."""
    return search_and_answer(ctx, scope, args)
