"""The vendor's accounts: realistic company names per country, with legal suffixes, domains and sizes.

`CompanyNamer` also invents the companies partners know and the vendor does not (mapping.py), so it
remembers every core name and domain it handed out: no accidental duplicates, no ambiguous truth.
"""
from __future__ import annotations

import random
import re
import unicodedata

from evals.demo.names import COUNTRIES, INDUSTRIES, NOUNS, OWNERS, PUBLIC_SECTOR, WORDS, region_of
from evals.demo.world import AccountRec, lognormal, rng

# Accounts every seed has: demos and tests name them.
SPECIAL_ACCOUNTS = (
    # name, core, suffix, domain, industry, country, employees
    ("Acme Corporation", "Acme", "Corporation", "acme.com", "Manufacturing", "US", 12400),
    ("Northstar Foods Inc.", "Northstar Foods", "Inc.", "northstarfoods.com", "Consumer Goods", "US", 3800),
)
INDUSTRY_WEIGHTS = {
    "Financial Services": 11, "Insurance": 6, "Retail": 9, "Consumer Goods": 7, "Manufacturing": 12,
    "Automotive": 5, "Healthcare": 8, "Life Sciences": 5, "Telecommunications": 5, "Energy & Utilities": 6,
    "Public Sector": 5, "Media & Entertainment": 5, "Logistics": 6, "Technology": 9,
}


def normalize(text: str) -> str:
    """Lowercase ASCII letters and digits only: how uniqueness of names is judged."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.lower())


GERMAN_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def slug(text: str, sep: str = "", german: bool = False) -> str:
    """Domain label for a name; German umlauts are written out the way German domains do (ae, oe, ue)."""
    text = text.translate(GERMAN_TRANSLITERATION) if german else text
    folded = unicodedata.normalize("NFKD", text.replace("&", " and ")).encode("ascii", "ignore").decode()
    return sep.join(re.findall(r"[a-z0-9]+", folded.lower()))


class CompanyNamer:
    """Invents unique company names and domains for a country and industry."""

    def __init__(self, r: random.Random):
        self.r = r
        self.cores: dict[str, str] = {}  # normalized core -> country
        self.domains: dict[str, bool] = {}

    def reserve(self, core: str, domain: str, country: str) -> None:
        self.cores[normalize(core)] = country
        self.domains[domain] = True

    def is_taken(self, core: str) -> bool:
        return normalize(core) in self.cores

    def make(self, country: str, industry: str) -> tuple[str, str, str, str]:
        """(name, core, suffix, domain)"""
        c = COUNTRIES[country]
        for attempt in range(60):
            core = self._core(c.group, c.cities, industry, attempt)
            if not self.is_taken(core):
                break
        else:  # pragma: no cover - the vocabulary is large enough
            core = f"{core} {self.r.randint(2, 99)}"
        suffix = "" if industry == "Public Sector" else self._suffix(c.suffixes)
        name = f"{core} {suffix}".strip()
        domain = self._domain(core, c.tld, country)
        self.reserve(core, domain, country)
        return name, core, suffix, domain

    def _core(self, group: str, cities: tuple[str, ...], industry: str, attempt: int) -> str:
        r = self.r
        if industry == "Public Sector":
            templates = PUBLIC_SECTOR.get(group, PUBLIC_SECTOR["en"])
            return r.choice(templates).format(city=r.choice(cities))
        if group != "en" and group != "ja" and r.random() < 0.08:
            group = "en"  # many European firms carry English brand names
        word = r.choice(WORDS[group])
        noun = r.choice(NOUNS[group][industry])
        if attempt > 30:  # crowded vocabulary: combine two words
            word = f"{word} {r.choice(WORDS[group])}"
        return f"{noun[1:]} {word}" if noun.startswith("+") else f"{word} {noun}"

    def _suffix(self, suffixes: tuple[str, ...]) -> str:
        weights = [0.5, 0.25, 0.15, 0.1, 0.06, 0.04][: len(suffixes)]
        return self.r.choices(list(suffixes), weights=weights)[0]

    def _domain(self, core: str, tld: str, country: str) -> str:
        base = slug(core, "-" if self.r.random() < 0.3 else "", german=COUNTRIES[country].group == "de")
        tld = ".com" if country == "US" or self.r.random() < 0.25 else tld
        domain = base + tld
        n = 2
        while domain in self.domains:
            domain = f"{base}{country.lower() if n == 2 else n}{tld}"
            n += 1
        return domain


def build_accounts(seed: int, scale: float) -> tuple[list[AccountRec], CompanyNamer]:
    r = rng(seed, "accounts")
    namer = CompanyNamer(rng(seed, "names"))
    accounts: list[AccountRec] = []
    for name, core, suffix, domain, industry, country, employees in SPECIAL_ACCOUNTS:
        namer.reserve(core, domain, country)
        accounts.append(_account(r, "", name, core, suffix, domain, industry, country, employees))
    target = max(round(1850 * scale), 60)
    codes = list(COUNTRIES)
    weights = [COUNTRIES[c].weight for c in codes]
    industries = list(INDUSTRIES)
    ind_weights = [INDUSTRY_WEIGHTS[i] for i in industries]
    while len(accounts) < target:
        country = r.choices(codes, weights=weights)[0]
        industry = r.choices(industries, weights=ind_weights)[0]
        name, core, suffix, domain = namer.make(country, industry)
        employees = int(min(250000, max(20, lognormal(r, 1100, 1.3))))
        accounts.append(_account(r, "", name, core, suffix, domain, industry, country, employees))
    r.shuffle(accounts)  # ids carry no meaning: Acme is not A-0001
    for n, acc in enumerate(accounts, start=1):
        acc.account_id = f"A-{n:04d}"
    return accounts, namer


def _account(r: random.Random, account_id: str, name: str, core: str, suffix: str, domain: str,
             industry: str, country: str, employees: int) -> AccountRec:
    revenue = round(employees * lognormal(r, 210000, 0.4), -3)
    owner = r.choice(OWNERS[region_of(country)])
    return AccountRec(account_id=account_id, name=name, core=core, suffix=suffix, domain=domain,
                      industry=industry, country=country, employees=employees, annual_revenue=revenue,
                      owner_email=f"{owner}@northwind.example")


def special_account(accounts: list[AccountRec], name: str) -> AccountRec:
    return next(a for a in accounts if a.name == name)
