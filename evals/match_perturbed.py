"""A second matching world made by perturbing the demo: different drivers, same shapes.

The demo's partners, accounts, relationships and deal dates are kept; who worked each deal and whether
it was won are redrawn:
- the vendor's habit: each partner deal goes to an eligible partner with weight (1 + tier)^2 (big,
  high-tier partners get the deals), whatever their skill;
- the outcome: won with probability sigmoid(-0.4 + 1.6 x skill[partner, industry] + 1.2 x customer
  relationship with the account), skill ~ N(0, 1) per partner and industry (hidden).
Ground truth per test deal (closed in the last ~6 months): the eligible partner with the highest latent
win probability. A matcher that imitates the vendor's habit scores like "highest tier"; one that learns
who wins scores higher. Not tuned on: a check that the ranker choice holds when the drivers change.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import tempfile
from pathlib import Path

import numpy as np

from evals.partner_match import HIT3_MARGIN, backtest, load_demo
from tools.partner_match import features as mf


def perturb(eco: mf.Ecosystem, seed: int = 7) -> tuple[mf.Ecosystem, callable]:
    rng = np.random.default_rng(seed)
    matrix = mf.PartnerMatrix(eco)
    industries = sorted({(a.industry or "").casefold() for a in eco.accounts.values()})
    skill = {(pid, ind): rng.normal() for pid in matrix.ids for ind in industries}
    habit = (1.0 + matrix.tier) ** 2

    def win_prob(i: int, deal: mf.DealRec) -> float:
        account = eco.accounts.get(deal.account_id)
        ind = (account.industry or "").casefold() if account else ""
        rel = matrix.relations.get(deal.account_id, {}).get(i)
        customer = 1.0 if rel is not None and rel.population == "customer" else 0.0
        return float(1 / (1 + np.exp(-(-0.4 + 1.6 * skill[(matrix.ids[i], ind)] + 1.2 * customer))))

    deals = []
    for deal in eco.deals:
        account = eco.accounts.get(deal.account_id)
        eligible = np.flatnonzero(matrix.eligible_for(deal.products, account.country if account else None,
                                                      deal.opened()))
        if not deal.partner_id or not len(eligible):
            deals.append(deal)
            continue
        i = int(rng.choice(eligible, p=habit[eligible] / habit[eligible].sum()))
        pid = matrix.ids[i]
        stage = deal.stage
        if deal.is_closed:
            stage = "closed_won" if rng.random() < win_prob(i, deal) else "closed_lost"
        deals.append(dataclasses.replace(deal, partner_id=pid, stage=stage,
                                         registered_by=pid if deal.registered_by else None))
    world = mf.Ecosystem(eco.partners, eco.accounts, deals, eco.activity, eco.relations)

    def best_partner(deal: mf.DealRec) -> str | None:
        account = eco.accounts.get(deal.account_id)
        eligible = np.flatnonzero(matrix.eligible_for(deal.products, account.country if account else None,
                                                      deal.opened()))
        if not len(eligible):
            return None
        return matrix.ids[int(max(eligible, key=lambda i: win_prob(int(i), deal)))]

    return world, best_partner


def run() -> dict:
    from evals.demo.generator import generate

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "import"
        generate(folder)
        truth = json.loads((folder / "truth" / "match_backtest.json").read_text())
        today = dt.date.fromisoformat((folder / "truth" / "today.txt").read_text().strip())
        eco = load_demo(folder, Path(tmp) / "home", today)
    test_start = dt.date.fromisoformat(truth["test_start"])
    world, best_partner = perturb(eco)
    cases = [{"opportunity_id": d.opportunity_id, "winner_partner_id": best}
             for d in world.deals if d.is_closed and d.partner_id and d.close_date and d.close_date >= test_start
             and (best := best_partner(d))]
    report = backtest(world, cases, test_start)
    results = report["results"]
    baseline = max(results[m]["hit@3"] for m in ("random_eligible", "highest_tier", "most_wins"))
    report["hit@3_margin"] = round(results["chosen"]["hit@3"] - baseline, 4)
    report["passed"] = (report["hit@3_margin"] >= HIT3_MARGIN
                        and results["chosen"]["hit@3"] >= results["segment"]["hit@3"] - 1e-9)
    return report


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
