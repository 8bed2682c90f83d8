"""The in-memory snapshot partner matching works on: partners, accounts, deals, activity and the
account-mapping relations as plain frozen records (`Ecosystem`), built from the store or from anything with
DATA.md's attribute names (e.g. an import bundle), plus the feature names and constants they share.
`tools.partner_match.features` turns a snapshot into matrices and per-deal signals.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

SIGNALS = (
    "authorised", "geography", "industry", "certified", "relationship", "account_history", "industry_history",
    "product_history", "industry_share", "product_share", "country_share", "overall_share", "experience",
    "engagement", "load", "tier", "language", "semantic", "segment_rate", "customer", "similar_rate",
    "country_history",
)
# DATA.md's partner types, one indicator each: how often each kind of partner is brought in is learned
PARTNER_TYPES = ("reseller", "var", "distributor", "system_integrator", "isv", "msp", "referral",
                 "influencer", "marketplace", "consultancy")
FEATURES = SIGNALS + tuple(f"type:{t}" for t in PARTNER_TYPES)
TIERS = {"registered": 0, "silver": 1, "gold": 2, "platinum": 3}
CLOSED = ("closed_won", "closed_lost")
PRIOR_STRENGTH = 10.0  # the beta prior counts as this many deals at the vendor-wide win rate
DEFAULT_WIN_RATE = 0.3  # vendor-wide rate before any partner deal has closed
POPULATION_WEIGHT = {"customer": 1.0, "open_opportunity": 0.8, "prospect": 0.4}

# The main business language of a country (for "partner languages include the account's language").
_MAIN_LANGUAGE = dict(item.split(":") for item in ["US:en", "GB:en", "IE:en", "CA:en", "AU:en", "NZ:en", "ZA:en", "IN:en", "SG:en", "NG:en", "KE:en", "PH:en", "DE:de", "AT:de", "CH:de", "LI:de", "FR:fr", "BE:fr", "LU:fr", "MC:fr", "ES:es", "MX:es", "AR:es", "CO:es", "CL:es", "PE:es", "VE:es", "UY:es", "EC:es", "PT:pt", "BR:pt", "AO:pt", "IT:it", "NL:nl", "SE:sv", "NO:no", "DK:da", "FI:fi", "IS:is", "PL:pl", "CZ:cs", "SK:sk", "HU:hu", "RO:ro", "BG:bg", "GR:el", "TR:tr", "RU:ru", "UA:uk", "JP:ja", "CN:zh", "TW:zh", "HK:zh", "KR:ko", "VN:vi", "TH:th", "ID:id", "MY:ms", "IL:he", "AE:ar", "SA:ar", "EG:ar", "QA:ar", "MA:ar", "HR:hr", "SI:sl", "RS:sr", "EE:et", "LV:lv", "LT:lt"])


def main_language(country: str | None) -> str | None:
    return _MAIN_LANGUAGE.get((country or "").upper())


def _low(values: Iterable[Any] | None) -> tuple[str, ...]:
    return tuple(str(v).strip().casefold() for v in (values or ()) if str(v).strip())


def _activity_points(row: Any) -> float:
    """One number per partner-month: logins, plus trainings, registrations and certifications weighted
    up because each is rarer and means more than a login."""
    def get(name: str) -> float:
        return float(getattr(row, name, None) or 0)

    return (get("portal_logins") + 2 * get("trainings_completed") + 3 * get("deals_registered")
            + 3 * get("certifications_earned"))


# --- the snapshot ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PartnerRec:
    partner_id: str
    name: str
    tier: str = "registered"
    type: str = "reseller"
    countries: tuple[str, ...] = ()
    industries: tuple[str, ...] = ()
    competencies: tuple[str, ...] = ()
    certified_staff: dict[str, int] = field(default_factory=dict)
    languages: tuple[str, ...] = ()
    description: str = ""
    joined_on: dt.date | None = None
    brand_name: str | None = None

    @classmethod
    def of(cls, row: Any) -> PartnerRec:
        staff = getattr(row, "certified_staff", None) or {}
        text = " ".join(filter(None, [getattr(row, "description", None), getattr(row, "tagline", None)]))
        return cls(row.partner_id, row.name, (row.tier or "registered").casefold(),
                   (row.type or "").casefold(),
                   tuple(c.upper() for c in row.countries or ()), tuple(row.industries or ()),
                   tuple(row.competencies or ()), {str(k): int(v or 0) for k, v in dict(staff).items()},
                   tuple(row.languages or ()), text, getattr(row, "joined_on", None),
                   getattr(row, "brand_name", None))


@dataclass(frozen=True)
class AccountRec:
    account_id: str
    name: str
    industry: str | None = None
    country: str | None = None
    domain: str | None = None
    status: str = "prospect"

    @classmethod
    def of(cls, row: Any) -> AccountRec:
        return cls(row.account_id, row.name, row.industry, (row.country or "").upper() or None,
                   row.domain, row.status)


@dataclass(frozen=True)
class DealRec:
    opportunity_id: str
    account_id: str
    name: str = ""
    stage: str = "prospecting"
    amount: float | None = None
    created_on: dt.date | None = None
    close_date: dt.date | None = None
    products: tuple[str, ...] = ()
    partner_id: str | None = None
    registered_by: str | None = None
    description: str = ""

    @classmethod
    def of(cls, row: Any) -> DealRec:
        return cls(row.opportunity_id, row.account_id, row.name, row.stage, row.amount, row.created_on,
                   row.close_date, tuple(row.products or ()), row.partner_id or None,
                   row.registered_by or None, row.description or "")

    @property
    def is_closed(self) -> bool:
        return self.stage in CLOSED

    @property
    def won(self) -> bool:
        return self.stage == "closed_won"

    def masked(self) -> DealRec:
        """The deal as a matcher must see it when its answer is being predicted (backtests)."""
        return replace(self, partner_id=None, registered_by=None)

    def opened(self) -> dt.date:
        return self.created_on or self.close_date or dt.date.min

    def closed(self) -> dt.date:
        return self.close_date or self.created_on or dt.date.min


@dataclass(frozen=True)
class Relation:
    """A partner-side relationship with one of the vendor's accounts (from account mapping)."""

    partner_id: str
    account_id: str
    population: str
    confidence: float
    evidence: str = ""
    known_from: dt.date | None = None  # the partner's row was last updated then (None: known now)


@dataclass
class Ecosystem:
    partners: list[PartnerRec]
    accounts: dict[str, AccountRec]
    deals: list[DealRec]
    activity: dict[str, dict[str, float]] = field(default_factory=dict)  # partner -> month -> points
    relations: list[Relation] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.deals_by_account: dict[str, list[DealRec]] = {}
        for deal in self.deals:
            self.deals_by_account.setdefault(deal.account_id, []).append(deal)
        self.deal_by_id = {d.opportunity_id: d for d in self.deals}

    @classmethod
    def from_rows(cls, partners: Iterable[Any], accounts: Iterable[Any], deals: Iterable[Any],
                  activity: Iterable[Any] = (), relations: Iterable[Relation] = ()) -> Ecosystem:
        points: dict[str, dict[str, float]] = {}
        for row in activity:
            points.setdefault(row.partner_id, {})[str(row.month)[:7]] = _activity_points(row)
        return cls([PartnerRec.of(p) for p in partners], {a.account_id: AccountRec.of(a) for a in accounts},
                   [DealRec.of(d) for d in deals], points, list(relations))
