"""Partner recruitment (CLI.md `recruit`): rank partner_candidates.csv by what the current partners' results
say about companies like each candidate, and by the coverage gaps it would fill.

Three rankers (tools.recruit.rankers): `profile`, the learned ideal partner profile (ridge regression of our
partners' win rates and the most similar partners, shrunk towards the partners' type and trait averages as far as
its leave-one-out fit is weak); `peers`, the same type and country as our best partners; `gaps`, the under-served
demand in our own pipeline and accounts the candidate covers (tools.recruit.gaps). A time-split backtest on our own
partners (tools.recruit.backtest) scores all three and is shown for reference: on the zoo's worlds its figures did
not tell which ranker orders new candidates best (and weighting by them lost NDCG@10 against the profile alone), so
the profile ranks.

The profile counts `trust` = sqrt(its leave-one-out R2), at least TRUST_FLOOR (rankers.trust_of), and the rest goes
to the demand the candidate could serve in our own data (`reach`: our accounts and open deals in its countries and
industries, tools.recruit.gaps):

score = sigmoid(trust x z(profile) + (1 - trust) x z(reach) + GAP_SHARE x z(gap)),
z() standardising across the candidates considered; the gaps always count a little, so of two alike candidates
the one filling a gap ranks first. Every candidate's first reason says where it ranks by which part (`parts`
has the numbers), the next ones the evidence, largest part first. Candidates that are already partners (same website domain or name) are listed in
`already_partners`, never ranked. Admins and channel managers only.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from pydantic import BaseModel, Field
from sqlalchemy import select

from assistant.core.errors import BadInput
from connectors.countries import COUNTRY_NAMES, country_code_for
from retrieval.programme_records import PartnerCandidateRow
from retrieval.records import Opportunity
from retrieval.scope import Scope
from tools.context import ToolContext
from tools.recruit import profile as prof
from tools.recruit.backtest import Backtest, choose_ranker
from tools.recruit.gaps import Gaps, demand, gaps_with
from tools.recruit.outcomes import Outcome, partner_outcomes
from tools.recruit.rankers import (
    DESCRIPTIONS,
    TRUST_FLOOR,
    Ranker,
    best_partners,
    fit_rankers,
    learn_model,
    trust_of,
    trust_sentence,
    z_scores,
)
from tools.recruit.reasons import candidate_reasons, peers_reason, profile_lines, reach_reason
from tools.recruit.resolve import already_partners
from tools.recruit.traits import Company, features, traits
from tools.recruit.types import (
    AlreadyPartner,
    Candidate,
    CoverageGap,
    Profile,
    RankerBacktest,
    RecruitResponse,
    TraitEffect,
)
from tools.registry import register_tool

MAX_TOP = 100
GAP_SHARE = 0.25  # the coverage gaps always count this much (z-score), beside the rankers (shares summing to 1)
RANKING = {"profile": 1.0}  # the rankers' shares in the score (the backtest's figures are shown, not used)


def recruit(ctx: ToolContext, scope: Scope, country: str | None = None, industry: str | None = None,
            product: str | None = None, top: int = 10) -> RecruitResponse:
    scope.require("recruit")
    if not 1 <= top <= MAX_TOP:
        raise BadInput(f"--top must be between 1 and {MAX_TOP}, not {top}")
    learned = ctx.cached("recruit.learned", lambda: _learn(ctx, scope))  # internal roles all see the same
    filters = _filters(ctx, scope, learned.partners, learned.candidates, country, industry, product)
    known = learned.known
    flagged = [AlreadyPartner(candidate_id=c.key, name=c.name, partner_id=known[c.key][0],
                              reason=f"already a partner: {known[c.key][0]} ({known[c.key][1]})")
               for c in learned.candidates if c.key in known and _passes(c, filters)]
    pool = [c for c in learned.candidates if c.key not in known and _passes(c, filters)]
    prefer = next(iter(filters.items()), None)
    ranked = sorted(_rank(pool, learned, prefer), key=lambda r: (-r.score, r.candidate_id))
    for r in ranked:
        r.score = round(r.score, 3)
    return RecruitResponse(profile=_profile(learned), candidates=ranked[:top],
                           already_partners=flagged, filters=filters, candidates_considered=len(pool),
                           coverage=_coverage(learned.gaps, filters.get("country")))


COVERAGE_TOP = 5


def _coverage(gaps: Gaps, country: str | None) -> list[CoverageGap]:
    """The countries where open deals per partner ((open + 1) / (partners + 1): a country with one deal and no
    partner is no gap) most exceed the average over all countries; the country asked about first."""
    countries = [s for s in gaps.segments.values() if s.dimension == "country"]
    if not countries:
        return []
    per = {s.value: (s.open_deals + 1) / (s.partners + 1) for s in countries}
    average = (sum(s.open_deals for s in countries) / len(countries) + 1) / (
        sum(s.partners for s in countries) / len(countries) + 1)
    gap = {v: math.log(r / average) if r > average else 0.0 for v, r in per.items()}
    chosen = sorted((s for s in countries if gap[s.value] > 0),
                    key=lambda s: (-gap[s.value], -s.open_deals, s.value))[:COVERAGE_TOP]
    asked = [s for s in countries if country and s.value.casefold() == country.casefold()]
    chosen = asked + [s for s in chosen if s not in asked]
    return [CoverageGap(country=s.value, label=_label("country", s.value), open_deals=s.open_deals,
                        partners=s.partners, gap=round(gap[s.value], 3)) for s in chosen]


@dataclass
class Learned:
    """What does not depend on the filters, once per records version and day."""

    partners: list[Company]
    candidates: list[Company]
    outcomes: dict[str, Outcome]
    currency: str
    model: prof.Model  # the profile learned on every partner (its traits are the reasons)
    backtest: Backtest  # which ranker ranks, and why
    rankers: dict[str, Ranker]  # fitted on every partner
    trust: float  # the rankers' weight against the demand a candidate could serve: sqrt(profile's LOO R2)
    best: list[Company]  # the best partners (the peers ranker's evidence)
    gaps: Gaps
    known: dict[str, tuple[str, str]]  # candidate -> (partner, why): already partners


def _learn(ctx: ToolContext, scope: Scope) -> Learned:
    partners = _partners(ctx, scope)
    candidates = _candidates(ctx)
    outcomes, currency = partner_outcomes(ctx, scope)
    model = learn_model(partners, outcomes)
    demanded = demand(ctx, scope)
    return Learned(partners, candidates, outcomes, currency, model, choose_ranker(partners, outcomes, demanded),
                   fit_rankers(partners, outcomes, demanded, model), trust_of(model), best_partners(partners, outcomes),
                   gaps_with(demanded, partners), already_partners(candidates, partners))


def _rank(pool: list[Company], learned: Learned, prefer: tuple[str, str] | None) -> list[Candidate]:
    """score = sigmoid(trust x z(profile) + (1 - trust) x z(reach) + GAP_SHARE x z(gap))."""
    weights = RANKING
    trust = learned.trust
    per_ranker = {name: z_scores(learned.rankers[name](pool)) for name in weights}
    gap_values = [learned.gaps.value(c) for c in pool]
    reach = [learned.gaps.reach(c) for c in pool]
    reach_z = z_scores([learned.gaps.reach_value(c) for c in pool])
    model, outcomes, currency = learned.model, learned.outcomes, learned.currency
    out = []
    for i, (c, gap, gz) in enumerate(zip(pool, gap_values, z_scores(gap_values))):
        parts = {name: trust * weights[name] * per_ranker[name][i]
                 for name in sorted(weights, key=lambda n: -weights[n])}
        parts["reach"] = (1 - trust) * reach_z[i]
        parts["gap bonus"] = GAP_SHARE * gz
        segment = learned.gaps.best_for(c, prefer)
        fills = segment.sentence(_label(segment.dimension, segment.value)) if segment else None
        similar, profile_reasons = candidate_reasons(traits(c), features(c), model, outcomes, currency)
        evidence = {"profile": profile_reasons, "peers": [peers_reason(c, learned.best, outcomes, currency)],
                    "reach": [reach_reason(c, *reach[i])], "gaps": [fills[0].upper() + fills[1:]] if fills else []}
        shown = sorted(parts, key=lambda name: -abs(parts[name]))  # the evidence of the largest parts first
        order = [name for name in shown if name in evidence] + [n for n in evidence if n not in parts]
        reasons = [_why_here(weights, per_ranker, trust, reach_z[i], gz, i)] + [
            r for name in order for r in evidence[name] if name != "peers" or name in weights]
        fit = sum(v for name, v in parts.items() if name in weights)
        out.append(Candidate(candidate_id=c.key, name=c.name, score=1 / (1 + math.exp(-sum(parts.values()))),
                             reasons=reasons, similar_to=similar, fills_gap=fills, fit=round(fit, 3),
                             gap=round(gap, 3), type=c.type, countries=c.countries,
                             reach={"accounts": reach[i][0], "open_deals": reach[i][1]},
                             parts={k: round(v, 3) for k, v in parts.items()}))
    return out


LABELS = {"profile": "profile fit", "peers": "like our best partners", "gaps": "gaps filled"}


def _why_here(weights: dict[str, float], per_ranker: dict[str, list[float]], trust: float, reach_z: float,
              gap_z: float, i: int) -> str:
    """'Ranks here by profile fit +1.2 (share 62%) and gaps filled +0.4 (share 38%), weighted 30% by the
    profile's reliability, and the demand it could serve +0.8 (weighted 70%), plus 0.25 x gaps filled ...'."""
    shown = [f"{LABELS[name]} {per_ranker[name][i]:+.1f}" + (f" (share {weights[name]:.0%})" if len(weights) > 1 else "")
             for name in sorted(weights, key=lambda n: -weights[n])]
    return (f"Ranks here by {' and '.join(shown)}, weighted {trust:.0%} (how well it predicts our partners' win "
            f"rates, at least {TRUST_FLOOR:.0%}), and by the demand it could serve in our accounts "
            f"and pipeline {reach_z:+.1f}, weighted {1 - trust:.0%}, plus {GAP_SHARE:g} x gaps filled {gap_z:+.1f} "
            "(standard deviations against the other candidates)")


def _profile(learned: Learned) -> Profile:
    lines, effects = profile_lines(learned.model, learned.outcomes, learned.currency)
    bt = learned.backtest
    return Profile(traits=lines, effects=[TraitEffect(**e) for e in effects],
                   partners_learned_from=len(learned.model.partner_scores),
                   model=prof.describe(learned.model),
                   ranking=f"Ranked by {DESCRIPTIONS['profile']}. {trust_sentence(learned.model)} {bt.reference()}",
                   ranker=next(iter(RANKING)), trust=round(learned.trust, 3),
                   backtest=RankerBacktest(chosen=next(iter(RANKING)), figures=bt.figures, shares=RANKING,
                                           partners_tested=bt.partners_tested, windows=bt.windows))


def _label(dimension: str, value: str) -> str:
    return COUNTRY_NAMES.get(value.upper(), value) if dimension == "country" else value


# --- reading and filtering ----------------------------------------------------------------------------


def _partners(ctx: ToolContext, scope: Scope) -> list[Company]:
    with ctx.records(scope) as rec:
        return [Company(key=p.partner_id, name=p.name, type=p.type, employees=p.employees, countries=p.countries or [],
                        industries=p.industries or [], competencies=p.competencies or [],
                        languages=p.languages or [], description=p.description, website=p.website)
                for p in rec.partners()]


def _candidates(ctx: ToolContext) -> list[Company]:
    with ctx.store.session() as session:  # the caller's scope was checked: recruit is internal only
        rows = session.scalars(select(PartnerCandidateRow).order_by(PartnerCandidateRow.candidate_id)).all()
        return [Company(key=r.candidate_id, name=r.name, type=r.type, employees=r.employees,
                        countries=[x.upper() for x in r.countries or []], industries=r.industries or [],
                        competencies=r.competencies or [], languages=r.languages or [], description=r.description,
                        website=r.website) for r in rows]


def _filters(ctx: ToolContext, scope: Scope, partners: list[Company], candidates: list[Company],
             country: str | None, industry: str | None, product: str | None) -> dict[str, str]:
    """The filters as given, checked: an unknown value is an error naming the values that exist."""
    out: dict[str, str] = {}
    if country:
        code = country_code_for(country)
        if code is None:
            raise BadInput(f"--country '{country}' is not a country: use an ISO 3166 code such as IT or a name "
                           "such as Italy")
        out["country"] = code
    known = _known_values(ctx, scope, partners, candidates)
    for flag, value in (("industry", industry), ("product", product)):
        if not value:
            continue
        found = known[flag].get(_fold(value))
        if found is None:
            listed = ", ".join(sorted(known[flag].values())[:20]) or "none"
            raise BadInput(f"--{flag} '{value}' is not a known {flag} (known: {listed})")
        out[flag] = found
    return out


def _fold(value: str) -> str:
    return " ".join(value.split()).casefold()


def _known_values(ctx: ToolContext, scope: Scope, partners: list[Company],
                  candidates: list[Company]) -> dict[str, dict[str, str]]:
    """Industries and products named anywhere in our data (folded -> as written), for the filters."""
    with ctx.records(scope) as rec:
        account_industries = [a.industry for a in rec.accounts() if a.industry]
        deal_products = [p for row in rec.session.scalars(select(Opportunity.products)) for p in row or []]
    values = {"industry": [x for c in partners + candidates for x in c.industries] + account_industries,
              "product": [x for c in partners + candidates for x in c.competencies] + deal_products}
    return {k: {_fold(v): v.strip() for v in vs if v and v.strip()} for k, vs in values.items()}


def filter_values(ctx: ToolContext, scope: Scope) -> dict[str, list[str]]:
    """The industries and products `recruit` can filter on (for chat: the ones a question names)."""
    scope.require("recruit")
    known = _known_values(ctx, scope, _partners(ctx, scope), _candidates(ctx))
    return {k: sorted(set(v.values())) for k, v in known.items()}


def _passes(c: Company, filters: dict[str, str]) -> bool:
    fold = str.casefold
    if "country" in filters and filters["country"] not in c.countries:
        return False
    if "industry" in filters and fold(filters["industry"]) not in {fold(x) for x in c.industries}:
        return False
    return not ("product" in filters and fold(filters["product"]) not in {fold(x) for x in c.competencies})


# --- assistant tool -------------------------------------------------------------------------------


class RecruitArgs(BaseModel):
    country: str | None = Field(None, description="Only candidates covering this country (ISO code or name).")
    industry: str | None = Field(None, description="Only candidates working in this industry.")
    product: str | None = Field(None, description="Only candidates with this product competency.")
    top: int = Field(10, ge=1, le=MAX_TOP, description="How many candidates.")


@register_tool("recruit_partners", args=RecruitArgs)
def recruit_tool(ctx: ToolContext, scope: Scope, args: RecruitArgs) -> RecruitResponse:
    """Which companies to recruit as new partners: partner_candidates ranked against the ideal partner
    profile learned from the current partners' results and against coverage gaps in our pipeline (by
    country, industry, product), with reasons and the partners each resembles. Channel managers and
    admins only."""
    return recruit(ctx, scope, args.country, args.industry, args.product, args.top)


