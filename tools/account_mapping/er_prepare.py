"""One side of entity resolution prepared once: normalised names and domains, word tokens, and numpy
views for bulk scoring; word rarity over both sides (`TokenStats`).

Everything here is columnar (polars, numpy): no Python loop runs per row, except for the word-sorted
form of names of three words or more.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, fields

import numpy as np
import polars as pl

from tools.account_mapping.domain_normalise import reduce_domains
from tools.account_mapping.jurisdiction import jurisdictions
from tools.account_mapping.name_normalise import _fix, normalize_names, stem_expr

TOKENS_PER_NAME = 6  # words per name used for token matching (after legal forms are gone, few have more)
SN_BYTES = 64  # bytes of the compact name that order the sorted neighbourhood (longer ties: any order)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


class HashIndex:
    """Dense ids (1..n) for distinct non-zero 64-bit keys, looked up in bulk in an open-addressing table
    probed with numpy. A binary search (searchsorted) over millions of keys misses the cache at every
    step; this touches one or two slots per key."""

    def __init__(self, keys: np.ndarray):
        keys = np.asarray(keys, np.uint64)
        self._bits = max(4, int(2 * len(keys)).bit_length())
        self._mask = np.uint64((1 << self._bits) - 1)
        self._keys = np.zeros(1 << self._bits, np.uint64)
        self._ids = np.zeros(1 << self._bits, np.int32)
        pending, slot = np.arange(len(keys)), self._slot(keys)
        while len(pending):  # linear probing: a key moves on only past taken slots
            free = self._keys[slot] == 0
            self._keys[slot[free]] = keys[pending[free]]  # keys after the same free slot: one wins
            won = free & (self._keys[slot] == keys[pending])
            self._ids[slot[won]] = pending[won] + 1
            pending, slot = pending[~won], (slot[~won] + np.uint64(1)) & self._mask

    def _slot(self, keys: np.ndarray) -> np.ndarray:
        return (keys * _GOLDEN) >> np.uint64(64 - self._bits)

    def lookup(self, keys: np.ndarray) -> np.ndarray:
        """The id of each key (any shape), 0 for a zero or unknown key."""
        flat = np.asarray(keys, np.uint64).ravel()
        out = np.zeros(len(flat), np.int32)
        todo = np.flatnonzero(flat)
        slot = self._slot(flat[todo])
        while len(todo):
            found = self._keys[slot]
            hit = found == flat[todo]
            out[todo[hit]] = self._ids[slot[hit]]
            more = ~hit & (found != 0)
            todo, slot = todo[more], (slot[more] + np.uint64(1)) & self._mask
        return out.reshape(np.shape(keys))


def distinct_nonzero(keys: np.ndarray) -> np.ndarray:
    keys = np.asarray(keys, np.uint64).ravel()
    return pl.Series(keys[keys != 0]).unique().to_numpy()


@dataclass
class Prepared:
    """One side normalised once: `frame` (key, name, norm, compact, dom, dom_label, country) and numpy
    views for bulk scoring (token/domain/country ids are 64-bit hashes, 0 = missing)."""

    frame: pl.DataFrame
    sorted_norm: np.ndarray  # object arrays of str, as rapidfuzz wants them; words in alphabetical order
    compact: np.ndarray  # (token-sort similarity without re-sorting per pair) and without spaces
    sn_key: np.ndarray  # the compact name's first SN_BYTES bytes (sorted neighbourhood)
    norm_len: np.ndarray  # characters, for a bound on spelling similarity before any comparison
    compact_len: np.ndarray
    letters: np.ndarray  # (n, 36) count of each of a-z0-9 in the compact name (all 0: unknown, see below)
    letters_known: np.ndarray  # False for names not all a-z0-9 (or very long): no bound for them
    token_ids: np.ndarray  # (n, TOKENS_PER_NAME) distinct stemmed words, in name order, 0 = none
    token_at: np.ndarray  # (n, TOKENS_PER_NAME) where each token's word is in `words`, -1 = none
    words: pl.Series  # every stemmed word of every name, row after row (shared by `take`)
    norm_id: np.ndarray
    dom_id: np.ndarray
    label_id: np.ndarray
    label_len: np.ndarray
    country_id: np.ndarray
    number_id: np.ndarray  # the numbers in the name ('Office 14'): different numbers, different entities
    jur: np.ndarray  # where the company can be registered (country, legal form): `jurisdiction.jurisdictions`

    def __len__(self) -> int:
        return self.frame.height

    def take(self, rows: np.ndarray) -> Prepared:
        """The same side restricted to some rows (e.g. one partner's)."""
        return Prepared(**{f.name: getattr(self, f.name) if f.name == "words" else getattr(self, f.name)[rows]
                           for f in fields(self)})

    def slice(self, start: int, stop: int) -> Prepared:
        """Rows start..stop without copying (numpy views, a polars slice)."""
        return Prepared(**{f.name: self.frame.slice(start, stop - start) if f.name == "frame" else
                           getattr(self, f.name) if f.name == "words" else getattr(self, f.name)[start:stop]
                           for f in fields(self)})

    def word_sets(self, rows: np.ndarray) -> list[set[str]]:
        """The distinct (stemmed) words of some rows, as Python sets (for the few pairs that need them)."""
        at = self.token_at[rows]
        words = self.words.gather(np.maximum(at, 0).ravel()).to_list()
        width = at.shape[1]
        return [{w for w, a in zip(words[i * width:(i + 1) * width], at[i]) if a >= 0} for i in range(len(rows))]


def _hash(col: pl.Expr) -> pl.Expr:
    return pl.when(col.is_null()).then(pl.lit(0, pl.UInt64)).otherwise(col.hash(seed=7) | 1)


def _stem_words(words: pl.Series) -> pl.Series:
    """`stem_expr` on the words that end in 's' (the only ones it changes), once per distinct word."""
    def stem_distinct(plural: pl.Series) -> pl.Series:
        distinct = plural.unique()
        return plural.replace_strict(distinct, pl.select(stem_expr(pl.lit(distinct))).to_series())

    return _fix(words, words.str.ends_with("s"), stem_distinct)


def _repeated(hashes: np.ndarray, pos: np.ndarray) -> np.ndarray:
    """Is each word of the flat list a repeat of an earlier word of the same name (`pos` = its place in
    the name)? One vectorised comparison per distance, over the words that far into their name."""
    repeated = np.zeros(len(hashes), bool)
    later, distance = np.flatnonzero(pos >= 1), 1
    while len(later):
        repeated[later] |= hashes[later] == hashes[later - distance]
        distance += 1
        later = later[pos[later] >= distance]
    return repeated


def _tokens(norm: pl.Series) -> tuple[np.ndarray, np.ndarray, pl.Series, np.ndarray]:
    """(token ids, where their words are, the words, number ids): a name's distinct stemmed words in
    order, at most TOKENS_PER_NAME, as a dense matrix built from one flat list of words."""
    parts = norm.str.split(" ")
    counts = parts.list.len().to_numpy().astype(np.int64)
    words = _stem_words(parts.explode())
    hashes = pl.select(_hash(pl.lit(words).replace("", None))).to_series().to_numpy()
    n, start = len(norm), np.cumsum(counts) - counts
    row = np.repeat(np.arange(n), counts)
    kept = ~_repeated(hashes, np.arange(len(row)) - np.repeat(start, counts)) & (hashes != 0)
    before = np.r_[0, np.cumsum(kept)]  # kept words before each flat position
    place = before[1:] - 1 - np.repeat(before[start], counts)  # among the kept words of its name
    take = np.flatnonzero(kept & (place < TOKENS_PER_NAME))
    ids, at = np.zeros(n * TOKENS_PER_NAME, np.uint64), np.full(n * TOKENS_PER_NAME, -1, np.int32)
    cell = row[take] * TOKENS_PER_NAME + place[take]
    ids[cell], at[cell] = hashes[take], take
    shape = (n, TOKENS_PER_NAME)
    return ids.reshape(shape), at.reshape(shape), words, _numbers(words, row, n)


def _numbers(words: pl.Series, row: np.ndarray, n: int) -> np.ndarray:
    """A hash of the numbers among a name's words, 0 when it has none."""
    out = np.zeros(n, np.uint64)
    digits = words.str.contains(r"^\d+$").to_numpy()
    if digits.any():
        numbers = (pl.DataFrame({"row": row[digits], "w": words.filter(pl.Series(digits))})
                   .unique(maintain_order=True).group_by("row", maintain_order=True).agg(pl.col("w").str.join(" ")))
        out[numbers["row"].to_numpy()] = numbers["w"].hash(seed=7).to_numpy() | 1
    return out


def _word_sorted(norm: pl.Series) -> np.ndarray:
    """The name with its words in alphabetical order: in polars for one or two words, by Python for more."""
    split = norm.str.splitn(" ", 2).struct.unnest()
    first, rest = split["field_0"], split["field_1"]
    swapped = pl.select(pl.when(rest.is_not_null() & (rest < first)).then(rest + " " + first).otherwise(norm))
    out = swapped.to_series().to_numpy().astype(object)
    many = np.flatnonzero(rest.str.contains(" ", literal=True).fill_null(False).to_numpy())
    if len(many):
        out[many] = [" ".join(sorted(name.split(" "))) for name in norm.gather(many).to_list()]
    return out


_LETTER = np.full(256, 36, np.uint8)  # byte -> its letter's column (36: padding or not a-z0-9)
_LETTER[np.frombuffer(b"abcdefghijklmnopqrstuvwxyz0123456789", np.uint8)] = np.arange(36)


def _letter_counts(compact: pl.Series, chunk: int = 65_536) -> tuple[np.ndarray, np.ndarray]:
    """How often each of a-z0-9 occurs in each compact name: two names whose counts differ by d cannot
    be spelled closer than d insertions and deletions apart (a bound on `fuzz.ratio` before calling it).
    Counted over all the names' bytes laid end to end, a slice of names at a time (cache-sized)."""
    lengths = compact.str.len_bytes().to_numpy().astype(np.int64)
    letters = _LETTER[np.frombuffer(compact.str.join("").item().encode(), np.uint8)]
    ends = np.cumsum(lengths)
    counts = np.empty((len(compact), 37), np.uint8)
    for start in range(0, len(compact), chunk):
        stop = min(start + chunk, len(compact))
        first, last = (ends[start - 1] if start else 0), ends[stop - 1]
        row = np.repeat(np.arange(stop - start, dtype=np.int64), lengths[start:stop])
        cells = np.bincount(row * 37 + letters[first:last], minlength=(stop - start) * 37)
        counts[start:stop] = np.minimum(cells, 255).reshape(-1, 37)
    known = (counts[:, 36] == 0) & (lengths < 256)  # all a-z0-9 (and counts fit a byte)
    return counts[:, :36], known


def _bytes_key(values: pl.Series) -> np.ndarray:
    """Fixed-width bytes, as wide as the longest value up to SN_BYTES: numpy sorts them in the order
    polars sorts strings (UTF-8 bytes), several times faster."""
    keys = np.array(values.cast(pl.Binary).to_list(), dtype="S")
    return keys if keys.dtype.itemsize <= SN_BYTES else keys.astype(f"S{SN_BYTES}")


def prepare(frame: pl.DataFrame) -> Prepared:
    """`frame` has string columns key, name, domain, country (domain and country may be null)."""
    df = frame.select(
        pl.col("key").cast(pl.String), pl.col("name").cast(pl.String).fill_null(""),
        pl.col("country").cast(pl.String).str.strip_chars().str.to_uppercase().replace("", None).alias("country"),
    ).hstack([normalize_names(frame["name"]).alias("norm")]).hstack(reduce_domains(frame["domain"]))
    df = df.with_columns(pl.col("norm").str.replace_all(" ", "", literal=True).alias("compact"))
    token_ids, token_at, words, number_id = _tokens(df["norm"])
    sn_key = _bytes_key(df["compact"])
    arrays = df.select(*[_hash(pl.col(c)).alias(c) for c in ("norm", "dom", "dom_label", "country")],
                       *[pl.col(c).str.len_chars().fill_null(0).alias(f"{c}_len") for c in ("dom_label", "norm", "compact")])
    return Prepared(
        frame=df, sorted_norm=_word_sorted(df["norm"]), compact=df["compact"].to_numpy().astype(object),
        sn_key=sn_key, norm_len=arrays["norm_len"].to_numpy(), compact_len=arrays["compact_len"].to_numpy(),
        **dict(zip(("letters", "letters_known"), _letter_counts(df["compact"]))),
        token_ids=token_ids, token_at=token_at, words=words,
        norm_id=arrays["norm"].to_numpy(), dom_id=arrays["dom"].to_numpy(), label_id=arrays["dom_label"].to_numpy(),
        label_len=arrays["dom_label_len"].to_numpy(), country_id=arrays["country"].to_numpy(), number_id=number_id,
        jur=jurisdictions(df["name"], df["country"]))


def prepare_sides(vendor: pl.DataFrame, partner: pl.DataFrame) -> tuple[Prepared, Prepared]:
    """Both sides at once, on two threads (polars and numpy release the GIL for the heavy work)."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        sides = pool.map(prepare, (vendor, partner))
        return next(sides), next(sides)


def prepare_records(keys: list[str], names: list[str], domains: list[str | None],
                    countries: list[str | None]) -> Prepared:
    return prepare(pl.DataFrame({"key": keys, "name": names, "domain": domains, "country": countries},
                                schema=dict.fromkeys(("key", "name", "domain", "country"), pl.String)))


# --- word rarity -----------------------------------------------------------------------------------


@dataclass
class TokenStats:
    """Inverse document frequency of name tokens over OUR accounts: a word many of our accounts share
    ('global', 'systems') says little; a rare one ('northstar') says a lot. Measured on the vendor side
    only, so one partner's rows are matched the same whatever the other partners' rows are (a change to
    one partner's rows re-resolves that partner alone). A partner word none of our names has gets one
    shared id (`unknown`): it can never equal one of ours, and weighs as the rarest word."""

    vocabulary: HashIndex  # token hash -> vocabulary index (1-based; 0 = none)
    idf: np.ndarray  # per vocabulary index (idf[0] = 0; idf[unknown] = the rarest)
    vendor_df: np.ndarray  # vendor names holding the token (block sizes), per vocabulary index
    unknown: int  # the index of every word no vendor name has
    known: list[tuple[np.ndarray, np.ndarray]] = field(default_factory=list)  # token ids -> indices, as built

    def index(self, token_ids: np.ndarray) -> np.ndarray:
        for ids, indices in self.known:  # the side the statistics were built from: already looked up
            if ids is token_ids:
                return indices
        found = self.vocabulary.lookup(token_ids)
        return np.where((found == 0) & (token_ids != 0), np.int32(self.unknown), found)


def token_stats(vendor: Prepared, partner: Prepared | None = None) -> TokenStats:
    """Word rarity over the vendor's names (`partner` is accepted for callers that pass both sides; it
    does not change the statistics)."""
    distinct = distinct_nonzero(vendor.token_ids.ravel())
    vocabulary, unknown = HashIndex(distinct), len(distinct) + 1
    v_tok = vocabulary.lookup(vendor.token_ids)
    v_df = np.bincount(v_tok.ravel(), minlength=unknown + 1)
    idf = np.log((len(vendor) + 1) / np.maximum(v_df, 1)) + 0.1
    idf[0], v_df[0] = 0.0, 0
    return TokenStats(vocabulary, idf.astype(np.float32), v_df, unknown, [(vendor.token_ids, v_tok)])


@dataclass
class Side:
    """A prepared side seen through the token statistics of one matching run."""

    prep: Prepared
    tok: np.ndarray  # (n, TOKENS_PER_NAME) vocabulary indices, 0 = padding
    weight: np.ndarray  # idf per token
    total: np.ndarray  # idf sum per name
    rare: np.ndarray  # tokens rarest first (by vendor block size), padding last

    @classmethod
    def of(cls, prep: Prepared, stats: TokenStats) -> Side:
        tok = stats.index(prep.token_ids)
        weight = stats.idf[tok]
        size = np.where(tok == 0, np.iinfo(np.int64).max, stats.vendor_df[tok])
        rare = np.take_along_axis(tok, np.argsort(size, axis=1, kind="stable"), axis=1)
        return cls(prep, tok, weight, weight.sum(1), rare)

    def slice(self, start: int, stop: int) -> Side:
        return Side(self.prep.slice(start, stop), self.tok[start:stop], self.weight[start:stop],
                    self.total[start:stop], self.rare[start:stop])
