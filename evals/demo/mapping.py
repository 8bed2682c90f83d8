"""partner_accounts.csv: what each partner shared from its own CRM, with the truth of every row.

Rows about the vendor's accounts are spelled the way another CRM would spell them (case, punctuation,
`&`/`and`, dropped or changed legal suffix, abbreviations, typos, `www.`/URL/country-TLD domains, missing
domains); the rest are companies the vendor does not have, and hard negatives that share a distinctive
word or the whole name with a vendor account but are a different company. Which vendor accounts a
partner knows follows its deal history before the backtest period and its hidden strengths.
"""
from __future__ import annotations

import datetime as dt
import math
import random

from evals.demo.accounts import CompanyNamer, normalize, slug, special_account
from evals.demo.mapping_variants import distinctive_word, vary_domain, vary_name
from evals.demo.names import COUNTRIES, INDUSTRIES, NEGATIVE_NOUNS
from evals.demo.world import BACKTEST_DAYS, AccountRec, PartnerRec, World, lognormal, rng

ROWS_AT_FULL_SCALE = 9000
BASE_ROWS = {"platinum": 320, "gold": 200, "silver": 120, "registered": 60}
TYPE_ROWS = {"distributor": 1.4, "marketplace": 1.3, "influencer": 0.3, "referral": 0.6, "isv": 0.7}
STATUSES = ("customer", "open_opportunity", "prospect")

# Rows every seed has, for the demo accounts: (partner key, name, domain, country, status, account or None)
FIXED_ROWS = (
    ("keystone", "ACME Corp.", "acme.com", "US", "customer", "Acme Corporation"),
    ("keystone", "Acme Logistics", "acmelogistics.com", "US", "prospect", None),
    ("keystone", "NorthStar Foods, Inc.", "www.northstarfoods.com", "US", "customer", "Northstar Foods Inc."),
    ("keystone", "Northstar Bank", "northstarbank.com", "US", "open_opportunity", None),
    ("cascade", "Acme Corp", "www.acme.com", "US", "open_opportunity", "Acme Corporation"),
    ("kingsbridge", "ACME Corporation", "acme.co.uk", "", "customer", "Acme Corporation"),
    ("lonestar", "acme corporation", "", "US", "prospect", "Acme Corporation"),
    ("lonestar", "Acme Logistics LLC", "acmelogistics.com", "US", "customer", None),
    ("southerncross", "Acme Corporation Pty Ltd", "acmecorp.com.au", "AU", "customer", None),
    ("summitridge", "Northstar Foods", "", "US", "prospect", "Northstar Foods Inc."),
    ("summitridge", "Northstar Bank N.A.", "northstarbank.com", "US", "customer", None),
)


def build_partner_accounts(world: World, namer: CompanyNamer) -> tuple[list[dict[str, str]], list[dict]]:
    sizes = _row_counts(world)
    history = _history(world)
    rows: list[dict[str, str]] = []
    truth: list[dict] = []
    for p in world.partners:
        r = rng(world.seed, f"mapping:{p.key}")
        items = _fixed_items(world, p) + _partner_items(world, namer, r, p, sizes[p.partner_id], history)
        r.shuffle(items)
        for row, account_id, variation in items:
            row["updated_on"] = (world.today - dt.timedelta(days=r.randint(3, 400))).isoformat()
            rows.append(row)
            truth.append({"partner_id": p.partner_id, "row": len(rows) + 1, "account_name": row["account_name"],
                          "account_id": account_id, "variation": variation})
    return rows, truth


def _row_counts(world: World) -> dict[str, int]:
    r = rng(world.seed, "mapping:sizes")
    raw = {p.partner_id: BASE_ROWS[p.tier] * TYPE_ROWS.get(p.type, 1.0) * lognormal(r, 1.0, 0.25)
           for p in world.partners}
    factor = ROWS_AT_FULL_SCALE * world.scale / sum(raw.values())
    return {pid: max(8, round(n * factor)) for pid, n in raw.items()}


def _history(world: World) -> dict[tuple[str, str], str]:
    """(partner, account) -> partner-side status implied by deals known before the backtest period."""
    test_start = world.today - dt.timedelta(days=BACKTEST_DAYS)
    out: dict[tuple[str, str], str] = {}
    for o in world.opportunities:
        if not o.partner_id or o.created_on >= test_start:
            continue
        key = (o.partner_id, o.account_id)
        if o.stage == "closed_won" and o.close_date < test_start:
            out[key] = "customer"
        elif o.is_open and out.get(key) != "customer":
            out[key] = "open_opportunity"
        else:
            out.setdefault(key, "prospect")
    return out


def _fixed_items(world: World, p: PartnerRec) -> list[tuple[dict[str, str], str | None, str]]:
    items = []
    for key, name, domain, country, status, account in FIXED_ROWS:
        if key != p.key:
            continue
        account_id = special_account(world.accounts, account).account_id if account else None
        items.append((_row(p, name, domain, country, status), account_id,
                      "fixed_variant" if account else "hard_negative_fixed"))
    return items


def _partner_items(world: World, namer: CompanyNamer, r: random.Random, p: PartnerRec, size: int,
                   history: dict[tuple[str, str], str]) -> list[tuple[dict[str, str], str | None, str]]:
    n_ours = int(size * r.uniform(0.55, 0.7))
    n_neg = max(1, int(size * r.uniform(0.07, 0.12)))
    skip = {"Acme Corporation", "Northstar Foods Inc."}
    ours = _pick_known_accounts(world, r, p, n_ours, history, skip)
    items = []
    for acc in ours:
        status = history.get((p.partner_id, acc.account_id)) or r.choices(STATUSES, weights=[0.35, 0.15, 0.5])[0]
        name, variation = vary_name(r, acc)
        domain, dom_var = vary_domain(r, acc)
        country = acc.country if r.random() < 0.85 else ""
        items.append((_row(p, name, domain, country, status), acc.account_id,
                      variation if dom_var == "same" else f"{variation}+{dom_var}"))
    for acc in _pick_negatives(r, world, p, n_neg):
        made = _hard_negative(r, namer, acc)
        if made:
            name, domain, country, variation = made
            items.append((_row(p, name, domain, country, r.choice(STATUSES)), None, variation))
    for _ in range(max(0, size - len(items))):
        country = r.choice(p.countries)
        industry = r.choice(p.industries if r.random() < 0.6 else list(INDUSTRIES))
        name, _core, _suffix, domain = namer.make(country, industry)
        domain = "" if r.random() < 0.25 else domain
        items.append((_row(p, name, domain, country, r.choices(STATUSES, weights=[0.4, 0.15, 0.45])[0]),
                      None, "not_ours"))
    return items


def _pick_known_accounts(world: World, r: random.Random, p: PartnerRec, count: int,
                         history: dict[tuple[str, str], str], skip: set[str]) -> list[AccountRec]:
    """Weighted sampling without replacement (Efraimidis-Spirakis keys): history first, then fit."""
    fit = {i: sum(p.skill(i, x) for x in p.competencies) / max(1, len(p.competencies)) for i in INDUSTRIES}
    keyed = []
    for acc in world.accounts:
        if acc.name in skip:
            continue
        local = acc.country in p.countries
        w = (1.0 if local else 0.005) * (0.3 + fit[acc.industry]) * (
            25.0 if (p.partner_id, acc.account_id) in history else 1.0)
        keyed.append((math.log(r.random() or 1e-12) / w, acc.account_id, acc))
    keyed.sort(key=lambda k: -k[0])
    return [acc for _k, _id, acc in keyed[:count]]


def _pick_negatives(r: random.Random, world: World, p: PartnerRec, count: int) -> list[AccountRec]:
    pool = [a for a in world.accounts if a.country in p.countries and a.industry != "Public Sector"]
    pool = pool or [a for a in world.accounts if a.industry != "Public Sector"]
    return r.sample(pool, min(count, len(pool)))


def _hard_negative(r: random.Random, namer: CompanyNamer, acc: AccountRec) -> tuple[str, str, str, str] | None:
    """A different company: shares a distinctive word, or the whole name in another country."""
    if r.random() < 0.7:
        word = distinctive_word(acc.core)
        if not word:
            return None
        for _ in range(10):
            core = f"{word} {r.choice(NEGATIVE_NOUNS)}"
            if not namer.is_taken(core):
                break
        else:
            return None
        country = acc.country
        domain = slug(core) + (COUNTRIES[country].tld if r.random() < 0.5 else ".com")
        suffix = r.choice(COUNTRIES[country].suffixes)
        namer.reserve(core, domain, country)
        return f"{core} {suffix}", domain, country, "hard_negative_shared_word"
    others = [c for c in COUNTRIES if c != acc.country]
    country = r.choice(others)
    domain = f"{slug(acc.core, '-')}-{r.choice(['group', 'holding', 'intl', country.lower()])}{COUNTRIES[country].tld}"
    if normalize(domain) == normalize(acc.domain):
        return None
    return f"{acc.core} {r.choice(COUNTRIES[country].suffixes)}", domain, country, "hard_negative_other_country"


def _row(p: PartnerRec, name: str, domain: str, country: str, status: str) -> dict[str, str]:
    return {"partner_id": p.partner_id, "account_name": name, "domain": domain, "country": country,
            "status": status, "updated_on": ""}
