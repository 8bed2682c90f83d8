"""Which campaign kits suit a partner, in chat: "what can I send Alpine IT?", "which kits fit P-009?",
"welches Kit passt zu Rheinland?", "quel kit pour Orion ?", "¿qué kit le sirve a Lisboa Cloud?",
"que kit posso mandar pra Paulista?", "Sakura Systems に使えるキットは？". Answered from
`tools.content_drafts.service.kits_for_partner` (the kits on the partner's products, best fit first, with the
locales in the partner's languages), in the asker's language; a question naming no partner goes on to the
usual routing.
"""
from __future__ import annotations

import re

from assistant.engine.draft_options import kit_named
from assistant.engine.messages import say
from assistant.engine.resolver import Resolver
from assistant.engine.turn import ToolUse, Turn
from tools.content_drafts.service import kits_for_partner
from tools.locales import Catalogue

KITS_FOR_RE = re.compile(
    r"\bwhat (?:can|could|should) (?:i|we) (?:send|give|offer|use (?:with|for))\b|"
    r"\bwhich (?:campaign )?kits?\b.{0,30}\b(?:fits?|suits?|for|work|good)\b|"
    r"\b(?:campaign )?kits?\b.{0,20}\b(?:fit|fits|suit|suits)\b|"
    r"\bwelche[sn]? (?:kampagnen-?)?kits?\b.{0,30}\b(?:passt|passen|für)\b|\bwas (?:kann|können) (?:ich|wir)\b.{0,30}"
    r"\b(?:schicken|senden|geben|anbieten)\b|"
    r"\bquels? kits?\b.{0,30}\b(?:pour|convien\w*)\b|\bque (?:puis|peut)-(?:je|on) envoyer\b|"
    r"\bqu[eé] kits?\b.{0,30}\b(?:para|sirve\w*|le sirve)\b|\bqu[eé] (?:le )?puedo (?:enviar|mandar)\b|"
    r"\bque kits?\b.{0,30}\b(?:para|serve\w*)\b|\bo que (?:posso|podemos) (?:enviar|mandar)\b|"
    r"\bque (?:posso|podemos) (?:enviar|mandar)\b|"
    r"(?:に|へ|向けに?)(?:使える|送れる|合う|おすすめの?)キット|キット.{0,10}(?:合う|使える|おすすめ)",
    re.IGNORECASE)

_say = Catalogue({
    "head": ("Campaign kits {partner} can co-brand, best fit first:",
             "Kampagnen-Kits, die {partner} co-branden kann, beste Passung zuerst:",
             "Kits de campagne que {partner} peut co-brander, le plus adapté d'abord :",
             "Kits de campaña que {partner} puede co-marcar, el más adecuado primero:",
             "Kits de campanha que {partner} pode co-brandear, o mais adequado primeiro:",
             "{partner} が共同ブランドで使えるキャンペーンキット（適合度順）:"),
    "line": ("{i}. {name} [{kit}]: {products}{industries}; in the partner's languages: {locales}",
             "{i}. {name} [{kit}]: {products}{industries}; in den Sprachen des Partners: {locales}",
             "{i}. {name} [{kit}] : {products}{industries} ; dans les langues du partenaire : {locales}",
             "{i}. {name} [{kit}]: {products}{industries}; en los idiomas del socio: {locales}",
             "{i}. {name} [{kit}]: {products}{industries}; nos idiomas do parceiro: {locales}",
             "{i}. {name} [{kit}]: {products}{industries}／パートナーの言語: {locales}"),
    "industries": (" for {names}", " für {names}", " pour {names}", " para {names}", " para {names}",
                   "（{names}）"),
    "none_lang": ("none (the kit has {all})", "keine (das Kit hat {all})", "aucune (le kit a {all})",
                  "ninguno (el kit tiene {all})", "nenhum (o kit tem {all})", "なし（キットは {all}）"),
    "nothing": ("No campaign kit is on a product {partner} is authorised for; the kits: {kits}.",
                "Kein Kampagnen-Kit betrifft ein Produkt, für das {partner} autorisiert ist; die Kits: {kits}.",
                "Aucun kit de campagne ne porte sur un produit pour lequel {partner} est autorisé ; les kits : {kits}.",
                "Ningún kit de campaña trata un producto para el que {partner} esté autorizado; los kits: {kits}.",
                "Nenhum kit de campanha é de um produto para o qual {partner} esteja autorizado; os kits: {kits}.",
                "{partner} が認定された製品のキャンペーンキットはありません。キット: {kits}。"),
    "next": ("Draft one: \"draft the {kit} email for {partner}\" (or social / landing, in any of these languages).",
             "Entwurf: \"Entwurf {kit} E-Mail für {partner}\" (oder Social / Landingpage, in einer dieser Sprachen).",
             "Brouillon : \"rédige l'e-mail {kit} pour {partner}\" (ou social / landing, dans l'une de ces langues).",
             "Borrador: \"borrador del email {kit} para {partner}\" (o social / landing, en uno de estos idiomas).",
             "Rascunho: \"rascunho do email {kit} para {partner}\" (ou social / landing, em um destes idiomas).",
             "下書き:「{partner} 向けに {kit} のメールを作成して」（ソーシャル／ランディングページ、上記の言語でも可）。"),
})


def answer_kits_for(turn: Turn, _found: re.Match) -> tuple[str, ToolUse] | None:
    """The kits for the partner the question names (a partner seller: their own); None when it names no
    partner, or names one kit (then it asks for a draft from that kit)."""
    resolver = Resolver(turn.ctx, turn.scope)
    mentions = resolver.find(turn.question)
    if mentions.of("kit") or kit_named(turn.question, resolver.kits):
        return None  # one kit named: a draft from it, not the choice of kits
    partners = mentions.of("partner")
    if turn.scope.is_partner and mentions.foreign_partner:  # another partner's: only their own organisation's
        turn.withheld = True
        return say("foreign_partner", turn.lang), ToolUse(name="kits_for_partner")
    if partners:
        partner_id = partners[0].id
    elif turn.scope.is_partner and turn.scope.partner_id:
        partner_id = turn.scope.partner_id
    else:
        return None
    lang = turn.lang
    label = f"{resolver.partner_names.get(partner_id, partner_id)} ({partner_id})"
    tool = ToolUse(name="kits_for_partner", arguments={"partner_id": partner_id})
    fits = kits_for_partner(turn.ctx, turn.scope, partner_id)
    if not fits:
        kits = ", ".join(f"{name} [{kit_id}]" for kit_id, name in sorted(resolver.kits.items())) or "-"
        return _say("nothing", lang, partner=label, kits=kits), tool
    lines = [_say("head", lang, partner=label)]
    for i, f in enumerate(fits, 1):
        industries = _say("industries", lang, names=", ".join(f.industries)) if f.industries else ""
        locales = ", ".join(f.locales) or _say("none_lang", lang, all=", ".join(f.all_locales))
        lines.append(_say("line", lang, i=i, name=f.name, kit=f.kit_id, products=", ".join(f.products),
                          industries=industries, locales=locales))
    lines.append(_say("next", lang, kit=fits[0].kit_id, partner=resolver.partner_names.get(partner_id, partner_id)))
    return "\n".join(lines), tool


HANDLERS = ((KITS_FOR_RE, answer_kits_for),)
