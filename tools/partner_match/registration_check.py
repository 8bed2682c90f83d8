"""Deal-registration check: before a partner's registration is approved, is it a duplicate or a conflict?

1. The proposed account (name and/or domain) is matched fuzzily against the vendor's accounts: same
   registrable domain first, then the name after normalisation (case, accents, punctuation, legal forms:
   "ACME Corp." and "Acme Corporation" are both "acme"), scored with rapidfuzz.
2. Likely duplicates: open opportunities at that account whose products overlap the proposal's (any
   open opportunity there when the proposal names no product).
3. Conflicts: another partner's approved registration on such a deal still inside the protection period
   (`tools.protection`: the registration record's end, else the deal's created_on + the vendor's
   `registration_protection_days`; an older one has LAPSED and is
   reported so, with the date protection ended, never as approved); the partner not authorised for
   a proposed product; the partner not selling in the country.
Verdict: `conflict` if any conflict, else `review` if there are duplicates or the account match is
uncertain, else `clear`.

Privacy (decided here, once): a partner seller may check only their own partner's registrations and
never learns other partners' names or ids, nor ids of deals or accounts they may not reach (CLI.md:
only deals where their partner is `partner_id` or `registered_by`, and those deals' accounts). Such
deals are said in fixed words (issue 15: the check must not be an oracle): one duplicate entry per
account, "another party's open opportunity", with no id, amount, stage, product, date or country, and
independent of the proposal's products, amount and country (so probing with many proposals learns
nothing more); a protecting registration by another partner is a conflict in fixed words, because the
seller needs to know the registration will not go through. For an account the seller may not reach,
neither the account's country nor a confidence adjusted by it is shown.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, Field
from sqlalchemy import select

from assistant.core.errors import BadInput
from retrieval import records as R
from retrieval.scope import Scope
from tools import protection
from tools.account_mapping import service as er  # names and domains normalised as account mapping does
from tools.context import ToolContext

MATCH_THRESHOLD = 0.8  # below this the proposed account is treated as new
CERTAIN_MATCH = 0.9  # below this a match is shown but the verdict is at least `review`


class RegistrationProposal(BaseModel):
    partner_id: str
    account_name: str | None = None
    domain: str | None = None
    products: list[str] = Field(default_factory=list)
    amount: float | None = None
    country: str | None = None


class AccountMatch(BaseModel):
    account_id: str | None = Field(description="null when the caller may not reach the account")
    account_name: str | None
    confidence: float
    evidence: list[str]


class Duplicate(BaseModel):
    opportunity_id: str | None
    account_id: str | None
    account_name: str | None
    partner_id: str | None
    registered_by: str | None
    stage: str | None = Field(description="null for another party's deal")
    reasons: list[str]
    similarity: float


class RegistrationCheckResponse(BaseModel):
    partner_id: str
    account_match: AccountMatch | None
    duplicates: list[Duplicate]
    conflicts: list[str]
    verdict: Literal["clear", "review", "conflict"]


# --- names and domains: the account-mapping normaliser, so a registration and a mapping agree ---------


def match_account(accounts: list[R.Account], name: str | None, domain: str | None,
                  country: str | None) -> tuple[R.Account, float, list[str]] | None:
    """The vendor account a proposal most likely means, with a confidence and the evidence."""
    from rapidfuzz import fuzz, process

    wanted_domain = er.registrable_domain(domain)
    wanted_name = er.normalize_name(name)
    best: tuple[R.Account, float, list[str]] | None = None
    domains = er.registrable_domain_list([a.domain for a in accounts]) if wanted_domain else []
    by_domain = [a for a, d in zip(accounts, domains) if d == wanted_domain]
    if by_domain:
        account = by_domain[0]
        evidence = [f"same domain ({wanted_domain})"]
        if wanted_name and er.normalize_name(account.name) == wanted_name:
            evidence.append(f"same name after normalisation ('{name}' ~ '{account.name}')")
        best = (account, 0.99 if len(evidence) > 1 else 0.97, evidence)
    elif wanted_name:
        names = er.normalize_name_list([a.name for a in accounts])
        hit = process.extractOne(wanted_name, names, scorer=fuzz.token_sort_ratio)
        if hit:
            _, ratio, index = hit
            account = accounts[index]
            exact = names[index] == wanted_name
            confidence = 0.95 if exact else 0.9 * ratio / 100.0
            how = "same name after normalisation" if exact else f"similar name ({ratio:.0f}/100)"
            best = (account, confidence, [f"{how}: '{name}' ~ '{account.name}'"])
    if best is None or best[1] < MATCH_THRESHOLD:
        return None
    account, confidence, evidence = best
    if country and account.country and country.upper() != account.country.upper():
        confidence -= 0.1
        evidence.append(f"but the proposal says {country.upper()} and the account is in {account.country}")
    return account, round(confidence, 3), evidence


# --- the check ------------------------------------------------------------------------------------


def _amount_words(deal_amount: float | None, proposed: float | None) -> tuple[float, str | None]:
    if not deal_amount or not proposed:
        return 0.5, None
    closeness = 1.0 - abs(deal_amount - proposed) / max(deal_amount, proposed)
    if closeness < 0.7:
        return closeness, None
    gap = round((1 - closeness) * 100)
    return closeness, f"Amount {deal_amount:,.0f} within {gap}% of the proposed {proposed:,.0f}"


@dataclass(frozen=True)
class _Viewer:
    """What the caller may learn about other partners' deals (see the module docstring)."""

    scope: Scope
    names: dict[str, str]

    def reaches(self, deal: R.Opportunity) -> bool:
        return not self.scope.is_partner or self.scope.partner_id in (deal.partner_id, deal.registered_by)

    def partner_id(self, pid: str | None) -> str | None:
        return pid if pid and (not self.scope.is_partner or pid == self.scope.partner_id) else None

    def partner_name(self, pid: str) -> str | None:
        """The partner's name, or None when the caller may not learn who it is."""
        return self.names.get(pid, pid) if self.partner_id(pid) else None


def _registration_words(deal: R.Opportunity, own: str, viewer: _Viewer, place: str, today: dt.date,
                        protection_days: int, kept: dict) -> tuple[list[str], str | None]:
    """Reasons about the deal's registration and engaged partner, and the conflict they raise."""
    reasons, conflict = [], None
    registrant, until = protection.deal_protection(deal, kept, protection_days)
    if registrant is None or until is None:
        registrant, until = None, today
    if registrant == own:
        reasons.append("Already registered by this partner (approved registration, protected until "
                       f"{until.isoformat()})" if until >= today else
                       f"Registered by this partner, but the registration LAPSED: protection ended "
                       f"{until.isoformat()} ({protection_days}-day protection)")
    elif registrant:
        who = viewer.partner_name(registrant)
        by = f"by {who}" if who else "by another partner"
        if until >= today:
            reasons.append(f"Approved registration {by}, protected until {until.isoformat()}")
            what = f"registered {by}" if who else "an existing registration by another partner"
            conflict = f"Deal at {place}: {what} (approved registration, protected until {until.isoformat()})"
        else:
            reasons.append(f"Registration {by} LAPSED: protection ended {until.isoformat()} "
                           f"({protection_days}-day protection); the deal is no longer protected")
    if deal.partner_id == own:
        reasons.append("This partner is already engaged on it")
    elif deal.partner_id and deal.partner_id != registrant:
        reasons.append(f"{viewer.partner_name(deal.partner_id) or 'Another partner'} is engaged on it")
    return reasons, conflict


def _duplicate(deal: R.Opportunity, account: R.Account, confidence: float, proposal: RegistrationProposal,
               viewer: _Viewer, today: dt.date, protection_days: int, kept: dict) -> tuple[Duplicate, str | None]:
    """One likely duplicate (redacted for a partner seller) and the conflict it raises, if any."""
    wanted = {p.casefold() for p in proposal.products}
    theirs = {p.casefold() for p in deal.products or []}
    overlap = [p for p in deal.products or [] if p.casefold() in wanted]
    jaccard = len(wanted & theirs) / len(wanted | theirs) if wanted and theirs else 0.0
    closeness, amount_text = _amount_words(deal.amount, proposal.amount)
    reachable = viewer.reaches(deal)
    place = account.name if reachable else "the same account"
    reasons = [f"Open opportunity at {place} ({deal.stage})"]
    if overlap:
        reasons.append(f"Overlapping products: {', '.join(overlap)}")
    if amount_text:
        reasons.append(amount_text)
    more, conflict = _registration_words(deal, proposal.partner_id, viewer, place, today, protection_days, kept)
    duplicate = Duplicate(
        opportunity_id=deal.opportunity_id if reachable else None,
        account_id=account.account_id if reachable else None,
        account_name=account.name if reachable else None,
        partner_id=viewer.partner_id(deal.partner_id),
        registered_by=viewer.partner_id(protection.deal_protection(deal, kept, protection_days)[0]),
        stage=deal.stage, reasons=reasons + more,
        similarity=round(confidence * (0.6 + 0.3 * jaccard + 0.1 * closeness), 3))
    return duplicate, conflict


WITHHELD_DUPLICATE = "Another party's open opportunity at the same account (details withheld)"
WITHHELD_SIMILARITY = 0.5  # fixed: a similarity computed from the deal would tell its amount and products
WITHHELD_CONFLICT = ("An approved registration by another partner protects an open opportunity at the same "
                     "account")


def _withheld(deals: list[R.Opportunity], own: str, today: dt.date,
              protection_days: int, kept: dict) -> tuple[Duplicate | None, str | None]:
    """Deals the caller may not reach, in fixed words: nothing of their amount, stage, products or dates."""
    if not deals:
        return None, None
    protected = False
    for d in deals:
        registrant, until = protection.deal_protection(d, kept, protection_days)
        protected = protected or bool(registrant and registrant != own and until and until >= today)
    reasons = [WITHHELD_DUPLICATE] + ([WITHHELD_CONFLICT] if protected else [])
    return (Duplicate(opportunity_id=None, account_id=None, account_name=None, partner_id=None,
                      registered_by=None, stage=None, reasons=reasons, similarity=WITHHELD_SIMILARITY),
            WITHHELD_CONFLICT if protected else None)


def check_registration(ctx: ToolContext, scope: Scope,
                       proposal: RegistrationProposal) -> RegistrationCheckResponse:
    """Duplicates and conflicts of a proposed deal registration, and a verdict (clear/review/conflict)."""
    scope.require("register_check")
    scope.require_partner(proposal.partner_id)
    if not (proposal.account_name or proposal.domain):
        raise BadInput("a registration check needs an account name or a domain")
    if proposal.amount is not None and not (math.isfinite(proposal.amount) and 0 <= proposal.amount <= 1e13):
        raise BadInput(f"amount: {proposal.amount} is not an amount (a finite number from 0 to 1e13)")
    with ctx.records(scope) as rec:
        partner = rec.partner(proposal.partner_id)  # NotFound for an unknown partner
        proposal = proposal.model_copy(update={"partner_id": partner.partner_id})  # the id as stored
        own_accounts = {d.account_id for d in rec.opportunities(partner_id=proposal.partner_id)}
    conflicts = _partner_conflicts(partner, proposal)
    with ctx.records(Scope.system()) as rec:  # the vendor's side, redacted below before it leaves
        accounts = list(rec.session.scalars(select(R.Account)))
        # a partner seller's match ignores the country first: whether it matches must not tell the country
        found = match_account(accounts, proposal.account_name, proposal.domain,
                              None if scope.is_partner else proposal.country)
        names = rec.partner_names()
        deals = rec.opportunities(account_ids=[found[0].account_id], open_only=True) if found else []
    account_match, duplicates = None, []
    if found:
        account, confidence, evidence = found
        reachable = not scope.is_partner or account.account_id in own_accounts
        if reachable and scope.is_partner and proposal.country:  # their own account: the country counts
            adjusted = match_account([account], proposal.account_name, proposal.domain, proposal.country)
            confidence, evidence = adjusted[1:] if adjusted else (MATCH_THRESHOLD, evidence)
        account_match = AccountMatch(account_id=account.account_id if reachable else None,
                                     account_name=account.name if reachable else None,
                                     confidence=confidence, evidence=evidence if reachable else
                                     ["matches an existing account in the vendor's CRM"])
        if reachable and not proposal.country and account.country and account.country.upper() not in {
                c.upper() for c in partner.countries or []}:
            conflicts.append(f"Does not sell in {account.country}")
        wanted = {p.casefold() for p in proposal.products}
        viewer = _Viewer(scope, names)
        days, kept = protection.protection_days(ctx), protection.kept_protection(ctx)
        for deal in deals:
            if not viewer.reaches(deal) or (wanted and not wanted & {p.casefold() for p in deal.products or []}):
                continue
            duplicate, conflict = _duplicate(deal, account, confidence, proposal, viewer, ctx.today(), days, kept)
            duplicates.append(duplicate)
            if conflict:
                conflicts.append(conflict)
        withheld, conflict = _withheld([d for d in deals if not viewer.reaches(d)], proposal.partner_id,
                                       ctx.today(), days, kept)
        if withheld:
            duplicates.append(withheld)
        if conflict:
            conflicts.append(conflict)
    duplicates.sort(key=lambda d: -d.similarity)
    uncertain = account_match is not None and account_match.confidence < CERTAIN_MATCH
    verdict = "conflict" if conflicts else "review" if duplicates or uncertain else "clear"
    return RegistrationCheckResponse(partner_id=proposal.partner_id, account_match=account_match,
                                     duplicates=duplicates, conflicts=conflicts, verdict=verdict)


def _partner_conflicts(partner: R.Partner, proposal: RegistrationProposal) -> list[str]:
    authorised = {c.casefold() for c in partner.competencies or []}
    missing = [p for p in dict.fromkeys(proposal.products) if p.casefold() not in authorised]
    conflicts = [f"Not authorised for {', '.join(missing)}"] if missing else []
    if proposal.country and proposal.country.upper() not in {c.upper() for c in partner.countries or []}:
        conflicts.append(f"Does not sell in {proposal.country.upper()}")
    return conflicts
