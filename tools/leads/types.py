"""What the leads capability returns (CLI.md "Leads": the JSON is the contract)."""
from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from tools.partner_match.service import PartnerMatch


class LeadOut(BaseModel):
    lead_id: str
    company: str
    domain: str | None = None
    country: str | None = None
    industry: str | None = None
    products: list[str] = Field(default_factory=list)
    employees: int | None = None
    amount: float | None = None
    source: str | None = None
    created_on: dt.date | None = None
    status: str = Field(description="new|assigned|accepted|declined|expired|converted")
    partner_id: str | None = Field(None, description="The assigned partner")
    assigned_at: dt.datetime | None = None
    accept_by: dt.datetime | None = None
    passed_by: list[str] = Field(default_factory=list, description="Partners that declined it or let it expire")
    account_id: str | None = None
    opportunity_id: str | None = None
    reason: str | None = None


class LeadList(BaseModel):
    leads: list[LeadOut]


class LeadRouting(BaseModel):
    lead_id: str
    account_id: str | None = Field(None, description="Our account the lead's company resolved to, if any")
    partners: list[PartnerMatch]
    excluded: list[str] = Field(default_factory=list, description="Left out: declined it or let it expire")
    ranker: str | None = Field(None, description="The lead ranker in use: learned, learned_all, segment or cold_start "
                               "(chosen by backtest on this vendor's past deals seen as leads)")
