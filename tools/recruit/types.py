"""The shape of `cosell recruit` (CLI.md); fields beyond the contract are documented in README "Recruitment"."""
from __future__ import annotations

from pydantic import BaseModel, Field


class TraitEffect(BaseModel):
    """One trait of the profile: how partners with it do against all partners."""

    trait: str  # e.g. "type: system_integrator", "industry: Healthcare"
    partners: int  # current partners with the trait
    effect: float  # the model's shrunk effect on the results score (standard deviations)
    median_won_per_year: float  # of the partners with the trait
    win_rate: float | None  # pooled over their closed deals


class RankerBacktest(BaseModel):
    """Which ranker ranks the candidates and its backtest on our own partners (tools.recruit.backtest)."""

    chosen: str  # profile | peers
    figures: dict[str, float] = Field(default_factory=dict)  # ranker -> rank correlation with later results
    shares: dict[str, float] = Field(default_factory=dict)  # ranker -> its share of the candidates' score
    partners_tested: int = 0
    windows: int = 0


class Profile(BaseModel):
    traits: list[str]  # readable lines, strongest first (the contract's field)
    effects: list[TraitEffect] = Field(default_factory=list)  # added: the numbers behind `traits`
    partners_learned_from: int = 0  # added
    model: str = ""  # added: how the profile was learned, in a sentence
    ranking: str = ""  # added: which rankers rank the candidates, with their backtest figures, in sentences
    ranker: str = "profile"  # added: profile | peers | gaps (the largest share)
    trust: float = 0.0  # added: the rankers' weight against `reach` (sqrt of the profile's leave-one-out R2)
    backtest: RankerBacktest | None = None  # added


class Candidate(BaseModel):
    candidate_id: str
    name: str
    score: float  # 0..1
    reasons: list[str]
    similar_to: list[str]
    fills_gap: str | None
    fit: float = 0.0  # added: the rankers' part of the score (their z-scores by backtest shares)
    gap: float = 0.0  # added: coverage gap filled, 0..1
    type: str | None = None  # added
    countries: list[str] = Field(default_factory=list)  # added
    reach: dict[str, int] = Field(default_factory=dict)  # added: our accounts and open deals it could serve
    parts: dict[str, float] = Field(default_factory=dict)  # added: ranker, "reach", "gap bonus" -> its part


class AlreadyPartner(BaseModel):
    candidate_id: str
    name: str
    partner_id: str
    reason: str  # "already a partner: P-012 (same website acme.example)"


class CoverageGap(BaseModel):
    """A country with more open deals per partner than the programme's average: where partners are short."""

    country: str
    label: str
    open_deals: int
    partners: int
    gap: float  # log of open deals per partner against the average (0: not above it)


class RecruitResponse(BaseModel):
    profile: Profile
    candidates: list[Candidate]
    already_partners: list[AlreadyPartner] = Field(default_factory=list)  # added: flagged, not ranked
    filters: dict[str, str] = Field(default_factory=dict)  # added: the filters applied
    candidates_considered: int = 0  # added: after filters, before `top`
    coverage: list[CoverageGap] = Field(default_factory=list)  # added: the largest country gaps (the country
    #                                                            filtered on first, gap or not)
