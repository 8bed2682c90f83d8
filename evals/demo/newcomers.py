"""Recently joined partners at three stages of onboarding (issue 21), added after the world is built.

They are written as extra rows (partners, deals on existing accounts, activity, a seller each), never put into
`World`, so nothing drawn for the rest of the demo changes. Their planted progress, with the status each
onboarding step should have under the default plan (tools/onboarding/steps.py offsets), is written to
truth/onboarding.json:

- Kaiser Datentechnik (AT, joined 18 days ago): one training of two, nothing else yet; every step open.
- Lyon Analytique (FR, 55 days): trainings done, a first deal registered (open), one Lakehouse certification;
  the Streaming certification, certified staff for silver and the first win still open.
- Nordic Stream Partners (SE, 120 days): a first win (below silver's revenue), two certified in Streaming; the
  training (one of two) and the Observability certification overdue.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from evals.demo.users import channel_manager_for
from evals.demo.world import World, last_complete_months, money, rng


@dataclass(frozen=True)
class Newcomer:
    key: str
    name: str
    brand: str
    type: str
    country: str
    website: str
    days_ago: int
    competencies: tuple[str, ...]
    industries: tuple[str, ...]
    languages: tuple[str, ...]
    certified: dict[str, int]
    trainings: int  # completed since joining
    registered_deal: bool  # a first deal registered (open, in proposal)
    first_win: float | None  # amount of a first won deal
    seller: tuple[str, str, str, str]  # user_id, name, email local part, locale
    description: str
    expected: dict[str, str] = field(default_factory=dict)  # step (kind or kind:subject) -> status


NEWCOMERS = (
    Newcomer("kaiser", "Kaiser Datentechnik GmbH", "Kaiser Datentechnik", "var", "AT", "kaiser-datentechnik.at", 18,
             ("Lakehouse", "Governance"), ("Manufacturing", "Public Sector"), ("de", "en"), {}, 1, False, None,
             ("u-ps-kaiser", "Florian Kaiser", "florian.kaiser", "de"),
             "Austrian value-added reseller for data platforms in manufacturing and the public sector; new to "
             "Northwind, with SAP and ERP integration references in Upper Austria.",
             {"training": "open", "first_registration": "open", "certification:Lakehouse": "open",
              "certification:Governance": "open", "certified_staff": "open", "first_win": "open"}),
    Newcomer("lyon", "Lyon Analytique SAS", "Lyon Analytique", "system_integrator", "FR", "lyon-analytique.fr", 55,
             ("Lakehouse", "Streaming"), ("Retail", "Consumer Goods"), ("fr", "en"), {"Lakehouse": 1}, 2, True,
             None, ("u-ps-lyon", "Élodie Marchand", "elodie.marchand", "fr"),
             "System integrator in Lyon building lakehouse and real-time data projects for retailers and consumer "
             "goods brands in the Auvergne-Rhône-Alpes region.",
             {"training": "done", "first_registration": "done", "certification:Lakehouse": "done",
              "certification:Streaming": "open", "certified_staff": "open", "first_win": "open"}),
    Newcomer("nordic", "Nordic Stream Partners AB", "Nordic Stream", "msp", "SE", "nordicstream.se", 120,
             ("Streaming", "Observability"), ("Telecommunications", "Logistics"), ("sv", "en"), {"Streaming": 2},
             1, True, 45000.0, ("u-ps-nordic", "Astrid Lindqvist", "astrid.lindqvist", "en"),
             "Managed service provider in Stockholm running streaming and observability platforms for telecom "
             "and logistics operators in the Nordics.",
             {"training": "overdue", "first_registration": "done", "certification:Streaming": "done",
              "certification:Observability": "overdue", "certified_staff": "done", "first_win": "done"}),
)
_SLACK = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"


@dataclass
class NewcomerRows:
    partners: list[dict[str, str]] = field(default_factory=list)
    opportunities: list[dict[str, str]] = field(default_factory=list)
    activity: list[dict[str, str]] = field(default_factory=list)
    users: list[dict[str, str]] = field(default_factory=list)
    truth: list[dict] = field(default_factory=list)


def build_newcomers(world: World) -> NewcomerRows:
    r = rng(world.seed, "newcomers")
    out = NewcomerRows()
    next_partner = len(world.partners) + 1
    next_opp = len(world.opportunities) + 1
    for n in NEWCOMERS:
        pid, joined = f"P-{next_partner:03d}", world.today - dt.timedelta(days=n.days_ago)
        next_partner += 1
        out.partners.append(_partner_row(n, pid, joined))
        accounts = [a for a in world.accounts if a.country == n.country]
        deals = []
        if n.registered_deal:
            account = accounts[r.randrange(len(accounts))]
            created = joined + dt.timedelta(days=12)
            deals.append(_opp(f"OPP-{next_opp:04d}", account, f"{n.competencies[0]} pilot", "proposal", 60000.0,
                              created, world.today + dt.timedelta(days=45), n.competencies[0], pid, registered=True))
            next_opp += 1
        if n.first_win:
            account = accounts[r.randrange(len(accounts))]
            created = joined + dt.timedelta(days=20)
            deals.append(_opp(f"OPP-{next_opp:04d}", account, f"{n.competencies[0]} platform", "closed_won",
                              n.first_win, created, joined + dt.timedelta(days=95), n.competencies[0], pid,
                              registered=False))
            next_opp += 1
        out.opportunities += deals
        out.activity += _activity(r, n, pid, joined, world.today, deals)
        user_id, name, local, locale = n.seller
        out.users.append({"user_id": user_id, "name": name, "email": f"{local}@{n.website}",
                          "role": "partner_seller", "partner_id": pid,
                          "slack_user_id": "U0" + "".join(r.choice(_SLACK) for _ in range(8)), "locale": locale})
        out.truth.append({"partner_id": pid, "name": n.name, "joined_on": joined.isoformat(), "seller": user_id,
                          "deals": [d["opportunity_id"] for d in deals], "expected_status": n.expected})
    return out


def _partner_row(n: Newcomer, pid: str, joined: dt.date) -> dict[str, str]:
    return {"partner_id": pid, "name": n.name, "type": n.type, "tier": "registered", "website": n.website,
            "countries": n.country, "industries": ";".join(n.industries), "competencies": ";".join(n.competencies),
            "certified_staff": ";".join(f"{c}:{k}" for c, k in n.certified.items()),
            "languages": ";".join(n.languages), "joined_on": joined.isoformat(), "brand_name": n.brand,
            "brand_color": "#2E6F95", "tagline": f"{n.brand}: data, delivered", "contact_email": f"hello@{n.website}",
            "account_sharing": "counts", "description": n.description,
            "channel_manager": channel_manager_for(n.country.split(";"))}


def _opp(opp_id: str, account, what: str, stage: str, amount: float, created: dt.date, close: dt.date,
         product: str, pid: str, registered: bool) -> dict[str, str]:
    return {"opportunity_id": opp_id, "account_id": account.account_id, "name": f"{account.core} - {what}",
            "stage": stage, "amount": money(amount), "currency": "USD", "created_on": created.isoformat(),
            "close_date": close.isoformat(), "last_activity_on": min(close, created + dt.timedelta(days=30)).isoformat(),
            "products": product, "partner_id": pid, "partner_role": "sourced",
            "registered_by": pid if registered else "", "description": ""}


def _activity(r, n: Newcomer, pid: str, joined: dt.date, today: dt.date, deals: list[dict]) -> list[dict[str, str]]:
    """From the joining month to the last complete month: the planted trainings, registrations and
    certifications land in the first months; no MDF yet (registered tier)."""
    months = [m for m in last_complete_months(today, 18) if m >= f"{joined:%Y-%m}"] or [f"{joined:%Y-%m}"]
    registered = {d["created_on"][:7] for d in deals if d["registered_by"]}
    rows = []
    for i, month in enumerate(months):
        trainings = n.trainings if i == 0 else 0
        certs = sum(n.certified.values()) if i == min(1, len(months) - 1) else 0
        rows.append({"partner_id": pid, "month": month, "portal_logins": str(6 + r.randrange(10)),
                     "trainings_completed": str(trainings), "deals_registered": str(int(month in registered)),
                     "certifications_earned": str(certs), "mdf_allocated": money(0), "mdf_spent": money(0),
                     "psat": f"{7.5 + r.random():.1f}"})
    return rows
