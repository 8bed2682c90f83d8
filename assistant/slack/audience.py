"""Who can read a Slack channel, and whether all of them may see what the asker may see.

A non-DM conversation (channel, private channel, group, Slack Connect channel) is read by all of its
members, so an answer goes into the thread only when every member's permissions cover the asker's.
Members are resolved through the Web API (`conversations.members`, then `users.info` for ids not in
users.csv, matched by e-mail within our own workspace); a member we cannot map, a Web API error or a
very large channel counts as someone outside the channel team (the narrowest audience).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from sqlalchemy import func, select

from assistant.engine.context import AppContext
from retrieval.records import User
from retrieval.scope import Scope

log = logging.getLogger(__name__)
INTERNAL = ("admin", "channel_manager")  # see everything `ask` can reach
MAX_MEMBERS = 2000
SLACKBOT = "USLACKBOT"


@dataclass(frozen=True)
class Audience:
    """The members' (role, partner_id) pairs; `outsider` when anyone is unmapped or unresolved."""

    members: frozenset[tuple[str, str | None]]
    outsider: bool

    def covers(self, scope: Scope) -> bool:
        """True when every member may see everything the asker may see."""
        if self.outsider:
            return False
        return all(_covers(role, partner, scope) for role, partner in self.members)

    @property
    def all_internal(self) -> bool:
        return not self.outsider and all(role != "partner_seller" for role, _ in self.members)


def _covers(role: str, partner_id: str | None, asker: Scope) -> bool:
    if role in INTERNAL:
        return True
    if role == "partner_seller":
        return asker.role == "partner_seller" and partner_id == asker.partner_id
    return role == asker.role  # a marketer covers a marketer only (no opportunities)


OUTSIDE = Audience(frozenset(), outsider=True)


def channel_audience(ctx: AppContext, client: WebClient, channel: str, body: dict) -> Audience:
    """The members of `channel` other than our bot, as our users; OUTSIDE when that cannot be known."""
    ours = {a.get("user_id") for a in body.get("authorizations") or [] if a.get("is_bot")}
    ours.add(SLACKBOT)
    try:
        ids = _member_ids(client, channel)
    except (SlackApiError, SlackClientError, OSError) as exc:
        log.warning("Slack channel %s: members not resolved (%s); answering privately", channel, exc)
        return OUTSIDE
    if ids is None:
        return OUTSIDE
    ids = [i for i in ids if i not in ours]
    with ctx.store.session() as session:
        rows = session.execute(
            select(User.slack_user_id, User.role, User.partner_id).where(User.slack_user_id.in_(ids))
        ).all()
        known = {r.slack_user_id: (r.role, r.partner_id) for r in rows}
        members, outsider = set(known.values()), False
        for member in (i for i in ids if i not in known):
            user = _by_email(session, client, member, body.get("team_id"))
            if user is None:
                outsider = True
                break
            members.add(user)
    return Audience(frozenset(members), outsider)


def _member_ids(client: WebClient, channel: str) -> list[str] | None:
    ids: list[str] = []
    cursor = None
    while True:
        page = client.conversations_members(channel=channel, cursor=cursor, limit=200)
        ids.extend(page.get("members") or [])
        cursor = (page.get("response_metadata") or {}).get("next_cursor")
        if len(ids) > MAX_MEMBERS:
            return None
        if not cursor:
            return ids


def _by_email(session, client: WebClient, member: str, team_id: str | None) -> tuple[str, str | None] | None:
    """A member of our own workspace whose Slack e-mail is a user's e-mail in users.csv."""
    try:
        info = client.users_info(user=member).get("user") or {}
    except (SlackApiError, SlackClientError, OSError):
        return None
    email = (info.get("profile") or {}).get("email")
    if not email or info.get("is_stranger") or (team_id and info.get("team_id") != team_id):
        return None  # a Slack Connect member of another organisation is never one of our users
    row = session.execute(
        select(User.role, User.partner_id).where(func.lower(User.email) == email.strip().lower())
    ).first()
    return (row.role, row.partner_id) if row else None
