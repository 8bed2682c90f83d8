"""Cue phrases that say which tool a question wants, in several languages, and the text clean-up before
them (Slack markup, chat abbreviations). Only the vocabulary of the job (deals, partners, drafts,
overlaps, next steps) appears here, never a name from an ecosystem: names are the resolver's, from the data.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from tools.shorthand import ABBREVIATIONS, expand_shorthand, whole_words  # noqa: F401  re-exported

_ABBREV_RE = whole_words(ABBREVIATIONS)

PARTNER_TYPES = (r"partners?|resellers?|var|vars|sis?|system integrators?|integrators?|msps?|"
                 r"distributors?|distis?|consultanc(y|ies)|isvs?|channel partners?|referral partners?|"
                 r"partenaires?|revendeurs?|intégrateurs?|socios?|parceiros?|revendedores?|"
                 r"integradores?|パートナー|販売店|sier")  # fmt: skip
P = rf"(?:{PARTNER_TYPES})"

# (pattern, weight) per intent, on the normalised question.
CUES: dict[str, list[tuple[str, float]]] = {
    "draft": [
        (r"\bdraft\b|\bdrafts?\s+(an?|the|me)\b", 3),
        ((r"\b(write|compose|prepare|create|make|generate|put together|produce|need|want|give me)\b.{0,40}"
          r"\b(e-?mail|post|landing|campaign|message|copy|invite|invitation|tweet|newsletter|blurb|"
          r"announcement|outreach)"), 3),
        (r"\bco-?brand", 2), (r"\blocali[sz]e\b|\btranslate\b.{0,30}\b(kit|campaign|e-?mail|post)", 2),
        (r"\bentwurf|\bentwirf|\bschreib|\berstell", 3), (r"\brédig|\bbrouillon|\bécri[rstv]", 3),
        (r"\bredact|\bborrador|\bescrib", 3), (r"\brascunho|\bescrev|\bredij", 3),
        (r"下書き|ドラフト|書いて|作成して|作って", 3),
        (r"\blinkedin\b|\bsocial (media )?post\b|\blanding page\b|\btweet\b|\bnewsletter\b|\bcopy\b", 1),
        (r"\bcampaign\b|\bkampagne|\bcampagne|\bcampaña|\bcampanha|キャンペーン", 1),
        (r"\b(same|it|that|this)\b.{0,20}\b(in|as|auf|en|em)\b", 0.5),
    ],
    "map": [
        (r"\baccounts?\b.{0,30}\b(share|shared|in common|overlap)", 3), (r"\bshare\b.{0,25}\bwith\b", 2),
        (r"\boverlap", 3), (r"\baccount[- ]mapping\b|\bmap (the |our )?accounts\b|\bmapping\b", 3),
        (r"\b(mutual|common|joint|shared|overlapping) (customers|accounts|clients|logos)\b", 3),
        (r"\bin common\b", 3), (r"\bwe both\b|\bboth (sell|work|have)\b", 2),
        (r"\bmap\b", 1), (r"\b(customers|accounts|clients)\b.{0,40}\b(also|too|as well)\b", 3),
        (r"\b(customers|accounts|clients)\b.{0,40}\b(work with|sell to|know|have)\b", 1),
        (r"\bintroduc", 2), (r"\bwhite ?space\b|\bcross-?sell (list|opportunities)\b", 2),
        (r"\bteilen\b.{0,20}\bmit\b|\bpartageons\b|\bcompartimos\b|\bcompartilhamos\b", 2),
        (r"gemeinsame\w* (kunden|accounts|konten)|überschneid|\bgemeinsam\b", 3),
        (r"(comptes|clients) (en )?commun|chevauchement", 3),
        (r"(cuentas|clientes) en común|solapamiento", 3),
        (r"(contas|clientes) em comum|sobreposição", 3),
        # "quantos clientes em comum temos?", "¿cuántas cuentas tenemos en común?" ("clientes" is read as "clients")
        (r"\b(cuentas|clientes|clients|contas|comptes|kunden|konten)\b.{0,25}\b(en común|en comun|em comum|en commun)\b",
         3),
        (r"共通の(顧客|アカウント)|共通顧客|重複|アカウントマッピング", 3),
        # "how many of our customers are also <partner> customers?" in de, fr, es, pt, ja
        (r"\b(kunden|clients|clientes)\b.{0,40}\b(auch|ebenfalls|aussi|également|también|também)\b.{0,30}"
         r"\b(kunden|clients|clientes)\b|顧客.{0,20}も.{0,20}顧客", 3),
        # "how many of our customers are <vendor>'s prospects?", "combien de nos clients sont des prospects chez X ?":
        # one side's customers against the other's prospects, the mapping's populations
        (r"\b(how many|which|what share|wie ?viele|welche\w*|combien|quels?|quelles?|cuánt\w*|cuáles|quant\w*|quais|"
         r"number of|anzahl|nombre de|número de)\b.{0,30}"
         r"\b(customers?|clients?|clientes?|kunden|accounts?|comptes?|cuentas?|contas?|konten)\b.{0,40}"
         r"\b(prospects?|prospekt\w*|prospectos?|prospecç\w*|clientes potenciais|clientes potenciales)\b|"
         r"顧客.{0,20}見込み(客|顧客).{0,20}(何社|何件|いくつ|どれ)", 3),
    ],
    "match": [
        (rf"\b(which|what|any) {P}\b", 2),
        (r"\bwho\b.{0,30}\b(help|bring|work|involve|partner|take|co-?sell)", 2),
        (r"\bwho (should|could|can|would)\b", 1),
        (r"\b(bring|pull|loop|rope) (in|into|on)\b|\bteam up\b|\battach\b", 2),
        (rf"\b(best|right|ideal|top|suitable|strongest|good|strong|qualified|recommended|ideal) {P}\b", 3),
        (rf"\b{P} (for|on|to help with|to bring into|to work on|that could|who could)\b", 2),
        (rf"\brecommend\w* (a |some |any )?{P}\b|\b{P} (recommendations|suggestions|shortlist)\b", 3),
        (r"\bmatch\w*\b", 2), (r"\binvolve\b|\bengage\b", 1),
        (rf"\b(rank|shortlist|suggest|propose)\w* .{{0,10}}{P}", 3),
        (r"\bwho can help\b|\bwho('s| is) (best|better) (placed|positioned|suited)\b|\bbest placed\b", 3),
        (rf"\bneed (a |some |an? )?{P}\b|\bfind (me |us )?(a |some )?{P}\b", 3),
        (r"\bco-?sell\b|\bcould take\b|\bhelp (us )?(win|close)\b", 1), (r"\bwho else\b", 2),
        (r"\b(could|can|would|should)\b.{0,40}\bhelp (on|with|us)\b", 2),
        (r"\bwelche\w* partner|passende\w* partner|\bpartner für\b|\bwer (kann|könnte|sollte)\b", 3),
        (r"\bquels? partenaires?|partenaire idéal|\bpartenaire pour\b|\bqui (peut|pourrait)\b", 3),
        (r"\bqué (socio|partner)|\bmejor(es)? (socio|partner)|\bsocios? para\b", 3),
        (r"\bqual(is)? (é o |e o )?(melhor )?parceiro|\bmelhor(es)? parceiro|\bparceiros? para\b", 3),
        (r"どのパートナー|最適なパートナー|パートナーを(推薦|提案)|合うパートナー|おすすめのパートナー", 3),
        # "who should work / take / help on it?" in fr, es, pt, ja: which partner, like English "who ... work"
        (r"\bqui (devrait|doit|peut|pourrait|devraient|pourraient)\b.{0,30}\b(travailler|aider|prendre|porter|"
         r"s'occuper|accompagner|gérer|mener|co-?vendre)|\bquién(es)? (debería|debe|puede|podría|deberían|podrían)\b"
         r".{0,30}\b(trabajar|llevar|ayudar|tomar|encargarse|acompañar|gestionar|co-?vender)|\bquem (deveria|deve|"
         r"pode|poderia|deveriam|poderiam)\b.{0,30}\b(trabalhar|levar|ajudar|assumir|cuidar|acompanhar|tocar|"
         r"co-?vender)|誰が.{0,12}(担当|支援|手伝|組む)", 3),
    ],
    "nba": [
        (r"\bwhat (should|do|can|must) (i|we)\b.{0,20}\bdo\b|\bwhat (should|shall) (i|we)\b", 3),
        (r"\bwhat('s| is)? (now|next)\b|\bdo next\b|\bnext steps?\b|\bnext best\b|\bnext actions?\b", 3),
        (r"\bhow( is| are| am|'s)\b.{0,40}\b(doing|going|performing|tracking|trending|looking)\b", 3),
        (r"\bhealth\b|\bhealthy\b", 2), (r"\bfocus on\b|\bpriorit|\bto-?dos?\b|\baction items?\b", 2),
        (r"\bstalled\b|\bstuck\b|\brisks?\b|\bslipp|\bquiet\b|\bneeds? attention\b|\bexpir", 1),
        (r"\b(my|our) pipeline\b|\bstatus of (my|our)\b|\bpipeline review\b", 3),
        # the asker's own records in some state ("any of my registrations expiring?"), not a rule about them
        (r"\b(any|which|all) (of )?(my|our) (deal )?(registrations|regs|deals|opportunit(y|ies)|renewals)\b|"
         r"\b(my|our) (deal )?(registrations|regs|deals|opportunities|renewals) (that )?(are |is )?"
         r"(expir|stall|stuck|at risk|slipp|closing|overdue|quiet)|\b(which|what) (deal )?(registrations|deals|"
         r"opportunities|renewals) (are |is )?(expir|stall|stuck|at risk|slipp|overdue)", 3),
        (r"\brecommended actions?\b|\bactions? (for|on)\b|\badvice\b|\bwhat would you do\b", 2),
        (r"\bmove\b.{0,40}\bforward\b|\bunblock|\bget .{0,20}back on track\b|\bre-?engage\b", 3),
        (r"nächste[nr]? schritt|was sollten? (ich|wir)|was (tun|mache ich)|wie läuft|wie steht", 3),
        (r"prochaines? étapes?|que (dois|devrais|devons|faire)|comment va", 3),
        (r"(próximos?|siguientes?) pasos?|qué (debo|debería|deberíamos|hago|hacemos)|cómo va", 3),
        (r"próximos? passos?|o que (devo|devemos|fazer|faço)|como (está|vai)", 3),
        (r"次に何|次のアクション|次のステップ|次の一手|何をすべき|どうすれば|どうしたら", 3),
        (r"(案件|商談|パートナー)の(状況|進捗|ステータス)", 3),
    ],
    "search": [
        (r"\bpolic(y|ies)\b|\bprogram(me)?\b|\brules?\b|\brequirements?\b", 1),
        (r"\bhow (do|can|to|does)\b|\bwhat (is|are|does)\b", 0.5),  # weak: also opens other questions
        (r"\bexplain\b|\bmdf\b|\bcertificat|\btiers?\b|\bplaybook|\bbattle ?card", 1),
        (r"\bregist(er|ration)\b|\bdiscount|\brebate|\bonboard|\btraining\b|\bguide\b|\bfaq\b", 1),
        (r"\bpositioning\b|\bposition (against|vs)|\bagainst\b|\bvs\.?\b|\bcompetit|\bobjection", 1),
        (r"\bproof points?\b|\bcase stud|\breferences?\b|\btalking points\b|\bpitch\b|\bdeck\b", 1),
        (r"\bescalat|\bsupport\b|\brelease notes\b|\bwhat's new\b|\bwhat is new\b|\btips\b|\bplan\b", 1),
        (r"\bintegrat(e|es|ion) with\b|\bdocument|\bwhere (can|do) i\b|\bclaim\b|\bbenefits?\b", 1),
        ((r"wie (kann|registriere|funktioniert)|comment (fonctionne|faire)|cómo (funciona|registro)|"
          r"como (funciona|registro)|方法|とは|について"), 1),
        (r"認定|試験|資格|規定|ポリシー|割引|リベート", 1),  # the programme's subjects in Japanese
    ],
}  # fmt: skip


# A partner's own standing ("are we on track for gold?", "how much MDF have we left?"): topic -> patterns on
# the normalised question. A topic needs its subject word and a "how much / where do we stand" word; the
# router adds the "us" (or a named partner) and keeps programme questions ("what happens when a
# registration expires?") with the content. Only the job's vocabulary, never a name from an ecosystem.
US = (r"\b(we|our|us|ours|my|mine|i|wir|uns|unser\w*|mein\w*|nous|notre|nos|mes|mon|ma|nosotros|nuestr\w*|"
      r"mis|mi|nós|nosso\w*|nossa\w*|meu|meus|minha\w*|a gente)\b|私たち|弊社|当社|うち|我々|自社")
TIER_WORD = (r"\b(gold|silver|silber|platinum|platin|platine|platino|plat|prata|plata|ouro|oro|argent|tiers?|stufe|"
             r"level|niveau|nivel|nível|status|ranking)\b|ゴールド|シルバー|プラチナ|ティア|ランク")
# The word for a tier itself, not a tier's name ("what's our tier?", not "our programme for gold partners")
TIER_NOUN = r"\b(tiers?|stufe|level|niveau|nivel|nível|partner ?status|ranking)\b|ティア|ランク"
# The programme's tiers as people write them -> the tier as recorded (partners.csv `tier`).
TIER_NAMES: dict[str, str] = {
    r"\b(platinum|platin|platine|platino|plat)\b|プラチナ": "platinum",
    r"\b(gold|ouro|oro)\b|ゴールド": "gold",
    r"\b(silver|silber|argent|plata|prata)\b|シルバー": "silver",
}
_TIER_NAMES = [(re.compile(p), tier) for p, tier in TIER_NAMES.items()]


def programme_tier_named(question: str, tiers) -> str | None:
    """The programme's tier (one of `tiers`, the vendor's own tier names in lower case, from vendor.yaml and
    partners.csv) that a question names: written with a capital ("pour un partenaire Gold"), next to a partner
    or tier word ("registered partners", "Stufe Premier"), or after "as" ("als registered partner"); a tier
    name that is also an everyday word ("registered deals") is not one on its own."""
    lowered = question.casefold()
    for tier in sorted(tiers, key=len, reverse=True):
        name = re.escape(tier.casefold())
        if re.search(rf"(?<![\w-]){name}(?![\w-])", lowered) is None:
            continue
        capitalised = re.search(rf"(?<![\w-]){re.escape(tier[:1].upper())}{re.escape(tier[1:].casefold())}(?![\w-])",
                                question)
        beside = re.search(rf"\b({PARTNER_TYPES}|{TIER_NOUN})\s+(de |of |du |do |da )?{name}\b|\b{name}\s+({PARTNER_TYPES}|"
                           rf"{TIER_NOUN})|\b(as|als|comme|como|en tant que|em)\s+(an? |un |une |um |uma |ein\w* )?{name}\b",
                           lowered)
        if capitalised or beside:
            return tier.casefold()
    return None


def tier_named(question: str) -> str | None:
    """The tier a question names ("what plat needs", "für silber", "プラチナ"), or None."""
    text = normalise(question)
    return next((tier for pattern, tier in _TIER_NAMES if pattern.search(text)), None)
# A deal stage in the languages of the cues -> the stage as recorded (opportunities.csv `stage`).
DEAL_STAGES: dict[str, str] = {
    r"negotiat\w*|verhandl\w*|négo\w*|negocia\w*|交渉|ネゴ\w*": "negotiation",
    r"proposals?|angebotsphase|propositions?|propuestas?|propostas?|提案": "proposal",
    r"qualification|qualifizierung|calificación|qualificação|評価|選定": "qualification",
    r"prospecting|prospection|prospección|prospecção|prospek\w*|見込み": "prospecting",
}
STAGE_WORDS = "|".join(DEAL_STAGES)
_STAGES = [(re.compile(p), stage) for p, stage in DEAL_STAGES.items()]


def deal_stage(question: str) -> str | None:
    """The deal stage a question names ("deals in negotiation", "en négo", "ネゴシエーション段階"), or None."""
    text = normalise(question)
    return next((stage for pattern, stage in _STAGES if pattern.search(text)), None)


# "who do I ping about a stuck reg?", "bei wem beantrag ich das?": the person at the vendor to ask
ASK_WHOM = re.compile(r"\bwho (do|should|can|would) (i|we) (talk|speak|go|turn|reach out|ping|ask|contact|call|email|write|"
                      r"escalate)\b|\bbei wem (beantrag|frag|meld|beschwer|bekomm)\w*|\ban wen (wende|richte|muss|soll)\w*|"
                      r"\bà qui (dois-je |doit-on |je dois |on doit |faut-il )?(demander|m'adresser|parler|écrire|s'adresser)\b|"
                      r"\ba quién (le |se lo )?(pido|pregunto|escribo|contacto|acudo|llamo|solicito)\b|"
                      r"\b(com quem|a quem) (eu )?(falo|peço|pergunto|devo falar|devo pedir|recorro)\b|"
                      r"(誰|どなた|どこ)に(聞け|聞く|相談|申請|連絡|頼め)")
# what a channel manager handles ("who do I ping about a stuck reg?", "an wen wende ich mich bei einem Konflikt?"),
# as opposed to what a support desk or the partner's own contact does (portal access, exam bookings, co-marketing)
CM_SUBJECT = re.compile(r"\b(regs?|regist\w*|enregistr\w*|conflicts?|konflikt\w*|conflits?|conflictos?|conflitos?|"
                        r"extension|extend\w*|verlänger\w*|prolong\w*|extensión|prórroga|extensão|prorrog\w*|mdf|"
                        r"funds?|tiers?|promotion|beförderung|upgrade|deals?|opportunit\w*|opps?|claims?|antrag|"
                        r"beantrag\w*|approv\w*|freigabe|genehmigung|approbation|aprobaci\w*|aprovaç\w*|programme|"
                        r"program|programm|programa)\b|登録|延長|競合|承認")
# Marketing development funds in the six languages: the acronym and the local one (FDM: fonds / fondos de
# développement / desarrollo de marketing), the words spelled out, a marketing budget or fund. One pattern for every
# MDF cue of the engine (profile figures, requests, returns, the book, follow-ups).
MDF_WORDS = (r"(?:(?<![a-z0-9])(?:mdf|fdm)(?![a-z0-9])|\bmarketing[ -]?(?:development )?funds?\b|\bco-?marketing "
             r"funds?\b|\bmarketing ?budget\b|\bmarketingbudget|marketingmittel|marketingfonds|\bfonds (?:de )?(?:"
             r"d[ée]veloppement )?marketing|\bfondos? (?:de (?:desarrollo de )?)?marketing|\bfundos? (?:de "
             r"(?:desenvolvimento de )?)?marketing|\bverbas? de marketing|マーケティング(?:開発)?(?:資金|予算|ファンド))")
MDF_WORDS_RE = re.compile(MDF_WORDS, re.IGNORECASE)


PROFILE_CUES: dict[str, list[str]] = {
    "tier": [
        rf"({TIER_WORD}).{{0,40}}\b(on track|close|far|qualify|qualif\w+|progress|missing|short|gap|reach|make it|"
        r"keep|retain|stay|lose|need|needed|left|away|take(?! effect)|takes(?! effect))\b",
        # "are we still gold?", "sind wir noch Gold?", "sommes-nous toujours gold ?", "ainda somos ouro?"
        rf"\b(are|r) (we|they|you)( still| really)? (an? )?({TIER_WORD})|\b(still|noch|toujours|encore|todavía|aún|"
        rf"ainda|seguimos|continuamos)( (siendo|sendo|sind wir|sommes-nous|somos))? (an? |un |une |ein )?({TIER_WORD})|"
        rf"\b(sind wir|sommes-nous|somos|seguimos siendo|continuamos sendo)( noch| toujours| encore| ainda| aún)? "
        rf"(ein |un |une )?({TIER_WORD})|まだ(ゴールド|シルバー|プラチナ)",
        rf"\b(on track|how close|how far|qualify|progress|missing|short of|gap to|what do (we|i) (still )?need|"
        rf"(we|i) (still )?need|eligible|meet|meeting|still meet\w*|criteria|crit[eéè]r\w*|kriterien|requisit\w*|"
        rf"cumpl\w*|rempli\w*|remplissons|bate\w*|"
        rf"what('s| is) missing|what are we missing|need to (reach|get|hit|make)|keep|lose|block\w*|holding \w+ back|"
        rf"stand(s|ing)? in the way|stopp\w*|prevent\w*)\b.{{0,40}}({TIER_WORD})",
        rf"(fehlt|fehlen|erreichen|qualifizier|auf kurs|halten|verlieren|wie weit|wie nah|brauch\w*|erfüll\w*|"
        rf"benötig\w*|passen wir|reicht es|reicht's|reichts|schaffen wir).{{0,40}}({TIER_WORD})|"
        rf"({TIER_WORD}).{{0,40}}(fehlt|fehlen|erreichen|qualifizier|auf kurs|halten|verlieren)",
        rf"(manque|atteindre|qualifi|en bonne voie|gard(e|er|ons|ez)\b|conserv\w*|perd\w*|loin|proche|"
        rf"rest(e|ons|er)\b).{{0,40}}({TIER_WORD})",
        # "how much more revenue to platinum?", "wie viel mehr Umsatz bis Gold?", "combien de plus pour platine ?"
        rf"\b(how (much|many)|wie ?viel\w*|combien|cuánt[oa]s?|quant[oa]s?)\b.{{0,20}}\b(more|mehr|plus|más|mais)\b"
        rf".{{0,40}}\b(to|for|until|till|bis|zu|zum|für|pour|jusqu\w*|para|hasta|até|pra)\b.{{0,12}}({TIER_WORD})",
        rf"(falta|alcanzar|calific\w*|cumpl\w*|manten\w*|mantien\w*|conserv\w*|perd\w*|pierd\w*|lejos|cerca|llegar|"
        rf"lleguemos|subir|ascender|atingir|chegar|cheguemos|mant\w*|qualificar|longe|perto).{{0,40}}({TIER_WORD})",
        # "y para gold qué nos falta?", "et pour platine, il nous manque quoi ?": the gap asked after the tier
        rf"({TIER_WORD}).{{0,30}}\b(nos falta\w*|falta\w*|nous manque|manque\w*|nos resta\w*)\b",
        # "what would it take for us to get to gold?", "how do we move up to platinum?", "can we make it to silver?"
        rf"\b(what (would|will|does) it take|get (us )?(to|into)|move (up )?to|upgrade (us )?to|make it (to|into)|"
        rf"climb to|step up to|promot\w* to|reach|hit|become)\b.{{0,20}}({TIER_WORD})",
        # "are we close to platinum?", "o que a gente precisa pra gold?", "sind wir nah an Platin dran?"
        rf"\b(close to|near|nah an|nahe an|nah dran|près de|pr[eè]s du|cerca de|perto d[eoa])\b.{{0,20}}({TIER_WORD})|"
        rf"\b(precisa\w*|necesit\w*|nous faut|il faut|fehlt uns|brauchen wir)\b.{{0,30}}({TIER_WORD})",
        # "a gente ainda é gold de verdade pelos números?", "still gold by the numbers?": the tier held on the figures
        rf"\b(are|is|am|é|e|somos|sind|sommes|still|ainda|noch|toujours|todavía|aún)\b.{{0,12}}({TIER_WORD})"
        rf".{{0,30}}\b(by the numbers|on the numbers|on paper|de verdade|de verdad|pelos números|"
        rf"por los números|laut zahlen|nach (den )?zahlen|wirklich|vraiment|en vrai|d'après les chiffres|really|actually)\b",
        rf"({TIER_WORD}).{{0,30}}(足りない|不足|達成|到達|あと|条件|要件|基準|満たし|満たせ|クリア|必要|届|維持|昇格|になるには|になるため|に上が)",
        r"\b(won revenue|revenue won|won deals|closed[- ]won|gewonnene\w* (umsatz|deals)|umsatz gewonnen|"
        r"chiffre d'affaires gagné|affaires gagnées|ingresos ganados|negocios ganados|receita ganha|"
        r"negócios ganhos)\b|受注(金額|額|件数)",
        # "how many deals did we win?", "notre CA gagné ?", "wie viel Umsatz haben wir gewonnen?"
        r"\b(deals?|opportunit\w*|revenue|umsatz|geschäfte|ca|chiffre d'affaires|affaires|ingresos|negocios|"
        r"oportunidades|receita|faturamento|negócios)\b.{0,70}(\bdid (we|i) win\b|\b(won|gewonnen|gagnée?s?|"
        r"ganad[oa]s?|ganh[oa]s?|ganamos|ganaron|ganó|ganhamos|ganharam|ganhou|remporté\w*)\b)",
        # German puts the participle last: "wie viel Umsatz haben wir in den letzten 12 Monaten gewonnen?",
        # "haben wir schon einen gewonnenen Deal?"
        r"\b(umsatz|deals?|geschäfte|aufträge)\b.{0,90}\bgewonnen\b|\bgewonnene[nrs]?\s+(deals?|geschäft\w*|"
        r"aufträge|auftrag|umsatz)\b",
        # "how's <partner> vs the gold bar?", "and <partner> vs platinum?": its figures against that tier's minimums
        rf"\b(vs\.?|versus|against|compared (to|with)|gegenüber|verglichen mit|contre|comparé à|frente a|"
        rf"comparad[oa] con|comparad[oa] com)\s+(the |die |den |le |la |el |o |a )?({TIER_WORD})",
        # "what are their numbers?", "unsere Kennzahlen?": the partner's tier figures
        r"\b(their|our|its|my|ihre|unsere|leurs|nos|sus|nuestr[oa]s|seus|nossos) (numbers|figures|stats|metrics|kpis|"
        r"zahlen|kennzahlen|chiffres|cifras|números|indicadores)\b|(数字|実績)(は|を)",
        # "what tier are we?", "quel est notre niveau ?", "in welcher Stufe sind wir?"
        rf"\b(what|which|what's|quel\w*|welche\w*|cuál|cual|qual)\b.{{0,25}}({US}|\b(estamos|sommes|sind wir|somos)\b)"
        rf".{{0,25}}({TIER_NOUN})|({TIER_NOUN})\W+(are|is|sind|est|es|é) (we|our|wir|unser\w*|nous|notre)\b",
        # "¿en qué nivel está <partner>?", "in welcher Stufe ist <partner>?", "à quel niveau est <partner> ?"
        rf"\b(en|in|em|à|a|auf|on)\s+(qué|que|welche\w*|quel\w*|what|which|qual)\s+({TIER_NOUN})\s+"
        rf"(está|esta|ist|est|is|are|é|estão|están|sind|se encuentra)\b",
    ],
    "mdf": [
        MDF_WORDS + r".{0,50}\b(spent|spend|left|remaining|"
        r"used|unused|balance|solde|saldo|guthaben|how much|allocated|budget|ausgegeben|übrig|verbleib\w*|verbraucht|genutzt|dépensé\w*|"
        r"reste|restant\w*|utilisé\w*|gastad\w*|gastamos|queda|quedan|disponible|usad\w*|gast\w*|sobr\w*|"
        r"restante\w*|usamos|overspen\w*|over budget|überzogen|überschritten|ausgeb\w*|dépass\w*|excedi\w*|"
        r"sobregast\w*|ultrapass\w*|estour\w*)\b",
        r"\b(how much|wie ?viel\w*|combien|cuánto|quanto|spent|left|remaining|übrig|ausgegeben|reste|queda|sobr\w*|"
        r"solde|saldo|guthaben|balance|"
        r"gast\w*|overspen\w*|overspent|over budget|went over|überzogen|dépass\w*|excedi\w*|sobregast\w*|"
        r"ultrapass\w*)\b.{0,40}" + MDF_WORDS,
        MDF_WORDS + r".{0,20}(残り|残高|使|消化|予算|いくら|割当|割り当て|配分)",
        # "is <partner> using its MDF?", "mdf alloc vs spend", "notre allocation MDF"
        r"\b(using|use|used|spending|utilise\w*|nutzt|nutzen|usando|utilizando)\b.{0,20}" + MDF_WORDS + "|"
        + MDF_WORDS + r".{0,20}\b(alloc\w*|allotment|zuteilung|zuweisung|allocation|asignaci\w*|alocaç\w*)",
    ],
    "certifications": [
        r"\b(how many|number of|count of|wie ?viele|anzahl|combien|cuántos|cuántas|quantos|quantas)\b.{0,40}"
        r"(certif|zertifi)",
        r"(certif|zertifi)\w*.{0,30}\b(headcount|count|people|staff|engineers|consultants|leute|mitarbeit\w*|"
        r"personnes|personas|pessoas|gente)\b",
        r"(認定|資格).{0,20}(何人|人数|者数|数は)",
    ],
    "conflicts": [
        r"(conflicts?|konflikt\w*|conflits?|conflictos?|conflitos?|競合|コンフリクト|衝突)",
    ],
    "registrations": [
        r"(registrations?|\bregist(er|ered)\b|\bregs?\b|registrierung\w*|enregistrement\w*|registros?|案件登録|登録).{0,50}"
        r"(expir\w*|run(ning)? out|days left|still (valid|protected|active)|protected|lapse|läuft|ablauf\w*|"
        r"abgelaufen|geschützt|gültig|expire\w*|valable|protégé\w*|vence\w*|vencid\w*|caduca\w*|válid\w*|"
        r"valendo|protegid\w*|quedan?|faltam|restam?|left|remaining|activ\w*|ativ[oa]s?|active|live|en cours|laufen\w*|"
        r"aktuell\w*|current\w*|actuel\w*|actual\w*|atua\w*|derzeit|gerade|actifs?|right now|at the moment|"
        r"im moment|momentan|en ce moment|ahora|agora|"
        r"vigente\w*|期限|切れ|残り|あと何日|保護|有効|\bends?\b|\bending\b|endet|finit|termine|termina|acaba|"
        r"encerra)",
        r"(期限切れ|失効|切れる|切れそう|満了).{0,10}登録",
        # "wann läuft seine Registrierung ab?", "quando termina o registro?": the ending before the registration
        r"\b(läuft|laufen|endet|enden|expire|expira|vence|termina|finit|ends?)\b.{0,30}(registrierung\w*|"
        r"enregistrement\w*|registros?|registrations?|regist(er|ered)\b)",
        # "¿cuándo vence la protección de <deal>?", "bis wann ist <deal> geschützt?", "until when is it protected?"
        r"\b(when|until when|till when|wann|bis wann|quand|jusqu'à quand|cuándo|cuando|hasta cuándo|quando|"
        r"até quando)\b.{0,40}(protec\w*|protég\w*|proteç\w*|schutz\w*|geschützt)|"
        r"(protec\w*|protég\w*|proteç\w*|schutz\w*).{0,30}\b(ends?|expires?|endet|läuft ab|expire|finit|"
        r"termina|vence|acaba)\b|保護.{0,10}(いつまで|期限)",
        r"\b(active|current|valid|running|live|open|aktive\w*|laufende\w*|offene\w*|gültige\w*|actifs?|actives?|"
        r"valides?|ouverte?s|abiert[oa]s|abert[oa]s|"
        r"activos?|activas?|vigentes?|ativos?|ativas?|válid\w*)\s+(\w+\s+)?(deal )?(registrations?|regs?|"
        r"registrierung\w*|enregistrement\w*|registros?)\b|(有効な|進行中の|現在の).{0,8}登録",
        r"(how many days|quantos dias|cuántos días|cuantos dias|wie viele tage|combien de jours|cuánto falta|"
        r"quanto falta|何日).{0,60}(regist|enregistr|登録|protec|protég|proteç|schutz|geschützt|保護)|"
        r"\blaufen\b.{0,40}\bab\b",
        # "来月期限切れになる登録は？": the state before the registration word
        r"(期限切れ|失効|満了|切れる).{0,12}登録",
        r"\b(expir\w*|venc\w*|venza\w*|caduc\w*|ablauf\w*|läuft ab)\b.{0,40}(registrations?|\bregs?\b|registrierung|"
        r"enregistrement|registros?)",
        r"\b(protection|protected)\b.{0,30}\b(left|remain\w*|still|ends?|over)\b|\b(still|left)\b.{0,30}"
        r"\bprotect|(schutz|geschützt|protégée?|protection|protección|protegid\w*|proteção).{0,30}"
        r"\b(noch|encore|restant|reste|quedan?|aún|ainda|restam?|sobra\w*|übrig)\b|\b(noch|encore|aún|ainda)\b.{0,30}(geschützt|"
        r"protégée?|protegid\w*)|保護.{0,10}(残り|あと)",
        # "when does the protection on <deal> end?", "até quando vai a proteção?", "o registro ainda vale?"
        r"\b(protection|protección|proteção|schutz\w*)\b.{0,40}\b(expir\w*|ends?|until|quand|quando|cuándo|cuando|"
        r"wann|endet|läuft)\b|\b(until when|jusqu'à quand|hasta cuándo|até quando|bis wann)\b.{0,40}(protec|proteç|"
        r"regist|enregistr|schutz)|(保護|登録).{0,10}いつまで|"
        r"(\bregist\w*|\bregs?\b|enregistrement\w*)\b.{0,20}\b(ainda|still|noch|encore|"
        r"todavía|aún) (vale|valid|gilt|valable|vigente|válid\w*)\b",
        r"\b(days left|days remaining|time left|tage übrig|jours restants|días restantes|dias restantes)\b.{0,50}"
        r"(registrations?|\bregs?\b|registrierung\w*|enregistrement\w*|registros?)",
        r"\b(which|what|list|any|all|show)\b.{0,20}\b(my|our) (deal )?(registrations|regs)\b|"
        r"\b(my|our) (deal )?(registrations|regs)\b\W*$",
    ],
    "deals": [
        r"\b(open|active|current|offene\w*|laufende\w*|ouvert\w*|en cours|abiert\w*|activ\w*|abert\w*|"
        r"ativ\w*|em andamento)\b.{0,15}\b(deals?|opportunit\w*|opps?|geschäfte|affaires|oportunidades|"
        r"negócios|pipeline)\b",
        r"\b(deals?|opportunit\w*|opps?|geschäfte?|affaires?|oportunidad(es)?|negocios?|negócios?|pipeline|pipe)\b"
        r".{0,15}\b(open|offen|ouvert\w*|en cours|abiert\w*|abert\w*|em andamento)\b",
        r"(進行中|オープン|未完了).{0,6}(案件|商談)",
        # "our biggest deal in the pipe?", "quel deal est le plus gros ?": the largest of the asker's own
        r"\b(biggest|largest|most valuable|größte\w*|grösste\w*|plus gros\w*|plus grand\w*|más grande|mayor|"
        r"maior)\b.{0,30}\b(deals?|opportunit\w*|opps?|geschäft\w*|auftr\w*|affaires?|oportunidad\w*|negocios?|"
        r"negócios?|pipe|pipeline)\b|"
        r"\b(deals?|opportunit\w*|opps?|geschäft\w*|affaires?|oportunidad\w*|negocios?|negócios?)\b.{0,30}\b(biggest|"
        r"largest|most valuable|größte\w*|grösste\w*|plus gros\w*|plus grand\w*|más grande|mayor|maior)\b|"
        r"((一番|最も).{0,6}(大き|高い)|最大).{0,8}(案件|商談)",
        # "which of my deals close this month?", "quais deals meus fecham este mês?"
        r"\b(deals?|opportunit\w*|geschäfte|affaires|oportunidades|negocios|negócios)\b.{0,30}\b(clos\w*|fecham?|"
        r"fechar|cierran?|cerrar|ferment|fermer|clôtur\w*|schließen|abschließen)\b.{0,25}\b(this|next|este|esta|ce|cette|"
        r"dieser|diesen|diesem|nächste\w*|próxim[oa]|prochain\w*)\b",
        # "do we have any deals yet?", "haben wir schon Deals im System?"
        r"\b(any|yet|schon|bereits|irgendwelche|already|déjà|ya|algún|alguna|já|algum|alguma)\b.{0,12}\b(deals|"
        r"opportunities|opps|geschäfte|affaires|oportunidades|negócios)\b",
        rf"\b(deals?|opportunit\w*|opps?|geschäfte|affaires|oportunidades|negócios)\b.{{0,30}}\b(in|en|im|em|at|"
        rf"au|na|no|dans)\b.{{0,14}}({STAGE_WORDS})",
        rf"({STAGE_WORDS})\s*(段階|ステージ|フェーズ|stage|phase|phase).{{0,6}}(案件|商談|\bdeals?\b|"
        r"\bopportunit\w*)",
    ],
    "channel_manager": [
        r"\b(channel|partner|alliance|account) (account )?manager\b|\bcam\b|\bpam\b|\bcm\b|ansprechpartner|"
        r"\bresponsable (partenaire|de canal|du compte)|\bgerente de (canal|parceiros|cuenta|conta)|"
        r"\bgestora? de (canal|parceiros|socios|cuenta|conta)|\bgestionnaire (de canal|partenaire\w*|du compte)|"
        r"\b(responsable|gerente|gestora?) (de|del) (canal|partners|socios)\b|\bkanalmanager\w*|\bchannel-?manager\w*|チャネルマネージャー|"
        r"担当(者|営業|マネージャー)",
        # "who manages P-062?", "wer betreut <partner>?"
        r"\bwho (manages|looks after|handles|owns|runs|covers)\b|\bwer (betreut|verwaltet|managt|führt)\b|"
        r"\bqui (gère|s'occupe d[eu]|suit)\b|\bqui[eé]n (gestiona|lleva|maneja|atiende)\b|"
        r"\bquem (gerencia|cuida|gere|atende)\b",
    ],
    # who to reach at a partner and how it signs: its contact, its users of the copilot, its brand
    "contacts": [
        r"\b(contact\w*|e-?mail address|reach|ansprechpartner\w*|kontakt\w*|contacto|contato|joindre)\b|連絡先|窓口",
        r"\b(brand(ing)? colou?rs?|brand name|tagline|markenfarbe|couleur\w*|color de (la )?marca|cor da marca)\b|"
        r"ブランドカラー",
        r"\b(sellers?|reps?|users?|people|verkäufer\w*|nutzer\w*|vendeur\w*|vendedor\w*|usuari\w*|utilisateur\w*)\b"
        r".{0,30}\b(copilot|co-?pilot|in the tool|on the tool)\b|\bwho('s| is| are) \S+ (seller|rep)s?\b|"
        r"(営業担当|担当営業|利用者|ユーザー).{0,10}(誰|は)",
        # "who are <partner>'s sellers?", "¿quién es el seller de <partner>?", "wer ist der Verkäufer bei <partner>?"
        r"\b(who('s| is| are)|quién(es)? (es|son)|quem (é|são)|qui (est|sont)|wer (ist|sind))\b.{0,40}\b(sellers?|"
        r"reps?|sales ?reps?|vendedor\w*|verkäufer\w*|vendeur\w*|account (managers?|execs?))\b",
    ],
    # partner_activity.csv by month: "how many portal logins last month?", "deals we registered in september"
    "activity": [
        r"\b(portal )?log-?ins?\b|\b(portal-?)?anmeldungen\b|\bconnexions?\b|\binicios? de sesi[oó]n\b|"
        r"\bacessos? ao portal\b|ログイン",
        r"\b(how many|wie ?viele|combien|cuánt\w*|cuant\w*|quant\w*)\b.{0,40}\b(did|have) (we|i) register\w*\b",
        r"\b(how many|wie ?viele|combien|cuánt\w*|cuant\w*|quant\w*)\b.{0,40}\b(trainings?|schulungen|formations?|"
        r"capacitaciones|treinamentos)\b.{0,20}\b(completed|done|finished|abgeschlossen|suivies|terminées|"
        r"completad\w*|concluíd\w*)\b",
    ],
}  # fmt: skip
# "what happens when ...", "how does ... work": a programme question even about our registration.
PROGRAMME_Q = re.compile(r"\b(what happens|does it take|extend\w*|extension|verlänger\w*|prolong\w*|extender|estender|prorrogar|(is|are) (needed|required)|how (does|do|is|are)\b.{0,30}\b(work|calculated|decided|resolved|handled)|"
                         r"what (is|are) the (rule|policy|requirements?|benefits?)|was passiert|wie funktioniert|"
                         r"que se passe|qu'est-ce qui (se passe|arrive)|que se passe-t-il|comment (fonctionne|sont)|qué pasa|"
                         r"qué ocurre|o que ocorre|was geschieht|cómo (funciona|se resuelven)|"
                         r"o que acontece|como funciona|どうなり|仕組み|ルール|とは|延長|"
                         r"how (many days|long|much time) do (we|i|you|partners?) have to|"
                         r"combien de (jours|temps) (a-t-on |avons-nous |on a )?pour|wie viele tage (haben \w+ )?(um|für|zum)|"
                         r"cuántos días (hay|tenemos|tiene \w+) para|quantos dias (temos|tem|há) para|何日以内|"
                         r"\b(a|an|un|una|um|uma|ein|eine)\s+(deal |de deal )?(registration|register|registro|"
                         r"registrierung|enregistrement)( de deal| de oportunidad| de negócio)?\b|"
                         # how long something takes, a deadline, what is allowed, a tier's entitlement: the rule
                         r"(quanto tempo|quantos dias) (demora|leva)|cuánto (tiempo )?tarda|combien de temps (faut-il|prend)|"
                         r"wie lange dauert|dauert es|"
                         r"(bis|until|by) when (muss|müssen|must|do|should) (ich|wir|i|we)|jusqu'à quand (dois|doit|devons)|"
                         r"hasta cuándo (debo|tengo|tenemos|hay)|até quando (devo|tenho|temos|preciso)|"
                         r"(can|may) (i|we) (use|spend|pay|register)|(kann|darf|können|dürfen) (ich|wir) .{0,30}"
                         r"(nutzen|verwenden|bezahlen|registrieren)|(puis-je|peut-on|pouvons-nous) (utiliser|payer|"
                         r"enregistrer)|(puedo|podemos) (usar|pagar|registrar)|(posso|podemos) (usar|pagar|registrar)|"
                         r"\b(as|als|comme|como|em) (an? |un |une |um |uma )?(registered|register|silver|gold|platinum|"
                         r"silber|plata|oro|prata|ouro)( partners?| partner| socio| parceiro)?\b|"
                         # how soon something happens ("how quickly does the CM approve?", "en cuánto tiempo paga ...?")
                         r"how (quickly|fast|soon)|wie schnell|en combien de temps|en cuánto tiempo|em quanto tempo|"
                         # what happens to unused funds ("does it roll over?", "se acumula?", "wird es übertragen?")
                         r"roll(s|ed)? over|rollover|carr(y|ies|ied) (over|forward)|übertrag\w*|report(é|ée|és|er) sur|"
                         r"se (acumula|transfiere)|acumula(n|m)?\b|transfere|"
                         # two partners on one customer, who decides: the rules of engagement
                         r"(two|2|dos|deux|zwei|dois) (partners?|socios|partenaires|parceiros)|"
                         r"(who|qui|wer|quién|quem) (decides|makes the (final )?call|tranche|décide|entscheidet|decide)\b)|"
                         r"いつまでに|何日かか|どのくらいかか|(ゴールド|シルバー|プラチナ)(として|なら|だと)")  # fmt: skip
# "how much did we win in the last 12 months?", "¿cuánto ha ganado <partner>?", "combien a-t-il gagné ?": the
# revenue won (the tier's figure over the trailing year; over another period, the attribution)
WON_ASKED = (r"\b(how much|what)\b.{0,40}\b(did|have|has)\b.{0,30}\b(win|won)\b|\b(cuánto|cuanto)\b.{0,40}"
             r"\bgana(do|mos|ron)\b|\bquanto\b.{0,40}\bganh(ou|amos|aram)\b|\bcombien\b.{0,40}\bgagné\b|"
             r"\bwie ?viel\b.{0,40}\bgewonnen\b|\bwon (revenue|rev)\b")
# How people ask a partner's standing in other words than the cues above (issue 17, s34 classes)
PROFILE_CUES["tier"] += [
    # "gap for <partner> to platinum?", "distance to gold", "how far off gold are we": the missing criteria
    rf"\b(gap|gaps|distance|far off|shortfall|écart|abstand|lücke|brecha|diferencia|diferença)\b.{{0,40}}({TIER_WORD})",
    # "<partner>'s tier?", "what tier is <partner>?", "<partner>のティアは？": the tier it holds
    r"(?:'s|の) ?(current |aktuelle |actual |atual )?(tier|level|ティア|ランク)\b|\b(what|which) (tier|level) (is|are)\b|"
    r"(ティア|ランク)(は|を教え|って)|"
    # "¿en qué nivel está <partner>?", "à quel niveau est <partner> ?", "auf welcher Stufe ist <partner>?", "em que
    # nível está <partner>?", "quel est le niveau de <partner> ?", "qual é o nível da <partner>?"
    r"\b(en|a|à|auf|in|em|no|na) (qu[eé]|quel\w*|welche\w*|que|qual) (nivel|niveau|nível|stufe|tier|level)\b|"
    r"\b(quel|quelle|cu[aá]l|qual|welche\w*) (est|es|é|ist)( le| el| o| a| die)? (nivel|niveau|nível|stufe|tier|level)\b",
    WON_ASKED,
    # "our win count over 12 months?", "number of wins", "Anzahl gewonnener Deals", "nombre d'affaires gagnées"
    r"\b(win|wins|won deals?) (count|tally|total)\b|\b(number|count|total) of (wins|won deals)\b|\bhow many wins\b|"
    r"\banzahl (der )?(gewonnene\w*|abschlüsse)\b|\bnombre (d'affaires gagnées|de victoires)\b|"
    r"\bn[uú]mero de (negocios ganados|negócios ganhos|vitórias|victorias)\b",
    # "<partner> tier check", "tier status of <partner>", "Stufen-Check", "revisión de nivel", "ティア確認"
    r"\b(tier|level) ?(check|status|review|standing|health ?check)\b|\b(check|review)\b.{0,25}\b(tier|level)\b|"
    r"\bstufen-?(check|prüfung|status)|\b(vérif\w*|point) (du |de |sur le )?niveau\b|\b(revisión|revisar|chequeo) "
    r"(de |del )?nivel\b|\b(revisão|checar|verificar) (de |do )?nível\b|(ティア|ランク)(の)?(チェック|確認|状況)",
]
PROFILE_CUES["mdf"] += [  # "what did we burn of our MDF in Q3?", "MDF burn this quarter"
    r"\b(burn\w*|burnt|blew|blown)\b.{0,30}(\bmdf\b|marketing (development )?funds?)|\bmdf\b.{0,30}\b(burn\w*|burnt)\b",
]
PROFILE_CUES["certifications"] += [
    # "how many certs do we hold?", "nombre de personnes certifiées chez nous ?", "Anzahl zertifizierter Leute"
    r"\b(how many|number of|nombre de|número de|numero de|anzahl|combien|cuántos|cuántas|quantos|quantas)\b.{0,40}"
    r"\b(certs?|certified|certifiée?s?|certificad[oa]s|certificados|zertifiziert\w*)\b",
    r"\b(people|staff|personnes|personas|pessoas|leute|mitarbeit\w*|engineers)\b.{0,15}(certif|zertifi)",
]
# "anything registered", "irgendeinen Deal registriert", "algo registrado", "registramos algum", "enregistré quelque
# chose": whether there is any registration (at most one word between; not "registered" the tier: "as a registered
# partner", "anything special about registered opps")
_ANYTHING = (r"(anything|something|any (deals?|opportunit\w*|opps?)|irgend\w*|quelque chose|algo|alg[uú]n\w*|"
             r"algum\w*|alguna?s?)")
_REGISTERED = r"(registered|register|registriert|enregistrée?s?|registrad[oa]s?|registramos|registrou|registraron)"
ANY_REGISTERED = (rf"\b{_ANYTHING}\s+(\w+\s+)?{_REGISTERED}\b(?!\s+(partners?|tier|level|stufe|niveau|nivel|nível))|"
                  rf"\b{_REGISTERED}\s+(\w+\s+)?{_ANYTHING}\b|(何か|もう|すでに|既に).{{0,12}}登録(し|済|さ)")
PROFILE_CUES["registrations"] += [
    # "list our registered deals", "welche Deals sind bei uns registriert?", "quels deals avons-nous enregistrés ?"
    r"\b(list|show|which|what|welche\w*|zeig\w*|quels?|quelles?|quais|qual|cuáles|cuales|qué)\b.{0,40}"
    r"\b(register|registered|registriert\w*|enregistrée?s|registrad[oa]s)\b",
    r"\b(register|registered|registriert\w*|enregistrée?s|registrad[oa]s)\b.{0,15}\b(deals?|opportunit\w*|affaires|"
    r"geschäfte|oportunidades|negócios|negocios)\b",
    # "quais registros a gente tem?", "what registrations do we have?", "welche Registrierungen haben wir?"
    r"\b(which|what|list|show|welche\w*|quels?|quelles?|quais|que|cuáles|cuales|qué)\b.{0,15}\b(registrations|"
    r"registrierungen|enregistrements|registros)\b.{0,25}\b(we|us|our|wir|uns|unsere|nous|on a|avons|a gente|temos|"
    r"tenemos|nosotros|nuestr\w*|nossos)\b",
    r"(登録済み|登録した|登録している)(の)?(案件|商談)",
    # "quais são os nossos registros?", "unsere Registrierungen?", "nos enregistrements": ours, named after "our"
    r"\b(our|unsere\w*|nos|nuestr[oa]s|nossos|nossas)\s+(deal[- ])?(registrations|registrierungen|enregistrements|"
    r"registros|regs)\b",
    # "have we got anything registered?", "haben wir schon irgendeinen Deal registriert?", "on a déjà enregistré
    # quelque chose ?", "¿tenemos algo registrado?", "já registramos algum negócio?": whether there is any (the
    # typo repair of `normalise` reads "registered" as "register")
    ANY_REGISTERED,
]
# "how long until a claim is paid?", "how many hours to accept a lead?", "¿en cuánto tiempo?", "combien de temps",
# "wie lange", "何日", "何時間": a duration asked
HOW_LONG = (r"(?:\b(?:how (?:long|quickly|soon|fast)|how many (?:days|hours)|how much time|within|within how|"
            r"cuánto tiempo|cuántos días|cuantas horas|cuántas horas|combien de temps|combien de jours|combien d'heures|"
            r"sous combien|en combien de temps|quanto tempo|quantos dias|quantas horas|wie (?:lange|schnell)|"
            r"wie viele (?:tage|stunden)|wie viel zeit|innerhalb)\b|何日|何時間|どのくらい|どれくらい|いつまでに)")

# "what's our total pipeline?", "montant total de notre pipeline", "パイプラインの合計": the open deals' total
PIPELINE_TOTAL = (r"\b(total|sum|value|worth|how much|how big|combien|montant|cuánto|cuanto|valor|quanto|wie ?viel|"
                  r"wie gro(ß|ss)|gesamt\w*|summe)\b.{0,30}\bpipe(line)?\b|\bpipe(line)?\b.{0,20}\b(total|value|worth|"
                  r"sum|gesamt\w*|summe|valor|montant)\b|パイプライン.{0,8}(合計|総額|金額|いくら)")
# "any stalled deals?", "Tem negócio parado?", "止まっている案件はある？": the partner's own deals gone quiet
_DEAL_NOUNS = (r"(deals?|opportunit\w*|opps?|geschäfte?|affaires?|oportunidad(es)?|negocios?|negócios?|pipeline|"
               r"案件|商談)")
_STALLED_WORDS = (r"(stalled|stuck|gone (quiet|cold)|idle|stale|dormant|ins stocken|festgefahren|stillstand\w*|"
                  r"stagn\w*|au point mort|bloqué\w*|estancad\w*|parad[oa]s?|travad[oa]s?|止まって\w*|停滞\w*|"
                  r"動いていない|動きが(ない|なく))")
STALLED_DEALS = rf"{_DEAL_NOUNS}.{{0,25}}{_STALLED_WORDS}|{_STALLED_WORDS}.{{0,25}}{_DEAL_NOUNS}"
PROFILE_CUES["deals"] += [PIPELINE_TOTAL, STALLED_DEALS]
_STALLED_DEALS = re.compile(STALLED_DEALS)


def asks_stalled_deals(question: str) -> bool:
    """ "any stalled deals?", "Tem negócio parado?": deals gone quiet beyond their stage's norm."""
    return bool(_STALLED_DEALS.search(normalise(question)))
_PIPELINE_TOTAL = re.compile(PIPELINE_TOTAL)


def asks_pipeline_total(question: str) -> bool:
    """ "what's our total pipeline?": the open deals' total (a seller's own; a channel manager's, the vendor's)."""
    return bool(_PIPELINE_TOTAL.search(normalise(question)))


# "what's our win rate?", "taux de réussite", "tasa de cierre", "Abschlussquote", "受注率": the share of the closed
# deals that were won (first: "win rate on our open deals" is still a win rate)
PROFILE_CUES = {"win_rate": [
    r"\b(win|won|close|closing|hit|success|conversion) ?(rate|ratio|%|percentage)\b|\bwinrate\b|"
    r"\b(gewinn|abschluss|erfolgs)(quote|rate)\b|\btaux de (réussite|succès|victoire|conversion|transformation|gain)\b|"
    r"\btasa de (éxito|exito|cierre|conversión|conversion|victorias?|ganancia)\b|"
    r"\btaxa de (sucesso|conversão|conversao|fechamento|vitórias?|ganho)\b|受注率|勝率|成約率"],
    **PROFILE_CUES}
_PROFILE = {topic: [re.compile(p) for p in patterns] for topic, patterns in PROFILE_CUES.items()}
_ANY_REGISTERED = re.compile(ANY_REGISTERED)


def asks_any_registered(question: str) -> bool:
    """ "have we got anything registered?", "já registramos algum negócio?": whether there is any registration."""
    return bool(_ANY_REGISTERED.search(normalise(question)))
_US = re.compile(US)


def profile_topics(question: str) -> list[str]:
    """The partner-standing topics a question asks about (normalised text), in PROFILE_CUES order."""
    text = normalise(question)
    return [topic for topic, patterns in _PROFILE.items() if any(p.search(text) for p in patterns)]


_WON_ASKED = re.compile(WON_ASKED)


def won_asked(question: str) -> bool:
    """ "how much did we win?", "cuánto ha ganado <partner>?": the revenue won is asked."""
    return bool(_WON_ASKED.search(normalise(question)))


def says_us(question: str) -> bool:
    return bool(_US.search(normalise(question)))


# The job's key words, for typo repair ("overlpa" -> "overlap", "pipline" -> "pipeline"). Six letters or
# more only: shorter words are too close to other real words.
_CUE_VOCABULARY = """overlap overlaps overlapping mapping accounts account customers customer clients common
    mutual shared partner partners reseller resellers integrator integrators distributor recommend recommended
    recommendations suggest shortlist strongest suitable opportunity opportunities pipeline draft write
    compose prepare create generate linkedin landing campaign newsletter invitation announcement outreach
    localise localize translate actions action health healthy doing performing tracking priorities
    prioritise prioritize stalled risks unblock forward policy policies program programme requirements
    registration registrations renewals register certification certified playbook battlecard discount rebate onboarding training
    positioning competitor competitors escalate escalation support release integrate document benefits
    should which next steps
    activos activas ativos ativas actifs actives aktive aktiven aktuell actuelles actuales atuais sellers seller"""  # kept as typed
CUE_VOCABULARY = frozenset(_CUE_VOCABULARY.split())


_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"  # kana and kanji
_LATIN_BESIDE_CJK = re.compile(rf"(?<=[a-zà-ÿ])(?=[{_CJK}])|(?<=[{_CJK}])(?=[a-zà-ÿ])")


def normalise(text: str) -> str:
    """Lower case, NFKC, Slack markup removed, chat shorthand expanded ("opp" -> "opportunity"), typos in
    the job's key words repaired."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"<[@#!][^>]*>", " ", text)  # <@U123>, <#C123|channel>: not part of the question
    text = re.sub(r"<(https?://[^|>]*)(\|[^>]*)?>", " ", text)
    text = text.replace("’", "'")
    text = _ABBREV_RE.sub(lambda m: ABBREVIATIONS[m.group(1)], text)
    # whole words only: "certifi" of "certifiées" is no typo of "certified"
    text = re.sub(r"(?<![a-zà-ÿ])[a-z]{6,}(?![a-zà-ÿ])", lambda m: _repair(m.group(0)), text)
    # Japanese writes no space between words: "psatが一番低い", "mdfの残高" get one, so that a Latin cue's word
    # boundaries hold (\b sees no boundary between a Latin letter and a kana or kanji, both word characters)
    text = _LATIN_BESIDE_CJK.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=4096)
def _repair(word: str) -> str:
    if word in CUE_VOCABULARY:
        return word
    best = process.extractOne(word, CUE_VOCABULARY, scorer=fuzz.ratio, score_cutoff=85)
    return best[0] if best else word


@dataclass
class IntentScores:
    scores: dict[str, float] = field(default_factory=dict)
    cues: dict[str, list[str]] = field(default_factory=dict)

    def best(self) -> tuple[str, float]:
        if not self.scores:
            return "search", 0.0
        order = ["draft", "map", "match", "nba", "search"]  # ties: the more specific tool wins
        intent = max(order, key=lambda i: (self.scores.get(i, 0.0), -order.index(i)))
        return intent, self.scores.get(intent, 0.0)

    def of(self, intent: str) -> float:
        return self.scores.get(intent, 0.0)


_COMPILED = {intent: [(re.compile(p), w) for p, w in patterns] for intent, patterns in CUES.items()}


def score_intents(question: str) -> IntentScores:
    text = normalise(question)
    result = IntentScores()
    for intent, patterns in _COMPILED.items():
        for pattern, weight in patterns:
            found = pattern.search(text)
            if found:
                result.scores[intent] = result.scores.get(intent, 0.0) + weight
                result.cues.setdefault(intent, []).append(found.group(0))
    return result
