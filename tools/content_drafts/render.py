"""Filling a campaign kit's locale block for one partner (and account) and rendering the channel.

`compose` fills the templates (the part an LLM may later rewrite); `assemble` adds what we always add
ourselves (the tagline signing an email, the disclaimer closing every draft) and renders landing pages as
an HTML snippet in which every value is escaped. Why placeholders are filled by a regex and where
proof points come from: see tools.content_drafts.service.
"""
from __future__ import annotations

import html as htmlmod
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from assistant.core.errors import BadInput
from tools.content_drafts import llm_rewrite as draft_llm
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


def _insert_paragraph(body: str, paragraph: str) -> str:
    """After the first paragraph of substance: before the sign-off of a greeting/body/sign-off email."""
    paras = body.rstrip().split("\n\n")
    if len(paras) < 3:
        return body.rstrip() + "\n\n" + paragraph
    return "\n\n".join(paras[:2] + [paragraph] + paras[2:])


def compose(kit: dict, block: dict, channel: str, who: Parties, lang: str) -> draft_llm.DraftText:
    """The kit's locale block, filled for this partner and account: the parts an LLM may later change."""
    fill_text, values = _filler(kit, block, who, lang, _pick_proof_point([block, kit], who.industry))
    proof = values.get("proof_point")
    # We weave a proof point in ourselves only if it is in the draft's language (from the locale block, or
    # kit-level text in the kit's language); a template asking for {proof_point} gets one regardless.
    own = block.get("proof_points") or block.get("proof_points_by_industry")
    proof = proof if (own or lang == who.source_lang) else None

    def fill(key: str) -> str:
        return fill_text(str(block.get(key) or ""))

    disclaimer = fill("disclaimer").strip() or None
    if channel == "email":
        body = fill("email_body").strip()
        if proof and "{proof_point}" not in str(block.get("email_body")) and proof not in body:
            body = _insert_paragraph(body, proof)
        return draft_llm.DraftText(subject=fill("email_subject").strip(), body=body, disclaimer=disclaimer)
    if channel == "social":
        return draft_llm.DraftText(body=fill("social_post").strip(), disclaimer=disclaimer)
    cta = values.get("call_to_action") or ""
    return draft_llm.DraftText(body=fill("landing_intro").strip(), disclaimer=disclaimer,
                               call_to_action=cta.strip() or None, proof_point=proof)


def assemble(text: draft_llm.DraftText, channel: str, who: Parties,
              lang: str) -> tuple[str | None, str, str | None]:
    """(subject, body, html) as sent: the tagline signs emails, the disclaimer closes every draft."""
    closing = [text.disclaimer] if text.disclaimer and text.disclaimer not in text.body else []
    if channel == "email":
        body = text.body
        if who.tagline and who.tagline not in body:
            body += f"\n\n{who.brand} | {who.tagline}"
        return text.subject, "\n\n".join([body] + closing), None
    if channel == "social":
        return None, "\n\n".join([text.body] + closing), None
    parts = [f"{who.brand} & {who.vendor}", who.tagline, text.body, text.proof_point, text.call_to_action]
    body = "\n\n".join(p for p in parts + closing if p)
    return None, body, _render_landing(text, who, lang)


def _esc(text: str) -> str:
    """HTML-escaped text (quotes too: also safe inside attributes), line breaks kept."""
    return htmlmod.escape(text, quote=True).replace("\n", "<br>")


def _render_landing(text: draft_llm.DraftText, who: Parties, lang: str) -> str:
    """A snippet safe to embed: every value escaped, no script or handlers, only the validated colour."""
    r, g, b = (int(who.color[i:i + 2], 16) for i in (1, 3, 5))
    ink = "#000000" if (0.299 * r + 0.587 * g + 0.114 * b) > 150 else "#FFFFFF"  # readable on the colour
    out = [(f'<section class="cosell-landing" lang="{_esc(lang)}" '
            f'style="border-top:4px solid {who.color};padding:16px">'),
           f'<h2 style="color:{who.color}">{_esc(who.brand)} &amp; {_esc(who.vendor)}</h2>']
    if who.tagline:
        out.append(f'<p class="cosell-tagline"><em>{_esc(who.tagline)}</em></p>')
    out += [f"<p>{_esc(p.strip())}</p>" for p in text.body.split("\n\n") if p.strip()]
    if text.proof_point:
        out.append(f'<blockquote style="border-left:4px solid {who.color};margin:0;padding-left:12px">'
                   f"{_esc(text.proof_point)}</blockquote>")
    if text.call_to_action and who.link:
        out.append(f'<p><a href="{_esc(who.link)}" rel="noopener" style="background:{who.color};color:{ink};'
                   f'padding:8px 16px;text-decoration:none">{_esc(text.call_to_action)}</a></p>')
    elif text.call_to_action:
        out.append(f"<p><strong>{_esc(text.call_to_action)}</strong></p>")
    if text.disclaimer:
        out.append(f'<p class="cosell-disclaimer"><small>{_esc(text.disclaimer)}</small></p>')
    return "\n".join(out + ["</section>"])


def available_channels(block: dict) -> list[str]:
    """The channels a kit's locale block has text for."""
    return [c for c in CHANNELS if all(str(block.get(f) or "").strip() for f in _CHANNEL_FIELDS[c])]


def require_channel(kit_id: str, locale: str, block: dict, channel: str) -> None:
    missing = [f for f in _CHANNEL_FIELDS[channel] if not str(block.get(f) or "").strip()]
    if missing:
        raise BadInput(f"campaign kit '{kit_id}' locale '{locale}' has no {channel} text "
                       f"({', '.join(missing)} missing)")
