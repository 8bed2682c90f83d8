"""Periods: `--from`/`--to` (inclusive), default the 365 days ending today; the whole months in a period."""
from __future__ import annotations

import datetime as dt

from assistant.core.errors import BadInput


def parse_day(value: str | dt.date | None, name: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise BadInput(f"{name}: not an ISO date (YYYY-MM-DD): {value!r}") from None


def period(today: dt.date, start: str | dt.date | None, end: str | dt.date | None) -> tuple[dt.date, dt.date]:
    """(from, to), inclusive. Default: the 365 days ending today; with only one end given, 365 days from it."""
    first, last = parse_day(start, "--from"), parse_day(end, "--to")
    if last is None:
        last = today if first is None else first + dt.timedelta(days=364)
    if first is None:
        first = last - dt.timedelta(days=364)
    if first > last:
        raise BadInput(f"--from {first} is after --to {last}")
    return first, last


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
