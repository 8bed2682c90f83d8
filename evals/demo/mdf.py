"""MDF activities over the last year (DATA.md `mdf_activities.csv`) and the deals they sourced
(opportunities `mdf_activity_id`), drawn after the world is built so nothing else in the demo changes.

Paid and claimed activities follow the partner's own MDF spend in partner_activity: one activity per chosen
partner and complete quarter, paid what the partner spent that quarter. Their return varies on purpose: a
third of the activities sourced several of the partner's deals created after the activity started, a third
one deal, a third none. The current quarter has requests waiting, one approved and one rejected.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

from evals.demo.world import World, money, rng

KINDS = ("event", "webinar", "digital", "content", "training")
KIT_FOR = {"Lakehouse": "lakehouse-modernisation", "Streaming": "streaming-realtime",
           "Governance": "governance-compliance", "AI Studio": "ai-studio-launch"}
NAMES = {"event": "{product} roadshow", "webinar": "{product} webinar series", "digital": "{product} paid search",
         "content": "{product} customer stories", "training": "{product} hands-on workshop"}
PAID_ACTIVITIES = 30
SOURCING_WINDOW_DAYS = 120  # a deal created this long after the activity starts can be attributed to it


def _quarters(today: dt.date, count: int) -> list[tuple[str, list[str], dt.date]]:
    """The last `count` complete quarters, oldest first: (label, months, first day)."""
    index = today.year * 4 + (today.month - 1) // 3
    out = []
    for q in range(index - count, index):
        year, quarter = divmod(q, 4)
        months = [f"{year:04d}-{quarter * 3 + m:02d}" for m in (1, 2, 3)]
        out.append((f"{year}-Q{quarter + 1}", months, dt.date(year, quarter * 3 + 1, 1)))
    return out


def build_mdf(world: World, activity_rows: list[dict[str, str]]) -> tuple[list[dict[str, str]], dict[str, str]]:
    """(mdf_activities.csv rows, opportunity_id -> activity_id)."""
    r = rng(world.seed, "mdf_activities")
    spent: dict[tuple[str, str], float] = defaultdict(float)
    for row in activity_rows:
        spent[(row["partner_id"], row["month"])] += float(row["mdf_spent"] or 0)
    partners = {p.partner_id: p for p in world.partners}
    quarters = _quarters(world.today, 4)
    pool = [(pid, q) for pid in sorted(partners) for q in quarters
            if sum(spent[(pid, m)] for m in q[1]) >= 1000]
    chosen = sorted(r.sample(pool, min(PAID_ACTIVITIES, len(pool))), key=lambda x: (x[1][2], x[0]))
    rows: list[dict[str, str]] = []
    sourced: dict[str, str] = {}
    for n, (pid, (label, months, first_day)) in enumerate(chosen, start=1):
        p, kind = partners[pid], r.choice(KINDS)
        product = r.choice(p.competencies) if p.competencies else "Lakehouse"
        paid = round(sum(spent[(pid, m)] for m in months), -2)
        start = max(first_day + dt.timedelta(days=r.randrange(10, 60)), world.today - dt.timedelta(days=360))
        last_quarter = label == quarters[-1][0]
        status = "claimed" if last_quarter and r.random() < 0.5 else "paid"
        activity_id = f"MDF-{n:04d}"
        rows.append(_row(activity_id, pid, NAMES[kind].format(product=product), kind, status,
                         requested=round(paid * 1.1, -2), approved=paid, claimed=paid,
                         paid=paid if status == "paid" else None, requested_on=start - dt.timedelta(days=20),
                         start=start, end=start + dt.timedelta(days=r.randrange(1, 30)), kit=KIT_FOR.get(product),
                         leads=r.randrange(5, 80)))
        share = (0, 1, 4)[n % 3]  # no, one, several sourced deals: varied returns
        window = [o for o in world.opportunities if pid == o.partner_id and o.partner_role == "sourced"
                  and start <= o.created_on <= start + dt.timedelta(days=SOURCING_WINDOW_DAYS)
                  and o.opportunity_id not in sourced]
        for o in window[:share]:
            sourced[o.opportunity_id] = activity_id
    rows += _this_quarter(world, r, len(rows))
    return rows, sourced


def _this_quarter(world: World, r, offset: int) -> list[dict[str, str]]:
    """Requests of the current quarter: two waiting, one approved (not started), one rejected."""
    eligible = [p for p in world.partners if p.tier in ("silver", "gold", "platinum") and p.competencies]
    out = []
    for i, status in enumerate(("requested", "requested", "approved", "rejected")):
        p = eligible[r.randrange(len(eligible))]
        product, kind = r.choice(p.competencies), r.choice(KINDS)
        amount = float(r.choice([5000, 8000, 12000, 20000]))
        start = world.today + dt.timedelta(days=r.randrange(20, 60))
        out.append(_row(f"MDF-{offset + i + 1:04d}", p.partner_id, NAMES[kind].format(product=product), kind,
                        status, requested=amount, approved=amount if status == "approved" else None, claimed=None,
                        paid=None, requested_on=world.today - dt.timedelta(days=r.randrange(1, 20)), start=start,
                        end=start + dt.timedelta(days=2), kit=KIT_FOR.get(product), leads=None))
    return out


def _row(activity_id: str, pid: str, name: str, kind: str, status: str, requested: float | None,
         approved: float | None, claimed: float | None, paid: float | None, requested_on: dt.date, start: dt.date,
         end: dt.date, kit: str | None, leads: int | None) -> dict[str, str]:
    def amount(x: float | None) -> str:
        return money(x) if x is not None else ""

    return {"activity_id": activity_id, "partner_id": pid, "name": name, "kind": kind, "status": status,
            "requested_amount": amount(requested), "approved_amount": amount(approved),
            "claimed_amount": amount(claimed), "paid_amount": amount(paid), "currency": "USD",
            "requested_on": requested_on.isoformat(), "start_on": start.isoformat(), "end_on": end.isoformat(),
            "kit_id": kit or "", "leads": "" if leads is None else str(leads)}
