"""Entity resolution for account mapping: normalise, block, score. Pure functions over columnar data.

One implementation serves a 20-row test and a 1M x 1M benchmark: names and domains are normalised as
polars expressions (Rust, multi-threaded), candidate pairs come from exact-key joins and small blocks,
and pairs are scored in bulk (rapidfuzz `cpdist`, numpy). The single-value helpers (`normalize_name`,
`registrable_domain`) run the same expressions on a one-row frame, so there is nothing to drift apart.

Pipeline: `prepare(frame)` per side -> `match_sides(vendor, partner)` -> top candidates per partner row
with features -> `explain(...)` turns a pair's features into sentences a person can check.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path

import numpy as np
import polars as pl
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

MATCH_THRESHOLD = 0.80  # tuned on labelled pairs (evals/account_mapping.py); below it a pair is not a match
KEEP_THRESHOLD = 0.70  # candidates kept per row: the next best after a rejection, near misses to review
BLOCK_CAP = 40  # a blocking key shared by more vendor records than this is too common to block on
TOKENS_PER_NAME = 6  # words per name used for token matching (after legal forms are gone, few have more)
SN_WINDOW = 2  # sorted-neighbourhood: vendor names either side of a partner name (typos, spacing)

# --- names -----------------------------------------------------------------------------------------

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


def _spaced_map(col: pl.Expr, mapping: dict[str, str]) -> pl.Expr:
    """Whole-word replacement in one Aho-Corasick pass (twice, for adjacent words)."""
    keys, values = [f" {k} " for k in mapping], [f" {v} " for v in mapping.values()]
    padded = pl.lit(" ") + col + pl.lit(" ")
    return padded.str.replace_many(keys, values).str.replace_many(keys, values).str.strip_chars()


def _clean_lazy(names: pl.Series) -> pl.LazyFrame:
    """Case, accents, apostrophes, '&' inside a word (at&t), punctuation to spaces."""
    return pl.DataFrame({"n": names}).lazy().select(
        pl.col("n").fill_null("").str.normalize("NFKD").str.replace_all(r"\p{M}", "").str.to_lowercase()
        .str.replace_many(list(_LETTERS), list(_LETTERS.values()))
        .str.replace_all(r"['’‘`´]", "")
        .str.replace_all(r"(\w)&(\w)", "${1}${2}")
        .str.replace_all(r"[^\p{L}\p{N}]+", " ").str.strip_chars())


_SINGLE_LETTER_RUN = re.compile(r"(?<!\S)\w(?: \w(?!\S))+")


def _join_initials(cleaned: pl.Series) -> pl.Series:
    """'s p a' -> 'spa', 'n v philips' -> 'nv philips', 'u s philips' -> 'us philips': dotted or spaced
    initials become one word. Runs of 2 to 4 letters in polars; longer runs (rare) by a regex callback."""
    letter = r"(\p{L}|\p{N})"
    joined = pl.select(pl.lit(" ") + cleaned + pl.lit(" ")).to_series()
    for run in (4, 3, 2):
        pattern = " " + " ".join([letter] * run) + " "
        joined = joined.str.replace_all(pattern, " " + "".join(f"${{{i}}}" for i in range(1, run + 1)) + " ")
    joined = joined.str.strip_chars()
    longer = cleaned.str.contains(r"(?:^| )\w \w \w \w \w(?: |$)")
    if not longer.any():
        return joined
    distinct = cleaned.filter(longer).unique()
    fixed = [_SINGLE_LETTER_RUN.sub(lambda m: m.group().replace(" ", ""), x) for x in distinct.to_list()]
    return pl.select(pl.when(longer).then(cleaned.replace(distinct, pl.Series(fixed, dtype=pl.String)))
                     .otherwise(joined)).to_series()


def _core_lazy(cleaned: pl.Series) -> pl.LazyFrame:
    """Abbreviations, conjunctions, then legal forms: anywhere, at the start, at the end."""
    conjunctions = {w: "" for w in _CONJUNCTIONS}
    df = pl.DataFrame({"base": cleaned}).lazy().with_columns(_spaced_map(pl.col("base"), _ABBREVIATIONS).alias("base"))
    df = df.with_columns(_spaced_map(pl.col("base"), conjunctions).str.replace_all(" +", " ").alias("words"))
    core = (pl.col("words").str.replace_all(rf"(?-u:\b){_alternation(_LEGAL_ANYWHERE)}(?-u:\b)", " ")
            .str.replace_all(" +", " ").str.strip_chars()
            .str.replace(rf"^{_alternation(_LEGAL_START)} ", "")
            .str.replace(rf"(?: {_alternation(_LEGAL_END)})+$", ""))
    df = df.with_columns(core.alias("core"))
    # A name that is nothing but legal words ("Limited Co") keeps its words rather than vanishing.
    return df.select(pl.when(pl.col("core") != "").then(pl.col("core"))
                     .when(pl.col("words") != "").then(pl.col("words")).otherwise(pl.col("base"))
                     .alias("norm"))


def _in_slices(values: pl.Series, stage) -> pl.Series:
    """Run a lazy stage over slices of a long series in parallel (polars runs each on its own thread)."""
    step = max(50_000, -(-len(values) // 8))
    parts = pl.collect_all([stage(values.slice(i, step)) for i in range(0, max(len(values), 1), step)])
    return pl.concat([part.to_series() for part in parts])


def normalize_names(names: pl.Series) -> pl.Series:
    """Case, accents, punctuation, initials, '&'/and/und/et, abbreviations, legal forms in many
    languages, a leading 'The'."""
    cleaned = _join_initials(_in_slices(names.cast(pl.String), _clean_lazy))
    return _drop_misspelt_legal_word(_in_slices(cleaned, _core_lazy))


def _drop_misspelt_legal_word(norm: pl.Series) -> pl.Series:
    """'morrison health corporatoon' -> 'morrison health': a last word one edit from a long legal word.
    Checked once per distinct last word, so it costs little at any scale."""
    last = norm.str.extract(r" (\S+)$", 1)
    words = last.drop_nulls().unique()
    words = words.filter(words.str.len_chars() >= 6)
    if words.is_empty():
        return norm
    distance = process.cdist(words.to_list(), _LEGAL_WORDS, scorer=OSA.distance, workers=-1)
    misspelt = words.filter(pl.Series(distance.min(axis=1) <= 1))
    return pl.DataFrame({"n": norm, "last": last}).select(
        pl.when(pl.col("last").is_in(misspelt.implode())).then(pl.col("n").str.replace(r" \S+$", ""))
        .otherwise(pl.col("n")))["n"]


def normalize_name(name: str | None) -> str:
    return normalize_names(pl.Series([name or ""], dtype=pl.String))[0]


def normalize_names_expr(col: pl.Expr) -> pl.Expr:
    """`normalize_names` as a polars expression, for callers building their own frames."""
    return col.map_batches(normalize_names, return_dtype=pl.String)


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
    return col.is_in(_series(values)).fill_null(False)


@cache
def _series(values: frozenset[str]) -> pl.Series:
    return pl.Series(sorted(values), dtype=pl.String)


def reduce_domains(values: pl.Series) -> pl.DataFrame:
    """`dom` (registrable domain per the ICANN suffix list, or null if generic/hosted/invalid) and
    `dom_label` (its name without the suffix: acme.co.uk -> acme), from domains, URLs or emails.
    Staged columns so each step is computed once (the suffix list has ~7k rules)."""
    rules = _suffix_rules()
    df = pl.DataFrame({"raw": values.cast(pl.String)}).with_columns(
        pl.col("raw").fill_null("").str.to_lowercase().str.strip_chars()
        .str.replace(r"^.*@", "").str.replace(r"^[a-z][a-z0-9+.\-]*://", "").str.replace(r"^[^/]*@", "")
        .str.replace(r"[/?#\\].*$", "").str.replace(r":\d*$", "").str.strip_chars_end(".")
        .str.replace(r"^www\d*\.", "").alias("host"))
    host = pl.col("host")
    df = df.with_columns(
        host.str.contains(r"^[\p{L}\p{M}\p{N}\-_]+(?:\.[\p{L}\p{M}\p{N}\-_]+)+$").alias("valid"),
        (host.str.count_matches(r"\.") + 1).alias("labels"),
        *[_tail(host, k).alias(f"t{k}") for k in range(1, 6)])
    df = df.with_columns(
        *[(_in(pl.col(f"t{k}"), rules["plain"]) | (_in(pl.col(f"t{k - 1}"), rules["wild"])
                                                 & ~_in(pl.col(f"t{k}"), rules["exceptions"]))).alias(f"pub{k}")
          for k in range(2, 5)],
        *[_in(pl.col(f"t{k}"), rules["exceptions"]).alias(f"exc{k}") for k in range(2, 5)],
        pl.any_horizontal(_in(pl.col(f"t{k}"), rules["hosted"]) for k in range(2, 5)).alias("hosted"))
    suffix_len = pl.lit(1)
    for k in range(2, 5):  # the longest matching rule wins
        suffix_len = pl.when(pl.col(f"pub{k}") & (pl.col("labels") >= k)).then(k).otherwise(suffix_len)
    for k in range(2, 5):  # an exception rule (!city.kawasaki.jp) makes that name registrable
        suffix_len = pl.when(pl.col(f"exc{k}")).then(k - 1).otherwise(suffix_len)
    df = df.with_columns(suffix_len.alias("slen"))
    df = df.with_columns(pl.coalesce(pl.when(pl.col("slen") == k).then(pl.col(f"t{k + 1}"))
                                     for k in range(1, 5)).alias("reg"))
    df = df.with_columns(pl.col("reg").str.extract(r"^([^.]+)", 1).alias("label"))
    keep = (pl.col("valid") & (pl.col("labels") > pl.col("slen")) & ~pl.col("hosted")
            & ~_in(pl.col("reg"), GENERIC_DOMAINS) & ~_in(pl.col("label"), GENERIC_LABELS)).fill_null(False)
    return df.select(pl.when(keep).then(pl.col("reg")).alias("dom"),
                     pl.when(keep).then(pl.col("label")).alias("dom_label"))


def domain_columns(col: pl.Expr) -> list[pl.Expr]:
    """`reduce_domains` as polars expressions: `dom` and `dom_label`."""
    return [col.map_batches(lambda s, name=name: reduce_domains(s)[name], return_dtype=pl.String).alias(name)
            for name in ("dom", "dom_label")]


def registrable_domain(value: str | None) -> str | None:
    """'https://www.Acme.co.uk:8080/about' -> 'acme.co.uk'; generic mail/hosting domains -> None."""
    return reduce_domains(pl.Series([value], dtype=pl.String))["dom"][0]


# --- prepared sides --------------------------------------------------------------------------------


@dataclass
class Prepared:
    """One side normalised once: `frame` (key, name, norm, compact, dom, dom_label, country, tokens) and
    numpy views for bulk scoring (token/domain/country ids are 64-bit hashes, 0 = missing)."""

    frame: pl.DataFrame
    sorted_norm: np.ndarray  # object arrays of str, as rapidfuzz wants them; words in alphabetical order
    compact: np.ndarray  # (token-sort similarity without re-sorting per pair) and without spaces
    token_ids: np.ndarray  # (n, TOKENS_PER_NAME)
    norm_id: np.ndarray
    dom_id: np.ndarray
    label_id: np.ndarray
    label_len: np.ndarray
    country_id: np.ndarray
    number_id: np.ndarray  # the numbers in the name ('Office 14'): different numbers, different entities

    def __len__(self) -> int:
        return self.frame.height

    def take(self, rows: np.ndarray) -> Prepared:
        """The same side restricted to some rows (e.g. one partner's)."""
        return Prepared(**{f.name: getattr(self, f.name)[rows] for f in fields(self)})


def _hash(col: pl.Expr) -> pl.Expr:
    return pl.when(col.is_null()).then(pl.lit(0, pl.UInt64)).otherwise(col.hash(seed=7) | 1)


def _objects(values: pl.Series) -> np.ndarray:
    return np.array(values.to_list(), dtype=object)


def prepare(frame: pl.DataFrame) -> Prepared:
    """`frame` has string columns key, name, domain, country (domain and country may be null)."""
    pad = pl.lit([0] * TOKENS_PER_NAME, dtype=pl.List(pl.UInt64))
    df = frame.select(
        pl.col("key").cast(pl.String), pl.col("name").cast(pl.String).fill_null(""),
        pl.col("country").cast(pl.String).str.strip_chars().str.to_uppercase().replace("", None).alias("country"),
    ).hstack([normalize_names(frame["name"]).alias("norm")]).hstack(reduce_domains(frame["domain"]))
    df = df.with_columns(
        pl.col("norm").str.replace_all(" ", "").alias("compact"),
        pl.col("norm").str.split(" ").list.eval(_stem_expr(pl.element()).filter(pl.element() != ""))
        .list.unique(maintain_order=True).alias("tokens"))
    arrays = df.select(
        pl.col("tokens").list.eval(pl.element().hash(seed=7) | 1).list.concat(pad).list.head(TOKENS_PER_NAME)
        .list.to_array(TOKENS_PER_NAME).alias("ids"),
        *[_hash(pl.col(c)).alias(c) for c in ("norm", "dom", "dom_label", "country")],
        pl.col("dom_label").str.len_chars().fill_null(0).alias("label_len"),
        _hash(pl.col("tokens").list.eval(pl.element().filter(pl.element().str.contains(r"^\d+$")))
              .list.join(" ").replace("", None)).alias("numbers"))
    return Prepared(
        frame=df, compact=_objects(df["compact"]),
        sorted_norm=np.array([" ".join(sorted(n.split(" "))) for n in df["norm"].to_list()], dtype=object),
        token_ids=arrays["ids"].to_numpy().astype(np.uint64).reshape(df.height, TOKENS_PER_NAME),
        norm_id=arrays["norm"].to_numpy(), dom_id=arrays["dom"].to_numpy(), label_id=arrays["dom_label"].to_numpy(),
        label_len=arrays["label_len"].to_numpy(), country_id=arrays["country"].to_numpy(),
        number_id=arrays["numbers"].to_numpy())


def prepare_records(keys: list[str], names: list[str], domains: list[str | None],
                    countries: list[str | None]) -> Prepared:
    return prepare(pl.DataFrame({"key": keys, "name": names, "domain": domains, "country": countries},
                                schema={c: pl.String for c in ("key", "name", "domain", "country")}))


# --- token rarity ----------------------------------------------------------------------------------


@dataclass
class TokenStats:
    """Inverse document frequency of name tokens over BOTH sides: a word shared by many companies
    ('global', 'systems') says little; a rare one ('northstar') says a lot."""

    ids: np.ndarray  # sorted token hashes: a token's vocabulary index is its position + 1 (0 = none)
    words: np.ndarray  # the token per vocabulary index (words[0] = '')
    idf: np.ndarray  # per vocabulary index (idf[0] = 0)
    vendor_df: np.ndarray  # vendor names holding the token (block sizes), per vocabulary index

    def index(self, token_ids: np.ndarray) -> np.ndarray:
        if not len(self.ids):
            return np.zeros(token_ids.shape, np.int32)
        pos = np.clip(np.searchsorted(self.ids, token_ids), 0, len(self.ids) - 1)
        return np.where((token_ids != 0) & (self.ids[pos] == token_ids), pos + 1, 0).astype(np.int32)


def token_stats(vendor: Prepared, partner: Prepared) -> TokenStats:
    def document_frequency(side: Prepared, name: str) -> pl.DataFrame:
        return (side.frame.select(pl.col("tokens").list.head(TOKENS_PER_NAME)).explode("tokens")
                .drop_nulls().group_by("tokens").len(name=name))

    counts = (document_frequency(vendor, "v").join(document_frequency(partner, "p"), on="tokens", how="full",
                                                   coalesce=True)
              .fill_null(0).with_columns((pl.col("tokens").hash(seed=7) | 1).alias("id")).sort("id"))
    total = (counts["v"] + counts["p"]).to_numpy()
    idf = np.log((len(vendor) + len(partner) + 1) / np.maximum(total, 1)) + 0.1
    return TokenStats(ids=counts["id"].to_numpy(), words=np.array([""] + counts["tokens"].to_list(), dtype=object),
                      idf=np.r_[0.0, idf].astype(np.float32), vendor_df=np.r_[0, counts["v"].to_numpy()])


@dataclass
class _Side:
    """A prepared side seen through the token statistics of one matching run."""

    prep: Prepared
    tok: np.ndarray  # (n, TOKENS_PER_NAME) vocabulary indices, 0 = padding
    weight: np.ndarray  # idf per token
    total: np.ndarray  # idf sum per name
    rare: np.ndarray  # tokens rarest first (by vendor block size), padding last

    @classmethod
    def of(cls, prep: Prepared, stats: TokenStats) -> _Side:
        tok = stats.index(prep.token_ids)
        weight = stats.idf[tok]
        size = np.where(tok == 0, np.iinfo(np.int64).max, stats.vendor_df[tok])
        rare = np.take_along_axis(tok, np.argsort(size, axis=1, kind="stable"), axis=1)
        return cls(prep, tok, weight, weight.sum(1), rare)


# --- blocking: which pairs are worth scoring -------------------------------------------------------


@dataclass
class _Keys:
    """Vendor rows grouped by one blocking key, sorted for binary search."""

    keys: np.ndarray  # distinct non-zero keys, sorted
    start: np.ndarray  # where each key's rows begin in `rows`
    count: np.ndarray
    rows: np.ndarray

    @classmethod
    def of(cls, rows: np.ndarray, keys: np.ndarray) -> _Keys:
        keep = keys != 0
        order = np.argsort(keys[keep], kind="stable")
        sorted_keys, sorted_rows = keys[keep][order], rows[keep][order]
        start = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]]) if len(sorted_keys) else \
            np.empty(0, np.int64)
        return cls(sorted_keys[start], start, np.diff(np.r_[start, len(sorted_keys)]), sorted_rows)

    def probe(self, p_rows: np.ndarray, p_keys: np.ndarray, cap: int = BLOCK_CAP) -> tuple[np.ndarray, np.ndarray]:
        """(v, p) pairs sharing a key, skipping keys held by more than `cap` vendor records (too common
        to tell anything). Memory stays linear in the output."""
        keep = p_keys != 0
        pk, pr = p_keys[keep], p_rows[keep]
        if not len(self.keys) or not len(pk):
            return np.empty(0, np.int64), np.empty(0, np.int64)
        pos = np.clip(np.searchsorted(self.keys, pk), 0, len(self.keys) - 1)
        hit = (self.keys[pos] == pk) & (self.count[pos] <= cap)
        pos, pr = pos[hit], pr[hit]
        sizes = self.count[pos]
        offsets = np.repeat(self.start[pos] - (np.cumsum(sizes) - sizes), sizes) + np.arange(sizes.sum())
        return self.rows[offsets].astype(np.int64), np.repeat(pr, sizes).astype(np.int64)


def _pair_keys(tok: np.ndarray, a: int, b: int) -> np.ndarray:
    lo = np.minimum(tok[:, a], tok[:, b]).astype(np.int64)
    hi = np.maximum(tok[:, a], tok[:, b]).astype(np.int64)
    return np.where(lo == 0, 0, (lo << 32) | hi)


def _compact_ids(side: Prepared) -> np.ndarray:
    return side.frame["compact"].hash(seed=3).to_numpy() | 1


@dataclass
class VendorIndex:
    """The vendor side ready for matching: token view and blocking keys, built once and reused for
    every partner (one partner's rows are then matched in a fraction of a second)."""

    side: _Side
    label: _Keys
    compact: _Keys
    token: _Keys
    token_pair: _Keys
    sn_order: np.ndarray  # vendor rows in compact-name order (sorted neighbourhood)
    sn_names: pl.Series
    key_rank: np.ndarray  # rank of the vendor key: ties go to the smaller key

    @classmethod
    def of(cls, vendor: Prepared, stats: TokenStats) -> VendorIndex:
        side = _Side.of(vendor, stats)
        rows = np.arange(len(vendor))
        pairs = np.stack([_pair_keys(side.rare, a, b) for a in range(4) for b in range(a + 1, 4)], axis=1)
        order = vendor.frame["compact"].arg_sort().to_numpy()
        return cls(side=side, label=_Keys.of(rows, vendor.label_id), compact=_Keys.of(rows, _compact_ids(vendor)),
                   token=_Keys.of(np.repeat(rows, TOKENS_PER_NAME), side.tok.ravel()),
                   token_pair=_Keys.of(np.repeat(rows, pairs.shape[1]), pairs.ravel()),
                   sn_order=order, sn_names=vendor.frame["compact"].gather(order),
                   key_rank=vendor.frame["key"].rank("ordinal").to_numpy())


def candidate_pairs(index: VendorIndex, partner: _Side) -> tuple[np.ndarray, np.ndarray]:
    """Blocking: same domain name, same compact name, a shared rare word (or rare pair of words), and
    sorted-neighbourhood on the compact name (typos, spacing). Unique (v, p) row pairs, sorted by p."""
    nv = max(len(index.sn_order), 1)
    pr = np.arange(len(partner.prep))
    parts = [index.label.probe(pr, partner.prep.label_id), index.compact.probe(pr, _compact_ids(partner.prep)),
             index.token.probe(np.repeat(pr, 2), partner.rare[:, :2].ravel()),
             index.token_pair.probe(pr, _pair_keys(partner.rare, 0, 1))]
    if len(index.sn_order):  # the vendor names either side of each partner name in sort order
        pos = index.sn_names.search_sorted(partner.prep.frame["compact"]).to_numpy().astype(np.int64)
        for offset in range(-SN_WINDOW, SN_WINDOW):
            parts.append((index.sn_order[np.clip(pos + offset, 0, nv - 1)].astype(np.int64), pr))
    keys = np.sort(np.concatenate([p * nv + v for v, p in parts]))
    keys = keys[np.r_[True, keys[1:] != keys[:-1]]] if len(keys) else keys
    return keys % nv, keys // nv


# --- scoring ---------------------------------------------------------------------------------------

DOMAIN_NONE, DOMAIN_SAME, DOMAIN_VARIANT, DOMAIN_DIFFERENT = 0, 1, 2, 3
COUNTRY_UNKNOWN, COUNTRY_SAME, COUNTRY_DIFFERENT = 0, 1, 2


def _token_overlap(vendor: _Side, partner: _Side, v: np.ndarray, p: np.ndarray) -> tuple[np.ndarray, ...]:
    """IDF weight of the words both names share and of the words only one side has; and, where a side
    has exactly one unmatched word, that word (vocabulary index), else 0 (none) or -1 (several)."""
    a, b = vendor.tok[v], partner.tok[p]
    eq = (a[:, :, None] == b[:, None, :]) & (a[:, :, None] != 0)
    in_b, in_a = eq.any(2), eq.any(1)
    shared = (vendor.weight[v] * in_b).sum(1)
    only_v, only_p = vendor.total[v] - shared, partner.total[p] - (partner.weight[p] * in_a).sum(1)
    lone = []
    for tok, matched in ((a, in_b), (b, in_a)):
        unmatched = (tok != 0) & ~matched
        count = unmatched.sum(1)
        word = tok[np.arange(len(tok)), unmatched.argmax(1)]
        lone.append(np.where(count == 1, word, np.where(count == 0, 0, -1)))
    return shared, only_v, only_p, lone[0], lone[1]


def _is_slip(a: list[str], b: list[str]) -> np.ndarray:
    """Is `b` a misspelling of `a` (one swap, dropped, doubled or wrong letter; two in long words)?"""
    distance = process.cpdist(a, b, scorer=OSA.distance, workers=-1)
    longest = np.maximum([len(x) for x in a], [len(x) for x in b])
    return distance <= np.where(longest < 10, 1, 2)


def _typos(vendor: _Side, partner: _Side, stats: TokenStats, v: np.ndarray, p: np.ndarray,
           lone_v: np.ndarray, lone_p: np.ndarray) -> np.ndarray:
    """For pairs whose unmatched words differ on both sides: are they misspellings of each other
    ('brocades'/'brocdes') rather than different words ('bank'/'foods')? One word each: vectorised;
    several: compared as sorted phrases."""
    out = np.zeros(len(v), bool)
    single = np.flatnonzero((lone_v > 0) & (lone_p > 0))
    out[single] = _is_slip(list(stats.words[lone_v[single]]), list(stats.words[lone_p[single]]))
    several = np.flatnonzero((lone_v < 0) | (lone_p < 0))
    if len(several):
        vt = vendor.prep.frame["tokens"].gather(v[several]).to_list()
        pt = partner.prep.frame["tokens"].gather(p[several]).to_list()
        out[several] = _is_slip([" ".join(sorted(set(x) - set(y))) for x, y in zip(vt, pt)],
                                [" ".join(sorted(set(y) - set(x))) for x, y in zip(vt, pt)])
    return out


def _spelling(vendor: Prepared, partner: Prepared, v: np.ndarray, p: np.ndarray) -> np.ndarray:
    """The better of the token-sorted ratio and the space-free ratio ('gist brocades' / 'gistbrocades';
    also a typo in the first word, which upsets the sorted order: 'wrta wodociagi')."""
    ts = process.cpdist(vendor.sorted_norm[v], partner.sorted_norm[p], scorer=fuzz.ratio, workers=-1)
    return np.maximum(ts, process.cpdist(vendor.compact[v], partner.compact[p], scorer=fuzz.ratio, workers=-1)) / 100


def _name_similarity(vendor: _Side, partner: _Side, stats: TokenStats, v: np.ndarray, p: np.ndarray,
                     char: np.ndarray) -> np.ndarray:
    """Spelling tempered by which words are shared: close spelling alone is not enough when each side
    has a word the other lacks ('Moser'/'Mosel' Verlag, 'Ostsee'/'Mosel' Versicherungsgruppe); then the
    words' rarity decides, unless the words are a typo."""
    vp, pp = vendor.prep, partner.prep
    shared, only_v, only_p, lone_v, lone_p = _token_overlap(vendor, partner, v, p)
    tok = shared / np.maximum(shared + only_v + only_p, 1e-6)
    name = np.where(char >= 0.9, char, (char + tok) / 2)
    both = np.flatnonzero((only_v > 0) & (only_p > 0) & (char >= 0.75))
    if len(both):
        typo = _typos(vendor, partner, stats, v[both], p[both], lone_v[both], lone_p[both])
        name[both] = np.where(typo, char[both], (char[both] + tok[both]) / 2)
    return np.where(vp.number_id[v] != pp.number_id[p], np.minimum(name, 0.7), name)


def score_pairs(vendor: _Side, partner: _Side, stats: TokenStats, v_all: np.ndarray, p_all: np.ndarray,
                chunk: int = 500_000) -> pl.DataFrame:
    """Confidence 0..0.99 per pair (1.0 is kept for a person's confirmation) with the features behind it;
    pairs under KEEP_THRESHOLD are dropped. Chunked so memory stays flat at any scale."""
    frames = [pl.DataFrame(schema={"v": pl.Int64, "p": pl.Int64, "confidence": pl.Float32,
                                   "name_sim": pl.Float32, "domain": pl.Int8, "country": pl.Int8})]
    for start in range(0, len(v_all), chunk):
        v, p = v_all[start:start + chunk], p_all[start:start + chunk]
        # Domains and countries alone can rule a pair out (different domains and countries): skip those.
        ceiling, _, _ = _combine(vendor.prep, partner.prep, v, p, np.ones(len(v)))
        v, p = v[ceiling >= KEEP_THRESHOLD], p[ceiling >= KEEP_THRESHOLD]
        char = _spelling(vendor.prep, partner.prep, v, p)
        # Word-level checks only lower a score, so skip pairs that cannot reach KEEP even at best.
        best, _, _ = _combine(vendor.prep, partner.prep, v, p, np.where(char >= 0.9, char, (char + 1) / 2))
        live = best >= KEEP_THRESHOLD
        v, p, char = v[live], p[live], char[live]
        name = _name_similarity(vendor, partner, stats, v, p, char)
        conf, domain, country = _combine(vendor.prep, partner.prep, v, p, name)
        keep = conf >= KEEP_THRESHOLD
        frames.append(pl.DataFrame({"v": v[keep], "p": p[keep], "confidence": conf[keep].astype(np.float32),
                                    "name_sim": name[keep].astype(np.float32),
                                    "domain": domain[keep], "country": country[keep]}))
    return pl.concat(frames)


def _combine(vendor: Prepared, partner: Prepared, v: np.ndarray, p: np.ndarray,
             name: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Name similarity, then domain and country evidence. A shared registrable domain is the strongest
    single signal; the same name under another suffix (acme.de / acme.com) is weaker; two different
    company domains count against the pair. Without a domain a name alone reaches at most 0.95."""
    vd, pd_ = vendor.dom_id[v], partner.dom_id[p]
    same = (vd != 0) & (vd == pd_)
    variant = ~same & (vendor.label_id[v] != 0) & (vendor.label_id[v] == partner.label_id[p])
    different = (vd != 0) & (pd_ != 0) & ~same & ~variant
    domain = np.select([same, variant, different], [DOMAIN_SAME, DOMAIN_VARIANT, DOMAIN_DIFFERENT], 0)
    vc, pc = vendor.country_id[v], partner.country_id[p]
    known = (vc != 0) & (pc != 0)
    country = np.where(known, np.where(vc == pc, COUNTRY_SAME, COUNTRY_DIFFERENT), COUNTRY_UNKNOWN)
    conf = 0.95 * name
    conf = np.where(same, np.maximum(conf, 0.80 + 0.19 * name), conf)
    # A long domain name under another suffix (brunnen-maschinenbau.de / .com) is nearly as specific as
    # the same domain; a short one (delta.de / delta.com) only adds to the name.
    long_label = vendor.label_len[v] >= 8
    conf = np.where(variant & long_label, np.maximum(conf, 0.75 + 0.19 * name), conf)
    conf = np.where(variant & ~long_label, np.minimum(conf + 0.10, 0.97), conf)
    # Two different company domains: fine for an identical name (companies own several), damning otherwise.
    conf = np.where(different, conf - np.where(vendor.norm_id[v] == partner.norm_id[p], 0.10, 0.20), conf)
    conf = conf + np.select([country == COUNTRY_SAME, country == COUNTRY_DIFFERENT], [0.03, -0.10], 0.0)
    return np.clip(conf, 0.0, 0.99), domain.astype(np.int8), country.astype(np.int8)


def match_sides(vendor: Prepared, partner: Prepared, stats: TokenStats | None = None, keep: int = 3,
                index: VendorIndex | None = None) -> pl.DataFrame:
    """The `keep` best vendor candidates per partner row (rank 0 = best; ties go to the smaller vendor
    key, so results do not depend on input order), each with confidence >= KEEP_THRESHOLD. Pass the
    `stats` and `index` of the whole ecosystem when matching one partner's rows at a time."""
    stats = stats or token_stats(vendor, partner)
    index = index or VendorIndex.of(vendor, stats)
    p_side = _Side.of(partner, stats)
    scored = score_pairs(index.side, p_side, stats, *candidate_pairs(index, p_side))
    scored = scored.with_columns(pl.Series("key_rank", index.key_rank[scored["v"].to_numpy()]))
    return (scored.sort(["p", "confidence", "key_rank"], descending=[False, True, False])
            .with_columns(pl.int_range(pl.len()).over("p").alias("rank"))
            .filter(pl.col("rank") < keep).drop("key_rank"))


# --- explanation -----------------------------------------------------------------------------------


_PLURAL = (re.compile(r"^(\w{3,})ies$"), r"\1y"), (re.compile(r"^(\w{3,}[^s\W])s$"), r"\1")


def _stem(word: str) -> str:
    """`_stem_expr` for one word (used in explanations; tests keep the two in step)."""
    for pattern, replacement in _PLURAL:
        word = pattern.sub(replacement, word)
    return word


def _differing_words(ours: str, theirs: str) -> list[str]:
    """Words of either normalised name whose stem the other name lacks."""
    words = [ours.split(" "), theirs.split(" ")]
    stems = [{_stem(w) for w in ws} for ws in words]
    return sorted({w for i in (0, 1) for w in words[i] if w and _stem(w) not in stems[1 - i]})


def explain(vendor: Prepared, partner: Prepared, v: int, p: int, name_sim: float, domain: int,
            country: int) -> list[str]:
    """The evidence for one pair, in sentences a person can check against both records."""
    vf, pf = vendor.frame.row(v, named=True), partner.frame.row(p, named=True)
    out = []
    if domain == DOMAIN_SAME:
        out.append(f"same registrable domain {vf['dom']}")
    elif domain == DOMAIN_VARIANT:
        out.append(f"same domain name under another suffix ({pf['dom']} / {vf['dom']}): weaker evidence")
    elif domain == DOMAIN_DIFFERENT:
        out.append(f"different domains ({pf['dom']} at the partner / {vf['dom']} ours)")
    if vf["norm"] == pf["norm"]:
        out.append(f"same name once legal forms and punctuation are removed ('{vf['norm']}')")
    else:
        out.append(f"name {name_sim:.2f} similar ('{pf['name']}' at the partner / '{vf['name']}' ours)")
        differing = _differing_words(vf["norm"], pf["norm"])
        if differing and name_sim < 0.9:  # above that the differences are spelling, not words
            out.append("words in one name only: " + ", ".join(differing[:6]))
    if country == COUNTRY_SAME:
        out.append(f"same country {vf['country']}")
    elif country == COUNTRY_DIFFERENT:
        out.append(f"different countries ({pf['country']} at the partner / {vf['country']} ours)")
    return out
