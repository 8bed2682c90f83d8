"""Programme questions in chat: what partners contributed (attribution, ROPI), who is at risk, how long new
partners take to a first win. Cue patterns in English, German, French, Spanish, Portuguese and Japanese;
the period comes from the question ("this quarter", "last year", ...; default the last 365 days).

`intent_of` is asked before the general router (a question naming a deal or an account is never a programme
question); `run` calls the `programme_*` tools and writes the answer.
"""
from __future__ import annotations

import datetime as dt
import re

from assistant.core.errors import Forbidden
from assistant.engine.turn import ToolUse, Turn, forbidden_message
from tools.analytics.service import STALLED_DAYS, stalled_deals
from tools.analytics.types import AttributionResponse, PortfolioResponse
from tools.locales import Catalogue

INTENTS = ("attribution", "at_risk", "first_win")

_ATTRIBUTION = re.compile(
    r"\b(sourced?|sourcing|influenced|attribut\w*|ropi|roi|return on (partner )?investment|partner share|"
    r"partner[- ]sourced|won revenue|revenue (from|through|via|by) partners?|partner revenue|"
    r"quell\w*|beigesteuert|partnerumsatz|umsatzanteil|apport\w*|chiffre d'affaires|généré|"
    r"origin[aóo]\w*|ingresos|receita|gerad[oa]s?)\b|売上|貢献|ソース", re.IGNORECASE)
# "won revenue over the last 12 months?": the won total, which attribution splits (direct and by partner)
_WON_REVENUE = re.compile(r"\b(won revenue|revenue won|bookings)\b|gewonnene[rn]? umsatz|chiffre d'affaires gagné|"
                          r"ingresos ganados|receita ganha|受注額|受注売上", re.IGNORECASE)
_PARTNERISH = re.compile(r"partner|パートナー|socio|parceir", re.IGNORECASE)
_AT_RISK = re.compile(
    r"\b(at risk|at-risk|churn\w*|declining|slipping|gefährdet|abwander\w*|risikopartner|à risque|en risque|"
    r"en riesgo|em risco|en peligro)\b|離脱|リスク", re.IGNORECASE)
_WHO = re.compile(r"\b(who|which|any|wer|welche|qui|quels?|quelles?|quién(es)?|cuáles|quem|quais)\b|どの|誰",
                  re.IGNORECASE)
_DEALS = re.compile(r"\b(deals?|opportunit\w*|opps?|pipeline|registrations?|angebot\w*|affaires?|negocios?|"
                    r"negócios?|oportunidad\w*)\b|案件|商談", re.IGNORECASE)
_FIRST_WIN = re.compile(
    r"\bfirst (deal|win|sale|close|closed deal)\b|\btime to first\b|\bersten? (deal|abschluss|auftrag)\b|"
    r"\bpremi(er|ère) (deal|contrat|affaire|vente)\b|\bprimer (negocio|deal|cierre|acuerdo|contrato)\b|"
    r"\bprimeiro (negócio|deal|contrato|fechamento)\b|最初の(案件|受注|商談|成約)|初受注", re.IGNORECASE)

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


def intent_of(question: str, kinds: set[str]) -> str | None:
    """`attribution`, `at_risk`, `first_win` or None (not a programme question)."""
    if kinds & {"opportunity", "account"}:
        return None
    if _FIRST_WIN.search(question):
        return "first_win"
    if _AT_RISK.search(question) and not _DEALS.search(question) and (
            _PARTNERISH.search(question) or _WHO.search(question)):
        return "at_risk"
    if _ATTRIBUTION.search(question) and (_PARTNERISH.search(question) or "partner" in kinds
                                          or _WON_REVENUE.search(question)
                                          or re.search(r"\b(ropi|roi)\b", question, re.IGNORECASE)):
        return "attribution"
    return None


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
    return None, None


def _money(value: float | None, currency: str) -> str:
    return f"{currency} {value or 0:,.0f}"


def attribution_answer(data: AttributionResponse, partner_id: str | None) -> str:
    cur, t = data.currency, data.totals
    lines = [f"Won revenue from {data.from_} to {data.to} ({cur}):"]
    if t and not partner_id:
        lines.append(f"Partners sourced {_money(t.sourced, cur)}, influenced {_money(t.influenced, cur)} and "
                     f"fulfilled {_money(t.fulfillment, cur)} of {_money(t.won_revenue, cur)} won in "
                     f"{t.won_deals} deals (partner share {t.partner_share:.0%}); direct "
                     f"{_money(t.direct, cur)}.")
    rows = data.partners if partner_id else data.partners[:5]
    if rows and not partner_id:
        lines.append("Top partners:")
    for p in rows:
        ropi = "no MDF spent" if p.ropi is None else f"ROPI {p.ropi:.1f}x on MDF {_money(p.mdf_spent, cur)}"
        won = p.sourced + p.influenced + p.fulfillment  # every won deal the partner was on, once, by its role
        lines.append(f"- {p.name} ({p.partner_id}): won {_money(won, cur)} with the partner (sourced "
                     f"{_money(p.sourced, cur)}, influenced {_money(p.influenced, cur)}, fulfillment "
                     f"{_money(p.fulfillment, cur)}) in {p.won_deals} won deals; {ropi}.")
    if data.unconverted:
        lines.append(f"Left out (no exchange rate): {', '.join(data.unconverted[:10])}.")
    lines.append("Details: `cosell attribution" + (f" --partner {partner_id} --deals`" if partner_id else "`") + ".")
    return "\n".join(lines)


def at_risk_answer(data: PortfolioResponse) -> str:
    by_id = {p.partner_id: p for p in data.partners}
    if not data.at_risk:
        return "No partner is at risk right now."
    declining = sum(by_id[pid].declining for pid in data.at_risk)
    lines = [f"{len(data.at_risk)} partners at risk, worst first ({declining} declining, then "
             f"{len(data.at_risk) - declining} with a standing problem):"]
    for i, pid in enumerate(data.at_risk[:10], 1):
        p = by_id[pid]
        change = "" if p.health_change_90d is None else f" ({p.health_change_90d:+d} in 90 days)"
        lines.append(f"{i}. {p.name} ({pid}), health {p.health}{change}: {'; '.join(p.risk_reasons)}")
    lines.append("All partners: `cosell portfolio`.")
    return "\n".join(lines)


def first_win_answer(data: PortfolioResponse, partner_id: str | None) -> str:
    t = data.time_to_first_win
    lines = []
    if partner_id:
        p = next((r for r in data.partners if r.partner_id == partner_id), None)
        if p and p.first_win_on:
            lines.append(f"{p.name} ({partner_id}) joined on {p.joined_on} and won its first deal on "
                         f"{p.first_win_on}: {p.days_to_first_win} days.")
        elif p:
            lines.append(f"{p.name} ({partner_id}) has no won deal since joining on {p.joined_on} yet.")
    median = "no partner has won a deal yet" if t.median_days is None else f"{t.median_days:.0f} days"
    lines.append(f"Partners take a median {median} from joining to their first won deal; "
                 f"{t.partners_without_win} have none yet.")
    recent = t.by_cohort[-4:]
    if recent:
        lines.append("Recent cohorts: " + "; ".join(
            f"{c.cohort} {c.with_win}/{c.partners} with a win"
            + ("" if c.median_days is None else f", median {c.median_days:.0f} days") for c in recent) + ".")
    return "\n".join(lines)


# "any stalled deals I should chase?", "stuck opps?", "festgefahrene Deals?", "affaires bloquées ?", "deals
# estancados", "negócios parados", "停滞している案件": the channel manager's partners' open deals gone quiet
# (the digest's stalled deals). A question about one deal ("is the Globex deal stalled?") names it: the
# engine's next best actions answer that.
STALLED_RE = re.compile(
    r"^(?!.*\b(?:OPP-\d+|why|warum|pourquoi|por qu[eé])\b)(?=.*(?:\b(?:stalled|stuck|quiet|gone dark|no activity|"
    r"festgefahren\w*|stagnier\w*|ins stocken|bloqu[ée]\w*|au point mort|estancad[oa]s?|parad[oa]s|"
    r"travad[oa]s|sin actividad|sem atividade)\b|停滞|止まって|動きのない))(?=.*(?:\b(?:deals?|opps?|"
    r"opportunit\w*|pipeline|geschäfte|affaires|oportunidad\w*|negócios|negocios|oportunidades)\b|案件|商談))",
    re.IGNORECASE)
_stalled_say = Catalogue({
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
    tool = ToolUse(name="stalled_deals", arguments={"user_id": turn.scope.user_id})
    if not turn.scope.is_internal:
        return forbidden_message(turn.scope, Forbidden("stalled deals across partners are for the vendor's "
                                                       "channel team"), lang=turn.lang), tool
    stalled, lang = stalled_deals(turn.ctx, turn.scope), turn.lang
    if not stalled:
        return _stalled_say("none", lang, days=STALLED_DAYS), tool
    lines = [_stalled_say("head", lang, n=len(stalled), days=STALLED_DAYS)]
    lines += [_stalled_say("line", lang, name=s.name, id=s.opportunity_id, stage=s.stage, partner=s.partner_id,
                           amount=f"{s.amount or 0:,.0f}", cur=s.currency or "", quiet=s.days_quiet)
              for s in stalled[:10]]
    lines.append("`cosell digest --user " + turn.scope.user_id + "`")
    return "\n".join(lines), tool

HANDLERS = ((STALLED_RE, answer_stalled),)
