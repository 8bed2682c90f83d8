"""The partner-to-deal model, learned from the vendor's own history.

Training examples: each closed deal with a partner involved that closed before the cutoff date. Its
partner is the positive; negatives are other partners sampled for the same deal, half among those
eligible for it (authorised for its products, selling in its country: the cases a ranker must really
separate) and half from everyone. Features come from `tools.match_features` AS OF the deal's
`created_on` (a `HistorySweep`), so historical performance only counts deals closed before that day and
the deal never explains itself. Won deals weigh 1, lost deals `LOST_WEIGHT` (a partner brought into a
lost deal was still the vendor's choice, but a weaker lesson).

Model: logistic regression (scikit-learn) on standardised features, stored as weights on the raw
features so scoring a deal is one matrix-vector product over all partners. A score (0..1) is the
model's probability that this partner is the one for the deal; an ineligible partner's score is
multiplied by `INELIGIBLE_FACTOR` and it is ranked after every eligible partner.

Cold start: with fewer than `MIN_EXAMPLES` (30) training deals the learned weights would be noise, so
hand-set weights are used instead (logit units, features as in match_features):
    authorised 2.0, geography 1.5, relationship 1.5, industry_history 2.0, product_history 2.0,
    account_history 1.0, semantic 1.0, industry 0.8, certified 0.6, experience 0.5, engagement 0.4,
    tier 0.4, language 0.3, load -0.3; intercept -4.0.
They encode the programme's rules (authorisation and territory first), then relationships and proven
results, then the softer signals.

A trained model is cached as JSON under COSELL_HOME/cache/ per data version and cutoff.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from tools.match_features import FEATURES, DealSignals, Ecosystem, HistorySweep, PartnerMatrix, deal_signals

log = logging.getLogger(__name__)

MIN_EXAMPLES = 30
ELIGIBLE_NEGATIVES = 30  # per training deal, the partners it could have gone to (a sample if more)
OTHER_NEGATIVES = 4  # and a few from everyone, so the rules of eligibility are learned too
MAX_TRAIN_DEALS = 3000  # the most recent; older history still feeds the features through the sweep
TRAIN_BUDGET = 3_000_000  # deals x partners scored while training: 3,000 deals at 1,000 partners, 300 at 10,000
LOST_WEIGHT = 0.5
INELIGIBLE_FACTOR = 0.25

COLD_START_WEIGHTS = {
    "authorised": 2.0, "geography": 1.5, "relationship": 1.5, "industry_history": 2.0,
    "product_history": 2.0, "account_history": 1.0, "semantic": 1.0, "industry": 0.8, "certified": 0.6,
    "experience": 0.5, "engagement": 0.4, "tier": 0.4, "language": 0.3, "load": -0.3,
}
COLD_START_INTERCEPT = -4.0


@dataclass
class MatchModel:
    """Logistic weights on the raw features of `tools.match_features.FEATURES`."""

    weights: list[float]
    intercept: float
    kind: str  # learned | cold_start
    n_deals: int = 0
    n_rows: int = 0
    cutoff: str | None = None
    features: list[str] = field(default_factory=lambda: list(FEATURES))

    @classmethod
    def cold_start(cls, n_deals: int = 0, cutoff: dt.date | None = None) -> MatchModel:
        weights = [COLD_START_WEIGHTS.get(name, 0.0) for name in FEATURES]
        return cls(weights, COLD_START_INTERCEPT, "cold_start", n_deals, 0, cutoff and cutoff.isoformat())

    @property
    def w(self) -> np.ndarray:
        return np.asarray(self.weights, dtype=np.float64)

    def scores(self, X: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(X @ self.w + self.intercept)))

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


def rank(model: MatchModel, signals: DealSignals) -> tuple[np.ndarray, np.ndarray]:
    """(partner rows best first, scores). Eligible partners first, then by score, then by row."""
    scores = model.scores(signals.X)
    scores = np.where(signals.eligible, scores, scores * INELIGIBLE_FACTOR)
    order = np.lexsort((np.arange(len(scores)), -scores, ~signals.eligible))
    return order, scores


def top_rows(model: MatchModel, signals: DealSignals, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The best k rows without sorting everyone (argpartition: O(partners))."""
    scores = model.scores(signals.X)
    scores = np.where(signals.eligible, scores, scores * INELIGIBLE_FACTOR)
    key = scores + signals.eligible * 2.0  # scores are < 1: every eligible partner sorts first
    k = min(k, len(key))
    if k <= 0:
        return np.array([], dtype=int), scores
    best = np.argpartition(-key, k - 1)[:k]
    best = best[np.lexsort((best, -key[best]))]
    return best, scores


def _training_deals(eco: Ecosystem, matrix: PartnerMatrix, cutoff: dt.date) -> list:
    deals = [d for d in eco.deals if d.is_closed and d.partner_id in matrix.index
             and d.closed() < cutoff and d.account_id in eco.accounts]
    deals.sort(key=lambda d: (d.opened(), d.opportunity_id))
    limit = min(MAX_TRAIN_DEALS, max(TRAIN_BUDGET // max(len(matrix.ids), 1), 4 * MIN_EXAMPLES))
    return deals[-limit:]


def training_set(eco: Ecosystem, matrix: PartnerMatrix, cutoff: dt.date,
                 seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """(X, y, sample weights, deals used): one positive and NEGATIVES negatives per deal."""
    rng = np.random.default_rng(seed)
    deals = _training_deals(eco, matrix, cutoff)
    sweep = HistorySweep(matrix, eco)
    n = len(matrix.ids)
    rows, labels, weights = [], [], []
    for deal in deals:
        state = sweep.advance(deal.opened())
        signals = deal_signals(matrix, state, deal.masked(), eco.accounts[deal.account_id], exclude=deal)
        positive = matrix.index[deal.partner_id]
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
        weights.extend([1.0 if deal.won else LOST_WEIGHT] * len(picked))
    if not rows:
        return np.zeros((0, len(FEATURES))), np.zeros(0), np.zeros(0), 0
    return np.vstack(rows), np.asarray(labels), np.asarray(weights), len(deals)


def train_model(eco: Ecosystem, matrix: PartnerMatrix, cutoff: dt.date, seed: int = 0) -> MatchModel:
    """Learn from deals closed before `cutoff`; hand-set weights when there is too little history."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    X, y, weights, n_deals = training_set(eco, matrix, cutoff, seed)
    if n_deals < MIN_EXAMPLES or len(set(y.tolist())) < 2:
        log.info("partner match: %d training deals before %s, using cold-start weights", n_deals, cutoff)
        return MatchModel.cold_start(n_deals, cutoff)
    scaler = StandardScaler().fit(X)
    scale = np.where(scaler.scale_ > 1e-9, scaler.scale_, 1.0)
    clf = LogisticRegression(C=1.0, max_iter=2000)
    clf.fit((X - scaler.mean_) / scale, y, sample_weight=weights)
    if not np.abs(clf.coef_[0]).max() > 1e-6:  # nothing varied in the examples: they teach nothing
        log.info("partner match: %d training deals carry no signal, using cold-start weights", n_deals)
        return MatchModel.cold_start(n_deals, cutoff)
    coef = clf.coef_[0] / scale  # back to raw features: scoring needs no scaler
    intercept = float(clf.intercept_[0] - np.dot(coef, scaler.mean_))
    return MatchModel([round(float(c), 6) for c in coef], round(intercept, 6), "learned", n_deals, len(y),
                      cutoff.isoformat())
