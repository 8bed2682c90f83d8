"""Filling a campaign kit's locale block for one partner (and account) and rendering the channel.

`compose` fills the templates (the part an LLM may later rewrite); `assemble` adds what we always add
ourselves (the tagline signing an email, the disclaimer closing every draft) and renders landing pages as
a whole page (tools.content_drafts.landing) in which every value is escaped. Every text is reflowed
(tools.content_drafts.reflow) and a proof point is woven into a paragraph as a sentence. Why placeholders are filled by a regex and where
proof points come from: see tools.content_drafts.service.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from assistant.core.errors import BadInput
from tools.content_drafts import llm_rewrite as draft_llm
from tools.content_drafts.checks import html_to_text
from tools.content_drafts.landing import Page, render_page
from tools.content_drafts.reflow import as_sentence, join_sentences, reflow
from tools.content_drafts.types import CHANNELS
from tools.locales import (
    FORMAL_FIRST_NAME,
    GENERIC_ACCOUNT,
    GENERIC_FIRST_NAME,
    GENERIC_INDUSTRY,
    fill_placeholders,
)

_CHANNEL_FIELDS = {"email": ("email_subject", "email_body"), "social": ("social_post",),
                   "landing": ("landing_intro",)}
# English keywords per industry: proof points rarely repeat the industry's own words ("bank" vs
# "Financial Services"). Kits may instead give `proof_points_by_industry`.
_INDUSTRY_WORDS = {
    "financial": "bank banking insurer insurance fintech lender payments wealth trading",
    "retail": "retailer store shop shopper ecommerce e-commerce grocery consumer",
    "health": "hospital clinic patient pharma healthcare medical care",
    "manufactur": "manufacturer factory plant industrial production supply",
    "public": "government agency council ministry city municipal public",
    "telecom": "telco operator carrier network mobile",
    "energy": "utility grid oil gas power renewable",
    "logistic": "shipping freight transport fleet warehouse",
}


@dataclass
class Parties:
    """Everything about sender and recipient a draft uses, read once through the user's scope."""

    partner_id: str
    partner_name: str
    brand: str
    vendor: str
    tagline: str | None
    color: str
    link: str | None  # the CTA's href on landing pages
    contact: str | None  # {contact_email}
    account_name: str | None
    industry: str | None
    source_lang: str  # language of kit-level text (vendor default locale)
    products: list[str] = field(default_factory=list)
    taglines: dict[str, str] = field(default_factory=dict)  # every tagline of the partner, by locale tag
    foreign_taglines: list[str] = field(default_factory=list)  # the partner's taglines in other languages
    proof_points: list[str] = field(default_factory=list)  # the kit's, in the draft's language
    form_url: str | None = None  # where the landing page's lead form posts
    labels: dict[str, str] = field(default_factory=dict)  # the landing page's own words, in its language
    kit_id: str = ""
    locale_tag: str = ""  # the draft's locale (the page's lang and a hidden form field)


def as_list(value) -> list[str]:
    """A kit value given as one string or as a list, as a list of strings."""
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value or []]


def _pick_proof_point(sources: list[dict], industry: str | None) -> str | None:
    """The proof point that best fits the industry: by `proof_points_by_industry`, else keyword overlap."""
    for src in sources:
        by_industry = src.get("proof_points_by_industry") or {}
        if industry and isinstance(by_industry, dict):
            for key, points in by_industry.items():
                if str(key).casefold() == industry.casefold() and as_list(points):
                    return as_list(points)[0]
        points = as_list(src.get("proof_points"))
        if points:
            return max(points, key=lambda p: _overlap(p, industry))  # max keeps the first on ties
    return None


def _overlap(text: str, industry: str | None) -> int:
    if not industry:
        return 0
    words = set(re.findall(r"[a-z]+", industry.casefold()))
    words |= {w for stem, extra in _INDUSTRY_WORDS.items() if stem in industry.casefold()
              for w in extra.split()}
    tokens = re.findall(r"[a-z-]+", text.casefold())
    return sum(1 for t in tokens if any(t.rstrip("s")[:5] == w.rstrip("s")[:5] for w in words if len(w) > 2))


def _filler(kit: dict, block: dict, who: Parties, lang: str,
            proof: str | None) -> tuple[Callable[[str], str], dict]:
    """A function filling a template's placeholders for this draft, and the values it uses."""
    values: dict[str, str] = {"partner": who.brand, "vendor": who.vendor}
    optional = {
        "first_name": block.get("generic_first_name", GENERIC_FIRST_NAME.get(lang)),
        "account": who.account_name or block.get("generic_account") or GENERIC_ACCOUNT.get(lang),
        "industry": who.industry or GENERIC_INDUSTRY.get(lang),
        "contact_email": who.contact,
        "tagline": who.tagline,
        "proof_point": proof,
    }
    generic = {"first_name"} | ({"account"} if not who.account_name else set())
    generic |= {"industry"} if not who.industry else set()
    formal = {} if "generic_first_name" in block else {"first_name": FORMAL_FIRST_NAME.get(lang, {})}
    # A value we cannot give (no word for this language) leaves the placeholder visible: a failed check.
    values.update({k: str(v) for k, v in optional.items() if v is not None})

    def fill(template: str) -> str:
        return fill_placeholders(template, values, generic, formal)

    cta = block.get("call_to_action") or kit.get("call_to_action")
    if cta:
        values["call_to_action"] = fill(str(cta))
    if proof:
        values["proof_point"] = fill(proof)
    return fill, values


# Introduces a proof point woven into a paragraph ("One example: A grocery chain reduced ..."); a
# language without an entry gets the proof point as a sentence of its own, without an introduction.
PROOF_LEAD_IN = {
    "en": "One example: ", "de": "Ein Beispiel: ", "fr": "Un exemple : ", "es": "Un ejemplo: ",
    "pt": "Um exemplo: ", "it": "Un esempio: ", "nl": "Een voorbeeld: ", "ja": "導入事例：", "zh": "客户案例：",
    "ko": "사례: ",
}
MAX_PROOF_POINTS = 3  # on a landing page


def _weave(body: str, sentence: str, vendor: str) -> str:
    """The proof point appended, as a sentence, to the paragraph of substance that names the vendor (the
    product paragraph), else the first one after the greeting; never a paragraph of its own."""
    paras = body.rstrip().split("\n\n")
    candidates = list(range(1, len(paras) - 1)) if len(paras) >= 3 else list(range(len(paras)))
    named = [i for i in candidates if vendor and vendor.casefold() in paras[i].casefold()]
    at = (named or candidates)[0]
    paras[at] = join_sentences(paras[at], sentence)
    return "\n\n".join(paras)


def localized(kit: dict, block: dict, tag: str, key: str, lang: str, source_lang: str):
    """A kit text for the draft's language: the locale block's, else the kit's `localized.<tag>` (the tag,
    then its language), else the kit-level one when the kit is written in this language; else None."""
    if block.get(key):
        return block[key]
    by_locale = kit.get("localized") if isinstance(kit.get("localized"), dict) else {}
    lowered = {str(k).lower(): v for k, v in by_locale.items() if isinstance(v, dict)}
    for candidate in (tag.lower(), lang.lower()):
        if (lowered.get(candidate) or {}).get(key):
            return lowered[candidate][key]
    return kit.get(key) if lang == source_lang else None


def compose(kit: dict, block: dict, channel: str, who: Parties, lang: str, tag: str = "") -> draft_llm.DraftText:
    """The kit's locale block, filled for this partner and account, with its hard wraps reflowed: the
    parts an LLM may later change."""
    tag = tag or lang
    own_points = {"proof_points": localized(kit, block, tag, "proof_points", lang, who.source_lang),
                  "proof_points_by_industry": localized(kit, block, tag, "proof_points_by_industry", lang,
                                                        who.source_lang)}
    proof = _pick_proof_point([own_points], who.industry)
    # A template asking for {proof_point} gets one regardless of language (the kit author asked for it).
    fill_text, values = _filler(kit, block, who, lang, proof or _pick_proof_point([block, kit], who.industry))

    def fill(key: str) -> str:
        return reflow(fill_text(str(block.get(key) or "")))

    disclaimer = fill("disclaimer").strip() or None
    if channel == "email":
        body = fill("email_body").strip()
        if proof and "{proof_point}" not in str(block.get("email_body")) and proof not in body:
            sentence = as_sentence(fill_text(proof), lang)
            body = _weave(body, PROOF_LEAD_IN.get(lang, "") + sentence, who.vendor)
        return draft_llm.DraftText(subject=fill("email_subject").strip(), body=body, disclaimer=disclaimer)
    if channel == "social":
        return draft_llm.DraftText(body=fill("social_post").strip(), disclaimer=disclaimer)
    cta = reflow(values.get("call_to_action") or "")
    messages = [reflow(fill_text(m)) for m in as_list(localized(kit, block, tag, "key_messages", lang,
                                                                  who.source_lang))]
    # The one that fits the industry first, then the kit's others in this language.
    ordered = list(dict.fromkeys(([proof] if proof else []) + as_list(own_points["proof_points"])))
    points = [as_sentence(fill_text(p), lang) for p in ordered[:MAX_PROOF_POINTS]]
    title = fill("email_subject").strip() or f"{who.brand} & {who.vendor}"
    return draft_llm.DraftText(subject=title, body=fill("landing_intro").strip(), disclaimer=disclaimer,
                               call_to_action=cta.strip() or None,
                               key_messages="\n".join(m for m in messages if m) or None,
                               proof_points="\n".join(p for p in points if p) or None)


def proof_points_of(text: draft_llm.DraftText) -> list[str]:
    return [p for p in (text.proof_points or "").splitlines() if p.strip()]


def assemble(text: draft_llm.DraftText, channel: str, who: Parties,
             lang: str) -> tuple[str | None, str, str | None]:
    """(subject, body, html) as sent: the tagline signs emails, the disclaimer closes every draft; a
    landing draft is a whole page (tools.content_drafts.landing) and its body the text a reader sees."""
    closing = [text.disclaimer] if text.disclaimer and text.disclaimer not in text.body else []
    if channel == "email":
        body = text.body
        if who.tagline and who.tagline not in body:
            body += f"\n\n{who.brand} | {who.tagline}"
        return text.subject, "\n\n".join([body] + closing), None
    if channel == "social":
        return None, "\n\n".join([text.body] + closing), None
    page = render_page(Page(
        lang=who.locale_tag or lang, title=text.subject or f"{who.brand} & {who.vendor}",
        description=_description(text.body), brand=who.brand, vendor=who.vendor, tagline=who.tagline,
        intro=text.body, key_messages=[m for m in (text.key_messages or "").splitlines() if m.strip()],
        proof_points=proof_points_of(text), call_to_action=text.call_to_action, disclaimer=text.disclaimer,
        color=who.color, form_url=who.form_url, labels=who.labels,
        hidden={k: v for k, v in (("partner_id", who.partner_id), ("kit_id", who.kit_id),
                                  ("locale", who.locale_tag or lang)) if v}))
    return None, html_to_text(page), page


def _description(intro: str, limit: int = 160) -> str:
    """The meta description: the intro's first sentences, up to `limit` characters, never cut mid-word."""
    text = " ".join(intro.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    for end in ("。", ". ", "! ", "? "):
        at = cut.rfind(end)
        if at > 40:
            return cut[:at + 1].strip()
    return cut.rsplit(" ", 1)[0].rstrip(",;:") + "…"


def available_channels(block: dict) -> list[str]:
    """The channels a kit's locale block has text for."""
    return [c for c in CHANNELS if all(str(block.get(f) or "").strip() for f in _CHANNEL_FIELDS[c])]


def require_channel(kit_id: str, locale: str, block: dict, channel: str) -> None:
    missing = [f for f in _CHANNEL_FIELDS[channel] if not str(block.get(f) or "").strip()]
    if missing:
        raise BadInput(f"campaign kit '{kit_id}' locale '{locale}' has no {channel} text "
                       f"({', '.join(missing)} missing)")
