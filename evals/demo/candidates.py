"""Companies Northwind might recruit as partners (DATA.md `partner_candidates.csv`), drawn after the world.

About 25 candidates of every type: most in countries the programme already covers, a few filling the
countries with the most open deals per partner (computed from the world, not fixed), and two that ARE existing
partners under a variant name and domain (entity resolution must flag them). truth/candidates.json says which.
"""
from __future__ import annotations

from collections import Counter

from evals.demo.names import COUNTRIES, INDUSTRIES, PRODUCTS
from evals.demo.world import World, rng

TYPES = ("reseller", "var", "system_integrator", "msp", "consultancy", "isv", "distributor", "referral")
STEMS = ("Data Works", "Analytics Group", "Cloud Partners", "Insight Consulting", "Platform Services",
         "Digital Engineering", "Stream Labs", "Information Systems", "Data Advisory", "Tech Solutions")
GAP_COUNTRIES = 2  # countries to fill: the most open deals per partner
GAP_CANDIDATES = 2  # candidates in each
TOTAL = 25


def build_candidates(world: World) -> tuple[list[dict[str, str]], dict]:
    r = rng(world.seed, "candidates")
    gaps = coverage_gaps(world)[:GAP_COUNTRIES]
    covered = sorted({c for p in world.partners for c in p.countries} & set(COUNTRIES))
    rows: list[dict[str, str]] = []
    used: set[str] = set()

    def new_name(country: str) -> tuple[str, str, str]:
        info = COUNTRIES[country]
        while True:
            city, stem = r.choice(info.cities), r.choice(STEMS)
            name = f"{city} {stem} {info.suffixes[0]}"
            if name not in used:
                used.add(name)
                slug = "".join(ch for ch in f"{city}{stem.split()[0]}".lower() if ch.isalnum() and ch.isascii())
                return name, f"{slug}{info.tld}", city

    countries = [c for c, _ in gaps for _ in range(GAP_CANDIDATES)]
    countries += [r.choice(covered) for _ in range(TOTAL - len(countries) - 2)]
    for country in countries:
        name, website, city = new_name(country)
        rows.append(_row(r, name, website, country, city))
    is_partner: dict[int, str] = {}  # id(row) -> the partner it really is
    for key, variant, domain in (("alpine", "Alpine I.T. Solutions GmbH", "www.alpine-it.de/en"),
                                 ("thames", "Thames Data Ltd.", "https://thamesdata.co.uk")):
        p = world.partner(key)
        row = _row(r, variant, domain, p.countries[0], p.city)
        row.update({"type": p.type, "industries": ";".join(p.industries), "competencies": ";".join(p.competencies),
                    "description": p.description.split(". ")[0].replace(p.name, variant) + ".",
                    "source": "trade show lead list"})
        rows.append(row)
        is_partner[id(row)] = p.partner_id
    rows = r.sample(rows, len(rows))  # the existing partners are not always last
    for n, row in enumerate(rows, start=1):
        row["candidate_id"] = f"C-{n:03d}"
    gap_countries = {c for c, _ in gaps}
    truth = {"existing_partners": [{"candidate_id": row["candidate_id"], "partner_id": is_partner[id(row)]}
                                   for row in rows if id(row) in is_partner],
             "coverage_gaps": [{"country": c, "open_deals": d, "partners": k} for c, (d, k) in gaps],
             "gap_candidates": [row["candidate_id"] for row in rows
                                if row["countries"] in gap_countries and id(row) not in is_partner]}
    return rows, truth


def coverage_gaps(world: World) -> list[tuple[str, tuple[int, int]]]:
    """Countries by open deals per partner selling there, most underserved first: (country, (deals, partners))."""
    deals = Counter(world.account(o.account_id).country for o in world.opportunities if o.is_open)
    partners = Counter(c for p in world.partners for c in p.countries)
    ranked = sorted(deals, key=lambda c: (-deals[c] / (partners[c] + 1), c))
    return [(c, (deals[c], partners[c])) for c in ranked if c in COUNTRIES]


def _row(r, name: str, website: str, country: str, city: str) -> dict[str, str]:
    info = COUNTRIES[country]
    industries = r.sample(INDUSTRIES, r.randint(1, 3))
    products = r.sample(PRODUCTS, r.randint(1, 3))
    kind = r.choice(TYPES)
    return {"candidate_id": "", "name": name, "type": kind, "website": website, "countries": country,
            "industries": ";".join(industries), "competencies": ";".join(products),
            "languages": ";".join(dict.fromkeys([*info.languages, "en"])),
            "description": f"{kind.replace('_', ' ').capitalize()} in {city} working on "
                           f"{' and '.join(p.lower() for p in products)} for {', '.join(industries).lower()}.",
            "employees": str(r.choice([12, 25, 40, 80, 150, 300, 700, 1500])),
            "source": r.choice(["inbound partner form", "event", "channel manager referral", "marketplace"])}
