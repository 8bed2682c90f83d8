"""MDF questions in chat (issue 21), answered from `tools.mdf.service` without a language model:
"which MDF activities paid off?" (the return), "where should we put our MDF?" (the advice, with its
numbers), "which MDF requests are waiting?" (the approval queue). English patterns; the period comes from
the question as for attribution ("last year", "this quarter"; default the last 365 days). A partner
seller's own questions about its budget ("how much MDF do we have left?") stay with the partner profile.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter

from assistant.engine.analytics_chat import period_of
from assistant.engine.draft_options import kit_named
from assistant.engine.intent_cues import HOW_LONG, MDF_WORDS, PROGRAMME_Q, normalise, says_us, score_intents
from assistant.engine.name_index import fold, ids_written
from assistant.engine.overview_chat import asks_own_book
from assistant.engine.resolver import Resolver
from assistant.engine.router import asks_rule, asks_second_approval, points_back
from assistant.engine.turn import ToolUse, Turn
from tools.locales import Catalogue
from tools.mdf.service import MdfList, list_mdf, mdf_advice, mdf_roi
from tools.mdf.types import STATUSES
from tools.search.service import search_content

# The fixed sentences of these answers, in en, de, fr, es, pt, ja (tools.locales.CATALOGUE_LANGS order).
_say = Catalogue({
    "partner_roi": (
        "MDF for {partner}, activities starting {start} to {end} ({cur}): paid {paid}, won {won} ({x}), open "
        "pipeline {pipeline}.",
        "MDF für {partner}, Aktivitäten mit Start {start} bis {end} ({cur}): ausgezahlt {paid}, gewonnen {won} "
        "({x}), offene Pipeline {pipeline}.",
        "MDF de {partner}, activités démarrées du {start} au {end} ({cur}) : payé {paid}, gagné {won} ({x}), "
        "pipeline ouvert {pipeline}.",
        "MDF de {partner}, actividades iniciadas del {start} al {end} ({cur}): pagado {paid}, ganado {won} ({x}), "
        "pipeline abierto {pipeline}.",
        "MDF de {partner}, atividades iniciadas de {start} a {end} ({cur}): pago {paid}, ganho {won} ({x}), "
        "pipeline aberto {pipeline}.",
        "{partner} の MDF（{start}〜{end} に開始した活動、{cur}）: 支払 {paid}、受注 {won}（{x}）、"
        "オープンなパイプライン {pipeline}。"),
    "activity": (
        "- {id} {name} ({kind}): paid {paid}, won {won}, pipeline {pipeline}, {x}",
        "- {id} {name} ({kind}): ausgezahlt {paid}, gewonnen {won}, Pipeline {pipeline}, {x}",
        "- {id} {name} ({kind}) : payé {paid}, gagné {won}, pipeline {pipeline}, {x}",
        "- {id} {name} ({kind}): pagado {paid}, ganado {won}, pipeline {pipeline}, {x}",
        "- {id} {name} ({kind}): pago {paid}, ganho {won}, pipeline {pipeline}, {x}",
        "- {id} {name}（{kind}）: 支払 {paid}、受注 {won}、パイプライン {pipeline}、{x}"),
    "no_activity": (
        "No MDF activity of {partner} started between {start} and {end}.",
        "Keine MDF-Aktivität von {partner} hat zwischen {start} und {end} begonnen.",
        "Aucune activité MDF de {partner} n'a démarré entre le {start} et le {end}.",
        "Ninguna actividad MDF de {partner} empezó entre el {start} y el {end}.",
        "Nenhuma atividade de MDF de {partner} começou entre {start} e {end}.",
        "{start}〜{end} に開始した {partner} の MDF 活動はありません。"),
    "activity_return": (
        "- {id} {name} ({partner}, {kind}): paid {paid} {cur}, won {won} {cur}, open pipeline {pipeline} {cur}; {roi}",
        "- {id} {name} ({partner}, {kind}): ausgezahlt {paid} {cur}, gewonnen {won} {cur}, offene Pipeline "
        "{pipeline} {cur}; {roi}",
        "- {id} {name} ({partner}, {kind}) : payé {paid} {cur}, gagné {won} {cur}, pipeline ouvert {pipeline} {cur} ; "
        "{roi}",
        "- {id} {name} ({partner}, {kind}): pagado {paid} {cur}, ganado {won} {cur}, pipeline abierto {pipeline} {cur}; "
        "{roi}",
        "- {id} {name} ({partner}, {kind}): pago {paid} {cur}, ganho {won} {cur}, pipeline aberto {pipeline} {cur}; "
        "{roi}",
        "- {id} {name}（{partner}、{kind}）: 支払 {paid} {cur}、受注 {won} {cur}、進行中パイプライン {pipeline} {cur}、{roi}"),
    "one_activity": (
        "- {id} {name} ({kind}, {start} to {end}): status {status}; requested {requested}, approved {approved}, "
        "claimed {claimed}, paid {paid}; leads {leads}; kit {kit}",
        "- {id} {name} ({kind}, {start} bis {end}): Status {status}; beantragt {requested}, genehmigt {approved}, "
        "abgerechnet {claimed}, ausgezahlt {paid}; Leads {leads}; Kit {kit}",
        "- {id} {name} ({kind}, du {start} au {end}) : statut {status} ; demandé {requested}, approuvé {approved}, "
        "réclamé {claimed}, payé {paid} ; leads {leads} ; kit {kit}",
        "- {id} {name} ({kind}, del {start} al {end}): estado {status}; solicitado {requested}, aprobado {approved}, "
        "reclamado {claimed}, pagado {paid}; leads {leads}; kit {kit}",
        "- {id} {name} ({kind}, de {start} a {end}): status {status}; solicitado {requested}, aprovado {approved}, "
        "reembolso solicitado {claimed}, pago {paid}; leads {leads}; kit {kit}",
        "- {id} {name}（{kind}、{start}〜{end}）: ステータス {status}、申請 {requested}、承認 {approved}、請求 {claimed}、"
        "支払 {paid}、リード {leads}、キット {kit}"),
    "claim_by": (
        "Claim window: {days} days after the activity ends [{title}], so the claim for {id} is due by {due} ({when}).",
        "Abrechnungsfrist: {days} Tage nach Ende der Aktivität [{title}]; für {id} also bis {due} ({when}).",
        "Délai de réclamation : {days} jours après la fin de l'activité [{title}] ; pour {id}, au plus tard le {due} "
        "({when}).",
        "Plazo de reclamación: {days} días tras el fin de la actividad [{title}]; para {id}, hasta el {due} ({when}).",
        "Prazo para o pedido de reembolso: {days} dias após o fim da atividade [{title}]; para {id}, até {due} "
        "({when}).",
        "請求期限: 活動終了後 {days} 日以内 [{title}]。{id} の期限は {due} です（{when}）。"),
    "claim_open": ("Yes, {id} can still be claimed:", "Ja, {id} kann noch abgerechnet werden:",
                   "Oui, {id} peut encore être réclamée :", "Sí, {id} todavía se puede reclamar:",
                   "Sim, ainda dá para pedir o reembolso de {id}:", "はい、{id} はまだ請求できます。"),
    "claim_closed": ("No, {id} can no longer be claimed: the claim window has closed.",
                     "Nein, {id} kann nicht mehr abgerechnet werden: die Abrechnungsfrist ist abgelaufen.",
                     "Non, {id} ne peut plus être réclamée : le délai de réclamation est dépassé.",
                     "No, {id} ya no se puede reclamar: el plazo de reclamación venció.",
                     "Não, já não dá para pedir o reembolso de {id}: o prazo terminou.",
                     "いいえ、{id} はもう請求できません。請求期限を過ぎています。"),
    "claim_later": ("{id} has not ended yet: it is claimed after it ends ({end}).",
                    "{id} ist noch nicht beendet: abgerechnet wird nach dem Ende ({end}).",
                    "{id} n'est pas encore terminée : la réclamation se fait après la fin ({end}).",
                    "{id} aún no ha terminado: se reclama después de su fin ({end}).",
                    "{id} ainda não terminou: o reembolso é pedido depois do fim ({end}).",
                    "{id} はまだ終了していません。請求は終了（{end}）後です。"),
    "claim_done": ("{id} is already claimed (status {status}).", "{id} ist bereits abgerechnet (Status {status}).",
                   "{id} est déjà réclamée (statut {status}).", "{id} ya está reclamada (estado {status}).",
                   "O reembolso de {id} já foi solicitado (status {status}).", "{id} は請求済みです（ステータス {status}）。"),
    "and_leads": ("; leads {n}", "; Leads {n}", " ; leads {n}", "; leads {n}", "; leads {n}", "、リード {n} 件"),
    "leads_n": ("{n}", "{n}", "{n}", "{n}", "{n}", "{n} 件"),
    "in_days": ("in {d} days", "in {d} Tagen", "dans {d} jours", "en {d} días", "em {d} dias", "あと {d} 日"),
    "days_ago": ("{d} days ago", "vor {d} Tagen", "il y a {d} jours", "hace {d} días", "há {d} dias", "{d} 日前"),
    "today": ("today", "heute", "aujourd'hui", "hoy", "hoje", "今日"),
    "roi_none": ("No MDF activity started between {start} and {end}.",
                 "Zwischen {start} und {end} hat keine MDF-Aktivität begonnen.",
                 "Aucune activité MDF n'a démarré entre le {start} et le {end}.",
                 "Ninguna actividad de MDF empezó entre el {start} y el {end}.",
                 "Nenhuma atividade de MDF começou entre {start} e {end}.",
                 "{start}〜{end} に開始した MDF 活動はありません。"),
    "roi_head": ("MDF activities starting {start} to {end} ({cur}): paid {paid}, won {won} ({x}), open pipeline {pipeline}.",
                 "MDF-Aktivitäten mit Start {start} bis {end} ({cur}): ausgezahlt {paid}, gewonnen {won} ({x}), offene "
                 "Pipeline {pipeline}.",
                 "Activités MDF démarrées du {start} au {end} ({cur}) : payé {paid}, gagné {won} ({x}), pipeline ouvert "
                 "{pipeline}.",
                 "Actividades de MDF iniciadas del {start} al {end} ({cur}): pagado {paid}, ganado {won} ({x}), pipeline "
                 "abierto {pipeline}.",
                 "Atividades de MDF iniciadas de {start} a {end} ({cur}): pago {paid}, ganho {won} ({x}), pipeline "
                 "aberto {pipeline}.",
                 "{start}〜{end} に開始した MDF 活動（{cur}）: 支払 {paid}、受注 {won}（{x}）、オープンパイプライン {pipeline}。"),
    "roi_paid_off": ("Paid off (won more than paid):", "Hat sich gelohnt (mehr gewonnen als ausgezahlt):",
                     "Rentables (plus gagné que payé) :", "Rentables (más ganado que pagado):",
                     "Se pagaram (mais ganho do que pago):", "元が取れた活動（支払より受注が多い）:"),
    "roi_none_paid_off": ("None has won more than it was paid yet.",
                          "Noch keine hat mehr gewonnen als ausgezahlt wurde.",
                          "Aucune n'a encore gagné plus que ce qui a été payé.",
                          "Ninguna ha ganado aún más de lo pagado.",
                          "Nenhuma ganhou ainda mais do que foi pago.",
                          "支払額を上回る受注はまだありません。"),
    "roi_line": ("- {id} {name} ({partner}, {kind}): paid {paid}, won {won}, {x}",
                 "- {id} {name} ({partner}, {kind}): ausgezahlt {paid}, gewonnen {won}, {x}",
                 "- {id} {name} ({partner}, {kind}) : payé {paid}, gagné {won}, {x}",
                 "- {id} {name} ({partner}, {kind}): pagado {paid}, ganado {won}, {x}",
                 "- {id} {name} ({partner}, {kind}): pago {paid}, ganho {won}, {x}",
                 "- {id} {name}（{partner}、{kind}）: 支払 {paid}、受注 {won}、{x}"),
    "roi_least": ("Returned least: {items}.", "Am wenigsten Ertrag: {items}.", "Moins rentables : {items}.",
                  "Menor retorno: {items}.", "Menor retorno: {items}.", "リターンが最も少ない活動: {items}。"),
    "roi_least_item": ("{id} ({partner}) paid {paid}, won {won}, pipeline {pipeline}",
                       "{id} ({partner}) ausgezahlt {paid}, gewonnen {won}, Pipeline {pipeline}",
                       "{id} ({partner}) payé {paid}, gagné {won}, pipeline {pipeline}",
                       "{id} ({partner}) pagado {paid}, ganado {won}, pipeline {pipeline}",
                       "{id} ({partner}) pago {paid}, ganho {won}, pipeline {pipeline}",
                       "{id}（{partner}）支払 {paid}、受注 {won}、パイプライン {pipeline}"),
    "roi_kinds": ("By kind: {items}.", "Nach Art: {items}.", "Par type : {items}.", "Por tipo: {items}.",
                  "Por tipo: {items}.", "種類別: {items}。"),
    "roi_kind_item": ("{kind} {x} on {paid}", "{kind} {x} bei {paid}", "{kind} {x} sur {paid}", "{kind} {x} sobre {paid}",
                      "{kind} {x} sobre {paid}", "{kind} {x}（支払 {paid}）"),
    "roi_left_out": ("Left out (no exchange rate): {ids}.", "Nicht gezählt (kein Wechselkurs): {ids}.",
                     "Non comptés (pas de taux de change) : {ids}.", "Excluidos (sin tipo de cambio): {ids}.",
                     "Não contados (sem taxa de câmbio): {ids}.", "除外（為替レートなし）: {ids}。"),
    "roi_details": ("Details: `cosell mdf roi`.", "Details: `cosell mdf roi`.", "Détails : `cosell mdf roi`.",
                    "Detalles: `cosell mdf roi`.", "Detalhes: `cosell mdf roi`.", "詳細: `cosell mdf roi`。"),
    "no_return": ("no return yet", "noch kein Ertrag", "pas encore de retour", "sin retorno aún",
                  "sem retorno ainda", "まだリターンなし"),
    "queue": (
        "{n} MDF requests waiting for a decision{tail}",
        "{n} MDF-Anträge warten auf eine Entscheidung{tail}",
        "{n} demandes MDF en attente de décision{tail}",
        "{n} solicitudes de MDF pendientes de decisión{tail}",
        "{n} pedidos de MDF aguardando decisão{tail}",
        "決裁待ちの MDF 申請: {n} 件{tail}"),
    "oldest_first": (", oldest first:", ", älteste zuerst:", ", les plus anciennes d'abord :",
                     ", las más antiguas primero:", ", os mais antigos primeiro:", "（古い順）:"),
    "requested": ("requested {day}, quarter {quarter}", "beantragt am {day}, Quartal {quarter}",
                  "demandée le {day}, trimestre {quarter}", "solicitada el {day}, trimestre {quarter}",
                  "solicitado em {day}, trimestre {quarter}", "申請日 {day}、四半期 {quarter}"),
})


def _named_partner(turn: Turn) -> tuple[str, str] | None:
    """(id, name) of the partner the question names ("Alpine IT's MDF return"), if exactly one."""
    resolver = Resolver(turn.ctx, turn.scope)
    partners = resolver.find(turn.question).of("partner")
    if not partners:
        return None
    return partners[0].id, resolver.partner_names.get(partners[0].id, partners[0].id)

def _partner_mentions(turn: Turn, activities: list, mentions=None) -> list:
    """The partners the question names, less a partner matched only by a word of an activity's name the question
    writes whole ("Curitiba agro security day" names no "<X> Security" partner)."""
    mentions = mentions or Resolver(turn.ctx, turn.scope).find(turn.question)
    partners = mentions.of("partner")
    whole = _whole_names(turn.question, activities) if partners else []
    if not whole:
        return partners
    in_names = {w for a in whole for w in _tokens(a.name)}
    return [p for p in partners if not (p.nickname and set(_tokens(" ".join(mentions.words[p.span[0]:p.span[1]])))
                                        <= in_names)]


# "which MDF requests are waiting?", "mdf requests waiting on me", "welche MDF-Anträge sind noch offen?",
# "demandes MDF en attente ?", "solicitudes de MDF pendientes", "pedidos de MDF pendentes", "承認待ちのMDF申請":
# an MDF word, a request word and a waiting word, in any order and language.
_REQUEST = (r"(?:\b(?:requests?|claims?|activit\w+|anträge?|antrag|anfragen?|abrechnung\w*|demandes?|réclamations?|"
            r"solicitud\w*|reclamaci\w*|pedidos?|solicitaç\w*|reembolsos?)\b|申請|請求)")
_WAITING = (r"(?:\b(?:waiting|pending|to (?:be )?(?:decided?|approved?|paid|pay)|unpaid|not (?:yet )?paid|"
            r"awaiting|queue|undecided|due|overdue|"
            r"offen\w*|ausstehend\w*|wart\w*|zu genehmigen|en attente|attendent|à (?:valider|approuver)|esperan\w*|"
            r"aguardam|por pagar|sin pagar|no pagad[oa]s|à payer|non payée?s|impayée?s|a pagar|sem pagamento|"
            r"não pag[oa]s|unbezahlt|nicht ausgezahlt|"
            r"pendientes?|por aprobar|pendentes?|aguardando|a aprovar)\b|待ち|未承認|未決)")
# a share of an activity's cost ("what percentage does <vendor> co-fund?", "quel pourcentage ...", "wie viel Prozent")
# is the programme's rule too, not a listing of activities
_NOT_POLICY = (r"(?!.*\b(?:policy|policies|rules?|eligible|allowed|minimum|maximum|how long|when|top-?ups?|"
               r"percent\w*|pourcentage|prozent\w*|porcentaje|porcentagem|percentual|co-?fin\w*|co-?fund\w*|"
               r"kofinanz\w*)\b)(?!.*(?:パーセント|割合|%))")
ADVICE_RE = re.compile(
    rf"^{_NOT_POLICY}(?=.*{MDF_WORDS}).*(\bwhere\b.*\b(?:should|would|could)\b.*\b(?:put|spend|invest|allocate|move|"
    r"focus)\b|\breallocat\w*|\bdo better\b|\bbetter (?:spent|used|invested)\b|\bshould we (?:put|spend|invest|"
    r"move|shift)\b|\bshift\b.*\bbudget\b)", re.IGNORECASE)
ROI_RE = re.compile(
    rf"^{_NOT_POLICY}(?=.*{MDF_WORDS}).*(\bpa(?:id|y|ys) off\b|(?<![a-z])roi(?![a-z])|\breturns?\b|\breturned\b|\bwork(?:ed)? "
    r"(?:best|well)\b|\b(?:best|worst)[- ](?:perform\w*|return\w*)\b|\b(?:how|which|what)\b.*\bperform(?:ed|ing|s)?\b|"
    r"\bworth (?:it|the)\b|\bwon\b|\bpipeline\b|\b(?:qu[eé]|quel|que|qual) (?:retorno|retour)\b|(?<!prazo de )(?<!plazo de )\bretorno\b|"
    r"\bretour sur (?:l')?investissement\b|\bretorno (?:de la |da |sobre (?:la |o )?)?(?:inversi[oó]n|investimento)\b|"
    r"\brendite\b|\brendement\b|\brentab\w*|"
    r"\b(?:ge)?lohnt\w*|\bvaleu a pena\b|費用対効果|投資対効果|リターン)", re.IGNORECASE)
QUEUE_RE = re.compile(rf"^{_NOT_POLICY}(?=.*{MDF_WORDS})(?=.*{_REQUEST})(?=.*{_WAITING})", re.IGNORECASE)


def _x(roi: float | None) -> str:
    return "no return yet" if roi is None else f"{roi:.1f}x"


def answer_partner_roi(turn: Turn, partner_id: str, name: str) -> tuple[str, ToolUse]:
    """One partner's MDF return ("cuánto MDF gastó Alpine IT y qué retorno tuvo?"), in the asker's language."""
    start, end = period_of(turn.question, turn.ctx.today())
    roi = mdf_roi(turn.ctx, turn.scope, partner_id, start, end)
    tool = ToolUse(name="mdf_roi", arguments={"partner_id": partner_id, "from": roi.from_.isoformat(),
                                              "to": roi.to.isoformat()})
    lang, label = turn.lang, f"{name} ({partner_id})"
    mine = [a for a in roi.activities if a.partner_id == partner_id]
    if not mine:
        return _say("no_activity", lang, partner=label, start=roi.from_, end=roi.to), tool
    paid, won = sum(a.paid for a in mine), sum(a.won for a in mine)
    x = f"{won / paid:.1f}x" if paid else _say("no_return", lang)
    lines = [_say("partner_roi", lang, partner=label, start=roi.from_, end=roi.to, cur=roi.currency,
                  paid=f"{paid:,.0f}", won=f"{won:,.0f}", x=x,
                  pipeline=f"{sum(a.pipeline for a in mine):,.0f}")]
    lines += [_say("activity", lang, id=a.activity_id, name=a.name, kind=a.kind or "other", paid=f"{a.paid:,.0f}",
                   won=f"{a.won:,.0f}", pipeline=f"{a.pipeline:,.0f}",
                   x=_say("no_return", lang) if a.roi is None else f"{a.roi:.1f}x") for a in mine[:10]]
    lines.append(f"`cosell mdf roi --partner {partner_id}`")
    return "\n".join(lines), tool


def answer_roi(turn: Turn, _found: re.Match) -> tuple[str, ToolUse]:
    named = None if turn.scope.is_partner else _named_partner(turn)
    if named:
        return answer_partner_roi(turn, *named)
    start, end = period_of(turn.question, turn.ctx.today())
    roi = mdf_roi(turn.ctx, turn.scope, None, start, end)
    tool = ToolUse(name="mdf_roi", arguments={"from": roi.from_.isoformat(), "to": roi.to.isoformat()})
    cur, lang = roi.currency, turn.lang
    if not roi.activities:
        return _say("roi_none", lang, start=roi.from_, end=roi.to), tool
    paid, won = sum(a.paid for a in roi.activities), sum(a.won for a in roi.activities)
    pipeline = sum(a.pipeline for a in roi.activities)
    x = _say("no_return", lang) if not paid else _x(won / paid)
    lines = [_say("roi_head", lang, start=roi.from_, end=roi.to, cur=cur, paid=f"{paid:,.0f}", won=f"{won:,.0f}",
                  x=x, pipeline=f"{pipeline:,.0f}")]
    ranked = sorted((a for a in roi.activities if a.paid > 0), key=lambda a: (-(a.roi or 0), -a.won, a.activity_id))
    paid_off = [a for a in ranked if a.won > a.paid]
    lines.append(_say("roi_paid_off" if paid_off else "roi_none_paid_off", lang))
    for a in paid_off[:5]:
        lines.append(_say("roi_line", lang, id=a.activity_id, name=a.name, partner=a.partner_id, kind=a.kind or "other",
                          paid=f"{a.paid:,.0f}", won=f"{a.won:,.0f}",
                          x=_say("no_return", lang) if a.roi is None else _x(a.roi)))
    weak = [a for a in ranked if a.won <= a.paid][-3:]
    if weak:
        lines.append(_say("roi_least", lang, items="; ".join(
            _say("roi_least_item", lang, id=a.activity_id, partner=a.partner_id, paid=f"{a.paid:,.0f}",
                 won=f"{a.won:,.0f}", pipeline=f"{a.pipeline:,.0f}") for a in weak)))
    if len(roi.kinds) > 1:
        lines.append(_say("roi_kinds", lang, items="; ".join(
            _say("roi_kind_item", lang, kind=k.kind, x=_say("no_return", lang) if k.roi is None else _x(k.roi),
                 paid=f"{k.paid:,.0f}") for k in roi.kinds)))
    if roi.unconverted:
        lines.append(_say("roi_left_out", lang, ids=", ".join(roi.unconverted[:10])))
    lines.append(_say("roi_details", lang))
    return "\n".join(lines), tool


def answer_advice(turn: Turn, _found: re.Match) -> tuple[str, ToolUse]:
    start, end = period_of(turn.question, turn.ctx.today())
    found = mdf_advice(turn.ctx, turn.scope, None, start, end)
    tool = ToolUse(name="mdf_advice", arguments={"from": found.roi.from_.isoformat(), "to": found.roi.to.isoformat()})
    if not found.advice:
        return ("No partner or kind of MDF activity stands out: with the return measured from "
                f"{found.roi.from_} to {found.roi.to} there is nothing to move. See `cosell mdf roi`."), tool
    lines = ["Where MDF would do better, biggest expected gain first:"]
    for i, a in enumerate(found.advice[:4], 1):
        lines.append(f"{i}. {a.title}. {a.why}")
        lines += [f"   - {e}" for e in a.evidence[:2]]
    lines.append("Details: `cosell mdf advice`, `cosell mdf roi`.")
    return "\n".join(lines), tool


# "MDF claims waiting to be paid?", "Auszahlungen offen?", "reembolsos pendientes de pago": claimed activities
_CLAIMS = re.compile(r"\b(claims?|to be paid|payments?|payouts?|paid out|reimburse\w*|auszahl\w*|zahlung\w*|abrechnung\w*|"
                     r"réclamations?|reclamaci\w*|payée?s|pagad[oa]s|pag[oa]s|"
                     r"erstattung\w*|paiements?|remboursement\w*|(?:de |a )?pag(?:o|ar|amentos?)|reembols\w*)\b|"
                     r"支払|請求", re.IGNORECASE)
_claims_say = Catalogue({
    "head": ("{n} MDF claims waiting to be paid, oldest first:", "{n} MDF-Abrechnungen warten auf Auszahlung, "
             "älteste zuerst:", "{n} demandes de remboursement MDF en attente de paiement, les plus anciennes "
             "d'abord :", "{n} reclamaciones de MDF pendientes de pago, las más antiguas primero:",
             "{n} solicitações de reembolso de MDF aguardando pagamento, as mais antigas primeiro:",
             "支払待ちの MDF 請求: {n} 件（古い順）:"),
    "none": ("No MDF claim is waiting to be paid.", "Keine MDF-Abrechnung wartet auf Auszahlung.",
             "Aucune demande de remboursement MDF n'attend de paiement.", "Ninguna reclamación de MDF espera pago.",
             "Nenhuma solicitação de reembolso de MDF aguarda pagamento.", "支払待ちの MDF 請求はありません。"),
    "line": ("- {id} {partner} ({pid}): {name}, claimed {amount} {cur}, activity ended {end}",
             "- {id} {partner} ({pid}): {name}, abgerechnet {amount} {cur}, Aktivität endete {end}",
             "- {id} {partner} ({pid}) : {name}, réclamé {amount} {cur}, activité terminée le {end}",
             "- {id} {partner} ({pid}): {name}, reclamado {amount} {cur}, actividad terminada el {end}",
             "- {id} {partner} ({pid}): {name}, solicitado {amount} {cur}, atividade encerrada em {end}",
             "- {id} {partner}（{pid}）: {name}、請求額 {amount} {cur}、活動終了 {end}"),
})


def _book_only(turn: Turn, activities: list) -> list:
    """A channel manager's "in my book", "my partners'": the activities of the partners they manage, else all."""
    if turn.scope.role != "channel_manager" or not asks_own_book(turn.question):
        return activities
    with turn.ctx.records(turn.scope) as rec:
        book = {p.partner_id for p in rec.partners() if p.channel_manager == turn.scope.user_id}
    return [a for a in activities if a.partner_id in book]


def answer_claims(turn: Turn, activities: list) -> tuple[str, ToolUse]:
    """The activities claimed and not paid yet, oldest activity first."""
    activities = _book_only(turn, activities)
    claimed = sorted((a for a in activities if a.status == "claimed"), key=lambda a: (str(a.end_on), a.activity_id))
    turn.results.append(MdfList(activities=claimed))
    tool = ToolUse(name="list_mdf", arguments={"status": "claimed"})
    if not claimed:
        return _claims_say("none", turn.lang), tool
    names = Resolver(turn.ctx, turn.scope).partner_names
    lines = [_claims_say("head", turn.lang, n=len(claimed))]
    lines += [_claims_say("line", turn.lang, id=a.activity_id, partner=names.get(a.partner_id, ""), pid=a.partner_id,
                          name=a.name, amount=f"{a.claimed_amount or 0:,.0f}", cur=a.currency, end=a.end_on or "?")
              for a in claimed[:15]]
    return "\n".join(lines), tool


# "approved MDF activities that ended but haven't been claimed?", "MDF-Aktivitäten beendet, aber nicht abgerechnet?",
# "activités MDF terminées non réclamées", "actividades de MDF terminadas sin reclamar", "終了したが未請求の MDF":
# approved activities past their end with no claim (the claim deadline runs)
_UNCLAIMED = re.compile(r"\b(not (yet )?(been )?claimed|(have|has)n'?t (yet )?(been )?claimed|(have|has) not (yet )?(been )?"
                        r"claimed|unclaimed|no claims?|without (a )?claims?|nicht (\w+ )?abgerechnet|ohne abrechnung|"
                        r"non réclamé\w*|pas (encore )?(été )?réclamé\w*|sans (demande de )?remboursement|"
                        r"sin reclamar|no (se )?(han )?(sido )?reclamad\w*|sem (solicitação|reembolso|reclamar)|"
                        r"não (foram )?(reclamad|solicitad)\w*)\b|未請求|請求(されて)?(いない|なし)")
UNCLAIMED_RE = re.compile(rf"^{_NOT_POLICY}(?=.*{MDF_WORDS})(?=.*{_UNCLAIMED.pattern})", re.IGNORECASE)
_unclaimed_say = Catalogue({
    "head": ("{n} approved MDF activities have ended and are not claimed yet, the oldest first:",
             "{n} genehmigte MDF-Aktivitäten sind beendet und noch nicht abgerechnet, die ältesten zuerst:",
             "{n} activités MDF approuvées sont terminées et pas encore réclamées, les plus anciennes d'abord :",
             "{n} actividades de MDF aprobadas terminaron y aún no se han reclamado, las más antiguas primero:",
             "{n} atividades de MDF aprovadas terminaram e ainda não foram reclamadas, as mais antigas primeiro:",
             "終了したが未請求の承認済み MDF 活動: {n} 件（古い順）:"),
    "none": ("No approved MDF activity has ended without a claim.",
             "Keine genehmigte MDF-Aktivität ist ohne Abrechnung beendet.",
             "Aucune activité MDF approuvée n'est terminée sans demande de remboursement.",
             "Ninguna actividad de MDF aprobada terminó sin reclamación.",
             "Nenhuma atividade de MDF aprovada terminou sem solicitação de reembolso.",
             "終了したのに未請求の承認済み MDF 活動はありません。"),
    "line": ("- {id} {partner} ({pid}): {name}, approved {amount} {cur}, ended {end}",
             "- {id} {partner} ({pid}): {name}, genehmigt {amount} {cur}, endete {end}",
             "- {id} {partner} ({pid}) : {name}, approuvé {amount} {cur}, terminée le {end}",
             "- {id} {partner} ({pid}): {name}, aprobado {amount} {cur}, terminó el {end}",
             "- {id} {partner} ({pid}): {name}, aprovado {amount} {cur}, terminou em {end}",
             "- {id} {partner}（{pid}）: {name}、承認額 {amount} {cur}、終了 {end}"),
})


def answer_unclaimed(turn: Turn, _found: re.Match) -> tuple[str, ToolUse] | None:
    """Approved activities that have ended with no claim yet (the asker's book when they say so), oldest first."""
    if turn.scope.is_partner and Resolver(turn.ctx, turn.scope).names_foreign_partner(turn.question):
        return None  # another partner's: the engine refuses it
    ended = [a for a in _book_only(turn, list_mdf(turn.ctx, turn.scope, status="approved").activities)
             if a.end_on and a.end_on < turn.ctx.today()]
    ended.sort(key=lambda a: (a.end_on, a.activity_id))
    turn.results.append(MdfList(activities=ended))
    tool = ToolUse(name="list_mdf", arguments={"status": "approved", "ended": True})
    if not ended:
        return _unclaimed_say("none", turn.lang), tool
    names = Resolver(turn.ctx, turn.scope).partner_names
    lines = [_unclaimed_say("head", turn.lang, n=len(ended))]
    lines += [_unclaimed_say("line", turn.lang, id=a.activity_id, partner=names.get(a.partner_id, ""), pid=a.partner_id,
                             name=a.name, amount=f"{a.approved_amount or 0:,.0f}", cur=a.currency, end=a.end_on)
              for a in ended[:15]]
    return "\n".join(lines), tool


def answer_queue(turn: Turn, _found: re.Match) -> tuple[str, ToolUse]:
    activities = list_mdf(turn.ctx, turn.scope).activities
    tool = ToolUse(name="list_mdf", arguments={})
    if _CLAIMS.search(turn.question):  # "claims waiting to be paid?": claimed, not yet paid
        return answer_claims(turn, activities)
    waiting = [a for a in activities if a.status == "requested"]
    turn.results.append(MdfList(activities=waiting))
    due = [a for a in activities if a.due]
    lang = turn.lang
    names = Resolver(turn.ctx, turn.scope).partner_names if waiting else {}
    lines = [_say("queue", lang, n=len(waiting), tail=_say("oldest_first", lang) if waiting else ".")]
    lines += [f"- {a.activity_id} {names.get(a.partner_id, '')} ({a.partner_id}): {a.name}, "
              f"{a.requested_amount or 0:,.0f} {a.currency}, "
              + _say("requested", lang, day=a.requested_on, quarter=a.quarter) for a in waiting[:10]]
    if due:
        lines.append("Reminders:")
    for a in due[:10]:
        lines.append(f"- {a.activity_id} {a.partner_id}: {a.name}: " + (
            f"ended {a.end_on}, not claimed" if a.due == "claim" else f"was to start {a.start_on}, nothing claimed"))
    return "\n".join(lines), tool


# "how many MDF activities has <partner> run and what kinds?", "which MDF activity brought in the most leads?",
# "wie viele MDF-Aktivitäten sind noch im Status requested?": the activities themselves, counted and listed
ACTIVITIES_RE = re.compile(
    rf"^{_NOT_POLICY}(?!.*(?:どれくらい|何日|期間))(?!.*\b(?:\w*fähig|éligibles?|elegibles?|elegíve(?:is|l)|days?|jours|tage|werktage|días|dias|"
    rf"tarda\w*|demora\w*|dauert|how long|combien de temps|cuánto tiempo|quanto tempo|"
    rf"before|avant|vorher|antes|délai|frist|plazo|prazo|need\w*|require\w*|above|must|brauch\w*|benötig\w*|muss|"
    rf"müssen|ab welchem|besoin|faut|doit|au-dessus|necesit\w*|requier\w*|precis\w*|exige\w*|acima)\b)(?=.*{MDF_WORDS}).*"
    r"(?:\b(?:activit(?:y|ies)|aktivität\w*|activités?|actividad(?:es)?|atividades?)\b|アクティビティ|活動|施策)",
    re.IGNORECASE)
_ACTIVITY_ASKED = re.compile(r"\b(how many|how much|which|what|list|show|most|wie ?viele|welche\w*|combien|quel\w*|"
                             r"cuánt\w*|cuál\w*|quant\w*|qual|quais)\b|何件|いくつ|どれ", re.IGNORECASE)
_MOST_LEADS = re.compile(r"\b(most|meisten|plus de|más|mais)\b.{0,20}\bleads?\b|(一番|最も).{0,8}リード|"
                         r"リード.{0,10}(一番|最も)", re.IGNORECASE)
_activity_say = Catalogue({  # key -> (en, de, fr, es, pt, ja)
    "none_leads": ("No MDF activity{whose} has reported leads yet.",
                   "Keine MDF-Aktivität{whose} hat bisher Leads gemeldet.",
                   "Aucune activité MDF{whose} n'a encore déclaré de leads.",
                   "Ninguna actividad MDF{whose} ha reportado leads todavía.",
                   "Nenhuma atividade de MDF{whose} informou leads ainda.",
                   "{whose}リードを報告した MDF 活動はまだありません。"),
    "most_leads": ("{id} {name} ({partner}, {kind}, {status}) brought in the most leads: {leads}.",
                   "{id} {name} ({partner}, {kind}, {status}) hat die meisten Leads gebracht: {leads}.",
                   "{id} {name} ({partner}, {kind}, {status}) a apporté le plus de leads : {leads}.",
                   "{id} {name} ({partner}, {kind}, {status}) generó más leads: {leads}.",
                   "{id} {name} ({partner}, {kind}, {status}) trouxe mais leads: {leads}.",
                   "リードが最も多かったのは {id} {name}（{partner}、{kind}、{status}）: {leads} 件。"),
    "most_paid": ("{partner} received the largest MDF payment for one activity: {paid} for {id} {name}.",
                  "{partner} erhielt die größte MDF-Auszahlung für eine Aktivität: {paid} für {id} {name}.",
                  "{partner} a reçu le plus gros paiement MDF pour une activité : {paid} pour {id} {name}.",
                  "{partner} recibió el mayor pago de MDF por una actividad: {paid} por {id} {name}.",
                  "{partner} recebeu o maior pagamento de MDF por uma atividade: {paid} por {id} {name}.",
                  "1件の活動で最大の MDF 支払を受けたのは {partner}: {id} {name} に {paid}。"),
    "whose": (" of {partner}", " von {partner}", " de {partner}", " de {partner}", " de {partner}", "{partner} の"),
    "between": (" between {start} and {end}", " zwischen {start} und {end}", " entre le {start} et le {end}",
                " entre el {start} y el {end}", " entre {start} e {end}", "（{start}〜{end}）"),
    "count": ("{n} MDF activities{whose}{status}{when}", "{n} MDF-Aktivitäten{whose}{status}{when}",
              "{n} activités MDF{whose}{status}{when}", "{n} actividades MDF{whose}{status}{when}",
              "{n} atividades de MDF{whose}{status}{when}", "{whose}MDF 活動{status}{when}: {n} 件"),
    "count_one": ("1 MDF activity{whose}{status}{when}", "1 MDF-Aktivität{whose}{status}{when}",
                  "1 activité MDF{whose}{status}{when}", "1 actividad MDF{whose}{status}{when}",
                  "1 atividade de MDF{whose}{status}{when}", "{whose}MDF 活動{status}{when}: 1 件"),
    "status": (" with status {status}", " mit Status {status}", " au statut {status}", " con estado {status}",
               " com status {status}", "（ステータス {status}）"),
    "kit": (" with the {kit} kit", " mit dem Kit {kit}", " avec le kit {kit}", " con el kit {kit}", " com o kit {kit}",
            "（キット {kit}）"),
    "leads_total": ("{n} leads reported.", "{n} Leads gemeldet.", "{n} leads déclarés.", "{n} leads reportados.",
                    "{n} leads informados.", "報告されたリード: {n} 件。"),
    "leads_sum": ("{n} leads in total from {k} MDF activities{whose}{what}{when}:",
                  "{n} Leads insgesamt aus {k} MDF-Aktivitäten{whose}{what}{when}:",
                  "{n} leads au total pour {k} activités MDF{whose}{what}{when} :",
                  "{n} leads en total de {k} actividades MDF{whose}{what}{when}:",
                  "{n} leads no total de {k} atividades de MDF{whose}{what}{when}:",
                  "{whose}MDF 活動 {k} 件{what}{when}のリード合計: {n} 件:"),
    "leads_none": ("There is no MDF activity{whose}{what}{when} on record, so no leads either.",
                   "Es gibt keine erfasste MDF-Aktivität{whose}{what}{when}, also auch keine Leads.",
                   "Il n'y a pas d'activité MDF{whose}{what}{when} enregistrée, donc pas de leads non plus.",
                   "No hay ninguna actividad MDF{whose}{what}{when} registrada, así que tampoco leads.",
                   "Não há atividade de MDF{whose}{what}{when} registrada, então também não há leads.",
                   "{whose}MDF 活動{what}{when}の記録はありません。リードの記録もありません。"),
    "leads_line": ("- {id} {partner}: {name} ({kind}, {status}, kit {kit}): {leads} leads",
                   "- {id} {partner}: {name} ({kind}, {status}, kit {kit}): {leads} Leads",
                   "- {id} {partner} : {name} ({kind}, {status}, kit {kit}) : {leads} leads",
                   "- {id} {partner}: {name} ({kind}, {status}, kit {kit}): {leads} leads",
                   "- {id} {partner}: {name} ({kind}, {status}, kit {kit}): {leads} leads",
                   "- {id} {partner}: {name}（{kind}、{status}、キット {kit}）: リード {leads} 件"),
    "named": (" named \"{words}\"", " mit \"{words}\" im Namen", " nommées « {words} »", " llamadas \"{words}\"",
              " chamadas \"{words}\"", "（名称に「{words}」）"),
    "partners_of": ("Partners: {names}.", "Partner: {names}.", "Partenaires : {names}.", "Socios: {names}.",
                    "Parceiros: {names}.", "パートナー: {names}。"),
    "brought_head": ("MDF activities starting {start} to {end} that brought deals:",
                     "MDF-Aktivitäten mit Start {start} bis {end}, die Deals gebracht haben:",
                     "Activités MDF démarrées du {start} au {end} qui ont apporté des affaires :",
                     "Actividades MDF iniciadas del {start} al {end} que trajeron oportunidades:",
                     "Atividades de MDF iniciadas de {start} a {end} que trouxeram negócios:",
                     "{start}〜{end} に始まり案件につながった MDF 活動:"),
    "brought_none": ("No MDF activity starting {start} to {end} has a deal linked to it.",
                     "Keine MDF-Aktivität mit Start {start} bis {end} hat einen verknüpften Deal.",
                     "Aucune activité MDF démarrée du {start} au {end} n'a d'affaire liée.",
                     "Ninguna actividad MDF iniciada del {start} al {end} tiene oportunidades vinculadas.",
                     "Nenhuma atividade de MDF iniciada de {start} a {end} tem negócios vinculados.",
                     "{start}〜{end} に始まった MDF 活動に紐づく案件はありません。"),
    "by_kind": ("By kind: {kinds}.", "Nach Art: {kinds}.", "Par type : {kinds}.", "Por tipo: {kinds}.",
                "Por tipo: {kinds}.", "種類別: {kinds}。"),
    "totals": ("In total: requested {requested}, approved {approved}, claimed {claimed}, paid {paid}.",
               "Insgesamt: beantragt {requested}, genehmigt {approved}, abgerechnet {claimed}, ausgezahlt {paid}.",
               "Au total : demandé {requested}, approuvé {approved}, réclamé {claimed}, payé {paid}.",
               "En total: solicitado {requested}, aprobado {approved}, reclamado {claimed}, pagado {paid}.",
               "No total: solicitado {requested}, aprovado {approved}, reembolso solicitado {claimed}, pago {paid}.",
               "合計: 申請 {requested}、承認 {approved}、請求 {claimed}、支払 {paid}。"),
})  # fmt: skip
# "how much MDF did my partners claim this quarter?", "wie viel wurde ausgezahlt?", "combien a été payé ?": the sums
_HOW_MUCH = re.compile(r"\b(how much|total|sum|wie ?viel\w*|insgesamt|summe|combien|au total|montant|cuánto|en total|"
                       r"quanto|no total|valor)\b|いくら|合計|総額", re.IGNORECASE)


# "total MDF paid out in Q1?", "wie viel MDF wurde dieses Jahr ausgezahlt?", "combien de MDF a été versé au T1 ?",
# "¿cuánto MDF se pagó en el Q1?", "quanto de MDF foi pago no trimestre?", "第1四半期に支払われたMDFの合計は？": the
# amounts of one step (requested, approved, claimed, paid) summed over the activities of a period
_STEPS = {
    "paid_amount": r"\b(?:did|have|has|had)\b.{0,40}\b(?:pay|paid)\b|\b(paid|paid out|payouts?|pay-?outs?|ausgezahlt|"
                   r"ausbezahlt|bezahlt|auszahlung\w*|payée?s?|versée?s?|pagad[oa]s?|pagó|pagaron|pagos?|pag[oa]s?|"
                   r"pagamentos?)\b|支払|支給",
    "claimed_amount": r"\b(?:did|have|has|had)\b.{0,40}\bclaim\b|\b(claimed|abgerechnet|réclamée?s?|reclamad[oa]s?|"
                      r"reclamó|reclamaron|reembolso solicitado)\b|請求",
    "approved_amount": r"\b(?:did|have|has|had)\b.{0,40}\bapprove\b|\b(approved|genehmigt|bewilligt|approuvée?s?|"
                       r"aprobad[oa]s?|aprobó|aprovad[oa]s?)\b|承認",
    "requested_amount": r"\b(?:did|have|has|had)\b.{0,40}\b(?:request|ask for)\b|\b(requested|beantragt|"
                        r"demandée?s?|solicitad[oa]s?|solicitó|pedid[oa]s?)\b|申請",
}
_CAN = re.compile(r"\b(can|could|may|max\w*|up to|allowed|eligible|kann|können|darf|bis zu|peut|peuvent|jusqu'à|"
                  r"puede|pueden|hasta|pode|podem|até)\b|できる|まで", re.IGNORECASE)
# "how long until a claim is paid?", "¿en cuánto tiempo paga ...?", "combien de temps", "wie lange", "何日": a duration
_DURATION = re.compile(HOW_LONG, re.IGNORECASE)
# "<partner> has an MDF activity approved that starts in January - what is it and how much?": one activity's amount
_ONE_ACTIVITY = re.compile(r"\b(an?|one|that|this|eine[rn]?|diese\w*|une|cette|una|esa|esta|uma|essa|esta)\s+(mdf[- ])?"
                           r"(activity|aktivität|activité|actividad|atividade)\b", re.IGNORECASE)
TOTALS_RE = re.compile(rf"^{_NOT_POLICY}(?=.*{MDF_WORDS})(?=.*(?:{_HOW_MUCH.pattern}))(?=.*(?:"
                       + "|".join(f"(?:{p})" for p in _STEPS.values()) + "))", re.IGNORECASE)
_totals_say = Catalogue({
    "head": ("MDF {step} for {what}: {sum} ({n} activities).", "MDF {step} für {what}: {sum} ({n} Aktivitäten).",
             "MDF {step} pour {what} : {sum} ({n} activités).", "MDF {step} para {what}: {sum} ({n} actividades).",
             "MDF {step} para {what}: {sum} ({n} atividades).", "{what}の MDF {step}: {sum}（{n} 件）。"),
    "paid_amount": ("paid", "ausgezahlt", "payé", "pagado", "pago", "支払額"),
    "claimed_amount": ("claimed", "abgerechnet", "réclamé", "reclamado", "reembolso solicitado", "請求額"),
    "approved_amount": ("approved", "genehmigt", "approuvé", "aprobado", "aprovado", "承認額"),
    "requested_amount": ("requested", "beantragt", "demandé", "solicitado", "solicitado", "申請額"),
    "period": ("the activities starting {start} to {end}", "die Aktivitäten mit Start {start} bis {end}",
               "les activités démarrées du {start} au {end}", "las actividades iniciadas del {start} al {end}",
               "as atividades iniciadas de {start} a {end}", "{start}〜{end} に開始した活動"),
    "all": ("all activities on record", "alle erfassten Aktivitäten", "toutes les activités enregistrées",
            "todas las actividades registradas", "todas as atividades registradas", "記録上のすべての活動"),
    "of": ("{what} of {partner}", "{what} von {partner}", "{what} de {partner}", "{what} de {partner}",
           "{what} de {partner}", "{partner} の{what}"),
    "by_partner": ("By partner:", "Nach Partner:", "Par partenaire :", "Por socio:", "Por parceiro:", "パートナー別:"),
})


def _sums(found: list, field: str) -> str:
    sums: dict[str, float] = {}
    for a in found:
        if getattr(a, field) is not None:
            sums[a.currency] = sums.get(a.currency, 0.0) + getattr(a, field)
    return " + ".join(f"{v:,.0f} {c}" for c, v in sorted(sums.items())) or "0"


def answer_totals(turn: Turn, _found: re.Match) -> tuple[str, ToolUse] | None:
    """One step's amounts summed over the activities that started in the period asked (all of them when it names
    none): the asker's own for a partner seller, a partner's when one is named, the book's on "my partners"."""
    q = turn.question
    if asks_rule(q) or _CAN.search(q) or _DURATION.search(q) or _ONE_ACTIVITY.search(q) or ROI_RE.search(q) or \
            _ACTIVITY_ID.search(q):
        return None  # the programme's budget rule or payment time, what may be asked for, one activity, the return
    mentions = Resolver(turn.ctx, turn.scope).find(q)
    if mentions.tier or (turn.scope.is_partner and mentions.foreign_partner):
        return None  # "how much MDF is approved for gold partners?": the tier's budget
    everyone = list_mdf(turn.ctx, turn.scope).activities
    if _named_activities(q, everyone):  # by id, whole name or two words of it, not one word narrowed by the period
        return None  # "how much was paid for the <activity>?": that activity's record
    field = next(f for f, p in _STEPS.items() if re.search(p, q, re.IGNORECASE))
    partners = _partner_mentions(turn, everyone, mentions)
    partner_id = partners[0].id if partners and not turn.scope.is_partner else None
    start, end = period_of(q, turn.ctx.today())
    found = [a for a in _book_only(turn, everyone) if (not partner_id or a.partner_id == partner_id)
             and (not start or (a.start_on and start <= str(a.start_on) <= end))]
    found = [a for a in found if getattr(a, field) is not None]
    lang = turn.lang
    tool = ToolUse(name="list_mdf", arguments={k: v for k, v in (("partner_id", partner_id), ("from_date", start),
                                                                 ("to_date", end)) if v})
    turn.results.append(MdfList(activities=found))
    what = _totals_say("period", lang, start=start, end=end) if start else _totals_say("all", lang)
    names = Resolver(turn.ctx, turn.scope).partner_names
    if partner_id:
        what = _totals_say("of", lang, what=what, partner=f"{names.get(partner_id, partner_id)} ({partner_id})")
    lines = [_totals_say("head", lang, step=_totals_say(field, lang), what=what, sum=_sums(found, field), n=len(found))]
    partners_in = sorted({a.partner_id for a in found})
    if len(partners_in) > 1:
        lines.append(_totals_say("by_partner", lang))
        lines += [f"- {names.get(p, p)} ({p}): {_sums([a for a in found if a.partner_id == p], field)}"
                  for p in partners_in[:15]]
    lines += [f"- {a.activity_id} {a.name} ({a.partner_id}): {_amount(getattr(a, field), a.currency)}"
              for a in found[:15]] if len(partners_in) <= 1 else []
    return "\n".join(lines), tool


def _totals_line(found: list, lang: str) -> str:
    """The amounts of `found` summed per step, each currency on its own (no conversion)."""
    def total(field: str) -> str:
        sums: dict[str, float] = {}
        for a in found:
            value = getattr(a, field)
            if value is not None:
                sums[a.currency] = sums.get(a.currency, 0.0) + value
        return " + ".join(f"{v:,.0f} {c}" for c, v in sorted(sums.items())) or "0"

    return _activity_say("totals", lang, requested=total("requested_amount"), approved=total("approved_amount"),
                         claimed=total("claimed_amount"), paid=total("paid_amount"))


_MOST_PAID = re.compile(r"\b(largest|biggest|highest|most|top|größte\w*|höchste\w*|meiste\w*|plus (gros|grand|élevé)\w*|"
                        r"mayor(es)?|más alt[oa]|maior(es)?|mais alt[oa])\b.{0,25}\b(payments?|payouts?|paid|"
                        r"auszahlung\w*|ausgezahlt|paiements?|payé\w*|pagos?|pagad[oa]|pagamentos?|pag[oa])\b|"
                        r"支払(額)?が(一番|最も)(多|大き)", re.IGNORECASE)


def _month_with_records(question: str, period: tuple[str | None, str | None],
                        activities: list) -> tuple[str | None, str | None]:
    """ "starts in January" in November: a month named without a year is the nearest one with activities,
    this year's or the next (an approved activity is planned ahead); any other period as asked."""
    start, end = period
    if not (start and end and start[:7] == end[:7]) or re.search(r"\b(19|20)\d\d\b", question) or any(
            _in_period(a, start, end) for a in activities):
        return start, end
    year = int(start[:4]) + 1
    following = f"{year}{start[4:]}", f"{year}{end[4:7]}-{calendar.monthrange(year, int(end[5:7]))[1]:02d}"
    return following if any(_in_period(a, *following) for a in activities) else (start, end)


def _in_period(a, start: str | None, end: str | None) -> bool:
    """An activity runs in the period asked ("last quarter") when its dates overlap it; no period: all."""
    if not start:
        return True
    first, last = a.start_on or a.end_on, a.end_on or a.start_on
    return first is None or (str(first) <= end and str(last) >= start)


_LEADS_ASKED = re.compile(r"\bleads?\b|リード", re.IGNORECASE)
_PARTNERS_ASKED = re.compile(r"\b(which|what|welche\w*|quels?|quelles?|qué|cuáles|quais|quem|who|wer|qui)\b.{0,12}"
                             r"\b(partners?|socios?|parceiros?|partenaires?)\b|どのパートナー", re.IGNORECASE)


def _kit_asked(turn: Turn, activities: list) -> str | None:
    """The campaign kit a question about MDF activities names ("the lakehouse kit", "governance activities"),
    of the kits the activities were run with; None when it names none or several."""
    kits = {a.kit_id: a.kit_id.replace("-", " ") for a in activities if a.kit_id}
    return kit_named(turn.question, kits) if kits else None


# "which MDF activities sourced deals?", "welche MDF-Aktivitäten haben Deals gebracht?": the deals each brought
BROUGHT_RE = re.compile(
    rf"(?=.*{MDF_WORDS})(?=.*\b(?:activit\w*|aktivität\w*|activités?|actividad\w*|atividades?|campaigns?|events?)\b)"
    r".*(?:\b(?:sourced|brought|generated|created|produced|led to|resulted in|gebracht|erzeugt|generiert|généré\w*|"
    r"apporté\w*|generad\w*|trajeron|trouxeram|gerad\w*|originad\w*)\b.{0,30}\b(?:deals?|opportunit\w*|opps|"
    r"geschäfte|affaires|oportunidades|negócios|negocios)\b|"
    # "which deals came out of their MDF activities?", "welche Deals stammen aus ...", "qué negocios salieron de ..."
    r"\b(?:deals?|opportunit\w*|opps|geschäfte|affaires|oportunidades|negócios|negocios)\b.{0,30}\b(?:came (?:out of|from)|"
    r"come (?:out of|from)|resulted from|stemm?(?:ed)? from|stamm\w* (?:aus|von)|kamen aus|sont (?:issues?|nées?) d\w*|"
    r"salieron de|vinieron de|surgieron de|saíram d\w*|vieram d\w*)\b)", re.IGNORECASE)


def answer_brought(turn: Turn, _found: re.Match) -> tuple[str, ToolUse] | None:
    if _LEADS_ASKED.search(turn.question) or asks_rule(turn.question):
        return None
    start, end = period_of(turn.question, turn.ctx.today())
    named = _named_partner(turn) if not turn.scope.is_partner else None  # "which <partner> deals came out of ...?"
    roi = mdf_roi(turn.ctx, turn.scope, named[0] if named else None, start, end)
    tool = ToolUse(name="mdf_roi", arguments={"from": roi.from_.isoformat(), "to": roi.to.isoformat(),
                                              **({"partner_id": named[0]} if named else {})})
    brought = [a for a in roi.activities if a.deals and (not named or a.partner_id == named[0])]
    if not brought:
        return _activity_say("brought_none", turn.lang, start=roi.from_, end=roi.to), tool
    lines = [_activity_say("brought_head", turn.lang, start=roi.from_, end=roi.to)]
    lines += [f"- {a.activity_id} {a.partner_id}: {a.name}: {', '.join(a.deals)} (pipeline {a.pipeline:,.0f}, "
              f"won {a.won:,.0f} {roi.currency})" for a in brought[:15]]
    if len(brought) > 15:
        lines.append(f"(+{len(brought) - 15})")
    return "\n".join(lines), tool


def answer_partner_requests(turn: Turn, found: re.Match) -> tuple[str, ToolUse] | None:
    """ "is there an MDF request from <partner> I need to look at?": that partner's activities and their status
    (the vendor's people; a partner seller's own requests are its activities)."""
    if _ACTIVITY_ID.search(turn.question) or asks_rule(turn.question):  # "bis wann muss ich den Claim einreichen?"
        return None
    mentions = Resolver(turn.ctx, turn.scope).find(turn.question)
    if turn.scope.is_partner:  # "any MDF requests from us still open?": its own (list_mdf shows no other's)
        return answer_activities(turn, found, asked=True) if says_us(turn.question) and not mentions.foreign_partner \
            else None
    return answer_activities(turn, found, asked=True) if mentions.of("partner") else None


# An activity's status as people write it: "paid", "já foram pagas", "ausgezahlt", "支払済み"
_STATUS_WORDS = {
    "paid": r"\bpaid\b|\bpag[oa]s\b|\bpagad[oa]s\b|\bpayée?s?\b|\bbezahlt\w*|\bausgezahlt\w*|支払(い)?済",
    "claimed": r"\bclaimed\b|\breclamad[oa]s\b|\breembolso solicitado|\beingereicht\w*|\bréclamée?s?\b|請求済",
    "approved": r"\bapproved\b|\baprovad[oa]s\b|\baprobad[oa]s\b|\bgenehmigt\w*|\bapprouvée?s?\b|承認済",
    "rejected": r"\brejected\b|\brejeitad[oa]s\b|\brechazad[oa]s\b|\babgelehnt\w*|\brejetée?s?\b|却下",
    "requested": r"\brequested\b|\bsolicitad[oa]s\b|\bbeantragt\w*|\bdemandée?s?\b|申請中",
}


def status_asked(question: str) -> str | None:
    """The MDF status a question asks about, in any of our languages; None when it names none."""
    return next((s for s in STATUSES if re.search(_STATUS_WORDS.get(s, rf"\b{s}\b"), question, re.IGNORECASE)),
                None)


# "how do we report leads from an activity?", "wie melden wir Leads?", "comment déclarer les leads ?": a procedure
_HOW_TO = re.compile(r"\bhow (do|should|can|must|would) (i|we|you|partners?)\b|\bwie (melde|berichte|erfasse|reiche)\w*|"
                     r"\bcomment (déclar|signal|report)\w*|\bc[oó]mo (report|inform|declar|registr)\w*|どうやって|方法",
                     re.IGNORECASE)


# "what percentage is co-funded?", "quel pourcentage cofinance-t-il ?", "wie viel Prozent?": the programme's share
_SHARE_RULE = re.compile(r"\b(percent\w*|pourcentage|prozent\w*|porcentaje|percentual|porcentagem|co-?fund\w*|"
                         r"co-?financ\w*|cofinanc\w*|kofinanz\w*|matching funds?)\b|割合|何パーセント|何%", re.IGNORECASE)


def answer_activities(turn: Turn, _found: re.Match, asked: bool = False) -> tuple[str, ToolUse] | None:
    if not (asked or _ACTIVITY_ASKED.search(turn.question) or _LEADS_ASKED.search(turn.question)) or \
            _ACTIVITY_ID.search(turn.question):  # "leads from our MDF activity?": ours, with their leads
        return None  # "how many leads did MDF-0015 bring?": that activity (`answer_named_activity`)
    if not asked and (asks_rule(turn.question) or _HOW_TO.search(turn.question) or _SHARE_RULE.search(turn.question)):
        return None  # "how long does the CM take to approve an MDF activity?", "how do we report leads?", "what
        # percentage does the vendor co-fund?": the rule
    lang = turn.lang
    partners = _partner_mentions(turn, list_mdf(turn.ctx, turn.scope).activities)
    partner_id = partners[0].id if partners and not turn.scope.is_partner else None
    status = status_asked(turn.question)
    listed = _book_only(turn, list_mdf(turn.ctx, turn.scope, partner_id, status).activities)
    start, end = _month_with_records(turn.question, period_of(turn.question, turn.ctx.today()), listed)
    found = [a for a in listed if _in_period(a, start, end)]
    kit = _kit_asked(turn, found)
    if kit:  # "which partners used the lakehouse kit with MDF?", "leads of the governance activities?"
        found = [a for a in found if a.kit_id == kit]
    arguments = {k: v for k, v in (("partner_id", partner_id), ("status", status), ("from_date", start),
                                   ("to_date", end), ("kit_id", kit)) if v}
    tool = ToolUse(name="list_mdf", arguments=arguments)
    turn.results.append(MdfList(activities=found))
    whose = _activity_say("whose", lang, partner=f"{partners[0].label} ({partner_id})") if partner_id else ""
    if _MOST_LEADS.search(turn.question):
        best = max((a for a in found if a.leads), key=lambda a: (a.leads or 0, a.activity_id), default=None)
        if best is None:
            return _activity_say("none_leads", lang, whose=whose), tool
        return _activity_say("most_leads", lang, id=best.activity_id, name=best.name, partner=best.partner_id,
                             kind=best.kind or "other", status=best.status, leads=best.leads), tool
    if _MOST_PAID.search(turn.question):  # "which partner got the largest MDF payment for one activity?"
        best = max((a for a in found if a.paid_amount), key=lambda a: (a.paid_amount or 0, a.activity_id), default=None)
        if best is not None:
            name = Resolver(turn.ctx, turn.scope).partner_names.get(best.partner_id, best.partner_id)
            return _activity_say("most_paid", lang, partner=f"{name} ({best.partner_id})", id=best.activity_id,
                                 name=best.name, paid=f"{best.paid_amount:,.0f} {best.currency}"), tool
    when = _activity_say("between", lang, start=start, end=end) if start else ""
    head = _activity_say("count_one" if len(found) == 1 else "count", lang, n=len(found), whose=whose, when=when,
                         status=_activity_say("status", lang, status=status) if status else "")
    if kit:
        head += _activity_say("kit", lang, kit=kit)
    lines = [head + (":" if found else ".")]
    if found and _LEADS_ASKED.search(turn.question):  # "how many leads did they produce?": the total first
        lines.insert(1, _activity_say("leads_total", lang, n=sum(a.leads or 0 for a in found)))
    elif len(found) > 1 and _HOW_MUCH.search(turn.question):  # "how much MDF was claimed this quarter?": the sums
        lines.insert(1, _totals_line(found, lang))
    if found and not partner_id and _PARTNERS_ASKED.search(turn.question):  # "which partners ...?": their names
        names = Resolver(turn.ctx, turn.scope).partner_names
        ids = sorted({a.partner_id for a in found})
        lines.insert(1, _activity_say("partners_of", lang, names=", ".join(f"{names.get(i, i)} ({i})" for i in ids)))
    if len(found) <= 3:  # one or a few: each one's record ("what is it and how much?")
        lines += _activity_lines(found, lang)
    else:
        lines += [f"- {a.activity_id} {a.partner_id}: {a.name} ({a.kind or 'other'}, {a.status})" for a in found[:10]]
    kinds = Counter(a.kind or "other" for a in found)
    if len(found) > 1:
        lines.append(_activity_say("by_kind", lang, kinds=", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))))
    return "\n".join(lines), tool


# "MDF-0042 はどうなった？", "was hat unsere <activity> gebracht?", "that workshop we did with mdf, how
# many leads did it bring?": one activity, by its id or by most of its name, and what came of it
_ACTIVITY_ID = re.compile(r"\b(?:mdf|MDF)-\d+\b")
OUTCOME_RE = re.compile(r"\b(?:mdf|MDF)-\d+\b|\b(leads?|brought|bring|result\w*|outcome|happened|status|gebracht|"
                        r"ergebnis\w*|gebracht|rapporté|donné|résultats?|trajo|resultados?|trouxe|rendeu|deu|"
                        # its state, what was approved, claimed or paid, in the asker's words
                        r"state|stand|estado|estatus|statut|état|situação|situación|approved|genehmigt|bewilligt|"
                        r"freigegeben|approuvée?|accordée?|aprobad[oa]|aprovad[oa]|concedid[oa]|claim\w*|abrechn\w*|"
                        r"réclam\w*|reclam\w*|reembols\w*|paid|pay|pays|payée?|bezahlt|ausgezahlt|pagad[oa]|pag[oa])\b|"
                        r"どうなった|結果|成果|リード|状況|ステータス|承認|請求|支払", re.IGNORECASE)
# when a claim is due or whether it still can be made: "until when", "deadline", "can I still", "bis wann", "Frist",
# "jusqu'à quand", "délai", "encore", "plazo", "todavía", "prazo", "ainda", "期限", "いつ", "まだ"
_CLAIM_WHEN = re.compile(r"\b(until when|by when|when|deadline|due|last day|still|time left|bis wann|wann|frist\w*|"
                         r"stichtag|noch|jusqu'(?:à|a) quand|quand|délai|date limite|encore|hasta cuándo|cuándo|plazo|"
                         r"fecha límite|todavía|aún|até quando|quando|prazo|data limite|ainda)\b|期限|いつ|まで|まだ",
                         re.IGNORECASE)
_CLAIM_WORD = re.compile(r"\b(claim\w*|abrechn\w*|abgerechnet|abzurechnen|réclam\w*|reclam\w*|reembols\w*|remboursement)\b|請求", re.IGNORECASE)
# "Claim within 60 days after the activity's end", "dans les 60 jours suivant la date de fin", "終了後60日以内": the claim
# window the programme's content states
_CLAIM_WINDOW = re.compile(r"(\d{1,3})\s*(?:calendar |business )?(?:days?|tage\w*|jours|días|dias)\b[^.\n]{0,60}?"
                           r"\b(?:after|of|following|from|nach|suivant|après|tras|después|após|depois)\b[^.\n]{0,40}?"
                           r"\b(?:end|ends|ended|ende|fin|término|termino|fim|encerramento)|終了(?:後|から)\s*(\d{1,3})\s*日",
                           re.IGNORECASE)
_NAME_WORD = re.compile(r"[^\W\d_]{4,}")
# "leads by kit", "per partner", "je Art", "par produit", "por tipo", "キット別": the leads summed per group
_BY = re.compile(r"\b(by|per|je|pro|par|por)\s+(kit|campaign|partner|kind|type|product|produkt|produit|producto|"
                 r"produto|art|typ|tipo|socio|parceiro|partenaire|kampagne|campagne|campaña|campanha)s?\b", re.IGNORECASE)
_GROUPS = {
    **dict.fromkeys(("kit", "campaign", "kampagne", "campagne", "campaña", "campanha"), lambda a, _n: a.kit_id),
    **dict.fromkeys(("partner", "socio", "parceiro", "partenaire"), lambda a, n: n.get(a.partner_id, a.partner_id)),
    **dict.fromkeys(("kind", "type", "art", "typ", "tipo"), lambda a, _n: a.kind),
    **dict.fromkeys(("product", "produkt", "produit", "producto", "produto"), lambda a, _n: (a.name or "").split()[0]
                    if a.name else None),
}


def _named_by_id(question: str, activities: list) -> list:
    """The activities whose id the question writes ("MDF-0003", "m-12"), whatever the vendor's id scheme."""
    written = set(ids_written(question, [a.activity_id for a in activities]))
    return [a for a in activities if a.activity_id in written]


# a name's words written next to Japanese ("Tokyo FinSec seminarで受注した金額は？"): the Japanese run is a separator
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]+")


def _tokens(text: str) -> list[str]:
    """The words of a text, folded (lower case, no accents), short ones too ("SOC", "day"), plural -s dropped."""
    return [_stem(w) for w in re.findall(r"[^\W_]+", fold(_CJK_RUN.sub(" ", text or "")))]


def _whole_names(question: str, activities: list) -> list:
    """The activities whose whole name (two words or more) the question writes, in any order and case, accents or
    not ("Zürich Privatbanken Frühstück", "bogota soc day"); of names inside another matched name, the longer."""
    asked = set(_tokens(question))
    found = [(a, set(_tokens(a.name))) for a in activities]
    found = [(a, words) for a, words in found if len(words) >= 2 and sum(map(len, words)) >= 8 and words <= asked]
    return [a for a, words in found if not any(words < other for _, other in found)]


def _named_activities(question: str, activities: list, turn: Turn | None = None) -> list:
    """The activities the question names: by id, by their whole name, else those with at least two words of their
    name (the most). With `turn`, a partner named ("<partner>'s roadshow") and a month ("the roadshow in July")
    narrow the activities first, and then one word of the name is enough when it leaves at most two."""
    by_id = _named_by_id(question, activities)
    if by_id or _ACTIVITY_ID.search(question):
        return by_id
    whole = _whole_names(question, activities)
    if whole:  # "Curitiba agro security day": that activity, even when a word of it is also a partner's nickname
        if turn is not None and not turn.scope.is_partner:
            partners = _partner_mentions(turn, activities)
            whole = [a for a in whole if partners and a.partner_id == partners[0].id] or whole
        if turn is not None and len(whole) > 1:  # the same name twice: "the <name> in June" is the one in June
            start, end = period_of(question, turn.ctx.today())
            whole = [a for a in whole if start and _starts_in(a, start, end)] or whole
        return whole
    asked = {w.lower() for w in _NAME_WORD.findall(question)}
    pool, narrowed = activities, False
    if turn is not None and not turn.scope.is_partner:
        partners = Resolver(turn.ctx, turn.scope).find(question).of("partner")
        theirs = [a for a in pool if partners and a.partner_id == partners[0].id]
        if theirs:
            pool, narrowed = theirs, True
            asked -= {w.lower() for w in _NAME_WORD.findall(partners[0].label)}
        start, end = period_of(question, turn.ctx.today())
        in_month = [a for a in pool if _starts_in(a, start, end)]
        if start and in_month:
            pool, narrowed = in_month, True
    scored = [(len(asked & {w.lower() for w in _NAME_WORD.findall(a.name)}), a) for a in pool]
    best = max((n for n, _ in scored), default=0)
    chosen = [a for n, a in scored if n == best]
    return chosen if best >= 2 or (narrowed and best == 1 and len(chosen) <= 2) else []


def _starts_in(a, start: str | None, end: str | None) -> bool:
    """An activity named by a month ("the roadshow in July"): it starts in that period."""
    return bool(start and a.start_on and start <= str(a.start_on) <= end)


def _amount(value: float | None, currency: str) -> str:
    return "-" if value is None else f"{value:,.0f} {currency}"


def answer_named_activity(turn: Turn, _found: re.Match) -> tuple[str, ToolUse] | None:
    if asks_second_approval(turn.question):  # "does that need a second approver?": the programme's rule
        return None
    activities = list_mdf(turn.ctx, turn.scope).activities
    found = _named_activities(turn.question, activities, turn) or _named_across_scripts(turn, activities)
    earlier = turn.thread.state.workflow.get("activity_ids") or []
    if not found and earlier and len(turn.question.split()) <= 10 and (
            points_back(turn.question) or (_CLAIM_WORD.search(turn.question) and not re.search(
                MDF_WORDS, turn.question, re.IGNORECASE))):  # "and how much did we get paid for it?", "¿y hasta
        #   cuándo lo puedo reclamar?" (not "how long do we have to claim MDF?"): the activity the last answer was about
        found = [a for a in activities if a.activity_id in earlier]
    if not found or len(found) > 3:
        return None
    claim_window = None
    rule = asks_rule(turn.question)
    if len(found) == 1 and _CLAIM_WORD.search(turn.question) and (
            rule or _CLAIM_WHEN.search(turn.question) or found[0].status == "approved"):
        # "by when must I claim our roadshow?", "¿todavía puedo reclamar ...?", "<activity>の請求期限は？": the
        # programme's claim window applied to that record
        claim_window = _claim_window(turn)
    if rule and claim_window is None:
        return None
    tool = ToolUse(name="list_mdf", arguments={"activity_ids": [a.activity_id for a in found]})
    turn.results.append(MdfList(activities=found))
    lines = _activity_lines(found, turn.lang)
    if claim_window and found[0].end_on:
        days, title = claim_window
        due = found[0].end_on + dt.timedelta(days=days)
        gap = (due - turn.ctx.today()).days
        when = _say("in_days", turn.lang, d=gap) if gap > 0 else (
            _say("days_ago", turn.lang, d=-gap) if gap < 0 else _say("today", turn.lang))
        lines.insert(0, _say("claim_by", turn.lang, days=days, title=title, id=found[0].activity_id,
                             due=due.isoformat(), when=when))
        status = found[0].status
        ended = found[0].end_on < turn.ctx.today()
        verdict = ("claim_done" if status in ("claimed", "paid") else None if status != "approved" else
                   "claim_later" if not ended else "claim_open" if gap >= 0 else "claim_closed")
        if verdict:  # "can I still claim it?": yes or no first
            lines.insert(0, _say(verdict, turn.lang, id=found[0].activity_id, status=status, end=found[0].end_on))
    return "\n".join(lines), tool


def _activity_lines(found: list, lang: str) -> list[str]:
    """Each activity's record: dates, status, amounts at each step, leads and kit."""
    return [_say("one_activity", lang, id=a.activity_id, name=a.name, kind=a.kind or "other",
                 start=a.start_on or "?", end=a.end_on or "?", status=a.status,
                 requested=_amount(a.requested_amount, a.currency),
                 approved=_amount(a.approved_amount, a.currency),
                 claimed=_amount(a.claimed_amount, a.currency), paid=_amount(a.paid_amount, a.currency),
                 leads=_say("leads_n", lang, n=a.leads) if a.leads is not None else "-", kit=a.kit_id or "-")
            + (f" ({a.reason})" if a.reason else "") for a in found]


# "the Nagoya seminar", "le salon de Rennes", "the roadshow in July", "'Streaming customer stories'": an activity
# called by words of its name with an MDF word, an event word or its name in quotes
_EVENT = (r"(?:\b(?:seminars?|roadshows?|webinars?|workshops?|expos?|exhibitions?|fairs?|trade ?shows?|conferences?|"
          r"summits?|events?|breakfasts?|lunch(?:es)?|roundtables?|round tables?|open days?|booths?|campaigns?|"
          r"seminare?|messen?|veranstaltung\w*|konferenz\w*|séminaires?|salons?|foires?|conférences?|événements?|"
          r"seminarios?|ferias?|jornadas?|eventos?|conferencias?|feiras?|seminários?|congressos?)\b|"
          r"セミナー|展示会|展|イベント|ウェビナー|ロードショー)")
_ACTIVITY_WORD = r"(?:\b(?:activit(?:y|ies)|aktivität\w*|activités?|actividad(?:es)?|atividades?)\b|アクティビティ|施策)"
# an MDF word alone names nothing ("how much MDF do we have left?"): with it, a capitalised name after the first
# word ("... MDF da Mediterránea em fevereiro?") or Japanese text (names written in it)
_A_NAME = r"(?-i:(?<=\s)[A-ZÀ-Þ][a-zà-ÿ]{2,}|[\u3040-\u30ff\u4e00-\u9fff])"
NAMED_RE = re.compile(rf"^{_NOT_POLICY}(?:(?=.*{MDF_WORDS})(?=.*{_A_NAME})|(?=.*{_ACTIVITY_WORD})|(?!.*(?:\bkits?\b|キット))(?:(?=.*{_EVENT})|"
                      r"(?=.*(?:(?<!\w)'[^']{{3,}}'|[‘\"“「『«][^’\"”」』»]{{3,}}[’\"”」』»]))))", re.IGNORECASE)


_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
MARGIN = 0.02  # multilingual-e5 similarities crowd together: the best name must stand out by this much
GENERIC_ACTIVITY = "marketing activity"
# a rule asked in Japanese ("何日以内？", "いつまでに", "どのくらい"), which PROGRAMME_Q's word boundaries miss mid-sentence
_RULE_JA = re.compile(r"何日|いつまでに|どのくらい|何パーセント|何%|ルール|条件|仕組み")


def _named_across_scripts(turn: Turn, activities: list) -> list:
    """ "東京スマートファクトリー展のMDF請求は？" of an activity recorded as "Tokyo smart factory expo booth": a question in
    Japanese about one of the MDF activities the asker sees (a partner seller: its own) named in Latin letters (no
    word of the name can match), the activity whose name the multilingual model finds clearly closest; none when no
    name stands out."""
    if not _CJK.search(turn.question) or not re.search(rf"{MDF_WORDS}|{_EVENT}|{_ACTIVITY_WORD}", turn.question, re.I):
        return []  # "東京スマートファクトリー展のリード数は？": an MDF word, an event's or an activity's
    own = [a for a in activities if (not turn.scope.is_partner or a.partner_id == turn.scope.partner_id)
           and not _CJK.search(a.name)]
    if not own or asks_rule(turn.question) or PROGRAMME_Q.search(normalise(turn.question)) or _RULE_JA.search(
            turn.question):
        return []
    # a generic name stands in for "no activity in particular" ("MDFの請求期限は何日以内？" names none)
    sims = turn.ctx.content.multilingual(turn.question, [a.name for a in own] + [GENERIC_ACTIVITY])
    if sims is None:
        return []
    ranked = sorted(zip((float(x) for x in sims), range(len(own) + 1)), reverse=True)
    best, runner_up = ranked[0], ranked[1]
    return [own[best[1]]] if best[1] < len(own) and best[0] - runner_up[0] >= MARGIN else []


def _claim_window(turn: Turn) -> tuple[int, str] | None:
    """(days, source title) of the claim window the vendor's own MDF content states, or None."""
    found = search_content(turn.ctx, turn.scope, "MDF claim deadline: days after the activity ends", k=8)
    for result in found.results:
        if result.source_type != "programme":
            continue
        window = _CLAIM_WINDOW.search(result.text)
        if window:
            return int(window.group(1) or window.group(2)), result.title
    return None


# "how many leads did the streaming kit activities bring overall?", "quantos leads os lakehouse roadshows geraram
# no total?", "wie viele Leads haben alle Governance-Aktivitäten gebracht?", "<partner> のMDFのリード数は？": the
# leads of the MDF activities the question singles out (a partner, a kit, words of the activities' names), summed
LEADS_RE = re.compile(
    r"(?=.*(?:\bleads?\b|リード))(?=.*(?:\b(?:how many|total|overall|in all|altogether|sum|wie ?viele|insgesamt|"
    r"zusammen|gesamt|combien|au total|cuánt[oa]s|en total|quant[oa]s|no total|ao todo|by|per|je|pro|par|por)\b|"
    r"何件|合計|数|いくつ|別))",
    re.IGNORECASE)
# what MDF activities are called; without one, the question must name a partner, a kit or words of the activities'
# names or kinds ("leads from the webinars") for its leads to be theirs
_ACTIVITY_SUBJECT = re.compile(
    rf"{MDF_WORDS}|\b(?:activit\w*|aktivität\w*|activités?|actividad\w*|atividades?|kits?|campaigns?|kampagne\w*|"
    r"campagnes?|campañas?|campanhas?)\b|-kits?\b|アクティビティ|活動|施策|キット|キャンペーン", re.IGNORECASE)


def _stem(word: str) -> str:
    word = word.lower()
    return word[:-1] if word.endswith("s") and len(word) > 4 else word


def _name_filter(question: str, activities: list, ignore: set[str]) -> tuple[list, list[str]]:
    """The activities whose names have every word of the question that is a word of some activity's name
    ("lakehouse roadshows" -> the Lakehouse roadshows), and those words; all of them when it names none."""
    def words_of(a) -> set[str]:  # its name's words and its kind ("event", "webinar")
        return {_stem(w) for w in _NAME_WORD.findall(a.name)} | ({_stem(a.kind)} if a.kind else set())

    in_names = set().union(*(words_of(a) for a in activities)) if activities else set()
    asked = [w for w in dict.fromkeys(_stem(w) for w in _NAME_WORD.findall(question)) if w in in_names and w not in ignore
             and w not in STATUSES]
    if not asked:
        return activities, []
    return [a for a in activities if set(asked) <= words_of(a)], asked


def answer_leads(turn: Turn, found: re.Match) -> tuple[str, ToolUse] | None:
    if asks_rule(turn.question) or _ACTIVITY_ID.search(turn.question) or _MOST_LEADS.search(turn.question):
        return None  # one activity by id, the best one, or the programme's rule on reporting leads
    resolver = Resolver(turn.ctx, turn.scope)
    mentions = resolver.find(turn.question)
    everyone = list_mdf(turn.ctx, turn.scope).activities
    if turn.scope.is_partner and mentions.foreign_partner and not _whole_names(turn.question, everyone):
        return None  # another partner's: the engine refuses it (not a word of one of its own activities' names)
    partners = _partner_mentions(turn, everyone, mentions)
    partner_id = partners[0].id if partners and not turn.scope.is_partner else None
    start, end = period_of(turn.question, turn.ctx.today())
    found_all = [a for a in list_mdf(turn.ctx, turn.scope, partner_id, status_asked(turn.question)).activities
                 if _in_period(a, start, end)]
    ignore = {_stem(w) for p in partners for w in _NAME_WORD.findall(p.label)}
    named = _named_activities(turn.question, found_all, turn)
    kit = None if named and len(named) <= 3 else _kit_asked(turn, found_all)
    chosen, words = _name_filter(turn.question, [a for a in found_all if a.kit_id == kit] if kit else found_all,
                                 ignore)  # "the lakehouse roadshows": of the kit's activities, the roadshows
    if named and len(named) <= 3 and not kit:  # "the Houston roadshow": the activity of that name, not a kit's
        chosen = [a for a in chosen if a in named] or named
    if not (partner_id or kit or words or _ACTIVITY_SUBJECT.search(turn.question)):
        return None  # "how many leads are waiting to be routed?": not the MDF activities' leads
    lang = turn.lang
    tool = ToolUse(name="list_mdf", arguments={k: v for k, v in (("partner_id", partner_id), ("kit_id", kit),
                                                                 ("from_date", start), ("to_date", end)) if v})
    turn.results.append(MdfList(activities=chosen))
    whose = _activity_say("whose", lang, partner=f"{partners[0].label} ({partner_id})") if partner_id else ""
    what = _activity_say("kit", lang, kit=kit) if kit else (
        _activity_say("named", lang, words=" ".join(words)) if words else "")
    when = _activity_say("between", lang, start=start, end=end) if start else ""
    if not chosen:  # "how many leads did the <partner> campaign get?" when it ran none: nothing on record
        return _activity_say("leads_none", lang, whose=whose, what=what, when=when), tool
    lines = [_activity_say("leads_sum", lang, n=sum(a.leads or 0 for a in chosen), k=len(chosen), whose=whose,
                           what=what, when=when)]
    names = resolver.partner_names
    by = _BY.search(turn.question)
    group = _GROUPS.get(by.group(2).lower()) if by else None
    if group:  # "leads by kit?", "Leads je Partner": the sums per group, most first
        sums = Counter()
        for a in chosen:
            sums[group(a, names) or "-"] += a.leads or 0
        return "\n".join(lines + [f"- {k}: {v}" for k, v in sums.most_common(15)]), tool
    lines += [_activity_say("leads_line", lang, id=a.activity_id, partner=names.get(a.partner_id, a.partner_id),
                            name=a.name, kind=a.kind or "other", status=a.status,
                            leads=a.leads if a.leads is not None else "-", kit=a.kit_id or "-") for a in chosen[:15]]
    return "\n".join(lines), tool


# "is there an MDF request from <partner> I need to look at?", "any MDF claims from <partner>?": an MDF word and
# a request word (not "activity": "how far ahead do we submit an MDF activity?" is the rule), with a partner
# named (checked by the handler); never "how far ahead / how long / must we submit": the programme's rule
_REQUEST_ONLY = (r"(?:\b(?:requests?|claims?|anträge?|antrag|anfragen?|demandes?|solicitud\w*|pedidos?|"
                 r"solicitaç\w*)\b|申請|請求)")
REQUESTS_OF_RE = re.compile(rf"^{_NOT_POLICY}(?!.*\b(?:how (?:far|early|soon|much time)|in advance|ahead|submit\w*|"
                            rf"must|have to|need to (?:submit|file|send)|wie (?:früh|lange)|combien de temps|"
                            rf"muss|müssen|einreich\w*|einzureichen|bis wann|dois|doit|devons|soumettre|déposer|"
                            rf"jusqu'à quand|debo|tengo que|hay que|hasta cuándo|devo|tenho que|preciso|até quando|"
                            rf"con cuánta|com quanta|who|approv\w*|genehmig\w*|approuv\w*|aprueb\w*|aprova\w*)\b|.*承認)(?=.*{MDF_WORDS})(?=.*{_REQUEST_ONLY})", re.IGNORECASE)

# "which partners used the lakehouse kit with MDF?", "welche Partner haben das Lakehouse-Kit mit MDF genutzt?"
KIT_USED_RE = re.compile(
    rf"(?=.*{MDF_WORDS})(?=.*(?:\bkits?\b|-kit\b|キット)).*(?:\b(?:used|use|ran|run|did|genutzt|verwendet|eingesetzt|"
    r"utilisé\w*|usad\w*|usaron|usaram|utiliz\w*)\b|使っ|利用)", re.IGNORECASE)


def answer_kit_used(turn: Turn, found: re.Match) -> tuple[str, ToolUse] | None:
    if asks_rule(turn.question):
        return None
    return answer_activities(turn, found, asked=True)


# "what pipeline and won revenue did MDF-0003 bring?", "ROI of the Streaming roadshow?", "how much won revenue came
# from the customer stories activity?": the return of the activities the question names (by id, or by two words of
# their name), whenever they started, not the period's totals
ACTIVITY_RETURN_RE = re.compile(
    r"\b(roi|ropi|returns?|returned|won|wins?|revenue|pipeline|paid off|pay off|worth it|brought in|brings? in|generated|"
    r"umsatz|gewonnen\w*|rendite|lohnt\w*|chiffre d'affaires|gagné\w*|rapporté\w*|rentab\w*|ingresos|ganad\w*|"
    r"retorno|receita|ganh\w*|gerou|generó)\b|受注|売上|パイプライン|費用対効果|リターン", re.IGNORECASE)


_AMOUNT = re.compile(r"(?:usd|eur|gbp|\$|€|£)?\s*\d[\d.,]*\s*(?:k|m|mil|tsd|thousand)?\b(?:\s*(?:usd|eur|gbp))?", re.IGNORECASE)


def approval_query(question: str) -> str | None:
    """ "<partner> want 20k for a workshop - does that need a second approver?": the approval rule in the MDF
    policy's own terms, with the amount asked; None when the question is not about an MDF activity."""
    if not (re.search(MDF_WORDS, question, re.IGNORECASE) or re.search(_EVENT, question, re.IGNORECASE)):
        return None
    amount = next((m.group(0).strip() for m in _AMOUNT.finditer(question) if re.search(r"\d", m.group(0))), "")
    return f"Does an MDF activity {'of ' + amount + ' ' if amount else ''}need a second approver?"


_RETURN_ASKED = re.compile(r"\b(roi|ropi|returns?|returned|won|wins?|revenue|pipeline|umsatz|gewonnen\w*|rendite|"
                           r"chiffre d'affaires|gagné\w*|ingresos|ganad\w*|retorno|receita|ganh\w*)\b|受注|売上|"
                           r"パイプライン|リターン", re.IGNORECASE)


def answer_activity_return(turn: Turn, _found: re.Match) -> tuple[str, ToolUse] | None:
    if asks_rule(turn.question) or not turn.scope.can("mdf"):
        return None
    if _LEADS_ASKED.search(turn.question) and not _RETURN_ASKED.search(turn.question):
        return None  # "how many leads did the roadshow generate?": its leads (`answer_leads`)
    named = _named_activities(turn.question, list_mdf(turn.ctx, turn.scope).activities, turn)  # records, not returns
    if not named or len(named) > 3:
        return None
    leads = {a.activity_id: a.leads for a in named if a.leads is not None}
    asked = {w.lower() for w in _NAME_WORD.findall(turn.question)}
    whole = all({w.lower() for w in _NAME_WORD.findall(a.name)} <= asked for a in named) or \
        len(_whole_names(turn.question, named)) == len(named)
    if not (_named_by_id(turn.question, named) or whole or _ACTIVITY_SUBJECT.search(turn.question)
            or re.search(_EVENT, turn.question, re.IGNORECASE)):
        return None  # two words of a name ("Lakehouse customer ...") and no word of MDF: not the activity's return
    ids = {a.activity_id for a in named}
    roi = mdf_roi(turn.ctx, turn.scope, None, dt.date(1900, 1, 1), turn.ctx.today())  # whenever they started
    named = [a for a in roi.activities if a.activity_id in ids]
    if not named:  # not measurable (no exchange rate to the reporting currency): its record answers
        return None
    tool = ToolUse(name="mdf_roi", arguments={"activity_ids": [a.activity_id for a in named]})
    turn.results.append(roi.model_copy(update={"activities": named}))
    lines = [_say("activity_return", turn.lang, id=a.activity_id, name=a.name, partner=a.partner_id,
                  kind=a.kind or "other", paid=f"{a.paid:,.0f}", won=f"{a.won:,.0f}", pipeline=f"{a.pipeline:,.0f}",
                  roi=_x(a.roi), cur=roi.currency)
             + (_say("and_leads", turn.lang, n=leads[a.activity_id]) if a.activity_id in leads else "")
             + (f" [{', '.join(a.deals)}]" if a.deals else "") for a in named]
    return "\n".join(lines), tool


def answer_by_whole_name(turn: Turn, found: re.Match) -> tuple[str, ToolUse] | None:
    """ "wie viel wurde für das Zürich Privatbanken Frühstück ausbezahlt?": a question that writes an MDF activity's
    whole name, in words no other pattern knows, is about that activity: its return when it asks what it won, else
    its record (dates, status, amounts at each step, leads). Never a draft ("invite for the <activity>")."""
    if not turn.scope.can("mdf") or "draft" in score_intents(turn.question).scores:
        return None
    if not _whole_names(turn.question, list_mdf(turn.ctx, turn.scope).activities):
        return None
    returned = answer_activity_return(turn, found) if ACTIVITY_RETURN_RE.search(turn.question) else None
    return returned or answer_named_activity(turn, found)


HANDLERS = ((UNCLAIMED_RE, answer_unclaimed), (ACTIVITY_RETURN_RE, answer_activity_return), (ADVICE_RE, answer_advice), (QUEUE_RE, answer_queue), (TOTALS_RE, answer_totals), (BROUGHT_RE, answer_brought), (ROI_RE, answer_roi),
            (LEADS_RE, answer_leads), (ACTIVITIES_RE, answer_activities), (KIT_USED_RE, answer_kit_used), (OUTCOME_RE, answer_named_activity),
            (NAMED_RE, answer_named_activity),
            (REQUESTS_OF_RE, answer_partner_requests), (re.compile(r"\w\W+\w"), answer_by_whole_name))
