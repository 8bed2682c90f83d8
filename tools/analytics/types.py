"""The shapes of the programme commands (CLI.md "Programme commands"); added fields are documented in README."""
from __future__ import annotations

from pydantic import BaseModel, Field

STALLED_DAYS = 30  # an open deal with no activity for a month is stalled (the digest)


class AttributionTotals(BaseModel):
    won_revenue: float
    won_deals: int
    sourced: float
    influenced: float
    fulfillment: float
    direct: float
    partner_share: float
    influence_model_revenue: float = 0.0  # added: won revenue with at least one partner of the influence model


class DealCredit(BaseModel):
    """One deal behind a partner's figure (`--partner P --deals`)."""

    opportunity_id: str
    name: str
    account_id: str
    close_date: str | None
    amount: float | None  # in the deal's currency
    currency: str
    amount_reporting: float | None  # in the reporting currency; None when unconverted
    credit: str  # sourced | influenced | fulfillment (role credit) or influence_model
    evidence: list[str] = Field(default_factory=list)


class PartnerAttribution(BaseModel):
    partner_id: str
    name: str
    sourced: float = 0.0
    influenced: float = 0.0
    fulfillment: float = 0.0
    won_deals: int = 0
    mdf_spent: float = 0.0
    ropi: float | None = None
    influence_model_revenue: float = 0.0  # added: won deals this partner influenced beyond its role credit
    influence_model_deals: int = 0
    deals: list[DealCredit] | None = None  # only with --deals


class AttributionResponse(BaseModel):
    from_: str = Field(alias="from", serialization_alias="from")
    to: str
    currency: str
    totals: AttributionTotals | None  # None for a partner seller: their own figures only
    partners: list[PartnerAttribution]
    unconverted: list[str]
    influence_model: str = ""  # added: how influence credit is given
    by_month: list[dict] = Field(default_factory=list)  # added: {month, sourced, influenced, fulfillment, direct}

    model_config = {"populate_by_name": True, "serialize_by_alias": True}


class PortfolioPartner(BaseModel):
    partner_id: str
    name: str
    tier: str
    health: int
    health_change_90d: int | None
    qualifies_for: str
    joined_on: str | None
    first_win_on: str | None
    days_to_first_win: int | None
    at_risk: bool
    risk_reasons: list[str] = Field(default_factory=list)
    risk_score: float = 0.0  # added: the ordering of the at-risk list within its group (higher = worse)
    declining: bool = False  # added: a fall in health or engagement among the reasons (listed first)
    channel_manager: str | None = None  # added: from partners.csv when present


class CohortStat(BaseModel):
    cohort: str
    partners: int
    with_win: int
    median_days: float | None


class TimeToFirstWin(BaseModel):
    median_days: float | None
    partners_without_win: int
    by_cohort: list[CohortStat]


class PortfolioResponse(BaseModel):
    partners: list[PortfolioPartner]
    at_risk: list[str]
    time_to_first_win: TimeToFirstWin
    as_of: str  # added: today


class StalledDeal(BaseModel):
    """An open deal of the asker's partners with no activity for `STALLED_DAYS` or more (the digest's list)."""

    opportunity_id: str
    name: str
    partner_id: str
    stage: str
    amount: float | None = None
    currency: str | None = None
    days_quiet: int
