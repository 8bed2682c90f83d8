"""The match computed once and stored (`retrieval.account_matches`), refreshed per partner by content.

`refresh(ctx)` runs after an ingest (the doors call it) and before any read whose records version the
store was not yet checked against. It hashes our accounts and each partner's rows (name, domain,
country: what the matcher reads), and re-resolves only the partners whose hash, or our accounts' hash,
or the resolver's code changed. Word rarity is measured over our accounts alone
(`er_prepare.token_stats`), so a partner's candidates depend on our accounts and its own rows only:
re-resolving one partner gives exactly what resolving everyone would.

`resolve_batches` is the one resolver loop, fed by SQL pages here and by Parquet files in the 10M
benchmark: our accounts are prepared and indexed once, partner rows go through in batches of whole
partners, so memory holds our side and one batch.
"""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from retrieval.account_matches import (
    STATE_KEY,
    forget_partners,
    pages,
    partner_states,
    replace_partner,
)
from retrieval.records import Account, PartnerAccount
from tools.account_mapping import entity_resolution as er
from tools.context import ToolContext

log = logging.getLogger(__name__)

_RESOLVER_FILES = ("domain_normalise.py", "entity_resolution.py", "er_blocking.py", "er_prepare.py", "er_scoring.py",
                   "jurisdiction.py", "name_normalise.py", "stored.py")
# The resolver's own version: a change to its code re-resolves everything (with polars', whose hashes we keep).
RESOLVER_VERSION = hashlib.sha256(b"".join(
    (Path(__file__).parent / name).read_bytes() for name in _RESOLVER_FILES) + pl.__version__.encode()).hexdigest()[:16]
BATCH_ROWS = 1_000_000  # partner rows resolved together (whole partners): bounds memory at 10M
KEEP = 3  # candidates kept per row: the matcher's choice and the next ones, for a person's rejection
_FIELDS = ("key", "name", "domain", "country")
_SCHEMA = dict.fromkeys(_FIELDS, pl.String)


@dataclass
class Refresh:
    """What a refresh did: which partners it resolved again, which it found unchanged or gone."""

    records_version: str | None
    resolved: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: bool = False  # the store was already checked against this records version


def content_hash(frame: pl.DataFrame, by: str | None = None) -> dict[str, str] | str:
    """A content hash of the rows (any order): per value of `by`, or of the whole frame. Two seeds of
    polars' row hash, summed in 32-bit halves (order-free), and the row count."""
    cols = [c for c in frame.columns if c != by]
    data = {} if by is None else {by: frame[by]}
    for seed in (11, 29):
        h = frame.select(cols).hash_rows(seed=seed)
        data[f"h{seed}"], data[f"l{seed}"] = (h // (1 << 32)).cast(pl.Int64), (h % (1 << 32)).cast(pl.Int64)
    parts = pl.DataFrame(data)
    sums = [pl.col(c).sum() for c in parts.columns if c != by] + [pl.len().alias("n")]
    if by is None:
        return ":".join(str(v) for v in parts.select(sums).row(0))
    agg = parts.group_by(by).agg(sums)
    return {row[0]: ":".join(str(v) for v in row[1:]) for row in agg.iter_rows()}


def _frame(rows: list[tuple]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=_SCHEMA, orient="row")


def read_accounts(session) -> pl.DataFrame:
    """Our accounts as the matcher reads them (key, name, domain, country), a page at a time."""
    columns = (Account.account_id, Account.name, Account.domain, Account.country)
    return pl.concat([pl.DataFrame(schema=_SCHEMA)] + [_frame(page) for page in pages(session, columns, Account.account_id)])


def read_rows(session) -> pl.DataFrame:
    """Every partner row (key, partner_id, name, domain, country), a page at a time."""
    columns = (PartnerAccount.row_key, PartnerAccount.partner_id, PartnerAccount.account_name, PartnerAccount.domain,
               PartnerAccount.country)
    schema = {"key": pl.String, "partner_id": pl.String, "name": pl.String, "domain": pl.String, "country": pl.String}
    frames = [pl.DataFrame(rows, schema=schema, orient="row") for rows in pages(session, columns, PartnerAccount.row_key)]
    return pl.concat([pl.DataFrame(schema=schema), *frames])


@dataclass
class VendorSide:
    """Our accounts prepared and indexed once for every batch of partner rows."""

    keys: pl.Series
    prepared: er.Prepared
    stats: er.TokenStats
    index: er.VendorIndex

    @classmethod
    def of(cls, accounts: pl.DataFrame) -> VendorSide:
        prepared = er.prepare(accounts.select(_FIELDS))
        stats = er.token_stats(prepared)
        return cls(prepared.frame["key"], prepared, stats, er.VendorIndex.of(prepared, stats))


EVIDENCE_SEPARATOR = "\x1f"  # between the sentences of one pair's evidence, stored as one text
_EXPLAINED = ("name", "norm", "dom", "country")


def evidence_texts(vendor: er.Prepared, partner: er.Prepared, found: pl.DataFrame) -> pl.Series:
    """Each candidate pair's evidence (`er.explain`), its sentences joined by EVIDENCE_SEPARATOR: written
    once when the pair is found, read by every `map`."""
    ours = vendor.frame.select(_EXPLAINED)[found["v"].to_numpy()].to_dicts()
    theirs = partner.frame.select(_EXPLAINED)[found["p"].to_numpy()].to_dicts()
    return pl.Series("evidence", [EVIDENCE_SEPARATOR.join(er.explain_rows(v, p, sim, dom, country))
                                  for v, p, sim, dom, country in zip(ours, theirs, found["name_sim"].to_list(),
                                                                     found["domain"].to_list(),
                                                                     found["country"].to_list())], pl.String)


def resolve(vendor: VendorSide, rows: pl.DataFrame) -> pl.DataFrame:
    """Candidates of some partner rows: row_key, rank, account_id, confidence, name_sim, domain, country,
    evidence."""
    partner = er.prepare(rows.select(_FIELDS))
    found = er.match_sides(vendor.prepared, partner, vendor.stats, keep=KEEP, index=vendor.index)
    return found.select(partner.frame["key"].gather(found["p"]).alias("row_key"), pl.col("rank").cast(pl.Int16),
                        vendor.keys.gather(found["v"]).alias("account_id"), "confidence", "name_sim", "domain",
                        "country").with_columns(evidence_texts(vendor.prepared, partner, found))


def resolve_batches(vendor: VendorSide, batches: Iterable[pl.DataFrame]) -> Iterator[pl.DataFrame]:
    """`resolve` over batches of partner rows (each with partner_id); yields candidates with partner_id."""
    for rows in batches:
        if rows.height:
            yield resolve(vendor, rows).join(rows.select(pl.col("key").alias("row_key"), "partner_id"), on="row_key",
                                             how="left")


def partner_batches(rows: pl.DataFrame, partner_ids: list[str], limit: int = BATCH_ROWS) -> Iterator[pl.DataFrame]:
    """Rows of whole partners, about `limit` rows a batch."""
    sizes = dict(rows.group_by("partner_id").len().iter_rows())
    batch, count = [], 0
    for pid in partner_ids:
        batch.append(pid)
        count += sizes.get(pid, 0)
        if count >= limit:
            yield rows.filter(pl.col("partner_id").is_in(batch))
            batch, count = [], 0
    if batch:
        yield rows.filter(pl.col("partner_id").is_in(batch))


def state(ctx: ToolContext) -> dict:
    return ctx.store.get_meta(STATE_KEY)


def is_fresh(ctx: ToolContext, version: str | None) -> bool:
    """Whether the stored candidates were checked against this records version (never for None)."""
    return version is not None and state(ctx).get("records_version") == version


def refresh(ctx: ToolContext, force: bool = False, resolve_all: bool = False) -> Refresh:
    """Bring the stored candidates up to the records: resolve the partners whose rows (or our accounts,
    or the resolver) changed, forget the partners that are gone. A store never ingested has no records
    version and nothing is stored (the service then resolves in memory). `force`: check the hashes even
    if this records version was checked; `resolve_all`: resolve every partner (benchmarks)."""
    version = ctx.records_version()
    if version is None:
        return Refresh(None, skipped=True)
    if not (force or resolve_all) and is_fresh(ctx, version):
        return Refresh(version, skipped=True)
    with ctx.store.session() as session:  # one read transaction: the version and the rows it stamps
        accounts, rows = read_accounts(session), read_rows(session)
        stored = partner_states(session)
    vendor_hash = f"{RESOLVER_VERSION}:{content_hash(accounts)}"
    row_hashes = content_hash(rows, by="partner_id") if rows.height else {}
    result = Refresh(version)
    result.removed = sorted(set(stored) - set(row_hashes))
    changed = []
    for pid in sorted(row_hashes):
        s = stored.get(pid)
        if not resolve_all and s is not None and s.rows_hash == row_hashes[pid] and s.vendor_hash == vendor_hash:
            result.unchanged.append(pid)
        else:
            changed.append(pid)
    if changed:
        counts = dict(rows.group_by("partner_id").len().iter_rows())
        vendor = VendorSide.of(accounts)
        del accounts
        for batch in partner_batches(rows, changed):
            found = next(resolve_batches(vendor, [batch]))
            groups = {k[0]: part for k, part in found.partition_by("partner_id", as_dict=True).items()}
            batch_ids = sorted(batch["partner_id"].unique().to_list())
            with ctx.store.session() as session:  # one transaction per batch: a partner is never half-written
                for pid in batch_ids:
                    _write(session, pid, row_hashes[pid], vendor_hash, counts[pid], groups.get(pid))
            result.resolved += batch_ids
    with ctx.store.session() as session:
        forget_partners(session, result.removed)
        ctx.store.set_meta(STATE_KEY, {"records_version": version, "vendor_hash": vendor_hash}, session=session)
    log.info("account mapping stored: %d partners resolved, %d unchanged, %d removed", len(result.resolved),
             len(result.unchanged), len(result.removed))
    return result


def _write(session, pid: str, rows_hash: str, vendor_hash: str, n_rows: int, part: pl.DataFrame | None) -> None:
    tuples = [] if part is None else [
        (r[0], r[1], pid, r[2], float(r[3]), float(r[4]), int(r[5]), int(r[6]), r[7])
        for r in part.select("row_key", "rank", "account_id", "confidence", "name_sim", "domain", "country",
                             "evidence").iter_rows()]
    replace_partner(session, pid, rows_hash, vendor_hash, n_rows, tuples)
