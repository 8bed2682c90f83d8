"""Account mapping: the accounts we share with each partner, why each match was made, and what to do.

Matching is system-level (every vendor account against every partner row, read with `Scope.system()`)
and cached in memory by a fingerprint of the data it used, so repeated calls are fast. What a caller
sees is decided afterwards, here and only here (CLI.md, "Who may see what"):

- `summary` always counts every matched pair, whoever asks (it reveals no account);
- `overlaps` (the rows) are shown to admins and channel managers when the partner's `account_sharing`
  is `accounts`, and to a partner seller of P when vendor.yaml's `account_sharing` is `accounts`.
  With `counts` or `none` the rows are withheld; `none` therefore differs from `counts` only in intent
  (the summary stays complete, as CLI.md says), and `sharing` in the response says which rule applied.

A person's corrections (confirm / reject, stored in `match_corrections`, keyed by the partner row's
stable `row_key`) are applied before the matcher's own choice.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass

import polars as pl
from pydantic import BaseModel, Field
from sqlalchemy import delete, select

from assistant.context import AppContext
from assistant.errors import BadInput, NotFound
from retrieval.records import Account, MatchCorrection, Opportunity, Partner, PartnerAccount
from retrieval.scope import Scope
from tools import entity_resolution as er
from tools.registry import register_tool

VENDOR_POPULATIONS = ("customer", "open_opportunity", "prospect", "former_customer")
PARTNER_POPULATIONS = ("customer", "open_opportunity", "prospect")
SHARING_LEVELS = ("none", "counts", "accounts")
CLOSED_STAGES = ("closed_won", "closed_lost")

# (signal, test on (vendor populations, partner population), reason); the first that applies wins.
SIGNALS = (
    ("intro_request", lambda v, p: p == "customer" and "open_opportunity" in v,
     ("{partner} has {account} as a customer and we have an open opportunity there: ask {partner} for an "
      "introduction")),
    ("referral_target", lambda v, p: p == "customer" and "prospect" in v,
     "{account} is our prospect and a customer of {partner}: ask {partner} for a referral"),
    ("joint_account_plan", lambda v, p: p == "customer" and "customer" in v,
     "{account} is a customer of both: plan the account together (expansion, upsell)"),
    ("co_sell", lambda v, p: p == "open_opportunity" and "open_opportunity" in v,
     "we and {partner} both have an open opportunity at {account}: coordinate the pursuit"),
    ("win_back", lambda v, p: p == "customer" and "former_customer" in v,
     "{account} is a former customer of ours and a customer of {partner}: a win-back with {partner}"),
    ("awareness", lambda v, p: True,
     ("{partner} lists {account} as {partner_population}; for us it is {vendor_populations}: keep each other "
      "informed")),
)


class OverlapCell(BaseModel):
    vendor_population: str
    partner_population: str
    count: int = Field(description="distinct vendor accounts in this cell")


class Overlap(BaseModel):
    account_id: str
    account_name: str
    vendor_populations: list[str]
    partner_account_name: str
    partner_population: str
    confidence: float
    evidence: list[str] = Field(description="why the two records are the same company, checkable by a person")
    signal: str = Field(description="intro_request | referral_target | joint_account_plan | co_sell | win_back "
                                    "| awareness")
    signal_reason: str
    row_key: str = Field(description="the partner row (stable across re-ingests); use it to confirm/reject")


class Sharing(BaseModel):
    partner_side: str = Field(description="what the partner shares: none | counts | accounts | own")
    vendor_side: str = Field(description="what the vendor shares with this caller: none | counts | accounts | all")
    rows_shown: bool
    note: str


class MappingResponse(BaseModel):
    partner_id: str
    summary: list[OverlapCell]
    overlaps: list[Overlap]
    sharing: Sharing


class Relationship(BaseModel):
    """A matched (partner row, vendor account) pair, system-level: for match and next-best-action tools,
    which must apply their own scope before showing anything."""

    partner_id: str
    account_id: str
    partner_population: str
    confidence: float
    evidence: list[str]
    signal: str
    signal_reason: str = ""
    row_key: str = ""
    account_name: str = ""
    partner_account_name: str = ""
    vendor_populations: list[str] = Field(default_factory=list)


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


# --- reading the data (system-level; nothing read here is shown without the rules below) -----------


@dataclass
class _Data:
    accounts: list[tuple]  # account_id, name, domain, country, status
    rows: list[tuple]  # row_key, partner_id, account_name, domain, country, status
    open_accounts: set[str]
    partner_names: dict[str, str]
    corrections: list[MatchCorrection]

    def match_fingerprint(self) -> str:
        """What the matching depends on: ids, names, domains and countries on both sides."""
        return _digest([[(a[0], a[1], a[2], a[3]) for a in self.accounts],
                        [(r[0], r[2], r[3], r[4]) for r in self.rows]])

    def fingerprint(self) -> str:
        """Everything a relationship shows: also statuses, open deals, partner names, corrections."""
        corrections = [(c.partner_id, c.row_key, c.account_id, c.decision, c.decided_by, c.decided_at)
                       for c in self.corrections]
        return _digest([self.accounts, self.rows, sorted(self.open_accounts), sorted(self.partner_names.items()),
                        sorted(corrections, key=str)])


def _digest(tables: list[list]) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for table in tables:
        for row in table:
            digest.update("\x1f".join("" if x is None else str(x) for x in row).encode() + b"\x1e")
        digest.update(b"\x1d")
    return digest.hexdigest()


def _read(ctx: AppContext) -> _Data:
    """Everything matching needs, vendor-wide (`Scope.system()`): matching must see every account even
    when a partner seller asks. Only the rules in `map_accounts` decide what leaves this module."""
    with ctx.records(Scope.system()) as rec:
        session = rec.session  # column reads: ORM objects for a million rows would be slow
        accounts = [tuple(r) for r in session.execute(select(
            Account.account_id, Account.name, Account.domain, Account.country, Account.status
        ).order_by(Account.account_id))]
        rows = [tuple(r) for r in session.execute(select(
            PartnerAccount.row_key, PartnerAccount.partner_id, PartnerAccount.account_name, PartnerAccount.domain,
            PartnerAccount.country, PartnerAccount.status
        ).order_by(PartnerAccount.partner_id, PartnerAccount.line, PartnerAccount.row_key))]
        open_accounts = set(session.scalars(select(Opportunity.account_id).where(
            Opportunity.stage.not_in(CLOSED_STAGES)).distinct()))
        names = dict(session.execute(select(Partner.partner_id, Partner.name)).all())
        corrections = list(session.scalars(select(MatchCorrection)))
    return _Data(accounts, rows, open_accounts, names, corrections)


# --- matching, cached ------------------------------------------------------------------------------


@dataclass
class Matched:
    vendor: er.Prepared
    partner: er.Prepared
    candidates: pl.DataFrame  # p, v, rank, confidence, name_sim, domain, country


_LOCK = threading.Lock()
_CACHE: OrderedDict[str, Matched] = OrderedDict()  # matching runs, by data fingerprint
_RELATIONS: OrderedDict[str, dict[str, list[Relationship]]] = OrderedDict()  # explained, per partner
_CACHE_SIZE = 2


def _remember(cache: OrderedDict, key: str, value):
    with _LOCK:
        cache[key] = value
        cache.move_to_end(key)
        while len(cache) > _CACHE_SIZE:
            cache.popitem(last=False)
    return value


def _frame(rows: list[tuple], columns: tuple[int, int, int, int]) -> pl.DataFrame:
    names = ("key", "name", "domain", "country")
    data = {n: [r[i] for r in rows] for n, i in zip(names, columns)}
    return pl.DataFrame(data, schema={n: pl.String for n in names})


def match_frames(accounts: pl.DataFrame, rows: pl.DataFrame) -> Matched:
    """The matcher core on two frames of key, name, domain, country (vendor accounts; partner rows of
    every partner at once, so word rarity is measured over the whole ecosystem)."""
    vendor, partner = er.prepare(accounts), er.prepare(rows)
    return Matched(vendor, partner, er.match_sides(vendor, partner))


def choose(matched: Matched, corrections: pl.DataFrame | None = None) -> pl.DataFrame:
    """The chosen account per partner row (see `apply_corrections`)."""
    if corrections is None:
        corrections = _corrections_frame([])
    return apply_corrections(matched.candidates, matched.partner.frame["key"], matched.vendor.frame["key"],
                             corrections)


def _matched(ctx: AppContext, data: _Data) -> Matched:
    key = f"{ctx.store.url}|{data.match_fingerprint()}"
    with _LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
    return _remember(_CACHE, key, match_frames(_frame(data.accounts, (0, 1, 2, 3)), _frame(data.rows, (0, 2, 3, 4))))


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
            .filter(pl.col("confidence") >= er.MATCH_THRESHOLD)
            .sort("rank").unique("row_key", keep="first")
            .select("row_key", "account_id", "confidence", "name_sim", "domain", "country"))
    confirmed = (confirmed.join(cand.select("row_key", "account_id", "name_sim", "domain", "country"),
                                on=["row_key", "account_id"], how="left")
                 .with_columns(confidence=pl.lit(1.0, pl.Float32)))
    best = best.with_columns(decided_by=pl.lit(None, pl.String), decided_at=pl.lit(None, pl.Datetime("us")))
    columns = ["row_key", "account_id", "confidence", "name_sim", "domain", "country", "decided_by", "decided_at"]
    return (pl.concat([confirmed.select(columns), best.select(columns)], how="vertical_relaxed")
            .with_columns(pl.col("confidence").cast(pl.Float64).round(3)).sort("row_key"))


def _corrections_frame(corrections: list[MatchCorrection]) -> pl.DataFrame:
    schema = {"row_key": pl.String, "account_id": pl.String, "decision": pl.String, "decided_by": pl.String,
              "decided_at": pl.Datetime("us")}
    return pl.DataFrame([{k: getattr(c, k) for k in schema} for c in corrections], schema=schema)


def signal_for(vendor_populations: list[str], partner_population: str, partner: str,
               account: str) -> tuple[str, str]:
    for name, test, reason in SIGNALS:
        if test(set(vendor_populations), partner_population):
            return name, reason.format(partner=partner, account=account, partner_population=partner_population,
                                       vendor_populations=" and ".join(vendor_populations).replace("_", " "))
    raise AssertionError("the last signal always applies")


def _vendor_populations(status: str, account_id: str, open_accounts: set[str]) -> list[str]:
    found = {status} | ({"open_opportunity"} if account_id in open_accounts else set())
    return [p for p in VENDOR_POPULATIONS if p in found]


def account_relationships(ctx: AppContext, partner_ids: list[str] | None = None) -> list[Relationship]:
    """Every matched (partner row, vendor account) pair, system-level, with evidence and co-sell signal,
    grouped by partner. Callers show these only within their own scope. Cached by data fingerprint."""
    data = _read(ctx)
    key = f"{ctx.store.url}|{data.fingerprint()}"
    with _LOCK:
        by_partner = _RELATIONS.get(key)
    by_partner = by_partner if by_partner is not None else _remember(_RELATIONS, key, {})
    wanted = sorted(set(partner_ids) if partner_ids is not None else {r[1] for r in data.rows})
    missing = {p for p in wanted if p not in by_partner}
    if missing:
        computed = _relationships(data, _matched(ctx, data), missing)
        for pid in missing:
            by_partner[pid] = computed.get(pid, [])
    return [rel for pid in wanted for rel in by_partner[pid]]


def _relationships(data: _Data, matched: Matched, partner_ids: set[str]) -> dict[str, list[Relationship]]:
    rows = {r[0]: r for r in data.rows}
    accounts = {a[0]: a for a in data.accounts}
    v_index = {k: i for i, k in enumerate(matched.vendor.frame["key"].to_list())}
    p_index = {k: i for i, k in enumerate(matched.partner.frame["key"].to_list())}
    out: dict[str, list[Relationship]] = {}
    for c in choose(matched, _corrections_frame(data.corrections)).iter_rows(named=True):
        row, account = rows[c["row_key"]], accounts[c["account_id"]]
        if row[1] not in partner_ids:
            continue
        if c["decided_by"]:
            evidence = [f"confirmed by {c['decided_by']} on {c['decided_at'].date().isoformat()}"]
        else:
            evidence = er.explain(matched.vendor, matched.partner, v_index[c["account_id"]], p_index[c["row_key"]],
                                  c["name_sim"], c["domain"], c["country"])
        populations = _vendor_populations(account[4], account[0], data.open_accounts)
        signal, reason = signal_for(populations, row[5], data.partner_names.get(row[1], row[1]), account[1])
        out.setdefault(row[1], []).append(Relationship(
            partner_id=row[1], account_id=account[0], partner_population=row[5],
            confidence=float(c["confidence"]), evidence=evidence, signal=signal, signal_reason=reason,
            row_key=row[0], account_name=account[1], partner_account_name=row[2], vendor_populations=populations))
    return out


# --- what the caller sees --------------------------------------------------------------------------


def summarize(relationships: list[Relationship]) -> list[OverlapCell]:
    """Distinct vendor accounts per (vendor population, partner population) cell; empty cells omitted."""
    cells: dict[tuple[str, str], set[str]] = {}
    for rel in relationships:
        for vp in rel.vendor_populations:
            cells.setdefault((vp, rel.partner_population), set()).add(rel.account_id)
    order = [(v, p) for v in VENDOR_POPULATIONS for p in PARTNER_POPULATIONS]
    return [OverlapCell(vendor_population=v, partner_population=p, count=len(cells[(v, p)]))
            for v, p in order if (v, p) in cells]


def _level(value: str | None) -> str:
    value = (value or "counts").strip().lower()
    return value if value in SHARING_LEVELS else "counts"  # DATA.md's default for anything unexpected


def row_visibility(scope: Scope, partner_sharing: str | None, vendor_sharing: str | None) -> Sharing:
    """The sharing rules of CLI.md for one caller and one partner."""
    if scope.is_partner:
        vendor_side = _level(vendor_sharing)
        shown = vendor_side == "accounts"
        note = ("the vendor shares matched accounts with partners" if shown else
                f"the vendor shares '{vendor_side}' with partners (vendor.yaml account_sharing): summary only")
        return Sharing(partner_side="own", vendor_side=vendor_side, rows_shown=shown, note=note)
    partner_side = _level(partner_sharing)
    shown = partner_side == "accounts"
    note = ("the partner shares matched accounts" if shown else
            f"the partner shares '{partner_side}' (partners.csv account_sharing): summary only")
    return Sharing(partner_side=partner_side, vendor_side="all", rows_shown=shown, note=note)


# Most actionable first in `overlaps`.
_SIGNAL_ORDER = {name: i for i, name in enumerate(
    ("intro_request", "co_sell", "referral_target", "joint_account_plan", "win_back", "awareness"))}


def map_accounts(ctx: AppContext, scope: Scope, partner_id: str) -> MappingResponse:
    """Overlap between our accounts and what `partner_id` shared, within the caller's sharing rules."""
    scope.require("map")
    scope.require_partner(partner_id)
    with ctx.records(scope) as rec:
        partner = rec.partner(partner_id)
        partner_sharing = partner.account_sharing
    relationships = account_relationships(ctx, [partner_id])
    sharing = row_visibility(scope, partner_sharing, ctx.vendor().get("account_sharing"))
    overlaps = []
    if sharing.rows_shown:
        ordered = sorted(relationships, key=lambda r: (_SIGNAL_ORDER[r.signal], -r.confidence, r.account_name,
                                                       r.row_key))
        overlaps = [Overlap(account_id=r.account_id, account_name=r.account_name,
                            vendor_populations=r.vendor_populations, partner_account_name=r.partner_account_name,
                            partner_population=r.partner_population, confidence=r.confidence, evidence=r.evidence,
                            signal=r.signal, signal_reason=r.signal_reason, row_key=r.row_key)
                    for r in ordered]
    return MappingResponse(partner_id=partner_id, summary=summarize(relationships), overlaps=overlaps,
                           sharing=sharing)


# --- corrections -----------------------------------------------------------------------------------

DECISIONS = ("confirmed", "rejected")


def record_correction(ctx: AppContext, scope: Scope, partner_id: str, row_key: str, account_id: str,
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
        saved = session.merge(MatchCorrection(
            partner_id=partner_id, row_key=row_key, account_id=account_id, decision=decision,
            decided_by=scope.user_id, comment=comment,
            decided_at=dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)))
        session.flush()
        return _correction(saved)


def list_corrections(ctx: AppContext, scope: Scope, partner_id: str | None = None) -> CorrectionList:
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


# --- the assistant's tool --------------------------------------------------------------------------


class MapAccountsArgs(BaseModel):
    partner_id: str = Field(description="the partner to map accounts with, e.g. P-007")


@register_tool("map_accounts", args=MapAccountsArgs)
def map_accounts_tool(ctx: AppContext, scope: Scope, args: MapAccountsArgs) -> MappingResponse:
    """Account mapping with one partner: which of our accounts the partner also has (as customer, open
    opportunity or prospect), counts per population, and per shared account the evidence of the match
    and the co-sell signal (ask for an intro, referral, joint account plan, co-sell, win-back)."""
    return map_accounts(ctx, scope, args.partner_id)
