"""A generated vendor reporting in EUR whose deals are in EUR, USD, GBP and JPY (vendor.yaml `fx_rates`) and a few
in SEK (no rate), with the figures every sum across deals must give, computed here from the rows written, by
DATA.md's rules alone (reporting currency x rate; a deal without a rate adds nothing to a sum, still counts).
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

TODAY = dt.date(2026, 6, 15)
REPORTING = "EUR"
RATES = {"USD": 0.92, "GBP": 1.17, "JPY": 0.0061}  # EUR per unit
UNRATED = "SEK"
TIER_RULES = {"silver": {"min_won_revenue_12m": 100_000, "min_won_deals_12m": 1},
              "gold": {"min_won_revenue_12m": 400_000, "min_won_deals_12m": 3},
              "platinum": {"min_won_revenue_12m": 1_000_000, "min_won_deals_12m": 5}}
TIERS = ("registered", "silver", "gold", "platinum")
# DATA.md / README: P(stage) of an open deal
PROBABILITY = {"prospecting": 0.1, "qualification": 0.2, "proposal": 0.4, "negotiation": 0.7}
# a deal's size in its own currency: JPY amounts are ~160x EUR ones, as in life
SIZES = {"EUR": (20_000, 180_000), "USD": (20_000, 200_000), "GBP": (15_000, 150_000),
         "JPY": (3_000_000, 30_000_000), "SEK": (200_000, 2_000_000)}


def rate(currency: str) -> float | None:
    return 1.0 if currency == REPORTING else RATES.get(currency)


@dataclass
class Deal:
    opportunity_id: str
    stage: str
    amount: float
    currency: str
    close_date: dt.date
    partner_id: str | None
    registered_by: str | None

    @property
    def converted(self) -> float | None:
        r = rate(self.currency)
        return None if r is None else self.amount * r

    def of(self, pid: str) -> bool:
        return pid in (self.partner_id, self.registered_by)

    @property
    def won_12m(self) -> bool:
        return self.stage == "closed_won" and TODAY - dt.timedelta(days=365) < self.close_date <= TODAY

    @property
    def open(self) -> bool:
        return self.stage in PROBABILITY


@dataclass
class World:
    partners: dict[str, str] = field(default_factory=dict)  # id -> tier held
    deals: list[Deal] = field(default_factory=list)

    def won_revenue(self, pid: str) -> float:
        return sum(d.converted or 0.0 for d in self.deals if d.of(pid) and d.won_12m)

    def raw_won_revenue(self, pid: str) -> float:
        return sum(d.amount for d in self.deals if d.of(pid) and d.won_12m)

    def won_deals(self, pid: str) -> int:
        return sum(d.of(pid) and d.won_12m for d in self.deals)

    def weighted_pipeline(self, pid: str) -> float:
        return sum((d.converted or 0.0) * PROBABILITY[d.stage] for d in self.deals if d.of(pid) and d.open)

    def open_amount(self, pid: str) -> float:
        return sum(d.converted or 0.0 for d in self.deals if d.of(pid) and d.open)

    def qualified(self, pid: str) -> str:
        revenue, count = self.won_revenue(pid), self.won_deals(pid)
        best = "registered"
        for tier in TIERS[1:]:
            rule = TIER_RULES[tier]
            if revenue >= rule["min_won_revenue_12m"] and count >= rule["min_won_deals_12m"]:
                best = tier
        return best


def build(seed: int = 11, count: int = 30) -> tuple[dict[str, str], World]:
    r = random.Random(seed)
    world = World()
    partners = ["partner_id,name,type,tier,countries,competencies,certified_staff,joined_on"]
    accounts = ["account_id,name,country,status"]
    opps = ["opportunity_id,account_id,name,stage,amount,currency,created_on,close_date,products,partner_id,"
            "partner_role,registered_by"]
    users = ["user_id,name,role,partner_id", "u-admin,Ada,admin,", "u-cm,Carl,channel_manager,"]
    pids = [f"P-{i:03d}" for i in range(1, count + 1)]

    def currency() -> str:
        x = r.random()
        return "SEK" if x < 0.06 else "JPY" if x < 0.3 else "USD" if x < 0.55 else "GBP" if x < 0.7 else "EUR"

    def deal(pid: str | None, stage: str, close: dt.date, registered: str | None = None, code: str = "") -> None:
        n = len(world.deals) + 1
        code = code or currency()
        lo, hi = SIZES[code]
        amount = float(r.randrange(lo, hi, 1000))
        d = Deal(f"O-{n:04d}", stage, amount, code, close, pid, registered)
        world.deals.append(d)
        created = min(close, TODAY) - dt.timedelta(days=60)
        role = "sourced" if pid else ""
        opps.append(f"{d.opportunity_id},A-{n},Deal {n},{stage},{amount:.2f},{code},{created},{close},Lakehouse,"
                    f"{pid or ''},{role},{registered or ''}")
        accounts.append(f"A-{n},Customer {n} GmbH,DE,prospect")

    for pid in pids:
        for _ in range(r.choice([0, 1, 2, 3, 4, 5, 6])):  # won in the trailing year, some registered only
            other = r.choice(pids) if r.random() < 0.2 else None
            deal(None if other else pid, "closed_won", TODAY - dt.timedelta(days=r.randint(5, 350)),
                 registered=pid if other else None)
        deal(pid, "closed_won", TODAY - dt.timedelta(days=r.randint(380, 500)))  # older: not in the year
        for _ in range(r.randint(0, 2)):
            deal(pid, "closed_lost", TODAY - dt.timedelta(days=r.randint(5, 350)))
        for _ in range(r.randint(0, 4)):
            deal(pid, r.choice(list(PROBABILITY)), TODAY + dt.timedelta(days=r.randint(10, 120)))
    deal(pids[0], "closed_won", TODAY - dt.timedelta(days=30), code=UNRATED)  # a partner below its tier has one
    for _ in range(8):  # deals without a partner: in the vendor's totals only
        deal(None, r.choice(["closed_won", "proposal"]), TODAY + dt.timedelta(days=r.randint(-200, 60)))
    for i, pid in enumerate(pids):
        qualified = world.qualified(pid)
        # most hold the tier they qualify for, a few one above it (under a fifth: the rules fit this vendor)
        held = qualified if i % 6 else TIERS[min(TIERS.index(qualified) + 1, len(TIERS) - 1)]
        world.partners[pid] = held
        partners.append(f"{pid},Partner {pid},var,{held},DE,Lakehouse,Lakehouse:2,2024-01-10")
    vendor = (f"name: Multi Currency Vendor\nreporting_currency: {REPORTING}\nfx_rates: {RATES}\n"
              f"tier_rules: {TIER_RULES}\n")
    files = {"vendor.yaml": vendor, "partners.csv": "\n".join(partners) + "\n",
             "accounts.csv": "\n".join(accounts) + "\n", "opportunities.csv": "\n".join(opps) + "\n",
             "users.csv": "\n".join(users) + "\n"}
    return files, world


def write(root: Path, seed: int = 11) -> tuple[Path, World]:
    files, world = build(seed)
    root.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root, world
