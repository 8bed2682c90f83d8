"""Co-branded, localised campaign drafts from campaign kits (DATA.md campaigns/), checked, approved.

`draft_content` fills a kit's locale block for one partner (and account), renders the channel, runs the
checks (tools.content_drafts.checks) and saves the draft as `pending` for review. With an LLM configured the
filled draft is rewritten for the audience, or translated when the kit lacks the language; the LLM's
text is kept only if every check passes again, otherwise the kit's text is returned with the reasons.

The parts: tools.content_drafts.render fills and renders the kit's text, tools.content_drafts.checks checks it (with
tools.content_drafts.partner_names for other partners' names), tools.content_drafts.llm_rewrite rewrites or translates it and
tools.content_drafts.store keeps saved drafts and their approval; this module puts them together.

Decisions worth knowing:
- `{first_name}`: the recipient is unknown when a draft is made (one draft goes to many people), so it
  becomes a neutral salutation per language (tools.locales.GENERIC_FIRST_NAME: "Hi there,",
  "Hallo zusammen,", "Bonjour,"); a locale block may set `generic_first_name` / `generic_account`.
- Placeholders are replaced by a regex over `{name}` (tools.locales.fill_placeholders), not
  `str.format_map`: format_map would also evaluate `{partner.__class__}` or `{partner:>99999}` from a
  kit and raises on a stray brace. Unknown placeholders stay visible and fail `no_leftover_placeholder`.
  Besides DATA.md's placeholders, `{proof_point}` and `{tagline}` are filled too.
- Kit-level texts (proof points) are taken to be in vendor.yaml's default language: they are woven into
  a draft of another language only where its template asks for `{proof_point}`, so a draft never mixes
  languages by our doing. A saved landing draft stores its HTML in `drafts.body`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Literal

from pydantic import BaseModel, Field
from sqlalchemy import select

from assistant.core.errors import BadInput, Forbidden, NotFound
from assistant.core.suggest import did_you_mean
from retrieval.records import CampaignKitRow, Partner
from retrieval.scope import Scope, get_by_id
from tools.content_drafts import llm_rewrite as draft_llm
from tools.content_drafts.checks import Check, CheckSubject, check_language, check_locale, run_checks  # noqa: F401
from tools.content_drafts.kits import KitText, kit_texts, kits_for_need  # noqa: F401  (the chat reads kits here)
from tools.content_drafts.landing import labels_for
from tools.content_drafts.partner_names import NameIndex, OtherPartners
from tools.content_drafts.reflow import as_sentence, reflow
from tools.content_drafts.render import (
    Parties,
    as_list,
    assemble,
    available_channels,
    compose,
    localized,
    proof_points_of,
    require_channel,
)
from tools.content_drafts.store import Draft, DraftList, get_draft, list_drafts, review_draft, save_draft
from tools.content_drafts.types import CHANNELS, Channel, DraftResponse
from tools.context import ToolContext
from tools.locales import LocaleResolution, canonical_tag, language_of, resolve_locale
from tools.registry import register_tool

# The public names of the draft feature, wherever they live (callers import them from here).
__all__ = ["CHANNELS", "Channel", "Draft", "DraftArgs", "DraftList", "DraftResponse", "KitFit", "available_channels",
           "draft_content", "draft_content_tool", "get_draft", "kits_for_partner", "list_drafts", "review_draft"]

_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
_SITE = re.compile(r"^(?:https?://)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?:/[A-Za-z0-9._~/-]*)?$")
_TAGLINE_COLUMN = re.compile(r"^tagline_([A-Za-z0-9_-]+)$", re.IGNORECASE)
_FORM_URL = re.compile(r"^https?://[^\s\"'<>]+$", re.IGNORECASE)
DEFAULT_COLOR = "#1F2937"
DRAFT_TEXTS_KEPT = 1024  # built-in draft texts kept per process (asker, partner, kit, locale, channel, account)


def _site_url(site: str | None) -> str | None:
    if not site or not _SITE.match(site.strip()):
        return None
    site = site.strip()
    return site if site.startswith(("http://", "https://")) else f"https://{site}"


def _pick_industry(account_industry: str | None, partner_industries: list[str], kit: dict) -> str | None:
    if account_industry:
        return account_industry
    kit_inds = [str(i) for i in kit.get("industries") or []]
    wanted = {i.casefold() for i in kit_inds}
    shared = [i for i in partner_industries if i.casefold() in wanted]
    return (shared or kit_inds or partner_industries or [None])[0]


def _taglines(partner: Partner, source_lang: str) -> dict[str, str]:
    """The partner's taglines by lower-case locale tag: `tagline` is in the vendor's default language
    (like kit-level text), partners.csv extra columns `tagline_<locale>` (`tagline_de`, `tagline_pt-BR`)
    give the others."""
    found: dict[str, str] = {}
    if (partner.tagline or "").strip():
        found[source_lang.lower()] = partner.tagline.strip()
    for key, value in (partner.attributes or {}).items():
        match = _TAGLINE_COLUMN.match(str(key))
        if match and str(value or "").strip():
            try:
                found[canonical_tag(match.group(1)).lower()] = str(value).strip()
            except BadInput:
                continue  # a column such as tagline_old is not a locale: not a tagline
    return found


def _tagline_for(taglines: dict[str, str], tag: str) -> str | None:
    """The tagline for the draft's locale: the tag, then its language (pt-BR, then pt); else none."""
    parts = canonical_tag(tag).lower().split("-")
    for n in range(len(parts), 0, -1):
        if "-".join(parts[:n]) in taglines:
            return taglines["-".join(parts[:n])]
    return None


def _form_url(ctx: ToolContext, kit: dict, block: dict) -> str | None:
    for value in (block.get("lead_form_url"), kit.get("lead_form_url"), ctx.vendor().get("lead_form_url"),
                  ctx.settings.lead_form_url):
        if value and _FORM_URL.match(str(value).strip()):
            return str(value).strip()
    return None


def _for_locale(ctx: ToolContext, who: Parties, kit: dict, block: dict, tag: str) -> Parties:
    """The parties as a draft in `tag` shows them: the tagline in that language only, the page's words."""
    lang = language_of(tag)
    tagline = _tagline_for(who.taglines, tag)
    return replace(who, tagline=tagline, foreign_taglines=[t for t in who.taglines.values() if t != tagline],
                   form_url=_form_url(ctx, kit, block), labels=labels_for(lang, block), locale_tag=tag,
                   proof_points=_all_proof_points(kit, block, tag, lang, who.source_lang))


def _all_proof_points(kit: dict, block: dict, tag: str, lang: str, source_lang: str) -> list[str]:
    points = as_list(localized(kit, block, tag, "proof_points", lang, source_lang))
    by_industry = localized(kit, block, tag, "proof_points_by_industry", lang, source_lang)
    if isinstance(by_industry, dict):
        points += [p for v in by_industry.values() for p in as_list(v)]
    return list(dict.fromkeys(points))


def _load(ctx: ToolContext, scope: Scope, partner_id: str, kit_id: str,
          account_id: str | None) -> tuple[Parties, dict]:
    vendor = ctx.vendor()
    with ctx.records(scope) as rec:
        partner = rec.partner(partner_id)
        account = rec.account(account_id) if account_id else None
        kit_row = rec.session.get(CampaignKitRow, kit_id)
        if kit_row is None:  # draft_content resolved the id already: only a kit removed meanwhile
            raise NotFound(f"unknown campaign kit '{kit_id}'")
        # The validated kit; keys the connector does not model (proof_points_by_industry...) are in `raw`.
        data = dict(kit_row.data or {})
        kit = {**(data.get("raw") or {}), **{k: v for k, v in data.items() if v not in (None, [], {})}}
        contact = partner.contact_email if _EMAIL.match(partner.contact_email or "") else None
        color = partner.brand_color if _HEX.match(partner.brand_color or "") else DEFAULT_COLOR
        source_lang = language_of(str(vendor.get("default_locale") or "en"))
        who = Parties(
            partner_id=partner.partner_id, partner_name=partner.name,
            brand=(partner.brand_name or partner.name).strip(), vendor=str(vendor.get("name") or "Vendor"),
            tagline=(partner.tagline or "").strip() or None, color=color.upper(),
            link=(f"mailto:{contact}" if contact
                  else _site_url(vendor.get("website")) or _site_url(partner.website)),
            contact=contact or vendor.get("website") or partner.website,
            account_name=account.name if account else None,
            industry=_pick_industry(account.industry if account else None, list(partner.industries or []),
                                    kit),
            source_lang=source_lang, products=[str(p) for p in kit.get("products") or []],
            taglines=_taglines(partner, source_lang), kit_id=kit_id,
        )
    return who, kit


def _resolve(ctx: ToolContext, scope: Scope, partner_id: str, kit_id: str) -> tuple[str, str]:
    """The partner and kit ids as stored, typed in any case; an unknown kit names the valid ones."""
    with ctx.records(scope) as rec:
        partner_id = rec.partner(partner_id).partner_id
        kit_row = get_by_id(rec.session, CampaignKitRow, CampaignKitRow.kit_id, kit_id)
        if kit_row is None:
            kits = rec.session.scalars(select(CampaignKitRow.kit_id))
            raise NotFound(did_you_mean(f"unknown campaign kit '{kit_id}'", kit_id, kits, "cosell list kits"))
        return partner_id, kit_row.kit_id


def _other_partners(ctx: ToolContext, partner_id: str, own: set[str]) -> OtherPartners:
    """Every other partner's names; read as the system: used only to flag them, never shown. Indexed
    once per records version (tools.content_drafts.partner_names): the check then costs the same at 10,000 partners."""
    index = ctx.cached("partner_name_index", lambda: NameIndex(_partner_names(ctx)))
    return OtherPartners(index, partner_id, frozenset(own))


def _partner_names(ctx: ToolContext) -> list[tuple[str, str]]:
    """(name, partner id) for every partner's name and brand name."""
    with ctx.records(Scope.system()) as rec:
        # Three columns, not whole Partner rows (descriptions, JSON lists).
        rows = rec.session.execute(select(Partner.partner_id, Partner.name, Partner.brand_name))
        return [(n.strip(), pid) for pid, *pair in rows for n in pair if n and n.strip()]


def _checked(text: draft_llm.DraftText, channel: str, who: Parties, locale: str, others: OtherPartners,
             disclaimer: str | None) -> tuple[tuple[str | None, str, str | None], list[Check]]:
    assembled = assemble(text, channel, who, locale)
    subject, body, html = assembled
    own = [t for t in (who.partner_name, who.account_name) if t]
    neutral = own + [who.brand, who.vendor, who.tagline or "", who.industry or "", who.contact or ""]
    neutral += who.products
    points = proof_points_of(text) + [as_sentence(p, language_of(locale)) for p in who.proof_points]
    checks = run_checks(CheckSubject(
        channel=channel, subject=subject, body=body, html=html, locale=locale, disclaimer=disclaimer,
        partner_brand=who.brand, vendor_name=who.vendor, own_terms=own, other_partners=others,
        neutral_terms=neutral, proof_points=points, tagline=who.tagline,
        foreign_taglines=who.foreign_taglines))
    return assembled, checks


@dataclass
class _Outcome:
    assembled: tuple[str | None, str, str | None]
    checks: list[Check]
    locale: str
    source: str = "kit"
    llm_checks: list[Check] = field(default_factory=list)


def _with_llm(ctx: ToolContext, kit: dict, who: Parties, channel: str, resolution: LocaleResolution,
              kit_text: draft_llm.DraftText, others: OtherPartners, kept: _Outcome) -> _Outcome:
    """Rewrite (same language) or translate (the kit lacks the language); keep it only if it passes."""
    translate = not resolution.same_language
    target = resolution.requested if translate else resolution.resolved
    if translate:  # the tagline, the page's words: those of the language translated into
        who = _for_locale(ctx, who, kit, {}, target)
    terms = [who.brand, who.partner_name, who.vendor, who.account_name, who.tagline, who.contact,
             *who.products, *as_list(kit.get("glossary")), *as_list(kit.get("trademarks"))]
    brief = draft_llm.DraftBrief(
        partner=who.brand, vendor=who.vendor, channel=channel, locale=target,
        audience=str(kit.get("audience") or ""), objective=str(kit.get("objective") or ""),
        account=who.account_name or "", industry=who.industry or "",
        glossary=draft_llm.build_glossary(terms, kit_text.joined()))
    assembled: dict[str, tuple] = {}

    def check(out: draft_llm.DraftText) -> list[Check]:
        # The LLM's prose laid out as the kit's is (its hard wraps joined); the lists stay one per line.
        out = out.model_copy(update={k: reflow(v) for k in ("subject", "body", "disclaimer", "call_to_action")
                                     if (v := getattr(out, k))})
        # A translated disclaimer replaces the kit's; a dropped one is sought in the source wording: fails.
        disclaimer = out.disclaimer if translate and out.disclaimer else kit_text.disclaimer
        assembled["text"], checks = _checked(out, channel, who, target, others, disclaimer)
        return [check_locale(resolution, translated=translate)] + checks

    verdict = draft_llm.improve_draft(ctx.settings, kit_text, brief, resolution.resolved, translate, check)
    if verdict.kept is None:
        kept.checks.append(verdict.check)
        kept.llm_checks = verdict.checks
        return kept
    return _Outcome(assembled=assembled["text"], checks=verdict.checks + [verdict.check], locale=target,
                    source=verdict.check.name)


def draft_content(ctx: ToolContext, scope: Scope, partner_id: str, kit_id: str, locale: str | None = None,
                  channel: str = "email", account_id: str | None = None, save: bool = True,
                  use_llm: bool = True) -> DraftResponse:
    """A co-branded, localised draft of a kit for a partner (and account), checked, saved as pending."""
    scope.require("draft")
    channel = (channel or "").strip().lower()
    if channel not in CHANNELS:
        raise BadInput(did_you_mean(f"unknown channel '{channel}'", channel, CHANNELS))
    if account_id and scope.role == "marketer":
        raise Forbidden(f"user '{scope.user_id}' (marketer) may draft only without an account")
    default_locale = str(ctx.vendor().get("default_locale") or "en")
    requested = canonical_tag(locale or scope.locale or default_locale)

    partner_id, kit_id = _resolve(ctx, scope, partner_id, kit_id)
    if account_id:
        with ctx.records(scope) as rec:  # NotFound / Forbidden; the stored spelling of the id (`a-1` is A-1)
            account_id = rec.account(account_id).account_id

    def write() -> _Outcome:
        who, kit = _load(ctx, scope, partner_id, kit_id, account_id)
        locales = kit.get("locales") or {}
        resolution = resolve_locale(requested, locales.keys(), default_locale, kit_id)
        block = locales.get(resolution.resolved) or {}
        require_channel(kit_id, resolution.resolved, block, channel)
        who = _for_locale(ctx, who, kit, block, resolution.resolved)
        own = {n.casefold() for n in (who.brand, who.partner_name)}
        others = _other_partners(ctx, partner_id, own)
        kit_text = compose(kit, block, channel, who, language_of(resolution.resolved), resolution.resolved)
        assembled, checks = _checked(kit_text, channel, who, resolution.resolved, others, kit_text.disclaimer)
        outcome = _Outcome(assembled=assembled, checks=[check_locale(resolution), *checks],
                           locale=resolution.resolved)
        if use_llm and ctx.settings.llm_enabled:
            outcome = _with_llm(ctx, kit, who, channel, resolution, kit_text, others, outcome)
        return outcome

    if use_llm and ctx.settings.llm_enabled:
        outcome = write()
    else:  # the built-in text is a function of the records and the asker: written once per data version
        outcome = ctx.cached("drafts.text", write, key=(scope, partner_id, kit_id, requested, channel, account_id),
                             stamp=ctx.store.writes_version(), max_entries=DRAFT_TEXTS_KEPT)
    subject, body, html = outcome.assembled
    response = DraftResponse(
        kit_id=kit_id, partner_id=partner_id, account_id=account_id, locale=requested,
        resolved_locale=outcome.locale, channel=channel, subject=subject, body=body, html=html,
        checks=[c.model_copy() for c in outcome.checks], passed=all(c.passed for c in outcome.checks),
        text_source=outcome.source, llm_checks=outcome.llm_checks)
    if save:
        response.draft_id, response.reused = save_draft(ctx, scope, response)
        response.status = "pending"
    return response


# --- which kits suit a partner ----------------------------------------------------------------------


class KitFit(BaseModel):
    """A campaign kit and how it fits one partner: the kit's products the partner is authorised for, the
    kit's industries the partner serves, and the kit's locales in the partner's languages."""

    kit_id: str
    name: str
    products: list[str] = Field(default_factory=list)
    industries: list[str] = Field(default_factory=list)
    locales: list[str] = Field(default_factory=list)
    all_locales: list[str] = Field(default_factory=list)


def _language(tag: str) -> str:
    """The language of a tag as stored in the data; the lower-cased text itself when it is not BCP 47."""
    try:
        return language_of(tag)
    except BadInput:
        return tag.strip().lower()


def kits_for_partner(ctx: ToolContext, scope: Scope, partner_id: str) -> list[KitFit]:
    """The campaign kits a partner can co-brand, best fit first: kits on a product the partner is authorised
    for (its competencies), then by the industries both name. A kit on no product of the partner is left
    out. Needs the `draft` capability and the partner within reach (a partner seller: their own)."""
    scope.require("draft")
    with ctx.records(scope) as rec:
        partner = rec.partner(partner_id)
        own_products = {str(p).lower() for p in partner.competencies or []}
        own_industries = {str(i).lower() for i in partner.industries or []}
        languages = {_language(str(x)) for x in partner.languages or []}
        fits = []
        for row in rec.session.scalars(select(CampaignKitRow).order_by(CampaignKitRow.kit_id)):
            data = row.data or {}
            products = [str(p) for p in data.get("products") or [] if str(p).lower() in own_products]
            if not products:
                continue
            industries = [str(i) for i in data.get("industries") or [] if str(i).lower() in own_industries]
            locales = [str(x) for x in data.get("locales") or {}]
            fits.append(KitFit(kit_id=row.kit_id, name=row.name, products=products, industries=industries,
                               locales=[x for x in locales if _language(x) in languages], all_locales=locales))
    return sorted(fits, key=lambda f: (-len(f.products), -len(f.industries), f.kit_id))


# --- the assistant tool ---------------------------------------------------------------------------


class DraftArgs(BaseModel):
    partner_id: str = Field(description="The partner whose brand the draft carries, e.g. P-007.")
    kit_id: str = Field(description="The campaign kit to draft from.")
    channel: Literal["email", "social", "landing"] = Field("email", description="What to write.")
    locale: str | None = Field(None, description="BCP 47 tag, e.g. de or pt-BR; default: the user's locale.")
    account_id: str | None = Field(None, description="Personalise for this account (optional).")


@register_tool("draft_content", args=DraftArgs)
def draft_content_tool(ctx: ToolContext, scope: Scope, args: DraftArgs) -> DraftResponse:
    """Write a co-branded, localised draft (email, social post or landing-page snippet) from a campaign
    kit for a partner, optionally personalised for an account. Returns the text with the checks it
    passed or failed (disclaimer, both brands, language, ...) and saves it for approval."""
    return draft_content(ctx, scope, args.partner_id, args.kit_id, args.locale, args.channel, args.account_id)
