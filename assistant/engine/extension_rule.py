"""Whether a registration can still be extended, decided from the programme's own rule and the deal's record.

"geht da noch die Verlängerung?", "on peut la prolonger ?", "can I extend it?": the answer the asker wants is
yes (to which date) or no (and why), not the rule to apply themselves. The rule is read from the passage the
search returned (the content owns it, never this module): the extension's length ("an extension of 30 days"),
the stages it needs (the data's own stage names written in the sentence) and the activity window ("activity in
the last 14 days"). When no passage states all three in words the data's stages use, no verdict is given and
the facts and the rule are shown as before.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from tools.locales import Catalogue
from tools.partner_profile.service import DealOut

_EXTEND = re.compile(r"\b(extension|extend\w*|verlängerung|prolongation|prolonger|extensión|prórroga|extensão)\b",
                     re.IGNORECASE)
_DAYS = r"(\d{1,3})[\s-]*(?:calendar |business )?(?:days?|tage?n?|jours?|días|dias)\b"
_LENGTH = re.compile(r"(?:extension|extend\w*|verlängerung|prolongation|extensión|extensão)\D{0,30}?" + _DAYS + "|"
                     + _DAYS + r"\W{0,3}(?:extension|verlängerung|prolongation|extensión|extensão)", re.IGNORECASE)
_WINDOW = re.compile(r"\b(?:last|past|previous|letzten|derniers|últimos|ultimos)\s+" + _DAYS, re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class ExtensionRule:
    days: int  # how long one extension adds
    stages: frozenset[str]  # the stages a deal must be in
    activity_days: int  # activity logged within this many days


def read_rule(texts: Iterable[str], stages: Iterable[str]) -> ExtensionRule | None:
    """The first sentence of `texts` that states an extension's length, the stages (of `stages`, the data's
    own names) and the activity window; None when none does."""
    known = {s.lower().replace("_", " "): s for s in stages}
    for text in texts:
        for sentence in _SENTENCE.split(text or ""):
            if not _EXTEND.search(sentence):
                continue
            length, window = _LENGTH.search(sentence), _WINDOW.search(sentence)
            named = {stage for word, stage in known.items() if re.search(rf"\b{re.escape(word)}\b", sentence.lower())}
            if length and window and named:
                days = int(length.group(1) or length.group(2))
                return ExtensionRule(days=days, stages=frozenset(named), activity_days=int(window.group(1)))
    return None


def verdict(deal: DealOut, rule: ExtensionRule, today: dt.date, lang: str) -> str:
    """Yes with the new end date, or no with the reason, for one deal."""
    if not deal.registered_by_partner or deal.protection_ends is None or deal.days_left is None:
        return say("ext_not_registered", lang)
    if deal.days_left < 0:
        return say("ext_expired", lang, ends=deal.protection_ends)
    if deal.stage not in rule.stages:
        stages = " / ".join(sorted(s.replace("_", " ") for s in rule.stages))
        return say("ext_stage", lang, stage=deal.stage.replace("_", " "), stages=stages)
    quiet = (today - deal.last_activity_on).days if deal.last_activity_on else None
    if quiet is None or quiet > rule.activity_days:
        return say("ext_activity", lang, days=rule.activity_days)
    until = deal.protection_ends + dt.timedelta(days=rule.days)
    return say("ext_yes", lang, days=rule.days, until=until, ends=deal.protection_ends)


# key -> (en, de, fr, es, pt, ja)
say = Catalogue({
    "ext_yes": ("Yes, it qualifies: one extension of {days} days, to {until}. Ask your channel manager before the "
                "protection ends on {ends}.",
                "Ja, die Verlängerung geht: einmal {days} Tage, bis {until}. Beim Channel Manager beantragen, bevor "
                "der Schutz am {ends} endet.",
                "Oui, elle est éligible : une prolongation de {days} jours, jusqu'au {until}. À demander à votre "
                "channel manager avant la fin de la protection le {ends}.",
                "Sí, cumple las condiciones: una extensión de {days} días, hasta el {until}. Pídala a su channel "
                "manager antes de que la protección termine el {ends}.",
                "Sim, é elegível: uma extensão de {days} dias, até {until}. Peça ao seu channel manager antes de a "
                "proteção terminar em {ends}.",
                "はい、延長できます：{days}日間、{until}まで。保護が終わる{ends}より前にチャネルマネージャーへ申請してください。"),
    "ext_stage": ("Not eligible yet: the deal is in {stage}, and an extension needs {stages}.",
                  "Noch nicht möglich: der Deal ist in Phase {stage}, eine Verlängerung setzt {stages} voraus.",
                  "Pas éligible pour l'instant : l'affaire est au stade {stage}, une prolongation exige {stages}.",
                  "Todavía no es elegible: la oportunidad está en {stage} y una extensión requiere {stages}.",
                  "Ainda não é elegível: o negócio está em {stage} e uma extensão exige {stages}.",
                  "まだ延長できません：現在の段階は{stage}で、延長には{stages}の段階が必要です。"),
    "ext_activity": ("Not eligible: no activity is logged in the last {days} days, which an extension needs.",
                     "Nicht möglich: in den letzten {days} Tagen ist keine Aktivität erfasst, die eine Verlängerung "
                     "voraussetzt.",
                     "Pas éligible : aucune activité enregistrée dans les {days} derniers jours, condition d'une "
                     "prolongation.",
                     "No es elegible: no hay actividad registrada en los últimos {days} días, que la extensión exige.",
                     "Não é elegível: não há atividade registrada nos últimos {days} dias, que a extensão exige.",
                     "延長できません：延長に必要な直近{days}日以内の活動記録がありません。"),
    "ext_expired": ("Not eligible: the protection already ended on {ends}, and an extension cannot be granted "
                    "after expiry.",
                    "Nicht mehr möglich: der Schutz ist am {ends} abgelaufen, nach Ablauf gibt es keine Verlängerung.",
                    "Plus éligible : la protection a pris fin le {ends}, aucune prolongation après expiration.",
                    "Ya no es elegible: la protección terminó el {ends} y no se extiende tras vencer.",
                    "Não é mais elegível: a proteção terminou em {ends} e não há extensão após o vencimento.",
                    "延長できません：保護は{ends}に終了しており、期限切れ後は延長できません。"),
    "ext_not_registered": ("No registration of yours runs on it, so there is nothing to extend.",
                           "Es läuft keine Registrierung von Ihnen darauf, also gibt es nichts zu verlängern.",
                           "Aucun enregistrement de votre part ne court dessus : rien à prolonger.",
                           "No hay un registro suyo vigente en ella, así que no hay nada que extender.",
                           "Não há registro de vocês vigente nele, então não há o que estender.",
                           "御社の登録がないため、延長する対象がありません。"),
})
