"""The observable traits of a company (a current partner or a candidate), as named binary features:
`type`, size band (employees), `industry`, `country`, `competency`, `language`, and description words.
The same function reads both, so the profile learned on partners applies to candidates unchanged."""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from connectors.countries import COUNTRY_NAMES

SIZE_BANDS = ((50, "1-49"), (250, "50-249"), (1000, "250-999"), (5000, "1,000-4,999"), (None, "5,000+"))
WORD_RE = re.compile(r"[^\W\d_]{4,}", re.UNICODE)
STOPWORDS = frozenset({
    "with", "from", "that", "this", "their", "they", "them", "have", "been", "into", "over", "also", "more",
    "most", "than", "such", "which", "while", "where", "when", "what", "your", "ours", "about", "across",
    "based", "serves", "serve", "works", "work", "clients", "client", "customers", "customer", "company",
    "companies", "partner", "partners", "solutions", "services", "service", "provides", "including", "offers",
    "helps", "help",
})


@dataclass
class Company:
    key: str  # partner_id or candidate_id
    name: str
    type: str | None = None
    employees: int | None = None
    countries: list[str] = field(default_factory=list)
    industries: list[str] = field(default_factory=list)
    competencies: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    description: str | None = None
    website: str | None = None


def size_band(employees: int | None) -> str | None:
    if employees is None or employees <= 0:
        return None
    return next(label for limit, label in SIZE_BANDS if limit is None or employees < limit)


def words(company: Company) -> set[str]:
    """Description words (lower case, 4+ letters), without the company's own name and common filler."""
    own = {w.lower() for w in WORD_RE.findall(company.name or "")}
    return {w for w in (x.lower() for x in WORD_RE.findall(company.description or ""))
            if w not in STOPWORDS and w not in own}


def traits(company: Company) -> set[str]:
    out = set()
    if company.type:
        out.add(f"type: {company.type.strip().lower()}")
    band = size_band(company.employees)
    if band:
        out.add(f"size: {band} employees")
    for prefix, values in (("industry", company.industries), ("country", company.countries),
                           ("competency", company.competencies), ("language", company.languages)):
        out |= {f"{prefix}: {v.strip()}" for v in values if v and v.strip()}
    out |= {f"word: {w}" for w in words(company)}
    return out


SIZE_FEATURE = "size: employees (per tenfold)"


def features(company: Company) -> dict[str, float]:
    """The traits as regression features: each binary trait 1.0, except size, which is one ordered feature
    (log10 employees, centred on ~300) so that bigger/smaller is learned as a trend, not per band."""
    out = {t: 1.0 for t in traits(company) if not t.startswith("size: ")}
    if company.employees and company.employees > 0:
        out[SIZE_FEATURE] = math.log10(company.employees) - 2.5
    return out


def vocabulary(trait_sets: list[set[str]], min_count: int = 2, max_share: float = 0.9) -> list[str]:
    """Traits worth learning: held by at least `min_count` companies and not by (nearly) all of them.
    Description words must also not just repeat a structured trait (an industry or product named)."""
    counts = Counter(t for s in trait_sets for t in s)
    n = max(1, len(trait_sets))
    structured = {t.split(": ", 1)[1].lower() for t in counts if not t.startswith("word: ")}
    structured_words = {w.lower() for v in structured for w in WORD_RE.findall(v)}
    keep = []
    for trait, c in counts.items():
        if c < min_count or c > max_share * n:
            continue
        if trait.startswith("word: ") and trait[6:] in structured_words:
            continue
        keep.append(trait)
    return sorted(keep)


def readable(trait: str) -> str:
    """'type: system_integrator' -> 'system integrator'; 'industry: Healthcare' -> 'in Healthcare'."""
    kind, value = trait.split(": ", 1)
    if kind == "type":
        return value.replace("_", " ")
    if kind == "industry":
        return f"in {value}"
    if kind == "country":
        return f"covering {COUNTRY_NAMES.get(value.upper(), value)}"
    if kind == "competency":
        return f"with {value}"
    if kind == "language":
        return f"speaking {value}"
    if trait == SIZE_FEATURE:
        return "bigger (per tenfold employees)"
    if kind == "size":
        return value
    return f'describing itself with "{value}"'
