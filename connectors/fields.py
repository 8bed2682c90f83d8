"""Cell parsers for the import format (DATA.md), shared by the CSV reader and the pydantic models.

Each factory takes the column name and returns a parser `str -> value` for a stripped, non-empty
cell. A parser raises `ValueError` whose message is the user-facing rejection text, e.g.
"status must be one of customer, prospect, former_customer (got 'client')". Parsers are built once
per column, so the per-row path of a million-row file stays a few dict lookups and regex matches.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable
from typing import Any

from connectors.countries import COUNTRY_CODES

Parser = Callable[[str], Any]
Check = Callable[[str], Any]  # returns the normalised value, or None when the text is invalid

_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)\Z", re.ASCII)
_INTEGER = re.compile(r"[+-]?\d+\Z", re.ASCII)
_MONTH = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])\Z", re.ASCII)
_COLOR = re.compile(r"#[0-9A-Fa-f]{6}\Z")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+\Z")
_CURRENCY = re.compile(r"[A-Za-z]{3}\Z")
_HOST = re.compile(r"[^\s./:@\\]+(?:\.[^\s./:@\\]+)+\Z")
# RFC 5646 language tag, syntax only:
#   language[-extlang][-script][-region](-variant)*(-extension)*[-x-private].
# The primary language is 2-3 letters: the 4-8 letter forms are reserved and unused, and allowing them
# would accept `english` or `german` as tags.
_BCP47 = re.compile(
    r"(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}"
    r"(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?"
    r"(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*"
    r"(?:-[\da-wy-z](?:-[a-z\d]{2,8})+)*"
    r"(?:-x(?:-[a-z\d]{1,8})+)?"
    r"|x(?:-[a-z\d]{1,8})+)\Z",
    re.IGNORECASE | re.ASCII,
)


# --- checks: text -> normalised value or None -------------------------------------------------------


def check_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def check_month(text: str) -> str | None:
    return text if _MONTH.match(text) else None


_CANONICAL_COUNTRY = {code: code for code in COUNTRY_CODES}


def check_country(text: str) -> str | None:
    return _CANONICAL_COUNTRY.get(text.upper())  # the shared string, not a new one per row


def normalise_locale(text: str) -> str | None:
    """Canonical case for a BCP 47 tag (`pt-br` -> `pt-BR`, `zh-hant-tw` -> `zh-Hant-TW`), or None."""
    if not _BCP47.match(text):
        return None
    parts = text.split("-")
    out = [parts[0].lower()]
    in_extension = parts[0].lower() == "x"
    for part in parts[1:]:
        if len(part) == 1:
            in_extension = True
        if in_extension:
            out.append(part.lower())
        elif len(part) == 2:
            out.append(part.upper())
        elif len(part) == 4 and part.isalpha():
            out.append(part.title())
        else:
            out.append(part.lower())
    return "-".join(out)


def normalise_domain(text: str) -> str | None:
    """A bare lower-case host: `https://www.Acme.com/about?x=1` -> `acme.com`; None if there is no host."""
    value = text.strip().lower()
    if "/" in value or ":" in value or "@" in value or "?" in value or "#" in value:
        if "://" in value:
            value = value.split("://", 1)[1]
        elif value.startswith("//"):
            value = value[2:]
        value = re.split(r"[/?#]", value, maxsplit=1)[0]
        value = value.rsplit("@", 1)[-1].split(":", 1)[0]
    value = value.rstrip(".")
    value = value.removeprefix("www.")
    return value if _HOST.match(value) else None


def check_email(text: str) -> str | None:
    return text if _EMAIL.match(text) else None


def check_color(text: str) -> str | None:
    return text.upper() if _COLOR.match(text) else None


def check_currency(text: str) -> str | None:
    return text.upper() if _CURRENCY.match(text) else None


# --- parser factories ---------------------------------------------------------------------------------


def checked(column: str, check: Check, expected: str) -> Parser:
    """A parser from a check; `expected` completes "<column> must be ..."."""

    def parse(text: str) -> Any:
        value = check(text)
        if value is None:
            raise ValueError(f"{column} must be {expected} (got {text!r})")
        return value

    return parse


def enum(column: str, values: tuple[str, ...]) -> Parser:
    """Case-insensitive; `Closed Won` and `closed-won` are read as `closed_won`."""
    canonical = {value: value for value in values}  # return the shared string: a million rows, one copy
    listing = ", ".join(values)

    def parse(text: str) -> str:
        lowered = text.lower()
        value = canonical.get(lowered) or canonical.get(lowered.replace(" ", "_").replace("-", "_"))
        if value is None:
            raise ValueError(f"{column} must be one of {listing} (got {text!r})")
        return value

    return parse


def integer(column: str, minimum: int | None = 0) -> Parser:
    def parse(text: str) -> int:
        if not _INTEGER.match(text):
            raise ValueError(f"{column} must be a whole number (got {text!r})")
        value = int(text)
        if minimum is not None and value < minimum:
            raise ValueError(f"{column} must be {minimum} or more (got {text!r})")
        return value

    return parse


def decimal(column: str, minimum: float | None = None, maximum: float | None = None) -> Parser:
    def parse(text: str) -> float:
        if not _DECIMAL.match(text):
            raise ValueError(f"{column} must be a plain decimal like 125000.00 (got {text!r})")
        value = float(text)
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            raise ValueError(f"{column} must be between {minimum:g} and {maximum:g} (got {text!r})")
        return value

    return parse


def date(column: str) -> Parser:
    return checked(column, check_date, "a date YYYY-MM-DD")


def month(column: str) -> Parser:
    return checked(column, check_month, "a month YYYY-MM")


def country(column: str) -> Parser:
    return checked(column, check_country, "an ISO 3166-1 alpha-2 country code like DE or US")


def locale(column: str) -> Parser:
    return checked(column, normalise_locale, "a BCP 47 language tag like de or pt-BR")


def domain(column: str) -> Parser:
    return checked(column, normalise_domain, "a web domain or URL like acme.com")


def email(column: str) -> Parser:
    return checked(column, check_email, "an email address")


def color(column: str) -> Parser:
    return checked(column, check_color, "a colour #RRGGBB")


def currency(column: str) -> Parser:
    return checked(column, check_currency, "an ISO 4217 currency code like USD")


def split_list(text: str) -> list[str]:
    """`a; b;;a` -> ['a', 'b']: trimmed, empties and repeats dropped, order kept."""
    if ";" not in text:
        item = text.strip()
        return [sys.intern(item)] if item else []
    seen: dict[str, None] = {}
    for item in text.split(";"):
        item = item.strip()
        if item:
            seen.setdefault(sys.intern(item), None)  # list items repeat across rows (products, industries)
    return list(seen)


def list_of(column: str, check: Check | None = None, expected: str = "") -> Parser:
    """A `;` list; with a check, every item must pass it (and is normalised by it)."""
    if check is None:
        return split_list

    def parse(text: str) -> list[str]:
        out: dict[str, None] = {}
        for item in split_list(text):
            value = check(item)
            if value is None:
                raise ValueError(f"{column} must be a ';' list of {expected} (got {item!r})")
            out.setdefault(value, None)
        return list(out)

    return parse


def certified_staff(column: str) -> Parser:
    """`Lakehouse:12;Streaming:3` -> {'Lakehouse': 12, 'Streaming': 3}."""

    def parse(text: str) -> dict[str, int]:
        out: dict[str, int] = {}
        for item in split_list(text):
            name, sep, count = item.rpartition(":")
            name, count = name.strip(), count.strip()
            if not sep or not name or not (count.isascii() and count.isdigit()):
                raise ValueError(
                    f"{column} must be a ';' list of competency:count like Lakehouse:12 (got {item!r})"
                )
            out[name] = int(count)
        return out

    return parse


def json_safe(value: Any) -> Any:
    """YAML values as JSON can store them: dates as ISO text, keys as text."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, list):
        return [json_safe(v) for v in value]
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    return str(value)
