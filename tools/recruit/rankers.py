"""The rankers a candidate list can be ordered by, each fitted on a set of current partners and their results:

- `profile`: the learned ideal partner profile (tools.recruit.profile: ridge regression and the most similar
  partners), shrunk towards the partners' type and trait averages as far as its leave-one-out fit is weak;
- `peers`: "the same type and country as our best partners": how many of the best fifth of the partners
  (by results score) share the company's type, times how many of them cover its countries, ties broken by
  the type and trait averages. The simple bet a channel team makes without a model.

Which one ranks is chosen per vendor by a time-split backtest on its own partners (tools.recruit.backtest).
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable

from tools.recruit import profile as prof
from tools.recruit.gaps import Gaps, gaps_with
from tools.recruit.outcomes import Outcome
from tools.recruit.traits import SIZE_FEATURE, Company, features, traits, vocabulary

Ranker = Callable[[list[Company]], list[float]]  # a score per company, higher is better
BEST_SHARE = 0.2  # the "best partners" of the peers ranker: the top fifth by results score ...
MIN_BEST = 3  # ... and at least this many
TIE_BREAK = 1e-3  # the share of the type and trait averages in the peers score (ties only)
NAMES = ("profile", "peers", "gaps")
DESCRIPTIONS = {
    "profile": "the learned ideal partner profile (traits that went with results, and the most similar partners)",
    "peers": "the same type and country as our best partners (the top fifth by results)",
    "gaps": "the coverage gaps filled (demand in our pipeline and accounts per partner, by country, industry, "
            "product)",
}


def learn_model(partners: list[Company], outcomes: dict[str, Outcome]) -> prof.Model:
    known = [p for p in partners if p.key in outcomes]
    sets = {p.key: traits(p) for p in known}
    return prof.learn(sets, {p.key: features(p) for p in known}, {p.key: outcomes[p.key].score for p in known},
                      {p.key: outcomes[p.key].weight for p in known}, vocabulary(list(sets.values())),
                      numeric=(SIZE_FEATURE,))


def profile_scores(model: prof.Model, pool: list[Company]) -> list[float]:
    return shrunk([model.fit(traits(c), features(c)) for c in pool], [model.prior(traits(c)) for c in pool],
                  math.sqrt(model.reliability))


def shrunk(learned: list[float], priors: list[tuple[float, float]], trust: float) -> list[float]:
    """The learned fit shrunk towards the simple prior as far as it is not trusted (trust = sqrt(LOO R2)):
    trust x z(learned) + (1 - trust) x z(prior)."""
    return [trust * lz + (1 - trust) * pz for lz, pz in zip(z_scores(learned), _prior(priors))]


def prior_scores(model: prof.Model, pool: list[Company]) -> list[float]:
    return _prior([model.prior(traits(c)) for c in pool])


def _prior(priors: list[tuple[float, float]]) -> list[float]:
    """How partners of the company's type did, and partners sharing each of its traits, equally (z-scores)."""
    by_type, by_trait = z_scores([p[0] for p in priors]), z_scores([p[1] for p in priors])
    return z_scores([a + b for a, b in zip(by_type, by_trait)])


def best_partners(partners: list[Company], outcomes: dict[str, Outcome]) -> list[Company]:
    known = [p for p in partners if p.key in outcomes]
    n = min(len(known), max(MIN_BEST, round(BEST_SHARE * len(known))))
    return sorted(known, key=lambda p: (-outcomes[p.key].score, p.key))[:n]


def peers_scores(best: list[Company], model: prof.Model, pool: list[Company]) -> list[float]:
    types = Counter(_fold(p.type) for p in best if p.type)
    countries = Counter(c.upper() for p in best for c in set(p.countries))
    ties = prior_scores(model, pool)
    return [types[_fold(c.type)] * sum(countries[x.upper()] for x in set(c.countries)) + TIE_BREAK * t
            if c.type else TIE_BREAK * t for c, t in zip(pool, ties)]


def fit_rankers(partners: list[Company], outcomes: dict[str, Outcome], demanded: Gaps,
                model: prof.Model | None = None) -> dict[str, Ranker]:
    """Every ranker fitted on these partners (the profile model reused when given)."""
    model = model or learn_model(partners, outcomes)
    best = best_partners(partners, outcomes)
    gaps = gaps_with(demanded, partners)
    return {"profile": lambda pool: profile_scores(model, pool),
            "peers": lambda pool: peers_scores(best, model, pool),
            "gaps": lambda pool: [gaps.value(c) for c in pool]}


TRUST_FLOOR = 0.5  # the profile's weight when its leave-one-out fit cannot tell how far to trust it


def trust_of(model: prof.Model) -> float:
    """How far the profile learned from our partners' win rates counts against the demand a candidate could
    serve: sqrt of its leave-one-out R2 (a correlation), at least TRUST_FLOOR. The floor: two independent
    sources whose reliability our partners cannot tell weigh equally (on the zoo, a profile with a leave-one-out
    R2 of 0.01 still ranked candidates above random: NDCG@10 0.695 against 0.61 over 55 worlds; the weight of
    the profile from 0.3 to 0.6 moved the mean by 0.005). No profile learned (too few partners): demand alone."""
    if len(model.partner_scores) < prof.MIN_PARTNERS:
        return 0.0
    return max(TRUST_FLOOR, math.sqrt(max(0.0, min(1.0, model.reliability))))


def trust_sentence(model: prof.Model) -> str:
    t = trust_of(model)
    return (f"The profile explains {model.reliability:.0%} of our partners' win rates out of sample, so it counts "
            f"{t:.0%} (at least {TRUST_FLOOR:.0%} when it learned from enough partners) and the demand a candidate "
            f"could serve (our accounts and open deals in its countries and industries) {1 - t:.0%}; the coverage "
            "gaps it fills always add a little.")


def z_scores(values: list[float]) -> list[float]:
    if not values:
        return []
    mean = sum(values) / len(values)
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))
    return [(v - mean) / sd if sd > 1e-12 else 0.0 for v in values]


def _fold(value: str | None) -> str:
    return (value or "").strip().casefold()
