"""The programme's registration-extension rule applied to one deal ("can I extend it?", "can I still give
it?"): the rule's figures are read from the vendor's own rule passage (how many days an extension adds, the
stages it needs, the days within which the deal must have had activity), never assumed, and set against the
deal's record. No figure found in the passage: that condition is not checked (the passage is quoted anyway).
"""
from __future__ import annotations

import datetime as dt
import re

from assistant.engine.intent_cues import DEAL_STAGES
from tools.locales import Catalogue
from tools.partner_profile.service import DealOut

_DAYS = r"(?:days?|tage?n?|jours?|días|dias|日間?)"
_EXT = r"(?:extension|extend\w*|verlängerung\w*|prolongation|extensión|prórroga|extensão|延長)"
_EXT_DAYS = re.compile(rf"(\d+)[- ]?{_DAYS}\b[^.。]{{0,40}}?{_EXT}|{_EXT}[^.。\d]{{0,25}}(\d+)[- ]?{_DAYS}", re.IGNORECASE)
_WINDOW = re.compile(rf"(?:activity|aktivität\w*|activité\w*|actividad\w*|atividade\w*|活動)[^.。\d]{{0,40}}(\d+)\s*{_DAYS}",
                     re.IGNORECASE)

_say = Catalogue({  # key -> (en, de, fr, es, pt, ja)
    "yes": ("Eligible for the extension: {why}; it would run to {end}.",
            "Verlängerung möglich: {why}; sie liefe bis {end}.",
            "Éligible à la prolongation : {why} ; elle irait jusqu'au {end}.",
            "Cumple para la extensión: {why}; iría hasta el {end}.",
            "Elegível para a extensão: {why}; iria até {end}.",
            "延長の対象です: {why}。延長後の期限は {end}。"),
    "no": ("Not eligible for the extension: {why}.", "Keine Verlängerung möglich: {why}.",
           "Pas éligible à la prolongation : {why}.", "No cumple para la extensión: {why}.",
           "Não elegível para a extensão: {why}.", "延長の対象外です: {why}。"),
    "unregistered": ("the deal has no registration of the partner's, so there is nothing to extend",
                     "der Deal hat keine Registrierung des Partners, also nichts zu verlängern",
                     "l'affaire n'a pas d'enregistrement du partenaire, donc rien à prolonger",
                     "el negocio no tiene registro del socio, así que no hay nada que extender",
                     "o negócio não tem registro do parceiro, então não há nada a estender",
                     "パートナーの案件登録がないため、延長するものがありません"),
    "expired": ("its protection expired on {day}, and it can no longer be extended after expiry",
                "der Schutz ist am {day} abgelaufen; nach Ablauf ist keine Verlängerung mehr möglich",
                "sa protection a expiré le {day} ; elle ne peut plus être prolongée après expiration",
                "su protección venció el {day}; ya no se puede extender tras el vencimiento",
                "a proteção expirou em {day}; não pode mais ser estendida após o vencimento",
                "保護は {day} に期限切れ。期限切れ後は延長できません"),
    "closed": ("the deal is {stage}", "der Deal ist {stage}", "l'affaire est {stage}", "el negocio está {stage}",
               "o negócio está {stage}", "案件は {stage}"),
    "stage_ok": ("in {stage}", "in {stage}", "en {stage}", "en {stage}", "em {stage}", "ステージ {stage}"),
    "stage_no": ("in {stage}, not {stages}", "in {stage}, nicht {stages}", "en {stage}, pas {stages}",
                 "en {stage}, no {stages}", "em {stage}, não {stages}", "ステージ {stage}（{stages} ではない）"),
    "active": ("last activity {days} days ago (within {window})", "letzte Aktivität vor {days} Tagen (innerhalb {window})",
               "dernière activité il y a {days} jours (moins de {window})",
               "última actividad hace {days} días (dentro de {window})",
               "última atividade há {days} dias (dentro de {window})",
               "最終活動は {days} 日前（{window} 日以内）"),
    "quiet": ("last activity {days} days ago (more than {window})", "letzte Aktivität vor {days} Tagen (mehr als {window})",
              "dernière activité il y a {days} jours (plus de {window})",
              "última actividad hace {days} días (más de {window})",
              "última atividade há {days} dias (mais de {window})",
              "最終活動は {days} 日前（{window} 日超）"),
})  # fmt: skip


def _number(pattern: re.Pattern, text: str) -> int | None:
    found = pattern.search(text)
    return int(next(g for g in found.groups() if g)) if found else None


def _stages(text: str) -> list[str]:
    """The deal stages the extension sentence names (as recorded), in the order of DEAL_STAGES."""
    sentence = next((s for s in re.split(r"(?<=[.。])\s*", text) if re.search(_EXT, s, re.IGNORECASE)), "")
    return [stage for pattern, stage in DEAL_STAGES.items() if re.search(pattern, sentence, re.IGNORECASE)]


def extension_verdict(deal: DealOut, rule_text: str, today: dt.date, lang: str = "en") -> str | None:
    """Whether the deal's registration can be extended under the rule passage `rule_text`, with why; None when
    the passage gives no extension length."""
    extra = _number(_EXT_DAYS, rule_text)
    if extra is None:
        return None
    if deal.protection_ends is None:  # no registration protects the deal
        return _say("no", lang, why=_say("unregistered", lang))
    if deal.protection_ends < today:
        return _say("no", lang, why=_say("expired", lang, day=deal.protection_ends.isoformat()))
    if deal.stage.startswith("closed"):
        return _say("no", lang, why=_say("closed", lang, stage=deal.stage.replace("_", " ")))
    reasons, ok = [], True
    stages = _stages(rule_text)
    if stages:
        fits = deal.stage in stages
        ok &= fits
        reasons.append(_say("stage_ok" if fits else "stage_no", lang, stage=deal.stage, stages="/".join(stages)))
    window = _number(_WINDOW, rule_text)
    if window is not None and deal.last_activity_on is not None:
        days = (today - deal.last_activity_on).days
        ok &= days <= window
        reasons.append(_say("active" if days <= window else "quiet", lang, days=days, window=window))
    why = "; ".join(reasons) or "-"
    end = (deal.protection_ends + dt.timedelta(days=extra)).isoformat()
    return _say("yes", lang, why=why, end=end) if ok else _say("no", lang, why=why)
