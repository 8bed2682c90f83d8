"""The ideal partner profile: which traits go with results among the current partners, and how well a
candidate fits it.

Tens of partners say little about tens of traits, so the profile is learned with as much restraint as the
partners' own data asks for, decided by leave-one-out on those partners (as matching decides by backtest):
- the learned profile: ridge regression of the results score on the traits (binary features; size also as
  an ordered trend), with one penalty per kind of trait (type, industry, country, competency, language,
  description words, size band), each chosen by exact leave-one-out error. A kind that does not predict
  partners left out is penalised away (`inf`): only the kinds that carry results stay in the profile.
  `reliability` is its leave-one-out R2 (0 when no penalty predicts better than the mean);
- the prior it is shrunk towards: how partners of the candidate's type did, and how partners sharing each
  of its traits did, every average shrunk towards the programme's mean by the number of partners behind it.
  The service blends the two by `sqrt(reliability)`: a profile that predicts partners it was not fitted on
  carries the ranking, a profile that does not leaves it to the simple averages;
- the nearest current partners by shared traits (Jaccard): the partners a candidate resembles (`similar_to`).
Partners are weighted by tenure (a partner of three months has not shown its results yet).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from tools.recruit.traits import SIZE_FEATURE, readable

ALPHAS = (0.3, 1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1000.0, 3000.0, math.inf)  # inf: the kind is left out
NEIGHBOURS = 5
MIN_PARTNERS = 8  # fewer partners than this cannot tell a trait's effect from chance: no profile is learned
MIN_GAIN = 0.01  # a kind of trait enters the profile only if it predicts 1% more of the variation out of sample
PRIOR_PARTNERS = 5.0  # the prior's averages count as many pseudo-partners at the programme's mean


@dataclass
class Model:
    vocabulary: list[str]  # the regression's features (binary traits, and size as one ordered feature)
    coef: np.ndarray
    intercept: float
    alphas: dict[str, float]  # the penalty per kind of trait (inf: left out)
    reliability: float  # leave-one-out R2 against the mean, clipped to [0, 1]
    partner_traits: dict[str, set[str]]  # binary traits (size as a band), for similarity and the figures
    partner_scores: dict[str, float]
    similarity_traits: frozenset[str] = frozenset()
    averages: dict[str, float] = field(default_factory=dict)  # trait -> shrunk mean score of its partners
    numeric: tuple[str, ...] = ()  # the ordered features among `vocabulary` (the size trend)

    def effect(self, trait: str) -> float:
        try:
            return float(self.coef[self.vocabulary.index(trait)])
        except ValueError:
            return 0.0

    def ridge_predict(self, traits: set[str], features: dict[str, float]) -> float:
        return self.intercept + sum(self.effect(c) * _value(traits, features, c, self.numeric) for c in self.vocabulary)

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
        """The learned profile's expected results score for these traits (partners' standard deviations)."""
        return self.ridge_predict(traits, features)

    def prior(self, traits: set[str]) -> float:
        """The simple averages: how partners sharing each trait did, summed; the type counts twice, as the
        first thing that sets partners apart (a reseller and an integrator work differently)."""
        return sum(self.averages.get(t, 0.0) * (2 if t.startswith("type: ") else 1) for t in traits)

    @property
    def kinds_used(self) -> list[str]:
        return sorted(k for k, a in self.alphas.items() if math.isfinite(a))


def kind(trait: str) -> str:
    """'industry: Healthcare' -> 'industry'; the size trend and the size bands are one kind each."""
    return "size trend" if trait == SIZE_FEATURE else trait.split(": ", 1)[0]


def learn(partner_traits: dict[str, set[str]], partner_features: dict[str, dict[str, float]],
          scores: dict[str, float], weights: dict[str, float], vocabulary: list[str],
          numeric: tuple[str, ...] = ()) -> Model:
    """`vocabulary`: the binary traits worth learning (size bands among them); `numeric`: ordered features
    (the size trend) where partners have them. Features are the binary traits a company has, plus `numeric`."""
    ids = sorted(partner_traits)
    numeric = [f for f in numeric if any(f in partner_features[p] for p in ids)]
    columns = [t for t in vocabulary if any(t in partner_traits[p] for p in ids)] + numeric
    x = np.array([[_value(partner_traits[p], partner_features[p], c, numeric) for c in columns]
                  for p in ids]).reshape(len(ids), len(columns))
    y = np.array([scores[p] for p in ids])
    w = np.array([weights[p] for p in ids])
    coef, intercept, alphas, reliability = grouped_ridge(x, y, w, [kind(c) for c in columns])
    kept = {p: partner_traits[p] & set(vocabulary) for p in ids}
    mean = float(np.average(y, weights=w)) if ids else 0.0
    averages = {t: sum(weights[p] * (scores[p] - mean) for p in ids if t in kept[p])
                / (sum(weights[p] for p in ids if t in kept[p]) + PRIOR_PARTNERS) for t in vocabulary}
    return Model(columns, coef, intercept, alphas, reliability, kept, {p: float(s) for p, s in zip(ids, y)},
                 frozenset(vocabulary), averages, tuple(numeric))


def _value(traits: set[str], features: dict[str, float], column: str, numeric: tuple[str, ...] | list[str]) -> float:
    """A column's value for a company: its ordered feature, or 1/0 for having the trait."""
    return features.get(column, 0.0) if column in numeric else float(column in traits)


def grouped_ridge(x: np.ndarray, y: np.ndarray, w: np.ndarray,
                  kinds: list[str]) -> tuple[np.ndarray, float, dict[str, float], float]:
    """Weighted ridge with an unpenalised intercept and one penalty per kind of feature: the penalties that
    minimise the exact leave-one-out error, found kind by kind from the best common penalty. A change must
    win `MIN_GAIN` of the variation, so that searching several penalties does not fit noise."""
    n, m = x.shape
    labels = sorted(set(kinds))
    if n < MIN_PARTNERS or m == 0:
        return np.zeros(m), float(np.average(y, weights=w)) if n else 0.0, dict.fromkeys(labels, math.inf), 0.0
    xm, ym = np.average(x, axis=0, weights=w), float(np.average(y, weights=w))
    sw = np.sqrt(w)
    xs, ys, lev0 = (x - xm) * sw[:, None], (y - ym) * sw, w / w.sum()
    index = np.array([labels.index(k) for k in kinds])
    null = _loo(xs, ys, lev0, np.full(m, math.inf))[0]
    if null <= 0:
        return np.zeros(m), ym, dict.fromkeys(labels, math.inf), 0.0
    margin = MIN_GAIN * null
    err, common = min(((_loo(xs, ys, lev0, np.full(m, a))[0], a) for a in ALPHAS), key=lambda e: (e[0], -e[1]))
    if err > null - margin:
        return np.zeros(m), ym, dict.fromkeys(labels, math.inf), 0.0
    per_kind = np.full(len(labels), common)
    for _sweep in range(3):
        changed = False
        for g in range(len(labels)):
            for a in ALPHAS:
                trial = per_kind.copy()
                trial[g] = a
                e = _loo(xs, ys, lev0, trial[index])[0]
                if e < err - margin:
                    err, per_kind, changed = e, trial, True
        if not changed:
            break
    coef = _loo(xs, ys, lev0, per_kind[index])[1]
    return coef, ym - float(xm @ coef), dict(zip(labels, per_kind.tolist())), max(0.0, min(1.0, 1 - err / null))


def _loo(xs: np.ndarray, ys: np.ndarray, lev0: np.ndarray, penalties: np.ndarray) -> tuple[float, np.ndarray]:
    """(leave-one-out sum of squared errors, coefficients) of ridge on centred, weighted data; an infinite
    penalty leaves its column out."""
    keep = np.isfinite(penalties)
    coef = np.zeros(xs.shape[1])
    if not keep.any():
        return float(np.sum((ys / (1 - lev0)) ** 2)), coef
    xk = xs[:, keep]
    inverse = np.linalg.inv(xk.T @ xk + np.diag(penalties[keep]))
    coef[keep] = inverse @ (xk.T @ ys)
    hat = np.einsum("ij,jk,ik->i", xk, inverse, xk) + lev0
    return float(np.sum(((ys - xk @ coef[keep]) / np.clip(1 - hat, 1e-6, None)) ** 2)), coef


def describe(model: Model) -> str:
    n = len(model.partner_scores)
    if model.reliability <= 0:
        return (f"No trait predicted the {n} partners' results better than their average (leave-one-out), "
                "so candidates are ranked by how partners with their traits did on average, shrunk towards the "
                "mean, and by the coverage gaps they fill; the partners they resemble are shown for reference.")
    kinds = ", ".join(model.kinds_used)
    return (f"Ridge regression of the results score (won revenue per year since joining, win rate, time to first "
            f"win) of {n} partners on the kinds of trait that predict partners left out ({kinds}; a penalty per "
            f"kind chosen by leave-one-out). It explains {model.reliability:.0%} of the variation out of sample, "
            f"so the ranking trusts it {math.sqrt(model.reliability):.0%} and the rest to how partners with the "
            f"same traits did on average, then to the coverage gaps.")


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
