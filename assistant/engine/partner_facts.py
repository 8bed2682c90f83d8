"""One fact of a partner's record asked in one line, by the vendor's people (or a partner seller of its own):
"when did <partner> last register a deal?", "¿cuándo registró <partner> su último negocio?", "<partner> が最後に
案件登録したのはいつ？". Read from the deals the partner registered (`registered_by`), in the asker's scope.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from tools.locales import Catalogue

_REGISTER = r"(?:\bregist\w*|\benregistr\w*|\bregistrier\w*|登録)"
# "when did X last register", "X's latest registration", "wann hat X zuletzt registriert", "最後に登録"
LAST_REGISTERED = re.compile(
    r"\b(when|wann|quand|cuándo|cuando|quando)\b.{0,60}\b(last|latest|most recent(ly)?|zuletzt|letzte\w*|"
    r"dernière?\w*|última vez|por última vez|pela última vez|últim[oa])\b|"
    r"\b(last|latest|most recent|letzte\w*|dernière?|últim[oa])\s+(deal |neue\w* )?(registrations?|registrierung\w*|"
    r"enregistrements?|registros?|registered deals?)\b|(最後|直近|最新)に?.{0,10}登録|登録.{0,10}(最後|直近|最新)",
    re.IGNORECASE)

_say = Catalogue({  # key -> (en, de, fr, es, pt, ja)
    "last": ("{partner} last registered a deal on {day}: {deal}. Registrations in the last 12 months: {n}.",
             "{partner} hat zuletzt am {day} einen Deal registriert: {deal}. Registrierungen in den letzten 12 "
             "Monaten: {n}.",
             "{partner} a enregistré sa dernière affaire le {day} : {deal}. Enregistrements sur 12 mois : {n}.",
             "{partner} registró su último negocio el {day}: {deal}. Registros en los últimos 12 meses: {n}.",
             "{partner} registrou o último negócio em {day}: {deal}. Registros nos últimos 12 meses: {n}.",
             "{partner} の最後の案件登録は {day}: {deal}。直近12か月の登録: {n} 件。"),
    "never": ("{partner} has not registered any deal.", "{partner} hat noch keinen Deal registriert.",
              "{partner} n'a enregistré aucune affaire.", "{partner} no ha registrado ningún negocio.",
              "{partner} não registrou nenhum negócio.", "{partner} の案件登録はありません。"),
})  # fmt: skip


def asks_last_registered(question: str) -> bool:
    return bool(LAST_REGISTERED.search(question) and re.search(_REGISTER, question, re.IGNORECASE))


def last_registered_answer(partner: str, registered: list[tuple[str, dt.date | None]], today: dt.date,
                           label: Callable[[str], str], lang: str = "en") -> str:
    """`registered`: (deal id, created on) of the deals the partner registered; the latest, and the count of
    the last 365 days."""
    dated = [(day, deal) for deal, day in registered if day is not None and day <= today]
    if not dated:
        return _say("never", lang, partner=partner)
    day, deal = max(dated)
    recent = sum(1 for d, _ in dated if (today - d).days < 365)
    return _say("last", lang, partner=partner, day=day.isoformat(), deal=label(deal), n=recent)
