"""Who may see what (CLI.md, "Who may see what"), decided once, where data is read.

`Scope` says who is asking. `ScopedRecords` is the only way user-triggered code reads structured
records: every getter applies the permission table, so the CLI, the API, Slack and the assistant's
tools cannot disagree. Content (chunks) is filtered by `Scope.allowed_visibility()` inside retrieval.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.orm import Session

from assistant.core.errors import BadInput, Forbidden, NotFound, Unauthenticated
from assistant.core.suggest import did_you_mean
from retrieval.api_key_expiry import ApiKeyExpiry
from retrieval.records import (
    Account,
    ApiKey,
    Opportunity,
    Partner,
    PartnerAccount,
    PartnerActivity,
    RecordStore,
    User,
)

ROLES = ("admin", "channel_manager", "marketer", "partner_seller")

# capability -> roles allowed (the rows of the permission table that are yes/no per role)
CAPABILITIES: dict[str, frozenset[str]] = {
    "records": frozenset({"admin", "channel_manager", "partner_seller"}),  # opportunities, accounts
    "map": frozenset({"admin", "channel_manager", "partner_seller"}),
    "match": frozenset({"admin", "channel_manager"}),
    "register_check": frozenset({"admin", "channel_manager", "partner_seller"}),
    "nba": frozenset({"admin", "channel_manager", "partner_seller"}),
    "draft": frozenset({"admin", "channel_manager", "marketer", "partner_seller"}),
    "review_drafts": frozenset({"admin", "channel_manager", "marketer"}),
    "correct_matches": frozenset({"admin", "channel_manager"}),
    "registrations": frozenset({"admin", "channel_manager", "partner_seller"}),
    "decide_registrations": frozenset({"admin", "channel_manager"}),
    "leads": frozenset({"admin", "channel_manager", "partner_seller"}),  # list; accept/decline for P
    "route_leads": frozenset({"admin", "channel_manager"}),
    "recruit": frozenset({"admin", "channel_manager"}),
    "mdf": frozenset({"admin", "channel_manager", "marketer", "partner_seller"}),  # list, roi (P's own)
    "request_mdf": frozenset({"admin", "channel_manager", "partner_seller"}),  # request, claim
    "decide_mdf": frozenset({"admin", "channel_manager"}),
    "pay_mdf": frozenset({"admin"}),
    "onboarding": frozenset({"admin", "channel_manager", "partner_seller"}),  # a seller: P only
    "partner_directory": frozenset({"admin", "channel_manager", "marketer"}),  # `partners search`
    "audit": frozenset({"admin"}),
    "ingest": frozenset({"admin"}),
    "users_key": frozenset({"admin"}),
}

CAPABILITY_WORDS = {
    "records": "see opportunities and accounts",
    "map": "run account mapping",
    "match": "match partners to deals",
    "register_check": "check deal registrations",
    "nba": "see next best actions",
    "draft": "create drafts",
    "review_drafts": "approve or reject drafts",
    "correct_matches": "confirm or reject account matches",
    "registrations": "see or submit deal registrations",
    "decide_registrations": "approve, reject or extend deal registrations",
    "leads": "see leads",
    "route_leads": "route or assign leads",
    "recruit": "see partner recruitment candidates",
    "mdf": "see MDF activities",
    "request_mdf": "request or claim MDF",
    "decide_mdf": "approve or reject MDF requests",
    "pay_mdf": "pay MDF claims",
    "onboarding": "see onboarding plans",
    "partner_directory": "search the partner directory",
    "audit": "read the audit log",
    "ingest": "ingest data",
    "users_key": "issue API keys",
}


@dataclass(frozen=True)
class Scope:
    """The asker. Partner sellers carry the partner organisation they work for."""

    user_id: str
    role: str
    partner_id: str | None = None
    name: str = ""
    locale: str | None = None

    @classmethod
    def operator(cls) -> Scope:
        """The local operator of the CLI (no `--as`): admin."""
        return cls(user_id="operator", role="admin", name="Local operator")

    @classmethod
    def system(cls) -> Scope:
        """For vendor-wide aggregates (e.g. typical days per stage). Callers expose aggregates only."""
        return cls(user_id="system", role="admin", name="System")

    @property
    def is_partner(self) -> bool:
        return self.role == "partner_seller"

    @property
    def is_internal(self) -> bool:
        return self.role in ("admin", "channel_manager")

    def can(self, capability: str) -> bool:
        return self.role in CAPABILITIES[capability]

    def require(self, capability: str) -> None:
        if not self.can(capability):
            raise Forbidden(
                f"user '{self.user_id}' ({self.role}) may not {CAPABILITY_WORDS.get(capability, capability)}",
                capability=capability,
            )

    def require_partner(self, partner_id: str) -> None:
        """A partner seller may act only for their own partner (its id in any case)."""
        if self.is_partner and (partner_id or "").casefold() != (self.partner_id or "").casefold():
            raise Forbidden(f"user '{self.user_id}' may not access partner '{partner_id}'")

    def allowed_visibility(self) -> list[str] | None:
        """Visibility tags whose content this user may read; None means everything."""
        if self.is_partner:
            return ["partners", f"partner:{self.partner_id}"]
        return None

    def may_read_content(self, visibility: Sequence[str]) -> bool:
        allowed = self.allowed_visibility()
        return allowed is None or any(tag in allowed for tag in visibility)


def scope_for_user(store: RecordStore, user_id: str) -> Scope:
    with store.session() as session:
        user = get_by_id(session, User, User.user_id, user_id)
        if user is None:
            raise NotFound(did_you_mean(f"unknown user '{user_id}' (not in users.csv)", user_id,
                                        session.scalars(select(User.user_id)), "cosell list users"))
        return _scope_from_user(user)


def get_by_id(session: Session, model, column, key: str | None):
    """The row whose id is `key`, in any case (`opp-2427` is OPP-2427): the one place ids are matched.
    An exact match first; else the only row equal ignoring case (None when none or ambiguous)."""
    if not key:
        return None
    row = session.get(model, key)
    if row is not None:
        return row
    rows = list(session.scalars(select(model).where(func.lower(column) == key.lower()).limit(2)))
    return rows[0] if len(rows) == 1 else None


def scope_for_slack_user(store: RecordStore, slack_user_id: str) -> Scope:
    with store.session() as session:
        user = session.scalars(select(User).where(User.slack_user_id == slack_user_id)).first()
        if user is None:
            raise Unauthenticated(f"Slack user {slack_user_id} is not mapped to a user in users.csv")
        return _scope_from_user(user)


def _scope_from_user(user: User) -> Scope:
    if user.role not in ROLES:
        raise BadInput(f"user '{user.user_id}' has unknown role '{user.role}'")
    if user.role == "partner_seller" and not user.partner_id:
        raise Forbidden(f"partner seller '{user.user_id}' has no partner_id")
    return Scope(user.user_id, user.role, user.partner_id, user.name, user.locale)


def _hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def issue_api_key(store: RecordStore, user_id: str) -> str:
    """A new random key for the user; only its hash is stored, so it is shown once."""
    scope_for_user(store, user_id)  # the user must exist
    key = "csk_" + secrets.token_urlsafe(32)
    with store.session() as session:
        session.add(ApiKey(key_hash=_hash_key(key), user_id=user_id))
    return key


def issue_api_key_as(scope: Scope, store: RecordStore, user_id: str) -> str:
    """The entry point for every interface: only admins issue keys."""
    scope.require("users_key")
    return issue_api_key(store, user_id)


def scope_for_api_key(store: RecordStore, key: str | None) -> Scope:
    if not key:
        raise Unauthenticated("missing API key (Authorization: Bearer <key>)")
    with store.engine.connect() as connection:  # every request: one read, so a revoked key stops at once
        row = connection.execute(_KEY_LOOKUP, {"key_hash": _hash_key(key)}).first()
    if row is None:
        raise Unauthenticated("invalid API key")
    if row.expires_at is not None and row.expires_at <= dt.datetime.now(dt.UTC).replace(tzinfo=None):
        raise Unauthenticated("this API key has expired")
    if row.user_id is None:
        raise Unauthenticated("the user of this API key no longer exists")
    return _scope_from_user(row)  # type: ignore[arg-type]  # the row has the user's columns


# the key, its expiry and its user in one query (the key's row, with NULLs where there is no expiry or user)
_KEY_LOOKUP = (
    select(ApiKeyExpiry.expires_at, User.user_id, User.role, User.partner_id, User.name, User.locale)
    .select_from(ApiKey)
    .outerjoin(ApiKeyExpiry, ApiKeyExpiry.key_hash == ApiKey.key_hash)
    .outerjoin(User, User.user_id == ApiKey.user_id)
    .where(ApiKey.key_hash == bindparam("key_hash"))
)


class ScopedRecords:
    """Structured reads for one asker. Unknown ids raise NotFound; unreachable ones raise Forbidden."""

    def __init__(self, session: Session, scope: Scope):
        self.session = session
        self.scope = scope

    # partners ---------------------------------------------------------------------------------
    def partner(self, partner_id: str) -> Partner:
        partner = get_by_id(self.session, Partner, Partner.partner_id, partner_id)
        if partner is None:
            raise NotFound(did_you_mean(f"unknown partner '{partner_id}'", partner_id,
                                        (p.partner_id for p in self.partners()), "cosell list partners"))
        self.scope.require_partner(partner.partner_id)
        return partner

    def partners(self) -> list[Partner]:
        stmt = select(Partner).order_by(Partner.partner_id)
        if self.scope.is_partner:
            stmt = stmt.where(Partner.partner_id == self.scope.partner_id)
        return list(self.session.scalars(stmt))

    def partner_names(self) -> dict[str, str]:
        """id -> name of the partners this user may see."""
        return {p.partner_id: p.name for p in self.partners()}

    # opportunities and accounts ---------------------------------------------------------------
    def _own_deal_clause(self):
        pid = self.scope.partner_id
        return or_(Opportunity.partner_id == pid, Opportunity.registered_by == pid)

    def opportunity(self, opportunity_id: str) -> Opportunity:
        opp = get_by_id(self.session, Opportunity, Opportunity.opportunity_id, opportunity_id)
        if opp is None:
            self.scope.require("records")
            raise NotFound(did_you_mean(f"unknown opportunity '{opportunity_id}'", opportunity_id,
                                        (o.opportunity_id for o in self.opportunities()), "cosell list deals"))
        self.scope.require("records")
        opportunity_id = opp.opportunity_id
        if self.scope.is_partner and self.scope.partner_id not in (opp.partner_id, opp.registered_by):
            raise Forbidden(f"user '{self.scope.user_id}' may not access opportunity '{opportunity_id}'")
        return opp

    def opportunities(self, account_ids: Iterable[str] | None = None, partner_id: str | None = None,
                      open_only: bool = False) -> list[Opportunity]:
        self.scope.require("records")
        stmt = select(Opportunity).order_by(Opportunity.opportunity_id)
        if self.scope.is_partner:
            stmt = stmt.where(self._own_deal_clause())
        if account_ids is not None:
            stmt = stmt.where(Opportunity.account_id.in_(list(account_ids)))
        if partner_id is not None:
            stmt = stmt.where(or_(Opportunity.partner_id == partner_id, Opportunity.registered_by == partner_id))
        if open_only:
            stmt = stmt.where(Opportunity.stage.not_in(("closed_won", "closed_lost")))
        return list(self.session.scalars(stmt))

    def _own_account_ids(self) -> set[str]:
        stmt = select(Opportunity.account_id).where(self._own_deal_clause())
        return set(self.session.scalars(stmt))

    def account(self, account_id: str) -> Account:
        account = get_by_id(self.session, Account, Account.account_id, account_id)
        if account is None:
            raise NotFound(f"unknown account '{account_id}'")
        self.scope.require("records")
        account_id = account.account_id
        if self.scope.is_partner and account_id not in self._own_account_ids():
            raise Forbidden(f"user '{self.scope.user_id}' may not access account '{account_id}'")
        return account

    def accounts(self) -> list[Account]:
        self.scope.require("records")
        stmt = select(Account).order_by(Account.account_id)
        if self.scope.is_partner:
            stmt = stmt.where(Account.account_id.in_(self._own_account_ids()))
        return list(self.session.scalars(stmt))

    # partner-side data ------------------------------------------------------------------------
    def partner_accounts(self, partner_id: str) -> list[PartnerAccount]:
        self.partner(partner_id)
        stmt = select(PartnerAccount).where(PartnerAccount.partner_id == partner_id)
        return list(self.session.scalars(stmt.order_by(PartnerAccount.line)))

    def partner_activity(self, partner_id: str) -> list[PartnerActivity]:
        self.partner(partner_id)
        stmt = select(PartnerActivity).where(PartnerActivity.partner_id == partner_id)
        return list(self.session.scalars(stmt.order_by(PartnerActivity.month)))
