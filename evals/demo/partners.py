"""Partners: the curated roster plus seeded competencies, industries, staff, branding and hidden skills.

A partner's hidden skill per (industry, product) and per country drives which deals it wins (deals.py);
its description reveals its strongest pairs in prose, the way real partner profiles do, so semantic
matching has something true (but incomplete) to read.
"""
from __future__ import annotations

import datetime as dt
import random

from evals.demo.names import COUNTRIES, INDUSTRIES, PRODUCTS
from evals.demo.partner_list import partner_id_for, roster
from evals.demo.world import PartnerRec, lognormal, rng

COUNTRY_NAMES = {
    "US": "the United States", "CA": "Canada", "GB": "the United Kingdom", "IE": "Ireland", "AU": "Australia",
    "NZ": "New Zealand", "IN": "India", "DE": "Germany", "AT": "Austria", "CH": "Switzerland", "FR": "France",
    "BE": "Belgium", "LU": "Luxembourg", "ES": "Spain", "MX": "Mexico", "PT": "Portugal", "BR": "Brazil",
    "IT": "Italy", "NL": "the Netherlands", "SE": "Sweden", "NO": "Norway", "DK": "Denmark", "FI": "Finland",
    "PL": "Poland", "JP": "Japan",
}

# Fixed facts the planted situations and demos rely on (merged with the seeded draws).
MUST_COMPETENCIES = {
    "alpine": ("Lakehouse", "Governance", "AI Studio"), "sakura": ("Lakehouse", "AI Studio", "Streaming"),
    "keystone": ("Lakehouse", "Governance"), "cascade": ("Streaming",), "orion": ("Streaming",),
    "kingsbridge": ("Lakehouse",), "lonestar": ("Lakehouse", "AI Studio"), "fathom": ("Observability",),
    "lattice": ("Governance",), "ledgerline": ("Lakehouse",), "thames": ("Lakehouse",), "maple": ("Lakehouse",),
}
FIXED_INDUSTRIES = {
    "alpine": ("Manufacturing", "Automotive", "Financial Services"),
    "sakura": ("Manufacturing", "Telecommunications", "Automotive"),
    "ledgerline": ("Financial Services", "Insurance"), "fathom": ("Technology", "Telecommunications"),
    "lattice": ("Financial Services", "Healthcare", "Public Sector"),
    "keystone": ("Healthcare", "Financial Services", "Technology"),
}
FIXED_SHARING = {"alpine": "accounts", "sakura": "counts", "thames": "accounts", "keystone": "accounts",
                 "kingsbridge": "none"}

TIER_QUALITY = {"platinum": 1.6, "gold": 1.3, "silver": 1.0, "registered": 0.8}
TIER_CAPACITY = {"platinum": 3.0, "gold": 1.8, "silver": 1.0, "registered": 0.5}
TYPE_CAPACITY = {"distributor": 0.8, "marketplace": 0.6, "system_integrator": 1.2, "var": 1.0, "reseller": 1.0,
                 "consultancy": 0.8, "msp": 0.8, "isv": 0.5, "referral": 0.4, "influencer": 0.15}
TYPE_COMPETENCY_COUNT = {"distributor": (5, 5), "marketplace": (4, 5), "system_integrator": (3, 5),
                         "consultancy": (2, 4), "var": (2, 4), "reseller": (2, 4), "msp": (2, 3),
                         "isv": (1, 2), "referral": (1, 3), "influencer": (1, 3)}
TYPE_PHRASE = {"reseller": "reseller", "var": "value-added reseller", "distributor": "distributor",
               "system_integrator": "systems integrator", "isv": "software company (ISV)",
               "msp": "managed service provider", "referral": "referral partner",
               "influencer": "independent analyst and media house", "marketplace": "cloud marketplace",
               "consultancy": "data and analytics consultancy"}
TAGLINES = ("Data platforms that pay for themselves", "From raw data to decisions, faster",
            "Your data team, extended", "Engineering trust in every dataset", "Real-time insight, delivered",
            "Modern data, local expertise", "Where data meets business outcomes", "Cloud data, done right",
            "Analytics you can act on", "Building the data-driven enterprise")


def build_partners(seed: int, today: dt.date) -> list[PartnerRec]:
    partners = []
    for index, entry in enumerate(roster()):
        r = rng(seed, f"partner:{entry.key}")
        if entry.joined == "recent":
            joined = today - dt.timedelta(days=r.randint(25, 170))
        else:
            joined = dt.date(int(entry.joined), r.randint(1, 12), r.randint(1, 28))
        p = PartnerRec(
            partner_id=partner_id_for(index), key=entry.key, name=entry.name, brand_name=entry.brand_name,
            type=entry.type, tier=entry.tier, countries=list(entry.countries), city=entry.city,
            website=entry.website, joined_on=joined)
        _draw_profile(p, r)
        _draw_hidden_skill(p, r)
        partners.append(p)
    return partners


def describe_partners(seed: int, partners: list[PartnerRec]) -> None:
    """Written last: the description quotes certified staff, which tier settling may change."""
    for p in partners:
        p.description = describe(p, rng(seed, f"describe:{p.key}"))


def _draw_profile(p: PartnerRec, r: random.Random) -> None:
    lo, hi = TYPE_COMPETENCY_COUNT[p.type]
    if p.tier in ("platinum", "gold"):
        lo = min(hi, lo + 1)
    comps = list(MUST_COMPETENCIES.get(p.key, ()))
    others = [x for x in PRODUCTS if x not in comps]
    r.shuffle(others)
    comps += others[: max(0, r.randint(lo, hi) - len(comps))]
    p.competencies = [x for x in PRODUCTS if x in comps]  # stable product order
    if p.key in FIXED_INDUSTRIES:
        p.industries = list(FIXED_INDUSTRIES[p.key])
    else:
        count = 1 + (p.type != "isv") + (r.random() < 0.6) + (p.tier in ("platinum", "gold"))
        p.industries = r.sample(list(INDUSTRIES), count)
    per_comp = {"platinum": (4, 14), "gold": (2, 7), "silver": (1, 3), "registered": (0, 1)}[p.tier]
    if p.type in ("referral", "influencer"):
        per_comp = (0, 1)
    p.certified = {c: n for c in p.competencies if (n := r.randint(*per_comp)) > 0}
    langs: list[str] = []
    for code in p.countries:
        for tag in COUNTRIES[code].languages:
            if tag not in langs:
                langs.append(tag)
    if "en" not in langs and p.type != "influencer":
        langs.append("en")
    p.languages = langs
    red, green, blue = r.randint(10, 200), r.randint(30, 190), r.randint(40, 220)
    p.brand_color = f"#{red:02X}{green:02X}{blue:02X}"
    p.tagline = r.choice(TAGLINES)
    p.contact_email = f"{r.choice(['partners', 'marketing', 'hello', 'alliances'])}@{p.website}"
    p.account_sharing = FIXED_SHARING.get(p.key) or r.choices(
        ["none", "counts", "accounts"], weights=[0.2, 0.5, 0.3])[0]


def _draw_hidden_skill(p: PartnerRec, r: random.Random) -> None:
    """Skill = overall quality x industry affinity x product affinity x pair noise; zero outside competencies."""
    quality = lognormal(r, TIER_QUALITY[p.tier], 0.45)
    ind_aff = {i: (r.uniform(1.0, 2.2) if i in p.industries else r.uniform(0.05, 0.35)) for i in INDUSTRIES}
    prod_aff = {x: r.uniform(0.5, 1.8) for x in p.competencies}
    p.pair_skill = {(i, x): round(quality * ind_aff[i] * prod_aff[x] * lognormal(r, 1.0, 0.4), 4)
                    for i in INDUSTRIES for x in p.competencies}
    p.country_skill = {c: (1.0 if n == 0 else round(r.uniform(0.35, 0.85), 3)) for n, c in enumerate(p.countries)}
    p.capacity = round(TIER_CAPACITY[p.tier] * TYPE_CAPACITY[p.type] * lognormal(r, 1.0, 0.25), 3)


# --- the partner's self-description (free text for semantic matching) --------------------------------

PRODUCT_WORK = {
    "Lakehouse": ("migrated a legacy data warehouse to Northwind Lakehouse",
                  "consolidated finance and sales reporting on a lakehouse",
                  "replaced nightly batch ETL with an open-table lakehouse"),
    "Streaming": ("built real-time event pipelines on Northwind Streaming",
                  "moved order and sensor events to sub-second streaming",
                  "replaced a brittle message bus with managed streaming"),
    "Governance": ("rolled out a data catalogue with lineage and access policies",
                   "automated GDPR and audit evidence with Northwind Governance",
                   "introduced data contracts and column-level masking"),
    "AI Studio": ("put demand-forecasting models into production with AI Studio",
                  "built a retrieval-augmented assistant on governed data",
                  "industrialised MLOps for dozens of models"),
    "Observability": ("set up end-to-end data pipeline observability",
                      "cut data incidents with freshness and volume monitors",
                      "brought pipeline SLAs under 24/7 managed monitoring"),
}
INDUSTRY_CLIENTS = {
    "Financial Services": ("a regional bank", "a private bank", "an asset manager"),
    "Insurance": ("a property and casualty insurer", "a life insurer", "a mutual insurer"),
    "Retail": ("a fashion retailer", "a grocery chain", "an e-commerce marketplace"),
    "Consumer Goods": ("a food manufacturer", "a brewery group", "a household brands company"),
    "Manufacturing": ("a machine builder", "a precision components maker", "an industrial equipment group"),
    "Automotive": ("an automotive supplier", "a commercial vehicle maker", "a car dealer group"),
    "Healthcare": ("a hospital network", "a clinic group", "a home-care provider"),
    "Life Sciences": ("a pharmaceutical company", "a diagnostics lab", "a biotech scale-up"),
    "Telecommunications": ("a mobile operator", "a broadband provider", "a cable operator"),
    "Energy & Utilities": ("a municipal utility", "a renewable energy producer", "a grid operator"),
    "Public Sector": ("a city administration", "a tax authority", "a transport agency"),
    "Media & Entertainment": ("a broadcaster", "a publishing house", "a streaming service"),
    "Logistics": ("a freight forwarder", "a parcel carrier", "a port operator"),
    "Technology": ("a SaaS company", "a software vendor", "a payments start-up"),
}
OUTCOMES = {
    "Lakehouse": ("cutting report latency from hours to minutes", "reducing platform cost by {p}%",
                  "retiring {n} legacy data marts", "going live in {w} weeks"),
    "Streaming": ("bringing event latency under one second", "retiring a self-managed message bus",
                  "going live in {w} weeks"),
    "Governance": ("passing the regulator's audit without findings",
                   "answering lineage requests in days instead of weeks", "cutting access to personal data by {p}%"),
    "AI Studio": ("putting {n} models into production", "cutting manual work by {p}%", "going live in {w} weeks"),
    "Observability": ("halving data incidents", "meeting freshness objectives on 98% of days",
                      "going live in {w} weeks"),
}


def describe(p: PartnerRec, r: random.Random) -> str:
    top = sorted(p.pair_skill.items(), key=lambda kv: -kv[1])[:3]
    where = _join([COUNTRY_NAMES[c] for c in p.countries[:6]])
    industries = _join([i.lower() if i not in ("Public Sector",) else "public-sector" for i in p.industries])
    practices = _join([f"Northwind {c}" for c in p.competencies])
    phrase = TYPE_PHRASE[p.type]
    article = "an" if phrase[0] in "aeiou" else "a"
    intro = f"{p.name} is {article} {phrase} based in {p.city}, serving {industries} organisations in {where}."
    parts = [intro, f"Practice areas: {practices}."]
    refs = []
    if p.type in ("influencer", "referral"):  # they introduce and advise; they do not implement
        for (industry, product), _ in top[:2]:
            refs.append(f"introduced {r.choice(INDUSTRY_CLIENTS[industry])} to Northwind {product}")
        parts.append("Recent introductions: " + "; ".join(refs) + ".")
    else:
        for (industry, product), _ in top[:3]:
            outcome = r.choice(OUTCOMES[product]).format(n=r.randint(3, 9), w=r.randint(6, 16),
                                                         p=r.randint(15, 45))
            refs.append(f"for {r.choice(INDUSTRY_CLIENTS[industry])} we {r.choice(PRODUCT_WORK[product])}, {outcome}")
        parts.append("References: " + "; ".join(refs) + ".")
    staff = p.certified_total
    if staff:
        parts.append(f"{staff} consultants hold Northwind certifications.")
    if p.type == "msp":
        parts.append("We operate customer platforms 24/7 from our own service desk.")
    elif p.type in ("distributor", "marketplace"):
        parts.append("We handle procurement, billing and fulfilment for resellers and end customers.")
    elif p.type == "influencer":
        parts.append("We run a newsletter, webinars and community meetups for data leaders.")
    return " ".join(parts)


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
