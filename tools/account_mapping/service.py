"""Account mapping: the accounts we share with each partner, why each match was made, and what to do.

Matching is system-level (every vendor account against every partner row, read with `Scope.system()`)
and cached per records version (`ctx.cached`: ingest's `records_version`) and corrections, so a
repeated call reads no table. What a caller sees is decided afterwards, here and only here (CLI.md,
"Who may see what"):

- `summary` always counts every matched pair, whoever asks (it reveals no account);
- `overlaps` (the rows) are shown to admins and channel managers when the partner's `account_sharing`
  is `accounts`, and to a partner seller of P when vendor.yaml's `account_sharing` is `accounts`.
  With `counts` or `none` the rows are withheld; `none` therefore differs from `counts` only in intent
  (the summary stays complete, as CLI.md says), and `sharing` in the response says which rule applied.

A person's corrections (confirm / reject, `tools.account_mapping.corrections`) are applied before the
matcher's own choice.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

import polars as pl
from pydantic import BaseModel, Field, TypeAdapter
from sqlalchemy import select

from retrieval.account_matches import MatchCandidate
from retrieval.records import Account, MatchCorrection, Meta, Opportunity, Partner, PartnerAccount
from retrieval.scope import Scope
from tools.account_mapping import entity_resolution as er
from tools.account_mapping import stored
from tools.account_mapping.corrections import (  # re-exported: the CLI and the API call them from here
    Correction,
    CorrectionList,
    apply_corrections,
    corrections_frame,
    corrections_stamp,
    list_corrections,
    record_correction,
)
from tools.account_mapping.entity_resolution import (  # noqa: F401  re-exported for partner matching and registrations
    normalize_name,
    normalize_name_list,
    prepare,
    registrable_domain,
    registrable_domain_list,
)
from tools.account_mapping.er_scoring import MATCH_THRESHOLD
from tools.context import ToolContext
from tools.registry import register_tool

__all__ = [
    "Correction",
    "CorrectionList",
    "MappingResponse",
    "Relationship",
    "account_relationships",
    "apply_corrections",
    "choose",
    "list_corrections",
    "map_accounts",
    "map_accounts_data",
    "match_frames",
    "record_correction",
    "refresh_stored_matches",
]

log = logging.getLogger(__name__)
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
    shared_accounts: int = 0  # our accounts the partner's rows match, each counted once (like the summary, no names)


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


_RELATIONSHIPS = TypeAdapter(list[Relationship])


# --- reading the data (system-level; nothing read here is shown without the rules below) -----------


@dataclass
class _Data:
    accounts: list[tuple]  # account_id, name, domain, country, status
    rows: list[tuple]  # row_key, partner_id, account_name, domain, country, status
    open_accounts: set[str]
    partner_names: dict[str, str]
    corrections: list[MatchCorrection]
    version: str | None  # the records_version these rows were read under (None: never ingested)


_ACCOUNT_COLUMNS = (Account.account_id, Account.name, Account.domain, Account.country, Account.status)
_ROW_COLUMNS = (PartnerAccount.row_key, PartnerAccount.partner_id, PartnerAccount.account_name, PartnerAccount.domain,
                PartnerAccount.country, PartnerAccount.status)


def _read(ctx: ToolContext) -> _Data:
    """Everything matching needs, vendor-wide (`Scope.system()`): matching must see every account even
    when a partner seller asks. Only the rules in `map_accounts` decide what leaves this module."""
    with ctx.records(Scope.system()) as rec:
        session = rec.session  # column reads: ORM objects for a million rows would be slow
        accounts = [tuple(r) for r in session.execute(select(*_ACCOUNT_COLUMNS).order_by(Account.account_id))]
        rows = [tuple(r) for r in session.execute(select(*_ROW_COLUMNS).order_by(
            PartnerAccount.partner_id, PartnerAccount.line, PartnerAccount.row_key))]
        open_accounts = set(session.scalars(select(Opportunity.account_id).where(
            Opportunity.stage.not_in(CLOSED_STAGES)).distinct()))
        names = dict(session.execute(select(Partner.partner_id, Partner.name)).all())
        corrections = list(session.scalars(select(MatchCorrection)))
        version = (session.scalar(select(Meta.value).where(Meta.key == "records_version")) or {}).get("id")
    return _Data(accounts, rows, open_accounts, names, corrections, version)


_CANDIDATE_SCHEMA = {"row_key": pl.String, "rank": pl.Int64, "account_id": pl.String, "confidence": pl.Float32,
                     "name_sim": pl.Float32, "domain": pl.Int8, "country": pl.Int8, "evidence": pl.String}


def _read_stored(ctx: ToolContext, partner_ids: list[str]) -> tuple[_Data, pl.DataFrame]:
    """Some partners' stored candidates and only the records they need: those partners' rows that have a
    candidate or a correction, the accounts among their candidates or corrections, open deals on those
    accounts (joined in SQL). One partner's answer reads no other partner's rows or candidates."""
    c = MatchCandidate
    theirs = c.partner_id.in_(partner_ids)
    with ctx.records(Scope.system()) as rec:
        session = rec.session.connection()  # Core rows, not ORM: tens of thousands of them
        # below the threshold a candidate is never chosen (a confirmed pair shows its confirmation instead)
        candidates = pl.DataFrame([tuple(r) for r in session.execute(select(
            c.row_key, c.rank, c.account_id, c.confidence, c.name_sim, c.domain, c.country, c.evidence).where(
            theirs, c.confidence >= MATCH_THRESHOLD))], schema=_CANDIDATE_SCHEMA, orient="row")
        corrections = list(rec.session.scalars(select(MatchCorrection).where(
            MatchCorrection.partner_id.in_(partner_ids))))
        corrected_rows = sorted({x.row_key for x in corrections})
        corrected_accounts = sorted({x.account_id for x in corrections})
        rows = [tuple(r) for r in session.execute(select(*_ROW_COLUMNS).join(
            c, (c.row_key == PartnerAccount.row_key) & (c.rank == 0)).where(theirs))]  # every row with a candidate
        rows += [tuple(r) for r in session.execute(select(*_ROW_COLUMNS).where(
            PartnerAccount.partner_id.in_(partner_ids), PartnerAccount.row_key.in_(corrected_rows)))]
        named = select(c.account_id).where(theirs, c.confidence >= MATCH_THRESHOLD).distinct()
        accounts = [tuple(r) for r in session.execute(select(*_ACCOUNT_COLUMNS).where(
            Account.account_id.in_(named) | Account.account_id.in_(corrected_accounts)))]
        open_accounts = set(session.scalars(select(Opportunity.account_id).where(
            Opportunity.account_id.in_(named) | Opportunity.account_id.in_(corrected_accounts),
            Opportunity.stage.not_in(CLOSED_STAGES)).distinct()))
        names = dict(session.execute(select(Partner.partner_id, Partner.name).where(
            Partner.partner_id.in_(partner_ids))).all())
    rows = sorted(set(rows))
    accounts.sort()
    return _Data(accounts, rows, open_accounts, names, corrections, ctx.records_version()), candidates


# --- matching --------------------------------------------------------------------------------------
# Ingested stores: the match is stored per partner (`tools.account_mapping.stored`, refreshed by content
# after each ingest) and read for the partners asked about. A store never ingested (records written by
# hand) has no version to key anything on: it is resolved in memory on every call.


@dataclass
class Matched:
    vendor: er.Prepared
    partner: er.Prepared
    candidates: pl.DataFrame  # p, v, rank, confidence, name_sim, domain, country


def _frame(rows: list[tuple], columns: tuple[int, int, int, int]) -> pl.DataFrame:
    names = ("key", "name", "domain", "country")
    data = {n: [r[i] for r in rows] for n, i in zip(names, columns)}
    return pl.DataFrame(data, schema=dict.fromkeys(names, pl.String))


def match_frames(accounts: pl.DataFrame, rows: pl.DataFrame) -> Matched:
    """The matcher core on two frames of key, name, domain, country (vendor accounts; partner rows of
    any partners: word rarity is measured over our accounts, so each row's candidates are the same
    whichever other rows come with it)."""
    vendor, partner = er.prepare_sides(accounts, rows)
    return Matched(vendor, partner, er.match_sides(vendor, partner, keep=stored.KEEP))


def choose(matched: Matched, corrections: pl.DataFrame | None = None) -> pl.DataFrame:
    """The chosen account per partner row (see `apply_corrections`)."""
    if corrections is None:
        corrections = corrections_frame([])
    return apply_corrections(matched.candidates, matched.partner.frame["key"], matched.vendor.frame["key"],
                             corrections)


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


def account_relationships(ctx: ToolContext, partner_ids: list[str] | None = None) -> list[Relationship]:
    """Every matched (partner row, vendor account) pair, system-level, with evidence and co-sell signal,
    grouped by partner. Callers show these only within their own scope. Ingested stores read the stored
    match (refreshed first if an ingest changed the records since), cached in memory per records
    version and corrections."""
    version = ctx.records_version()
    if version is None:
        return _RELATIONSHIPS.validate_python(_relationship_dicts(ctx, partner_ids))
    wanted = sorted(set(partner_ids)) if partner_ids is not None else None
    return ctx.cached("account_mapping.relationship_models",
                      lambda: _RELATIONSHIPS.validate_python(_relationship_dicts(ctx, wanted)),
                      key=tuple(wanted) if wanted is not None else None, stamp=corrections_stamp(ctx),
                      max_entries=256)


def _relationship_dicts(ctx: ToolContext, partner_ids: list[str] | None = None) -> list[dict]:
    """`account_relationships` as plain dicts (shared: never mutate them), for the callers that only
    serialise them (`cosell map` at a million rows: no model per row)."""
    version = ctx.records_version()
    if version is None:
        return _relationships_in_memory(ctx, partner_ids)
    stamp = corrections_stamp(ctx)
    if partner_ids is None:
        with ctx.records(Scope.system()) as rec:
            partner_ids = list(rec.session.scalars(select(PartnerAccount.partner_id).distinct()))
    wanted = sorted(set(partner_ids))
    computed: dict[str, list[dict]] = {}

    def explained(pid: str) -> list[dict]:
        if not computed:  # the first partner not cached yet: read every wanted partner at once
            stored.refresh(ctx)
            data, candidates = _read_stored(ctx, wanted)
            computed.update(_from_candidates(data, candidates, set(wanted)))
            computed.update({p: [] for p in wanted if p not in computed})
        return computed.get(pid, [])

    return [rel for pid in wanted
            for rel in ctx.cached("account_mapping.relationships", lambda pid=pid: explained(pid), key=pid,
                                  stamp=(stamp, version))]


def _relationships_in_memory(ctx: ToolContext, partner_ids: list[str] | None) -> list[dict]:
    """The uncached resolver: every row of the wanted partners against every account, on each call."""
    data = _read(ctx)
    wanted = sorted(set(partner_ids) if partner_ids is not None else {r[1] for r in data.rows})
    rows = [r for r in data.rows if r[1] in set(wanted)]
    matched = match_frames(_frame(data.accounts, (0, 1, 2, 3)), _frame(rows, (0, 2, 3, 4)))
    candidates = matched.candidates.select(
        matched.partner.frame["key"].gather(matched.candidates["p"]).alias("row_key"), "rank",
        matched.vendor.frame["key"].gather(matched.candidates["v"]).alias("account_id"), "confidence", "name_sim",
        "domain", "country").with_columns(stored.evidence_texts(matched.vendor, matched.partner, matched.candidates))
    by_partner = _from_candidates(_Data(data.accounts, rows, data.open_accounts, data.partner_names,
                                        data.corrections, None), candidates, set(wanted))
    return [rel for pid in wanted for rel in by_partner.get(pid, [])]


def _from_candidates(data: _Data, candidates: pl.DataFrame, partner_ids: set[str]) -> dict[str, list[dict]]:
    """Relationships from candidates (row_key, rank, account_id, confidence, name_sim, domain, country,
    evidence): corrections first, then the matcher's choice. `data` holds (at least) the rows of
    `partner_ids` and the accounts the candidates and corrections name."""
    rows = [r for r in data.rows if r[1] in partner_ids]
    row_keys = pl.Series("row_key", [r[0] for r in rows], pl.String)
    account_ids = pl.Series("account_id", [a[0] for a in data.accounts], pl.String)
    indexed = (candidates.join(row_keys.to_frame().with_row_index("p"), on="row_key", how="inner")
               .join(account_ids.to_frame().with_row_index("v"), on="account_id", how="inner")
               .select(pl.col("p").cast(pl.Int64), pl.col("v").cast(pl.Int64), "rank", "confidence", "name_sim",
                       "domain", "country"))
    chosen = (apply_corrections(indexed, row_keys, account_ids, corrections_frame(data.corrections))
              .join(row_keys.to_frame().with_row_index("p"), on="row_key", how="inner")
              .join(account_ids.to_frame().with_row_index("v"), on="account_id", how="left")
              .join(candidates.select("row_key", "account_id", "evidence"), on=["row_key", "account_id"], how="left")
              .sort("row_key"))
    out: dict[str, list[dict]] = {}
    for p, v, confidence, decided_by, decided_at, evidence in chosen.select(
            "p", "v", "confidence", "decided_by", "decided_at", "evidence").iter_rows():
        row, account = rows[p], data.accounts[v]
        if decided_by:
            sentences = [f"confirmed by {decided_by} on {decided_at.date().isoformat()}"]
        else:
            sentences = evidence.split(stored.EVIDENCE_SEPARATOR) if evidence else []
        populations = _vendor_populations(account[4], account[0], data.open_accounts)
        signal, reason = signal_for(populations, row[5], data.partner_names.get(row[1], row[1]), account[1])
        out.setdefault(row[1], []).append(dict(
            partner_id=row[1], account_id=account[0], partner_population=row[5],
            confidence=float(confidence), evidence=sentences, signal=signal, signal_reason=reason,
            row_key=row[0], account_name=account[1], partner_account_name=row[2], vendor_populations=populations))
    return out


# --- what the caller sees --------------------------------------------------------------------------


def summarize(relationships: list[Relationship] | list[dict]) -> list[OverlapCell]:
    """Distinct vendor accounts per (vendor population, partner population) cell; empty cells omitted."""
    return [OverlapCell(**cell) for cell in _summary(relationships)]


def _summary(relationships: list[Relationship] | list[dict]) -> list[dict]:
    cells: dict[tuple[str, str], set[str]] = {}
    for rel in relationships:
        rel = rel if isinstance(rel, dict) else rel.model_dump()
        for vp in rel["vendor_populations"]:
            cells.setdefault((vp, rel["partner_population"]), set()).add(rel["account_id"])
    order = [(v, p) for v in VENDOR_POPULATIONS for p in PARTNER_POPULATIONS]
    return [{"vendor_population": v, "partner_population": p, "count": len(cells[(v, p)])}
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
                f"account rows are withheld: you are a partner seller and the vendor shares only "
                f"'{vendor_side}' with partners (vendor.yaml account_sharing), so you see the summary only")
        return Sharing(partner_side="own", vendor_side=vendor_side, rows_shown=shown, note=note)
    partner_side = _level(partner_sharing)
    shown = partner_side == "accounts"
    note = ("the partner shares matched accounts" if shown else
            f"account rows are withheld: the partner shares only '{partner_side}' (partners.csv "
            f"account_sharing), so everyone at the vendor ({scope.role} included) sees the summary only")
    return Sharing(partner_side=partner_side, vendor_side="all", rows_shown=shown, note=note)


_OVERLAP_FIELDS = tuple(Overlap.model_fields)
# Most actionable first in `overlaps`.
_SIGNAL_ORDER = {name: i for i, name in enumerate(
    ("intro_request", "co_sell", "referral_target", "joint_account_plan", "win_back", "awareness"))}


def map_accounts(ctx: ToolContext, scope: Scope, partner_id: str) -> MappingResponse:
    """Overlap between our accounts and what `partner_id` shared, within the caller's sharing rules."""
    return MappingResponse.model_validate(map_accounts_data(ctx, scope, partner_id))


def map_accounts_data(ctx: ToolContext, scope: Scope, partner_id: str) -> dict:
    """`map_accounts` as the JSON-ready dict of a `MappingResponse` (the CLI writes it without building a
    model per row). The same rules: the caller's scope first, rows only where sharing allows."""
    scope.require("map")
    scope.require_partner(partner_id)  # a partner seller learns nothing of other ids, known or not
    with ctx.records(scope) as rec:
        partner = rec.partner(partner_id)  # any case; NotFound with the valid ids
        partner_id, partner_sharing = partner.partner_id, partner.account_sharing
    relationships = _relationship_dicts(ctx, [partner_id])
    sharing = row_visibility(scope, partner_sharing, ctx.vendor().get("account_sharing"))
    overlaps = []
    if sharing.rows_shown:
        ordered = sorted(relationships, key=lambda r: (_SIGNAL_ORDER[r["signal"]], -r["confidence"], r["account_name"],
                                                       r["row_key"]))
        overlaps = [{k: r[k] for k in _OVERLAP_FIELDS} for r in ordered]
    return {"partner_id": partner_id, "summary": _summary(relationships), "overlaps": overlaps,
            "sharing": sharing.model_dump(), "shared_accounts": len({r["account_id"] for r in relationships})}


def refresh_stored_matches(ctx: ToolContext) -> stored.Refresh | None:
    """After an ingest: re-resolve the partners whose rows (or our accounts) changed, so the next `map`
    reads a stored answer (the doors call this). A failure here loses nothing: the next read refreshes
    first, and never serves what was stored for other records."""
    try:
        return stored.refresh(ctx)
    except Exception:
        log.warning("account mapping: the stored match was not refreshed after ingest", exc_info=True)
        return None


# --- the assistant's tool --------------------------------------------------------------------------


class MapAccountsArgs(BaseModel):
    partner_id: str = Field(description="the partner to map accounts with, e.g. P-007")


@register_tool("map_accounts", args=MapAccountsArgs, pure=True)
def map_accounts_tool(ctx: ToolContext, scope: Scope, args: MapAccountsArgs) -> MappingResponse:
    """Account mapping with one partner: which of our accounts the partner also has (as customer, open
    opportunity or prospect), counts per population, and per shared account the evidence of the match
    and the co-sell signal (ask for an intro, referral, joint account plan, co-sell, win-back)."""
    return map_accounts(ctx, scope, args.partner_id)
