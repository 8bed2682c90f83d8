"""Entity resolution for account mapping: normalise, block, score. Pure functions over columnar data.

One implementation serves a 20-row test and a 1M x 1M benchmark: names and domains are normalised as
polars expressions (Rust, multi-threaded), candidate pairs come from exact-key joins and small blocks,
and pairs are scored in bulk (rapidfuzz `cpdist`, numpy). The single-value helpers (`normalize_name`,
`registrable_domain`) run the same expressions on a one-row frame, so there is nothing to drift apart.

Pipeline: `prepare(frame)` per side -> `match_sides(vendor, partner)` -> top candidates per partner row
with features -> `explain(...)` turns a pair's features into sentences a person can check.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import polars as pl
from rapidfuzz import fuzz, process

MATCH_THRESHOLD = 0.80  # tuned on labelled pairs (evals/account_mapping.py); below it a pair is not a match
KEEP_THRESHOLD = 0.50  # candidates kept per row (a rejected best lets the next one through if >= MATCH)
BLOCK_CAP = 40  # a blocking key shared by more vendor records than this is too common to block on
TOKENS_PER_NAME = 8
SN_WINDOW = 2  # sorted-neighbourhood: vendor names either side of a partner name (typos, spacing)

# --- names -----------------------------------------------------------------------------------------

_LETTERS = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
_ABBREVIATIONS = {"intl": "international", "natl": "national", "mfg": "manufacturing", "svcs": "services",
                  "grp": "group", "hldgs": "holdings", "hldg": "holding", "assoc": "associates",
                  "bros": "brothers", "ctr": "center", "centre": "center", "univ": "university", "st": "saint"}
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
    "osakeyhtio", "anonim sirketi", "public limited company", "proprietary", "private"]
# Forms that are also ordinary words or initials: only removed at the end of a name (never its only word).
_LEGAL_END = [_letters(f) for f in (
    "co", "cie", "sa", "se", "as", "ab", "oy", "ag", "kg", "spa", "sas", "sl", "slu", "sc", "lp", "cv",
    "asa", "publ", "sro", "kft", "zrt", "doo", "ooo", "oao", "zao", "pjsc", "jsc", "ehf", "sa de cv",
    "s de rl", "nl")] + ["company", "gesellschaft"]
_LEGAL_START = ["the", "ab", "nv", "bv", "oy"]


def _alternation(forms: list[str]) -> str:
    return "(?:" + "|".join(sorted(forms, key=len, reverse=True)) + ")"


def normalize_names_expr(col: pl.Expr) -> pl.Expr:
    """Case, accents, punctuation, '&'/and/und/et, legal forms in many languages, a leading 'The'."""
    base = (col.fill_null("").str.normalize("NFKD").str.replace_all(r"\p{M}", "").str.to_lowercase()
            .str.replace_many(list(_LETTERS), list(_LETTERS.values()))
            .str.replace_all(r"['’‘`´]", "")
            .str.replace_all(r"\b(\w)\.", "${1}")  # s.p.a. -> spa, i.b.m. -> ibm
            .str.replace_all(r"(\w)&(\w)", "${1}${2}")  # at&t -> att
            .str.replace_all(r"[^\p{L}\p{N}]+", " ").str.strip_chars())
    for short, long in _ABBREVIATIONS.items():
        base = base.str.replace_all(rf"\b{short}\b", long)
    words = base.str.replace_all(rf"\b{_alternation(list(_CONJUNCTIONS))}\b", " ")
    words = words.str.replace_all(r"\s+", " ").str.strip_chars()
    core = words.str.replace_all(rf"\b{_alternation(_LEGAL_ANYWHERE)}\b", " ")
    core = core.str.replace_all(r"\s+", " ").str.strip_chars()
    core = core.str.replace(rf"^{_alternation(_LEGAL_START)} ", "")
    core = core.str.replace(rf"(?: {_alternation(_LEGAL_END)})+$", "")
    # A name that is nothing but legal words ("Limited Co") keeps its words rather than vanishing.
    return (pl.when(core != "").then(core).when(words != "").then(words).otherwise(base))


def normalize_name(name: str | None) -> str:
    return pl.DataFrame({"n": [name or ""]}, schema={"n": pl.String}).select(
        normalize_names_expr(pl.col("n")))["n"][0]


def _stem_expr(col: pl.Expr) -> pl.Expr:
    """Plural-insensitive tokens for matching only (technologies ~ technology, electronics ~ electronic)."""
    return col.str.replace(r"^(\w{3,})ies$", "${1}y").str.replace(r"^(\w{3,}[^s\W])s$", "${1}")


# --- domains ---------------------------------------------------------------------------------------

# Email and web-presence providers: many unrelated companies "share" these, so they prove nothing.
GENERIC_DOMAINS = frozenset({
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "aol.com",
    "icloud.com", "me.com", "mac.com", "proton.me", "protonmail.com", "mail.com", "gmx.com", "gmx.net",
    "web.de", "t-online.de", "orange.fr", "free.fr", "wanadoo.fr", "libero.it", "qq.com", "163.com",
    "126.com", "naver.com", "zoho.com", "fastmail.com", "yandex.ru", "mail.ru", "rediffmail.com",
    "wix.com", "wixsite.com", "squarespace.com", "weebly.com", "wordpress.com", "blogspot.com",
    "godaddysites.com", "sites.google.com", "google.com", "facebook.com", "linkedin.com", "instagram.com",
    "twitter.com", "x.com", "youtube.com", "github.io", "bit.ly", "linktr.ee", "example.com"})
GENERIC_LABELS = frozenset({"gmail", "googlemail", "hotmail", "outlook", "yahoo", "ymail", "gmx", "aol",
                            "yandex", "protonmail", "wixsite"})


@cache
def _suffix_rules() -> dict[str, frozenset[str]]:
    """The Public Suffix List shipped inside the `publicsuffixlist` package (read locally, never fetched)."""
    import publicsuffixlist

    text = (Path(publicsuffixlist.__file__).parent / "public_suffix_list.dat").read_text("utf-8")
    icann, private, section = set(), set(), None
    for raw in text.splitlines():
        line = raw.strip()
        if "===BEGIN ICANN" in line:
            section = icann
        elif "===BEGIN PRIVATE" in line:
            section = private
        elif line and not line.startswith("//") and section is not None:
            section.add(line.split()[0].lower())
    exceptions = {r[1:] for r in icann if r.startswith("!")}
    wild = {r[2:] for r in icann if r.startswith("*.")}
    hosted = {r.lstrip("*.") for r in private if not r.startswith("!")}
    plain = {r for r in icann if r[0] not in "!*"}
    return {"plain": frozenset(plain), "wild": frozenset(wild), "exceptions": frozenset(exceptions),
            "hosted": frozenset(hosted)}


def _tail(host: pl.Expr, k: int) -> pl.Expr:
    return host.str.extract(r"([^.]+" + r"(?:\.[^.]+)" * (k - 1) + ")$", 1)


def _in(col: pl.Expr, values: frozenset[str]) -> pl.Expr:
    return col.is_in(list(values)).fill_null(False)


def domain_columns(col: pl.Expr) -> list[pl.Expr]:
    """`dom` (registrable domain per the ICANN suffix list, or null if generic/hosted/invalid) and
    `dom_label` (its name without the suffix: acme.co.uk -> acme), from a domain, URL or email."""
    rules = _suffix_rules()
    host = (col.fill_null("").str.to_lowercase().str.strip_chars()
            .str.replace(r"^.*@", "").str.replace(r"^[a-z][a-z0-9+.\-]*://", "").str.replace(r"^[^/]*@", "")
            .str.replace(r"[/?#\\].*$", "").str.replace(r":\d*$", "").str.strip_chars_end(".")
            .str.replace(r"^www\d*\.", ""))
    valid = host.str.contains(r"^[\p{L}\p{M}\p{N}\-_]+(?:\.[\p{L}\p{M}\p{N}\-_]+)+$")
    labels = host.str.count_matches(r"\.") + 1
    tails = {k: _tail(host, k) for k in range(1, 6)}
    suffix_len = pl.lit(1)
    for k in range(2, 5):
        is_public = _in(tails[k], rules["plain"]) | (_in(tails[k - 1], rules["wild"])
                                                     & ~_in(tails[k], rules["exceptions"]))
        suffix_len = pl.when(is_public & (labels >= k)).then(k).otherwise(suffix_len)
    for k in range(2, 5):  # an exception rule (!city.kawasaki.jp) makes that name registrable
        suffix_len = pl.when(_in(tails[k], rules["exceptions"])).then(k - 1).otherwise(suffix_len)
    hosted = pl.lit(False)
    for k in range(2, 5):
        hosted = hosted | _in(tails[k], rules["hosted"])
    registrable = pl.lit(None, dtype=pl.String)
    for k in range(1, 5):
        registrable = pl.when(suffix_len == k).then(tails[k + 1]).otherwise(registrable)
    label = registrable.str.extract(r"^([^.]+)", 1)
    keep = (valid & (labels > suffix_len) & ~hosted & ~_in(registrable, GENERIC_DOMAINS)
            & ~_in(label, GENERIC_LABELS)).fill_null(False)
    dom = pl.when(keep).then(registrable).otherwise(None)
    return [dom.alias("dom"), pl.when(keep).then(label).otherwise(None).alias("dom_label")]


def registrable_domain(value: str | None) -> str | None:
    """'https://www.Acme.co.uk:8080/about' -> 'acme.co.uk'; generic mail/hosting domains -> None."""
    frame = pl.DataFrame({"d": [value]}, schema={"d": pl.String})
    return frame.select(domain_columns(pl.col("d")))["dom"][0]


# --- prepared sides --------------------------------------------------------------------------------


@dataclass
class Prepared:
    """One side, normalised once: the frame (key, name, norm, compact, dom, dom_label, country, tokens)
    plus numpy views used in bulk scoring."""

    frame: pl.DataFrame
    norm: np.ndarray  # object array of normalised names
    compact: np.ndarray  # normalised name without spaces
    token_ids: np.ndarray  # (n, TOKENS_PER_NAME) uint64 token hashes, 0 = padding
    dom_id: np.ndarray  # uint64 hash of dom, 0 = none
    label_id: np.ndarray
    country_id: np.ndarray

    def __len__(self) -> int:
        return self.frame.height


def _hash(col: pl.Expr) -> pl.Expr:
    return pl.when(col.is_null()).then(pl.lit(0, pl.UInt64)).otherwise(col.hash(seed=7) | 1)


def prepare(frame: pl.DataFrame) -> Prepared:
    """`frame` has columns key, name, domain, country (strings; domain/country may be null)."""
    pad = pl.lit([0] * TOKENS_PER_NAME, dtype=pl.List(pl.UInt64))
    df = frame.select(
        pl.col("key").cast(pl.String), pl.col("name").cast(pl.String),
        normalize_names_expr(pl.col("name").cast(pl.String)).alias("norm"),
        *domain_columns(pl.col("domain").cast(pl.String)),
        pl.col("country").cast(pl.String).str.strip_chars().str.to_uppercase().replace("", None).alias("country"),
    ).with_columns(
        pl.col("norm").str.replace_all(" ", "").alias("compact"),
        pl.col("norm").str.split(" ").list.eval(_stem_expr(pl.element())).list.unique(maintain_order=True)
        .list.eval(pl.element().filter(pl.element() != "")).alias("tokens"),
    )
    ids = df.select(pl.col("tokens").list.eval(pl.element().hash(seed=7) | 1).list.head(TOKENS_PER_NAME)
                    .list.concat(pad).list.head(TOKENS_PER_NAME).list.to_array(TOKENS_PER_NAME))
    hashes = df.select(_hash(pl.col(c)).alias(c) for c in ("dom", "dom_label", "country"))
    return Prepared(
        frame=df, norm=df["norm"].to_numpy().astype(object), compact=df["compact"].to_numpy().astype(object),
        token_ids=ids.to_series().to_numpy().astype(np.uint64).reshape(df.height, TOKENS_PER_NAME),
        dom_id=hashes[:, 0].to_numpy(), label_id=hashes[:, 1].to_numpy(), country_id=hashes[:, 2].to_numpy())
