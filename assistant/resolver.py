"""Names in a question -> ids, over what the asker may see.

Partners, accounts, deals and campaign kits are matched with rapidfuzz against n-grams of the
question. Accounts and deals come from `ScopedRecords`, so a partner seller resolves only their own
deals and accounts, and a marketer resolves none. Languages, locales and channels are recognised from
words in several languages. Several equally good candidates are returned as such: the agent asks back.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import threading
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from sqlalchemy import func, select

from assistant.context import AppContext
from retrieval.records import Account, CampaignKitRow, Opportunity, Partner
from retrieval.scope import Scope

LEGAL_SUFFIXES = {
    "inc", "corp", "corporation", "llc", "ltd", "limited", "gmbh", "ag", "sa", "plc", "co", "company",
    "kg", "se", "sas", "sarl", "sl", "srl", "spa", "bv", "nv", "ab", "as", "asa", "oy", "oyj", "kk", "pty",
    "pvt", "lda", "ltda", "dac", "llp", "aps", "sp", "zoo", "de", "cv", "rl", "group", "holdings",
}
# Words that never make a name on their own (a partner called "Data" must be named in full).
_STOPWORDS = """
the a an and or of for to in on at with by from is are was be do does did we i you my our your their
what which who whom how why when where should could would can may might will shall about into onto
this that these those it its me us them please tell show give find get next best deal deals account
accounts partner partners customer customers opportunity opportunity's renewal expansion new data cloud
digital systems solutions services consulting analytics software group email e-mail post page landing
draft campaign kit german english french spanish japanese portuguese italian dutch other else more
share shared overlap doing health help bring match also any some all one two first second
der die das und mit für von ein eine le la les des du et pour avec el los las y con por para o e
"""
STOPWORDS = frozenset(_STOPWORDS.split())
KNOWN_LANGUAGES = {"de", "en", "fr", "es", "pt", "it", "nl", "ja", "zh", "sv", "pl", "da", "nb", "fi", "ko",
                   "hi"}
# Too generic to name a partner on their own ("Integration", "Distribution").
_GENERIC_NAME_WORDS = """
integration distribution marketplace consultancy technologies technology solutions network networks
referral management information international consulting analytics digital global media partner
company companhia groupe group systems services software
"""
GENERIC_NAME_WORDS = frozenset(_GENERIC_NAME_WORDS.split())
OPEN_STAGES = ("prospecting", "qualification", "proposal", "negotiation")

LANGUAGES: list[tuple[str, str]] = [  # (pattern on the normalised question, BCP 47 tag); specific first
    ((r"brazilian portuguese|portuguese \(brazil\)|português do brasil|português brasileiro|brasilianisch|"
      r"portugais brésilien|portugués de brasil|ブラジルポルトガル語"), "pt-BR"),
    (r"canadian french|french \(canada\)|français canadien|québécois", "fr-CA"),
    (r"swiss german|schweizerdeutsch", "de-CH"), (r"austrian german|österreichisch", "de-AT"),
    (r"british english|uk english", "en-GB"), (r"american english|us english", "en-US"),
    (r"mexican spanish|español de méxico|español mexicano", "es-MX"),
    (r"\bgerman\b|\bdeutsch\b|auf deutsch|\ballemand\b|\balemán\b|\balemão\b|ドイツ語", "de"),
    (r"\bjapanese\b|\bjapanisch\b|\bjaponais\b|\bjaponés\b|\bjaponês\b|日本語", "ja"),
    (r"\bportuguese\b|\bportugiesisch\b|\bportugais\b|\bportugués\b|\bportuguês\b|ポルトガル語", "pt"),
    (r"\bfrench\b|\bfrançais\b|\bfranzösisch\b|\bfrancés\b|\bfrancês\b|en français|フランス語", "fr"),
    (r"\bspanish\b|\bespañol\b|\bspanisch\b|\bespagnol\b|\bespanhol\b|en español|スペイン語", "es"),
    (r"\bitalian\b|\bitaliano\b|\bitalienisch\b|\bitalien\b|イタリア語", "it"),
    (r"\bdutch\b|\bnederlands\b|\bniederländisch\b|\bnéerlandais\b|オランダ語", "nl"),
    (r"\bswedish\b|\bsvenska\b|\bschwedisch\b", "sv"), (r"\bpolish\b|\bpolski\b|\bpolnisch\b", "pl"),
    (r"\bdanish\b|\bdansk\b", "da"), (r"\bnorwegian\b|\bnorsk\b", "nb"), (r"\bfinnish\b|\bsuomi\b", "fi"),
    (r"\bkorean\b|한국어|韓国語", "ko"), (r"\bchinese\b|中文|中国語", "zh"), (r"\bhindi\b", "hi"),
    (r"\benglish\b|\benglisch\b|\banglais\b|\binglés\b|\binglês\b|英語", "en"),
]
LOCALE_TAG = re.compile(r"(?<![\w-])([a-z]{2})[-_]([a-z]{2}|hans|hant)(?![\w-])", re.IGNORECASE)
CHANNELS: list[tuple[str, str]] = [
    (r"landing[- ]?page|\blanding\b|web ?page|webseite|página de destino|ランディングページ", "landing"),
    (r"linkedin|\bsocial\b|\btweet\b|\bpost\b|soziale|réseaux sociaux|redes sociales|ソーシャル", "social"),
    (r"e-?mail|\bmail\b|courriel|correo|メール", "email"),
]
MY_DEAL = re.compile(r"\b(my|our)\s+(\w+\s+)?(deal|deals|opportunit\w*|renewal)\b"
                     r"|\bmein\w* (deal|geschäft)\b", re.IGNORECASE)


@dataclass
class Entity:
    kind: str  # partner | account | opportunity | kit
    id: str
    label: str
    score: float
    span: tuple[int, int] = (0, 0)  # token positions in the question


@dataclass
class Mentions:
    entities: list[Entity] = field(default_factory=list)
    locale: str | None = None
    channel: str | None = None
    my_deal: bool = False
    foreign_partner: bool = False  # names a partner the asker may not reach (partner sellers)
    words: list[str] = field(default_factory=list)  # the question's tokens (for deal-name scoring)

    def of(self, kind: str) -> list[Entity]:
        return [e for e in self.entities if e.kind == kind]

    def kinds(self) -> set[str]:
        kinds = {e.kind for e in self.entities}
        if self.locale:
            kinds.add("locale")
        if self.channel:
            kinds.add("channel")
        return kinds


def fold(text: str) -> str:
    """Lower case, Latin accents removed (users type 'Lumiere' for 'Lumière'); other scripts kept."""
    text = unicodedata.normalize("NFKC", text).lower()
    out = []
    for ch in text:
        if "\u00c0" <= ch <= "\u024f":
            ch = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        out.append(ch)
    return "".join(out).replace("ß", "ss")


def tokens(text: str) -> list[str]:
    """Words of a question; CJK characters stand alone so a Latin name inside Japanese is still a word."""
    text = re.sub(r"([\u3000-\u30ff\u3400-\u9fff\uff00-\uffef])", r" \1 ", fold(text))
    out = []
    for word in re.findall(r"[\w&][\w&'’.\-]*", text):
        word = re.sub(r"('s|’s|[.'’\-]+)$", "", word)
        if not re.sub(r"[.'’\-]", "", word):
            continue
        if "-" in word and not re.search(r"\d", word):  # "Lakehouse-Kampagne": two words; "OPP-0042" stays
            out += [w for w in word.split("-") if w]
        else:
            out.append(word)
    return out


def name_aliases(name: str, extra: tuple[str, ...] = ()) -> list[tuple[str, float]]:
    """(alias, penalty): the full name, without legal suffixes, and a distinctive first word."""
    aliases: dict[str, float] = {}
    for raw in (name, *extra):
        if not raw:
            continue
        words = tokens(raw)
        full = " ".join(words)
        aliases.setdefault(full, 0.0)
        core = list(words)
        # legal suffixes, and the single letters of "A/S" or "S. A."
        while len(core) > 1 and (core[-1].replace(".", "") in LEGAL_SUFFIXES or len(core[-1]) == 1):
            core.pop()
        aliases.setdefault(" ".join(core), 0.0)
        first = core[0] if core else ""
        if len(core) > 1 and len(first) >= 4 and first not in STOPWORDS and not first.isdigit():
            aliases.setdefault(first, 4.0)  # "Acme" for "Acme Industries", below an exact core name
    return [(a, p) for a, p in aliases.items() if a and a not in STOPWORDS]


def partner_aliases(name: str, brand_name: str | None) -> list[tuple[str, float]]:
    """A partner's name aliases, plus its distinctive longer words ("Paulista" for "Companhia Paulista de
    Integração de Dados"): partners are few and people shorten their names."""
    aliases = name_aliases(name, (brand_name or "",))
    known = {a for a, _ in aliases}
    words = {w for w in tokens(f"{name} {brand_name or ''}") if len(w) >= 6}
    extra = sorted(w for w in words - known if w not in STOPWORDS and w not in GENERIC_NAME_WORDS
                   and w not in LEGAL_SUFFIXES and not any(ch.isdigit() for ch in w))
    return aliases + [(w, 6.0) for w in extra]


def _threshold(alias: str) -> float:
    return 100.0 if len(alias) <= 4 else (92.0 if len(alias) <= 8 else 87.0)


class NameIndex:
    """Everything the asker may name, as (kind, id, label, alias, penalty) rows."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, float]] = []
        self.aliases: list[str] = []

    def add(self, kind: str, id_: str, label: str, aliases: list[tuple[str, float]]) -> None:
        for alias, penalty in aliases:
            self.rows.append((kind, id_, label, alias, penalty))
            self.aliases.append(alias)

    def match(self, words: list[str], max_n: int = 6) -> list[Entity]:
        grams, spans = [], []
        for n in range(1, max_n + 1):
            for i in range(len(words) - n + 1):
                gram = words[i : i + n]
                if all(w in STOPWORDS for w in gram):
                    continue
                grams.append(" ".join(gram))
                spans.append((i, i + n))
        if not grams or not self.rows:
            return []
        matrix = process.cdist(grams, self.aliases, scorer=fuzz.ratio, score_cutoff=85, workers=1)
        best: dict[tuple[str, str], Entity] = {}
        rows_idx, cols_idx = matrix.nonzero()
        for g, a in zip(rows_idx.tolist(), cols_idx.tolist()):
            kind, id_, label, alias, penalty = self.rows[a]
            raw = float(matrix[g, a])
            if raw < _threshold(alias):
                continue
            score = raw - penalty + min(len(alias), 30) / 30  # longer names are more telling
            key = (kind, id_)
            if key not in best or score > best[key].score:
                best[key] = Entity(kind, id_, label, score, spans[g])
        return _non_overlapping(list(best.values()))


def _non_overlapping(found: list[Entity]) -> list[Entity]:
    """Keep the best entities whose spans do not overlap a better one's (ties on one span are kept)."""
    found.sort(key=lambda e: (-e.score, -(e.span[1] - e.span[0])))
    kept: list[Entity] = []
    for entity in found:
        clash = [k for k in kept if entity.span[0] < k.span[1] and k.span[0] < entity.span[1]]
        if all(k.span == entity.span and k.score - entity.score < 3 for k in clash):
            kept.append(entity)
    return kept


@dataclass(frozen=True)
class Deal:
    """What resolution needs of a deal (plain data: cached across requests and threads)."""

    opportunity_id: str
    account_id: str
    name: str
    stage: str
    last_activity_on: dt.date | None


@dataclass
class Catalogue:
    """Everything one class of asker may name. Built once per data version and visibility class."""

    index: NameIndex = field(default_factory=NameIndex)
    foreign: NameIndex = field(default_factory=NameIndex)  # other partners' names (partner sellers)
    opportunities: dict[str, Deal] = field(default_factory=dict)
    account_names: dict[str, str] = field(default_factory=dict)
    partner_names: dict[str, str] = field(default_factory=dict)
    kits: dict[str, str] = field(default_factory=dict)


_CATALOGUES: OrderedDict[tuple, Catalogue] = OrderedDict()
_CATALOGUE_LOCK = threading.Lock()


def _visibility_class(scope: Scope) -> tuple:
    """Askers who may name exactly the same records share a catalogue."""
    if scope.is_partner:
        return ("partner", scope.partner_id)
    return ("records",) if scope.can("records") else ("no-records",)


def data_fingerprint(ctx: AppContext) -> str:
    """Cheap SQL aggregates that change whenever a nameable record or its visibility does."""
    o, a, p, k = Opportunity, Account, Partner, CampaignKitRow

    def size(column):
        return func.sum(func.length(column))

    queries = [select(func.count(), size(o.name), size(o.account_id), size(o.stage), size(o.partner_id),
                      size(o.registered_by)),
               select(func.count(), size(a.name)), select(func.count(), size(p.name), size(p.brand_name)),
               select(func.count(), size(k.name), size(k.kit_id))]
    with ctx.store.session() as session:
        parts = [tuple(session.execute(q).one()) for q in queries]
    return hashlib.sha1(repr(parts).encode()).hexdigest()


def catalogue_for(ctx: AppContext, scope: Scope) -> Catalogue:
    key = (ctx.store.url, _visibility_class(scope), data_fingerprint(ctx))
    with _CATALOGUE_LOCK:
        if key in _CATALOGUES:
            _CATALOGUES.move_to_end(key)
            return _CATALOGUES[key]
    built = _build_catalogue(ctx, scope)
    with _CATALOGUE_LOCK:
        _CATALOGUES[key] = built
        while len(_CATALOGUES) > 64:
            _CATALOGUES.popitem(last=False)
    return built


def _build_catalogue(ctx: AppContext, scope: Scope) -> Catalogue:
    cat = Catalogue()
    with ctx.records(scope) as rec:
        for p in rec.partners():
            cat.partner_names[p.partner_id] = p.name
            cat.index.add("partner", p.partner_id, p.name, partner_aliases(p.name, p.brand_name))
        if scope.can("records"):
            for acc in rec.accounts():
                cat.account_names[acc.account_id] = acc.name
                cat.index.add("account", acc.account_id, acc.name, name_aliases(acc.name))
            for o in rec.opportunities():
                cat.opportunities[o.opportunity_id] = Deal(o.opportunity_id, o.account_id, o.name, o.stage,
                                                           o.last_activity_on or o.created_on)
                cat.index.add("opportunity", o.opportunity_id, o.name, [(" ".join(tokens(o.name)), 0.0)])
        kit_columns = (CampaignKitRow.kit_id, CampaignKitRow.name, CampaignKitRow.data)
        kits = rec.session.execute(select(*kit_columns)).all()
    for kit_id, name, data in kits:  # campaign kits are the vendor's material: anyone may draft from them
        cat.kits[kit_id] = name
        products = [(" ".join(tokens(str(p))), 2.0) for p in (data or {}).get("products") or []]
        cat.index.add("kit", kit_id, name, name_aliases(name, (kit_id.replace("-", " "),)) + products)
    if scope.is_partner:  # partner names are public; to say "not yours" instead of guessing
        with ctx.records(Scope.system()) as rec:
            for p in rec.partners():
                if p.partner_id != scope.partner_id:
                    aliases = name_aliases(p.name, (p.brand_name or "",))
                    cat.foreign.add("partner", p.partner_id, p.name, aliases)
    return cat


class Resolver:
    """Resolves names for one asker, over the catalogue of what they may see."""

    def __init__(self, ctx: AppContext, scope: Scope):
        self.ctx = ctx
        self.scope = scope
        cat = catalogue_for(ctx, scope)
        self.index, self._foreign = cat.index, cat.foreign
        self.opportunities, self.account_names = cat.opportunities, cat.account_names
        self.partner_names, self.kits = cat.partner_names, cat.kits

    # --- finding mentions ------------------------------------------------------------------------

    def find(self, question: str) -> Mentions:
        words = tokens(question)
        mentions = Mentions(words=words)
        mentions.entities = self._ids(question) + self.index.match(words)
        mentions.entities = _dedupe(mentions.entities)
        mentions.locale = find_locale(question)
        mentions.channel = find_channel(question)
        mentions.my_deal = bool(MY_DEAL.search(question))
        if self.scope.is_partner and not mentions.of("partner"):
            taken = [e.span for e in mentions.entities]
            mentions.foreign_partner = any(  # a full name (no first-word alias), not part of a visible name
                e.score >= 100 and not any(e.span[0] < b and a < e.span[1] for a, b in taken)
                for e in self._foreign.match(words))
        return mentions

    def _ids(self, question: str) -> list[Entity]:
        """Ids typed as such (`OPP-0042`, `P-007`, `lakehouse-modernisation`), visible or not: the tool
        then decides (an id the asker may not reach is refused there, like on the CLI)."""
        found = []
        for raw in re.findall(r"[A-Za-z0-9][A-Za-z0-9_.\-]*[A-Za-z0-9]", question):
            kind = self._kind_of_id(raw)
            if kind:
                id_ = raw.lower() if kind == "kit" else raw
                found.append(Entity(kind, id_, self._label(kind, raw), 200.0))
        return found

    def _kind_of_id(self, raw: str) -> str | None:
        if raw in self.partner_names:
            return "partner"
        if raw in self.opportunities:
            return "opportunity"
        if raw in self.account_names:
            return "account"
        if raw.lower() in self.kits and "-" in raw:
            return "kit"
        if not re.search(r"\d", raw) or not re.search(r"[A-Za-z]", raw) or not re.search(r"[-_]", raw):
            return None
        with self.ctx.store.session() as session:  # existence only, to pick the tool; never shown
            for kind, model in (("opportunity", Opportunity), ("partner", Partner), ("account", Account)):
                if session.get(model, raw) is not None:
                    return kind
        return None

    def _label(self, kind: str, id_: str) -> str:
        if kind == "partner":
            return self.partner_names.get(id_, id_)
        if kind == "opportunity" and id_ in self.opportunities:
            return self.opportunities[id_].name
        if kind == "account":
            return self.account_names.get(id_, id_)
        return self.kits.get(id_.lower(), id_)

    # --- deals -----------------------------------------------------------------------------------

    def deal_label(self, opp_id: str) -> str:
        opp = self.opportunities.get(opp_id)
        if opp is None:
            return opp_id
        account = self.account_names.get(opp.account_id, opp.account_id)
        return f"{opp.name} ({account}, {opp.stage.replace('_', ' ')}) [{opp_id}]"

    def deals_for(self, mentions: Mentions) -> list[str]:
        """Candidate deals for a question, best first: named deals, else deals at named accounts, else
        (for "my deal") the asker's own open deals."""
        named = [e.id for e in mentions.of("opportunity")]
        if named:
            return named
        accounts = {e.id for e in mentions.of("account")}
        if accounts:
            deals = [o for o in self.opportunities.values() if o.account_id in accounts]
        elif mentions.my_deal or self.scope.is_partner:
            deals = list(self.opportunities.values())
        else:
            return []
        return [o.opportunity_id for o in self._rank_deals(deals, mentions.words)]

    def _rank_deals(self, deals: list[Deal], words: list[str]) -> list[Deal]:
        """Open deals first, then those whose name shares words with the question, latest activity first."""
        asked = {w for w in words if w not in STOPWORDS or w in ("renewal", "expansion")}

        def key(opp: Deal):
            overlap = len(asked & set(tokens(opp.name)))
            recent = opp.last_activity_on
            return (opp.stage in OPEN_STAGES, overlap, recent.toordinal() if recent else 0)

        return sorted(deals, key=key, reverse=True)

    def best_deal(self, candidates: list[str], words: list[str]) -> str | None:
        """One deal when the question singles it out (the only open one, or the only one whose name
        shares the question's words); None when the asker must choose."""
        if len(candidates) == 1:
            return candidates[0]
        opps = [self.opportunities[c] for c in candidates if c in self.opportunities]
        if len(opps) != len(candidates):
            return candidates[0] if candidates else None
        open_ = [o for o in opps if o.stage in OPEN_STAGES] or opps
        if len(open_) == 1:
            return open_[0].opportunity_id
        asked = {w for w in words if w not in STOPWORDS or w in ("renewal", "expansion")}
        scored = sorted(((len(asked & set(tokens(o.name))), o.opportunity_id) for o in open_), reverse=True)
        if scored and scored[0][0] > 0 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
            return scored[0][1]
        return None


def _dedupe(entities: list[Entity]) -> list[Entity]:
    seen: dict[tuple[str, str], Entity] = {}
    for e in entities:
        key = (e.kind, e.id)
        if key not in seen or e.score > seen[key].score:
            seen[key] = e
    return sorted(seen.values(), key=lambda e: -e.score)


def find_locale(question: str) -> str | None:
    """"German" / "auf Deutsch" -> de, "Brazilian Portuguese" -> pt-BR, an explicit tag like fr-CA."""
    tag = LOCALE_TAG.search(question)
    if tag and tag.group(1).lower() in KNOWN_LANGUAGES:
        region = tag.group(2)
        return f"{tag.group(1).lower()}-{region.upper() if len(region) == 2 else region.title()}"
    text = fold(question)
    return next((locale for pattern, locale in _LANGUAGES_RE if pattern.search(text)), None)


def find_channel(question: str) -> str | None:
    text = fold(question)
    return next((channel for pattern, channel in _CHANNELS_RE if pattern.search(text)), None)


# matched against folded text, so the patterns are folded too ("français" -> "francais")
_LANGUAGES_RE = [(re.compile(fold(p)), tag) for p, tag in LANGUAGES]
_CHANNELS_RE = [(re.compile(fold(p)), channel) for p, channel in CHANNELS]
