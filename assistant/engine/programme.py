"""Chat for the programme's workflows, before the general engine: "register a deal for ...", "which
registrations are waiting?", "route lead L-1", MDF's return and advice (`assistant.engine.mdf_chat`). Small English patterns; anything else returns None and
the question goes on to the usual routing. The services decide permissions; their errors are answered
in words, never raised past the turn."""
from __future__ import annotations

import re
from collections.abc import Callable

from rapidfuzz import fuzz
from sqlalchemy import select

from assistant.core.errors import CosellError, Forbidden
from assistant.engine import analytics_chat, kits_chat, mdf_chat
from assistant.engine.followup_chat import WHY
from assistant.engine.intent_cues import HOW_LONG, normalise
from assistant.engine.name_index import NAMED, best_named, ids_written
from assistant.engine.overview_chat import asks_own_book
from assistant.engine.resolver import Resolver
from assistant.engine.router import ASKS_LANGUAGE, HOW_MANY_MORE
from assistant.engine.turn import AskResponse, ToolUse, Turn, forbidden_message
from retrieval.records import Partner
from retrieval.scope import CAPABILITY_WORDS
from tools.account_mapping.service import normalize_name
from tools.directory.service import places_named
from tools.leads.service import accept_hours, list_leads, route_lead
from tools.locales import Catalogue
from tools.registrations.service import (
    RegistrationList,
    SubmitRequest,
    list_registrations,
    submit_registration,
)

# "which registrations are waiting?", "pending regs?", "Registrierungen offen?", "enregistrements en attente",
# "registros pendientes", "registros pendentes", "承認待ちの案件登録": a registration word and a waiting word.
_REG_WORD = (r"(?:\b(?:(?:deal )?registrations?|(?:deal )?regs?|registrierung\w*|enregistrements?|registros?|"
             r"registraç\w*)\b|案件登録|登録申請)")
_REG_WAITING = (r"(?:\b(?:waiting|pending|to (?:be )?(?:decided?|approved?|reviewed?)|awaiting|queue|undecided|"
                r"offen\w*|ausstehend\w*|zu (?:prüfen|genehmigen)|warte[nt]?|en attente|attendent|à (?:valider|approuver)|"
                r"pendientes?|esperan|esperando|por aprobar|pendentes?|aguardando|aguardam|à espera|a aprovar|"
                r"(?:my|meine|ma|mi|minha) (?:decision|entscheidung|décision|decisión|decisão))\b|承認待ち|未承認|未決|判断待ち)")
# how long a decision takes is the programme's rule, not the queue ("how quickly does my CM have to approve a reg?")
_HOW_SOON = (r"how long|how (?:quickly|fast|soon)|within how|wie (?:lange|schnell)|combien de temps|en combien de|"
             r"cuánto tiempo|en cuánto|quanto tempo|em quanto|in how many")
QUEUE_RE = re.compile(rf"^(?!.*\b(?:{_HOW_SOON}|happens?|policy|rules?|why)\b)(?!.*(?:何日|どのくらい|いつまで))"
                      rf"(?=.*{_REG_WORD})(?=.*{_REG_WAITING})", re.IGNORECASE)
# "which leads are still waiting to be accepted?", "Leads, die noch nicht angenommen wurden?", "quels leads attendent
# encore ?", "leads pendientes", "leads sem resposta", "未対応のリード": the leads not yet accepted, by state
_LEAD_WORD = r"(?:\bleads?\b|リード)"
_LEAD_WAITING = (r"(?:\b(?:waiting|pending|open|unassigned|not (?:yet )?(?:accepted|routed|assigned|picked up)|"
                 r"unaccepted|sitting|wart\w*|offen\w*|ausstehend\w*|nicht (?:\w+ )?(?:angenommen|zugewiesen|"
                 r"bearbeitet)|en attente|attend\w*|pas (?:encore )?(?:accepté|attribué)\w*|pendientes?|sin (?:aceptar|"
                 r"asignar|respuesta)|esperando|pendentes?|aguardando|sem (?:resposta|aceite|dono)|não aceit\w*|"
                 r"to (?:be )?accept(?:ed)?|(?:à|a) accepter|zu (?:akzeptieren|bestätigen)|anzunehmen|annehmen (?:müssen|sollen)|"
                 r"(?:por|para) aceptar|(?:para|a) aceitar)\b|"
                 r"未対応|未承諾|待ち|未割り当て)")
LEADS_WAITING_RE = re.compile(rf"^(?!.*{HOW_LONG})(?!.*\b(?:policy|rules?)\b)(?=.*{_LEAD_WORD})(?=.*{_LEAD_WAITING})",
                              re.IGNORECASE)
# "how many hours do I have to accept a lead?", "¿cuántas horas tengo para aceptar un lead?", "受け入れ期限は何時間？":
# the programme's acceptance window (vendor.yaml lead_accept_hours), not the list of leads
LEAD_HOURS_RE = re.compile(rf"^(?!.*\b(?:which|what leads|welche|quels|quelles|cuáles|quais|list\w*)\b)(?=.*(?:{_LEAD_WORD}|受け入れ|受入))(?=.*{HOW_LONG})(?=.*(?:accept|annehm|anzunehm|angenommen|akzeptier|"
                           rf"accepter|acept|aceit|受け入れ|受入|承諾|期限|expire|verfall))", re.IGNORECASE)
REGISTER_RE = re.compile(r"^\W*(?:please |can you |could you |i want to |i'd like to |let's )?(?:register|submit)"
                         r"(?: a| the| this| my| our| new)?(?: deal| registration| opportunity)?"
                         r"(?: registration)? (?:for|at|with|on) (?P<rest>.+?)\W*$", re.IGNORECASE)
ROUTE_RE = re.compile(r"\b(route|assign|which partners?|who should (?:get|take|work)|qu[eé] socios?|quel(?:le)?s? "
                      r"partenaires?|qua(?:l|is) parceiros?|welche[nrs]? partner|wer|qui|quién|quem|asignar|"
                      r"attribuer|atribuir|zuweisen)\b.*\blead\s+"
                      r"(?P<id>[a-z0-9][\w-]*\d[\w-]*)|\blead\s+(?P<id2>[a-z0-9][\w-]*\d[\w-]*)\b.*\b(route|partners?|"
                      r"partenaires?|socios?|parceiros?|zuweisen|attribuer|asignar|atribuir)\b|"
                      # "リードCVL-001に最適なパートナーは？", "リード L-7 はどのパートナーに？"
                      r"リード\s*(?P<id3>[a-z0-9][a-z0-9_-]*\d[a-z0-9_-]*).*(パートナー|割り当て|振り分け|担当)",
                      re.IGNORECASE)
# "issue me an API key for u-ps-alpine", "run an ingest", "show the audit log": the admin's commands (CLI.md).
ADMIN_RE = re.compile(r"\b(?:issue|create|generate|give|make|get|send|reset|rotate|need)\b.{0,30}\bapi[- ]?keys?\b|"
                      r"\b(?:run|start|trigger)\b.{0,20}\b(?:an? )?(?:ingest|re-?ingest)\b|"
                      r"\b(?:show|see|open|read|check|pull)\b.{0,20}\baudit(?: log| trail)?\b|"
                      r"api-?(?:schlüssel|key)\b.{0,30}\b(?:erstell|ausstell|geb)|clé d'api|clave de api|chave de api|"
                      r"apiキー|監査ログ", re.IGNORECASE)
_ADMIN_WHAT = (("key", "users_key", "cosell users key USER_ID"),
               ("ingest", "ingest", "cosell ingest DIR"),
               ("audit", "audit", "cosell audit"), ("監査", "audit", "cosell audit"),
               ("キー", "users_key", "cosell users key USER_ID"), ("clé", "users_key", "cosell users key USER_ID"),
               ("clave", "users_key", "cosell users key USER_ID"), ("chave", "users_key", "cosell users key USER_ID"),
               ("schlüssel", "users_key", "cosell users key USER_ID"))
SPLIT_RE = re.compile(r"\s+(?:for|with|on|interested in|about|in)\s+", re.IGNORECASE)

# key -> (en, de, fr, es, pt, ja): the fixed sentences of this module's answers
_say = Catalogue({
    "could_not": ("I could not do that: {reason}", "Das konnte ich nicht tun: {reason}",
                  "Je n'ai pas pu le faire : {reason}", "No pude hacerlo: {reason}", "Não consegui fazer isso: {reason}",
                  "実行できませんでした: {reason}"),
    "register_how": ("Registrations are submitted for a partner: `cosell registrations submit --partner P "
                     "--account \"{account}\"` (or POST /v1/registrations).",
                     "Registrierungen werden für einen Partner eingereicht: `cosell registrations submit --partner P "
                     "--account \"{account}\"` (oder POST /v1/registrations).",
                     "Les enregistrements sont soumis pour un partenaire : `cosell registrations submit --partner P "
                     "--account \"{account}\"` (ou POST /v1/registrations).",
                     "Los registros se envían para un socio: `cosell registrations submit --partner P "
                     "--account \"{account}\"` (o POST /v1/registrations).",
                     "Os registros são enviados para um parceiro: `cosell registrations submit --partner P "
                     "--account \"{account}\"` (ou POST /v1/registrations).",
                     "案件登録はパートナーの名前で申請します: `cosell registrations submit --partner P "
                     "--account \"{account}\"`（または POST /v1/registrations）。"),
    "submitted": ("Submitted registration {id} for {account}{products}: check {verdict}.",
                  "Registrierung {id} für {account}{products} eingereicht: Prüfung {verdict}.",
                  "Enregistrement {id} soumis pour {account}{products} : contrôle {verdict}.",
                  "Registro {id} enviado para {account}{products}: comprobación {verdict}.",
                  "Registro {id} enviado para {account}{products}: verificação {verdict}.",
                  "{account}{products} の案件登録 {id} を申請しました: チェック {verdict}。"),
    "cm_decides": ("A channel manager will approve or reject it.",
                   "Ein Channel Manager wird sie genehmigen oder ablehnen.",
                   "Un channel manager l'approuvera ou la refusera.",
                   "Un channel manager lo aprobará o rechazará.",
                   "Um channel manager vai aprová-lo ou rejeitá-lo.",
                   "チャネルマネージャーが承認または却下します。"),
    "queue_none": ("No registrations are waiting for a decision.",
                   "Keine Registrierungen warten auf eine Entscheidung.",
                   "Aucun enregistrement n'attend de décision.",
                   "Ningún registro está esperando una decisión.",
                   "Nenhum registro está aguardando uma decisão.",
                   "判断待ちの案件登録はありません。"),
    "queue_one": ("1 registration waiting, oldest first:", "1 Registrierung wartet, älteste zuerst:",
                  "1 enregistrement en attente, le plus ancien d'abord :", "1 registro en espera, el más antiguo primero:",
                  "1 registro aguardando, o mais antigo primeiro:", "判断待ちの案件登録は 1 件です（古い順）:"),
    "queue_head": ("{n} registrations waiting, oldest first:", "{n} Registrierungen warten, älteste zuerst:",
                   "{n} enregistrements en attente, les plus anciens d'abord :",
                   "{n} registros en espera, los más antiguos primero:",
                   "{n} registros aguardando, os mais antigos primeiro:", "判断待ちの案件登録は {n} 件です（古い順）:"),
    "queue_line": ("- {id} {partner}: {account}, {days} days old, check {verdict}{finding}",
                   "- {id} {partner}: {account}, seit {days} Tagen, Prüfung {verdict}{finding}",
                   "- {id} {partner} : {account}, depuis {days} jours, contrôle {verdict}{finding}",
                   "- {id} {partner}: {account}, hace {days} días, comprobación {verdict}{finding}",
                   "- {id} {partner}: {account}, há {days} dias, verificação {verdict}{finding}",
                   "- {id} {partner}: {account}、{days} 日経過、チェック {verdict}{finding}"),
    "route_none": ("No partner to suggest for lead {lead}.", "Für Lead {lead} kann ich keinen Partner vorschlagen.",
                   "Aucun partenaire à proposer pour le lead {lead}.", "No hay socio que sugerir para el lead {lead}.",
                   "Nenhum parceiro a sugerir para o lead {lead}.", "リード {lead} に提案できるパートナーはありません。"),
    "route_head": ("Partners for lead {lead}:", "Partner für Lead {lead}:", "Partenaires pour le lead {lead} :",
                   "Socios para el lead {lead}:", "Parceiros para o lead {lead}:", "リード {lead} のパートナー:"),
    "route_line": ("{i}. {name} ({id}), score {score}: {why}", "{i}. {name} ({id}), Bewertung {score}: {why}",
                   "{i}. {name} ({id}), score {score} : {why}", "{i}. {name} ({id}), puntuación {score}: {why}",
                   "{i}. {name} ({id}), pontuação {score}: {why}", "{i}. {name}（{id}）、スコア {score}: {why}"),
    "route_sells_in": ("sells in {country}", "verkauft in {country}", "vend en {country}", "vende en {country}",
                       "vende em {country}", "{country} で販売"),
    "route_products": ("authorised for {products}", "autorisiert für {products}", "autorisé pour {products}",
                       "autorizado para {products}", "autorizado para {products}", "{products} の認定あり"),
    "route_industry": ("works in {industry}", "arbeitet in der Branche {industry}", "travaille dans le secteur {industry}",
                       "trabaja en el sector {industry}", "atua no setor {industry}", "{industry} 業界の実績"),
    "route_no_signal": ("no strong signal", "kein starkes Signal", "aucun signal fort", "ninguna señal clara",
                        "nenhum sinal forte", "強いシグナルなし"),
    "route_but": (" (but: {conflicts})", " (aber: {conflicts})", " (mais : {conflicts})", " (pero: {conflicts})",
                  " (mas: {conflicts})", "（ただし: {conflicts}）"),
    "route_left_out": ("Left out (declined or let it expire): {ids}",
                       "Ausgelassen (abgelehnt oder verfallen lassen): {ids}",
                       "Écartés (refusé ou laissé expirer) : {ids}",
                       "Excluidos (rechazaron o lo dejaron vencer): {ids}",
                       "Deixados de fora (recusaram ou deixaram expirar): {ids}",
                       "除外（辞退または期限切れ）: {ids}"),
    "leads_none": ("No lead is waiting: none assigned and not yet accepted, none waiting to be routed.",
                   "Kein Lead wartet: keiner zugewiesen und noch nicht angenommen, keiner wartet auf Zuweisung.",
                   "Aucun lead en attente : aucun attribué sans être accepté, aucun à router.",
                   "Ningún lead pendiente: ninguno asignado sin aceptar, ninguno por asignar.",
                   "Nenhum lead pendente: nenhum atribuído sem aceite, nenhum a encaminhar.",
                   "待ちのリードはありません（割り当て済み未承諾も、未割り当てもなし）。"),
    "leads_assigned": ("{n} leads assigned and waiting for the partner to accept:",
                       "{n} Leads zugewiesen, die der Partner noch nicht angenommen hat:",
                       "{n} leads attribués en attente d'acceptation par le partenaire :",
                       "{n} leads asignados pendientes de que el socio los acepte:",
                       "{n} leads atribuídos aguardando o aceite do parceiro:",
                       "割り当て済みでパートナーの承諾待ちのリード {n} 件:"),
    "lead_assigned": ("- {id} {company}: {partner} ({pid}), accept by {by}",
                      "- {id} {company}: {partner} ({pid}), annehmen bis {by}",
                      "- {id} {company} : {partner} ({pid}), à accepter avant le {by}",
                      "- {id} {company}: {partner} ({pid}), aceptar antes del {by}",
                      "- {id} {company}: {partner} ({pid}), aceitar até {by}",
                      "- {id} {company}: {partner}（{pid}）、承諾期限 {by}"),
    "leads_new": ("{n} leads not routed to a partner yet:", "{n} Leads noch keinem Partner zugewiesen:",
                  "{n} leads pas encore attribués à un partenaire :", "{n} leads aún sin asignar a un socio:",
                  "{n} leads ainda não encaminhados a um parceiro:", "未割り当てのリード {n} 件:"),
    "lead_state": ("Lead {id} ({company}{where}): {state}.", "Lead {id} ({company}{where}): {state}.",
                   "Lead {id} ({company}{where}) : {state}.", "Lead {id} ({company}{where}): {state}.",
                   "Lead {id} ({company}{where}): {state}.", "リード {id}（{company}{where}）: {state}。"),
    "lead_hours": ("A lead assigned to a partner must be accepted within {hours} hours; after that it expires and "
                   "is routed to another partner.",
                   "Ein einem Partner zugewiesener Lead muss innerhalb von {hours} Stunden angenommen werden; danach "
                   "verfällt er und geht an einen anderen Partner.",
                   "Un lead attribué à un partenaire doit être accepté dans les {hours} heures ; ensuite il expire et "
                   "est attribué à un autre partenaire.",
                   "Un lead asignado a un socio debe aceptarse en un plazo de {hours} horas; después vence y se "
                   "asigna a otro socio.",
                   "Um lead atribuído a um parceiro deve ser aceito em até {hours} horas; depois disso expira e é "
                   "encaminhado a outro parceiro.",
                   "パートナーに割り当てられたリードは {hours} 時間以内に承諾する必要があります。期限を過ぎると失効し、別のパートナーに回されます。"),
    "lead_new": ("not routed to a partner yet", "noch keinem Partner zugewiesen", "pas encore attribué à un partenaire",
                 "aún sin asignar a un socio", "ainda não encaminhado a um parceiro", "まだパートナーに割り当てられていません"),
    "lead_is_assigned": ("assigned to {partner} ({pid}), to accept by {by}",
                         "{partner} ({pid}) zugewiesen, annehmen bis {by}",
                         "attribué à {partner} ({pid}), à accepter avant le {by}",
                         "asignado a {partner} ({pid}), a aceptar antes del {by}",
                         "atribuído a {partner} ({pid}), a aceitar até {by}",
                         "{partner}（{pid}）に割り当て済み、承諾期限 {by}"),
    "lead_accepted": ("accepted by {partner} ({pid})", "von {partner} ({pid}) angenommen", "accepté par {partner} ({pid})",
                      "aceptado por {partner} ({pid})", "aceito por {partner} ({pid})", "{partner}（{pid}）が承諾済み"),
    "lead_declined": ("declined by {partner} ({pid})", "von {partner} ({pid}) abgelehnt", "refusé par {partner} ({pid})",
                      "rechazado por {partner} ({pid})", "recusado por {partner} ({pid})", "{partner}（{pid}）が辞退"),
    "lead_expired": ("expired: {partner} ({pid}) did not accept it in time",
                     "verfallen: {partner} ({pid}) hat ihn nicht rechtzeitig angenommen",
                     "expiré : {partner} ({pid}) ne l'a pas accepté à temps",
                     "vencido: {partner} ({pid}) no lo aceptó a tiempo", "expirado: {partner} ({pid}) não aceitou a tempo",
                     "期限切れ: {partner}（{pid}）が期限内に承諾しませんでした"),
    "lead_converted": ("converted into deal {deal}", "in den Deal {deal} umgewandelt", "converti en affaire {deal}",
                       "convertido en la oportunidad {deal}", "convertido no negócio {deal}", "案件 {deal} に転換済み"),
    "lead_reason": ("reason: {reason}", "Grund: {reason}", "motif : {reason}", "motivo: {reason}", "motivo: {reason}",
                    "理由: {reason}"),
    "admin_cli": ("I do not do that from chat; an admin runs `{command}`.",
                  "Das mache ich nicht im Chat; ein Admin führt `{command}` aus.",
                  "Je ne le fais pas depuis le chat ; un administrateur exécute `{command}`.",
                  "No lo hago desde el chat; un administrador ejecuta `{command}`.",
                  "Não faço isso pelo chat; um administrador executa `{command}`.",
                  "チャットからは実行しません。管理者が `{command}` を実行します。"),
})


def answer_programme(turn: Turn) -> AskResponse | None:
    turn = _replayed(turn) or turn
    text = " ".join(turn.question.split())
    handlers: list[tuple[re.Pattern, Callable[[Turn, re.Match], tuple[str, ToolUse] | None]]] = [
        (LEAD_HOURS_RE, _lead_hours),
        (REGISTER_RE, _register), (QUEUE_RE, _queue), (ROUTE_RE, _route), (LEADS_WAITING_RE, _leads_waiting),
        (LEAD_NAMED_RE, _route_named), (WHY, _route_why), (LEAD_ANY_RE, _lead_state),
        *mdf_chat.HANDLERS,
        *kits_chat.HANDLERS, *analytics_chat.HANDLERS, (ADMIN_RE, _admin_only)]
    for pattern, handler in handlers:
        found = pattern.search(text)
        if found:
            try:
                done = handler(turn, found)
            except CosellError as exc:
                done = _say("could_not", turn.lang, reason=exc.message), ToolUse(name=handler.__name__.strip("_"))
            if done is None:  # the handler's subject is missing ("what can I send?" naming no partner)
                continue
            return _respond(turn, *done)
    return None


_FIGURES = ("programme_attribution", "mdf_roi")
# the workflows that only read (their answer may be given again: "in English please"); not submit_registration, route_lead
_READ_ONLY = frozenset({"list_mdf", "mdf_roi", "mdf_advice", "list_leads", "list_registrations", "kits_for_partner",
                        "kit_texts", "stalled_deals", "digest", "programme_attribution"})


def _replayed(turn: Turn) -> Turn | None:
    """The last workflow's question again, when a short follow-up asks for that answer in another language ("auf
    Deutsch bitte", "em inglês por favor, é pro meu diretor") or for a count that answer holds."""
    workflow = turn.thread.state.workflow
    if not workflow.get("question") or len(turn.question.split()) > 10:
        return None
    again = Turn(turn.ctx, turn.scope, workflow["question"], turn.thread, turn.emit)
    if ASKS_LANGUAGE.search(normalise(turn.question)):
        locale = Resolver(turn.ctx, turn.scope).find(turn.question).locale
        if not locale:
            return None
        again._lang = locale.split("-")[0].lower()
        return again
    if workflow.get("tool") in _FIGURES and HOW_MANY_MORE.search(normalise(turn.question)) and \
            len(turn.question.split()) <= 6 and not Resolver(turn.ctx, turn.scope).find(turn.question).entities:
        again._lang = turn.lang
        return again
    return None


def _respond(turn: Turn, answer: str, tool: ToolUse) -> AskResponse:
    activities = [a.activity_id for r in turn.results for a in getattr(r, "activities", None) or []
                  if getattr(a, "activity_id", None)]
    turn.thread.state.workflow = {"question": turn.question, "tool": tool.name,  # never a write to do again
                                  **({"activity_ids": activities} if 0 < len(activities) <= 3 else {})
                                  } if tool.name in _READ_ONLY else {}
    if turn.choices:  # the deals the answer listed: "how many days has it been quiet?", "the second one" next
        state = turn.thread.state
        state.pending = None
        state.choices, state.choice_slot = list(turn.choices), turn.choice_slot
        state.last_intent, state.shown = "deal_facts", len(turn.choices)
        state.last_arguments = {"deals": [c.id for c in turn.choices], "facts": [], "pick": ""}
    response = AskResponse(answer=answer, tools=[tool], thread_id=turn.thread.thread_id, intent=tool.name,
                           withheld=turn.withheld)
    response._results = list(turn.results)  # the typed results, for the doors (Slack blocks)
    return response


def _products(turn: Turn, words: str) -> list[str]:
    """Products named in the words: the competencies partners list (the vendor's product vocabulary)."""
    with turn.ctx.store.session() as session:
        known = {c for row in session.scalars(select(Partner.competencies)) for c in row or []}
    return sorted(p for p in known if re.search(rf"\b{re.escape(p.lower())}\b", words))


def _lead_hours(turn: Turn, _found: re.Match) -> tuple[str, ToolUse] | None:
    """The programme's window to accept an assigned lead (vendor.yaml `lead_accept_hours`)."""
    if not turn.scope.can("leads"):
        return None
    return (_say("lead_hours", turn.lang, hours=accept_hours(turn.ctx)),
            ToolUse(name="programme_setting", arguments={"setting": "lead_accept_hours"}))


def _leads_waiting(turn: Turn, _found: re.Match) -> tuple[str, ToolUse] | None:
    """The leads not accepted yet: assigned and waiting for the partner (with the time left to accept), and,
    for the channel team, those not routed yet; a partner seller sees the leads assigned to their partner."""
    if not turn.scope.can("leads"):
        return None
    leads = list_leads(turn.ctx, turn.scope).leads
    tool = ToolUse(name="list_leads", arguments={"status": "assigned"})
    assigned = [lead for lead in leads if lead.status == "assigned"]
    new = [] if turn.scope.is_partner else [lead for lead in leads if lead.status == "new"]
    if not assigned and not new:
        return _say("leads_none", turn.lang), tool
    names = Resolver(turn.ctx, turn.scope).partner_names
    lines = []
    if assigned:
        lines.append(_say("leads_assigned", turn.lang, n=len(assigned)))
        lines += [_say("lead_assigned", turn.lang, id=lead.lead_id, company=lead.company,
                       partner=names.get(lead.partner_id or "", lead.partner_id or "?"), pid=lead.partner_id or "?",
                       by=lead.accept_by.strftime("%Y-%m-%d %H:%M") if lead.accept_by else "?")
                  for lead in assigned[:10]]
    if new:
        lines.append(_say("leads_new", turn.lang, n=len(new)))
        lines += [f"- {lead.lead_id} {lead.company} ({lead.country or '?'}, {', '.join(lead.products) or '-'})"
                  for lead in new[:10]]
    return "\n".join(lines), tool


def _register(turn: Turn, found: re.Match) -> tuple[str, ToolUse]:
    parts = SPLIT_RE.split(found.group("rest"), maxsplit=1)
    account, tail = parts[0].strip(" ,"), (parts[1] if len(parts) > 1 else "")
    products = _products(turn, tail.lower())
    tool = ToolUse(name="submit_registration", arguments={"account_name": account, "products": products})
    if not turn.scope.is_partner:
        return _say("register_how", turn.lang, account=account), tool
    request = SubmitRequest(partner_id=turn.scope.partner_id, account_name=account, products=products)
    reg = submit_registration(turn.ctx, turn.scope, request)
    turn.results.append(reg)
    tool.arguments["partner_id"] = reg.partner_id
    products = f" ({', '.join(reg.products)})" if reg.products else ""
    lines = [_say("submitted", turn.lang, id=reg.registration_id, account=reg.account_name, products=products,
                  verdict=reg.check.verdict)]
    lines += [f"- {f}" for f in reg.check.findings]
    lines.append(_say("cm_decides", turn.lang))
    return "\n".join(lines), tool


# "waiting for my decision", "on me", "auf meine Entscheidung", "ma décision", "mi decisión", "minha decisão", "私の承認"
_MINE_TO_DECIDE = re.compile(r"\b(my (decision|approval|sign-?off|review)|on me|for me|meine\w* (entscheidung|freigabe|"
                             r"prüfung)|auf mich|ma (décision|validation)|mi (decisión|aprobación)|minha (decisão|aprovação))"
                             r"\b|私の(承認|判断)", re.IGNORECASE)


def _queue(turn: Turn, _found: re.Match) -> tuple[str, ToolUse] | None:
    if turn.scope.is_partner and Resolver(turn.ctx, turn.scope).names_foreign_partner(turn.question):
        return None  # another partner's registrations: the engine refuses them
    waiting = list_registrations(turn.ctx, turn.scope, status="submitted").registrations
    tool = ToolUse(name="list_registrations", arguments={"status": "submitted"})
    if turn.scope.role == "channel_manager" and (_MINE_TO_DECIDE.search(turn.question) or asks_own_book(turn.question)):
        with turn.ctx.records(turn.scope) as rec:  # "waiting for my decision": those of the partners they manage
            book = {p.partner_id for p in rec.partners() if p.channel_manager == turn.scope.user_id}
        waiting = [r for r in waiting if r.partner_id in book]
        tool.arguments["channel_manager"] = turn.scope.user_id
    turn.results.append(RegistrationList(registrations=waiting))
    if not waiting:
        return _say("queue_none", turn.lang), tool
    lines = [_say("queue_one", turn.lang) if len(waiting) == 1 else _say("queue_head", turn.lang, n=len(waiting))]
    for r in waiting[:10]:
        lines.append(_say("queue_line", turn.lang, id=r.registration_id, partner=r.partner_id, account=r.account_name,
                          days=r.age_days, verdict=r.check.verdict,
                          finding=f" ({r.check.findings[-1]})" if r.check.findings else ""))
    return "\n".join(lines), tool


# "which partner should get the Harz Kliniken lead?", "an wen geht der Lead von Porto Mercados?", "à qui confier le
# lead Harz ?": a lead named by its company, routed as by its id
# a partner asked for, in any language ("any partner fit the X lead?", "qué partner encaja", "最適なパートナー"): with
# the lead word and a lead's company named (`_route_named`), the lead's routing, not a deal's partner ranking
_LEAD_TO_WHOM = re.compile(r"\b(partners?|partenaires?|socios?|parceiros?|who should|who gets|route|assign|send|"
                           r"an wen|wer (soll|bekommt)|à qui|a quién|para quem|zuweisen|attribuer|asignar|atribuir|"
                           r"encaminhar|rout\w+|enrut\w+)\b|パートナー|誰に|販売店|代理店",
                           re.IGNORECASE)
LEAD_NAMED_RE = re.compile(rf"(?=.*{_LEAD_WORD})(?=.*(?:{_LEAD_TO_WHOM.pattern}))", re.IGNORECASE)


def _route_named(turn: Turn, _found: re.Match) -> tuple[str, ToolUse] | None:
    """A lead named by its company: the best-matching lead's routing (None when no lead or several match)."""
    if not turn.scope.can("route_leads"):
        return None
    ids = best_named(turn.question, {lead.lead_id: lead.company for lead in list_leads(turn.ctx, turn.scope).leads})
    return _route_answer(turn, ids[0]) if len(ids) == 1 else None


LEAD_ANY_RE = re.compile(_LEAD_WORD, re.IGNORECASE)


def _lead_state(turn: Turn, _found: re.Match) -> tuple[str, ToolUse] | None:
    """A lead named by its company, asked about otherwise than whom to route it to ("what's the status of the <company>
    lead?", "wer hat den Lead von <company>?", "o lead da <company> foi aceito?"): its record, not a deal whose
    account resembles the company (None when no one lead is named)."""
    if not turn.scope.can("leads"):
        return None
    leads = {lead.lead_id: lead for lead in list_leads(turn.ctx, turn.scope).leads}
    ids = ids_written(turn.question, leads) or [  # the company's whole name, not its first word alone ("hospital")
        k for k in best_named(turn.question, {k: x.company for k, x in leads.items()})
        if fuzz.partial_ratio(normalize_name(leads[k].company), normalize_name(turn.question)) >= NAMED]
    if len(ids) != 1:
        return None
    lead, lang = leads[ids[0]], turn.lang
    names = Resolver(turn.ctx, turn.scope).partner_names
    who = {"partner": names.get(lead.partner_id or "", lead.partner_id or "?"), "pid": lead.partner_id or "?"}
    if lead.status == "new":
        state = _say("lead_new", lang)
    elif lead.status == "assigned":
        state = _say("lead_is_assigned", lang, **who,
                     by=lead.accept_by.strftime("%Y-%m-%d %H:%M") if lead.accept_by else "?")
    elif lead.status == "converted":
        state = _say("lead_converted", lang, deal=lead.opportunity_id or "?")
    else:
        state = _say(f"lead_{lead.status}", lang, **who) if lead.status in ("accepted", "declined", "expired") \
            else lead.status
    if lead.reason:
        state += "; " + _say("lead_reason", lang, reason=lead.reason)
    where = ", ".join(x for x in (lead.country or "", ", ".join(lead.products)) if x)
    lines = [_say("lead_state", lang, id=lead.lead_id, company=lead.company, where=f", {where}" if where else "",
                  state=state)]
    if lead.passed_by:
        lines.append(_say("route_left_out", lang, ids=", ".join(lead.passed_by)))
    turn.results.append(lead)
    return "\n".join(lines), ToolUse(name="list_leads", arguments={"lead_id": lead.lead_id})


def _route_why(turn: Turn, _found: re.Match) -> tuple[str, ToolUse] | None:
    """ "why?", "その理由は？" right after a lead's routing: the ranking again, each partner with its reasons."""
    state = turn.thread.state
    if state.last_intent != "route_lead" or not state.last_arguments.get("lead_id") or not turn.scope.can("route_leads"):
        return None
    return _route_answer(turn, state.last_arguments["lead_id"], why=True)


def _route(turn: Turn, found: re.Match) -> tuple[str, ToolUse]:
    return _route_answer(turn, found.group("id") or found.group("id2") or found.group("id3"))


def _fit_facts(turn: Turn, lead_id: str) -> Callable[[str], str]:
    """partner_id -> what the partner shares with the lead (its country, products, industry), as the answer's
    reasons where the ranking gives none ("sells in JP; PredictIQ; Automotive")."""
    lead = next((x for x in list_leads(turn.ctx, turn.scope).leads if x.lead_id.casefold() == lead_id.casefold()), None)
    with turn.ctx.records(turn.scope) as rec:
        partners = {p.partner_id: p for p in rec.partners()}

    def facts(partner_id: str) -> str:
        p = partners.get(partner_id)
        if lead is None or p is None:
            return ""
        shared = []
        if lead.country and lead.country.upper() in {c.upper() for c in p.countries or []}:
            shared.append(_say("route_sells_in", turn.lang, country=lead.country.upper()))
        products = [x for x in lead.products if x.casefold() in {c.casefold() for c in p.competencies or []}]
        if products:
            shared.append(_say("route_products", turn.lang, products=", ".join(products)))
        if lead.industry and lead.industry.casefold() in {i.casefold() for i in p.industries or []}:
            shared.append(_say("route_industry", turn.lang, industry=lead.industry))
        return "; ".join(shared)

    return facts


RANK_ALL_LEAD = 50  # partners read when the question narrows them to a country or region


def _places(turn: Turn, lead_id: str) -> list[str]:
    """The countries the question narrows the partners to ("any partner in the Nordics fit ...?"), the lead's
    company name aside (a company may be named after a place)."""
    lead = next((x for x in list_leads(turn.ctx, turn.scope).leads if x.lead_id.casefold() == lead_id.casefold()), None)
    text = turn.question
    if lead is not None:
        text = re.sub(re.escape(lead.company), " ", text, flags=re.IGNORECASE)
    return places_named(text)


def _route_answer(turn: Turn, original: str, why: bool = False) -> tuple[str, ToolUse]:
    """The lead's routing, headed by its id and company; `why` ("why?" next): each partner's reasons with what it
    shares with the lead (country, products, industry) besides. A country or region the question names keeps the
    partners selling there (all ranked partners read, the best three of them kept)."""
    tool = ToolUse(name="route_lead", arguments={"lead_id": original})
    places = [] if why else _places(turn, original)
    routing = route_lead(turn.ctx, turn.scope, original, top=RANK_ALL_LEAD if places else 3)
    if places:
        with turn.ctx.records(turn.scope) as rec:
            sells = {p.partner_id for p in rec.partners() if {c.upper() for c in p.countries or []} & set(places)}
        routing.partners = [p for p in routing.partners if p.partner_id in sells][:3] or routing.partners[:3]
        tool.arguments["countries"] = places
    turn.results.append(routing)
    state = turn.thread.state  # "why?" next: the same ranking with its reasons
    state.pending, state.choices, state.last_intent = None, [], "route_lead"
    state.last_arguments = {"lead_id": routing.lead_id}
    if not routing.partners:
        return _say("route_none", turn.lang, lead=original), tool
    facts = _fit_facts(turn, routing.lead_id)
    company = next((x.company for x in list_leads(turn.ctx, turn.scope).leads if x.lead_id == routing.lead_id), "")
    label = f"{routing.lead_id} ({company})" if company else original
    lines = [_say("route_head", turn.lang, lead=label)]
    for i, p in enumerate(routing.partners, 1):
        reasons = "; ".join(p.reasons[:3])
        if why:
            reasons = "; ".join(x for x in (reasons, facts(p.partner_id)) if x)
        why_text = reasons or facts(p.partner_id) or _say("route_no_signal", turn.lang)
        lines.append(_say("route_line", turn.lang, i=i, name=p.name, id=p.partner_id, score=f"{p.score:.2f}", why=why_text)
                     + (_say("route_but", turn.lang, conflicts="; ".join(p.conflicts)) if p.conflicts else ""))
    if routing.excluded:
        lines.append(_say("route_left_out", turn.lang, ids=", ".join(routing.excluded)))
    return "\n".join(lines), tool


def _admin_only(turn: Turn, found: re.Match) -> tuple[str, ToolUse]:
    """An admin's command asked in chat: refused for other roles, pointed to the CLI for an admin (the
    assistant never issues keys or loads data itself)."""
    asked = found.group(0).lower()
    capability, command = next(((cap, cmd) for word, cap, cmd in _ADMIN_WHAT if word in asked),
                               ("users_key", "cosell users key USER_ID"))
    tool = ToolUse(name=capability)
    if not turn.scope.can(capability):
        return forbidden_message(turn.scope, Forbidden(f"user '{turn.scope.user_id}' ({turn.scope.role}) may not "
                                                       f"{CAPABILITY_WORDS[capability]}"), lang=turn.lang), tool
    return _say("admin_cli", turn.lang, command=command), tool
