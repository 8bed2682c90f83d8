"""Generated partners with planted onboarding progress, and the status each step must have.

Each partner joined some days before TODAY and gets, per step, a planted outcome (done or not) written into
the import files in one of the ways the data can show it, including near misses that must NOT count: a
training too few, a certification in partner_activity only, a rejected registration, a win closed before
joining or a lost deal. The expected status follows from the planted outcome and the due date alone
(`EXPECTED_OFFSETS`, which the world also writes into vendor.yaml to override the defaults).
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

TODAY = dt.date(2026, 6, 15)
COMPETENCIES = ("Lakehouse", "Streaming", "Governance")
EXPECTED_OFFSETS = {"training": 20, "first_registration": 45, "certification": 60, "certified_staff": 90,
                    "first_win": 120, "tier_result": 365}
TIER_RULES = {"silver": {"min_won_revenue_12m": 50000, "min_won_deals_12m": 2, "min_certified_staff": 3},
              "gold": {"min_won_revenue_12m": 400000, "min_won_deals_12m": 5, "min_certified_staff": 8}}


@dataclass
class Planted:
    partner_id: str
    joined_on: dt.date
    tier: str
    competencies: list[str]
    expected: dict[tuple[str, str | None], bool] = field(default_factory=dict)  # (kind, subject) -> done

    def status(self, kind: str, subject: str | None) -> str:
        if self.expected[(kind, subject)]:
            return "done"
        due = self.joined_on + dt.timedelta(days=EXPECTED_OFFSETS[kind])
        return "overdue" if due < TODAY else "open"


def _month(day: dt.date) -> str:
    return f"{day:%Y-%m}"


def _months_between(start: dt.date, end: dt.date) -> list[str]:
    out, y, m = [], start.year, start.month
    while (y, m) <= (end.year, end.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def build(seed: int = 21, count: int = 36) -> tuple[dict[str, str], list[Planted]]:
    """The import files (name -> text) and the planted truth per partner."""
    r = random.Random(seed)
    partners = ["partner_id,name,type,tier,countries,competencies,certified_staff,joined_on"]
    accounts = ["account_id,name,country,status"]
    opps = ["opportunity_id,account_id,name,stage,amount,created_on,close_date,products,partner_id,partner_role,"
            "registered_by"]
    activity = ["partner_id,month,portal_logins,trainings_completed,deals_registered,certifications_earned"]
    regs = ["registration_id,partner_id,account_name,status,submitted_on,decided_on"]
    users = ["user_id,name,role,partner_id", "u-admin,Ada,admin,", "u-cm,Carl,channel_manager,",
             "u-mkt,Mia,marketer,"]
    truth: list[Planted] = []
    n_opp = n_reg = 0
    for i in range(1, count + 1):
        pid = f"P-{i:03d}"
        joined = TODAY - dt.timedelta(days=r.choice([3, 15, 25, 50, 70, 100, 150, 250, 400]))
        comps = sorted(r.sample(COMPETENCIES, r.randint(1, 3)))
        tier = r.choice(["registered", "registered", "silver"])
        p = Planted(pid, joined, tier, comps)
        users.append(f"u-ps-{i},Seller {i},partner_seller,{pid}")
        accounts.append(f"A-{i},Customer {i} Ltd,DE,prospect")

        # training: one per competency since the joining month; a miss is one short, or trainings before joining
        trainings: dict[str, int] = {}
        done = r.random() < 0.5
        since = _months_between(joined, TODAY)
        total = len(comps) if done else r.randint(0, len(comps) - 1)
        for _ in range(total):
            m = r.choice(since)
            trainings[m] = trainings.get(m, 0) + 1
        before = _month(joined - dt.timedelta(days=40))
        if not done and r.random() < 0.5:
            trainings[before] = trainings.get(before, 0) + len(comps)  # before joining: does not count
        p.expected[("training", None)] = done

        # certifications: a certified person per competency, or none (maybe 0 written, maybe activity only)
        certified: dict[str, int] = {}
        earned: dict[str, int] = {}
        for comp in comps:
            ok = r.random() < 0.5
            if ok:
                certified[comp] = r.randint(1, 3)
            elif r.random() < 0.5:
                certified[comp] = 0
            else:
                earned[r.choice(since)] = 1  # earned per partner_activity, not in certified_staff
            p.expected[("certification", comp)] = ok
        p.expected[("certified_staff", "certified_staff")] = sum(certified.values()) >= 3

        # first registration: a record, a registered deal, or activity; near misses: rejected, before joining
        registered: dict[str, int] = {}
        way = r.choice(["record", "deal", "activity", "none", "rejected", "activity_before"])
        reg_deal = False
        if way == "record":
            n_reg += 1
            status = r.choice(["submitted", "approved", "won"])
            decided = "" if status == "submitted" else joined + dt.timedelta(days=7)
            regs.append(f"R-{n_reg},{pid},Customer {i},{status},{joined + dt.timedelta(days=5)},{decided}")
        elif way == "rejected":
            n_reg += 1
            regs.append(f"R-{n_reg},{pid},Customer {i},rejected,{joined + dt.timedelta(days=5)},"
                        f"{joined + dt.timedelta(days=8)}")
        elif way == "deal":
            reg_deal = True
        elif way == "activity":
            registered[r.choice(since)] = 1
        elif way == "activity_before":
            registered[before] = 2
        p.expected[("first_registration", None)] = way in ("record", "deal", "activity")

        # wins: after joining (engaged or registered) or near misses (closed before joining, lost, future close)
        win_way = r.choice(["engaged", "registered", "none", "before", "lost"])
        won_12m: list[float] = []
        if reg_deal:  # the registered deal stays open
            n_opp += 1
            opps.append(f"O-{n_opp},A-{i},Reg deal {i},proposal,20000,{joined + dt.timedelta(days=2)},"
                        f"{TODAY + dt.timedelta(days=60)},{comps[0]},,,{pid}")
        extra_wins = r.choice([0, 0, 1, 2]) if win_way in ("engaged", "registered") else 0
        for w in range(1 + extra_wins):
            if win_way == "none":
                break
            n_opp += 1
            amount = r.choice([15000, 30000, 60000])
            if win_way == "before":
                close, stage = joined - dt.timedelta(days=10), "closed_won"
                created = close - dt.timedelta(days=30)
            else:
                lo = 1 + w
                close = joined + dt.timedelta(days=r.randint(lo, max(lo, (TODAY - joined).days)))
                stage = "closed_lost" if win_way == "lost" else "closed_won"
                created = joined
            engaged = f"{pid},sourced," if win_way != "registered" else ",,"
            reg_by = pid if win_way == "registered" else ""
            opps.append(f"O-{n_opp},A-{i},Deal {i}-{w},{stage},{amount},{created},{close},{comps[0]},{engaged}{reg_by}")
            if stage == "closed_won" and TODAY - dt.timedelta(days=365) < close <= TODAY:
                won_12m.append(amount)
        p.expected[("first_win", None)] = win_way in ("engaged", "registered")
        if win_way == "registered":  # a deal the partner registered is a registration too
            p.expected[("first_registration", None)] = True

        # tier results: the partner's own tier's minimums, or silver's for a registered partner
        rules = TIER_RULES["silver"]
        p.expected[("tier_result", "won_revenue_12m")] = sum(won_12m) >= rules["min_won_revenue_12m"]
        p.expected[("tier_result", "won_deals_12m")] = len(won_12m) >= rules["min_won_deals_12m"]

        for m in sorted(set(trainings) | set(registered) | set(earned)):
            activity.append(f"{pid},{m},5,{trainings.get(m, 0)},{registered.get(m, 0)},{earned.get(m, 0)}")
        staff = ";".join(f"{c}:{n}" for c, n in certified.items())
        partners.append(f"{pid},Partner {i},var,{tier},DE,{';'.join(comps)},{staff},{joined}")
        truth.append(p)

    vendor = ("name: Onboarding Test Vendor\n"
              f"onboarding_days: {EXPECTED_OFFSETS}\n"
              f"tier_rules: {TIER_RULES}\n")
    files = {"vendor.yaml": vendor, "partners.csv": "\n".join(partners) + "\n",
             "accounts.csv": "\n".join(accounts) + "\n", "opportunities.csv": "\n".join(opps) + "\n",
             "partner_activity.csv": "\n".join(activity) + "\n", "deal_registrations.csv": "\n".join(regs) + "\n",
             "users.csv": "\n".join(users) + "\n"}
    return files, truth


def write(root: Path, seed: int = 21) -> tuple[Path, list[Planted]]:
    files, truth = build(seed)
    root.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root, truth
