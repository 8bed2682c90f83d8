"""Chat shorthand and its written-out words: one vocabulary for intent routing (engine) and content
search (tools.search)."""
from __future__ import annotations

import re

# Chat shorthand -> the word the cues know. Applied to whole words of the lower-cased question.
ABBREVIATIONS = {
    "opp": "opportunity", "opps": "opportunities", "oppty": "opportunity", "oppy": "opportunity",
    "acct": "account", "accts": "accounts", "acc": "account", "accs": "accounts", "cust": "customer",
    "custs": "customers", "reg": "registration", "regs": "registrations", "w/": "with", "w/o": "without",
    "pls": "please", "plz": "please", "shld": "should", "shd": "should", "u": "you", "ur": "your",
    "r": "are", "rec": "recommendation", "recs": "recommendations", "nxt": "next", "wht": "what",
    "whats": "what is", "hows": "how is", "whos": "who is", "whats's": "what is", "abt": "about",
    "msg": "message", "nba": "next best action",
    "nbas": "next best actions", "mgmt": "management", "pipe": "pipeline", "q": "question", "rev": "revenue",
}  # fmt: skip
# Austrian and Bavarian chat spellings of German words ("wie vü MDF hamma ausgebn?"): only those that are no
# word of another language the copilot speaks ("is", "i", "a", "no" are left as they are).
REGIONAL = {
    "vü": "viel", "vui": "viel", "hamma": "haben wir", "hama": "haben wir", "samma": "sind wir", "gemma": "gehen wir",
    "wos": "was", "ned": "nicht", "nimma": "nicht mehr", "scho": "schon", "ois": "alles",
    "gibts": "gibt es", "kriag": "kriege", "kriagn": "kriegen", "griag": "kriege", "griagn": "kriegen",
    "ausgebn": "ausgegeben", "gmacht": "gemacht", "gschützt": "geschützt", "gwonnen": "gewonnen",
    "gwunna": "gewonnen", "gfunden": "gefunden", "gredt": "geredet", "hob": "habe", "hom": "haben",
    "pass ma": "passen wir", "schaffn": "schaffen", "bleibn": "bleiben", "wia": "wie", "oda": "oder",
}  # fmt: skip
ABBREVIATIONS.update(REGIONAL)
SEARCH_SHORTHAND_REGIONAL = tuple(REGIONAL)


def whole_words(words, flags: int = 0) -> re.Pattern:
    return re.compile(r"(?<![\w/])(" + "|".join(re.escape(w) for w in words) + r")(?![\w/])", flags)


# The shorthand that is never also a real word or a common acronym ("pipe", "rec", "ACC", "Q" are left):
# safe to write out in a content search.
SEARCH_SHORTHAND = ("opp", "opps", "oppty", "oppy", "acct", "accts", "reg", "regs", "w/", "w/o", "mgmt")
_SEARCH_SHORTHAND_RE = whole_words(SEARCH_SHORTHAND + SEARCH_SHORTHAND_REGIONAL, re.IGNORECASE)


def expand_shorthand(text: str) -> str:
    """The text with unambiguous chat shorthand written out ("my reg" -> "my registration"), other words
    untouched: content spells its words in full, so a search for "reg" finds little."""
    return _SEARCH_SHORTHAND_RE.sub(lambda m: ABBREVIATIONS[m.group(1).lower()], text)
