"""A third vendor's world for Co-sell Copilot, written from the public contract alone (DATA.md, CLI.md).

    python -m evals.third_vendor.generate --out DIR

Halvard Secure sells cloud cybersecurity: identity and passwordless access (VaultEdge), endpoint detection
and response (SentryGrid), cloud security posture (CloudWarden) and email security (MailShield), through
MSPs, consultancies, VARs, distributors, referral partners and a marketplace. Reporting currency EUR.
Everything is drawn from one fixed seed, so two runs write byte-identical folders. "Today" for the world
is TODAY (score.py sets COSELL_TODAY to it).
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import re
import shutil
import unicodedata
from pathlib import Path

from evals.third_vendor import content as CONTENT

SEED = 53135
TODAY = dt.date(2026, 6, 18)
D = dt.date
VENDOR = "Halvard Secure"
PRODUCTS = ["VaultEdge", "SentryGrid", "CloudWarden", "MailShield"]
PROTECTION_DAYS = 60  # vendor.yaml registration_protection_days (programme/deal-registration.md)
QUARTER_MDF = {"registered": 0, "silver": 4000, "gold": 12000, "platinum": 30000}  # programme/mdf-guide.md
TIER_RULES = {  # programme/tiers-and-benefits.md
    "registered": (0, 0, 0),
    "silver": (50000, 2, 2),
    "gold": (250000, 6, 5),
    "platinum": (900000, 15, 12),
}
FIRST_MONTH = D(2024, 1, 1)
LAST_MONTH = D(2026, 5, 1)  # the last complete month before TODAY

USERS = [
    # user_id, name, role, partner_id, locale
    ("u-admin", "Sigrid Ekdahl", "admin", "", "en"),
    ("u-cm-latam", "Lucía Ferreyra", "channel_manager", "", "es"),
    ("u-cm-emea", "Margaux Lefebvre", "channel_manager", "", "fr"),
    ("u-cm-apac", "Kenji Morimoto", "channel_manager", "", "ja"),
    ("u-mkt-br", "Beatriz Salles", "marketer", "", "pt-BR"),
    ("u-mkt-en", "Olivia Brandt", "marketer", "", "en"),
    ("ps-lumen-giulia", "Giulia Ferretti", "partner_seller", "PA-101", "en"),
    ("ps-veld-daan", "Daan Veldkamp", "partner_seller", "PA-102", "en"),
    ("ps-nordvakt-elin", "Elin Sandberg", "partner_seller", "PA-103", "en"),
    ("ps-boreale-luc", "Luc Tremblay", "partner_seller", "PA-104", "fr-CA"),
    ("ps-atlant-chloe", "Chloé Martin", "partner_seller", "PA-105", "fr"),
    ("ps-andina-camilo", "Camilo Restrepo", "partner_seller", "PA-106", "es"),
    ("ps-austral-valen", "Valentina Rojas", "partner_seller", "PA-107", "es"),
    ("ps-guarita-rafa", "Rafael Nogueira", "partner_seller", "PA-108", "pt-BR"),
    ("ps-guarita-ana", "Ana Luiza Prado", "partner_seller", "PA-108", "pt-BR"),
    ("ps-tsubasa-haruka", "Haruka Ishikawa", "partner_seller", "PA-109", "ja"),
    ("ps-tsubasa-ren", "Ren Okada", "partner_seller", "PA-109", "ja"),
    ("ps-alpen-jonas", "Jonas Zehnder", "partner_seller", "PA-113", "de-CH"),
    ("ps-kaveri-arjun", "Arjun Menon", "partner_seller", "PA-111", "en"),
]

# partner_id, name, brand, type, tier, countries, languages, industries, competencies, joined_on, cm, sharing
PARTNERS = [
    ("PA-101", "Lumen Sicurezza S.r.l.", "Lumen", "msp", "gold", "IT", "it;en", "Financial Services;Transportation",
     "SentryGrid;MailShield;VaultEdge", D(2023, 4, 3), "u-cm-emea", "accounts"),
    ("PA-102", "Veldhuis Cyber B.V.", "Veldhuis Cyber", "var", "silver", "NL;BE", "nl;en", "Retail;Manufacturing",
     "MailShield;SentryGrid", D(2023, 9, 12), "u-cm-emea", "counts"),
    ("PA-103", "Nordvakt AB", "Nordvakt", "msp", "platinum", "SE;NO;DK;FI", "sv;no;en",
     "Financial Services;Public Sector;Energy", "VaultEdge;SentryGrid;CloudWarden;MailShield", D(2022, 11, 1),
     "u-cm-emea", "accounts"),
    ("PA-104", "Sécurité Boréale inc.", "Boréale", "consultancy", "gold", "CA", "fr;en", "Public Sector;Healthcare",
     "VaultEdge;CloudWarden", D(2023, 2, 20), "u-cm-emea", "counts"),
    ("PA-105", "Atlantique Numérique SAS", "Atlantique Numérique", "reseller", "silver", "FR", "fr",
     "Healthcare;Education", "MailShield;SentryGrid", D(2024, 1, 15), "u-cm-emea", "none"),
    ("PA-106", "Ciberdefensa Andina S.A.S.", "Ciberdefensa Andina", "msp", "gold", "CO;PE;EC", "es",
     "Financial Services;Energy", "SentryGrid;CloudWarden;VaultEdge", D(2022, 8, 8), "u-cm-latam", "accounts"),
    ("PA-107", "Escudo Austral SpA", "Escudo Austral", "var", "silver", "CL;AR", "es", "Mining;Retail",
     "SentryGrid;MailShield", D(2023, 6, 1), "u-cm-latam", "counts"),
    ("PA-108", "Guarita Digital Ltda.", "Guarita", "msp", "gold", "BR", "pt-BR", "Agriculture;Healthcare;Retail",
     "SentryGrid;MailShield;CloudWarden", D(2022, 10, 3), "u-cm-latam", "accounts"),
    ("PA-109", "Tsubasa Security株式会社", "Tsubasa Security", "system_integrator", "platinum", "JP", "ja",
     "Financial Services;Manufacturing", "VaultEdge;CloudWarden;SentryGrid", D(2022, 5, 16), "u-cm-apac",
     "counts"),
    ("PA-110", "Hanbit Secure Co., Ltd.", "Hanbit Secure", "distributor", "gold", "KR", "ko;en",
     "Manufacturing;Telecommunications", "SentryGrid;VaultEdge;MailShield;CloudWarden", D(2023, 3, 6), "u-cm-apac",
     "counts"),
    ("PA-111", "Kaveri Cloud Defence Pvt Ltd", "Kaveri Cloud Defence", "consultancy", "registered", "IN",
     "en;hi", "Financial Services;Healthcare", "CloudWarden;VaultEdge", D(2026, 5, 7), "u-cm-apac", "counts"),
    ("PA-112", "Southern Cross Referrals Pty Ltd", "Southern Cross", "referral", "silver", "AU;NZ", "en",
     "Education;Public Sector", "MailShield", D(2024, 3, 4), "u-cm-apac", "counts"),
    ("PA-113", "Alpenwacht AG", "Alpenwacht", "consultancy", "silver", "CH;AT", "de;fr", "Financial Services;Healthcare",
     "VaultEdge;CloudWarden", D(2023, 10, 2), "u-cm-emea", "accounts"),
    ("PA-114", "Mercado Seguro Distribución S.A. de C.V.", "Mercado Seguro", "distributor", "gold", "MX", "es",
     "Retail;Manufacturing", "SentryGrid;MailShield", D(2023, 1, 9), "u-cm-latam", "counts"),
    ("PA-115", "Cloudbazaar Marketplace Ltd", "Cloudbazaar", "marketplace", "gold", "AU;NZ;SG", "en",
     "Education;Retail", "MailShield;CloudWarden", D(2023, 7, 17), "u-cm-apac", "none"),
    ("PA-116", "Torre Vigía Consultores S.L.", "Torre Vigía", "consultancy", "silver", "ES", "es",
     "Public Sector;Healthcare", "VaultEdge;CloudWarden", D(2024, 2, 12), "u-cm-emea", "counts"),
    ("PA-117", "Baía Segura Tecnologia", "Baía Segura", "reseller", "registered", "BR;PT", "pt-BR;pt", "Retail",
     "MailShield", D(2025, 5, 19), "u-cm-latam", "counts"),
    ("PA-118", "Oranje Bastion B.V.", "Oranje Bastion", "msp", "gold", "NL", "nl;en", "Financial Services;Logistics",
     "SentryGrid;CloudWarden;MailShield", D(2022, 9, 5), "u-cm-emea", "accounts"),
    ("PA-119", "Dansk Skjold ApS", "Dansk Skjold", "var", "silver", "DK", "da;en", "Manufacturing;Energy",
     "SentryGrid;VaultEdge", D(2023, 11, 20), "u-cm-emea", "counts"),
    ("PA-120", "Polar Gate Oy", "Polar Gate", "msp", "silver", "FI;EE", "fi;en", "Public Sector;Education",
     "MailShield;SentryGrid", D(2022, 12, 12), "u-cm-emea", "counts"),
    ("PA-121", "Bengal Bay Infosec LLP", "Bengal Bay", "reseller", "silver", "IN;BD", "en;hi", "Manufacturing;Retail",
     "SentryGrid;MailShield", D(2024, 6, 3), "u-cm-apac", "counts"),
    ("PA-122", "Loire Cyber Conseil SARL", "Loire Cyber", "consultancy", "gold", "FR;BE", "fr", "Healthcare;Public Sector",
     "VaultEdge;SentryGrid;CloudWarden", D(2022, 7, 11), "u-cm-emea", "accounts"),
    ("PA-123", "Pampa Redes S.R.L.", "Pampa Redes", "var", "registered", "AR;UY", "es", "Agriculture;Retail",
     "MailShield", D(2025, 9, 1), "u-cm-latam", "counts"),
    ("PA-124", "Sakura Cloud Partners合同会社", "Sakura Cloud Partners", "referral", "silver", "JP", "ja",
     "Retail;Education", "MailShield;VaultEdge", D(2024, 4, 8), "u-cm-apac", "counts"),
    ("PA-125", "Busan Harbor Systems", "Busan Harbor", "system_integrator", "silver", "KR", "ko;en",
     "Logistics;Manufacturing", "CloudWarden;SentryGrid", D(2024, 8, 19), "u-cm-apac", "counts"),
    ("PA-126", "Andes Nube Marketplace S.A.", "Andes Nube", "marketplace", "silver", "CL;PE;CO", "es",
     "Retail;Education", "MailShield;CloudWarden", D(2024, 5, 6), "u-cm-latam", "counts"),
    ("PA-127", "Kiwi Patrol Security Ltd", "Kiwi Patrol", "msp", "registered", "NZ", "en", "Agriculture;Public Sector",
     "SentryGrid", D(2025, 11, 3), "u-cm-apac", "counts"),
    ("PA-128", "Fiordo Influence Lab", "Fiordo", "influencer", "registered", "NO", "no;en", "Energy",
     "CloudWarden", D(2025, 3, 10), "u-cm-emea", "counts"),
    ("PA-129", "Lisboa Defesa Digital Lda", "Lisboa Defesa", "reseller", "silver", "PT", "pt;en",
     "Public Sector;Retail", "MailShield;VaultEdge", D(2023, 12, 4), "u-cm-emea", "counts"),
    ("PA-130", "Monterrey CiberSOC", "CiberSOC", "msp", "gold", "MX;GT", "es", "Manufacturing;Financial Services",
     "SentryGrid;CloudWarden", D(2022, 6, 20), "u-cm-latam", "accounts"),
    ("PA-131", "Outback Identity Consulting", "Outback Identity", "consultancy", "silver", "AU", "en",
     "Mining;Financial Services", "VaultEdge", D(2024, 9, 9), "u-cm-apac", "counts"),
    ("PA-132", "Bharat SecureWorks Pvt Ltd", "Bharat SecureWorks", "isv", "gold", "IN", "en",
     "Telecommunications;Financial Services", "CloudWarden;VaultEdge;SentryGrid", D(2023, 5, 22), "u-cm-apac",
     "counts"),
]

PLANT = {
    "stalled": "PA-101", "short_of_tier": "PA-107", "near_next": "PA-106", "onboarding": "PA-111",
    "at_risk": "PA-120",
}

COUNTRY_NAMES = {
    "IT": (["Banca", "Ferrovie", "Acciaierie", "Farmacie", "Assicurazioni", "Porto", "Cantine", "Ospedali"],
           ["Valtellina", "Adriatiche", "Lombarde", "del Tirreno", "Padane", "Ligure", "Etrusca", "Sabauda"], "it"),
    "NL": (["Zeeland", "Rijnmond", "Veluwe", "Amstel", "Noordzee", "Waal"], ["Logistiek", "Bank", "Retail",
                                                                          "Staal", "Zorg", "Verzekeringen"], "nl"),
    "BE": (["Brabant", "Schelde", "Ardennes"], ["Distributie", "Santé", "Chemie"], "be"),
    "SE": (["Norrland", "Göta", "Mälar", "Skåne"], ["Kraft", "Försäkring", "Bank", "Logistik"], "se"),
    "NO": (["Vestland", "Trondheim", "Lofoten"], ["Energi", "Sparebank", "Havbruk"], "no"),
    "DK": (["Jylland", "Fyn", "Øresund"], ["Vind", "Mejeri", "Rederi"], "dk"),
    "FI": (["Saimaa", "Lappi", "Pohjola"], ["Energia", "Koulutus", "Kunta"], "fi"),
    "EE": (["Tallinna", "Tartu"], ["Sadam", "Ülikool"], "ee"),
    "CA": (["Hydro", "Caisse", "Santé", "Université"], ["Laurentides", "Outaouais", "Mauricie", "Gaspésie"], "ca"),
    "FR": (["Groupe Hospitalier", "Lycées", "Mutuelle", "Clinique", "Académie"], ["Loire", "Bretagne", "Provence",
                                                                                 "Alsace", "Vendée"], "fr"),
    "CO": (["Banco", "Energía", "Seguros", "Clínica"], ["del Cauca", "Antioquia", "Caribe", "Boyacá"], "co"),
    "PE": (["Minera", "Banco"], ["Arequipa", "Cusco"], "pe"),
    "EC": (["Petro", "Cooperativa"], ["Guayas", "Pichincha"], "ec"),
    "CL": (["Minera", "Retail", "Viña"], ["Atacama", "Biobío", "Maule"], "cl"),
    "AR": (["Agro", "Supermercados", "Frigorífico"], ["Pampeano", "del Litoral", "Cuyo"], "ar"),
    "UY": (["Lácteos"], ["Colonia"], "uy"),
    "BR": (["Cooperativa", "Hospital", "Rede", "Agro"], ["Vale Verde", "Paulista", "Cerrado", "Serra Gaúcha",
                                                          "Curitiba"], "br"),
    "PT": (["Câmara", "Farmácias"], ["Douro", "Alentejo"], "pt"),
    "JP": (["Kansai", "Tohoku", "Setouchi", "Hokuriku"], ["Shinkin Bank", "Precision", "Logistics", "Insurance"],
           "jp"),
    "KR": (["Hangang", "Incheon", "Daegu"], ["Motors", "Telecom", "Shipping"], "kr"),
    "IN": (["Deccan", "Konkan", "Malabar", "Narmada"], ["Finance", "Pharma", "Textiles", "Health"], "in"),
    "BD": (["Padma"], ["Garments"], "bd"),
    "AU": (["Pilbara", "Murray", "Tasman", "Kimberley Coast"], ["Minerals", "Health", "University", "Energy"], "au"),
    "NZ": (["Waikato", "Canterbury"], ["Dairy", "Council"], "nz"),
    "SG": (["Straits"], ["Retail"], "sg"),
    "ES": (["Hospital", "Consorcio", "Ayuntamiento"], ["de Aragón", "del Ebro", "Cantábrico"], "es"),
    "CH": (["Kantonsspital", "Privatbank", "Versicherung"], ["Graubünden", "Thurgau", "Luzern"], "ch"),
    "AT": (["Stadtwerke", "Klinikum"], ["Kärnten", "Tirol"], "at"),
    "MX": (["Cementos", "Autopartes", "Tiendas"], ["del Bajío", "Norteños", "Sonora"], "mx"),
    "GT": (["Café"], ["Atitlán"], "gt"),
}

INDUSTRY_BY_WORD = {
    "Banca": "Financial Services", "Bank": "Financial Services", "Banco": "Financial Services",
    "Sparebank": "Financial Services", "Caisse": "Financial Services", "Privatbank": "Financial Services",
    "Assicurazioni": "Financial Services", "Seguros": "Financial Services", "Mutuelle": "Financial Services",
    "Versicherung": "Financial Services", "Försäkring": "Financial Services", "Finance": "Financial Services",
    "Insurance": "Financial Services", "Shinkin Bank": "Financial Services", "Cooperativa": "Agriculture",
    "Ospedali": "Healthcare", "Groupe Hospitalier": "Healthcare", "Clinique": "Healthcare", "Clínica": "Healthcare",
    "Hospital": "Healthcare", "Kantonsspital": "Healthcare", "Klinikum": "Healthcare", "Santé": "Healthcare",
    "Health": "Healthcare", "Zorg": "Healthcare", "Pharma": "Healthcare", "Farmacie": "Healthcare",
    "Farmácias": "Healthcare", "Ferrovie": "Transportation", "Porto": "Transportation", "Logistiek": "Logistics",
    "Logistik": "Logistics", "Logistics": "Logistics", "Rederi": "Logistics", "Shipping": "Logistics",
    "Lycées": "Education", "Académie": "Education", "Université": "Education", "University": "Education",
    "Koulutus": "Education", "Ülikool": "Education", "Minera": "Mining", "Minerals": "Mining",
    "Energía": "Energy", "Energi": "Energy", "Energia": "Energy", "Energy": "Energy", "Hydro": "Energy",
    "Kraft": "Energy", "Vind": "Energy", "Petro": "Energy", "Stadtwerke": "Energy",
    "Agro": "Agriculture", "Frigorífico": "Agriculture", "Lácteos": "Agriculture", "Dairy": "Agriculture",
    "Mejeri": "Agriculture", "Havbruk": "Agriculture", "Café": "Agriculture", "Viña": "Agriculture",
    "Cantine": "Agriculture", "Retail": "Retail", "Supermercados": "Retail", "Tiendas": "Retail",
    "Rede": "Retail", "Distributie": "Retail", "Telecom": "Telecommunications", "Council": "Public Sector",
    "Kunta": "Public Sector", "Câmara": "Public Sector", "Ayuntamiento": "Public Sector", "Consorcio": "Public Sector",
    "Sadam": "Transportation", "Motors": "Manufacturing", "Precision": "Manufacturing", "Acciaierie": "Manufacturing",
    "Staal": "Manufacturing", "Chemie": "Manufacturing", "Textiles": "Manufacturing", "Garments": "Manufacturing",
    "Cementos": "Manufacturing", "Autopartes": "Manufacturing", "Verzekeringen": "Financial Services",
}

DIGEST_NOTE = "Generated by evals/third_vendor/generate.py (seed %d, today %s)." % (SEED, TODAY)


def slug(text: str) -> str:
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")


def _write_csv(path: Path, header: list[str], rows: list[dict]):
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: ("" if r.get(k) is None else r.get(k)) for k in header})


def days_(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def _m(x: float) -> str:
    return f"{x:.2f}"


def _months(a: dt.date, b: dt.date):
    y, m = a.year, a.month
    while (y, m) <= (b.year, b.month):
        yield D(y, m, 1)
        m += 1
        if m == 13:
            y, m = y + 1, 1


class World:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.partners, self.accounts, self.opps, self.pacc, self.activity = [], [], [], [], []
        self.users, self.leads, self.regs, self.mdf, self.candidates = [], [], [], [], []
        self._names: set[str] = set()

    # -------------------------------------------------------------- accounts
    def _account(self, country: str, name: str | None = None, status: str | None = None) -> dict:
        r = self.rng
        if name is None:
            pre, suf, _ = COUNTRY_NAMES[country]
            for _ in range(200):
                name = f"{r.choice(pre)} {r.choice(suf)}"
                if name not in self._names:
                    break
            else:
                name = f"{r.choice(pre)} {r.choice(suf)} {len(self._names)}"
        if name in self._names:
            name = f"{name} {country}"
        self._names.add(name)
        first = name.split(" ")[0]
        industry = INDUSTRY_BY_WORD.get(first) or INDUSTRY_BY_WORD.get(" ".join(name.split(" ")[:2]), "Manufacturing")
        tld = COUNTRY_NAMES[country][2]
        acc = {"account_id": f"AC-{1001 + len(self.accounts)}", "name": name,
               "domain": f"{slug(name)}.{tld}.example", "industry": industry, "country": country,
               "employees": r.choice([80, 150, 300, 650, 1200, 2500, 5000, 12000]),
               "annual_revenue": _m(r.choice([8, 20, 45, 120, 300, 900]) * 1_000_000),
               "status": status or r.choice(["customer", "customer", "prospect", "prospect", "former_customer"]),
               "owner_email": r.choice(["nils.berg", "paula.ortiz", "akira.sato", "claire.dubois"]) + "@halvard.example"}
        self.accounts.append(acc)
        return acc

    def _opp(self, acc: dict, stage: str, amount: int, created: dt.date, close: dt.date, last: dt.date | None,
             products: list[str], partner: str | None = None, role: str | None = None,
             registered_by: str | None = None, mdf: str | None = None, desc: str = "") -> dict:
        o = {"opportunity_id": f"DL-{30001 + len(self.opps)}", "account_id": acc["account_id"],
             "name": f"{acc['name']} - {products[0]}", "stage": stage, "amount": _m(amount), "currency": "EUR",
             "created_on": created.isoformat(), "close_date": close.isoformat(),
             "last_activity_on": (last or close).isoformat(), "products": ";".join(products),
             "partner_id": partner, "partner_role": role if partner else None, "registered_by": registered_by,
             "mdf_activity_id": mdf, "description": desc}
        self.opps.append(o)
        return o

    # -------------------------------------------------------------- build
    def build(self) -> World:
        r = self.rng
        for (pid, name, brand, typ, tier, countries, langs, inds, comps, joined, cm, sharing) in PARTNERS:
            nstaff = {"registered": 0, "silver": 3, "gold": 7, "platinum": 16}[tier]
            cl = comps.split(";")
            staff = dict.fromkeys(cl, 0)
            for i in range(nstaff):
                staff[cl[i % len(cl)]] += 1
            self.partners.append({
                "partner_id": pid, "name": name, "type": typ, "tier": tier,
                "website": f"{slug(brand)}.example", "countries": countries, "industries": inds,
                "competencies": comps, "certified_staff": ";".join(f"{k}:{v}" for k, v in staff.items() if v),
                "languages": langs, "joined_on": joined.isoformat(), "brand_name": brand,
                "brand_color": "#%06X" % r.randrange(0, 0xFFFFFF), "tagline": f"{brand}: security that stays on",
                "contact_email": f"hello@{slug(brand)}.example", "account_sharing": sharing,
                "description": f"{brand} is a {typ.replace('_', ' ')} in {countries.replace(';', ', ')} serving "
                               f"{inds.replace(';', ' and ')} with Halvard {comps.replace(';', ', ')}.",
                "channel_manager": cm, "employees": r.choice([12, 35, 80, 160, 420, 900])})
        self._tune_certs()
        for pid in [p[0] for p in PARTNERS]:
            self._partner_deals(pid)
        self._direct_deals()
        self._planted()
        self._tune_tiers()
        self._partner_accounts()
        self._activity()
        self._mdf()
        self._leads()
        self._candidates()
        self.users = [{"user_id": u, "name": n, "email": f"{u}@example.com", "role": role, "partner_id": pid or None,
                       "slack_user_id": "U%07d" % (1000 + i), "locale": loc}
                      for i, (u, n, role, pid, loc) in enumerate(USERS)]
        return self

    def _p(self, pid: str) -> dict:
        return next(p for p in self.partners if p["partner_id"] == pid)

    def _tune_certs(self):
        # Ciberdefensa Andina: one certified person short of platinum's 12; Escudo Austral: exactly silver's 2.
        self._p("PA-106")["certified_staff"] = "SentryGrid:6;CloudWarden:3;VaultEdge:2"
        self._p("PA-107")["certified_staff"] = "SentryGrid:2"
        self._p("PA-111")["certified_staff"] = "CloudWarden:1"
        self._p("PA-113")["certified_staff"] = "VaultEdge:2;CloudWarden:1"

    def _partner_deals(self, pid: str):
        r = self.rng
        p = self._p(pid)
        joined = D.fromisoformat(p["joined_on"])
        countries = p["countries"].split(";")
        comps = p["competencies"].split(";")
        n = {"registered": 4, "silver": 12, "gold": 20, "platinum": 30}[p["tier"]]
        if pid == "PA-111":  # joined six weeks ago: nothing yet but a submitted registration
            return
        if pid == "PA-106":
            n = 34
        for _ in range(n):
            acc = self._account(r.choice(countries))
            start = max(joined, D(2024, 1, 10))
            span = (TODAY - start).days
            created = start + days_(r.randrange(0, max(span - 20, 1)))
            roll = r.random()
            if roll < 0.45:
                stage = "closed_won"
            elif roll < 0.72:
                stage = "closed_lost"
            else:
                stage = r.choice(["prospecting", "qualification", "proposal", "negotiation"])
            if stage.startswith("closed"):
                close = min(created + days_(r.randrange(30, 160)), TODAY - days_(1))
                last = close
            else:
                close = TODAY + days_(r.randrange(10, 200))
                last = TODAY - days_(r.randrange(1, 35))
            amount = r.choice([9, 14, 18, 24, 32, 45, 60, 75, 90, 120]) * 1000 + r.choice([0, 500])
            if pid == "PA-106":
                amount += 30000
            role = r.choice(["sourced", "sourced", "influenced", "fulfillment"])
            if p["type"] == "referral":
                role = "sourced"
            self._opp(acc, stage, amount, created, close, last, [r.choice(comps)], pid, role)
        if pid == "PA-120":  # at risk: nothing since last autumn
            for o in self.opps:
                if o["partner_id"] == pid and o["created_on"] > "2025-10-01":
                    o["created_on"] = "2025-06-02"
                    if not o["stage"].startswith("closed"):
                        o["stage"], o["close_date"], o["last_activity_on"] = "closed_lost", "2025-09-30", "2025-09-30"
                    elif o["close_date"] > "2025-10-01":
                        o["close_date"] = o["last_activity_on"] = "2025-09-15"

    def _direct_deals(self):
        r = self.rng
        for _ in range(170):
            c = r.choice(list(COUNTRY_NAMES))
            acc = self._account(c)
            created = D(2024, 1, 5) + days_(r.randrange(0, (TODAY - D(2024, 1, 5)).days - 10))
            roll = r.random()
            stage = "closed_won" if roll < 0.4 else "closed_lost" if roll < 0.75 else r.choice(
                ["prospecting", "qualification", "proposal", "negotiation"])
            if stage.startswith("closed"):
                close = min(created + days_(r.randrange(30, 150)), TODAY - days_(1))
                last = close
            else:
                close = TODAY + days_(r.randrange(10, 240))
                last = TODAY - days_(r.randrange(1, 30))
            self._opp(acc, stage, r.choice([12, 20, 35, 50, 80, 140]) * 1000, created, close, last,
                      [r.choice(PRODUCTS)])
        # a second deal on some accounts (two products)
        for acc in list(self.accounts[:60:6]):
            self._opp(acc, "closed_won", 16000, D(2025, 2, 3), D(2025, 5, 20), None, ["MailShield"])

    def _reg(self, pid: str, account: str, domain: str, country: str, products: str, amount: int, status: str,
             submitted: dt.date, decided: dt.date | None, expires: dt.date | None = None, opp: str | None = None,
             reason: str | None = None):
        if expires is None and decided and status in ("approved", "won", "lost"):
            expires = decided + days_(PROTECTION_DAYS)
        self.regs.append({"registration_id": f"REG-{501 + len(self.regs)}", "partner_id": pid,
                          "account_name": account, "domain": domain, "country": country, "products": products,
                          "amount": _m(amount), "currency": "EUR", "status": status,
                          "submitted_on": submitted.isoformat(),
                          "decided_on": decided.isoformat() if decided else None,
                          "expires_on": expires.isoformat() if expires else None, "opportunity_id": opp,
                          "reason": reason})

    def _open_reg(self, pid: str, acc_name: str, country: str, product: str, amount: int, days_left: int,
                  stage: str = "proposal", last_days: int = 6, status: str = "approved", extended: bool = False,
                  close_in: int = 45):
        """An open deal of `pid` on a new account with an approved registration ending in `days_left` days."""
        acc = self._account(country, acc_name, status="prospect")
        expires = TODAY + days_(days_left)
        decided = expires - days_(PROTECTION_DAYS + (30 if extended else 0))
        submitted = decided - days_(2)
        o = self._opp(acc, stage, amount, submitted - days_(10), TODAY + days_(close_in), TODAY - days_(last_days),
                      [product], pid, "sourced", registered_by=pid if status == "approved" else None)
        reason = f"Extended by 30 days on {(decided + days_(55)).isoformat()}" if extended else None
        self._reg(pid, acc_name, acc["domain"], country, product, amount, status, submitted, decided, expires,
                  o["opportunity_id"], reason)
        return o

    def _planted(self):
        T = TODAY
        # Lumen (PA-101): one ending in 4 days, one lapsed 6 days ago, one extended, a stalled deal, a submitted one
        self._open_reg("PA-101", "Ferrovie Adriatiche Merci", "IT", "SentryGrid", 84000, 4)
        self._open_reg("PA-101", "Porto di Trieste Logistica", "IT", "MailShield", 27500, -6, stage="qualification")
        self._open_reg("PA-101", "Assicurazioni Dolomiti", "IT", "VaultEdge", 61000, 22, extended=True)
        stalled = self._account("IT", "Banca Valtellina Popolare", status="prospect")
        self._opp(stalled, "negotiation", 142000, D(2026, 1, 12), T + days_(12), T - days_(63), ["SentryGrid"],
                  "PA-101", "sourced", desc="Waiting for the customer's CISO to sign off the rollout plan.")
        self._reg("PA-101", "Cantine Sabauda Riunite", "cantine-sabauda-riunite.it.example", "IT", "MailShield",
                  19000, "submitted", T - days_(1), None)
        # Nordvakt (PA-103)
        self._open_reg("PA-103", "Göta Sjöfart", "SE", "CloudWarden", 210000, 38, stage="negotiation")
        self._open_reg("PA-103", "Vestland Kraftnett", "NO", "VaultEdge", 96000, 9)
        # Boréale (PA-104) and the conflict on Groupe Hospitalier Loire-Océan: Loire Cyber (PA-122) first
        self._open_reg("PA-104", "Caisse Populaire Mauricie", "CA", "VaultEdge", 73000, 13)
        ghl = self._account("FR", "Groupe Hospitalier Loire-Océan", status="prospect")
        o = self._opp(ghl, "proposal", 118000, T - days_(80), T + days_(60), T - days_(4), ["SentryGrid"],
                      "PA-122", "sourced", registered_by="PA-122")
        self._reg("PA-122", "Groupe Hospitalier Loire-Océan", ghl["domain"], "FR", "SentryGrid", 118000, "approved",
                  T - days_(50), T - days_(48), None, o["opportunity_id"])
        # Atlantique (PA-105): rejected as a conflict, plus one approved
        self._reg("PA-105", "Groupe Hospitalier Loire-Océan", ghl["domain"], "FR", "SentryGrid", 95000, "rejected",
                  T - days_(30), T - days_(28), reason="Conflict: another partner's registration on this "
                  "opportunity was approved first.")
        self._open_reg("PA-105", "Lycées de Bretagne Numérique", "FR", "MailShield", 38000, 17)
        # Ciberdefensa Andina (PA-106): a rejected one (no security contact) and two live
        self._reg("PA-106", "Clínica Santa Marta del Caribe", "clinicasantamarta.co.example", "CO", "SentryGrid", 54000,
                  "rejected", T - days_(12), T - days_(10),
                  reason="No security contact named at the customer (CISO or IT security lead).")
        self._open_reg("PA-106", "Energía del Pacífico", "CO", "CloudWarden", 165000, 26, stage="negotiation")
        self._open_reg("PA-106", "Banco Andino de Fomento", "PE", "VaultEdge", 88000, 2)
        # Escudo Austral (PA-107)
        self._open_reg("PA-107", "Minera Altiplano Norte", "CL", "SentryGrid", 47000, 31, stage="qualification")
        # Guarita (PA-108): lapsed one and a live one, and an unpartnered deal that fits them
        self._open_reg("PA-108", "Cooperativa Vale do Ipê", "BR", "MailShield", 36000, 11)
        self._open_reg("PA-108", "Hospital Santa Luzia Paulista", "BR", "SentryGrid", 72000, -15, stage="qualification")
        free = self._account("BR", "Agroindustrial Cerrado Forte", status="prospect")
        self._opp(free, "qualification", 68000, T - days_(25), T + days_(90), T - days_(3), ["SentryGrid"],
                  desc="Agribusiness group in Goiás, 2,000 endpoints, Portuguese-speaking team wanted.")
        # Tsubasa (PA-109)
        self._open_reg("PA-109", "Setouchi Shinkin Bank Holdings", "JP", "VaultEdge", 230000, 6, stage="negotiation")
        self._open_reg("PA-109", "Hokuriku Precision Works", "JP", "CloudWarden", 128000, 44)
        self._reg("PA-109", "Kansai Logistics Network", "kansai-logistics-network.jp.example", "JP", "SentryGrid",
                  76000, "submitted", T - days_(2), None)
        # Alpenwacht (PA-113)
        self._open_reg("PA-113", "Privatbank Engadin", "CH", "VaultEdge", 99000, 19)
        # Hanbit (PA-110), Veldhuis (PA-102)
        self._open_reg("PA-110", "Incheon Port Telecom", "KR", "SentryGrid", 145000, 27)
        self._open_reg("PA-102", "Waal Retail Groep", "NL", "MailShield", 31000, 8)
        self._reg("PA-102", "Noordzee Visserij Coöperatie", "noordzee-visserij.nl.example", "NL", "SentryGrid",
                  22000, "submitted", T - days_(3), None)
        # Kaveri (PA-111), onboarding: one submitted registration, nothing approved yet
        self._reg("PA-111", "Konkan Health Trust", "konkan-health-trust.in.example", "IN", "CloudWarden", 42000,
                  "submitted", T - days_(5), None)
        # older registrations: won and lost
        for pid, acc_name, c, status in [("PA-103", "Norrland Bank", "SE", "won"), ("PA-108", "Rede Paulista Varejo",
                                         "BR", "won"), ("PA-106", "Seguros Boyacá", "CO", "lost"),
                                         ("PA-109", "Tohoku Insurance", "JP", "won")]:
            acc = self._account(c, acc_name, status="customer" if status == "won" else "prospect")
            dec = D(2025, 10, 6)
            o = self._opp(acc, "closed_won" if status == "won" else "closed_lost", 64000, D(2025, 9, 20),
                          D(2026, 1, 20), None, [self._p(pid)["competencies"].split(";")[0]], pid, "sourced",
                          registered_by=pid)
            self._reg(pid, acc_name, acc["domain"], c, o["products"], 64000, status, dec - days_(3), dec, None,
                      o["opportunity_id"])

    def _won_12m(self, pid: str):
        lo = TODAY - days_(365)
        return [o for o in self.opps if o["partner_id"] == pid and o["stage"] == "closed_won"
                and lo < D.fromisoformat(o["close_date"]) <= TODAY]

    def _tune_tiers(self):
        # Escudo Austral: exactly one won deal in the last 12 months (silver needs 2)
        won = sorted(self._won_12m("PA-107"), key=lambda o: o["close_date"])
        for o in won[1:]:
            o["close_date"] = o["last_activity_on"] = "2025-03-14"
            o["created_on"] = "2024-12-02"
        # Ciberdefensa Andina: meets platinum's revenue and deals (15+, 900k+) but has 11 certified staff
        won = self._won_12m("PA-106")
        extra = [o for o in self.opps if o["partner_id"] == "PA-106" and o["stage"] == "closed_lost"]
        i = 0
        while (len(won) < 16 or sum(float(o["amount"]) for o in won) < 950000) and i < len(extra):
            o = extra[i]
            o["stage"] = "closed_won"
            o["close_date"] = o["last_activity_on"] = (TODAY - days_(20 + 9 * i)).isoformat()
            o["created_on"] = (TODAY - days_(120 + 9 * i)).isoformat()
            i += 1
            won = self._won_12m("PA-106")

    def _partner_accounts(self):
        r = self.rng
        by_pid: dict[str, list[dict]] = {}
        accs = {a["account_id"]: a for a in self.accounts}
        for o in self.opps:
            if o["partner_id"]:
                by_pid.setdefault(o["partner_id"], []).append(accs[o["account_id"]])
        for p in self.partners:
            pid = p["partner_id"]
            seen = set()
            mine = by_pid.get(pid, [])
            countries = p["countries"].split(";")
            others = [a for a in self.accounts if a["country"] in countries and a not in mine]
            for a in mine + r.sample(others, min(len(others), 6)):
                if a["account_id"] in seen:
                    continue
                seen.add(a["account_id"])
                spelled = a["name"].upper() if r.random() < 0.3 else a["name"]
                self.pacc.append({"partner_id": pid, "account_name": spelled, "domain": a["domain"],
                                  "country": a["country"], "status": r.choice(["customer", "open_opportunity",
                                                                                "prospect"]),
                                  "updated_on": (TODAY - days_(r.randrange(3, 90))).isoformat()})
            for k in range(r.randrange(3, 7)):
                nm = f"{p['brand_name']} client {k + 1}"
                self.pacc.append({"partner_id": pid, "account_name": nm,
                                  "domain": f"{slug(nm)}.client.example", "country": countries[0],
                                  "status": "customer", "updated_on": (TODAY - days_(30)).isoformat()})

    def _activity(self):
        r = self.rng
        for p in self.partners:
            pid, tier = p["partner_id"], p["tier"]
            joined = D.fromisoformat(p["joined_on"])
            for m in _months(max(FIRST_MONTH, D(joined.year, joined.month, 1)), LAST_MONTH):
                logins = r.randrange(12, 60)
                psat = round(r.uniform(6.5, 9.4), 1)
                if pid == "PA-120" and m >= D(2026, 1, 1):
                    logins = max(0, 6 - 2 * (m.month - 1)) if m.month > 1 else 9
                    psat = round(5.0 - 0.5 * m.month, 1)
                if pid == "PA-102" and m >= D(2026, 3, 1):  # gone quiet lately
                    logins = r.randrange(0, 3)
                alloc = QUARTER_MDF[tier] if m.month in (1, 4, 7, 10) else 0
                if pid == "PA-111":
                    alloc = 1500 if m == D(2026, 5, 1) else 0
                spent = 0
                if QUARTER_MDF[tier] and pid != "PA-120":
                    spent = r.choice([0, 0, 500, 1000, 1500, 2500]) * (2 if tier == "platinum" else 1)
                regs = sum(1 for o in self.opps if o["partner_id"] == pid and o["created_on"][:7] == m.isoformat()[:7])
                self.activity.append({"partner_id": pid, "month": m.isoformat()[:7], "portal_logins": logins,
                                      "trainings_completed": r.randrange(0, 4), "deals_registered": regs,
                                      "certifications_earned": r.choice([0, 0, 0, 1]),
                                      "mdf_allocated": _m(alloc), "mdf_spent": _m(spent), "psat": psat})

    def _mdf(self):
        def act(pid, name, kind, status, req, appr, claimed, paid, start, end, kit=None, leads=None):
            aid = f"MDF-{7001 + len(self.mdf)}"
            self.mdf.append({"activity_id": aid, "partner_id": pid, "name": name, "kind": kind, "status": status,
                             "requested_amount": _m(req), "approved_amount": _m(appr) if appr is not None else None,
                             "claimed_amount": _m(claimed) if claimed is not None else None,
                             "paid_amount": _m(paid) if paid is not None else None, "currency": "EUR",
                             "requested_on": (start - days_(25)).isoformat(), "start_on": start.isoformat(),
                             "end_on": end.isoformat(), "kit_id": kit, "leads": leads})
            return aid
        acts = [
            ("PA-101", "Milano zero-trust breakfast", "event", "paid", 6000, 6000, 5800, 5800, D(2026, 2, 10),
             D(2026, 2, 10), "zero-trust-kickoff", 34),
            ("PA-101", "Phishing sprint webinar series", "webinar", "claimed", 3500, 3500, 3200, None,
             D(2026, 4, 14), D(2026, 5, 5), "phishing-sprint", 21),
            ("PA-101", "Torino CISO roundtable", "event", "approved", 5000, 4500, None, None, D(2026, 7, 9),
             D(2026, 7, 9), None, None),
            ("PA-103", "Stockholm identity summit booth", "event", "paid", 18000, 16000, 16000, 16000,
             D(2026, 3, 17), D(2026, 3, 18), "zero-trust-kickoff", 88),
            ("PA-103", "Oslo CloudWarden lab day", "training", "approved", 7000, 7000, None, None, D(2026, 5, 20),
             D(2026, 5, 21), None, None),
            ("PA-103", "Nordic LinkedIn campaign", "digital", "requested", 9000, None, None, None, D(2026, 8, 3),
             D(2026, 9, 30), None, None),
            ("PA-104", "Québec santé webinar", "webinar", "paid", 3000, 3000, 2900, 2900, D(2026, 1, 22),
             D(2026, 1, 22), None, 17),
            ("PA-104", "Montréal ransomware clinic", "event", "claimed", 6500, 6000, 6000, None, D(2026, 4, 28),
             D(2026, 4, 28), "ransomware-readiness", 29),
            ("PA-105", "Campagne hameçonnage lycées", "digital", "approved", 2500, 2500, None, None, D(2026, 3, 2),
             D(2026, 3, 31), "phishing-sprint", None),
            ("PA-105", "Salon Santé Connectée Nantes", "event", "rejected", 9000, None, None, None, D(2026, 6, 2),
             D(2026, 6, 3), None, None),
            ("PA-106", "Bogotá SOC day", "event", "paid", 9000, 9000, 8700, 8700, D(2026, 2, 19), D(2026, 2, 19),
             None, 41),
            ("PA-106", "Webinar ransomware banca", "webinar", "approved", 4000, 4000, None, None, D(2026, 5, 12),
             D(2026, 5, 12), "ransomware-readiness", None),
            ("PA-106", "Medellín CloudWarden workshop", "training", "claimed", 5000, 5000, 4600, None,
             D(2026, 4, 8), D(2026, 4, 9), None, 12),
            ("PA-107", "Santiago minería seguridad", "event", "approved", 3000, 3000, None, None, D(2026, 3, 25),
             D(2026, 3, 26), None, None),
            ("PA-108", "Webinar ransomware São Paulo", "webinar", "approved", 4500, 4500, None, None,
             D(2026, 5, 26), D(2026, 5, 26), "ransomware-readiness", None),
            ("PA-108", "Curitiba agro security day", "event", "paid", 8000, 8000, 7600, 7600, D(2026, 3, 5),
             D(2026, 3, 5), "ransomware-readiness", 37),
            ("PA-108", "Campanha MailShield varejo", "digital", "claimed", 3000, 3000, 2800, None, D(2026, 4, 1),
             D(2026, 4, 30), "phishing-sprint", 19),
            ("PA-109", "Tokyo FinSec seminar", "event", "paid", 20000, 18000, 18000, 18000, D(2026, 2, 25),
             D(2026, 2, 25), "zero-trust-kickoff", 64),
            ("PA-109", "Osaka VaultEdge hands-on", "training", "approved", 8000, 8000, None, None, D(2026, 4, 16),
             D(2026, 4, 17), None, None),
            ("PA-110", "Seoul manufacturing SOC forum", "event", "claimed", 10000, 9000, 9000, None, D(2026, 4, 22),
             D(2026, 4, 22), None, 26),
            ("PA-113", "Zürich Privatbanken Frühstück", "event", "paid", 3500, 3500, 3300, 3300, D(2026, 1, 29),
             D(2026, 1, 29), "zero-trust-kickoff", 15),
            ("PA-113", "Wien Zero-Trust Webinar", "webinar", "requested", 2000, None, None, None, D(2026, 7, 15),
             D(2026, 7, 15), "zero-trust-kickoff", None),
            ("PA-114", "CDMX retail roadshow", "event", "paid", 11000, 10000, 10000, 10000, D(2025, 10, 14),
             D(2025, 10, 16), "phishing-sprint", 52),
            ("PA-118", "Rotterdam port security seminar", "event", "paid", 9000, 9000, 9000, 9000, D(2025, 11, 5),
             D(2025, 11, 5), None, 30),
            ("PA-122", "Rennes hôpitaux journée cyber", "event", "claimed", 7000, 7000, 6800, None, D(2026, 5, 6),
             D(2026, 5, 6), "ransomware-readiness", 22),
            ("PA-130", "Monterrey plant security tour", "event", "paid", 9500, 9500, 9400, 9400, D(2025, 9, 10),
             D(2025, 9, 12), None, 33),
            ("PA-115", "ANZ schools phishing campaign", "digital", "paid", 6000, 6000, 6000, 6000, D(2025, 8, 4),
             D(2025, 9, 26), "phishing-sprint", 45),
            ("PA-132", "Bengaluru cloud posture day", "event", "approved", 7500, 7000, None, None, D(2026, 3, 12),
             D(2026, 3, 12), None, None),
            ("PA-111", "Kaveri launch webinar", "webinar", "requested", 1500, None, None, None, D(2026, 7, 2),
             D(2026, 7, 2), "zero-trust-kickoff", None),
        ]
        ids = {}
        for a in acts:
            ids[a[1]] = act(*a)
        # deals sourced by MDF activities (pipeline and wins for `mdf roi`)
        links = {"Milano zero-trust breakfast": [("closed_won", 58000), ("closed_won", 33000), ("proposal", 41000)],
                 "Stockholm identity summit booth": [("closed_won", 185000), ("negotiation", 120000)],
                 "Tokyo FinSec seminar": [("closed_won", 240000), ("proposal", 90000)],
                 "Curitiba agro security day": [("closed_won", 52000), ("qualification", 46000)],
                 "Bogotá SOC day": [("closed_lost", 40000), ("proposal", 77000)],
                 "CDMX retail roadshow": [("closed_won", 64000)]}
        for name, deals in links.items():
            aid = ids[name]
            a = next(x for x in self.mdf if x["activity_id"] == aid)
            pid = a["partner_id"]
            p = self._p(pid)
            for stage, amount in deals:
                acc = self._account(p["countries"].split(";")[0])
                end = D.fromisoformat(a["end_on"])
                closed = stage.startswith("closed")
                close = end + days_(70) if closed else TODAY + days_(40)
                self._opp(acc, stage, amount, end + days_(7), close, close if closed else TODAY - days_(5),
                          [p["competencies"].split(";")[0]], pid, "sourced", mdf=aid)

    def _leads(self):
        r = self.rng
        planted = [
            ("Kansai Mirai Securities", "JP", "Financial Services", "VaultEdge;CloudWarden", 2200, 180000, "webinar",
             "Securities firm in Osaka moving to passwordless sign-in; Japanese-speaking team required."),
            ("Cooperativa Agrícola Serra Azul", "BR", "Agriculture", "SentryGrid", 900, 52000, "website",
             "Agricultural co-op in Paraná hit by ransomware last year; wants managed detection."),
            ("Hydro Québec-Nord Services", "CA", "Energy", "VaultEdge", 1500, 75000, "event",
             "French-speaking utility contractor, zero-trust workshop requested."),
            ("Stadtwerke Vorarlberg Netz", "AT", "Energy", "CloudWarden", 700, 38000, "website", ""),
            ("Minera Cobre Antofagasta", "CL", "Mining", "SentryGrid;MailShield", 3100, 97000, "event", ""),
        ]
        rows = []
        for comp, c, ind, prods, emp, amt, src, desc in planted:
            rows.append((comp, c, ind, prods, emp, amt, src, desc))
        for _ in range(15):
            c = r.choice(["IT", "NL", "SE", "CO", "MX", "BR", "JP", "KR", "IN", "AU", "ES", "FR", "PT", "DK"])
            pre, suf, _t = COUNTRY_NAMES[c]
            comp = f"{r.choice(pre)} {r.choice(suf)} Group"
            if comp in self._names or comp in [x[0] for x in rows]:
                comp = comp.replace(" Group", " Holding")
            rows.append((comp, c, INDUSTRY_BY_WORD.get(comp.split(" ")[0], "Retail"), r.choice(PRODUCTS),
                         r.choice([200, 600, 1500]), r.choice([15, 30, 60]) * 1000, r.choice(["webinar", "website",
                                                                                              "event"]), ""))
        for i, (comp, c, ind, prods, emp, amt, src, desc) in enumerate(rows):
            self.leads.append({"lead_id": f"LD-{801 + i}", "company": comp,
                               "domain": f"{slug(comp)}.{COUNTRY_NAMES[c][2]}.example", "country": c,
                               "industry": ind, "products": prods, "employees": emp, "amount": _m(amt),
                               "currency": "EUR", "source": src,
                               "created_on": (TODAY - days_(1 + i % 9)).isoformat(), "description": desc})

    def _candidates(self):
        rows = [
            ("Yucatán SecOps", "msp", "MX", "Manufacturing;Retail", "SentryGrid;MailShield", "es",
             "24/7 SOC in Mérida for mid-size manufacturers; 40 analysts.", 140, "LinkedIn outreach"),
            ("Daejeon CloudGuard", "system_integrator", "KR", "Manufacturing;Telecommunications", "CloudWarden",
             "ko;en", "Cloud migration integrator for Korean manufacturers.", 260, "event"),
            ("Pune Zero Trust Labs", "consultancy", "IN", "Financial Services", "VaultEdge;CloudWarden", "en;hi",
             "Identity and zero-trust consultancy for Indian banks.", 75, "inbound"),
            ("Recife Proteção Digital", "msp", "BR", "Healthcare;Retail", "SentryGrid", "pt-BR",
             "Managed endpoint security for hospitals in the Northeast of Brazil.", 90, "referral"),
            ("Lyon Cyber Défense", "var", "FR", "Manufacturing", "SentryGrid", "fr",
             "Reseller of endpoint security to industrial firms in Auvergne-Rhône-Alpes.", 55, "event"),
            ("Aarhus Mail Guard", "reseller", "DK", "Education", "MailShield", "da;en", "Email security reseller.",
             18, "inbound"),
            ("Perth Mining Cyber", "consultancy", "AU", "Mining", "SentryGrid;CloudWarden", "en",
             "OT and IT security for mining operators in Western Australia.", 120, "LinkedIn outreach"),
            ("Tallinn Identity OÜ", "isv", "EE", "Public Sector", "VaultEdge", "et;en",
             "Builds e-government identity integrations.", 30, "inbound"),
            ("Napoli Sicura Rete", "reseller", "IT", "Retail", "MailShield", "it", "Small reseller in Campania.",
             9, "website"),
            ("Lima Nube Segura", "marketplace", "PE", "Retail;Education", "MailShield;CloudWarden", "es",
             "Regional cloud marketplace for Peru and Bolivia.", 60, "event"),
            ("Osaka Kinyu Security", "system_integrator", "JP", "Financial Services", "VaultEdge", "ja",
             "Integrator for regional banks in Kansai.", 310, "event"),
            ("Cape Town SOC Collective", "msp", "ZA", "Financial Services;Retail", "SentryGrid", "en",
             "Managed SOC for South African retailers.", 95, "inbound"),
        ]
        for i, (name, typ, c, inds, comps, langs, desc, emp, src) in enumerate(rows):
            self.candidates.append({"candidate_id": f"CAND-{i + 1:02d}", "name": name, "type": typ,
                                    "website": f"{slug(name)}.example", "countries": c, "industries": inds,
                                    "competencies": comps, "languages": langs, "description": desc,
                                    "employees": emp, "source": src})


def vendor_yaml() -> str:
    rules = "\n".join(
        f"  {t}:\n    min_won_revenue_12m: {rev}\n    min_won_deals_12m: {deals}\n    min_certified_staff: {cert}"
        for t, (rev, deals, cert) in TIER_RULES.items())
    return f"""# {VENDOR}: cloud cybersecurity (identity, endpoint, cloud posture, email security).
# tier_rules: minimums over the trailing 12 months to hold (or be promoted to) a tier:
# won revenue and won deals = closed_won opportunities with the partner on them (any role),
# certified staff = the sum of a partner's certified_staff counts.
name: {VENDOR}
website: halvard.example
default_locale: en
account_sharing: counts
reporting_currency: EUR
fx_rates: {{USD: 0.92, GBP: 1.17, JPY: 0.0061, BRL: 0.17, KRW: 0.00068, INR: 0.011, AUD: 0.61}}
registration_protection_days: {PROTECTION_DAYS}
lead_accept_hours: 24
tier_rules:
{rules}
"""


def write(out: Path) -> Path:
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    w = World().build()
    (out / "vendor.yaml").write_text(vendor_yaml(), encoding="utf-8")
    _write_csv(out / "partners.csv", ["partner_id", "name", "type", "tier", "website", "countries", "industries",
                                      "competencies", "certified_staff", "languages", "joined_on", "brand_name",
                                      "brand_color", "tagline", "contact_email", "account_sharing", "description",
                                      "channel_manager", "employees"], w.partners)
    _write_csv(out / "accounts.csv", ["account_id", "name", "domain", "industry", "country", "employees",
                                      "annual_revenue", "status", "owner_email"], w.accounts)
    _write_csv(out / "opportunities.csv", ["opportunity_id", "account_id", "name", "stage", "amount", "currency",
                                           "created_on", "close_date", "last_activity_on", "products", "partner_id",
                                           "partner_role", "registered_by", "mdf_activity_id", "description"], w.opps)
    _write_csv(out / "partner_accounts.csv", ["partner_id", "account_name", "domain", "country", "status",
                                              "updated_on"], w.pacc)
    _write_csv(out / "partner_activity.csv", ["partner_id", "month", "portal_logins", "trainings_completed",
                                              "deals_registered", "certifications_earned", "mdf_allocated",
                                              "mdf_spent", "psat"], w.activity)
    _write_csv(out / "users.csv", ["user_id", "name", "email", "role", "partner_id", "slack_user_id", "locale"],
               w.users)
    _write_csv(out / "leads.csv", ["lead_id", "company", "domain", "country", "industry", "products", "employees",
                                   "amount", "currency", "source", "created_on", "description"], w.leads)
    _write_csv(out / "deal_registrations.csv", ["registration_id", "partner_id", "account_name", "domain", "country",
                                                "products", "amount", "currency", "status", "submitted_on",
                                                "decided_on", "expires_on", "opportunity_id", "reason"], w.regs)
    _write_csv(out / "mdf_activities.csv", ["activity_id", "partner_id", "name", "kind", "status",
                                            "requested_amount", "approved_amount", "claimed_amount", "paid_amount",
                                            "currency", "requested_on", "start_on", "end_on", "kit_id", "leads"],
               w.mdf)
    _write_csv(out / "partner_candidates.csv", ["candidate_id", "name", "type", "website", "countries",
                                                "industries", "competencies", "languages", "description",
                                                "employees", "source"], w.candidates)
    for rel, text in CONTENT.DOCUMENTS.items():
        p = out / "content" / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    (out / "campaigns").mkdir()
    for name, text in CONTENT.KITS.items():
        (out / "campaigns" / name).write_text(text, encoding="utf-8")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    a = ap.parse_args(argv)
    print(write(Path(a.out)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
