"""What the partner directory returns (CLI.md `cosell partners search`: the JSON is the contract)."""
from __future__ import annotations

from pydantic import BaseModel, Field


class DirectoryHit(BaseModel):
    partner_id: str
    name: str
    score: float = Field(description="0..1, higher fits better")
    matched: list[str] = Field(default_factory=list,
                               description='What matched: "country: DE", "industry: Healthcare", words of a passage')
    evidence: str = Field("", description="The passage of the profile or of a tagged case study that supports it")
    evidence_source: str = Field("", description='Where the evidence is from: "profile", "description", a title')
    type: str = ""
    tier: str = ""
    countries: list[str] = Field(default_factory=list)


class DirectoryResult(BaseModel):
    query: str
    understood: dict[str, list[str]] = Field(default_factory=dict,
                                             description="Hints read from the question (country, industry, ...)")
    filters: dict[str, str] = Field(default_factory=dict, description="Explicit filters applied")
    results: list[DirectoryHit]


class FindPartnersArgs(BaseModel):
    query: str = Field(description="The need in plain words, e.g. 'SAP migration for hospitals in Germany'")
    k: int = Field(5, ge=1, le=50)
    country: str | None = Field(None, description="ISO code (or name) the partner must cover")
    industry: str | None = None
    product: str | None = Field(None, description="A competency the partner must hold")
    tier: str | None = None
