"""Finding other partners' names in a draft, in one pass however many partners there are.

The rules (what counts as a mention) are the regexes of `name_pattern`: a name is bounded by anything
but a Latin letter or digit (CJK text has no spaces: "Contoso株式会社" names Contoso), names of 4 characters or
more match in any case with any whitespace between their words, shorter ones ("IBM") only in their exact
case and never when a common word, and a lower-case mention of a brand made of common words is prose
(`looks_like_a_name`; a name with no upper case letters, such as a CJK one, is never taken for prose).

One regex per name cost ~1 ms a draft at 65 partners and ~8 s at 10,000 (their ~15,000 patterns
outgrow every regex cache, so each draft compiled them all again). So `NameIndex` files every name
variant once per name set under the words it must contain: its runs of Latin letters and digits,
case-folded ("Fabrikam Ltd." -> ("fabrikam", "ltd")), or, for a name without such a run (Cyrillic, CJK),
its first two non-space characters. A draft looks up its own word n-grams (and character pairs), and
only the names found are checked with their regex, so the verdict is still the regex's.

The lookup never misses a regex match: a name's letter runs are whole letter runs of any text it matches
(the regex's boundaries are the runs' boundaries), and `fold` equates whatever IGNORECASE equates. The
exceptions are the few characters outside the letter class that IGNORECASE equates with one inside
(`CASE_TWINS`: the Kelvin sign and "k", "ə" and "Ə"): a name containing one is always checked, and a text
containing one also checks the names containing its twins. tests/tools/test_partner_names.py compares
the index with one regex per name on random texts.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

# Latin letters and digits: a name must not continue into one.
_LETTERS = r"0-9A-Za-z\u00C0-\u024F"
_B_BEFORE = rf"(?<![{_LETTERS}])"
_B_AFTER = rf"(?![{_LETTERS}])"
_RUN = re.compile(rf"[{_LETTERS}]+")
_LEGAL_SUFFIX = re.compile(
    r"[\s,]+(?:inc|ltd|llc|gmbh|ag|sa|s\.a|bv|b\.v|nv|plc|pty|corp|corporation|co|kk|srl|sas|oy|ab|as)\.?$",
    re.IGNORECASE,
)
_COMMON_SHORT = {"and", "the", "for", "one", "all", "new", "pro", "net", "it", "we", "us", "go", "on", "in",
                 "ai"}
# str.casefold equates what re.IGNORECASE equates, except the Turkish dotted/dotless i.
_TURKISH_I = str.maketrans({"\u0131": "i", "\u0130": "i"})
# Characters outside _LETTERS that IGNORECASE equates with one inside (tests/tools recompute this set).
CASE_TWINS = frozenset("\u0253\u0254\u0256\u0257\u0259\u025b\u0260\u0263\u0268\u0269\u026f\u0272\u0275"
                       "\u0280\u0283\u0288\u0289\u028a\u028b\u028c\u0292\u1e9e\u212a\u212b\u2c65\u2c66"
                       "\u2c7e\u2c7f")


def fold(text: str) -> str:
    """Case-folded so that two texts IGNORECASE finds equal fold equal (the converse need not hold)."""
    if text.isascii():  # most names: 4x faster, same result
        return text.lower()
    return text.translate(_TURKISH_I).casefold()


_TWIN_FOLDS = frozenset(fold(c) for c in CASE_TWINS)
_ASCII_TWIN_FOLDS = frozenset(t for t in _TWIN_FOLDS if t.isascii())  # "k" (Kelvin sign), "ss" (ẞ)


def name_variants(name: str) -> set[str]:
    """The name with single spaces, and without its legal suffix ("Fabrikam Ltd." -> "Fabrikam")."""
    name = " ".join(name.split())
    variants = {name}
    bare = _LEGAL_SUFFIX.sub("", name).strip()
    if len(bare) >= 4:
        variants.add(bare)
    return variants


def can_match(variant: str) -> bool:
    """Short names ("IBM", "Arc") are matched only in their exact case, and never if a common word."""
    if len(variant) < 4:
        return not (variant.casefold() in _COMMON_SHORT or variant.islower() or len(variant) < 2)
    return True


@lru_cache(maxsize=4096)
def name_pattern(variant: str) -> re.Pattern | None:
    if not can_match(variant):
        return None
    if len(variant) < 4:
        return re.compile(_B_BEFORE + re.escape(variant) + _B_AFTER)
    return re.compile(_B_BEFORE + re.escape(variant).replace(r"\ ", r"\s+") + _B_AFTER, re.IGNORECASE)


def looks_like_a_name(matched: str, name: str) -> bool:
    """A brand made of common words ("Atelier Données") in all lower case is ordinary prose
    ("un atelier données temps réel"), not the partner's name. Upper case is the only tell, so a name
    without any (all lower case, or in a script without case: "富士通") is its name wherever found."""
    return not any(ch.isupper() for ch in name) or any(ch.isupper() for ch in matched)


def names_in(text: str, variant: str) -> bool:
    """Whether the text mentions this name variant (the rule; `NameIndex` only narrows who to ask)."""
    pattern = name_pattern(variant)
    return bool(pattern) and any(looks_like_a_name(m.group(0), variant) for m in pattern.finditer(text))


def _pairs(text: str) -> Iterable[str]:
    squashed = fold("".join(text.split()))
    return (squashed[i:i + 2] for i in range(len(squashed) - 1))


def _collect(found: set[str], table: dict, keys: Iterable) -> None:
    for key in keys:
        hit = table.get(key)
        if hit:
            found |= hit


class NameIndex:
    """Every name variant of a set of names, filed under the words it must contain. Built once per name
    set (content_drafts caches it per records version); read-only afterwards, so shared by threads."""

    def __init__(self, names: Iterable[tuple[str, str]]):
        """`names`: (name, owner) pairs; the owner (a partner id) lets a caller leave its own names out."""
        self.owners: dict[str, set[str]] = defaultdict(set)  # name -> partner ids
        self._variants: dict[str, list[str]] = defaultdict(list)  # variant -> names
        self._by_words: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self._by_pair: dict[str, set[str]] = defaultdict(set)
        self._by_twin: dict[str, set[str]] = defaultdict(set)  # fold of a CASE_TWINS char -> variants
        self._always: set[str] = set()
        for name, owner in names:
            if name not in self.owners:
                for variant in name_variants(name):
                    self._file(variant, name)
            self.owners[name].add(owner)
        self._lengths = sorted({len(words) for words in self._by_words})
        # Plain dicts from here on: a lookup must never insert (threads share the index).
        self.owners, self._variants = dict(self.owners), dict(self._variants)
        self._by_words, self._by_pair = dict(self._by_words), dict(self._by_pair)
        self._by_twin = dict(self._by_twin)

    def _file(self, variant: str, name: str) -> None:
        self._variants[variant].append(name)
        if len(self._variants[variant]) > 1 or not can_match(variant):
            return
        if not CASE_TWINS.isdisjoint(variant):
            self._always.add(variant)
            return
        words = tuple(fold(run) for run in _RUN.findall(variant))
        if words:
            self._by_words[words].add(variant)
            folded = fold(variant)
            for twin in _ASCII_TWIN_FOLDS if folded.isascii() else _TWIN_FOLDS:
                if twin in folded:  # may file a few too many ("ss" of "Systems"): only ever more checks
                    self._by_twin[twin].add(variant)
        else:
            self._by_pair[fold("".join(variant.split()))[:2]].add(variant)

    def candidates(self, text: str) -> set[str]:
        """The variants that may be in the text: a superset of those their regex finds."""
        words = [fold(run) for run in _RUN.findall(text)]
        found = set(self._always)
        _collect(found, self._by_words,
                 (tuple(words[i:i + n]) for n in self._lengths for i in range(len(words) - n + 1)))
        if self._by_pair:
            _collect(found, self._by_pair, _pairs(text))
        _collect(found, self._by_twin, {fold(c) for c in text if c in CASE_TWINS})
        return found

    def names_of(self, variant: str) -> list[str]:
        return self._variants.get(variant, [])


@dataclass(frozen=True)
class OtherPartners:
    """The names a draft must not mention: every name in the index except those of `partner_id` and any
    whose case-fold is in `own` (a partner may share a name with ours)."""

    index: NameIndex
    partner_id: str | None = None
    own: frozenset[str] = frozenset()

    @classmethod
    def of(cls, names: Iterable[str]) -> OtherPartners:
        return cls(NameIndex((n, "") for n in names if n))

    def _is_other(self, name: str) -> bool:
        owners = self.index.owners.get(name, set())
        return name.casefold() not in self.own and bool(owners - {self.partner_id})

    def mentioned(self, text: str, own_terms: Iterable[str] = ()) -> list[str]:
        """The other partners' names the text mentions, sorted; `own_terms` are variants never reported."""
        skip = {t.casefold() for t in own_terms if t}
        found: set[str] = set()
        for variant in self.index.candidates(text):
            names = [n for n in self.index.names_of(variant) if n not in found and self._is_other(n)]
            if names and variant.casefold() not in skip and names_in(text, variant):
                found.update(names)
        return sorted(found)
