"""Reasons a channel manager can check: the partners a candidate resembles with their figures, the
profile traits it has or lacks with the numbers of the partners behind them."""
from __future__ import annotations

import statistics

from tools.recruit.outcomes import Outcome
from tools.recruit.profile import Model, phrase, strongest
from tools.recruit.traits import SIZE_BANDS, SIZE_FEATURE, Company, readable

SIMILAR = 2  # partners named in `similar_to`
SHOWN_TRAITS = 2


def money(value: float, currency: str) -> str:
    if abs(value) >= 1e6:
        text = f"{value / 1e6:.1f}M"
    elif abs(value) >= 1e3:
        text = f"{value / 1e3:.0f}k"
    else:
        text = f"{value:.0f}"
    return f"{currency} {text}".strip()


def trait_stats(trait: str | None, model: Model, outcomes: dict[str, Outcome]) -> tuple[int, float, float | None]:
    """(partners, median won per year, pooled win rate) of the partners with `trait` (None: all partners)."""
    ids = [p for p, ts in model.partner_traits.items() if trait is None or trait in ts]
    if not ids:
        return 0, 0.0, None
    wins, closed = sum(outcomes[p].wins for p in ids), sum(outcomes[p].closed for p in ids)
    return (len(ids), float(statistics.median(outcomes[p].won_per_year for p in ids)),
            wins / closed if closed else None)


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _rate(rate: float | None) -> str:
    return "no closed deals" if rate is None else f"win rate {rate:.0%}"


def profile_lines(model: Model, outcomes: dict[str, Outcome], currency: str) -> tuple[list[str], list[dict]]:
    n_all, med_all, rate_all = trait_stats(None, model, outcomes)
    lines, effects = [], []
    for trait, effect in strongest(model):
        if trait == SIZE_FEATURE:
            lines.append(_size_line(model, outcomes, currency, effect))
            effects.append({"trait": trait, "partners": n_all, "effect": round(effect, 3),
                            "median_won_per_year": round(med_all, 2),
                            "win_rate": None if rate_all is None else round(rate_all, 3)})
            continue
        n, med, rate = trait_stats(trait, model, outcomes)
        effects.append({"trait": trait, "partners": n, "effect": round(effect, 3),
                        "median_won_per_year": round(med, 2), "win_rate": None if rate is None else round(rate, 3)})
        lines.append(f"{'Better' if effect > 0 else 'Weaker'} results: {trait} ({n} partners, median won "
                     f"{money(med, currency)} a year, {_rate(rate)}; all {n_all} partners: {money(med_all, currency)}"
                     f", {_rate(rate_all)})")
    if not lines:
        lines.append(f"No trait goes with better results among the {n_all} partners beyond chance; all partners: "
                     f"median won {money(med_all, currency)} a year, {_rate(rate_all)}")
    return lines, effects


def _size_line(model: Model, outcomes: dict[str, Outcome], currency: str, effect: float) -> str:
    bands = []
    for _, label in SIZE_BANDS:
        n, med, _ = trait_stats(f"size: {label} employees", model, outcomes)
        if n:
            bands.append(f"{label}: {money(med, currency)} ({n})")
    return (f"{'Better' if effect > 0 else 'Weaker'} results the bigger the company ({effect:+.2f} per tenfold "
            f"employees; median won a year by employees: {', '.join(bands)})")


def candidate_reasons(mine: set[str], features: dict[str, float], model: Model, outcomes: dict[str, Outcome],
                      currency: str) -> tuple[list[str], list[str]]:
    """(similar_to, reasons)."""
    reasons = []
    near = model.neighbours(mine, k=10)
    good = [(p, s, shared) for p, s, shared in near if model.partner_scores[p] > 0][:SIMILAR]
    if good:
        shared = set.intersection(*(x[2] for x in good))
        figures = " and ".join(f"{money(outcomes[p].won_per_year, currency)} a year ({outcomes[p].wins} of "
                               f"{outcomes[p].closed} deals won)" for p, _, _ in good)
        who = " and ".join(p for p, _, _ in good)
        reasons.append(f"{_upper_first(phrase(shared or good[0][2], model=model))} like {who}, which won "
                       f"{figures} since joining")
    similar = [p for p, _, _ in good]
    _, med_all, _ = trait_stats(None, model, outcomes)
    band = next((t for t in mine if t.startswith("size: ")), None)
    size = model.effect(SIZE_FEATURE) * features.get(SIZE_FEATURE, 0.0)
    has = sorted(((t, model.effect(t)) for t in mine if model.effect(t) >= 0.05), key=lambda e: -e[1])
    if band and size >= 0.05:
        has = sorted([*has, (band, size)], key=lambda e: -e[1])
    weak = sorted(((t, model.effect(t)) for t in mine if model.effect(t) <= -0.05), key=lambda e: e[1])
    if band and size <= -0.05:
        weak = sorted([*weak, (band, size)], key=lambda e: e[1])
    for trait, _ in has[:SHOWN_TRAITS]:
        n, med, rate = trait_stats(trait, model, outcomes)
        reasons.append(f"Profile: {readable(trait)}, like {n} partners with median won {money(med, currency)} a year "
                       f"(all partners {money(med_all, currency)}), {_rate(rate)}")
    for trait, _ in weak[:1]:
        n, med, rate = trait_stats(trait, model, outcomes)
        reasons.append(f"But {readable(trait)}: {n} partners like that won a median {money(med, currency)} a year, "
                       f"{_rate(rate)}")
    return similar, reasons


def peers_reason(company: Company, best: list[Company], outcomes: dict[str, Outcome], currency: str) -> str:
    """The peers ranker's evidence: how many of the best partners share the type and the countries."""
    kind = (company.type or "").strip().casefold()
    same_type = [p for p in best if (p.type or "").strip().casefold() == kind and kind]
    mine = {c.upper() for c in company.countries}
    same_country = [p for p in best if mine & {c.upper() for c in p.countries}]
    won = sorted(outcomes[p.key].won_per_year for p in best)
    what = (company.type or "unknown type").replace("_", " ")
    where = ", ".join(sorted(mine)) or "no country"
    named = " and ".join(p.key for p in same_type[:2])
    return (f"Like our best partners (the {len(best)} with the best results, median won "
            f"{money(statistics.median(won), currency)} a year): {len(same_type)} of them "
            f"{'is a' if len(same_type) == 1 else 'are'} {what}{'' if len(same_type) == 1 else 's'}"
            f"{f' like {named}' if named else ''}, {len(same_country)} cover {where}")


def reach_reason(company: Company, accounts: int, open_deals: int) -> str:
    """The demand a company could serve: our accounts and open deals in its countries and its industries."""
    where = ", ".join(sorted({c.upper() for c in company.countries})) or "no country"
    what = ", ".join(sorted(company.industries)) or "no industry"
    return (f"Could serve {accounts} of our account{'s' if accounts != 1 else ''} and {open_deals} open "
            f"deal{'s' if open_deals != 1 else ''} ({where} in {what})")
