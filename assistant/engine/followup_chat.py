"""Follow-ups about the partner of the conversation, for the vendor's own people: after a deal ("what's the
story with Globex?") "who's the partner on it?" and "what should we do with them?"; after a partner
shortlist ("who should we bring into the Initech deal?") "why the first one?" and "how many accounts do we
share with them?".

"Them" is the partner the conversation is about: the partner of the last answer, else the deal's partner
(its registering partner, else the engaged one), else the shortlisted partner last looked at. Cue words in
English, German, French, Spanish, Portuguese and Japanese. `plan_followup` returns None for anything else;
the engine then plans the question as usual. `deal_partner_answer` words who is on a deal, for this
follow-up and for a question naming the deal ("who's the partner on the <customer> deal?").
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from assistant.core.errors import CosellError
from assistant.engine import router
from assistant.engine.threads import ThreadState
from assistant.engine.turn import Turn
from tools.locales import Catalogue
from tools.partner_match.service import match_partners

_I = re.IGNORECASE
# the partner of the conversation: "them", "they", "this partner", "that SI"
THEM = re.compile(r"\b(them|they|this partner|that partner|ihnen|denen|diesem partner|dem partner|eux|"
                  r"ce partenaire|ellos|ellas|ese socio|este socio|eles|elas|esse parceiro|este parceiro)\b|"
                  r"そのパートナー|このパートナー|彼ら", _I)
# "what happens to them if they're still below?", "was passiert, wenn ...?": the programme's rule for such a case
WHAT_IF = re.compile(r"\bwhat (happens|will happen|would happen)\b|\bwas passiert\b|\bque se passe-t-il\b|"
                     r"\bqu'arrive-t-il\b|\bqué (pasa|sucede|ocurre)\b|\bo que acontece\b|どうなる", _I)
# "who's the partner on it?", "which partner is on that deal?"
WHO_PARTNER = re.compile(r"\b(who|which partner|what partner|wer|welcher partner|qui|quel partenaire|quién|qué socio|"
                         r"quem|qual parceiro)\b.{0,30}\b(partner|partenaire|socio|parceiro)\b|"
                         r"\b(partner|partenaire|socio|parceiro)\b.{0,20}\b(on|in|for|of|auf|dans|sur|en|em|no|na)\b"
                         r".{0,10}\b(it|that|this|es|ihm|dem|celui|ce|eso|ele|ela|nele|nela)\b|パートナーは(誰|どこ)", _I)
# "who's the seller on that one?", "¿quién es el vendedor?", "wer ist der Verkäufer?", "担当営業は？": the people
# of the deal's partner
WHO_SELLER = re.compile(r"\b(who|who's|wer|qui|quién|quem)\b.{0,25}\b(sellers?|reps?|vendedor\w*|verkäufer\w*|"
                        r"vendeur\w*)\b|(営業担当|担当営業|担当者)(は|って)?(誰|だれ)?", _I)
# "why the first one?", "why #2?", "warum der erste?"
WHY = re.compile(r"^\W*(why|how come|warum|wieso|pourquoi|por ?qu[eé]|por que)\b(?P<rest>.*)$|^(?P<jrest>.+?)(は|が)?なぜ|"
                 r"^\W*(?:(?:and |und |et |y |e )?(?:the )?(?:reasons?|gründe?|raisons?|razón|razones|razão|razões|motivo)"
                 r"\b|(?:その|この)?理由)(?P<rest2>.*)$", _I)


def plan_followup(turn: Turn, make: Callable[..., Any]) -> Any | None:
    """A plan (built with `make(intent, arguments=..., reply=..., start=...)`) for a follow-up about the
    conversation's partner, or None. Only for roles that may rank partners (the vendor's own people)."""
    state = turn.thread.state
    if turn.scope.is_partner or not state.last_intent:
        return None
    question = turn.question
    last = state.last_arguments
    if state.last_intent == "match" and last.get("opportunity_id"):
        why = WHY.match(question.strip())
        if why:
            rest = next((why.group(g) for g in ("rest", "jrest", "rest2") if why.group(g) is not None), "")
            rest = re.sub(r"^\W*(は|を|について)?", "", rest)
            index = router.choice_index(rest or "", 100)
            if index is None and last.get("partner_id") and not (rest or "").strip(" ?!.。？"):
                return make("match", arguments={**last, "why": True})  # "why?" after one partner's place
            if index is None and (THEM.search(rest or "") or not (rest or "").strip(" ?!.。？")):
                index = max(state.shown - 5, 0)  # "why them?": the shortlisted partner last looked at
            if index is not None:  # "why the first one?": that partner with its reasons
                return make("match", arguments=dict(last), start=index)
    deal = last.get("opportunity_id") or _only_deal_listed(state)
    if deal and WHO_SELLER.search(question) and not THEM.search(question):  # "who's the seller on that one?"
        return make("deal_partner", arguments={"opportunity_id": deal, "sellers": True})
    if deal and WHO_PARTNER.search(question) and not THEM.search(question):
        return make("deal_partner", arguments={"opportunity_id": deal})  # `deal_partner_answer`
    if THEM.search(question) and not (WHAT_IF.search(question) or router.asks_rule(question)):
        partner_id = _partner_of(turn, state)
        if partner_id:
            intent = router.choose_intent(question, {"partner"})
            if intent in ("map", "nba"):
                return make(intent, arguments={"partner_id": partner_id})
    return None


def _only_deal_listed(state: ThreadState) -> str | None:
    """The deal the last answer listed when it listed exactly one ("1 registration expires soon: ...")."""
    if state.choice_slot == "opportunity_id" and len(state.choices) == 1:
        return state.choices[0].id
    return None


def _partner_of(turn: Turn, state: ThreadState) -> str | None:
    last = state.last_arguments
    if last.get("partner_id"):
        return last["partner_id"]
    deal = last.get("opportunity_id")
    if not deal and state.choice_slot == "partner_id" and state.choices:
        return state.choices[0].id  # "what should I do with them?" after partners listed: the first one
    if not deal:
        return None
    if state.last_intent == "match":  # the shortlisted partner last looked at
        try:
            ranked = match_partners(turn.ctx, turn.scope, deal, top=max(state.shown, 1)).partners
        except CosellError:
            return None
        focus = max(state.shown - 5, 0)
        return ranked[focus].partner_id if len(ranked) > focus else None
    try:
        with turn.ctx.records(turn.scope) as rec:
            opp = rec.opportunity(deal)
            return opp.registered_by or opp.partner_id
    except CosellError:
        return None


_deal_partner_say = Catalogue({  # key -> (en, de, fr, es, pt, ja)
    "on": ("The partner on {deal} is {partner} ({role}).", "Partner bei {deal} ist {partner} ({role}).",
           "Le partenaire sur {deal} est {partner} ({role}).", "El socio en {deal} es {partner} ({role}).",
           "O parceiro em {deal} é {partner} ({role}).", "{deal} のパートナーは {partner}（{role}）です。"),
    "registered": (" Registered by {partner}.", " Registriert von {partner}.", " Enregistrée par {partner}.",
                   " Registrada por {partner}.", " Registrado por {partner}.", " 登録パートナー: {partner}。"),
    "other": ("another partner", "ein anderer Partner", "un autre partenaire", "otro socio", "outro parceiro",
              "別のパートナー"),
    "sellers": (" Its sellers: {users}.", " Seine Verkäufer: {users}.", " Ses vendeurs : {users}.",
                " Sus vendedores: {users}.", " Seus vendedores: {users}.", " 担当営業: {users}。"),
    "no_sellers": (" None of its sellers uses the copilot.", " Keiner seiner Verkäufer nutzt den Copilot.",
                   " Aucun de ses vendeurs n'utilise le copilot.", " Ninguno de sus vendedores usa el copilot.",
                   " Nenhum de seus vendedores usa o copilot.", " 担当営業は copilot を利用していません。"),
    "none": ("{deal} has no partner yet.", "{deal} hat noch keinen Partner.", "{deal} n'a pas encore de partenaire.",
             "{deal} aún no tiene socio.", "{deal} ainda não tem parceiro.", "{deal} にはまだパートナーがいません。"),
})


def deal_partner_answer(deal: str, partner_id: str | None, role: str | None, registered_by: str | None,
                        partner_names: dict[str, str], lang: str = "en", sellers: list[str] | None = None) -> str:
    """Who is on a deal: its partner of record and role, and who registered it when that is another."""
    def name(pid: str) -> str:  # a partner the asker may not see is never named (nor its id shown)
        return f"{partner_names[pid]} ({pid})" if pid in partner_names else _deal_partner_say("other", lang)

    if not partner_id and not registered_by:
        return _deal_partner_say("none", lang, deal=deal)
    text = _deal_partner_say("on", lang, deal=deal, partner=name(partner_id or registered_by or ""),
                             role=role or "registered")
    if registered_by and registered_by != partner_id:
        text += _deal_partner_say("registered", lang, partner=name(registered_by))
    if sellers is not None:  # "who's the seller on it?": the partner's people
        text += _deal_partner_say("sellers", lang, users=", ".join(sellers)) if sellers else \
            _deal_partner_say("no_sellers", lang)
    return text
