"""Periods: `--from`/`--to` (inclusive), default the 365 days ending today; the whole months in a period."""
from __future__ import annotations

import datetime as dt

from tools.types import parse_day, period  # noqa: F401  the one reading of --from/--to (tools/types.py)


def months_starting_in(first: dt.date, last: dt.date) -> list[str]:
    """Months (YYYY-MM) whose first day lies in [first, last]."""
    months = []
    year, month = first.year, first.month
    if first.day != 1:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    while dt.date(year, month, 1) <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months
