"""Privacy-preserving account mapping: match on keyed hashes instead of names and domains.

Each party normalises its own rows exactly as the open matcher does (`tools.account_mapping.entity_resolution`), then
publishes HMAC-SHA256 digests, keyed with a secret both parties share, of the registrable domain, the
normalised name, and name + country. A broker (the copilot, or a neutral third party) matches digests
by equality only and releases the overlap per population pair; the matched rows are released only when
at least `min_overlap` accounts overlap (`settings.mapping_min_overlap`). The threat model, what each
side learns and why there is no fuzzy matching over hashes, is in docs/private-mapping.md.

The copilot plays the broker (`private_overlaps`): each party hashes its own rows with the secret
(`hash_partner_csv`, `hash_vendor_accounts`; the CLI's `cosell map-private hash` / `hash-accounts`),
the vendor publishes its digests for a partner (`publish_vendor_digests`), and the partner's digests
are matched against them. The broker never holds the secret.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import hmac
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal

import polars as pl
from pydantic import BaseModel, Field
from sqlalchemy import select

from assistant.core.errors import BadInput, Forbidden
from retrieval.records import Account, Opportunity
from retrieval.scope import Scope
from tools.account_mapping import service as er  # names and domains normalised as account mapping does
from tools.account_mapping.service import row_visibility
from tools.context import ToolContext

MIN_SECRET_BYTES = 16
# How much an equal digest says: a registrable domain is specific to one company; a name is specific
# within a country, less so across countries (subsidiaries, namesakes).
STRENGTH = {"domain": 0.95, "name_country": 0.85, "name": 0.75}


class PartyRow(BaseModel):
    """One account as the party holds it. `ref` should be opaque (not a CRM id) if ids are sensitive."""

    ref: str
    name: str
    domain: str | None = None
    country: str | None = None
    populations: list[str] = Field(default_factory=list)


_DIGEST = r"^[0-9a-f]{64}$"


class HashedRow(BaseModel):
    """What a party publishes: its own reference, populations and keyed digests (no names, no domains)."""

    ref: str = Field(min_length=1, max_length=128)
    populations: list[str] = Field(max_length=8)
    domain_hash: str | None = Field(None, pattern=_DIGEST)
    name_hash: str | None = Field(None, pattern=_DIGEST)
    name_country_hash: str | None = Field(None, pattern=_DIGEST)


class PrivateMatch(BaseModel):
    vendor_ref: str
    partner_ref: str
    evidence: str = Field(description="which digest was equal: domain | name_country | name")
    confidence: float
    vendor_populations: list[str]
    partner_populations: list[str]


class PopulationCount(BaseModel):
    vendor_population: str
    partner_population: str
    count: int = Field(description="distinct vendor rows in this cell")


class PrivateMappingResult(BaseModel):
    overlap: int = Field(description="distinct vendor rows matched")
    min_overlap: int
    released: str = Field(description="'rows' when overlap >= min_overlap, else 'counts'")
    summary: list[PopulationCount]
    matches: list[PrivateMatch] = Field(description="empty unless released == 'rows'")


def _digest(secret: bytes, kind: str, value: str) -> str:
    # The kind is part of the message so a name can never collide with a domain of the same text.
    return hmac.new(secret, f"{kind}\x1f{value}".encode(), hashlib.sha256).hexdigest()


def hash_rows(rows: Sequence[PartyRow | dict], secret: str | bytes) -> list[HashedRow]:
    """Normalise and hash a party's rows for publication. Empty or generic values get no digest."""
    key = secret.encode("utf-8") if isinstance(secret, str) else bytes(secret)
    if len(key) < MIN_SECRET_BYTES:
        raise BadInput(f"the shared secret must be at least {MIN_SECRET_BYTES} bytes (use a random key)")
    parsed = [row if isinstance(row, PartyRow) else PartyRow.model_validate(row) for row in rows]
    frame = pl.DataFrame({"key": [r.ref for r in parsed], "name": [r.name for r in parsed],
                          "domain": [r.domain for r in parsed], "country": [r.country for r in parsed]},
                         schema=dict.fromkeys(("key", "name", "domain", "country"), pl.String))
    prepared = er.prepare(frame).frame
    out = []
    for row, norm, dom, country in zip(parsed, prepared["norm"], prepared["dom"], prepared["country"]):
        out.append(HashedRow(
            ref=row.ref, populations=list(row.populations),
            domain_hash=_digest(key, "domain", dom) if dom else None,
            name_hash=_digest(key, "name", norm) if norm else None,
            name_country_hash=_digest(key, "name_country", f"{norm}|{country}") if norm and country else None))
    return out


def _index(rows: Iterable[HashedRow], field: str) -> dict[str, list[HashedRow]]:
    index: dict[str, list[HashedRow]] = defaultdict(list)
    for row in rows:
        value = getattr(row, field)
        if value:
            index[value].append(row)
    return index


def match_hashed(vendor_hashed: Sequence[HashedRow], partner_hashed: Sequence[HashedRow],
                 min_overlap: int) -> PrivateMappingResult:
    """Exact digest equality: domain first, then name + country, then name. Each partner row maps to at
    most one vendor row (strongest evidence, then the smallest ref). Below `min_overlap` matched vendor
    rows only the counts per population pair are released."""
    indexes = {kind: _index(vendor_hashed, f"{kind}_hash") for kind in STRENGTH}
    matches = []
    for row in partner_hashed:
        for kind, strength in STRENGTH.items():  # strongest evidence first
            value = getattr(row, f"{kind}_hash")
            candidates = indexes[kind].get(value) if value else None
            if candidates:
                best = min(candidates, key=lambda c: c.ref)
                matches.append(PrivateMatch(vendor_ref=best.ref, partner_ref=row.ref, evidence=kind,
                                            confidence=strength, vendor_populations=best.populations,
                                            partner_populations=row.populations))
                break
    cells: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m in matches:
        for vp in m.vendor_populations:
            for pp in m.partner_populations:
                cells[(vp, pp)].add(m.vendor_ref)
    summary = [PopulationCount(vendor_population=vp, partner_population=pp, count=len(refs))
               for (vp, pp), refs in sorted(cells.items())]
    overlap = len({m.vendor_ref for m in matches})
    released = "rows" if overlap >= min_overlap else "counts"
    return PrivateMappingResult(overlap=overlap, min_overlap=min_overlap, released=released, summary=summary,
                                matches=matches if released == "rows" else [])


# --- the copilot as broker: files each party hashes, the vendor's published digests, the match ------

VENDOR_POPULATIONS = ("customer", "open_opportunity", "prospect", "former_customer")
PARTNER_POPULATIONS = ("customer", "open_opportunity", "prospect")
_PUBLISHED = "private_mapping_vendor_digests:"  # meta key prefix, + partner id


class HashedFile(BaseModel):
    """A party's digests as a file: written by `cosell map-private hash` / `hash-accounts`."""

    party: Literal["vendor", "partner"]
    partner_id: str | None = None
    rows: list[HashedRow]


class PublishedDigests(BaseModel):
    partner_id: str
    rows: int
    published_by: str
    published_at: str


class PrivateOverlapResponse(BaseModel):
    partner_id: str
    overlap: int = Field(description="distinct vendor rows matched")
    min_overlap: int
    released: str = Field(description="'rows' when matches are shown, else 'counts'")
    summary: list[PopulationCount]
    matches: list[PrivateMatch] = Field(description="empty unless released == 'rows'")
    note: str


def read_secret(path: Path) -> bytes:
    """The shared secret from a file (never from the command line, where shells keep history)."""
    try:
        secret = Path(path).read_bytes().strip()
    except OSError as exc:
        raise BadInput(f"cannot read the secret file {path}: {exc.strerror}") from exc
    if len(secret) < MIN_SECRET_BYTES:
        raise BadInput(f"the secret in {path} is shorter than {MIN_SECRET_BYTES} bytes (use a random key)")
    return secret


def _csv_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """(line where the record starts, row) for a CSV in the import format (DATA.md)."""
    try:
        with open(path, newline="", encoding="utf-8-sig") as fh:
            reader, rows, line = csv.DictReader(fh), [], 2
            for row in reader:
                rows.append((line, {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}))
                line = reader.line_num + 1
            missing = {"account_name", "status"} - set(reader.fieldnames or [])
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise BadInput(f"cannot read {path}: {exc}") from exc
    if missing:
        raise BadInput(f"{path.name}: missing column(s) {', '.join(sorted(missing))}")
    return rows


def partner_rows_from_csv(path: Path, partner_id: str | None = None) -> tuple[str | None, list[PartyRow]]:
    """One partner's rows of a partner_accounts.csv; each row's ref is its line ('line-17'), which
    tells the vendor nothing and lets the partner find the row again."""
    rows = _csv_rows(Path(path))
    partners = {r.get("partner_id") for _, r in rows if r.get("partner_id")}
    if partner_id is None and len(partners) > 1:
        raise BadInput(f"{Path(path).name} holds rows of {len(partners)} partners: name one with --partner")
    partner_id = partner_id or next(iter(partners), None)
    out = []
    for line, row in rows:
        if row.get("partner_id") and row["partner_id"] != partner_id:
            continue
        status = row["status"].lower()
        if status not in PARTNER_POPULATIONS:
            raise BadInput(f"{Path(path).name} line {line}, column status: '{row['status']}' is not one of "
                           f"{', '.join(PARTNER_POPULATIONS)}")
        if not row["account_name"]:
            raise BadInput(f"{Path(path).name} line {line}, column account_name: empty")
        out.append(PartyRow(ref=f"line-{line}", name=row["account_name"], domain=row.get("domain") or None,
                            country=row.get("country") or None, populations=[status]))
    return partner_id, out


def hash_partner_csv(path: Path, secret: bytes, partner_id: str | None = None) -> HashedFile:
    """The partner's side, offline: its partner_accounts.csv hashed with the shared secret."""
    partner_id, rows = partner_rows_from_csv(path, partner_id)
    return HashedFile(party="partner", partner_id=partner_id, rows=hash_rows(rows, secret))


def hash_vendor_accounts(ctx: ToolContext, scope: Scope, secret: bytes) -> HashedFile:
    """The vendor's side: its accounts (ref = account id) with their populations, hashed. Only the
    vendor's own users may run it; the digests go to the broker, never to the partner."""
    if not scope.is_internal:
        raise Forbidden(f"user '{scope.user_id}' may not hash the vendor's accounts")
    with ctx.records(scope) as rec:
        accounts = rec.session.execute(select(Account.account_id, Account.name, Account.domain, Account.country,
                                              Account.status).order_by(Account.account_id)).all()
        open_ids = set(rec.session.scalars(select(Opportunity.account_id).where(
            Opportunity.stage.not_in(("closed_won", "closed_lost")))))
    rows = [PartyRow(ref=a, name=n, domain=d, country=c, populations=[
        p for p in VENDOR_POPULATIONS if p == s or (p == "open_opportunity" and a in open_ids)])
        for a, n, d, c, s in accounts]
    return HashedFile(party="vendor", rows=hash_rows(rows, secret))


def _check_populations(rows: Sequence[HashedRow], allowed: tuple[str, ...], side: str) -> None:
    for row in rows:
        unknown = set(row.populations) - set(allowed)
        if unknown:
            raise BadInput(f"{side} row '{row.ref}': unknown population(s) {', '.join(sorted(unknown))}")


def publish_vendor_digests(ctx: ToolContext, scope: Scope, partner_id: str, digests: HashedFile) -> PublishedDigests:
    """The vendor hands its digests for one partner to the broker (kept in meta), so the partner can
    submit its own and get the result without ever seeing the vendor's digests."""
    scope.require("map")
    if not scope.is_internal:
        raise Forbidden(f"user '{scope.user_id}' may not publish the vendor's digests")
    if digests.party != "vendor":
        raise BadInput("these are a partner's digests; publish the vendor's (cosell map-private hash-accounts)")
    _check_populations(digests.rows, VENDOR_POPULATIONS, "vendor")
    with ctx.records(scope) as rec:
        rec.partner(partner_id)
    published = PublishedDigests(partner_id=partner_id, rows=len(digests.rows), published_by=scope.user_id,
                                 published_at=dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat())
    ctx.store.set_meta(_PUBLISHED + partner_id, {**published.model_dump(),
                                                 "digests": [r.model_dump() for r in digests.rows]})
    return published


def private_overlaps(ctx: ToolContext, scope: Scope, partner_id: str, partner_rows: Sequence[HashedRow],
                     vendor_rows: Sequence[HashedRow] | None = None) -> PrivateOverlapResponse:
    """The broker's match of a partner's digests with the vendor's (published for that partner, or
    given by one of the vendor's users). Counts per population pair always; the matched references
    only at `mapping_min_overlap` overlapping accounts or more, and only as far as CLI.md's sharing
    rules for `map` let this caller see rows."""

    scope.require("map")
    scope.require_partner(partner_id)
    with ctx.records(scope) as rec:
        sharing = rec.partner(partner_id).account_sharing
    if vendor_rows is not None and not scope.is_internal:
        raise Forbidden(f"user '{scope.user_id}' may not supply the vendor's digests")
    if vendor_rows is None:
        stored = ctx.store.get_meta(_PUBLISHED + partner_id)
        if not stored:
            raise BadInput(f"the vendor has not published digests for partner '{partner_id}' "
                           "(cosell map-private publish)")
        vendor_rows = [HashedRow.model_validate(r) for r in stored["digests"]]
    _check_populations(partner_rows, PARTNER_POPULATIONS, "partner")
    _check_populations(vendor_rows, VENDOR_POPULATIONS, "vendor")
    result = match_hashed(vendor_rows, partner_rows, ctx.settings.mapping_min_overlap)
    visibility = row_visibility(scope, sharing, ctx.vendor().get("account_sharing"))
    shown = result.released == "rows" and visibility.rows_shown
    note = ("matched references released" if shown else
            f"{result.overlap} overlapping accounts, fewer than the minimum of {result.min_overlap}: counts only"
            if result.released == "counts" else f"counts only: {visibility.note}")
    return PrivateOverlapResponse(partner_id=partner_id, overlap=result.overlap, min_overlap=result.min_overlap,
                                  released="rows" if shown else "counts", summary=result.summary,
                                  matches=result.matches if shown else [], note=note)
