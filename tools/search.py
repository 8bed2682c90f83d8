"""`cosell search` and the content half of `cosell ask`: retrieval over the enablement content the
asker may see, and an extractive answer with citations.

Permissions are applied inside retrieval: every read is `ctx.content.search(...,
allowed_visibility=scope.allowed_visibility())`, so a partner seller only ever gets `partners` and
their own `partner:P` chunks, whatever the query says. Retrieved text is quoted, never obeyed.
"""
from __future__ import annotations

from pydantic import BaseModel, Field

from assistant.context import AppContext
from assistant.errors import BadInput
from retrieval.extractive import Citation, ContentAnswer, answer_from_hits
from retrieval.scope import Scope
from retrieval.search import Hit
from tools.registry import register_tool

__all__ = ["Citation", "ContentAnswer", "SearchArgs", "SearchResponse", "SearchResult", "SearchToolResult",
           "answer_for_hits", "answer_from_content", "search_and_answer", "search_content"]

ANSWER_CANDIDATES = 12  # chunks whose sentences compete for an extractive answer
MAX_K = 50


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


class SearchResponse(BaseModel):
    results: list[SearchResult] = Field(default_factory=list)


class SearchToolResult(SearchResponse):
    """What the assistant gets: an extractive answer (or an honest not-found) and the passages."""

    answer: str
    found: bool
    citations: list[Citation] = Field(default_factory=list)


def _check_query(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise BadInput("the search query is empty")
    return text


def search_content(ctx: AppContext, scope: Scope, query: str, k: int = 5, kinds: list[str] | None = None,
                   products: list[str] | None = None, industries: list[str] | None = None,
                   locale: str | None = None) -> SearchResponse:
    """The k best passages the asker may see, best first (CLI.md `cosell search`)."""
    query = _check_query(query)
    if not 1 <= k <= MAX_K:
        raise BadInput(f"k must be between 1 and {MAX_K}, got {k}")
    hits = ctx.content.search(query, k=k, allowed_visibility=scope.allowed_visibility(), kinds=kinds,
                              products=products, industries=industries, locale=locale)
    return _response(hits)


def _response(hits: list[Hit]) -> SearchResponse:
    return SearchResponse(results=[
        SearchResult(doc_id=h.doc_id, chunk_id=h.chunk_id, title=h.title, source=h.source, score=h.score,
                     text=h.text, heading=h.heading)
        for h in hits
    ])


def answer_for_hits(ctx: AppContext, question: str, hits: list[Hit], threshold: float | None) -> ContentAnswer:
    """The extractive answer from hits already filtered for the asker (never a cache across askers:
    the unit vectors reused here are keyed by chunk and text, and only ever scored)."""
    content = ctx.content
    return answer_from_hits(question, hits[:ANSWER_CANDIDATES], embedder=content.embedder, threshold=threshold,
                            unit_vectors=content.unit_vectors(hits[:ANSWER_CANDIDATES]),
                            term_idf=content.vocabulary())


def answer_from_content(ctx: AppContext, scope: Scope, question: str,
                        threshold: float | None = None) -> ContentAnswer:
    """An extractive answer: the sentences or table rows of the visible content that answer the question,
    with their citations; "I could not find this in the enablement content." when nothing does.
    `threshold` overrides the calibrated confidence needed to answer (evals use 0 to see every candidate)."""
    question = _check_query(question)
    hits = ctx.content.search(question, k=ANSWER_CANDIDATES, allowed_visibility=scope.allowed_visibility())
    return answer_for_hits(ctx, question, hits, threshold)


def search_and_answer(ctx: AppContext, scope: Scope, args: SearchArgs,
                      threshold: float | None = None) -> SearchToolResult:
    """ONE hybrid search serves both the passages (the first k) and the answer (the first
    ANSWER_CANDIDATES), with the asker's visibility and the filters applied inside retrieval."""
    query = _check_query(args.query)
    hits = ctx.content.search(query, k=max(args.k, ANSWER_CANDIDATES), allowed_visibility=scope.allowed_visibility(),
                              kinds=args.kinds, products=args.products, industries=args.industries,
                              locale=args.locale)
    answer = answer_for_hits(ctx, query, hits, threshold)
    return SearchToolResult(results=_response(hits[: args.k]).results, answer=answer.answer, found=answer.found,
                            citations=answer.citations)


@register_tool("search_content", args=SearchArgs)
def search_content_tool(ctx: AppContext, scope: Scope, args: SearchArgs) -> SearchToolResult:
    """Search the vendor's enablement content (partner programme policies, deal registration rules,
    playbooks, battlecards, training) that this user may see. Returns a short extractive answer quoting
    the content with citations (or says it is not there), plus the best passages."""
    return search_and_answer(ctx, scope, args)
