"""Signals for partner-to-deal matching, computed for every partner at once with numpy.

Three layers, so serving, training and the backtest share one code path (no train/serve skew):
- `Ecosystem` (tools/match_records.py): a plain in-memory snapshot of the records matching needs (built from the store, or
  from anything with the DATA.md attribute names, e.g. an import bundle).
- `PartnerMatrix`: the partners' static attributes as matrices (competencies, countries, industries,
  languages, certified staff, activity per month, TF-IDF of descriptions); built once per data version.
- the history (`tools.partner_match.model.HistoryState`): what was known AS OF a date, advanced through time by a
  sweep so that a training example or a backtest deal only ever sees its own past.

`deal_signals(matrix, state, deal, account)` turns one deal into a (partners x FEATURES) matrix plus the
raw numbers the explanations quote. Per-deal work is column lookups and one sparse product: O(partners).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from tools.partner_match.history import HistoryState
from tools.partner_match.matrix import (  # noqa: F401  re-exported: callers use `features as mf`
    _LEGAL_TAIL,
    _SENTENCE,
    _WORD,
    GROUPS,
    PartnerMatrix,
    _month_number,
    _name_words,
    _strength,
    _vocab,
    _words,
)

# The snapshot and the shared constants live in tools.partner_match.records; re-exported because callers use
# `match_features as mf` for both.
from tools.partner_match.records import (  # noqa: F401
    CLOSED,
    DEFAULT_WIN_RATE,
    FEATURES,
    PARTNER_TYPES,
    POPULATION_WEIGHT,
    PRIOR_STRENGTH,
    SIGNALS,
    TIERS,
    AccountRec,
    DealRec,
    Ecosystem,
    PartnerRec,
    Relation,
    _low,
    main_language,
)

# --- one deal against every partner --------------------------------------------------------------



@dataclass
class DealSignals:
    """The feature matrix for one deal (partners x FEATURES) and the raw numbers behind it."""

    deal: DealRec
    account: AccountRec | None
    X: np.ndarray
    eligible: np.ndarray  # authorised for every product, selling in the country, a partner by then
    authorised: np.ndarray
    sells: np.ndarray
    product_names: list[str]  # the deal's known products, in the order of hist["product"] rows
    hist: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]]  # group -> (wins, deals, fair share):
    # each (the deal's values in the group) x partners
    account_wins: np.ndarray
    tot_n: np.ndarray
    total_wins: np.ndarray
    total_fair: np.ndarray  # expected wins under a random pick among the eligible (see HistoryState.fair)
    last3: np.ndarray
    prior3: np.ndarray
    load: np.ndarray
    semantic: np.ndarray
    relations: dict[int, Relation]
    base_rate: float = DEFAULT_WIN_RATE  # the vendor's partner-deal win rate as of the deal
    similar: tuple[np.ndarray, np.ndarray] | None = None  # (wins, deals) sharing the industry or a product


def smoothed_lift(wins: np.ndarray, n: np.ndarray, base_rate: float) -> np.ndarray:
    """Beta-smoothed win rate minus the vendor-wide rate: 2 of 2 is weak evidence, 40 of 50 strong."""
    return (wins + PRIOR_STRENGTH * base_rate) / (n + PRIOR_STRENGTH) - base_rate


def segment_rate(groups: list[tuple[np.ndarray, np.ndarray]], tot_w: np.ndarray, tot_n: np.ndarray,
                 base_rate: float) -> np.ndarray:
    """Empirical-Bayes win rate in the deal's segment: per group (industry, products) the partner's wins
    over its deals there, shrunk toward its own overall rate, which is shrunk toward the vendor's; the
    mean over the groups. Thin data says little: 1 of 1 stays near the partner's (or the vendor's) rate,
    30 of 40 does not."""
    overall = (tot_w + PRIOR_STRENGTH * base_rate) / (tot_n + PRIOR_STRENGTH)
    if not groups:
        return overall
    return np.mean([(w + SEGMENT_STRENGTH * overall) / (n + SEGMENT_STRENGTH) for w, n in groups], axis=0)


SEGMENT_STRENGTH = 5.0  # the partner's overall rate counts as this many segment deals
SIMILAR_STRENGTH = 5.0  # the vendor's rate counts as this many deals like this one (`similar_rate`)


def share_lift(wins: np.ndarray, fair: np.ndarray) -> np.ndarray:
    """log of (wins + 1) / (fair share + 1), scaled to -1..1: a partner that won 12 deals where a random
    pick among the eligible partners would have given it 4 is strong; one prior win keeps 1 of 1 modest."""
    return np.clip(np.log((np.maximum(wins, 0) + 1.0) / (np.maximum(fair, 0) + 1.0)), -3.0, 3.0) / 3.0


def _fit(flags: np.ndarray, vocab: dict[str, int], value: str | None, n: int) -> np.ndarray:
    """1 where the partner has the value, 0 where not, 0.5 for everyone when the value is unknown."""
    if not value:
        return np.full(n, 0.5)
    col = vocab.get(value)
    return flags[:, col].astype(float) if col is not None else np.zeros(n)


def _semantic(matrix: PartnerMatrix, deal: DealRec) -> np.ndarray:
    """Cosine of TF-IDF vectors (partner descriptions are L2-normalised rows), or the profile vectors'
    fit when the matrix has them."""
    if matrix.vector_semantic is not None:
        return matrix.vector_semantic(matrix.deal_text(deal))
    cols, weights = matrix.query(matrix.deal_text(deal))
    if not len(cols):
        return np.zeros(len(matrix.ids))
    return np.asarray(matrix.text[:, cols] @ weights).ravel()


def _history(state: HistoryState, deal: DealRec, exclude: DealRec | None, account: AccountRec | None = None):
    """Copies of the counters this deal's features read, minus the excluded deal's own part. `account`:
    the deal's company as the caller knows it (a lead's company need not be one of our accounts)."""
    n, cols = len(state.matrix.ids), state.columns(deal, account)
    hist = {g: (state.wins[g][cols[g]], state.seen[g][cols[g]], state.fair[g][cols[g]]) for g in GROUPS}
    tot_n, load, wins = state.tot_n.copy(), state.load.copy(), np.zeros(n)
    tot = (state.tot_w.copy(), state.tot_fair.copy())
    for i, count in state.account_wins.get(deal.account_id, {}).items():
        wins[i] = count
    p = state.matrix.index.get(exclude.partner_id or "") if exclude else None
    if p is not None:
        is_open, is_closed = state.counts(exclude)
        load[p] -= is_open
        if is_closed:
            own = state.columns(exclude)
            share = state.fair_share(exclude)[0] if exclude.won else np.zeros(n)
            for g in GROUPS:
                for j, col in enumerate(cols[g]):
                    if col in own[g]:
                        hist[g][0][j, p] -= exclude.won
                        hist[g][1][j, p] -= 1
                        hist[g][2][j] -= share
            tot_n[p] -= 1
            tot[0][p] -= exclude.won
            tot[1][:] -= share
            wins[p] -= exclude.won and exclude.account_id == deal.account_id
    return hist, tot, tot_n, np.maximum(load, 0), wins


def _relationship(matrix: PartnerMatrix, deal: DealRec, as_of: dt.date,
                  known_now: bool = False) -> tuple[np.ndarray, dict[int, Relation]]:
    """Account-mapping relationships known at `as_of`: the partner's row was updated before then, or the
    partner already worked a deal at the account (a relationship a deal created is not its cause)."""
    strength, known = np.zeros(len(matrix.ids)), {}
    for i, rel in matrix.relations.get(deal.account_id, {}).items():
        first = matrix.first_involvement.get((i, deal.account_id))
        if known_now or (rel.known_from is None or rel.known_from < as_of) or (first is not None and first < as_of):
            strength[i], known[i] = _strength(rel), rel
    return strength, known


def deal_signals(matrix: PartnerMatrix, state: HistoryState, deal: DealRec, account: AccountRec | None,
                 exclude: DealRec | None = None, relations: list[Relation] | None = None,
                 relations_known_now: bool = False) -> DealSignals:
    """Features of every partner for `deal`, as of `state.as_of`. `exclude` (default: the deal itself)
    is removed from the history and the load, so a deal never explains itself. `relations`: partners'
    relationships with the deal's company that account mapping cannot know (a company that is not yet our
    account, e.g. an inbound lead found in the partners' shared accounts); the stronger one counts."""
    n, as_of = len(matrix.ids), state.as_of
    pairs = matrix.product_pairs(deal.products)
    cols = [col for _, col in pairs]
    wanted = set(_low(deal.products))
    covered = matrix.comp[:, cols].sum(axis=1) if cols else np.zeros(n)
    authorised_frac = covered / len(wanted) if wanted else np.ones(n)
    country = account.country if account else None
    industry_name = (account.industry or "").casefold() if account else None
    hist, (tot_w, tot_fair), tot_n, load, wins = _history(state, deal, exclude or deal, account)
    base = state.base_rate
    last3, prior3 = matrix.activity_window(as_of - dt.timedelta(days=1))  # as_of itself is excluded
    relationship, known = _relationship(matrix, deal, as_of, relations_known_now)
    for rel in relations or ():
        i = matrix.index.get(rel.partner_id)
        if i is not None and _strength(rel) > relationship[i]:
            relationship[i], known[i] = _strength(rel), rel
    semantic = _semantic(matrix, deal)
    customer = np.zeros(n)
    for i, rel in known.items():
        if rel.population == "customer":
            customer[i] = relationship[i]
    similar = matrix.similar_deals(account.industry if account else None, deal.products, as_of,
                                   (exclude or deal).opportunity_id)
    total = {g: (w.sum(axis=0), s.sum(axis=0), fair.sum(axis=0)) for g, (w, s, fair) in hist.items()}
    columns = {
        "authorised": authorised_frac,
        "geography": _fit(matrix.country, matrix.countries, country, n),
        "industry": _fit(matrix.industry, matrix.industries, industry_name, n),
        "certified": np.minimum(np.log1p(matrix.cert[:, cols].sum(axis=1)) / np.log1p(20), 1.0),
        "relationship": relationship,
        "account_history": np.minimum(np.log1p(wins) / np.log1p(5), 1.0),
        "industry_history": smoothed_lift(*total["industry"][:2], base),
        "product_history": smoothed_lift(*total["product"][:2], base),
        "industry_share": share_lift(total["industry"][0], total["industry"][2]),
        "product_share": share_lift(total["product"][0], total["product"][2]),
        "country_share": share_lift(total["country"][0], total["country"][2]),
        "overall_share": share_lift(tot_w, tot_fair),
        "experience": np.minimum(np.log1p(tot_n) / np.log1p(100), 1.0),
        "engagement": np.tanh((last3 - prior3) / np.maximum(prior3, 1.0)),
        "load": np.minimum(np.log1p(load) / np.log1p(20), 1.0),
        "tier": matrix.tier / 3.0,
        "language": _fit(matrix.lang, matrix.languages, main_language(country), n),
        "semantic": semantic,
        "segment_rate": segment_rate([total[g][:2] for g in ("industry", "product") if len(hist[g][0])],
                                     tot_w, tot_n, base) - base,
        "customer": customer,
        "country_history": smoothed_lift(*total["country"][:2], base),
        "similar_rate": (similar[0] + SIMILAR_STRENGTH * base) / (similar[1] + SIMILAR_STRENGTH) - base,
    }
    X = np.column_stack([columns[name] for name in SIGNALS] + [matrix.type])
    authorised = authorised_frac >= 1.0 - 1e-9
    sells = columns["geography"] > 0.0
    partner_then = matrix.joined <= as_of.toordinal()  # a partner by then (backtests, training)
    return DealSignals(deal, account, X, authorised & sells & partner_then, authorised, sells,
                       [p for p, _ in pairs], hist, wins, tot_n, tot_w, tot_fair, last3, prior3, load,
                       semantic, known, base, similar)
