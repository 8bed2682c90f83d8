"""Questions about the whole ecosystem in chat, for the vendor's own people (admin, channel managers,
marketers): counts and lists computed from the records, never from content. "how many platinum partners?",
"which partners joined this year?", "total open pipeline?", "how many open opps over 250k have no partner?",
"any open deals past their close date?", "any regs expiring in the next 2 weeks?", "who's eligible for a
tier promotion?", "which partners have the most unspent MDF?", "what campaign kits do we have?", and a
named partner's MDF for a quarter when the asker may not see deals (a marketer).

Cue words in English, German, French, Spanish, Portuguese and Japanese. `answer` is asked before the
general engine (`assistant.engine.programme.answer_programme`); it returns None for anything else, and for
partner sellers (their own standing is `tools.partner_profile`'s). Every read goes through the asker's
scope (`ctx.records(scope)`), so a role sees only what it may.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from sqlalchemy import func, select

from assistant.engine import router
from assistant.engine.analytics_chat import period_of
from assistant.engine.resolver import Mentions, Resolver
from assistant.engine.turn import ToolUse, Turn
from retrieval.records import CampaignKitRow, User
from tools.analytics.service import portfolio
from tools.directory.service import question_hints
from tools.partner_profile.service import quarter_months
from tools.types import is_open

Answer = tuple[str, ToolUse]

_I = re.IGNORECASE
COUNT = re.compile(r"\bhow many\b|\bnumber of\b|\bwie ?viele\b|\bcombien\b|\bcu[aá]nt[oa]s\b|\bquant[oa]s\b|"
                   r"何社|何人|何件|いくつ|数は", _I)
PARTNERS = re.compile(r"\bpartners\b|\bpartner\b|\bpartenaires?\b|\bsocios\b|\bparceiros?\b|パートナー", _I)
TIERS = ("registered", "silver", "gold", "platinum")
TIER_WORDS = {"platinum": r"platinum|platin|platine|platino|プラチナ", "gold": r"\bgold\b|\bor\b|\boro\b|\bouro\b|ゴールド",
              "silver": r"silver|\bsilber\b|\bargent\b|\bplata\b|\bprata\b|シルバー",
              "registered": r"\bregistered\b|\bregistriert\w*\b|\benregistr\w*\b|registrad\w*|レジスタード"}
OTHER_NOUNS = re.compile(r"\b(deals?|opps?|opportunit\w*|accounts?|customers?|users?|certifi\w*|staff|mdf|"
                         r"registrations?|regs?|leads?|kits?)\b|認定|案件|顧客", _I)
JOINED = re.compile(r"\bjoined\b|\bnew partners\b|\bonboarded\b|\bsigned up\b|beigetreten|neue partner|"
                    r"\brejoint\b|nouveaux partenaires|se unieron|nuevos socios|entraram|novos parceiros|加入|新規パートナー",
                    _I)
USERS = re.compile(r"\busers?\b|\bbenutzer\w*|\butilisateurs?\b|\busuari[oa]s\b|\busuários\b|ユーザー", _I)
PIPELINE = re.compile(r"\bpipeline\b|パイプライン", _I)
TOTAL = re.compile(r"\b(total|all|whole|entire|across|overall|sum|gesamt\w*|toute?s?|todo|todos|toda)\b|合計|全体",
                   _I)
DEALS = re.compile(r"\b(deals?|opps?|oppty|opportunit\w*|pipeline)\b|\bgeschäft\w*|\baffaires?\b|"
                   r"\boportunidad\w*|\boportunidade\w*|\bnegócios?\b|案件|商談", _I)
NO_PARTNER = re.compile(r"\bno partner\b|\bwithout (a |any )?partner\b|\bunpartnered\b|\bnot partnered\b|"
                        r"\bohne partner\b|\bsans partenaire\b|\bsin (ningún )?socio\b|\bsem parceiro\b|"
                        r"パートナー(なし|がいない|が付いていない)", _I)
PAST_CLOSE = re.compile(r"\bpast (their |the |its )?close|\bclose dates? (has |have )?(passed|gone)|\boverdue\b|"
                        r"\bslipped\b|überfällig|abschlussdatum (überschritten|verpasst)|date de clôture (dépassée|passée)|"
                        r"fecha de cierre (pasada|vencida)|data de fechamento (passada|vencida)|"
                        r"(クローズ|完了予定)日を過ぎ", _I)
REGS = re.compile(r"\b(regs?|registrations?|registrierung\w*|enregistrements?|registros?)\b|案件登録|登録", _I)
EXPIRING = re.compile(r"\bexpir\w*|\blapse\w*|\bablauf\w*|\blaufen\b.{0,20}\bab\b|\bvencen\b|\bvencem\b|"
                      r"\bvencimiento\b|\bcaduc\w*|期限|切れ", _I)
PROMOTION = re.compile(r"\bpromot\w*|\beligible for (a |the )?(higher|next)\b|\bqualif\w* for (a |the )?(higher|next)\b|"
                       r"\baufsteig\w*|\baufstieg\w*|\bbeförder\w*|\bpromoci[oó]n\w*|\bpromoção\b|\bascen\w*|昇格|昇級", _I)
BELOW_TIER = re.compile(r"\b(below|under|short of|miss\w*|fall short|don'?t meet|do not meet|not meeting|unter\w*|"
                        r"en dessous|por debajo|abaixo)\b.{0,30}\b(tiers?|minimums?|requirements?|mindest\w*|"
                        r"exigences|requisitos|m[ií]nimos)\b|(条件|基準)を(満たしていない|下回)", _I)
UNSPENT = re.compile(r"\bunspent\b|\bunused\b|\bnot (yet )?spent\b|\bleft\b|\bremaining\b|ungenutzt\w*|"
                     r"nicht ausgegeben\w*|non (utilisé|dépensé)s?|sin gastar|no gastad\w*|não gast\w*|"
                     r"não utilizad\w*|deixou de gastar|未消化|未使用|残り", _I)
MDF = re.compile(r"\bmdf\b|marketing (development )?funds?|marketingmittel|fonds marketing|fondos de marketing|"
                 r"verba de marketing", _I)
RANK = re.compile(r"\b(which|who|most|top|biggest|largest|welche\w*|meisten|quels?|quelles?|plus|cuáles|"
                  r"quais|mais|ranking)\b|どの|一番|最も", _I)
KITS = re.compile(r"\b(campaign )?kits?\b|\bkampagnen\w*|\bkits? de campa\w*|キット", _I)
LIST_ASK = re.compile(r"\b(what|which|list|show|available|do we have|are there|welche\w*|gibt es|quels?|quelles?|"
                      r"cuáles|qué|quais|que|tem|têm|have)\b|どの|どんな|ありますか", _I)
DRAFT_VERB = re.compile(r"\b(draft|write|create|make|compose|generate|entwurf|entwirf|schreib\w*|rédige\w*|brouillon|"
                        r"borrador|redact\w*|rascunho|escrev\w*)\b|下書き|作成", _I)
WITHIN = re.compile(r"\b(?:next|coming|within|in the next|nächsten|prochains?|pr[oó]xim[oa]s)\s+(\d+|two|three|four|"
                    r"zwei|drei|deux|trois|dos|tres|duas|três)\s*(days?|weeks?|months?|tage?n?|wochen?|jours?|semaines?|"
                    r"d[ií]as|semanas|mois|meses|monate?n?)\b|(\d+)\s*(日|週間|か月)以内", _I)
AMOUNT = re.compile(r"(?:over|above|more than|greater than|bigger than|>|über|plus de|más de|mais de|acima de)\s*"
                    r"(?:usd|\$|€|eur)?\s*(\d+(?:[.,]\d+)?)\s*(k|m|mio|million|millionen|mil)?\b", _I)
CERTIFIED = re.compile(r"\bcertif\w*|\bzertifiz\w*|\bcertifi[ée]s?\b|\bcertificad\w*|認定|資格", _I)
MOST = re.compile(r"\b(most|highest|largest|biggest|top|meisten|höchste\w*|plus|más|mais|maior)\b|一番|最も|最多", _I)
# "a new logo deal", "an opportunity", "ein Deal": any deal, not one of ours; the programme's rule answers
A_DEAL = re.compile(r"\b(a|an|ein|eine[nm]?|un|une|una|um|uma)\s+(\w+\s+){0,3}?(deal|opportunity|opp|"
                    r"renewal|geschäft|affaire|opportunité|oportunidad|negócio|oportunidade)\b", _I)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "zwei": 2, "drei": 3, "deux": 2, "trois": 3, "dos": 2, "tres": 3,
            "duas": 2, "três": 3}


# The sentences that carry the numbers, in the asker's language: key -> (en, de, fr, es, pt, ja).
_TEXT: dict[str, tuple[str, ...]] = {
    "partners_total": ("{n} partners in all: {split}.", "{n} Partner insgesamt: {split}.",
                       "{n} partenaires au total : {split}.", "{n} socios en total: {split}.",
                       "{n} parceiros no total: {split}.", "パートナーは合計 {n} 社です（{split}）。"),
    "partners_tier": ("{k} {tier} partners (of {n} partners in all).", "{k} {tier}-Partner (von {n} Partnern insgesamt).",
                      "{k} partenaires {tier} (sur {n} au total).", "{k} socios {tier} (de {n} en total).",
                      "{k} parceiros {tier} (de {n} no total).", "{tier} パートナーは {k} 社です（全 {n} 社中）。"),
    "joined": ("{n} partners joined between {start} and {end}:", "{n} Partner sind zwischen {start} und {end} beigetreten:",
               "{n} partenaires ont rejoint le programme entre le {start} et le {end} :",
               "{n} socios se unieron entre {start} y {end}:", "{n} parceiros entraram entre {start} e {end}:",
               "{start} から {end} までに加入したパートナーは {n} 社です:"),
    "joined_none": ("No partner joined between {start} and {end}.", "Zwischen {start} und {end} ist kein Partner beigetreten.",
                    "Aucun partenaire n'a rejoint le programme entre le {start} et le {end}.",
                    "Ningún socio se unió entre {start} y {end}.", "Nenhum parceiro entrou entre {start} e {end}.",
                    "{start} から {end} までに加入したパートナーはありません。"),
    "users": ("{n} users are set up: {split}.", "{n} Benutzer sind eingerichtet: {split}.",
              "{n} utilisateurs sont configurés : {split}.", "{n} usuarios configurados: {split}.",
              "{n} usuários configurados: {split}.", "設定済みのユーザーは {n} 人です（{split}）。"),
    "pipeline": ("Open pipeline: {total} in {n} open opportunities.", "Offene Pipeline: {total} in {n} offenen Opportunities.",
                 "Pipeline ouvert : {total} sur {n} opportunités ouvertes.",
                 "Pipeline abierto: {total} en {n} oportunidades abiertas.",
                 "Pipeline aberto: {total} em {n} oportunidades abertas.",
                 "オープンなパイプライン: {n} 件の商談で {total}。"),
    "unpartnered": ("{n} open opportunities{over} have no partner, largest first:",
                    "{n} offene Opportunities{over} haben keinen Partner, größte zuerst:",
                    "{n} opportunités ouvertes{over} n'ont pas de partenaire, les plus grosses d'abord :",
                    "{n} oportunidades abiertas{over} no tienen socio, las mayores primero:",
                    "{n} oportunidades abertas{over} não têm parceiro, as maiores primeiro:",
                    "パートナーのいないオープンな商談{over}は {n} 件です（金額の大きい順）:"),
    "past_close": ("{n} open opportunities are past their close date (today {today}):",
                   "{n} offene Opportunities haben ihr Abschlussdatum überschritten (heute {today}):",
                   "{n} opportunités ouvertes ont dépassé leur date de clôture (aujourd'hui {today}) :",
                   "{n} oportunidades abiertas pasaron su fecha de cierre (hoy {today}):",
                   "{n} oportunidades abertas passaram da data de fechamento (hoje {today}):",
                   "クローズ予定日を過ぎたオープンな商談は {n} 件です（本日 {today}）:"),
    "past_close_none": ("No open opportunity is past its close date (today {today}).",
                        "Keine offene Opportunity hat ihr Abschlussdatum überschritten (heute {today}).",
                        "Aucune opportunité ouverte n'a dépassé sa date de clôture (aujourd'hui {today}).",
                        "Ninguna oportunidad abierta pasó su fecha de cierre (hoy {today}).",
                        "Nenhuma oportunidade aberta passou da data de fechamento (hoje {today}).",
                        "クローズ予定日を過ぎたオープンな商談はありません（本日 {today}）。"),
    "expiring": ("{n} registrations expire in the next {days} days:", "{n} Registrierungen laufen in den nächsten {days} Tagen ab:",
                 "{n} enregistrements expirent dans les {days} prochains jours :",
                 "{n} registros vencen en los próximos {days} días:", "{n} registros vencem nos próximos {days} dias:",
                 "今後 {days} 日以内に期限切れとなる案件登録は {n} 件です:"),
    "expiring_none": ("No registration expires in the next {days} days (protection {protection} days from creation).",
                      "In den nächsten {days} Tagen läuft keine Registrierung ab (Schutz {protection} Tage ab Anlage).",
                      "Aucun enregistrement n'expire dans les {days} prochains jours (protection de {protection} jours).",
                      "Ningún registro vence en los próximos {days} días (protección de {protection} días).",
                      "Nenhum registro vence nos próximos {days} dias (proteção de {protection} dias).",
                      "今後 {days} 日以内に期限切れとなる案件登録はありません（保護期間 {protection} 日）。"),
    "promo": ("{n} partner(s) meet every minimum of a higher tier (eligible for promotion):",
              "{n} Partner erfüllen alle Mindestwerte einer höheren Stufe (Aufstieg möglich):",
              "{n} partenaire(s) remplissent tous les minimums d'un niveau supérieur (promotion possible) :",
              "{n} socio(s) cumplen todos los mínimos de un nivel superior (pueden ascender):",
              "{n} parceiro(s) cumprem todos os mínimos de um nível superior (podem ser promovidos):",
              "上位ティアの条件をすべて満たしている（昇格できる）パートナーは {n} 社です:"),
    "promo_none": ("No partner meets the minimums of a higher tier right now.",
                   "Derzeit erfüllt kein Partner die Mindestwerte einer höheren Stufe.",
                   "Aucun partenaire ne remplit actuellement les minimums d'un niveau supérieur.",
                   "Ningún socio cumple ahora los mínimos de un nivel superior.",
                   "Nenhum parceiro cumpre agora os mínimos de um nível superior.",
                   "現在、上位ティアの条件を満たすパートナーはありません。"),
    "below": ("{n} partners are below the minimums of their tier:", "{n} Partner liegen unter den Mindestwerten ihrer Stufe:",
              "{n} partenaires sont sous les minimums de leur niveau :", "{n} socios están por debajo de los mínimos de su nivel:",
              "{n} parceiros estão abaixo dos mínimos do seu nível:", "現在のティアの条件を下回っているパートナーは {n} 社です:"),
    "below_none": ("Every partner meets the minimums of its tier.", "Jeder Partner erfüllt die Mindestwerte seiner Stufe.",
                   "Chaque partenaire remplit les minimums de son niveau.", "Todos los socios cumplen los mínimos de su nivel.",
                   "Todos os parceiros cumprem os mínimos do seu nível.", "すべてのパートナーが現在のティアの条件を満たしています。"),
    "unspent": ("Most unspent MDF in {period} (allocated - spent), most first:",
                "Am meisten ungenutzte MDF-Mittel in {period} (zugeteilt - ausgegeben), größte zuerst:",
                "MDF les moins utilisés sur {period} (alloué - dépensé), du plus au moins :",
                "MDF más sin gastar en {period} (asignado - gastado), de mayor a menor:",
                "MDF mais não gasto em {period} (alocado - gasto), do maior para o menor:",
                "{period} の未消化 MDF（割当 - 消化）の多い順:"),
    "partner_mdf": ("MDF for {name} in {period}: {allocated} allocated, {spent} spent, {left} left unspent.",
                    "MDF für {name} in {period}: {allocated} zugeteilt, {spent} ausgegeben, {left} ungenutzt.",
                    "MDF de {name} sur {period} : {allocated} alloués, {spent} dépensés, {left} non dépensés.",
                    "MDF de {name} en {period}: {allocated} asignado, {spent} gastado, {left} sin gastar.",
                    "MDF de {name} em {period}: {allocated} alocado, {spent} gasto, {left} não gasto.",
                    "{name} の {period} の MDF: 割当 {allocated}、消化 {spent}、未消化 {left}。"),
    "certified": ("Partners{where} with the most {what} certified staff, most first:",
                  "Partner{where} mit den meisten {what}-zertifizierten Mitarbeitenden:",
                  "Partenaires{where} avec le plus de personnes certifiées {what} :",
                  "Socios{where} con más personal certificado en {what}:",
                  "Parceiros{where} com mais profissionais certificados em {what}:",
                  "{what} の認定者が多いパートナー{where}:"),
    "kits": ("{n} campaign kits (name [id]: languages):", "{n} Kampagnen-Kits (Name [ID]: Sprachen):",
             "{n} kits de campagne (nom [id] : langues) :", "{n} kits de campaña (nombre [id]: idiomas):",
             "{n} kits de campanha (nome [id]: idiomas):", "キャンペーンキットは {n} 件です（名前 [ID]: 言語）:"),
}
_LANGS = ("en", "de", "fr", "es", "pt", "ja")


def _say(turn: Turn, key: str, **values: object) -> str:
    texts = _TEXT[key]
    lang = turn.lang if turn.lang in _LANGS else "en"
    return texts[_LANGS.index(lang)].format(**values)


def names_any_deal(question: str) -> bool:
    """A deal in general ("who leads a new logo deal we found ourselves?"): a rule, not a deal to look up."""
    return bool(A_DEAL.search(question))


def answer(turn: Turn) -> tuple[str, ToolUse] | None:
    """The answer to an ecosystem-wide question, or None when the question is not one (see the module)."""
    if turn.scope.is_partner:
        return None
    question = " ".join(turn.question.split())
    for wants, handler in _HANDLERS:
        if wants(question):
            mentions = Resolver(turn.ctx, turn.scope).find(question)
            found = handler(turn, question, mentions)
            if found is not None:
                return found
    return None


# --- which question ----------------------------------------------------------------------------------


def _names_subject(m: Mentions, kinds: tuple[str, ...] = ("opportunity", "account", "partner")) -> bool:
    return any(m.of(k) for k in kinds)


def _tier_named(question: str) -> str | None:
    return next((t for t, p in TIER_WORDS.items() if re.search(p, question, _I)), None)


def _wants_partner_count(q: str) -> bool:
    return bool(COUNT.search(q) and PARTNERS.search(q) and not OTHER_NOUNS.search(q) and not JOINED.search(q))


def _wants_joined(q: str) -> bool:
    return bool(JOINED.search(q) and PARTNERS.search(q) and not DEALS.search(q))


def _wants_users(q: str) -> bool:
    return bool(COUNT.search(q) and USERS.search(q))


def _wants_pipeline_total(q: str) -> bool:
    return bool(PIPELINE.search(q) and TOTAL.search(q) and not NO_PARTNER.search(q))


def _wants_unpartnered(q: str) -> bool:
    asks = COUNT.search(q) or LIST_ASK.search(q)
    return bool(NO_PARTNER.search(q) and DEALS.search(q) and asks and not re.search(r"\bwho\b", q, _I))


def _wants_past_close(q: str) -> bool:
    return bool(PAST_CLOSE.search(q) and DEALS.search(q))


def _wants_expiring(q: str) -> bool:
    return bool(REGS.search(q) and EXPIRING.search(q) and not re.search(r"\b(what happens|how long|policy|rule|can)\b",
                                                                         q, _I))


def _wants_tier_status(q: str) -> bool:
    return bool(PROMOTION.search(q) or BELOW_TIER.search(q)) and bool(
        re.search(r"\b(who|which|any|list|show|welche\w*|wer|quels?|qui|cuáles|quién|quais|quem)\b|どの|誰|できる",
                  q, _I))


def _wants_unspent_rank(q: str) -> bool:
    return bool(MDF.search(q) and UNSPENT.search(q) and RANK.search(q) and PARTNERS.search(q))


def _wants_partner_mdf(q: str) -> bool:
    return bool(MDF.search(q) and (UNSPENT.search(q) or re.search(r"\b(spen[dt]|spending|allocated|gast\w*|"
                                                                    r"ausgegeben|dépensé|消化)\b|消化", q, _I)))


def _wants_most_certified(q: str) -> bool:
    return bool(CERTIFIED.search(q) and MOST.search(q) and PARTNERS.search(q))


def _wants_kits(q: str) -> bool:
    return bool(KITS.search(q) and LIST_ASK.search(q) and not DRAFT_VERB.search(q))


# --- answers -----------------------------------------------------------------------------------------


def _partner_count(turn: Turn, q: str, m: Mentions) -> Answer | None:
    if _names_subject(m):
        return None
    tier = _tier_named(q)
    with turn.ctx.records(turn.scope) as rec:
        partners = rec.partners()
    by_tier = {t: sum(1 for p in partners if p.tier == t) for t in TIERS}
    tool = ToolUse(name="ecosystem_partners", arguments={"tier": tier} if tier else {})
    if tier:
        return _say(turn, "partners_tier", k=by_tier[tier], tier=tier, n=len(partners)), tool
    split = ", ".join(f"{n} {t}" for t, n in by_tier.items() if n)
    return _say(turn, "partners_total", n=len(partners), split=split), tool


def _joined(turn: Turn, q: str, m: Mentions) -> Answer | None:
    today = turn.ctx.today()
    start, end = period_of(q, today)
    start_d = dt.date.fromisoformat(start) if start else today - dt.timedelta(days=364)
    end_d = dt.date.fromisoformat(end) if end else today
    with turn.ctx.records(turn.scope) as rec:
        joined = [p for p in rec.partners() if p.joined_on and start_d <= p.joined_on <= end_d]
    joined.sort(key=lambda p: (p.joined_on, p.partner_id))
    tool = ToolUse(name="ecosystem_partners", arguments={"joined_from": start_d.isoformat(), "joined_to": end_d.isoformat()})
    if not joined:
        return _say(turn, "joined_none", start=start_d, end=end_d), tool
    lines = [_say(turn, "joined", n=len(joined), start=start_d, end=end_d)]
    lines += [f"- {p.name} ({p.partner_id}), {p.tier}, joined {p.joined_on}" for p in joined]
    return "\n".join(lines), tool


def _users(turn: Turn, q: str, m: Mentions) -> Answer | None:
    if turn.scope.role != "admin":
        return None
    with turn.ctx.store.session() as session:
        rows = list(session.execute(select(User.role, func.count()).group_by(User.role)))
    total = sum(n for _, n in rows)
    split = ", ".join(f"{n} {role.replace('_', ' ')}" for role, n in sorted(rows))
    return _say(turn, "users", n=total, split=split), ToolUse(name="ecosystem_users")


def _money(value: float) -> str:
    return f"{value:,.0f}"


def _open_deals(turn: Turn) -> list:
    with turn.ctx.records(turn.scope) as rec:
        return [o for o in rec.opportunities(open_only=True) if is_open(o)]


def _deal_line(o) -> str:
    amount = f"{o.currency} {_money(o.amount)}" if o.amount is not None else "no amount"
    return f"- {o.opportunity_id} {o.name}: {o.stage}, {amount}, close {o.close_date}"


def _pipeline_total(turn: Turn, q: str, m: Mentions) -> Answer | None:
    if not turn.scope.can("records") or _names_subject(m):
        return None
    deals = _open_deals(turn)
    by_cur: dict[str, float] = {}
    for o in deals:
        by_cur[o.currency] = by_cur.get(o.currency, 0.0) + (o.amount or 0.0)
    total = "; ".join(f"{c} {_money(v)}" for c, v in sorted(by_cur.items()))
    return (_say(turn, "pipeline", total=total, n=len(deals)),
            ToolUse(name="ecosystem_pipeline"))


def _threshold(q: str) -> float | None:
    found = AMOUNT.search(q)
    if not found:
        return None
    value = float(found.group(1).replace(",", "."))
    unit = (found.group(2) or "").lower()
    return value * (1_000 if unit == "k" else 1_000_000 if unit in ("m", "mio", "million", "millionen") else
                    1_000 if unit == "mil" else 1)


def _unpartnered(turn: Turn, q: str, m: Mentions) -> Answer | None:
    if not turn.scope.can("records") or _names_subject(m, ("opportunity", "account")):
        return None
    floor = _threshold(q)
    deals = [o for o in _open_deals(turn) if not o.partner_id and not o.registered_by
             and (floor is None or (o.amount or 0) > floor)]
    deals.sort(key=lambda o: (-(o.amount or 0), o.opportunity_id))
    over = f" over {_money(floor)}" if floor else ""
    tool = ToolUse(name="ecosystem_pipeline", arguments={"no_partner": True, **({"min_amount": floor} if floor else {})})
    lines = [_say(turn, "unpartnered", n=len(deals), over=over)]
    lines += [_deal_line(o) for o in deals[:10]]
    if deals:
        lines.append("Ask \"which partners fit <deal>?\" for a shortlist.")
    return "\n".join(lines), tool


def _past_close(turn: Turn, q: str, m: Mentions) -> Answer | None:
    if not turn.scope.can("records") or _names_subject(m, ("opportunity", "account")):
        return None
    today = turn.ctx.today()
    partners = m.of("partner")
    deals = [o for o in _open_deals(turn) if o.close_date and o.close_date < today
             and (not partners or partners[0].id in (o.partner_id, o.registered_by))]
    deals.sort(key=lambda o: (o.close_date, o.opportunity_id))
    tool = ToolUse(name="ecosystem_pipeline", arguments={"past_close": True})
    if not deals:
        return _say(turn, "past_close_none", today=today), tool
    lines = [_say(turn, "past_close", n=len(deals), today=today)]
    lines += [_deal_line(o) + f" ({(today - o.close_date).days} days ago)" for o in deals[:10]]
    return "\n".join(lines), tool


def _window_days(q: str, default: int = 14) -> int:
    found = WITHIN.search(q)
    if not found:
        if re.search(r"this month|diesen monat|ce mois|este mes|este mês|今月", q, _I):
            return 30
        return default
    raw, unit = (found.group(1), found.group(2)) if found.group(1) else (found.group(3), found.group(4))
    n = int(raw) if raw.isdigit() else _NUMBERS.get(raw.lower(), 1)
    unit = unit.lower()
    scale = 7 if (unit[0] in "wsé週" and not unit.startswith("sem")) or unit.startswith("sem") else 1
    if unit.startswith(("mo", "mes", "mois")) or unit == "か月":
        scale = 30
    return n * scale


def _expiring(turn: Turn, q: str, m: Mentions) -> Answer | None:
    if not turn.scope.can("records") or _names_subject(m, ("opportunity", "account")):
        return None
    today = turn.ctx.today()
    window = _window_days(q)
    protection = int(getattr(turn.ctx.settings, "registration_protection_days", 90) or 90)
    partners = m.of("partner")
    names = Resolver(turn.ctx, turn.scope).partner_names
    rows = []
    for o in _open_deals(turn):
        if not o.registered_by or not o.created_on:
            continue
        if partners and partners[0].id != o.registered_by:
            continue
        ends = o.created_on + dt.timedelta(days=protection)
        left = (ends - today).days
        if 0 <= left <= window:
            rows.append((left, o, ends))
    rows.sort(key=lambda r: (r[0], r[1].opportunity_id))
    tool = ToolUse(name="ecosystem_registrations", arguments={"within_days": window})
    if not rows:
        return _say(turn, "expiring_none", days=window, protection=protection), tool
    lines = [_say(turn, "expiring", n=len(rows), days=window)]
    for left, o, ends in rows[:15]:
        who = names.get(o.registered_by, o.registered_by)
        lines.append(f"- {o.opportunity_id} {o.name} ({who}, {o.registered_by}): expires {ends}, {left} days left, "
                     f"stage {o.stage}")
    return "\n".join(lines), tool


def _tier_status(turn: Turn, q: str, m: Mentions) -> Answer | None:
    if not turn.scope.is_internal or _names_subject(m):
        return None
    data = portfolio(turn.ctx, turn.scope)
    rank = {t: i for i, t in enumerate(TIERS)}
    up = [p for p in data.partners if rank.get(p.qualifies_for, 0) > rank.get(p.tier, 0)]
    down = [p for p in data.partners if rank.get(p.qualifies_for, 0) < rank.get(p.tier, 0)]
    tool = ToolUse(name="programme_portfolio")
    lines: list[str] = []
    if PROMOTION.search(q):
        lines.append(_say(turn, "promo", n=len(up)) if up else _say(turn, "promo_none"))
        lines += [f"- {p.name} ({p.partner_id}): {p.tier} -> qualifies for {p.qualifies_for}" for p in up]
    else:
        lines.append(_say(turn, "below", n=len(down)) if down else _say(turn, "below_none"))
        lines += [f"- {p.name} ({p.partner_id}): {p.tier}, qualifies for {p.qualifies_for}" for p in down]
    lines.append("Details per partner: `cosell portfolio`, or ask \"next best actions for <partner>\".")
    return "\n".join(lines), tool


def _mdf_rows(turn: Turn, partner_ids: list[str]) -> dict[str, list]:
    with turn.ctx.records(turn.scope) as rec:
        return {pid: rec.partner_activity(pid) for pid in partner_ids}


def _last_months(today: dt.date, n: int = 6) -> list[str]:
    """The `n` complete months before today's."""
    year, month = today.year, today.month
    out = []
    for _ in range(n):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        out.append(f"{year:04d}-{month:02d}")
    return sorted(out)


def _unspent_rank(turn: Turn, q: str, m: Mentions) -> Answer | None:
    if not turn.scope.can("mdf") or _names_subject(m):
        return None
    period = router.mdf_period(q, turn.ctx.today().year)
    months, label = _months_for(turn, period)
    with turn.ctx.records(turn.scope) as rec:
        partners = rec.partners()
        rows = {p.partner_id: [r for r in rec.partner_activity(p.partner_id) if r.month in months] for p in partners}
    stats = []
    for p in partners:
        allocated = sum(r.mdf_allocated or 0.0 for r in rows[p.partner_id])
        spent = sum(r.mdf_spent or 0.0 for r in rows[p.partner_id])
        if allocated > 0:
            stats.append((allocated - spent, spent / allocated, p, allocated, spent))
    stats.sort(key=lambda s: (-s[0], s[2].partner_id))
    tool = ToolUse(name="ecosystem_mdf", arguments={"months": months})
    if not stats:
        return f"No MDF: {label}.", tool
    lines = [_say(turn, "unspent", period=label)]
    for i, (left, used, p, allocated, spent) in enumerate(stats[:5], 1):
        lines.append(f"{i}. {p.name} ({p.partner_id}): {_money(left)} unspent of {_money(allocated)} allocated "
                     f"({_money(spent)} spent, {used:.0%} used)")
    return "\n".join(lines), tool


def _months_for(turn: Turn, period: str | None) -> tuple[list[str], str]:
    today = turn.ctx.today()
    if period:
        name, months = quarter_months(period, today)
        return months, f"{name} ({months[0]} to {months[-1]})" if months else name
    months = _last_months(today)
    return months, f"the last 6 complete months ({months[0]} to {months[-1]})"


def _partner_mdf(turn: Turn, q: str, m: Mentions) -> Answer | None:
    """A named partner's MDF for an asker who may not see deals (the partner profile reads them)."""
    partners = m.of("partner")
    if turn.scope.can("records") or not turn.scope.can("mdf") or not partners or m.of("opportunity"):
        return None
    partner = partners[0]
    period = router.mdf_period(q, turn.ctx.today().year)
    months, label = _months_for(turn, period)
    rows = [r for r in _mdf_rows(turn, [partner.id])[partner.id] if r.month in months]
    allocated = sum(r.mdf_allocated or 0.0 for r in rows)
    spent = sum(r.mdf_spent or 0.0 for r in rows)
    name = Resolver(turn.ctx, turn.scope).partner_names.get(partner.id, partner.label)
    tool = ToolUse(name="ecosystem_mdf", arguments={"partner_id": partner.id, "months": months})
    return _say(turn, "partner_mdf", name=f"{name} ({partner.id})", period=label, allocated=_money(allocated),
                spent=_money(spent), left=_money(max(allocated - spent, 0.0))), tool


def _most_certified(turn: Turn, q: str, m: Mentions) -> Answer | None:
    """Partners with the most certified staff, in the product and countries the question names."""
    if _names_subject(m) or not turn.scope.can("partner_directory"):
        return None
    hints = question_hints(turn.ctx, q)
    countries, products = hints.values["country"], hints.values["product"]
    with turn.ctx.records(turn.scope) as rec:
        partners = [p for p in rec.partners() if not countries or countries & set(p.countries or [])]

    def count(p) -> int:
        staff = {str(k).casefold(): int(v or 0) for k, v in (p.certified_staff or {}).items()}
        return sum(staff.get(x.casefold(), 0) for x in products) if products else sum(staff.values())

    ranked = sorted(((count(p), p) for p in partners), key=lambda r: (-r[0], r[1].partner_id))
    ranked = [r for r in ranked if r[0] > 0]
    what = ", ".join(sorted(products))
    where = f" in {', '.join(sorted(countries))}" if countries else ""
    tool = ToolUse(name="ecosystem_partners", arguments={"country": sorted(countries), "product": sorted(products)})
    if not ranked:
        return f"No partner{where} has {what} certified staff.", tool
    lines = [_say(turn, "certified", where=where, what=what)]
    lines += [f"{i}. {p.name} ({p.partner_id}, {p.tier}): {n}" for i, (n, p) in enumerate(ranked[:5], 1)]
    return "\n".join(lines), tool


def _kits(turn: Turn, q: str, m: Mentions) -> Answer | None:
    if _names_subject(m, ("partner",)):
        return None
    with turn.ctx.store.session() as session:
        kits = list(session.scalars(select(CampaignKitRow).order_by(CampaignKitRow.kit_id)))
    if not kits:
        return "No campaign kit is loaded.", ToolUse(name="list_kits")
    lines = [_say(turn, "kits", n=len(kits))]
    for k in kits:
        data = k.data or {}
        locales = sorted({str(v) for v in _locales(data)})
        lines.append(f"- {k.name} [{k.kit_id}]" + (f": {', '.join(locales)}" if locales else ""))
    lines.append("Ask \"draft an email for <partner> from the <kit> kit\" (add a language or a channel).")
    return "\n".join(lines), ToolUse(name="list_kits")


def _locales(data: dict) -> list[str]:
    for key in ("locales", "languages"):
        if isinstance(data.get(key), list):
            return data[key]
        if isinstance(data.get(key), dict):
            return list(data[key])
    assets = data.get("assets") or data.get("variants") or []
    return [a.get("locale") for a in assets if isinstance(a, dict) and a.get("locale")]


_HANDLERS: list[tuple[Callable[[str], bool], Callable[[Turn, str, Mentions], Answer | None]]] = [
    (_wants_kits, _kits),
    (_wants_unpartnered, _unpartnered),
    (_wants_past_close, _past_close),
    (_wants_expiring, _expiring),
    (_wants_tier_status, _tier_status),
    (_wants_unspent_rank, _unspent_rank),
    (_wants_most_certified, _most_certified),
    (_wants_partner_mdf, _partner_mdf),
    (_wants_users, _users),
    (_wants_joined, _joined),
    (_wants_partner_count, _partner_count),
    (_wants_pipeline_total, _pipeline_total),
]
