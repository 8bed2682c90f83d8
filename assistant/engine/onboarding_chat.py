"""Onboarding in chat: a new partner's "we just signed up, what do we do in the first 30 days?" and a channel
manager's "how is P-043's onboarding going?" go to the `onboarding` tool; the answer is the plan in the
asker's language (en, de, fr, es, pt, ja; English otherwise), the first N days first when the question names them.

`wants_plan` is asked before the general router. A question about onboarding as a programme ("how long is
onboarding supposed to take?", "onboarding checklist for new partners") stays a content question.
"""
from __future__ import annotations

import datetime as dt
import re

from assistant.engine.intent_cues import PROGRAMME_Q, normalise
from tools.locales import Catalogue
from tools.onboarding.service import OnboardingPlan
from tools.types import ContentRef, money

_ONBOARDING = re.compile(r"\bonboard\w*|オンボーディング")
_STATUS = re.compile(r"\b(status|progress|going|plan|stand|standing|on track|how far|where (are|is|do)|"
                     r"fortschritt|stand|läuft|avancement|où en|se passe|progreso|progresso|va|vai|"
                     r"anda|situación|situação|offen|open|outstanding|pending|left|remaining|missing|ausstehend\w*|"
                     r"restant\w*|reste|pendient\w*|falta\w*|pendente\w*)\b|状況|進捗|残って|未完了")
_TODO = re.compile(r"\bwhat (do|should|must|shall|have|need) (we|i)\b|\bwhat to do\b|\bwhere (do|should) we start\b|"
                   r"\bnext steps?\b|\bwas (müssen|sollen|sollten|machen|tun) wir\b|\bque (devons|dois|faut|faire)\b|"
                   r"\bqu'est-ce que (nous devons|je dois|l'on doit|on doit)\b|\bqu[ée] (debemos|tenemos|hacemos)\b|"
                   r"\bo que (devemos|temos|fazemos)\b|何をすべき|何をすれば|何をやる|"
                   # "what's the first step?", "was muss ich erledigen?", "par quoi on commence ?"
                   r"\bwhat (do|should|must) i\b|\bfirst steps?\b|\bwhere to start\b|\bwas (muss|soll|sollte) ich\b|"
                   r"\berste[rn]? schritte?\b|\bwomit (fangen|beginnen)\b|\bpremiers? pas\b|\bpremière étape\b|"
                   r"\bpar quoi (on )?commence|\bprimer paso\b|\bpor dónde empezamos\b|\bprimeiro passo\b|"
                   r"\bpor onde começamos\b|最初のステップ|まず何を|"
                   # "was steht als Nächstes an?", "what's next?", "c'est quoi la suite ?", "¿qué sigue?", "o que vem agora?"
                   r"\bals n[aä]chste[sn]?\b|\bn[aä]chste[rn]? schritte?\b|\bwhat(?:'s| is| comes)? next\b|\bla suite\b|"
                   r"\bprochaines? étapes?\b|\bqu[eé] sigue\b|\bsiguientes? pasos?\b|\bpróximos? pasos?\b|"
                   r"\bpróximos? passos?\b|\bo que vem (agora|depois|a seguir)\b|次(は|に)何|次のステップ")
_FIRST_DAYS = re.compile(r"\bfirst (?P<en>\d+) days\b|\bfirst (month|weeks?)\b|\bersten (?P<de>\d+) tage\w*\b|"
                         r"\b(?P<fr>\d+) premiers jours\b|\bpremiers jours\b|\bprimeros (?P<es>\d+) días\b|"
                         r"\bprimeiros (?P<pt>\d+) dias\b|最初の(?P<ja>\d+)日|"
                         r"\b(first|ersten|premières|primeras|primeiras) (two|zwei|2|deux|dos|duas) (weeks|wochen|semaines|"
                         r"semanas)\b|最初の2週間")
_JUST_JOINED = re.compile(r"\bjust (signed( up)?|joined|onboarded|became (a )?partners?|started)\b|"
                          r"\b(gerade|eben|soeben) (angemeldet|unterschrieben|beigetreten|gestartet)\b|"
                          r"\b(venons|vient) de (signer|rejoindre|nous inscrire|commencer)\b|"
                          r"\bacabamos de (firmar|unirnos|registrarnos|empezar|entrar|assinar)\b|"
                          r"参加したばかり|契約したばかり|"
                          # "we're new", "wir sind ganz neu dabei", "on est nouveaux", "somos novos"
                          r"\b(we'?re|we are) (brand |quite |pretty )?new\b|\b(wir sind|sind wir) (ganz |noch |recht )?neu\b|"
                          r"\b(nous sommes|on est) (tout )?(nouveaux|nouvelles|nouveau|nouvelle)\b|"
                          r"\bsomos (nuevos|nuevas|novos|novas)\b|新しく参加|新規パートナーです")
# "which trainings are overdue for us?", "welche Schulungen sind überfällig?": the steps of the plan that are late
_STEP = (r"(\b(trainings?|certifications?|steps?|tasks?|milestones?|schulung\w*|zertifizierung\w*|schritte?|aufgaben|"
         r"formations?|étapes?|tâches|capacitaci\w*|certificaci\w*|pasos|tareas|treinament\w*|certificaç\w*|etapas?|"
         r"tarefas)\b|研修|トレーニング|認定|ステップ|タスク)")
_LATE = (r"(\b(overdue|late|behind|missed|outstanding|überfällig\w*|verspätet\w*|ausstehend\w*|en retard|"
         r"atrasad\w*|retrasad\w*|pendiente\w*|pendente\w*|vencid\w*)\b|遅れ|期限切れ|未完了|期限を過ぎ)")
_LATE_STEPS = re.compile(rf"{_STEP}.{{0,30}}{_LATE}|{_LATE}.{{0,30}}{_STEP}")
_CONTENT_Q = re.compile(r"\b(how long|checklist|guide|policy|document|handbook|leitfaden|wie lange|combien de "
                        r"temps|cuánto (dura|tiempo)|quanto tempo|dura)\b")


# How long the partner has been one: "how long have we been a partner?", "há quantos dias somos parceiros?",
# "seit wann sind wir Partner?", "depuis quand sommes-nous partenaires ?", "パートナーになって何日？"
_PARTNERED = (r"(partners?|partnerin\w*|partenaires?|socios?|parceir[oa]s?|in the programme|in the program|im programm|"
              r"dans le programme|en el programa|no programa|dabei)")
_TENURE = re.compile(
    rf"\bhow long (have|has) (we|i|they|\S+) been (an? |with \S+ as )?(\S+ ){{0,2}}\S*?{_PARTNERED}|\bsince when (are|have) (we|they)\b|"
    r"\bhow (many days|long) (since|ago|has it been since) (we|they) (joined|signed|became)\b|"
    r"\bwhen did (we|they|i) (join|sign up|become (a )?partners?)\b|\bdays since (we |they )?join\w*\b|"
    rf"\bseit wann (sind|ist) (wir|sie|\S+) (\S+ ){{0,2}}\S*?{_PARTNERED}|"
    rf"\bwie lange (sind|ist) (wir|sie|\S+) (\S+ ){{0,2}}\S*?{_PARTNERED}|"
    r"\bseit wie vielen tagen\b|\bwann (sind|ist) (wir|sie|\S+) beigetreten\b|"
    rf"\bdepuis (quand|combien de (jours|temps|mois)) (sommes-nous|on est|nous sommes|est-on|\S+ est)\b|"
    r"\bquand (avons-nous|a-t-on|on a) rejoint\b|"
    rf"\bdesde cuándo somos\b|\b(cuánto tiempo|cuántos días) (llevamos|hace que (somos|entramos|nos unimos))\b|"
    rf"\bhace cuánto (somos|entramos|nos unimos)\b|\bcuándo (entramos|nos unimos)\b|"
    rf"\bhá quant[oa]s? (dias|tempo|meses) (somos|estamos|entramos|fazemos parte)\b|\bdesde quando somos\b|"
    r"\bquanto tempo faz que (somos|entramos|viramos)\b|\bquando (entramos|viramos parceiros)\b|"
    r"(パートナー|参加|契約)(になって|して|してから).{0,8}(何日|どのくらい|何か月)|いつから(パートナー|参加)|"
    r"いつ(参加|パートナーになった)")
# A due date of the plan: "by when do we need our first certified installer?", "até quando temos que submeter o
# primeiro registro?", "bis wann muss unsere erste Registrierung stehen?", "最初の登録はいつまでに？"
_DUE = re.compile(r"\b(by when|until when|deadline|due date|when is .{0,40} due|bis wann|bis zu welchem (datum|tag)|"
                  r"jusqu'à quand|d'ici quand|avant quelle date|date limite|hasta cuándo|para cuándo|fecha límite|"
                  r"até quando|prazo|até que dia|data limite)\b|いつまで|期限|"
                  # "when do we need our first ...?", "wann müssen wir den ersten ... haben?", "quand devons-nous ...?"
                  r"\b(when|wann|quand|cuándo|quando)\b.{0,20}\b(need|must|should|have to|müssen|muss|sollen|soll|"
                  r"devons|doit|faut|tenemos que|debemos|hay que|temos que|precisamos|devemos)\b")
_FIRST = re.compile(r"\b(first|erste[nmrs]?|premi(er|ère)s?|primer[oa]?s?|primeir[oa]s?)\b|最初|初めて|初の|初回")


def asks_tenure(question: str) -> bool:
    """ "how long have we been a partner?", "há quantos dias somos parceiros?": the days since joining."""
    return bool(_TENURE.search(normalise(question)))


def asks_due(question: str) -> bool:
    """ "by when do we need our first certified installer?": a due date of the onboarding plan (a first
    something, or onboarding named)."""
    text = normalise(question)
    return bool(_DUE.search(text) and (_FIRST.search(text) or _ONBOARDING.search(text)))


def wants_plan(question: str, kinds: set[str], is_partner: bool) -> bool:
    """The question asks for a partner's onboarding plan (its own, for a partner seller), or what the plan
    answers: since when the partner is one, the due date of a first step."""
    text = normalise(question)
    if kinds & {"opportunity", "account"}:
        return False
    named = "partner" in kinds
    if (is_partner or named) and (asks_tenure(text) or asks_due(text)):
        return True
    if _CONTENT_Q.search(text):
        return False
    if _ONBOARDING.search(text) and (_STATUS.search(text) or _TODO.search(text) or named):
        return True
    if not (is_partner or named):
        return False  # "what do new partners do in the first 30 days?" from the vendor: the programme's text
    if _LATE_STEPS.search(text) and not PROGRAMME_Q.search(text):
        return True  # "which trainings are overdue for us?": the late steps of our plan
    return bool((_FIRST_DAYS.search(text) or _JUST_JOINED.search(text)) and (_TODO.search(text) or named))


_STEP_RE = re.compile(_STEP)


def asks_steps(question: str) -> bool:
    """A follow-up about the plan's steps ("und welche Zertifizierungen sollen wir machen?", "which trainings
    first?") after an onboarding plan: the plan answers it."""
    text = normalise(question)
    return len(text.split()) <= 10 and bool(_STEP_RE.search(text)) and not _CONTENT_Q.search(text)


def days_asked(question: str) -> int | None:
    """The N of "the first N days" (a month is 30), or None."""
    found = _FIRST_DAYS.search(normalise(question))
    if not found:
        return None
    number = next((g for g in found.groupdict().values() if g), None)
    if number:
        return int(number)
    return 30 if "month" in found.group(0) or "jours" in found.group(0) else 14


_CUE_LANG = re.compile(r"\b(?P<de>ersten \d+ tage\w*|was (müssen|sollen|sollten) wir|wie läuft)\b|"
                       r"\b(?P<fr>\d+ premiers jours|que devons|où en est)\b|"
                       r"\b(?P<es>primeros \d+ días|qu[ée] debemos)\b|\b(?P<pt>primeiros \d+ dias|o que devemos)\b")


def cue_language(question: str) -> str | None:
    """The language the onboarding cue itself is in ("ersten 30 Tage": de), when it is one of ours: short
    questions are easily misread by general language detection."""
    found = _CUE_LANG.search(normalise(question))
    return next((lang for lang, text in found.groupdict().items() if text), None) if found else None


# key -> (en, de, fr, es, pt, ja): the fixed sentences of the answer. Step titles in the asker's language, by
# kind ("title_*"; {what}: the competencies, or the step's own competency) or by tier rule ("tier_*"); an empty
# English template keeps the tool's own title, which carries the rule's numbers.
_say = Catalogue({
    "joined": ("{name} ({pid}) joined on {joined}, {days} days ago.", "{name} ({pid}) ist seit {joined} Partner "
               "({days} Tage).", "{name} ({pid}) a rejoint le programme le {joined}, il y a {days} jours.",
               "{name} ({pid}) se unió el {joined}, hace {days} días.", "{name} ({pid}) entrou em {joined}, há "
               "{days} dias.", "{name}（{pid}）は {joined} に参加しました（{days} 日前）。"),
    "no_joined": ("{name} ({pid}) has no joining date, so the steps have no due dates.",
                  "Für {name} ({pid}) ist kein Beitrittsdatum hinterlegt; die Schritte haben kein Fälligkeitsdatum.",
                  "{name} ({pid}) n'a pas de date d'adhésion : les étapes n'ont pas d'échéance.",
                  "{name} ({pid}) no tiene fecha de alta: los pasos no tienen fecha límite.",
                  "{name} ({pid}) não tem data de entrada: as etapas não têm prazo.",
                  "{name}（{pid}）には参加日の登録がないため、各ステップに期限はありません。"),
    "window": ("In the first {n} days (by {end}):", "In den ersten {n} Tagen (bis {end}):",
               "Pendant les {n} premiers jours (jusqu'au {end}) :", "En los primeros {n} días (hasta el {end}):",
               "Nos primeiros {n} dias (até {end}):", "最初の {n} 日間（{end} まで）:"),
    "plan": ("The onboarding plan:", "Der Onboarding-Plan:", "Le plan d'intégration :", "El plan de onboarding:",
             "O plano de onboarding:", "オンボーディング計画:"),
    "later": ("After that:", "Danach:", "Ensuite :", "Después:", "Depois:", "その後:"),
    "due": ("due {date}", "fällig {date}", "échéance {date}", "vence el {date}", "prazo {date}", "期限 {date}"),
    "read": ("read", "lesen", "à lire", "leer", "ler", "参考資料"),
    "won": ("First win on {date}, {days} days after joining.", "Erster Abschluss am {date}, {days} Tage nach dem "
            "Beitritt.", "Première affaire gagnée le {date}, {days} jours après l'adhésion.", "Primera venta el "
            "{date}, {days} días después del alta.", "Primeira venda em {date}, {days} dias após a entrada.",
            "初受注は {date}、参加から {days} 日後です。"),
    "no_win": ("No won deal yet.", "Noch kein gewonnener Abschluss.", "Pas encore d'affaire gagnée.",
               "Aún no hay ninguna venta ganada.", "Ainda nenhuma venda ganha.", "受注した案件はまだありません。"),
    "summary": ("{done} of {total} steps done, {overdue} overdue.", "{done} von {total} Schritten erledigt, {overdue} "
                "überfällig.", "{done} étapes sur {total} faites, {overdue} en retard.", "{done} de {total} pasos "
                "hechos, {overdue} atrasados.", "{done} de {total} etapas feitas, {overdue} atrasadas.",
                "{total} ステップ中 {done} 件完了、{overdue} 件が期限超過です。"),
    "details": ("Details: `cosell onboarding {pid}`.", "Details: `cosell onboarding {pid}`.",
                "Détails : `cosell onboarding {pid}`.", "Detalles: `cosell onboarding {pid}`.",
                "Detalhes: `cosell onboarding {pid}`.", "詳細: `cosell onboarding {pid}`。"),
    "status_done": ("done", "erledigt", "fait", "hecho", "feito", "完了"),
    "status_open": ("open", "offen", "à faire", "pendiente", "pendente", "未完了"),
    "status_overdue": ("overdue", "überfällig", "en retard", "atrasado", "atrasado", "期限超過"),
    "title_training": ("", "Enablement-Training abschließen: {what}", "Suivre la formation : {what}",
                       "Completar la formación: {what}", "Concluir o treinamento: {what}",
                       "イネーブルメント研修を修了する: {what}"),
    "title_first_registration": ("", "Einen ersten Deal registrieren", "Enregistrer une première affaire",
                                 "Registrar una primera oportunidad", "Registrar uma primeira oportunidade",
                                 "最初の案件を登録する"),
    "title_certification": ("", "Mindestens eine Person in {what} zertifizieren", "Certifier au moins une personne "
                            "en {what}", "Certificar al menos a una persona en {what}", "Certificar pelo menos uma "
                            "pessoa em {what}", "{what} の認定者を1名以上育成する"),
    "title_first_win": ("", "Einen ersten Deal gewinnen", "Gagner une première affaire", "Ganar una primera venta",
                        "Ganhar uma primeira venda", "最初の案件を受注する"),
    "tier_certified_staff": ("", "{n} zertifizierte Mitarbeitende haben ({why})",
                             "Avoir {n} personnes certifiées ({why})", "Tener {n} personas certificadas ({why})",
                             "Ter {n} pessoas certificadas ({why})", "認定者を {n} 名にする（{why}）"),
    "tier_won_revenue_12m": ("", "Mindestens {amount} gewonnener Umsatz in 12 Monaten ({why})",
                             "Au moins {amount} de chiffre d'affaires gagné sur 12 mois ({why})",
                             "Al menos {amount} de ingresos ganados en 12 meses ({why})",
                             "Pelo menos {amount} de receita ganha em 12 meses ({why})",
                             "12か月で {amount} 以上を受注する（{why}）"),
    "tier_won_deals_12m": ("", "Mindestens {n} gewonnene Deals in 12 Monaten ({why})",
                           "Au moins {n} affaire(s) gagnée(s) sur 12 mois ({why})",
                           "Al menos {n} venta(s) ganada(s) en 12 meses ({why})",
                           "Pelo menos {n} venda(s) ganha(s) em 12 meses ({why})",
                           "12か月で {n} 件以上受注する（{why}）"),
    "tier_deals_registered_12m": ("", "Mindestens {n} registrierte Deals in 12 Monaten ({why})",
                                  "Au moins {n} affaire(s) enregistrée(s) sur 12 mois ({why})",
                                  "Al menos {n} oportunidad(es) registrada(s) en 12 meses ({why})",
                                  "Pelo menos {n} oportunidade(s) registrada(s) em 12 meses ({why})",
                                  "12か月で {n} 件以上の案件を登録する（{why}）"),
    "why_current": ("", "Anforderung der Stufe {tier}", "exigence du niveau {tier}", "requisito del nivel {tier}",
                    "requisito do nível {tier}", "{tier} ティアの要件"),
    "why_next": ("", "um {tier} zu erreichen", "pour atteindre {tier}", "para llegar a {tier}",
                 "para chegar a {tier}", "{tier} に昇格するため"),
    "programme": ("partner programme", "Partnerprogramm", "programme partenaires", "programa de partners",
                  "programa de parceiros", "パートナープログラム"),
})


_say_due = Catalogue({  # key -> (en, de, fr, es, pt, ja)
    "milestone": ("By day {n} of the partnership: {what} [{title}]", "Bis Tag {n} der Partnerschaft: {what} [{title}]",
                  "Au jour {n} du partenariat : {what} [{title}]", "Para el día {n} de la alianza: {what} [{title}]",
                  "Até o dia {n} da parceria: {what} [{title}]", "パートナー契約から {n} 日目まで: {what} [{title}]"),
    "due_on": ("{name} ({pid}) joined on {joined}, so yours is due on {due} ({when}).",
               "{name} ({pid}) ist seit {joined} Partner; Ihr Termin ist also der {due} ({when}).",
               "{name} ({pid}) a rejoint le programme le {joined} : votre échéance est donc le {due} ({when}).",
               "{name} ({pid}) se unió el {joined}, así que su fecha límite es el {due} ({when}).",
               "{name} ({pid}) entrou em {joined}, então o prazo de vocês é {due} ({when}).",
               "{name}（{pid}）の参加日は {joined} なので、期限は {due} です（{when}）。"),
    "in_days": ("in {d} days", "in {d} Tagen", "dans {d} jours", "en {d} días", "em {d} dias", "あと {d} 日"),
    "days_ago": ("{d} days ago", "vor {d} Tagen", "il y a {d} jours", "hace {d} días", "há {d} dias", "{d} 日前"),
    "today": ("today", "heute", "aujourd'hui", "hoy", "hoje", "今日"),
    "step": ("In your plan: {title}, {status}.", "In Ihrem Plan: {title}, {status}.", "Dans votre plan : {title}, "
             "{status}.", "En su plan: {title}, {status}.", "No seu plano: {title}, {status}.", "あなたの計画: {title}、{status}。"),
})

# "by day 30", "Day 0 to 7", "Days 15-45", "bis Tag 60", "jour 90", "día 120", "30日目": a day of a schedule counted
# from the start of the partnership (not "within 60 days", a duration counted from something else)
_DAY = re.compile(r"\b(?:days?|tage?n?|jours?|d[ií]as?)\s+(?:\d+\s*(?:-|–|to|bis|à|au|a|al|y|e)\s*)?(\d{1,3})\b|"
                  r"(\d{1,3})\s*日目", re.IGNORECASE)
_MARKS = re.compile(r"[*_#`>|]+|^\s*(?:[-•]|\d+\.)\s+", re.MULTILINE)
_ASKING_WORDS = """by when until need needs must have has do does our your we you the a an of to for with
    bis wann wir unser unsere unseren ihr ihre müssen muss haben jusqu quand nous notre nos votre devons faut
    hasta cuándo cuando nuestro nuestra tenemos que debemos até quando nosso nossa temos precisamos de da do
    que para"""  # the asking, not the step asked about
_QUESTION_WORDS = frozenset(_ASKING_WORDS.split())


def _stems(text: str) -> set[str]:
    words = re.findall(r"[^\W\d_]{3,}|\d+|[\u3040-\u30ff\u4e00-\u9fff]{2,}", _fold(text))
    return {w[:5] for w in words if w not in _QUESTION_WORDS}


def _fold(text: str) -> str:
    return normalise(text).replace("'", " ")


def milestones(documents: list[tuple[str, str]]) -> list[tuple[int, str, str]]:
    """(day, what, title) of each step of a schedule counted in days of the partnership, from the documents
    (title, text) that state at least two such days (a plan, not a one-off deadline)."""
    found = []
    for title, text in documents:
        days = list(_DAY.finditer(text))
        if len(days) < 2:
            continue
        for i, match in enumerate(days):
            end = days[i + 1].start() if i + 1 < len(days) else len(text)
            what = _MARKS.sub(" ", text[match.end():end].strip(" :：-–—*\n").split("\n\n")[0])  # to its paragraph's end
            what = re.sub(r"\s+", " ", what).strip(" :：-–—.")
            what = re.sub(r"\s*\b(by|bis|au|para el|até o)$", "", what, flags=re.IGNORECASE)  # the next day's "By"
            if what:
                found.append((int(match.group(1) or match.group(2)), what[:220].rstrip(), title))
    return found


def due_answer(data: dict, documents: list[tuple[str, str]], question: str, lang: str = "en") -> str | None:
    """The programme's day for the first step the question names (the schedule's step sharing the most
    telling words with it), from the partner's joining date; None when no schedule step is clearly meant."""
    joined = dt.date.fromisoformat(data["joined_on"]) if data.get("joined_on") else None
    steps = milestones(documents)
    if not steps or joined is None:
        return None
    asked = _stems(question)
    seen = [_stems(what) for _, what, _ in steps]
    weight = {w: 1 / sum(w in words for words in seen) for words in seen for w in words}
    scores = [sum(weight[w] for w in asked & words) for words in seen]
    best = max(scores)
    if best <= 0 or scores.count(best) > 1:
        return None
    n, what, title = steps[scores.index(best)]
    today = dt.date.fromisoformat(data["today"]) if data.get("today") else dt.date.today()
    due = joined + dt.timedelta(days=n)
    gap = (due - today).days
    when = _say_due("in_days", lang, d=gap) if gap > 0 else (
        _say_due("days_ago", lang, d=-gap) if gap < 0 else _say_due("today", lang))
    return "\n".join([_say_due("milestone", lang, n=n, what=what, title=title),
                      _say_due("due_on", lang, name=data["name"], pid=data["partner_id"], joined=joined.isoformat(),
                               due=due.isoformat(), when=when)])


# The plan's kinds of step as people name them, for a due date the programme's content does not schedule
_STEP_KINDS = (
    ("training", re.compile(r"\b(trainings?|courses?|schulung\w*|kurs\w*|formations?|cours|capacitaci\w*|cursos?|"
                            r"treinament\w*)\b|研修|トレーニング")),
    ("certification", re.compile(r"\b(certif\w*|zertifi\w*)|認定|資格")),
    ("first_registration", re.compile(r"\b(regist\w*|enregistr\w*)|登録")),
    ("first_win", re.compile(r"\b(win|won|wins|sale|gewinn\w*|gewonnen\w*|abschluss|gagn\w*|venta|ganar|venda|ganhar)\b|"
                             r"受注")),
)


def plan_step_due(data: dict, question: str, lang: str = "en") -> str | None:
    """The due date of the plan's step of the one kind the question names ("by when the first training?"), or
    None."""
    text = normalise(question)
    kinds = [kind for kind, pattern in _STEP_KINDS if pattern.search(text)]
    steps = [s for s in data.get("steps") or [] if len(kinds) == 1 and s.get("kind") == kinds[0] and s.get("due_on")]
    if not steps:
        return None
    step = min(steps, key=lambda s: s["due_on"])
    status = _say("status_" + step["status"], lang)
    due = f"{_title(step, lang, data)} ({_say('due', lang, date=step['due_on'])})"
    return _say_due("step", lang, title=due, status=status)


def tenure_answer(data: dict, lang: str = "en") -> str:
    """Since when the partner is one, in days."""
    lang = _say.language(lang)
    if not data.get("joined_on"):
        return _say("no_joined", lang, name=data["name"], pid=data["partner_id"])
    return _say("joined", lang, name=data["name"], pid=data["partner_id"], joined=data["joined_on"],
                days=data["days_since_joined"])


def plan_answer(data: dict, lang: str = "en", days: int | None = None) -> str:
    """The plan in words: where the partner stands, the steps of the first `days` first, then the rest."""
    lang = _say.language(lang)
    joined = dt.date.fromisoformat(data["joined_on"]) if data.get("joined_on") else None
    lines = [_say("joined", lang, name=data["name"], pid=data["partner_id"], joined=data["joined_on"],
                  days=data["days_since_joined"]) if joined else _say("no_joined", lang, name=data["name"],
                                                                       pid=data["partner_id"])]
    steps = data["steps"]
    done = sum(s["status"] == "done" for s in steps)
    overdue = sum(s["status"] == "overdue" for s in steps)
    lines.append(_say("summary", lang, done=done, total=len(steps), overdue=overdue))
    first = [s for s in steps if days is not None and s["offset_days"] <= days]
    rest = [s for s in steps if s not in first]
    if first:
        end = joined + dt.timedelta(days=days) if joined else None
        lines.append(_say("window", lang, n=days, end=end.isoformat() if end else "-"))
        lines += [_step_line(s, lang, data) for s in first]
        if rest:
            lines.append(_say("later", lang))
    else:
        lines.append(_say("plan", lang))
    lines += [_step_line(s, lang, data) for s in rest]
    if data.get("first_win_on"):
        lines.append(_say("won", lang, date=data["first_win_on"], days=data["days_to_first_win"]))
    else:
        lines.append(_say("no_win", lang))
    lines.append(_say("details", lang, pid=data["partner_id"]))
    return "\n".join(lines)


def _title(step: dict, lang: str, data: dict) -> str:
    """The step's title in `lang`; the tool's own (English) title where the catalogue keeps it."""
    subject, kind = step.get("subject"), step.get("kind") or ""
    if step.get("tier") and f"tier_{subject}" in _say:
        why = _say("why_current" if step.get("tier_current") else "why_next", lang, tier=step["tier"])
        minimum = float(step.get("minimum") or 0)
        title = _say(f"tier_{subject}", lang, n=f"{minimum:g}", amount=money(minimum), why=why)
    elif f"title_{kind}" in _say:
        what = subject if kind == "certification" else ", ".join(data.get("competencies") or [])
        title = _say(f"title_{kind}", lang, what=what or _say("programme", lang))
    else:
        title = ""
    return title or step["title"]


def _step_line(step: dict, lang: str, data: dict) -> str:
    due = f", {_say('due', lang, date=step['due_on'])}" if step.get("due_on") else ""
    line = f"- {_say('status_' + step['status'], lang)}: {_title(step, lang, data)}{due}"
    if step["evidence"] and step["status"] != "open":
        line += f" ({step['evidence'][0]})"
    if step["content"] and step["status"] != "done":
        line += f"; {_say('read', lang)}: " + ", ".join(c["title"] for c in step["content"])
    return line


def plan_content(plan: OnboardingPlan) -> list[ContentRef]:
    """The content the plan recommends, once each (for the answer's citations)."""
    seen: dict[str, ContentRef] = {}
    for step in plan.steps:
        for ref in step.content:
            seen.setdefault(ref.doc_id, ref)
    return list(seen.values())
