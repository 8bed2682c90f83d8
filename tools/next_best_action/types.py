"""What next-best-action rules return and what the capability answers (CLI.md `nba --json`)."""
from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel, Field

from tools.types import ContentRef

DEFAULT_WIN_RATE = 0.25  # when the vendor has too few closed deals to measure its own
MDF_PIPELINE_PER_DOLLAR = 5.0  # a common MDF programme target: $5 of pipeline per MDF dollar

__all__ = ["DEFAULT_WIN_RATE", "MDF_PIPELINE_PER_DOLLAR", "Action", "ContentRef", "HealthComponent", "HealthScore", "NbaArgs", "NbaResponse", "Signal"]


# --- results (CLI.md `nba --json`) ----------------------------------------------------------------




class Action(BaseModel):
    title: str
    why: str
    priority: int = Field(description="1 = most important (highest expected impact)")
    evidence: list[str] = Field(description="facts from the data, with numbers, behind the action")
    content: list[ContentRef] = Field(default_factory=list,
                                      description="enablement content the asker may see")
    kind: str = Field(description="the rule that fired, e.g. stalled_deal, engagement_decline")
    impact: float = Field(description="expected-impact score used for the ranking (see module docstring)")
    subject_id: str = Field(description="the opportunity or partner the action is about")


class HealthComponent(BaseModel):
    name: str
    score: float = Field(description="0-100")
    weight: float = Field(description="share of the total score; weights sum to 1")
    detail: str


class HealthScore(BaseModel):
    partner_id: str
    score: int = Field(description="0-100, the weighted sum of the components")
    components: list[HealthComponent]


class NbaResponse(BaseModel):
    subject_type: str = Field(description="partner or opportunity")
    subject_id: str
    actions: list[Action]
    health: HealthScore | None = Field(None, description="for a partner: its health score")


class NbaArgs(BaseModel):
    """A partner (its actions and health score) or a deal (its actions): exactly one of the two."""

    partner_id: str | None = Field(None, description="a partner id, e.g. P-007")
    opportunity_id: str | None = Field(None, description="an opportunity id, e.g. OPP-0042")


# --- what a rule returns ---------------------------------------------------------------------------


@dataclass
class Signal:
    """A rule that fired. `content_query` asks retrieval for helpful content; `content` is pre-resolved."""

    kind: str
    title: str
    why: str
    evidence: list[str]
    impact: float
    content_query: str | None = None
    content_products: list[str] = field(default_factory=list)
    content_industries: list[str] = field(default_factory=list)
    content_kinds: list[str] = field(default_factory=list)  # document kinds that fit (playbook, policy, ...)
    content: list[ContentRef] = field(default_factory=list)
    subject_id: str | None = None  # set when a partner's view repeats one of its deals' actions
