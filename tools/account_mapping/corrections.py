"""A person's corrections to account mapping: confirm or reject one (partner row, vendor account) pair.

Stored in `match_corrections`, keyed by the partner row's stable `row_key`, so they survive re-ingests;
applied before the matcher's own choice (`apply_corrections`). Every correction also writes a new
corrections version to meta, so cached mappings in any process see it without reading the table.
"""
from __future__ import annotations

import datetime as dt
import uuid

import polars as pl
from pydantic import BaseModel
from sqlalchemy import delete, func, select

from assistant.core.errors import BadInput, NotFound
from retrieval.records import MatchCorrection, PartnerAccount
from retrieval.scope import Scope
from tools.account_mapping.er_scoring import MATCH_THRESHOLD
from tools.context import ToolContext

DECISIONS = ("confirmed", "rejected")
CORRECTIONS_VERSION = "match_corrections_version"  # meta key, changed with every correction


def corrections_stamp(ctx: ToolContext) -> tuple:
    """Changes with every confirmed or rejected account match (they change mapping, relationships and
    matching): the version each correction writes, and the table's count and latest time (for
    corrections written some other way). Read without a table scan."""
    with ctx.store.session() as session:
        count, latest = session.execute(select(func.count(), func.max(MatchCorrection.decided_at))).one()
    return ctx.store.get_meta(CORRECTIONS_VERSION).get("id"), count, latest


class Correction(BaseModel):
    partner_id: str
    row_key: str
    account_id: str
    decision: str
    decided_by: str
    comment: str | None = None
    decided_at: dt.datetime


class CorrectionList(BaseModel):
    corrections: list[Correction]


def apply_corrections(candidates: pl.DataFrame, row_keys: pl.Series, account_ids: pl.Series,
                      corrections: pl.DataFrame) -> pl.DataFrame:
    """One vendor account per partner row: a confirmed pair first (confidence 1.0), else the best
    candidate that was not rejected, if it clears MATCH_THRESHOLD. `corrections` has row_key,
    account_id, decision, decided_by, decided_at; returns row_key, account_id, confidence, name_sim,
    domain, country, decided_by, decided_at (null unless confirmed)."""
    cand = candidates.with_columns(row_key=row_keys.gather(candidates["p"]),
                                   account_id=account_ids.gather(candidates["v"]))
    rejected = corrections.filter(pl.col("decision") == "rejected").select("row_key", "account_id")
    confirmed = (corrections.filter(pl.col("decision") == "confirmed")
                 .filter(pl.col("row_key").is_in(row_keys.implode()) & pl.col("account_id").is_in(account_ids.implode()))
                 .sort("decided_at", descending=True).unique("row_key", keep="first")
                 .select("row_key", "account_id", "decided_by", "decided_at"))
    best = (cand.join(rejected, on=["row_key", "account_id"], how="anti")
            .join(confirmed.select("row_key"), on="row_key", how="anti")
            .filter(pl.col("confidence") >= MATCH_THRESHOLD)
            .sort("rank").unique("row_key", keep="first")
            .select("row_key", "account_id", "confidence", "name_sim", "domain", "country"))
    confirmed = (confirmed.join(cand.select("row_key", "account_id", "name_sim", "domain", "country"),
                                on=["row_key", "account_id"], how="left")
                 .with_columns(confidence=pl.lit(1.0, pl.Float32)))
    best = best.with_columns(decided_by=pl.lit(None, pl.String), decided_at=pl.lit(None, pl.Datetime("us")))
    columns = ["row_key", "account_id", "confidence", "name_sim", "domain", "country", "decided_by", "decided_at"]
    return (pl.concat([confirmed.select(columns), best.select(columns)], how="vertical_relaxed")
            .with_columns(pl.col("confidence").cast(pl.Float64).round(3)).sort("row_key"))


def corrections_frame(corrections: list[MatchCorrection]) -> pl.DataFrame:
    schema = {"row_key": pl.String, "account_id": pl.String, "decision": pl.String, "decided_by": pl.String,
              "decided_at": pl.Datetime("us")}
    return pl.DataFrame([{k: getattr(c, k) for k in schema} for c in corrections], schema=schema)


def record_correction(ctx: ToolContext, scope: Scope, partner_id: str, row_key: str, account_id: str,
                      decision: str, comment: str | None = None) -> Correction:
    """A person confirms or rejects one (partner row, account) pair; applied before the matcher's choice.
    Confirming a row's account replaces an earlier confirmation of another account for that row."""
    scope.require("correct_matches")
    if decision not in DECISIONS:
        raise BadInput(f"decision must be one of {', '.join(DECISIONS)}, not '{decision}'")
    with ctx.records(scope) as rec:
        rec.partner(partner_id)
        row = rec.session.get(PartnerAccount, row_key)
        if row is None or row.partner_id != partner_id:
            raise NotFound(f"unknown partner account row '{row_key}' for partner '{partner_id}'")
        rec.account(account_id)
        session = rec.session
        if decision == "confirmed":
            session.execute(delete(MatchCorrection).where(
                MatchCorrection.partner_id == partner_id, MatchCorrection.row_key == row_key,
                MatchCorrection.decision == "confirmed", MatchCorrection.account_id != account_id))
        ctx.store.set_meta(CORRECTIONS_VERSION, {"id": uuid.uuid4().hex}, session=session)
        saved = session.merge(MatchCorrection(
            partner_id=partner_id, row_key=row_key, account_id=account_id, decision=decision,
            decided_by=scope.user_id, comment=comment,
            decided_at=dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)))
        session.flush()
        return _correction(saved)


def list_corrections(ctx: ToolContext, scope: Scope, partner_id: str | None = None) -> CorrectionList:
    scope.require("correct_matches")
    with ctx.records(scope) as rec:
        stmt = select(MatchCorrection).order_by(MatchCorrection.partner_id, MatchCorrection.row_key,
                                                MatchCorrection.account_id)
        if partner_id is not None:
            rec.partner(partner_id)
            stmt = stmt.where(MatchCorrection.partner_id == partner_id)
        return CorrectionList(corrections=[_correction(c) for c in rec.session.scalars(stmt)])


def _correction(row: MatchCorrection) -> Correction:
    return Correction(partner_id=row.partner_id, row_key=row.row_key, account_id=row.account_id,
                      decision=row.decision, decided_by=row.decided_by, comment=row.comment,
                      decided_at=row.decided_at)
