"""Generate the fourth vendor's world (Brolga Build, construction software, AUD) in the import format.

    python -m evals.fourth_vendor.generate --out DIR

Deterministic: one fixed seed; planted situations are written row by row, the rest drawn from the seed.
Written from the public contract alone (DATA.md, CLI.md).
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

from evals.fourth_vendor import content as CONTENT

SEED = 4136
TODAY = dt.date(2026, 8, 20)
D = dt.date.fromisoformat
PROTECTION_DAYS = 45

TIER_RULES = {
    "registered": (0, 0, 0),
    "silver": (150000, 2, 3),
    "gold": (600000, 6, 8),
    "platinum": (2000000, 15, 20),
}
MDF_BUDGET = {"registered": 0, "silver": 4000, "gold": 12000, "platinum": 30000}
PRODUCTS = ["SiteLedger", "CrewClock", "PlanVault", "SafeSite Inspect"]
INDUSTRIES = ["Commercial Construction", "Infrastructure", "Residential Building", "Mining Services",
              "Facilities Management"]


def slug(text: str) -> str:
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")


def _write_csv(path: Path, header: list[str], rows: list[dict]):
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: ("" if r.get(k) is None else r.get(k)) for k in header})


# --------------------------------------------------------------------------- partners

# id, name, brand, type, tier, countries, languages, industries, competencies, certified_staff, joined_on, cm, employees
KEY_PARTNERS = [
    ("BB-P01", "Harbourline Systems Pty Ltd", "Harbourline", "var", "gold", "AU", "en;ja",
     "Commercial Construction;Infrastructure", "SiteLedger;SafeSite Inspect;PlanVault",
     "SiteLedger:5;SafeSite Inspect:4", "2022-03-14", "u-cm-apac", 85),
    ("BB-P02", "Kōmon Build Solutions K.K.", "Kōmon Build", "system_integrator", "platinum", "JP", "ja",
     "Commercial Construction;Residential Building", "SiteLedger;CrewClock;PlanVault",
     "SiteLedger:12;CrewClock:6;PlanVault:5", "2021-09-01", "u-cm-apac", 420),
    ("BB-P03", "Baustein Digital GmbH", "Baustein Digital", "var", "silver", "DE", "de;en",
     "Infrastructure;Commercial Construction", "CrewClock;SiteLedger", "CrewClock:4;SiteLedger:2",
     "2023-05-10", "u-cm-emea", 60),
    ("BB-P04", "Alpenbau Software AG", "Alpenbau", "consultancy", "gold", "AT;DE", "de",
     "Infrastructure;Residential Building", "SiteLedger;PlanVault", "SiteLedger:6;PlanVault:4",
     "2020-11-02", "u-cm-emea", 140),
    ("BB-P05", "Polder Projecten B.V.", "Polder Projecten", "msp", "silver", "NL;BE", "nl;de;en",
     "Residential Building;Facilities Management", "PlanVault;CrewClock", "PlanVault:3", "2023-02-01",
     "u-cm-emea", 45),
    ("BB-P06", "Atelier Chantier SAS", "Atelier Chantier", "reseller", "silver", "FR", "fr",
     "Residential Building;Commercial Construction", "PlanVault;SiteLedger", "PlanVault:2;SiteLedger:2",
     "2022-10-03", "u-cm-emea", 38),
    ("BB-P07", "Léman Construct SA", "Léman Construct", "consultancy", "registered", "CH;FR", "fr;de",
     "Commercial Construction", "PlanVault", "", "2026-07-11", "u-cm-emea", 22),
    ("BB-P08", "Obras Andinas SpA", "Obras Andinas", "var", "gold", "CL;PE", "es;pt",
     "Mining Services;Infrastructure", "SafeSite Inspect;SiteLedger", "SafeSite Inspect:5;SiteLedger:4",
     "2021-06-15", "u-cm-latam", 110),
    ("BB-P09", "Construmarca Distribuidora Ltda", "Construmarca", "distributor", "platinum", "BR", "pt",
     "Residential Building;Commercial Construction;Infrastructure", "SiteLedger;PlanVault;CrewClock",
     "SiteLedger:10;PlanVault:8;CrewClock:4", "2020-04-20", "u-cm-latam", 650),
    ("BB-P10", "Edifica Iberia S.L.", "Edifica Iberia", "reseller", "silver", "ES;PT", "es;pt",
     "Infrastructure;Residential Building", "SiteLedger;CrewClock", "SiteLedger:2;CrewClock:1",
     "2022-01-17", "u-cm-emea", 52),
    ("BB-P11", "Tierra Norte Tecnología S.A. de C.V.", "Tierra Norte", "msp", "registered", "MX", "es",
     "Residential Building", "CrewClock", "CrewClock:1", "2025-09-08", "u-cm-latam", 18),
    ("BB-P12", "Fjordbyg Digital ApS", "Fjordbyg", "system_integrator", "gold", "DK;SE;NO", "da;en",
     "Infrastructure;Facilities Management", "SiteLedger;PlanVault", "SiteLedger:5;PlanVault:4",
     "2021-02-08", "u-cm-emea", 130),
    ("BB-P13", "Kiwi Site Technologies Ltd", "Kiwi Site Tech", "msp", "silver", "NZ", "en",
     "Residential Building;Infrastructure", "SafeSite Inspect;CrewClock", "SafeSite Inspect:3",
     "2022-06-06", "u-cm-apac", 30),
    ("BB-P14", "Hanil Construct IT Co., Ltd.", "Hanil Construct IT", "var", "silver", "KR", "ko;en",
     "Infrastructure;Commercial Construction", "SiteLedger;SafeSite Inspect", "SiteLedger:3",
     "2023-08-21", "u-cm-apac", 75),
    ("BB-P15", "Gironde BTP Numérique SARL", "Gironde BTP", "reseller", "gold", "FR", "fr",
     "Residential Building;Infrastructure", "PlanVault;SiteLedger", "PlanVault:5;SiteLedger:4",
     "2021-04-12", "u-cm-emea", 70),
    ("BB-P16", "Ponte Digitale S.r.l.", "Ponte Digitale", "system_integrator", "gold", "IT", "it;en",
     "Infrastructure;Commercial Construction", "PlanVault;SiteLedger", "PlanVault:5;SiteLedger:4",
     "2021-11-29", "u-cm-emea", 95),
]

FILLER_PARTNERS = [
    ("Norrland Byggdata AB", "isv", "silver", "SE", "sv;en"), ("Vestland Prosjekt AS", "consultancy", "gold", "NO", "no;en"),
    ("Suomen Työmaa Oy", "referral", "registered", "FI", "fi;en"), ("Deccan Infra Systems Pvt Ltd", "system_integrator", "gold", "IN", "en;hi"),
    ("Straits BuildTech Pte Ltd", "var", "platinum", "SG", "en;zh"), ("Maple Ridge Contractors Software Inc.", "reseller", "silver", "CA", "en;fr"),
    ("Lone Oak Field Systems LLC", "msp", "gold", "US", "en;es"), ("Thameside Site Digital Ltd", "var", "platinum", "GB", "en"),
    ("Lusitânia Obras Digitais Lda", "reseller", "registered", "PT", "pt"), ("Wawel Budownictwo Cyfrowe Sp. z o.o.", "var", "silver", "PL", "pl;en"),
    ("Escaut Construct NV", "influencer", "registered", "BE", "nl;fr"), ("Andes Obra Digital S.A.S.", "referral", "silver", "CO", "es"),
    ("Inca Ingeniería Digital S.A.C.", "var", "registered", "PE", "es"), ("Pampa Construcciones Tech S.A.", "reseller", "gold", "AR", "es"),
    ("Highveld Site Systems (Pty) Ltd", "system_integrator", "silver", "ZA", "en;af"), ("Gulf Build Cloud FZ-LLC", "marketplace", "gold", "AE", "en;ar"),
    ("Liffey Build Partners Ltd", "consultancy", "silver", "IE", "en"), ("Selangor Projek Digital Sdn Bhd", "var", "registered", "MY", "en;ms"),
    ("Chao Phraya Construction Tech Co., Ltd.", "reseller", "silver", "TH", "th;en"), ("Outback Field Cloud Pty Ltd", "marketplace", "platinum", "AU", "en"),
    ("Kansai Genba Systems K.K.", "isv", "gold", "JP", "ja"), ("Prairie Build Analytics Corp.", "influencer", "silver", "CA", "en"),
    ("Nusantara Konstruksi Digital PT", "msp", "registered", "ID", "id;en"), ("Sierra Madre Obras Digitales S.A.", "consultancy", "gold", "US", "en;es"),
]

CMS = {"AU": "u-cm-apac", "JP": "u-cm-apac", "IN": "u-cm-apac", "SG": "u-cm-apac", "MY": "u-cm-apac",
       "TH": "u-cm-apac", "ID": "u-cm-apac", "CA": "u-cm-latam", "US": "u-cm-latam", "CO": "u-cm-latam",
       "PE": "u-cm-latam", "AR": "u-cm-latam"}

USERS = [
    ("u-admin", "Priya Raman", "admin", "", "en"),
    ("u-cm-apac", "Kenji Arakawa", "channel_manager", "", "ja"),
    ("u-cm-emea", "Élodie Marchand", "channel_manager", "", "fr"),
    ("u-cm-latam", "Valentina Ruiz", "channel_manager", "", "es"),
    ("u-mkt-lena", "Lena Fischer", "marketer", "", "de"),
    ("u-mkt-aiko", "Aiko Shimizu", "marketer", "", "ja"),
    ("u-ps-harbour-yuki", "Yuki Tanabe", "partner_seller", "BB-P01", "ja"),
    ("u-ps-harbour-liam", "Liam O'Connell", "partner_seller", "BB-P01", "en"),
    ("u-ps-komon", "Haruto Mori", "partner_seller", "BB-P02", "ja"),
    ("u-ps-baustein", "Jonas Weber", "partner_seller", "BB-P03", "de"),
    ("u-ps-alpen", "Katrin Huber", "partner_seller", "BB-P04", "de"),
    ("u-ps-polder", "Sanne Bakker", "partner_seller", "BB-P05", "de"),
    ("u-ps-atelier", "Camille Roux", "partner_seller", "BB-P06", "fr"),
    ("u-ps-leman", "Luc Favre", "partner_seller", "BB-P07", "fr"),
    ("u-ps-andinas", "Rafael Souza", "partner_seller", "BB-P08", "pt-BR"),
    ("u-ps-construmarca", "Beatriz Lima", "partner_seller", "BB-P09", "pt-BR"),
    ("u-ps-edifica", "Lucía Navarro", "partner_seller", "BB-P10", "es"),
    ("u-ps-tierra", "Diego Salinas", "partner_seller", "BB-P11", "es"),
    ("u-ps-hanil", "Min-jun Park", "partner_seller", "BB-P14", "en"),
]

# --------------------------------------------------------------------------- planted deals
# (partner, account, country, industry, stage, amount, created, close, last_activity, products, role, mdf)
KEY_DEALS = [
    ("BB-P01", "Newcastle Rail Yards", "AU", "Infrastructure", "closed_won", 180000, "2025-05-02", "2025-10-14", "2025-10-14", "SiteLedger", "sourced", ""),
    ("BB-P01", "Geelong Civic Centre", "AU", "Commercial Construction", "closed_won", 95000, "2025-07-20", "2025-12-03", "2025-12-03", "PlanVault", "influenced", ""),
    ("BB-P01", "Hobart Harbour Apartments", "AU", "Residential Building", "closed_won", 140000, "2025-09-09", "2026-02-19", "2026-02-19", "SafeSite Inspect", "sourced", ""),
    ("BB-P01", "Penrith Logistics Park", "AU", "Commercial Construction", "closed_won", 210000, "2025-11-11", "2026-04-28", "2026-04-28", "SiteLedger;PlanVault", "sourced", ""),
    ("BB-P01", "Ballarat Schools Upgrade", "AU", "Commercial Construction", "closed_won", 65000, "2026-01-15", "2026-06-10", "2026-06-10", "SafeSite Inspect", "fulfillment", ""),
    ("BB-P01", "Townsville Water Works", "AU", "Infrastructure", "closed_won", 120000, "2026-03-20", "2026-07-22", "2026-07-22", "SiteLedger", "sourced", "MF-301"),
    ("BB-P01", "Canberra Library Fitout", "AU", "Commercial Construction", "closed_won", 88000, "2024-06-01", "2024-11-05", "2024-11-05", "PlanVault", "sourced", ""),
    ("BB-P01", "Darwin Port Sheds", "AU", "Infrastructure", "closed_lost", 70000, "2025-12-01", "2026-03-15", "2026-03-15", "SiteLedger", "sourced", ""),
    ("BB-P01", "Wollongong Precast", "AU", "Infrastructure", "negotiation", 230000, "2026-06-22", "2026-09-18", "2026-08-12", "SiteLedger;SafeSite Inspect", "sourced", ""),
    ("BB-P01", "Parramatta Civic Works", "AU", "Commercial Construction", "proposal", 160000, "2026-07-08", "2026-10-30", "2026-08-05", "PlanVault", "sourced", ""),
    ("BB-P01", "Blue Mountains Resort", "AU", "Commercial Construction", "qualification", 75000, "2026-04-20", "2026-11-20", "2026-05-29", "SafeSite Inspect", "sourced", ""),
    ("BB-P01", "Gold Coast Light Rail Depot", "AU", "Infrastructure", "prospecting", 310000, "2026-08-01", "2027-01-29", "2026-08-17", "SiteLedger", "sourced", "MF-301"),
    ("BB-P02", "Yokohama Bayside Tower", "JP", "Commercial Construction", "negotiation", 420000, "2026-06-10", "2026-09-30", "2026-08-14", "SiteLedger;PlanVault", "sourced", ""),
    ("BB-P02", "Nagoya Steel Frames", "JP", "Commercial Construction", "proposal", 180000, "2026-08-03", "2026-11-27", "2026-08-18", "CrewClock", "sourced", ""),
    ("BB-P02", "Sapporo Snow Dome", "JP", "Commercial Construction", "qualification", 95000, "2026-03-11", "2026-10-15", "2026-06-02", "PlanVault", "influenced", ""),
    ("BB-P03", "Rheinland Tiefbau", "DE", "Infrastructure", "closed_won", 120000, "2025-06-01", "2025-09-12", "2025-09-12", "CrewClock", "sourced", ""),
    ("BB-P03", "Ruhr Brückenbau", "DE", "Infrastructure", "closed_won", 95000, "2025-08-04", "2025-11-20", "2025-11-20", "CrewClock", "sourced", ""),
    ("BB-P03", "Frankfurt Wohnbau", "DE", "Residential Building", "closed_won", 130000, "2025-10-01", "2026-01-27", "2026-01-27", "SiteLedger", "sourced", ""),
    ("BB-P03", "Hamburg Kaibau", "DE", "Infrastructure", "closed_won", 105000, "2025-11-17", "2026-03-18", "2026-03-18", "CrewClock", "influenced", ""),
    ("BB-P03", "Leipzig Gleisbau", "DE", "Infrastructure", "closed_won", 85000, "2026-01-12", "2026-05-06", "2026-05-06", "CrewClock", "sourced", ""),
    ("BB-P03", "Dresden Hochbau", "DE", "Commercial Construction", "closed_won", 105000, "2026-03-02", "2026-07-09", "2026-07-09", "SiteLedger", "sourced", ""),
    ("BB-P03", "Rheinhafen Köln Bau", "DE", "Infrastructure", "proposal", 140000, "2026-07-21", "2026-11-12", "2026-08-11", "CrewClock", "sourced", ""),
    ("BB-P03", "Münster Stadtwerke Bau", "DE", "Infrastructure", "qualification", 60000, "2026-05-05", "2026-12-10", "2026-06-08", "SiteLedger", "sourced", ""),
    ("BB-P04", "Innsbrucker Tunnelbau", "AT", "Infrastructure", "closed_won", 260000, "2025-05-20", "2025-10-02", "2025-10-02", "SiteLedger", "sourced", ""),
    ("BB-P04", "Salzburg Messebau", "AT", "Commercial Construction", "closed_won", 150000, "2025-09-01", "2026-01-14", "2026-01-14", "PlanVault", "sourced", ""),
    ("BB-P04", "Grazer Wohnpark", "AT", "Residential Building", "closed_won", 170000, "2025-12-02", "2026-04-09", "2026-04-09", "SiteLedger", "influenced", ""),
    ("BB-P04", "Linzer Hafenbau", "AT", "Infrastructure", "closed_won", 110000, "2026-02-16", "2026-06-25", "2026-06-25", "SiteLedger", "sourced", ""),
    ("BB-P04", "Wiener Ringbau", "AT", "Infrastructure", "closed_lost", 140000, "2025-10-10", "2026-02-27", "2026-02-27", "SiteLedger", "sourced", ""),
    ("BB-P04", "Tiroler Seilbahnbau", "AT", "Infrastructure", "negotiation", 200000, "2026-06-15", "2026-09-25", "2026-08-13", "SiteLedger;PlanVault", "sourced", ""),
    ("BB-P04", "Kärntner Straßenbau", "AT", "Infrastructure", "proposal", 90000, "2026-07-01", "2026-12-04", "2026-07-30", "SiteLedger", "sourced", ""),
    ("BB-P05", "Utrecht Woningbouw", "NL", "Residential Building", "closed_won", 100000, "2025-08-10", "2025-12-15", "2025-12-15", "PlanVault", "sourced", ""),
    ("BB-P05", "Eindhoven Campusbouw", "NL", "Commercial Construction", "closed_won", 80000, "2026-01-05", "2026-05-20", "2026-05-20", "PlanVault", "sourced", ""),
    ("BB-P05", "Rotterdam Havenbouw", "NL", "Infrastructure", "proposal", 150000, "2026-05-18", "2026-10-09", "2026-07-28", "PlanVault;CrewClock", "sourced", ""),
    ("BB-P05", "Antwerpen Dokwerken", "BE", "Infrastructure", "qualification", 70000, "2026-07-14", "2026-12-18", "2026-08-06", "CrewClock", "sourced", ""),
    ("BB-P06", "Nantes Logements", "FR", "Residential Building", "closed_won", 90000, "2025-11-03", "2026-03-26", "2026-03-26", "PlanVault", "sourced", ""),
    ("BB-P06", "Lille Métropole Chantiers", "FR", "Commercial Construction", "proposal", 110000, "2026-07-06", "2026-10-22", "2026-08-10", "PlanVault", "sourced", ""),
    ("BB-P06", "Rouen Quais Rénovation", "FR", "Residential Building", "closed_lost", 60000, "2025-09-15", "2026-01-30", "2026-01-30", "SiteLedger", "sourced", ""),
    ("BB-P08", "Minera Atacama Sur", "CL", "Mining Services", "negotiation", 260000, "2026-06-02", "2026-09-24", "2026-08-14", "SafeSite Inspect", "sourced", ""),
    ("BB-P08", "Lima Metro Talleres", "PE", "Infrastructure", "proposal", 130000, "2026-07-13", "2026-11-30", "2026-08-07", "SiteLedger", "influenced", ""),
    ("BB-P09", "Curitiba Habitação", "BR", "Residential Building", "proposal", 150000, "2026-07-10", "2026-10-28", "2026-08-12", "PlanVault", "sourced", "MF-361"),
    ("BB-P09", "Manaus Galpões Industriais", "BR", "Commercial Construction", "qualification", 85000, "2026-04-02", "2026-11-05", "2026-05-20", "SiteLedger", "sourced", ""),
    ("BB-P10", "Valencia Obras Portuarias", "ES", "Infrastructure", "negotiation", 120000, "2026-06-01", "2026-09-10", "2026-08-13", "SiteLedger", "sourced", ""),
    ("BB-P10", "Bilbao Rehabilitación", "ES", "Residential Building", "qualification", 45000, "2026-04-08", "2026-10-30", "2026-05-14", "CrewClock", "sourced", ""),
    ("BB-P10", "Sevilla Vivienda Social", "ES", "Residential Building", "closed_won", 70000, "2025-09-01", "2025-12-18", "2025-12-18", "CrewClock", "sourced", ""),
    ("BB-P10", "Zaragoza Logística", "ES", "Commercial Construction", "closed_won", 80000, "2025-12-01", "2026-04-02", "2026-04-02", "SiteLedger", "sourced", ""),
    ("BB-P10", "Porto Requalificação", "PT", "Residential Building", "closed_won", 60000, "2026-02-10", "2026-06-17", "2026-06-17", "SiteLedger", "influenced", ""),
    ("BB-P11", "Saltillo Naves Industriales", "MX", "Commercial Construction", "closed_won", 40000, "2025-12-08", "2026-04-15", "2026-04-15", "CrewClock", "sourced", ""),
    ("BB-P11", "Guadalajara Vivienda", "MX", "Residential Building", "prospecting", 35000, "2026-07-27", "2026-12-15", "2026-08-04", "CrewClock", "sourced", ""),
    ("BB-P13", "Christchurch Civic Rebuild", "NZ", "Infrastructure", "closed_won", 90000, "2024-02-01", "2024-07-18", "2024-07-18", "SafeSite Inspect", "sourced", ""),
    ("BB-P13", "Wellington Waterfront Homes", "NZ", "Residential Building", "closed_lost", 50000, "2025-03-01", "2025-06-30", "2025-06-30", "CrewClock", "sourced", ""),
    ("BB-P14", "Daegu Metro Depot", "KR", "Infrastructure", "closed_won", 90000, "2025-10-06", "2026-02-05", "2026-02-05", "SiteLedger", "sourced", ""),
    ("BB-P14", "Ulsan Shipyard Offices", "KR", "Commercial Construction", "closed_won", 70000, "2026-02-02", "2026-06-04", "2026-06-04", "SafeSite Inspect", "sourced", ""),
    ("BB-P14", "Incheon Smart Port", "KR", "Infrastructure", "proposal", 190000, "2026-07-06", "2026-11-19", "2026-08-10", "SiteLedger", "sourced", ""),
    ("BB-P15", "Bordeaux Habitat", "FR", "Residential Building", "proposal", 250000, "2026-07-02", "2026-10-16", "2026-08-11", "PlanVault", "sourced", ""),
    ("BB-P16", "Torino Viadotti", "IT", "Infrastructure", "closed_won", 230000, "2025-10-01", "2026-02-12", "2026-02-12", "SiteLedger", "sourced", ""),
    ("BB-P16", "Verona Fiera Padiglioni", "IT", "Commercial Construction", "closed_won", 160000, "2026-01-10", "2026-05-28", "2026-05-28", "PlanVault", "sourced", ""),
    (None, "Cantieri Brenta", "IT", "Infrastructure", "proposal", 180000, "2026-07-15", "2026-11-26", "2026-08-12", "PlanVault", None, ""),
]

KOMON_WINS = ["Chiba Logistics Center", "Kobe Harbor Offices", "Kyoto Machiya Housing", "Osaka Umeda Tower",
              "Fukuoka Tenjin Mall", "Hiroshima Bridge Works", "Sendai Station Annex", "Kawasaki Plant Offices",
              "Saitama Arena Fitout", "Kanazawa Ryokan Renewal", "Okayama Hospital Wing", "Niigata Port Warehouse",
              "Shizuoka Tea Factory", "Nara Museum Annex", "Kumamoto Castle Town Housing", "Matsuyama School Campus"]
KOMON_WIN_AMOUNTS = [160000, 145000, 120000, 230000, 175000, 150000, 110000, 130000, 140000, 95000, 180000,
                     105000, 90000, 115000, 125000, 135000]
CONSTRUMARCA_WINS = ["Recife Porto Digital", "Campinas Condomínios", "Belo Horizonte Metrô", "Porto Alegre Hospital",
                     "Salvador Orla Residencial", "Fortaleza Shopping Norte", "Goiânia Agroindústria", "Florianópolis Ponte Nova",
                     "Santos Terminal Sul", "Brasília Ministérios Reforma", "Vitória Siderurgia Anexo", "Natal Resorts Costa",
                     "Londrina Armazéns", "Joinville Fábrica Leste", "Uberlândia Centro Logístico"]
CONSTRUMARCA_WIN_AMOUNTS = [190000, 150000, 210000, 160000, 130000, 145000, 120000, 175000, 140000, 110000, 125000,
                            135000, 95000, 105000, 115000]
ANDINAS_WINS = ["Antofagasta Puerto Norte", "Calama Faena Norte", "Santiago Torre Costanera Anexo", "Valparaíso Muelle Prat",
                "Arequipa Planta Cemento", "Cusco Hotel Patrimonial", "Concepción Puente Bicentenario"]
ANDINAS_WIN_AMOUNTS = [140000, 120000, 95000, 110000, 85000, 70000, 100000]

# registration rows: (id, partner, account, country, products, amount, status, submitted, decided, expires, reason)
KEY_REGS = [
    ("DR-7001", "BB-P01", "Wollongong Precast", "AU", "SiteLedger;SafeSite Inspect", 230000, "approved", "2026-07-07", "2026-07-09", None, ""),
    ("DR-7002", "BB-P01", "Parramatta Civic Works", "AU", "PlanVault", 160000, "approved", "2026-07-17", "2026-07-20", None, ""),
    ("DR-7003", "BB-P01", "Blue Mountains Resort", "AU", "SafeSite Inspect", 75000, "approved", "2026-05-07", "2026-05-10", None, ""),
    ("DR-7004", "BB-P01", "Townsville Water Works", "AU", "SiteLedger", 120000, "won", "2026-03-24", "2026-03-26", None, ""),
    ("DR-7005", "BB-P02", "Yokohama Bayside Tower", "JP", "SiteLedger;PlanVault", 420000, "approved", "2026-07-15", "2026-07-18", None, ""),
    ("DR-7006", "BB-P02", "Sendai Kensetsu", "JP", "CrewClock", 90000, "approved", "2026-05-18", "2026-05-20", None, ""),
    ("DR-7007", "BB-P02", "Nagoya Steel Frames", "JP", "CrewClock", 180000, "approved", "2026-08-05", "2026-08-18", None, ""),
    ("DR-7008", "BB-P03", "Rheinhafen Köln Bau", "DE", "CrewClock", 140000, "approved", "2026-08-03", "2026-08-05", None, ""),
    ("DR-7009", "BB-P03", "Stuttgart Tiefbau", "DE", "CrewClock", 75000, "submitted", "2026-08-17", None, None, ""),
    ("DR-7010", "BB-P04", "Tiroler Seilbahnbau", "AT", "SiteLedger;PlanVault", 200000, "approved", "2026-07-30", "2026-08-01", None, ""),
    ("DR-7011", "BB-P05", "Rotterdam Havenbouw", "NL", "PlanVault;CrewClock", 150000, "approved", "2026-05-28", "2026-06-01", None, ""),
    ("DR-7012", "BB-P15", "Bordeaux Habitat", "FR", "PlanVault", 250000, "approved", "2026-07-10", "2026-07-14", None, ""),
    ("DR-7013", "BB-P06", "Bordeaux Habitat", "FR", "PlanVault", 240000, "rejected", "2026-07-28", "2026-07-29", None,
     "Conflict: another partner already holds an approved registration for this project"),
    ("DR-7014", "BB-P06", "Lille Métropole Chantiers", "FR", "PlanVault", 110000, "approved", "2026-07-23", "2026-07-25", None, ""),
    ("DR-7015", "BB-P07", "Genève Habitat Coopérative", "CH", "PlanVault", 65000, "submitted", "2026-08-12", None, None, ""),
    ("DR-7016", "BB-P08", "Minera Atacama Sur", "CL", "SafeSite Inspect", 260000, "approved", "2026-07-14", "2026-07-16", None, ""),
    ("DR-7017", "BB-P09", "Incorporadora Paulista", "BR", "SiteLedger;PlanVault", 210000, "submitted", "2026-08-14", None, None, ""),
    ("DR-7018", "BB-P09", "Curitiba Habitação", "BR", "PlanVault", 150000, "approved", "2026-07-28", "2026-07-30", None, ""),
    ("DR-7019", "BB-P10", "Valencia Obras Portuarias", "ES", "SiteLedger", 120000, "approved", "2026-07-10", "2026-07-13", None, ""),
    ("DR-7020", "BB-P11", "Monterrey Acero Estructural", "MX", "CrewClock", 55000, "rejected", "2026-08-03", "2026-08-05", None,
     "No documented customer meeting in the last 30 days"),
    ("DR-7021", "BB-P14", "Incheon Smart Port", "KR", "SiteLedger", 190000, "approved", "2026-07-24", "2026-07-27", None, ""),
    ("DR-7022", "BB-P04", "Salzburg Messebau", "AT", "PlanVault", 150000, "won", "2025-09-03", "2025-09-05", None, ""),
]

# mdf rows: (id, partner, name, kind, status, requested, approved, claimed, paid, requested_on, start, end, kit, leads)
KEY_MDF = [
    ("MF-301", "BB-P01", "SafeSite roadshow Newcastle", "event", "paid", 10000, 10000, 9800, 9800, "2026-02-02", "2026-03-10", "2026-03-12", "safesite-month", 34),
    ("MF-302", "BB-P01", "PlanVault webinar NSW", "webinar", "approved", 4000, 4000, None, None, "2026-08-03", "2026-09-08", "2026-09-08", "plans-on-site", None),
    ("MF-310", "BB-P02", "建設DXセミナー東京", "event", "claimed", 18000, 18000, 17500, None, "2026-05-01", "2026-06-20", "2026-06-21", "", 41),
    ("MF-311", "BB-P02", "CrewClock webinar Osaka", "webinar", "paid", 6000, 6000, 6000, 6000, "2026-01-12", "2026-02-18", "2026-02-18", "crew-time-payroll", 22),
    ("MF-320", "BB-P03", "Tiefbau-Forum Köln", "event", "requested", 8000, None, None, None, "2026-08-10", "2026-09-24", "2026-09-25", "", None),
    ("MF-321", "BB-P03", "CrewClock Webinar Lohnabrechnung", "webinar", "paid", 2500, 2500, 2400, 2400, "2026-03-02", "2026-04-14", "2026-04-14", "crew-time-payroll", 17),
    ("MF-330", "BB-P05", "Havendag Rotterdam", "event", "rejected", 5000, None, None, None, "2026-07-20", "2026-08-28", "2026-08-28", "", None),
    ("MF-340", "BB-P06", "Matinale BTP Lyon", "event", "paid", 3500, 3500, 3500, 3500, "2026-02-09", "2026-03-19", "2026-03-19", "plans-on-site", 19),
    ("MF-350", "BB-P08", "Webinar Seguridad en Faena", "webinar", "approved", 6000, 6000, None, None, "2026-06-22", "2026-08-04", "2026-08-05", "safesite-month", None),
    ("MF-360", "BB-P09", "Feira Construir São Paulo", "event", "claimed", 25000, 25000, 24000, None, "2026-05-04", "2026-06-30", "2026-07-02", "", 63),
    ("MF-361", "BB-P09", "Campanha digital PlanVault", "digital", "paid", 12000, 12000, 12000, 12000, "2026-02-16", "2026-03-23", "2026-04-24", "plans-on-site", 58),
    ("MF-370", "BB-P10", "Jornada BIM Valencia", "event", "approved", 3500, 3500, None, None, "2026-06-15", "2026-07-20", "2026-07-20", "", None),
    ("MF-380", "BB-P14", "Smart construction seminar Busan", "event", "approved", 3000, 3000, None, None, "2026-05-11", "2026-06-30", "2026-06-30", "safesite-month", None),
]
# won deals credited to MF-361 (Construmarca): two of its wins
MF361_WINS = {"Goiânia Agroindústria", "Florianópolis Ponte Nova"}

LEADS_KEY = [
    ("LD-905", "Busan Harbour Works", "KR", "Infrastructure", "SiteLedger;SafeSite Inspect", 800, 210000, "trade show", "2026-08-17",
     "Port authority contractor wants digital site diaries and safety inspections in Korean and English."),
    ("LD-901", "Christchurch Rebuild Partners", "NZ", "Infrastructure", "SafeSite Inspect", 240, 90000, "webinar", "2026-08-11",
     "Rebuild contractor asked for a SafeSite Inspect demo."),
    ("LD-902", "Bergamo Costruzioni Riunite", "IT", "Commercial Construction", "PlanVault", 350, 120000, "website", "2026-08-14",
     "Wants drawings on tablets across 12 sites."),
]
CANDIDATES_KEY = [
    ("CAN-41", "Pune BuildTech Advisors", "consultancy", "IN", "Infrastructure;Commercial Construction", "SiteLedger;PlanVault",
     "en;hi;mr", "Construction software consultancy for Indian EPC contractors; 35 implementation staff.", 120, "partner fair"),
    ("CAN-42", "Wisła Inżynieria Cyfrowa", "system_integrator", "PL", "Infrastructure", "SiteLedger;CrewClock", "pl;en",
     "Integrator for Polish road and rail contractors.", 80, "referral from Wawel"),
]
FILLER_CANDIDATES = [("Cascadia Site Systems", "var", "US"), ("Laurentian Build Tech", "reseller", "CA"),
                     ("Göta Bygg IT", "msp", "SE"), ("Karoo Construct Digital", "var", "ZA"),
                     ("Mekong Site Cloud", "system_integrator", "VN"), ("Bosphorus Yapı Dijital", "consultancy", "TR"),
                     ("Atlas Chantiers Numériques", "reseller", "MA"), ("Tasman Build Advisory", "consultancy", "AU"),
                     ("Riverplate Obras Digitales", "var", "UY"), ("Baltic Statyba IT", "msp", "LT")]

PLACES = {
    "AU": ["Perth", "Adelaide", "Cairns", "Mackay", "Launceston", "Bendigo", "Toowoomba", "Albury", "Dubbo", "Bunbury"],
    "JP": ["Sakai", "Himeji", "Gifu", "Toyama", "Nagano", "Mito", "Oita", "Kochi"],
    "DE": ["Bremen", "Kassel", "Mainz", "Augsburg", "Rostock", "Erfurt"],
    "GB": ["Leeds", "Bristol", "Cardiff", "Norwich", "Derby", "Exeter"],
    "US": ["Tucson", "Boise", "Omaha", "Spokane", "Tulsa", "Fresno"],
    "CA": ["Calgary", "Halifax", "Regina", "Kelowna"],
    "SG": ["Jurong", "Tampines", "Woodlands"],
    "IN": ["Nagpur", "Indore", "Kochi Metro", "Surat"],
    "SE": ["Umeå", "Luleå", "Västerås"], "NO": ["Bergen", "Tromsø", "Stavanger"], "FI": ["Tampere", "Oulu"],
    "PL": ["Gdańsk", "Poznań", "Łódź"], "PT": ["Braga", "Coimbra"], "BE": ["Gent", "Liège"],
    "CO": ["Medellín", "Cali"], "PE": ["Trujillo", "Piura"], "AR": ["Rosario", "Mendoza"], "ZA": ["Durban", "Pretoria"],
    "AE": ["Sharjah", "Ajman"], "IE": ["Galway", "Limerick"], "MY": ["Penang", "Johor"], "TH": ["Chiang Mai", "Khon Kaen"],
    "ID": ["Surabaya", "Bandung"], "DK": ["Aarhus", "Odense"], "NL": ["Zwolle", "Breda"], "FR": ["Dijon", "Reims"],
    "ES": ["Murcia", "Vigo"], "BR": ["Maringá", "Sorocaba"], "CL": ["Temuco", "Iquique"], "MX": ["Puebla", "Mérida"],
    "AT": ["Villach", "Wels"], "CH": ["Luzern", "Winterthur"], "NZ": ["Hamilton", "Napier"], "KR": ["Gwangju", "Suwon"],
    "IT": ["Modena", "Bari"],
}
SUFFIXES = ["Builders", "Civil Group", "Constructions", "Infrastructure Co", "Homes", "Facility Services",
            "Developments", "Earthworks", "Structures", "Precast Works"]


class World:
    def __init__(self):
        self.rng = random.Random(SEED)

    # ------------------------------------------------------------------ partners and users
    def build_partners(self):
        rng = self.rng
        self.partners = []
        for (pid, name, brand, typ, tier, countries, langs, inds, comps, certs, joined, cm, emp) in KEY_PARTNERS:
            self.partners.append({
                "partner_id": pid, "name": name, "type": typ, "tier": tier, "website": f"{slug(brand)}.example",
                "countries": countries, "industries": inds, "competencies": comps, "certified_staff": certs,
                "languages": langs, "joined_on": joined, "brand_name": brand,
                "brand_color": "#%06X" % rng.randrange(0x222222, 0xDDDDDD), "tagline": f"{brand}: construction, connected",
                "contact_email": f"sales@{slug(brand)}.example", "account_sharing": rng.choice(["counts", "accounts", "accounts"]),
                "description": f"{brand} sells and implements Brolga {comps.replace(';', ', ')} for "
                               f"{inds.replace(';', ' and ').lower()} customers in {countries.replace(';', ', ')}.",
                "channel_manager": cm, "employees": emp})
        for i, (name, typ, tier, country, langs) in enumerate(FILLER_PARTNERS):
            pid = f"BB-P{17 + i:02d}"
            comps = rng.sample(PRODUCTS, rng.randint(1, 3))
            inds = rng.sample(INDUSTRIES, 2)
            brand = re.sub(r"\s+(Pvt Ltd|Pte Ltd|Ltd|LLC|Inc\.|Corp\.|AB|AS|Oy|Lda|Sp\. z o\.o\.|NV|S\.A\.S\.|S\.A\.C\.|S\.A\.|"
                           r"\(Pty\) Ltd|FZ-LLC|Sdn Bhd|Co\., Ltd\.|Pty Ltd|K\.K\.|PT)$", "", name)
            need = TIER_RULES[tier][2]
            certs = ";".join(f"{c}:{max(1, need // len(comps) + rng.randint(0, 2))}" for c in comps) if need else \
                (f"{comps[0]}:1" if rng.random() < 0.5 else "")
            joined = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 1800))
            self.partners.append({
                "partner_id": pid, "name": name, "type": typ, "tier": tier, "website": f"{slug(brand)}.example",
                "countries": country, "industries": ";".join(inds), "competencies": ";".join(comps),
                "certified_staff": certs, "languages": langs, "joined_on": joined.isoformat(), "brand_name": brand,
                "brand_color": "#%06X" % rng.randrange(0x222222, 0xDDDDDD), "tagline": "",
                "contact_email": f"partners@{slug(brand)}.example", "account_sharing": rng.choice(["counts", "accounts", "none"]),
                "description": f"{brand} works with {', '.join(inds).lower()} customers on Brolga {', '.join(comps)}.",
                "channel_manager": CMS.get(country, "u-cm-emea"), "employees": rng.randint(12, 900)})
        self.by_pid = {p["partner_id"]: p for p in self.partners}
        self.users = [{"user_id": u, "name": n, "email": f"{slug(n).replace('-', '.')}@"
                       + ("brolga.example" if not pid else self.by_pid[pid]["website"]),
                       "role": r, "partner_id": pid, "slack_user_id": f"U0B{i:07d}", "locale": loc}
                      for i, (u, n, r, pid, loc) in enumerate(USERS)]

    # ------------------------------------------------------------------ accounts and deals
    def _account(self, name, country, industry, status="prospect"):
        if name in self.acc_by_name:
            return self.acc_by_name[name]
        aid = f"BAC-{5001 + len(self.accounts)}"
        a = {"account_id": aid, "name": name, "domain": f"{slug(name)}.example", "industry": industry,
             "country": country, "employees": self.rng.randint(40, 6000),
             "annual_revenue": f"{self.rng.randint(5, 900) * 1000000:.2f}", "status": status,
             "owner_email": self.rng.choice(["tom.baxter@brolga.example", "mei.lin@brolga.example",
                                             "ana.costa@brolga.example", "felix.braun@brolga.example"])}
        self.accounts.append(a)
        self.acc_by_name[name] = a
        return a

    def _opp(self, acct, partner, stage, amount, created, close, last, products, role, mdf="", registered_by=""):
        oid = f"BOP-{10001 + len(self.opps)}"
        o = {"opportunity_id": oid, "account_id": acct["account_id"], "name": f"{acct['name']} - {products.split(';')[0]}",
             "stage": stage, "amount": f"{amount:.2f}", "currency": "AUD", "created_on": created, "close_date": close,
             "last_activity_on": last, "products": products, "partner_id": partner or "",
             "partner_role": role or "", "registered_by": registered_by, "mdf_activity_id": mdf, "description": ""}
        self.opps.append(o)
        if stage == "closed_won":
            acct["status"] = "customer"
        return o

    def build_deals(self):
        rng = self.rng
        self.accounts, self.acc_by_name, self.opps = [], {}, []
        for (pid, acc, country, ind, stage, amount, created, close, last, prods, role, mdf) in KEY_DEALS:
            self._opp(self._account(acc, country, ind), pid, stage, amount, created, close, last, prods, role, mdf)
        wins = [("BB-P02", "JP", KOMON_WINS, KOMON_WIN_AMOUNTS, "SiteLedger"),
                ("BB-P09", "BR", CONSTRUMARCA_WINS, CONSTRUMARCA_WIN_AMOUNTS, "PlanVault"),
                ("BB-P08", "CL", ANDINAS_WINS, ANDINAS_WIN_AMOUNTS, "SafeSite Inspect")]
        for pid, country, names, amounts, prod in wins:
            for i, (acc, amount) in enumerate(zip(names, amounts)):
                close = dt.date(2025, 9, 1) + dt.timedelta(days=int(i * 330 / len(names)))
                c = "PE" if pid == "BB-P08" and i in (4, 5) else country
                mdf = "MF-361" if acc in MF361_WINS else ""
                self._opp(self._account(acc, c, rng.choice(INDUSTRIES[:3])), pid, "closed_won", amount,
                          (close - dt.timedelta(days=120)).isoformat(), close.isoformat(), close.isoformat(), prod,
                          rng.choice(["sourced", "sourced", "influenced"]), mdf)
        # the filler world: accounts per country, deals with filler partners or direct
        fillers = [p for p in self.partners if p["partner_id"] >= "BB-P17"]
        by_country: dict[str, list[dict]] = {}
        for p in fillers:
            by_country.setdefault(p["countries"].split(";")[0], []).append(p)
        n = 0
        for country, places in PLACES.items():
            for place in places:
                for suffix in rng.sample(SUFFIXES, 3):
                    name = f"{place} {suffix}"
                    acct = self._account(name, country, rng.choice(INDUSTRIES),
                                         rng.choice(["prospect", "prospect", "former_customer"]))
                    for _ in range(rng.choice([0, 1, 1, 1, 2])):
                        n += 1
                        close = dt.date(2024, 1, 10) + dt.timedelta(days=rng.randint(0, 1150))
                        created = close - dt.timedelta(days=rng.randint(45, 220))
                        if close < TODAY:
                            stage = "closed_won" if rng.random() < 0.45 else "closed_lost"
                            last = close
                        else:
                            stage = rng.choice(["prospecting", "qualification", "proposal", "negotiation"])
                            created = min(created, TODAY - dt.timedelta(days=rng.randint(5, 150)))
                            last = TODAY - dt.timedelta(days=rng.randint(1, 40))
                        local = by_country.get(country) or []
                        partner = rng.choice(local) if local and rng.random() < 0.65 else None
                        role = rng.choice(["sourced", "influenced", "fulfillment"]) if partner else None
                        amount = rng.randint(30, 700) * 500
                        self._opp(acct, partner["partner_id"] if partner else None, stage, amount, created.isoformat(),
                                  close.isoformat(), last.isoformat(), ";".join(rng.sample(PRODUCTS, rng.randint(1, 2))),
                                  role)
        self.opp_by_account = {}
        for o in self.opps:
            self.opp_by_account.setdefault(o["account_id"], []).append(o)

    # ------------------------------------------------------------------ programme records
    def build_regs(self):
        rng = self.rng
        self.regs = []
        acc_by_name = self.acc_by_name
        for (rid, pid, acc, country, prods, amount, status, sub, dec, exp, reason) in KEY_REGS:
            expires = exp or ((D(dec) + dt.timedelta(days=PROTECTION_DAYS)).isoformat() if dec and status in
                              ("approved", "won") else "")
            opp_id = ""
            a = acc_by_name.get(acc)
            if a and status in ("approved", "won"):
                mine = [o for o in self.opp_by_account.get(a["account_id"], []) if o["partner_id"] == pid]
                if mine:
                    opp_id = mine[0]["opportunity_id"]
                    if status == "won" or (expires and D(expires) >= TODAY):
                        mine[0]["registered_by"] = pid
            self.regs.append({"registration_id": rid, "partner_id": pid, "account_name": acc,
                              "domain": a["domain"] if a else f"{slug(acc)}.example", "country": country,
                              "products": prods, "amount": f"{amount:.2f}", "currency": "AUD", "status": status,
                              "submitted_on": sub, "decided_on": dec or "", "expires_on": expires,
                              "opportunity_id": opp_id, "reason": reason})
        # filler partners' registrations
        open_filler = [o for o in self.opps if o["partner_id"] >= "BB-P17" and not o["stage"].startswith("closed")]
        rng.shuffle(open_filler)
        acc_by_id = {a["account_id"]: a for a in self.accounts}
        for i, o in enumerate(open_filler[:16]):
            a = acc_by_id[o["account_id"]]
            if i < 2:
                status, sub, dec = "submitted", TODAY - dt.timedelta(days=rng.randint(1, 6)), None
            else:
                status = "approved"
                dec = TODAY - dt.timedelta(days=rng.choice([16, 22, 28, 40, 50, 60, 70, 2, 5, 9, 12, 33, 44, 48]))
                sub = dec - dt.timedelta(days=2)
            expires = (dec + dt.timedelta(days=PROTECTION_DAYS)) if dec else None
            if expires and expires >= TODAY:
                o["registered_by"] = o["partner_id"]
            self.regs.append({"registration_id": f"DR-{7101 + i}", "partner_id": o["partner_id"],
                              "account_name": a["name"], "domain": a["domain"], "country": a["country"],
                              "products": o["products"], "amount": o["amount"], "currency": "AUD", "status": status,
                              "submitted_on": sub.isoformat(), "decided_on": dec.isoformat() if dec else "",
                              "expires_on": expires.isoformat() if expires else "",
                              "opportunity_id": o["opportunity_id"] if dec else "", "reason": ""})

    def build_mdf(self):
        rng = self.rng
        self.mdf = []
        for (mid, pid, name, kind, status, req, app, clm, paid, req_on, start, end, kit, leads) in KEY_MDF:
            self.mdf.append({"activity_id": mid, "partner_id": pid, "name": name, "kind": kind, "status": status,
                             "requested_amount": f"{req:.2f}", "approved_amount": f"{app:.2f}" if app else "",
                             "claimed_amount": f"{clm:.2f}" if clm else "", "paid_amount": f"{paid:.2f}" if paid else "",
                             "currency": "AUD", "requested_on": req_on, "start_on": start, "end_on": end,
                             "kit_id": kit, "leads": leads if leads is not None else ""})
        eligible = [p for p in self.partners if p["partner_id"] >= "BB-P17" and p["tier"] != "registered"]
        kinds = ["event", "webinar", "digital", "content", "training"]
        titles = ["Site safety breakfast", "Payroll webinar", "Drawings on tablets demo day", "LinkedIn campaign",
                  "Customer training day", "Contractor roundtable"]
        statuses = ["paid"] * 18 + ["claimed"] * 2 + ["approved"] * 3 + ["rejected"] * 2 + ["requested"] * 1
        for i, status in enumerate(statuses):
            p = eligible[i % len(eligible)]
            start = dt.date(2025, 7, 1) + dt.timedelta(days=rng.randint(0, 380))
            if status in ("requested",):
                start = TODAY + dt.timedelta(days=rng.randint(25, 60))
            if status == "approved":
                start = TODAY + dt.timedelta(days=rng.randint(10, 50))
            if status == "claimed":
                start = TODAY - dt.timedelta(days=rng.randint(20, 45))
            end = start + dt.timedelta(days=rng.choice([0, 1, 14, 30]))
            req = rng.randint(4, 24) * 250
            app = req if status not in ("requested", "rejected") else None
            clm = app - rng.choice([0, 0, 250]) if status in ("claimed", "paid") else None
            paid = clm if status == "paid" else None
            title = titles[i % len(titles)]
            city = PLACES.get(p["countries"].split(";")[0], ["Sydney"])[0]
            self.mdf.append({"activity_id": f"MF-{401 + i}", "partner_id": p["partner_id"], "name": f"{title} {city}",
                             "kind": kinds[i % len(kinds)], "status": status, "requested_amount": f"{req:.2f}",
                             "approved_amount": f"{app:.2f}" if app else "", "claimed_amount": f"{clm:.2f}" if clm else "",
                             "paid_amount": f"{paid:.2f}" if paid else "", "currency": "AUD",
                             "requested_on": (start - dt.timedelta(days=30)).isoformat(), "start_on": start.isoformat(),
                             "end_on": end.isoformat(), "kit_id": rng.choice(["", "safesite-month", "plans-on-site"]),
                             "leads": rng.randint(3, 40) if status in ("paid", "claimed") else ""})

    def build_activity(self):
        rng = self.rng
        self.activity = []
        for p in self.partners:
            pid = p["partner_id"]
            joined = D(p["joined_on"])
            m = max(dt.date(2024, 1, 1), joined.replace(day=1))
            base = rng.randint(15, 55)
            budget = MDF_BUDGET[p["tier"]]
            while m <= dt.date(2026, 7, 1):
                q_first = m.month in (1, 4, 7, 10)
                logins = max(0, base + rng.randint(-8, 8))
                psat = round(rng.uniform(6.5, 9.5), 1)
                if pid == "BB-P13" and m >= dt.date(2026, 4, 1):
                    logins = {4: 9, 5: 3, 6: 1, 7: 0}[m.month]
                    psat = {4: 5.0, 5: 4.1, 6: 3.2, 7: 2.8}[m.month]
                spent = 0
                if budget:
                    spent = rng.randint(0, budget // 3 // 100) * 100
                if pid == "BB-P13" and m >= dt.date(2026, 4, 1):
                    spent = 0
                self.activity.append({
                    "partner_id": pid, "month": m.strftime("%Y-%m"), "portal_logins": logins,
                    "trainings_completed": rng.randint(0, 4), "deals_registered": rng.randint(0, 3),
                    "certifications_earned": rng.randint(0, 2), "mdf_allocated": f"{budget if q_first else 0:.2f}",
                    "mdf_spent": f"{spent:.2f}", "psat": psat})
                m = (m.replace(day=28) + dt.timedelta(days=7)).replace(day=1)

    def build_partner_accounts(self):
        rng = self.rng
        self.pacc = []
        acc_by_id = {a["account_id"]: a for a in self.accounts}
        seen = set()
        for o in self.opps:
            pid = o["partner_id"]
            if not pid:
                continue
            a = acc_by_id[o["account_id"]]
            if (pid, a["account_id"]) in seen:
                continue
            seen.add((pid, a["account_id"]))
            status = "customer" if o["stage"] == "closed_won" else (
                "open_opportunity" if not o["stage"].startswith("closed") else "prospect")
            self.pacc.append({"partner_id": pid, "account_name": a["name"], "domain": a["domain"],
                              "country": a["country"], "status": status, "updated_on": "2026-08-01"})
        # Ponte Digitale's customer on the unpartnered Italian deal
        brenta = self.acc_by_name["Cantieri Brenta"]
        self.pacc.append({"partner_id": "BB-P16", "account_name": "Cantieri Brenta S.p.A.", "domain": brenta["domain"],
                          "country": "IT", "status": "customer", "updated_on": "2026-07-30"})
        # each partner's own book: customers the vendor does not have
        for p in self.partners:
            for k in range(rng.randint(3, 8)):
                name = f"{p['brand_name']} client {k + 1:02d}"
                self.pacc.append({"partner_id": p["partner_id"], "account_name": name,
                                  "domain": f"{slug(name)}.example", "country": p["countries"].split(";")[0],
                                  "status": rng.choice(["customer", "prospect", "open_opportunity"]),
                                  "updated_on": "2026-07-15"})

    def build_leads_candidates(self):
        rng = self.rng
        self.leads = []
        for (lid, company, country, ind, prods, emp, amount, source, created, desc) in LEADS_KEY:
            self.leads.append({"lead_id": lid, "company": company, "domain": f"{slug(company)}.example",
                               "country": country, "industry": ind, "products": prods, "employees": emp,
                               "amount": f"{amount:.2f}", "currency": "AUD", "source": source, "created_on": created,
                               "description": desc})
        others = [("Perth Modular Homes", "AU"), ("Osaka Bay Constructors", "JP"), ("Bremer Hochbau", "DE"),
                  ("Lyon Rénovation Durable", "FR"), ("Madrid Infraestructuras Norte", "ES"), ("Santiago Obras Viales", "CL"),
                  ("Campinas Engenharia Predial", "BR"), ("Toronto Mid-Rise Builders", "CA"), ("Austin Tilt-Up Contractors", "US"),
                  ("Leeds Social Housing Trust", "GB"), ("Singapore Marina Fitouts", "SG"), ("Bangalore Metro Contractors", "IN"),
                  ("Utrecht Bouwgroep Oost", "NL"), ("Graz Holzbau", "AT"), ("Monterrey Vivienda Vertical", "MX")]
        for i, (company, country) in enumerate(others):
            self.leads.append({"lead_id": f"LD-{906 + i}", "company": company, "domain": f"{slug(company)}.example",
                               "country": country, "industry": rng.choice(INDUSTRIES), "products": rng.choice(PRODUCTS),
                               "employees": rng.randint(50, 3000), "amount": f"{rng.randint(40, 400) * 500:.2f}",
                               "currency": "AUD", "source": rng.choice(["website", "webinar", "event", "referral"]),
                               "created_on": (TODAY - dt.timedelta(days=rng.randint(1, 25))).isoformat(),
                               "description": ""})
        self.candidates = []
        for (cid, name, typ, country, inds, comps, langs, desc, emp, source) in CANDIDATES_KEY:
            self.candidates.append({"candidate_id": cid, "name": name, "type": typ, "website": f"{slug(name)}.example",
                                    "countries": country, "industries": inds, "competencies": comps,
                                    "languages": langs, "description": desc, "employees": emp, "source": source})
        for i, (name, typ, country) in enumerate(FILLER_CANDIDATES):
            self.candidates.append({"candidate_id": f"CAN-{43 + i}", "name": name, "type": typ,
                                    "website": f"{slug(name)}.example", "countries": country,
                                    "industries": ";".join(rng.sample(INDUSTRIES, 2)),
                                    "competencies": ";".join(rng.sample(PRODUCTS, 2)), "languages": "en",
                                    "description": f"{name}: construction technology {typ.replace('_', ' ')}.",
                                    "employees": rng.randint(10, 400), "source": rng.choice(["event", "inbound", "referral"])})

    def build(self) -> World:
        self.build_partners()
        self.build_deals()
        self.build_regs()
        self.build_mdf()
        self.build_activity()
        self.build_partner_accounts()
        self.build_leads_candidates()
        return self


def vendor_yaml() -> str:
    lines = ["# Brolga Build: the vendor whose partner programme this is.",
             "# tier_rules: minimums over the trailing 12 months (won revenue in AUD, won deals, certified staff).",
             "name: Brolga Build", "website: brolga.example", "default_locale: en", "account_sharing: counts",
             "reporting_currency: AUD", "fx_rates: {NZD: 0.91, JPY: 0.0102, EUR: 1.64, USD: 1.52, BRL: 0.28}",
             f"registration_protection_days: {PROTECTION_DAYS}", "lead_accept_hours: 36", "tier_rules:"]
    for tier, (rev, deals, certs) in TIER_RULES.items():
        lines += [f"  {tier}:", f"    min_won_revenue_12m: {rev}", f"    min_won_deals_12m: {deals}",
                  f"    min_certified_staff: {certs}"]
    return "\n".join(lines) + "\n"


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
