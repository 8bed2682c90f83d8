"""Entity resolution for account mapping: normalise, block, score. Pure functions over columnar data.

One implementation serves a 20-row test and a 1M x 1M benchmark. The pipeline, one module per stage:

- `tools.account_mapping.name_normalise` and `tools.account_mapping.domain_normalise`: names and registrable domains (polars);
- `tools.account_mapping.er_prepare`: `prepare(frame)` per side (tokens, ids, numpy views) and word rarity over both;
- `tools.account_mapping.er_blocking`: candidate pairs from exact keys and small blocks (`VendorIndex`, built once);
- `tools.account_mapping.er_scoring`: pairs scored in bulk (rapidfuzz, numpy) and `explain` in sentences;
- here, `match_sides(vendor, partner)`: the top candidates per partner row with their features.

This module is the one other code imports; the names below are its interface.
"""
from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import polars as pl

from tools.account_mapping.domain_normalise import (
    GENERIC_DOMAINS,
    GENERIC_LABELS,
    domain_columns,
    reduce_domains,
    registrable_domain,
    registrable_domain_list,
    suffix_rules,
)
from tools.account_mapping.er_blocking import BLOCK_CAP, SN_WINDOW, KeyGroups, VendorIndex, candidate_pairs
from tools.account_mapping.er_prepare import (
    TOKENS_PER_NAME,
    Prepared,
    Side,
    TokenStats,
    prepare,
    prepare_records,
    prepare_sides,
    token_stats,
)
from tools.account_mapping.er_scoring import (
    COUNTRY_DIFFERENT,
    COUNTRY_SAME,
    COUNTRY_UNKNOWN,
    DOMAIN_DIFFERENT,
    DOMAIN_NONE,
    DOMAIN_SAME,
    DOMAIN_VARIANT,
    KEEP_THRESHOLD,
    MATCH_THRESHOLD,
    explain,
    explain_rows,
    score_pairs,
)
from tools.account_mapping.name_normalise import (
    normalize_name,
    normalize_name_list,
    normalize_names,
    normalize_names_expr,
    stem,
    stem_expr,
)

__all__ = [
    "BLOCK_CAP", "COUNTRY_DIFFERENT", "COUNTRY_SAME", "COUNTRY_UNKNOWN", "DOMAIN_DIFFERENT", "DOMAIN_NONE",
    "DOMAIN_SAME", "DOMAIN_VARIANT", "GENERIC_DOMAINS", "GENERIC_LABELS", "KEEP_THRESHOLD", "MATCH_THRESHOLD",
    "SN_WINDOW", "TOKENS_PER_NAME", "KeyGroups", "Prepared", "Side", "TokenStats", "VendorIndex",
    "candidate_pairs", "domain_columns", "explain", "explain_rows", "match_sides", "normalize_name", "normalize_name_list",
    "normalize_names", "normalize_names_expr", "prepare", "prepare_records", "prepare_sides", "reduce_domains",
    "registrable_domain", "registrable_domain_list", "score_pairs", "stem", "stem_expr", "suffix_rules",
    "token_stats"]


_SLICE = 200_000  # partner rows matched per thread task


def _ranks(p: np.ndarray) -> np.ndarray:
    """0, 1, 2 ... within each run of equal values of a sorted array."""
    if not len(p):
        return np.zeros(0, np.int64)
    starts = np.flatnonzero(np.r_[True, p[1:] != p[:-1]])
    return np.arange(len(p)) - np.repeat(starts, np.diff(np.r_[starts, len(p)]))


def match_sides(vendor: Prepared, partner: Prepared, stats: TokenStats | None = None, keep: int = 3,
                index: VendorIndex | None = None) -> pl.DataFrame:
    """The `keep` best vendor candidates per partner row (rank 0 = best; ties go to the smaller vendor
    key, so results do not depend on input order), each with confidence >= KEEP_THRESHOLD. Pass the
    `stats` and `index` of the whole ecosystem when matching one partner's rows at a time. Long inputs
    are matched in slices of partner rows on parallel threads."""
    stats = stats or token_stats(vendor, partner)
    index = index or VendorIndex.of(vendor, stats)
    p_side = Side.of(partner, stats)

    def score(bounds: tuple[int, int]) -> pl.DataFrame:
        part = p_side.slice(*bounds)
        return score_pairs(index.side, part, *candidate_pairs(index, part)).with_columns(pl.col("p") + bounds[0])

    slices = [(start, min(start + _SLICE, len(partner))) for start in range(0, max(len(partner), 1), _SLICE)]
    if len(slices) == 1:
        scored = score(slices[0])
    else:
        with ThreadPoolExecutor(max_workers=min(len(slices), os.cpu_count() or 1)) as pool:
            scored = pl.concat(list(pool.map(score, slices)))
    scored = (scored.with_columns(vendor.frame["key"].gather(scored["v"]).alias("_key"))
              .sort(["p", "confidence", "_key"], descending=[False, True, False]).drop("_key"))
    rank = _ranks(scored["p"].to_numpy())
    return scored.with_columns(pl.Series("rank", rank, pl.Int64)).filter(pl.col("rank") < keep)
