"""When an API key stops working (issue 15): a table of its own, so keys issued before it keep working."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from retrieval.records import Base


class ApiKeyExpiry(Base):
    __tablename__ = "api_key_expiry"
    key_hash: Mapped[str] = mapped_column(String(128), primary_key=True)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)  # naive UTC, like api_keys.created_at
