"""Fuzzy name matching: the words of a question against the names of partners, accounts, deals and kits.

Nothing here knows a particular ecosystem: aliases are derived from each record's own name (the name
without legal suffixes, a distinctive first word, for partners their other distinctive words and an
acronym), and matched against n-grams of the question with rapidfuzz, so typos, missing accents,
possessives and dropped suffixes still resolve. Equally good candidates are all kept; the caller asks back.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from retrieval.lexical import fold_accents
from tools.account_mapping.service import normalize_name

LEGAL_SUFFIXES = {
    "inc", "corp", "corporation", "llc", "ltd", "limited", "gmbh", "ag", "sa", "plc", "co", "company",
    "kg", "se", "sas", "sarl", "sl", "srl", "spa", "bv", "nv", "ab", "as", "asa", "oy", "oyj", "kk", "pty",
    "pvt", "lda", "ltda", "dac", "llp", "aps", "sp", "zoo", "de", "cv", "rl", "group", "holdings", "lp",
    "pte", "bhd", "sdn", "sro", "kft", "ooo", "pllc", "gk", "yk", "ug", "ev", "eurl", "sca", "sae",
}  # fmt: skip
# Function words and the vocabulary of questions themselves: never a name on their own.
_STOPWORDS = """
the a an and or of for to in on at with by from is are was be do does did we i you my our your their
what which who whom how why when where should could would can may might will shall about into onto
this that these those it its me us them please pls tell show give find get next best deal deals account
accounts partner partners customer customers opportunity opportunities opp opps renewal expansion new
data cloud digital systems solutions services consulting analytics software group email e-mail post
page landing draft campaign kit german english french spanish japanese portuguese italian dutch other
else more share shared overlap doing health help bring match also any some all one two first second
hey hi hello thanks quick q us our team week today now just need want like know
der die das und mit für von ein eine le la les des du et pour avec el los las y con por para o e
"""
STOPWORDS = frozenset(_STOPWORDS.split())
# Too generic to name a partner on their own ("Integration", "Distribution").
_GENERIC_NAME_WORDS = """
integration integrations distribution marketplace consultancy technologies technology solutions network
networks referral management information international consulting analytics digital global media
partner partners company companhia groupe group systems services software associates advisors
enterprises industries holding holdings worldwide labs cloud data
integracao integracion integrazione sistemas sistemi systeme systemes dados datos donnees daten dati
conseil consultoria beratung tecnologia tecnologias soluciones solucoes servicios servicos dienste
distribuidora distribuzione vertrieb
"""  # the same generic words in other languages
GENERIC_NAME_WORDS = frozenset(_GENERIC_NAME_WORDS.split())
# Connectors skipped when building an acronym ("Banco Nacional de Crédito Agrícola" -> BNCA).
_CONNECTOR_WORDS = "de da do dos das del la le les du des of the and & und et y e van von der di"
_CONNECTORS = frozenset(_CONNECTOR_WORDS.split())
# Upper-case words in business questions that are never a record's acronym.
_COMMON_ACRONYMS = """mdf nba si sis var vars msp isv crm erp api sla qbr emea apac amer dach latam usa uk eu
    ceo cfo cio cto cdo cmo poc pov rfp rfi sow arr acv tcv roi kpi faq sso seo ai ml bi etl it ok fyi asap
    eta pdf gdpr hipaa soc iso"""
COMMON_ACRONYMS = frozenset(_COMMON_ACRONYMS.split())


MEMO_SIZE = 2048  # questions remembered per index


@dataclass(frozen=True)  # shared between questions by NameIndex's memo
class Entity:
    kind: str  # partner | account | opportunity | kit
    id: str
    label: str
    score: float
    span: tuple[int, int] = (0, 0)  # token positions in the question
    nickname: bool = False  # matched a shortened alias (a first word, a distinctive word), not the name


def fold(text: str) -> str:
    """Lower case, Latin accents removed (users type 'Societe' for 'Société'); other scripts kept."""
    if text.isascii():
        return text.lower()
    return fold_accents(unicodedata.normalize("NFKC", text).lower()).replace("ß", "ss")


_MARKUP = re.compile(r"<[@#!][^>]*>")  # Slack mentions and channel links are not words
_CJK = re.compile(r"([\u3000-\u30ff\u3400-\u9fff\uff00-\uffef])")
_WORD = re.compile(r"[\w&][\w&'’.,\-]*")
_TRAILING = re.compile(r"('s|’s|[.,'’\-]+)$")
_GROUPED_NUMBER = re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?")


def tokens(text: str) -> list[str]:
    """Words of a question; CJK characters stand alone so a Latin name inside Japanese is still a word.
    Amounts keep their separators ("511,000", "1.2m"); possessives and trailing dots are dropped."""
    return list(_tokens(text))


@lru_cache(maxsize=65536)  # names are tokenised again and again while building the catalogue
def _tokens(text: str) -> tuple[str, ...]:
    text = _CJK.sub(r" \1 ", fold(_MARKUP.sub(" ", text)))
    out: list[str] = []
    for word in _WORD.findall(text):
        word = _TRAILING.sub("", word)
        if "," in word and not _GROUPED_NUMBER.fullmatch(word):
            out += _tokens(word.replace(",", " "))
            continue
        if not word.strip(".,'’-"):
            continue
        if "-" in word and not any(ch.isdigit() for ch in word):  # "Sicherheits-Kampagne": two words
            out += [w for w in word.split("-") if w]
        else:
            out.append(word)  # "OPP-0042" stays one word
    return tuple(out)


def core_words(name: str) -> list[str]:
    """A name's words without its legal suffixes (and the single letters of "A/S" or "S. A.")."""
    core = tokens(name)
    while len(core) > 1 and (core[-1].replace(".", "") in LEGAL_SUFFIXES or len(core[-1]) == 1):
        core.pop()
    return core


def name_aliases(name: str, extra: tuple[str, ...] = ()) -> list[tuple[str, float]]:
    """(alias, penalty): the full name, without legal suffixes, without trailing generic words ("Blue Harbor"
    for "Blue Harbor Consulting"), and a distinctive first word ("Globex" for "Globex Industries")."""
    aliases: dict[str, float] = {}

    def add(alias: str, penalty: float) -> None:
        if alias and alias not in STOPWORDS:
            aliases[alias] = min(penalty, aliases.get(alias, penalty))

    for raw in (name, *extra):
        if not raw:
            continue
        add(" ".join(tokens(raw)), 0.0)
        core = core_words(raw)
        add(" ".join(core), 0.0)
        short = list(core)
        while len(short) > 2 and short[-1] in GENERIC_NAME_WORDS:
            short.pop()
        if len(short) >= 2 and short != core:
            add(" ".join(short), 1.0)
        for n in range(2, len(core)):  # "Harbor Freight" for "Harbor Freight Tools"
            add(" ".join(core[:n]), 2.0)
        first = core[0] if core else ""
        if len(core) > 1 and len(first) >= 4 and not first.isdigit():
            add(first, 4.0)  # below an exact core name
    return list(aliases.items())


def partner_aliases(name: str, brand_name: str | None) -> list[tuple[str, float]]:
    """A partner's name aliases, plus its distinctive longer words ("Meridiano" for "Companhia
    Meridiano de Sistemas"): partners are few and people shorten their names."""
    aliases = name_aliases(name, (brand_name or "",))
    known = {a for a, _ in aliases}
    words = {w for w in core_words(name) + core_words(brand_name or "") if len(w) >= 5}
    extra = sorted(
        w
        for w in words - known
        if w not in STOPWORDS
        and w not in GENERIC_NAME_WORDS
        and w not in LEGAL_SUFFIXES
        and not any(ch.isdigit() for ch in w)
    )
    return aliases + [(w, 6.0) for w in extra]


def acronym(name: str) -> str | None:
    """ "Pacific Information Distribution Co., Ltd." -> "pid": initials of three or more significant words."""
    words = [w for w in core_words(name) if w not in _CONNECTORS and not w.isdigit()]
    if len(words) < 3:
        return None
    found = "".join(w[0] for w in words if w[0].isalpha())
    return found if len(found) >= 3 and found not in COMMON_ACRONYMS else None


def _threshold(alias: str) -> float:
    return 100.0 if len(alias) <= 4 else (92.0 if len(alias) <= 8 else 87.0)


class NameIndex:
    """Everything the asker may name, as (kind, id, label, alias, penalty) rows."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, float]] = []
        self.aliases: list[str] = []
        self.acronyms: dict[str, list[tuple[str, str, str]]] = {}
        self.longest = 1  # words in the longest alias: no longer n-gram can match
        self.plain = False  # some alias is made of common words only ("Cloud Partners")
        # the answers to recent questions: an index is built once per data version and visibility class
        # (resolver.catalogue_for), so a memo on it is never stale nor shared beyond that class
        self._memo: OrderedDict[tuple, list[Entity]] = OrderedDict()
        self._memo_lock = threading.Lock()
        self._distinct: tuple[list[str], list[list[int]]] | None = None  # see `_distinct_aliases`

    def add(self, kind: str, id_: str, label: str, aliases: list[tuple[str, float]]) -> None:
        self._memo.clear()
        self._distinct = None
        for alias, penalty in aliases:
            self.rows.append((kind, id_, label, alias, penalty))
            self.aliases.append(alias)
            words = alias.split()
            self.longest = max(self.longest, len(words) + 1)  # +1: a typo may split a word in two
            self.plain = self.plain or all(w in STOPWORDS for w in words)

    def add_acronym(self, kind: str, id_: str, label: str, name: str) -> None:
        self._memo.clear()
        found = acronym(name)
        if found:
            self.acronyms.setdefault(found, []).append((kind, id_, label))

    def match(self, words: list[str], upper: set[str] | None = None, max_n: int = 8) -> list[Entity]:
        """Entities named in `words`; `upper` holds the words typed in capitals (acronym candidates)."""
        key = (tuple(words), frozenset(upper or ()), max_n)
        with self._memo_lock:
            if (hit := self._memo.get(key)) is not None:
                self._memo.move_to_end(key)
                return list(hit)
        found = self._match(words, upper, max_n)
        with self._memo_lock:
            self._memo[key] = found
            while len(self._memo) > MEMO_SIZE:
                self._memo.popitem(last=False)
        return list(found)

    def _match(self, words: list[str], upper: set[str] | None, max_n: int) -> list[Entity]:
        grams, spans, plain = _grams(words, min(max_n, self.longest), self.plain)
        found = self._acronyms(words, upper or set())
        if not grams or not self.rows:
            return _non_overlapping(found)
        distinct, rows_of = self._distinct_aliases()
        matrix = process.cdist(grams, distinct, scorer=fuzz.ratio, score_cutoff=85, workers=1)
        best: dict[tuple[str, str], Entity] = {}
        rows_idx, cols_idx = matrix.nonzero()
        # each distinct alias's score for every row that has it, in row order (as over all the rows)
        pairs = sorted((g, a, u) for g, u in zip(rows_idx.tolist(), cols_idx.tolist()) for a in rows_of[u])
        for g, a, u in pairs:
            kind, id_, label, alias, penalty = self.rows[a]
            raw = float(matrix[g, u])
            if raw < _threshold(alias) or (plain[g] and raw < 100):
                continue  # a name made of common words ("Cloud Partners") must be typed exactly
            score = raw - penalty + min(len(alias), 30) / 30  # longer names are more telling
            key = (kind, id_)
            if key not in best or score > best[key].score:
                best[key] = Entity(kind, id_, label, score, spans[g], nickname=penalty > 0)
        return _non_overlapping(list(best.values()) + found)

    def _distinct_aliases(self) -> tuple[list[str], list[list[int]]]:
        """The distinct alias strings and, for each, the rows that have it: many rows share an alias (an
        account's and its deals' names, a partner's), and the fuzzy comparison of every question n-gram
        with every alias is most of a first question's name matching (issue 22)."""
        if self._distinct is None:
            position: dict[str, int] = {}
            rows_of: list[list[int]] = []
            for row, alias in enumerate(self.aliases):
                if alias not in position:
                    position[alias] = len(rows_of)
                    rows_of.append([])
                rows_of[position[alias]].append(row)
            self._distinct = (list(position), rows_of)
        return self._distinct

    def _acronyms(self, words: list[str], upper: set[str]) -> list[Entity]:
        out = []
        for i, word in enumerate(words):
            if word in upper and word in self.acronyms:
                for kind, id_, label in self.acronyms[word]:
                    out.append(Entity(kind, id_, label, 95.0, (i, i + 1), nickname=True))
        return out


def _grams(
    words: list[str], max_n: int, plain_too: bool
) -> tuple[list[str], list[tuple[int, int]], list[bool]]:
    """The question's n-grams, their token spans, and whether each is made of common words only (kept
    only when some name is: `plain_too`)."""
    grams, spans, plain = [], [], []
    for n in range(1, max_n + 1):
        for i in range(len(words) - n + 1):
            gram = words[i : i + n]
            common = all(w in STOPWORDS for w in gram)
            if "" in gram or (common and (n == 1 or not plain_too)):  # "": an ignored word splits names
                continue
            grams.append(" ".join(gram))
            spans.append((i, i + n))
            plain.append(common)
    return grams, spans, plain


def _non_overlapping(found: list[Entity]) -> list[Entity]:
    """Keep the best entities whose spans do not overlap a better one's (ties on one span are kept). A longer
    name that contains shortened matches wins over them: "SWU zero trust programme" is that deal, not the
    "zero trust" kit; "Blue Harbor" is the partner, not the "Harbor" product."""
    found.sort(key=lambda e: (-e.score, -(e.span[1] - e.span[0])))
    kept: list[Entity] = []
    for entity in found:
        clash = [k for k in kept if entity.span[0] < k.span[1] and k.span[0] < entity.span[1]]
        if all(k.span == entity.span and k.score - entity.score < 3 for k in clash):
            kept.append(entity)
        elif entity.score >= 88 and all(k.nickname and _inside(k.span, entity.span) for k in clash):
            kept = [k for k in kept if k not in clash] + [entity]
    return sorted(kept, key=lambda e: -e.score)


def _inside(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1] and inner != outer


def upper_words(question: str) -> set[str]:
    """Words typed in capitals ("KID", "RDW"): the only ones that may be read as an acronym."""
    return {fold(w) for w in re.findall(r"\b[A-Z][A-Z0-9&]{1,7}\b", question)}


def ids_written(question: str, ids: Iterable[str]) -> list[str]:
    """The ids the question writes as whole tokens, case aside, whatever the scheme ("MDF-0003", "r-12", "REG-7")."""
    text = question.lower()
    return [i for i in ids if re.search(rf"(?<![\w-]){re.escape(i.lower())}(?![\w-])", text)]


NAMED = 90.0  # partial ratio of a company name (legal forms dropped) within the question
FIRST_WORD = 5  # from this length a name's first word alone names it ("the Moselwerk registration")


def best_named(question: str, names: dict[str, str]) -> list[str]:
    """The keys of `names` (key -> company name) whose name the question writes best: the normalised name within
    the question (`NAMED`), or its distinctive first word as a word of the question; [] when none does."""
    words = normalize_name(question)
    said = set(words.split())
    scored = []
    for key, name in names.items():
        name = normalize_name(name)
        if len(name) < 4:  # shorter names are too often words of the question
            continue
        score = fuzz.partial_ratio(name, words)
        first = name.split()[0]
        if score < NAMED and len(first) >= FIRST_WORD and first in said:
            score = NAMED
        if score >= NAMED:
            scored.append((score, key))
    best = max((score for score, _ in scored), default=0)
    return [key for score, key in scored if score == best]
