"""What the onboarding capability returns (CLI.md `onboarding --json`: the JSON is the contract)."""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from tools.types import ContentRef

StepStatus = Literal["done", "open", "overdue"]
StepKind = Literal["training", "certification", "certified_staff", "first_registration", "first_win",
                   "tier_result"]


class OnboardingStep(BaseModel):
    title: str
    due_on: dt.date | None = Field(None, description="joined_on + the step's offset (None without joined_on)")
    status: StepStatus = Field(description="done (the data shows it), open (not yet, not due), overdue (past due)")
    evidence: list[str] = Field(default_factory=list, description="the records behind the status, by id")
    content: list[ContentRef] = Field(default_factory=list, description="enablement content the partner may read")
    kind: StepKind = Field(description="which programme rule made the step")
    subject: str | None = Field(None, description="the competency or tier metric the step is about")
    offset_days: int = Field(description="days after joined_on the step is due")
    tier: str | None = Field(None, description="tier steps: the tier whose rule this is")
    minimum: float | None = Field(None, description="tier steps: the rule's minimum")
    tier_current: bool | None = Field(None, description="tier steps: the partner's own tier (else the tier above)")


class OnboardingPlan(BaseModel):
    partner_id: str
    name: str
    tier: str
    competencies: list[str] = Field(default_factory=list, description="what the training and certifications cover")
    joined_on: dt.date | None = None
    days_since_joined: int | None = None
    steps: list[OnboardingStep] = Field(default_factory=list)
    first_win_on: dt.date | None = None
    days_to_first_win: int | None = None
    today: dt.date | None = None


class StepToActOn(BaseModel):
    """A step of a partner still in onboarding that is overdue or due soon (next best actions, the digest)."""
    partner_id: str
    name: str
    joined_on: dt.date
    step: OnboardingStep
    days_left: int = Field(description="days to the due date; negative: days overdue")
    when: str = Field(description="'overdue since ...' or 'due ...', in the reader's language")
    plan_line: str = Field(description="where the due date comes from, in the reader's language")


class OnboardingArgs(BaseModel):
    partner_id: str | None = Field(None, description="The partner; a partner seller's own partner if omitted.")
    locale: str | None = Field(None, description="Language of the evidence lines (BCP 47, e.g. de); the "
                                                 "asker's locale if omitted.")
