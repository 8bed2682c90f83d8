"""The vocabulary every capability shares: stages, money, month windows, legal forms, content references.

Imports nothing of the tools layer; capabilities import it (and their own `types.py`), never each other's
private modules.
"""
from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from typing import Protocol

from pydantic import BaseModel

from assistant.core.errors import BadInput
from connectors.models import CLOSED_STAGES, OPEN_STAGES, STAGES

__all__ = [
    "CLOSED_STAGES",
    "LEGAL_SUFFIXES",
    "OPEN_STAGES",
    "STAGES",
    "STAGE_PROBABILITY",
    "ContentRef",
    "baseline_months",
    "days_quiet",
    "in_trailing_year",
    "is_open",
    "mdf_months",
    "money",
    "month_label",
    "months_back",
    "recent_months",
    "span_label",
    "stage_probability",
]

STAGE_PROBABILITY = {"prospecting": 0.1, "qualification": 0.2, "proposal": 0.4, "negotiation": 0.7,
                     "closed_won": 1.0, "closed_lost": 0.0}
_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# One-word legal forms at the end of a company name ("Alpine IT GmbH" -> "Alpine IT"). Entity resolution
# has its own, richer rules (multi-word forms, forms anywhere) in account_mapping.name_normalise.
LEGAL_SUFFIXES = frozenset({
    "inc", "corp", "corporation", "llc", "ltd", "limited", "gmbh", "ag", "sa", "plc", "co", "company",
    "kg", "se", "sas", "sarl", "sl", "srl", "spa", "bv", "nv", "ab", "as", "asa", "oy", "oyj", "kk", "pty",
    "pvt", "lda", "ltda", "dac", "llp", "aps", "sp", "zoo", "de", "cv", "rl", "group", "holdings", "lp",
    "pte", "bhd", "sdn", "sro", "kft", "ooo", "pllc", "gk", "yk", "ug", "ev", "eurl", "sca", "sae",
})  # fmt: skip


class HasDealDates(Protocol):
    stage: str
    last_activity_on: dt.date | None
    created_on: dt.date | None


class ContentRef(BaseModel):
    doc_id: str
    title: str


# --- months (M = today's month; M-1 is the last complete month) ------------------------------------


def months_back(today: dt.date, first: int, last: int) -> list[str]:
    """Months M-last .. M-first (M = today's month), oldest first: months_back(t, 1, 3) = the last 3."""
    out = []
    for delta in range(last, first - 1, -1):
        index = today.year * 12 + today.month - 1 - delta
        out.append(f"{index // 12:04d}-{index % 12 + 1:02d}")
    return out


def recent_months(today: dt.date) -> list[str]:
    return months_back(today, 1, 3)


def baseline_months(today: dt.date) -> list[str]:
    return months_back(today, 4, 15)


def mdf_months(today: dt.date) -> list[str]:
    return months_back(today, 1, 6)


@functools.lru_cache(maxsize=512)  # a handful of months, labelled for every partner of a portfolio
def month_label(month: str) -> str:
    year, mon = month.split("-")
    return f"{_MONTH_NAMES[int(mon) - 1]} {year}"


def span_label(months: list[str]) -> str:
    first, last = month_label(months[0]), month_label(months[-1])
    return first if first == last else f"{first}-{last}"


# --- money and stages --------------------------------------------------------------------------

_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}


def money(amount: float | None, currency: str | None = "USD") -> str:
    code = (currency or "USD").upper()
    value = f"{(amount or 0):,.0f}"
    return f"{_SYMBOLS[code]}{value}" if code in _SYMBOLS else f"{code} {value}"


def stage_probability(stage: str, vendor: dict | None = None) -> float:
    table = {**STAGE_PROBABILITY, **{str(k).lower(): float(v) for k, v in
                                     ((vendor or {}).get("stage_probabilities") or {}).items()}}
    return table.get((stage or "").lower(), 0.1)


def is_open(opp: HasDealDates) -> bool:
    return opp.stage not in CLOSED_STAGES


def days_quiet(opp: HasDealDates, today: dt.date) -> int | None:
    """Days in stage: the data has no stage-change date, so days since the last activity (else creation)."""
    since = opp.last_activity_on or opp.created_on
    return max((today - since).days, 0) if since else None


def in_trailing_year(day: dt.date | None, today: dt.date) -> bool:
    return day is not None and today - dt.timedelta(days=365) < day <= today


# --- periods: `--from`/`--to`, inclusive, as every programme command reads them -------------------


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


def first_wins(joined: dict[str, dt.date | None], wins: Iterable[tuple[str | None, str | None, dt.date | None]],
               today: dt.date) -> dict[str, dt.date]:
    """partner -> close date of its first win; `wins` are (partner_id, registered_by, close_date) of won deals."""
    first: dict[str, dt.date] = {}
    for partner_id, registered_by, close in wins:
        if close is None or close > today:
            continue
        for pid in {partner_id, registered_by} - {None}:
            if pid not in joined:
                continue
            start = joined[pid]
            if start is not None and close < start:
                continue
            if pid not in first or close < first[pid]:
                first[pid] = close
    return first
