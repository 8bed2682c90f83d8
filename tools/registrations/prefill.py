"""A registration drafted from free text (a Slack message a seller forwards with the message shortcut): which
account it names, resolved against the accounts the user may see and the partner's own shared accounts
(partner_accounts.csv) with the account-mapping normaliser and a fuzzy ratio, as register-check resolves a
name; a domain written in it; the products it mentions; the text itself as notes. Nothing is stored: the
user checks the draft in the register modal, and the submission runs the full check.

A partner seller's draft is made only from what they may see (their partner's shared rows, the accounts of
their own deals), so what it picks says nothing about the vendor's other accounts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlalchemy import select

from retrieval.records import CampaignKitRow, Partner
from retrieval.scope import Scope
from tools.account_mapping.service import (
    normalize_name,
    normalize_name_list,
    registrable_domain,
    registrable_domain_list,
)
from tools.context import ToolContext
from tools.registrations.types import RegistrationPrefill

NOTES_MAX = 3000  # a Slack plain-text input's longest value
_DOMAIN = re.compile(r"(?<![\w@.-])(?:https?://)?(?:[\w-]+\.)+([a-z]{2,24})\b|(?<=@)(?:[\w-]+\.)+([a-z]{2,24})\b",
                     re.IGNORECASE)
_FILE_ENDINGS = frozenset(("pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "csv", "txt", "md", "png", "jpg",
                           "jpeg", "gif", "svg", "zip", "json", "yaml", "yml", "html", "htm", "py", "js", "mp4",
                           "mov", "key", "pages", "numbers", "eml", "msg"))
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class _Name:
    """A name the text may contain: `key` is its normalised form."""
    key: str
    label: str
    kind: str  # account (ours) | partner_account (the partner's shared row) | partner
    ident: str | None
    country: str | None = None
    domain: str | None = None


def _threshold(key: str) -> float:
    """As the chat's name index: a short name must be typed exactly, a long one may carry a typo."""
    return 100.0 if len(key) <= 4 else 92.0 if len(key) <= 8 else 87.0


def find_names(text: str, names: list[_Name], masked: frozenset[int] = frozenset()) -> list[tuple[float, _Name, range]]:
    """(score, name, word positions) of every name the normalised text contains, best first. Longer names
    score a little higher ("Redwood Bank" over "Redwood"); `masked` word positions are not read."""
    if not names:
        return []
    words = normalize_name(text).split()
    longest = max(len(n.key.split()) for n in names) + 1
    grams, spans = [], []
    for n in range(1, min(longest, len(words)) + 1):
        for i in range(len(words) - n + 1):
            if masked.intersection(range(i, i + n)):
                continue
            grams.append(" ".join(words[i:i + n]))
            spans.append(range(i, i + n))
    if not grams:
        return []
    keys = [n.key for n in names]
    matrix = process.cdist(grams, keys, scorer=fuzz.ratio, score_cutoff=85, workers=1)
    found: dict[int, tuple[float, _Name, range]] = {}
    rows, cols = matrix.nonzero()
    for g, k in zip(rows.tolist(), cols.tolist()):
        ratio = float(matrix[g, k])
        if ratio < _threshold(keys[k]):
            continue
        score = ratio + min(len(keys[k]), 30) / 30
        if k not in found or score > found[k][0]:
            found[k] = (score, names[k], spans[g])
    return sorted(found.values(), key=lambda f: (-f[0], f[1].kind != "account", f[1].label))


def domains_in(text: str) -> list[str]:
    """Registrable domains written in the text (web addresses, e-mail addresses), in order; file names and
    generic mail domains are not domains of a company."""
    out: list[str] = []
    for m in _DOMAIN.finditer(text):
        if (m.group(1) or m.group(2) or "").lower() in _FILE_ENDINGS:
            continue
        domain = registrable_domain(m.group(0))
        if domain and domain not in out:
            out.append(domain)
    return out


def _names(rows, kind: str, name_of, ident_of) -> list[_Name]:
    rows = list(rows)
    keys = normalize_name_list([name_of(r) for r in rows])
    return [_Name(key, name_of(r), kind, ident_of(r), getattr(r, "country", None), getattr(r, "domain", None))
            for r, key in zip(rows, keys) if key]


def _products(ctx: ToolContext, text: str) -> list[str]:
    """Products the text names: the vendor's product vocabulary, i.e. the competencies partners list and the
    campaign kits' products (as the chat reads products)."""
    with ctx.store.session() as session:
        known = {c for row in session.scalars(select(Partner.competencies)) for c in row or []}
        known |= {str(p) for data in session.scalars(select(CampaignKitRow.data))
                  for p in (data or {}).get("products") or []}
    folded = " ".join(_WORD.findall(text)).casefold()
    by_fold = {p.casefold(): p for p in sorted(known) if p.strip()}
    return sorted(p for f, p in by_fold.items() if re.search(rf"(?<!\w){re.escape(f)}(?!\w)", folded))


def prefill_registration(ctx: ToolContext, scope: Scope, text: str) -> RegistrationPrefill:
    """The register form's values drafted from `text` as `scope` may read them (see the module docstring)."""
    scope.require("registrations")
    text = (text or "").strip()
    notes = text[:NOTES_MAX]
    found: list[str] = []
    with ctx.records(scope) as rec:
        partners = rec.partners()
        partner_id = scope.partner_id if scope.is_partner else None
        if partner_id is None:  # a channel manager forwarding a partner's message: the partner it names
            names = _names(partners, "partner", lambda p: p.name, lambda p: p.partner_id)
            names += _names([p for p in partners if p.brand_name], "partner", lambda p: p.brand_name,
                            lambda p: p.partner_id)
            hits = find_names(text, names)
            if hits:
                partner_id = hits[0][1].ident
                found.append(f"partner {hits[0][1].label} ({partner_id}) named in the message")
        own = {p.partner_id: p for p in partners}
        masked: set[int] = set()
        if partner_id in own:  # the partner's own name is not the account
            partner = own[partner_id]
            own_names = _names([partner], "partner", lambda p: p.name, lambda p: p.partner_id)
            own_names += _names([partner] if partner.brand_name else [], "partner", lambda p: p.brand_name,
                                lambda p: p.partner_id)
            for _score, _name, span in find_names(text, own_names):
                masked |= set(span)
        candidates = _names(rec.accounts() if scope.can("records") else [], "account", lambda a: a.name,
                            lambda a: a.account_id)
        if partner_id:
            candidates += _names(rec.partner_accounts(partner_id), "partner_account", lambda a: a.account_name,
                                 lambda a: a.row_key)
    domains = domains_in(text)
    account = _by_domain(candidates, domains) or _best(find_names(text, candidates, frozenset(masked)))
    if account is not None:
        where = ("one of your deals' accounts" if scope.is_partner else f"our account {account.ident}") \
            if account.kind == "account" else "your partner's shared accounts" if scope.is_partner \
            else "the partner's shared accounts"
        found.append(f"account {account.label} ({where})")
    domain = registrable_domain(account.domain) if account is not None and account.domain else None
    domain = domain or (domains[0] if domains else None)
    products = _products(ctx, text)
    if products:
        found.append(f"products named: {', '.join(products)}")
    return RegistrationPrefill(
        partner_id=partner_id, account_name=account.label if account else None,
        account_id=account.ident if account is not None and account.kind == "account" and not scope.is_partner
        else None,
        domain=domain, country=(account.country or None) if account is not None else None, products=products,
        notes=notes or None, found=found)


def _by_domain(candidates: list[_Name], domains: list[str]) -> _Name | None:
    if not domains:
        return None
    wanted = set(domains)
    theirs = registrable_domain_list([c.domain for c in candidates])
    hits = [c for c, d in zip(candidates, theirs) if d and d in wanted]
    return sorted(hits, key=lambda c: c.kind != "account")[0] if hits else None


def _best(hits: list[tuple[float, _Name, range]]) -> _Name | None:
    return hits[0][1] if hits else None
