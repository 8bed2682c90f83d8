"""Which campaign kits suit a partner, in chat: "what can I send Alpine IT?", "which kits fit P-009?",
"welches Kit passt zu Rheinland?", "quel kit pour Orion ?", "¿qué kit le sirve a Lisboa Cloud?",
"que kit posso mandar pra Paulista?", "Sakura Systems に使えるキットは？". Answered from
`tools.content_drafts.service.kits_for_partner` (the kits on the partner's products, best fit first, with the
locales in the partner's languages), in the asker's language; a question naming no partner goes on to the
usual routing.
"""
from __future__ import annotations

import re

from assistant.engine import draft_options
from assistant.engine.draft_options import find_channel, find_locale, kit_named
from assistant.engine.intent_cues import normalise
from assistant.engine.messages import say
from assistant.engine.name_index import fold
from assistant.engine.resolver import Resolver
from assistant.engine.turn import ToolUse, Turn
from tools.content_drafts.service import KitText, kit_texts, kits_for_need, kits_for_partner
from tools.directory.service import question_hints
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


# --- what a kit says: "what's the CTA on the governance kit?", "Zielgruppe des KI-Kits?" ----------------

KIT_WORD = re.compile(r"\bkits?\b|kampagnen-?kit\w*|-kits?\b|キット|\bcampaigns?\b|\bkampagne\b|\bcampagne\b|"
                      r"\bcampaña\b|\bcampanha\b|キャンペーン", re.IGNORECASE)
# the kit's field a question asks for (en, de, fr, es, pt, ja), in the order they are tried
FIELDS = (
    ("call_to_action", re.compile(r"(?<![a-z])cta(?![a-z])|\b(call[- ]to[- ]action|handlungsaufforderung|appel à l'action|"
                                  r"llamad[oa] a la acción|chamada (para|à) ação)\b|行動喚起|ＣＴＡ")),
    ("objective", re.compile(r"\b(objectives?|goals?|aims?|purpose|ziele?|zweck|objectifs?|buts?|objetivos?|"
                             r"metas?|finalidad|propósito)\b|目的|狙い|ゴール")),
    ("key_messages", re.compile(r"\b(key messages?|messaging|main messages?|kernbotschaft\w*|botschaft\w*|"
                                r"messages? clés?|mensajes? clave|mensage(m|ns)[- ]chave)\b|キーメッセージ|メッセージ")),
    ("proof_points", re.compile(r"\b(proof[- ]points?|proofs?|case stud\w*|success stor\w*|customer stor\w*|"
                                r"belege?|referenz\w*|preuves?|pruebas?|provas?|casos? de (éxito|sucesso))\b|"
                                r"事例|実績")),
    # "which industries does the <x> kit target?", "welche Branchen adressiert das <x>-Kit?": before the audience
    # ("target"), after the fields an industry only qualifies ("proof points for that industry")
    ("industries", re.compile(r"\b(industr\w*|verticals?|sectors?|branche\w*|secteurs?|sectores?|setores?|"
                              r"segment\w*)\b|業界|業種")),
    ("audience", re.compile(r"\b(audiences?|target(ed)?( group| audience)?|who is it for|who (is it|it's) aimed at|"
                            # "who is the <x> kit aimed at", "who's it for", "an wen richtet sich", "à qui
                            # s'adresse", "a quién va dirigido", "para quem é"
                            r"aimed at|intended for|meant for|written for|who('s| is)? (it|this|that|the \S+ kit) for|"
                            r"an wen|richtet sich|à qui|s'adresse|a quién|dirigid[oa]|para quem|"
                            r"personas?|zielgruppen?|cibles?|público[- ](alvo|objetivo)|audiencia|"
                            r"destinatari\w*)\b|対象|ターゲット|誰向け")),
)
# Words beside which a capitalised name names a partner or customer ("the <X> campaign results", "results for <X>")
_NAME_NEAR = re.compile(r"\b(campaigns?|results?|kampagne\w*|ergebnis\w*|campagnes?|résultats?|campañas?|"
                        r"resultados?|campanhas?|for|für|pour|para|von|de|do|da)\b|の(キャンペーン|結果)", re.IGNORECASE)
_WHICH_KIT = re.compile(r"\b(which|what|welche[sn]?|quel(le)?s?|qu[eé]|cu[aá]l|qual)\b.{0,25}\bkits?\b|"
                        r"どの.{0,6}キット|キット.{0,10}(どれ|おすすめ)", re.IGNORECASE)
# the need a kit is asked for: "for a bank", "für einen Autohersteller", "pour une banque", "para um varejista",
# "targets CFOs", "製造業向け"; without one, "welche Kits gibt es?" is the list of kits
_FOR_NEED = re.compile(r"\b(for|to|für|pour|para|pra|per|target\w*|aimed|suits?|fits?|zielt|cible\w*|dirig\w*)\b|"
                       r"向け|には|に合う|に使", re.IGNORECASE)
_DRAFT = re.compile(r"\b(draft|write|create|generate|rascunho|entwurf|entwirf|rédige\w*|borrador|redacta|"
                    r"escreva|crie|faz)\b|作成|書いて", re.IGNORECASE)

_kit_say = Catalogue({  # key -> (en, de, fr, es, pt, ja)
    "call_to_action": ("Call to action of the {kit} kit ({locale}): {value}",
                       "Call to Action des Kits {kit} ({locale}): {value}",
                       "Appel à l'action du kit {kit} ({locale}) : {value}",
                       "Llamada a la acción del kit {kit} ({locale}): {value}",
                       "Chamada para ação do kit {kit} ({locale}): {value}",
                       "{kit} キットの行動喚起（{locale}）: {value}"),
    "objective": ("Objective of the {kit} kit: {value}", "Ziel des Kits {kit}: {value}",
                  "Objectif du kit {kit} : {value}", "Objetivo del kit {kit}: {value}",
                  "Objetivo do kit {kit}: {value}", "{kit} キットの目的: {value}"),
    "industries": ("Industries of the {kit} kit: {value}", "Branchen des Kits {kit}: {value}",
                   "Secteurs du kit {kit} : {value}", "Sectores del kit {kit}: {value}",
                   "Setores do kit {kit}: {value}", "{kit} キットの対象業界: {value}"),
    "audience": ("Audience of the {kit} kit: {value}", "Zielgruppe des Kits {kit}: {value}",
                 "Public visé par le kit {kit} : {value}", "Público objetivo del kit {kit}: {value}",
                 "Público-alvo do kit {kit}: {value}", "{kit} キットの対象: {value}"),
    "key_messages": ("Key messages of the {kit} kit ({locale}):", "Kernbotschaften des Kits {kit} ({locale}):",
                     "Messages clés du kit {kit} ({locale}) :", "Mensajes clave del kit {kit} ({locale}):",
                     "Mensagens-chave do kit {kit} ({locale}):", "{kit} キットのキーメッセージ（{locale}）:"),
    "proof_points": ("Proof points of the {kit} kit ({locale}){industry}:",
                     "Belege des Kits {kit} ({locale}){industry}:", "Preuves du kit {kit} ({locale}){industry} :",
                     "Pruebas del kit {kit} ({locale}){industry}:", "Provas do kit {kit} ({locale}){industry}:",
                     "{kit} キットの事例（{locale}）{industry}:"),
    "for_industry": (" for {industry}", " für {industry}", " pour {industry}", " para {industry}",
                     " para {industry}", "（{industry}）"),
    "for_head": ("Campaign kits for {what}:", "Kampagnen-Kits für {what}:", "Kits de campagne pour {what} :",
                 "Kits de campaña para {what}:", "Kits de campanha para {what}:", "{what} 向けのキャンペーンキット:"),
    "for_none": ("There is no campaign kit for {what}; the kits are: {kits}.",
                 "Es gibt kein Kampagnen-Kit für {what}; die Kits: {kits}.",
                 "Il n'y a pas de kit de campagne pour {what} ; les kits : {kits}.",
                 "No hay ningún kit de campaña para {what}; los kits: {kits}.",
                 "Não há kit de campanha para {what}; os kits: {kits}.",
                 "{what} 向けのキャンペーンキットはありません。キット: {kits}。"),
    "fit_head": ("Campaign kits that fit, best first:", "Passende Kampagnen-Kits, beste zuerst:",
                 "Kits de campagne adaptés, le meilleur d'abord :", "Kits de campaña adecuados, el mejor primero:",
                 "Kits de campanha adequados, o melhor primeiro:", "合うキャンペーンキット（適合度順）:"),
    "fit_line": ("{i}. {name} [{kit}]: {objective} (audience: {audience}; industries: {industries})",
                 "{i}. {name} [{kit}]: {objective} (Zielgruppe: {audience}; Branchen: {industries})",
                 "{i}. {name} [{kit}] : {objective} (public : {audience} ; secteurs : {industries})",
                 "{i}. {name} [{kit}]: {objective} (público: {audience}; sectores: {industries})",
                 "{i}. {name} [{kit}]: {objective} (público: {audience}; setores: {industries})",
                 "{i}. {name} [{kit}]: {objective}（対象: {audience}／業界: {industries}）"),
})


def _kits_for_hints(turn: Turn, resolver: Resolver, locale: str) -> tuple[str, ToolUse] | None:
    """ "which kits are there for manufacturing?", "tem kit pra varejo?", "is there a kit for observability?": the
    kits whose industries or products include those the question names (the ecosystem's words, any language),
    or that there is none. None when the question names no industry or product."""
    hints = question_hints(turn.ctx, turn.question)
    wanted = {g: {v.casefold() for v in hints.values.get(g, ())} for g in ("industry", "product")}
    if not any(wanted.values()):
        return None
    kits = kit_texts(turn.ctx, turn.scope, locale)
    fits = [k for k in kits
            if all(not want or want & {v.casefold() for v in (k.industries if g == "industry" else k.products)}
                   for g, want in wanted.items())]
    what = ", ".join(sorted(v for g in ("product", "industry") for v in hints.values.get(g, ())))
    tool = ToolUse(name="kit_texts", arguments={g: sorted(v) for g, v in wanted.items() if v})
    if not fits:
        names = ", ".join(f"{k.name} [{k.kit_id}]" for k in kits) or "-"
        return _kit_say("for_none", turn.lang, what=what, kits=names), tool
    _remember_kit(turn, fits[0].kit_id, sorted(hints.values.get("industry", ())))
    lines = [_kit_say("for_head", turn.lang, what=what)]
    for i, kit in enumerate(fits, 1):
        lines.append(_kit_say("fit_line", turn.lang, i=i, name=kit.name, kit=kit.kit_id, objective=kit.objective
                              or "-", audience=kit.audience or "-", industries=", ".join(kit.industries) or "-"))
    return "\n".join(lines), tool


def _remember_kit(turn: Turn, kit_id: str, industries: list[str]) -> None:
    """The kit (and industries) an answer was about: "its call to action?", "the proof point for that
    industry?" next."""
    state = turn.thread.state
    state.pending, state.choices = None, []
    state.last_intent, state.shown = "kits", 1
    state.last_arguments = {"kit_id": kit_id, "industries": industries}


def _field_asked(text: str) -> str | None:
    return next((name for name, pattern in FIELDS if pattern.search(text)), None)


_THAT_ONE = re.compile(r"\b(that|this|the same|diese\w*|dieselbe\w*|ce|cette|ese|esa|este|esta|esse|essa)\b|その|この")


def _is_hint(turn: Turn, word: str) -> bool:
    hints = question_hints(turn.ctx, word)
    return bool(hints.groups() or hints.gloss)


def answer_kit_detail(turn: Turn, _found: re.Match) -> tuple[str, ToolUse] | None:
    """A field of the one kit the question names (its call to action in the locale asked, else the asker's),
    or, for "which kit for <need>?", the kits whose texts share the need's words. None otherwise (a draft,
    the list of kits, or the kits for a partner go on as before)."""
    question = turn.question
    text = normalise(question)
    if not turn.scope.can("draft") or _DRAFT.search(text) or find_channel(question):
        return None
    resolver = Resolver(turn.ctx, turn.scope)
    mentions = resolver.find(question)
    kits = mentions.of("kit")
    kit_id = kits[0].id if len(kits) == 1 else kit_named(question, resolver.kits)
    field = _field_asked(text)
    state = turn.thread.state
    if not kit_id and field and state.last_intent == "kits" and not mentions.of("partner"):
        kit_id = state.last_arguments.get("kit_id")  # "and its call to action?" after the kits for an industry
        if _THAT_ONE.search(text):  # "for that industry": the industry that answer was for
            text = " ".join([text, *(i.lower() for i in state.last_arguments.get("industries") or [])])
    locale = find_locale(question) or turn.lang  # the language named, else the answer's
    if field and not kit_id:  # "ガバナンスキットのCTA": the one kit of the product the question names, in any script
        products = {v.casefold() for v in question_hints(turn.ctx, question).values.get("product", ())}
        fits = [k.kit_id for k in kit_texts(turn.ctx, turn.scope, locale)
                if products & {v.casefold() for v in k.products}] if products else []
        kit_id = fits[0] if len(fits) == 1 else None
    if field and not kit_id:  # "the CTA of the <made-up> kit?": no such kit, not the list of kits
        taken = {fold(w) for e in mentions.entities for w in e.label.split()}
        missing = draft_options.unknown_kit(question, resolver.kits, taken)
        if missing and not all(_is_hint(turn, w) for w in re.findall(r"[^\W\d_]{3,}", missing)):
            return draft_options.no_such_kit(missing, resolver.kits, turn.lang), ToolUse(name="kit_texts", arguments={})
    if kit_id and not field and find_locale(question) and _VERSION_ASKED.search(question):
        return _locale_available(turn, kit_id, find_locale(question))  # "is there a pt-BR version of the X kit?"
    if kit_id and field:
        found = {k.kit_id: k for k in kit_texts(turn.ctx, turn.scope, locale)}
        kit = found.get(kit_id)
        if kit is None:
            return None
        tool = ToolUse(name="kit_texts", arguments={"kit_id": kit_id, "locale": kit.locale, "field": field})
        return _detail(kit, field, text, turn.lang), tool
    if not kit_id and not field and not mentions.of("partner"):
        missing = resolver.unknown_name(question, mentions, _NAME_NEAR)
        words = re.findall(r"[^\W\d_]{3,}", missing or "")
        if missing and not all(_is_hint(turn, w) for w in words):  # an industry or a product is no name  # "send me the <made-up name> campaign results": no such partner or customer, not a kit
            return say("no_such", turn.lang, what=say("what_entity", turn.lang), name=missing), ToolUse(
                name="kit_texts", arguments={})
        by_hints = _kits_for_hints(turn, resolver, locale)
        if by_hints:
            return by_hints
    if not field and not mentions.of("partner") and not find_locale(question) and _WHICH_KIT.search(question) \
            and _FOR_NEED.search(question):
        ranked = kits_for_need(kit_texts(turn.ctx, turn.scope, locale), question, kit_id)
        if not ranked:
            return None
        best = ranked[0][0]
        lines = [_kit_say("fit_head", turn.lang)]
        for i, kit in enumerate([k for score, k in ranked if score >= best / 2][:3], 1):
            lines.append(_kit_say("fit_line", turn.lang, i=i, name=kit.name, kit=kit.kit_id, objective=kit.objective
                                  or "-", audience=kit.audience or "-", industries=", ".join(kit.industries) or "-"))
        return "\n".join(lines), ToolUse(name="kit_texts", arguments={"need": question})
    return None


# "is there a Brazilian Portuguese version of the X kit?", "gibt es das X-Kit auf Japanisch?", "le kit X existe en
# allemand ?", "¿hay versión en francés?", "tem versão em espanhol?", "日本語版はある？": whether a locale exists
_VERSION_ASKED = re.compile(r"\b(versions?|is there|are there|do we have|does it (come|exist)|available|exist\w*|"
                            r"gibt es|verfügbar|vorhanden|y a-t-il|disponible\w*|hay|tiene|existe\w*|há|tem|"
                            r"versão|versões|versión|versiones|fassung)\b|版|ある[？?]?$|ありますか", re.IGNORECASE)
_locale_say = Catalogue({
    "yes": ("Yes: the {kit} kit has a {locale} version (its locales: {all}).",
            "Ja: Das Kit {kit} gibt es auf {locale} (seine Sprachen: {all}).",
            "Oui : le kit {kit} existe en {locale} (ses langues : {all}).",
            "Sí: el kit {kit} tiene versión {locale} (sus idiomas: {all}).",
            "Sim: o kit {kit} tem versão {locale} (seus idiomas: {all}).",
            "はい。{kit} キットには {locale} 版があります（対応言語: {all}）。"),
    "no": ("No: the {kit} kit has no {locale} version; its locales: {all}{fallback}.",
           "Nein: Das Kit {kit} gibt es nicht auf {locale}; seine Sprachen: {all}{fallback}.",
           "Non : le kit {kit} n'existe pas en {locale} ; ses langues : {all}{fallback}.",
           "No: el kit {kit} no tiene versión {locale}; sus idiomas: {all}{fallback}.",
           "Não: o kit {kit} não tem versão {locale}; seus idiomas: {all}{fallback}.",
           "いいえ。{kit} キットに {locale} 版はありません。対応言語: {all}{fallback}。"),
    "fallback": (" (a {locale} draft would use {used})", " (ein Entwurf auf {locale} nähme {used})",
                 " (un brouillon en {locale} utiliserait {used})", " (un borrador en {locale} usaría {used})",
                 " (um rascunho em {locale} usaria {used})", "（{locale} の下書きは {used} を使用）"),
})


def _locale_available(turn: Turn, kit_id: str, locale: str) -> tuple[str, ToolUse]:
    """Whether the kit has the locale asked (exactly, as DATA.md resolves tags), with the locales it has."""
    kit = next((k for k in kit_texts(turn.ctx, turn.scope) if k.kit_id == kit_id), None)
    tool = ToolUse(name="kit_texts", arguments={"kit_id": kit_id, "locale": locale})
    have = list(kit.locales) if kit is not None and kit.locales else []
    name = kit.name if kit is not None else kit_id
    if locale.lower() in {x.lower() for x in have}:
        return _locale_say("yes", turn.lang, kit=name, locale=locale, all=", ".join(have)), tool
    used = next((x for x in have if x.lower() == locale.split("-")[0].lower()), None)
    fallback = _locale_say("fallback", turn.lang, locale=locale, used=used) if used else ""
    return _locale_say("no", turn.lang, kit=name, locale=locale, all=", ".join(have) or "-", fallback=fallback), tool


def _detail(kit: KitText, field: str, text: str, lang: str) -> str:
    if field == "industries":
        return _kit_say(field, lang, kit=kit.name, value=", ".join(kit.industries) or "-")
    if field in ("call_to_action", "objective", "audience"):
        return _kit_say(field, lang, kit=kit.name, locale=kit.locale, value=getattr(kit, field) or "-")
    items, industry = (kit.key_messages, "") if field == "key_messages" else (kit.proof_points, "")
    if field == "proof_points":
        for name, points in kit.proof_points_by_industry.items():
            if name.lower() in text or name.lower().rstrip("s") in text:
                items, industry = points, _kit_say("for_industry", lang, industry=name)
                break
    head = _kit_say(field, lang, kit=kit.name, locale=kit.locale, industry=industry)
    return "\n".join([head] + [f"- {x}" for x in items])


def answer_kit_followup(turn: Turn, found: re.Match) -> tuple[str, ToolUse] | None:
    """ "what's the proof point for that industry?", "and its call to action?" right after an answer about
    kits: that kit's field (the question need not say "kit")."""
    if turn.thread.state.last_intent != "kits" or not _field_asked(normalise(turn.question)) or \
            len(turn.question.split()) > 12:
        return None
    return answer_kit_detail(turn, found)


HANDLERS = ((KITS_FOR_RE, answer_kits_for), (KIT_WORD, answer_kit_detail), (re.compile(r"\S"), answer_kit_followup))
