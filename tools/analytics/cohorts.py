"""Time to first win (CLI.md `portfolio`): a partner's first closed_won deal (`partner_id` or
`registered_by` is the partner) closing on or after `joined_on` (and not after today), days counted from
`joined_on`; a cohort is the half year of `joined_on` (`2025-H1`). Partners without `joined_on` have no
days and no cohort."""
from __future__ import annotations

import datetime as dt
import statistics

from tools.analytics.types import CohortStat, TimeToFirstWin
from tools.types import first_wins  # noqa: F401  where it lives (onboarding reads it too)


def cohort_of(day: dt.date) -> str:
    return f"{day.year}-H{1 if day.month <= 6 else 2}"


def _median(values: list[int]) -> float | None:
    return float(statistics.median(values)) if values else None


def time_to_first_win(joined: dict[str, dt.date | None], first: dict[str, dt.date]) -> TimeToFirstWin:
    days = {p: (first[p] - j).days for p, j in joined.items() if j is not None and p in first}
    cohorts: dict[str, list[str]] = {}
    for pid, day in joined.items():
        if day is not None:
            cohorts.setdefault(cohort_of(day), []).append(pid)
    by_cohort = [CohortStat(cohort=c, partners=len(pids), with_win=sum(p in days for p in pids),
                            median_days=_median([days[p] for p in pids if p in days]))
                 for c, pids in sorted(cohorts.items())]
    return TimeToFirstWin(median_days=_median(list(days.values())),
                          partners_without_win=sum(p not in first for p in joined), by_cohort=by_cohort)
