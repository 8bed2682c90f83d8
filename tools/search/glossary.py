"""An English gloss of a partner-programme question asked in German, French, Spanish, Portuguese or
Japanese: the programme's vocabulary (registration, protection, extension, claim, exam, discount, tier,
tender...) written as the English words the vendor's binding policies use, with the kind of answer asked
for ("how long", "who") in front.

The vendor's programme is mostly written in its default language (English); a question in another
language shares no words with it, and the multilingual model alone often quotes a passage on the right
topic that does not answer ("how long until exam results" -> "each track takes 20 hours"). The gloss lets
the English answer path, with its calibrated confidence and its "not in the content" for words the
content never uses, judge the question too. Words of the question the glossary does not know are kept as
terms the content cannot hold, so a question about something the programme does not cover stays
unanswered instead of being answered from the few words that were translated.

The vocabulary is the partner-programme domain's, not any one vendor's: no product, partner or figure.
"""
from __future__ import annotations

import re
import unicodedata

from retrieval.extractive import answer_kind
from retrieval.lexical import fold_accents, is_cjk

# English words -> their forms in de / fr / es / pt (lower case, accents folded, a trailing `*` for any
# ending) and Japanese (substrings). One concept a line.
_GLOSSARY: tuple[tuple[str, str], ...] = (
    ("registration", "registr* enregistr* anmeld* inscri* 登録"),
    ("protected protection", "schutz* geschutzt* gschutzt* proteg* protection protecao proteccion 保護"),
    ("extension extend", "verlanger* verlaengerung* prolong* extension* extens* prorrog* estender extender "
                         "ampliar 延長"),
    ("expires expiry", "ablauf* auslauf* lauft laeuft verfall* expir* echeance* venc* caduc* 期限切れ 失効 満了"),
    ("approves approval approved", "genehmig* freigab* freigeb* approuv* approbation* aprob* aprueb* aprov* "
                                   "承認"),
    ("approval reviews", "validat* valide* validee* valider validier*"),
    ("reviews", "pruft pruefen prufen prufung revis* revue* uberpruf* ueberpruf* 審査 見直し レビュー"),
    ("claim claimed", "claim* abrechn* erstattung* reclam* rembours* reembols* 請求 クレーム"),
    ("paid payment", "zahl* bezahl* auszahl* zahlt paiement* paye payee payes payer pag pagar pago pagos paga pagam pagan "
                      "pagamento* pagado* 支払"),
    ("funds", "fonds fondos fundos mittel 資金 ファンド"),
    ("exams exam", "prufung* pruefung* examen* exame* 試験"),
    ("certification certified", "zertifi* certif* 認定 資格"),
    ("track training course", "schulung* kurs* lernpfad* formation* cours parcours curso* trilha* capacitacion "
                              "treinamento* piste* pista* 学習 トレーニング 研修 コース トラック"),
    ("hours", "stunde* heure* hora* 時間"),
    ("business days", "arbeitstag* werktag* ouvre* ouvrable* habiles uteis 営業日"),
    ("cost free", "kost* gebuhr* gratis kostenlos cout* coute* payant* gratuit* frais cuest* custa custo custos custam "
                  "費用 料金 無料 有料"),
    ("discount", "rabatt* nachlass* remise* rabais descuento* desconto* 割引 ディスカウント"),
    ("commission fees", "comiss* commission* comision* provision* 手数料"),
    ("referral", "indicac* empfehlung* recommandation* referido* referencia* 紹介"),
    ("resale", "wiederverkauf* revente* reventa* revenda* 再販"),
    ("tier", "stufe* niveau* palier* nivel* ティア ランク レベル"),
    ("gold", "ゴールド"), ("silver", "シルバー"), ("platinum", "プラチナ"), ("registered", "登録済み"),
    ("steps process", "schritte* etapes procedure* procedimiento* passos processo* 手順 流れ"),
    ("demotion", "herabstuf* abstuf* ruckstuf* retrograd* declass* descens* degrad* rebaix* 降格"),
    ("promotion", "aufstieg* hochstuf* hochgestuf* aufgestuf* upgrad* promotion* promocion* ascenso* promocao* 昇格"),
    ("minimums criteria", "kriteri* anforderung* mindest* voraussetz* criter* exigence* minimum* requisito* "
                          "minimo* 基準 要件 最低"),
    ("decides resolved wins", "losen lost gelost entscheid* resoudre resout resolu* resolv* decid* decide* "
                              "gewinnt gagne gana ganha tranch* 解決 決定 勝"),
    ("conflict", "konflikt* conflit* conflicto* conflito* 競合 コンフリクト"),
    ("same", "selb* gleich* meme mismo* misma* mesmo* mesma* 同じ 同日"),
    ("customer", "kunde* client* 顧客"),
    ("renewal renewals", "erneuer* renouvel* renov* 更新"),
    ("accounts", "compte* cuenta* conta アカウント"),
    ("public tenders", "ausschreibung* licitac* licitacion* appel* offres 入札"),
    ("public", "offentlich* oeffentlich* public publico publica publicos publicas publique* 公共"),
    ("framework contract", "rahmenvertrag* accord-cadre cadre marco quadro 枠組"),
    ("leads", "fuhrt fuehrt lidera* dirige* mene pilote* 主導"),
    ("events", "messe* veranstaltung* event* salon* evenement* feria* evento* feira* イベント 展示会"),
    ("booth", "stand messestand* estande ブース"),
    ("hardware", "hardware* ハードウェア"),
    ("travel", "reise* flug* fluge vol vols voyage* deplacement* viaje* vuelo* viage* voo* voos passage* "
               "出張 旅費 航空"),
    ("staff", "mitarbeit* personal personnel equipe* equipo* funcionario* スタッフ 社員"),
    ("submit", "einreich* einzureich* eingereicht* soumet* soumis* soumission depos* envi* present* submet* hochlad* "
               "hochzulad* televers* subir carreg* 提出 申請 アップロード"),
    ("proof claim", "nachweis* beleg* justificatif* preuve* comprobante* comprovante* 証憑 証拠"),
    ("next", "nachst* naechst* prochain* proxim* 次回"),
    ("second", "zweit* deuxieme* seconde* segund* 2回目 二次"),
    ("acknowledgement target", "bestatigung* bestaetigung* reaktionsziel* accuse* acuse* confirmac* 初動 一次回答"),
    ("severity", "schweregrad* prioritat* prioritaet* severite* gravite* severidad* gravedad* severidade* 重大度 優先度"),
    ("advertising", "werbung* werbe* publicit* publicidad* publicidade* anuncio* 広告"),
    ("brand", "marke marken marque marques marca marcas ブランド"),
    ("own", "propia* propio* propre* eigen* propri* 自社"),
    ("activity", "aktivitat* aktivitaet* activite* actividad* atividade* 活動 アクティビティ"),
    ("before starts", "vorher voraus beginn* avant debut* antes inicio* comien* 開始 前"),
    ("after ends", "nach ende apres fin despues depois fim termino 終了 後"),
    ("quarter", "quartal* trimestre* 四半期"),
    ("update current", "aktualis* actualis* actualiz* atualiz*"),
    ("days", "tag tage tagen jour jours dia dias 日間"),
    ("opportunity deal", "deal* opportunit* oportunidad* oportunidade* chance* affaire* negocio* 案件 商談"),
    ("warn", "warn* gwarnt benachricht* avert* previen* prevenu* notifi* avis* advert* alert* 警告 通知"),
    ("support ticket", "support* ticket* assistance* soporte* asistencia* suporte* サポート チケット"),
    ("escalated", "eskalier* escalad* escal* エスカレーション エスカレ"),
    ("portal", "portal* portail* ポータル"),
    ("login access", "zugang* login* acces* identifiant* acceso* acesso* ログイン アクセス"),
    ("licences", "lizenz* licence* licencia* licenca* ライセンス"),
    ("floor lowest", "plancher* untergrenze* preisuntergrenze* piso suelo 下限"),
    ("plan", "plan* geschaftsplan* plano* 計画 プラン"),
    ("targets", "ziel* objectif* objetivo* meta* 目標"),
    ("receive", "recevoir recoit recoi* erhalt* bekomm* recib* receb* 受け取"),
    ("results", "ergebnis* resultat* resultado* 結果"),
    ("revenue", "umsatz* revenu* ingreso* receita* factur* fatur* 売上"),
    ("won", "gewonn* gewinn* gagn* ganad* ganh* 受注"),
    ("internal", "intern interne internen internes interno interna internos internas 社内"),
    ("codes", "code* codigo* コード"),
    ("awards", "auszeichnung* award* gala prix troph* premio* premiac* アワード 表彰"),
    ("report", "bericht* rapport* informe* reporte* relatorio* レポート 報告"),
    ("risk", "risiko* risque* risqu* riesgo* risco* リスク"),
    ("below", "unter unterhalb sous debajo abaixo 下回"),
    ("rebates", "ruckverg* rueckverg* ristourne* rebate* bonific* リベート"),
    ("spent spend", "ausgegeb* ausgeb* ausgab* depens* gast* 消化"),
    ("allocated allocation", "zuteil* zugeteilt* zuweis* allou* allocation* enveloppe* asignac* asignad* "
                             "aloc* 割り当て 配分"),
    ("onboarding", "onboarding* einarbeit* オンボーディング"),
    ("first", "erste ersten erster erstes premier premiere premiers primer primera primero primeros primeira "
              "primeiro primeiros primeiras 最初"),
    ("weeks", "woche* semaine* semana* 週"),
    ("month", "monat* mois mes meses"),
    ("partner partners", "partner* socio* parceir* パートナー"),
    ("abuse", "missbrauch* abus* abuso* 不正"),
    ("sponsor", "sponsor* patrocin* スポンサー"),
    ("january", "januar janner janvier enero janeiro 1月"),
    ("july", "juli juillet julio julho 7月"),
    ("whole", "ganz* entier* entiere* completa* completo* inteira* inteiro* 全体"),
    ("not-for-resale licences", "nfr"),
    ("send share", "schick* versend* weitergeb* weiterleit* envoy* transmet* partag* mandar compartir compartilh* "
                   "送付 送って 共有"),
    ("not", "nicht nichts kein keine keinen keiner pas aucun aucune nao nunca ない"),
    ("points", "punkt* point* punto* ponto* ポイント"),
    ("extra additional", "zusatz* zusatzlich* supplementaire* adicional* 追加"),
    ("year annual", "jahr jahre jahres jahrlich* annee* annuel* anual* 年に 年間 毎年"),
    ("fast-track", "fasttrack schnellverfahren ファストトラック"),
    ("response", "reaktion* antwort* reponse* respuesta* resposta* 対応 応答 返信"),
    ("eligible", "forderfah* foerderfah* zulassig* zulaessig* eligib* elegib* 対象"),
    ("amount", "betrag* montant* monto* montante* 金額"),
    ("threshold", "seuil* schwelle* schwellenwert* umbral* limiar* しきい値 閾値"),
    ("pricing price", "preis* prix tarif* precio* preco* 価格"),
    ("request", "beantrag* antrag* antrage* demande* demander solicit* pedido* pedir 申し込"),
)

# Function words of the four Latin-script languages, and chat fillers, that are never what a question is
# about (words of 3 letters or fewer are never looked at).
_FUNCTION_WORDS = frozenset(["aber", "alle", "allem", "allen", "aller", "alles", "also", "andere", "anderen", "auch", "bitte", "dann", "dass", "denn", "diese", "diesem", "diesen", "dieser", "dieses", "doch", "dort", "durch", "eine", "einem", "einen", "einer", "eines", "etwas", "euer", "gibt", "habe", "haben", "hamma", "hast", "hatte", "immer", "jede", "jedem", "jeden", "jeder", "jedes", "kann", "kannst", "konnen", "koennen", "mache", "machen", "machst", "meine", "meinem", "meinen", "meiner", "mich", "muss", "mussen", "muessen", "hoch", "falle", "muass", "rien", "regle", "reglent", "final", "furs", "fuers", "beim", "zum", "vom", "noch", "oder", "ohne", "schon", "sehr", "sein", "seine", "sich", "sind", "soll", "sollen", "uber", "ueber", "unser", "unsere", "unseren", "unserer", "viel", "viele", "welche", "welchem", "welchen", "welcher", "welches", "wenn", "werden", "wird", "wieder", "wieviel", "wieviele", "woche", "wollen", "wann", "wurde", "zwei", "drei", "vier", "funf", "zehn", "servus", "hallo", "danke", "passiert", "geht", "gilt", "bekomm", "bekomme", "kriag", "kriege", "kriegen", "bekommen", "leute", "jemand", "dazu", "davon", "damit", "dafur", "dafuer", "darf", "durfen", "duerfen", "avec", "avoir", "bien", "cela", "celle", "celui", "cest", "chez", "comme", "combien", "comment", "dans", "depuis", "elle", "elles", "encore", "entre", "estce", "etre", "faire", "faut", "leur", "leurs", "mais", "meme", "merci", "notre", "nous", "peut", "peux", "plus", "pour", "pourquoi", "quand", "quel", "quelle", "quelles", "quels", "quoi", "sans", "sont", "tous", "tout", "toute", "toutes", "une", "vous", "votre", "vos", "chaque", "deux", "trois", "donne", "donner", "moi", "reste", "rester", "obtenir", "recevoir", "avoir", "quest", "temps", "battre", "allo", "bonjour", "salut", "pis", "genre", "faudrait", "algo", "algun", "alguna", "algunos", "como", "cual", "cuales", "cuando", "cuanto", "cuanta", "cuantos", "cuantas", "desde", "donde", "esta", "este", "esto", "estos", "estas", "hace", "hacer", "hola", "gracias", "hasta", "mucho", "muchos", "nuestra", "nuestro", "nuestros", "otra", "otro", "para", "pero", "porque", "puede", "puedo", "pueden", "quien", "quienes", "sobre", "solo", "somos", "tengo", "tiene", "tienen", "todo", "todos", "toca", "usted", "vamos", "dos", "tres", "una", "unos", "unas", "recibir", "recibe", "tiempo", "agora", "alguma", "algum", "algo", "aqui", "cada", "coisa", "como", "essa", "esse", "esta", "este", "isso", "mais", "minha", "minhas", "meus", "muito", "nossa", "nosso", "nossos", "outra", "outro", "para", "pode", "posso", "podem", "porque", "quais", "qual", "quando", "quanta", "quanto", "quantos", "quantas", "quem", "sobre", "tambem", "temos", "tenho", "tudo", "voce", "voces", "obrigado", "pra", "pro", "leva", "levar", "demora", "receber", "tempo", "prend", "prendre", "prennent", "dure", "durent", "pendant", "partir", "doit", "doivent", "utiliser", "tant", "fica", "ficam", "ficar", "demoram", "deve", "devem", "usar", "utilizar", "tarda", "tardan", "tocan", "corresponden", "podemos", "debe", "deben", "nutzen", "verwenden", "verwende", "nutze", "benutze", "benutzen", "dauert", "braucht", "lang", "lange", "eigentlich", "gehn", "werd", "bevor", "genau", "wirklich", "vraiment", "realmente", "gente", "equipa", "neue", "neuen", "neuer", "neues", "nouveau", "nouveaux", "nouvelle", "nouvelles", "nuevo", "nuevos", "nueva", "nuevas", "novos", "novas", "deja", "again"])

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\u30a0-\u30ff]{2,}")
_KIND_PHRASE = {"duration": "how long", "percent": "what percentage", "money": "how much does it cost",
                "rate": "what discount", "named": "who", "count": "how many", "number": "how much"}
_ACRONYM = re.compile(r"\b(?=[A-Za-z]*[A-Z][A-Za-z]*[A-Z])[A-Za-z]{2,5}\b")  # two capitals or more: MDF, PoV
_CODE = re.compile(r"(?<![\w-])[A-Za-z]\d{1,2}(?!\w)")  # a severity or level: P1, T2
_AMOUNT = re.compile(r"(?:[$€£]\s?)?\b\d{1,3}(?:[.,]\d{3})+(?:\s?(?:usd|eur|gbp))?\b|\b\d+(?:[.,]\d+)?\s?[km]\b|"
                     r"[$€£]\s?\d[\d,.]*", re.I)
_CJK_ANY = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]+")
# Japanese question words (what kind of answer is asked for: `answer_kind`), never what a question is about
_CJK_QUESTION = ("何営業日", "何時間", "何ヶ月", "何か月", "何パーセント", "何回", "何度", "何日", "何件", "何人", "何名",
                 "何社", "何年", "何週", "何割", "どのくらい", "どれくらい", "いくら", "いつ", "誰", "どこ",
                 "期限", "新規", "新しい")  # and "new": every partner is new once, it says little
# "from what amount does ... need ...?": a threshold, not a price ("ab welchem Betrag", "à partir de quel montant")
_THRESHOLD_Q = re.compile(r"\b(ab welche\w* (betrag|summe|hohe|wert)|ab wie ?viel|a partir de quel\w* (montant|somme)|"
                          r"a partir de (que|qual) (monto|importe|cantidad|valor|montante)|(from|above|over) (what|which) "
                          r"amount)\b|(いくら|何円|何ドル)以上")
_UNKNOWN = "unglossed"  # stands for a word the glossary does not know: a term no content uses


def _compile() -> tuple[list[tuple[str, re.Pattern]], list[tuple[str, str]]]:
    latin, cjk = [], []
    for english, forms in _GLOSSARY:
        words = []
        for form in forms.split():
            if is_cjk(form) or re.search(r"[\u3040-\u30ff]", form):
                cjk.append((form, english))
            else:
                words.append(re.escape(form.rstrip("*")) + (r"[\w-]*" if form.endswith("*") else ""))
        if words:
            latin.append((english, re.compile(r"^(?:" + "|".join(words) + r")$")))
    return latin, cjk


_LATIN, _CJK_FORMS = _compile()
_CJK_FORMS.sort(key=lambda f: -len(f[0]))


def english_gloss(question: str) -> str | None:
    """The question as English programme words ("how long protected registration"), or None when no word of
    it is known. Japanese words the glossary does not know are kept as terms no content uses; Latin-script
    words it does not know are kept as typed (names, English words, cognates), for the content's vocabulary
    to judge."""
    text = unicodedata.normalize("NFKC", question)
    kind = answer_kind(text)
    english: list[str] = []
    rest = text
    for form, words in _CJK_FORMS:  # longest first: "登録済み" before "登録"
        if form in rest:
            english.append(words)
            rest = rest.replace(form, " ")
    for word in _CJK_QUESTION:
        rest = rest.replace(word, " ")
    unknown = sum(1 for run in _CJK_RUN.findall(rest) if not re.fullmatch(r"[\u3040-\u309f]+", run))
    rest = _CJK_ANY.sub(" ", rest)
    english += [a.casefold() for a in _ACRONYM.findall(rest) + _CODE.findall(rest)  # shouted words (NICHT) are words
                if len(a) < 4 or not any(pattern.match(a.casefold()) for _, pattern in _LATIN)]  # MDF, NFR, PoV: short, yet what is asked about
    for word in _WORD.findall(fold_accents(rest).casefold()):
        parts = [p for p in word.split("-") if p]
        for part in parts if len(parts) > 1 else [word]:
            found = [e for e, pattern in _LATIN if pattern.match(part)]
            if found:
                english.append(found[0])
            elif part.isascii() and len(part) > 3 and part not in _FUNCTION_WORDS:
                english.append(part)  # an English or shared word (Northwind, deal, lakehouse) or an unknown one
    # an amount of the asker's own ("über 20.000 USD", "18k") stays, for the content's thresholds to meet
    amounts = [m.group(0).replace(" ", "") for m in _AMOUNT.finditer(fold_accents(rest))]
    # and the other numbers it says ("最初の14日": the content's "Days 1-14")
    english += amounts + [n for n in re.findall(r"(?<![\w.,])\d{1,3}(?![\d.,]?\d)", _AMOUNT.sub(" ", rest))]
    if not english:
        return None
    if {"mdf", "funds"} & set(english) and (("paid payment" in english and "claim claimed" not in english)
                                             or ("not" in english and "claim claimed" in english)):
        # "was darf ich mit MDF bezahlen?", "pagar viagens com MDF", "was kann ich nicht über MDF abrechnen?":
        # what the funds may pay for, not a payment or a claim's process
        english = ["eligible" if e in ("paid payment", "claim claimed") else e for e in english]
    phrase = _KIND_PHRASE.get(kind or "", "")
    if _THRESHOLD_Q.search(fold_accents(text).casefold()):  # "ab welchem Betrag ...?": the amount above which
        phrase = "above what amount"
    words = " ".join(dict.fromkeys(" ".join(english).split()))
    return " ".join(p for p in (phrase, words, " ".join([_UNKNOWN] * unknown)) if p)


# Concepts that say what kind of answer is asked for, or that every programme sentence shares, rather than what a
# question is about ("how many days", "the partner", "a deal"): not used to tell whether a quote is on its topic
_GENERIC_CONCEPTS = frozenset(["days", "hours", "business days", "weeks", "month", "year annual", "quarter", "not",
                               "first", "same", "partner partners", "opportunity deal", "receive", "amount",
                               "before starts", "after ends", "cost free", "submit", "request", "decides resolved wins"])
_ENGLISH_CONCEPTS = [(english, re.compile(r"\b(" + "|".join(re.escape(w) for w in english.split()) + r")", re.I))
                     for english, _ in _GLOSSARY]


def concepts(text: str) -> set[str]:
    """The programme concepts a text speaks of, in any of our languages (the glossary's English entries:
    "registration", "protected protection", "claim claimed", ...), whatever the language it is written in."""
    text = unicodedata.normalize("NFKC", text)
    found = {english for form, english in _CJK_FORMS if form in text}
    words = _WORD.findall(fold_accents(_CJK_ANY.sub(" ", text)).casefold())
    for word in words:
        for part in [p for p in word.split("-") if p] or [word]:
            found |= {e for e, pattern in _LATIN if pattern.match(part)}
    found |= {english for english, pattern in _ENGLISH_CONCEPTS if pattern.search(text)}
    return found


def topic_concepts(question: str) -> set[str]:
    """What a question is about, as glossary concepts: its concepts less those that every question shares."""
    return concepts(question) - _GENERIC_CONCEPTS


def on_topic(question: str, quote: str) -> bool:
    """Whether a quote speaks of what the question is about (some topic concept of the question, in the quote's
    own language); True when the glossary cannot tell (the question names no concept it knows)."""
    asked = topic_concepts(question)
    return not asked or bool(asked & concepts(quote))

