"""Partner-directory questions in chat: "who can do SAP migrations for hospitals in Germany?", "which partner
has done a lakehouse for a retailer in Japan?", in English, German, French, Spanish, Portuguese and Japanese.

A directory question looks for partners by what they do, where and for whom, without naming a deal, an
account or one partner (those go to matching, mapping or a partner's own standing). It takes a seeking
phrase ("which partner", "wer kann", "quel partenaire", "qué socio", "qual parceiro", "できるパートナー")
and something to look for: a structured hint (country, industry, competency, tier, type; read by
`tools.directory.hints`) or a word about experience. Programme questions ("which partner tier ...",
"who can approve MDF?") are not directory questions. Pure functions but for the vocabulary, which comes
from the data.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from assistant.engine.resolver import Mentions
from retrieval.lexical import STOPWORDS
from tools.directory.hints import Hints
from tools.directory.vocabulary import QUESTION_WORDS

# Seeking a partner: "which partner(s)", "any partner", "find a partner", "wer kann", ...
_SEEK = re.compile(
    r"\b(which|any|find( me)?|recommend|suggest|looking for|need|know)( an?| the| some)? "
    r"(\w+ ){0,3}(partners?|sis?|integrators?|resellers?|vars?|msps?|consultanc\w*|distributors?|firms?|companies|"
    r"vendors?)\b|\bwhat (partners?|sis|integrators|resellers|vars|msps|companies|firms)\b|\bwho (can|could|has|have|does|do|is|are|did|knows?|would|specialises|specializes|works?)\b|"
    r"\bpartners? (who|that|with|for|in|experienced|able|doing|working|selling|offering|delivering|covering|serving|"
    r"specialising|specializing|focused)\b|\bis there an? (\w+ )?partner\b|"
    r"\b(wer|welche[rnms]?|gibt es( einen| eine)?|suche( einen| eine)?|kennst du)\b.{0,40}\b(partner\w*|"
    r"systemhaus\w*|integrator\w*)|\bwer (kann|hat|macht|bietet)\b|"
    r"\b(quels?|quelles?|un|y a-t-il un|cherche un)( \w+){0,2} partenaires?\b|\bqui (peut|a|fait|sait)\b|"
    r"\b(qué|que|cuál(es)?|algún|hay algún|busco un)( \w+){0,2} (socios?|partners?|integrador\w*)\b|"
    r"\bquién(es)? (puede|pueden|ha|han|tiene|hace)\b|"
    r"\b(qual|quais|que|algum|há algum|procuro um)( \w+){0,2} (parceiros?|integrador\w*)\b|"
    r"\bquem (pode|tem|fez|faz)\b|"
    r"(できる|実績のある|得意な|対応できる|強い|どの|おすすめの)パートナー|パートナー(は|を探|はいますか|はどこ)|"
    r"どこの(会社|パートナー|SI)",
    re.IGNORECASE)  # fmt: skip
# Something a partner has done or knows: enough to search without a structured hint.
_EXPERIENCE = re.compile(
    r"\b(done|did|delivered|built|implemented|experience\w*|expertise|expert\w*|specialis\w*|specializ\w*|"
    r"references?|case stud\w*|track record|certified|skills?|knows?|capabilit\w*|practice|focus\w*|"
    r"erfahrung\w*|referenz\w*|kompetenz\w*|spezialis\w*|zertifiziert\w*|gemacht|umgesetzt|"
    r"expérience|références?|spécialis\w*|certifiés?|réalisé|"
    r"experiencia|referencias?|especializ\w*|certificad\w*|hecho|implementado|"
    r"experiência|referências?|fez|implementou)\b|実績|経験|事例|得意|専門|認定",
    re.IGNORECASE)  # fmt: skip
# The programme's rules and a partner's standing, not the directory.
_NOT_DIRECTORY = re.compile(
    r"\b(tiers? (benefits?|requirements?|levels?|rules?)|partner (program\w*|programme|portal|tier|level|status|"
    r"agreement|contract|benefits?|discounts?)|approve\w*|registr\w*|register|mdf|claims?|discounts?|rebates?|"
    r"commissions?|policy|policies|rules?|at risk|churn\w*|health|onboard\w*|contact|owner|manager|"
    r"overlap\w*|mapping|pipeline|won|revenue|sourced|attribution|leads?|remises?|rabatt\w*|descuentos?|"
    r"descontos?|enregistr\w*|registrierung\w*|registros?|reembolsos?|remboursements?|rückverg\w*)\b|"
    r"承認|登録|割引|リベート|ポリシー",
    re.IGNORECASE)  # fmt: skip

# A deal named ("which partners fit the Stark Industries opportunity?") is matching's, even when the name is
# not found (then the engine says so instead of searching the directory).
_A_DEAL = re.compile(r"\b(deals?|opportunit(y|ies)|renewals?|oppty|opp)\b|\b(angebot|geschäft|affaire|oportunidad|"
                     r"oportunidade|negócio)\b|案件|商談", re.IGNORECASE)


# A kind of deal, not one ("best partner for a streaming deal in mexico?", "un socio para un negocio de
# governance en Chile"): the directory, by the product and country it names
# "take a Lakehouse deal in Switzerland", "new governance opp at a Dutch bank", "ein neues Streaming-Projekt": a deal
# with an indefinite article or "new", not one of the records
_ANY_DEAL = re.compile(r"(\b(for|on|with|take|took|taking|handle|run|cover|bring in on|für|pour|para|per) )?\b(an?|any|"
                       r"new|ein\w*|neue[snmr]?|une?|nouv\w*|una|uma|um|nuev[oa]s?|nov[oa]s?)\s+(\w+[\s-]+){0,3}?(deals?|"
                       r"opportunit(y|ies)|opps?|projects?|angebot|projekt|geschäft|affaire|projet|oportunidad|"
                       r"oportunidade|negócio|negocio|proyecto|projeto)\b", re.IGNORECASE)


def is_directory_question(question: str, mentions: Mentions, hints_of: Callable[[str], Hints]) -> bool:
    """A question looking for partners by what they do, where and for whom (see the module docstring).
    `hints_of` reads the structured hints of a text in this ecosystem's words."""
    if not _SEEK.search(question or "") or _NOT_DIRECTORY.search(question) or (
            _A_DEAL.search(question) and not _ANY_DEAL.search(question)):
        return False
    if named_subjects(mentions, hints_of):
        return False
    hints = hints_of(question)
    return bool(hints.groups() or hints.gloss or _EXPERIENCE.search(question))


def named_subjects(mentions: Mentions, hints_of: Callable[[str], Hints]) -> set[str]:
    """Kinds of the deals, accounts and partners the question really names. A kit's name is a product's
    ("Lakehouse modernisation"), and a name made only of hint words is not a name here ("hospitals" is
    an industry, not the account "Hospitales López")."""
    kinds = set()
    for e in mentions.entities:
        if e.kind not in ("opportunity", "account", "partner"):
            continue
        words = mentions.words[e.span[0] : e.span[1]] if e.span else []
        if e.score >= 150 or not words or not all(_is_hint(w, hints_of) for w in words):
            kinds.add(e.kind)
    return kinds


def _is_hint(word: str, hints_of: Callable[[str], Hints]) -> bool:
    hints = hints_of(word)
    return bool(hints.groups() or hints.gloss) or word.casefold() in QUESTION_WORDS | STOPWORDS


def directory_answer(data: dict, start: int = 0, size: int = 5) -> str:
    """The partners found, each with what matched and the passage that supports it."""
    results = (data.get("results") or [])[start : start + size]
    understood = "; ".join(f"{g} {', '.join(v)}" for g, v in (data.get("understood") or {}).items())
    if not results:
        more = " more" if start else ""
        return f"I found no{more} partner that fits" + (f" ({understood})." if understood else ".")
    lines = [f"Partners that fit{f' ({understood})' if understood else ''}, best first:"]
    for i, hit in enumerate(results, start + 1):
        where = ", ".join(hit.get("countries") or [])
        lines.append(f"{i}. {hit['name']} ({hit['partner_id']}, {hit['tier']} {hit['type'].replace('_', ' ')}"
                     f"{f', {where}' if where else ''}): {'; '.join(hit.get('matched') or [])}")
        if hit.get("evidence"):
            lines.append(f"   \"{_short(hit['evidence'])}\" ({hit.get('evidence_source') or 'profile'})")
    lines.append("More: ask \"who else?\", or `cosell partners search` with --country, --industry, --product, --tier.")
    return "\n".join(lines)


def _short(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
