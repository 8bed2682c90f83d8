"""Small import folders written by tests (DATA.md format)."""
from __future__ import annotations

from pathlib import Path

PARTNERS = """partner_id,name,type,tier,website,countries,competencies,languages
P1,Alpine IT,reseller,gold,alpine-it.example,DE;AT,Lakehouse,de
P2,Bay Systems,msp,silver,https://www.bay.example/about,US,Streaming,en
"""
ACCOUNTS = """account_id,name,domain,industry,country,status
A1,Acme Corporation,acme.com,Manufacturing,US,customer
A2,Globex GmbH,globex.de,Retail,DE,prospect
"""
OPPORTUNITIES = """opportunity_id,account_id,name,stage,amount,products,partner_id,partner_role,registered_by
O1,A1,Acme renewal,proposal,120000,Lakehouse,P1,sourced,
O2,A2,Globex new,qualification,50000,Streaming,,,P2
"""
USERS = """user_id,name,role,partner_id
u-admin,Ada,admin,
u-ps1,Sam,partner_seller,P1
u-ps2,Kim,partner_seller,P2
"""


def doc(title: str, visibility: str, body: str) -> str:
    return f"---\ntitle: {title}\nkind: policy\nvisibility: {visibility}\n---\n# {title}\n\n{body}\n"


DOCS = {
    "policies/deal-registration.md": doc(
        "Deal registration policy", "partners",
        "## Protection\n\nAn approved deal registration protects the partner for 90 days from approval. "
        "Extensions are granted once for another 30 days when the deal is in negotiation."),
    "internal/pricing.md": doc(
        "Pricing guidance", "internal",
        "## Discounts\n\nChannel managers may approve discounts up to 25 percent without finance review."),
    "partners/p2-plan.md": doc(
        "Joint plan with Bay Systems", "partner:P2",
        "## Goals\n\nBay Systems targets twelve new streaming customers in the retail vertical this year."),
}


def write_folder(root: Path, *, extra_docs: dict[str, str] | None = None, **overrides: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    files = {"partners.csv": PARTNERS, "accounts.csv": ACCOUNTS, "opportunities.csv": OPPORTUNITIES,
             "users.csv": USERS, **overrides}
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    for rel, text in {**DOCS, **(extra_docs or {})}.items():
        path = root / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
