"""Typed records of the import format (DATA.md). Field names are exactly the CSV column names.

Every table model lists its `columns` (required flag and parser from `connectors.fields`). The CSV
reader uses them cell by cell for speed; building a model directly (as the Salesforce and HubSpot
connectors do) runs the same parsers through a `before` validator, so both paths normalise alike.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from connectors import fields as f

PARTNER_TYPES = (
    "reseller",
    "var",
    "distributor",
    "system_integrator",
    "isv",
    "msp",
    "referral",
    "influencer",
    "marketplace",
    "consultancy",
)
PARTNER_TIERS = ("registered", "silver", "gold", "platinum")
SHARING = ("none", "counts", "accounts")
ACCOUNT_STATUSES = ("customer", "prospect", "former_customer")
OPEN_STAGES = ("prospecting", "qualification", "proposal", "negotiation")
CLOSED_STAGES = ("closed_won", "closed_lost")
STAGES = OPEN_STAGES + CLOSED_STAGES  # the one list of stages (DATA.md); tools.types re-exports it
PARTNER_ROLES = ("sourced", "influenced", "fulfillment")
PARTNER_ACCOUNT_STATUSES = ("customer", "open_opportunity", "prospect")
USER_ROLES = ("admin", "channel_manager", "marketer", "partner_seller")
REGISTRATION_STATUSES = ("submitted", "approved", "rejected", "won", "lost")
MDF_KINDS = ("event", "webinar", "digital", "content", "training", "other")
MDF_STATUSES = ("requested", "approved", "rejected", "claimed", "paid")
DOCUMENT_KINDS = ("playbook", "battlecard", "policy", "training", "case_study", "other")


@dataclass(frozen=True, slots=True)
class Column:
    """One CSV column: whether it must be filled, how to parse it, what an empty cell means."""

    name: str
    required: bool = False
    parse: f.Parser | None = None  # None: free text, kept as written (trimmed)
    default: Any = None
    many: type | None = None  # list or dict: a `;` cell, and an empty cell is a fresh [] / {}

    def empty(self) -> Any:
        return self.many() if self.many else self.default

    def coerce(self, value: Any) -> Any:
        """Normalise a value given to a model directly (text, list, or an already typed value)."""
        if isinstance(value, str):
            value = value.strip()
            if not value:
                return self.empty()
            return self.parse(value) if self.parse else value
        if value is None:
            return self.empty()
        if self.many is list and isinstance(value, (list, tuple)) and self.parse:
            return self.parse(";".join(str(item) for item in value))
        return value


def _cols(*columns: Column) -> tuple[Column, ...]:
    return columns


class Rejection(BaseModel):
    """A row or file that was not loaded; `file` is relative to the import folder."""

    file: str
    line: int | None = None
    column: str | None = None
    message: str


class ImportRecord(BaseModel):
    """Base of the CSV-backed records: extra columns in `attributes`, `line` where the row starts."""

    model_config = ConfigDict(extra="forbid")
    file_name: ClassVar[str] = ""
    key_columns: ClassVar[tuple[str, ...]] = ()
    columns: ClassVar[tuple[Column, ...]] = ()

    attributes: dict[str, str] = Field(default_factory=dict)
    line: int = 0

    @classmethod
    def stored_key(cls, values: dict[str, Any]) -> Any:
        """For a table without key columns: the key a rejected row's stored version has (None: unknown)."""
        return None

    @model_validator(mode="before")
    @classmethod
    def _normalise_columns(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        data = dict(data)
        for column in cls.columns:
            value = column.coerce(data.get(column.name))
            if column.required and value in (None, "", [], {}):
                raise ValueError(f"{column.name} is required")
            data[column.name] = value
        return data


class Partner(ImportRecord):
    file_name: ClassVar[str] = "partners.csv"
    key_columns: ClassVar[tuple[str, ...]] = ("partner_id",)
    columns: ClassVar[tuple[Column, ...]] = _cols(
        Column("partner_id", required=True),
        Column("name", required=True),
        Column("type", required=True, parse=f.enum("type", PARTNER_TYPES)),
        Column("tier", required=True, parse=f.enum("tier", PARTNER_TIERS)),
        Column("website", parse=f.domain("website")),
        Column(
            "countries", parse=f.list_of("countries", f.check_country, "ISO 3166-1 alpha-2 codes"), many=list
        ),
        Column("industries", parse=f.list_of("industries"), many=list),
        Column("competencies", parse=f.list_of("competencies"), many=list),
        Column("certified_staff", parse=f.certified_staff("certified_staff"), many=dict),
        Column("languages", parse=f.list_of("languages", f.normalise_locale, "BCP 47 tags"), many=list),
        Column("joined_on", parse=f.date("joined_on")),
        Column("brand_name"),
        Column("brand_color", parse=f.color("brand_color")),
        Column("tagline"),
        Column("contact_email", parse=f.email("contact_email")),
        Column("account_sharing", parse=f.enum("account_sharing", SHARING), default="counts"),
        Column("description"),
        Column("channel_manager"),  # a users.csv user_id (checked against users.csv after it is read)
        Column("employees", parse=f.integer("employees")),
    )

    partner_id: str
    name: str
    type: str
    tier: str
    website: str | None = None
    countries: list[str] = Field(default_factory=list)
    industries: list[str] = Field(default_factory=list)
    competencies: list[str] = Field(default_factory=list)
    certified_staff: dict[str, int] = Field(default_factory=dict)
    languages: list[str] = Field(default_factory=list)
    joined_on: dt.date | None = None
    brand_name: str | None = None
    brand_color: str | None = None
    tagline: str | None = None
    contact_email: str | None = None
    account_sharing: str = "counts"
    description: str | None = None
    channel_manager: str | None = None
    employees: int | None = None

    @model_validator(mode="after")
    def _brand_defaults_to_name(self) -> Partner:
        if not self.brand_name:
            self.brand_name = self.name
        return self


class Account(ImportRecord):
    file_name: ClassVar[str] = "accounts.csv"
    key_columns: ClassVar[tuple[str, ...]] = ("account_id",)
    columns: ClassVar[tuple[Column, ...]] = _cols(
        Column("account_id", required=True),
        Column("name", required=True),
        Column("domain", parse=f.domain("domain")),
        Column("industry"),
        Column("country", parse=f.country("country")),
        Column("employees", parse=f.integer("employees")),
        Column("annual_revenue", parse=f.decimal("annual_revenue")),
        Column("status", required=True, parse=f.enum("status", ACCOUNT_STATUSES)),
        Column("owner_email", parse=f.email("owner_email")),
    )

    account_id: str
    name: str
    domain: str | None = None
    industry: str | None = None
    country: str | None = None
    employees: int | None = None
    annual_revenue: float | None = None
    status: str
    owner_email: str | None = None


class Opportunity(ImportRecord):
    file_name: ClassVar[str] = "opportunities.csv"
    key_columns: ClassVar[tuple[str, ...]] = ("opportunity_id",)
    columns: ClassVar[tuple[Column, ...]] = _cols(
        Column("opportunity_id", required=True),
        Column("account_id", required=True),
        Column("name", required=True),
        Column("stage", required=True, parse=f.enum("stage", STAGES)),
        Column("amount", parse=f.decimal("amount")),
        Column("currency", parse=f.currency("currency"), default="USD"),
        Column("created_on", parse=f.date("created_on")),
        Column("close_date", parse=f.date("close_date")),
        Column("last_activity_on", parse=f.date("last_activity_on")),
        Column("products", parse=f.list_of("products"), many=list),
        Column("partner_id"),
        Column("partner_role", parse=f.enum("partner_role", PARTNER_ROLES)),
        Column("registered_by"),
        Column("mdf_activity_id"),
        Column("description"),
    )

    opportunity_id: str
    account_id: str
    name: str
    stage: str
    amount: float | None = None
    currency: str = "USD"
    created_on: dt.date | None = None
    close_date: dt.date | None = None
    last_activity_on: dt.date | None = None
    products: list[str] = Field(default_factory=list)
    partner_id: str | None = None
    partner_role: str | None = None
    registered_by: str | None = None
    mdf_activity_id: str | None = None
    description: str | None = None


def partner_account_key(partner_id: str, account_name: str, domain: str | None, country: str | None) -> str:
    """The stable id of a shared partner row: it survives re-ingests and re-ordering of the file."""
    raw = "|".join((partner_id, account_name, domain or "", country or "")).lower()
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()


class PartnerAccount(ImportRecord):
    file_name: ClassVar[str] = "partner_accounts.csv"
    columns: ClassVar[tuple[Column, ...]] = _cols(
        Column("partner_id", required=True),
        Column("account_name", required=True),
        Column("domain", parse=f.domain("domain")),
        Column("country", parse=f.country("country")),
        Column("status", required=True, parse=f.enum("status", PARTNER_ACCOUNT_STATUSES)),
        Column("updated_on", parse=f.date("updated_on")),
    )

    row_key: str = ""  # sha1 of partner_id|account_name|domain|country; `#2`, `#3` for exact repeats

    @classmethod
    def stored_key(cls, values: dict[str, Any]) -> Any:
        if not values.get("partner_id") or not values.get("account_name"):
            return None
        return partner_account_key(values["partner_id"], values["account_name"], values.get("domain"),
                                   values.get("country"))
    partner_id: str
    account_name: str
    domain: str | None = None
    country: str | None = None
    status: str
    updated_on: dt.date | None = None

    @model_validator(mode="after")
    def _fill_row_key(self) -> PartnerAccount:
        if not self.row_key:
            self.row_key = partner_account_key(self.partner_id, self.account_name, self.domain, self.country)
        return self


class PartnerActivity(ImportRecord):
    file_name: ClassVar[str] = "partner_activity.csv"
    key_columns: ClassVar[tuple[str, ...]] = ("partner_id", "month")
    columns: ClassVar[tuple[Column, ...]] = _cols(
        Column("partner_id", required=True),
        Column("month", required=True, parse=f.month("month")),
        Column("portal_logins", parse=f.integer("portal_logins")),
        Column("trainings_completed", parse=f.integer("trainings_completed")),
        Column("deals_registered", parse=f.integer("deals_registered")),
        Column("certifications_earned", parse=f.integer("certifications_earned")),
        Column("mdf_allocated", parse=f.decimal("mdf_allocated")),
        Column("mdf_spent", parse=f.decimal("mdf_spent")),
        Column("psat", parse=f.decimal("psat", 0, 10)),
    )

    partner_id: str
    month: str
    portal_logins: int | None = None
    trainings_completed: int | None = None
    deals_registered: int | None = None
    certifications_earned: int | None = None
    mdf_allocated: float | None = None
    mdf_spent: float | None = None
    psat: float | None = None


class User(ImportRecord):
    file_name: ClassVar[str] = "users.csv"
    key_columns: ClassVar[tuple[str, ...]] = ("user_id",)
    columns: ClassVar[tuple[Column, ...]] = _cols(
        Column("user_id", required=True),
        Column("name", required=True),
        Column("email", parse=f.email("email")),
        Column("role", required=True, parse=f.enum("role", USER_ROLES)),
        Column("partner_id"),
        Column("slack_user_id"),
        Column("locale", parse=f.locale("locale")),
    )

    user_id: str
    name: str
    email: str | None = None
    role: str
    partner_id: str | None = None
    slack_user_id: str | None = None
    locale: str | None = None


# --- programme records (DATA.md "Programme records"): optional files the copilot also writes ---------


class Lead(ImportRecord):
    file_name: ClassVar[str] = "leads.csv"
    key_columns: ClassVar[tuple[str, ...]] = ("lead_id",)
    columns: ClassVar[tuple[Column, ...]] = _cols(
        Column("lead_id", required=True),
        Column("company", required=True),
        Column("domain", parse=f.domain("domain")),
        Column("country", parse=f.country("country")),
        Column("industry"),
        Column("products", parse=f.list_of("products"), many=list),
        Column("employees", parse=f.integer("employees")),
        Column("amount", parse=f.decimal("amount")),
        Column("currency", parse=f.currency("currency"), default="USD"),
        Column("source"),
        Column("created_on", parse=f.date("created_on")),
        Column("description"),
    )

    lead_id: str
    company: str
    domain: str | None = None
    country: str | None = None
    industry: str | None = None
    products: list[str] = Field(default_factory=list)
    employees: int | None = None
    amount: float | None = None
    currency: str = "USD"
    source: str | None = None
    created_on: dt.date | None = None
    description: str | None = None


class DealRegistration(ImportRecord):
    file_name: ClassVar[str] = "deal_registrations.csv"
    key_columns: ClassVar[tuple[str, ...]] = ("registration_id",)
    columns: ClassVar[tuple[Column, ...]] = _cols(
        Column("registration_id", required=True),
        Column("partner_id", required=True),
        Column("account_name", required=True),
        Column("domain", parse=f.domain("domain")),
        Column("country", parse=f.country("country")),
        Column("products", parse=f.list_of("products"), many=list),
        Column("amount", parse=f.decimal("amount")),
        Column("currency", parse=f.currency("currency"), default="USD"),
        Column("status", required=True, parse=f.enum("status", REGISTRATION_STATUSES)),
        Column("submitted_on", required=True, parse=f.date("submitted_on")),
        Column("decided_on", parse=f.date("decided_on")),
        Column("expires_on", parse=f.date("expires_on")),
        Column("opportunity_id"),
        Column("reason"),
    )

    registration_id: str
    partner_id: str
    account_name: str
    domain: str | None = None
    country: str | None = None
    products: list[str] = Field(default_factory=list)
    amount: float | None = None
    currency: str = "USD"
    status: str
    submitted_on: dt.date
    decided_on: dt.date | None = None
    expires_on: dt.date | None = None
    opportunity_id: str | None = None
    reason: str | None = None


class MdfActivity(ImportRecord):
    file_name: ClassVar[str] = "mdf_activities.csv"
    key_columns: ClassVar[tuple[str, ...]] = ("activity_id",)
    columns: ClassVar[tuple[Column, ...]] = _cols(
        Column("activity_id", required=True),
        Column("partner_id", required=True),
        Column("name", required=True),
        Column("kind", parse=f.enum("kind", MDF_KINDS)),
        Column("status", required=True, parse=f.enum("status", MDF_STATUSES)),
        Column("requested_amount", parse=f.decimal("requested_amount", 0)),
        Column("approved_amount", parse=f.decimal("approved_amount", 0)),
        Column("claimed_amount", parse=f.decimal("claimed_amount", 0)),
        Column("paid_amount", parse=f.decimal("paid_amount", 0)),
        Column("currency", parse=f.currency("currency"), default="USD"),
        Column("requested_on", parse=f.date("requested_on")),
        Column("start_on", parse=f.date("start_on")),
        Column("end_on", parse=f.date("end_on")),
        Column("kit_id"),
        Column("leads", parse=f.integer("leads")),
    )

    activity_id: str
    partner_id: str
    name: str
    kind: str | None = None
    status: str
    requested_amount: float | None = None
    approved_amount: float | None = None
    claimed_amount: float | None = None
    paid_amount: float | None = None
    currency: str = "USD"
    requested_on: dt.date | None = None
    start_on: dt.date | None = None
    end_on: dt.date | None = None
    kit_id: str | None = None
    leads: int | None = None


class PartnerCandidate(ImportRecord):
    file_name: ClassVar[str] = "partner_candidates.csv"
    key_columns: ClassVar[tuple[str, ...]] = ("candidate_id",)
    columns: ClassVar[tuple[Column, ...]] = _cols(
        Column("candidate_id", required=True),
        Column("name", required=True),
        Column("type", parse=f.enum("type", PARTNER_TYPES)),
        Column("website", parse=f.domain("website")),
        Column(
            "countries", parse=f.list_of("countries", f.check_country, "ISO 3166-1 alpha-2 codes"), many=list
        ),
        Column("industries", parse=f.list_of("industries"), many=list),
        Column("competencies", parse=f.list_of("competencies"), many=list),
        Column("languages", parse=f.list_of("languages", f.normalise_locale, "BCP 47 tags"), many=list),
        Column("description"),
        Column("employees", parse=f.integer("employees")),
        Column("source"),
    )

    candidate_id: str
    name: str
    type: str | None = None
    website: str | None = None
    countries: list[str] = Field(default_factory=list)
    industries: list[str] = Field(default_factory=list)
    competencies: list[str] = Field(default_factory=list)
    languages: list[str] = Field(default_factory=list)
    description: str | None = None
    employees: int | None = None
    source: str | None = None


TABLES: tuple[type[ImportRecord], ...] = (
    Partner,
    Account,
    Opportunity,
    PartnerAccount,
    PartnerActivity,
    User,
    Lead,
    DealRegistration,
    MdfActivity,
    PartnerCandidate,
)
PROGRAMME_TABLES: tuple[tuple[str, type[ImportRecord]], ...] = (
    ("leads", Lead),
    ("deal_registrations", DealRegistration),
    ("mdf_activities", MdfActivity),
    ("partner_candidates", PartnerCandidate),
)


class VendorConfig(BaseModel):
    """vendor.yaml: who "we" are. Keys the format does not define (e.g. `tier_rules`) stay in `extra`."""

    name: str = "Vendor"
    website: str | None = None
    default_locale: str = "en"
    account_sharing: str = "counts"
    registration_protection_days: int = 90
    lead_accept_hours: int = 48
    reporting_currency: str = "USD"  # the currency of every sum across deals (programme analytics)
    fx_rates: dict[str, float] = Field(default_factory=dict)  # units of reporting_currency per unit
    extra: dict[str, Any] = Field(default_factory=dict)


class DocumentRecord(BaseModel):
    """One enablement file under content/, as text that keeps its headings as `#` lines."""

    doc_id: str  # path relative to content/, e.g. "policies/deal-reg.md"
    source: str  # path relative to the import folder, e.g. "content/policies/deal-reg.md"
    title: str
    kind: str = "other"
    visibility: list[str] = Field(default_factory=lambda: ["internal"])
    products: list[str] = Field(default_factory=list)
    industries: list[str] = Field(default_factory=list)
    locale: str | None = None
    updated_on: dt.date | None = None
    text: str
    content_hash: str
    attributes: dict[str, Any] = Field(default_factory=dict)


class CampaignKit(BaseModel):
    """A campaign kit from campaigns/*.yaml; `locales` maps a BCP 47 tag to its channel texts."""

    kit_id: str
    name: str
    products: list[str] = Field(default_factory=list)
    industries: list[str] = Field(default_factory=list)
    objective: str | None = None
    audience: str | None = None
    key_messages: list[str] = Field(default_factory=list)
    proof_points: list[str] = Field(default_factory=list)
    call_to_action: str | None = None
    locales: dict[str, dict[str, str]] = Field(default_factory=dict)
    source: str
    raw: dict[str, Any] = Field(default_factory=dict)


class ImportBundle(BaseModel):
    """Everything read from one import folder, and everything that was rejected."""

    vendor: VendorConfig = Field(default_factory=VendorConfig)
    partners: list[Partner] = Field(default_factory=list)
    accounts: list[Account] = Field(default_factory=list)
    opportunities: list[Opportunity] = Field(default_factory=list)
    partner_accounts: list[PartnerAccount] = Field(default_factory=list)
    partner_activity: list[PartnerActivity] = Field(default_factory=list)
    users: list[User] = Field(default_factory=list)
    leads: list[Lead] = Field(default_factory=list)
    deal_registrations: list[DealRegistration] = Field(default_factory=list)
    mdf_activities: list[MdfActivity] = Field(default_factory=list)
    partner_candidates: list[PartnerCandidate] = Field(default_factory=list)
    documents: list[DocumentRecord] = Field(default_factory=list)
    campaign_kits: list[CampaignKit] = Field(default_factory=list)
    rejected: list[Rejection] = Field(default_factory=list)
    # ids of rejected rows per file (their stored versions are kept) and optional files refused whole
    rejected_keys: dict[str, list[Any]] = Field(default_factory=dict)
    failed_files: list[str] = Field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Loaded records per kind, as `cosell ingest` reports them."""
        kinds = (
            "partners",
            "accounts",
            "opportunities",
            "partner_accounts",
            "partner_activity",
            "users",
            "documents",
            "campaign_kits",
        )
        return {kind: len(getattr(self, kind)) for kind in kinds}
