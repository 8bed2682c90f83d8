"""Which ranker to trust on THIS vendor's data, chosen by a repeated time-split backtest of its own history.

At build time the candidates (`learned`: logistic on outcomes; `segment`: the empirical-Bayes segment
win rate plus a customer-relationship bonus; `cold_start`: the hand-set rules) are compared on up to
`FOLDS` consecutive windows of the most recent closed partner deals (rolling origin): for each window the
candidates are fitted on the deals closed before it and scored on its won deals (each window holds
`TEST_SHARE` of the won deals, at least `MIN_TEST_DEALS`; all windows together at most `MAX_TEST_DEALS`).
Each test deal is scored as of its own created_on with its partner and registration masked, so it never
explains itself. The winner is the partner of the won deal; a ranker's figures are hit@1, hit@3 and NDCG@5
of the winner over every partner, eligible ones first, ties counted at random (expected values).

The segment win rate is the incumbent: a simple heuristic that is hard to beat on anyone's data. Another
ranker replaces it only when it beats it on the won test deals pooled over the windows by a margin that
is both practical and statistical, and in most windows (`pick_ranker`), so one lucky split never picks a
ranker worse than the heuristic. Each won deal counts against the vendor's assignment habit: whom the
vendor hands deals to is its choice, not an outcome, so the winner of a won deal is mostly a partner it
favours, and a ranker that imitates the habit looks good on won deals without predicting who wins. A won
deal is weighted by the inverse of how likely the habit (each partner's assignment rate among the deals
it was eligible for) was to pick its partner, relative to a random eligible pick (inverse propensity
weighting, clipped). The choice is refitted on all history and carries its figures and every candidate's
(`MatchModel.backtest`, `.candidates`, with `gain_vs_segment` and `beats_segment`): `cosell match
--json` and `cosell eval` show them. Too little history for a backtest: the learned model if it could be
fitted, else the cold-start rules, and no figures.
"""
from __future__ import annotations

import datetime as dt
import logging
import math
from dataclasses import dataclass

import numpy as np

from tools.partner_match.features import UNCAUSED, DealRec, Ecosystem, PartnerMatrix, deal_signals
from tools.partner_match.history import HistorySweep, base_rate_as_of
from tools.partner_match.model import MatchModel, rank, train_model, training_set, training_sets

log = logging.getLogger(__name__)

TEST_SHARE = 0.15  # of the won partner deals, per window
FOLDS = 3  # consecutive test windows (rolling origin): one split alone is too noisy to choose by
MIN_TEST_DEALS = 10  # won deals per window
MAX_TEST_DEALS = 300  # over all windows: the backtest costs one pass over the partners per test deal
METRICS = ("hit@1", "hit@3", "ndcg@5")  # a ranker's score per deal is their sum: every position counts
# The learned candidates (`tools.partner_match.model.train_model`). `outcome` (won vs lost with the engaged
# partner only) is no candidate: on the demo and the zoo's relationships world its backtest gain
# exceeded `learned`'s and segment's while it ranked the open deals and the later winners worse.
# `learned_all` fits the relationship weights too: history hides the relationships recorded after a deal
# (so the fit sees fewer than serving will), but where they carry little (the demo) the hand-set weights of
# `learned` overrate them. The backtest, which judges on the relationships no judged deal can have
# created (`RELATIONS_KNOWN_NOW`), decides.
LEARNED = ("learned", "learned_all")
# A candidate that frees weights another keeps at their priors replaces it only when it gains `MARGIN`
# over it as well: fitted from censored history, the freed weights have to earn their place.
REFINES = {"learned_all": "learned"}
INCUMBENT = "segment"  # the simple heuristic another ranker has to beat
MARGIN = 0.05  # the least mean gain per won deal (in hit@1 + hit@3 + NDCG@5, 0..3) to replace it
MARGIN_SE = 1.0  # ... and the gain must be at least this many standard errors of the paired gain
MAX_WEIGHT = 10.0  # a won deal's habit-correcting weight is clipped to 1/10..10 (variance)
HABIT_PRIOR = 5.0  # a partner's assignment rate is shrunk toward the vendor's as if seen on this many deals
# Judge rankers on the relationships they will see when serving, less those the judged deal itself (or a
# later one) may have created: a customer row recorded after a partner's first win at the account would
# hand the ranker the answer (`tools.partner_match.features.UNCAUSED`).
RELATIONS_KNOWN_NOW = UNCAUSED
HABIT_DEALS = 3000
HABIT_INFORMATIVE_AUC = 0.55  # the habit's favourites win more often than this (AUC, won vs lost): no correction  # the most recent partner deals the assignment habit is read from


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


def test_windows(eco: Ecosystem, matrix: PartnerMatrix, today: dt.date) -> list[list[DealRec]]:
    """Up to `FOLDS` consecutive windows of the most recent closed partner deals before today (won: the
    answers; lost: the lift), oldest window first, each holding the same number of won deals; the windows
    together hold at most half of the won deals, so every window is fitted on at least as many."""
    closed = [d for d in eco.deals if d.is_closed and d.partner_id in matrix.index and d.close_date
              and d.close_date < today and d.account_id in eco.accounts]
    closed.sort(key=lambda d: (d.closed(), d.opportunity_id))
    won = sum(d.won for d in closed)
    if won < 2 * MIN_TEST_DEALS:
        return []
    size = max(int(won * TEST_SHARE), MIN_TEST_DEALS)
    folds = min(FOLDS, max(1, (won // 2) // size))
    size = max(min(size, MAX_TEST_DEALS // folds), MIN_TEST_DEALS)
    windows, end = [], len(closed)
    for _ in range(folds):
        start, seen = end, 0
        while seen < size and start > 0:  # back from the newest until the window holds `size` won deals
            start -= 1
            seen += closed[start].won
        if seen < size:
            break
        windows.append(closed[start:end])
        end = start
    return windows[::-1]


def test_deals(eco: Ecosystem, matrix: PartnerMatrix, today: dt.date) -> list[DealRec]:
    """Every test deal of the backtest's windows, oldest first."""
    return [d for window in test_windows(eco, matrix, today) for d in window]


def score_cases(eco: Ecosystem, matrix: PartnerMatrix, models: dict[str, MatchModel],
                cases: list[DealRec], habit: np.ndarray | None = None) -> dict[str, dict[str, list]]:
    """Per model, per case: the metrics of the engaged partner (`won`, `lost`: lists of metric dicts of
    the won and the lost cases; `pct`: (share of the eligible it beats, won)). Each case is scored as of
    its created_on, with its own partner and registration masked. `weight` (won cases): the inverse of
    how likely the vendor's habit (`habit`: each partner's assignment rate) was to hand the deal to the
    partner that won it, relative to a random eligible pick."""
    sweep = HistorySweep(matrix, eco)
    out = {name: {"won": [], "lost": [], "pct": [], "weight": [], "favoured": []} for name in models}
    for deal in sorted(cases, key=lambda d: (d.opened(), d.opportunity_id)):
        state = sweep.advance(deal.opened())
        signals = deal_signals(matrix, state, deal.masked(), eco.accounts.get(deal.account_id), exclude=deal,
                               relations_known_now=RELATIONS_KNOWN_NOW)
        engaged = matrix.index[deal.partner_id]
        weight = habit_weight(habit, signals.eligible, engaged) if habit is not None else 1.0
        for name, model in models.items():
            key = model_key(model, signals)
            metrics = expected_metrics(key, engaged)
            among = signals.eligible
            out[name]["favoured"].append((1.0 / weight, deal.won))
            out[name]["pct"].append((float((key[among] < key[engaged]).mean()) if among.any() else 0.5, deal.won))
            if deal.won:
                out[name]["won"].append(metrics)
                out[name]["weight"].append(weight)
            else:
                out[name]["lost"].append(metrics)
    return out


def assignment_habit(eco: Ecosystem, matrix: PartnerMatrix, before: dt.date) -> np.ndarray:
    """Per partner, how often the vendor handed it a partner deal it was eligible for (the last
    `HABIT_DEALS` deals opened before `before`), shrunk toward the vendor-wide rate. Who gets a deal is
    the vendor's choice, not an outcome: a backtest that counts the winners of won deals alone rewards
    rankers that imitate it."""
    deals = [d for d in eco.deals if d.partner_id in matrix.index and d.opened() < before
             and d.account_id in eco.accounts]
    deals.sort(key=lambda d: (d.opened(), d.opportunity_id))
    n = len(matrix.ids)
    assigned, eligible = np.zeros(n), np.zeros(n)
    for deal in deals[-HABIT_DEALS:]:
        mask = matrix.eligible_for(deal.products, eco.accounts[deal.account_id].country, deal.opened())
        i = matrix.index[deal.partner_id]
        mask[i] = True
        eligible += mask
        assigned[i] += 1
    overall = assigned.sum() / max(eligible.sum(), 1.0)
    return (assigned + HABIT_PRIOR * overall) / (eligible + HABIT_PRIOR)


def habit_weight(habit: np.ndarray, eligible: np.ndarray, engaged: int) -> float:
    """1 / (eligible partners x the chance the habit picks `engaged` among them): 1 under a random pick,
    below 1 for the partner the vendor favours, above for one it seldom picks; clipped to `MAX_WEIGHT`."""
    among = eligible.copy()
    among[engaged] = True
    weight = float(habit[among].mean() / max(habit[engaged], 1e-12))
    return min(max(weight, 1 / MAX_WEIGHT), MAX_WEIGHT)


def summarise(scored: dict[str, list]) -> dict[str, float]:
    """Mean hit@1, hit@3, NDCG@5 over the won cases, and the `lift`: how much more often the engaged
    partner is in the top 3 on won than on lost cases (a ranker that imitates whom the vendor picks,
    winners and losers alike, has none), the `auc` and `n` (won cases)."""
    won, n = scored["won"], max(len(scored["won"]), 1)
    out = {k: round(sum(m[k] for m in won) / n, 4) for k in METRICS}
    out["lift"] = round(out["hit@3"] - sum(m["hit@3"] for m in scored["lost"]) / max(len(scored["lost"]), 1), 4)
    if scored.get("weight"):  # the same, each won deal weighted against the vendor's habit (`habit_weight`)
        weights = np.asarray(scored["weight"])
        out["hit@3_habit_corrected"] = round(float(np.average([m["hit@3"] for m in won], weights=weights)), 4)
    out["auc"] = round(_auc(scored["pct"]), 4)
    out["n"] = len(won)
    return out


def backtest_models(eco: Ecosystem, matrix: PartnerMatrix, models: dict[str, MatchModel],
                    cases: list[DealRec]) -> dict[str, dict[str, float]]:
    """Each model's figures (`summarise`) over the `cases`."""
    return {name: summarise(scored) for name, scored in score_cases(eco, matrix, models, cases).items()}


def pick_ranker(per_deal: dict[str, np.ndarray], weight: np.ndarray, window: np.ndarray,
                auc: dict[str, float] | None = None) -> tuple[str, dict[str, dict]]:
    """The incumbent segment ranker unless another beats it. `per_deal`: each ranker's hit@1 + hit@3 +
    NDCG@5 of the winner per won test deal; `weight`: the deal's habit-correcting weight
    (`habit_weight`); `window`: its test window. A challenger must beat the incumbent's weighted mean by
    `MARGIN`, by `MARGIN_SE` standard errors of the paired gain, and in most windows; a refinement
    (`REFINES`) must also gain `MARGIN` more than the candidate it refines. Among those that
    do, the largest gain wins, unless another's gain is within `MARGIN` of it (the backtest cannot
    separate them): then the one whose rank best tells won deals from lost ones (`auc`: the chance of
    winning, which is what a channel manager asks about) wins."""
    base = per_deal[INCUMBENT]
    windows = np.unique(window)
    w = weight / weight.sum() if len(weight) else weight
    verdicts, best = {}, INCUMBENT
    for name, score in per_deal.items():
        if name == INCUMBENT:
            continue
        diff = score - base
        gain = float(np.dot(w, diff)) if len(diff) else 0.0
        se = float(math.sqrt(np.dot(w ** 2, (diff - gain) ** 2))) if len(diff) > 1 else math.inf
        won_windows = sum(float(np.average(diff[window == k], weights=weight[window == k])) > 0 for k in windows)
        beats = bool(gain >= MARGIN and gain >= MARGIN_SE * se and 2 * won_windows > len(windows))
        verdicts[name] = {"gain_vs_segment": round(gain, 4), "gain_se": round(se, 4) if math.isfinite(se) else None,
                          "windows_won": int(won_windows), "windows": len(windows), "beats_segment": beats}
    for name, simpler in REFINES.items():  # a refinement must beat what it refines by the margin too
        if verdicts.get(name, {}).get("beats_segment") and verdicts.get(simpler, {}).get("beats_segment") and (
                verdicts[name]["gain_vs_segment"] - verdicts[simpler]["gain_vs_segment"] < MARGIN):
            verdicts[name]["beats_segment"] = False
            verdicts[name]["not_clearly_above"] = simpler
    beating = [name for name, v in verdicts.items() if v["beats_segment"]]
    if beating:
        top = max(verdicts[name]["gain_vs_segment"] for name in beating)
        tied = [name for name in beating if verdicts[name]["gain_vs_segment"] >= top - MARGIN]
        best = max(tied, key=lambda name: ((auc or {}).get(name, 0.0), verdicts[name]["gain_vs_segment"]))
    return best, verdicts


def _auc(pairs: list[tuple[float, bool]]) -> float:
    """P(a won deal's engaged partner ranks higher among the eligible than a lost deal's)."""
    won = np.array([p for p, w in pairs if w])
    lost = np.array([p for p, w in pairs if not w])
    if not len(won) or not len(lost):
        return 0.5
    diff = won[:, None] - lost[None, :]
    return float((diff > 0).mean() + 0.5 * (diff == 0).mean())


def candidates(eco: Ecosystem, matrix: PartnerMatrix, cutoff: dt.date,
               examples: tuple | None = None) -> dict[str, MatchModel]:
    """Every candidate fitted before `cutoff`; `examples`: the cutoff's `training_set`, if already built."""
    base = base_rate_as_of(matrix, eco, cutoff)
    out = {"segment": MatchModel.segment(base, cutoff=cutoff), "cold_start": MatchModel.cold_start(cutoff=cutoff)}
    if examples is None:  # the learned candidates differ in the fit, not the examples
        examples = training_set(eco, matrix, cutoff)
    for kind in LEARNED:
        model = train_model(eco, matrix, cutoff, kind=kind, examples=examples if kind != "outcome" else None)
        if model.kind == kind:
            out[kind] = model
    return out


@dataclass
class Backtest:
    """The won test deals of every window, pooled: per candidate its hit@1 + hit@3 + NDCG@5 per deal
    (`per_deal`), each deal's habit weight and window, the candidates' AUC (won vs lost) and figures."""
    per_deal: dict[str, np.ndarray]
    weight: np.ndarray
    window: np.ndarray
    auc: dict[str, float]
    results: dict[str, dict]
    habit_auc: float
    test_from: str
    windows: int

    def pick(self) -> tuple[str, dict[str, dict]]:
        return pick_ranker(self.per_deal, self.weight, self.window, self.auc)

    def figures(self, best: str, verdicts: dict[str, dict], **extra) -> tuple[dict, dict[str, dict]]:
        """(the chosen ranker's `MatchModel.backtest`, every candidate's figures with its verdict)."""
        results = {name: figures | verdicts.get(name, {}) for name, figures in self.results.items()}
        return results[best] | {"test_from": self.test_from, "windows": self.windows,
                                "habit_auc": round(self.habit_auc, 4),
                                "habit_corrected": bool(self.habit_auc < HABIT_INFORMATIVE_AUC)} | extra, results


def run_backtest(eco: Ecosystem, matrix: PartnerMatrix, as_of: dt.date, score=score_cases) -> Backtest | None:
    """Every candidate (`candidates`, fitted before each window) scored on the windows' deals by `score`
    (`score_cases`, or the same with each deal seen as a lead), pooled; None with too little history."""
    windows = test_windows(eco, matrix, as_of)
    if not windows:
        return None
    pooled: dict[str, dict[str, list]] = {}
    window_of: list[int] = []
    examples = training_sets(eco, matrix, [cases[0].closed() for cases in windows])  # one sweep for all
    for k, cases in enumerate(windows):
        cutoff = cases[0].closed()
        fitted = candidates(eco, matrix, cutoff, examples[cutoff])
        scored = score(eco, matrix, fitted, cases, assignment_habit(eco, matrix, cutoff))
        for name, part in scored.items():
            into = pooled.setdefault(name, {"won": [], "lost": [], "pct": [], "weight": [], "favoured": []})
            for key, values in part.items():
                into[key].extend(values)
        window_of += [k] * sum(d.won for d in cases)
    names = [name for name in pooled if len(pooled[name]["won"]) == len(window_of)]  # in every window
    per_deal = {name: np.array([sum(m[k] for k in METRICS) for m in pooled[name]["won"]]) for name in names}
    # When the vendor's habit itself predicts wins (its favoured partners win more once engaged), whom it
    # engages is evidence of skill, and imitating it is no flaw: the won deals count as they are.
    habit_auc = _auc(pooled[INCUMBENT]["favoured"])
    weight = np.array(pooled[INCUMBENT]["weight"])
    if habit_auc >= HABIT_INFORMATIVE_AUC:
        weight = np.ones_like(weight)
    return Backtest(per_deal, weight, np.array(window_of), {name: _auc(pooled[name]["pct"]) for name in names},
                    {name: summarise(pooled[name]) for name in names}, habit_auc,
                    windows[0][0].closed().isoformat(), len(windows))


def fit_ranker(eco: Ecosystem, matrix: PartnerMatrix, as_of: dt.date, kind: str) -> MatchModel:
    """The ranker `kind` refitted on all history before `as_of`."""
    if kind in LEARNED:
        return train_model(eco, matrix, as_of, kind=kind)
    if kind == INCUMBENT:
        return MatchModel.segment(base_rate_as_of(matrix, eco, as_of), cutoff=as_of)
    return MatchModel.cold_start(cutoff=as_of)


def choose_ranker(eco: Ecosystem, matrix: PartnerMatrix, today: dt.date) -> MatchModel:
    """The ranker that did best on the vendor's recent history (`pick_ranker`), refitted on all of it,
    with its figures."""
    as_of = today + dt.timedelta(days=1)  # everything dated today has happened
    found = run_backtest(eco, matrix, as_of)
    if found is None:
        log.info("partner match: too few won partner deals for a backtest; no ranker comparison")
        return train_model(eco, matrix, as_of)
    best, verdicts = found.pick()
    model = fit_ranker(eco, matrix, as_of, best)
    model.backtest, model.candidates = found.figures(best, verdicts)
    log.info("partner match: ranker %s chosen by backtest %s", best, model.candidates)
    return model
