"""The programme's own records (DATA.md "Programme records"; CLI.md "Records the copilot keeps").

Registrations, leads, MDF activities, partner candidates and the audit log, in the same SQL store as
the ecosystem (sharing `retrieval.records.Base`). A row may come from an import (`origin="import"`) or
be made in the copilot (`origin="copilot"`): a plain ingest updates rows imported with the same id,
drops imported rows gone from the folder, and never touches what the copilot made; `--reset` erases all.
Every workflow change bumps `version` (optimistic locking: two approvals of one record, one wins).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any, TypeVar

from sqlalchemy import JSON, Date, DateTime, Float, Index, Integer, String, Text, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from assistant.core.errors import BadInput, Conflict
from retrieval.records import Account, Base, Opportunity

IMPORTED, COPILOT = "import", "copilot"


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Registration(Base):
    __tablename__ = "registrations"
    __table_args__ = (Index("ix_reg_partner", "partner_id"), Index("ix_reg_account", "account_id"))
    registration_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    partner_id: Mapped[str] = mapped_column(String(128))
    account_name: Mapped[str] = mapped_column(String(512))
    account_id: Mapped[str | None] = mapped_column(String(128))  # our account, when resolved
    domain: Mapped[str | None] = mapped_column(String(512))
    country: Mapped[str | None] = mapped_column(String(2))
    products: Mapped[list[str]] = mapped_column(default=list)
    amount: Mapped[float | None] = mapped_column(Float)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    close_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16))  # submitted|approved|rejected|won|lost (expired computed)
    submitted_on: Mapped[dt.date] = mapped_column(Date)
    decided_on: Mapped[dt.date | None] = mapped_column(Date)
    expires_on: Mapped[dt.date | None] = mapped_column(Date)
    opportunity_id: Mapped[str | None] = mapped_column(String(128))
    reason: Mapped[str | None] = mapped_column(Text)
    check: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # the stored check (internal view)
    submitted_by: Mapped[str | None] = mapped_column(String(128))
    origin: Mapped[str] = mapped_column(String(16), default=COPILOT)
    version: Mapped[int] = mapped_column(Integer, default=1)
    attributes: Mapped[dict[str, Any]] = mapped_column(default=dict)


class LeadRow(Base):
    __tablename__ = "leads"
    lead_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    company: Mapped[str] = mapped_column(String(512))
    domain: Mapped[str | None] = mapped_column(String(512))
    country: Mapped[str | None] = mapped_column(String(2))
    industry: Mapped[str | None] = mapped_column(String(256))
    products: Mapped[list[str]] = mapped_column(default=list)
    employees: Mapped[int | None] = mapped_column(Integer)
    amount: Mapped[float | None] = mapped_column(Float)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    source: Mapped[str | None] = mapped_column(Text)
    created_on: Mapped[dt.date | None] = mapped_column(Date)
    description: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="new")  # new|assigned|accepted|declined|converted
    partner_id: Mapped[str | None] = mapped_column(String(128))  # the assigned partner
    assigned_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    accept_by: Mapped[dt.datetime | None] = mapped_column(DateTime)
    responded_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    passed_by: Mapped[list[str]] = mapped_column(default=list)  # partners that declined or let it expire
    account_id: Mapped[str | None] = mapped_column(String(128))
    opportunity_id: Mapped[str | None] = mapped_column(String(128))
    reason: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(16), default=IMPORTED)
    version: Mapped[int] = mapped_column(Integer, default=1)
    attributes: Mapped[dict[str, Any]] = mapped_column(default=dict)


class MdfActivityRow(Base):
    __tablename__ = "mdf_activities"
    __table_args__ = (Index("ix_mdf_partner", "partner_id"),)
    activity_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    partner_id: Mapped[str] = mapped_column(String(128))
    name: Mapped[str] = mapped_column(String(512))
    kind: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    requested_amount: Mapped[float | None] = mapped_column(Float)
    approved_amount: Mapped[float | None] = mapped_column(Float)
    claimed_amount: Mapped[float | None] = mapped_column(Float)
    paid_amount: Mapped[float | None] = mapped_column(Float)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    requested_on: Mapped[dt.date | None] = mapped_column(Date)
    start_on: Mapped[dt.date | None] = mapped_column(Date)
    end_on: Mapped[dt.date | None] = mapped_column(Date)
    kit_id: Mapped[str | None] = mapped_column(String(128))
    leads: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(16), default=COPILOT)
    version: Mapped[int] = mapped_column(Integer, default=1)
    attributes: Mapped[dict[str, Any]] = mapped_column(default=dict)


class PartnerCandidateRow(Base):
    __tablename__ = "partner_candidates"
    candidate_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    name: Mapped[str] = mapped_column(String(512))
    type: Mapped[str | None] = mapped_column(String(32))
    website: Mapped[str | None] = mapped_column(String(512))
    countries: Mapped[list[str]] = mapped_column(default=list)
    industries: Mapped[list[str]] = mapped_column(default=list)
    competencies: Mapped[list[str]] = mapped_column(default=list)
    languages: Mapped[list[str]] = mapped_column(default=list)
    description: Mapped[str | None] = mapped_column(Text)
    employees: Mapped[int | None] = mapped_column(Integer)
    source: Mapped[str | None] = mapped_column(Text)
    attributes: Mapped[dict[str, Any]] = mapped_column(default=dict)


class OpportunityMdf(Base):
    """opportunities.csv `mdf_activity_id`: which MDF activity sourced a deal (replaced by every ingest;
    a table of its own so the deals table and stores made before it need no migration)."""

    __tablename__ = "opportunity_mdf"
    opportunity_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    mdf_activity_id: Mapped[str] = mapped_column(String(128), index=True)


class AuditEntry(Base):
    """One change to a kept record: who, what, when, and the record before and after (JSON)."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_record", "record_type", "record_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    user_id: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(64))
    record_type: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(128))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)


# (bundle attribute, SQL model, id column, workflow fields an import never overwrites when it omits them)
KEPT: tuple[tuple[str, type[Base], str], ...] = (
    ("deal_registrations", Registration, "registration_id"),
    ("leads", LeadRow, "lead_id"),
    ("mdf_activities", MdfActivityRow, "activity_id"),
)
_LINKS = ("opportunity_id", "account_id")
ERASED_BY_RESET = (Registration, LeadRow, MdfActivityRow, PartnerCandidateRow, OpportunityMdf, AuditEntry)


def status_filter(status: str | None, statuses: tuple[str, ...] | list[str]) -> str | None:
    """A `--status` / `?status=` filter as stored (lower case: `PAID` and `paid` alike), or a clear error
    naming the statuses there are."""
    if status is None:
        return None
    wanted = status.strip().lower()
    if wanted not in statuses:
        raise BadInput(f"unknown status '{status}' (one of {', '.join(statuses)})")
    return wanted


def snapshot(row: Base) -> dict[str, Any]:
    """A row as JSON-ready data, for the audit log's before/after."""
    out: dict[str, Any] = {}
    for name in (c.name for c in row.__table__.columns):
        value = getattr(row, name)
        out[name] = value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value
    return out


def audit(session: Session, user_id: str, action: str, row: Base, before: dict[str, Any] | None) -> None:
    ident = row.__mapper__.primary_key[0].name
    session.add(AuditEntry(user_id=user_id, action=action, record_type=row.__tablename__,
                           record_id=str(getattr(row, ident)), before=before, after=snapshot(row)))


# --- the record workflow shared by registrations and MDF: new ids, audited optimistic changes ------------

RowT = TypeVar("RowT", bound=Base)
ID_ATTEMPTS = 5


def next_id(session: Session, model: type[Base], prefix: str) -> str:
    """`R-0007` after the highest `R-NNNN` stored (ids of other shapes, from an import, are passed over)."""
    column = model.__mapper__.primary_key[0]
    numbers = [int(m.group(1)) for key in session.scalars(select(column))
               if (m := re.fullmatch(rf"{re.escape(prefix)}-(\d+)", key))]
    return f"{prefix}-{max(numbers, default=0) + 1:04d}"


def create_record(sessions: Callable[[], AbstractContextManager[Session]], model: type[RowT], prefix: str,
                  build: Callable[[Session, str], RowT], user_id: str, action: str, what: str) -> RowT:
    """Store the row `build(session, new_id)` makes, audited as `action`. Two creations at once may pick the
    same next id: the loser takes the next one (a few times, then a Conflict naming `what`)."""
    for _attempt in range(ID_ATTEMPTS):
        try:
            with sessions() as session:
                row = build(session, next_id(session, model, prefix))
                session.add(row)
                session.flush()
                audit(session, user_id, action, row, None)
            return row
        except IntegrityError:
            continue
    raise Conflict(f"could not allocate {what} id; try again")


def change_record(session: Session, row: RowT, before: dict[str, Any], changes: dict[str, Any], user_id: str,
                  action: str, label: str, listing: str) -> RowT:
    """Apply `changes` to `row` as one optimistic update on the `version` of `before` (the row's `snapshot`
    as the caller read it), audited with the row before and after. Someone else's change since the read
    is a Conflict naming the record (`label` and id) and where to look (`listing`)."""
    model = type(row)
    key_column = model.__mapper__.primary_key[0]
    key = getattr(row, key_column.name)
    version = before["version"]
    done = session.execute(update(model).where(key_column == key, model.version == version)
                           .values(**changes, version=version + 1))
    if done.rowcount != 1:
        raise Conflict(f"{label} {key} was changed by someone else at the same time; nothing done (see `{listing}`)")
    session.expire(row)
    after = session.get(model, key)
    audit(session, user_id, action, after, before)
    return after


def _values(record: Any, model: type[Base]) -> dict[str, Any]:
    data = record.model_dump()
    return {c.name: data[c.name] for c in model.__table__.columns if c.name in data}


def load_imported(session: Session, bundle: Any, protection_days: int) -> dict[str, int]:
    """The ingest hook: upsert imported programme rows by id, drop imported rows gone from the folder,
    keep every row the copilot made, replace the candidates, then link records to new opportunities."""
    counts: dict[str, int] = {}
    for attr, model, key in KEPT:
        records = list(getattr(bundle, attr, None) or [])
        seen = set()
        existing = {getattr(r, key): r for r in session.scalars(select(model))}
        for record in records:
            values = _values(record, model)
            if model is Registration and values.get("status") == "approved" and not values.get("expires_on"):
                values["expires_on"] = values["decided_on"] + dt.timedelta(days=protection_days)
            row = existing.get(values[key])
            seen.add(values[key])
            if row is None:
                session.add(model(**values, origin=IMPORTED))
                continue
            before = snapshot(row)
            for name, value in values.items():
                if value is None and name in _LINKS:  # an import that omits a link does not undo it
                    continue
                setattr(row, name, value)
            if snapshot(row) != before:
                row.version += 1
                audit(session, "ingest", "import", row, before)
        for ident, row in existing.items():
            if ident not in seen and row.origin == IMPORTED:
                session.delete(row)
        counts[attr] = len(records)
    session.execute(delete(PartnerCandidateRow))
    for candidate in getattr(bundle, "partner_candidates", None) or []:
        session.add(PartnerCandidateRow(**_values(candidate, PartnerCandidateRow)))
    counts["partner_candidates"] = len(getattr(bundle, "partner_candidates", None) or [])
    session.execute(delete(OpportunityMdf))
    session.add_all(OpportunityMdf(opportunity_id=o.opportunity_id, mdf_activity_id=o.mdf_activity_id)
                    for o in getattr(bundle, "opportunities", None) or [] if getattr(o, "mdf_activity_id", None))
    session.flush()
    link_opportunities(session)
    return counts


def copilot_ids(session: Session) -> dict[str, set[str]]:
    """Ids of the records made in the copilot, per import file: a plain ingest keeps them, so a row may
    refer to them (an opportunity's `mdf_activity_id` naming an activity requested in the copilot)."""
    return {"mdf_activities.csv": set(session.scalars(select(MdfActivityRow.activity_id)
                                                      .where(MdfActivityRow.origin == COPILOT)))}


def kept_counts(session: Session) -> dict[str, int]:
    """What `ingest --reset` would erase, per table (said before erasing)."""
    return {model.__tablename__: len(session.scalars(select(model)).all()) for model in ERASED_BY_RESET}


def erase_all(session: Session) -> None:
    for model in ERASED_BY_RESET:
        session.execute(delete(model))


def _overlaps(wanted: list[str] | None, theirs: list[str] | None) -> bool:
    want = {p.casefold() for p in wanted or []}
    return not want or bool(want & {p.casefold() for p in theirs or []})


def link_opportunities(session: Session) -> None:
    """Approved registrations and accepted leads meet their deal: same account, overlapping products."""
    deals_by_account: dict[str, list[Opportunity]] = {}
    for deal in session.scalars(select(Opportunity).order_by(Opportunity.created_on, Opportunity.opportunity_id)):
        deals_by_account.setdefault(deal.account_id, []).append(deal)
    accounts_by_domain = {a.domain.lower(): a.account_id for a in session.scalars(select(Account)) if a.domain}
    for reg in session.scalars(select(Registration).where(Registration.opportunity_id.is_(None),
                                                          Registration.status == "approved")):
        account_id = reg.account_id or accounts_by_domain.get((reg.domain or "").lower())
        deal = next((d for d in deals_by_account.get(account_id or "", [])
                     if _overlaps(reg.products, d.products)), None)
        if deal is not None:
            before = snapshot(reg)
            reg.opportunity_id, reg.account_id = deal.opportunity_id, account_id
            reg.version += 1
            audit(session, "ingest", "link_opportunity", reg, before)
    for lead in session.scalars(select(LeadRow).where(LeadRow.opportunity_id.is_(None), LeadRow.status == "accepted")):
        account_id = lead.account_id or accounts_by_domain.get((lead.domain or "").lower())
        deal = next((d for d in deals_by_account.get(account_id or "", [])
                     if _overlaps(lead.products, d.products)
                     and (lead.assigned_at is None or d.created_on is None
                          or d.created_on >= lead.assigned_at.date() - dt.timedelta(days=1))), None)
        if deal is not None:
            before = snapshot(lead)
            lead.opportunity_id, lead.account_id, lead.status = deal.opportunity_id, account_id, "converted"
            lead.version += 1
            audit(session, "ingest", "converted", lead, before)
