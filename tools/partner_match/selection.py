"""Which ranker to trust on THIS vendor's data, chosen by a time-split backtest of its own history.

At build time the candidates (`learned`: logistic on outcomes; `segment`: the empirical-Bayes segment
win rate plus a customer-relationship bonus; `cold_start`: the hand-set rules) are fitted on the deals
closed before a cutoff and scored on the won partner deals closed after it (the most recent
`TEST_SHARE`, at least `MIN_TEST_DEALS`, at most `MAX_TEST_DEALS`). Each test deal is scored as of its
own created_on with its partner and registration masked, so it never explains itself. The winner is
the partner of the won deal; a ranker's figures are hit@1, hit@3 and NDCG@5 of the winner over every
partner, eligible ones first, ties counted at random (expected values).

The best by hit@1 + hit@3 + NDCG@5 is used (ties: the simpler one), refitted on all history, and carries its
figures and every candidate's (`MatchModel.backtest`, `.candidates`): `cosell match --json` and
`cosell eval` show them. Too little history for a backtest: the learned model if it could be fitted,
else the cold-start rules, and no figures.
"""
from __future__ import annotations

import datetime as dt
import logging
import math

import numpy as np

from tools.partner_match.features import DealRec, Ecosystem, PartnerMatrix, deal_signals
from tools.partner_match.history import HistorySweep, history_as_of
from tools.partner_match.model import MatchModel, rank, train_model

log = logging.getLogger(__name__)

TEST_SHARE = 0.2
MIN_TEST_DEALS = 10
MAX_TEST_DEALS = 300  # the backtest costs one pass over the partners per test deal
METRICS = ("hit@1", "hit@3", "ndcg@5")  # the best ranker has the highest sum: every position counts
SIMPLEST_FIRST = ("segment", "cold_start", "learned")  # on a tie the simpler ranker wins


def expected_metrics(key: np.ndarray, winner: int) -> dict[str, float]:
    """hit@1, hit@3, NDCG@5 of `winner` when partners are sorted by `key` descending, ties at random."""
    better = int((key > key[winner]).sum())
    tied = int((key == key[winner]).sum())
    ranks = range(better + 1, better + tied + 1)
    return {
        "hit@1": min(max(1 - better, 0), tied) / tied,
        "hit@3": min(max(3 - better, 0), tied) / tied,
        "ndcg@5": sum(1 / math.log2(r + 1) for r in ranks if r <= 5) / tied,
    }


def model_key(model: MatchModel, signals) -> np.ndarray:
    """A sort key (higher = better) that is the model's own total order, eligible partners first."""
    order, _ = rank(model, signals)
    key = np.empty(len(order))
    key[order] = -np.arange(len(order), dtype=float)
    return key


def test_deals(eco: Ecosystem, matrix: PartnerMatrix, today: dt.date) -> list[DealRec]:
    """The most recent closed partner deals before today (won: the answers; lost: the lift), oldest first."""
    closed = [d for d in eco.deals if d.is_closed and d.partner_id in matrix.index and d.close_date
              and d.close_date < today and d.account_id in eco.accounts]
    closed.sort(key=lambda d: (d.closed(), d.opportunity_id))
    won = sum(d.won for d in closed)
    if won < 2 * MIN_TEST_DEALS:
        return []
    size = min(max(int(won * TEST_SHARE), MIN_TEST_DEALS), MAX_TEST_DEALS)
    start, seen = len(closed), 0
    while seen < size:  # back from the newest until the window holds `size` won deals
        start -= 1
        seen += closed[start].won
    return closed[start:]


def backtest_models(eco: Ecosystem, matrix: PartnerMatrix, models: dict[str, MatchModel],
                    cases: list[DealRec]) -> dict[str, dict[str, float]]:
    """Each model's mean hit@1, hit@3, NDCG@5 of the winner over the won `cases`, and its `lift`: how much
    more often the engaged partner is in its top 3 on won than on lost cases (a ranker that imitates whom
    the vendor picks, winners and losers alike, has none). Each case is scored as of its created_on."""
    sweep = HistorySweep(matrix, eco)
    totals = {name: {"hit@1": 0.0, "hit@3": 0.0, "ndcg@5": 0.0, "lost@3": 0.0} for name in models}
    pct: dict[str, list[tuple[float, bool]]] = {name: [] for name in models}
    won = sum(d.won for d in cases)
    for deal in sorted(cases, key=lambda d: (d.opened(), d.opportunity_id)):
        state = sweep.advance(deal.opened())
        signals = deal_signals(matrix, state, deal.masked(), eco.accounts.get(deal.account_id), exclude=deal)
        engaged = matrix.index[deal.partner_id]
        for name, model in models.items():
            key = model_key(model, signals)
            metrics = expected_metrics(key, engaged)
            among = signals.eligible
            pct[name].append((float((key[among] < key[engaged]).mean()) if among.any() else 0.5, deal.won))
            if deal.won:
                for metric, value in metrics.items():
                    totals[name][metric] += value
            else:
                totals[name]["lost@3"] += metrics["hit@3"]
    n, lost = max(won, 1), max(len(cases) - won, 1)
    out = {}
    for name, t in totals.items():
        out[name] = {k: round(t[k] / n, 4) for k in ("hit@1", "hit@3", "ndcg@5")}
        out[name]["lift"] = round(out[name]["hit@3"] - t["lost@3"] / lost, 4)
        out[name]["auc"] = round(_auc(pct[name]), 4)
        out[name]["n"] = won
    return out


def _auc(pairs: list[tuple[float, bool]]) -> float:
    """P(a won deal's engaged partner ranks higher among the eligible than a lost deal's)."""
    won = np.array([p for p, w in pairs if w])
    lost = np.array([p for p, w in pairs if not w])
    if not len(won) or not len(lost):
        return 0.5
    diff = won[:, None] - lost[None, :]
    return float((diff > 0).mean() + 0.5 * (diff == 0).mean())


def candidates(eco: Ecosystem, matrix: PartnerMatrix, cutoff: dt.date) -> dict[str, MatchModel]:
    learned = train_model(eco, matrix, cutoff)
    base = history_as_of(matrix, eco, cutoff).base_rate
    out = {"segment": MatchModel.segment(base, cutoff=cutoff), "cold_start": MatchModel.cold_start(cutoff=cutoff)}
    if learned.kind == "learned":
        out["learned"] = learned
    return out


def choose_ranker(eco: Ecosystem, matrix: PartnerMatrix, today: dt.date) -> MatchModel:
    """The ranker that did best on the vendor's recent history, refitted on all of it, with its figures."""
    as_of = today + dt.timedelta(days=1)  # everything dated today has happened
    cases = test_deals(eco, matrix, as_of)
    if not cases:
        log.info("partner match: too few won partner deals for a backtest; no ranker comparison")
        return train_model(eco, matrix, as_of)
    cutoff = cases[0].closed()
    results = backtest_models(eco, matrix, candidates(eco, matrix, cutoff), cases)
    best = max(results, key=lambda name: (sum(results[name][m] for m in METRICS), -SIMPLEST_FIRST.index(name)))
    if best == "learned":
        model = train_model(eco, matrix, as_of)
    elif best == "segment":
        model = MatchModel.segment(history_as_of(matrix, eco, as_of).base_rate, cutoff=as_of)
    else:
        model = MatchModel.cold_start(cutoff=as_of)
    model.backtest = results[best] | {"test_from": cutoff.isoformat()}
    model.candidates = results
    log.info("partner match: ranker %s chosen by backtest %s", best, results)
    return model
