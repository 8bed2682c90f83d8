"""Errors a user can cause. Each maps to one exit code (CLI.md) and one HTTP status."""
from __future__ import annotations


class CosellError(Exception):
    """Base class: a clear message for the user, no traceback."""

    code = "internal"
    exit_code = 1
    http_status = 500

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def to_json(self) -> dict:
        return {"error": {"code": self.code, "message": self.message}}


class BadInput(CosellError):
    """Bad argument, unreadable file, invalid body."""

    code = "bad_input"
    exit_code = 2
    http_status = 422


class NotFound(BadInput):
    """An unknown id: exit 2 on the CLI, 404 over HTTP."""

    http_status = 404


class Conflict(BadInput):
    """The record changed under the caller (another approval won): exit 2 on the CLI, 409 over HTTP."""

    http_status = 409


class Forbidden(CosellError):
    """The caller may not do this or reach this id (also for ids of another partner). `capability` names the
    permission missing (retrieval.scope CAPABILITIES), when one does: answers say it in the asker's language."""

    code = "forbidden"
    exit_code = 4
    http_status = 403

    def __init__(self, message: str, capability: str | None = None):
        super().__init__(message)
        self.capability = capability


class Unauthenticated(CosellError):
    """Unknown caller (bad API key, unmapped Slack user)."""

    code = "forbidden"
    exit_code = 4
    http_status = 401
