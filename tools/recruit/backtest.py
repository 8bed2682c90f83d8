"""Which ranker to trust on THIS vendor's partners, chosen by a time-split backtest (as tools.partner_match
chooses its ranker): the partners are ordered by the day they joined; for each of up to `FOLDS` consecutive
windows of the newest partners (rolling origin, `TEST_SHARE` of the partners, at most `MAX_TESTED`), every ranker of
tools.recruit.rankers is fitted on the partners that joined before the window and ranks the window's
partners as if they were candidates. A ranker's figure is the rank correlation (Spearman) between the
scores it gave and the results those partners went on to have (the results score of tools.recruit.outcomes),
pooled over the windows (scores and results standardised per window). The ranker with the higher figure ranks the
candidates; with too few partners for a backtest, the profile (which shrinks towards the partners' type and
trait averages when it is unreliable). A partner never helps rank itself. The training partners' results
are today's, not those known on the window's first join date: the split keeps a partner's own results out
of its prediction, not every later fact.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

import numpy as np

from tools.recruit.gaps import Gaps
from tools.recruit.outcomes import Outcome
from tools.recruit.profile import MIN_PARTNERS
from tools.recruit.rankers import DESCRIPTIONS, NAMES, fit_rankers, z_scores
from tools.recruit.traits import Company

FOLDS = 3
TEST_SHARE = 0.5  # of the partners with a join date, the newest, split into the windows
MIN_WINDOW = 4  # partners per window
MAX_TESTED = 300  # partners over all windows: each is compared with every partner before it (neighbours)
DEFAULT = "profile"  # when there are too few partners to backtest


@dataclass
class Backtest:
    weights: dict[str, float]  # ranker -> its share of the candidates' score (sums to 1)
    figures: dict[str, float] = field(default_factory=dict)  # ranker -> Spearman with later results
    partners_tested: int = 0
    windows: int = 0

    @property
    def chosen(self) -> str:
        """The ranker with the largest share."""
        return max(NAMES, key=lambda name: (self.weights.get(name, 0.0), name == DEFAULT))

    def sentence(self) -> str:
        if not self.figures:
            return (f"Ranked by {DESCRIPTIONS[DEFAULT]}: too few partners with a join date ({MIN_PARTNERS} before "
                    f"and {MIN_WINDOW} in a window) to backtest the rankers.")
        figures = ", ".join(f"{name} {value:+.2f}" for name, value in self.figures.items())
        test = (f"Backtest on our own partners: ranking the {self.partners_tested} newest partners "
                f"({self.windows} windows) by what the partners who joined before them showed, the rankers' order "
                f"matched their later results with rank correlation {figures}.")
        if not any(v > 0 for v in self.figures.values()):
            return f"{test} None did better than chance, so the default ranks: {DESCRIPTIONS[DEFAULT]}."
        shares = ", ".join(f"{name} {share:.0%}" for name, share in self.weights.items() if share > 0)
        return (f"{test} Each counts in proportion to its figure above zero ({shares}); mostly "
                f"{DESCRIPTIONS[self.chosen]}.")


    def reference(self) -> str:
        """The backtest's figures as a check a channel manager can read (they do not set the ranking)."""
        if not self.figures:
            return (f"No backtest on our own partners: too few partners with a join date ({MIN_PARTNERS} before and "
                    f"{MIN_WINDOW} in a window).")
        figures = ", ".join(f"{name} {value:+.2f}" for name, value in self.figures.items())
        return (f"For reference, a backtest on our own partners (ranking the {self.partners_tested} newest by what the "
                f"partners who joined before them showed, {self.windows} windows) matched their later win rates with "
                f"rank correlation {figures}.")


def choose_ranker(partners: list[Company], outcomes: dict[str, Outcome], demanded: Gaps) -> Backtest:
    windows = _windows(partners, outcomes)
    if not windows:
        return Backtest(weights={DEFAULT: 1.0})
    scores: dict[str, list[float]] = {name: [] for name in NAMES}
    results: list[float] = []
    for train, test in windows:
        rankers = fit_rankers(train, {p.key: outcomes[p.key] for p in train}, demanded)
        for name in NAMES:
            scores[name] += z_scores(rankers[name](test))
        results += z_scores([outcomes[p.key].score for p in test])
    figures = {name: round(spearman(scores[name], results), 3) for name in NAMES}
    return Backtest(weights=shares(figures), figures=figures, partners_tested=len(results), windows=len(windows))


def shares(figures: dict[str, float]) -> dict[str, float]:
    """Each ranker's share: its backtest figure above zero, normalised; the default alone when none is."""
    positive = {name: max(0.0, value) for name, value in figures.items()}
    total = sum(positive.values())
    if total <= 0:
        return {DEFAULT: 1.0}
    return {name: round(value / total, 3) for name, value in positive.items()}


def _windows(partners: list[Company], outcomes: dict[str, Outcome]) -> list[tuple[list[Company], list[Company]]]:
    """(partners before, the window's partners) for each window, oldest window first."""
    known = [p for p in partners if p.key in outcomes]
    dated = sorted((p for p in known if outcomes[p.key].days_since_joined is not None),
                   key=lambda p: (-outcomes[p.key].days_since_joined, p.key))
    undated = [p for p in known if outcomes[p.key].days_since_joined is None]
    tested = min(int(len(dated) * TEST_SHARE), MAX_TESTED)
    folds = min(FOLDS, tested // MIN_WINDOW)
    first = len(dated) - tested
    if folds < 1 or first + len(undated) < MIN_PARTNERS:
        return []
    bounds = [first + round(i * tested / folds) for i in range(folds + 1)]
    return [(undated + dated[:lo], dated[lo:hi]) for lo, hi in pairwise(bounds)]


def spearman(a: list[float], b: list[float]) -> float:
    if len(a) < 3:
        return 0.0
    ra, rb = _ranks(a), _ranks(b)
    if ra.std() == 0 or rb.std() == 0:
        return 0.0
    return float(np.corrcoef(ra, rb)[0, 1])


def _ranks(values: list[float]) -> np.ndarray:
    """Average ranks (ties share theirs)."""
    x = np.asarray(values, dtype=float)
    order = np.argsort(x, kind="stable")
    ranks = np.empty(len(x))
    ranks[order] = np.arange(len(x), dtype=float)
    for v in np.unique(x):
        tied = x == v
        ranks[tied] = ranks[tied].mean()
    return ranks
