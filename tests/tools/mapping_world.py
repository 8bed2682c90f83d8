"""A small ecosystem for account-mapping tests through every interface (tool, CLI, API, ask).

Three partners share rows; vendor and partner spellings differ, so a vendor account's name or id in an
answer can only have come from the vendor's side. `records_version` is set as ingest sets it, so the
mapping's version-keyed cache is the path under test.
"""
from __future__ import annotations

import csv
from pathlib import Path

from assistant.core.config import Settings
from assistant.engine.context import AppContext
from retrieval import records as R

PARTNERS = [("P1", "Alpine IT", "accounts"), ("P2", "Thames Data", "counts"), ("P3", "Sakura Systems", "none")]
ACCOUNTS = [  # vendor side: ids and spellings that never occur on a partner's side
    ("A-101", "Acme Corporation", "acme.com", "US", "customer"),
    ("A-102", "Northstar Bank N.A.", "northstarbank.com", "US", "prospect"),
    ("A-103", "Globex GmbH", "globex.de", "DE", "former_customer"),
    ("A-104", "Initech Software Limited", "initech.co.uk", "GB", "prospect"),
    ("A-105", "Umbrella Corporation", "umbrella.com", "US", "customer"),
    ("A-106", "Hooli Incorporated", "hooli.com", "US", "customer"),
    ("A-107", "Vandelay Industries Inc", "vandelay.com", "US", "prospect"),
]
OPEN_DEALS = [("O-1", "A-104", "proposal"), ("O-2", "A-105", "negotiation")]
ROWS = [  # partner side: (name, domain, country, status)
    ("ACME Corp.", "www.acme.com", "US", "customer"),
    ("Northstar Bank", "https://northstarbank.com/", "US", "customer"),
    ("Globex", "globex.de", "DE", "customer"),
    ("Initech Software", "initech.co.uk", "GB", "customer"),
    ("Umbrella Corp", "umbrella.com", "US", "open_opportunity"),
    ("Hooli", "hooli.com", "US", "prospect"),
    ("Vandelay Industries", None, "US", "customer"),
    ("Acme Logistics", "acmelogistics.com", "US", "customer"),
]
USERS = [("u-admin", "admin", None), ("u-cm", "channel_manager", None), ("u-mkt", "marketer", None),
         ("u-p1", "partner_seller", "P1"), ("u-p2", "partner_seller", "P2")]
SECRET = b"k" * 8 + b"-a-random-shared-secret-32b"


def build(home: Path, vendor_sharing: str = "counts") -> AppContext:
    ctx = AppContext(Settings(home=home))
    with ctx.store.session() as s:
        for pid, name, sharing in PARTNERS:
            s.add(R.Partner(partner_id=pid, name=name, type="reseller", tier="gold", account_sharing=sharing))
            s.add_all(R.PartnerAccount(row_key=f"{pid}-r{i}", partner_id=pid, account_name=n, domain=d, country=c,
                                       status=st, line=i + 1) for i, (n, d, c, st) in enumerate(ROWS, start=1))
        s.add_all(R.Account(account_id=a, name=n, domain=d, country=c, status=st) for a, n, d, c, st in ACCOUNTS)
        s.add_all(R.Opportunity(opportunity_id=o, account_id=a, name=o, stage=st) for o, a, st in OPEN_DEALS)
        s.add_all(R.User(user_id=u, name=u, role=role, partner_id=pid) for u, role, pid in USERS)
    ctx.store.set_meta("vendor", {"name": "Northwind", "account_sharing": vendor_sharing})
    ctx.store.set_meta("records_version", {"id": "world-1"})
    return ctx


def write_partner_csv(path: Path, partner_id: str = "P1", rows: list[tuple] = ROWS) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["partner_id", "account_name", "domain", "country", "status"])
        out.writerows([partner_id, n, d or "", c or "", st] for n, d, c, st in rows)
    return path


def vendor_strings() -> set[str]:
    """What only the vendor's side holds: account ids and the vendor's spellings."""
    return {a for a, *_ in ACCOUNTS} | {n for _, n, *_ in ACCOUNTS}


def set_vendor_sharing(ctx: AppContext, sharing: str, version: str = "world-2") -> None:
    """vendor.yaml's account_sharing changed, as a re-ingest would change it (with a new records version)."""
    ctx.store.set_meta("vendor", {"name": "Northwind", "account_sharing": sharing})
    ctx.store.set_meta("records_version", {"id": version})
