"""Matching on zoo worlds in one process: every ranker candidate, the chosen one and the baselines of
`evals.zoo.score` on the worlds' open deals and leads, without a CLI call per deal (a developer's loop;
`evals.zoo.score` stays the measure of record, through the CLI).

`python -m evals.zoo.match_inproc [--world W ...] [--size small|full]` prints one JSON line per world.
A lead is ranked as `leads route` ranks it: a deal without history at the account it names.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from collections import defaultdict

from evals.zoo.inproc import matching_world
from evals.zoo.score import _mean, _random_metrics, _rank_metrics, _split
from evals.zoo.worlds import DEFAULT_WORLDS, WORLDS, sized
from tools.partner_match import features as mf
from tools.partner_match.history import history_as_of
from tools.partner_match.model import MatchModel, top_rows, train_model
from tools.partner_match.selection import choose_ranker


def _ranked(model: MatchModel, matrix, state, deal, account, k: int = 5) -> list[str]:
    signals = mf.deal_signals(matrix, state, deal, account)
    rows, _ = top_rows(model, signals, k)
    return [matrix.ids[int(i)] for i in rows]


def score(name: str, size: str = "full", deals: int = 20) -> dict:
    world = sized(WORLDS[name], size)
    truth, eco, data, today = matching_world(world)
    matrix = mf.PartnerMatrix(eco)
    as_of = today + dt.timedelta(days=1)
    chosen = choose_ranker(eco, matrix, today)
    state = history_as_of(matrix, eco, as_of)
    models = {"chosen": chosen, "learned": train_model(eco, matrix, as_of),
              "learned_all": train_model(eco, matrix, as_of, kind="learned_all"),
              "outcome": train_model(eco, matrix, as_of, kind="outcome"),
              "segment": MatchModel.segment(state.base_rate, cutoff=as_of), "cold_start": MatchModel.cold_start()}
    rng = random.Random(world.seed)
    out: dict = defaultdict(list)
    for oid in sorted(truth["open_deals"])[:deals]:
        t = truth["open_deals"][oid]
        deal = eco.deal_by_id[oid]
        account = eco.accounts[deal.account_id]
        gains, best, elig = t["p_win"], t["best"], list(t["p_win"])
        for key, model in models.items():
            out[key].append(_rank_metrics(_ranked(model, matrix, state, deal, account), best, gains))
        acc = data.accounts[t["account_id"]]
        h = {p: data.heuristic(p, acc["industry"], t["products"], acc["domain"], acc["name"]) for p in elig}
        out["zoo heuristic"].append(_rank_metrics(sorted(elig, key=h.get, reverse=True), best, gains))
        out["random"].append(_random_metrics(elig, best, gains, rng, 50))
        out["highest tier"].append(_rank_metrics(sorted(elig, key=data.tier_rank, reverse=True), best, gains))
        out["most wins"].append(_rank_metrics(sorted(elig, key=lambda p: (data.wins[p], p), reverse=True), best, gains))
    match = {k: _mean(v[:20]) for k, v in out.items()}  # the 20 deals `evals.zoo.score` scores
    match_all = {k: _mean(v) for k, v in out.items()}
    leads: dict = defaultdict(list)
    by_name = {a.name.strip().casefold(): a for a in eco.accounts.values()}
    for lid in sorted(truth["leads"])[:max(5, deals // 2)]:
        t, lead = truth["leads"][lid], data.leads[lid]
        account = by_name.get(lead["company"].strip().casefold())
        if account is None:
            continue
        deal = mf.DealRec(opportunity_id=f"lead:{lid}", account_id=account.account_id, name=lead["company"],
                          created_on=dt.date.fromisoformat(lead["created_on"]), products=tuple(_split(lead["products"])))
        for key, model in models.items():
            leads[key].append(float(t["best"] in _ranked(model, matrix, state, deal, account, 3)))
        elig = list(t["p_win"])
        h = {p: data.heuristic(p, lead["industry"], _split(lead["products"]), lead["domain"], lead["company"])
             for p in elig}
        leads["zoo heuristic"].append(float(t["best"] in sorted(elig, key=h.get, reverse=True)[:3]))
        leads["random"].append(min(3, len(elig)) / len(elig))
    return {"world": name, "chosen": chosen.kind, "candidates": chosen.candidates,
            "match": match, f"match_{len(out['random'])}": match_all, "leads_hit@3": {k: round(sum(v) / len(v), 3) for k, v in leads.items()}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--world", action="append", choices=sorted(WORLDS))
    ap.add_argument("--size", default="full", choices=("small", "full"))
    ap.add_argument("--deals", type=int, default=20)
    args = ap.parse_args()
    for w in args.world or DEFAULT_WORLDS:
        print(json.dumps(score(w, args.size, args.deals)), flush=True)


if __name__ == "__main__":
    main()
