"""A benefit of the asker's own tier: "what's our resale discount at our tier?", "how many NFR licences do we get
as silver?", "quanto MDF a gente pode ter por trimestre no nosso nível?".

The programme's content states the benefits per tier, usually as a table (rows read as "Benefit: Resale
discount; Registered: 10%; Silver: 15%; ..." or "Tier: Gold; MDF per quarter (up to): $18,000"). The answer is
the passage, headed by the cell of the tier asked: the tier named, else the partner's own tier.
Pure functions over text; the engine supplies the passages and the partner's tier.
"""

from __future__ import annotations

import re

from assistant.engine.intent_cues import TIER_NAMES, normalise, tier_named

# a benefit people ask about per tier: discounts, licences, funds per quarter, points, support
_BENEFIT = re.compile(
    r"\w*rabatt\w*|\b(discounts?|margins?|marges?|margen|margem|rabatt\w*|remises?|descuentos?|descontos?|licen[cs]es?|lizenz\w*|licencias?|licenças?|nfr|"
    r"points?|pts|punkte|puntos|pontos|per quarter|a quarter|each quarter|quarterly|pro quartal|par trimestre|"
    r"por trimestre|cap|benefits?|vorteile?|avantages?|beneficios?|benefícios?|entitle\w*)\b|"
    r"ディスカウント|割引|ライセンス|ポイント|特典|四半期(ごと|に|あたり)")
# the asker's own tier ("at our tier", "as silver", "no nosso nível", "うちのティアだと"), or "do we get"
_OWN_TIER = re.compile(
    r"\b(at|for|on|in|with|auf|bei|mit|à|pour|a|para|en|no|na|em)\s+(our|my|this|unsere\w*|meine\w*|notre|mon|"
    r"nuestro|mi|nosso|meu)\s+(tier|level|stufe|niveau|nivel|nível|status)\b|\bas (an? )?(registered|silver|gold|"
    r"platinum)( partners?)?\b|\b(do|can|could|would) (we|i) get\b|\b(are|am) (we|i) entitled\b|\bwe('re| are) "
    r"entitled\b|\b(pra|para) (a )?(gente|nós)\b|\bpour nous\b|\bfür uns\b|\bpara nosotros\b|"
    r"(うち|当社|弊社|私たち)の(ティア|ランク)(だと|では|で)|\b(we|i) (get|receive)\b|\b(wir|nous) (bekommen|erhalten|"
    r"kriegen|recevons)\b|\b(recebemos|recibimos)\b|\b(bekommen|erhalten|kriegen) wir\b|"
    # "on a droit à combien ...?", "¿a cuánto tenemos derecho?", "was steht uns zu?", "何本もらえますか"
    r"\b(on a|nous avons|avons-nous|a-t-on) droit\b|\b(tenemos|temos) (derecho|direito)\b|\bsteh\w* uns\b|"
    r"\buns zu\w*\b|もらえ|受けられ|使える")
# a tier named with a benefit: "resale discount for a Platinum partner?", "NFR kits for Gold?" (the tier's row, for
# anyone: no partner's own tier needed)
# marketing funds, a benefit when a tier is named ("los partners registered pueden pedir MDF?")
_FUNDS = re.compile(r"(?<![a-z])mdf(?![a-z])|marketing (development )?funds?|fonds marketing|fondos de marketing|"
                    r"fundos de marketing|marketingmittel|マーケティング資金")
# two tiers compared ("discount at platinum vs gold?"): the table answers, not one tier's row
_COMPARED = re.compile(r"\b(vs\.?|versus|compared|compare|vergleich\w*|comparé\w*|comparad\w*|differen\w*|unterschied\w*)\b|"
                       r"比較|違い")
# a gap or a progress question is the tier's criteria, not its benefits
_PROGRESS = re.compile(r"\b(missing|gap|need|needed|reach|qualify|on track|fehlt|manque|falta|criteria|"
                       r"kriterien|critères|requisitos)\b|足りない|条件")
# a benefit of a registered deal ("discount on a registered deal on top?", "Rabatt auf registrierte Deals?"): the
# registration's benefit, which a tier table states only when it has a column for it
_REGISTERED_DEAL = re.compile(
    r"\bregister(ed)? (deals?|opportunit\w*|opps?)\b|\b(deal )?registrations?\b|\bregistrierte\w* (deals?|geschäft\w*|"
    r"opportunit\w*)|\bregistrierung\w*|\b(affaires?|opportunités?) enregistrée?s?|\benregistrement\w*|"
    r"\b(deals?|oportunidad\w*|negocios?|negócios?|oportunidades?) registrad[oa]s?\b|\bregistros?\b|"
    r"登録(済み)?の?案件|案件登録")
# the registration's benefit in the words programmes use for it, when the tier table has no column for it
REGISTRATION_QUERY = "extra discount on a registered deal while its registration is protected"


def asks_registration_benefit(question: str) -> bool:
    """A discount or margin asked of a registered deal, not of a tier's resale."""
    text = normalise(question)
    return bool(_BENEFIT.search(text) and _REGISTERED_DEAL.search(text))


# how many passages of the table query are read: a long table is split over several passages
TABLE_DEPTH = 15
# the benefits of every tier, when the question's own words do not find their table
TABLE_QUERY = "tier benefits table: resale discount, not-for-resale licences, marketing development funds"


def asks_benefit(question: str) -> bool:
    """A benefit is named ("and the MDF cap per quarter for that?"), whoever's tier it is."""
    return bool(_BENEFIT.search(normalise(question)))


def asks_own_benefit(question: str) -> bool:
    """A benefit of one's own tier is asked ("how many NFR licences are we entitled to?")."""
    text = normalise(question)
    return bool(_BENEFIT.search(text) and _OWN_TIER.search(text) and not _PROGRESS.search(text))


def asks_tier_benefit(question: str, named: str | None = None) -> bool:
    """A benefit of a tier the question names (`named`: the programme's tier name found in the question, e.g.
    by the resolver from vendor.yaml; else the tier words of our languages): "remise de revente pour un
    partenaire Platinum ?", "qual o desconto de registro pra Gold?"."""
    text = normalise(question)
    benefit = _BENEFIT.search(text) or _FUNDS.search(text)  # "can Registered partners get MDF?": that tier's row
    compared = _COMPARED.search(text) or sum(bool(re.search(p, text)) for p in TIER_NAMES) >= 2
    return bool(benefit and (named or tier_named(question)) and not _PROGRESS.search(text) and not compared)


def query_for(question: str, tier: str) -> str:
    """What to search: the question and "benefits" (the table of every tier's; the tier's name would find its
    criteria instead)."""
    return f"{question} tier benefits"


def _initials(label: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", label.lower()) if w and w[0].isalpha())


# the benefit words of our languages, in the English of the benefits tables' labels ("desconto de revenda" is the
# "Resale discount" row): the job's vocabulary, no vendor's benefit names
_IN_ENGLISH = [(re.compile(p), w) for p, w in (
    (r"\b(descontos?|descuentos?|remises?)\b|\w*rabatt\w*|割引|ディスカウント|値引", "discount"),
    (r"\b(revenda|reventa|revente|wiederverkauf\w*)\b|再販", "resale"),
    (r"\b(registros?|registrierung\w*|enregistrement\w*)\b|案件登録|登録", "registration"),
    (r"\b(licen[cç]as?|licencias?|lizenz\w*)\b|ライセンス", "licences"),
    (r"\b(pontos|puntos|punkte)\b|ポイント", "points"),
    (r"\b(trimestre|quartal)\b|四半期", "quarter"),
    (r"\b(margem|margen|marge)\b|マージン", "margin"),
    (r"ワークショップ", "workshops"), (r"ソリューション", "solution"), (r"アーキテクト", "architect"),
    (r"\b(talleres|ateliers|oficinas)\b", "workshops"),
)]


# words of any benefits table's question, never what tells one row from another
_EVERY_ROW = frozenset(["partner", "partners", "partenaire", "partenaires", "socio", "socios", "parceiro", "parceiros",
                        "tier", "tiers", "level", "stufe", "niveau", "nivel", "nível", "our", "unser", "unsere", "notre",
                        "nuestro", "nosso", "get", "gets", "bekommt", "bekommen", "how", "wie", "viel", "much", "many",
                        "what", "was", "welche", "welchen", "quel", "quelle", "qual", "cuánto", "quanto", "combien"])


def english_query(question: str) -> str | None:
    """The benefit asked about in the English of the benefits tables ("ワークショップは四半期に何回" -> "tier benefits
    table: workshops solution architect quarter"), when the question says one in another language."""
    text = normalise(question)
    words = [w for pattern, w in _IN_ENGLISH if pattern.search(text)]
    words += [a for a in re.findall(r"\b[A-Z]{2,5}\b", question) if a not in words]  # MDF, NFR: as the tables say
    return f"tier benefits table: {' '.join(words)}" if words else None


def asked_words(question: str, label: str) -> int:
    """How many of the question's words (or their English) a benefit's label has."""
    return _overlap(question, label)


def _overlap(question: str, label: str) -> int:
    text = normalise(question)
    words = set(re.findall(r"[^\W\d_]{3,}", text)) | {w for pattern, w in _IN_ENGLISH if pattern.search(text)}
    words -= _EVERY_ROW  # "a Gold partner": every row of a partner programme's table is a partner's
    label_words = set(re.findall(r"\w{3,}", label.lower()))
    score = len(words & label_words)
    acronym = _initials(re.sub(r"\(.*?\)", "", label))
    if any(2 <= len(w) <= 5 and acronym.startswith(w) for w in words):  # "NFR" for "Not-for-resale licences",
        score += 2  # "MDF" for "Marketing development funds"
    return score


def _markdown_cells(text: str, tier: str) -> list[tuple[str, str]]:
    """(benefit, value) of `tier` in the markdown tables of a passage: a column per tier, or a row per tier."""
    cells: list[tuple[str, str]] = []
    header: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("|"):
            header = []
            continue
        row = [c.strip().strip("*").strip() for c in line.strip("|").split("|")]
        if all(re.fullmatch(r":?-+:?", c) for c in row if c):
            continue
        if not header:
            header = row
            continue
        lowered = [h.lower() for h in header]
        if tier.lower() in lowered[1:] and len(row) == len(header):
            cells.append((row[0], row[lowered.index(tier.lower())]))
        elif row and row[0].lower() == tier.lower():
            cells += [(header[j], row[j]) for j in range(1, min(len(row), len(header)))]
    return cells


def tier_cells(text: str, tier: str) -> list[tuple[str, str]]:
    """(benefit, value) of `tier` in the table rows of `text`, in either shape of row, as quoted ("Benefit:
    Resale discount; ...; Gold: 20%") or as written (markdown)."""
    name = re.escape(tier)
    cells = _markdown_cells(text, tier)
    # a row per benefit: "Benefit: Resale discount; Registered: 10%; ...; Gold: 20%; ..."
    for row in re.finditer(rf"(?P<key>[A-Z][\w ]{{0,20}}): (?P<label>[^;:]+?); (?:[^;]*?; )*?{name}: "
                           rf"(?P<value>[^;\[]+?)(?=;| [A-Z][\w ]{{0,20}}: | \[|$)", text, re.IGNORECASE):
        if row.group("label").strip().lower() != tier.lower():
            cells.append((row.group("label").strip(), row.group("value").strip()))
    # a row per tier: "Tier: Gold; MDF per quarter (up to): $18,000; NFR seats: 50": every cell of the row, up to
    # the next tier's row or the citation
    for row in re.finditer(rf"\b(tier|level|stufe|niveau|nivel|nível): {name}; (?P<cells>.+?)"
                           rf"(?=\s+(tier|level|stufe|niveau|nivel|nível): |\s*\[|$)", text, re.IGNORECASE | re.DOTALL):
        for cell in row.group("cells").split("; "):
            label, colon, value = cell.partition(": ")
            if colon and label.strip() and value.strip():
                cells.append((label.strip(), value.strip().rstrip(";")))
    return cells


def tier_asked(question: str, own_tier: str, named: str | None = None) -> str:
    """The tier named (`named`: the programme's own tier name found in the question; else "as silver" in our
    languages), else the partner's own."""
    return named or tier_named(question) or own_tier


def benefit_line(question: str, texts: list[str], tier: str, first: bool = True) -> tuple[str, str] | None:
    """The (benefit, value) of `tier` that the question asks about, from the passages' table rows (the first
    text is the search's answer: when no benefit shares a word with the question, as in another language,
    its first cell is taken, unless `first` is False: an answer to another query than the question's)."""
    cells = [cell for text in texts for cell in tier_cells(text, tier)]
    if not cells:
        return None
    best = max(cells, key=lambda c: _overlap(question, c[0]))
    if _overlap(question, best[0]) > 0:
        return best
    answered = tier_cells(texts[0], tier) if texts and first else []
    return answered[0] if answered else None  # the search's answer: its first row is the best passage's
