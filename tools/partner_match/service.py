"""`cosell match`: which partners to bring into a deal, ranked, with reasons and conflicts.

The service reads the deal through the caller's `ScopedRecords` (permission and NotFound decided there),
then scores every partner with a `MatchEngine`: the ecosystem snapshot, the partner matrices and the
model learned from the vendor's history (tools/match_model.py), built once per records version,
account-match corrections and day, and cached in the process with `ctx.cached` (the learned weights also
on disk, so a new CLI process does not retrain).
Signals are in tools/match_features.py. Vendor-wide records are read with `Scope.system()` to build the
engine; the caller only ever gets partner names, scores and reasons, and only admins and channel managers
may match (CLI.md).

Each partner: `score` (0..1), `eligible` (authorised for every product, sells in the account's country),
`reasons` (the signals that lift it most above the average eligible partner, in words with numbers),
`conflicts` (another partner's approved registration on the deal, missing authorisation, wrong country,
engaged on another open deal at the account) and `contributions` (every signal: value, logit effect,
words). Ineligible partners rank after every eligible one, with a reduced score.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from pydantic import BaseModel, Field
from sqlalchemy import select

from retrieval import records as R
from retrieval.scope import Scope
from tools.account_mapping.service import (
    account_relationships,
    corrections_stamp,
    normalize_name_list,
    registrable_domain_list,
)
from tools.context import ToolContext
from tools.directory import service as directory
from tools.locales import LANGUAGE_NAMES
from tools.partner_match import features as mf
from tools.partner_match.lead_selection import choose_lead_ranker
from tools.partner_match.model import (
    MODEL_VERSION,
    HistoryState,
    MatchModel,
    history_as_of,
    top_rows,
)
from tools.partner_match.registration_check import (  # check_registration is re-exported: HELPERS.md names it here
    RegistrationCheckResponse,
    RegistrationProposal,
    check_registration,
)
from tools.partner_match.selection import choose_ranker
from tools.protection import protection_days
from tools.registry import register_tool

log = logging.getLogger(__name__)
AccountRec, DealRec, Relation = mf.AccountRec, mf.DealRec, mf.Relation  # a lead is ranked as a deal without history (tools.leads)
__all__ = [
    "AccountRec",
    "DealRec",
    "MatchArgs",
    "MatchEngine",
    "MatchResponse",
    "PartnerMatch",
    "RankerInfo",
    "RegistrationCheckResponse",
    "RegistrationProposal",
    "Relation",
    "check_registration",
    "current_ranker",
    "get_engine",
    "lead_ranker",
    "match_partners",
]


class MatchArgs(BaseModel):
    opportunity_id: str = Field(description="The opportunity (deal) id, e.g. OPP-0042.")
    top: int = Field(5, ge=1, le=50, description="How many partners to return.")


class Contribution(BaseModel):
    signal: str
    value: float = Field(description="The feature value (0..1; history and engagement are -1..1).")
    contribution: float = Field(description="Effect on the score's logit vs the average eligible partner.")
    reason: str | None = None


class PartnerMatch(BaseModel):
    partner_id: str
    name: str
    score: float
    eligible: bool
    reasons: list[str]
    conflicts: list[str]
    contributions: list[Contribution] = Field(default_factory=list)


class RankerInfo(BaseModel):
    name: str = Field(description="learned, learned_all (relationship weights fitted too), segment (smoothed "
                      "segment win rate) or cold_start (hand-set rules)")
    backtest: dict | None = Field(None, description="its time-split backtest on this vendor's history: "
                                  "hit@1, hit@3, ndcg@5, n (won deals), test_from; null with too little history")
    candidates: dict = Field(default_factory=dict, description="every candidate's backtest figures")


class MatchResponse(BaseModel):
    opportunity_id: str
    model: str = Field("learned", description="the ranker in use: learned, learned_all, segment or cold_start")
    ranker: RankerInfo | None = None
    partners: list[PartnerMatch]


# --- the engine: everything that depends only on the data version and the day ---------------------


@dataclass
class MatchEngine:
    eco: mf.Ecosystem
    matrix: mf.PartnerMatrix
    model: MatchModel
    state: HistoryState  # as of the end of today
    today: dt.date
    protection_days: int = 90

    @classmethod
    def build(cls, eco: mf.Ecosystem, today: dt.date, model: MatchModel | None = None,
              protection_days: int = 90, semantic: Callable | None = None) -> MatchEngine:
        """`semantic(matrix, eco)`: the text fit replacing TF-IDF's (COSELL_MATCH_SEMANTIC=vectors)."""
        matrix = mf.PartnerMatrix(eco)
        if semantic is not None:
            matrix.vector_semantic = semantic(matrix, eco)
        as_of = today + dt.timedelta(days=1)  # everything dated today has happened
        model = model or choose_ranker(eco, matrix, today)
        return cls(eco, matrix, model, history_as_of(matrix, eco, as_of), today, protection_days)

    def match(self, deal: mf.DealRec, top: int = 5, account: mf.AccountRec | None = None,
              relations: list[mf.Relation] | None = None, model: MatchModel | None = None) -> list[PartnerMatch]:
        """`account`: for a deal whose company is not (yet) one of our accounts, e.g. an inbound lead;
        `relations`: partners' relationships with that company (their shared accounts), weighed by the
        ranker in use like account mapping's; `model`: another ranker than the deal ranker (leads:
        `lead_ranker`)."""
        model = model or self.model
        account = account or self.eco.accounts.get(deal.account_id)
        signals = mf.deal_signals(self.matrix, self.state, deal, account, relations=relations)
        rows, scores = top_rows(model, signals, top)
        if not len(rows):
            return []
        eligible = signals.eligible
        reference = signals.X[eligible].mean(axis=0) if eligible.any() else signals.X.mean(axis=0)
        contributions = model.contributions(signals.X[rows], reference)
        return [self._explain(signals, int(i), float(scores[i]), contributions[k])
                for k, i in enumerate(rows)]

    def _explain(self, signals: mf.DealSignals, i: int, score: float, contrib: np.ndarray) -> PartnerMatch:
        texts = signal_texts(self.matrix, signals, i)
        named = _by_signal(signals.X[i], contrib)
        ranked = sorted(named.items(), key=lambda kv: -kv[1][1])
        reasons: list[str] = []
        for name, (_, c) in ranked:  # rate and volume share a text; the segment rate quotes both counts
            text = texts.get(name)
            if c > 0.05 and text and not any(text in r for r in reasons) and len(reasons) < 5:
                reasons = [r for r in reasons if r not in text] + [text]
        deal, pid = signals.deal, self.matrix.ids[i]
        if deal.registered_by == pid:
            ended = self.protection_ended(deal)
            reasons.insert(0, "Registered this deal (approved registration)" if ended is None else
                           f"Registered this deal, but the registration LAPSED: protection ended {ended.isoformat()}")
        elif deal.partner_id == pid:
            reasons.insert(0, "Already engaged on this deal")
        contributions = [Contribution(signal=name, value=round(value, 3), contribution=round(c, 3),
                                      reason=texts.get(name)) for name, (value, c) in ranked]
        return PartnerMatch(partner_id=pid, name=self.matrix.names[i], score=round(score, 3),
                            eligible=bool(signals.eligible[i]), reasons=reasons,
                            conflicts=self._conflicts(signals, i), contributions=contributions)

    def _conflicts(self, signals: mf.DealSignals, i: int) -> list[str]:
        deal, account, pid = signals.deal, signals.account, self.matrix.ids[i]
        conflicts = []
        if deal.registered_by and deal.registered_by != pid:
            owner = self.partner_name(deal.registered_by)
            ended = self.protection_ended(deal)
            conflicts.append(f"Deal registered by {owner} (approved registration)" if ended is None else
                             f"Deal registered by {owner} (registration LAPSED: protection ended "
                             f"{ended.isoformat()})")
        known = self.matrix.products
        missing = [p for p in dict.fromkeys(deal.products)
                   if p.casefold() not in known or not self.matrix.comp[i, known[p.casefold()]]]
        if missing:
            conflicts.append(f"Not authorised for {_join(missing)}")
        if account and account.country and not signals.sells[i]:
            conflicts.append(f"Does not sell in {account.country}")
        joined = self.matrix.partners[i].joined_on
        if joined and joined > self.today:
            conflicts.append(f"Not a partner yet (joins on {joined.isoformat()})")
        others = [d.opportunity_id for d in self.eco.deals_by_account.get(deal.account_id, [])
                  if d.partner_id == pid and not d.is_closed and d.opportunity_id != deal.opportunity_id]
        if others:
            name = account.name if account else deal.account_id
            conflicts.append(f"Engaged on another open deal at {name} ({', '.join(others[:3])})")
        return conflicts

    def protection_ended(self, deal: mf.DealRec) -> dt.date | None:
        """The day the deal's registration stopped protecting it, None while it still does."""
        expires = (deal.created_on or self.today) + dt.timedelta(days=self.protection_days)
        return expires if expires < self.today else None

    def partner_name(self, partner_id: str) -> str:
        i = self.matrix.index.get(partner_id)
        return self.matrix.names[i] if i is not None else partner_id


def _by_signal(x: np.ndarray, contrib: np.ndarray) -> dict[str, tuple[float, float]]:
    """signal -> (value, contribution); the partner-type indicators fold into one `type` signal."""
    out = {name: (float(x[j]), float(contrib[j])) for j, name in enumerate(mf.SIGNALS)}
    types = slice(len(mf.SIGNALS), len(mf.FEATURES))
    out["type"] = (1.0, float(contrib[types].sum()))
    return out


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _pct(value: float) -> str:
    return f"{round(abs(value) * 100)}%"


_RELATION_WORDS = {
    "customer": "Customer relationship with {}",
    "open_opportunity": "Open opportunity with {} in the partner's CRM",
    "prospect": "{} is a prospect in the partner's CRM",
}


def _plural(n: float, word: str) -> str:
    return f"{int(n)} {word}{'' if int(n) == 1 else 's'}"


def signal_texts(matrix: mf.PartnerMatrix, s: mf.DealSignals, i: int) -> dict[str, str | None]:
    """Each signal of partner row `i` in words a channel manager can check, with the numbers."""

    deal, account = s.deal, s.account
    x = dict(zip(mf.SIGNALS, s.X[i]))
    where = account.name if account else deal.account_id
    country, industry = (account.country, account.industry) if account else (None, None)
    products = list(dict.fromkeys(deal.products))
    staff = [(int(matrix.cert[i, col]), name) for name, col in matrix.product_pairs(products)
             if matrix.cert[i, col] > 0]
    (ind_w, ind_n, _), (prod_w, prod_n, _), (cty_w, cty_n, _) = (s.hist[g] for g in mf.GROUPS)
    by_product = "; ".join(f"Won {int(prod_w[j, i])} of {int(prod_n[j, i])} {name} deals"
                           for j, name in enumerate(s.product_names) if prod_n[j, i] > 0) or None
    by_industry = (f"Won {int(ind_w[:, i].sum())} of {int(ind_n[:, i].sum())} {industry} deals"
                   if industry and ind_n[:, i].sum() > 0 else None)
    rel = s.relations.get(i)
    lang = mf.main_language(country)
    return {
        "authorised": f"Authorised for {_join(products)}" if products and s.authorised[i] else None,
        "geography": f"Sells in {country}" if country and s.sells[i] else None,
        "industry": f"Serves {industry}" if industry and x["industry"] == 1 else None,
        "certified": (f"{staff[0][0]} staff certified on {staff[0][1]}"
                      + "".join(f", {n} on {p}" for n, p in staff[1:])) if staff else None,
        "customer": (_RELATION_WORDS["customer"].format(where)
                     + f" (account mapping, confidence {rel.confidence:.2f})") if rel and x["customer"] > 0 else None,
        "relationship": (_RELATION_WORDS.get(rel.population, "Relationship with {}").format(where)
                         + f" (account mapping, confidence {rel.confidence:.2f})") if rel else None,
        "account_history": f"Won {_plural(s.account_wins[i], 'earlier deal')} at {where}"
        if s.account_wins[i] > 0 else None,
        "industry_history": by_industry,
        "product_history": by_product,
        "industry_share": by_industry,
        "product_share": by_product,
        "country_history": f"Won {int(cty_w[:, i].sum())} of {int(cty_n[:, i].sum())} deals in {country}"
        if country and cty_n[:, i].sum() > 0 else None,
        "country_share": f"Won {int(cty_w[:, i].sum())} of {int(cty_n[:, i].sum())} deals in {country}"
        if country and cty_n[:, i].sum() > 0 else None,
        "overall_share": _fair_share_text(s.total_wins[i], s.total_fair[i]),
        "experience": f"{_plural(s.tot_n[i], 'partner deal')} closed with us" if s.tot_n[i] > 0 else None,
        "engagement": _engagement_text(float(s.last3[i]), float(s.prior3[i])),
        "load": f"{_plural(s.load[i], 'open deal')} engaged at the moment",
        "tier": f"{matrix.partners[i].tier.capitalize()} tier",
        "type": f"Partner type: {matrix.partners[i].type.replace('_', ' ')}",
        "language": f"Works in {LANGUAGE_NAMES.get(lang, lang)} ({lang}), the main language of {country}"
        if lang and x["language"] == 1 else None,
        "segment_rate": _segment_text(s, i, by_industry, by_product),
        "similar_rate": _similar_text(s, i, industry),
        "semantic": (f"Description matches the deal (text similarity {s.semantic[i]:.2f}: "
                     f"{', '.join(shared_terms(matrix, deal, i))})") if s.semantic[i] > 0 else None,
    }


def _segment_text(s: mf.DealSignals, i: int, by_industry: str | None, by_product: str | None) -> str | None:
    counted = "; ".join(filter(None, [by_industry, by_product]))
    if not counted:
        return None
    rate = float(s.X[i, mf.SIGNALS.index("segment_rate")]) + s.base_rate
    return (f"Estimated win rate {_pct(rate)} on deals like this vs {_pct(s.base_rate)} for the vendor's "
            f"partner deals ({counted})")


def _similar_text(s: mf.DealSignals, i: int, industry: str | None) -> str | None:
    if s.similar is None or s.similar[1][i] <= 0:
        return None
    wins, deals = int(s.similar[0][i]), int(s.similar[1][i])
    rate = float(s.X[i, mf.SIGNALS.index("similar_rate")]) + s.base_rate
    shared = " or ".join(filter(None, [industry and f"in {industry}", s.product_names and "on " + _join(
        s.product_names)]))
    return (f"Won {wins} of {_plural(deals, 'past deal')} {shared or 'like this one'}: smoothed win rate "
            f"{_pct(rate)} vs {_pct(s.base_rate)} for the vendor's partner deals")


def _fair_share_text(wins: float, fair: float) -> str | None:
    if wins <= 0 or fair <= 0:
        return None
    return (f"Won {_plural(wins, 'deal')} with us, {wins / fair:.1f}x its fair share of the won deals "
            f"it could have taken")


def _engagement_text(last3: float, prior3: float) -> str | None:
    if prior3 <= 0:
        return "Engagement picked up over the last 3 months (none in the 3 before)" if last3 > 0 else None
    change = (last3 - prior3) / prior3
    if abs(change) < 0.05:
        return "Engagement steady over the last 3 months"
    return f"Engagement {'up' if change > 0 else 'down'} {_pct(change)} over the last 3 months"


def shared_terms(matrix: mf.PartnerMatrix, deal: mf.DealRec, i: int, k: int = 3) -> list[str]:
    """The words that make the partner's description match the deal, strongest first."""
    cols, weights = matrix.query(matrix.deal_text(deal))
    if not len(cols):
        return []
    mine = np.asarray(matrix.text_rows[i][:, cols].todense()).ravel() * weights
    best = np.argsort(-mine)[:k]
    return [str(matrix.terms[cols[j]]) for j in best if mine[j] > 0]


# --- loading from the store, per records version ---------------------------------------------------


def _rows(session, model) -> list:
    """Plain rows (attribute access by column name): far cheaper than ORM objects at 100k rows."""
    return list(session.execute(select(model.__table__)).all())


def load_ecosystem(ctx: ToolContext) -> mf.Ecosystem:
    """Every record matching needs, read as the system (aggregated into scores, never shown as rows)."""
    with ctx.records(Scope.system()) as rec:
        rec.scope.require("records")
        eco = mf.Ecosystem.from_rows(_rows(rec.session, R.Partner), _rows(rec.session, R.Account),
                                     _rows(rec.session, R.Opportunity), _rows(rec.session, R.PartnerActivity))
        partner_accounts = _rows(rec.session, R.PartnerAccount)
    eco.relations = load_relations(ctx, eco, partner_accounts)
    return eco


def load_relations(ctx: ToolContext, eco: mf.Ecosystem, partner_accounts: list) -> list[mf.Relation]:
    """Account mapping's relationships, each known from its partner row's `updated_on`; if account
    mapping fails, exact name/domain matches (degraded, logged)."""
    updated = {row.row_key: row.updated_on for row in partner_accounts}
    try:

        return [mf.Relation(r.partner_id, r.account_id, str(r.partner_population), float(r.confidence),
                            _evidence(r.evidence), updated.get(getattr(r, "row_key", "")))
                for r in account_relationships(ctx)]
    except Exception:
        log.warning("account mapping unavailable; matching uses exact name/domain matches", exc_info=True)
    by_key: dict[str, str] = {}
    accounts = list(eco.accounts.values())
    keyed = (registrable_domain_list([a.domain for a in accounts]), normalize_name_list([a.name for a in accounts]))
    for keys in keyed:
        for account, key in zip(accounts, keys):
            if key:
                by_key.setdefault(key, account.account_id)
    domains = registrable_domain_list([row.domain for row in partner_accounts])
    names = normalize_name_list([row.account_name for row in partner_accounts])
    out = []
    for row, domain, name in zip(partner_accounts, domains, names):
        account_id = by_key.get(domain or "") or by_key.get(name or "")
        if account_id:
            confidence = 0.95 if domain and by_key.get(domain) else 0.85
            out.append(mf.Relation(row.partner_id, account_id, row.status, confidence, "exact name/domain",
                                   row.updated_on))
    return out


def _evidence(value) -> str:
    return "; ".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value or "")


def get_engine(ctx: ToolContext) -> MatchEngine:
    """The engine of the records version, the corrections and today (`ctx.cached`: one per process; the
    learned model also on disk). A store never ingested has no version: its engine is built every call."""
    corrections = corrections_stamp(ctx)
    return ctx.cached("partner_match.engine", lambda: _build_engine(ctx, corrections), stamp=corrections)


def _build_engine(ctx: ToolContext, corrections: tuple) -> MatchEngine:
    today, version = ctx.today(), ctx.records_version()  # the version before the data: never newer than it
    eco = load_ecosystem(ctx)
    path = None
    if version is not None:  # a model on disk is only reused for data that says it did not change
        digest = hashlib.sha1(repr((version, corrections, ctx.settings.match_semantic)).encode()).hexdigest()[:16]
        name = f"match-model-v{MODEL_VERSION}-{digest}-{today.isoformat()}.json"
        path = ctx.settings.home_dir / "cache" / name
    model = MatchModel.load(path) if path is not None else None
    semantic = None
    if ctx.settings.match_semantic == "vectors":  # measured against TF-IDF (README, issue 23)
        def semantic(matrix: mf.PartnerMatrix, eco: mf.Ecosystem):
            return directory.text_fit(ctx, matrix.ids, [matrix.deal_text(d) for d in eco.deals])
    engine = MatchEngine.build(eco, today, model, protection_days(ctx), semantic)
    if path is not None and model is None:
        engine.model.save(path)
    return engine


def lead_ranker(ctx: ToolContext) -> MatchModel:
    """The ranker `leads route` uses: chosen by the backtest on past deals seen as leads
    (`tools.partner_match.lead_selection`), built the first time a lead is routed (`ctx.cached`, and on
    disk like the deal ranker), on the deal engine's ecosystem."""
    corrections = corrections_stamp(ctx)

    def build() -> MatchModel:
        engine = get_engine(ctx)
        version = ctx.records_version()
        path = None
        if version is not None:
            digest = hashlib.sha1(repr((version, corrections, ctx.settings.match_semantic)).encode()).hexdigest()[:16]
            path = ctx.settings.home_dir / "cache" / f"lead-model-v{MODEL_VERSION}-{digest}-{engine.today.isoformat()}.json"
        model = MatchModel.load(path) if path is not None else None
        if model is None:
            model = choose_lead_ranker(engine.eco, engine.matrix, engine.today)
            if path is not None:
                model.save(path)
        return model

    return ctx.cached("partner_match.lead_ranker", build, stamp=corrections)


def match_partners(ctx: ToolContext, scope: Scope, opportunity_id: str, top: int = 5) -> MatchResponse:
    """Rank partners for a deal, best first, each with reasons and conflicts (CLI.md `cosell match`)."""
    scope.require("match")
    with ctx.records(scope) as rec:
        deal = mf.DealRec.of(rec.opportunity(opportunity_id))
    engine = get_engine(ctx)
    return MatchResponse(opportunity_id=deal.opportunity_id, model=engine.model.kind,
                         ranker=ranker_info(engine.model), partners=engine.match(deal, top))


def ranker_info(model: MatchModel) -> RankerInfo:
    return RankerInfo(name=model.kind, backtest=model.backtest, candidates=model.candidates)


def current_ranker(ctx: ToolContext) -> RankerInfo:
    """The ranker matching uses on this COSELL_HOME and its backtest figures (`cosell eval`)."""
    return ranker_info(get_engine(ctx).model)


@register_tool("match_partners", args=MatchArgs, pure=True)
def match_partners_tool(ctx: ToolContext, scope: Scope, args: MatchArgs) -> MatchResponse:
    """Rank the vendor's partners for one opportunity (deal) id, best first. Each partner comes with a
    score (0..1), the reasons in plain words (relationship with the account, wins in the industry and on
    the products, certified staff, territory, engagement) and conflicts (another partner's approved
    registration, not authorised for a product, not selling in the account's country). Use it when asked
    which partners to bring into a deal. Admins and channel managers only."""
    return match_partners(ctx, scope, args.opportunity_id, args.top)
