"""Writes questions.yaml for the blind partner-directory set (issue 23), truth from the data.

    python evals/directory_blind2/build_questions.py [--check]

Written blind: reads only the worlds' import folders (partners.csv, opportunities.csv,
accounts.csv), never the product's code. Each question states its criterion as a filter
over partners.csv (and, for "has won", the deal history); `truth` is every partner that
passes it.
"""
from __future__ import annotations

import csv
import hashlib
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
DEMO = Path("/work/main/.cosell-demo/import")
ZOO = Path("/tmp/dirblind2-zoo/import")
EUROPE = ["DE", "AT", "CH", "NL", "BE", "LU", "FR", "ES", "PT", "IT", "GB", "IE", "SE", "NO", "DK", "FI", "PL"]


def rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def L(cell) -> list[str]:
    return [x.strip().lower() for x in (cell or "").split(";") if x.strip()]


def cert(p: dict) -> dict[str, int]:
    out = {}
    for item in L(p.get("certified_staff")):
        k, _, n = item.rpartition(":")
        out[k.strip()] = int(n)
    return out


class World:
    def __init__(self, d: Path):
        self.dir = d
        self.partners = rows(d / "partners.csv")
        self.accounts = {a["account_id"]: a for a in rows(d / "accounts.csv")}
        self.opps = rows(d / "opportunities.csv")

    def won(self, pid: str, industry=None, country=None, product=None) -> bool:
        for o in self.opps:
            if o["stage"] != "closed_won" or pid not in (o.get("partner_id"), o.get("registered_by")):
                continue
            a = self.accounts.get(o["account_id"], {})
            if industry and (a.get("industry") or "").lower() != industry.lower():
                continue
            if country and (a.get("country") or "").lower() != country.lower():
                continue
            if product and product.lower() not in L(o.get("products")):
                continue
            return True
        return False

    def f(self, country=None, anyc=None, industry=None, anyi=None, comp=None, mincert=None, tier=None,
          type=None, lang=None, desc=None, won=None, minemp=None, maxemp=None) -> list[str]:
        out = []
        for p in self.partners:
            cs, inds = L(p["countries"]), L(p["industries"])
            if country and country.lower() not in cs:
                continue
            if anyc and not {c.lower() for c in anyc} & set(cs):
                continue
            if industry and industry.lower() not in inds:
                continue
            if anyi and not {i.lower() for i in anyi} & set(inds):
                continue
            if comp:
                if comp.lower() not in L(p["competencies"]):
                    continue
                if mincert is not None and cert(p).get(comp.lower(), 0) < mincert:
                    continue
            if tier and p["tier"] not in ([tier] if isinstance(tier, str) else tier):
                continue
            if type and p["type"] != type:
                continue
            if lang and not any(x.split("-")[0] == lang for x in L(p["languages"])):
                continue
            if desc and not re.search(desc, p.get("description") or "", re.I):
                continue
            if won and not self.won(p["partner_id"], **won):
                continue
            emp = int(p.get("employees") or 0)
            if minemp and emp < minemp:
                continue
            if maxemp and emp > maxemp:
                continue
            out.append(p["partner_id"])
        return out


def Q(qid, world, lang, kind, query, crit, why, flags=None, traps=None):
    return dict(id=qid, world=world, lang=lang, kind=kind, query=query, crit=crit, why=why,
                flags=flags or {}, traps=traps or [])


DEMO_Q = [
    Q("B01", "demo", "en", ["country", "industry", "product"],
      "who can help a german automotive supplier put data governance in place?",
      dict(country="DE", industry="Automotive", comp="Governance"),
      "Sells in DE, Automotive vertical, Governance competency.",
      traps=["P-006 (DE, Governance) has no Automotive"]),
    Q("B02", "demo", "en", ["country", "industry", "product"],
      "Need a partner for a US hospital that wants real-time streaming. Who do we have?",
      dict(country="US", industry="Healthcare", comp="Streaming"),
      "Sells in US, Healthcare, Streaming competency.",
      traps=["P-017 Lattice (US, Healthcare) has no Streaming"]),
    Q("B03", "demo", "en", ["country", "industry", "product", "certification", "trap-zero-cert"],
      "Any partner with certified observability people in Sweden for a telco?",
      dict(country="SE", industry="Telecommunications", comp="Observability", mincert=1),
      "SE, Telecommunications, Observability with >= 1 certified.",
      traps=["P-068 Nordic Stream lists Observability with 0 certified staff",
             "P-007 sells in SE but has no Telecommunications vertical"]),
    Q("B04", "demo", "en", ["country", "industry", "product"],
      "AI Studio partner for a bank in Austria?",
      dict(country="AT", industry="Financial Services", comp="AI Studio"),
      "AT, Financial Services, AI Studio competency."),
    Q("B05", "demo", "fr", ["country", "industry-paraphrase", "product"],
      "Quel partenaire peut déployer le Lakehouse chez un assureur en France ?",
      dict(country="FR", industry="Insurance", comp="Lakehouse"),
      "FR, assureur = Insurance, Lakehouse."),
    Q("B06", "demo", "de", ["country-paraphrase", "industry-paraphrase", "product"],
      "Wer kann in der Schweiz Observability für einen Energieversorger liefern?",
      dict(country="CH", industry="Energy & Utilities", comp="Observability"),
      "Schweiz = CH, Energieversorger = Energy & Utilities, Observability."),
    Q("B07", "demo", "ja", ["country-paraphrase", "industry-paraphrase", "product"],
      "日本で製造業のお客様向けにストリーミングを提案できるパートナーはどこですか？",
      dict(country="JP", industry="Manufacturing", comp="Streaming"),
      "日本 = JP, 製造業 = Manufacturing, Streaming."),
    Q("B08", "demo", "es", ["country-paraphrase", "industry-paraphrase", "product"],
      "¿Qué socio puede hacer streaming en tiempo real para una eléctrica en España?",
      dict(country="ES", industry="Energy & Utilities", comp="Streaming"),
      "España = ES, eléctrica = Energy & Utilities, Streaming."),
    Q("B09", "demo", "pt", ["country-paraphrase", "industry-paraphrase", "product"],
      "Quem pode fazer governança de dados para uma seguradora no Brasil?",
      dict(country="BR", industry="Insurance", comp="Governance"),
      "Brasil = BR, seguradora = Insurance, Governance.",
      traps=["P-038 Paulista (BR, Insurance) has no Governance competency"]),
    Q("B10", "demo", "pt", ["country-paraphrase", "industry-paraphrase", "product"],
      "tem algum parceiro com AI Studio pra operadora de telecom no Brasil?",
      dict(country="BR", industry="Telecommunications", comp="AI Studio"),
      "BR, telecom = Telecommunications, AI Studio."),
    Q("B11", "demo", "en", ["flags", "industry-paraphrase"],
      "someone for an insurance company's data warehouse migration",
      dict(country="GB", industry="Insurance", comp="Lakehouse"),
      "Flags GB + Lakehouse; insurance company = Insurance vertical.",
      flags={"country": "GB", "product": "Lakehouse"}),
    Q("B12", "demo", "en", ["flags", "tier", "industry-paraphrase", "product"],
      "streaming for a public sector agency",
      dict(country="DE", industry="Public Sector", comp="Streaming", tier="platinum"),
      "Flags DE + platinum; Public Sector, Streaming.",
      flags={"country": "DE", "tier": "platinum"}),
    Q("B13", "demo", "en", ["certification", "region"],
      "Who has at least 10 certified Governance consultants anywhere in Europe?",
      dict(anyc=EUROPE, comp="Governance", mincert=10),
      "Sells in a European country, Governance certified_staff >= 10."),
    Q("B14", "demo", "en", ["country-paraphrase", "industry-paraphrase", "product", "type"],
      "Is there a managed service provider in Australia that could run observability for a hospital group?",
      dict(country="AU", industry="Healthcare", comp="Observability", type="msp"),
      "AU, Healthcare, Observability, type msp.",
      traps=["P-055 Southern Cross (AU, Healthcare, Observability) is a VAR, not an MSP"]),
    Q("B15", "demo", "en", ["reference"],
      "Which partner has built a lakehouse for a hospital network before?",
      dict(desc=r"hospital network we (consolidated finance and sales reporting on a lakehouse|migrated a legacy data warehouse to Northwind Lakehouse|replaced nightly batch ETL with an open-table lakehouse)"),
      "Description has a hospital-network lakehouse reference."),
    Q("B16", "demo", "en", ["reference"],
      "who has replaced a message bus with managed streaming for a broadcaster?",
      dict(desc=r"broadcaster we replaced a brittle message bus with managed streaming"),
      "Description reference: broadcaster, message bus replaced with managed streaming."),
    Q("B17", "demo", "en", ["reference", "industry-paraphrase"],
      "Anyone built a RAG / retrieval-augmented assistant for a tax authority?",
      dict(desc=r"tax authority we built a retrieval-augmented assistant"),
      "Description reference: tax authority, retrieval-augmented assistant."),
    Q("B18", "demo", "en", ["country", "industry", "product", "certification", "trap-zero-cert"],
      "I need certified AI Studio staff in France for a consumer goods brand.",
      dict(country="FR", industry="Consumer Goods", comp="AI Studio", mincert=1),
      "FR, Consumer Goods, AI Studio with >= 1 certified.",
      traps=["P-010 Provence Cloud lists AI Studio with 0 certified staff",
             "P-067 Lyon Analytique (FR, Consumer Goods) has no AI Studio"]),
    Q("B19", "demo", "en", ["country", "industry", "product", "certification", "trap-zero-cert"],
      "certified governance consultants in Austria for a manufacturer - who?",
      dict(country="AT", industry="Manufacturing", comp="Governance", mincert=1),
      "AT, Manufacturing, Governance with >= 1 certified.",
      traps=["P-005 Donau Cloud and P-066 Kaiser list Governance with 0 certified staff"]),
    Q("B20", "demo", "en", ["country", "industry", "product", "language"],
      "We need French-speaking sellers in Canada for a public sector streaming deal.",
      dict(country="CA", industry="Public Sector", comp="Streaming", lang="fr"),
      "CA, Public Sector, Streaming, sellers speak fr (fr-CA).",
      traps=["P-053 Maple Leaf (CA, Public Sector, fr-CA) has no Streaming"]),
    Q("B21", "demo", "en", ["country", "industry", "product", "trap-wrong-vertical"],
      "Observability partner for a logistics company in Germany?",
      dict(country="DE", industry="Logistics", comp="Observability"),
      "DE, Logistics, Observability.",
      traps=["P-002, P-003, P-006, P-007, P-064 sell in DE with Observability but no Logistics vertical"]),
    Q("B22", "demo", "de", ["country-paraphrase", "industry-paraphrase", "product"],
      "Welcher Partner macht in Österreich Streaming für Versicherungen?",
      dict(country="AT", industry="Insurance", comp="Streaming"),
      "Österreich = AT, Versicherungen = Insurance, Streaming.",
      traps=["P-002 Rheinland Datenwerk (AT, Insurance) has no Streaming"]),
    Q("B23", "demo", "en", ["region", "industry-paraphrase", "product"],
      "who covers the Benelux for energy utilities with a lakehouse?",
      dict(anyc=["NL", "BE", "LU"], industry="Energy & Utilities", comp="Lakehouse"),
      "Sells in NL, BE or LU; Energy & Utilities; Lakehouse.",
      traps=["P-011 Atelier Données (BE, Energy & Utilities) has no Lakehouse"]),
    Q("B24", "demo", "en", ["flags", "tier", "industry-paraphrase"],
      "AI Studio for manufacturers",
      dict(industry="Manufacturing", comp="AI Studio", tier="gold"),
      "Flags tier gold + product AI Studio; Manufacturing vertical.",
      flags={"tier": "gold", "product": "AI Studio"}),
    Q("B25", "demo", "ja", ["country-paraphrase", "industry-paraphrase", "product"],
      "日本で保険会社向けにオブザーバビリティを提供できるパートナーを教えてください",
      dict(country="JP", industry="Insurance", comp="Observability"),
      "日本 = JP, 保険会社 = Insurance, Observability."),
    Q("B26", "demo", "fr", ["country-paraphrase", "industry-paraphrase", "product"],
      "Un partenaire au Canada pour la gouvernance des données d'une banque ?",
      dict(country="CA", industry="Financial Services", comp="Governance"),
      "Canada = CA, banque = Financial Services, Governance.",
      traps=["P-020 Cascade (CA, Governance) has no Financial Services"]),
]

ZOO_Q = [
    Q("Z01", "zoo-regional", "en", ["country", "industry", "product", "certification"],
      "Who has 5 or more certified Lakehouse people for a hospital in Poland?",
      dict(country="PL", industry="Healthcare", comp="Lakehouse", mincert=5), "PL, Healthcare, Lakehouse certified_staff >= 5."),
    Q("Z02", "zoo-regional", "en", ["country", "industry", "product", "certification"],
      "need a partner with 5+ certified streaming folks for an energy company in Sweden",
      dict(country="SE", industry="Energy", comp="Streaming", mincert=5), "SE, Energy, Streaming certified_staff >= 5."),
    Q("Z03", "zoo-regional", "en", ["country-paraphrase", "industry-paraphrase", "product"],
      "Which partner can bring AI Studio to a Czech bank?",
      dict(country="CZ", industry="Financial Services", comp="AI Studio"), "Czech = CZ, bank = Financial Services, AI Studio."),
    Q("Z04", "zoo-regional", "de", ["country-paraphrase", "industry-paraphrase", "product", "tier"],
      "Welcher Platinum-Partner macht Data Governance für Behörden in Österreich?",
      dict(country="AT", industry="Public Sector", comp="Governance", tier="platinum"), "Österreich = AT, Behörden = Public Sector, Governance, tier platinum."),
    Q("Z05", "zoo-regional", "de", ["country-paraphrase", "industry-paraphrase", "product", "certification"],
      "Welcher Partner hat mindestens 5 zertifizierte Observability-Leute für einen Einzelhändler in der Schweiz?",
      dict(country="CH", industry="Retail", comp="Observability", mincert=5), "Schweiz = CH, Einzelhändler = Retail, Observability certified_staff >= 5."),
    Q("Z06", "zoo-regional", "fr", ["country-paraphrase", "industry-paraphrase", "product"],
      "Quel partenaire en Belgique peut faire du streaming pour un industriel ?",
      dict(country="BE", industry="Manufacturing", comp="Streaming"), "Belgique = BE, industriel = Manufacturing, Streaming."),
    Q("Z07", "zoo-regional", "en", ["flags", "tier"],
      "lakehouse partner for retail",
      dict(country="NL", industry="Retail", comp="Lakehouse", tier="platinum"), "Flags NL + platinum; Retail; Lakehouse.",
      flags={"country": "NL", "tier": "platinum"}),
    Q("Z08", "zoo-regional", "en", ["flags", "product"],
      "partner for a hospital group",
      dict(country="DE", industry="Healthcare", comp="Governance"), "Flags DE + Governance; Healthcare (hospital group).",
      flags={"country": "DE", "product": "Governance"}),
    Q("Z09", "zoo-regional", "en", ["certification"],
      "Who has at least 8 certified Observability engineers and sells in Germany?",
      dict(country="DE", comp="Observability", mincert=8), "DE, Observability certified_staff >= 8."),
    Q("Z10", "zoo-regional", "en", ["type", "country", "industry", "product"],
      "Is there a distributor in the Netherlands or Belgium with AI Studio for manufacturers?",
      dict(anyc=["NL", "BE"], industry="Manufacturing", comp="AI Studio", type="distributor"), "NL or BE, Manufacturing, AI Studio, type distributor."),
    Q("Z11", "zoo-regional", "en", ["deal-history"],
      "Which partner has already won a Lakehouse deal with a bank in Switzerland?",
      dict(won=dict(industry="Financial Services", country="CH", product="Lakehouse")),
      "A closed_won opportunity (partner_id or registered_by) on a CH Financial Services account with Lakehouse."),
    Q("Z12", "zoo-regional", "en", ["deal-history"],
      "who has closed a streaming deal with an energy company in Austria?",
      dict(won=dict(industry="Energy", country="AT", product="Streaming")),
      "closed_won on an AT Energy account with Streaming."),
    Q("Z13", "zoo-regional", "es", ["deal-history", "industry-paraphrase"],
      "¿Qué socio ya ganó un proyecto de observabilidad con un hospital en Polonia?",
      dict(won=dict(industry="Healthcare", country="PL", product="Observability")),
      "closed_won on a PL Healthcare account with Observability."),
    Q("Z14", "zoo-regional", "en", ["type", "country", "industry"],
      "any distributor covering public sector in Belgium?",
      dict(country="BE", industry="Public Sector", type="distributor"), "BE, Public Sector, type distributor."),
    Q("Z15", "zoo-regional", "pt", ["country-paraphrase", "industry-paraphrase", "product", "certification"],
      "Quem faz governança de dados para varejo na Suécia, com pelo menos 5 pessoas certificadas?",
      dict(country="SE", industry="Retail", comp="Governance", mincert=5), "Suécia = SE, varejo = Retail, Governance certified_staff >= 5."),
    Q("Z16", "zoo-regional", "ja", ["country-paraphrase", "industry-paraphrase", "product"],
      "チェコで医療機関向けにストリーミングを提供できるパートナーは？",
      dict(country="CZ", industry="Healthcare", comp="Streaming"), "チェコ = CZ, 医療機関 = Healthcare, Streaming."),
    Q("Z17", "zoo-regional", "en", ["country", "industry", "product", "certification"],
      "Who has at least 5 certified governance people for a manufacturer in Poland?",
      dict(country="PL", industry="Manufacturing", comp="Governance", mincert=5), "PL, Manufacturing, Governance certified_staff >= 5."),
    Q("Z18", "zoo-regional", "en", ["tier", "country", "industry", "product"],
      "platinum partner doing observability for energy in Switzerland or Austria",
      dict(anyc=["CH", "AT"], industry="Energy", comp="Observability", tier="platinum"),
      "CH or AT, Energy, Observability, tier platinum."),
    Q("Z19", "zoo-regional", "en", ["size", "country", "industry"],
      "a big partner (1000+ employees) for financial services in Germany",
      dict(country="DE", industry="Financial Services", minemp=1000), "DE, Financial Services, employees >= 1000."),
    Q("Z20", "zoo-regional", "fr", ["flags", "industry-paraphrase"],
      "un partenaire pour un hôpital",
      dict(country="CH", industry="Healthcare", comp="AI Studio"), "Flags CH + AI Studio; hôpital = Healthcare.",
      flags={"country": "CH", "product": "AI Studio"}),
    Q("Z21", "zoo-regional", "en", ["deal-history", "trap-wrong-vertical"],
      "which partner has won a governance deal in the public sector in the Netherlands?",
      dict(won=dict(industry="Public Sector", country="NL", product="Governance")),
      "closed_won on an NL Public Sector account with Governance."),
]


def sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def main() -> int:
    worlds = {"demo": World(DEMO), "zoo-regional": World(ZOO)}
    out = []
    bad = 0
    for q in DEMO_Q + ZOO_Q:
        w = worlds[q["world"]]
        truth = w.f(**q["crit"])
        entry = {k: q[k] for k in ("id", "world", "lang", "kind", "query")}
        if q["flags"]:
            entry["flags"] = q["flags"]
        entry["truth"] = truth
        entry["why"] = q["why"] + (" Traps: " + "; ".join(q["traps"]) + "." if q["traps"] else "")
        entry["criterion"] = {k: v for k, v in q["crit"].items()}
        out.append(entry)
        flag = "" if 1 <= len(truth) <= 12 else "  <-- CHECK"
        bad += bool(flag)
        print(f"{q['id']} {len(truth):>3} {truth[:8]}{flag}", file=sys.stderr)
    header = (
        "# Blind evaluation set 2 for `cosell partners search` (issue 23), written by build_questions.py.\n"
        "# Written without reading the product's code: sources were CLI.md, DATA.md and the data files.\n"
        "# truth = every partner passing `criterion` (see build_questions.py): country = partners.csv\n"
        "# `countries`, vertical = `industries`, product = `competencies`, mincert = certified_staff count\n"
        "# for that competency >= n (0 certified = trap), desc = a reference in the description (demo),\n"
        "# won = a closed_won opportunity with the partner as partner_id or registered_by on an account of\n"
        "# that industry/country with that product (zoo). Scoring: recall@5 capped by min(5,|truth|), hit@1.\n"
    )
    spec = {
        "worlds": {
            "demo": {"description": "Northwind Data demo world (68 partners)", "import": str(DEMO),
                     "regenerate": ["-m", "evals.demo.generator", "--out", "{out}"], "today": "2026-11-15",
                     "partners_sha256": sha(DEMO / "partners.csv")},
            "zoo-regional": {"description": "zoo world `regional`, size full (200 partners, 8 European countries)",
                             "import": str(ZOO),
                             "regenerate": ["-m", "evals.zoo.generator", "--world", "regional", "--size", "full",
                                            "--out", "{out_parent}"],
                             "today": "2026-07-01", "partners_sha256": sha(ZOO / "partners.csv")},
        },
        "questions": out,
    }
    (HERE / "questions.yaml").write_text(header + yaml.safe_dump(spec, allow_unicode=True, sort_keys=False, width=110),
                                         encoding="utf-8")
    print(f"{len(out)} questions, {bad} to check", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
