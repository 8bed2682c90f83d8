"""Programme questions in chat: what partners contributed (attribution, ROPI), who is at risk, how long new
partners take to a first win. Cue patterns in English, German, French, Spanish, Portuguese and Japanese;
the period comes from the question ("this quarter", "last year", ...; default the last 365 days).

`intent_of` is asked before the general router (a question naming a deal or an account is never a programme
question); `run` calls the `programme_*` tools and writes the answer.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from assistant.core.errors import Forbidden
from assistant.engine.router import HALF, asks_idle_for, half_named, mdf_period
from assistant.engine.threads import Candidate
from assistant.engine.turn import ToolUse, Turn, forbidden_message
from tools.analytics.service import STALLED_DAYS, digest_text, portfolio, stalled_deals
from tools.analytics.types import AttributionResponse, PortfolioResponse
from tools.locales import Catalogue
from tools.onboarding.service import OnboardingPlan

INTENTS = ("attribution", "at_risk", "first_win")

_ATTRIBUTION = re.compile(
    r"\b(sourced?|sourcing|influenced|attribut\w*|ropi|roi|return on (partner )?investment|partner share|"
    r"partner[- ]sourced|won revenue|revenue (from|through|via|by) partners?|partner revenue|"
    r"won (the )?(most|more|highest|biggest|largest|least) (revenue|bookings)|"
    # the partners' share of won revenue in the other languages ("part des partenaires", "Partneranteil")
    r"partneranteil\w*|anteil der partner|parts? des partenaires|cuota de (los )?socios|participaci[oó]n de los socios|"
    r"participação dos parceiros|revenus? gagnés?|"
    r"quell\w*|beigesteuert|partnerumsatz|umsatzanteil|apport\w*|chiffre d'affaires|généré|"
    r"origin[aóo]\w*|ingresos|receita|gerad[oa]s?)\b|売上|貢献|ソース|経由|受注額|パートナー(比率|の割合|シェア)", re.IGNORECASE)
# "won revenue over the last 12 months?": the won total, which attribution splits (direct and by partner)
_WON_REVENUE = re.compile(r"\b(won revenue|revenue won|bookings)\b|gewonnene[rn]? umsatz|chiffre d'affaires gagné|"
                          r"revenus? gagnés?|"
                          r"ingresos ganados|receita ganha|受注額|受注売上", re.IGNORECASE)
# "what's the deal reg rule for partner sourced?": the programme's rule (content), not the figures
_RULE = re.compile(r"\b(rules?|polic(y|ies)|regel\w*|règles?|politique|reglas?|política|regras?|definition|"
                   r"definiert|défini\w*|defin\w*)\b|ルール|規定|ポリシー|定義", re.IGNORECASE)
PARTNERISH = re.compile(r"partner|パートナー|socio|parceir", re.IGNORECASE)
# "what is the H2 partner share target?", "objectif de part partenaires": a plan's goal (content), not the figures
_TARGET = re.compile(r"\b(targets?|goals?|objectives?|zielwert\w*|ziele?|zielvorgabe\w*|objecti(f|fs)|cibles?|"
                     r"objetivos?|metas?)\b|目標", re.IGNORECASE)
# "how much did <partner> win, split by role?": the won revenue by the partner's role (attribution)
_BY_ROLE = re.compile(r"\b(split|broken down|break(down)?|per|by) (partner )?roles?\b|\bnach rollen?\b|"
                      r"\bpar rôles?\b|\bpor (rol|roles|papel|papéis)\b|役割(別|ごと)", re.IGNORECASE)
# "how much have we sourced vs influenced?", "how much influenced revenue did we get credited?": our own figures
_OWN_AMOUNT = re.compile(r"\b(how much|how many|total|wie ?viel\w*|combien|cuánt[oa]s?|quant[oa]s?)\b|いくら|どれくらい",
                         re.IGNORECASE)
# "what's our influenced revenue this past year?": our own figure, asked without "how much"
_REVENUE = re.compile(r"\b(revenue|umsatz\w*|chiffre d'affaires|ingresos|receita|faturamento)\b|売上", re.IGNORECASE)
_OWN = re.compile(r"\b(we|our|us|wir|unser\w*|nous|notre|nos|nosotros|nuestr\w*|nós|nosso\w*|nossa\w*)\b|"
                  r"私たち|弊社|当社|自社", re.IGNORECASE)
_AT_RISK = re.compile(
    r"\b(at risk|at-risk|churn\w*|declining|slipping|gefährdet|abwander\w*|risikopartner|à risque|en risque|"
    r"en riesgo|em risco|en peligro|worr(y|ies|ying|ied)|concern(s|ing|ed)?|sorgen|bedenken|besorgniserregend|"
    r"inquiét\w*|inquiet\w*|soucis?|preocup\w*)\b|離脱|リスク|心配|懸念", re.IGNORECASE)
# "gone quiet on the portal", "stopped logging in", "eingeschlafen", "ne se connectent plus", "休眠": a partner's
# engagement falling (the portfolio's declining partners), not a deal gone quiet (that names deals)
QUIET = re.compile(
    r"\b(gone|went|going|fallen|gotten|got|become|been) (quiet|silent|dark|inactive|cold)|\bquiet (lately|recently)|"
    r"\bstopped (logging|using|engaging|showing|coming|registering|being active)|\b(not|no longer) (logging|"
    r"active|engaged|engaging|using the portal)|\binactive\b|\bdisengag\w*|\bdormant\b|\bless active\b|"
    r"\bdropped off\b|\bfallen off\b|\bruhig geworden|\beingeschlafen|\binaktiv\w*|\bnicht mehr (aktiv|"
    r"eingeloggt|angemeldet|im portal)|\bloggen sich nicht mehr|\binacti(f|fs|ve|ves)\b|\bne se connecte\w* plus|"
    r"\bdevenu\w* silencieu\w*|\bendormi\w*|\ben sommeil\b|\bassoupi\w*|\bdormid[oa]s?\b|\bse (han )?dormido\b|"
    r"\badormecid[oa]s?\b|\bsilenciosos\b|\binactiv[oa]s?\b|\bdejaron de (entrar|conectarse|usar|registrar)|\bya no (entran|"
    r"se conectan|usan)|\binativ[oa]s?\b|\bpararam de (entrar|acessar|usar|logar)|\bsumiram\b|"
    r"休眠|ログインしなくなった|ログイン(が|を)?(減|止|しない|してい)|音沙汰|活動が(減|止|落ち|ない)", re.IGNORECASE)
_WHO = re.compile(r"\b(who|which|any|wer|welche|qui|quels?|quelles?|quién(es)?|cuáles|quem|quais)\b|どの|誰",
                  re.IGNORECASE)
_DEALS = re.compile(r"\b(deals?|opportunit\w*|opps?|pipeline|registrations?|angebot\w*|affaires?|negocios?|"
                    r"negócios?|oportunidad\w*)\b|案件|商談", re.IGNORECASE)
_FIRST_WIN = re.compile(
    r"\bfirst (deal|win|sale|close|closed deal)\b|\btime to first\b|\bersten? (deal|abschluss|auftrag)\b|"
    r"\bpremi(er|ère) (deal|contrat|affaire|vente)\b|\bprimer (negocio|deal|cierre|acuerdo|contrato)\b|"
    r"\bprimeiro (negócio|deal|contrato|fechamento)\b|最初の(案件|受注|商談|成約)|初受注|"
    # "have we won a deal yet?", "haben wir schon einen gewonnenen Deal?", "¿ya ganamos algún negocio?"
    r"\b(yet|schon|bereits|déjà|ya|já|already)\b.{0,30}\b(won|gewonnen\w*|gagné\w*|ganad[oa]s?|ganamos|ganh\w*)\b"
    r".{0,20}\b(deals?|affaires?|contrats?|negocios?|negócios?)\b|"
    r"\b(won|gewonnen\w*|gagné\w*|ganad[oa]s?|ganamos|ganh\w*)\b.{0,25}\b(deals?|affaires?|negocios?|negócios?)\b"
    r".{0,12}\b(yet|already|schon|bereits|déjà|ya|ainda|já)\b|(もう|すでに|既に).{0,10}受注", re.IGNORECASE)

# What a programme pays for a result ("a SPIFF for the first deal", "Provision", "comisión", "prime"): a rule
_INCENTIVE = re.compile(r"\b(spiffs?|bonus\w*|commissions?|comisi[oó]n\w*|comiss(ão|ões|ao)|provision\w*|prämie\w*|"
                        r"primes?|incentiv\w*|rewards?|payouts?|kickers?|bounty|fees?)\b|報奨金|インセンティブ|ボーナス|"
                        r"手数料", re.IGNORECASE)
_THIS_Q = re.compile(r"this quarter|current quarter|dieses quartal|diesem quartal|ce trimestre|este trimestre|"
                     r"今四半期", re.IGNORECASE)
_LAST_Q = re.compile(r"last quarter|previous quarter|letzten quartal|letztes quartal|vorquartal|trimestre dernier|"
                     r"dernier trimestre|trimestre pasado|último trimestre|trimestre passado|前四半期", re.IGNORECASE)
_THIS_Y = re.compile(r"this year|year to date|\bytd\b|dieses jahr|diesem jahr|cette année|este año|este ano|今年",
                     re.IGNORECASE)
_LAST_Y = re.compile(r"last year|previous year|letztes jahr|letzten jahr|vorjahr|l'année dernière|l'an dernier|"
                     r"año pasado|ano passado|昨年|去年", re.IGNORECASE)
_THIS_M = re.compile(r"this month|diesen monat|diesem monat|ce mois|este mes|este mês|今月", re.IGNORECASE)
_LAST_M = re.compile(r"last month|letzten monat|letzter monat|mois dernier|mes pasado|mês passado|先月", re.IGNORECASE)


# the split itself named ("attribution 2025", "sourced vs influenced", "sourcé / influencé"): no partner word needed
_ATTRIBUTION_ITSELF = re.compile(r"\battribution\b|\bsourced?\b.{0,30}\binfluenced\b|\binfluenced\b.{0,30}"
                                 r"\bsourced?\b|\bsourcé\w*.{0,30}\binfluencé|\boriginad[oa]s?\b.{0,30}\binfluenciad[oa]s?",
                                 re.IGNORECASE)


def intent_of(question: str, kinds: set[str]) -> str | None:
    """`attribution`, `at_risk`, `first_win` or None (not a programme question)."""
    if kinds & {"opportunity", "account"}:
        return None
    if _FIRST_WIN.search(question) and not _INCENTIVE.search(question):
        return "first_win"  # not "is there a SPIFF for a first deal?": what the programme pays (a rule)
    if (_AT_RISK.search(question) or QUIET.search(question)) and not _DEALS.search(question) and (
            PARTNERISH.search(question) or _WHO.search(question)):
        return "at_risk"
    if _BY_ROLE.search(question) and not _RULE.search(question) and (
            "partner" in kinds or _OWN.search(question) or PARTNERISH.search(question)):
        return "attribution"
    if _ATTRIBUTION.search(question) and not (_RULE.search(question) or _TARGET.search(question)) and (
            PARTNERISH.search(question) or "partner" in kinds or _WON_REVENUE.search(question)
            or re.search(r"\b(ropi|roi)\b", question, re.IGNORECASE) or _ATTRIBUTION_ITSELF.search(question)
            or (_OWN.search(question) and (_OWN_AMOUNT.search(question) or _REVENUE.search(question)))):
        return "attribution"
    return None


def names_the_figures(words: str) -> bool:
    """The words are the figures' own vocabulary ("influenced", "sourced", "ROPI"), not a partner's name."""
    return bool(words) and bool(_ATTRIBUTION.fullmatch(words.strip()) or _ATTRIBUTION_ITSELF.fullmatch(words.strip()))


def _quarter_start(day: dt.date) -> dt.date:
    return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


# "over the last year", "past 12 months": the trailing 365 days (the default), not the previous calendar year
_TRAILING_Y = re.compile(r"\b(over|in|during|for|within|across) the (last|past) (year|12 months|twelve months)\b|"
                         r"\b(past|trailing|last) (12|twelve) ?(months?|mo)\b|\bpast year\b|letzten 12 monate|"
                         r"12 derniers mois|últimos 12 meses|直近12か月|過去12か月|過去1年", re.IGNORECASE)


def period_of(question: str, today: dt.date) -> tuple[str | None, str | None]:
    """(from, to) named by the question, else (None, None): the default 365 days."""
    if _TRAILING_Y.search(question):
        return None, None
    if _LAST_Q.search(question):
        end = _quarter_start(today) - dt.timedelta(days=1)
        return _quarter_start(end).isoformat(), end.isoformat()
    if _THIS_Q.search(question):
        return _quarter_start(today).isoformat(), today.isoformat()
    if _LAST_M.search(question):
        end = today.replace(day=1) - dt.timedelta(days=1)
        return end.replace(day=1).isoformat(), end.isoformat()
    if _THIS_M.search(question):
        return today.replace(day=1).isoformat(), today.isoformat()
    if _LAST_Y.search(question):
        return dt.date(today.year - 1, 1, 1).isoformat(), dt.date(today.year - 1, 12, 31).isoformat()
    if _THIS_Y.search(question):
        return dt.date(today.year, 1, 1).isoformat(), today.isoformat()
    named = named_period(question, today)
    if named:
        start, end = named
        return start.isoformat(), min(end, today).isoformat()
    return None, None


# A period named by its year, half or quarter ("in 2025", "FY2025", "H1 2026", "first half", "Q3", "T2 2025",
# "3. Quartal", "第3四半期") or a month or a span of months ("in october", "since march", "last 4 months")
_YEAR = re.compile(r"(?<![A-Za-z0-9_./-])(?:fy\s?)?(20\d\d)(?![A-Za-z0-9_./-]|\s?-\s?\d)", re.IGNORECASE)  # "2025年"


def named_period(question: str, today: dt.date) -> tuple[dt.date, dt.date] | None:
    """(first day, last day) of a year, half, quarter, month or span of months the question names; None when it
    names none of them. A half or quarter without a year is this year's; a month its latest up to today."""
    year_named = _YEAR.search(question)
    year = int(year_named.group(1)) if year_named else today.year
    if HALF.search(question):
        second = half_named(question, today)[1]
        dates = (dt.date(year, 7, 1), dt.date(year, 12, 31)) if second else (dt.date(year, 1, 1), dt.date(year, 6, 30))
        return dates if dates[0] <= today else None  # a half still to come has no results yet
    spec = mdf_period(question, today.year, today)
    if spec and year_named and re.fullmatch(r"\d{4}-(Q[1-4]|\d{2})", spec):  # "Q3 2025", "october 2025"
        spec = f"{year}{spec[4:]}"
    dates = _spec_dates(spec) if spec else None
    if not dates and year_named:
        dates = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return dates if dates and dates[0] <= today else None  # a period still to come has no results yet


def _spec_dates(spec: str) -> tuple[dt.date, dt.date] | None:
    """'2026-Q3', '2026-10', '2025-03..2025-08', '2025' as (first day, last day); other specs (handled by the
    caller's own words: this/last quarter, last month) None."""
    def month_end(year: int, month: int) -> dt.date:
        return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)

    quarter = re.fullmatch(r"(\d{4})-Q([1-4])", spec)
    if quarter:
        year, first = int(quarter[1]), 3 * int(quarter[2]) - 2
        return dt.date(year, first, 1), month_end(year, first + 2)
    month = re.fullmatch(r"(\d{4})-(\d{2})", spec)
    if month:
        return dt.date(int(month[1]), int(month[2]), 1), month_end(int(month[1]), int(month[2]))
    span = re.fullmatch(r"(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})", spec)
    if span:
        return dt.date(int(span[1]), int(span[2]), 1), month_end(int(span[3]), int(span[4]))
    if re.fullmatch(r"\d{4}", spec):
        return dt.date(int(spec), 1, 1), dt.date(int(spec), 12, 31)
    return None


def _money(value: float | None, currency: str) -> str:
    return f"{currency} {value or 0:,.0f}"


_say = Catalogue({  # key -> (en, de, fr, es, pt, ja): the fixed sentences of the programme answers
    "attr_none": ("No deal was won in this period: 0 won deals, {cur} 0.", "In diesem Zeitraum wurde kein Deal gewonnen: "
                  "0 gewonnene Deals, {cur} 0.", "Aucune affaire gagnée sur cette période : 0 affaire gagnée, {cur} 0.",
                  "Ningún negocio ganado en este período: 0 negocios ganados, {cur} 0.",
                  "Nenhum negócio ganho neste período: 0 negócios ganhos, {cur} 0.",
                  "この期間に受注した案件はありません（受注 0 件、{cur} 0）。"),
    "attr_head": ("Won revenue from {start} to {end} ({cur}):", "Gewonnener Umsatz vom {start} bis {end} ({cur}):",
                  "Chiffre d'affaires gagné du {start} au {end} ({cur}) :",
                  "Ingresos ganados del {start} al {end} ({cur}):", "Receita ganha de {start} a {end} ({cur}):",
                  "{start}〜{end} の受注額（{cur}）:"),
    "attr_totals": ("Partners sourced {sourced}, influenced {influenced} and fulfilled {fulfilled} of {won} won in "
                    "{deals} deals (partner share {share}); direct {direct}.",
                    "Partner haben {sourced} beschafft, {influenced} beeinflusst und {fulfilled} abgewickelt, von "
                    "{won} gewonnen in {deals} Deals (Partneranteil {share}); direkt {direct}.",
                    "Les partenaires ont apporté {sourced}, influencé {influenced} et réalisé {fulfilled} sur {won} "
                    "gagnés en {deals} affaires (part des partenaires {share}) ; en direct {direct}.",
                    "Los socios originaron {sourced}, influyeron {influenced} y ejecutaron {fulfilled} de {won} "
                    "ganados en {deals} negocios (cuota de socios {share}); directo {direct}.",
                    "Os parceiros originaram {sourced}, influenciaram {influenced} e executaram {fulfilled} de {won} "
                    "ganhos em {deals} negócios (participação dos parceiros {share}); direto {direct}.",
                    "受注 {won}（{deals} 件）のうち、パートナー発掘 {sourced}、影響 {influenced}、遂行 {fulfilled}"
                    "（パートナー比率 {share}）、直販 {direct}。"),
    "attr_rank_lowest": ("Lowest ROPI first, of the {n} partners asked about with MDF paid:",
                         "Niedrigste ROPI zuerst, von {n} Partnern mit ausgezahlten MDF:",
                         "ROPI le plus bas d'abord, parmi {n} partenaires avec des MDF payés :",
                         "ROPI más bajo primero, de {n} socios con MDF pagado:",
                         "ROPI mais baixo primeiro, de {n} parceiros com MDF pago:",
                         "ROPI の低い順（MDF 支払のある {n} 社）:"),
    "attr_rank_highest": ("Highest ROPI first, of the {n} partners asked about with MDF paid:",
                          "Höchste ROPI zuerst, von {n} Partnern mit ausgezahlten MDF:",
                          "ROPI le plus élevé d'abord, parmi {n} partenaires avec des MDF payés :",
                          "ROPI más alto primero, de {n} socios con MDF pagado:",
                          "ROPI mais alto primeiro, de {n} parceiros com MDF pago:",
                          "ROPI の高い順（MDF 支払のある {n} 社）:"),
    "attr_top": ("Top partners:", "Top-Partner:", "Meilleurs partenaires :", "Principales socios:",
                 "Principais parceiros:", "上位パートナー:"),
    "attr_line": ("- {name} ({id}): won {won} with the partner (sourced {sourced}, influenced {influenced}, "
                  "fulfillment {fulfilled}) in {deals} won deals; {ropi}.",
                  "- {name} ({id}): {won} mit dem Partner gewonnen (beschafft {sourced}, beeinflusst {influenced}, "
                  "abgewickelt {fulfilled}) in {deals} gewonnenen Deals; {ropi}.",
                  "- {name} ({id}) : {won} gagnés avec le partenaire (apporté {sourced}, influencé {influenced}, "
                  "réalisé {fulfilled}) en {deals} affaires gagnées ; {ropi}.",
                  "- {name} ({id}): {won} ganados con el socio (originado {sourced}, influido {influenced}, "
                  "ejecutado {fulfilled}) en {deals} negocios ganados; {ropi}.",
                  "- {name} ({id}): {won} ganhos com o parceiro (originado {sourced}, influenciado {influenced}, "
                  "executado {fulfilled}) em {deals} negócios ganhos; {ropi}.",
                  "- {name}（{id}）: パートナーとの受注 {won}（発掘 {sourced}、影響 {influenced}、遂行 {fulfilled}）、"
                  "受注 {deals} 件。{ropi}。"),
    "ropi": ("ROPI {ropi}x on MDF {mdf}", "ROPI {ropi}x bei MDF {mdf}", "ROPI {ropi}x sur un MDF de {mdf}",
             "ROPI {ropi}x sobre MDF {mdf}", "ROPI {ropi}x sobre MDF {mdf}", "MDF {mdf} に対し ROPI {ropi}x"),
    "no_mdf": ("no MDF spent", "kein MDF ausgegeben", "aucun MDF dépensé", "sin MDF gastado", "nenhum MDF gasto",
               "MDF 消化なし"),
    "unconverted": ("Left out (no exchange rate): {ids}.", "Nicht gezählt (kein Wechselkurs): {ids}.",
                    "Non comptés (pas de taux de change) : {ids}.", "Excluidos (sin tipo de cambio): {ids}.",
                    "Não contados (sem taxa de câmbio): {ids}.", "除外（為替レートなし）: {ids}。"),
    "details": ("Details: {command}.", "Details: {command}.", "Détails : {command}.", "Detalles: {command}.",
                "Detalhes: {command}.", "詳細: {command}。"),
    "risk_none": ("No partner is at risk right now.", "Derzeit ist kein Partner gefährdet.",
                  "Aucun partenaire n'est à risque pour le moment.", "Ningún socio está en riesgo ahora mismo.",
                  "Nenhum parceiro está em risco agora.", "現在リスクのあるパートナーはありません。"),
    "risk_head": ("{n} partners at risk, worst first ({declining} declining, then {standing} with a standing "
                  "problem):",
                  "{n} gefährdete Partner, die schlimmsten zuerst ({declining} mit sinkender Tendenz, dann "
                  "{standing} mit einem anhaltenden Problem):",
                  "{n} partenaires à risque, les pires d'abord ({declining} en déclin, puis {standing} avec un "
                  "problème persistant) :",
                  "{n} socios en riesgo, los peores primero ({declining} en descenso, luego {standing} con un "
                  "problema persistente):",
                  "{n} parceiros em risco, os piores primeiro ({declining} em queda, depois {standing} com um "
                  "problema persistente):",
                  "リスクのあるパートナー {n} 社（深刻な順: 低下中 {declining} 社、続いて継続的な問題のある {standing} 社）:"),
    "risk_line": ("{i}. {name} ({id}), health {health}{change}: {reasons}",
                  "{i}. {name} ({id}), Gesundheit {health}{change}: {reasons}",
                  "{i}. {name} ({id}), santé {health}{change} : {reasons}",
                  "{i}. {name} ({id}), salud {health}{change}: {reasons}",
                  "{i}. {name} ({id}), saúde {health}{change}: {reasons}",
                  "{i}. {name}（{id}）、ヘルス {health}{change}: {reasons}"),
    "risk_change": (" ({change} in 90 days)", " ({change} in 90 Tagen)", " ({change} en 90 jours)",
                    " ({change} en 90 días)", " ({change} em 90 dias)", "（90日間で {change}）"),
    "risk_all": ("All partners: `cosell portfolio`.", "Alle Partner: `cosell portfolio`.",
                 "Tous les partenaires : `cosell portfolio`.", "Todos los socios: `cosell portfolio`.",
                 "Todos os parceiros: `cosell portfolio`.", "全パートナー: `cosell portfolio`。"),
    "fw_partner": ("{name} ({id}) joined on {joined} and won its first deal on {first}: {days} days.",
                   "{name} ({id}) ist am {joined} beigetreten und hat am {first} den ersten Deal gewonnen: "
                   "{days} Tage.",
                   "{name} ({id}) a rejoint le programme le {joined} et gagné sa première affaire le {first} : "
                   "{days} jours.",
                   "{name} ({id}) se unió el {joined} y ganó su primer negocio el {first}: {days} días.",
                   "{name} ({id}) entrou em {joined} e ganhou o primeiro negócio em {first}: {days} dias.",
                   "{name}（{id}）は {joined} に加入し、{first} に初受注: {days} 日。"),
    "fw_deal": ("First won deal: {deals}.", "Erster gewonnener Deal: {deals}.", "Première affaire gagnée : {deals}.",
                "Primer negocio ganado: {deals}.", "Primeiro negócio ganho: {deals}.", "初受注案件: {deals}。"),
    "fw_none": ("Not yet: {name} ({id}) has no won deal since joining on {joined}.",
                "Noch nicht: {name} ({id}) hat seit dem Beitritt am {joined} noch keinen Deal gewonnen.",
                "Pas encore : {name} ({id}) n'a gagné aucune affaire depuis son arrivée le {joined}.",
                "Todavía no: {name} ({id}) no ha ganado ningún negocio desde que se unió el {joined}.",
                "Ainda não: {name} ({id}) não ganhou nenhum negócio desde que entrou em {joined}.",
                "まだです：{name}（{id}）は {joined} の加入以来まだ受注がありません。"),
    "fw_median": ("Partners take a median {median} from joining to their first won deal; {without} have none yet.",
                  "Partner brauchen im Median {median} vom Beitritt bis zum ersten gewonnenen Deal; {without} haben "
                  "noch keinen.",
                  "Les partenaires mettent en médiane {median} entre leur arrivée et leur première affaire gagnée ; "
                  "{without} n'en ont pas encore.",
                  "Los socios tardan una mediana de {median} desde que se unen hasta su primer negocio ganado; "
                  "{without} aún no tienen ninguno.",
                  "Os parceiros levam uma mediana de {median} da entrada ao primeiro negócio ganho; {without} ainda "
                  "não têm nenhum.",
                  "加入から初受注までの中央値は {median}。まだ受注のないパートナー {without} 社。"),
    "fw_days": ("{days} days", "{days} Tage", "{days} jours", "{days} días", "{days} dias", "{days} 日"),
    "fw_no_win": ("no partner has won a deal yet", "noch kein Partner hat einen Deal gewonnen",
                  "aucun partenaire n'a encore gagné d'affaire", "ningún socio ha ganado un negocio aún",
                  "nenhum parceiro ganhou um negócio ainda", "まだ受注したパートナーはありません"),
    "fw_cohorts": ("Recent cohorts: {cohorts}.", "Letzte Jahrgänge: {cohorts}.", "Cohortes récentes : {cohorts}.",
                   "Cohortes recientes: {cohorts}.", "Coortes recentes: {cohorts}.", "最近のコホート: {cohorts}。"),
    "fw_cohort": ("{cohort} {wins}/{n} with a win", "{cohort} {wins}/{n} mit Gewinn", "{cohort} {wins}/{n} avec une "
                  "affaire gagnée", "{cohort} {wins}/{n} con un negocio ganado", "{cohort} {wins}/{n} com um negócio "
                  "ganho", "{cohort} 受注あり {wins}/{n}"),
    "fw_cohort_median": (", median {days} days", ", Median {days} Tage", ", médiane {days} jours",
                         ", mediana {days} días", ", mediana {days} dias", "、中央値 {days} 日"),
})  # fmt: skip


# "lowest ROPI", "best return", "niedrigste ROPI", "le pire ROI", "el ROPI más bajo", "menor ROPI", "ROPIが最も低い"
_ROPI_WORD = r"(?:\bropi\b|\broi\b|\breturn\w*|\brendite\b|\bretour\b|\bretorno\b|リターン|ROPI|ROI)"
_LOWEST = re.compile(r"\b(lowest|worst|weakest|poorest|least|niedrigste\w*|schlechteste\w*|geringste\w*|plus (bas|faible)|"
                     r"pire|moins bon\w*|más baj[oa]|peor\w*|menor|mais baix[oa]|pior\w*)\b|最も低い|一番低い|最低", re.IGNORECASE)
_HIGHEST = re.compile(r"\b(highest|best|strongest|top|höchste\w*|beste\w*|plus (haut|élevé)|meilleur\w*|más alt[oa]|"
                      r"mejor\w*|maior|mais alt[oa]|melhor\w*)\b|最も高い|一番高い|最高", re.IGNORECASE)


def ropi_rank(question: str) -> str | None:
    """ "lowest" or "highest" when the question ranks partners by their ROPI, else None."""
    if not re.search(_ROPI_WORD, question, re.IGNORECASE):
        return None
    return "lowest" if _LOWEST.search(question) else "highest" if _HIGHEST.search(question) else None


def attribution_answer(data: AttributionResponse, partner_id: str | None, lang: str = "en",
                       rank: str | None = None, keep: set[str] | None = None) -> str:
    """Won revenue by partner role; with `rank` ("lowest" / "highest"), the partners in `keep` (all: None) with
    an MDF return, by their ROPI."""
    cur, t = data.currency, data.totals
    lines = [_say("attr_head", lang, start=data.from_, end=data.to, cur=cur)]
    if t and not partner_id:
        lines.append(_say("attr_totals", lang, sourced=_money(t.sourced, cur), influenced=_money(t.influenced, cur),
                          fulfilled=_money(t.fulfillment, cur), won=_money(t.won_revenue, cur), deals=t.won_deals,
                          share=f"{t.partner_share:.0%}", direct=_money(t.direct, cur)))
    rows = data.partners if partner_id else data.partners[:5]
    if rank and not partner_id:  # "which of my platinum partners has the lowest ROPI?": those, by their ROPI
        kept = [p for p in data.partners if (keep is None or p.partner_id in keep) and p.ropi is not None]
        rows = sorted(kept, key=lambda p: (p.ropi if rank == "lowest" else -(p.ropi or 0.0), p.partner_id))[:5]
        lines.append(_say("attr_rank_" + rank, lang, n=len(kept)))
    elif rows and not partner_id:
        lines.append(_say("attr_top", lang))
    for p in rows:
        ropi = _say("no_mdf", lang) if p.ropi is None else _say("ropi", lang, ropi=f"{p.ropi:.1f}",
                                                                mdf=_money(p.mdf_spent, cur))
        won = p.sourced + p.influenced + p.fulfillment  # every won deal the partner was on, once, by its role
        lines.append(_say("attr_line", lang, name=p.name, id=p.partner_id, won=_money(won, cur),
                          sourced=_money(p.sourced, cur), influenced=_money(p.influenced, cur),
                          fulfilled=_money(p.fulfillment, cur), deals=p.won_deals, ropi=ropi))
    if not rows and not (t and not partner_id and t.won_deals):  # "how many deals did we win this quarter?": none
        lines.append(_say("attr_none", lang, cur=cur))
    if data.unconverted:
        lines.append(_say("unconverted", lang, ids=", ".join(data.unconverted[:10])))
    command = "`cosell attribution" + (f" --partner {partner_id} --deals`" if partner_id else "`")
    lines.append(_say("details", lang, command=command))
    return "\n".join(lines)


def at_risk_listed(data: PortfolioResponse, channel_manager: str | None = None,
                   declining_only: bool = False) -> list[str]:
    """The ids `at_risk_answer` lists, in its order (for "what should I do with them?" next)."""
    by_id = {p.partner_id: p for p in data.partners}
    at_risk = [pid for pid in data.at_risk if not channel_manager or by_id[pid].channel_manager == channel_manager]
    if declining_only and any(by_id[pid].declining for pid in at_risk):
        at_risk = [pid for pid in at_risk if by_id[pid].declining]
    return at_risk[:10]


def at_risk_answer(data: PortfolioResponse, lang: str = "en", channel_manager: str | None = None,
                   declining_only: bool = False) -> str:
    """The partners at risk, worst first; with `channel_manager`, only the partners that user manages; with
    `declining_only` ("who has gone quiet?"), only those whose activity or health is falling, when any is."""
    by_id = {p.partner_id: p for p in data.partners}
    at_risk = at_risk_listed(data, channel_manager, declining_only)
    if not at_risk:
        return _say("risk_none", lang)
    declining = sum(by_id[pid].declining for pid in at_risk)
    lines = [_say("risk_head", lang, n=len(at_risk), declining=declining, standing=len(at_risk) - declining)]
    for i, pid in enumerate(at_risk[:10], 1):
        p = by_id[pid]
        change = "" if p.health_change_90d is None else _say("risk_change", lang, change=f"{p.health_change_90d:+d}")
        lines.append(_say("risk_line", lang, i=i, name=p.name, id=pid, health=p.health, change=change,
                          reasons="; ".join(p.risk_reasons)))
    lines.append(_say("risk_all", lang))
    return "\n".join(lines)


def own_first_win_answer(plan: OnboardingPlan, lang: str = "en") -> str:
    """A partner's own first win (a partner seller's "when did we close our first deal?"), from its onboarding
    facts: the first won deal since joining, and the days it took."""
    if plan.first_win_on:
        return _say("fw_partner", lang, name=plan.name, id=plan.partner_id, joined=plan.joined_on or "?",
                    first=plan.first_win_on, days=plan.days_to_first_win if plan.days_to_first_win is not None else "?")
    return _say("fw_none", lang, name=plan.name, id=plan.partner_id, joined=plan.joined_on or "?")


def first_win_answer(data: PortfolioResponse, partner_id: str | None, lang: str = "en",
                     first_deals: Callable[[str, str], list[str]] | None = None) -> str:
    """Time to first win; with `partner_id`, that partner's first win first, and (`first_deals(partner_id, day)`:
    the labels of its deals won that day) which deal it was."""
    t = data.time_to_first_win
    lines = []
    if partner_id:
        p = next((r for r in data.partners if r.partner_id == partner_id), None)
        if p and p.first_win_on:
            lines.append(_say("fw_partner", lang, name=p.name, id=partner_id, joined=p.joined_on,
                              first=p.first_win_on, days=p.days_to_first_win))
            deals = first_deals(partner_id, str(p.first_win_on)) if first_deals else []
            if deals:  # "which deal was it?"
                lines.append(_say("fw_deal", lang, deals="; ".join(deals)))
        elif p:
            lines.append(_say("fw_none", lang, name=p.name, id=partner_id, joined=p.joined_on))
    median = _say("fw_no_win", lang) if t.median_days is None else _say("fw_days", lang, days=f"{t.median_days:.0f}")
    lines.append(_say("fw_median", lang, median=median, without=t.partners_without_win))
    recent = t.by_cohort[-4:]
    if recent:
        lines.append(_say("fw_cohorts", lang, cohorts="; ".join(
            _say("fw_cohort", lang, cohort=c.cohort, wins=c.with_win, n=c.partners)
            + ("" if c.median_days is None else _say("fw_cohort_median", lang, days=f"{c.median_days:.0f}"))
            for c in recent)))
    return "\n".join(lines)


# "any stalled deals I should chase?", "stuck opps?", "festgefahrene Deals?", "affaires bloquées ?", "deals
# estancados", "negócios parados", "停滞している案件": the channel manager's partners' open deals gone quiet
# (the digest's stalled deals). A question about one deal ("is the Globex deal stalled?") names it: the
# engine's next best actions answer that.
STALLED_RE = re.compile(
    r"^(?!.*\b(?:OPP-\d+|why|warum|pourquoi|por qu[eé])\b)(?=.*(?:\b(?:stalled|stalling|stuck|quiet|gone dark|"
    r"no activity|not (?:moving|progressing)|stagna\w*|stagn(?:e|ent|ant|ante|antes|ier\w*)|festgefahren\w*|"
    r"ins stocken|kommen nicht voran|bloqu[ée]\w*|au point mort|n'avancent (?:plus|pas)|sans activité|"
    r"(?:se )?estanca\w*|estancad[oa]s?|no avanzan|parad[oa]s|travad[oa]s|sin actividad|sem atividade|"
    r"não avançam)\b|停滞|止まって|動きのない|動いていない|進んでいない))(?=.*(?:\b(?:deals?|opps?|"
    r"opportunit\w*|pipeline|geschäfte|affaires|oportunidad\w*|negócios|negocios|oportunidades)\b|案件|商談))",
    re.IGNORECASE)
# "across all partners", "including partners I don't manage", "担当外のパートナーも含めて": not only the asker's book
_EVERY_PARTNER = re.compile(r"\b(all|every|any|other|across( all)?) partners?\b|\b(not|isn't|aren't) mine\b|"
                            r"\b(don't|do not) (manage|own|cover)\b|\bcompany-?wide\b|\boverall\b|"
                            r"\balle\w* partner|\bauch (die )?(anderen|fremde)|\bnicht meine\b|\btous les partenaires\b|"
                            r"\bpas les miens\b|\btodos los socios\b|\btodos os parceiros\b|担当外|全体|全パートナー|すべてのパートナー",
                            re.IGNORECASE)
_stalled_say = Catalogue({
    "head_all": ("{n} open deals of all partners have had no activity for {days}+ days, largest first:",
                 "{n} offene Deals aller Partner ohne Aktivität seit {days}+ Tagen, größte zuerst:",
                 "{n} affaires ouvertes de tous les partenaires sans activité depuis {days}+ jours, les plus grosses "
                 "d'abord :",
                 "{n} oportunidades abiertas de todos los socios sin actividad desde hace {days}+ días, las mayores "
                 "primero:",
                 "{n} negócios abertos de todos os parceiros sem atividade há {days}+ dias, os maiores primeiro:",
                 "{days} 日以上動きのない全パートナーのオープン案件: {n} 件（金額の大きい順）:"),
    "none_all": ("No partner's open deal has been quiet for {days}+ days.",
                 "Kein offener Deal eines Partners ist seit {days}+ Tagen ohne Aktivität.",
                 "Aucune affaire ouverte d'un partenaire n'est sans activité depuis {days}+ jours.",
                 "Ninguna oportunidad abierta de un socio lleva {days}+ días sin actividad.",
                 "Nenhum negócio aberto de parceiro está sem atividade há {days}+ dias.",
                 "{days} 日以上動きのないパートナーのオープン案件はありません。"),
    "head": ("{n} open deals of your partners have had no activity for {days}+ days, largest first:",
             "{n} offene Deals Ihrer Partner ohne Aktivität seit {days}+ Tagen, größte zuerst:",
             "{n} affaires ouvertes de vos partenaires sans activité depuis {days}+ jours, les plus grosses d'abord :",
             "{n} oportunidades abiertas de sus socios sin actividad desde hace {days}+ días, las mayores primero:",
             "{n} negócios abertos dos seus parceiros sem atividade há {days}+ dias, os maiores primeiro:",
             "{days} 日以上動きのない担当パートナーのオープン案件: {n} 件（金額の大きい順）:"),
    "none": ("None of your partners' open deals has been quiet for {days}+ days.",
             "Kein offener Deal Ihrer Partner ist seit {days}+ Tagen ohne Aktivität.",
             "Aucune affaire ouverte de vos partenaires n'est sans activité depuis {days}+ jours.",
             "Ninguna oportunidad abierta de sus socios lleva {days}+ días sin actividad.",
             "Nenhum negócio aberto dos seus parceiros está sem atividade há {days}+ dias.",
             "{days} 日以上動きのない担当パートナーのオープン案件はありません。"),
    "line": ("- {name} ({id}, {stage}, {partner}): {amount} {cur}, {quiet} days quiet",
             "- {name} ({id}, {stage}, {partner}): {amount} {cur}, seit {quiet} Tagen ohne Aktivität",
             "- {name} ({id}, {stage}, {partner}) : {amount} {cur}, {quiet} jours sans activité",
             "- {name} ({id}, {stage}, {partner}): {amount} {cur}, {quiet} días sin actividad",
             "- {name} ({id}, {stage}, {partner}): {amount} {cur}, {quiet} dias sem atividade",
             "- {name}（{id}、{stage}、{partner}）: {amount} {cur}、{quiet} 日間動きなし"),
})  # fmt: skip


def answer_stalled(turn: Turn, _found: re.Match) -> tuple[str, ToolUse] | None:
    """The asker's partners' stalled deals (channel managers and admins; others are refused)."""
    if turn.scope.is_partner:  # "who do I escalate to if a reg is stuck?": their own deals or the rules answer
        return None
    if asks_idle_for(turn.question):  # "stuck for 60+ days?", "idle the longest?": the overview's, by days quiet
        return None
    every = bool(_EVERY_PARTNER.search(turn.question))
    tool = ToolUse(name="stalled_deals", arguments={"user_id": turn.scope.user_id, **({"every_partner": True} if every
                                                                                      else {})})
    if not turn.scope.is_internal:
        return forbidden_message(turn.scope, Forbidden("stalled deals across partners are for the vendor's "
                                                       "channel team"), lang=turn.lang), tool
    stalled, lang = stalled_deals(turn.ctx, turn.scope, every_partner=every), turn.lang
    if not stalled:
        return _stalled_say("none_all" if every else "none", lang, days=STALLED_DAYS), tool
    turn.choices = [Candidate(id=s.opportunity_id, label=f"{s.name} [{s.opportunity_id}]") for s in stalled[:10]]
    lines = [_stalled_say("head_all" if every else "head", lang, n=len(stalled), days=STALLED_DAYS)]
    lines += [_stalled_say("line", lang, name=s.name, id=s.opportunity_id, stage=s.stage, partner=s.partner_id,
                           amount=f"{s.amount or 0:,.0f}", cur=s.currency or "", quiet=s.days_quiet)
              for s in stalled[:10]]
    lines.append("`cosell digest --user " + turn.scope.user_id + "`")
    return "\n".join(lines), tool

# "what's my queue look like this week?", "what needs my attention?", "wie sieht meine Woche aus?": a channel
# manager's week (the digest: partners newly at risk, stalled deals, registrations to decide or expiring, ...)
WEEK_RE = re.compile(r"\b(my|meine?\w*|ma|mon|mi|minha|meu)\b.{0,12}\b(week|queue|plate|inbox|to-?dos?|agenda|woche|"
                     r"semaine|semana)\b|\bwhat needs my attention\b|\bwhat('s| is) on my (plate|list)\b|"
                     r"今週の(状況|やること|タスク)", re.IGNORECASE)


def answer_week(turn: Turn, _found: re.Match) -> tuple[str, ToolUse] | None:
    """The asker's digest in words (channel managers and admins; a partner's "my week" is not this)."""
    if not turn.scope.is_internal:
        return None
    tool = ToolUse(name="digest", arguments={"user_id": turn.scope.user_id})
    lines = [digest_text(turn.ctx, turn.scope, turn.scope.user_id)]
    if turn.scope.role == "channel_manager":  # beside the newly at risk: every partner of theirs at risk now
        lines.append(at_risk_answer(portfolio(turn.ctx, turn.scope), turn.lang, turn.scope.user_id))
    lines.append("`cosell digest --user " + turn.scope.user_id + "`")
    return "\n".join(lines), tool


HANDLERS = ((STALLED_RE, answer_stalled), (WEEK_RE, answer_week))
