"""Kit text laid out as a reader sees it: hard line wraps joined into paragraphs, in every script.

Kits are YAML, and their authors wrap long lines (`email_body: |` keeps every line break). A line break
there is not a sentence break: "...einer Zahlung oder die\\nLieferzeit..." must reach the reader as one
paragraph. Rules (`reflow`):
- Paragraphs are separated by blank lines; within one, lines are joined.
- Joined with a space, except where either side is a character of a script written without spaces
  (Han, kana, Thai, Lao, Khmer, Myanmar, full-width forms): "...リスク管理や\\nコンプライアンス..." joins
  with nothing in between. Korean is written with spaces and joins with one.
- A line ending in a hyphenated word part ("KI-\\nAssistenten") joins without a space.
- A line starting a list item ("- ", "* ", "• ", "1. ", "1) ") keeps its break.
- A block of at most `SHORT_BLOCK_LINES` short lines (each at most `SHORT_LINE` display columns) keeps
  its breaks: a sign-off ("Best regards,\\nThe Contoso team"), an address. Wrapped prose has lines near
  the wrap width (kits wrap at 70-120 columns); a kit wrapped narrower than `SHORT_LINE` columns is the
  one case not reflowed.
"""
from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

SHORT_LINE = 40  # display columns (a CJK character counts 2)
SHORT_BLOCK_LINES = 4
_NO_SPACE_SCRIPTS = re.compile(
    "[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\uff00-\uffef\u0e00-\u0e7f\u0e80-\u0eff\u1780-\u17ff\u1000-\u109f]"
)
_LIST_ITEM = re.compile(r"^\s*(?:[-*\u2022\u2013]\s|\d{1,3}[.)]\s)")
_HYPHENATED = re.compile(r"\w-$")
# What ends a sentence, in the scripts kits use (Latin, CJK, Arabic, Devanagari, Thai has none).
SENTENCE_END = ".!?\u2026:\u3002\uff01\uff1f\uff1a\u061f\u06d4\u0964"
_CLOSERS = "\"'\u201d\u2019\u00bb)]\uff09\u300d\u300f"


def display_width(text: str) -> int:
    """Columns on a terminal: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _joiner(left: str, right: str) -> str:
    if not left or not right:
        return ""
    if _NO_SPACE_SCRIPTS.match(left[-1]) or _NO_SPACE_SCRIPTS.match(right[0]):
        return ""
    if _HYPHENATED.search(left) and right[0].isalpha():
        return ""
    return " "


def is_short_block(lines: list[str]) -> bool:
    """A sign-off or address: a few short lines whose breaks are meant."""
    return len(lines) <= SHORT_BLOCK_LINES and all(display_width(line) <= SHORT_LINE for line in lines)


def reflow_paragraph(paragraph: str) -> str:
    lines = [line.strip() for line in paragraph.strip().splitlines() if line.strip()]
    if len(lines) <= 1 or is_short_block(lines):
        return "\n".join(lines)
    out: list[str] = []
    for line in lines:
        if out and not _LIST_ITEM.match(line):
            out[-1] = out[-1] + _joiner(out[-1], line) + line
        else:
            out.append(line)
    return "\n".join(out)


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n[ \t]*\n", text or "") if p.strip()]


def reflow(text: str) -> str:
    """`text` with its hard wraps joined (see the module's rules); paragraphs separated by one blank line."""
    return "\n\n".join(reflow_paragraph(p) for p in paragraphs(text))


def ends_sentence(text: str) -> bool:
    """True when the text ends with sentence punctuation (closing quotes and brackets aside)."""
    stripped = (text or "").rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in SENTENCE_END


def as_sentence(text: str, lang: str) -> str:
    """A proof point or claim as a full sentence: the full stop of its language added when it has none."""
    text = " ".join((text or "").split())
    if not text or ends_sentence(text):
        return text
    return text + ("\u3002" if lang in ("ja", "zh") else "\u0964" if lang == "hi" else ".")


def join_sentences(first: str, second: str) -> str:
    """Two runs of text in one paragraph, spaced as the script wants."""
    first, second = first.rstrip(), second.strip()
    return first + _joiner(first, second) + second if first else second


def broken_lines(text: str) -> list[str]:
    """The lines of `text` that end inside a sentence: a line break in a paragraph that is not a short
    block (sign-off) or a list. Empty when the text is laid out as `reflow` lays it out."""
    found = []
    for paragraph in paragraphs(text):
        lines = paragraph.splitlines()
        if len(lines) <= 1 or is_short_block(lines):
            continue
        found += [line for line, after in pairwise(lines) if not _LIST_ITEM.match(after)]
    return found
