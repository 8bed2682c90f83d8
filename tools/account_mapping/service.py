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

from dataclasses import dataclass

import polars as pl
from pydantic import BaseModel, Field
from sqlalchemy import select

from retrieval.records import Account, MatchCorrection, Meta, Opportunity, Partner, PartnerAccount
from retrieval.scope import Scope
from tools.account_mapping import entity_resolution as er
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
from tools.context import ToolContext
from tools.registry import register_tool

__all__ = ["Correction", "CorrectionList", "MappingResponse", "Relationship", "account_relationships",
           "apply_corrections", "choose", "list_corrections", "map_accounts", "match_frames", "record_correction"]

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


# --- reading the data (system-level; nothing read here is shown without the rules below) -----------


@dataclass
class _Data:
    accounts: list[tuple]  # account_id, name, domain, country, status
    rows: list[tuple]  # row_key, partner_id, account_name, domain, country, status
    open_accounts: set[str]
    partner_names: dict[str, str]
    corrections: list[MatchCorrection]
    version: str | None  # the records_version these rows were read under (None: never ingested)


def _read(ctx: ToolContext) -> _Data:
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
        version = (session.scalar(select(Meta.value).where(Meta.key == "records_version")) or {}).get("id")
    return _Data(accounts, rows, open_accounts, names, corrections, version)


# --- matching, cached ------------------------------------------------------------------------------
# `ctx.cached` keys every value by ingest's `records_version` (read without a table scan); what also
# depends on corrections adds their stamp. A store never ingested (records written by hand) is never
# cached: nothing would tell us it changed.


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
    every partner at once, so word rarity is measured over the whole ecosystem)."""
    vendor, partner = er.prepare_sides(accounts, rows)
    return Matched(vendor, partner, er.match_sides(vendor, partner))


def choose(matched: Matched, corrections: pl.DataFrame | None = None) -> pl.DataFrame:
    """The chosen account per partner row (see `apply_corrections`)."""
    if corrections is None:
        corrections = corrections_frame([])
    return apply_corrections(matched.candidates, matched.partner.frame["key"], matched.vendor.frame["key"],
                             corrections)


def _matched(ctx: ToolContext, data: _Data) -> Matched:
    """The matching run of this records version (corrections do not change it: they apply after). The
    stamp is the version `data` was read under, so a run and the rows it indexes always go together,
    even when an ingest lands between two reads."""
    return ctx.cached("account_mapping.matched", lambda: match_frames(_frame(data.accounts, (0, 1, 2, 3)),
                                                                      _frame(data.rows, (0, 2, 3, 4))),
                      stamp=data.version)


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
    grouped by partner. Callers show these only within their own scope. Cached per records version and
    corrections: while neither an ingest nor a correction changed anything, nothing is read again."""
    stamp = corrections_stamp(ctx)
    data = ctx.cached("account_mapping.data", lambda: _read(ctx), stamp=stamp)
    wanted = sorted(set(partner_ids) if partner_ids is not None else {r[1] for r in data.rows})
    computed: dict[str, list[Relationship]] = {}

    def explained(pid: str) -> list[Relationship]:
        if not computed:  # the first partner not cached yet: explain every partner still missing at once
            computed.update(_relationships(data, _matched(ctx, data), set(wanted)))
        return computed.get(pid, [])

    return [rel for pid in wanted
            for rel in ctx.cached("account_mapping.relationships", lambda pid=pid: explained(pid), key=pid,
                                  stamp=(stamp, data.version))]


def _chosen_rows(data: _Data, matched: Matched, partner_ids: set[str]) -> pl.DataFrame:
    """The chosen pairs of some partners' rows, with each side's row number in the matcher's frames
    (`p` is also the row's place in `data.rows`, which the partner frame was built from)."""
    rows = (matched.partner.frame.select(pl.col("key").alias("row_key")).with_row_index("p")
            .with_columns(pl.Series("partner_id", [r[1] for r in data.rows], pl.String))
            .filter(pl.col("partner_id").is_in(sorted(partner_ids))).drop("partner_id"))
    accounts = matched.vendor.frame.select(pl.col("key").alias("account_id")).with_row_index("v")
    return (choose(matched, corrections_frame(data.corrections)).join(rows, on="row_key", how="inner")
            .join(accounts, on="account_id", how="left"))


def _relationships(data: _Data, matched: Matched, partner_ids: set[str]) -> dict[str, list[Relationship]]:
    out: dict[str, list[Relationship]] = {}
    for c in _chosen_rows(data, matched, partner_ids).iter_rows(named=True):
        row, account = data.rows[c["p"]], data.accounts[c["v"]]  # both frames follow the read order
        if c["decided_by"]:
            evidence = [f"confirmed by {c['decided_by']} on {c['decided_at'].date().isoformat()}"]
        else:
            evidence = er.explain(matched.vendor, matched.partner, c["v"], c["p"], c["name_sim"], c["domain"],
                                  c["country"])
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
                f"account rows are withheld: you are a partner seller and the vendor shares only "
                f"'{vendor_side}' with partners (vendor.yaml account_sharing), so you see the summary only")
        return Sharing(partner_side="own", vendor_side=vendor_side, rows_shown=shown, note=note)
    partner_side = _level(partner_sharing)
    shown = partner_side == "accounts"
    note = ("the partner shares matched accounts" if shown else
            f"account rows are withheld: the partner shares only '{partner_side}' (partners.csv "
            f"account_sharing), so everyone at the vendor ({scope.role} included) sees the summary only")
    return Sharing(partner_side=partner_side, vendor_side="all", rows_shown=shown, note=note)


# Most actionable first in `overlaps`.
_SIGNAL_ORDER = {name: i for i, name in enumerate(
    ("intro_request", "co_sell", "referral_target", "joint_account_plan", "win_back", "awareness"))}


def map_accounts(ctx: ToolContext, scope: Scope, partner_id: str) -> MappingResponse:
    """Overlap between our accounts and what `partner_id` shared, within the caller's sharing rules."""
    scope.require("map")
    scope.require_partner(partner_id)  # a partner seller learns nothing of other ids, known or not
    with ctx.records(scope) as rec:
        partner = rec.partner(partner_id)  # any case; NotFound with the valid ids
        partner_id, partner_sharing = partner.partner_id, partner.account_sharing
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


# --- the assistant's tool --------------------------------------------------------------------------


class MapAccountsArgs(BaseModel):
    partner_id: str = Field(description="the partner to map accounts with, e.g. P-007")


@register_tool("map_accounts", args=MapAccountsArgs, pure=True)
def map_accounts_tool(ctx: ToolContext, scope: Scope, args: MapAccountsArgs) -> MappingResponse:
    """Account mapping with one partner: which of our accounts the partner also has (as customer, open
    opportunity or prospect), counts per population, and per shared account the evidence of the match
    and the co-sell signal (ask for an intro, referral, joint account plan, co-sell, win-back)."""
    return map_accounts(ctx, scope, args.partner_id)
