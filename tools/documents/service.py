"""One document of the enablement content, as its text, for a reader who may see it (the web document view).

The text is rebuilt from the stored chunks: in order, grouped under their heading path, with the sentences
that consecutive chunks of one section repeat (the chunker's overlap) kept once. Permissions are the
content's (CLI.md "Who may see what"): a document the asker may not read is answered exactly like an
unknown one (404), so its id, title or existence is not confirmed to a partner seller.
"""
from __future__ import annotations

from pydantic import BaseModel, Field
from sqlalchemy import select

from assistant.core.errors import BadInput, NotFound
from retrieval.records import Chunk, Document
from retrieval.scope import Scope
from tools.context import ToolContext

MAX_OVERLAP_CHARS = 2000  # longer than any chunk overlap (40 tokens); bounds the search for it
MIN_OVERLAP_CHARS = 8  # whole sentences overlap; a shorter match is a coincidence


class Section(BaseModel):
    heading: str | None = Field(None, description="the heading path, e.g. 'Deal registration > Rules'")
    text: str


class DocumentView(BaseModel):
    doc_id: str
    title: str
    source: str
    kind: str
    locale: str | None = None
    updated_on: str | None = None
    sections: list[Section]


def read_document(ctx: ToolContext, scope: Scope, doc_id: str) -> DocumentView:
    """The document `doc_id` as sections of text; NotFound when it is unknown or not the asker's to read."""
    doc_id = (doc_id or "").strip()
    if not doc_id:
        raise BadInput("doc_id is empty")
    with ctx.store.session() as session:
        doc = session.get(Document, doc_id)
        if doc is None or not scope.may_read_content(doc.visibility or []):
            raise NotFound(f"no document '{doc_id}' that you may read")
        chunks = session.execute(
            select(Chunk.heading, Chunk.text).where(Chunk.doc_id == doc_id).order_by(Chunk.ordinal)).all()
        view = DocumentView(doc_id=doc.doc_id, title=doc.title, source=doc.source, kind=doc.kind,
                            locale=doc.locale, updated_on=doc.updated_on.isoformat() if doc.updated_on else None,
                            sections=[])
    for heading, text in chunks:
        last = view.sections[-1] if view.sections else None
        if last is not None and last.heading == heading:
            last.text = join_overlapping(last.text, text)
        else:
            view.sections.append(Section(heading=heading, text=text.strip()))
    return view


def join_overlapping(before: str, after: str) -> str:
    """`before` then `after`, without the text that ends `before` and starts `after` (the chunk overlap)."""
    before, after = before.rstrip(), after.strip()
    for size in range(min(len(before), len(after), MAX_OVERLAP_CHARS), MIN_OVERLAP_CHARS - 1, -1):
        if (before.endswith(after[:size]) and (size == len(after) or after[size].isspace())
                and (size == len(before) or before[-size - 1].isspace())):
            return f"{before}{after[size:]}" if size < len(after) else before
    return f"{before}\n\n{after}"
