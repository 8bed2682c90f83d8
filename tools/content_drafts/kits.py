"""What a campaign kit says (DATA.md campaigns/): its objective, audience, call to action, key messages and proof
points, in one locale when the kit has it; and which kits fit a need described in words ("a bank worried
about regulators"). Read for every role that drafts (`draft`); nothing here is a partner's data.
"""
from __future__ import annotations

import math
import re

from pydantic import BaseModel, Field
from sqlalchemy import select

from assistant.core.errors import BadInput
from retrieval.records import CampaignKitRow
from retrieval.scope import Scope
from tools.context import ToolContext
from tools.locales import resolve_locale

STEM = 5  # words compared on their first letters: "regulators" ~ "regulatory", "banks" ~ "bank"
_WORD = re.compile(r"[^\W\d_]+")
_STOP = {"which", "what", "would", "could", "should", "about", "their", "there", "these", "those", "worried",
         "campaign", "kits", "with", "from", "that", "this", "your", "have", "for", "the", "and", "you", "use",
         "welches", "welche", "würdest", "quel", "quelle", "pour", "qual", "para", "usaria", "cuál", "usarías",
         "partner", "partners", "partnern", "partenaire", "partenaires", "socio", "socios", "parceiro", "parceiros",
         "available", "verfügbar", "disponible", "disponibles", "disponível", "disponíveis"}


class KitText(BaseModel):
    """One kit's texts in `locale` (kit-level English where the locale has no text of its own)."""

    kit_id: str
    name: str
    locale: str
    locales: list[str] = Field(default_factory=list)
    products: list[str] = Field(default_factory=list)
    industries: list[str] = Field(default_factory=list)
    objective: str | None = None
    audience: str | None = None
    call_to_action: str | None = None
    key_messages: list[str] = Field(default_factory=list)
    proof_points: list[str] = Field(default_factory=list)
    proof_points_by_industry: dict[str, list[str]] = Field(default_factory=dict)


def _locale_of(asked: str | None, locales: list[str]) -> str | None:
    """The kit's locale for `asked` ("pt" -> "pt-BR", "de-AT" -> "de"), or None (no default here)."""
    if not asked:
        return None
    try:
        return resolve_locale(asked, locales, default=asked).resolved
    except BadInput:  # neither the locale nor its language in the kit (or not a language tag)
        return None


def _text(row: CampaignKitRow, asked: str | None) -> KitText:
    data = row.data or {}
    raw = data.get("raw") or {}
    locales = [str(x) for x in data.get("locales") or {}]
    tag = _locale_of(asked, locales)
    block = (data.get("locales") or {}).get(tag, {}) if tag else {}
    local = (raw.get("localized") or {}).get(tag, {}) if tag else {}
    return KitText(
        kit_id=row.kit_id, name=row.name, locale=tag or "en", locales=locales,
        products=[str(p) for p in data.get("products") or []],
        industries=[str(i) for i in data.get("industries") or []],
        objective=data.get("objective"), audience=data.get("audience"),
        call_to_action=block.get("call_to_action") or data.get("call_to_action"),
        key_messages=list(local.get("key_messages") or data.get("key_messages") or []),
        proof_points=list(local.get("proof_points") or data.get("proof_points") or []),
        proof_points_by_industry=dict(local.get("proof_points_by_industry") or raw.get("proof_points_by_industry")
                                      or {}))


def kit_texts(ctx: ToolContext, scope: Scope, locale: str | None = None) -> list[KitText]:
    """Every campaign kit's texts in `locale` where the kit has it (else its kit-level texts)."""
    scope.require("draft")
    with ctx.store.session() as session:
        rows = list(session.scalars(select(CampaignKitRow).order_by(CampaignKitRow.kit_id)))
        return [_text(row, locale) for row in rows]


_CJK = re.compile(r"[\u30a0-\u30ff\u4e00-\u9fff]+")  # katakana and kanji runs: compared as character pairs


def _stems(text: str) -> set[str]:
    latin = {w[:STEM] for w in _WORD.findall(text.lower()) if len(w) >= 4 and w not in _STOP and not _CJK.search(w)}
    return latin | {run[i:i + 2] for run in _CJK.findall(text) for i in range(len(run) - 1)} - {"キッ", "ット"}


def kits_for_need(kits: list[KitText], need: str, named: str | None = None) -> list[tuple[float, KitText]]:
    """Kits ranked by the words they share with `need` (industries, products, objective, audience, messages,
    proof points; words compared on their first letters), a word shared by fewer kits counting more (a word
    every kit has counts nothing), best first; `named`: a kit the need names ("tempo real") counts one more
    rare word. Kits sharing no word are left out."""
    asked = _stems(need)
    words = {kit.kit_id: _stems(" ".join([kit.name, *kit.products, *kit.industries, kit.objective or "",
                                          kit.audience or "", *kit.key_messages, *kit.proof_points])) for kit in kits}
    n = len(kits)
    scored = []
    for kit in kits:
        shared = asked & words[kit.kit_id]
        score = sum(math.log(n / sum(w in found for found in words.values())) if n > 1 else 1.0 for w in shared)
        if kit.kit_id == named:
            score += 2 * math.log(n + 1)
        if score > 0:
            scored.append((score, kit))
    return sorted(scored, key=lambda s: (-s[0], s[1].kit_id))
