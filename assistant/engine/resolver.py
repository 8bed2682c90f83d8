"""Names in a question -> ids, over what the asker may see.

Partners, accounts, deals and campaign kits come from the data (partners.csv, accounts.csv,
opportunities.csv, campaigns/), never from a list in the code, and are matched by
`assistant.engine.name_index`. Accounts and deals come from `ScopedRecords`, so a partner seller resolves only
their own deals and accounts, and a marketer resolves none. Several equally good candidates are returned
as such: the engine asks back. Which of an account's deals is meant is `assistant.engine.deal_hints`' job;
languages and channels are `assistant.engine.draft_options`'.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from sqlalchemy import select

from assistant.engine import deal_hints
from assistant.engine.context import AppContext
from assistant.engine.deal_hints import OPEN_STAGES, Deal
from assistant.engine.draft_options import find_channel, find_locale
from assistant.engine.intent_cues import programme_tier_named
from assistant.engine.name_index import (
    GENERIC_NAME_WORDS,
    LEGAL_SUFFIXES,
    STOPWORDS,
    Entity,
    NameIndex,
    fold,
    name_aliases,
    partner_aliases,
    tokens,
    upper_words,
)
from assistant.engine.recruit_chat import country_in
from retrieval.lexical import tokenize as tokenize_terms
from retrieval.records import Account, CampaignKitRow, Opportunity, Partner
from retrieval.scope import Scope
from retrieval.wordlist import whole_words
from tools.locales import answer_language

__all__ = [
    "OPEN_STAGES", "Deal", "Entity", "Mentions", "Resolver", "find_channel", "find_locale", "fold",
    "name_aliases", "partner_aliases", "tokens",
]  # fmt: skip

# "my deal" (one of the asker's deals, which one to be found); "my deals" is the whole pipeline instead.
MY_DEAL = re.compile(r"\b(my|our)\s+(\w+\s+)?(deal|opportunity|opp|oppty|renewal)\b"
                     r"|\bmein\w* (deal|geschäft)\b", re.IGNORECASE)  # fmt: skip
# Words of a kit's name that say nothing about which kit ("Zero Trust launch" is the "Zero Trust" kit).
_KIT_GENERIC = (
    "launch campaign kit programme program accelerator series toolkit and with in for the of a to new edition"
)
KIT_GENERIC = frozenset(_KIT_GENERIC.split() + ["q1", "q2", "q3", "q4", "fy"])


@dataclass
class Mentions:
    entities: list[Entity] = field(default_factory=list)
    locale: str | None = None
    channel: str | None = None
    my_deal: bool = False
    foreign_partner: bool = False  # names a partner the asker may not reach (partner sellers)
    tier: str | None = None  # a tier of the vendor's programme named ("as a Gold partner"), by vendor.yaml's names
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


@dataclass
class Catalogue:
    """Everything one class of asker may name. Built once per data version and visibility class."""

    index: NameIndex = field(default_factory=NameIndex)
    foreign: NameIndex = field(default_factory=NameIndex)  # other partners' names (partner sellers)
    opportunities: dict[str, Deal] = field(default_factory=dict)
    account_names: dict[str, str] = field(default_factory=dict)
    partner_names: dict[str, str] = field(default_factory=dict)
    kits: dict[str, str] = field(default_factory=dict)
    ignore: frozenset[str] = frozenset()  # the vendor's own name: "we", never a partner or an account
    by_number: dict[int, list[str]] = field(default_factory=dict)  # 2477 -> ["OPP-2477"]
    id_prefixes: frozenset[str] = frozenset()  # "opp-", "p-": the prefixes of the ids above (lower case)
    words_of_names: frozenset[str] | None = None  # every word of the names above, built on first use
    tiers: frozenset[str] = frozenset()  # the programme's tier names (vendor.yaml tier_rules, partners' tiers)

    def name_words(self) -> frozenset[str]:
        if self.words_of_names is None:
            names = [*self.account_names.values(), *self.partner_names.values(), *self.kits.values(),
                     *(o.name for o in self.opportunities.values())]
            self.words_of_names = frozenset(w for n in names for w in tokens(n) if len(w) >= 4)
        return self.words_of_names


_ID_PREFIX = re.compile(r"([A-Za-z]+[-_])\d")
CATALOGUES_KEPT = 64  # visibility classes: internal users, no-records users, and one per partner with sellers


def _visibility_class(scope: Scope) -> tuple:
    """Askers who may name exactly the same records share a catalogue."""
    if scope.is_partner:
        return ("partner", scope.partner_id)
    return ("records",) if scope.can("records") else ("no-records",)


def catalogue_for(ctx: AppContext, scope: Scope) -> Catalogue:
    """The catalogue of the asker's visibility class, built once per records version (`ctx.cached`)."""
    return ctx.cached("resolver.catalogue", lambda: _build_catalogue(ctx, scope),
                      key=_visibility_class(scope), max_entries=CATALOGUES_KEPT)


def _build_catalogue(ctx: AppContext, scope: Scope) -> Catalogue:
    cat = Catalogue()
    vendor = str(ctx.vendor().get("name") or "")
    cat.ignore = frozenset(w for w in tokens(vendor) if w not in LEGAL_SUFFIXES)
    tiers = {str(t) for t in (ctx.vendor().get("tier_rules") or {})}
    with ctx.records(scope) as rec:
        for p in rec.partners():
            tiers.add(str(p.tier or ""))
            cat.partner_names[p.partner_id] = p.name
            cat.index.add("partner", p.partner_id, p.name, partner_aliases(p.name, p.brand_name))
            cat.index.add_acronym("partner", p.partner_id, p.name, p.name)
        if scope.can("records"):
            _add_records(cat, rec)
        kit_columns = (CampaignKitRow.kit_id, CampaignKitRow.name, CampaignKitRow.data)
        kits = rec.session.execute(select(*kit_columns)).all()
    for kit_id, name, data in kits:  # campaign kits are the vendor's material: anyone may draft from them
        cat.kits[kit_id] = name
        cat.index.add("kit", kit_id, name, kit_aliases(kit_id, name, (data or {}).get("products") or []))
    if scope.is_partner:  # partner names are public; to say "not yours" instead of guessing
        with ctx.records(Scope.system()) as rec:
            for p in rec.partners():
                if p.partner_id != scope.partner_id:
                    cat.foreign.add("partner", p.partner_id, p.name, partner_aliases(p.name, p.brand_name))
    cat.tiers = frozenset(" ".join(tokens(t)) for t in tiers if tokens(t))
    cat.id_prefixes = frozenset(m.group(1).lower() for i in (*cat.partner_names, *cat.opportunities, *cat.account_names)
                                if (m := _ID_PREFIX.match(i)))
    return cat


def _add_records(cat: Catalogue, rec) -> None:
    for acc in rec.accounts():
        cat.account_names[acc.account_id] = acc.name
        cat.index.add("account", acc.account_id, acc.name, name_aliases(acc.name))
    parts: dict[str, list[str]] = {}
    for o in rec.opportunities():
        cat.opportunities[o.opportunity_id] = Deal(
            o.opportunity_id, o.account_id, o.name, o.stage, o.last_activity_on or o.created_on,
            o.amount, tuple(o.products or ()), bool(o.registered_by),
        )  # fmt: skip
        cat.index.add("opportunity", o.opportunity_id, o.name, [(" ".join(tokens(o.name)), 0.0)])
        for part in deal_hints.deal_parts(o.name, cat.account_names.get(o.account_id, "")):
            parts.setdefault(part, []).append(o.opportunity_id)
        number = deal_hints.id_number(o.opportunity_id)
        if number is not None:
            cat.by_number.setdefault(number, []).append(o.opportunity_id)
    for part, ids in parts.items():  # "the EDR rollout": only where it names one deal the asker may see
        if len(ids) == 1:
            cat.index.add("opportunity", ids[0], cat.opportunities[ids[0]].name, [(part, 3.0)])


# The same abbreviation in other languages: "IA" (fr, es, pt) and "KI" (de) are "AI".
_ABBREVIATIONS = {"ai": ("ia", "ki"), "ml": ("aa",), "bi": ("ib",)}


def kit_aliases(kit_id: str, name: str, products: list) -> list[tuple[str, float]]:
    """A kit's name and id, its products, and the distinctive part of its name ("Zero Trust" for "Zero Trust
    launch"): people name a kit by what it promotes."""
    aliases = name_aliases(name, (kit_id.replace("-", " ").replace("_", " "),))
    aliases += [(" ".join(tokens(str(p))), 2.0) for p in products if str(p).strip()]
    aliases += [(w, 3.0) for p in products for w in tokens(str(p)) if len(w) >= 3 and not w.isdigit()
                and w not in STOPWORDS and w not in GENERIC_NAME_WORDS]  # "SIEM" of "Beacon SIEM" # fmt: skip
    for raw, shortest in ((name, 5), (kit_id.replace("-", " ").replace("_", " "), 3)):  # ids are terse
        words = [w for w in tokens(raw) if w not in KIT_GENERIC]
        if words and len(words) < len(tokens(raw)):
            aliases.append((" ".join(words), 2.0))
        aliases += [(w, 3.0) for w in words if len(w) >= shortest and not w.isdigit()
                    and w not in STOPWORDS and w not in GENERIC_NAME_WORDS]  # fmt: skip
    aliases += [(other, 3.0) for w in tokens(name) for other in _ABBREVIATIONS.get(w, ())]  # "kit de IA"
    seen: dict[str, float] = {}
    for alias, penalty in aliases:
        if alias and (alias not in seen or penalty < seen[alias]):
            seen[alias] = penalty
    return list(seen.items())


SURE = 90.0  # a name matched at least this well is taken as named ("Stark Industries" is not "Indústrias Solar")
_LATIN_WORD = re.compile(r"\s+[a-zà-ÿ]")
# what ends a sentence before a capital that opens the next one ("Servus! Wie lang ...")
_SENTENCE_END = re.compile(r"(^|[.!?¡¿])\s*$")
# a German article right before a capitalised word: a noun when the language or the content knows the word
_GERMAN_ARTICLE_BEFORE = re.compile(r"\b(der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines)\s+$")
# German capitalises every noun: right after a quantity ("wie viele Tage", "30 Tage", "welche Unterlagen",
# "alle Leads") a capitalised word of a German question is a noun, not a name
_GERMAN_QUANTITY_BEFORE = re.compile(r"(?:\b(?:viele[nr]?|wenige[nr]?|welche[nmrs]?|alle[nmrs]?|jede[nmrs]?|"
                                     r"diese[nmrs]?|einige[nmrs]?|mehrere[nmr]?|manche[nmrs]?|solche[nmrs]?|"
                                     r"beide[nmr]?|in|im|pro|je)|\b\d+)\s+$", re.IGNORECASE)  # "in Summe", "pro Monat"
# A name typed with capitals, in Latin letters only: "Zorblax" of "Zorblax社の案件" ends where the Japanese begins.
_NAME_CHAR = r"[0-9A-Za-zÀ-ÖØ-öø-ÿ&'.-]"
_CAPITALISED = re.compile(rf"(?<![\w-])([A-Z]{_NAME_CHAR}*[a-z0-9]{_NAME_CHAR}*(?:(?<![.!?])\s+[A-Z]{_NAME_CHAR}*)*)")
# German writes every noun with a capital: after an article (or a contraction with one) and an adjective ("am
# selben Tag", "den gleichen Kunden", "einen neuen Vertrag") one capitalised word is a noun, not a name.
_GERMAN_NOUN_BEFORE = re.compile(r"\b(am|im|zum|zur|vom|beim|ans|ins|der|die|das|den|dem|des|ein|eine|einen|einem|"
                                 r"einer|eines|kein\w*|jede\w*|dies\w*)\s+[a-zäöüß]+\s+$")
# German capitalises every noun: after an article and an inflected adjective ("am selben Tag", "im nächsten
# Monat", "den gleichen Kunden") a capitalised word is a noun, not a name
_GERMAN_NOUN_AFTER = re.compile(r"\b(am|im|zum|zur|beim|vom|dem|den|der|die|das|des|ein|eine|einem|einen|einer|"
                                r"eines)\s+[a-zäöüß]+(en|em|er|es|e)\s+$")


# "saltmarsh energy - is that one ours?", "<name>: where is it at?": a topic, then a question that points back to it
_LEAD_TOPIC = re.compile(r"^\s*([^\W\d_][\w'’&.]*(?:\s+[^\W\d_][\w'’&.]*){0,3})\s*(?:-|–|—|:|,)\s+\S")
_POINTS_BACK = re.compile(r"\b(it|that|this|that one|this one|ours|theirs|es|er|sie|das|der|die|ça|c'est|il|elle|"
                          r"él|ella|eso|ese|esa|ele|ela|isso|esse|essa|dele|dela)\b|それ|その|この")
# greetings and fillers that open a question ("hola, ...", "quick one - ...")
_FILLERS = frozenset(["hello", "hallo", "hola", "bonjour", "salut", "servus", "moin", "ciao", "hiya", "howdy", "thanks", "thank", "danke", "merci", "gracias", "obrigado", "obrigada", "quick", "question", "frage", "question", "pregunta", "pergunta", "sorry", "quickly", "please", "bitte", "porfa"])


# what programmes name with an acronym: an exam, a certification, a course ("the CCX and CCXP exams", "examen CCX")
_EXAM_WORD = (r"(?:exams?|examinations?|certifications?|certificates?|certs?|tracks?|courses?|trainings?|badges?|"
              r"prüfung\w*|zertifi\w*|kurs\w*|examens?|exame\w*|certifica\w*|formations?|cours|cursos?|"
              r"試験|認定|資格|コース)")


def _longer_name_written(question: str, e) -> bool:
    """A nickname match (one word of a name: "Minera") inside a longer capitalised name the question writes
    ("Minera Cerro Azulejo") whose other words are none of the entity's: that longer name is another one (made
    up, or not visible), not this entity. A typo of the entity's own words still counts as its words."""
    if not getattr(e, "nickname", False) or e.kind not in ("opportunity", "account", "partner"):
        return False
    label = [w for w in tokens(e.label) if w not in STOPWORDS]
    for found in _CAPITALISED.finditer(question):
        written = [w for w in tokens(found.group(1)) if w not in STOPWORDS and w not in GENERIC_NAME_WORDS]
        first = next((i for i, w in enumerate(written) if w in label), None)
        if first is None:
            continue
        after = written[first + 1:]  # a longer name goes on after its first word ("Status Minera": no name)
        extra = [w for w in after if w not in label and not any(fuzz.ratio(w, t) >= 80 for t in label)]
        if extra and len(extra) == len(after):
            return True
    return False


def _names_an_exam(question: str, entity: Entity, words: list[str]) -> bool:
    """A name matched only by its acronym that stands beside an exam or course word ("what do the CCX and CCXP exams
    cost?", "el examen CCX"): the programme's certification of that name, not the partner."""
    if not entity.nickname or entity.span[1] - entity.span[0] != 1 or entity.span[1] > len(words):
        return False
    acronym = re.escape(words[entity.span[0]])
    others = r"(?:\s*(?:,|and|or|&|und|oder|et|ou|y|o|e)\s+[A-Z][A-Za-z0-9-]{1,7})*"
    return bool(re.search(rf"(?<![\w-]){acronym}(?![\w-]){others}[\s-]*{_EXAM_WORD}|{_EXAM_WORD}\s+(?:de |del |do |da |du "
                          rf"|der |des |für |for |of |the )?(?:[A-Z][A-Za-z0-9-]{{1,7}}\s*(?:,|and|or|y|et|und|e|o)\s+)*"
                          rf"{acronym}(?![\w-])", question, re.IGNORECASE))


# a company named in Japanese script before its deal ("<name>工業の案件", "<name>銀行さんの商談"): the name ends as Japanese
# company names end (a name of three characters or more before the ending: "大手銀行の案件" is any big bank's deal)
_JAPANESE_COMPANY = re.compile(r"(?P<name>[\u30a0-\u30ff\u4e00-\u9fffー]{3,}(?:工業|産業|商事|銀行|製作所|電機|電気|"
                               r"建設|自動車|化学|食品|製薬|薬品|証券|保険|物産|精機|重工|運輸|物流|病院|大学|商会|"
                               r"ホールディングス|グループ|システムズ|株式会社|社|ファイナンス|フィナンシャル|金融|信金|"
                               r"信用金庫|損保|生命|商店|テック|ソリューションズ|ネットワークス|不動産|電力|鉄道|航空|"
                               r"海運|通信|総研|研究所|クリニック|ホテル|百貨店|交通|精密|印刷|製紙|製鉄|リース|"
                               r"キャピタル|エナジー|ロジスティクス|ファーマ|メディカル|テクノロジーズ))(?:さん|様)?の(?:案件|商談|登録|ディール)")


class Resolver:
    """Resolves names for one asker, over the catalogue of what they may see."""

    def __init__(self, ctx: AppContext, scope: Scope):
        self.ctx = ctx
        self.scope = scope
        cat = catalogue_for(ctx, scope)
        self._cat = cat
        self.index, self._foreign = cat.index, cat.foreign
        self.opportunities, self.account_names = cat.opportunities, cat.account_names
        self.partner_names, self.kits = cat.partner_names, cat.kits

    # --- finding mentions ------------------------------------------------------------------------

    def find(self, question: str) -> Mentions:
        words = tokens(question)
        mentions = Mentions(words=words)
        named = [w if w not in self._cat.ignore else "" for w in words]  # the vendor is "us", not a name
        found = self._ids(question) + self._numbered(words) + self.index.match(named, upper_words(question))
        tier_words = {w for t in self._cat.tiers for w in t.split()}
        mentions.entities = [e for e in _dedupe(found) if not _names_an_exam(question, e, words)
                             and not (e.kind in ("opportunity", "account") and words[e.span[0]:e.span[1]]
                                      and set(words[e.span[0]:e.span[1]]) <= tier_words)]
        # ("are we still gold?" is no question about the "Gold Coast Depot" deal: a tier's name alone names no deal)
        mentions.entities = [e for e in mentions.entities if not _longer_name_written(question, e)]
        mentions.locale = find_locale(question)
        mentions.channel = find_channel(question)
        mentions.my_deal = bool(MY_DEAL.search(question))
        mentions.tier = programme_tier_named(question, self._cat.tiers)
        if self.scope.is_partner and not mentions.of("partner"):
            mentions.foreign_partner = self._names_foreign_partner(question, named, mentions)
        return mentions

    def names_foreign_partner(self, question: str) -> bool:
        """Another partner, also by a nickname typed in lower case ("how much mdf did <nickname> get?"): for
        questions about a partner's own figures, where the asker's own figures would be the wrong answer."""
        mentions = self.find(question)
        if mentions.foreign_partner or not self.scope.is_partner or mentions.of("partner"):
            return mentions.foreign_partner
        words = [w if w not in self._cat.ignore else "" for w in mentions.words]
        return self._names_foreign_partner(question, words, mentions, loose=True)

    def _names_foreign_partner(self, question: str, words: list[str], mentions: Mentions, loose: bool = False) -> bool:
        """Another partner, named in full, or by a nickname typed with a capital ("Initech") (any nickname but
        a common word when `loose`), and not part of a name the asker may see (their own account "Initech Water")."""
        capitalised = {w for raw in re.findall(r"\b[A-Z][\w'’-]*", question) for w in tokens(raw)}
        if loose:
            capitalised |= {w for w in words if w and w not in STOPWORDS and len(w) >= 4}
        for e in self._foreign.match(words):
            # a name the asker may see over the same words wins, unless it is a shorter nickname inside another
            # partner's full name (a kit's product word "Harbor" inside "Blue Harbor Consulting")
            inside = [t for t in mentions.entities if e.span[0] < t.span[1] and t.span[0] < e.span[1]]
            if any(not (t.nickname and not e.nickname and e.score >= 95 and t.span[1] - t.span[0] < e.span[1] - e.span[0])
                   for t in inside):
                continue
            full_name = not e.nickname and e.score >= 95
            nickname = (
                e.nickname and e.score >= 94 and all(w in capitalised for w in words[e.span[0] : e.span[1]])
            )
            if full_name or nickname:
                return True
        return False

    def _ids(self, question: str) -> list[Entity]:
        """Ids typed as such (`OPP-0042`, `P-007`, `zero-trust-launch`), visible or not: the tool
        then decides (an id the asker may not reach is refused there, like on the CLI)."""
        found = []
        for raw in re.findall(r"[A-Za-z0-9][A-Za-z0-9_.\-]*[A-Za-z0-9]", question):
            kind = self._kind_of_id(raw)
            if kind:
                id_ = raw.lower() if kind == "kit" else raw
                found.append(Entity(kind, id_, self._label(kind, raw), 200.0))
        return found

    def _numbered(self, words: list[str]) -> list[Entity]:
        """ "opp 2477", "deal #2477": a visible opportunity whose id carries that number."""
        found = []
        for number in deal_hints.number_refs(words):
            for opp_id in self._cat.by_number.get(number, []):
                found.append(Entity("opportunity", opp_id, self.opportunities[opp_id].name, 150.0))
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

    # --- names that are nowhere ------------------------------------------------------------------

    def unknown_id(self, question: str, mentions: Mentions) -> str | None:
        """An id typed in the shape of the data's ids (`OPP-9999`, `P-099`: a prefix the asker's records
        use) that names nothing: so that we can say it does not exist instead of guessing."""
        known = {e.id for e in mentions.entities}
        for raw in re.findall(r"\b([A-Za-z]+[-_]\d+)\b", question):
            head = re.match(r"[A-Za-z]+[-_]", raw)
            if head and head.group(0).lower() in self._cat.id_prefixes and raw not in known:
                return raw
        return None

    def unknown_name(self, question: str, mentions: Mentions, near: re.Pattern,
                     reach: tuple[int, int] = (14, 24), kinds: tuple[str, ...] | None = None) -> str | None:
        """A name typed with capitals next to a deal/partner word (`near`: "the Globex deal", "deal de
        Contoso", "Hooli 社の案件", "the Quaxel-Deal") that matches nothing the asker may see nor any partner: it
        does not exist for them. `reach`: how many characters may lie between `near` and the name, before and after it. Of
        several such names, the one closest to the `near` word. Words of names found, the vendor's name and
        acronyms are never taken for such a name. `kinds`: only names of these kinds count as known ("tier for
        <X>" names a partner: an account sharing a word of it is no answer)."""
        entities = [e for e in mentions.entities if kinds is None or e.kind in kinds]
        taken = {w for e in entities if e.score >= SURE for w in tokens(e.label)} | set(self._cat.ignore)
        taken |= {w for t in self._cat.tiers for w in t.split()}  # "discount for Gold": a tier, no deal "Gold"
        knows: Callable[[str], bool] | None = None
        best: tuple[int, str] | None = None
        for found in _CAPITALISED.finditer(question):
            phrase = found.group(1).strip(" .'")
            start, end = found.start(), found.end()
            inner = near.search(phrase)
            last = list(near.finditer(phrase))[-1] if inner else None
            if last and last.end() == len(phrase) and phrase[: last.start()].endswith(("-", " ")):
                # "Quaxel-Deal", "beim Quaxel Logistik Deal": a name, then the deal word (capitalised in German)
                # ("Deal-Registrierung" is no name)
                rest = phrase[: last.start()].rstrip(" -")
                if not rest or near.search(rest):
                    continue
                end = start + len(rest)
                phrase, inner = rest, None
            first = inner if inner and inner.start() == 0 and phrase[inner.end():inner.end() + 1] == " " else None
            if first and not near.search(phrase[first.end():]):
                # "den Deal Halden Kraftwerke": the deal word (capitalised in German), then the name
                start += first.end() + 1
                phrase, inner = phrase[first.end():].strip(), None
            if _GERMAN_NOUN_AFTER.search(question[:start]):
                continue
            words = [w for w in tokens(phrase) if w not in STOPWORDS]
            opens = _SENTENCE_END.search(question[:start])  # "Which deal ...", "Servus! Wie lang ist ..."
            if not words or set(words) <= taken or set(words) <= _FILLERS or (opens and len(words) == 1 and
                                                                            _LATIN_WORD.match(question[end:])):
                continue  # a capital that only opens a sentence
            if opens and answer_language(question, self.scope.locale) == "de":
                knows = knows or self._vocabulary_knows()
                if all(knows(w) for w in words):  # "Welche Unterlagen ...": German capitalises its nouns
                    continue
            if inner:
                continue  # the deal/partner word itself ("Deal", "Partner")
            if len(phrase.split()) == 1 and _GERMAN_NOUN_BEFORE.search(question[:start]):
                continue  # "am selben Tag": a German noun
            if len(phrase.split()) <= 2 and country_in(f"in {phrase}"):
                continue  # "an identity deal in Switzerland": a country, not a name of a deal
            if _GERMAN_QUANTITY_BEFORE.search(question[:start]) and answer_language(question, self.scope.locale) == "de":
                continue  # "Wie viele Tage Schutz ...": nouns after a quantity, no name
            if len(words) == 1 and _GERMAN_ARTICLE_BEFORE.search(question[:start]):
                knows = knows or self._vocabulary_knows()
                if knows(words[0]):
                    continue  # "die Schutzfrist einer Registrierung": a German noun the content uses, no name
            blanked = question[:start] + " " * (end - start) + question[end:]
            gaps = [gap for m in near.finditer(blanked)
                    if (gap := m.start() - end if m.start() >= end else start - m.end()) >= 0
                    and gap <= (reach[1] if m.start() >= end else reach[0])]
            if not gaps:
                continue
            if any(e.score >= SURE and (kinds is None or e.kind in kinds) and not _longer_name_written(question, e)
                   for e in self.index.match(words) + self._foreign.match(words)):
                continue
            if best is None or min(gaps) < best[0]:
                best = (min(gaps), phrase)
        return best[1] if best else None

    def _vocabulary_knows(self) -> Callable[[str], bool]:
        """word -> whether it is a word of the language rather than a name: a common word (one the embedding
        model's tokenizer holds whole) or one the content uses (stemmed as the search stems it)."""
        common = whole_words(self.ctx.settings.embedding_model_path)
        if not common:  # no word list to tell words from names: every word counts as known
            return lambda word: True
        try:
            vocabulary = self.ctx.content.vocabulary()
        except Exception:  # no content index (a store never ingested): the word list alone
            return lambda word: word in common
        return lambda word: word in common or all(vocabulary(t)[1] for t in tokenize_terms(word) or [word])

    def _unknown_words(self, words: list[str], taken: set[str], knows: Callable[[str], bool]) -> list[str]:
        return [w for w in words if len(w) >= 4 and w.isalpha() and w not in STOPWORDS and w not in taken
                and w not in _FILLERS and not knows(w)]

    def unknown_plain_name(self, question: str, mentions: Mentions, near: re.Pattern) -> str | None:
        """A name typed in lower case (in an English question) that nothing the asker may see, no partner, no
        common word list and no document uses: right
        before a deal word ("globex deal", "ironbark foods pilot") or as the topic the rest of the
        question points back to ("saltmarsh energy - is that one ours?"). A word the content uses ("big
        deal", "the renewal deal") or a typo of a name or a cue word is never taken for one."""
        if answer_language(question, self.scope.locale) != "en":
            return None  # other languages put the name after the deal word, and their words are not in the list
        taken = {w for e in mentions.entities if e.score >= SURE and e.kind in ("opportunity", "account", "partner")
                 for w in tokens(e.label)} | set(self._cat.ignore)
        text = question.casefold()
        spans = []
        lead = _LEAD_TOPIC.match(text)
        if lead and _POINTS_BACK.search(text[lead.end(1):]):
            spans.append(lead.group(1))
        for found in near.finditer(text):
            before = re.split(r"[,;:!?()\[\]\-–—/]", text[: found.start()])[-1]
            spans.append(" ".join(before.split()[-3:]))
        knows = None
        for span in spans:
            words = re.findall(r"[a-zà-öø-ÿ]+", span)  # Latin words: a CJK run is no single word
            if not words:
                continue
            knows = knows or self._vocabulary_knows()
            unknown = self._unknown_words(words, taken, knows)
            if not unknown:
                continue
            if any(e.score >= SURE for e in self.index.match(unknown) + self._foreign.match(unknown)):
                continue
            if any(process.extractOne(w, self._cat.name_words(), scorer=fuzz.ratio, score_cutoff=80) for w in unknown):
                continue  # a typo of a name the asker may see ("clearwatr")
            named = words[words.index(unknown[0]):]
            while len(named) > 1 and any(e.kind == "kit" and e.score >= SURE for e in self.index.match(named[-1:])):
                named.pop()  # "ironbark foods <product> pilot": the product is the deal's, not the name's
            return " ".join(named)
        return None

    def unknown_qualified_name(self, question: str, mentions: Mentions) -> str | None:
        """A name typed with capitals of which only a generic word matched a known name ("Quillon Insurance"
        against the account "Insurance Partners of X"): the other capitalised words match no name, no common word
        and no document, so it is another company, not this one."""
        for e in mentions.entities:
            if not e.nickname or e.kind not in ("account", "opportunity", "partner") or not e.span:
                continue
            # the names the same words matched ("Security" in two partners' names)
            shared = [x for x in mentions.entities if x.span == e.span and x.kind == e.kind]
            for found in _CAPITALISED.finditer(question):
                phrase = found.group(1).strip(" .'")
                words = [w for w in tokens(phrase) if w not in STOPWORDS]
                matched = set(mentions.words[e.span[0]:e.span[1]])
                if not matched or not matched <= set(words):
                    continue
                label = set(tokens(e.label))
                others = [w for w in words if w not in matched and w not in label]
                if not others:
                    continue
                if any(x.score >= SURE for x in self.index.match(others) + self._foreign.match(others)):
                    continue
                if self._unknown_words(others, set(self._cat.ignore), self._vocabulary_knows()):
                    return phrase
                if self._qualifies_shared_word(question, words, matched, shared, found.start()):
                    return phrase  # "Vikings Security Partners", "Nimbus Harbor": a word of no name before a nickname
        return None

    def _qualifies_shared_word(self, question: str, words: list[str], matched: set[str], shared: list,
                               at: int) -> bool:
        """A name of its own written around a word of known names (a nickname match): a capitalised word before
        that word which no name the asker may see uses ("Vikings" in "Vikings Security Partners" against "Tsubasa
        Security" and "Kiwi Patrol Security"), not one opening the sentence; a typo of a name never."""
        first = min(words.index(w) for w in matched if w in words)
        before = [w for w in words[:first] if len(w) >= 3 and w.isalpha() and w not in self._cat.ignore]
        if not before or _SENTENCE_END.search(question[:at]):
            return False
        names = self._cat.name_words() | {w for x in shared for w in tokens(x.label)}
        return all(w not in names and not process.extractOne(w, names, scorer=fuzz.ratio, score_cutoff=80)
                   for w in before)

    def unknown_japanese_company(self, question: str, mentions: Mentions) -> str | None:
        """A company written in Japanese script before "の案件" / "の商談" ("<name>工業の案件の状況は？"), ending as Japanese
        company names end (工業, 銀行, 株式会社, 社 ...), that matches nothing the asker may see nor any partner: it does
        not exist for them (rather than "which deal?")."""
        if any(e.score >= SURE for e in mentions.entities) or mentions.foreign_partner:
            return None
        for found in _JAPANESE_COMPANY.finditer(question):
            name = found.group("name")
            words = tokens(name)
            if words and any(e.score >= SURE for e in self.index.match(words) + self._foreign.match(words)):
                continue
            return name
        return None

    def unknown_partner(self, question: str, mentions: Mentions, partner_word: re.Pattern) -> str | None:
        """A partner named in full with a partner word of its own ("Zorblax Partners", "Frobnitz Integrators")
        that is no partner the asker may see nor any other partner, even where its first words are an account
        or a deal ("Zorblax"): not answered about that account as if it were the partner."""
        if any(e.score >= SURE for e in mentions.of("partner")):
            return None
        for found in _CAPITALISED.finditer(question):
            phrase = found.group(1).strip(" .'")
            parts = phrase.split()
            if len(parts) < 2 or not partner_word.fullmatch(parts[-1]) or partner_word.search(" ".join(parts[:-1])):
                continue
            if len(parts) == 2 and not question[: found.start()].strip(" ¿¡\"'“«"):
                continue  # a capital that only opens a sentence ("Welche Partner ...", "Which partners ...")
            words = [w for w in tokens(phrase) if w not in self._cat.ignore]
            if len(words) < 2 or all(w in STOPWORDS for w in words[:-1]):
                continue
            if any(e.score >= SURE and e.kind == "partner" for e in self.index.match(words)):
                continue
            if any(e.score >= SURE for e in self._foreign.match(words)):
                continue  # another partner's name: the caller's "not yours" (partner sellers), never "no such"
            return phrase
        return None

    # --- deals -----------------------------------------------------------------------------------

    def deal_label(self, opp_id: str) -> str:
        opp = self.opportunities.get(opp_id)
        if opp is None:
            return opp_id
        account = self.account_names.get(opp.account_id, opp.account_id)
        return f"{opp.name} ({account}, {opp.stage.replace('_', ' ')}) [{opp_id}]"

    def names_account(self, question: str, opportunity_id: str) -> bool:
        """Whether `question` names the account of deal `opportunity_id` (a word of its name that is not a
        common word), as opposed to matching the deal only on product and stage words."""
        opp = self.opportunities.get(opportunity_id)
        if opp is None:
            return False
        asked = set(tokens(question))
        account = [w for w in tokens(self.account_names.get(opp.account_id, "")) if w not in STOPWORDS]
        return any(w in asked for w in account)

    def deals_for(self, mentions: Mentions) -> list[str]:
        """Candidate deals for a question, best first: named deals, else deals at named accounts, else
        (for "my deal") the asker's own open deals."""
        sure_accounts = {e.id for e in mentions.of("account") if e.score >= SURE}
        named = [e.id for e in mentions.of("opportunity") if e.score >= SURE or not sure_accounts
                 or (e.id in self.opportunities and self.opportunities[e.id].account_id in sure_accounts)]
        if named:  # a deal named loosely at another account than the one named for sure is not named
            return named
        accounts = {e.id for e in mentions.of("account")}
        if accounts:
            deals = [o for o in self.opportunities.values() if o.account_id in accounts]
        elif mentions.my_deal or self.scope.is_partner:
            deals = list(self.opportunities.values())
        else:
            return []
        ranked = deal_hints.rank(deals, mentions.words)
        open_ = [o for o in ranked if o.stage in OPEN_STAGES]
        if open_ and not deal_hints.wants_closed(mentions.words):
            ranked = open_  # a closed deal only when asked for ("the deal we lost")
        if len(accounts) > 1:  # "compare A and B": A's deals first, so "the second one" is B's
            first_word = {}
            for e in mentions.of("account"):
                first_word[e.id] = min(first_word.get(e.id, e.span[0]), e.span[0])
            ranked.sort(key=lambda o: first_word.get(o.account_id, 0))
        return [o.opportunity_id for o in ranked]

    def best_deal(self, candidates: list[str], words: list[str]) -> str | None:
        """One deal when the question singles it out; None when the asker must choose."""
        if len(candidates) == 1:
            return candidates[0]
        deals = [self.opportunities[c] for c in candidates if c in self.opportunities]
        if len(deals) != len(candidates):
            return candidates[0] if candidates else None
        return deal_hints.single_out(deals, words)


def _dedupe(entities: list[Entity]) -> list[Entity]:
    seen: dict[tuple[str, str], Entity] = {}
    for e in entities:
        key = (e.kind, e.id)
        if key not in seen or e.score > seen[key].score:
            seen[key] = e
    return sorted(seen.values(), key=lambda e: -e.score)
