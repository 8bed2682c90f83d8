"""Where a record's company can be registered: its country, or the countries whose law has its legal
form ('GmbH': Germany, Austria, Switzerland...). Two records whose possible jurisdictions do not meet
are two legal entities ('Kalora Foods GmbH' is not our 'Kalora Foods Inc.', US), however alike the names.

A record's jurisdictions are a 64-bit mask over `UNIVERSE` (bit 63: any other country). A record that
says nothing (no country, no legal form), or whose country and legal form contradict each other (a local
office listed under its parent's legal name), has every bit set: it rules nothing out. Vectorised
(polars regex on the name's last words, once per row).
"""
from __future__ import annotations

import numpy as np
import polars as pl

UNIVERSE = ("US", "CA", "MX", "BR", "AR", "CL", "CO", "PE", "GB", "IE", "DE", "AT", "CH", "LI", "LU", "FR", "BE",
            "MC", "NL", "ES", "PT", "IT", "SE", "FI", "NO", "DK", "IS", "PL", "CZ", "SK", "HU", "RO", "GR", "TR",
            "RU", "UA", "JP", "CN", "KR", "TW", "HK", "SG", "MY", "TH", "VN", "ID", "PH", "IN", "AU", "NZ", "ZA",
            "NG", "KE", "AE", "IL", "SA", "EG", "MA", "TN", "MT", "CY", "PK", "LK")
OTHER_BIT = 63
ALL = np.uint64(0xFFFFFFFFFFFFFFFF)
_BIT = {c: i for i, c in enumerate(UNIVERSE)}
assert len(UNIVERSE) <= OTHER_BIT

_COMMONWEALTH = ("GB", "IE", "CA", "AU", "NZ", "IN", "HK", "SG", "MY", "ZA", "NG", "KE", "IL", "MT", "CY", "PK",
                 "LK", "AE", "JP", "CN", "KR", "TW", "TH", "VN", "ID", "PH")
_LATIN_SA = ("FR", "BE", "CH", "LU", "MC", "ES", "PT", "PL", "GR", "BR", "AR", "MX", "CL", "CO", "PE", "MA", "TN",
             "TR")
# (pattern on the cleaned name's end, countries whose law has the form); the longest forms first.
LEGAL_FORMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"gmbh (?:and )?co kgaa|gmbh (?:and )?co kg|gmbh (?:and )?co ohg", ("DE", "AT", "CH", "LI", "LU")),
    (r"gesellschaft mit beschrankter haftung|aktiengesellschaft|kommanditgesellschaft|gmbh|mbh|ag|kg|kgaa|ohg|ug",
     ("DE", "AT", "CH", "LI", "LU")),
    (r"pty (?:ltd|limited)|proprietary limited|pty", ("AU", "ZA")),
    (r"co ltd|company limited", ("JP", "CN", "KR", "TW", "HK", "TH", "VN", "MY", "SG", "GB", "IN", "ID", "PH")),
    (r"kabushiki kaisha|kabushiki gaisha|godo kaisha|yugen kaisha|kk|gk", ("JP",)),
    (r"ltd|limited|plc|public limited company", _COMMONWEALTH),
    (r"incorporated|inc", ("US", "CA", "PH", "KR", "TW", "JP")),
    (r"corporation|corp", ("US", "CA", "JP", "KR", "TW", "PH", "CN", "IN", "SG", "MY")),
    (r"l l c|llc|pllc|lllp", ("US", "RU", "UA", "AE", "PH")),
    (r"llp|lp", ("US", "GB", "IN", "CA")),
    (r"s a de c v|sa de cv|sab de cv|s de r l de c v|s de rl de cv", ("MX",)),
    (r"s a r l|sarl|sas|sasu|eurl|sca|snc", ("FR", "LU", "BE", "CH", "MC", "MA", "TN", "CO")),
    (r"societe anonyme|sa|s a", _LATIN_SA),
    (r"naamloze vennootschap|besloten vennootschap|n v|b v|nv|bv|bvba|vof", ("NL", "BE")),
    (r"sociedad anonima|sociedad limitada|s l|sl|slu|s l u", ("ES",)),
    (r"societa per azioni|societa a responsabilita limitata|s p a|spa|s r l|srl", ("IT", "RO", "AR")),
    (r"aktiebolag|ab|publ", ("SE", "FI")),
    (r"ltda", ("BR", "PT", "CO", "CL")),
    (r"oyj|oy", ("FI",)),
    (r"asa|as|aps|a s", ("NO", "DK")),
    (r"sp z o o|spzoo|sp zoo", ("PL",)),
    (r"s r o|sro|a s", ("CZ", "SK")),
)


def mask_of(countries: tuple[str, ...]) -> np.uint64:
    return np.uint64(sum(1 << _BIT[c] for c in set(countries)))


def _clean(names: pl.Series) -> pl.Series:
    """Lower case, dots gone ('S.p.A.' -> 'spa'), '&' as 'and', other punctuation as single spaces."""
    return (names.fill_null("").str.to_lowercase().str.replace_all(".", "", literal=True)
            .str.replace_all("&", " and ", literal=True).str.replace_all(r"[^a-z0-9]+", " ").str.strip_chars())


def form_masks(names: pl.Series) -> np.ndarray:
    """Per name, the jurisdictions of its legal form (the longest form its name ends with), 0 if none."""
    cleaned = _clean(names)
    out = np.zeros(len(names), np.uint64)
    todo = np.ones(len(names), bool)
    for pattern, countries in LEGAL_FORMS:
        # the form must follow at least one word: a name that is only 'AB' is not a legal form
        hit = cleaned.str.contains(rf"\S (?:{pattern})$").to_numpy() & todo
        out[hit], todo = mask_of(countries), todo & ~hit
    return out


def country_bits(countries: pl.Series) -> np.ndarray:
    """Per country code, its bit (OTHER_BIT for a country outside UNIVERSE), 0 when unknown."""
    codes = countries.fill_null("").str.strip_chars().str.to_uppercase()
    bit = codes.replace_strict(_BIT, default=OTHER_BIT, return_dtype=pl.Int64).to_numpy()
    return np.where(codes.to_numpy() == "", np.uint64(0), np.left_shift(np.uint64(1), bit.astype(np.uint64)))


def jurisdictions(names: pl.Series, countries: pl.Series) -> np.ndarray:
    """Per record, the mask of where it can be registered (ALL: nothing known, or a contradiction)."""
    form, country = form_masks(names), country_bits(countries)
    both = np.where(form == 0, country, np.where(country == 0, form, form & country))
    return np.where(both == 0, ALL, both)
