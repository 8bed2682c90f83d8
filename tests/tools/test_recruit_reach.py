"""The demand a candidate could serve (tools.recruit.gaps `reach`) and how far it counts against what our
partners' results teach (tools.recruit.rankers `trust_of`): the less the profile predicts our partners'
results out of sample, the more the ranking leans on our own accounts and pipeline."""
from __future__ import annotations

import random

from tools.recruit.backtest import choose_ranker
from tools.recruit.gaps import Gaps, gaps_with
from tools.recruit.outcomes import Outcome
from tools.recruit.profile import MIN_PARTNERS
from tools.recruit.rankers import TRUST_FLOOR, best_partners, fit_rankers, learn_model, trust_of
from tools.recruit.service import Learned, _profile, _rank
from tools.recruit.traits import Company


def _outcome(pid: str, days: int, score: float) -> Outcome:
    return Outcome(partner_id=pid, won=0.0, years=1.0, wins=0, closed=0, win_rate=0.5, days_to_first_win=None,
                   days_since_joined=days, weight=1.0, score=score)


def _demand() -> Gaps:
    """Retail in Germany: 30 accounts and 6 open deals; Healthcare in France: 2 accounts; Retail in France: 1."""
    return Gaps(cells={("de", "retail"): [30, 6], ("fr", "healthcare"): [2, 0], ("fr", "retail"): [1, 0]})


def _partners(seed: int, planted: bool, n: int = 40) -> tuple[list[Company], dict[str, Outcome]]:
    """Resellers win when `planted`; otherwise results are noise the traits do not explain."""
    rng = random.Random(seed)
    partners, outcomes = [], {}
    for i in range(n):
        kind = ("system_integrator", "reseller")[i % 2]
        p = Company(key=f"P-{i:02d}", name=f"Partner {i}", type=kind, employees=int(10 ** rng.uniform(1.5, 3.5)),
                    countries=[rng.choice(("DE", "FR"))], industries=[rng.choice(("Retail", "Healthcare"))])
        partners.append(p)
        score = (2.0 * (kind == "reseller") + rng.gauss(0, 0.3)) if planted else rng.gauss(0, 1)
        outcomes[p.key] = _outcome(p.key, 3000 - 50 * i, score)
    return partners, outcomes


POOL = [Company(key="C-1", name="Hamburg Retail Integration", type="system_integrator", employees=300,
                countries=["DE"], industries=["Retail"]),
        Company(key="C-2", name="Lyon Health Resale", type="reseller", employees=300, countries=["FR"],
                industries=["Healthcare"])]


def _ranked(partners: list[Company], outcomes: dict[str, Outcome]):
    model = learn_model(partners, outcomes)
    demand = _demand()
    learned = Learned(partners, [], outcomes, "USD", model, choose_ranker(partners, outcomes, demand),
                      fit_rankers(partners, outcomes, demand, model), trust_of(model),
                      best_partners(partners, outcomes), gaps_with(demand, partners), {})
    return learned, sorted(_rank(POOL, learned, None), key=lambda c: -c.score)


def test_reach_counts_our_accounts_and_open_deals_where_country_and_industry_both_match():
    gaps = gaps_with(_demand(), [])
    assert gaps.reach(POOL[0]) == (30, 6)
    assert gaps.reach(POOL[1]) == (2, 0)  # not France's Retail account, not Germany's Retail
    both = Company(key="C-3", name="x", countries=["de", "FR"], industries=["retail"])
    assert gaps.reach(both) == (31, 6)  # case-insensitive, each cell once
    assert gaps.reach(Company(key="C-4", name="y", countries=["DE"])) == (0, 0)  # no industry: nothing to serve
    assert gaps.reach_value(POOL[0]) > gaps.reach_value(POOL[1]) > gaps.reach_value(Company(key="C-5", name="z"))


def test_an_unreliable_profile_counts_the_floor_and_the_demand_the_rest():
    """A profile whose leave-one-out fit is ~0 still counts TRUST_FLOOR (its reliability cannot be told from our
    partners), the demand a candidate could serve the rest; the backtest's figures do not move the ranking."""
    for seed in (1, 2, 3):
        partners, outcomes = _partners(seed, planted=False)
        learned, ranked = _ranked(partners, outcomes)
        assert learned.model.reliability < 0.25 and learned.trust == TRUST_FLOOR
        by_id = {c.candidate_id: c for c in ranked}
        assert set(by_id["C-1"].parts) == {"profile", "reach", "gap bonus"}  # no backtest-weighted peers or gaps
        assert by_id["C-1"].parts["reach"] == 0.5 and by_id["C-2"].parts["reach"] == -0.5  # (1 - 0.5) x z = +-1
        assert by_id["C-1"].reach == {"accounts": 30, "open_deals": 6}
        assert "Could serve 30 of our accounts and 6 open deals (DE in Retail)" in by_id["C-1"].reasons
        assert "weighted 50%" in by_id["C-1"].reasons[0]


def test_no_profile_from_too_few_partners_leaves_the_ranking_to_the_demand():
    partners, outcomes = _partners(5, planted=False, n=MIN_PARTNERS - 1)
    learned, ranked = _ranked(partners, outcomes)
    assert learned.trust == 0.0
    assert [c.candidate_id for c in ranked] == ["C-1", "C-2"]  # 36 accounts and deals against 2


def test_a_reliable_profile_outweighs_the_demand():
    partners, outcomes = _partners(4, planted=True)
    learned, ranked = _ranked(partners, outcomes)
    assert learned.trust > 0.8 and learned.model.reliability > 0.64
    assert [c.candidate_id for c in ranked] == ["C-2", "C-1"]  # the reseller, though it could serve less
    profile = _profile(learned)
    assert profile.trust == round(learned.trust, 3) and f"counts {learned.trust:.0%}" in profile.ranking


def test_the_results_score_is_the_win_rate_not_the_deal_flow():
    """Revenue and speed follow the deals a partner is given; the profile learns the win rate per deal."""
    from tools.recruit.outcomes import _score
    busy = Outcome(partner_id="P-1", won=5e6, years=1.0, wins=20, closed=40, win_rate=0.5, days_to_first_win=10,
                   days_since_joined=400, weight=1.0)
    quiet = Outcome(partner_id="P-2", won=2e5, years=1.0, wins=2, closed=4, win_rate=0.5, days_to_first_win=300,
                    days_since_joined=400, weight=1.0)
    sharp = Outcome(partner_id="P-3", won=1e5, years=1.0, wins=3, closed=3, win_rate=0.7, days_to_first_win=200,
                    days_since_joined=400, weight=1.0)
    _score([busy, quiet, sharp])
    assert busy.score == quiet.score < sharp.score
