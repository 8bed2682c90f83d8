"""API keys listed, revoked and optionally expiring (issue 15; `cosell users keys|revoke|key --expires-days`).

A key is shown by its id: the first 16 hex digits of its stored hash (the key itself is never stored).
Admins only, like issuing keys.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select

from assistant.core.errors import BadInput, NotFound
from retrieval.api_key_expiry import ApiKeyExpiry
from retrieval.records import ApiKey, RecordStore
from retrieval.scope import Scope, _hash_key, issue_api_key_as

KEY_ID_CHARS = 16
MAX_EXPIRY_DAYS = 3650


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def issue_key(scope: Scope, store: RecordStore, user_id: str, expires_days: int | None = None) -> dict:
    if expires_days is not None and not 1 <= expires_days <= MAX_EXPIRY_DAYS:
        raise BadInput(f"--expires-days must be 1 to {MAX_EXPIRY_DAYS}, not {expires_days}")
    key = issue_api_key_as(scope, store, user_id)
    expires = None
    if expires_days is not None:
        expires = _utcnow() + dt.timedelta(days=expires_days)
        with store.session() as session:
            session.add(ApiKeyExpiry(key_hash=_hash_key(key), expires_at=expires))
    return {"user_id": user_id, "key": key, "key_id": _hash_key(key)[:KEY_ID_CHARS],
            "expires_at": expires.isoformat() + "Z" if expires else None}


def list_keys(scope: Scope, store: RecordStore, user_id: str | None = None) -> dict:
    scope.require("users_key")
    now = _utcnow()
    with store.session() as session:
        stmt = select(ApiKey, ApiKeyExpiry.expires_at).outerjoin(
            ApiKeyExpiry, ApiKeyExpiry.key_hash == ApiKey.key_hash).order_by(ApiKey.user_id, ApiKey.created_at)
        if user_id:
            stmt = stmt.where(ApiKey.user_id == user_id)
        keys = [{"key_id": k.key_hash[:KEY_ID_CHARS], "user_id": k.user_id,
                 "created_at": k.created_at.isoformat() + "Z" if k.created_at else None,
                 "expires_at": expires.isoformat() + "Z" if expires else None,
                 "expired": bool(expires and expires <= now)} for k, expires in session.execute(stmt)]
    return {"keys": keys}


def revoke_key(scope: Scope, store: RecordStore, key_id: str) -> dict:
    scope.require("users_key")
    key_id = (key_id or "").strip().lower()
    if len(key_id) < 8 or any(c not in "0123456789abcdef" for c in key_id):
        raise BadInput(f"'{key_id}' is not a key id (at least 8 hex digits, see `cosell users keys`)")
    with store.session() as session:
        rows = list(session.scalars(select(ApiKey).where(ApiKey.key_hash.startswith(key_id))))
        if not rows:
            raise NotFound(f"no API key with id '{key_id}'")
        if len(rows) > 1:
            raise BadInput(f"key id '{key_id}' is ambiguous: give more digits")
        row = rows[0]
        session.execute(delete(ApiKeyExpiry).where(ApiKeyExpiry.key_hash == row.key_hash))
        session.delete(row)
        return {"key_id": row.key_hash[:KEY_ID_CHARS], "user_id": row.user_id, "revoked": True}
