"""Registrable domains for entity resolution: 'https://www.Acme.co.uk:8080/about' -> 'acme.co.uk'.

The Public Suffix List (ICANN section, the copy shipped inside the `publicsuffixlist` package, never
fetched) decides where the registrable part starts. Generic mail and web-hosting domains (gmail.com,
*.wixsite.com, *.github.io) prove nothing about a company and reduce to null.

Shaped for a million values: a host's answer depends on the host itself only through a few set
lookups; everything else depends on its parent (the host without its first label: 'acme.co.uk' ->
'co.uk'), and parents are few (the suffixes) however many companies there are. So the suffix rules
run once per distinct parent, in plain Python, and rows get their answer by a join. URLs, emails and
ports are cleaned only on the rows that have them.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

import polars as pl

from tools.account_mapping.name_normalise import _fix

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
MAX_RULE_LABELS = 4  # suffix rules longer than this are not looked for (none in the ICANN section matter)


@cache
def suffix_rules() -> dict[str, frozenset[str]]:
    """The ICANN rules (plain, wildcard parents, exceptions) and the private section's hosting suffixes."""
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


def _parent_row(parent: str, rules: dict[str, frozenset[str]]) -> tuple:
    """For the hosts under `parent`: the suffix length its own tails give (an exception rule first, else
    the longest public rule, else 1), whether a tail is a hosting suffix, and the registrable domain and
    its first label when it lies inside the parent (else the host itself is registrable)."""
    labels = parent.split(".")
    n = len(labels)
    tails = [".".join(labels[-k:]) for k in range(1, min(MAX_RULE_LABELS, n) + 1)]  # tails[k - 1]: k labels
    public, exception = 1, None
    for k in range(2, len(tails) + 1):
        tail = tails[k - 1]
        if tail in rules["plain"] or (tails[k - 2] in rules["wild"] and tail not in rules["exceptions"]):
            public = k
        if tail in rules["exceptions"]:
            exception = k - 1
    hosted = any(tail in rules["hosted"] for tail in tails[1:])
    slen = exception if exception is not None else public
    registrable = ".".join(labels[-(slen + 1):]) if slen < n else None
    return parent, n, exception, public, hosted, registrable, registrable.split(".")[0] if registrable else None


@cache
def _series(values: frozenset[str]) -> pl.Series:
    return pl.Series(sorted(values), dtype=pl.String)


def _in(col: pl.Expr, values: frozenset[str]) -> pl.Expr:
    return col.is_in(_series(values).implode())


def hosts(values: pl.Series) -> pl.Series:
    """Lower-case host names from domains, URLs or emails ('www.' and a trailing dot dropped)."""
    raw = values.cast(pl.String).fill_null("").str.to_lowercase().str.strip_chars()
    host = _fix(raw, raw.str.contains(r"[@:/?#\\]"), lambda s: (
        s.str.replace(r"^.*@", "").str.replace(r"^[a-z][a-z0-9+.\-]*://", "").str.replace(r"^[^/]*@", "")
        .str.replace(r"[/?#\\].*$", "").str.replace(r":\d*$", "")))
    return host.str.strip_chars_end(".").str.replace(r"^www\d*\.", "")


def _valid(host: pl.Series) -> pl.Series:
    """Labels of letters, digits, '-' or '_', at least two; the Unicode test only for non-ASCII hosts."""
    valid = host.str.contains(r"^[a-z0-9_\-]+(?:\.[a-z0-9_\-]+)+$")
    wide = host.str.len_bytes() != host.str.len_chars()
    return _fix(valid, wide, lambda _: host.filter(wide).str.contains(
        r"^[\p{L}\p{M}\p{N}\-_]+(?:\.[\p{L}\p{M}\p{N}\-_]+)+$"))


def reduce_domains(values: pl.Series) -> pl.DataFrame:
    """`dom` (registrable domain per the ICANN suffix list, or null if generic/hosted/invalid) and
    `dom_label` (its name without the suffix: acme.co.uk -> acme), row for row."""
    rules = suffix_rules()
    host = hosts(values)
    split = host.str.splitn(".", 2).struct.unnest()
    df = pl.DataFrame({"host": host, "first": split["field_0"], "parent": split["field_1"], "valid": _valid(host)})
    parents = df["parent"].drop_nulls().unique()
    table = pl.DataFrame([_parent_row(p, rules) for p in parents.to_list()], orient="row", schema={
        "parent": pl.String, "n": pl.Int32, "exception": pl.Int32, "public": pl.Int32, "hosted": pl.Boolean,
        "reg": pl.String, "label": pl.String})
    df = df.join(table, on="parent", how="left", maintain_order="left")
    host_col, labels = pl.col("host"), pl.col("n") + 1
    short = labels <= MAX_RULE_LABELS  # the host itself is one of the tails the rules are checked on
    slen = (pl.when(short & _in(host_col, rules["exceptions"])).then(labels - 1)
            .when(pl.col("exception").is_not_null()).then(pl.col("exception"))
            .when(short & (_in(host_col, rules["plain"]) | (_in(pl.col("parent"), rules["wild"])))).then(labels)
            .otherwise(pl.col("public")))
    df = df.with_columns(slen.alias("slen"), (pl.col("hosted") | (short & _in(host_col, rules["hosted"]))).alias("hosted"))
    registrable = pl.col("slen") == labels - 1  # the whole host
    df = df.with_columns(pl.when(registrable).then(host_col).otherwise(pl.col("reg")).alias("reg"),
                         pl.when(registrable).then(pl.col("first")).otherwise(pl.col("label")).alias("label"))
    keep = (pl.col("valid") & (labels > pl.col("slen")) & ~pl.col("hosted")
            & ~_in(pl.col("reg"), GENERIC_DOMAINS) & ~_in(pl.col("label"), GENERIC_LABELS)).fill_null(False)
    return df.select(pl.when(keep).then(pl.col("reg")).alias("dom"),
                     pl.when(keep).then(pl.col("label")).alias("dom_label"))


def registrable_domain(value: str | None) -> str | None:
    """'https://www.Acme.co.uk:8080/about' -> 'acme.co.uk'; generic mail/hosting domains -> None."""
    return reduce_domains(pl.Series([value], dtype=pl.String))["dom"][0]


def registrable_domain_list(values: Sequence[str | None]) -> list[str | None]:
    """`reduce_domains(...)["dom"]` for a Python list (callers that hold rows, not frames)."""
    return reduce_domains(pl.Series(list(values), dtype=pl.String))["dom"].to_list()


def domain_columns(col: pl.Expr) -> list[pl.Expr]:
    """`reduce_domains` as polars expressions: `dom` and `dom_label`."""
    return [col.map_batches(lambda s, name=name: reduce_domains(s)[name], return_dtype=pl.String).alias(name)
            for name in ("dom", "dom_label")]
