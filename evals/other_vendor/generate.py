"""A second vendor's world for Co-sell Copilot, written from the public contract alone (DATA.md, CLI.md).

    python -m evals.other_vendor.generate --out DIR

Corvane Systems sells industrial IoT: wireless sensors (SensorMesh), a plant-monitoring platform
(PlantPulse), asset and fleet tracking (AssetTrack) and predictive-maintenance analytics (PredictIQ).
Everything is drawn from one fixed seed, so two runs write byte-identical folders. "Today" for the
world is TODAY (score.py sets COSELL_TODAY to it).
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

from evals.other_vendor import content as CONTENT

SEED = 3607
TODAY = dt.date(2026, 10, 7)
D = dt.date
VENDOR = "Corvane Systems"
PRODUCTS = ["SensorMesh", "PlantPulse", "AssetTrack", "PredictIQ"]
PROTECTION_DAYS = 120  # vendor.yaml registration_protection_days (policies/deal-registration.md)
QUARTER_MDF = {"registered": 0, "silver": 5000, "gold": 15000, "platinum": 40000}  # mdf-guide.md
TIER_RULES = {
    "registered": (0, 0, 0),
    "silver": (75000, 2, 3),
    "gold": (400000, 5, 8),
    "platinum": (1200000, 12, 20),
}
FIRST_MONTH = D(2023, 10, 1)
LAST_MONTH = D(2026, 9, 1)  # the last complete month before TODAY

# The channel team.
USERS = [
    ("u-admin", "Priya Natarajan", "priya.natarajan@corvane.example", "admin", "", "UCV0ADMIN", "en"),
    ("u-cm-amer", "Marcus Delgado", "marcus.delgado@corvane.example", "channel_manager", "", "UCV0CM01", "en"),
    ("u-cm-emea", "Katrin Vogelsang", "katrin.vogelsang@corvane.example", "channel_manager", "", "UCV0CM02", "de"),
    ("u-cm-apac", "Haruka Ishikawa", "haruka.ishikawa@corvane.example", "channel_manager", "", "UCV0CM03", "ja"),
    ("u-mkt-1", "Olivia Brennan", "olivia.brennan@corvane.example", "marketer", "", "UCV0MK01", "en"),
    ("u-mkt-2", "Camille Fournier", "camille.fournier@corvane.example", "marketer", "", "UCV0MK02", "fr"),
]

# The partners whose sellers use the copilot, with the situations planted on them.
# (id, name, brand, type, tier, country list, industries, competencies, languages, joined_on, cm, employees,
#  certified_staff, seller users [(user_id, name, locale)])
SELLER_PARTNERS = [
    ("CVP-101", "Ridgeline Automation LLC", "Ridgeline Automation", "system_integrator", "gold", "US",
     "Oil and Gas;Chemicals;Manufacturing", "PlantPulse;SensorMesh;PredictIQ", "en;es", D(2021, 3, 15),
     "u-cm-amer", 140, "PlantPulse:5;SensorMesh:4;PredictIQ:2",
     [("u-ps-ridgeline", "Jake Morrow", "en")]),
    ("CVP-102", "Rheintal Messtechnik GmbH", "Rheintal Messtechnik", "var", "silver", "DE;CH",
     "Manufacturing;Automotive", "SensorMesh;PlantPulse", "de;en", D(2022, 6, 1),
     "u-cm-emea", 60, "SensorMesh:4;PlantPulse:2",
     [("u-ps-rheintal", "Lena Hartmann", "de")]),
    ("CVP-103", "Loire Industrie Connect SAS", "Loire Industrie Connect", "system_integrator", "gold", "FR;BE",
     "Food and Beverage;Manufacturing;Utilities", "PlantPulse;PredictIQ;SensorMesh", "fr;en", D(2020, 11, 2),
     "u-cm-emea", 210, "PlantPulse:4;PredictIQ:3;SensorMesh:2",
     [("u-ps-loire", "Élodie Marchand", "fr")]),
    ("CVP-104", "Ibérica Sensores S.L.", "Ibérica Sensores", "reseller", "silver", "ES;PT",
     "Utilities;Food and Beverage", "SensorMesh", "es;pt", D(2022, 2, 14),
     "u-cm-emea", 35, "SensorMesh:4",
     [("u-ps-iberica", "Javier Ortega", "es")]),
    ("CVP-105", "Paraná Telemetria Ltda", "Paraná Telemetria", "msp", "registered", "BR",
     "Logistics;Agriculture", "AssetTrack", "pt", D(2026, 8, 18),
     "u-cm-amer", 28, "",
     [("u-ps-parana", "Beatriz Campos", "pt-BR")]),
    ("CVP-106", "Hokuto Systems K.K.", "Hokuto Systems", "system_integrator", "platinum", "JP",
     "Automotive;Manufacturing;Electronics", "PredictIQ;PlantPulse;SensorMesh;AssetTrack", "ja;en",
     D(2019, 9, 1), "u-cm-apac", 480, "PredictIQ:9;PlantPulse:8;SensorMesh:5;AssetTrack:2",
     [("u-ps-hokuto", "Kenji Matsuda", "ja"), ("u-ps-hokuto2", "Aiko Tanabe", "ja")]),
    ("CVP-107", "Pennine Controls Ltd", "Pennine Controls", "var", "gold", "GB;IE",
     "Utilities;Water;Manufacturing", "PlantPulse;SensorMesh", "en", D(2021, 1, 20),
     "u-cm-emea", 95, "PlantPulse:6;SensorMesh:4",
     [("u-ps-pennine", "Owen Pritchard", "en")]),
    ("CVP-108", "Coral Coast IoT Pty Ltd", "Coral Coast IoT", "msp", "silver", "AU;NZ",
     "Mining;Logistics;Agriculture", "AssetTrack;SensorMesh", "en", D(2023, 4, 3),
     "u-cm-apac", 40, "AssetTrack:2;SensorMesh:1",
     [("u-ps-coral", "Mia Thornton", "en")]),
    ("CVP-109", "Sierra Madre Integraciones S.A. de C.V.", "Sierra Madre Integraciones", "system_integrator",
     "silver", "MX", "Mining;Manufacturing;Automotive", "PlantPulse;AssetTrack", "es;en", D(2022, 10, 10),
     "u-cm-amer", 75, "PlantPulse:2;AssetTrack:1",
     [("u-ps-sierra", "Valeria Ruiz", "es")]),
    ("CVP-110", "Donau Anlagen IT GmbH", "Donau Anlagen IT", "reseller", "registered", "AT;DE",
     "Manufacturing;Utilities", "SensorMesh", "de", D(2024, 11, 4),
     "u-cm-emea", 18, "SensorMesh:1",
     [("u-ps-donau", "Florian Gruber", "de")]),
]

# Partners without copilot users: (name, type, country, industries, competencies, languages, cm)
OTHER_PARTNERS = [
    ("Vale do Sinos Tecnologia Ltda", "system_integrator", "BR", "Logistics;Retail", "AssetTrack;SensorMesh", "pt",
     "u-cm-amer"),
    ("Baltic Edge Systems Sp. z o.o.", "var", "PL;LT", "Manufacturing;Logistics", "PlantPulse;SensorMesh", "pl;en",
     "u-cm-emea"),
    ("Karoo Industrial Solutions", "system_integrator", "ZA", "Mining;Utilities", "PlantPulse;AssetTrack", "en",
     "u-cm-emea"),
    ("Maple Plant Analytics Inc.", "consultancy", "CA", "Food and Beverage;Pharmaceuticals", "PredictIQ", "en;fr",
     "u-cm-amer"),
    ("Lone Pine Field Services", "msp", "US", "Oil and Gas;Utilities", "SensorMesh;AssetTrack", "en",
     "u-cm-amer"),
    ("Andes Telemetría SpA", "reseller", "CL;PE", "Mining", "SensorMesh;AssetTrack", "es", "u-cm-amer"),
    ("Merlion Smart Factory Pte Ltd", "system_integrator", "SG;MY", "Electronics;Semiconductors",
     "PredictIQ;PlantPulse", "en", "u-cm-apac"),
    ("Deccan Automation Pvt Ltd", "system_integrator", "IN", "Automotive;Pharmaceuticals", "PlantPulse;PredictIQ",
     "en", "u-cm-apac"),
    ("Nordkapp Industri AS", "var", "NO;SE", "Oil and Gas;Maritime", "SensorMesh;PlantPulse", "en", "u-cm-emea"),
    ("Polder Data Werken B.V.", "isv", "NL", "Water;Utilities", "PredictIQ", "en;nl", "u-cm-emea"),
    ("Great Lakes Reliability Group", "consultancy", "US", "Manufacturing;Automotive", "PredictIQ", "en",
     "u-cm-amer"),
    ("Tejo Engenharia Digital Lda", "reseller", "PT", "Food and Beverage;Water", "SensorMesh", "pt", "u-cm-emea"),
    ("Lombardia Impianti Connessi S.r.l.", "var", "IT", "Food and Beverage;Manufacturing", "PlantPulse",
     "it;en", "u-cm-emea"),
    ("Outback Asset Tracking", "referral", "AU", "Mining;Logistics", "AssetTrack", "en", "u-cm-apac"),
    ("Kyushu Sangyo Denki", "distributor", "JP", "Electronics", "SensorMesh", "ja", "u-cm-apac"),
    ("Gulf Coast Instrumentation", "reseller", "US", "Chemicals;Oil and Gas", "SensorMesh", "en", "u-cm-amer"),
    ("Prairie Ag Sensors", "msp", "CA;US", "Agriculture", "SensorMesh;AssetTrack", "en;fr", "u-cm-amer"),
    ("Alpenblick Systemhaus AG", "system_integrator", "CH;AT", "Pharmaceuticals;Manufacturing",
     "PlantPulse;PredictIQ", "de;fr", "u-cm-emea"),
    ("Bosphorus Endüstri Teknoloji", "var", "TR", "Automotive;Manufacturing", "PlantPulse", "tr;en", "u-cm-emea"),
    ("Nile Delta Controls", "reseller", "EG", "Utilities;Water", "SensorMesh", "ar;en", "u-cm-emea"),
    ("Cascadia Edge Partners", "marketplace", "US;CA", "Manufacturing;Logistics", "SensorMesh;AssetTrack",
     "en", "u-cm-amer"),
    ("Iberia Mantenimiento Predictivo", "consultancy", "ES", "Automotive;Manufacturing", "PredictIQ", "es",
     "u-cm-emea"),
    ("Sydney Harbour Automation", "system_integrator", "AU", "Water;Utilities", "PlantPulse;PredictIQ", "en",
     "u-cm-apac"),
    ("Rio Grande Logistics Tech", "msp", "MX;US", "Logistics", "AssetTrack", "es;en", "u-cm-amer"),
    ("Seoul Precision IoT", "var", "KR", "Electronics;Automotive", "SensorMesh;PredictIQ", "ko;en", "u-cm-apac"),
    ("Thames Valley Industrial Insight", "influencer", "GB", "Manufacturing", "PredictIQ", "en", "u-cm-emea"),
    ("Bayern Fertigungsdaten GmbH", "system_integrator", "DE", "Automotive;Manufacturing",
     "PlantPulse;PredictIQ;SensorMesh", "de;en", "u-cm-emea"),
    ("Atacama Mining Systems", "system_integrator", "CL", "Mining", "PlantPulse;PredictIQ", "es", "u-cm-amer"),
]
AT_RISK = "Baltic Edge Systems Sp. z o.o."   # engagement collapsed over the last months
FIT_PARTNER = "Vale do Sinos Tecnologia Ltda"  # the partner for the unpartnered Brazilian fleet deal
LEAD_FIT_PARTNER = "CVP-106"  # Hokuto: the partner for the Japanese automotive predictive lead

COUNTRY_TLD = {"US": "com", "CA": "ca", "MX": "com.mx", "BR": "com.br", "CL": "cl", "PE": "pe", "DE": "de",
               "AT": "at", "CH": "ch", "FR": "fr", "BE": "be", "ES": "es", "PT": "pt", "GB": "co.uk", "IE": "ie",
               "NL": "nl", "PL": "pl", "NO": "no", "SE": "se", "IT": "it", "TR": "com.tr", "EG": "com.eg",
               "ZA": "co.za", "JP": "co.jp", "SG": "com.sg", "IN": "in", "AU": "com.au", "NZ": "co.nz",
               "KR": "co.kr", "MY": "com.my", "LT": "lt"}
INDUSTRIES = ["Manufacturing", "Utilities", "Oil and Gas", "Chemicals", "Food and Beverage", "Automotive",
              "Mining", "Logistics", "Water", "Pharmaceuticals", "Electronics", "Agriculture"]
ACC_FIRST = ["Harbor", "Summit", "Ironwood", "Bluewater", "Granite", "Falcon", "Redstone", "Silverline",
             "Oakridge", "Northgate", "Copperfield", "Westbrook", "Stonebridge", "Riverbend", "Highland",
             "Eastwind", "Blackrock", "Clearwater", "Goldcrest", "Pinecrest", "Sunvalley", "Brightwater",
             "Cedar", "Marlin", "Kestrel", "Tamarind", "Juniper", "Alder", "Quarry", "Beacon", "Lakeshore",
             "Meridian", "Cobalt", "Horizon", "Anvil", "Saffron", "Thistle", "Vantage", "Orchard", "Crescent"]
ACC_SECOND = ["Foundry", "Steelworks", "Cement", "Chemicals", "Foods", "Dairy", "Water Authority", "Mining",
              "Logistics", "Freight", "Paper Mill", "Glassworks", "Plastics", "Brewing", "Pharma", "Motors",
              "Components", "Energy", "Utilities", "Textiles"]
LOCAL_NAMES = {
    "DE": ["Taunus", "Spessart", "Neckar", "Eifel", "Harz", "Allgäu"], "AT": ["Wachau", "Mühlviertel"],
    "FR": ["Vercors", "Morvan", "Beauce", "Cévennes"], "ES": ["Guadarrama", "Montseny", "Gredos"],
    "BR": ["Sertão", "Cerrado", "Pampa", "Serra Gaúcha"], "JP": ["Kanto", "Tohoku", "Chubu", "Shikoku"],
    "MX": ["Bajío", "Sonora", "Huasteca"], "GB": ["Pennard", "Mendip", "Chiltern"], "PT": ["Alentejo", "Minho"],
}

DIGEST_NOTE = "Generated by evals/other_vendor/generate.py (seed %d, today %s)." % (SEED, TODAY)


def slug(text: str) -> str:
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")


def _write_csv(path: Path, header: list[str], rows: list[dict]):
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: ("" if r.get(k) is None else r.get(k)) for k in header})


def _money(x: float) -> str:
    return f"{x:.2f}"


def _round(x: float, step: int = 500) -> int:
    return int(round(x / step) * step)


class World:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.partners: list[dict] = []
        self.accounts: list[dict] = []
        self.opps: list[dict] = []
        self.regs: list[dict] = []
        self.mdf: list[dict] = []
        self.pacc: list[dict] = []
        self.activity: list[dict] = []
        self.leads: list[dict] = []
        self.candidates: list[dict] = []
        self.users: list[dict] = []
        self._acc_names: set[str] = set()

    # ------------------------------------------------------------------ partners and users
    def make_partners(self):
        r = self.rng
        for (pid, name, brand, typ, tier, countries, inds, comps, langs, joined, cm, emp, cert, _s) in SELLER_PARTNERS:
            self.partners.append({
                "partner_id": pid, "name": name, "brand_name": brand, "type": typ, "tier": tier,
                "website": f"{slug(brand)}.example", "countries": countries, "industries": inds,
                "competencies": comps, "certified_staff": cert, "languages": langs, "joined_on": joined.isoformat(),
                "brand_color": "#%06X" % r.randrange(0x202020, 0xE0E0E0), "tagline": "",
                "contact_email": f"hello@{slug(brand)}.example", "account_sharing": "accounts",
                "description": "", "channel_manager": cm, "employees": emp,
            })
        tiers = ["registered", "silver", "silver", "gold", "gold", "platinum", "silver", "registered"]
        for i, (name, typ, countries, inds, comps, langs, cm) in enumerate(OTHER_PARTNERS):
            pid = f"CVP-{201 + i}"
            tier = tiers[i % len(tiers)]
            if name == AT_RISK:
                tier = "gold"
            if name == FIT_PARTNER:
                tier = "gold"
            brand = re.sub(r"\s+(Ltda|Sp\. z o\.o\.|Inc\.|SpA|Pte Ltd|Pvt Ltd|AS|B\.V\.|Lda|S\.r\.l\.|GmbH|AG)$", "",
                           name)
            cert_parts = []
            for c in comps.split(";"):
                n = {"registered": r.randint(0, 2), "silver": r.randint(1, 3), "gold": r.randint(3, 6),
                     "platinum": r.randint(6, 10)}[tier]
                if n:
                    cert_parts.append(f"{c}:{n}")
            joined = D(2019, 1, 1) + dt.timedelta(days=r.randint(0, 365 * 5))
            sharing = r.choice(["accounts", "counts", "accounts", "none"])
            self.partners.append({
                "partner_id": pid, "name": name, "brand_name": brand, "type": typ, "tier": tier,
                "website": f"{slug(brand)}.example", "countries": countries, "industries": inds,
                "competencies": comps, "certified_staff": ";".join(cert_parts), "languages": langs,
                "joined_on": joined.isoformat(), "brand_color": "#%06X" % r.randrange(0x202020, 0xE0E0E0),
                "tagline": "", "contact_email": f"partners@{slug(brand)}.example", "account_sharing": sharing,
                "description": "", "channel_manager": cm, "employees": r.randint(12, 600),
            })
        for p in self.partners:
            p["description"] = self._describe(p)
        self.pid = {p["name"]: p["partner_id"] for p in self.partners}
        for (uid, name, email, role, pid, slack, loc) in USERS:
            self.users.append({"user_id": uid, "name": name, "email": email, "role": role, "partner_id": pid,
                               "slack_user_id": slack, "locale": loc})
        n = 10
        for sp in SELLER_PARTNERS:
            for (uid, name, loc) in sp[13]:
                n += 1
                first, last = name.split(" ", 1)
                self.users.append({"user_id": uid, "name": name,
                                   "email": f"{slug(first)}.{slug(last)}@{slug(sp[2])}.example",
                                   "role": "partner_seller", "partner_id": sp[0], "slack_user_id": f"UCV{n:06d}",
                                   "locale": loc})

    def _describe(self, p) -> str:
        comps = p["competencies"].replace(";", ", ")
        inds = p["industries"].replace(";", ", ").lower()
        return (f"{p['type'].replace('_', ' ').title()} serving {inds} customers in {p['countries'].replace(';', ', ')}. "
                f"Delivers Corvane {comps} projects: sensor surveys, installation and commissioning, "
                f"dashboards for maintenance teams.")

    # ------------------------------------------------------------------ accounts
    def _acc_name(self, country: str) -> str:
        r = self.rng
        for _ in range(1000):
            first = r.choice(LOCAL_NAMES.get(country, []) + ACC_FIRST) if r.random() < 0.4 else r.choice(ACC_FIRST)
            name = f"{first} {r.choice(ACC_SECOND)}"
            if name not in self._acc_names:
                self._acc_names.add(name)
                return name
        raise RuntimeError("ran out of account names")

    def add_account(self, name: str | None, country: str, industry: str | None = None, status: str | None = None,
                    owner: str | None = None) -> dict:
        r = self.rng
        if name is None:
            name = self._acc_name(country)
        else:
            self._acc_names.add(name)
        aid = f"CVA-{len(self.accounts) + 1:04d}"
        acc = {"account_id": aid, "name": name, "domain": f"{slug(name)}.{COUNTRY_TLD.get(country, 'com')}",
               "industry": industry or r.choice(INDUSTRIES), "country": country,
               "employees": r.choice([250, 400, 800, 1200, 2500, 5000, 9000, 15000]),
               "annual_revenue": _money(r.choice([40, 90, 180, 350, 700, 1500]) * 1_000_000),
               "status": status or r.choices(["customer", "prospect", "former_customer"], [35, 50, 15])[0],
               "owner_email": owner or r.choice(["dana.kim@corvane.example", "tom.reyes@corvane.example",
                                                 "sofie.berg@corvane.example", "yuki.ono@corvane.example"])}
        self.accounts.append(acc)
        return acc

    def make_accounts(self):
        countries = [c for c in COUNTRY_TLD if c not in ("LT",)]
        for _ in range(330):
            self.add_account(None, self.rng.choice(countries))

    # ------------------------------------------------------------------ opportunities
    def add_opp(self, acc: dict, stage: str, amount: int, created: dt.date, close: dt.date, last: dt.date | None,
                products: list[str], partner: str | None = None, role: str | None = None,
                registered_by: str | None = None, name: str | None = None, mdf: str | None = None,
                description: str = "") -> dict:
        oid = f"CVO-{len(self.opps) + 1:05d}"
        opp = {"opportunity_id": oid, "account_id": acc["account_id"],
               "name": name or f"{acc['name']} - {' + '.join(products)}", "stage": stage,
               "amount": _money(amount), "currency": "USD", "created_on": created.isoformat(),
               "close_date": close.isoformat(), "last_activity_on": (last or close).isoformat(),
               "products": ";".join(products), "partner_id": partner or "", "partner_role": role or "",
               "registered_by": registered_by or "", "mdf_activity_id": mdf or "", "description": description}
        self.opps.append(opp)
        return opp

    def make_random_opps(self):
        r = self.rng
        others = [p for p in self.partners if p["partner_id"] >= "CVP-201"]
        at_risk = self.pid[AT_RISK]
        for _ in range(560):
            acc = r.choice(self.accounts)
            created = D(2023, 10, 1) + dt.timedelta(days=r.randint(0, 1090))
            if created > TODAY - dt.timedelta(days=5):
                created = TODAY - dt.timedelta(days=r.randint(5, 200))
            close = created + dt.timedelta(days=r.randint(30, 220))
            prods = r.sample(PRODUCTS, r.choice([1, 1, 2]))
            amount = _round(r.uniform(15000, 260000))
            if close < TODAY - dt.timedelta(days=10):
                stage = "closed_won" if r.random() < 0.45 else "closed_lost"
                last = close
            else:
                stage = r.choice(["prospecting", "qualification", "proposal", "negotiation"])
                if close <= TODAY:
                    close = TODAY + dt.timedelta(days=r.randint(10, 120))
                last = min(TODAY - dt.timedelta(days=r.randint(1, 40)), close)
                last = max(last, created)
            partner = role = regby = None
            if r.random() < 0.55:
                p = r.choice(others)
                partner = p["partner_id"]
                if ((partner == at_risk and created > TODAY - dt.timedelta(days=330))
                        or dt.date.fromisoformat(p["joined_on"]) > created):
                    partner = None
                if partner:
                    role = r.choices(["sourced", "influenced", "fulfillment"], [45, 35, 20])[0]
                    if role == "sourced" and r.random() < 0.5:
                        regby = partner
            self.add_opp(acc, stage, amount, created, close, last, prods, partner, role, regby)

    def plant_seller_deals(self):
        """Wins over the trailing 12 months (the tier figures), older wins and losses, and open deals."""
        r = self.rng
        plan = {  # partner: (wins in 12 months, amount range)
            "CVP-101": (6, (90000, 110000)), "CVP-102": (5, (85000, 110000)), "CVP-103": (7, (70000, 95000)),
            "CVP-104": (2, (50000, 70000)), "CVP-105": (0, (0, 0)), "CVP-106": (14, (90000, 120000)),
            "CVP-107": (4, (105000, 130000)), "CVP-108": (3, (45000, 60000)), "CVP-109": (2, (40000, 50000)),
            "CVP-110": (1, (30000, 45000)),
        }
        self.open_deals: dict[str, list[dict]] = {}
        for sp in SELLER_PARTNERS:
            pid, country = sp[0], sp[5].split(";")[0]
            comps = sp[7].split(";")
            joined = sp[9]
            n, (lo, hi) = plan[pid]
            for _ in range(n):
                close = TODAY - dt.timedelta(days=r.randint(15, 350))
                acc = self.add_account(None, country, r.choice(sp[6].split(";")), "customer")
                role = r.choice(["sourced", "sourced", "influenced", "fulfillment"])
                self.add_opp(acc, "closed_won", _round(r.uniform(lo, hi)), close - dt.timedelta(days=r.randint(60, 150)),
                             close, close, r.sample(comps, 1), pid, role, pid if role == "sourced" else None)
            if pid != "CVP-105":
                for _ in range(r.randint(2, 4)):  # older wins, out of the 12 months
                    close = TODAY - dt.timedelta(days=r.randint(400, 900))
                    if close < joined:
                        continue
                    acc = self.add_account(None, country, r.choice(sp[6].split(";")), "customer")
                    self.add_opp(acc, "closed_won", _round(r.uniform(lo or 40000, hi or 90000)),
                                 close - dt.timedelta(days=90), close, close, r.sample(comps, 1), pid, "sourced", pid)
                for _ in range(r.randint(1, 3)):  # losses
                    close = TODAY - dt.timedelta(days=r.randint(20, 500))
                    acc = self.add_account(None, country, r.choice(sp[6].split(";")), "prospect")
                    self.add_opp(acc, "closed_lost", _round(r.uniform(30000, 150000)),
                                 close - dt.timedelta(days=100), close, close, r.sample(comps, 1), pid, "influenced")

    def plant_open_deals_and_registrations(self):
        """Named open deals of the seller partners, with their registrations (deal_registrations.csv)."""
        T = TODAY
        days = dt.timedelta
        # (partner, account, country, industry, products, stage, amount, created, last activity, close,
        #  registration: None | (status, submitted, decided, reason))
        planted = [
            # Ridgeline: one protection about to end, one lapsed, one stalled deal, one pending registration
            ("CVP-101", "Bluewater Foundry", "US", "Manufacturing", ["PlantPulse", "SensorMesh"], "proposal", 184000,
             T - days(130), T - days(6), T + days(40), ("approved", T - days(118), T - days(115), "")),
            ("CVP-101", "Cobalt Ridge Mining", "US", "Mining", ["PredictIQ"], "qualification", 96000,
             T - days(150), T - days(20), T + days(70), ("approved", T - days(135), T - days(132), "")),
            ("CVP-101", "Granite Peak Cement", "US", "Manufacturing", ["PlantPulse"], "negotiation", 212500,
             T - days(200), T - days(74), T + days(12), None),
            ("CVP-101", "Lakeshore Chemicals", "US", "Chemicals", ["SensorMesh"], "prospecting", 58000,
             T - days(4), T - days(2), T + days(110), ("submitted", T - days(2), None, "")),
            # Rheintal: protection ending in 9 days, one with 70 days left, one rejected (conflict)
            ("CVP-102", "Neckar Präzisionsguss GmbH", "DE", "Automotive", ["SensorMesh"], "proposal", 143000,
             T - days(125), T - days(3), T + days(30), ("approved", T - days(113), T - days(111), "")),
            ("CVP-102", "Spessart Kunststofftechnik", "DE", "Manufacturing", ["PlantPulse"], "qualification",
             77500, T - days(55), T - days(9), T + days(95), ("approved", T - days(52), T - days(50), "")),
            # Loire
            ("CVP-103", "Fromagerie du Morvan", "FR", "Food and Beverage", ["PlantPulse", "PredictIQ"],
             "negotiation", 231000, T - days(110), T - days(5), T + days(25),
             ("approved", T - days(99), T - days(97), "")),
            ("CVP-103", "Eaux de Beauce", "FR", "Utilities", ["SensorMesh"], "qualification", 64500,
             T - days(12), T - days(4), T + days(120), ("submitted", T - days(6), None, "")),
            # Ibérica: one lapsed, one running
            ("CVP-104", "Aguas del Guadarrama", "ES", "Utilities", ["SensorMesh"], "proposal", 88000,
             T - days(170), T - days(11), T + days(35), ("approved", T - days(152), T - days(150), "")),
            ("CVP-104", "Conservas Montseny", "ES", "Food and Beverage", ["SensorMesh"], "qualification", 41500,
             T - days(80), T - days(8), T + days(60), ("approved", T - days(75), T - days(73), "")),
            # Paraná: its first registration, pending
            ("CVP-105", "Cerrado Grãos Armazéns", "BR", "Agriculture", ["AssetTrack"], "prospecting", 39000,
             T - days(7), T - days(5), T + days(90), ("submitted", T - days(5), None, "")),
            # Hokuto
            ("CVP-106", "Chubu Gear Works", "JP", "Automotive", ["PredictIQ", "PlantPulse"], "negotiation", 356000,
             T - days(120), T - days(2), T + days(20), ("approved", T - days(108), T - days(106), "")),
            ("CVP-106", "Tohoku Semiconductor Fab", "JP", "Electronics", ["SensorMesh"], "proposal", 128000,
             T - days(60), T - days(7), T + days(50), ("approved", T - days(40), T - days(38), "")),
            ("CVP-106", "Shikoku Paper Mill", "JP", "Manufacturing", ["PlantPulse"], "qualification", 97000,
             T - days(30), T - days(10), T + days(80), None),
            # Pennine: a stalled deal and one about to lapse
            ("CVP-107", "Mendip Water Services", "GB", "Water", ["PlantPulse"], "proposal", 167000,
             T - days(180), T - days(88), T + days(15), ("approved", T - days(119), T - days(117), "")),
            ("CVP-107", "Chiltern Dairy Co", "GB", "Food and Beverage", ["SensorMesh"], "qualification", 52500,
             T - days(40), T - days(6), T + days(75), None),
            # Coral Coast
            ("CVP-108", "Pilbara Haulage", "AU", "Mining", ["AssetTrack"], "proposal", 118000,
             T - days(35), T - days(4), T + days(45), ("approved", T - days(22), T - days(20), "")),
            # Sierra Madre
            ("CVP-109", "Minera Sonora del Norte", "MX", "Mining", ["PlantPulse"], "qualification", 134000,
             T - days(70), T - days(12), T + days(65), ("approved", T - days(62), T - days(60), "")),
            # Donau
            ("CVP-110", "Wachau Getränke GmbH", "AT", "Food and Beverage", ["SensorMesh"], "prospecting", 26500,
             T - days(10), T - days(3), T + days(100), ("submitted", T - days(3), None, "")),
        ]
        for (pid, accname, country, ind, prods, stage, amount, created, last, close, reg) in planted:
            acc = self.add_account(accname, country, ind, "prospect")
            approved = reg is not None and reg[0] == "approved"
            opp = self.add_opp(acc, stage, amount, created, close, last, prods, pid, "sourced",
                               pid if approved else None, name=f"{accname} - {' / '.join(prods)}")
            self.open_deals.setdefault(pid, []).append(opp)
            if reg:
                status, sub, dec, reason = reg
                self.add_reg(pid, acc, prods, amount, status, sub, dec, opp["opportunity_id"] if approved else "",
                             reason)
        # Rheintal's rejected registration: Bayern Fertigungsdaten registered the account first
        acc = self.add_account("Taunus Anlagenbau AG", "DE", "Manufacturing", "prospect")
        bayern = self.pid["Bayern Fertigungsdaten GmbH"]
        opp = self.add_opp(acc, "proposal", 198000, T - days(90), T + days(45), T - days(8),
                           ["PlantPulse", "PredictIQ"], bayern, "sourced", bayern,
                           name="Taunus Anlagenbau AG - PlantPulse / PredictIQ")
        self.add_reg(bayern, acc, ["PlantPulse", "PredictIQ"], 198000, "approved", T - days(84), T - days(82),
                     opp["opportunity_id"], "")
        self.add_reg("CVP-102", acc, ["PlantPulse"], 150000, "rejected", T - days(30), T - days(27), "",
                     "Conflict: the account was already registered by another partner (first approved wins).")
        # Sierra Madre: a rejected one (no customer meeting evidence)
        acc = self.add_account("Huasteca Autopartes", "MX", "Automotive", "prospect")
        self.add_reg("CVP-109", acc, ["PlantPulse"], 72000, "rejected", T - days(45), T - days(41), "",
                     "No evidence of a customer meeting in the last 30 days.")
        # Won registrations in the past
        for pid in ("CVP-101", "CVP-103", "CVP-106"):
            won = [o for o in self.opps if o["partner_id"] == pid and o["stage"] == "closed_won"
                   and o["registered_by"] == pid]
            for o in won[:2]:
                acc = next(a for a in self.accounts if a["account_id"] == o["account_id"])
                sub = dt.date.fromisoformat(o["created_on"]) + dt.timedelta(days=3)
                self.add_reg(pid, acc, o["products"].split(";"), float(o["amount"]), "won", sub,
                             sub + dt.timedelta(days=2), o["opportunity_id"], "")
        # Other partners' open registered deals get their registration rows too
        for o in self.opps:
            if (o["registered_by"] and o["stage"] not in ("closed_won", "closed_lost")
                    and o["registered_by"] >= "CVP-201" and o["opportunity_id"] not in
                    {g["opportunity_id"] for g in self.regs}):
                created = dt.date.fromisoformat(o["created_on"])
                acc = next(a for a in self.accounts if a["account_id"] == o["account_id"])
                self.add_reg(o["registered_by"], acc, o["products"].split(";"), float(o["amount"]), "approved",
                             created + dt.timedelta(days=1), created + dt.timedelta(days=3), o["opportunity_id"], "")

    def add_reg(self, pid, acc, prods, amount, status, submitted, decided, opp_id, reason):
        rid = f"CVR-{len(self.regs) + 1:04d}"
        expires = ""
        if status == "approved" and decided:
            expires = (decided + dt.timedelta(days=PROTECTION_DAYS)).isoformat()
        self.regs.append({"registration_id": rid, "partner_id": pid, "account_name": acc["name"],
                          "domain": acc["domain"], "country": acc["country"], "products": ";".join(prods),
                          "amount": _money(amount), "currency": "USD", "status": status,
                          "submitted_on": submitted.isoformat(), "decided_on": decided.isoformat() if decided else "",
                          "expires_on": expires, "opportunity_id": opp_id, "reason": reason})

    def plant_fit_deal(self):
        """An unpartnered Brazilian fleet deal that Vale do Sinos fits (country, product, industry, customer)."""
        T = TODAY
        acc = self.add_account("Sertão Logística Integrada", "BR", "Logistics", "prospect")
        self.fit_opp = self.add_opp(acc, "qualification", 245000, T - days_(25), T + days_(75), T - days_(3),
                                    ["AssetTrack"], name="Sertão Logística Integrada - AssetTrack fleet pilot")
        self.fit_account = acc

    # ------------------------------------------------------------------ MDF
    def make_mdf(self):
        r = self.rng
        T = TODAY
        kits = ["predictive-maintenance-kickoff", "plant-visibility-week", "fleet-tracking-roadshow"]
        planted = [
            # partner, name, kind, status, requested, approved, claimed, paid, requested_on, start, end, kit, leads
            ("CVP-101", "Houston plant-floor roadshow", "event", "claimed", 12000, 10000, 9400, None,
             T - days_(120), T - days_(80), T - days_(78), kits[1], 31),
            ("CVP-101", "Gulf chemicals PredictIQ webinar", "webinar", "approved", 4000, 4000, None, None,
             T - days_(75), T - days_(42), T - days_(42), kits[0], None),
            ("CVP-101", "Q4 reliability breakfast series", "event", "requested", 6500, None, None, None,
             T - days_(6), T + days_(30), T + days_(60), kits[0], None),
            ("CVP-102", "Hannover Messe Nachbereitung Webinar", "webinar", "paid", 3000, 3000, 2800, 2800,
             T - days_(200), T - days_(160), T - days_(160), kits[0], 14),
            ("CVP-102", "Sensor-Workshop Stuttgart", "event", "claimed", 4500, 4000, 3900, None,
             T - days_(90), T - days_(50), T - days_(49), kits[1], 9),
            ("CVP-103", "Salon agroalimentaire Rennes", "event", "paid", 14000, 12000, 11800, 11800,
             T - days_(260), T - days_(220), T - days_(218), kits[1], 42),
            ("CVP-103", "Campagne LinkedIn PredictIQ", "digital", "approved", 5000, 5000, None, None,
             T - days_(70), T - days_(55), T - days_(20), kits[0], None),
            ("CVP-104", "Jornada agua inteligente Madrid", "event", "rejected", 9000, None, None, None,
             T - days_(60), T - days_(20), T - days_(20), kits[1], None),
            ("CVP-106", "Nagoya PredictIQ seminar", "event", "paid", 30000, 30000, 28500, 28500,
             T - days_(240), T - days_(200), T - days_(199), kits[0], 64),
            ("CVP-106", "Tokyo smart factory expo booth", "event", "claimed", 36000, 35000, 34200, None,
             T - days_(110), T - days_(65), T - days_(62), kits[0], 88),
            ("CVP-106", "Automotive OEM webinar series", "webinar", "approved", 8000, 8000, None, None,
             T - days_(30), T + days_(10), T + days_(40), kits[0], None),
            ("CVP-107", "Water utilities roundtable Leeds", "event", "paid", 9000, 9000, 8700, 8700,
             T - days_(190), T - days_(150), T - days_(150), kits[1], 22),
            ("CVP-108", "Pilbara fleet tracking roadshow", "event", "claimed", 5000, 5000, 4800, None,
             T - days_(100), T - days_(58), T - days_(56), kits[2], 17),
            ("CVP-109", "Webinar minería conectada", "webinar", "approved", 3500, 3000, None, None,
             T - days_(40), T + days_(14), T + days_(14), kits[1], None),
        ]
        for (pid, name, kind, status, req, appr, cl, paid, req_on, start, end, kit, leads) in planted:
            self.add_mdf(pid, name, kind, status, req, appr, cl, paid, req_on, start, end, kit, leads)
        others = [p for p in self.partners if p["partner_id"] >= "CVP-201" and p["tier"] != "registered"]
        for _ in range(36):
            p = r.choice(others)
            start = D(2024, 1, 10) + dt.timedelta(days=r.randint(0, 900))
            if start > T - days_(20):
                start = T - days_(r.randint(20, 300))
            req = _round(r.uniform(2000, 14000), 100)
            status = r.choice(["paid", "paid", "paid", "claimed", "approved", "rejected"])
            appr = req if status != "rejected" else None
            cl = _round(appr * r.uniform(0.85, 1.0), 100) if status in ("claimed", "paid") else None
            paid = cl if status == "paid" else None
            self.add_mdf(p["partner_id"], f"{p['brand_name']} {r.choice(['open day', 'webinar', 'trade show', 'email programme', 'lunch and learn'])} {start.year}",
                         r.choice(["event", "webinar", "digital", "content"]), status, req, appr, cl, paid,
                         start - days_(30), start, start + days_(r.randint(0, 3)), r.choice(kits),
                         r.randint(3, 40) if status in ("claimed", "paid") else None)
        # MDF-sourced deals: the Nagoya seminar sourced two of Hokuto's deals
        nagoya = next(m for m in self.mdf if m["name"] == "Nagoya PredictIQ seminar")
        hok = [o for o in self.opps if o["partner_id"] == "CVP-106" and o["stage"] == "closed_won"
               and dt.date.fromisoformat(o["close_date"]) > dt.date.fromisoformat(nagoya["end_on"])]
        for o in hok[:2]:
            o["mdf_activity_id"] = nagoya["activity_id"]
        chubu = next(o for o in self.opps if o["name"].startswith("Chubu Gear Works"))
        chubu["mdf_activity_id"] = nagoya["activity_id"]

    def add_mdf(self, pid, name, kind, status, req, appr, cl, paid, req_on, start, end, kit, leads):
        aid = f"CVM-{len(self.mdf) + 1:03d}"
        self.mdf.append({"activity_id": aid, "partner_id": pid, "name": name, "kind": kind, "status": status,
                         "requested_amount": _money(req), "approved_amount": _money(appr) if appr else "",
                         "claimed_amount": _money(cl) if cl else "", "paid_amount": _money(paid) if paid else "",
                         "currency": "USD", "requested_on": req_on.isoformat(), "start_on": start.isoformat(),
                         "end_on": end.isoformat(), "kit_id": kit, "leads": leads if leads is not None else ""})

    # ------------------------------------------------------------------ account mapping
    def make_partner_accounts(self):
        r = self.rng
        surnames = ["Okonkwo", "Lindqvist", "Castellano", "Varga", "Nakamura", "Oyelaran", "Brandt", "Moreau",
                    "Ferreira", "Kowalczyk", "Haddad", "Ishida", "Quintero", "Albrecht", "Delacroix", "Santos",
                    "Novak", "Takeda", "Rinaldi", "Eriksen", "Mbeki", "Laurent", "Sato", "Herrera"]
        trades = ["Freight Co", "Bottling", "Canning Works", "Metal Forming", "Timber", "Poultry", "Dyeworks",
                  "Precision Tools", "Cold Storage", "Ceramics"]
        used = set()
        by_country: dict[str, list[dict]] = {}
        for a in self.accounts:
            by_country.setdefault(a["country"], []).append(a)
        for p in self.partners:
            countries = p["countries"].split(";")
            pool = [a for c in countries for a in by_country.get(c, [])]
            mine = {o["account_id"] for o in self.opps if p["partner_id"] in (o["partner_id"], o["registered_by"])}
            n_overlap = min(len(pool), r.randint(4, 12))
            chosen = [a for a in self.accounts if a["account_id"] in mine] + r.sample(pool, n_overlap)
            seen = set()
            for a in chosen:
                if a["account_id"] in seen:
                    continue
                seen.add(a["account_id"])
                status = "customer" if a["account_id"] in mine else r.choice(["customer", "open_opportunity",
                                                                               "prospect"])
                self.pacc.append({"partner_id": p["partner_id"], "account_name": a["name"], "domain": a["domain"],
                                  "country": a["country"], "status": status,
                                  "updated_on": (TODAY - days_(r.randint(3, 60))).isoformat()})
            for _ in range(r.randint(3, 8)):  # the partner's own customers the vendor does not know
                for _ in range(100):
                    nm = f"{r.choice(surnames)} {r.choice(trades)}"
                    if nm not in used and nm not in self._acc_names:
                        break
                used.add(nm)
                c = countries[0]
                self.pacc.append({"partner_id": p["partner_id"], "account_name": nm,
                                  "domain": f"{slug(nm)}-{slug(p['brand_name'])[:6]}.{COUNTRY_TLD.get(c, 'com')}",
                                  "country": c, "status": r.choice(["customer", "prospect"]),
                                  "updated_on": (TODAY - days_(r.randint(3, 60))).isoformat()})
        # Vale do Sinos has the Sertão deal's account as its customer
        vs = self.pid[FIT_PARTNER]
        self.pacc.append({"partner_id": vs, "account_name": "Sertão Logística Integrada S.A.",
                          "domain": self.fit_account["domain"], "country": "BR", "status": "customer",
                          "updated_on": (TODAY - days_(9)).isoformat()})

    # ------------------------------------------------------------------ engagement
    def make_activity(self):
        r = self.rng
        at_risk = self.pid[AT_RISK]
        regs_by = {}
        for o in self.opps:
            if o["registered_by"]:
                m = o["created_on"][:7]
                regs_by[(o["registered_by"], m)] = regs_by.get((o["registered_by"], m), 0) + 1
        for p in self.partners:
            joined = dt.date.fromisoformat(p["joined_on"])
            m = max(FIRST_MONTH, joined.replace(day=1))
            base = {"registered": 6, "silver": 14, "gold": 26, "platinum": 45}[p["tier"]]
            while m <= LAST_MONTH:
                months_left = (LAST_MONTH.year - m.year) * 12 + LAST_MONTH.month - m.month
                logins = max(0, int(r.gauss(base, base * 0.2)))
                psat = round(min(10, max(0, r.gauss(7.8, 0.6))), 1)
                if p["partner_id"] == at_risk and months_left < 4:
                    logins = [3, 5, 9, 17][months_left]
                    psat = [4.1, 4.8, 5.6, 6.4][months_left]
                alloc = QUARTER_MDF[p["tier"]] if m.month in (1, 4, 7, 10) else 0
                spent = 0
                if QUARTER_MDF[p["tier"]]:
                    spent = _round(QUARTER_MDF[p["tier"]] / 3 * r.uniform(0.2, 1.0), 100)
                    if p["partner_id"] == at_risk and months_left < 4:
                        spent = 0
                self.activity.append({
                    "partner_id": p["partner_id"], "month": m.strftime("%Y-%m"), "portal_logins": logins,
                    "trainings_completed": r.randint(0, 3) if logins > 5 else 0,
                    "deals_registered": regs_by.get((p["partner_id"], m.strftime("%Y-%m")), 0),
                    "certifications_earned": 1 if r.random() < 0.1 else 0, "mdf_allocated": _money(alloc),
                    "mdf_spent": _money(spent), "psat": psat})
                m = (m + dt.timedelta(days=32)).replace(day=1)

    # ------------------------------------------------------------------ leads and candidates
    def make_leads(self):
        r = self.rng
        T = TODAY
        planted = [
            ("Kanto Precision Castings", "JP", "Automotive", ["PredictIQ"], 2200, 310000, "Tokyo smart factory expo",
             "Die-casting lines for two automotive OEMs; wants vibration-based failure prediction on 40 presses."),
            ("Alentejo Cortiça", "PT", "Manufacturing", ["SensorMesh"], 350, 45000, "website",
             "Cork processor asking about humidity and temperature sensors in storage halls."),
        ]
        for i, (company, c, ind, prods, emp, amount, source, desc) in enumerate(planted):
            self.leads.append({"lead_id": f"CVL-{i + 1:03d}", "company": company,
                               "domain": f"{slug(company)}.{COUNTRY_TLD[c]}", "country": c, "industry": ind,
                               "products": ";".join(prods), "employees": emp, "amount": _money(amount),
                               "currency": "USD", "source": source,
                               "created_on": (T - days_(2 + i)).isoformat(), "description": desc})
        countries = ["US", "DE", "FR", "GB", "ES", "BR", "AU", "MX", "CA", "NL", "IN", "ZA"]
        for i in range(len(planted), 22):
            c = r.choice(countries)
            company = self._acc_name(c) + " Group"
            self.leads.append({"lead_id": f"CVL-{i + 1:03d}", "company": company,
                               "domain": f"{slug(company)}.{COUNTRY_TLD[c]}", "country": c,
                               "industry": r.choice(INDUSTRIES), "products": ";".join(r.sample(PRODUCTS, 1)),
                               "employees": r.choice([150, 400, 900, 3000]), "amount": _money(_round(r.uniform(20000, 200000))),
                               "currency": "USD", "source": r.choice(["webinar", "website", "trade show", "content download"]),
                               "created_on": (T - days_(r.randint(1, 40))).isoformat(), "description": ""})

    def make_candidates(self):
        r = self.rng
        planted = [
            ("CVC-01", "Sonora Mining Analytics", "consultancy", "MX", "Mining", "PredictIQ", "es;en", 45,
             "Reliability engineers for open-pit mines in northern Mexico; vibration analysis and predictive "
             "maintenance for haul trucks and crushers.", "event"),
            ("CVC-02", "Kraków Automatyka", "system_integrator", "PL", "Manufacturing;Automotive",
             "PlantPulse;SensorMesh", "pl;en;de", 130, "Automation integrator for automotive suppliers in southern "
             "Poland; SCADA and MES projects.", "referral"),
        ]
        for (cid, name, typ, c, inds, comps, langs, emp, desc, src) in planted:
            self.candidates.append({"candidate_id": cid, "name": name, "type": typ,
                                    "website": f"{slug(name)}.example", "countries": c, "industries": inds,
                                    "competencies": comps, "languages": langs, "description": desc,
                                    "employees": emp, "source": src})
        fill = [("Helvetic Sensor Lab", "CH"), ("Midwest Uptime Partners", "US"), ("Garonne Industrie 4.0", "FR"),
                ("Ruhr Instandhaltung Digital", "DE"), ("Cape Reliability Works", "ZA"),
                ("Mekong Factory Systems", "VN"), ("Lusitânia Sensores", "PT"), ("Bangalore Asset Intelligence", "IN"),
                ("Patagonia Field IoT", "AR"), ("Aotearoa Agritech", "NZ"), ("Ontario Plant Data", "CA"),
                ("Andalucía Control Industrial", "ES")]
        for i, (name, c) in enumerate(fill):
            self.candidates.append({"candidate_id": f"CVC-{i + 3:02d}", "name": name,
                                    "type": r.choice(["var", "system_integrator", "msp", "consultancy"]),
                                    "website": f"{slug(name)}.example", "countries": c,
                                    "industries": ";".join(r.sample(["Manufacturing", "Utilities", "Agriculture",
                                                                     "Logistics", "Food and Beverage"], 2)),
                                    "competencies": r.choice(["SensorMesh", "PlantPulse", "AssetTrack"]),
                                    "languages": "en", "description": "", "employees": r.randint(10, 300),
                                    "source": r.choice(["inbound", "event", "referral"])})

    # ------------------------------------------------------------------ write
    def build(self):
        self.make_partners()
        self.make_accounts()
        self.make_random_opps()
        self.plant_seller_deals()
        self.plant_open_deals_and_registrations()
        self.plant_fit_deal()
        self.make_mdf()
        self.make_partner_accounts()
        self.make_activity()
        self.make_leads()
        self.make_candidates()
        return self


def days_(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def vendor_yaml() -> str:
    rules = "\n".join(
        f"  {t}:\n    min_won_revenue_12m: {rev}\n    min_won_deals_12m: {deals}\n    min_certified_staff: {cert}"
        for t, (rev, deals, cert) in TIER_RULES.items())
    return f"""# {VENDOR}: industrial IoT (sensors, plant monitoring, asset tracking, predictive maintenance).
# tier_rules: minimums over the trailing 12 months to hold (or be promoted to) a tier:
# won revenue and won deals = closed_won opportunities with the partner on them (any role),
# certified staff = the sum of a partner's certified_staff counts.
name: {VENDOR}
website: corvane.example
default_locale: en
account_sharing: counts
reporting_currency: USD
registration_protection_days: {PROTECTION_DAYS}
lead_accept_hours: 72
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
