"""One-line questions about the whole book, answered from the records (`tools.records_overview`): "how many
partners do we have?", "how many platinum partners", "which partners joined this year?", "how many users are
set up?", "total open pipeline?", "open opps over 250k with no partner?", "won revenue over the last 12
months?", "any open deals past their close date?", "any regs expiring in the next 2 weeks?", "who's eligible
for a tier promotion?", "which partners are below their tier minimums?", "which partners joined last
quarter?", "which partners have the most unspent MDF?", "how much MDF did <partner> spend in Q3?", "what
campaign kits do we have?", "which partners have the most <product> certified staff in <country>?".
The one chat path for the whole book (`deterministic.plan_fresh`, vendor roles only); what each role may see
is the tool's (through the asker's scope).

`topic_of` reads the question's meaning from cue words (en, de, fr, es, pt, ja) and the numbers it names
(an amount, a number of days or weeks); `answer` words the tool's facts in the answer's language.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from assistant.engine.analytics_chat import period_of
from assistant.engine.draft_options import find_locale
from assistant.engine.intent_cues import MDF_WORDS_RE, PROFILE_CUES, normalise
from assistant.engine.messages import say
from assistant.engine.router import DAYS_N, LONGEST, STALE, mdf_period
from tools.locales import Catalogue
from tools.partner_profile.service import quarter_months
from tools.records_overview.service import OverviewResult

LIST_MAX = 15

_COUNT = re.compile(r"\b(how many|number of|count|total|in total|wie ?viele|anzahl|combien|nombre de|cuánt[oa]s|"
                    r"cantidad de|quant[oa]s|número de)\b|何社|何人|何名|何件|いくつ|数は")
_PARTNERS = re.compile(r"\bpartners?\b|\bpartnern?\b|\bpartenaires?\b|\bsocios?\b|\bparceiros?\b|パートナー")
_USERS = re.compile(r"\busers?\b|\b(partner )?sellers?\b.{0,25}\b(set up|configured|in the copilot)|\bbenutzer\w*|\bnutzer\w*|\butilisateurs?\b|\busuari[oa]s?\b|\busuários?\b|"
                    r"ユーザー|利用者")
_OTHER_SUBJECT = re.compile(r"\b(deals?|opps?|opportunit\w*|pipeline|accounts?|customers?|kunden|mdf|certif\w*|"
                            r"registrations?|regs?|leads?|kits?|campaigns?|revenue|umsatz\w*|chiffre d'affaires|"
                            r"ingresos|receita|share|anteil|part|cuota|participação)\b|案件|商談|顧客|認定|登録|売上|受注")
_JOINED = re.compile(r"\b(joined|new partners?|signed up|onboarded|beigetreten|neue partner|dazugekommen|"
                     r"rejoint|nouveaux partenaires|se unieron|nuevos socios|nuevos partners|entraron|ingresaron|"
                     r"se incorporaron|se sumaron|entraram|ingressaram|novos parceiros)\b|加入|新規パートナー")
_SINCE_YEAR = re.compile(r"\b(?:since|from|seit|ab|depuis|desde|a partir de)\s+(?:(?:the |l'|el |o )?(?:year|jahr|"
                         r"année|año|ano)\s+)?(20\d\d)\b|\b(20\d\d)\s*(?:or|and|ou|o|oder|und|e|y)\s+(?:later|after|"
                         r"onwards?|après|plus tard|después|posterior\w*|depois|später|danach|mais tarde)\b|"
                         r"\b(20\d\d)\s*(?:onwards?|on)\b|(20\d\d)\s*年?\s*(?:以降|以来|から)")
_THIS_YEAR = re.compile(r"\b(this year|in \d{4}|dieses jahr|diesem jahr|cette année|este año|este ano)\b|今年")
_PIPELINE = re.compile(r"\bpipeline\b|\bpipe\b|パイプライン")
_SUM = re.compile(r"\b(total|sum|across|whole|overall|all|gesamt\w*|insgesamt|totale?|todo|toda|todos|inteiro|"
                  r"how much|wie ?viel|combien|cuánto|quanto)\b|合計|全体|総額")
_NO_PARTNER = re.compile(r"\b(no partner|without (a |any )?partners?|unpartnered|partnerless|ohne partner|"
                         r"keinen partner|sans partenaire|aucun partenaire|sin (socio|partner)|ningún socio|"
                         r"sem parceiro|nenhum parceiro|no tienen? (un |ningún )?(socio|partner)|não (têm|tem) "
                         r"(um |nenhum )?parceiro|n'ont pas de partenaire|n'a pas de partenaire|(haben|hat) keinen "
                         r"partner|have no partner|has no partner)\b|パートナー(なし|がいない|不在)")
_DEALS = re.compile(r"\b(deals?|opps?|opportunit\w*|oppty|angebot\w*|affaires?|oportunidad\w*|negócios?|"
                    r"oportunidades)\b|案件|商談")
_WON = re.compile(r"\b(won revenue|revenue won|closed[- ]won|won deals? (total|revenue)|total won|"
                  r"gewonnene[nr]? umsatz|umsatz aus gewonnenen|chiffre d'affaires gagné|ingresos ganados|"
                  r"receita ganha)\b|受注(金額|額|売上)")
_PAST_CLOSE = re.compile(r"\b(past (their |the |its )?clos(e|ing) ?dates?|overdue|past due|clos(e|ing) dates? (has |have )?"
                         r"(already )?passed|clos(e|ing) dates?\b.{0,25}\b(passed|gone by|in the past|behind)|überfällig\w*|abschlussdatum überschritten|date de clôture (dépassée|"
                         r"passée)|fecha de cierre (vencida|pasada)|data de fechamento (vencida|passada))\b|"
                         r"クローズ(予定)?日を過ぎ|期日超過")
# "lapsed", "expired", "abgelaufen", "expirés", "vencidos", "caducados", "失効": protection already over
_LAPSED = re.compile(r"\b(lapsed|expired|ran out|run out|no longer protected|abgelaufen\w*|verfallen\w*|"
                     r"nicht mehr geschützt|expiré\w*|plus protégé\w*|expirad[oa]s?|vencid[oa]s?|caducad[oa]s?|"
                     r"ya no protegid[oa]s?|não (estão )?mais protegid[oa]s?)\b|失効|切れた|切れている|切れてい")
# "portal logins", "logged into the portal", "Portal-Logins", "connexions au portail", "inicios de sesión",
# "acessos ao portal", "ポータルログイン": partners' portal use (partner_activity.csv `portal_logins`)
_LOGINS = re.compile(r"\b(log-?ins?|logged (in|on)(to)?|logs? (in|on)(to)?|anmeldung\w*|eingeloggt|angemeldet|connexions?|"
                     r"connecté\w*|inicios? de sesión|sesiones|acessos?|acessaram|entraram no portal)\b|ログイン")
# "trainings completed", "Schulungen", "formations", "capacitaciones", "treinamentos", "研修": trainings done;
# "PSAT", "satisfaction", "Zufriedenheit", "satisfacción", "satisfação", "満足度": partner satisfaction
_TRAININGS = re.compile(r"\b(trainings?|courses? completed|schulung\w*|weiterbildung\w*|formations?|"
                        r"capacitaci\w*|entrenamientos?|treinamentos?|cursos? (concluídos|completados))\b|研修|トレーニング")
_PSAT = re.compile(r"\b(psat|satisfaction|(least|most|less|more) satisfied|unhappiest|happiest|zufriedenheit|"
                   r"(am wenigsten|am meisten) zufrieden|satisfacción|satisfação)\b|満足度")
_FEWEST = re.compile(r"\b(least|fewest|lowest|minimum|worst|am wenigsten|wenigsten|niedrigst\w*|schlechteste\w*|"
                     r"le moins|moins de|(le|la|les) plus bas(ses?)?|pire\w*|menos|mínim[oa]s?|más baj[oa]s?|"
                     r"menor(es)?|peor(es)?|mais baix[oa]s?|pior(es)?)\b|一番少な|最も少な|少ない|最少|低い|最低")
_REGS = re.compile(r"\b(regs?|registrations?|registrierung\w*|enregistrements?|registros?)\b|案件登録|登録")
_EXPIRING = re.compile(r"\b(expir\w*|lapsing|run(ning)? out|ablauf\w*|läuft|laufen|expirent|expire\w*|vencen?|"
                       r"vencem|vence\w*|caducan?)\b|期限|切れ")
_PROMOTION = re.compile(r"\b(promot\w*|(eligible|qualif\w*|ready) for (a |an |the )?(higher|next) tier|higher tier than|"
                        r"move up (a tier|to)|moving up|tier up|tier upgrades?|upgrade\w* (to )?(a |the )?(higher|next) tier|"
                        r"höherstuf\w*|aufstieg\w*|"
                        r"befördert|hochgestuft|promu\w*|ascens\w*|promovid\w*|"
                        # "qualify to move up", "ready to step up a level", "califican para subir de nivel",
                        # "aufsteigen", "monter d'un niveau", "subir de nível", "上のティアに上がれる"
                        r"(move|moving|step|go|going|level)s? up|next (tier|level)|higher (tier|level)|"
                        r"aufsteig\w*|nächste\w* (stufe|tier)|höhere\w* (stufe|tier)|"
                        r"monter (de|d'un) (niveau|palier|tier)|niveau supérieur|palier supérieur|"
                        r"subir (de|al?) (nivel|categoría|tier|nível)|siguiente nivel|nivel superior|"
                        r"próximo nível|nível (acima|superior))\b|昇格|上位(の)?ティア|次のティア|ランクアップ")
_BELOW_TIER = re.compile(r"\b(below|under|short of|miss(es|ing)?|not meet\w*|don'?t meet|unter(halb)?|"
                         r"en dessous|por debajo|abaixo)\b.{0,30}\b(tier|stufe|niveau|nivel|nível)\b.{0,20}"
                         r"\b(minimums?|requirements?|rules|criteria|mindest\w*|kriterien|exigences|critères|requisitos|criterios|"
                         r"critérios)\b|"
                         r"\b(below|under|short of|not meet\w*|don'?t meet)\b.{0,20}\b(minimums?|requirements?)\b"
                         r".{0,30}\b(tier|stufe|niveau|nivel|nível)\b|\bdemot\w*|\bdowngrade\w*|降格|"
                         # "below the gold minimums", "unter den Gold-Mindestwerten"
                         r"\b(below|under|short of|not meet\w*|don'?t meet|unter(halb)?|en dessous|por debajo|abaixo)\b"
                         r".{0,20}\b(silver|gold|platinum|silber|platin|argent|platine|plata|oro|platino|prata|ouro)\b"
                         r".{0,10}\b(minimums?|requirements?|rules|bar|mindest\w*|exigences|requisitos|mínimos)" + r"|" +
                         # "no longer meet their tier", "erfüllen ihre Stufe nicht mehr", "ya no cumplen su nivel",
                         # "ne remplissent plus les critères", "não atendem mais", "ティア基準を満たしていない"
                         r"\b(no longer|not|n't|fail\w* to|ya no|no|já não|não|ne)\s+(\w+\s+)?(meet\w*|qualif\w*|"
                         r"hold\w*|satisf\w*|cumpl\w*|cumpre\w*|atende\w*|rempli\w*|respect\w*|satisfont)\b"
                         r".{0,30}\b(tiers?|levels?|criteria|requirements?|minimums?|bar|niveau|nivel|nível|critères|"
                         r"exigences|requisitos|criterios|critérios|mínimos)\b|"
                         r"\b(erfüll\w*|erreich\w*)\b.{0,40}\bnicht( mehr)?\b|"
                         # "partners below their tier", "por debajo de su nivel", "abaixo do seu nível"
                         r"\b(below|under|unter(halb)?|en dessous de|por debajo de|abaixo d[eoa])\s+(their|its|ihre[rm]?|"
                         r"seine[rm]?|leur|su|seu|sua)\s+(tiers?|stufe|niveau|nivel|nível)\b|"
                         r"(ティア|ランク|tier)(の)?(基準|要件|条件)?を?(満たしていない|満たさない|満たせていない|下回)|"
                         r"(ティア|ランク)(の)?(基準|要件|条件).{0,6}(未達|届いていない)")
_TIERS = ("registered", "silver", "gold", "platinum")
_TIER_WORDS = {"silber": "silver", "argent": "silver", "plata": "silver", "prata": "silver", "or": "gold",
               "oro": "gold", "ouro": "gold", "platin": "platinum", "platine": "platinum", "platino": "platinum",
               "platina": "platinum", "シルバー": "silver", "ゴールド": "gold", "プラチナ": "platinum"}
_AMOUNT = re.compile(r"(?:over|above|more than|greater than|bigger than|>|über|mehr als|plus de|au-dessus de|"
                     r"más de|mayores? (?:a|de)|mais de|acima de)\s*(?:usd|\$|€|eur)?\s*(\d+(?:[.,]\d+)?)\s*"
                     r"(k|m|mio|million\w*|mil\b|thousand)?")
_WINDOW = re.compile(r"\b(?:next|coming|within|in the next|nächsten|prochain\w*|próxim[oa]s)\s+(\d+|one|two|three|"
                     r"four|zwei|drei|vier|deux|trois|quatre|dos|tres|cuatro|duas|três|quatro)\s+"
                     r"(days?|weeks?|months?|tagen?|wochen?|jours?|semaines?|mois|días|dias|semanas?|mes(es)?)\b|"
                     r"(\d+)\s*(日|週間|か月|ヶ月)")
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "zwei": 2, "drei": 3, "vier": 4, "deux": 2, "trois": 3,
            "quatre": 4, "dos": 2, "tres": 3, "cuatro": 4, "duas": 2, "três": 3, "quatro": 4}
_MDF_FIGURES = re.compile(r"\b(unspent|unused|left|remaining|spent|spend|allocated|allocation|budget used|"
                          r"ungenutzt\w*|verbleibend\w*|übrig|ausgegeben|zugeteilt|non dépensé\w*|restant\w*|"
                          r"dépensé\w*|alloué\w*|sin gastar|sin usar|gastad[oa]s?|gastó|asignad[oa]s?|"
                          r"deixou de gastar|sem gastar|não gast[oa]s?|gast[oa]u?|gastos?|alocad[oa]s?|sobr\w*|"
                          # "MDF liegen lassen", "nicht abgerufen", "laissé sur la table", "dejado sin usar"
                          r"liegen (ge)?lassen|liegengelassen|nicht abgerufen|verfallen\w*|laissé\w*|dejad[oa]s?|"
                          r"deixad[oa]s?|left on the table|wasted|expired|untouched)\b|未使用|残|使っ|使わ|消化|配分")
# asking for figures or a list, not for advice ("... what should we do?")
_FIGURES_ASKED = re.compile(r"\b(how much|which|who|most|least|vs|versus|wie ?viel\w*|welche\w*|wer|meisten|combien|"
                            r"quel\w*|qui|le plus|cuánto|cuál\w*|quién\w*|qué(?! es\b)|más|menos|quanto|qual|quais|quem|mais|"
                            r"menos)\b|いくら|どの|誰|最も|一番|多い")
_ADVICE = re.compile(r"\b(what should|what do we do|what to do|next steps?|was sollen|que faire|qué hacemos|o que fazer)\b")
_LISTED = re.compile(r"\b(how many|which|list|show|any|number of|count|total|wie ?viele|welche\w*|combien|quel\w*|"
                     r"cuánt[oa]s|cuál\w*|quant[oa]s|quais)\b|何件|どの|ある")
_OPEN = re.compile(r"\b(open|offene\w*|ouvert\w*|abiert\w*|abert\w*)\b|オープン|進行中")
_KITS = re.compile(r"\b(campaign )?kits?\b|\bkampagnen\w*|\bcampagnes?\b|\bcampañas?\b|\bcampanhas?\b|キット")
_LISTED_KITS = re.compile(r"\b(what|which|list|show|available|do we have|how many|welche\w*|gibt es|quels?|quelles?|"
                          r"cuáles|qué|quais|que|quantos)\b|どの|どんな|一覧|ありますか")
_DRAFT_VERB = re.compile(r"\b(draft|write|create|make|generate|rascunho|entwurf|entwirf|rédige\w*|borrador|redacta|"
                         r"escreva|crie)\b|作成|書いて")
_CERTIFIED = re.compile(r"\bcertif\w*|\bzertifi\w*|\bcertificad\w*|認定|資格")
_MOST = re.compile(r"\b(most|largest|biggest|top|highest|meisten|größte\w*|höchste\w*|plus de|le plus|más|mayor|"
                   r"mais|maior)\b|一番|最も|最多|最高|高い")
# "the best PSAT", "die beste Quote": the highest of a figure (not "the best partner for this deal": matching)
_BEST = re.compile(r"\b(best|beste\w*|meilleur\w*|mejor(es)?|melhor(es)?)\b")
_RULE = re.compile(r"\b(what happens|how long|policy|rules?|can (i|we))\b")  # the programme's rule, not a list
# "who left ...?", "which ones ...?": a question after partners, though it does not say "partners"
_WHO_WHICH = re.compile(r"\b(who|which|wer|welche\w*|qui|quién\w*|quem)\b|誰|どの")
# "how do I promote a partner?", "when does a promotion take effect?": the programme's process (content)
_PROCESS = re.compile(r"\b(how (do|does|can|to|is)|when (does|do|will|is)|take effect|wie (kann|können|funktioniert|"
                      r"wird)|wann|comment|quand|cómo|cuándo|como|quando|prozess|processus|proceso|processo)\b|"
                      r"どうやって|いつ|方法|手続")
# "what are the platinum requirements?", "Voraussetzungen für Gold?", "プラチナの条件は？": a tier's minimums
_REQUIRES = re.compile(r"\b(requirements?|requires?|required|criteria|minimums?|what does it take|voraussetzung\w*|"
                       r"anforderung\w*|kriterien|mindest\w*|critères|exigences|conditions|requisitos?|critérios|"
                       r"criterios|condiciones|condições)\b|条件|要件|基準")
# "haven't registered a deal", "keinen Deal registriert", "n'ont pas enregistré", "no han registrado", "não
# registraram", "登録していない": partners without a registration lately
_NOT_REGISTERED = re.compile(
    r"\b(haven'?t|have not|hasn'?t|has not|didn'?t|did not|not|no|without|stopped|nicht|nichts|kein\w*|pas|aucun\w*|"
    r"rien|nada|nenhum\w*|ningún|ninguna|"
    r"no han|sin|não|sem|parou|pararam|dejaron de)\b.{0,25}\b(regist\w*|enregistr\w*)|"
    r"\bno (new )?(deal )?registrations?\b|(登録|案件登録)(して)?(いない|がない|なし)")
_SINCE = re.compile(r"\b(?:last|past|letzten|seit|derniers|depuis|últimos|en|in|nos|hace|há)\s+(\d+)\s*(days?|tage?n?|jours|días|dias|weeks?|wochen|"
                    r"semaines|semanas|months?|monaten?|mois|meses)\b|(\d+)\s*(日|週間|か月|ヶ月)")


def _since_days(text: str) -> int | None:
    found = _SINCE.search(text)
    if not found:
        return None
    n, unit = int(found.group(1) or found.group(3)), (found.group(2) or found.group(4)).lower()
    scale = 7 if unit.startswith(("week", "woche", "semaine", "semana", "週")) else 30 if unit.startswith(
        ("month", "monat", "mois", "mes", "か月", "ヶ月")) else 1
    return min(n * scale, 366)


# "who ...?", "anyone ...?", "alguien ...?": a question after partners, though it does not say "partners"
_WHO_ANY = re.compile(r"\b(who|who's|which|wer|welche\w*|qui|quién\w*|quem|anyone|anybody|any of|jemand|"
                      r"quelqu'un|alguien|alguno\w*|alguém|algum\w*)\b|誰|どの|どこ")
_THIS_MONTH = re.compile(r"\b(this month|diesen monat|ce mois|este mes|este mês)\b|今月")


def _wins(p, lang: str) -> str:
    """ ", won 2 deals since joining (EUR 80,000)" for a partner line that carries its wins (the joined topic)."""
    if p.won_since_joining is None:
        return ""
    if not p.won_since_joining:
        return ", " + _say("joined_no_win", lang)
    return ", " + _say("joined_won", lang, deals=p.won_since_joining, amount=f"{p.won_amount_since_joining or 0:,.0f}")


def topic_of(question: str, today: dt.date, partner_named: bool = False,
             manager: str | None = None) -> tuple[str, dict[str, Any]] | None:
    """(topic, tool arguments) for a question about the whole book (or, for MDF figures, the partner named),
    or None. `manager`: the asker when a channel manager; "my partners" are then the ones they manage."""
    found = _topic_of(question, today, partner_named)
    if found and manager and found[0] in _BOOK_TOPICS and asks_own_book(question):
        return found[0], {**found[1], "channel_manager": manager}
    return found


# "my partners", "partners I manage", "meine Partner", "mes partenaires", "私の担当パートナー": a channel
# manager's own book (partners.csv `channel_manager`)
_MINE = re.compile(r"\b(my|meine[nmrs]?|mes|mis|meus|minhas)\b.{0,20}\b(partners?|partnern?|partenaires|socios|"
                   r"parceiros)\b|\bpartners? (that |who )?(do |am )?(i|I)('m| am)? (have|manage|managing|own|look after|"
                   r"looking after|cover|covering|handle|handling)\b|"
                   r"\b(in|of) my (book|portfolio|patch|territory)\b|(私|自分|わたし)の担当|担当(の|している)?パートナー|"
                   r"\b(partners?|socios?|parceiros?|partenaires?)\s+(míos?|mios?|meus?|minhas?|à moi|of mine)\b|"
                   r"\b(de|del|du|do|da|dans|in|en|na|no|of|from) (my|mi|mein\w*|ma|mon|minha|meu) (cartera|portfolio|portefeuille|carteira|"
                   r"bestand|book|territoire|territorio|território)\b|"
                   # "wie viele Partner betreue ich?", "les partenaires que je gère", "socios que llevo"
                   r"\b(partners?|partnern?|partenaires|socios|parceiros)\b.{0,30}\b(betreue\w*|verwalte\w*|je gère|"
                   r"je suis|je couvre|gestiono|llevo|manejo|atiendo|gerencio|cuido|atendo)\b")


def asks_own_book(question: str) -> bool:
    """ "my partners", "partners I manage": a channel manager's own partners, not the whole ecosystem."""
    return bool(_MINE.search(normalise(question)))


_BOOK_TOPICS = ("partners", "joined", "mdf", "certified", "promotion", "below_tier", "open_deals", "open_pipeline",
                "no_registrations", "past_close", "expiring", "stale", "lapsed", "logins", "closing")


def _topic_of(question: str, today: dt.date, partner_named: bool = False) -> tuple[str, dict[str, Any]] | None:
    text = normalise(question)
    if MDF_WORDS_RE.search(text) and _MDF_FIGURES.search(text) and (partner_named or _PARTNERS.search(text) or _WHO_WHICH.search(
            text)) and (
            _FIGURES_ASKED.search(text) or mdf_period(question, today.year, today)) and not _ADVICE.search(text):
        period = mdf_period(question, today.year, today)
        return "mdf", {"months": quarter_months(period, today)[1]} if period else {}
    dated = _deal_dates(text, today)  # past their close date, expiring: the whole book's or a partner's
    if dated or partner_named:
        return dated
    if _NOT_REGISTERED.search(text) and (_PARTNERS.search(text) or _WHO_ANY.search(text)) and not _RULE.search(text):
        days = _since_days(text)  # "which partners haven't registered a deal in the last 90 days?"
        return "no_registrations", {"days": days} if days else {}
    if _MOST.search(text) and ((_OPEN.search(text) and _DEALS.search(text)) or _PIPELINE.search(text)) and (
            _PARTNERS.search(text) or _WHO_ANY.search(text)) and not _NO_PARTNER.search(text):
        # "which of my partners has the most open deals?", "... the biggest pipeline?"
        return ("open_pipeline" if _PIPELINE.search(text) else "open_deals"), {}
    if _CERTIFIED.search(text) and _MOST.search(text) and _PARTNERS.search(text):
        return "certified", {}  # the engine adds the country and product named
    if _KITS.search(text) and _LISTED_KITS.search(text) and not _DRAFT_VERB.search(text):
        locale = find_locale(question)  # "which kits exist in French?": those with a French version
        return "kits", {"locale": locale} if locale else {}
    if _REQUIRES.search(text) and _tier(text) and not _OTHER_SUBJECT.search(text) and not (
            _PARTNERS.search(text) and _WHO_WHICH.search(text)):
        return "tier_rules", {"tier": _tier(text)}  # "プラチナの条件は？", "what does gold require?"
    if _PROMOTION.search(text) and not _PROCESS.search(text) and (_PARTNERS.search(text) or _WHO_ANY.search(text)):
        return "promotion", {}
    if _BELOW_TIER.search(text) and (_PARTNERS.search(text) or _WHO_ANY.search(text)):
        return "below_tier", {"tier": _tier(text)} if _tier(text) else {}
    if _USERS.search(text) and _COUNT.search(text):
        return "users", {}
    if _NO_PARTNER.search(text) and (_DEALS.search(text) or _PIPELINE.search(text)) and (
            _LISTED.search(text) or _OPEN.search(text)):  # "offene Deals ohne Partner über 250k?"
        return "unpartnered", _amount(text)
    if _WON.search(text) and not _PARTNERS.search(text):
        return "won", {}
    if _PIPELINE.search(text) and _SUM.search(text):
        return "pipeline", _amount(text)
    if _PARTNERS.search(text) and _JOINED.search(text) and not _DEALS.search(text):
        since = _SINCE_YEAR.search(text)  # "in 2025 or later", "seit 2025", "2025年以降": that year to today
        if since:
            first = next(g for g in since.groups() if g)
            return "joined", {"from_date": f"{first}-01-01", "to_date": today.isoformat()}
        year = re.search(r"\bin (\d{4})\b", text)
        if year or _THIS_YEAR.search(text):
            return "joined", {"year": int(year.group(1))} if year else {}
        start, end = period_of(question, today)
        if start or _LISTED.search(text):  # "joined last quarter", else the last 12 months
            return "joined", {"from_date": start or (today - dt.timedelta(days=364)).isoformat(),
                              "to_date": end or today.isoformat()}
    if _PARTNERS.search(text) and not _OTHER_SUBJECT.search(text) and (_COUNT.search(text) or (
            asks_own_book(question) and (_SHOW.search(text) or _tier(text)) and not _FIGURE.search(text))):
        # "list my partners", "mes partenaires gold" (not "which of my platinum partners has the lowest ROPI?")
        tier = _tier(text)
        return "partners", {"tier": tier} if tier else {}
    return None


_FIGURE = re.compile(r"\b(ropi|roi|revenue|won|wins?|umsatz|gewonnen\w*|chiffre|gagné\w*|ingresos?|ganad\w*|receita|"
                     r"ganh\w*|lowest|highest|most|least|best|worst)\b|売上|受注|最も|一番")
# "list my partners", "zeig mir meine Partner", "montre mes partenaires", "muéstrame mis socios", "一覧"
_SHOW = re.compile(r"\b(list|show|give me|zeig\w*|liste\w*|auflist\w*|montre\w*|affiche\w*|muestra\w*|lista\w*|"
                   r"mostr\w*)\b|一覧|見せて")


_WIN_RATE = re.compile(PROFILE_CUES["win_rate"][0])  # "highest win rate", "taux de réussite", "受注率"
_ACTIVITY_METRICS = (("win_rate", _WIN_RATE), ("portal_logins", _LOGINS), ("trainings_completed", _TRAININGS),
                     ("psat", _PSAT))


# "closing this month", "expected to close", "schließen diesen Monat", "se clôturent", "cierran", "fecham", "クローズ予定"
_CLOSING = re.compile(r"\b(closing|closes|close (this|next) (week|month|quarter|year)|close (within|in the next)|"
                      r"due to close|expected to close|set to close|"
                      r"schließen|abschließen|abgeschlossen werden|se clôtur\w*|clôtur\w* (ce|cette|d'ici)|se ferment|"
                      r"cierran?|se cierran?|van a cerrar|fecham|vão fechar|devem fechar)\b|クローズ予定|成約予定")
_WHAT = re.compile(r"\b(what|which|was|welche\w*|qu'est-ce|quoi|quels?|qué|cuáles|o que|quais)\b|何|どの")
_THIS_QUARTER = re.compile(r"\b(this|current|dieses?|diesem|ce|este|neste) (quarter|quartal|trimestre)\b|今四半期")
_NEXT_MONTH = re.compile(r"\b(next month|nächsten monat|le mois prochain|el próximo mes|el mes que viene|próximo mês|"
                         r"mês que vem)\b|来月")


def _ahead(text: str, today: dt.date) -> int | None:
    """Days from today to the end of "this quarter" or "next month", when the question says so."""
    if _THIS_QUARTER.search(text):
        month = 3 * ((today.month - 1) // 3) + 3
        end = dt.date(today.year, month, 1) + dt.timedelta(days=31)
        return max((end.replace(day=1) - dt.timedelta(days=1) - today).days, 1)
    if _NEXT_MONTH.search(text):
        after = (today.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        end = (after.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        return (end - today).days
    return None


def _days_named(text: str) -> int | None:
    """ "60+ days", "in 6 weeks", "90日以上": a number of days the question names."""
    found = DAYS_N.search(text)
    if not found:
        return None
    n, unit = int(found.group(1) or found.group(3)), (found.group(2) or found.group(4)).lower()
    scale = 7 if unit.startswith(("week", "woche", "semaine", "semana", "週")) else 30 if unit.startswith(
        ("month", "monat", "mois", "mes", "か月", "ヶ月")) else 1
    return max(1, min(n * scale, 366))


def _deal_dates(text: str, today: dt.date) -> tuple[str, dict[str, Any]] | None:
    if _PAST_CLOSE.search(text) and (_DEALS.search(text) or _PIPELINE.search(text)):
        return "past_close", {}
    if _CLOSING.search(text) and (_DEALS.search(text) or _PIPELINE.search(text) or _WHAT.search(text)) and not (
            _RULE.search(text) or _PROCESS.search(text) or _REGS.search(text)):  # "what's closing in my book this month?"
        days = _window(text, today) or _ahead(text, today)
        return "closing", {"days": days} if days else {}
    metric = next((m for m, cue in _ACTIVITY_METRICS if cue.search(text)), None)
    if metric and (_FEWEST.search(text) or _MOST.search(text) or _BEST.search(text) or _WHO_WHICH.search(text)) and not (
            _RULE.search(text) or _PROCESS.search(text)):  # "which of my partners logged in least last month?"
        period = mdf_period(text, today.year, today)
        most = (_MOST.search(text) or _BEST.search(text)) and not _FEWEST.search(text)
        args: dict[str, Any] = {"metric": metric, "most": bool(most)}
        return "logins", {**args, "months": quarter_months(period, today)[1]} if period else args
    if _REGS.search(text) and _LAPSED.search(text) and not (_RULE.search(text) or _PROCESS.search(text)):
        days = _since_days(text)  # "which registrations lapsed in the last 30 days?"
        return "lapsed", {"days": days} if days else {}
    if STALE.search(text) and (_DEALS.search(text) or _PIPELINE.search(text)) and not (
            _RULE.search(text) or _PROCESS.search(text)):  # "deals that haven't moved in 60+ days", "idle longest"
        days = _days_named(text)
        return "stale", {"days": days} if days else ({"days": 1} if LONGEST.search(text) else {})
    if _REGS.search(text) and _EXPIRING.search(text) and (_window(text, today) or re.search(
            r"\b(soon|any|which|welche|quels?|quelles?|cuáles|quais|bientôt|pronto|bald|em breve)\b|近い|間近|もうすぐ|"
            r"近々|ある", text)) and not _RULE.search(text):
        return "expiring", {"days": _window(text, today) or 14}
    return None


def _tier(text: str) -> str | None:
    for word in re.findall(r"[\w]+", text):
        if word in _TIERS:
            return word
        if word in _TIER_WORDS and word != "or":
            return _TIER_WORDS[word]
    for word, tier in _TIER_WORDS.items():
        if not word.isascii() and word in text:
            return tier
    return None


def _amount(text: str) -> dict[str, Any]:
    found = _AMOUNT.search(text)
    if not found:
        return {}
    value = float(found.group(1).replace(",", "."))
    unit = (found.group(2) or "").lower()
    if unit in ("k", "mil", "thousand"):
        value *= 1_000
    elif unit.startswith("m"):
        value *= 1_000_000
    return {"min_amount": value}


def _window(text: str, today: dt.date) -> int | None:
    found = _WINDOW.search(text)
    if found:
        raw, unit = (found.group(1), found.group(2)) if found.group(1) else (found.group(4), found.group(5))
        n = int(raw) if raw.isdigit() else _NUMBERS.get(raw, 1)
        if unit.startswith(("week", "woche", "semaine", "semana")) or unit == "週間":
            return n * 7
        if unit.startswith(("month", "mois", "mes")) or unit in ("か月", "ヶ月"):
            return n * 30
        return n
    if _THIS_MONTH.search(text):
        following = (today.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return max((following - today).days - 1, 1)
    return None


# --- follow-ups ----------------------------------------------------------------------------------

# "how much exactly?", "wie viel genau?", "いくら？": the figures of the first partner the last list named
_HOW_MUCH = re.compile(r"\b(how much|exact\w*|figures?|numbers?|wie ?viel\w*|genau|combien|exactement|cuánto|"
                       r"exactamente|quanto|exatamente)\b|いくら|正確")
FOLLOWUP_WORDS = 6  # a follow-up is short: a longer question is planned as a question of its own


def plan_followup(question: str, today: dt.date, last: dict[str, Any], first_partner: str | None,
                  make: Callable[..., Any]) -> Any | None:
    """After MDF figures by partner: "and in q2?" lists that quarter instead (the same partner, after "how much
    exactly?"); "how much exactly?" gives the first partner listed its figures for the same months. None for
    anything else."""
    if last.get("topic") != "mdf" or len(question.split()) > FOLLOWUP_WORDS:
        return None
    period = mdf_period(question, today.year, today)
    if period:
        return make("overview", {**last, "months": quarter_months(period, today)[1]})
    if first_partner and _HOW_MUCH.search(normalise(question)) and not _PARTNERS.search(normalise(question)):
        return make("overview", {**last, "partner_id": first_partner})  # every role that saw the list may
    return None


def partners_listed(result: OverviewResult) -> list[str]:
    """The partners an answer lists, in its order (for "how much exactly?" and "the second one")."""
    return [p.partner_id for p in result.partners[:LIST_MAX]]


# --- the answer ----------------------------------------------------------------------------------

_say = Catalogue({  # key -> (en, de, fr, es, pt, ja)
    "open_deals": ("{n} partners with open deals, the most first:", "{n} Partner mit offenen Deals, die meisten zuerst:",
                   "{n} partenaires avec des affaires ouvertes, les plus nombreuses d'abord :",
                   "{n} socios con negocios abiertos, los que más tienen primero:",
                   "{n} parceiros com negócios abertos, os que têm mais primeiro:",
                   "オープン案件のあるパートナー {n} 社（多い順）:"),
    "no_registrations": ("{n} partners have registered no deal in the last {days} days:",
                         "{n} Partner haben in den letzten {days} Tagen keinen Deal registriert:",
                         "{n} partenaires n'ont enregistré aucune affaire ces {days} derniers jours :",
                         "{n} socios no han registrado ningún negocio en los últimos {days} días:",
                         "{n} parceiros não registraram nenhum negócio nos últimos {days} dias:",
                         "直近 {days} 日間に案件登録のないパートナー: {n} 社:"),
    "last_reg": ("last registration {day}", "letzte Registrierung {day}", "dernier enregistrement le {day}",
                 "último registro {day}", "último registro {day}", "最終登録 {day}"),
    "never_reg": ("no registration on record", "keine Registrierung erfasst", "aucun enregistrement",
                  "ningún registro", "nenhum registro", "登録の記録なし"),
    "open_pipeline": ("{n} partners with open deals, the largest pipeline first:",
                      "{n} Partner mit offenen Deals, die größte Pipeline zuerst:",
                      "{n} partenaires avec des affaires ouvertes, le plus gros pipeline d'abord :",
                      "{n} socios con negocios abiertos, el mayor pipeline primero:",
                      "{n} parceiros com negócios abertos, o maior pipeline primeiro:",
                      "オープン案件のあるパートナー {n} 社（パイプラインの大きい順）:"),
    "open_deals_line": ("{deals} open deals, {amount} in pipeline", "{deals} offene Deals, Pipeline {amount}",
                        "{deals} affaires ouvertes, pipeline {amount}", "{deals} negocios abiertos, pipeline {amount}",
                        "{deals} negócios abertos, pipeline {amount}", "オープン案件 {deals} 件、パイプライン {amount}"),
    "tier_rules": ("{tier}: the minimums over the trailing 12 months", "{tier}: die Mindestwerte der letzten 12 Monate",
                   "{tier} : les minimums sur les 12 derniers mois", "{tier}: los mínimos de los últimos 12 meses",
                   "{tier}: os mínimos dos últimos 12 meses", "{tier}: 過去12か月の最低条件"),
    "partners": ("{n} partners", "{n} Partner", "{n} partenaires", "{n} socios", "{n} parceiros", "パートナー {n} 社"),
    "tier": ("{n} {tier} partners", "{n} {tier}-Partner", "{n} partenaires {tier}", "{n} socios {tier}",
             "{n} parceiros {tier}", "{tier} パートナー {n} 社"),
    "joined": ("{n} partners joined in {year}:", "{n} Partner sind {year} beigetreten:",
               "{n} partenaires ont rejoint le programme en {year} :", "{n} socios se unieron en {year}:",
               "{n} parceiros entraram em {year}:", "{year} 年に加入したパートナーは {n} 社です:"),
    "joined_between": ("{n} partners joined between {start} and {end}:",
                       "{n} Partner sind zwischen {start} und {end} beigetreten:",
                       "{n} partenaires ont rejoint le programme entre le {start} et le {end} :",
                       "{n} socios se unieron entre {start} y {end}:", "{n} parceiros entraram entre {start} e {end}:",
                       "{start} から {end} までに加入したパートナーは {n} 社です:"),
    "joined_won": ("won {deals} deals since joining ({amount})", "seit dem Beitritt {deals} Deals gewonnen ({amount})",
                   "{deals} affaires gagnées depuis son arrivée ({amount})",
                   "{deals} negocios ganados desde que se unió ({amount})",
                   "{deals} negócios ganhos desde a entrada ({amount})", "加入以来の受注 {deals} 件（{amount}）"),
    "joined_no_win": ("no won deal yet", "noch kein gewonnener Deal", "aucune affaire gagnée pour l'instant",
                      "ningún negocio ganado aún", "nenhum negócio ganho ainda", "受注はまだありません"),
    "users": ("{n} users are set up in the copilot (users.csv): {split}.",
              "{n} Benutzer sind im Copilot eingerichtet: {split}.",
              "{n} utilisateurs sont configurés dans le copilote : {split}.",
              "{n} usuarios están dados de alta en el copiloto: {split}.",
              "{n} usuários estão configurados no copiloto: {split}.",
              "Copilot には {n} 人のユーザーが登録されています（{split}）。"),
    "pipeline": ("Open pipeline: {total} across {n} open opportunities{over}.",
                 "Offene Pipeline: {total} in {n} offenen Opportunities{over}.",
                 "Pipeline ouvert : {total} sur {n} opportunités ouvertes{over}.",
                 "Pipeline abierto: {total} en {n} oportunidades abiertas{over}.",
                 "Pipeline aberto: {total} em {n} oportunidades abertas{over}.",
                 "オープンパイプライン: {n} 件の商談で {total}{over}。"),
    "unpartnered": ("{n} open opportunities{over} have no partner yet ({total}).",
                    "{n} offene Opportunities{over} haben noch keinen Partner ({total}).",
                    "{n} opportunités ouvertes{over} n'ont pas encore de partenaire ({total}).",
                    "{n} oportunidades abiertas{over} aún no tienen socio ({total}).",
                    "{n} oportunidades abertas{over} ainda não têm parceiro ({total}).",
                    "パートナー未設定のオープン商談{over}は {n} 件です（{total}）。"),
    "won": ("Won revenue over the last 12 months ({first} to {last}): {total} from {n} closed-won opportunities.",
            "Gewonnener Umsatz der letzten 12 Monate ({first} bis {last}): {total} aus {n} gewonnenen Opportunities.",
            "Chiffre d'affaires gagné sur 12 mois ({first} au {last}) : {total}, {n} opportunités gagnées.",
            "Ingresos ganados en los últimos 12 meses ({first} a {last}): {total} de {n} oportunidades ganadas.",
            "Receita ganha nos últimos 12 meses ({first} a {last}): {total} em {n} oportunidades ganhas.",
            "過去12か月（{first}〜{last}）の受注額: {total}（受注 {n} 件）。"),
    "past_close": ("{n} open opportunities are past their close date:",
                   "{n} offene Opportunities haben ihr Abschlussdatum überschritten:",
                   "{n} opportunités ouvertes ont dépassé leur date de clôture :",
                   "{n} oportunidades abiertas pasaron su fecha de cierre:",
                   "{n} oportunidades abertas passaram da data de fechamento:",
                   "クローズ予定日を過ぎたオープン商談は {n} 件です:"),
    "expiring": ("{n} deal registrations expire in the next {days} days:",
                 "{n} Deal-Registrierungen laufen in den nächsten {days} Tagen ab:",
                 "{n} enregistrements expirent dans les {days} prochains jours :",
                 "{n} registros vencen en los próximos {days} días:",
                 "{n} registros vencem nos próximos {days} dias:",
                 "今後 {days} 日以内に期限が切れる案件登録は {n} 件です:"),
    "promotion": ("{n} partners qualify for a higher tier on the last 12 months:",
                  "{n} Partner erfüllen nach den letzten 12 Monaten eine höhere Stufe:",
                  "{n} partenaires remplissent les conditions d'un niveau supérieur sur 12 mois :",
                  "{n} socios cumplen los requisitos de un nivel superior en los últimos 12 meses:",
                  "{n} parceiros atendem aos requisitos de um nível superior nos últimos 12 meses:",
                  "過去12か月の実績で上位ティアの条件を満たすパートナーは {n} 社です:"),
    "below_tier": ("{n} partners are below their tier's minimums on the last 12 months:",
                   "{n} Partner liegen unter den Mindestwerten ihrer Stufe:",
                   "{n} partenaires sont sous les minimums de leur niveau :",
                   "{n} socios están por debajo de los mínimos de su nivel:",
                   "{n} parceiros estão abaixo dos mínimos do seu nível:",
                   "{n} 社のパートナーが現ティアの最低条件を下回っています:"),
    "certified": ("Partners by certified staff {product} {country}, most first:",
                  "Partner nach zertifizierten Mitarbeitenden {product} {country}, die meisten zuerst:",
                  "Partenaires par personnel certifié {product} {country}, du plus au moins :",
                  "Socios por personal certificado {product} {country}, de más a menos:",
                  "Parceiros por equipe certificada {product} {country}, do maior para o menor:",
                  "認定者数の多いパートナー（{product} {country}）:"),
    "certified_line": ("{n} certified", "{n} zertifiziert", "{n} certifiés", "{n} certificados",
                       "{n} certificados", "認定者 {n} 名"),
    "kits": ("{n} campaign kits (with their languages):", "{n} Kampagnen-Kits (mit ihren Sprachen):",
             "{n} kits de campagne (avec leurs langues) :", "{n} kits de campaña (con sus idiomas):",
             "{n} kits de campanha (com seus idiomas):", "キャンペーンキット {n} 件（対応言語）:"),
    "mdf": ("MDF by partner ({currency}), {months}, most left unspent first:", "MDF je Partner ({currency}), "
            "{months}, meiste ungenutzte Mittel zuerst:", "MDF par partenaire ({currency}), {months}, le plus non "
            "dépensé d'abord :", "MDF por socio ({currency}), {months}, primero el mayor saldo sin gastar:",
            "MDF por parceiro ({currency}), {months}, primeiro quem deixou de gastar mais:",
            "パートナー別 MDF（{currency}、{months}、未使用額の多い順）:"),
    "mdf_line": ("{allocated} allocated, {spent} spent, {left} left unspent",
                 "{allocated} zugeteilt, {spent} ausgegeben, {left} ungenutzt",
                 "{allocated} alloués, {spent} dépensés, {left} non dépensés",
                 "{allocated} asignados, {spent} gastados, {left} sin gastar",
                 "{allocated} alocados, {spent} gastos, {left} não gastos",
                 "配分 {allocated}、使用 {spent}、残り {left}"),
    "over": (" over {amount}", " über {amount}", " de plus de {amount}", " de más de {amount}",
             " acima de {amount}", "（{amount} 超）"),
    "closing": ("{n} open opportunities are expected to close in the next {days} days ({total}), the soonest first:",
                "{n} offene Opportunities sollen in den nächsten {days} Tagen abschließen ({total}), die früheste zuerst:",
                "{n} opportunités ouvertes doivent se clôturer dans les {days} prochains jours ({total}), la plus "
                "proche d'abord :",
                "{n} oportunidades abiertas deberían cerrarse en los próximos {days} días ({total}), la más próxima "
                "primero:",
                "{n} oportunidades abertas devem fechar nos próximos {days} dias ({total}), a mais próxima primeiro:",
                "今後 {days} 日以内にクローズ予定のオープン商談は {n} 件です（{total}、近い順）:"),
    "stale": ("{n} open opportunities have had no activity logged for {days}+ days, the longest idle first:",
              "{n} offene Opportunities ohne erfasste Aktivität seit {days}+ Tagen, die längste Ruhe zuerst:",
              "{n} opportunités ouvertes sans activité enregistrée depuis {days}+ jours, la plus ancienne d'abord :",
              "{n} oportunidades abiertas sin actividad registrada desde hace {days}+ días, la más inactiva primero:",
              "{n} oportunidades abertas sem atividade registrada há {days}+ dias, a mais parada primeiro:",
              "{days} 日以上活動記録のないオープン商談は {n} 件です（長い順）:"),
    "stale_longest": ("{n} open opportunities, the longest without logged activity first:",
                      "{n} offene Opportunities, die am längsten ohne erfasste Aktivität zuerst:",
                      "{n} opportunités ouvertes, la plus longtemps sans activité enregistrée d'abord :",
                      "{n} oportunidades abiertas, primero la que lleva más tiempo sin actividad registrada:",
                      "{n} oportunidades abertas, primeiro a que está há mais tempo sem atividade registrada:",
                      "オープン商談 {n} 件（活動記録のない期間が長い順）:"),
    "idle": ("no activity for {days} days (last {date})", "seit {days} Tagen keine Aktivität (zuletzt {date})",
             "aucune activité depuis {days} jours (dernière le {date})",
             "sin actividad desde hace {days} días (última {date})", "sem atividade há {days} dias (última {date})",
             "{days} 日間活動なし（最終 {date}）"),
    "lapsed": ("{n} registrations on open opportunities have lapsed (protection ended), the latest first:",
               "{n} Registrierungen offener Opportunities sind abgelaufen (Schutz beendet), die jüngste zuerst:",
               "{n} enregistrements d'opportunités ouvertes ont expiré (protection terminée), le plus récent d'abord :",
               "{n} registros de oportunidades abiertas han vencido (protección terminada), el más reciente primero:",
               "{n} registros de oportunidades abertas expiraram (proteção encerrada), o mais recente primeiro:",
               "失効した（保護期間が終了した）オープン商談の登録は {n} 件です（新しい順）:"),
    "lapsed_since": ("{n} registrations on open opportunities lapsed in the last {days} days, the latest first:",
                     "{n} Registrierungen offener Opportunities sind in den letzten {days} Tagen abgelaufen:",
                     "{n} enregistrements d'opportunités ouvertes ont expiré ces {days} derniers jours :",
                     "{n} registros de oportunidades abiertas vencieron en los últimos {days} días:",
                     "{n} registros de oportunidades abertas expiraram nos últimos {days} dias:",
                     "直近 {days} 日間に失効したオープン商談の登録は {n} 件です:"),
    "lapsed_on": ("lapsed {date} ({days} days ago)", "abgelaufen am {date} (vor {days} Tagen)",
                  "expiré le {date} (il y a {days} jours)", "venció el {date} (hace {days} días)",
                  "expirou em {date} (há {days} dias)", "{date} に失効（{days} 日前）"),
    "portal_logins_head": ("Portal logins by partner, {months}, the fewest first:",
                           "Portal-Logins je Partner, {months}, die wenigsten zuerst:",
                           "Connexions au portail par partenaire, {months}, les moins nombreuses d'abord :",
                           "Inicios de sesión en el portal por socio, {months}, primero los que menos:",
                           "Acessos ao portal por parceiro, {months}, primeiro os que menos acessaram:",
                           "パートナー別ポータルログイン数（{months}、少ない順）:"),
    "portal_logins_head_most": ("Portal logins by partner, {months}, the most first:",
                                "Portal-Logins je Partner, {months}, die meisten zuerst:",
                                "Connexions au portail par partenaire, {months}, les plus nombreuses d'abord :",
                                "Inicios de sesión en el portal por socio, {months}, primero los que más:",
                                "Acessos ao portal por parceiro, {months}, primeiro os que mais acessaram:",
                                "パートナー別ポータルログイン数（{months}、多い順）:"),
    "portal_logins_line": ("{n} logins", "{n} Logins", "{n} connexions", "{n} inicios de sesión", "{n} acessos",
                           "ログイン {n} 回"),
    "trainings_completed_head": ("Trainings completed by partner, {months}, the fewest first:",
                                 "Abgeschlossene Schulungen je Partner, {months}, die wenigsten zuerst:",
                                 "Formations suivies par partenaire, {months}, les moins nombreuses d'abord :",
                                 "Capacitaciones completadas por socio, {months}, primero los que menos:",
                                 "Treinamentos concluídos por parceiro, {months}, primeiro os que menos:",
                                 "パートナー別の修了研修数（{months}、少ない順）:"),
    "trainings_completed_head_most": ("Trainings completed by partner, {months}, the most first:",
                                      "Abgeschlossene Schulungen je Partner, {months}, die meisten zuerst:",
                                      "Formations suivies par partenaire, {months}, les plus nombreuses d'abord :",
                                      "Capacitaciones completadas por socio, {months}, primero los que más:",
                                      "Treinamentos concluídos por parceiro, {months}, primeiro os que mais:",
                                      "パートナー別の修了研修数（{months}、多い順）:"),
    "trainings_completed_line": ("{n} trainings", "{n} Schulungen", "{n} formations", "{n} capacitaciones",
                                 "{n} treinamentos", "研修 {n} 件"),
    "psat_head": ("Partner satisfaction (PSAT, average) by partner, {months}, the lowest first:",
                  "Partnerzufriedenheit (PSAT, Durchschnitt) je Partner, {months}, die niedrigste zuerst:",
                  "Satisfaction des partenaires (PSAT, moyenne), {months}, la plus basse d'abord :",
                  "Satisfacción de los socios (PSAT, promedio), {months}, la más baja primero:",
                  "Satisfação dos parceiros (PSAT, média), {months}, a mais baixa primeiro:",
                  "パートナー満足度（PSAT 平均、{months}、低い順）:"),
    "psat_head_most": ("Partner satisfaction (PSAT, average) by partner, {months}, the highest first:",
                       "Partnerzufriedenheit (PSAT, Durchschnitt) je Partner, {months}, die höchste zuerst:",
                       "Satisfaction des partenaires (PSAT, moyenne), {months}, la plus haute d'abord :",
                       "Satisfacción de los socios (PSAT, promedio), {months}, la más alta primero:",
                       "Satisfação dos parceiros (PSAT, média), {months}, a mais alta primeiro:",
                       "パートナー満足度（PSAT 平均、{months}、高い順）:"),
    "win_rate_head": ("Win rate by partner (deals closed, engaged or registered), {months}, the lowest first:",
                      "Gewinnquote je Partner (abgeschlossene Deals), {months}, die niedrigste zuerst:",
                      "Taux de réussite par partenaire (affaires conclues), {months}, le plus bas d'abord :",
                      "Tasa de éxito por socio (oportunidades cerradas), {months}, la más baja primero:",
                      "Taxa de sucesso por parceiro (negócios fechados), {months}, a mais baixa primeiro:",
                      "パートナー別の受注率（成約・失注した案件、{months}、低い順）:"),
    "win_rate_head_most": ("Win rate by partner (deals closed, engaged or registered), {months}, the highest first:",
                           "Gewinnquote je Partner (abgeschlossene Deals), {months}, die höchste zuerst:",
                           "Taux de réussite par partenaire (affaires conclues), {months}, le plus haut d'abord :",
                           "Tasa de éxito por socio (oportunidades cerradas), {months}, la más alta primero:",
                           "Taxa de sucesso por parceiro (negócios fechados), {months}, a mais alta primeiro:",
                           "パートナー別の受注率（成約・失注した案件、{months}、高い順）:"),
    "win_rate_line": ("{n}% ({won} of {closed} won)", "{n} % ({won} von {closed} gewonnen)",
                      "{n} % ({won} gagnées sur {closed})", "{n} % ({won} ganadas de {closed})",
                      "{n}% ({won} ganhos de {closed})", "{n}%（{closed} 件中 {won} 件受注）"),
    "psat_line": ("PSAT {n}", "PSAT {n}", "PSAT {n}", "PSAT {n}", "PSAT {n}", "PSAT {n}"),
    "expires": ("expires {date}, {days} days left", "läuft ab am {date}, noch {days} Tage",
                "expire le {date}, encore {days} jours", "vence el {date}, quedan {days} días",
                "vence em {date}, faltam {days} dias", "{date} に期限切れ、残り {days} 日"),
    "closes": ("close date {date}", "Abschlussdatum {date}", "date de clôture {date}", "fecha de cierre {date}",
               "data de fechamento {date}", "クローズ予定日 {date}"),
    "qualifies": ("{tier} today, qualifies for {fits}", "heute {tier}, erfüllt {fits}",
                  "{tier} aujourd'hui, remplit {fits}", "hoy {tier}, cumple {fits}", "hoje {tier}, atende {fits}",
                  "現在 {tier}、{fits} の条件を満たす"),
    "none": ("None.", "Keine.", "Aucun.", "Ninguno.", "Nenhum.", "ありません。"),
    "more": ("… and {n} more.", "… und {n} weitere.", "… et {n} de plus.", "… y {n} más.", "… e mais {n}.",
             "…ほか{n}件。"),
    # what to ask next, with the first item listed (each routes to that tool in its own language)
    "hint_match": ('Ask "which partners fit {deal}?" for a shortlist.',
                   "Fragen Sie „welche Partner passen zu {deal}?“ für eine Shortlist.",
                   "Demandez « quels partenaires pour {deal} ? » pour une liste courte.",
                   "Pregunte «¿qué socios encajan en {deal}?» para una lista corta.",
                   'Pergunte "quais parceiros servem para {deal}?" para uma lista curta.',
                   "候補のパートナーは「{deal} に合うパートナーは？」と聞いてください。"),
    "hint_draft": ('Ask "draft an email for <partner> from the {kit} kit" (add a language or a channel).',
                   "Fragen Sie „Entwurf einer E-Mail für <Partner> aus dem {kit}-Kit“ (mit Sprache oder Kanal).",
                   "Demandez « rédige un e-mail pour <partenaire> avec le kit {kit} » (avec une langue ou un canal).",
                   "Pida «redacta un correo para <socio> con el kit {kit}» (con un idioma o un canal).",
                   'Peça "escreva um e-mail para <parceiro> com o kit {kit}" (com um idioma ou um canal).',
                   "「{kit} キットで <パートナー> 向けのメールを作成して」と頼めます（言語やチャネルも指定できます）。"),
})


def _money(totals: dict[str, float]) -> str:
    return " + ".join(f"{amount:,.0f} {currency}" for currency, amount in sorted(totals.items())) or "0"


def answer(result: OverviewResult, partner_names: dict[str, str], lang: str = "en",
           can: Callable[[str], bool] | None = None) -> str:
    """The facts of `result` as a short answer (lists cut at LIST_MAX lines); with `can` (the asker's
    permissions), a last line says what to ask next about the first item listed."""
    t, n = result.topic, result.count
    over = _say("over", lang, amount=f"{result.min_amount:,.0f}") if result.min_amount else ""
    lines: list[str] = []
    if t == "partners":
        head = _say("tier", lang, n=n, tier=result.tier) if result.tier else _say("partners", lang, n=n)
        if not result.tier and result.by_tier:
            head += " (" + ", ".join(f"{k or '?'}: {v}" for k, v in sorted(result.by_tier.items())) + ")"
        lines = [head + "."]
        if result.tier or result.channel_manager:  # a tier's, or one manager's book: who they are
            lines += [f"- {p.name} ({p.partner_id})" for p in result.partners[:LIST_MAX]]
    elif t == "joined" and result.window:
        lines = [_say("joined_between", lang, n=n, start=result.window[0], end=result.window[1])]
        lines += [f"- {p.name} ({p.partner_id}), {p.tier}, {p.joined_on}{_wins(p, lang)}"
                  for p in result.partners[:LIST_MAX]]
    elif t == "joined":
        lines = [_say("joined", lang, n=n, year=result.year)]
        lines += [f"- {p.name} ({p.partner_id}), {p.joined_on}{_wins(p, lang)}" for p in result.partners[:LIST_MAX]]
    elif t == "users":
        split = ", ".join(f"{k} {role.replace('_', ' ')}" for role, k in sorted(result.by_role.items()))
        lines = [_say("users", lang, n=n, split=split)]
    elif t in ("pipeline", "unpartnered"):
        lines = [_say(t, lang, n=n, total=_money(result.totals), over=over)]
        if t == "unpartnered":
            lines += [_deal(d, lang, partner_names) for d in result.deals[:LIST_MAX]]
    elif t == "won":
        first, last = result.window or (result.today, result.today)
        lines = [_say("won", lang, n=n, total=_money(result.totals), first=first, last=last)]
    elif t in ("past_close", "expiring", "closing"):
        lines = [_say(t, lang, n=n, days=result.days, total=_money(result.totals))]
        lines += [_deal(d, lang, partner_names) for d in result.deals[:LIST_MAX]]
    elif t == "stale":  # days 1: "idle the longest?", every open deal by how long it has been quiet
        lines = [_say("stale_longest" if result.days == 1 else "stale", lang, n=n, days=result.days)]
        lines += [_deal(d, lang, partner_names, _say("idle", lang, days=d.idle_days, date=d.last_activity_on))
                  for d in result.deals[:LIST_MAX]]
    elif t == "lapsed":
        lines = [_say("lapsed_since" if result.days else "lapsed", lang, n=n, days=result.days)]
        lines += [_deal(d, lang, partner_names, _say("lapsed_on", lang, date=d.expires_on, days=-(d.days_left or 0)))
                  for d in result.deals[:LIST_MAX]]
    elif t == "logins":
        months = f"{result.months[0]}..{result.months[-1]}" if len(result.months) > 1 else "".join(result.months)
        metric = result.metric or "portal_logins"
        first = result.partners[:1] and result.partners[-1:] and (result.partners[0].portal_logins or 0) > (
            result.partners[-1].portal_logins or 0)  # the highest first
        lines = [_say(f"{metric}_head{'_most' if first else ''}", lang, months=months)]
        lines += [f"{i}. {p.name} ({p.partner_id}): "
                  + _say(f"{metric}_line", lang, n=f"{p.portal_logins:g}" if p.portal_logins is not None else "-",
                         won=p.won, closed=p.closed)
                  for i, p in enumerate(result.partners[:LIST_MAX], 1)]
    elif t == "kits":
        lines = [_say("kits", lang, n=n)]
        lines += [f"- {k.name} [{k.kit_id}]: {', '.join(k.locales)}" for k in result.kits[:LIST_MAX]]
    elif t == "certified":
        lines = [_say("certified", lang, n=n, product=result.product or "", country=result.country or "")]
        lines += [f"{i}. {p.name} ({p.partner_id}): " + _say("certified_line", lang, n=p.certified)
                  for i, p in enumerate(result.partners[:LIST_MAX], 1)]
    elif t == "tier_rules":
        for tier, minimums in result.tier_rules.items():
            lines.append(_say("tier_rules", lang, tier=tier))
            for key, minimum in minimums.items():
                metric = key.removeprefix("min_")
                label = say("m_" + metric, lang) if "m_" + metric in say else metric.replace("_", " ")
                lines.append(f"- {label}: {_money({result.currency: minimum}) if 'revenue' in metric else f'{minimum:,.0f}'}")
    elif t == "mdf":
        months = f"{result.months[0]}..{result.months[-1]}" if result.months else ""
        lines = [_say("mdf", lang, months=months, currency=result.currency)]
        lines += [f"{i}. {p.name} ({p.partner_id}): " + _say("mdf_line", lang, allocated=f"{p.mdf_allocated:,.0f}",
                                                                spent=f"{p.mdf_spent:,.0f}", left=f"{p.mdf_left:,.0f}")
                  for i, p in enumerate(result.partners[:LIST_MAX], 1)]
    elif t == "no_registrations":
        lines = [_say(t, lang, n=n, days=result.days)]
        lines += [f"- {p.name} ({p.partner_id}): " + (_say("last_reg", lang, day=p.last_registered)
                                                       if p.last_registered else _say("never_reg", lang))
                  for p in result.partners[:LIST_MAX]]
    elif t in ("open_deals", "open_pipeline"):
        lines = [_say(t, lang, n=n)]
        lines += [f"{i}. {p.name} ({p.partner_id}): " + _say("open_deals_line", lang, deals=p.open_deals,
                                                                amount=f"{p.pipeline or 0:,.0f}")
                  for i, p in enumerate(result.partners[:LIST_MAX], 1)]
    else:  # promotion, below_tier
        lines = [_say(t, lang, n=n)]
        lines += [f"- {p.name} ({p.partner_id}): " + _say("qualifies", lang, tier=p.tier, fits=p.qualifies_for)
                  for p in result.partners[:LIST_MAX]]
    shown = len(lines) - 1
    total = len(result.partners) if t in ("partners", "joined", "promotion", "below_tier", "mdf", "certified",
                                          "open_deals", "open_pipeline", "no_registrations", "logins") \
        else len(result.deals)
    if t in ("partners",) and not (result.tier or result.channel_manager):
        total = shown
    if total > shown and shown > 0:
        lines.append(_say("more", lang, n=total - shown))
    if n == 0 and t not in ("users", "partners", "pipeline", "won", "unpartnered"):
        lines.append(_say("none", lang))
    if t == "mdf" and len(result.partners) > 1:  # "total MDF allocated across all partners in Q3?"
        allocated, spent = (sum(getattr(p, f) or 0.0 for p in result.partners) for f in ("mdf_allocated", "mdf_spent"))
        lines.append(say("total_label", lang) + ": " + _say("mdf_line", lang, allocated=f"{allocated:,.0f}",
                                                            spent=f"{spent:,.0f}", left=f"{max(allocated - spent, 0):,.0f}"))
    if can and t == "unpartnered" and result.deals and can("match"):
        lines.append(_say("hint_match", lang, deal=result.deals[0].name))
    if can and t == "kits" and result.kits and can("draft"):
        lines.append(_say("hint_draft", lang, kit=result.kits[0].name))
    return "\n".join(lines)


def _deal(d, lang: str, partner_names: dict[str, str], when: str = "") -> str:
    partner = partner_names.get(d.partner_id or "", d.partner_id or "")
    amount = f"{d.amount:,.0f} {d.currency}" if d.amount is not None else ""
    when = when or (_say("expires", lang, date=d.expires_on, days=d.days_left) if d.expires_on
                    else _say("closes", lang, date=d.close_date))
    extra = ", ".join(x for x in (partner, amount, when) if x)
    return f"- {d.name} [{d.opportunity_id}]: {extra}"
