"""Company-name normalisation for entity resolution: case, accents, punctuation, initials, '&'/and,
abbreviations, legal forms in many languages, a leading 'The'. "ACME Corp." and "Acme Corporation" are
both "acme".

Vectorised in polars and shaped for a million names: every pass over all rows is a cheap one (a literal
or a simple class, replacements that only touch what changes), and the costly steps run only on the
rows that need them, found first by a cheap test: accents and non-Latin scripts (non-ASCII rows only),
spaced initials ('S. p. A.'), a name that is nothing but legal words, a misspelt legal word (checked once
per distinct last word). The one-value helpers run the same code on a one-row series, so nothing can
drift apart.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import polars as pl
from rapidfuzz import process
from rapidfuzz.distance import OSA

_LETTERS = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
# Words CRMs commonly abbreviate (after punctuation is gone: "Ins." is "ins").
_ABBREVIATIONS = {"intl": "international", "natl": "national", "mfg": "manufacturing", "svcs": "services",
                  "svc": "service", "grp": "group", "hldgs": "holdings", "hldg": "holding", "assoc": "associates",
                  "bros": "brothers", "ctr": "center", "centre": "center", "univ": "university", "st": "saint",
                  "sys": "systems", "comms": "communications", "ins": "insurance", "fin": "financial",
                  "dist": "distribution", "pharma": "pharmaceuticals", "labs": "laboratories", "tech": "technology",
                  "mgmt": "management"}
_CONJUNCTIONS = ("and", "und", "et", "en", "og", "och")


def _letters(form: str) -> str:
    """'spa' -> 's ?p ?a': dotted or spaced abbreviations ('S. p. A.') all reduce to the same form."""
    return " ?".join(form) if " " not in form else form


# Legal forms removed wherever they appear: unambiguous as words.
_LEGAL_ANYWHERE = [_letters(f) for f in (
    "gmbh", "mbh", "inc", "corp", "ltd", "llc", "llp", "lllp", "pllc", "plc", "kgaa", "nv", "bv", "bvba",
    "sprl", "sarl", "srl", "ltda", "pty", "kk", "oyj", "aps", "sdn bhd", "bhd", "pte", "pvt", "eurl",
    "sp zoo", "spzoo", "ohg")] + [
    "incorporated", "corporation", "limited", "aktiengesellschaft", "kommanditgesellschaft",
    "gesellschaft mit beschrankter haftung", "naamloze vennootschap", "besloten vennootschap",
    "kabushiki kaisha", "kabushiki gaisha", "yugen kaisha", "godo kaisha", "societe anonyme",
    "societe par actions simplifiee", "societa per azioni", "societa a responsabilita limitata",
    "sociedad anonima", "sociedad limitada", "aktiebolag", "aktieselskab", "anpartsselskab",
    "osakeyhtio", "anonim sirketi", "public limited company", "designated activity company"]
# Forms that are also ordinary words or initials: only removed at the end of a name (never its only word).
_LEGAL_END = [_letters(f) for f in (
    "co", "cie", "sa", "se", "as", "ab", "oy", "ag", "kg", "spa", "sas", "sl", "slu", "sc", "lp", "cv",
    "asa", "publ", "sro", "kft", "zrt", "doo", "ooo", "oao", "zao", "pjsc", "jsc", "ehf", "dac", "na")] + [
    "company", "gesellschaft", "private", "proprietary", "sa de cv", "sab de cv", "s de rl", "s de rl de cv",
    "de cv", "s en c"]
# Long legal words a typo does not hide ('Corporatoon'): a last word this close to one is dropped.
_LEGAL_WORDS = ("corporation", "incorporated", "limited", "company", "aktiengesellschaft", "gesellschaft")
_LEGAL_START = ["the", "ab", "nv", "bv", "oy"]


def _alternation(forms: list[str]) -> str:
    return "(?:" + "|".join(sorted(forms, key=len, reverse=True)) + ")"


_LEGAL_ANYWHERE_RE = rf"(?-u:\b){_alternation(_LEGAL_ANYWHERE)}(?-u:\b)"
_LEGAL_START_RE = rf"^{_alternation(_LEGAL_START)} "
_LEGAL_END_RE = rf"(?: {_alternation(_LEGAL_END)})+$"


def _fix(values: pl.Series, mask: pl.Series, fix: Callable[[pl.Series], pl.Series]) -> pl.Series:
    """`fix` applied to the rows where `mask` holds, the others untouched: a costly step pays only for
    the (usually few) rows that need it."""
    if not mask.any():
        return values
    rows = mask.arg_true()
    return values.clone().scatter(rows, fix(values.gather(rows)))


def _clean_unicode(names: pl.Series) -> pl.Series:
    """Accents off, special letters spelled out, punctuation of any script to spaces (non-ASCII rows)."""
    return pl.select(
        pl.lit(names).str.normalize("NFKD").str.replace_all(r"\p{M}", "").str.to_lowercase()
        .str.replace_many(list(_LETTERS), list(_LETTERS.values()))
        .str.replace_all(r"['’‘`´]", "").str.replace_all(r"(\w)&(\w)", "${1}${2}")
        .str.replace_all(r"[^\p{L}\p{N}]+", " ").str.strip_chars()).to_series()


def _clean(names: pl.Series) -> pl.Series:
    """Case, accents, apostrophes, '&' inside a word (at&t), punctuation to single spaces. ASCII rows
    (nearly all) take the cheap path; the others are redone with Unicode rules."""
    ascii_only = names.str.len_bytes() == names.str.len_chars()
    cleaned = names.str.to_lowercase().str.replace_many(["'", "`"], ["", ""])
    cleaned = _fix(cleaned, cleaned.str.contains("&", literal=True),
                   lambda s: s.str.replace_all(r"([a-z0-9_])&([a-z0-9_])", "${1}${2}"))
    # a run of two or more separators, or one that is not a space: single spaces are left alone
    cleaned = cleaned.str.replace_all(r"[^a-z0-9]{2,}|[^a-z0-9 ]", " ").str.strip_chars()
    return _fix(cleaned, ~ascii_only, lambda _: _clean_unicode(names.filter(~ascii_only)))


_SINGLE_LETTER_RUN = re.compile(r"(?<!\S)\w(?: \w(?!\S))+")


def _join_initials(cleaned: pl.Series) -> pl.Series:
    """'s p a' -> 'spa', 'n v philips' -> 'nv philips', 'u s philips' -> 'us philips': dotted or spaced
    initials become one word. Only rows with two single letters in a row; runs of 2 to 4 letters in
    polars, longer runs (rare) by a regex callback."""
    def join(rows: pl.Series) -> pl.Series:
        letter = r"(\p{L}|\p{N})"
        joined = pl.select(pl.lit(" ") + rows + pl.lit(" ")).to_series()
        for run in (4, 3, 2):
            pattern = " " + " ".join([letter] * run) + " "
            joined = joined.str.replace_all(pattern, " " + "".join(f"${{{i}}}" for i in range(1, run + 1)) + " ")
        joined = joined.str.strip_chars()
        longer = rows.str.contains(r"(?:^| )\w \w \w \w \w(?: |$)")
        fixed = [_SINGLE_LETTER_RUN.sub(lambda m: m.group().replace(" ", ""), x) for x in rows.filter(longer)]
        return _fix(joined, longer, lambda _: pl.Series(fixed, dtype=pl.String))

    return _fix(cleaned, cleaned.str.contains(r"(?:^| )[^ ] [^ ](?: |$)"), join)


def _replace_words(padded: pl.Series, mapping: dict[str, str], passes: int = 4) -> pl.Series:
    """Whole-word replacement on ' padded ' names in Aho-Corasick passes: the next pass (adjacent words:
    a match consumes the space the next one needs) only on the rows the previous one changed."""
    keys, values = [f" {k} " for k in mapping], [f" {v} " if v else " " for v in mapping.values()]
    done = padded.str.replace_many(keys, values)
    return done if passes == 1 else _fix(done, done != padded, lambda s: _replace_words(s, mapping, passes - 1))


def _core(cleaned: pl.Series) -> pl.Series:
    """Abbreviations, conjunctions, then legal forms: anywhere, at the start, at the end. A name that is
    nothing but legal words ("Limited Co") keeps its words rather than vanishing."""
    padded = pl.select(pl.lit(" ") + cleaned + pl.lit(" ")).to_series()
    base = _fix(padded, padded.str.contains_any([f" {k} " for k in _ABBREVIATIONS]),
                lambda rows: _replace_words(rows, _ABBREVIATIONS))
    words = _replace_words(base, dict.fromkeys(_CONJUNCTIONS, ""))
    core = (words.str.replace_all(_LEGAL_ANYWHERE_RE, " ").str.replace_all(" {2,}", " ").str.strip_chars()
            .str.replace(_LEGAL_START_RE, "").str.replace(_LEGAL_END_RE, ""))
    empty = core == ""

    def fallback(_: pl.Series) -> pl.Series:
        kept = words.filter(empty).str.replace_all(" {2,}", " ").str.strip_chars()
        return pl.select(pl.when(kept != "").then(kept).otherwise(base.filter(empty).str.strip_chars())).to_series()

    return _fix(core, empty, fallback)


PARALLEL_WORDS = 2000  # `_drop_misspelt_legal_word` compares this many last words or more on every core


def _drop_misspelt_legal_word(norm: pl.Series) -> pl.Series:
    """'morrison health corporatoon' -> 'morrison health': a last word one edit from a long legal word.
    Checked once per distinct last word, so it costs little at any scale."""
    last = norm.str.extract(r" ([^ ]{6,})$", 1)
    words = last.drop_nulls().unique()
    if words.is_empty():
        return norm
    # threads only for a large batch: for one name (a question's) starting them costs more than the work
    distance = process.cdist(words.to_list(), _LEGAL_WORDS, scorer=OSA.distance,
                             workers=-1 if len(words) >= PARALLEL_WORDS else 1)
    misspelt = words.filter(pl.Series(distance.min(axis=1) <= 1))
    return _fix(norm, last.is_in(misspelt.implode()).fill_null(False), lambda s: s.str.replace(r" [^ ]+$", ""))


def normalize_names(names: pl.Series) -> pl.Series:
    """Normalised names, row for row (null -> '')."""
    names = names.cast(pl.String).fill_null("").rechunk()
    return _drop_misspelt_legal_word(_core(_join_initials(_clean(names)))).rename(names.name)


def normalize_name(name: str | None) -> str:
    return normalize_names(pl.Series([name or ""], dtype=pl.String))[0]


def normalize_name_list(names: Sequence[str | None]) -> list[str]:
    """`normalize_names` for a Python list (callers that hold rows, not frames)."""
    return normalize_names(pl.Series(list(names), dtype=pl.String)).to_list()


def normalize_names_expr(col: pl.Expr) -> pl.Expr:
    """`normalize_names` as a polars expression, for callers building their own frames."""
    return col.map_batches(normalize_names, return_dtype=pl.String)


# --- words, for matching and explanations ----------------------------------------------------------

_PLURAL = (re.compile(r"^(\w{3,})ies$"), r"\1y"), (re.compile(r"^(\w{3,}[^s\W])s$"), r"\1")


def stem_expr(col: pl.Expr) -> pl.Expr:
    """Plural-insensitive tokens for matching only (technologies ~ technology, electronics ~ electronic)."""
    return col.str.replace(r"^(\w{3,})ies$", "${1}y").str.replace(r"^(\w{3,}[^s\W])s$", "${1}")


def stem(word: str) -> str:
    """`stem_expr` for one word (used in explanations; tests keep the two in step)."""
    for pattern, replacement in _PLURAL:
        word = pattern.sub(replacement, word)
    return word
