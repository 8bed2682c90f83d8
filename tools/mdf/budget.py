"""The MDF budget rule (CLI.md "MDF"): a partner's approved total in a calendar quarter may not go above the
`mdf_allocated` of partner_activity.csv for the months of that quarter (a quarter without rows has 0).

An activity's quarter is that of its `start_on`, else its `requested_on`. What an activity holds of the
budget once approved (approved, claimed or paid): its approved amount, else what was claimed or paid.
Amounts in another currency are converted with vendor.yaml `fx_rates` (`tools.currency`), at face
value when there is no rate. Approvals of one partner are serialised by `lock_partner` (a row lock on the
partner: Postgres blocks the second approver until the first commits; SQLite takes its write lock), so
two approvals at once cannot both fit a budget only one fits.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from assistant.core.errors import BadInput
from retrieval.programme_records import MdfActivityRow
from retrieval.records import Partner, PartnerActivity
from tools.currency import Converter
from tools.types import money

HOLDS_BUDGET = ("approved", "claimed", "paid")


def quarter_of(day: dt.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def quarter_months(quarter: str) -> list[str]:
    year, q = int(quarter[:4]), int(quarter[-1])
    return [f"{year:04d}-{m:02d}" for m in range(3 * q - 2, 3 * q + 1)]


def activity_quarter(row: MdfActivityRow) -> str | None:
    day = row.start_on or row.requested_on
    return quarter_of(day) if day else None


def committed(row: MdfActivityRow) -> float:
    """What an activity that holds budget takes of it."""
    for value in (row.approved_amount, row.claimed_amount, row.paid_amount):
        if value is not None:
            return float(value)
    return 0.0


@dataclass(frozen=True)
class Budget:
    partner_id: str
    quarter: str
    allocated: float
    approved: float  # already approved in the quarter (not counting the activity being decided)
    currency: str

    def check(self, asked: float, activity_id: str | None = None) -> None:
        if self.approved + asked > self.allocated + 1e-6:
            left = max(self.allocated - self.approved, 0.0)
            what = f"activity {activity_id}: " if activity_id else ""
            raise BadInput(
                f"{what}over the MDF budget of {self.partner_id} for {self.quarter}: allocated "
                f"{money(self.allocated, self.currency)}, already approved {money(self.approved, self.currency)}, "
                f"asked {money(asked, self.currency)} ({money(left, self.currency)} left; partner_activity "
                f"mdf_allocated for {', '.join(quarter_months(self.quarter))})")


def lock_partner(session: Session, partner_id: str) -> None:
    """Hold the partner's row until the transaction ends: approvals of one partner run one at a time."""
    session.execute(update(Partner).where(Partner.partner_id == partner_id).values(name=Partner.name))


def budget(session: Session, vendor: dict, partner_id: str, quarter: str, excluding: str | None = None) -> Budget:
    fx = Converter.from_vendor(vendor)
    months = quarter_months(quarter)
    allocated = sum(v or 0.0 for v in session.scalars(select(PartnerActivity.mdf_allocated).where(
        PartnerActivity.partner_id == partner_id, PartnerActivity.month.in_(months))))
    approved = 0.0
    for row in session.scalars(select(MdfActivityRow).where(MdfActivityRow.partner_id == partner_id,
                                                            MdfActivityRow.status.in_(HOLDS_BUDGET))
                                .execution_options(populate_existing=True)):  # what others just committed
        if row.activity_id == excluding or activity_quarter(row) != quarter:
            continue
        value = committed(row)
        approved += fx.convert(value, row.currency) or value
    return Budget(partner_id, quarter, float(allocated), approved, fx.currency)
