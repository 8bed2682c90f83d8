"""Partner-match backtest: does the model learned from older deals pick the partner that won newer ones?

Data: the demo ecosystem (`evals.demo.generator`), its structured records loaded into a temporary store
(no documents, no embeddings), then read into memory once (`tools.partner_match.service.load_ecosystem`, the
same code path as serving, account mapping included). Test cases: `truth/match_backtest.json`, the
closed_won deals with a partner whose close date is in the last ~6 months; the deal's partner is the
winner.

Protocol (time split, no leakage):
- the model trains on deals closed before `test_start`, with features as of each deal's created_on;
- each test deal is scored as of its own created_on, with its partner_id and registered_by masked and
  its own outcome excluded from every count; names of partners are cut from its text;
- metrics: hit@1, hit@3 and NDCG@5 of the winner over every partner, eligible ones first. Ties (common
  for the baselines) count as a random order among the tied: the expected value is reported.
Baselines, each over eligible partners only: random, highest tier, most historical wins (as of the
deal's creation). Target: hit@3 beats every baseline by at least 15 points. For reference, `oracle`
ranks by the generator's hidden partner strengths (truth/partner_skills.json) without the noise of each
pick: the ceiling of what history can teach (on the demo, about the target itself).
"""
from __future__ import annotations

import datetime as dt
import json
import tempfile
import time
from pathlib import Path

import numpy as np

from tools.partner_match import features as mf
from tools.partner_match.model import HistoryState, HistorySweep, MatchModel, rank, train_model
from tools.partner_match.selection import choose_ranker, expected_metrics, model_key

HIT3_MARGIN = 0.15
METHODS = ("model", "segment", "chosen", "random_eligible", "highest_tier", "most_wins")


def method_keys(model: MatchModel, signals: mf.DealSignals, state: HistoryState, matrix: mf.PartnerMatrix,
                exclude: mf.DealRec, others: dict[str, MatchModel] | None = None) -> dict[str, np.ndarray]:
    """Sort keys (higher = better) of the model and the baselines for one deal."""
    eligible = signals.eligible.astype(float)
    order, _ = rank(model, signals)
    model_key = np.empty(len(order))
    model_key[order] = -np.arange(len(order), dtype=float)  # the model's own total order
    wins = state.tot_w.copy()
    own = matrix.index.get(exclude.partner_id or "")
    if own is not None and state.counts(exclude)[1] and exclude.won:
        wins[own] -= 1
    return {
        **{name: model_key_of(m, signals) for name, m in (others or {}).items()},
        "model": model_key,
        "random_eligible": eligible,
        "highest_tier": eligible * 10 + matrix.tier,
        "most_wins": eligible * 1e9 + wins,
    }


def model_key_of(model: MatchModel, signals: mf.DealSignals) -> np.ndarray:
    return model_key(model, signals)


def oracle_key(skills: dict, matrix: mf.PartnerMatrix, deal: mf.DealRec,
               account: mf.AccountRec) -> np.ndarray:
    """The demo generator's hidden pick weight (capacity x skill x country skill), without its per-deal noise:
    a ceiling for any model, not a baseline (no real vendor has it)."""
    key = np.zeros(len(matrix.ids))
    for i, pid in enumerate(matrix.ids):
        truth = skills.get(pid)
        if truth and deal.products:
            skill = np.mean([truth["skill"].get(f"{account.industry}|{p}", 0.0) for p in deal.products])
            key[i] = truth["capacity"] * skill * truth["country_skill"].get(account.country or "", 0.0)
    return key


def backtest(eco: mf.Ecosystem, cases: list[dict], test_start: dt.date,
             model: MatchModel | None = None, skills: dict | None = None) -> dict:
    """Scores every test case with the model (trained here unless given) and the baselines."""
    matrix = mf.PartnerMatrix(eco)
    started = time.perf_counter()
    model = model or train_model(eco, matrix, test_start)
    train_s = time.perf_counter() - started
    chosen = choose_ranker(eco, matrix, test_start - dt.timedelta(days=1))  # as the engine would, then
    others = {"segment": MatchModel.segment(HistorySweep(matrix, eco).advance(test_start).base_rate),
              "chosen": chosen}
    todo = sorted((c for c in cases if c["opportunity_id"] in eco.deal_by_id),
                  key=lambda c: (eco.deal_by_id[c["opportunity_id"]].opened(), c["opportunity_id"]))
    sweep = HistorySweep(matrix, eco)
    methods = METHODS + (("oracle",) if skills else ())
    totals = {m: {"hit@1": 0.0, "hit@3": 0.0, "ndcg@5": 0.0} for m in methods}
    winner_eligible = 0
    started = time.perf_counter()
    for case in todo:
        deal = eco.deal_by_id[case["opportunity_id"]]
        state = sweep.advance(deal.opened())
        account = eco.accounts.get(deal.account_id)
        signals = mf.deal_signals(matrix, state, deal.masked(), account, exclude=deal)
        winner = matrix.index[case["winner_partner_id"]]
        winner_eligible += bool(signals.eligible[winner])
        keys = method_keys(model, signals, state, matrix, deal, others)
        if skills:
            keys["oracle"] = signals.eligible * 1e9 + oracle_key(skills, matrix, deal, signals.account)
        for method, key in keys.items():
            for metric, value in expected_metrics(key, winner).items():
                totals[method][metric] += value
    n = max(len(todo), 1)
    results = {m: {k: round(v / n, 4) for k, v in metrics.items()} for m, metrics in totals.items()}
    return {"cases": len(todo), "winner_eligible": round(winner_eligible / n, 4), "results": results,
            "model": {"kind": model.kind, "training_deals": model.n_deals, "training_rows": model.n_rows,
                      "weights": dict(zip(mf.FEATURES, model.weights))},
            "chosen": {"name": chosen.kind, "backtest": chosen.backtest, "candidates": chosen.candidates},
            "train_s": round(train_s, 2),
            "score_ms_per_deal": round(1000 * (time.perf_counter() - started) / n, 2)}


def load_demo(folder: Path, home: Path, today: dt.date) -> mf.Ecosystem:
    """The demo's structured records in a temporary store, read back as serving reads them."""
    from assistant.core.config import Settings
    from assistant.engine.context import AppContext
    from connectors.csv_folder import read_import_folder
    from retrieval.ingest import replace_records
    from tools.partner_match.service import load_ecosystem

    ctx = AppContext(Settings(home=home, today=today))
    try:
        replace_records(ctx, read_import_folder(folder))  # records only: documents are not needed here
        return load_ecosystem(ctx)
    finally:
        ctx.close()


def run() -> dict:
    from evals.demo.generator import generate

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "import"
        generate(folder)
        truth = json.loads((folder / "truth" / "match_backtest.json").read_text())
        skills_file = folder / "truth" / "partner_skills.json"
        skills = json.loads(skills_file.read_text()) if skills_file.exists() else None
        today = dt.date.fromisoformat((folder / "truth" / "today.txt").read_text().strip())
        eco = load_demo(folder, Path(tmp) / "home", today)
    test_start = dt.date.fromisoformat(truth["test_start"])
    report = backtest(eco, truth["cases"], test_start, skills=skills)
    cold = backtest(eco, truth["cases"], test_start, MatchModel.cold_start())
    report["cold_start_results"] = cold["results"]["model"]
    results = report["results"]
    best_baseline = max(results[m]["hit@3"] for m in METHODS  # the oracle is no baseline
                        if m not in ("model", "segment", "chosen"))
    report["hit@3_margin"] = round(results["chosen"]["hit@3"] - best_baseline, 4)
    report["thresholds"] = {"hit@3_margin": HIT3_MARGIN}
    report["passed"] = report["hit@3_margin"] >= HIT3_MARGIN
    return report


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
