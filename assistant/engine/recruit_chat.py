"""Recruitment questions in chat ("which companies in Italy should we recruit as partners?", "wen sollten wir
als Partner gewinnen?"): cue patterns in English, German, French, Spanish, Portuguese and Japanese; the
country, industry and product filters come from the words of the question. Answered by the
`recruit_partners` tool (tools.recruit.service), which decides permissions."""
from __future__ import annotations

import re

from assistant.engine.name_index import best_named
from connectors.countries import COUNTRY_NAMES, country_code_for
from tools.directory.service import places_named
from tools.locales import Catalogue
from tools.recruit.types import RecruitResponse

_RECRUIT = re.compile(
    r"\b(recruit\w*|rekrutier\w*|anwerb\w*|anzuwerben|recrut\w*|reclut\w*)\b|"
    r"\bals partner (zu )?gewinnen\b|\bpartner (zu )?gewinnen\b|\bneue partner (finden|suchen|gewinnen)\b|"
    r"\b(partner|partnership) candidates?\b|\bcandidate partners?\b|\bprospective partners?\b|"
    r"\bpotential (new )?partners\b|\bpartnerkandidat\w*|\bcandidats? partenaires?\b|"
    r"\b(sign|bring) (up|on) (new|more) partners\b|\bnew partners should we\b|"
    r"\bnuevos socios\b|\bnovos parceiros\b|\bnouveaux partenaires\b|"
    r"パートナー候補|新しいパートナー|パートナーを(募集|獲得|開拓)|リクルート|(勧誘|開拓)(候補|先|すべき|する)|"
    # "which candidates could fill the gap in GB?", "¿qué candidatos podrían cubrir el hueco en GB?": coverage gaps
    r"\b(candidates?|candidatos?|candidats?|kandidat\w*)\b.{0,40}\b(gaps?|hueco|huecos|lücke\w*|trous?|lacunes?|"
    r"lacunas?|brechas?|cover\w*|cubrir|fill|combler|preencher|cobrir|abdecken|schließen)\b|"
    r"\b(fill|cover|close|plug)\w* (the |our |a |this )?(coverage |partner )?gaps?\b|"
    r"\b(cubrir|llenar) (el|la|ese|esa) (hueco|brecha)\b|\bcombler (le|la|ce|cette) (trou|lacune)\b|"
    r"\b(preencher|cobrir) (a|o|essa|esse) (lacuna|buraco)\b|\blücke\w* (zu )?(schließen|füllen)\b", re.IGNORECASE)

# Country names in the languages the engine answers in, beyond the English names and the codes.
_LOCAL_NAMES = {
    "italien": "IT", "italie": "IT", "italia": "IT", "イタリア": "IT", "deutschland": "DE", "allemagne": "DE",
    "alemania": "DE", "alemanha": "DE", "ドイツ": "DE", "frankreich": "FR", "francia": "FR", "frança": "FR",
    "フランス": "FR", "spanien": "ES", "espagne": "ES", "españa": "ES", "espanha": "ES", "スペイン": "ES",
    "österreich": "AT", "autriche": "AT", "schweiz": "CH", "suisse": "CH", "suiza": "CH", "suíça": "CH",
    "スイス": "CH", "niederlande": "NL", "pays-bas": "NL", "países bajos": "NL", "großbritannien": "GB",
    "royaume-uni": "GB", "reino unido": "GB", "イギリス": "GB", "uk": "GB", "u.k.": "GB", "britain": "GB",
    "great britain": "GB", "england": "GB", "英国": "GB", "vereinigte staaten": "US", "états-unis": "US",
    "estados unidos": "US", "アメリカ": "US", "japon": "JP", "japón": "JP", "japão": "JP", "日本": "JP",
    "brasilien": "BR", "brésil": "BR", "brasil": "BR", "ブラジル": "BR", "polen": "PL", "pologne": "PL",
    "schweden": "SE", "suède": "SE", "suecia": "SE", "belgien": "BE", "belgique": "BE", "bélgica": "BE",
    "kanada": "CA", "mexiko": "MX", "mexique": "MX", "méxico": "MX", "indien": "IN", "inde": "IN",
    "australien": "AU", "australie": "AU", "オーストラリア": "AU", "インド": "IN", "カナダ": "CA",
}
PAGE = 5  # candidates per answer
_WORDS = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


# "where are we short on partner coverage?", "UK coverage - open deals vs partners?", "Abdeckung", "couverture",
# "cobertura de socios", "パートナーが手薄な国": the countries with the most open deals per partner
_COVERAGE = re.compile(
    r"\b(partner )?coverage\b|\b(short|thin|light|lacking|under-?covered|undercovered|understaffed)\b.{0,25}\b(on |of |in )?"
    r"partners?\b|\b(open )?deals?\b.{0,15}\b(vs\.?|versus|against|compared (to|with)|per)\b.{0,20}\bpartners?\b|"
    r"\bpartners?\b.{0,15}\b(vs\.?|versus|against|compared (to|with)|per)\b.{0,20}\b(open )?deals?\b|"
    r"\b(partner-?)?abdeckung\b|\bcouverture (partenaires?|des partenaires)?\b|\bcobertura( de (socios|parceiros))?\b|"
    r"カバレッジ|手薄|(パートナー|販売店)が(足りない|少ない)", re.IGNORECASE)


# "on the candidate list", "Kandidaten für die Partnergewinnung", "candidatos en Polonia": the recruitment candidates,
# unless a deal or lead is what the candidates are for ("the best candidates for OPP-2690")
_CANDIDATES = re.compile(r"\b(candidates?|kandidat\w*|candidats?|candidatos?|candidate lists?|partnergewinnung)\b|"
                         r"候補(企業|リスト|一覧)", re.IGNORECASE)  # not "候補" alone: "<account>の二番手候補" is a match
_FOR_A_DEAL = re.compile(r"\b(deals?|opps?|opportunit\w*|leads?|accounts?|angebot\w*|affaires?|oportunidad\w*|"
                         r"negócios?|negocios?|runner-?up|second|next best|zweite\w*|deuxième|segund[oa])\b|案件|商談|"
                         r"リード|二番手|次点|[A-Z]{1,5}-\d+", re.IGNORECASE)


# "is there a bonus for recruiting partners?", "Prämie für die Partnergewinnung?", "bono por reclutar": what the
# programme pays or rules about recruiting, not whom to recruit
_ABOUT_RECRUITING = re.compile(r"\b(bonus\w*|bonificaci\w*|incitations?|anreiz\w*|belohnung\w*|"
                               r"incentives?|rewards?|commissions?|spiffs?|kickers?|prämie\w*|provision\w*|"
                               r"primes?|récompense\w*|bono\w*|incentivos?|recompensa\w*|comisi[oó]n\w*|bônus|"
                               r"comiss[aã]o\w*|policy|policies|rules?|regel\w*|règles?|reglas?|regras?)\b|"
                               r"報奨|インセンティブ|ボーナス|ルール", re.IGNORECASE)


def is_recruit_question(question: str) -> bool:
    if _ABOUT_RECRUITING.search(question):
        return False
    return bool(_RECRUIT.search(question)) or bool(_CANDIDATES.search(question) and not _FOR_A_DEAL.search(question))


def named_candidate(question: str, data: RecruitResponse) -> str | None:
    """ "is <company> on the candidate list a new company for us?": what the ranking says of the candidate the
    question names (already a partner, or its place and score), or None when it names none."""
    names = {a.candidate_id: a.name for a in data.already_partners} | {c.candidate_id: c.name for c in data.candidates}
    ids = best_named(question, names)
    if len(ids) != 1:
        return None
    already = next((a for a in data.already_partners if a.candidate_id == ids[0]), None)
    if already is not None:
        return f"{already.name} ({already.candidate_id}): {already.reason}."
    place, c = next((i, c) for i, c in enumerate(data.candidates, 1) if c.candidate_id == ids[0])
    return (f"{c.name} ({c.candidate_id}) is not a partner yet: number {place} of the candidates to recruit, score "
            f"{c.score:.2f}: {'; '.join(c.reasons[:2])}.")


def is_coverage_question(question: str) -> bool:
    return bool(_COVERAGE.search(question))


def coverage_answer(data: RecruitResponse) -> str:
    """The countries short of partners (open deals vs partners there), the one asked about first."""
    if not data.coverage:
        return "No country has more open deals per partner than the programme's average."
    country = data.filters.get("country")
    lines = ["Partner coverage against open deals, by country" + (" (the one asked about first)" if country else "")
             + ", the biggest gaps first:"]
    for g in data.coverage:
        partners = f"{g.partners} partner{'s' if g.partners != 1 else ''}" if g.partners else "no partner"
        per = f", {g.open_deals / g.partners:.1f} open deals per partner" if g.partners else ""
        lines.append(f"- {g.label} ({g.country}): {g.open_deals} open deals vs {partners}{per}"
                     + ("" if g.gap > 0 else " (not above the average)"))
    return "\n".join(lines)


_COUNTRY_PREPOSITIONS = {"in", "im", "en", "em", "au", "aux", "na", "no", "nach", "from", "aus", "de", "da", "do"}


def country_in(question: str) -> str | None:
    """A country the question names: an English or local name, or a code written in capitals after "in"."""
    lowered = question.casefold()
    for name, code in _LOCAL_NAMES.items():
        cjk = any("\u3040" <= ch <= "\u9fff" for ch in name)  # Japanese has no spaces between words
        if (name in lowered) if cjk else re.search(rf"(?<!\w){re.escape(name)}(?!\w)", lowered):
            return code
    words = _WORDS.findall(question)
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            chunk = " ".join(words[i:i + size])
            # "in Japan", and as typed in chat, "in japan" (lower case only after such a word)
            after_in = i > 0 and words[i - 1].casefold() in _COUNTRY_PREPOSITIONS
            if len(chunk) > 3 and (chunk[:1].isupper() or after_in):
                code = country_code_for(chunk if chunk[:1].isupper() else chunk.title())
                if code:
                    return code
    found = re.search(r"\b(?:in|im|en|em)\s+([A-Z]{2})\b", question)
    if found and found.group(1) in COUNTRY_NAMES:
        return found.group(1)
    named = places_named(question)  # the six languages' country names ("韓国", "Corée du Sud", "Südkorea")
    return named[0] if len(named) == 1 else None


def named(question: str, values: list[str]) -> str | None:
    """The longest of `values` (an industry or product) the question names as words."""
    lowered = question.casefold()
    hits = [v for v in values if re.search(rf"(?<!\w){re.escape(v.casefold())}(?!\w)", lowered)]
    return max(hits, key=len, default=None)


_say = Catalogue({  # en, de, fr, es, pt, ja (tools.locales.CATALOGUE_LANGS)
    "none": ("No candidate to recommend{where}.", "Kein Kandidat zu empfehlen{where}.",
             "Aucun candidat à recommander{where}.", "Ningún candidato que recomendar{where}.",
             "Nenhum candidato a recomendar{where}.", "推薦できる候補はありません{where}。"),
    "none_more": ("No more candidate to recommend{where}.", "Keine weiteren Kandidaten{where}.",
                  "Plus aucun candidat à recommander{where}.", "No hay más candidatos que recomendar{where}.",
                  "Não há mais candidatos a recomendar{where}.", "これ以上推薦できる候補はありません{where}。"),
    "head": ("Companies to recruit as partners{where}, best first:",
             "Unternehmen, die als Partner gewonnen werden sollten{where}, die besten zuerst:",
             "Entreprises à recruter comme partenaires{where}, les meilleures d'abord :",
             "Empresas a reclutar como socios{where}, las mejores primero:",
             "Empresas a recrutar como parceiros{where}, as melhores primeiro:",
             "パートナーとして勧誘すべき企業{where}（上位から）:"),
    "line": ("{i}. {name} ({id}), score {score}: {why}", "{i}. {name} ({id}), Score {score}: {why}",
             "{i}. {name} ({id}), score {score} : {why}", "{i}. {name} ({id}), puntuación {score}: {why}",
             "{i}. {name} ({id}), pontuação {score}: {why}", "{i}. {name}（{id}）、スコア {score}: {why}"),
    "not_recommended": ("Not recommended, {items}", "Nicht empfohlen: {items}", "Non recommandés : {items}",
                        "No recomendados: {items}", "Não recomendados: {items}", "推薦対象外: {items}"),
    "ranked": ("How they are ranked: {how}", "Wie sie gereiht werden: {how}", "Comment ils sont classés : {how}",
               "Cómo se ordenan: {how}", "Como são ordenados: {how}", "順位の付け方: {how}"),
    "profile": ("The ideal partner profile: {traits}", "Das ideale Partnerprofil: {traits}",
                "Le profil de partenaire idéal : {traits}", "El perfil de socio ideal: {traits}",
                "O perfil de parceiro ideal: {traits}", "理想的なパートナー像: {traits}"),
})  # fmt: skip


def answer(data: RecruitResponse, start: int = 0, lang: str = "en") -> str:
    """The ranking's page from `start`: its fixed sentences in `lang`; the tool's reasons as it gives them."""
    where = ", ".join(f"{k} {v}" for k, v in data.filters.items())
    where = f" ({where})" if where else ""
    shown = data.candidates[start:start + PAGE]
    lines = []
    if not shown:
        lines.append(_say("none_more" if start else "none", lang, where=where))
    else:
        lines.append(_say("head", lang, where=where))
    for i, c in enumerate(shown, start + 1):
        gap = [c.fills_gap] if c.fills_gap and c.fills_gap not in " ".join(c.reasons[:2]) else []
        why = "; ".join(c.reasons[:2] + gap)
        lines.append(_say("line", lang, i=i, name=c.name, id=c.candidate_id, score=f"{c.score:.2f}", why=why))
    if data.already_partners and not start:
        lines.append(_say("not_recommended", lang, items="; ".join(f"{a.name} ({a.candidate_id}): {a.reason}"
                                                                    for a in data.already_partners[:5])))
    if data.profile.ranking and not start:
        lines.append(_say("ranked", lang, how=data.profile.ranking))
    if data.profile.traits and not start:
        lines.append(_say("profile", lang, traits="; ".join(data.profile.traits[:3])))
    return "\n".join(lines)
