"""Scoring candidate pairs in bulk (rapidfuzz `cpdist`, numpy) and explaining a pair in words.

A pair's confidence combines name similarity (spelling, tempered by which words the names share and
how rare they are) with domain and country evidence. Cheap upper bounds come first: a pair that could
not reach KEEP_THRESHOLD even with the best name it could have is dropped before any string is compared.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from tools.account_mapping.er_prepare import Prepared, Side
from tools.account_mapping.name_normalise import stem

MATCH_THRESHOLD = 0.80  # tuned on labelled pairs (evals/account_mapping.py); below it a pair is not a match
KEEP_THRESHOLD = 0.70  # candidates kept per row: the next best after a rejection, near misses to review

OTHER_ENTITY_CAP = 0.78  # two jurisdictions: at most a near miss to review, never a match
DOMAIN_NONE, DOMAIN_SAME, DOMAIN_VARIANT, DOMAIN_DIFFERENT = 0, 1, 2, 3
COUNTRY_UNKNOWN, COUNTRY_SAME, COUNTRY_DIFFERENT = 0, 1, 2


def _token_overlap(vendor: Side, partner: Side, v: np.ndarray, p: np.ndarray) -> tuple[np.ndarray, ...]:
    """IDF weight of the words both names share and of the words only one side has; and, per side, the
    column of its one unmatched word, or -1 (none) or -2 (several)."""
    a, b = vendor.tok[v], partner.tok[p]
    eq = (a[:, :, None] == b[:, None, :]) & (a[:, :, None] != 0)
    in_b, in_a = eq.any(2), eq.any(1)
    shared = (vendor.weight[v] * in_b).sum(1)
    only_v, only_p = vendor.total[v] - shared, partner.total[p] - (partner.weight[p] * in_a).sum(1)
    lone = []
    for tok, matched in ((a, in_b), (b, in_a)):
        unmatched = (tok != 0) & ~matched
        count = unmatched.sum(1)
        lone.append(np.where(count == 1, unmatched.argmax(1), np.where(count == 0, -1, -2)))
    return shared, only_v, only_p, lone[0], lone[1]


def _is_slip(a: list[str], b: list[str]) -> np.ndarray:
    """Is `b` a misspelling of `a` (one swap, dropped, doubled or wrong letter; two in long words)?"""
    distance = process.cpdist(a, b, scorer=OSA.distance, workers=-1)
    longest = np.maximum([len(x) for x in a], [len(x) for x in b])
    return distance <= np.where(longest < 10, 1, 2)


def _word(side: Prepared, rows: np.ndarray, columns: np.ndarray) -> list[str]:
    return side.words.gather(side.token_at[rows, columns]).to_list()


def _typos(vendor: Prepared, partner: Prepared, v: np.ndarray, p: np.ndarray, lone_v: np.ndarray,
           lone_p: np.ndarray) -> np.ndarray:
    """For pairs whose unmatched words differ on both sides: are they misspellings of each other
    ('brocades'/'brocdes') rather than different words ('bank'/'foods')? One word each: vectorised;
    several: compared as sorted phrases."""
    out = np.zeros(len(v), bool)
    single = np.flatnonzero((lone_v >= 0) & (lone_p >= 0))
    out[single] = _is_slip(_word(vendor, v[single], lone_v[single]), _word(partner, p[single], lone_p[single]))
    several = np.flatnonzero((lone_v == -2) | (lone_p == -2))
    if len(several):
        vt, pt = vendor.word_sets(v[several]), partner.word_sets(p[several])
        out[several] = _is_slip([" ".join(sorted(x - y)) for x, y in zip(vt, pt)],
                                [" ".join(sorted(y - x)) for x, y in zip(vt, pt)])
    return out


def _spelling_bound(vendor: Prepared, partner: Prepared, v: np.ndarray, p: np.ndarray) -> np.ndarray:
    """The highest `_spelling` a pair can have, without comparing strings: `fuzz.ratio` counts an edit
    per character one string has more of than the other, so it is at most 1 - (letter count
    differences) / (total length); the word-sorted form also has its spaces. Only lengths count for
    names whose letters are not known (non a-z0-9, very long)."""
    vl, pl_ = vendor.compact_len[v].astype(np.int64), partner.compact_len[p].astype(np.int64)
    vn, pn = vendor.norm_len[v].astype(np.int64), partner.norm_len[p].astype(np.int64)
    known = vendor.letters_known[v] & partner.letters_known[p]
    letters = np.abs(vendor.letters[v].astype(np.int16) - partner.letters[p]).sum(1, dtype=np.int64)
    compact_edits = np.where(known, letters, np.abs(vl - pl_))
    sorted_edits = compact_edits + np.abs((vn - vl) - (pn - pl_))  # and the spaces
    bound = np.maximum(1 - compact_edits / np.maximum(vl + pl_, 1), 1 - sorted_edits / np.maximum(vn + pn, 1))
    return bound + 1e-6  # cpdist's float32 results round up a little


def _spelling(vendor: Prepared, partner: Prepared, v: np.ndarray, p: np.ndarray) -> np.ndarray:
    """The better of the token-sorted ratio and the space-free ratio ('gist brocades' / 'gistbrocades';
    also a typo in the first word, which upsets the sorted order: 'wrta wodociagi')."""
    ts = process.cpdist(vendor.sorted_norm[v], partner.sorted_norm[p], scorer=fuzz.ratio, workers=-1)
    return np.maximum(ts, process.cpdist(vendor.compact[v], partner.compact[p], scorer=fuzz.ratio, workers=-1)) / 100


def _best_name(char: np.ndarray) -> np.ndarray:
    """The highest name similarity word checks can leave from a spelling similarity of at most `char`:
    they only lower it, except that close spelling (>= 0.9) counts as is."""
    return np.where(char >= 0.9, np.maximum(char, 0.95), (np.minimum(char, 0.9) + 1) / 2)


def _initials(norm: list[str]) -> list[str]:
    return ["".join(w[0] for w in n.split(" ") if w) for n in norm]


def _acronyms(vendor: Prepared, partner: Prepared, v: np.ndarray, p: np.ndarray) -> np.ndarray:
    """Is one name the initials of the other ('CMC' / 'Castleton Medical Center')?"""
    vn, pn = vendor.frame["norm"].gather(v).to_list(), partner.frame["norm"].gather(p).to_list()
    vi, pi = _initials(vn), _initials(pn)
    return np.array([len(a) >= 2 and (a.replace(" ", "") == j or b.replace(" ", "") == i)
                     for a, b, i, j in zip(vn, pn, vi, pi)], bool)


@dataclass
class NameSimilarity:
    name: np.ndarray  # spelling tempered by shared words
    words: np.ndarray  # rarity-weighted share of words both names have
    entity_words: np.ndarray  # another entity's name, not a spelling of ours (see `_name_similarity`)


def _name_similarity(vendor: Side, partner: Side, v: np.ndarray, p: np.ndarray, char: np.ndarray) -> NameSimilarity:
    """Spelling tempered by which words are shared: close spelling alone is not enough when each side
    has a word the other lacks ('Moser'/'Mosel' Verlag, 'Ostsee'/'Mosel' Versicherungsgruppe); then the
    words' rarity decides, unless the words are a typo. `entity_words` marks names that read as another
    entity: one name is the other plus words ('Kalora Foods Holdings' / 'Kalora Foods': a subsidiary or
    a division), or the names share no word and are not initials of each other."""
    vp, pp = vendor.prep, partner.prep
    shared, only_v, only_p, lone_v, lone_p = _token_overlap(vendor, partner, v, p)
    tok = shared / np.maximum(shared + only_v + only_p, 1e-6)
    name = np.where(char >= 0.9, char, (char + tok) / 2)
    both = np.flatnonzero((only_v > 0) & (only_p > 0) & (char >= 0.75))
    if len(both):
        typo = _typos(vp, pp, v[both], p[both], lone_v[both], lone_p[both])
        name[both] = np.where(typo, char[both], (char[both] + tok[both]) / 2)
    superset = (shared > 0) & ((only_v > 0) != (only_p > 0))
    disjoint = np.flatnonzero(shared == 0)
    unrelated = np.zeros(len(v), bool)
    if len(disjoint):
        unrelated[disjoint] = ~_acronyms(vp, pp, v[disjoint], p[disjoint])
    name = np.where(vp.number_id[v] != pp.number_id[p], np.minimum(name, 0.7), name)
    return NameSimilarity(name, tok, superset | unrelated)


_SCHEMA = {"v": pl.Int64, "p": pl.Int64, "confidence": pl.Float32, "name_sim": pl.Float32, "domain": pl.Int8,
           "country": pl.Int8}


@dataclass
class Evidence:
    """What domains and countries say about pairs, gathered once: confidence is then a cheap function
    of name similarity, evaluated with a best-case name to drop pairs early and with the real one last.
    A shared registrable domain is the strongest single signal; the same name under another suffix
    (acme.de / acme.com) is weaker; two different company domains count against the pair. Without a
    domain a name alone reaches at most 0.95."""

    domain: np.ndarray  # DOMAIN_* per pair
    country: np.ndarray  # COUNTRY_* per pair
    long_label: np.ndarray  # for a variant domain: is its name long (specific)?
    shift: np.ndarray  # added at the end: countries, and two different domains
    other_entity: np.ndarray  # countries or legal forms that cannot meet, and not one domain and name
    @classmethod
    def of(cls, vendor: Prepared, partner: Prepared, v: np.ndarray, p: np.ndarray) -> Evidence:
        vd, pd_ = vendor.dom_id[v], partner.dom_id[p]
        same = (vd != 0) & (vd == pd_)
        vl = vendor.label_id[v]
        variant = ~same & (vl != 0) & (vl == partner.label_id[p])
        different = (vd != 0) & (pd_ != 0) & ~same & ~variant
        domain = np.select([same, variant, different], [DOMAIN_SAME, DOMAIN_VARIANT, DOMAIN_DIFFERENT], 0)
        vc, pc = vendor.country_id[v], partner.country_id[p]
        country = np.where((vc != 0) & (pc != 0), np.where(vc == pc, COUNTRY_SAME, COUNTRY_DIFFERENT), COUNTRY_UNKNOWN)
        # Two different company domains count against a pair, however alike the names (a namesake elsewhere).
        penalty = np.where(different, 0.20, 0.0)
        shift = np.select([country == COUNTRY_SAME, country == COUNTRY_DIFFERENT], [0.03, -0.10], 0.0) - penalty
        # Jurisdictions that cannot meet (another country, or a legal form of another country's law):
        # another legal entity, unless both records also share the domain and the whole name.
        # Legal forms alone (no country on either side: 'Philips N.V.' / 'Philips GmbH') may be one group's
        # entities in two countries, named alike on purpose: only a country makes the difference count.
        placed = (vc != 0) | (pc != 0)
        apart = (country == COUNTRY_DIFFERENT) | (((vendor.jur[v] & partner.jur[p]) == 0) & placed)
        other_entity = apart & ~(same & (vendor.norm_id[v] == partner.norm_id[p]))
        return cls(domain.astype(np.int8), country.astype(np.int8), vendor.label_len[v] >= 8, shift, other_entity)

    def __getitem__(self, keep: np.ndarray) -> Evidence:
        return Evidence(self.domain[keep], self.country[keep], self.long_label[keep], self.shift[keep],
                        self.other_entity[keep])

    def confidence(self, name: np.ndarray | float, entity_words: np.ndarray | bool = False) -> np.ndarray:
        """`entity_words` (see `NameSimilarity`) False gives the best case, for bounds."""
        conf = 0.95 * np.broadcast_to(name, self.domain.shape)
        # A shared domain vouches for a name spelled another way (typos, abbreviations, initials); not
        # for another entity's name under it (a subsidiary, a division, a reused domain).
        close = ~np.broadcast_to(entity_words, self.domain.shape)
        conf = np.where((self.domain == DOMAIN_SAME) & close, np.maximum(conf, 0.80 + 0.19 * name), conf)
        # A long domain name under another suffix (brunnen-maschinenbau.de / .com) is nearly as specific
        # as the same domain; a short one (delta.de / delta.com) only adds to the name.
        variant = self.domain == DOMAIN_VARIANT
        conf = np.where(variant & self.long_label & close, np.maximum(conf, 0.75 + 0.19 * name), conf)
        conf = np.where(variant & ~self.long_label, np.minimum(conf + 0.10, 0.97), conf)
        conf = np.clip(conf + self.shift, 0.0, 0.99)
        return np.where(self.other_entity, np.minimum(conf, OTHER_ENTITY_CAP), conf)


def _score_chunk(vendor: Side, partner: Side, v: np.ndarray, p: np.ndarray) -> pl.DataFrame:
    vp, pp = vendor.prep, partner.prep
    evidence = Evidence.of(vp, pp, v, p)
    # Domains and countries alone can rule a pair out (different domains and countries); so can letters
    # (names made of different letters cannot be spelled alike): skip those before comparing strings.
    live = evidence.confidence(1.0) >= KEEP_THRESHOLD
    v, p, evidence = v[live], p[live], evidence[live]
    live = evidence.confidence(_best_name(_spelling_bound(vp, pp, v, p))) >= KEEP_THRESHOLD
    v, p, evidence = v[live], p[live], evidence[live]
    char = _spelling(vp, pp, v, p)
    # Word-level checks only lower a score, so skip pairs that cannot reach KEEP even at best.
    live = evidence.confidence(np.where(char >= 0.9, char, (char + 1) / 2)) >= KEEP_THRESHOLD
    v, p, char, evidence = v[live], p[live], char[live], evidence[live]
    sim = _name_similarity(vendor, partner, v, p, char)
    # one name and words more under one domain: the words decide, however close the spelling
    name = np.where(sim.entity_words & (evidence.domain == DOMAIN_SAME), np.minimum(sim.name, (char + sim.words) / 2),
                    sim.name)
    conf = evidence.confidence(name, sim.entity_words)
    keep = conf >= KEEP_THRESHOLD
    return pl.DataFrame({"v": v[keep], "p": p[keep], "confidence": conf[keep].astype(np.float32),
                         "name_sim": name[keep].astype(np.float32), "domain": evidence.domain[keep],
                         "country": evidence.country[keep]}, schema=_SCHEMA)


def score_pairs(vendor: Side, partner: Side, v_all: np.ndarray, p_all: np.ndarray,
                chunk: int = 1_000_000) -> pl.DataFrame:
    """Confidence 0..0.99 per pair (1.0 is kept for a person's confirmation) with the features behind it;
    pairs under KEEP_THRESHOLD are dropped. Chunked so memory stays flat at any scale."""
    frames = [pl.DataFrame(schema=_SCHEMA)]
    for start in range(0, len(v_all), chunk):
        frames.append(_score_chunk(vendor, partner, v_all[start:start + chunk], p_all[start:start + chunk]))
    return pl.concat(frames)


# --- explanation -----------------------------------------------------------------------------------


def _differing_words(ours: str, theirs: str) -> list[str]:
    """Words of either normalised name whose stem the other name lacks."""
    words = [ours.split(" "), theirs.split(" ")]
    stems = [{stem(w) for w in ws} for ws in words]
    return sorted({w for i in (0, 1) for w in words[i] if w and stem(w) not in stems[1 - i]})


def explain(vendor: Prepared, partner: Prepared, v: int, p: int, name_sim: float, domain: int,
            country: int) -> list[str]:
    """The evidence for one pair, in sentences a person can check against both records."""
    return explain_rows(vendor.frame.row(v, named=True), partner.frame.row(p, named=True), name_sim, domain, country)


def explain_rows(vf: dict, pf: dict, name_sim: float, domain: int, country: int) -> list[str]:
    """`explain` on two prepared rows as dicts (`Prepared.frame.to_dicts()`: many pairs at once)."""
    out = []
    if domain == DOMAIN_SAME:
        out.append(f"same registrable domain {vf['dom']}")
    elif domain == DOMAIN_VARIANT:
        out.append(f"same domain name under another suffix ({pf['dom']} / {vf['dom']}): weaker evidence")
    elif domain == DOMAIN_DIFFERENT:
        out.append(f"different domains ({pf['dom']} at the partner / {vf['dom']} ours)")
    if vf["norm"] == pf["norm"]:
        out.append(f"same name once legal forms and punctuation are removed ('{vf['norm']}')")
    else:
        out.append(f"name {name_sim:.2f} similar ('{pf['name']}' at the partner / '{vf['name']}' ours)")
        differing = _differing_words(vf["norm"], pf["norm"])
        if differing and name_sim < 0.9:  # above that the differences are spelling, not words
            out.append("words in one name only: " + ", ".join(differing[:6]))
    if country == COUNTRY_SAME:
        out.append(f"same country {vf['country']}")
    elif country == COUNTRY_DIFFERENT:
        out.append(f"different countries ({pf['country']} at the partner / {vf['country']} ours)")
    return out
