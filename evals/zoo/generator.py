"""Seeded generator of import folders (DATA.md) with latent ground truth.

`generate(world, out_dir)` writes `out_dir/import/` (what `cosell ingest` loads) and
`out_dir/truth.json` (never imported): the latent best eligible partner and win probabilities per
open deal and lead, the planted deal and partner situations with the number that should appear in
the evidence, healthy controls, declining partners and the candidates' latent quality.

Written from DATA.md and CLI.md only. Eligibility: the partner sells in the account's country and is
authorised (competencies) for every product of the deal.
"""
from __future__ import annotations

import csv
import json
import math
import random
from dataclasses import asdict
from datetime import date, timedelta
from pathlib import Path

from evals.zoo.worlds import World

TIERS = ("registered", "silver", "gold", "platinum")
TYPES = ("reseller", "var", "distributor", "system_integrator", "isv", "msp", "referral", "consultancy")
OPEN_STAGES = ("prospecting", "qualification", "proposal", "negotiation")
STAGE_GAP_FACTOR = {"prospecting": 1.4, "qualification": 1.0, "proposal": 0.8, "negotiation": 0.6}
SYLLABLES = ("nor", "vel", "tra", "kin", "sol", "mar", "qui", "zen", "lum", "dra", "bri", "cor", "fal",
             "gen", "hal", "ix", "jor", "ket", "lon", "mir", "ost", "pra", "rav", "sil", "tor", "ul")
SUFFIX = ("Systems", "Partners", "Consulting", "Digital", "Group", "Solutions", "Technologies", "Data")


def sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _name(rng: random.Random, used: set[str]) -> str:
    while True:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        if word not in used:
            used.add(word)
            return word


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split(";") if x.strip()]


def eligible(partner: dict, country: str, products: list[str]) -> bool:
    comps = {c.lower() for c in _split(partner["competencies"])}
    return country.lower() in {c.lower() for c in _split(partner["countries"])} and all(
        p.lower() in comps for p in products)


class _Latent:
    """The world's hidden win model."""

    def __init__(self, world: World, rng: random.Random, partners: list[dict]):
        self.w = world
        self.skill = {(p["partner_id"], x): rng.gauss(0, 1) for p in partners
                      for x in world.products + world.industries}
        self.region = {(p["partner_id"], c): rng.gauss(0, 1) for p in partners for c in world.countries}
        self.traits = {p["partner_id"]: trait_quality(world, p["type"], _split(p["industries"]),
                                                      int(p["employees"])) for p in partners}
        self.tier = {p["partner_id"]: TIERS.index(p["tier"]) for p in partners}
        self.customers: set[tuple[str, str]] = set()

    def logit(self, pid: str, account: dict, products: list[str]) -> float:
        w = self.w
        skill = sum(self.skill[(pid, x)] for x in products) / len(products) + self.skill[(pid, account["industry"])]
        return (-0.6 + w.w_tier * (self.tier[pid] - 1.5) + w.w_skill * skill
                + w.w_relationship * ((pid, account["account_id"]) in self.customers)
                + w.w_region * self.region[(pid, account["country"])] + w.w_traits * self.traits[pid])

    def p_win(self, pid: str, account: dict, products: list[str]) -> float:
        return sigmoid(self.logit(pid, account, products))


def trait_quality(world: World, ptype: str, industries: list[str], employees: int) -> float:
    """Latent quality from observable traits, the same for partners and candidates of a world."""
    r = random.Random(world.seed * 7 + 1)
    good_types = set(r.sample(TYPES, 3))
    good_inds = set(r.sample(list(world.industries), 2))
    size = math.log10(max(employees, 5))
    best_size = r.choice((1.5, 2.3, 3.0))
    return (0.8 * (ptype in good_types) + 0.5 * len(good_inds & set(industries))
            - 0.6 * abs(size - best_size))


def _partner_row(rng: random.Random, world: World, pid: str, name: str) -> dict:
    employees = int(10 ** rng.uniform(1.0, 4.0))
    big = math.log10(employees) / 4
    tier = TIERS[min(3, int(rng.random() * 2.2 + big * 2.2))]
    comps = rng.sample(world.products, rng.randint(2, min(4, len(world.products))))
    home = rng.choice(world.countries)
    countries = [home] + [c for c in rng.sample(world.countries, rng.randint(0, 2)) if c != home]
    inds = rng.sample(world.industries, rng.randint(1, 3))
    return {
        "partner_id": pid, "name": f"{name} {rng.choice(SUFFIX)}", "type": rng.choice(TYPES), "tier": tier,
        "website": f"{name.lower()}.example", "countries": ";".join(countries), "industries": ";".join(inds),
        "competencies": ";".join(comps),
        "certified_staff": ";".join(f"{c}:{rng.randint(1, 12)}" for c in comps),
        "languages": "en", "joined_on": "", "employees": str(employees),
        "description": f"{name} serves {', '.join(inds)} with {', '.join(comps)}.",
        "channel_manager": "U-CM",
    }


def generate(world: World, out_dir: Path) -> dict:
    """Write the world's import folder and truth; returns the truth."""
    rng = random.Random(world.seed)
    today = date.fromisoformat(world.today)
    imp = out_dir / "import"
    (imp / "content").mkdir(parents=True, exist_ok=True)
    used: set[str] = set()

    partners = [_partner_row(rng, world, f"P-{i:04d}", _name(rng, used)) for i in range(1, world.partners + 1)]
    for p in partners:
        p["joined_on"] = (today - timedelta(days=rng.randint(200, 2000))).isoformat()
    latent = _Latent(world, rng, partners)
    by_country: dict[str, list[dict]] = {c: [] for c in world.countries}
    for p in partners:
        for c in _split(p["countries"]):
            by_country[c].append(p)

    n_accounts = max(300, world.partners * 4)
    accounts = []
    for i in range(1, n_accounts + 1):
        nm = _name(rng, used)
        accounts.append({
            "account_id": f"A-{i:05d}", "name": f"{nm} {rng.choice(('Inc', 'GmbH', 'Ltd', 'SA', 'Corp'))}",
            "domain": f"{nm.lower()}.test", "industry": rng.choice(world.industries),
            "country": rng.choice(world.countries), "employees": str(int(10 ** rng.uniform(1.5, 5))),
            "status": rng.choice(("customer", "prospect", "prospect", "former_customer")),
        })
    # partner_accounts: each account is a customer of 0-3 partners selling in its country
    partner_accounts = []
    for a in accounts:
        pool = by_country[a["country"]]
        for p in rng.sample(pool, min(len(pool), rng.choice((0, 0, 1, 1, 2, 3)))):
            latent.customers.add((p["partner_id"], a["account_id"]))
            partner_accounts.append({"partner_id": p["partner_id"], "account_name": a["name"].upper(),
                                     "domain": a["domain"], "country": a["country"], "status": "customer",
                                     "updated_on": (today - timedelta(days=rng.randint(5, 200))).isoformat()})
        for p in rng.sample(pool, min(len(pool), rng.choice((0, 1)))):
            if (p["partner_id"], a["account_id"]) not in latent.customers:
                partner_accounts.append({"partner_id": p["partner_id"], "account_name": a["name"],
                                         "domain": a["domain"], "country": a["country"], "status": "prospect",
                                         "updated_on": ""})

    def habit_pick(cands: list[dict]) -> dict:
        """The vendor's habit: big, high-tier partners get the deals."""
        weights = [math.exp(1.2 * TIERS.index(p["tier"]) + 0.8 * math.log10(int(p["employees"]))) for p in cands]
        return rng.choices(cands, weights)[0]

    def deal_setup(account: dict) -> tuple[list[str], list[dict]]:
        for _ in range(20):
            products = rng.sample(world.products, 1 if rng.random() < 0.75 else 2)
            elig = [p for p in by_country[account["country"]] if eligible(p, account["country"], products)]
            if len(elig) >= 3:
                return products, elig
        return products, elig

    opps: list[dict] = []
    n_closed = min(max(500, world.partners * 8), 20000)
    for _ in range(n_closed):
        a = rng.choice(accounts)
        products, elig = deal_setup(a)
        created = today - timedelta(days=rng.randint(60, 900))
        close = created + timedelta(days=rng.randint(20, 180))
        if close >= today:
            close = today - timedelta(days=rng.randint(1, 30))
        row = _opp(f"OPP-{len(opps) + 1:06d}", a, products, created, close, close, rng)
        if elig and rng.random() < 0.7:
            p = habit_pick(elig)
            won = rng.random() < latent.p_win(p["partner_id"], a, products)
            row.update(partner_id=p["partner_id"], partner_role=rng.choice(("sourced", "influenced", "fulfillment")))
        else:
            won = rng.random() < sigmoid(-1.6)  # direct deals win less: partners win more here
        row["stage"] = "closed_won" if won else "closed_lost"
        opps.append(row)

    # open deals: the truth is the latent best eligible partner
    stage_gap = {s: world.activity_gap_days * f for s, f in STAGE_GAP_FACTOR.items()}
    open_truth = {}
    open_rows = []
    while len(open_rows) < world.open_deals:
        a = rng.choice(accounts)
        products, elig = deal_setup(a)
        if len(elig) < 3:
            continue
        stage = rng.choice(OPEN_STAGES)
        created = today - timedelta(days=rng.randint(20, 200))
        last = today - timedelta(days=min((today - created).days, int(rng.expovariate(1 / stage_gap[stage]))))
        close = today + timedelta(days=rng.randint(15, 150))
        row = _opp(f"OPP-{len(opps) + 1:06d}", a, products, created, close, last, rng)
        row["stage"] = stage
        if rng.random() < 0.6:
            p = habit_pick(elig)
            row.update(partner_id=p["partner_id"], partner_role="sourced")
        opps.append(row)
        open_rows.append(row)
        probs = {p["partner_id"]: round(latent.p_win(p["partner_id"], a, products), 4) for p in elig}
        open_truth[row["opportunity_id"]] = {
            "best": max(probs, key=probs.get), "p_win": probs, "account_id": a["account_id"],
            "products": products, "country": a["country"], "industry": a["industry"]}

    registrations, deal_sit, deal_controls = _plant_deals(world, rng, today, open_rows, opps, stage_gap, accounts)
    planted = {s["opportunity_id"] for s in deal_sit} | set(deal_controls)
    free = [o for o in open_rows if o["opportunity_id"] not in planted]
    activity, mdf, partner_sit, partner_controls, declining = _plant_partners(world, rng, today, partners, free)

    # leads: held-back deals on prospects without a deal, truth = latent best eligible partner
    with_deal = {o["account_id"] for o in opps}
    leads, lead_truth = [], {}
    pool = [a for a in accounts if a["account_id"] not in with_deal]
    rng.shuffle(pool)
    for a in pool:
        if len(leads) >= world.leads:
            break
        products, elig = deal_setup(a)
        if len(elig) < 3:
            continue
        lid = f"L-{len(leads) + 1:04d}"
        leads.append({"lead_id": lid, "company": a["name"], "domain": a["domain"], "country": a["country"],
                      "industry": a["industry"], "products": ";".join(products), "employees": a["employees"],
                      "amount": f"{rng.randint(10, 300) * 1000}.00", "source": rng.choice(("webinar", "website")),
                      "created_on": (today - timedelta(days=rng.randint(0, 10))).isoformat()})
        probs = {p["partner_id"]: round(latent.p_win(p["partner_id"], a, products), 4) for p in elig}
        lead_truth[lid] = {"best": max(probs, key=probs.get), "p_win": probs}

    candidates, cand_truth = [], {}
    for i in range(1, world.candidates + 1):
        nm = _name(rng, used)
        ctype, inds = rng.choice(TYPES), rng.sample(world.industries, rng.randint(1, 3))
        emp = int(10 ** rng.uniform(1.0, 4.0))
        cid = f"C-{i:04d}"
        candidates.append({"candidate_id": cid, "name": f"{nm} {rng.choice(SUFFIX)}", "type": ctype,
                           "website": f"{nm.lower()}.example", "countries": rng.choice(world.countries),
                           "industries": ";".join(inds),
                           "competencies": ";".join(rng.sample(world.products, 2)), "languages": "en",
                           "employees": str(emp), "source": "event",
                           "description": f"{nm} works with {', '.join(inds)} clients."})
        cand_truth[cid] = round(trait_quality(world, ctype, inds, emp) + rng.gauss(0, 0.3), 4)

    users = [{"user_id": "U-ADMIN", "name": "Ada Admin", "role": "admin", "partner_id": ""},
             {"user_id": "U-CM", "name": "Carl Channel", "role": "channel_manager", "partner_id": ""},
             {"user_id": "U-SELLER", "name": "Sam Seller", "role": "partner_seller",
              "partner_id": partners[0]["partner_id"]}]

    _write(imp / "partners.csv", partners)
    _write(imp / "accounts.csv", accounts)
    _write(imp / "opportunities.csv", opps)
    _write(imp / "partner_accounts.csv", partner_accounts)
    _write(imp / "partner_activity.csv", activity)
    _write(imp / "users.csv", users)
    _write(imp / "leads.csv", leads)
    _write(imp / "deal_registrations.csv", registrations)
    _write(imp / "mdf_activities.csv", mdf)
    _write(imp / "partner_candidates.csv", candidates)
    (imp / "vendor.yaml").write_text(
        f"name: {world.name.capitalize()} Vendor\nwebsite: {world.name}.example\ndefault_locale: en\n"
        f"account_sharing: counts\nreporting_currency: USD\nregistration_protection_days: {world.protection_days}\n"
        "lead_accept_hours: 48\n", encoding="utf-8")
    (imp / "content" / "deal-registration.md").write_text(
        "---\ntitle: Deal registration policy\nkind: policy\nvisibility: partners\n---\n"
        f"# Deal registration\nAn approved registration protects the deal for {world.protection_days} days.\n",
        encoding="utf-8")
    (imp / "content" / "co-selling.md").write_text(
        "# Co-selling playbook\nEngage a partner early; review stalled deals every week.\n", encoding="utf-8")

    truth = {"world": asdict(world), "today": world.today, "open_deals": open_truth,
             "deal_situations": deal_sit, "deal_controls": deal_controls,
             "partner_situations": partner_sit, "partner_controls": partner_controls,
             "declining_partners": declining, "leads": lead_truth, "candidates": cand_truth,
             "admin": "U-ADMIN"}
    (out_dir / "truth.json").write_text(json.dumps(truth, indent=1), encoding="utf-8")
    return truth


def _opp(oid: str, a: dict, products: list[str], created: date, close: date, last: date,
         rng: random.Random) -> dict:
    return {"opportunity_id": oid, "account_id": a["account_id"], "name": f"{a['name']} - {products[0]}",
            "stage": "", "amount": f"{rng.randint(5, 400) * 1000}.00", "currency": "USD",
            "created_on": created.isoformat(), "close_date": close.isoformat(),
            "last_activity_on": last.isoformat(), "products": ";".join(products), "partner_id": "",
            "partner_role": "", "registered_by": "", "mdf_activity_id": "", "description": ""}


def _percentile(xs: list[int], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))] if xs else 0


def _plant_deals(world: World, rng: random.Random, today: date, open_rows: list[dict], opps: list[dict],
                 stage_gap: dict, accounts: list[dict]):
    """Plant stalled, close-date-passed, lapsed-registration and no-partner deals, plus healthy controls."""
    gaps: dict[str, list[int]] = {s: [] for s in OPEN_STAGES}
    for o in open_rows:
        gaps[o["stage"]].append((today - date.fromisoformat(o["last_activity_on"])).days)
    closed = [o for o in opps if o["stage"] in ("closed_won", "closed_lost")]
    rate = lambda rows: round(100 * sum(o["stage"] == "closed_won" for o in rows) / max(1, len(rows)))
    partner_rate = rate([o for o in closed if o["partner_id"]])
    direct_rate = rate([o for o in closed if not o["partner_id"]])
    n = max(2, len(open_rows) // 12)
    engaged = [o for o in open_rows if o["partner_id"]]
    unengaged = [o for o in open_rows if not o["partner_id"]]
    rng.shuffle(engaged)
    picks = {"stalled": engaged[:n], "close_date_passed": engaged[n:2 * n],
             "registration_lapsed": engaged[2 * n:3 * n], "no_partner": unengaged[:n]}
    controls = engaged[3 * n:5 * n]
    registrations, situations = [], []
    fresh = lambda: today - timedelta(days=rng.randint(0, 3))
    for kind, rows in picks.items():
        for o in rows:
            created = date.fromisoformat(o["created_on"])
            if kind == "stalled":
                norm90 = _percentile(gaps[o["stage"]], 0.9)
                days = int(max(3 * norm90, norm90 + 30, 45))
                o["created_on"] = min(created, today - timedelta(days=days + 10)).isoformat()
                o["last_activity_on"] = (today - timedelta(days=days)).isoformat()
                numbers = [str(days)]
            else:
                o["last_activity_on"] = fresh().isoformat()
            if kind == "close_date_passed":
                close = today - timedelta(days=rng.randint(10, 60))
                o["close_date"] = close.isoformat()
                numbers = [close.isoformat(), str((today - close).days)]
            if kind == "registration_lapsed":
                decided = today - timedelta(days=world.protection_days + rng.randint(15, 60))
                o["created_on"] = min(created, decided - timedelta(days=5)).isoformat()
                o["registered_by"] = o["partner_id"]
                ended = decided + timedelta(days=world.protection_days)
                acc = next(a for a in accounts if a["account_id"] == o["account_id"])
                registrations.append({
                    "registration_id": f"R-{len(registrations) + 1:04d}", "partner_id": o["partner_id"],
                    "account_name": acc["name"], "domain": acc["domain"], "country": acc["country"],
                    "products": o["products"], "amount": o["amount"], "currency": "USD", "status": "approved",
                    "submitted_on": (decided - timedelta(days=3)).isoformat(), "decided_on": decided.isoformat(),
                    "expires_on": "", "opportunity_id": o["opportunity_id"], "reason": ""})
                numbers = [ended.isoformat(), str((today - ended).days)]
            if kind == "no_partner":
                numbers = [str(partner_rate), str(direct_rate)]
            situations.append({"opportunity_id": o["opportunity_id"], "kind": kind, "numbers": numbers,
                               "partner_id": o["partner_id"], "account_name": next(
                                   a["name"] for a in accounts if a["account_id"] == o["account_id"]),
                               "country": next(a["country"] for a in accounts if a["account_id"] == o["account_id"]),
                               "products": o["products"]})
    for o in controls:
        o["last_activity_on"] = fresh().isoformat()
        if rng.random() < 0.5:  # a fresh, protected registration is healthy
            acc = next(a for a in accounts if a["account_id"] == o["account_id"])
            decided = today - timedelta(days=rng.randint(5, world.protection_days // 3))
            o["registered_by"] = o["partner_id"]
            registrations.append({
                "registration_id": f"R-{len(registrations) + 1:04d}", "partner_id": o["partner_id"],
                "account_name": acc["name"], "domain": acc["domain"], "country": acc["country"],
                "products": o["products"], "amount": o["amount"], "currency": "USD", "status": "approved",
                "submitted_on": (decided - timedelta(days=2)).isoformat(), "decided_on": decided.isoformat(),
                "expires_on": "", "opportunity_id": o["opportunity_id"], "reason": ""})
    return registrations, situations, [o["opportunity_id"] for o in controls]


def _plant_partners(world: World, rng: random.Random, today: date, partners: list[dict], opps: list[dict]):
    """Monthly activity for 12 complete months; plant certification gaps, unspent MDF and decline."""
    first = date(today.year, today.month, 1)
    months = []
    m = first
    for _ in range(12):
        m = (m - timedelta(days=1)).replace(day=1)
        months.append(m)
    months.reverse()
    busy = 60 / world.activity_gap_days  # busy worlds log in more
    n = max(2, len(partners) // 15)
    order = partners[1:]  # partner 0 has the seller user; keep it plain
    rng.shuffle(order)
    cert_gap, mdf_gap, declining = order[:n], order[n:2 * n], order[2 * n:3 * n]
    controls = order[3 * n:5 * n]
    special = {p["partner_id"] for p in cert_gap + mdf_gap + declining}
    situations, activity, mdf = [], [], []
    for p in partners:
        pid = p["partner_id"]
        logins = max(4, int(rng.uniform(15, 40) * busy ** 0.5))
        psat = round(rng.uniform(7.0, 9.0), 1)
        alloc_month = months[-4]
        for k, mo in enumerate(months):
            row_logins, row_psat = logins + rng.randint(-2, 2), round(min(10, psat + rng.uniform(-0.3, 0.3)), 1)
            if p in declining and k >= 9:
                row_logins = max(1, int(logins * (0.5, 0.25, 0.1)[k - 9]))
                row_psat = round(psat - (1.5, 3.0, 4.0)[k - 9], 1)
            alloc = spent = 0.0
            if p in mdf_gap and mo == alloc_month:
                alloc = float(rng.choice((15000, 20000, 25000, 40000)))
            elif pid not in special and k % 3 == 0 and rng.random() < 0.5:
                alloc = float(rng.choice((5000, 10000)))
                spent = alloc * rng.uniform(0.9, 1.0)
            activity.append({"partner_id": pid, "month": mo.strftime("%Y-%m"), "portal_logins": row_logins,
                             "trainings_completed": rng.randint(0, 3), "deals_registered": rng.randint(0, 2),
                             "certifications_earned": rng.randint(0, 1), "mdf_allocated": f"{alloc:.2f}",
                             "mdf_spent": f"{spent:.2f}", "psat": row_psat})
            if p in declining and k == 11:
                situations.append({"partner_id": pid, "kind": "declining",
                                   "numbers": [str(logins), str(row_logins), f"{psat:.1f}", f"{row_psat:.1f}"]})
            if p in mdf_gap and mo == alloc_month:
                situations.append({"partner_id": pid, "kind": "mdf_unspent", "numbers": [f"{int(alloc)}"]})
            if pid not in special and alloc:
                mdf.append({"activity_id": f"M-{len(mdf) + 1:05d}", "partner_id": pid, "name": "Webinar",
                            "kind": "webinar", "status": "paid", "requested_amount": f"{alloc:.2f}",
                            "approved_amount": f"{alloc:.2f}", "claimed_amount": f"{spent:.2f}",
                            "paid_amount": f"{spent:.2f}", "currency": "USD", "requested_on": mo.isoformat(),
                            "start_on": mo.isoformat(), "end_on": mo.isoformat(), "kit_id": "",
                            "leads": rng.randint(0, 20)})
    for p in cert_gap:
        comps = _split(p["competencies"])
        gap = comps[0]
        p["certified_staff"] = ";".join(f"{c}:{0 if c == gap else rng.randint(3, 12)}" for c in comps)
        situations.append({"partner_id": p["partner_id"], "kind": "certification_gap", "numbers": [gap]})
        # engaged on deals in that product, so the gap matters
        for o in opps:
            if not o["partner_id"] and gap in _split(o["products"]):
                o.update(partner_id=p["partner_id"], partner_role="influenced")
                break
    return activity, mdf, situations, [p["partner_id"] for p in controls], [p["partner_id"] for p in declining]


def _write(path: Path, rows: list[dict]) -> None:
    fields: list[str] = []
    for r in rows:
        fields += [k for k in r if k not in fields]
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=fields or ["id"])
        w.writeheader()
        w.writerows(rows)


def main() -> None:
    import argparse

    from evals.zoo.worlds import WORLDS, sized
    ap = argparse.ArgumentParser(description="Write a zoo world's import folder and truth.json")
    ap.add_argument("--world", required=True, choices=sorted(WORLDS))
    ap.add_argument("--size", default="full", choices=("small", "full"))
    ap.add_argument("--out", required=True, type=Path)
    args = ap.parse_args()
    generate(sized(WORLDS[args.world], args.size), args.out)
    print(args.out)


if __name__ == "__main__":
    main()
