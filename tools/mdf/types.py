"""What the MDF capability returns (CLI.md "MDF": the JSON is the contract; fields beyond it are additions)."""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

KINDS = ("event", "webinar", "digital", "content", "training", "other")
STATUSES = ("requested", "approved", "rejected", "claimed", "paid")
Kind = Literal["event", "webinar", "digital", "content", "training", "other"]


class MdfActivityOut(BaseModel):
    activity_id: str
    partner_id: str
    name: str
    kind: str | None = None
    status: str = Field(description="requested|approved|rejected|claimed|paid")
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
    reason: str | None = Field(None, description="why rejected, or a note on the decision")
    quarter: str | None = Field(None, description="the budget quarter (of start_on, else requested_on), e.g. 2026-Q2")
    due: str | None = Field(None, description="what is late: 'claim' (ended, not claimed) or 'start' "
                                              "(approved, past start_on, nothing claimed)")
    version: int = 1


class MdfList(BaseModel):
    activities: list[MdfActivityOut]


class MdfRequest(BaseModel):
    partner_id: str
    name: str = Field(min_length=1)
    amount: float = Field(gt=0, description="the requested amount, in the reporting currency")
    kind: Kind | None = None
    kit_id: str | None = None
    start_on: dt.date | None = None
    end_on: dt.date | None = None


class RoiActivity(BaseModel):
    activity_id: str
    partner_id: str
    name: str = ""
    kind: str | None = None
    paid: float
    pipeline: float
    won: float
    roi: float | None = Field(description="won / paid; null when nothing was paid")
    deals: list[str] = Field(default_factory=list, description="addition: the deals the activity brought (ids)")


class RoiGroup(BaseModel):
    """Totals for one partner (`partner_id`) or one kind (`kind`)."""

    partner_id: str | None = None
    kind: str | None = None
    activities: int = 0
    paid: float
    pipeline: float
    won: float
    roi: float | None


class RoiResponse(BaseModel):
    from_: dt.date = Field(alias="from", serialization_alias="from")
    to: dt.date
    currency: str
    activities: list[RoiActivity]
    partners: list[RoiGroup]
    kinds: list[RoiGroup] = Field(default_factory=list, description="addition: the same totals per kind")
    unconverted: list[str] = Field(default_factory=list,
                                   description="addition: activities or deals left out (no exchange rate)")

    model_config = {"populate_by_name": True, "serialize_by_alias": True}


class MdfAdvice(BaseModel):
    """Where unspent or low-return MDF would do better, with the numbers behind it."""

    rule: Literal["reallocate", "idle_budget", "kind"]
    title: str
    why: str
    evidence: list[str]
    partner_id: str | None = None
    kind: str | None = None
    impact: float = Field(0.0, description="expected extra won revenue, in the reporting currency")


class AdviceResponse(BaseModel):
    currency: str
    advice: list[MdfAdvice]
    roi: RoiResponse


class MdfRoiArgs(BaseModel):
    """The period (activities starting in it; default the last 365 days) and optionally one partner."""

    partner_id: str | None = Field(None, description="a partner id, e.g. P-007")
    from_date: dt.date | None = Field(None, description="first day, YYYY-MM-DD")
    to_date: dt.date | None = Field(None, description="last day, YYYY-MM-DD")
