"""Valid values suggested on a bad one: "unknown campaign kit 'nope' — did you mean 'x'? valid: a, b, c"."""
from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz, process, utils

LISTED = 12
"""At most this many valid values are listed; beyond, their count and where to see them all."""


def did_you_mean(message: str, value: str, valid: Iterable[str], see: str | None = None) -> str:
    """`message` followed by the closest valid value (when close enough) and the valid values.

    `valid` must hold only values the asker may see (a partner seller is never told another partner's
    id); `see` names the command listing them all, e.g. "cosell list partners"."""
    values = sorted(dict.fromkeys(v for v in valid if v))
    if not values:
        return message
    best = process.extractOne(value, values, scorer=fuzz.WRatio, processor=utils.default_process,
                              score_cutoff=60)
    text = message + (f" — did you mean '{best[0]}'?" if best else "")
    listed = ", ".join(values[:LISTED])
    more = len(values) - LISTED
    if more > 0:
        listed += f" … and {more} more" + (f" (`{see}`)" if see else "")
    return f"{text} valid: {listed}"
