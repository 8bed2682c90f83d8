"""The structured store: partners, accounts, deals and the copilot's own state, in SQL via SQLAlchemy.

SQLite in COSELL_HOME by default (WAL, so `cosell serve` and CLI commands share it), Postgres by URL.
Column names follow DATA.md exactly; `;` lists are JSON lists, extra CSV columns live in `attributes`.
Reads that a user triggers go through `retrieval.scope.ScopedRecords`, never straight to these tables.
"""
from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    bindparam,
    create_engine,
    event,
    func,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[str]: JSON}


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


# --- the vendor's ecosystem (DATA.md) -------------------------------------------------------------


class Partner(Base):
    __tablename__ = "partners"
    partner_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    name: Mapped[str] = mapped_column(String(512))
    type: Mapped[str] = mapped_column(String(32))
    tier: Mapped[str] = mapped_column(String(16))
    website: Mapped[str | None] = mapped_column(String(512))
    countries: Mapped[list[str]] = mapped_column(default=list)
    industries: Mapped[list[str]] = mapped_column(default=list)
    competencies: Mapped[list[str]] = mapped_column(default=list)
    certified_staff: Mapped[dict[str, Any]] = mapped_column(default=dict)
    languages: Mapped[list[str]] = mapped_column(default=list)
    joined_on: Mapped[dt.date | None] = mapped_column(Date)
    brand_name: Mapped[str | None] = mapped_column(String(512))
    brand_color: Mapped[str | None] = mapped_column(String(16))
    tagline: Mapped[str | None] = mapped_column(Text)
    contact_email: Mapped[str | None] = mapped_column(String(320))
    account_sharing: Mapped[str] = mapped_column(String(16), default="counts")
    description: Mapped[str | None] = mapped_column(Text)
    channel_manager: Mapped[str | None] = mapped_column(String(128))  # a users.user_id
    employees: Mapped[int | None] = mapped_column(Integer)
    attributes: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Account(Base):
    __tablename__ = "accounts"
    account_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    name: Mapped[str] = mapped_column(String(512))
    domain: Mapped[str | None] = mapped_column(String(512))
    industry: Mapped[str | None] = mapped_column(String(256))
    country: Mapped[str | None] = mapped_column(String(2))
    employees: Mapped[int | None] = mapped_column(Integer)
    annual_revenue: Mapped[float | None] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(32))
    owner_email: Mapped[str | None] = mapped_column(String(320))
    attributes: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Opportunity(Base):
    __tablename__ = "opportunities"
    __table_args__ = (
        Index("ix_opp_account", "account_id"),
        Index("ix_opp_partner", "partner_id"),
        Index("ix_opp_registered_by", "registered_by"),
        # covering indexes in the order of the portfolio's GROUP BYs (tools/next_best_action/portfolio_sql.py):
        # SQLite reads each partner's deals in order from the index alone, no sort of 1M rows (SQLite only:
        # Postgres aggregates by hash, and its JSON has no btree order)
        Index("ix_opp_partner_deals", "partner_id", "stage", "close_date", "created_on", "amount", "products")
        .ddl_if(dialect="sqlite"),
        Index("ix_opp_registered_deals", "registered_by", "partner_id", "stage", "close_date", "created_on",
              "amount", "products").ddl_if(dialect="sqlite"),
    )
    opportunity_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    account_id: Mapped[str] = mapped_column(String(128))
    name: Mapped[str] = mapped_column(String(512))
    stage: Mapped[str] = mapped_column(String(32))
    amount: Mapped[float | None] = mapped_column(Float)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    created_on: Mapped[dt.date | None] = mapped_column(Date)
    close_date: Mapped[dt.date | None] = mapped_column(Date)
    last_activity_on: Mapped[dt.date | None] = mapped_column(Date)
    products: Mapped[list[str]] = mapped_column(default=list)
    partner_id: Mapped[str | None] = mapped_column(String(128))
    partner_role: Mapped[str | None] = mapped_column(String(16))
    registered_by: Mapped[str | None] = mapped_column(String(128))
    description: Mapped[str | None] = mapped_column(Text)
    attributes: Mapped[dict[str, Any]] = mapped_column(default=dict)


class PartnerAccount(Base):
    """A row a partner shared for account mapping. `row_key` is stable across re-ingests."""

    __tablename__ = "partner_accounts"
    __table_args__ = (Index("ix_pa_partner", "partner_id"),)
    row_key: Mapped[str] = mapped_column(String(128), primary_key=True)
    partner_id: Mapped[str] = mapped_column(String(128))
    account_name: Mapped[str] = mapped_column(String(512))
    domain: Mapped[str | None] = mapped_column(String(512))
    country: Mapped[str | None] = mapped_column(String(2))
    status: Mapped[str] = mapped_column(String(32))
    updated_on: Mapped[dt.date | None] = mapped_column(Date)
    line: Mapped[int | None] = mapped_column(Integer)
    attributes: Mapped[dict[str, Any]] = mapped_column(default=dict)


class PartnerActivity(Base):
    __tablename__ = "partner_activity"
    partner_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    portal_logins: Mapped[int | None] = mapped_column(Integer)
    trainings_completed: Mapped[int | None] = mapped_column(Integer)
    deals_registered: Mapped[int | None] = mapped_column(Integer)
    certifications_earned: Mapped[int | None] = mapped_column(Integer)
    mdf_allocated: Mapped[float | None] = mapped_column(Float)
    mdf_spent: Mapped[float | None] = mapped_column(Float)
    psat: Mapped[float | None] = mapped_column(Float)
    attributes: Mapped[dict[str, Any]] = mapped_column(default=dict)


class User(Base):
    __tablename__ = "users"
    user_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    name: Mapped[str] = mapped_column(String(512))
    email: Mapped[str | None] = mapped_column(String(320))
    role: Mapped[str] = mapped_column(String(32))
    partner_id: Mapped[str | None] = mapped_column(String(128))
    slack_user_id: Mapped[str | None] = mapped_column(String(64), index=True)
    locale: Mapped[str | None] = mapped_column(String(35))
    attributes: Mapped[dict[str, Any]] = mapped_column(default=dict)


class CampaignKitRow(Base):
    __tablename__ = "campaign_kits"
    kit_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    name: Mapped[str] = mapped_column(String(512))
    source: Mapped[str] = mapped_column(String(1024))
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)  # the validated kit (connectors.models.CampaignKit)


# --- enablement content (the vector index holds embeddings; SQL is the source of truth) ------------


class Document(Base):
    __tablename__ = "documents"
    doc_id: Mapped[str] = mapped_column(String(1024), primary_key=True)
    source: Mapped[str] = mapped_column(String(1024))
    title: Mapped[str] = mapped_column(String(1024))
    kind: Mapped[str] = mapped_column(String(32), default="other")
    visibility: Mapped[list[str]] = mapped_column(default=list)
    products: Mapped[list[str]] = mapped_column(default=list)
    industries: Mapped[list[str]] = mapped_column(default=list)
    locale: Mapped[str | None] = mapped_column(String(35))
    updated_on: Mapped[dt.date | None] = mapped_column(Date)
    content_hash: Mapped[str] = mapped_column(String(128))
    # Set only once every chunk of this version is in the vector index: a crash leaves it stale and a
    # rerun re-indexes the document.
    indexed_hash: Mapped[str | None] = mapped_column(String(128))
    attributes: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Chunk(Base):
    __tablename__ = "chunks"
    __table_args__ = (Index("ix_chunk_doc", "doc_id"),)
    chunk_id: Mapped[str] = mapped_column(String(1100), primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(1024), ForeignKey("documents.doc_id", ondelete="CASCADE"))
    ordinal: Mapped[int] = mapped_column(Integer)
    heading: Mapped[str | None] = mapped_column(Text)  # the heading path, e.g. "Deal registration > Rules"
    text: Mapped[str] = mapped_column(Text)
    token_count: Mapped[int] = mapped_column(Integer, default=0)


# --- the copilot's own state ----------------------------------------------------------------------

RECORDS_VERSION = "records_version"  # meta key: a new id with every change to the records (ingest)


class Meta(Base):
    """Key/value state: vendor.yaml, content version counter, ingest bookkeeping."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    value: Mapped[dict[str, Any]] = mapped_column(default=dict)


class ApiKey(Base):
    __tablename__ = "api_keys"
    key_hash: Mapped[str] = mapped_column(String(128), primary_key=True)  # sha256 of the key; the key is never stored
    user_id: Mapped[str] = mapped_column(String(128), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)


class MatchCorrection(Base):
    """A channel manager's confirm/reject of an account-mapping match; applied first, survives re-ingests."""

    __tablename__ = "match_corrections"
    partner_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    row_key: Mapped[str] = mapped_column(String(128), primary_key=True)
    account_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    decision: Mapped[str] = mapped_column(String(16))  # confirmed | rejected
    decided_by: Mapped[str] = mapped_column(String(128))
    comment: Mapped[str | None] = mapped_column(Text)
    decided_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)


class DraftRow(Base):
    __tablename__ = "drafts"
    draft_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kit_id: Mapped[str] = mapped_column(String(128))
    partner_id: Mapped[str] = mapped_column(String(128), index=True)
    account_id: Mapped[str | None] = mapped_column(String(128))
    locale: Mapped[str] = mapped_column(String(35))
    channel: Mapped[str] = mapped_column(String(16))
    subject: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    checks: Mapped[list[Any]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending | approved | rejected
    created_by: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)
    reviewed_by: Mapped[str | None] = mapped_column(String(128))
    review_comment: Mapped[str | None] = mapped_column(Text)
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class Thread(Base):
    __tablename__ = "threads"
    thread_id: Mapped[str] = mapped_column(String(256), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(128))
    messages: Mapped[list[Any]] = mapped_column(JSON, default=list)
    state: Mapped[dict[str, Any]] = mapped_column(default=dict)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow, onupdate=_utcnow)


class Feedback(Base):
    __tablename__ = "feedback"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[str] = mapped_column(String(128))
    thread_id: Mapped[str | None] = mapped_column(String(256))
    message_ref: Mapped[str | None] = mapped_column(String(256))
    value: Mapped[str] = mapped_column(String(16))  # up | down
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)


class SlackEventSeen(Base):
    """Slack retries an event it thinks failed; we answer each event id once."""

    __tablename__ = "slack_events_seen"
    event_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)


# --- the store ------------------------------------------------------------------------------------


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _add_missing_indexes(engine: Engine) -> None:
    """Indexes added since a store was written (create_all makes them only with a new table): built once
    when the store is opened (a million deals: seconds)."""
    inspector = inspect(engine)
    for table in Base.metadata.sorted_tables:
        if not inspector.has_table(table.name):
            continue
        present = {ix["name"] for ix in inspector.get_indexes(table.name)}
        for index in table.indexes:
            wanted = index._ddl_if is None or index._ddl_if.dialect in (None, engine.dialect.name)
            if index.name not in present and wanted:
                index.create(engine, checkfirst=True)


def _add_missing_columns(engine: Engine) -> None:
    """A store written by an older version lacks optional columns added since (partners.channel_manager,
    partners.employees): add them, empty, so the store still opens; the next ingest fills them."""
    inspector = inspect(engine)
    for table in Base.metadata.sorted_tables:
        if not inspector.has_table(table.name):
            continue
        have = {c["name"] for c in inspector.get_columns(table.name)}
        for column in table.columns:
            if column.name not in have and column.nullable and not column.primary_key:
                kind = column.type.compile(dialect=engine.dialect)
                with engine.begin() as connection:
                    connection.execute(text(f'ALTER TABLE "{table.name}" ADD COLUMN "{column.name}" {kind}'))


# (id(store), meta key) -> value (None: absent), while `RecordStore.meta_snapshot()` is open in this context
_META_SNAPSHOT: ContextVar[dict[tuple[int, str], Any] | None] = ContextVar("cosell_meta_snapshot", default=None)

# --- the writes stamp ------------------------------------------------------------------------------
# Any committed change to a table outside WRITES_QUIET (a registration, a lead accepted, a mapping
# correction, a published private mapping, an ingest) writes a new meta `writes_version` in the same
# transaction, so caches of results computed from the records (the assistant's tool results) can key on it
# across processes. The copilot's own bookkeeping (threads, drafts, feedback, keys, audit) is quiet: an ask
# saves its thread without invalidating anything.
WRITES_VERSION = "writes_version"
SNAPSHOT_KEYS = ("records_version", "content_version", WRITES_VERSION)  # read together, once per request
WRITES_QUIET = frozenset({"threads", "drafts", "feedback", "slack_events_seen", "audit_log", "api_keys",
                          "api_key_expiry",
                          # derived from the records and keyed on their version (retrieval/account_matches.py):
                          # refreshing them on first read changes nothing a cached result depends on
                          "account_match_candidates", "account_match_partners"})
QUIET_META_KEYS = frozenset({WRITES_VERSION, "account_matches"})


def _loud(table: Any, meta_key: str | None = None) -> bool:
    name = getattr(table, "name", None)
    if name == "meta":
        return meta_key not in QUIET_META_KEYS
    return name is not None and name not in WRITES_QUIET


def _loud_pending(session: Session) -> bool:
    for obj in (*session.new, *session.dirty, *session.deleted):
        table = getattr(type(obj), "__table__", None)
        if _loud(table, getattr(obj, "key", None) if table is not None and table.name == "meta" else None):
            return True
    return False


def _note_flush(session: Session, _context: Any, _instances: Any) -> None:
    if _loud_pending(session):
        session.info["records_written"] = True


def _note_execute(state: Any) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        table = getattr(state.statement, "table", None)
        if table is None or _loud(table):  # an unknown target: assume it matters
            session = state.session
            session.info["records_written"] = True


def _stamp_writes(session: Session) -> None:
    # changes flushed earlier in the transaction, or still pending (the commit flushes them after this hook)
    if session.info.pop("records_written", False) | _loud_pending(session):
        session.merge(Meta(key=WRITES_VERSION, value={"id": uuid.uuid4().hex}))
        memo = _META_SNAPSHOT.get()
        for key in [k for k in memo or () if k[1] == WRITES_VERSION]:
            memo.pop(key, None)  # type: ignore[union-attr]


def _forget_writes(session: Session, *_: Any) -> None:
    session.info.pop("records_written", None)



_META_ROWS = select(Meta.key, Meta.value).where(Meta.key.in_(bindparam("keys", expanding=True)))
_META_ONE = select(Meta.value).where(Meta.key == bindparam("key"))  # built once: a search reads it per call


class RecordStore:
    """Owns the engine and sessions. One per process (see `assistant.engine.context`)."""

    def __init__(self, url: str):
        self.url = url
        # Sized for the API's thread pool: 20 concurrent asks must not queue for a connection.
        kwargs: dict[str, Any] = {"future": True, "pool_size": 20, "max_overflow": 20}
        if url.startswith("sqlite"):
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        else:
            kwargs["pool_pre_ping"] = True
        self.engine: Engine = create_engine(url, **kwargs)
        if url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        event.listen(self._sessions, "before_flush", _note_flush)
        event.listen(self._sessions, "do_orm_execute", _note_execute)
        event.listen(self._sessions, "before_commit", _stamp_writes)
        event.listen(self._sessions, "after_soft_rollback", _forget_writes)
        Base.metadata.create_all(self.engine)
        _add_missing_columns(self.engine)
        _add_missing_indexes(self.engine)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed on success, rolled back on any error (nothing half-written)."""
        with self._sessions() as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def meta_snapshot(self) -> Iterator[None]:
        """Within the block (one request, in this thread or task), each meta value (records version, content
        version, vendor) is read once: the request sees one version throughout, and pays one query per key
        instead of one per use. Writes of meta through this store in the block drop the remembered value."""
        token = _META_SNAPSHOT.set({})
        try:
            yield
        finally:
            _META_SNAPSHOT.reset(token)

    def _meta_value(self, key: str) -> Any:
        memo = _META_SNAPSHOT.get()
        if memo is None:
            with self.engine.connect() as connection:
                return connection.execute(_META_ONE, {"key": key}).scalar()
        if (id(self), key) not in memo:  # the versions a request reads, in one query
            keys = sorted({key, *SNAPSHOT_KEYS})
            with self.engine.connect() as connection:
                found = dict(connection.execute(_META_ROWS, {"keys": keys}).all())
            for k in keys:
                memo[id(self), k] = found.get(k)
        return memo[id(self), key]

    def _forget_meta(self, key: str) -> None:
        memo = _META_SNAPSHOT.get()
        if memo is not None:
            memo.pop((id(self), key), None)

    def get_meta(self, key: str, default: dict | None = None) -> dict:
        value = self._meta_value(key)
        return dict(value) if value is not None else dict(default or {})

    def set_meta(self, key: str, value: dict, session: Session | None = None) -> None:
        self._forget_meta(key)
        if session is None:
            with self.session() as s:
                s.merge(Meta(key=key, value=value))
        else:
            session.merge(Meta(key=key, value=value))

    def bump_records_version(self, session: Session | None = None) -> None:
        """Mark the structured records as changed: a new meta `records_version`, which `AppContext.cached`
        keys every cached value on. Ingest calls it with every load; so must anything else that writes
        partners, accounts, deals, users or campaign kits (a store never stamped is never cached)."""
        self.set_meta(RECORDS_VERSION, {"id": uuid.uuid4().hex}, session=session)

    def writes_version(self) -> str | None:
        """The stamp of the last committed change to the records (see WRITES_VERSION); None if none yet."""
        return self.get_meta(WRITES_VERSION).get("id")

    def content_version(self) -> int:
        """Bumped whenever chunks change, so in-memory search indexes in other processes refresh."""
        return int(self.get_meta("content_version", {"v": 0}).get("v", 0))

    def bump_content_version(self, session: Session) -> None:
        self._forget_meta("content_version")
        row = session.get(Meta, "content_version")
        version = int(row.value.get("v", 0)) + 1 if row else 1
        session.merge(Meta(key="content_version", value={"v": version}))

    def count(self, model: type[Base]) -> int:
        with self._sessions() as session:
            return int(session.scalar(select(func.count()).select_from(model)) or 0)

    def dispose(self) -> None:
        self.engine.dispose()
