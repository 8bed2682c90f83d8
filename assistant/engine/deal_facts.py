"""Follow-ups about the deals of the last answer, answered from their records: "how many days left?", "what
stage is it in?", "when does it close?", "how much is the second one?", "the biggest one?", "which of those is
past its close date?", "how many days past?", and "and what is left of it?" after a partner's figures.

The deals are the ones the last answer listed (`ThreadState.choices`), else the deal it was about; an
ordinal ("the second one", "2つ目") or a name picks one of them, "the biggest" the largest, "past its close
date" those whose close date has gone by. The facts come from `partner_profile` (the asker's scope: the same
protection rule and the same visibility as "list my registrations"), and are worded in the asker's language.
Cue words in English, German, French, Spanish, Portuguese and Japanese: the job's vocabulary, no names.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from assistant.engine import router
from assistant.engine.intent_cues import normalise, profile_topics
from assistant.engine.messages import say
from assistant.engine.turn import Turn
from tools.partner_profile.service import DealOut, ProfileResult

MAX_WORDS = 10  # a follow-up is short: a longer question is planned as a question of its own
MAX_WORDS_NAMED = 16  # a question that names its deal may say more ("<account> - who registered it, what role?")
MAX_DEALS = 5  # a question that names an account: the facts of up to five of its deals
# Facts a question of its own may ask of the deal it names (stage and amount alone stay with next best actions)
_FRESH_FACTS = {"days_left", "days_past", "close", "last_activity"}

_DAYS_PAST = re.compile(r"\b(days? (past|over|overdue|late|behind)|how (many days|long) (past|over|overdue|late)|"
                        r"dépassée? de combien|combien de jours (de retard|de dépassement)|seit wie vielen tagen "
                        r"(überfällig|überschritten|drüber)|um wie viele tage|por cu[aá]ntos d[ií]as|por quantos dias|"
                        r"überfällig\w*|en retard|de retraso|atrasad\w*|vencid\w*)\b|何日(過ぎ|超過|遅れ)")
_PAST_CLOSE = re.compile(r"\b(past|passed|missed|overdue|over|beyond) (its |the |their )?(close|closing)|\boverdue\b|"
                         r"dépassé\w*.{0,25}(clôture|date)|(abschluss\w*|datum).{0,25}(überschritten|vorbei|verpasst)|"
                         r"überschritten|(pasad|vencid|superad)\w*.{0,25}(cierre|fecha)|(cierre|fecha).{0,25}"
                         r"(pasad|vencid|superad)\w*|(passou|ultrapass|vencid)\w*.{0,25}(fechamento|data)|"
                         r"クローズ(予定)?日を(過ぎ|超え)|期限を過ぎ")
_DAYS_LEFT = re.compile(r"\b(how many days|days left|days remaining|how long (until|till|before|is) (it|that|this)?\s*"
                        r"(expires?|runs out|lapses|still protected|protected)|wie ?viele tage|tage noch|noch \w* ?tage|"
                        r"wie lange noch|wie (viele?|vü|vui|vüle) tag\w*|tag\w* (hat|haben) (er|sie|die|der|es|des) (noch|no)\b|combien de jours|jours restants|il reste combien|cuántos días|cuantos dias|"
                        r"días (quedan|faltan|restantes)|cuánto falta|quantos dias|dias (faltam|restam)|quanto falta|how long'?s? (is )?left|how much time (is )?left|time left)\b|"
                        r"あと何日|残り何日|何日")
# "is it registered to us?", "¿y el registro sigue vigente?", "still protected?": its registration's state
_REG_STATE = re.compile(r"\b(register(ed)? (to|by|for|with) (us|me)|(is|was) (it|this|that|the deal) (still )?register(ed)?|"
                        r"register(ed)? or not|still (valid|protected|active|register(ed)?)|"
                        r"(registriert|angemeldet)\b.{0,15}\b(uns|mich)|noch (gültig|geschützt|aktiv)|"
                        r"enregistrée? (à|pour|par) nous|toujours (valable|valide|protégée?|active)|"
                        r"registrad[oa] (a|para|por) nosotros|sigue (vigente|válid[oa]|activ[oa]|protegid[oa])|"
                        r"registrad[oa] (para|por) nós|ainda (válid[oa]|vigente|ativ[oa]|protegid[oa])|"
                        r"(is|was) (it|this|that|the deal) protected|(est|sera)(-| )?(il|elle|ce) (bien |toujours |encore )?"
                        r"protégée?|il est (bien |toujours |encore )?protégée?|(ist|wäre) (er|sie|es|der deal) (noch )?"
                        r"geschützt|(está|esta) protegid[oa]|(é|e) protegid[oa]|protected by (a|the|our) registration)\b|\b(is|ist|est|está|esta|tá|é|are|sind|was|war|were)\b.{0,60}\b(register(ed)?|registriert|"
                        r"enregistrée?s?|registrad[oa]s?)\s*[?？]*\s*$|"
                        r"\b(regs?|registrations?|registrierung|enregistrement|registro)\W{1,4}(still|noch|encore|todavía|aún|"
                        r"ainda) (good|ok|okay|fine|alive|live|valid|in place)\b|"
                        # "does the registration still protect us?", "¿todavía nos protege?", "schützt sie uns noch?"
                        r"\b(protects? (us|me)|protecting (us|me)|nos protegen?|nous protège\w*|me protège\w*|"
                        r"schützt (uns|mich|sie uns|er uns|es uns)|(ainda )?nos protege)\b|"
                        r"登録(されて|済み)|まだ有効")
# "how long since anyone touched it?", "last activity?": the deal's last logged activity
_LAST_ACTIVITY = re.compile(r"\b(last (activity|touch\w*|contact|update\w*)|since (anyone|someone|we|somebody) "
                            r"(touched|worked|updated|looked)|(touched|updated) (it|this|that)|letzte\w* (aktivität|kontakt)|"
                            r"dernière (activité|action)|última (actividad|atividade)|how long (has it been |have they been )?"
                            r"(quiet|idle|stalled|stuck|inactive)|(quiet|idle|stalled) (for )?how long|(days?|long) (has|have|it's|they've)( \w+){0,3} been "
                            r"(quiet|idle|stalled|stuck|inactive)|"
                            r"wie lange (schon )?(ruhig|still|inaktiv|ohne aktivität)|depuis (combien de temps|quand) .{0,20}"
                            r"(sans activité|bloqué\w*|inactif\w*)|cuánto tiempo (lleva|sin)|há quanto tempo (está )?"
                            r"(parad[oa]|sem atividade))\b|最終(活動|更新)|最後の(活動|更新)|動きがない|動いていない|動きのない|放置")
# "which one has gone quiet?", "welcher ist eingeschlafen?", "lequel est au point mort ?", "¿cuál está parado?": of the
# deals listed, the one with the oldest activity
_QUIETEST = re.compile(r"\b(which|what|welche[rsn]?|lequel|laquelle|quel\w*|cuál|cual|qual|quais)\b.{0,25}\b(quiet\w*|idle|"
                       r"stall\w*|stuck|dormant|inactive|gone cold|cold|ruhig\w*|eingeschlafen|inaktiv\w*|stillstand|"
                       r"point mort|calme|inacti\w*|bloqué\w*|parad[oa]s?|estancad[oa]s?|fr[ií][oa]s?|sin movimiento|"
                       r"sem movimento)\b|(どれ|どの案件).{0,10}(止まって|動きがない|動いていない|放置)")
# "und bis wann wär sie dann geschützt?", "and until when would it be protected then?" after an extension's answer:
# that answer again (it holds the date the extension would run to)
_PROTECTED_UNTIL = re.compile(r"\b(until when|till when|how long|bis wann|wie lange|jusqu'à quand|hasta cuándo|até quando)\b.{0,40}"
                              r"(protect|geschützt|schutz|protég|proteg|proteç)|(いつまで).{0,10}保護|保護.{0,10}いつまで")
# "and the one that already lapsed?", "und die abgelaufene?", "¿y la que ya venció?": of the registrations listed, those
# whose protection has ended
_LAPSED = re.compile(r"\b(lapsed|expired|ran out|run out|ended|abgelaufen\w*|ausgelaufen\w*|verfallen\w*|expirée?s?|"
                     r"échue?s?|vencid[oa]s?|venció|vencieron|caducad[oa]s?|caducó|expirad[oa]s?|expirou|venceu)\b|"
                     r"(期限|保護)(が|の)?切れた|失効した")
# "when exactly does it run out?", "und wann genau läuft die ab?", "elle expire quand ?": the protection's end date
_WHEN_ENDS = re.compile(r"\b(when|wann|quand|cuándo|cuando|quando)\b.{0,30}(\b(expir\w*|runs? out|lapses?|ends?|"
                        r"abläuft|ausläuft|endet|vence\w*|caduca\w*|termina\w*|acaba\w*|finit|expire\w*)\b|"
                        r"\bläuft\b.{0,20}\b(ab|aus)\b)|\b(expir\w*|vence\w*|caduca\w*|termina\w*|endet|läuft \w+ ab)"
                        r"\b.{0,15}\b(when|wann|quand|cuándo|quando)\b|いつ(切れ|まで|終わ|失効)")
# "bramble reg status?", "statut de l'enregistrement": the registration's state, not the deal's stage
_REG_STATUS = re.compile(r"\b(regs?|registrations?|registrierung|enregistrement|registro)\b.{0,12}\b(status|state|"
                         r"stand|statut|estado)\b|\b(status|statut|estado|stand) (of |de |do |der )?(the |l'|la |el |o )?"
                         r"(regs?|registration|registrierung|enregistrement|registro)\b|登録(状況|ステータス)")
_STAGE = re.compile(r"\b(stage|phase|étape|stade|etapa|estágio|estagio|fase|status|statut|estado)\b|段階|ステージ|"
                    r"フェーズ|ステータス")
_CLOSE = re.compile(r"\b(close date|closing date|when (does|will|do) (it|that|this|they)?\s*close|closes? when|"
                    r"when\W*s? (it|that|this|they)?\s*(meant|supposed|expected|due|going|planned) to close|"
                    r"when (is|are|was|were) (it|that|this|they|the deal) (meant|supposed|expected|due|going|planned|set) "
                    r"to close|"
                    # "when is <account> expected to close?", "¿cuándo se espera que cierre <account>?"
                    r"when (is|are|will|does|do|should) .{1,50}?(meant|supposed|expected|due|going|planned|set|likely|"
                    r"slated|forecast) to (close|sign|land)|expected (close|closing)|"
                    r"cu[aá]ndo .{0,40}(cierr\w*|firm\w*)|quando .{0,40}(fech\w*|assin\w*)|"
                    r"(ferme|clôture|cierra|fecha|schließt)\w* quand[oa]?|cuando (cierra|se cierra)|"
                    r"abschlussdatum|wann .{0,20}(abschluss|schließt|closed?)|date de clôture|quand .{0,25}"
                    r"(ferme|clôtur|signe|close)|fecha de cierre|cu[aá]ndo (cierra|se cierra)|quando (fecha|fecham)|"
                    r"data de fechamento|date de closing|closing date|wann .{0,40}(zu ?gehen|zua ?gehn|zugehn|zumachen|"
                    r"unterschrieben|unterschreib\w*|gewonnen|abgeschlossen))\b|クローズ(予定)?日|いつクローズ|受注予定日")
_AMOUNT = re.compile(r"\b(amount|how much|worth|value|size|betrag|wert|wie ?viel|montant|combien|valeur|monto|"
                     r"importe|cuánto|cuanto|valor|quanto)\b|金額|いくら|規模")
_BIGGEST = re.compile(r"\b(biggest|largest|most valuable|highest|größte\w*|grösste\w*|plus gros\w*|plus grand\w*|"
                      r"plus important\w*|más grande|mayor|maior)\b|(一番|最も).{0,6}(大き|高い)|最大")
_CLOSE_WORD = re.compile(r"\b(close|closes|closing|clôtur\w*|ferme\w*|cierr[ae]\w*|fecha|fecham\w*|abschluss\w*|"
                         r"schließt)\b|クローズ")
_REG_WORD = re.compile(r"regist|enregistr|protect|protég|protecci|proteç|schutz|geschützt|登録|保護")
# "can I extend it?", "kann ich die verlängern lassen?": the registration's extension, decided by the programme's
# rule on this deal's stage, last activity and protection end (the rule comes from the content, never from here)
EXTEND = _EXTEND = re.compile(r"\b(extend\w*|extension|verlänger\w*|prolong\w*|prolongation|extender|extensión|prórroga|"
                     r"prorrog\w*|estender|extensão|more time|mehr zeit|plus de temps|más tiempo|mais tempo)\b|延長")
# "what happens to the deal now?" after a registration's protection: the programme's rule for an expired one
_WHAT_NOW = re.compile(r"\bwhat happens (now|next|then|to (it|the deal|that deal|the opportunity|the opp|my deal))\b|"
                       r"\bwhat now\b|\bwas passiert (jetzt|nun|dann|damit|mit dem deal)\b|"
                       r"\bque se passe-t-il (maintenant|ensuite|pour l'affaire)|\bqu'est-ce qui se passe maintenant\b|"
                       r"\bqué pasa (ahora|con el deal|con la oportunidad)\b|\bo que acontece (agora|com o negócio)\b|"
                       r"(この後|これから)どうなり")
EXPIRY_QUERY = "what happens when a registration lapses?"
EXTENSION_FACTS = ["stage", "last_activity", "days_left"]
EXTENSION_QUERY = "extension of a deal registration's protection period: conditions"
# "and what is left of it?" after MDF or tier figures: the same figures again (they hold what is left)
_LEFT = re.compile(r"\b(left|remaining|remain|übrig|verbleib\w*|reste|restant\w*|queda\w*|sobra\w*|resta\w*|falta\w*|"
                   r"missing|short|fehlt|fehlen|manque\w*|allocat\w*|allotted|zugeteilt|zugewiesen|alloué\w*|attribué\w*|"
                   r"asignad\w*|alocad\w*|atribuíd\w*|spent|spend|spending|ausgegeben|dépensé\w*|gastad\w*|gastamos)"
                   r"\b|残り|残高|足りない|不足|割り当て|割当|配分|使っ|消化")


def asks_left(question: str) -> bool:
    """ "what is left?", "how much did we get allocated?", "was haben wir ausgegeben?": figures of a budget."""
    return bool(_LEFT.search(normalise(question)))


def words(question: str) -> int:
    """How many words a question has (French "Norte Salud ?" spaces its question mark: no word)."""
    return sum(1 for w in question.split() if any(c.isalnum() for c in w))


# "list our open deals, biggest first", "nach Betrag sortiert", "金額の大きい順に": every deal, in that order
_BY_SIZE = re.compile(r"\b(biggest|largest|highest|most valuable|größte\w*|grösste\w*|plus gros\w*|plus grand\w*|"
                      r"más grande\w*|mayor\w*|maior\w*)\s+(first|zuerst|d'abord|en premier|primero|primeiro)\b|"
                      r"\b(by|nach|par|por)\s+(size|amount|value|deal size|größe|betrag|wert|volumen|montant|taille|"
                      r"valeur|monto|importe|tamaño|valor)\b|\b(sort\w*|order\w*|rank\w*|sortiert|triée?s?|ordenad[oa]s?|"
                      r"classé\w*)\b.{0,20}\b(size|amount|value|größe|betrag|wert|montant|taille|valeur|monto|tamaño|"
                      r"valor)\b|\bde mayor a menor\b|\bdo maior para o menor\b|\bdu plus gros au plus petit\b|"
                      r"(金額|規模)(の)?(大きい|高い)?順|大きい順")


def asks_biggest(question: str) -> bool:
    """ "our biggest open deal?", "unser größter Deal?": the largest one, not the list."""
    return bool(_BIGGEST.search(normalise(question))) and not asks_by_size(question)


def asks_by_size(question: str) -> bool:
    """ "list our open deals, biggest first": every deal, the largest first."""
    return bool(_BY_SIZE.search(normalise(question)))


def facts_asked(question: str) -> list[str]:
    """The facts a follow-up asks for, in the order they are given: days_past, days_left, stage, close,
    amount ("past_close" and "biggest" choose deals and add their fact)."""
    text = normalise(question)
    facts = []
    if _DAYS_PAST.search(text) or _PAST_CLOSE.search(text):
        facts.append("days_past")
    elif _DAYS_LEFT.search(text) and _CLOSE_WORD.search(text) and not _REG_WORD.search(text):
        facts.append("days_past")  # "how many days till it's supposed to close?": the close date, counted
    elif (_DAYS_LEFT.search(text) and not (_LAST_ACTIVITY.search(text) and not _REG_WORD.search(text))) or \
            _REG_STATE.search(text) or _REG_STATUS.search(text) or _LAPSED.search(text) or (
            _WHEN_ENDS.search(text) and not _CLOSE_WORD.search(text)):  # "how many days has it been quiet?" counts the quiet days, not protection
        facts.append("days_left")
    if _LAST_ACTIVITY.search(text) or _QUIETEST.search(text):
        facts.append("last_activity")
    if _STAGE.search(text) and not (_REG_STATUS.search(text) and len(_STAGE.findall(text)) == 1):
        facts.append("stage")
    if _CLOSE.search(text) and "days_past" not in facts:
        facts.append("close")
    if (_AMOUNT.search(text) or _BIGGEST.search(text)) and not ({"days_left", "days_past"} & set(facts)):
        facts.append("amount")
    return facts


def plan_deal_followup(turn: Turn, deal_ids: Callable[[str], list[str]], make: Callable[..., Any]) -> Any | None:
    """A plan (built with `make(intent, arguments=...)`) for a follow-up about the deals of the last answer,
    or None. `deal_ids(question)`: the deals the question names, if any (the resolver's)."""
    state = turn.thread.state
    question = turn.question
    if state.pending or words(question) > MAX_WORDS_NAMED:
        return None
    extension = _EXTEND.search(normalise(question)) and state.choice_slot == "opportunity_id" and \
        len(state.choices) == 1  # "if I grant the 30-day extension, what's the new end date?" after one deal listed
    if words(question) > MAX_WORDS and not (turn.scope.is_partner and deal_ids(question)) and not extension:
        return None
    if state.last_intent == "profile" and state.last_arguments.get("topic") in ("mdf", "tier") and \
            _LEFT.search(normalise(question)) and not profile_topics(question) and words(question) <= 6:
        return make("profile", arguments=dict(state.last_arguments))  # "und was ist davon übrig?"
    facts = facts_asked(question)
    context = [c.id for c in state.choices] if state.choice_slot == "opportunity_id" else []
    last = state.last_arguments.get("opportunity_id") or state.last_arguments.get("about")  # a rule looked up for it
    if last and (not context or last in context):
        context = [last]  # the deal the last answer was about, of those it listed
    if _EXTEND.search(normalise(question)) and not set(profile_topics(question)) - {"registrations", "deals"} and \
            not re.search(r"(?<![a-z])mdf(?![a-z])", normalise(question)):
        named = [d for d in deal_ids(question)][:1]
        if named or len(context) == 1:  # "can I extend it?": the facts the rule decides on, with the rule
            deal = named[0] if named else context[0]
            return make("deal_facts", arguments={"deals": [deal], "facts": EXTENSION_FACTS, "pick": "",
                                                 "opportunity_id": deal, "rule": EXTENSION_QUERY})
        if context and turn.scope.is_partner:  # "can I extend it?" after several registrations: those still running
            return make("deal_facts", arguments={"deals": context[:MAX_DEALS], "facts": EXTENSION_FACTS,
                                                 "pick": "running", "rule": EXTENSION_QUERY})
    if state.last_arguments.get("rule") == EXTENSION_QUERY and len(context) == 1 and \
            _PROTECTED_UNTIL.search(normalise(question)) and not deal_ids(question):
        return make("deal_facts", arguments=dict(state.last_arguments))  # "and until when then?": the extension's end
    about_registration = state.last_arguments.get("topic") == "registrations" or \
        "days_left" in (state.last_arguments.get("facts") or [])
    if _WHAT_NOW.search(normalise(question)) and len(context) == 1 and about_registration:
        return make("search", arguments={"query": EXPIRY_QUERY, "about": context[0]})
    if not facts or set(profile_topics(question)) - {"registrations", "deals"}:
        return None  # "how much MDF have we left?" is a question of its own
    named_now = deal_ids(question) if turn.scope.is_partner and set(facts) & _FRESH_FACTS else []
    if named_now and not set(named_now) & set(context):  # "<account> - registered to us or not?", "<account> ça
        context = named_now[:MAX_DEALS]  # ferme quand ?", "and <other account>, how long's left on that?"
    elif words(question) > MAX_WORDS:
        return None
    if not context:
        return None
    named = [d for d in deal_ids(question) if d in context]
    if named:
        chosen = named[:1]
    else:
        index = router.choice_index(question, len(context))
        chosen = [context[index]] if index is not None else list(context)
    text = normalise(question)
    pick = "biggest" if _BIGGEST.search(text) else ("past_close" if _PAST_CLOSE.search(text) else (
        "quietest" if _QUIETEST.search(text) and len(chosen) > 1 else (
            "lapsed" if _LAPSED.search(text) and len(chosen) > 1 else "")))
    return make("deal_facts", arguments={"deals": chosen, "facts": facts, "pick": pick,
                                         **({"opportunity_id": chosen[0]} if len(chosen) == 1 else {})})


def deal_facts(turn: Turn, deals: list[str], facts: list[str], pick: str = "") -> list[DealOut]:
    """The deals' records (through `partner_profile`, in the asker's scope), narrowed by `pick`."""
    found: list[DealOut] = []
    for deal in deals:
        profile = turn.call("partner_profile", {"topic": "registrations", "opportunity_id": deal}, ProfileResult)
        found += profile.deals[:1]
    today = turn.ctx.today()
    if pick == "biggest" and found:
        found = [max(found, key=lambda d: d.amount or 0)]
    elif pick == "quietest" and found:  # the oldest last activity; none logged is the quietest
        found = [min(found, key=lambda d: d.last_activity_on or dt.date.min)]
    elif pick == "past_close":
        found = [d for d in found if d.close_date and d.close_date < today]
    elif pick == "lapsed":  # "and the one that already lapsed?": those whose protection has ended
        found = [d for d in found if d.registered_by_partner and d.days_left is not None and d.days_left < 0]
    elif facts == ["days_left"] or pick == "running":  # "how many days left?", "can I extend it?": the
        #   registrations still running, when some are
        running = [d for d in found if d.days_left is not None and d.days_left >= 0]
        found = running or found
    return found


def facts_answer(found: list[DealOut], facts: list[str], pick: str, label: Callable[[str], str], today: Any,
                 lang: str) -> str:
    """One line per deal with the facts asked, in `lang`."""
    if not found:
        return say("facts_none_past_close" if pick == "past_close" else "facts_none", lang)
    lines = []
    for d in found:
        parts = []
        for fact in facts:
            if fact == "days_left":
                parts.append(_protection(d, lang))
            elif fact == "days_past":
                parts.append(_past(d, today, lang))
            elif fact == "stage":
                parts.append(say("fact_stage", lang, stage=d.stage.replace("_", " ")))
            elif fact == "close":
                parts.append(say("fact_close", lang, close=d.close_date or "?"))
            elif fact == "last_activity":
                parts.append(say("fact_last_activity", lang, date=d.last_activity_on,
                                 days=(today - d.last_activity_on).days) if d.last_activity_on
                             else say("fact_no_activity", lang))
            elif fact == "amount":
                parts.append(say("fact_amount", lang, amount=f"{d.amount or 0:,.0f} {d.currency or 'USD'}"))
        lines.append(f"- {label(d.opportunity_id)}: " + "; ".join(parts))
    return "\n".join(lines)


def _protection(d: DealOut, lang: str) -> str:
    if d.registered_elsewhere:
        return say("fact_reg_other", lang)
    if d.days_left is None or not d.registered_by_partner:
        return say("fact_not_registered", lang)
    if d.days_left >= 0:
        return say("fact_days_left", lang, ends=d.protection_ends, days=d.days_left)
    return say("fact_expired", lang, ends=d.protection_ends, days=-d.days_left)


def _past(d: DealOut, today: Any, lang: str) -> str:
    if d.close_date and d.close_date < today:
        return say("fact_close_past", lang, close=d.close_date, days=(today - d.close_date).days)
    if d.close_date:
        return say("fact_close_ahead", lang, close=d.close_date, days=(d.close_date - today).days)
    return say("fact_close", lang, close="?")
