"""The ideal partner profile: which traits go with results among the current partners, and how well a
candidate fits it.

Two estimates that hold up on tens of partners, blended:
- ridge regression of the results score on the traits (binary features), its penalty chosen by exact
  leave-one-out error; when no penalty predicts better than the mean, every effect is ~0 and the profile
  says so (`reliability` 0) instead of fitting noise;
- the nearest current partners by shared traits (Jaccard), their results averaged and shrunk towards
  the mean: the partners a candidate resembles (`similar_to`).
With few partners that learned profile is unreliable (its leave-one-out R2 says how much), so the service
shrinks it towards a simple prior the model also carries (`prior`): how the partners of the candidate's
type did, and how the partners sharing each of its traits did, each average shrunk towards the programme's
mean by the number of partners behind it.
Partners are weighted by tenure (a partner of three months has not shown its results yet).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from tools.recruit.traits import readable

ALPHAS = np.logspace(-1, 3.5, 28)
NEIGHBOURS = 5
RIDGE_SHARE = 2 / 3  # the blend: the global model, then the neighbours
MIN_PARTNERS = 8  # fewer partners than this cannot tell a trait's effect from chance: no profile is learned
PRIOR_PARTNERS = 5.0  # the prior's averages count as many pseudo-partners at the programme's mean


@dataclass
class Model:
    vocabulary: list[str]  # the regression's features (binary traits, and size as one ordered feature)
    coef: np.ndarray
    intercept: float
    alpha: float
    reliability: float  # leave-one-out R2 against the mean, clipped to [0, 1]
    partner_traits: dict[str, set[str]]  # binary traits (size as a band), for similarity and the figures
    partner_scores: dict[str, float]
    similarity_traits: frozenset[str] = frozenset()
    averages: dict[str, float] = field(default_factory=dict)  # trait -> its partners' shrunk mean score

    def prior(self, traits: set[str]) -> tuple[float, float]:
        """The simple prior: (how partners of this type did, how partners sharing each trait did, summed)."""
        kind = sum(self.averages.get(t, 0.0) for t in traits if t.startswith("type: "))
        return kind, sum(self.averages.get(t, 0.0) for t in traits)

    def effect(self, trait: str) -> float:
        try:
            return float(self.coef[self.vocabulary.index(trait)])
        except ValueError:
            return 0.0

    def ridge_predict(self, features: dict[str, float]) -> float:
        return self.intercept + sum(self.effect(t) * v for t, v in features.items())

    @property
    def _index(self) -> frozenset[str]:
        return self.similarity_traits

    def neighbours(self, traits: set[str], k: int = NEIGHBOURS) -> list[tuple[str, float, set[str]]]:
        """(partner, similarity, shared traits) of the k most similar partners, most similar first."""
        known = traits & self._index
        sims = []
        for pid, theirs in self.partner_traits.items():
            shared = known & theirs
            union = known | theirs
            if shared:
                sims.append((pid, len(shared) / len(union), shared))
        sims.sort(key=lambda x: (-x[1], -self.partner_scores[x[0]], x[0]))
        return sims[:k]

    def neighbour_predict(self, traits: set[str]) -> float:
        near = self.neighbours(traits)
        total = sum(s for _, s, _ in near)
        return sum(s * self.partner_scores[p] for p, s, _ in near) / (total + 1.0)  # shrunk to the mean (0)

    def fit(self, traits: set[str], features: dict[str, float]) -> float:
        """Expected results score of a company with these traits (partners' standard deviations)."""
        return RIDGE_SHARE * self.ridge_predict(features) + (1 - RIDGE_SHARE) * self.neighbour_predict(traits)


def learn(partner_traits: dict[str, set[str]], partner_features: dict[str, dict[str, float]],
          scores: dict[str, float], weights: dict[str, float], vocabulary: list[str],
          numeric: tuple[str, ...] = ()) -> Model:
    """`vocabulary`: the binary traits worth learning; the regression uses those that are features (size
    bands are not: size enters as the ordered feature in `numeric`) plus `numeric` where partners have it."""
    ids = sorted(partner_traits)
    numeric = [f for f in numeric if any(f in partner_features[p] for p in ids)]
    columns = [t for t in vocabulary if any(t in partner_features[p] for p in ids)] + numeric
    col = {t: j for j, t in enumerate(columns)}
    x = np.zeros((len(ids), len(columns)))
    for i, pid in enumerate(ids):
        for t, v in partner_features[pid].items():
            if t in col:
                x[i, col[t]] = v
    y = np.array([scores[p] for p in ids])
    w = np.array([weights[p] for p in ids])
    coef, intercept, alpha, reliability = _ridge_loo(x, y, w)
    kept = {p: partner_traits[p] & set(vocabulary) for p in ids}
    mean = float(np.average(y, weights=w)) if ids else 0.0
    averages = {t: sum(weights[p] * (scores[p] - mean) for p in ids if t in kept[p])
                / (sum(weights[p] for p in ids if t in kept[p]) + PRIOR_PARTNERS) for t in vocabulary}
    return Model(columns, coef, intercept, alpha, reliability, kept, {p: float(s) for p, s in zip(ids, y)},
                 frozenset(vocabulary), averages)


def _ridge_loo(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> tuple[np.ndarray, float, float, float]:
    """Weighted ridge with an unpenalised intercept; the penalty minimising the exact leave-one-out error."""
    n, m = x.shape
    if n < MIN_PARTNERS or m == 0:
        return np.zeros(m), float(np.average(y, weights=w)) if n else 0.0, float("inf"), 0.0
    sw = np.sqrt(w)
    xm, ym = np.average(x, axis=0, weights=w), float(np.average(y, weights=w))
    xs, ys = (x - xm) * sw[:, None], (y - ym) * sw
    u, s, vt = np.linalg.svd(xs, full_matrices=False)
    uty = u.T @ ys
    lev0 = w / w.sum()  # the intercept's leverage
    null_resid = ys / (1 - lev0)
    best = (float(np.sum(null_resid ** 2)), float("inf"))
    for alpha in ALPHAS:
        shrink = s ** 2 / (s ** 2 + alpha)
        fitted = u @ (shrink * uty)
        hat = np.sum(u ** 2 * shrink, axis=1) + lev0
        loo = np.sum(((ys - fitted) / np.clip(1 - hat, 1e-6, None)) ** 2)
        if loo < best[0]:
            best = (float(loo), float(alpha))
    null_loo = float(np.sum(null_resid ** 2))
    alpha = best[1]
    if not np.isfinite(alpha):
        return np.zeros(m), ym, alpha, 0.0
    coef = vt.T @ ((s / (s ** 2 + alpha)) * uty)
    intercept = ym - float(xm @ coef)
    return coef, intercept, alpha, max(0.0, min(1.0, 1 - best[0] / null_loo)) if null_loo else 0.0


def describe(model: Model) -> str:
    if model.reliability <= 0:
        return (f"No trait predicted the {len(model.partner_scores)} partners' results better than their average "
                "(leave-one-out), so candidates are ranked by the coverage gaps they fill; the partners they "
                "resemble are shown for reference.")
    return (f"Ridge regression of the results score (the partner's win rate, shrunk towards the programme's) on "
            f"{len(model.vocabulary)} traits of {len(model.partner_scores)} partners, penalty {model.alpha:.3g} chosen by leave-one-out (explains {model.reliability:.0%} of the variation out of "
            f"sample), blended with the {NEIGHBOURS} most similar partners' results.")


def strongest(model: Model, limit: int = 8) -> list[tuple[str, float]]:
    effects = [(t, float(c)) for t, c in zip(model.vocabulary, model.coef) if abs(c) >= 0.02]
    effects.sort(key=lambda e: (-abs(e[1]), e[0]))
    return effects[:limit]


def phrase(traits: set[str], limit: int = 3, model: Model | None = None) -> str:
    """'a system integrator in Healthcare with Lakehouse': the most telling traits, type first."""
    order = {"type": 0, "industry": 1, "competency": 2, "country": 3, "size": 4, "language": 5, "word": 6}
    picked = sorted(traits, key=lambda t: (order.get(t.split(": ", 1)[0], 9),
                                           -(model.effect(t) if model else 0.0), t))[:limit]
    text = " ".join(readable(t) for t in picked)
    if picked and picked[0].startswith("type: "):
        return ("an " if text[:1].lower() in "aeiou" else "a ") + text
    return "a company " + text if text else "a company"
