"""The partner-to-deal model, learned from the vendor's own history, and the as-of history it learns from.

History as of a date (`HistoryState`, advanced by `HistorySweep`): per partner, the deals closed before
the date (wins and deals per industry, product, country and account; the expected wins under a random
pick among the partners eligible for each won deal, its "fair share") and the deals open at it (load).

Two learned candidates, differing in their training examples (deals closed before the cutoff date):
- `learned`: a won deal's partner is a positive and the other partners eligible for it (a sample of
  `ELIGIBLE_NEGATIVES` if more) plus `OTHER_NEGATIVES` from everyone are negatives; a lost deal's partner
  is a negative too (engaged, and lost). It estimates the chance that the deal is won *and* with that
  partner, so part of what it learns is whom the vendor engages (its habit), which predicts the
  actual winners where the habit follows skill.
- `outcome`: only engaged partners, labelled won (1) or lost (0): the chance that the deal is won with
  that partner once engaged, whatever the vendor's habit. A partner that was not engaged neither won nor
  lost the deal.
Features are computed AS OF the deal's created_on (the sweep), with the deal's own partner masked, so
history only counts deals closed before that day and the deal never explains itself. Which of them (or
the segment ranker, or the cold-start rules) serves is decided by the backtest
(`tools.partner_match.selection`).

Model: logistic regression on standardised features (scipy L-BFGS-B: scikit-learn's cannot bound
coefficients), with the weights of more-is-better signals kept >= 0 (`MONOTONE`, so an explanation
never credits a weakness) and an L2 pull toward the hand-set weights below, so a signal the history
says nothing about keeps its prior. Weights are stored on the raw features: scoring a deal is one
matrix-vector product over all partners. A score (0..1) is the model's probability that the partner is
the one for the deal; an ineligible partner's score is multiplied by `INELIGIBLE_FACTOR` and it ranks
after every eligible partner.

Three rankers share this form (logistic weights on the features), so they rank, explain and cache
alike; `tools.partner_match.selection` backtests them on the vendor's own history and keeps the best:
`learned` (fitted here), `segment` (the empirical-Bayes segment win rate plus a bonus for a customer
relationship, `segment_ranker`) and `cold_start` (the hand-set weights below).

Cold start: with fewer than `MIN_EXAMPLES` (30) training deals, or none that vary, the hand-set weights
are used as they are (logit units, features as in tools/match_features.py; partner types 0):
    authorised 2.0, geography 1.5, relationship 1.5, industry_history 2.0, product_history 2.0,
    industry_share 1.0, product_share 1.0, country_share 1.0, overall_share 0.5, account_history 1.0,
    semantic 1.0, industry 0.8, certified 0.6, experience 0.5, engagement 0.4, tier 0.4, language 0.3,
    load -0.3, segment_rate 2.0, customer 1.0 (on top of relationship), country_history 1.0;
    intercept -4.0.
They encode the programme's rules (authorisation and territory first), then relationships and proven
results, then the softer signals.

A trained model is cached as JSON under COSELL_HOME/cache/ per model version, data version and day.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from tools.partner_match.features import (
    FEATURES,
    SIGNALS,
    DealSignals,
    Ecosystem,
    PartnerMatrix,
    deal_signals,
)
from tools.partner_match.history import HistoryState, HistorySweep, history_as_of  # noqa: F401  re-exported

log = logging.getLogger(__name__)

MODEL_VERSION = 9  # bump when features or training change: cached models of older versions are ignored
MIN_EXAMPLES = 30
ELIGIBLE_NEGATIVES = 30  # per training deal, the partners it could have gone to (a sample if more)
OTHER_NEGATIVES = 4  # and a few from everyone, so the rules of eligibility are learned too
LOST_WEIGHT = 1.0  # a lost deal's partner: engaged and lost, as clear a negative as any
MAX_TRAIN_DEALS = 3000  # the most recent; older history still feeds the features through the sweep
TRAIN_BUDGET = 3_000_000  # deals x partners scored in training: 3,000 deals at 1,000 partners, 300 at 10,000
INELIGIBLE_FACTOR = 0.25

COLD_START_WEIGHTS = {
    "authorised": 2.0, "geography": 1.5, "relationship": 1.5, "industry_history": 2.0,
    "product_history": 2.0, "account_history": 1.0, "semantic": 1.0, "industry": 0.8, "certified": 0.6,
    "industry_share": 1.0, "product_share": 1.0, "country_share": 1.0, "overall_share": 0.5,
    "experience": 0.5, "engagement": 0.4, "tier": 0.4, "language": 0.3, "load": -0.3, "segment_rate": 2.0,
    "customer": 1.0, "country_history": 1.0,
}
# The segment ranker (logit units): the smoothed win rate on past deals sharing the industry or a product
# (`similar_rate`, as its lift over the vendor's rate), plus a bonus when the account is the partner's
# customer worth 20 points of that rate. The `customer` column is the relationship's match confidence;
# account mapping's automatic matches stop at `AUTO_MATCH_CEILING` (1.0 is kept for a person's
# confirmation), so a match at the ceiling counts as a certain customer (the full 20 points), a less sure
# one in proportion.
AUTO_MATCH_CEILING = 0.99  # tools.account_mapping.er_scoring: the most an automatic match is given
SEGMENT_WEIGHTS = {"authorised": 2.0, "geography": 1.5, "similar_rate": 6.0, "customer": 1.2 / AUTO_MATCH_CEILING}
COLD_START_INTERCEPT = -4.0


@dataclass
class MatchModel:
    """Logistic weights on the raw features of `tools.partner_match.features.FEATURES`."""

    weights: list[float]
    intercept: float
    kind: str  # learned | learned_all | segment | cold_start
    n_deals: int = 0
    n_rows: int = 0
    cutoff: str | None = None
    features: list[str] = field(default_factory=lambda: list(FEATURES))
    # set by tools.partner_match.selection: the ranker's time-split backtest and every candidate's
    backtest: dict | None = None
    candidates: dict = field(default_factory=dict)

    @classmethod
    def cold_start(cls, n_deals: int = 0, cutoff: dt.date | None = None) -> MatchModel:
        weights = [COLD_START_WEIGHTS.get(name, 0.0) for name in FEATURES]
        return cls(weights, COLD_START_INTERCEPT, "cold_start", n_deals, 0, cutoff and cutoff.isoformat())

    @classmethod
    def segment(cls, base_rate: float = 0.3, n_deals: int = 0, cutoff: dt.date | None = None) -> MatchModel:
        """The smoothed segment win-rate ranker: its score is about the segment win rate itself."""
        weights = [SEGMENT_WEIGHTS.get(name, 0.0) for name in FEATURES]
        base = min(max(base_rate, 0.01), 0.99)
        intercept = float(np.log(base / (1 - base))) - SEGMENT_WEIGHTS["authorised"] - SEGMENT_WEIGHTS["geography"]
        return cls(weights, round(intercept, 6), "segment", n_deals, 0, cutoff and cutoff.isoformat())

    @property
    def w(self) -> np.ndarray:
        return np.asarray(self.weights, dtype=np.float64)

    def scores(self, X: np.ndarray) -> np.ndarray:
        from scipy.special import expit

        return expit(X @ self.w + self.intercept)

    def contributions(self, X: np.ndarray, reference: np.ndarray) -> np.ndarray:
        """Logit contribution of each feature against a reference partner (rows x features)."""
        return (X - reference) * self.w

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self)))
        tmp.replace(path)  # atomic: a concurrent reader sees the old file or the new one

    @classmethod
    def load(cls, path: Path) -> MatchModel | None:
        try:
            model = cls(**json.loads(path.read_text()))
        except (OSError, ValueError, TypeError):
            return None
        return model if model.features == list(FEATURES) else None

# --- ranking and training ------------------------------------------------------------------------


def rank(model: MatchModel, signals: DealSignals) -> tuple[np.ndarray, np.ndarray]:
    """(partner rows best first, scores). Eligible partners first, then by score, then by row."""
    scores = model.scores(signals.X)
    scores = np.where(signals.eligible, scores, scores * INELIGIBLE_FACTOR)
    order = np.lexsort((np.arange(len(scores)), -scores, ~signals.eligible))
    return order, scores


def top_rows(model: MatchModel, signals: DealSignals, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The best k rows without sorting everyone (partition: O(partners)), in `rank`'s order: partners tied
    with the k-th are all kept for the sort, so a tie at the edge goes to the lower row, as in `rank` (the
    order the backtest judged), not to whichever row the partition left there."""
    scores = model.scores(signals.X)
    scores = np.where(signals.eligible, scores, scores * INELIGIBLE_FACTOR)
    key = scores + signals.eligible * 2.0  # scores are < 1: every eligible partner sorts first
    k = min(k, len(key))
    if k <= 0:
        return np.array([], dtype=int), scores
    kth = np.partition(-key, k - 1)[k - 1]
    best = np.flatnonzero(-key <= kth)
    best = best[np.lexsort((best, -key[best]))][:k]
    return best, scores


def _training_deals(eco: Ecosystem, matrix: PartnerMatrix, cutoff: dt.date) -> list:
    # A closed deal with no date at all (DATA.md makes both optional) cannot be placed in the history.
    deals = [d for d in eco.deals if d.is_closed and d.partner_id in matrix.index and (d.created_on or d.close_date)
             and d.closed() < cutoff and d.account_id in eco.accounts]
    deals.sort(key=lambda d: (d.opened(), d.opportunity_id))
    limit = min(MAX_TRAIN_DEALS, max(TRAIN_BUDGET // max(len(matrix.ids), 1), 4 * MIN_EXAMPLES))
    return deals[-limit:]


def training_set(eco: Ecosystem, matrix: PartnerMatrix, cutoff: dt.date,
                 seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """(X, y, sample weights, deals used): per won deal its partner (1) and partners that did not win it
    (0); per lost deal its partner (0)."""
    return training_sets(eco, matrix, [cutoff], seed)[cutoff]


def training_sets(eco: Ecosystem, matrix: PartnerMatrix, cutoffs: list[dt.date],
                  seed: int = 0) -> dict[dt.date, tuple[np.ndarray, np.ndarray, np.ndarray, int]]:
    """`training_set` of each cutoff, from one sweep through the history: the backtest windows' training
    deals overlap, and a deal in several sets has its signals computed once (each set draws its own
    negatives, as it would alone)."""
    per_cutoff = {cutoff: _training_deals(eco, matrix, cutoff) for cutoff in cutoffs}
    member: dict[int, list[dt.date]] = {}
    for cutoff, deals in per_cutoff.items():
        for deal in deals:
            member.setdefault(id(deal), []).append(cutoff)
    rngs = {cutoff: np.random.default_rng(seed) for cutoff in per_cutoff}
    parts: dict[dt.date, tuple[list, list, list]] = {cutoff: ([], [], []) for cutoff in per_cutoff}
    sweep = HistorySweep(matrix, eco)
    n = len(matrix.ids)
    union = [d for d in eco.deals if id(d) in member]  # sorted as each set is: ties in the records' order
    for deal in sorted(union, key=lambda d: (d.opened(), d.opportunity_id)):
        state = sweep.advance(deal.opened())
        signals = deal_signals(matrix, state, deal.masked(), eco.accounts[deal.account_id], exclude=deal)
        positive = matrix.index[deal.partner_id]
        for cutoff in member[id(deal)]:
            rows, labels, weights = parts[cutoff]
            if not deal.won:  # engaged and lost: one negative; who else could have won it is unknown
                rows.append(signals.X[[positive]])
                labels.append(0)
                weights.append(LOST_WEIGHT)
                continue
            rng = rngs[cutoff]
            eligible = np.flatnonzero(signals.eligible)
            eligible = eligible[eligible != positive]
            if len(eligible) > ELIGIBLE_NEGATIVES:
                eligible = rng.choice(eligible, size=ELIGIBLE_NEGATIVES, replace=False)
            negatives = set(eligible.tolist())
            others = rng.choice(n, size=min(OTHER_NEGATIVES, n), replace=False)
            negatives.update(int(i) for i in others if i != positive)
            picked = [positive, *sorted(negatives)]
            rows.append(signals.X[picked])
            labels.extend([1] + [0] * (len(picked) - 1))
            weights.extend([1.0] * len(picked))
    out = {}
    for cutoff, (rows, labels, weights) in parts.items():
        if not rows:
            out[cutoff] = (np.zeros((0, len(FEATURES))), np.zeros(0), np.zeros(0), 0)
        else:
            out[cutoff] = (np.vstack(rows), np.asarray(labels), np.asarray(weights), len(per_cutoff[cutoff]))
    return out


def outcome_set(eco: Ecosystem, matrix: PartnerMatrix, cutoff: dt.date,
                 seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """(X, y, sample weights, deals used) of the `outcome` model: per closed deal its engaged partner,
    1 if won, 0 if lost."""
    del seed  # deterministic: every closed partner deal is one example
    deals = _training_deals(eco, matrix, cutoff)
    sweep = HistorySweep(matrix, eco)
    rows, labels = [], []
    for deal in deals:
        state = sweep.advance(deal.opened())
        signals = deal_signals(matrix, state, deal.masked(), eco.accounts[deal.account_id], exclude=deal)
        rows.append(signals.X[matrix.index[deal.partner_id]])
        labels.append(int(deal.won))
    if not rows:
        return np.zeros((0, len(FEATURES))), np.zeros(0), np.zeros(0), 0
    return np.vstack(rows), np.asarray(labels), np.ones(len(labels)), len(deals)


# Signals where more is better by design: their learned weight may not go below zero, so an explanation
# never credits a partner for a weakness (correlated features otherwise trade signs). Load and the partner
# types are free.
MONOTONE = frozenset(SIGNALS) - {"load"}
# Relationships from account mapping are known from their row's `updated_on` (a relationship a deal may
# have created must not explain that deal), so most are invisible as of older deals: history cannot say
# how much a relationship is worth, and these keep their hand-set weights in the learned model.
CENSORED = frozenset({"relationship", "customer"})
PRIOR_PULL = 1.0  # L2 pull of the learned weights toward the hand-set ones (standardised units)


def fit_logistic(Z: np.ndarray, y: np.ndarray, weights: np.ndarray, lower: np.ndarray,
                 prior: np.ndarray, fixed: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    """Weighted logistic regression with lower bounds on coefficients and an L2 pull toward `prior`
    (scipy L-BFGS-B; scikit-learn's LogisticRegression cannot bound coefficients)."""
    from scipy.optimize import minimize
    from scipy.special import expit

    d = Z.shape[1]

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:d], theta[d]
        z = Z @ w + b
        residual = weights * (expit(z) - y)
        value = float(np.sum(weights * (np.logaddexp(0.0, z) - y * z))
                      + 0.5 * PRIOR_PULL * np.sum((w - prior) ** 2))
        return value, np.append(Z.T @ residual + PRIOR_PULL * (w - prior), residual.sum())

    start = np.append(np.maximum(prior, lower), 0.0)
    fixed = np.zeros(d, dtype=bool) if fixed is None else fixed
    bounds = [(p, p) if f else (lo if np.isfinite(lo) else None, None)
              for lo, p, f in zip(lower, start[:d], fixed)] + [(None, None)]
    result = minimize(loss, start, jac=True, method="L-BFGS-B", bounds=bounds, options={"maxiter": 2000})
    return result.x[:d], float(result.x[d])


def train_model(eco: Ecosystem, matrix: PartnerMatrix, cutoff: dt.date, seed: int = 0,
                kind: str = "learned", examples: tuple | None = None) -> MatchModel:
    """Learn from deals closed before `cutoff` (`kind`: `learned`, `learned_all` (the same examples, the
    relationship weights fitted too although history hides most relationships: `CENSORED`) or `outcome`,
    see the module's docstring); hand-set weights when there is too little history. `examples`: the
    `training_set` of the same cutoff and seed, when the caller already built it (`learned` and
    `learned_all` share it)."""
    if examples is None:
        examples = (outcome_set if kind == "outcome" else training_set)(eco, matrix, cutoff, seed)
    X, y, weights, n_deals = examples
    if n_deals < MIN_EXAMPLES or len(set(y.tolist())) < 2:
        log.info("partner match: %d training deals before %s, using cold-start weights", n_deals, cutoff)
        return MatchModel.cold_start(n_deals, cutoff)
    mean, scale = X.mean(axis=0), X.std(axis=0)
    varies = scale > 1e-9
    if not varies.any():  # nothing varied in the examples: they teach nothing
        log.info("partner match: %d training deals carry no signal, using cold-start weights", n_deals)
        return MatchModel.cold_start(n_deals, cutoff)
    scale = np.where(varies, scale, 1.0)
    prior = np.asarray(MatchModel.cold_start().weights) * scale
    lower = np.array([0.0 if name in MONOTONE else -np.inf for name in FEATURES])
    fixed = np.array([name in CENSORED and kind != "learned_all" for name in FEATURES])
    coef, intercept = fit_logistic((X - mean) / scale, y, weights, lower, prior, fixed)
    coef = np.where(varies, coef / scale, 0.0)  # back to raw features: scoring needs no scaler
    hand_set = np.asarray(MatchModel.cold_start().weights)
    coef = np.where(fixed, hand_set, coef)  # censored in the history: the hand-set weight, varied or not
    intercept -= float(np.dot(coef, mean))
    return MatchModel([round(float(c), 6) for c in coef], round(intercept, 6), kind, n_deals, len(y),
                      cutoff.isoformat())
