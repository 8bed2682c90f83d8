"""Blocking: which (vendor, partner) pairs are worth scoring. Never all n x m pairs: records that share
a registrable domain name, a compact name, a rare word or a rare pair of words, and the neighbours in
alphabetical order of the compact name (sorted neighbourhood: typos, spacing).

The vendor side is indexed once (`VendorIndex`) and reused for every partner. Every structure is a
numpy array grouped by key (key -> its vendor rows), probed in bulk; memory stays linear in the output.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import polars as pl

from tools.account_mapping.er_prepare import TOKENS_PER_NAME, Prepared, Side, TokenStats

BLOCK_CAP = 40  # a blocking key shared by more vendor records than this is too common to block on
SN_WINDOW = 2  # sorted-neighbourhood: vendor names either side of a partner name (typos, spacing)
RARE_WORDS = 4  # the rarest words of a vendor name that its word-pair keys are made of


@dataclass
class KeyGroups:
    """Vendor rows grouped by one blocking key: group g's rows are rows[start[g]:start[g] + count[g]].
    Keys are dense ids already (vocabulary indices: group = key) or 64-bit hashes, kept sorted
    (`keys`) and found by a binary search of the sorted probes."""

    keys: np.ndarray | None  # sorted distinct hash keys (group g has keys[g]); None when keys are dense
    start: np.ndarray
    count: np.ndarray
    rows: np.ndarray

    @classmethod
    def of(cls, rows: np.ndarray, keys: np.ndarray, dense: bool = False) -> KeyGroups:
        keep = keys != 0
        keys, rows = keys[keep], rows[keep]
        if dense:
            count = np.bincount(keys.astype(np.int64), minlength=1)
            order = pl.Series(keys).arg_sort().to_numpy()  # multi-threaded; order within a group is free
            return cls(None, np.cumsum(count) - count, count, rows[order])
        order = np.argsort(keys)
        ordered = keys[order]
        start = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]]) if len(ordered) else np.zeros(0, np.int64)
        return cls(ordered[start], start, np.diff(np.r_[start, len(ordered)]), rows[order])

    def _groups(self, keys: np.ndarray) -> np.ndarray:
        """The group of each key, -1 when no vendor row has it."""
        if self.keys is None:
            return np.where((keys > 0) & (keys < len(self.count)), keys.astype(np.int64), -1)
        out = np.full(len(keys), -1, np.int64)
        todo = np.flatnonzero(keys)
        if not len(self.keys) or not len(todo):
            return out
        todo = todo[np.argsort(keys[todo])]  # sorted probes walk the sorted keys once
        pos = np.minimum(np.searchsorted(self.keys, keys[todo]), len(self.keys) - 1)
        found = self.keys[pos] == keys[todo]
        out[todo[found]] = pos[found]
        return out

    def probe(self, p_rows: np.ndarray, p_keys: np.ndarray, cap: int = BLOCK_CAP) -> tuple[np.ndarray, np.ndarray]:
        """(v, p) pairs sharing a key, skipping keys held by more than `cap` vendor records (too common
        to tell anything)."""
        group = self._groups(p_keys)
        hit = group >= 0
        hit[hit] = self.count[group[hit]] <= cap
        group, pr = group[hit], p_rows[hit]
        sizes = self.count[group]
        offsets = np.repeat(self.start[group] - (np.cumsum(sizes) - sizes), sizes) + np.arange(sizes.sum())
        return self.rows[offsets].astype(np.int64), np.repeat(pr, sizes).astype(np.int64)


def pair_keys(tok: np.ndarray, a: int, b: int) -> np.ndarray:
    """A key for two words of a name, whatever their order (0 when either is missing)."""
    lo = np.minimum(tok[:, a], tok[:, b]).astype(np.uint64)
    hi = np.maximum(tok[:, a], tok[:, b]).astype(np.uint64)
    return np.where(lo == 0, np.uint64(0), (lo << np.uint64(32)) | hi)


def _compact_ids(side: Prepared) -> np.ndarray:
    return side.frame["compact"].hash(seed=3).to_numpy() | np.uint64(1)


@dataclass
class VendorIndex:
    """The vendor side ready for matching: token view and blocking keys, built once and reused for
    every partner (one partner's rows are then matched in a fraction of a second)."""

    side: Side
    label: KeyGroups
    compact: KeyGroups
    token: KeyGroups
    token_pair: KeyGroups
    sn_order: np.ndarray  # vendor rows in compact-name order (sorted neighbourhood)
    sn_keys: np.ndarray  # their compact names' first bytes, sorted

    @classmethod
    def of(cls, vendor: Prepared, stats: TokenStats) -> VendorIndex:
        side = Side.of(vendor, stats)
        rows = np.arange(len(vendor))
        pairs = np.stack([pair_keys(side.rare, a, b) for a in range(RARE_WORDS) for b in range(a + 1, RARE_WORDS)],
                         axis=1)
        builds = {"label": lambda: KeyGroups.of(rows, vendor.label_id),
                  "compact": lambda: KeyGroups.of(rows, _compact_ids(vendor)),
                  "token": lambda: KeyGroups.of(np.repeat(rows, TOKENS_PER_NAME), side.tok.ravel(), dense=True),
                  "token_pair": lambda: KeyGroups.of(np.repeat(rows, pairs.shape[1]), pairs.ravel()),
                  "sn_order": lambda: np.argsort(vendor.sn_key, kind="stable")}
        with ThreadPoolExecutor(max_workers=2) as pool:  # independent sorts; numpy and polars release the GIL
            built = dict(zip(builds, pool.map(lambda build: build(), builds.values())))
        return cls(side=side, **built, sn_keys=vendor.sn_key[built["sn_order"]])


def _neighbours(index: VendorIndex, partner: Side) -> list[tuple[np.ndarray, np.ndarray]]:
    """The vendor names either side of each partner name in compact-name order. Partner names are
    sorted first, so the search walks the vendor names once instead of jumping about."""
    nv = len(index.sn_order)
    if not nv or not len(partner.prep):
        return []
    p_order = np.argsort(partner.prep.sn_key)  # any order among equal names: they get the same position
    pos = np.empty(len(p_order), np.int64)
    pos[p_order] = np.searchsorted(index.sn_keys, partner.prep.sn_key[p_order])
    pr = np.arange(len(pos))
    return [(index.sn_order[np.clip(pos + offset, 0, nv - 1)].astype(np.int64), pr)
            for offset in range(-SN_WINDOW, SN_WINDOW)]


def candidate_pairs(index: VendorIndex, partner: Side) -> tuple[np.ndarray, np.ndarray]:
    """Blocking: same domain name, same compact name, a shared rare word (or rare pair of words), and
    sorted-neighbourhood on the compact name (typos, spacing). Unique (v, p) row pairs, sorted by p."""
    nv = max(len(index.sn_order), 1)
    pr = np.arange(len(partner.prep))
    parts = [index.label.probe(pr, partner.prep.label_id), index.compact.probe(pr, _compact_ids(partner.prep)),
             index.token.probe(np.repeat(pr, 2), partner.rare[:, :2].ravel()),
             index.token_pair.probe(pr, pair_keys(partner.rare, 0, 1)), *_neighbours(index, partner)]
    keys = np.sort(np.concatenate([p * nv + v for v, p in parts]))
    keys = keys[np.r_[True, keys[1:] != keys[:-1]]] if len(keys) else keys
    return keys % nv, keys // nv
