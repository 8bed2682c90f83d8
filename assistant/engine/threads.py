"""Conversation state per thread, persisted in the `threads` table.

A thread belongs to the user who started it: another user presenting its id is refused (no leak of
messages or of the subjects discussed). State holds what follow-ups need: the last intent and its
arguments, how many results were shown, and a pending question with its candidates.
"""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from assistant.core.errors import BadInput, Forbidden
from assistant.engine.context import AppContext
from retrieval.records import Thread
from retrieval.scope import Scope

MAX_MESSAGES = 40  # older messages are dropped: the state carries what follow-ups need
MAX_STORED_CHARS = 4000  # per message in the stored history


class Candidate(BaseModel):
    id: str
    label: str


class Pending(BaseModel):
    """A question we asked back: which of these did you mean?"""

    intent: str
    slot: str  # the argument being resolved: partner_id | opportunity_id | account_id | kit_id
    candidates: list[Candidate]
    arguments: dict[str, Any] = Field(default_factory=dict)  # what was already resolved


class ThreadState(BaseModel):
    last_intent: str | None = None
    last_arguments: dict[str, Any] = Field(default_factory=dict)
    shown: int = 0  # results already shown for the last intent (for "and who else?")
    pending: Pending | None = None
    choices: list[Candidate] = Field(default_factory=list)  # the deals the last answer listed ("the second one")
    choice_slot: str = "opportunity_id"  # what `choices` are: deals, or partners (a match's ranking)
    # the last answer when a programme workflow gave it (`assistant.engine.programme`): its question, and the MDF
    # activities it was about, for "in German please" and "how much did we get paid for it?" after it
    workflow: dict[str, Any] = Field(default_factory=dict)


class ConversationThread(BaseModel):
    thread_id: str
    user_id: str
    messages: list[dict[str, Any]] = Field(default_factory=list)
    state: ThreadState = Field(default_factory=ThreadState)
    is_new: bool = True

    def history(self) -> list[dict[str, str]]:
        """user/assistant messages, oldest first (for the LLM engine)."""
        return [{"role": m["role"], "content": m["content"]} for m in self.messages if m.get("role")]

    def add(self, role: str, content: str, **extra: Any) -> None:
        self.messages.append({"role": role, "content": content, **extra})
        del self.messages[:-MAX_MESSAGES]


def new_thread_id() -> str:
    return "t_" + uuid.uuid4().hex[:20]


def load_thread(ctx: AppContext, scope: Scope, thread_id: str | None) -> ConversationThread:
    """The caller's thread `thread_id`, or a new one. Someone else's thread is Forbidden."""
    if thread_id is None:
        return ConversationThread(thread_id=new_thread_id(), user_id=scope.user_id)
    if not thread_id.strip() or len(thread_id) > 256:
        raise BadInput("thread_id must be 1 to 256 characters")
    with ctx.store.session() as session:
        row = session.get(Thread, thread_id)
        if row is None:  # a client may choose its own id (Slack uses channel + thread_ts)
            return ConversationThread(thread_id=thread_id, user_id=scope.user_id)
        if row.user_id != scope.user_id:
            raise Forbidden(f"thread '{thread_id}' belongs to another user")
        state = ThreadState.model_validate(row.state or {})
        return ConversationThread(
            thread_id=thread_id,
            user_id=row.user_id,
            messages=list(row.messages or []),
            state=state,
            is_new=False,
        )


def existing_thread_id(ctx: AppContext, scope: Scope, thread_id: str | None) -> str | None:
    """For doors where clients type ids (API, CLI): the caller's existing thread, else None, so the
    server makes the id (a client cannot squat an id another door would use, e.g. a Slack thread's).
    Someone else's thread is Forbidden."""
    if thread_id is None:
        return None
    return None if load_thread(ctx, scope, thread_id).is_new else thread_id


def last_thread_id(ctx: AppContext, scope: Scope) -> str | None:
    """The asker's most recently updated thread (what `cosell ask --continue` resumes); None if none."""
    with ctx.store.session() as session:
        stmt = (select(Thread.thread_id).where(Thread.user_id == scope.user_id)
                .order_by(Thread.updated_at.desc()).limit(1))
        return session.scalars(stmt).first()


def save_thread(ctx: AppContext, thread: ConversationThread) -> None:
    """One small write per turn: a new thread is inserted without reading first (most asks start one);
    an existing one is rewritten (at most MAX_MESSAGES messages of at most MAX_STORED_CHARS each)."""
    messages = [_stored(m) for m in thread.messages]
    state = thread.state.model_dump(mode="json")
    if thread.is_new:
        try:
            with ctx.store.engine.begin() as connection:  # a plain insert: no unit of work to set up
                connection.execute(insert(Thread), {"thread_id": thread.thread_id, "user_id": thread.user_id,
                                                    "messages": messages, "state": state})
            thread.is_new = False
            return
        except IntegrityError:  # a client-chosen id created meanwhile (a retried Slack event): update it
            pass
    with ctx.store.session() as session:
        row = session.get(Thread, thread.thread_id)
        if row is None:
            row = Thread(thread_id=thread.thread_id, user_id=thread.user_id)
            session.add(row)
        elif row.user_id != thread.user_id:  # raced with another user creating the same id
            raise Forbidden(f"thread '{thread.thread_id}' belongs to another user")
        row.messages = messages
        row.state = state
    thread.is_new = False


def _stored(message: dict[str, Any]) -> dict[str, Any]:
    """Long answers (a landing page draft) are cut in the history: follow-ups need the state, not the text."""
    content = message.get("content")
    if isinstance(content, str) and len(content) > MAX_STORED_CHARS:
        return {**message, "content": content[:MAX_STORED_CHARS] + " …"}
    return message
