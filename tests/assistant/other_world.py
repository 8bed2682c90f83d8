"""A second, unrelated ecosystem for routing and resolution: another vendor (a security company), other
products, partners, accounts, deal naming and ids. Nothing in the router or resolver may know these names;
if routing only worked on the demo's names, it fails here."""

from __future__ import annotations

import datetime as dt

from assistant.core.config import Settings
from assistant.engine.context import AppContext
from retrieval import records as R

TODAY = dt.date(2027, 5, 3)
D = dt.date

PARTNERS = [  # (id, name, brand, type, languages)
    ("HP-100", "Crimson Shield Networks LLC", "Crimson Shield", "var", ["en"]),
    ("HP-101", "ByteFortress GmbH", None, "system_integrator", ["de", "en"]),
    ("HP-102", "Kōyō Security Solutions K.K.", "Koyo Security", "msp", ["ja"]),
    ("HP-103", "NorthStar Cyber Pty Ltd", None, "reseller", ["en"]),
    ("HP-104", "Blue Harbor Consulting Group Inc.", None, "consultancy", ["en", "es"]),
    ("HP-105", "Securitas Integração de Sistemas Ltda.", "Securitas Integração", "system_integrator", ["pt"]),
    ("HP-106", "Vector Point Advisory LLC", None, "referral", ["en"]),
]
ACCOUNTS = [  # (id, name, country)
    ("AC-9001", "Riverbend Medical Center", "US"),
    ("AC-9002", "Quantum Freight Inc.", "US"),
    ("AC-9003", "Quantum Foods plc", "GB"),
    ("AC-9004", "Stadtwerke Ulm GmbH", "DE"),
    ("AC-9005", "Marisol Hoteles S.A.", "ES"),
    ("AC-9006", "Okinawa Ginkō K.K.", "JP"),
    ("AC-9007", "Pereira & Filhos Transportes Ltda.", "BR"),
]
DEALS = [  # (id, account, name, stage, amount, products, partner_id, registered_by)
    ("DEAL-501", "AC-9001", "Riverbend EDR rollout FY27", "negotiation", 240000, ["Sentinel EDR"], None,
     None),
    ("DEAL-502", "AC-9002", "Quantum Freight identity renewal", "proposal", 90000, ["Vault Identity"],
     "HP-100", None),
    ("DEAL-503", "AC-9002", "Quantum Freight SIEM expansion", "qualification", 410000, ["Beacon SIEM"],
     None, None),
    ("DEAL-504", "AC-9003", "Backup refresh", "prospecting", 55000, ["Harbor Backup"], None, None),
    ("DEAL-505", "AC-9004", "SWU zero trust programme", "proposal", 180000,
     ["Vault Identity", "Sentinel EDR"],
     "HP-101", "HP-101"),
    ("DEAL-506", "AC-9005", "Marisol SOC", "negotiation", 75000, ["Beacon SIEM"], "HP-104", None),
    ("DEAL-507", "AC-9006", "Okinawa Ginko endpoint", "proposal", 130000, ["Sentinel EDR"], "HP-102", None),
    ("DEAL-508", "AC-9001", "Riverbend backup pilot", "closed_won", 30000, ["Harbor Backup"], "HP-103", None),
    ("DEAL-509", "AC-9004", "SWU SIEM", "qualification", 95000, ["Beacon SIEM"], "HP-101", None),
    ("DEAL-510", "AC-9007", "Pereira identity", "proposal", 60000, ["Vault Identity"], "HP-105", "HP-105"),
]  # fmt: skip
KITS = [  # (kit_id, name, products)
    ("zero-trust-30", "Zero Trust in 30 days", ["Vault Identity"]),
    ("soc-modern", "Modern SOC with Beacon", ["Beacon SIEM"]),
    ("ransomware-ready", "Ransomware readiness", ["Harbor Backup", "Sentinel EDR"]),
]
USERS = [  # (id, role, partner_id, locale)
    ("h-admin", "admin", None, "en"),
    ("h-cm", "channel_manager", None, "en"),
    ("h-mkt", "marketer", None, "en"),
    ("h-ps-byte", "partner_seller", "HP-101", "de"),
    ("h-ps-koyo", "partner_seller", "HP-102", "ja"),
]


def build_other_world(home) -> AppContext:
    ctx = AppContext(Settings(home=home, today=TODAY))
    ctx.store.set_meta("vendor", {"name": "Helios Security", "default_locale": "en"})
    with ctx.store.session() as s:
        for pid, name, brand, type_, languages in PARTNERS:
            s.add(R.Partner(partner_id=pid, name=name, brand_name=brand, type=type_, tier="gold",
                            languages=languages))  # fmt: skip
        for aid, name, country in ACCOUNTS:
            s.add(R.Account(account_id=aid, name=name, status="prospect", country=country))
        for oid, aid, name, stage, amount, products, partner, reg in DEALS:
            s.add(R.Opportunity(opportunity_id=oid, account_id=aid, name=name, stage=stage, amount=amount,
                                products=products, partner_id=partner, registered_by=reg,
                                last_activity_on=D(2027, 4, 1)))  # fmt: skip
        for kit_id, name, products in KITS:
            s.add(R.CampaignKitRow(kit_id=kit_id, name=name, source=f"campaigns/{kit_id}.yaml",
                                   data={"products": products}))  # fmt: skip
        for uid, role, pid, locale in USERS:
            s.add(R.User(user_id=uid, name=uid, role=role, partner_id=pid, locale=locale))
        ctx.store.bump_records_version(s)  # as ingest does: the records' caches key on it
    return ctx
