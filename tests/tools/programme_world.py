"""A small import folder with programme records (DATA.md "Programme records"), for the registration,
lead and audit tests: two partners selling in Germany, three of our accounts, one open deal."""
from __future__ import annotations

from pathlib import Path

TODAY = "2026-03-02"

FILES = {
    "vendor.yaml": "name: Northwind\nregistration_protection_days: 30\nlead_accept_hours: 24\n",
    "partners.csv": (
        "partner_id,name,type,tier,countries,competencies,industries\n"
        "P-1,Alpine IT,var,gold,DE;AT,Lakehouse;Governance,Healthcare\n"
        "P-2,Rhein Systems,system_integrator,silver,DE,Lakehouse;Governance,Healthcare;Retail\n"
        "P-3,Iberia Cloud,reseller,registered,ES,Lakehouse,Retail\n"
    ),
    "accounts.csv": (
        "account_id,name,domain,country,industry,employees,status\n"
        "A-1,Kronos Kliniken GmbH,kronos-kliniken.example,DE,Healthcare,4000,prospect\n"
        "A-2,Baltic Freight AG,balticfreight.example,DE,Logistics,900,customer\n"
        "A-3,Madrid Retail SA,madridretail.example,ES,Retail,2000,prospect\n"
    ),
    "opportunities.csv": (
        "opportunity_id,account_id,name,stage,products,created_on,partner_id,partner_role,amount\n"
        "O-1,A-2,Freight lakehouse,proposal,Lakehouse,2026-01-10,P-2,sourced,50000\n"
        "O-2,A-3,Retail governance,closed_won,Governance,2025-06-01,P-3,sourced,30000\n"
    ),
    "users.csv": (
        "user_id,name,role,partner_id\n"
        "u-admin,Ada,admin,\nu-cm,Carl,channel_manager,\nu-mkt,Mia,marketer,\n"
        "u-ps1,Paul,partner_seller,P-1\nu-ps2,Petra,partner_seller,P-2\n"
    ),
    "deal_registrations.csv": (
        "registration_id,partner_id,account_name,domain,country,products,status,submitted_on,decided_on\n"
        "R-IMP-1,P-3,Madrid Retail,madridretail.example,ES,Governance,approved,2025-05-20,2025-05-25\n"
        "R-IMP-2,P-9,Nowhere Inc,,,,submitted,2026-01-01,\n"
        "R-IMP-3,P-1,Somewhere,,,,approved,2026-01-01,\n"
    ),
    "leads.csv": (
        "lead_id,company,domain,country,industry,products,employees,amount,source,created_on\n"
        "L-1,Kronos Kliniken,kronos-kliniken.example,DE,Healthcare,Governance,4000,80000,webinar,2026-02-20\n"
        "L-2,Baltic Freight,,DE,Logistics,Lakehouse,many,,website,2026-02-21\n"
    ),
    "mdf_activities.csv": (
        "activity_id,partner_id,name,kind,status,requested_amount\n"
        "M-1,P-1,Healthcare roadshow,event,requested,5000\n"
    ),
    "partner_candidates.csv": "candidate_id,name,type,countries\nC-1,Roma Data,system_integrator,IT\n",
}


def write_world(root: Path, overrides: dict[str, str | None] | None = None) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, text in {**FILES, **(overrides or {})}.items():
        if text is not None:
            (root / name).write_text(text, encoding="utf-8")
    return root
