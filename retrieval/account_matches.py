"""Account mapping's stored match: the candidate vendor accounts of every partner row, computed once per
content and read by `cosell map P` instead of resolving a million rows per call (issue 22).

System-level data (like the records it is computed from): only `tools.account_mapping.service` reads it,
and what a caller sees is decided there, per partner, under CLI.md's sharing rules. Rows are keyed by
partner, so one partner's answer never reads another partner's candidates.

- `account_match_candidates`: up to three candidates per partner row (rank 0 is the matcher's choice),
  with the features the evidence is written from. Corrections are not stored here: they apply on read.
- `account_match_partners`: per partner, the content hash of its rows and of our accounts (and of the
  resolver's code) its candidates were computed from. A partner whose hashes are unchanged is not
  resolved again; one whose rows changed is, alone.
- meta `account_matches`: the `records_version` the whole table was last checked against. A reader
  serves stored candidates only while it equals the current records version (stale is never served).

Reads go through keyset pagination (`pages`), the same on SQLite and Postgres (team mode).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from sqlalchemy import DateTime, Float, Index, Integer, SmallInteger, String, Text, delete, insert, select
from sqlalchemy.orm import Mapped, Session, mapped_column
from sqlalchemy.sql.elements import ColumnElement

from retrieval.records import Base

STATE_KEY = "account_matches"  # meta key: {"records_version": ..., "vendor_hash": ...}
PAGE_ROWS = 100_000


class MatchCandidate(Base):
    __tablename__ = "account_match_candidates"
    __table_args__ = (Index("ix_amc_partner", "partner_id"),)
    row_key: Mapped[str] = mapped_column(String(128), primary_key=True)
    rank: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    partner_id: Mapped[str] = mapped_column(String(128))
    account_id: Mapped[str] = mapped_column(String(128))
    confidence: Mapped[float] = mapped_column(Float)
    name_sim: Mapped[float] = mapped_column(Float)
    domain: Mapped[int] = mapped_column(SmallInteger)
    country: Mapped[int] = mapped_column(SmallInteger)
    evidence: Mapped[str | None] = mapped_column(Text)  # sentences a person can check, separated by \x1f


class MatchPartnerState(Base):
    __tablename__ = "account_match_partners"
    partner_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    rows_hash: Mapped[str] = mapped_column(String(128))
    vendor_hash: Mapped[str] = mapped_column(String(128))
    rows: Mapped[int] = mapped_column(Integer)
    candidates: Mapped[int] = mapped_column(Integer)
    resolved_at: Mapped[dt.datetime] = mapped_column(DateTime)


CANDIDATE_COLUMNS = ("row_key", "rank", "partner_id", "account_id", "confidence", "name_sim", "domain", "country",
                     "evidence")


def pages(session: Session, columns: Sequence[ColumnElement], key: ColumnElement, where: ColumnElement | None = None,
          size: int | None = None) -> Iterator[list[tuple]]:
    """All rows of `columns`, `size` at a time in `key` order (keyset pagination: each page starts after
    the last key of the one before, so no page re-reads what came before, on SQLite or Postgres).
    `key` must be unique and the first column."""
    size = size or PAGE_ROWS
    last = None
    while True:
        query = select(*columns).order_by(key).limit(size)
        if where is not None:
            query = query.where(where)
        if last is not None:
            query = query.where(key > last)
        rows = [tuple(r) for r in session.execute(query)]
        if not rows:
            return
        yield rows
        if len(rows) < size:
            return
        last = rows[-1][0]


def partner_states(session: Session) -> dict[str, MatchPartnerState]:
    return {s.partner_id: s for s in session.scalars(select(MatchPartnerState))}


def replace_partner(session: Session, partner_id: str, rows_hash: str, vendor_hash: str, n_rows: int,
                    candidates: list[tuple]) -> None:
    """One partner's candidates (tuples in CANDIDATE_COLUMNS order) and state, replacing what was stored."""
    session.execute(delete(MatchCandidate).where(MatchCandidate.partner_id == partner_id))
    for start in range(0, len(candidates), 50_000):
        session.execute(insert(MatchCandidate), [dict(zip(CANDIDATE_COLUMNS, c))
                                                 for c in candidates[start:start + 50_000]])
    session.merge(MatchPartnerState(partner_id=partner_id, rows_hash=rows_hash, vendor_hash=vendor_hash,
                                    rows=n_rows, candidates=len(candidates), resolved_at=dt.datetime.now(dt.UTC)
                                    .replace(tzinfo=None)))


def forget_partners(session: Session, partner_ids: Sequence[str]) -> None:
    """Partners gone from the records: their candidates and state."""
    if partner_ids:
        session.execute(delete(MatchCandidate).where(MatchCandidate.partner_id.in_(list(partner_ids))))
        session.execute(delete(MatchPartnerState).where(MatchPartnerState.partner_id.in_(list(partner_ids))))
