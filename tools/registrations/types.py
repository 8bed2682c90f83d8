"""What the registrations capability returns (CLI.md "Deal registrations": the JSON is the contract)."""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

Verdict = Literal["clear", "duplicate", "conflict"]


class RegistrationCheck(BaseModel):
    verdict: Verdict
    findings: list[str] = Field(default_factory=list, description="What the check found, as the viewer may read it")


class RegistrationOut(BaseModel):
    registration_id: str
    partner_id: str
    account_name: str
    account_id: str | None = Field(None, description="Our account, when resolved and reachable by the viewer")
    domain: str | None = None
    country: str | None = None
    products: list[str] = Field(default_factory=list)
    amount: float | None = None
    close_date: dt.date | None = None
    status: str = Field(description="submitted|approved|rejected|won|lost|expired (expired: approved, past expires_on)")
    submitted_on: dt.date
    decided_on: dt.date | None = None
    expires_on: dt.date | None = None
    days_left: int | None = Field(None, description="Days from today to expires_on (0 on the last protected day)")
    age_days: int = Field(0, description="Days since submission")
    opportunity_id: str | None = None
    reason: str | None = None
    notes: str | None = Field(None, description="The submitter's notes (the Slack message a registration was made from)")
    version: int = 1
    check: RegistrationCheck


class RegistrationList(BaseModel):
    registrations: list[RegistrationOut]


class SubmitRequest(BaseModel):
    partner_id: str
    account_name: str = Field(min_length=1)
    domain: str | None = None
    country: str | None = None
    products: list[str] = Field(default_factory=list)
    amount: float | None = Field(None, ge=0)
    close_date: dt.date | None = None
    notes: str | None = Field(None, max_length=3000, description="Free text kept with the registration")


class RegistrationPrefill(BaseModel):
    """The register form drafted from a message (nothing stored): what the user then checks and submits."""
    partner_id: str | None = Field(None, description="The seller's partner, or the partner the message names")
    account_name: str | None = Field(None, description="The account the message names, as the record spells it")
    account_id: str | None = Field(None, description="Our account, when resolved (never shown to a partner seller)")
    domain: str | None = None
    country: str | None = None
    products: list[str] = Field(default_factory=list)
    notes: str | None = None
    found: list[str] = Field(default_factory=list, description="How each value was found")
