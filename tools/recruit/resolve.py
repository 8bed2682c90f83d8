"""Candidates that are already partners: the same registrable website domain, or the same name once legal
forms and punctuation are normalised (the account mapper's normaliser), allowing a near spelling."""
from __future__ import annotations

from rapidfuzz import fuzz

from tools.account_mapping.service import normalize_name_list, registrable_domain_list
from tools.recruit.traits import Company

NAME_SIMILARITY = 93  # rapidfuzz ratio on normalised names: a typo or a word order, not another company


def already_partners(candidates: list[Company], partners: list[Company]) -> dict[str, tuple[str, str]]:
    """candidate -> (partner_id, why) for each candidate that is one of our partners."""
    p_names = normalize_name_list([p.name for p in partners])
    p_domains = registrable_domain_list([p.website for p in partners])
    by_domain = {d: p.key for d, p in zip(p_domains, partners) if d}
    c_names = normalize_name_list([c.name for c in candidates])
    c_domains = registrable_domain_list([c.website for c in candidates])
    found = {}
    for cand, name, domain in zip(candidates, c_names, c_domains):
        if domain and domain in by_domain:
            found[cand.key] = (by_domain[domain], f"same website {domain}")
            continue
        if not name:
            continue
        best = max(((fuzz.ratio(name, pn), p) for pn, p in zip(p_names, partners) if pn),
                   key=lambda x: x[0], default=(0, None))
        if best[1] is not None and best[0] >= NAME_SIMILARITY:
            found[cand.key] = (best[1].key, f"same name as {best[1].name}")
    return found
