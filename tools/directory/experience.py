"""What a partner has done, for "who has done / won X for Y in Z?": its won deals and its references.

Two kinds of evidence, each indexed once per snapshot by (industry, competency, country) with `*` for
"any", so a question looks up a few keys instead of scanning deals:
- won deals: closed_won opportunities with the partner on them, by their account's industry (as concepts,
  `tools.directory.hints.industry_concepts`) and country and the deal's products. Deal records are for
  admins and channel managers: a marketer's search uses references only (CLI.md "Who may see what").
- references: passages of the description and of tagged content (not the fields summary) that speak of
  an industry and a competency together ("for a supermarket chain we moved to a lakehouse").
"""
from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlalchemy import select

from retrieval.records import Account, Opportunity
from tools.directory.hints import Hints, Vocabulary, fold, industry_concepts

ANY = "*"
Key = tuple[str, str, str]  # (industry concept, folded competency, country)


@dataclass
class Experience:
    deals: dict[Key, dict[int, int]] = field(default_factory=dict)  # key -> partner position -> won deals
    references: dict[Key, set[int]] = field(default_factory=dict)  # key -> partner positions

    def fit(self, hints: Hints, n: int, use_deals: bool) -> tuple[np.ndarray, dict[int, int]]:
        """1 for partners with a won deal (if `use_deals`) or a reference matching every hinted industry,
        competency and country (any of each); and the matching won deals per partner."""
        industries = sorted(hints.values["industry"]) or [ANY]
        products = sorted(fold(p) for p in hints.values["product"]) or [ANY]
        countries = sorted(hints.values["country"]) or [ANY]
        out = np.zeros(n, dtype=np.float32)
        won: dict[int, int] = defaultdict(int)
        for key in itertools.product(industries, products, countries):
            for pos, count in (self.deals.get(key, {}) if use_deals else {}).items():
                won[pos] += count
            for pos in self.references.get((key[0], key[1], ANY), ()):
                out[pos] = 1.0
        if won:
            out[list(won)] = 1.0
        return out, dict(won)


def _keys(industries: Iterable[str], products: Iterable[str], countries: Iterable[str]) -> set[Key]:
    return set(itertools.product([*industries, ANY], [*products, ANY], [*countries, ANY]))


def build_experience(store: Any, positions: dict[str, int], passages: list[list[dict[str, str]]],
                     vocabulary: Vocabulary) -> Experience:
    exp = Experience()
    with store.session() as session:
        rows = session.execute(
            select(Opportunity.partner_id, Opportunity.products, Account.industry, Account.country)
            .join(Account, Account.account_id == Opportunity.account_id)
            .where(Opportunity.stage == "closed_won", Opportunity.partner_id.is_not(None))).all()
    for partner_id, products, industry, country in rows:
        pos = positions.get(partner_id)
        if pos is None:
            continue
        concepts = industry_concepts(industry) if industry else frozenset()
        for key in _keys(concepts, {fold(p) for p in products or []}, [country.upper()] if country else []):
            if key != (ANY, ANY, ANY):
                bucket = exp.deals.setdefault(key, {})
                bucket[pos] = bucket.get(pos, 0) + 1
    products = list(vocabulary.products)  # folded competency names
    for pos, items in enumerate(passages):
        for passage in items:
            if passage["field"] == "profile":
                continue
            concepts = vocabulary.industries_in(passage["text"])
            text = fold(passage["text"]) if concepts else ""
            for key in _keys(concepts, [p for p in products if p in text], []):
                if key[0] != ANY and key[2] == ANY:
                    exp.references.setdefault(key, set()).add(pos)
    return exp
