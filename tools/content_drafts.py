"""Co-branded, localised campaign drafts from campaign kits (DATA.md campaigns/), checked, approved.

`draft_content` fills a kit's locale block for one partner (and account), renders the channel, runs the
checks (tools.draft_checks) and saves the draft as `pending` for review. With an LLM configured the
filled draft is rewritten for the audience, or translated when the kit lacks the language; the LLM's
text is kept only if every check passes again, otherwise the kit's text is returned with the reasons.

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

import datetime as dt
import html as htmlmod
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, Field
from sqlalchemy import select, update

from assistant.context import AppContext
from assistant.errors import BadInput, Forbidden, NotFound
from retrieval.records import CampaignKitRow, DraftRow, Partner
from retrieval.scope import Scope, ScopedRecords
from tools import draft_llm
from tools.draft_checks import Check, CheckSubject, check_locale, html_to_text, run_checks
from tools.locales import (
    FORMAL_FIRST_NAME,
    GENERIC_ACCOUNT,
    GENERIC_FIRST_NAME,
    GENERIC_INDUSTRY,
    LocaleResolution,
    canonical_tag,
    fill_placeholders,
    language_of,
    resolve_locale,
)
from tools.registry import register_tool

CHANNELS = ("email", "social", "landing")
_CHANNEL_FIELDS = {"email": ("email_subject", "email_body"), "social": ("social_post",),
                   "landing": ("landing_intro",)}
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
_SITE = re.compile(r"^(?:https?://)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?:/[A-Za-z0-9._~/-]*)?$")
DEFAULT_COLOR = "#1F2937"
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


class DraftResponse(BaseModel):
    """CLI.md `draft` payload, plus the workflow fields."""

    kit_id: str
    partner_id: str
    account_id: str | None = None
    locale: str = Field(description="The requested locale tag (canonical casing).")
    resolved_locale: str = Field(description="The locale the text is in (kit locale used, or translation).")
    channel: str
    subject: str | None
    body: str
    html: str | None = Field(None, description="Landing only: an HTML snippet safe to embed.")
    checks: list[Check]
    passed: bool = Field(description="True when every check passed.")
    text_source: Literal["kit", "llm_rewrite", "llm_translation"] = "kit"
    llm_checks: list[Check] = Field(default_factory=list,
                                    description="Checks of the LLM's text when it was not kept.")
    draft_id: str | None = None
    status: Literal["pending", "unsaved"] = "unsaved"


class Draft(BaseModel):
    """A saved draft in the approval workflow."""

    draft_id: str
    kit_id: str
    partner_id: str
    account_id: str | None
    locale: str
    channel: str
    subject: str | None
    body: str
    html: str | None
    checks: list[Check]
    passed: bool
    status: Literal["pending", "approved", "rejected"]
    created_by: str
    created_at: dt.datetime
    reviewed_by: str | None = None
    review_comment: str | None = None
    reviewed_at: dt.datetime | None = None


class DraftList(BaseModel):
    drafts: list[Draft]


@dataclass
class _Who:
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


def _load(ctx: AppContext, scope: Scope, partner_id: str, kit_id: str,
          account_id: str | None) -> tuple[_Who, dict]:
    vendor = ctx.vendor()
    with ctx.records(scope) as rec:
        partner = rec.partner(partner_id)
        account = rec.account(account_id) if account_id else None
        kit_row = rec.session.get(CampaignKitRow, kit_id)
        if kit_row is None:
            raise NotFound(f"unknown campaign kit '{kit_id}'")
        # The validated kit; keys the connector does not model (proof_points_by_industry...) are in `raw`.
        data = dict(kit_row.data or {})
        kit = {**(data.get("raw") or {}), **{k: v for k, v in data.items() if v not in (None, [], {})}}
        contact = partner.contact_email if _EMAIL.match(partner.contact_email or "") else None
        color = partner.brand_color if _HEX.match(partner.brand_color or "") else DEFAULT_COLOR
        who = _Who(
            partner_id=partner.partner_id, partner_name=partner.name,
            brand=(partner.brand_name or partner.name).strip(), vendor=str(vendor.get("name") or "Vendor"),
            tagline=(partner.tagline or "").strip() or None, color=color.upper(),
            link=(f"mailto:{contact}" if contact
                  else _site_url(vendor.get("website")) or _site_url(partner.website)),
            contact=contact or vendor.get("website") or partner.website,
            account_name=account.name if account else None,
            industry=_pick_industry(account.industry if account else None, list(partner.industries or []),
                                    kit),
            source_lang=language_of(str(vendor.get("default_locale") or "en")),
            products=[str(p) for p in kit.get("products") or []],
        )
    return who, kit


def _other_partner_names(ctx: AppContext, partner_id: str, own: set[str]) -> list[str]:
    """Names of every other partner; read as the system: used only to flag them, never shown."""
    rows = ctx.cached("partner_name_rows", lambda: _partner_name_rows(ctx))  # per records version
    names = {n.strip() for pid, *pair in rows if pid != partner_id for n in pair if n and n.strip()}
    return sorted(n for n in names if n.casefold() not in own)


def _partner_name_rows(ctx: AppContext) -> list[tuple]:
    with ctx.records(Scope.system()) as rec:
        # Two columns, not whole Partner rows (descriptions, JSON lists): this runs for every draft.
        return [tuple(r) for r in rec.session.execute(select(Partner.partner_id, Partner.name, Partner.brand_name))]


def _as_list(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value or []]


def _pick_proof_point(sources: list[dict], industry: str | None) -> str | None:
    """The proof point that best fits the industry: by `proof_points_by_industry`, else keyword overlap."""
    for src in sources:
        by_industry = src.get("proof_points_by_industry") or {}
        if industry and isinstance(by_industry, dict):
            for key, points in by_industry.items():
                if str(key).casefold() == industry.casefold() and _as_list(points):
                    return _as_list(points)[0]
        points = _as_list(src.get("proof_points"))
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


def _filler(kit: dict, block: dict, who: _Who, lang: str,
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


def _compose(kit: dict, block: dict, channel: str, who: _Who, lang: str) -> draft_llm.DraftText:
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


def _assemble(text: draft_llm.DraftText, channel: str, who: _Who,
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


def _render_landing(text: draft_llm.DraftText, who: _Who, lang: str) -> str:
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


def _require_channel(kit_id: str, locale: str, block: dict, channel: str) -> None:
    missing = [f for f in _CHANNEL_FIELDS[channel] if not str(block.get(f) or "").strip()]
    if missing:
        raise BadInput(f"campaign kit '{kit_id}' locale '{locale}' has no {channel} text "
                       f"({', '.join(missing)} missing)")


def _checked(text: draft_llm.DraftText, channel: str, who: _Who, locale: str, others: list[str],
             disclaimer: str | None) -> tuple[tuple[str | None, str, str | None], list[Check]]:
    assembled = _assemble(text, channel, who, locale)
    subject, body, html = assembled
    own = [t for t in (who.partner_name, who.account_name) if t]
    neutral = own + [who.brand, who.vendor, who.tagline or "", who.industry or "", who.contact or ""]
    neutral += who.products
    checks = run_checks(CheckSubject(
        channel=channel, subject=subject, body=body, html=html, locale=locale, disclaimer=disclaimer,
        partner_brand=who.brand, vendor_name=who.vendor, own_terms=own, other_partners=others,
        neutral_terms=neutral))
    return assembled, checks


@dataclass
class _Outcome:
    assembled: tuple[str | None, str, str | None]
    checks: list[Check]
    locale: str
    source: str = "kit"
    llm_checks: list[Check] = field(default_factory=list)


def _with_llm(ctx: AppContext, kit: dict, who: _Who, channel: str, resolution: LocaleResolution,
              kit_text: draft_llm.DraftText, others: list[str], kept: _Outcome) -> _Outcome:
    """Rewrite (same language) or translate (the kit lacks the language); keep it only if it passes."""
    translate = not resolution.same_language
    target = resolution.requested if translate else resolution.resolved
    terms = [who.brand, who.partner_name, who.vendor, who.account_name, who.tagline, who.contact,
             *who.products, *_as_list(kit.get("glossary")), *_as_list(kit.get("trademarks"))]
    brief = draft_llm.DraftBrief(
        partner=who.brand, vendor=who.vendor, channel=channel, locale=target,
        audience=str(kit.get("audience") or ""), objective=str(kit.get("objective") or ""),
        account=who.account_name or "", industry=who.industry or "",
        glossary=draft_llm.build_glossary(terms, kit_text.joined()))
    assembled: dict[str, tuple] = {}

    def check(out: draft_llm.DraftText) -> list[Check]:
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


def draft_content(ctx: AppContext, scope: Scope, partner_id: str, kit_id: str, locale: str | None = None,
                  channel: str = "email", account_id: str | None = None, save: bool = True,
                  use_llm: bool = True) -> DraftResponse:
    """A co-branded, localised draft of a kit for a partner (and account), checked, saved as pending."""
    scope.require("draft")
    channel = (channel or "").strip().lower()
    if channel not in CHANNELS:
        raise BadInput(f"unknown channel '{channel}' (expected email, social or landing)")
    if account_id and scope.role == "marketer":
        raise Forbidden(f"user '{scope.user_id}' (marketer) may draft only without an account")
    default_locale = str(ctx.vendor().get("default_locale") or "en")
    requested = canonical_tag(locale or scope.locale or default_locale)
    who, kit = _load(ctx, scope, partner_id, kit_id, account_id)
    locales = kit.get("locales") or {}
    resolution = resolve_locale(requested, locales.keys(), default_locale, kit_id)
    block = locales.get(resolution.resolved) or {}
    _require_channel(kit_id, resolution.resolved, block, channel)
    own = {n.casefold() for n in (who.brand, who.partner_name)}
    others = _other_partner_names(ctx, partner_id, own)
    kit_text = _compose(kit, block, channel, who, language_of(resolution.resolved))
    assembled, checks = _checked(kit_text, channel, who, resolution.resolved, others, kit_text.disclaimer)
    outcome = _Outcome(assembled=assembled, checks=[check_locale(resolution), *checks],
                       locale=resolution.resolved)
    if use_llm and ctx.settings.llm_enabled:
        outcome = _with_llm(ctx, kit, who, channel, resolution, kit_text, others, outcome)
    subject, body, html = outcome.assembled
    response = DraftResponse(
        kit_id=kit_id, partner_id=partner_id, account_id=account_id, locale=requested,
        resolved_locale=outcome.locale, channel=channel, subject=subject, body=body, html=html,
        checks=outcome.checks, passed=all(c.passed for c in outcome.checks), text_source=outcome.source,
        llm_checks=outcome.llm_checks)
    if save:
        response.draft_id = _save(ctx, scope, response)
        response.status = "pending"
    return response


def _save(ctx: AppContext, scope: Scope, draft: DraftResponse) -> str:
    draft_id = "DR-" + secrets.token_hex(6).upper()
    with ctx.store.session() as session:
        session.add(DraftRow(
            draft_id=draft_id, kit_id=draft.kit_id, partner_id=draft.partner_id, account_id=draft.account_id,
            locale=draft.resolved_locale, channel=draft.channel, subject=draft.subject,
            body=draft.html if draft.channel == "landing" and draft.html else draft.body,
            checks=[c.model_dump() for c in draft.checks], status="pending", created_by=scope.user_id))
    return draft_id


# --- the approval workflow ------------------------------------------------------------------------


def _to_draft(row: DraftRow) -> Draft:
    checks = [Check(**c) for c in row.checks or []]
    landing = row.channel == "landing"
    return Draft(
        draft_id=row.draft_id, kit_id=row.kit_id, partner_id=row.partner_id, account_id=row.account_id,
        locale=row.locale, channel=row.channel, subject=row.subject,
        body=html_to_text(row.body) if landing else row.body, html=row.body if landing else None,
        checks=checks, passed=all(c.passed for c in checks), status=row.status, created_by=row.created_by,
        created_at=row.created_at, reviewed_by=row.reviewed_by, review_comment=row.review_comment,
        reviewed_at=row.reviewed_at)


def _may_see(rec: ScopedRecords, row: DraftRow) -> None:
    """Raises Forbidden unless the user may see this draft: own partner's only for partner sellers, and
    a draft naming an account only for whoever may read that account (marketers read no accounts)."""
    rec.scope.require_partner(row.partner_id)
    if not row.account_id:
        return
    if rec.scope.role == "marketer":
        raise Forbidden(f"user '{rec.scope.user_id}' (marketer) may not see draft '{row.draft_id}' "
                        "(it names an account)")
    try:
        rec.account(row.account_id)
    except NotFound:  # the account left the CRM since: only internal users keep seeing the draft
        if not rec.scope.is_internal:
            raise Forbidden(f"user '{rec.scope.user_id}' may not see draft '{row.draft_id}'") from None


def _visible(rec: ScopedRecords, row: DraftRow) -> bool:
    try:
        _may_see(rec, row)
        return True
    except Forbidden:
        return False


def list_drafts(ctx: AppContext, scope: Scope, partner_id: str | None = None, status: str | None = None,
                limit: int = 200) -> DraftList:
    """Drafts the user may see, newest first."""
    scope.require("draft")
    if status is not None and status not in ("pending", "approved", "rejected"):
        raise BadInput(f"unknown draft status '{status}' (pending, approved or rejected)")
    stmt = select(DraftRow).order_by(DraftRow.created_at.desc(), DraftRow.draft_id)
    if scope.is_partner:
        scope.require_partner(partner_id or scope.partner_id or "")
        partner_id = scope.partner_id
    if partner_id:
        stmt = stmt.where(DraftRow.partner_id == partner_id)
    if status:
        stmt = stmt.where(DraftRow.status == status)
    with ctx.records(scope) as rec:
        rows = [r for r in rec.session.scalars(stmt) if _visible(rec, r)]
        return DraftList(drafts=[_to_draft(r) for r in rows[:limit]])


def get_draft(ctx: AppContext, scope: Scope, draft_id: str) -> Draft:
    scope.require("draft")
    with ctx.records(scope) as rec:
        row = rec.session.get(DraftRow, draft_id)
        if row is None:
            raise NotFound(f"unknown draft '{draft_id}'")
        _may_see(rec, row)
        return _to_draft(row)


_DECISIONS = {"approved": "approved", "approve": "approved", "rejected": "rejected", "reject": "rejected"}


def review_draft(ctx: AppContext, scope: Scope, draft_id: str, decision: str,
                 comment: str | None = None) -> Draft:
    """Approve or reject a pending draft. A rejection, or approving a draft that failed checks, needs a
    comment."""
    scope.require("review_drafts")
    status = _DECISIONS.get((decision or "").strip().lower())
    if status is None:
        raise BadInput(f"unknown decision '{decision}' (approved or rejected)")
    comment = (comment or "").strip() or None
    draft = get_draft(ctx, scope, draft_id)
    if draft.status != "pending":
        raise BadInput(f"draft '{draft_id}' was already {draft.status} by {draft.reviewed_by}")
    if status == "rejected" and not comment:
        raise BadInput("a rejection needs a comment saying what to change")
    if status == "approved" and not draft.passed and not comment:
        failed = ", ".join(c.name for c in draft.checks if not c.passed)
        raise BadInput(f"draft '{draft_id}' failed checks ({failed}): approving it needs a comment")
    with ctx.store.session() as session:
        # Conditional update: two reviewers at once cannot both decide the same draft.
        done = session.execute(
            update(DraftRow).where(DraftRow.draft_id == draft_id, DraftRow.status == "pending").values(
                status=status, reviewed_by=scope.user_id, review_comment=comment,
                reviewed_at=dt.datetime.now(dt.UTC).replace(tzinfo=None)))
        if done.rowcount != 1:
            raise BadInput(f"draft '{draft_id}' was reviewed by someone else just now")
    return get_draft(ctx, scope, draft_id)


# --- the assistant tool ---------------------------------------------------------------------------


class DraftArgs(BaseModel):
    partner_id: str = Field(description="The partner whose brand the draft carries, e.g. P-007.")
    kit_id: str = Field(description="The campaign kit to draft from.")
    channel: Literal["email", "social", "landing"] = Field("email", description="What to write.")
    locale: str | None = Field(None, description="BCP 47 tag, e.g. de or pt-BR; default: the user's locale.")
    account_id: str | None = Field(None, description="Personalise for this account (optional).")


@register_tool("draft_content", args=DraftArgs)
def draft_content_tool(ctx: AppContext, scope: Scope, args: DraftArgs) -> DraftResponse:
    """Write a co-branded, localised draft (email, social post or landing-page snippet) from a campaign
    kit for a partner, optionally personalised for an account. Returns the text with the checks it
    passed or failed (disclaimer, both brands, language, ...) and saves it for approval."""
    return draft_content(ctx, scope, args.partner_id, args.kit_id, args.locale, args.channel, args.account_id)
