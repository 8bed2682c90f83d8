"""Static partner matrices: what each partner is (eligibility, languages, descriptions, relationships), as
arrays aligned on partner index, built once per ecosystem snapshot."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable

import numpy as np

# The snapshot and the shared constants live in tools.partner_match.records; re-exported because callers use
# `match_features as mf` for both.
from tools.partner_match.records import (  # noqa: F401
    CLOSED,
    DEFAULT_WIN_RATE,
    FEATURES,
    PARTNER_TYPES,
    POPULATION_WEIGHT,
    PRIOR_STRENGTH,
    SIGNALS,
    TIERS,
    AccountRec,
    DealRec,
    Ecosystem,
    PartnerRec,
    Relation,
    _low,
    main_language,
)

# --- static partner matrices ----------------------------------------------------------------------


def _month_number(value: str | dt.date) -> int:
    if isinstance(value, dt.date):
        return value.year * 12 + value.month - 1
    year, month = str(value)[:7].split("-")
    return int(year) * 12 + int(month) - 1


def _vocab(values: Iterable[str]) -> dict[str, int]:
    return {v: i for i, v in enumerate(sorted(set(values)))}


class PartnerMatrix:
    """Partners' static attributes as arrays, one row per partner (built once per data version)."""

    def __init__(self, eco: Ecosystem):
        self.partners = eco.partners
        self.ids = [p.partner_id for p in eco.partners]
        self.index = {pid: i for i, pid in enumerate(self.ids)}
        self.names = [p.name for p in eco.partners]
        self.tier = np.array([TIERS.get(p.tier, 0) for p in eco.partners], dtype=np.float64)
        self.type = np.array([[p.type == t for t in PARTNER_TYPES] for p in eco.partners], dtype=float)
        self.type = self.type.reshape(len(self.ids), len(PARTNER_TYPES))
        # not yet a partner on a day before this (ordinal; 0 = unknown, always a partner)
        self.joined = np.array([p.joined_on.toordinal() if p.joined_on else 0 for p in eco.partners])
        accounts = eco.accounts.values()
        self.products = _vocab([c for p in eco.partners for c in _low(p.competencies)]
                               + [k for p in eco.partners for k in _low(p.certified_staff)]
                               + [x for d in eco.deals for x in _low(d.products)])
        self.industries = _vocab([i for p in eco.partners for i in _low(p.industries)]
                                 + list(_low(a.industry for a in accounts)))
        self.countries = _vocab([c for p in eco.partners for c in p.countries]
                                + [a.country for a in accounts if a.country])
        self.languages = _vocab([t.split("-")[0] for p in eco.partners for t in _low(p.languages)])
        self.comp = self._flags([_low(p.competencies) for p in eco.partners], self.products)
        self.country = self._flags([p.countries for p in eco.partners], self.countries)
        self.industry = self._flags([_low(p.industries) for p in eco.partners], self.industries)
        self.lang = self._flags([[t.split("-")[0] for t in _low(p.languages)] for p in eco.partners],
                                self.languages)
        self.cert = np.zeros((len(self.ids), len(self.products)))
        for i, p in enumerate(eco.partners):
            for name, count in p.certified_staff.items():
                if name.casefold() in self.products:
                    self.cert[i, self.products[name.casefold()]] += count
        self._build_activity(eco)
        # text -> fit per partner (0..1) replacing TF-IDF's cosine when set (COSELL_MATCH_SEMANTIC=vectors)
        self.vector_semantic: Callable[[str], np.ndarray] | None = None
        self._build_text(eco)
        self._build_relations(eco)
        self._build_closed(eco)

    def _build_closed(self, eco: Ecosystem) -> None:
        """The closed partner deals as columns (partner row, industry, products, won, close day), so the
        deals sharing a deal's industry or a product are counted per partner in one vectorised pass."""
        deals = [d for d in eco.deals if d.is_closed and d.partner_id in self.index]
        self.closed_ids = {d.opportunity_id: k for k, d in enumerate(deals)}
        self.closed_partner = np.array([self.index[d.partner_id] for d in deals], dtype=np.int64)
        self.closed_won = np.array([d.won for d in deals], dtype=np.float64)
        self.closed_day = np.array([d.closed().toordinal() for d in deals], dtype=np.int64)
        industry = [eco.accounts[d.account_id].industry if d.account_id in eco.accounts else None for d in deals]
        self.closed_industry = np.array([self.industries.get((i or "").casefold(), -1) for i in industry],
                                        dtype=np.int64)
        self.closed_products = np.zeros((len(deals), max(len(self.products), 1)), dtype=bool)
        for k, d in enumerate(deals):
            self.closed_products[k, self.product_columns(d.products)] = True

    def similar_deals(self, industry: str | None, products: Iterable[str], before: dt.date,
                      exclude: str | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Per partner, (wins, deals) over its partner deals closed before `before` that share the
        industry or at least one of the products (each deal counted once), without deal `exclude`."""
        n = len(self.ids)
        cols = self.product_columns(products)
        col = self.industries.get((industry or "").casefold(), -1)
        similar = self.closed_products[:, cols].any(axis=1) if cols else np.zeros(len(self.closed_won), bool)
        if col >= 0:
            similar |= self.closed_industry == col
        similar &= self.closed_day < before.toordinal()
        if exclude in self.closed_ids:
            similar[self.closed_ids[exclude]] = False
        rows = self.closed_partner[similar]
        return (np.bincount(rows, weights=self.closed_won[similar], minlength=n),
                np.bincount(rows, minlength=n).astype(np.float64))

    def _flags(self, rows: list[Iterable[str]], vocab: dict[str, int]) -> np.ndarray:
        out = np.zeros((len(rows), max(len(vocab), 1)), dtype=bool)
        for i, values in enumerate(rows):
            for v in values:
                if v in vocab:
                    out[i, vocab[v]] = True
        return out

    def _build_activity(self, eco: Ecosystem) -> None:
        numbers = {m: _month_number(m) for per in eco.activity.values() for m in per}
        self.month0 = min(numbers.values()) if numbers else 0
        self.activity = np.zeros((len(self.ids), (max(numbers.values()) - self.month0 + 1) if numbers else 1))
        for pid, per in eco.activity.items():
            if pid in self.index:
                row = self.index[pid]
                for month, points in per.items():
                    self.activity[row, numbers[month] - self.month0] = points

    def _build_text(self, eco: Ecosystem) -> None:
        """TF-IDF of the partners' descriptions. Partner names are cut from every text first: a deal that
        says "Sourced by X" names its partner, which is not solution fit (and would leak in backtests)."""
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.name_phrases = {words for p in eco.partners for name in (p.name, p.brand_name)
                             for words in (_name_words(name), tuple(_WORD.findall((name or "").casefold())))
                             if words}
        self.name_starts = {words[0] for words in self.name_phrases}
        self.longest_name = max((len(w) for w in self.name_phrases), default=0)
        docs = [self.without_names(p.description) for p in eco.partners]
        vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1,
                                     token_pattern=r"(?u)\b[^\W\d_][\w-]+\b")
        try:
            self.text = vectorizer.fit_transform(docs).tocsc()  # columns: a query touches a few terms
        except ValueError:  # no descriptions at all: semantic fit is zero for everyone
            self.text = None
            return
        self.text_rows = self.text.tocsr()  # rows: the words one partner shares with a deal
        self.analyze = vectorizer.build_analyzer()
        self.vocabulary, self.idf = vectorizer.vocabulary_, vectorizer.idf_
        self.terms = vectorizer.get_feature_names_out()

    def query(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(term columns, weights) of a text, as TfidfVectorizer.transform would give (sublinear tf x idf,
        L2-normalised), without its per-call overhead."""
        if self.text is None:
            return np.zeros(0, dtype=int), np.zeros(0)
        counts: dict[int, int] = {}
        for token in self.analyze(text):
            col = self.vocabulary.get(token)
            if col is not None:
                counts[col] = counts.get(col, 0) + 1
        cols = np.fromiter(counts, dtype=int, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=float, count=len(counts))
        weights = (1.0 + np.log(tf)) * self.idf[cols]
        norm = np.linalg.norm(weights)
        return cols, (weights / norm if norm else weights)

    def _build_relations(self, eco: Ecosystem) -> None:
        """account -> (partner rows, strength); strength = confidence x how close the relationship is."""
        best: dict[tuple[str, int], Relation] = {}
        for rel in eco.relations:
            i = self.index.get(rel.partner_id)
            if i is None:
                continue
            key = (rel.account_id, i)
            if key not in best or _strength(rel) > _strength(best[key]):
                best[key] = rel
        self.relations: dict[str, dict[int, Relation]] = {}
        for (account_id, i), rel in best.items():
            self.relations.setdefault(account_id, {})[i] = rel
        self.first_involvement: dict[tuple[int, str], dt.date] = {}  # (partner row, account) -> first deal
        for deal in eco.deals:
            i = self.index.get(deal.partner_id or "")
            if i is not None:
                key = (i, deal.account_id)
                self.first_involvement[key] = min(deal.opened(), self.first_involvement.get(key, dt.date.max))

    def without_names(self, text: str) -> str:
        """The text's words, minus every partner name or brand name phrase (longest match first)."""
        words, out, i = _WORD.findall(text.casefold()), [], 0
        while i < len(words):
            n = self._name_at(words, i) if words[i] in self.name_starts else 0
            if n:
                i += n
            else:
                out.append(words[i])
                i += 1
        return " ".join(out)

    def _name_at(self, words: list[str], i: int) -> int:
        for n in range(min(self.longest_name, len(words) - i), 0, -1):
            if tuple(words[i:i + n]) in self.name_phrases:
                return n
        return 0

    def deal_text(self, deal: DealRec) -> str:
        """What the deal needs, in words: a sentence naming a partner ("Procurement through X.") says who
        is involved, not what fits, so it is dropped (in backtests it would give the answer away)."""
        kept = [s for s in _SENTENCE.split(deal.description or "") if self.without_names(s) == _words(s)]
        return self.without_names(" ".join([deal.name, *kept, " ".join(deal.products)]))

    def eligible_for(self, products: Iterable[str], country: str | None, on: dt.date) -> np.ndarray:
        """Partners authorised for every product, selling in the country (if known), partners by `on`."""
        wanted, cols = set(_low(products)), self.product_columns(products)
        ok = self.joined <= on.toordinal()
        if wanted:
            covered = self.comp[:, cols].sum(axis=1) == len(wanted)
            ok = ok & covered if len(cols) == len(wanted) else ok & False
        if country:
            col = self.countries.get(country)
            ok = ok & self.country[:, col] if col is not None else ok & False
        return ok

    def product_columns(self, products: Iterable[str]) -> list[int]:
        return [col for _, col in self.product_pairs(products)]

    def product_pairs(self, products: Iterable[str]) -> list[tuple[str, int]]:
        """(name as the deal spells it, column) for each distinct known product."""
        pairs: dict[int, str] = {}
        for name in products or ():
            col = self.products.get(str(name).strip().casefold())
            if col is not None:
                pairs.setdefault(col, str(name).strip())
        return [(name, col) for col, name in pairs.items()]

    def activity_window(self, as_of: dt.date) -> tuple[np.ndarray, np.ndarray]:
        """(last 3 complete months, the 3 months before them) of activity points per partner."""
        end = _month_number(as_of) - self.month0  # the current month is incomplete: excluded

        def window(lo: int, hi: int) -> np.ndarray:
            lo, hi = max(lo, 0), min(hi, self.activity.shape[1])
            return self.activity[:, lo:hi].sum(axis=1) if hi > lo else np.zeros(len(self.ids))

        return window(end - 3, end), window(end - 6, end - 3)


_WORD = re.compile(r"[^\W_]+")
_SENTENCE = re.compile(r"(?<=[.!?;])\s+")
_LEGAL_TAIL = {"inc", "corp", "corporation", "llc", "ltd", "limited", "plc", "gmbh", "ag", "sa", "sas", "srl",
               "spa", "bv", "nv", "ab", "as", "oy", "kk", "pty", "co", "se", "kg"}


def _words(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _name_words(name: str | None) -> tuple[str, ...]:
    """A partner name as words, without a trailing legal form ("Alpine IT GmbH" -> ("alpine", "it"))."""
    words = _WORD.findall((name or "").casefold())
    while len(words) > 1 and words[-1] in _LEGAL_TAIL:
        words.pop()
    return tuple(words)


def _strength(rel: Relation) -> float:
    return float(rel.confidence) * POPULATION_WEIGHT.get(rel.population, 0.3)


GROUPS = ("industry", "product", "country")  # history is counted per partner and per value of each
