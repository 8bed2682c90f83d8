"""What a draft is (CLI.md `draft --json`): shared by the service, the renderer and the store."""
from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, Field

from tools.content_drafts.checks import Check

Channel = Literal["email", "social", "landing"]  # the one list of draft channels (CLI, API, Slack, tool)
CHANNELS: tuple[str, ...] = get_args(Channel)


class DraftResponse(BaseModel):
    """CLI.md `draft` payload, plus the workflow fields."""

    kit_id: str
    partner_id: str
    account_id: str | None = None
    locale: str = Field(description="The requested locale tag (canonical casing).")
    resolved_locale: str = Field(description="The locale the text is in (kit locale used, or translation).")
    channel: str
    subject: str | None
    body: str
    html: str | None = Field(None, description="Landing only: an HTML snippet safe to embed.")
    checks: list[Check]
    passed: bool = Field(description="True when every check passed.")
    text_source: Literal["kit", "llm_rewrite", "llm_translation"] = "kit"
    llm_checks: list[Check] = Field(default_factory=list,
                                    description="Checks of the LLM's text when it was not kept.")
    draft_id: str | None = None
    status: Literal["pending", "unsaved"] = "unsaved"
    reused: bool = Field(False, description="True when the pending draft for the same inputs (partner, kit, "
                         "account, locale, channel, author) was returned instead of saving a copy.")
