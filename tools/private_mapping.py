"""Privacy-preserving account mapping: match on keyed hashes instead of names and domains.

Each party normalises its own rows exactly as the open matcher does (`tools.entity_resolution`), then
publishes HMAC-SHA256 digests, keyed with a secret both parties share, of the registrable domain, the
normalised name, and name + country. A broker (the copilot, or a neutral third party) matches digests
by equality only and releases the overlap per population pair; the matched rows are released only when
at least `min_overlap` accounts overlap (`settings.mapping_min_overlap`). The threat model, what each
side learns and why there is no fuzzy matching over hashes, is in docs/private-mapping.md.
"""
from __future__ import annotations

import hashlib
import hmac
from collections import defaultdict
from collections.abc import Iterable, Sequence

import polars as pl
from pydantic import BaseModel, Field

from assistant.errors import BadInput
from tools import entity_resolution as er

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


class HashedRow(BaseModel):
    """What a party publishes: its own reference, populations and keyed digests (no names, no domains)."""

    ref: str
    populations: list[str]
    domain_hash: str | None = None
    name_hash: str | None = None
    name_country_hash: str | None = None


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
                         schema={c: pl.String for c in ("key", "name", "domain", "country")})
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
