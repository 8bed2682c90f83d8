"""How an ingest changes the stored tables without losing data on bad input.

Each table declares its import file and the tables it refers to (`TableSync`); a new table gets the
same protection by being registered after its parents (`register_table`). A sync is planned before
anything changes: rows of the folder are upserted; a stored row whose new row was rejected is kept
(as is every row of an optional file refused as a whole), unless what it refers to is really gone;
a stored row gone from the folder is removed. A plan that removes more than
`COSELL_MAX_REMOVAL_SHARE` of any table or of the documents is refused unless removals are allowed.
"""
from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from assistant.core.errors import BadInput
from retrieval import records as R


@dataclass(frozen=True)
class TableSync:
    """One stored table fed by one import file; `refs` are (column, parent table's bundle attribute)."""

    attr: str  # the ImportBundle attribute holding its records
    file: str
    model: type[R.Base]
    refs: tuple[tuple[str, str], ...] = ()

    @property
    def key_columns(self) -> tuple[str, ...]:
        return tuple(self.model.__table__.primary_key.columns.keys())

    def key_of(self, record: Any) -> Any:
        keys = self.key_columns
        return getattr(record, keys[0]) if len(keys) == 1 else tuple(getattr(record, k) for k in keys)


TABLES: list[TableSync] = [
    TableSync("partners", "partners.csv", R.Partner),
    TableSync("accounts", "accounts.csv", R.Account),
    TableSync("opportunities", "opportunities.csv", R.Opportunity,
              (("account_id", "accounts"), ("partner_id", "partners"), ("registered_by", "partners"))),
    TableSync("partner_accounts", "partner_accounts.csv", R.PartnerAccount, (("partner_id", "partners"),)),
    TableSync("partner_activity", "partner_activity.csv", R.PartnerActivity, (("partner_id", "partners"),)),
    TableSync("users", "users.csv", R.User, (("partner_id", "partners"),)),
]

# Records the copilot makes itself (CLI.md "Records the copilot keeps"): a plain ingest never touches
# them, `ingest --reset` erases them (and says so first).
COPILOT_RECORDS: list[tuple[str, type[R.Base]]] = [
    ("drafts", R.DraftRow),
    ("mapping_corrections", R.MatchCorrection),
]


def register_table(spec: TableSync) -> None:
    """Add an imported table; register it after the tables its `refs` point to."""
    known = {t.attr for t in TABLES}
    missing = [parent for _, parent in spec.refs if parent not in known]
    if missing:
        raise ValueError(f"{spec.attr}: register {', '.join(missing)} first")
    TABLES[:] = [t for t in TABLES if t.attr != spec.attr] + [spec]


def register_copilot_records(name: str, model: type[R.Base]) -> None:
    COPILOT_RECORDS[:] = [(n, m) for n, m in COPILOT_RECORDS if n != name] + [(name, model)]


# --- planning ---------------------------------------------------------------------------------------


@dataclass
class TablePlan:
    spec: TableSync
    stored: int
    kept: set[Any] = field(default_factory=set)
    removed: set[Any] = field(default_factory=set)
    untouched: bool = False  # its file was refused as a whole: the table stays exactly as it is


@dataclass
class SyncPlan:
    tables: list[TablePlan]
    stored_documents: int = 0
    kept_documents: set[str] = field(default_factory=set)
    removed_documents: set[str] = field(default_factory=set)

    def kept_counts(self) -> dict[str, int]:
        out = {p.spec.attr: (p.stored - len(p.removed) if p.untouched else len(p.kept)) for p in self.tables}
        out["documents"] = len(self.kept_documents)
        return {k: v for k, v in out.items() if v}

    def removed_counts(self) -> dict[str, int]:
        out = {p.spec.attr: len(p.removed) for p in self.tables}
        out["documents"] = len(self.removed_documents)
        return {k: v for k, v in out.items() if v}


def _stored_rows(session: Session, spec: TableSync) -> dict[Any, tuple]:
    """key -> values of the reference columns, for every stored row."""
    table = spec.model.__table__
    keys, refs = spec.key_columns, [c for c, _ in spec.refs]
    rows = session.execute(select(*[table.c[k] for k in keys], *[table.c[c] for c in refs])).all()
    n = len(keys)
    return {(row[0] if n == 1 else tuple(row[:n])): tuple(row[n:]) for row in rows}


def stored_keys(session: Session) -> dict[str, set[Any]]:
    """Ids in the store per import file name (what the reader may resolve references against)."""
    return {spec.file: set(_stored_rows(session, spec)) for spec in TABLES}


def plan_sync(session: Session, bundle: Any) -> SyncPlan:
    plans, final_keys = [], {}
    failed = set(bundle.failed_files)
    for spec in TABLES:
        rows = _stored_rows(session, spec)
        incoming = {spec.key_of(r) for r in getattr(bundle, spec.attr)}
        plan = TablePlan(spec, stored=len(rows), untouched=spec.file in failed)
        if plan.untouched:
            candidates = set(rows)
        else:
            rejected = {tuple(k) if isinstance(k, list) else k for k in bundle.rejected_keys.get(spec.file, [])}
            candidates = (rejected & set(rows)) - incoming
        for key in candidates:  # a kept row stays only while what it refers to stays
            if all(v is None or v in final_keys.get(parent, ()) for (_, parent), v in zip(spec.refs, rows[key])):
                plan.kept.add(key)
        plan.removed = set(rows) - incoming - plan.kept
        plan.untouched = plan.untouched and not plan.removed
        final_keys[spec.attr] = incoming | plan.kept
        plans.append(plan)
    stored_docs = set(session.scalars(select(R.Document.doc_id)).all())
    wanted = {d.doc_id for d in bundle.documents}
    rejected_docs = {r.file.removeprefix("content/") for r in bundle.rejected if r.file.startswith("content/")}
    kept_docs = (rejected_docs & stored_docs) - wanted
    return SyncPlan(plans, len(stored_docs), kept_docs, stored_docs - wanted - kept_docs)


def check_removals(plan: SyncPlan, max_share: float) -> None:
    """Refuse (BadInput, nothing changed) a plan removing more than `max_share` of a table or the documents."""
    too_many = [(p.spec.attr, len(p.removed), p.stored) for p in plan.tables
                if p.stored and len(p.removed) > max_share * p.stored]
    if plan.stored_documents and len(plan.removed_documents) > max_share * plan.stored_documents:
        too_many.append(("documents", len(plan.removed_documents), plan.stored_documents))
    if too_many:
        shown = ", ".join(f"{n} of {total} {name} ({n / total:.0%})" for name, n, total in too_many)
        raise BadInput(
            f"this ingest would remove {shown}: more than the allowed {max_share:.0%} "
            "(COSELL_MAX_REMOVAL_SHARE). Nothing was changed. If these records are really gone from the "
            "folder, run it again with --allow-removals (API: \"allow_removals\": true)."
        )


def check_admins_remain(session: Session, bundle: Any, plan: SyncPlan) -> None:
    """Never leave no admin when admins hold API keys: every admin key would stop working as admin."""
    users = next((p for p in plan.tables if p.spec.attr == "users"), None)
    if users is None or users.untouched:
        return
    stored_admins = set(session.scalars(select(R.User.user_id).where(R.User.role == "admin")).all())
    keyed_admins = set(session.scalars(
        select(R.ApiKey.user_id).where(R.ApiKey.user_id.in_(stored_admins))).all()) if stored_admins else set()
    if not keyed_admins:
        return
    remaining = {u.user_id for u in bundle.users if u.role == "admin"} | (users.kept & stored_admins)
    if not remaining:
        raise BadInput(
            f"users.csv would remove every admin ({', '.join(sorted(keyed_admins))}): their API keys would stop "
            "working. Add an admin row to users.csv. Nothing was changed."
        )


# --- applying ---------------------------------------------------------------------------------------


def _record_row(record: Any, columns: list[str]) -> dict[str, Any]:
    data = record.model_dump()
    return {name: data.get(name) for name in columns if name in data}


def apply_tables(session: Session, bundle: Any, plan: SyncPlan) -> None:
    """Replace each table by the folder's rows plus the kept ones, in the caller's transaction."""
    for table_plan in plan.tables:
        if table_plan.untouched:
            continue
        spec = table_plan.spec
        columns = spec.model.__table__.columns.keys()
        kept_rows = []
        if table_plan.kept:
            n = len(spec.key_columns)
            for row in session.execute(select(spec.model.__table__)).mappings():
                key = row[spec.key_columns[0]] if n == 1 else tuple(row[k] for k in spec.key_columns)
                if key in table_plan.kept:
                    kept_rows.append(dict(row))
        session.execute(delete(spec.model))
        rows = [_record_row(rec, columns) for rec in getattr(bundle, spec.attr)] + kept_rows
        for start in range(0, len(rows), 20_000):
            session.execute(insert(spec.model), rows[start : start + 20_000])


def copilot_record_counts(session: Session) -> dict[str, int]:
    return {name: int(session.scalar(select(func.count()).select_from(model)) or 0)
            for name, model in COPILOT_RECORDS}


def erase_copilot_records(session: Session) -> None:
    for _, model in COPILOT_RECORDS:
        session.execute(delete(model))


# --- one ingest at a time ---------------------------------------------------------------------------


@contextmanager
def ingest_lock(home: Path, wait_s: float) -> Iterator[None]:
    """An exclusive lock on COSELL_HOME/ingest.lock: a second ingest waits up to `wait_s`, then fails."""
    path = Path(home) / "ingest.lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise BadInput(
                        f"another ingest is running on this COSELL_HOME ({path}); waited {wait_s:g} s. "
                        "Run this one again when it has finished (COSELL_INGEST_LOCK_WAIT_S to wait longer)."
                    ) from None
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
