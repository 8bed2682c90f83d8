"""The check a submission gets: the partner-match duplicate/conflict check plus the copilot's own
registrations, turned into a verdict (clear/duplicate/conflict) and two sets of words: the full
findings for channel managers, and fixed words for a partner seller, which never name another partner,
its deal, stage or products. "Not authorised for a product" and "does not sell in a country" are
warnings about the submitting partner itself, never a conflict."""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from retrieval.programme_records import Registration
from retrieval.scope import Scope
from tools.account_mapping.service import normalize_name, registrable_domain
from tools.context import ToolContext
from tools.partner_match.service import RegistrationProposal, check_registration
from tools.registrations.types import SubmitRequest

OTHER_PARTNER = "Conflict: another partner already has a registration or a deal for this account"
OTHER_PENDING = "Conflict: another partner's registration for this account is awaiting a decision"
OWN_DEAL = "Duplicate: your partner already works this deal ({what})"
VENDOR_DEAL = "Duplicate: we already have an open deal at this account for these products"


def _overlap(a: list[str] | None, b: list[str] | None) -> bool:
    left, right = {p.casefold() for p in a or []}, {p.casefold() for p in b or []}
    return not left or not right or bool(left & right)


def same_account(reg: Registration, account_id: str | None, name: str, domain: str | None) -> bool:
    if account_id and reg.account_id:
        return reg.account_id == account_id
    wanted = registrable_domain(domain)
    if wanted and registrable_domain(reg.domain) == wanted:
        return True
    key = normalize_name(name)
    return bool(key) and normalize_name(reg.account_name) == key


def protects(reg: Registration, today: dt.date) -> bool:
    return reg.status == "approved" and (reg.expires_on is None or reg.expires_on >= today)


def triage(ctx: ToolContext, request: SubmitRequest, today: dt.date, skip_id: str | None = None) -> dict[str, Any]:
    """{"account_id", "verdict", "findings" (internal words), "partner_findings" (fixed words)}."""
    proposal = RegistrationProposal(partner_id=request.partner_id, account_name=request.account_name,
                                    domain=request.domain, products=request.products, amount=request.amount,
                                    country=request.country)
    check = check_registration(ctx, Scope.system(), proposal)  # the vendor's view; words are chosen below
    account_id = check.account_match.account_id if check.account_match else None
    internal: list[str] = []
    partner: list[str] = []
    conflict = duplicate = False
    if check.account_match:
        internal.append(f"Matches our account {check.account_match.account_name} ({account_id}): "
                        + "; ".join(check.account_match.evidence))
    else:
        internal.append("A new account: no account of ours matches the name or domain")
    for dup in check.duplicates:
        what = f"{dup.opportunity_id}, {dup.stage}"
        if request.partner_id in (dup.partner_id, dup.registered_by):
            duplicate = True
            internal.append(f"Duplicate of this partner's deal {what}")
            partner.append(OWN_DEAL.format(what=what))
        elif dup.partner_id or dup.registered_by:
            conflict = True
            internal.append(f"Conflict with {dup.opportunity_id} ({dup.stage}): " + "; ".join(dup.reasons))
            partner.append(OTHER_PARTNER)
        else:
            duplicate = True
            internal.append(f"Duplicate of our open deal {what}: " + "; ".join(dup.reasons))
            partner.append(VENDOR_DEAL)
    with ctx.store.session() as session:
        others = [r for r in session.scalars(select(Registration)) if r.registration_id != skip_id
                  and same_account(r, account_id, request.account_name, request.domain)
                  and _overlap(r.products, request.products)]
    for reg in others:
        own = reg.partner_id == request.partner_id
        if reg.status == "approved" and protects(reg, today):
            internal.append(f"{'Duplicate of' if own else 'Conflict with'} {reg.registration_id} by "
                            f"{reg.partner_id}, approved, protected until {reg.expires_on}")
            partner.append(f"Duplicate: your registration {reg.registration_id} already covers this account"
                           if own else OTHER_PARTNER)
        elif reg.status == "submitted":
            internal.append(f"{'Duplicate of' if own else 'Conflict with'} {reg.registration_id} by "
                            f"{reg.partner_id}, awaiting a decision since {reg.submitted_on}")
            partner.append(f"Duplicate: your registration {reg.registration_id} is awaiting a decision"
                           if own else OTHER_PENDING)
        else:
            continue
        duplicate, conflict = duplicate or own, conflict or not own
    for text in check.conflicts:  # the partner's own limits, and protected registrations on deals
        if text.startswith(("Not authorised for", "Does not sell in")):
            internal.append(f"Warning: {text[0].lower()}{text[1:]}")
            mine = "is not" + text[3:] if text.startswith("Not") else "does not" + text[8:]
            partner.append(f"Warning: your partner {mine}")
        else:
            conflict = True
            internal.append(text)
            partner.append(OTHER_PARTNER)
    verdict = "conflict" if conflict else "duplicate" if duplicate else "clear"
    return {"account_id": account_id, "verdict": verdict, "findings": internal,
            "partner_findings": list(dict.fromkeys(partner))}
