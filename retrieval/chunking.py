"""Heading-aware chunking of Markdown-ish text.

Each chunk stays under one heading path ("Deal registration > Rules"), is at most `max_tokens`
cl100k tokens *including* the "title > heading path" line that is prepended before embedding and
BM25 indexing (MiniLM reads 256 word pieces and ignores the rest), and never cuts a table row or a
sentence. A table is kept whole when it fits; a longer one is split between rows and each part repeats
the table's header. Consecutive chunks of one section overlap by up to `overlap_tokens` (whole
sentences) so a fact cut at a boundary is still found.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from assistant.core.tokens import count_tokens as _count_tokens

# The same strings are counted several times while splitting (a one-line paragraph as block, line and
# sentence): remember the last few thousand counts instead of encoding them again.
count_tokens = lru_cache(maxsize=4096)(_count_tokens)

MAX_TOKENS = 200
OVERLAP_TOKENS = 40
CHUNKING_VERSION = "c2"  # bump when chunk_text's output changes: documents are then re-indexed on next ingest
# "Related" / "See also" sections are navigation (names of other documents), never an answer: not indexed.
_NAVIGATION = re.compile(
    r"^\s*(related( content| documents| links| reading| resources)?|see also|further reading|"
    r"verwandte (themen|inhalte)|siehe auch|weiterführende (links|informationen)|voir aussi|à lire aussi|"
    r"contenus? (associés?|liés)|ver también|véase también|contenido relacionado|veja também|"
    r"conteúdo relacionado|関連(資料|情報|コンテンツ|ドキュメント|リンク)?|参考(資料|リンク)?)\s*:?\s*$",
    re.IGNORECASE)
MIN_TOKENS = 60  # a section shorter than this is merged with the next one when both fit

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$|^[^|\n]+(\s\|\s[^|\n]*)+$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_LONG_URL = re.compile(r"(https?://[^\s)?#]+)[?#][^\s)]{40,}")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[A-Z0-9*_`])|(?<=[。！？])")


@dataclass
class ChunkDraft:
    ordinal: int
    heading: str | None
    text: str
    token_count: int


@dataclass
class _Section:
    path: list[str]
    blocks: list[tuple[str, str]] = field(default_factory=list)  # (kind: para|table|code, text)


def context_line(title: str | None, heading: str | None) -> str:
    """The line prepended to a chunk for embedding and BM25: where the text comes from."""
    parts = [p for p in ((title or "").strip(), (heading or "").strip()) if p]
    return " > ".join(parts)


def contextual_text(title: str | None, heading: str | None, text: str) -> str:
    line = context_line(title, heading)
    return f"{line}\n{text}" if line else text


def _sections(text: str) -> list[_Section]:
    """Split into sections by headings (ignoring `#` inside code fences), then into blocks."""
    sections = [_Section(path=[])]
    stack: list[tuple[int, str]] = []
    lines: list[str] = []
    in_fence = False

    def flush() -> None:
        sections[-1].blocks.extend(_blocks(lines))
        lines.clear()

    for line in text.replace("\r\n", "\n").split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else _HEADING.match(line)
        if match:
            flush()
            level = len(match.group(1))
            stack = [(lvl, title) for lvl, title in stack if lvl < level] + [(level, match.group(2).strip())]
            sections.append(_Section(path=[title for _, title in stack]))
        else:
            lines.append(line)
    flush()
    return [s for s in sections if s.blocks and not (s.path and _NAVIGATION.match(s.path[-1]))]


def _blocks(lines: list[str]) -> list[tuple[str, str]]:
    """Paragraphs (blank-line separated), tables (consecutive `|` rows) and fenced code blocks."""
    blocks: list[tuple[str, str]] = []
    current: list[str] = []
    kind = "para"
    in_fence = False

    def close() -> None:
        nonlocal current, kind
        body = "\n".join(current).strip()
        if body:
            blocks.append((kind, body))
        current, kind = [], "para"

    for line in lines:
        if _FENCE.match(line):
            if not in_fence:
                close()
                kind = "code"
            current.append(line)
            in_fence = not in_fence
            if not in_fence:
                close()
            continue
        if in_fence:
            current.append(line)
            continue
        is_row = bool(_TABLE_ROW.match(line))
        if is_row and kind != "table":
            close()
            kind = "table"
        elif not is_row and kind == "table":
            close()
        if not line.strip():
            close()
            continue
        current.append(line)
    close()
    return blocks


def _split_sentences(text: str) -> list[str]:
    parts = [p.strip() for p in _SENTENCE_END.split(text)]
    return [p for p in parts if p]


@dataclass
class _Unit:
    sep: str  # joins it to the previous unit: "\n\n" new block, "\n" new line, " " next sentence
    text: str
    tokens: int
    overlappable: bool  # a prose sentence may be repeated in the next chunk; a table row may not


def _units(kind: str, body: str, budget: int) -> list[_Unit]:
    """A block as units of at most `budget` tokens: the whole block when it fits, else its lines,
    sentences or words (prose and code) or groups of rows that repeat the table's header."""
    size = count_tokens(body)
    if size <= budget:
        return [_Unit("\n\n", body, size, kind == "para")]
    if kind == "table":
        rows = body.split("\n")
        header = rows[:2] if len(rows) > 1 and _TABLE_RULE.match(rows[1]) else rows[:1]
        groups = _pack(rows[len(header):], budget, "\n", prefix="\n".join(header))
        return [_Unit("\n\n", g, count_tokens(g), False) for g in groups]
    if kind == "code":
        return [_Unit("\n\n", g, count_tokens(g), False) for g in _pack(body.split("\n"), budget, "\n")]
    units: list[_Unit] = []
    for line_no, line in enumerate(body.split("\n")):
        pieces = [line] if count_tokens(line) <= budget else _split_sentences(line)
        for piece_no, piece in enumerate(pieces):
            parts = _pack(piece.split(" "), budget, " ") if count_tokens(piece) > budget else [piece]
            for part_no, part in enumerate(parts):
                sep = " " if piece_no or part_no else ("\n" if line_no else "\n\n")
                units.append(_Unit(sep, part, count_tokens(part), True))
    return units


def _pack(units: list[str], budget: int, sep: str, prefix: str = "") -> list[str]:
    """Consecutive units joined into groups of at most `budget` tokens (each group after `prefix`)."""
    pieces: list[str] = []
    base = count_tokens(prefix) + 1 if prefix else 0
    current: list[str] = []
    used = base
    for unit in units:
        size = count_tokens(unit) + 1
        parts = [unit] if size + base <= budget else (
            _pack(unit.split(" "), budget - base, " ") if " " in unit.strip() else _cut(unit, budget - base))
        for part in parts:
            part_size = count_tokens(part) + 1
            if current and used + part_size > budget:
                pieces.append(sep.join(([prefix] if prefix else []) + current))
                current, used = [], base
            current.append(part)
            used += part_size
    if current:
        pieces.append(sep.join(([prefix] if prefix else []) + current))
    return pieces


def _cut(word: str, budget: int) -> list[str]:
    """A single token-heavy word (a URL, a hash) cut into pieces of `budget` tokens."""
    from assistant.core.tokens import get_encoding  # heavy: tiktoken's encodings, only for an over-long word

    enc = get_encoding()
    ids = enc.encode(word, disallowed_special=())
    step = max(8, budget - 2)
    return [enc.decode(ids[i : i + step]) for i in range(0, len(ids), step)]


def _join(units: list[_Unit]) -> str:
    return "".join((u.sep if i else "") + u.text for i, u in enumerate(units)).strip()


def _overlap(units: list[_Unit], overlap_tokens: int) -> list[_Unit]:
    """The trailing prose sentences of a chunk, up to `overlap_tokens`, never the whole chunk."""
    tail: list[_Unit] = []
    used = 0
    for unit in reversed(units[1:]):
        if not unit.overlappable or used + unit.tokens + 1 > overlap_tokens:
            break
        tail.insert(0, unit)
        used += unit.tokens + 1
    return tail


def _pack_section(units: list[_Unit], budget: int, overlap_tokens: int) -> list[str]:
    chunks: list[str] = []
    current: list[_Unit] = []
    used = 0
    for unit in units:
        size = unit.tokens + 1
        if current and used + size > budget:
            chunks.append(_join(current))
            current = _overlap(current, overlap_tokens)
            used = sum(u.tokens + 1 for u in current)
            if used + size > budget:
                current, used = [], 0
        current.append(unit)
        used += size
    if current:
        chunks.append(_join(current))
    return chunks


def chunk_text(title: str | None, text: str, max_tokens: int = MAX_TOKENS,
               overlap_tokens: int = OVERLAP_TOKENS, min_tokens: int = MIN_TOKENS) -> list[ChunkDraft]:
    """Chunks of one document, in reading order."""
    drafts: list[tuple[str | None, str]] = []
    text = _LONG_URL.sub(r"\1", text)  # tracking query strings carry no meaning and eat the token budget
    for section in _sections(text):
        heading = " > ".join(section.path) or None
        budget = max(32, max_tokens - count_tokens(context_line(title, heading)) - 1)
        units = [u for kind, body in section.blocks for u in _units(kind, body, budget)]
        drafts += [(heading, body) for body in _pack_section(units, budget, overlap_tokens)]
    drafts = _merge_small(title, drafts, max_tokens, min_tokens)
    return [ChunkDraft(i, heading, body, count_tokens(body)) for i, (heading, body) in enumerate(drafts)]


def _merge_small(title: str | None, drafts: list[tuple[str | None, str]], max_tokens: int,
                 min_tokens: int) -> list[tuple[str | None, str]]:
    """A tiny section joins the next one (whose heading is kept inline as text) when both fit."""
    merged: list[tuple[str | None, str]] = []
    for heading, body in drafts:
        if merged:
            prev_heading, prev_body = merged[-1]
            prev_size = count_tokens(contextual_text(title, prev_heading, prev_body))
            if prev_heading != heading and prev_size < min_tokens:
                leaf = (heading or "").split(" > ")[-1]
                combined = f"{prev_body}\n\n{leaf}\n{body}" if leaf else f"{prev_body}\n\n{body}"
                if count_tokens(contextual_text(title, prev_heading, combined)) <= max_tokens:
                    merged[-1] = (prev_heading, combined)
                    continue
        merged.append((heading, body))
    return merged


# --- answer units -----------------------------------------------------------------------------
# The extractive answerer quotes units of a chunk: prose sentences, list items (long ones split into
# sentences) and table rows. Each keeps its character span in the chunk text, so a vector can be
# pooled for it from the chunk's own token embeddings at ingest (see retrieval/embeddings.py).
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_HTML = re.compile(r"<[^>]+>")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_RULE_LINE = re.compile(r"^\|?[\s:|-]+\|?$")
# a setext heading's underline (`Title` over `=====` or `-----`), common in plain-text documents
_UNDERLINE = re.compile(r"^\s*(?:={3,}|-{3,})\s*$")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[A-Z0-9*_`])|(?<=[。！？])")
_END_PUNCT = (".", "!", "?", ":", ";", "。", "！", "？", "：", ")", "）")


@dataclass(frozen=True)
class TextUnit:
    text: str  # cleaned (links to their text, no markup): what is quoted
    start: int  # character span in the chunk text
    end: int
    kind: str  # sentence | item | row | lead (a sentence introducing the list or table after it)
    context: str = ""  # what it is about beyond the headings: its list's lead-in, or a bold label above it
    lead: int | None = None  # index (in this list of units) of the lead-in of its list or table


_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff00-\uffef]")


_QUOTE_MARK = re.compile(r"(?m)^[ \t]*(?:>[ \t]?)+")


def clean(text: str) -> str:
    """Markdown links to their text, HTML tags and emphasis marks dropped, whitespace collapsed."""
    text = _LINK.sub(r"\1", text)
    text = _HTML.sub(" ", text)
    text = _QUOTE_MARK.sub("", text)  # a blockquote's `>` on each of its lines
    text = re.sub(r"(\*\*|__|`)", "", text)
    return " ".join(text.split())


def _sentence_spans(line: str, offset: int) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _SENTENCE_SPLIT.finditer(line):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(line)))
    return [(offset + a, offset + b) for a, b in spans if line[a:b].strip()]


def _is_subheading(line: str, next_line: str | None) -> bool:
    """A short line without closing punctuation that introduces more text (a bold label, a heading kept
    inline by `_merge_small`): context for what follows, not an answer."""
    text = clean(line.lstrip("#").strip())
    if len(_CJK_CHAR.findall(text)) * 3 >= len(text):  # Japanese has no spaces: a wrapped line is long
        return bool(next_line) and len(text) <= 24 and not text.endswith(_END_PUNCT)
    return bool(next_line) and len(text.split()) <= 8 and len(text) <= 80 and not text.endswith(_END_PUNCT)


def _logical_lines(text: str) -> list[tuple[str, int]]:
    """(line, offset) as a reader sees them: a paragraph or a list item hard-wrapped over several lines
    (common in markdown kept in git) is one line, so its sentences are not cut where the text wraps. A
    line continues the one before unless either is a table row or a heading, it starts a new list item,
    or the one before is a short label line (`_is_subheading`)."""
    lines: list[tuple[str, int]] = []
    pos = 0
    for raw in text.split("\n"):
        line = raw.strip()
        if lines and line and _continues(lines[-1][0], raw):
            start = lines[-1][1]
            lines[-1] = (text[start : pos + len(raw)], start)
        else:
            lines.append((raw, pos))
        pos += len(raw) + 1
    return lines


def _continues(before: str, raw: str) -> bool:
    last = before.rsplit("\n", 1)[-1].strip()  # the physical line just before
    line = raw.strip()
    if not last or last.startswith(("|", "#")) or line.startswith(("|", "#")) or _ITEM.match(raw):
        return False
    if _UNDERLINE.fullmatch(line) or _UNDERLINE.fullmatch(last):  # a setext heading stands alone
        return False
    label = not _ITEM.match(before) and _is_subheading(last, line)  # a list item is never a label
    return not _RULE_LINE.fullmatch(line) and not label


def text_units(text: str) -> list[TextUnit]:
    """The quotable units of a chunk, in reading order. A table row is rendered with its column names
    ("Tier: Select; Margin: 20%") so that it makes sense on its own; list markers are dropped."""
    units: list[TextUnit] = []
    lines = _logical_lines(text)
    header: list[str] | None = None
    lead, label = None, ""
    in_item = False  # inside a list item: its lines up to the next blank line continue it
    for i, (raw, offset) in enumerate(lines):
        line = raw.strip()
        start = offset + len(raw) - len(raw.lstrip())
        nxt = next((l.strip() for l, _ in lines[i + 1:] if l.strip()), None)
        if not line:
            header, in_item = None, False
            continue
        if _UNDERLINE.fullmatch(line):
            continue
        if nxt is not None and _UNDERLINE.fullmatch(nxt) and not line.startswith("|"):
            label, lead, in_item = clean(line), None, False  # a setext heading: context for what follows
            continue
        if line.startswith("|") or (header is not None and " | " in line):
            if _RULE_LINE.fullmatch(line):
                continue
            cells = [clean(c) for c in line.strip("|").split("|")]
            if header is None and nxt is not None and _RULE_LINE.fullmatch(nxt):
                header = cells
                continue
            if header and len(header) == len(cells):
                row = "; ".join(f"{h}: {c}" if h else c for h, c in zip(header, cells) if c)
            else:
                row = " | ".join(c for c in cells if c)
            if len(row) >= 3:
                context = units[lead].text if lead is not None else label
                units.append(TextUnit(row, start, offset + len(raw), "row", context, lead))
            continue
        header = None
        item = _ITEM.match(raw)
        # An indented line under a list item, or any line before the next blank one, continues it.
        continuing = item is None and (in_item or (raw[:1] in " \t" and bool(units) and units[-1].lead is not None))
        if item is None and not continuing and _is_subheading(line, nxt):
            label, lead = clean(line.lstrip("#").strip()), None
            continue
        in_item = item is not None or continuing
        in_list = in_item and (item is not None or (bool(units) and units[-1].lead is not None))
        body_start = offset + (item.end() if item else len(raw) - len(raw.lstrip()))
        body = text[body_start : offset + len(raw)]
        context = (units[lead].text if lead is not None and in_list else "") or label
        # A list or a table right after a sentence is what that sentence introduces.
        introduces = nxt is not None and (nxt.startswith("|") or bool(_ITEM.match(nxt))) and not in_list
        spans = _sentence_spans(body, body_start)
        for n, (a, b) in enumerate(spans):
            sentence = clean(text[a:b])
            if len(sentence) < 3:
                continue
            is_lead = len(sentence) < 240 and (sentence.endswith((":", "：")) or introduces)
            kind = "lead" if is_lead else ("item" if item and n == 0 else "sentence")
            units.append(TextUnit(sentence, a, b, kind, context, lead if in_list else None))
        if not in_list:
            last = units[-1] if units else None
            lead = len(units) - 1 if last is not None and last.kind == "lead" and last.end > offset else None
    return units
