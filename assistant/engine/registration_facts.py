"""A deal registration named in a question, answered from its record: "why was the Isar Logistik registration
rejected?", "Kronos registration - approved yet?", "status of R-0042?".

A registration is named by its id (in the vendor's own scheme), or by its account name beside a registration
word. The registrations read are those the asker may see (a partner seller: their own partner's), so naming
another partner's registration finds nothing here. A registration linked to a deal the asker reaches is left
to the deal's own answers (stage, close date, protection left), except when it was rejected or is still
waiting: those have no protection to tell, only the record's status and reason.
"""
from __future__ import annotations

import re
from collections import Counter

from assistant.engine.name_index import best_named, ids_written
from assistant.engine.turn import Turn
from tools.account_mapping.service import normalize_name
from tools.locales import Catalogue
from tools.registrations.service import RegistrationOut, list_registrations

REG_WORD = re.compile(r"\b(regs?|registrations?|registered|registrier\w*|enregistr\w*|registros?|registrad[oa]s?|"
                      r"registr[oó]|inscri\w*)\b|案件登録|登録", re.IGNORECASE)
_ID_LIKE = re.compile(r"\b[A-Za-z]+-\d+")  # "R-0042", "REG-7": an id in some scheme


def named_registrations(turn: Turn) -> list[RegistrationOut]:
    """The asker's registrations the question names, when it names some that the deal answers cannot tell."""
    if not turn.scope.can("registrations") or not (REG_WORD.search(turn.question) or _ID_LIKE.search(turn.question)):
        return []
    regs = {r.registration_id: r for r in list_registrations(turn.ctx, turn.scope).registrations}
    keys = ids_written(turn.question, regs)
    if not keys and REG_WORD.search(turn.question):
        names = {key: r.account_name for key, r in regs.items()}
        keys = best_named(turn.question, names) or _by_distinctive_words(turn.question, names)
        if len({regs[k].partner_id for k in keys}) > 1:  # "<partner>'s registration on <account>": that partner's
            with turn.ctx.records(turn.scope) as rec:
                partners = {p.partner_id: p.name for p in rec.partners() if p.partner_id in {regs[k].partner_id
                                                                                             for k in keys}}
            named = set(best_named(turn.question, partners))
            keys = [k for k in keys if regs[k].partner_id in named] or keys
    found = [regs[key] for key in keys]
    if not found or all(r.opportunity_id and r.status not in ("submitted", "rejected") for r in found):
        return []
    return found[:5]


def _by_distinctive_words(question: str, names: dict[str, str]) -> list[str]:
    """The keys whose account name the question writes by its distinctive part ("Loire-Océan" of "Groupe Hospitalier
    Loire-Océan"): two or more of the name's rare words, or one long word no other name has, written as a name (a
    capital first letter; "a hospital group" names none), the names with the most such words; [] when none."""
    capitalised = " ".join(re.findall(r"(?<![\w'’])[A-ZÀ-ÖØ-Þ][\w'’-]*", question))
    said = set(normalize_name(capitalised).split())
    words = {key: list(dict.fromkeys(w for w in normalize_name(name).split() if len(w) >= 4))
             for key, name in names.items()}
    seen = Counter(w for ws in {tuple(ws) for ws in words.values()} for w in ws)
    rare = max(2, len(seen) // 20)
    scored = {}
    for key, ws in words.items():
        written = [w for w in ws if w in said and seen[w] <= rare]
        if len(written) >= 2 or (written and len(written[0]) >= 6 and seen[written[0]] == 1):
            scored[key] = len(written)
    best = max(scored.values(), default=0)
    return [key for key, n in scored.items() if n == best]


_say = Catalogue({  # key -> (en, de, fr, es, pt, ja)
    "line": ("- {id} {account}: {status}, submitted {submitted}", "- {id} {account}: {status}, eingereicht am {submitted}",
             "- {id} {account} : {status}, soumis le {submitted}", "- {id} {account}: {status}, enviado el {submitted}",
             "- {id} {account}: {status}, enviado em {submitted}", "- {id} {account}: {status}、申請日 {submitted}"),
    "decided": ("; decided {day}", "; entschieden am {day}", " ; décidé le {day}", "; decidido el {day}",
                "; decidido em {day}", "、決定日 {day}"),
    "protected": ("; protected until {day} ({days} days left)", "; geschützt bis {day} (noch {days} Tage)",
                  " ; protégé jusqu'au {day} (encore {days} jours)", "; protegido hasta el {day} (quedan {days} días)",
                  "; protegido até {day} (faltam {days} dias)", "、保護期限 {day}（残り {days} 日）"),
    "ended": ("; protection ended {day}", "; Schutz endete am {day}", " ; protection terminée le {day}",
              "; la protección terminó el {day}", "; a proteção terminou em {day}", "、保護は {day} に終了"),
    "reason": ("; reason: {reason}", "; Grund: {reason}", " ; motif : {reason}", "; motivo: {reason}",
               "; motivo: {reason}", "、理由: {reason}"),
    "deal": ("; linked to {deal}", "; verknüpft mit {deal}", " ; lié à {deal}", "; vinculado a {deal}",
             "; vinculado a {deal}", "、案件 {deal} に紐づけ"),
})  # fmt: skip

_status = Catalogue({  # the record's status in the asker's language
    "submitted": ("awaiting the channel team's decision", "wartet auf die Entscheidung des Channel-Teams",
                  "en attente de la décision de l'équipe channel", "pendiente de la decisión del equipo de canal",
                  "aguardando a decisão da equipe de canais", "チャネルチームの判断待ち"),
    "approved": ("approved", "genehmigt", "approuvé", "aprobado", "aprovado", "承認済み"),
    "rejected": ("rejected", "abgelehnt", "refusé", "rechazado", "rejeitado", "却下"),
    "expired": ("expired", "abgelaufen", "expiré", "vencido", "expirado", "期限切れ"),
    "won": ("won", "gewonnen", "gagné", "ganado", "ganho", "受注"),
    "lost": ("lost", "verloren", "perdu", "perdido", "perdido", "失注"),
})


def registrations_answer(regs: list[RegistrationOut], lang: str, by_partner: bool = False) -> str:
    """One line per registration: status, dates, protection, reason, deal; `by_partner` (the vendor's people, who
    see every partner's): the partner that registered it beside the account."""
    lines = []
    for r in regs:
        account = f"{r.account_name} ({r.partner_id})" if by_partner else r.account_name
        line = _say("line", lang, id=r.registration_id, account=account,
                    status=_status(r.status, lang) if r.status in _status else r.status, submitted=r.submitted_on)
        if r.decided_on:
            line += _say("decided", lang, day=r.decided_on)
        if r.status == "approved" and r.expires_on is not None:
            line += _say("protected", lang, day=r.expires_on, days=r.days_left)
        elif r.status == "expired" and r.expires_on is not None:
            line += _say("ended", lang, day=r.expires_on)
        if r.reason:
            line += _say("reason", lang, reason=r.reason)
        if r.opportunity_id:
            line += _say("deal", lang, deal=r.opportunity_id)
        lines.append(line)
    return "\n".join(lines)
