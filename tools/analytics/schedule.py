"""The scheduled digest: with COSELL_DIGEST_SCHEDULE set (cron syntax, five fields, e.g. `0 8 * * MON`),
`cosell serve` posts every channel manager with a Slack id their digest on that schedule (APScheduler).

With several server processes only one schedules: the first to take an exclusive lock on
`COSELL_HOME/digest-schedule.lock`; the others skip.
"""
from __future__ import annotations

import fcntl
import logging
import os
from pathlib import Path
from typing import Any

from sqlalchemy import select

from assistant.core.errors import BadInput
from retrieval.records import User
from retrieval.scope import Scope
from tools.analytics import digest as _digest
from tools.context import ToolContext

log = logging.getLogger(__name__)
ENV = "COSELL_DIGEST_SCHEDULE"


def trigger(expression: str):
    from apscheduler.triggers.cron import CronTrigger  # heavy: only when a schedule is set

    try:
        return CronTrigger.from_crontab(expression)
    except ValueError as exc:
        raise BadInput(f"{ENV}: not a cron expression ({exc}): {expression!r}") from None


def post_all(ctx: ToolContext) -> list[dict[str, Any]]:
    """Every channel manager with a Slack id gets their digest; one failure does not stop the others."""
    with ctx.records(Scope.system()) as rec:
        users = list(rec.session.scalars(select(User.user_id).where(
            User.role == "channel_manager", User.slack_user_id.is_not(None)).order_by(User.user_id)))
    sent = []
    for user_id in users:
        try:
            data = _digest.digest(ctx, Scope.system(), user_id)
            sent.append({"user_id": user_id, **_digest.post(ctx, data)})
        except Exception:  # one manager's failure must not stop the others
            log.exception("digest for %s failed", user_id)
    return sent


def start(ctx: ToolContext, expression: str | None = None, lock_dir: Path | None = None):
    """A started BackgroundScheduler, or None when no schedule is set or another process holds the lock."""
    expression = expression if expression is not None else os.environ.get(ENV, "").strip()
    if not expression:
        return None
    cron = trigger(expression)
    lock_path = Path(lock_dir or ctx.settings.home) / "digest-schedule.lock"
    lock = lock_path.open("w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        lock.close()
        return None
    from apscheduler.schedulers.background import BackgroundScheduler  # heavy: only when a schedule is set

    scheduler = BackgroundScheduler(daemon=True)
    scheduler.add_job(post_all, cron, args=[ctx], id="digest", coalesce=True, max_instances=1)
    scheduler.start()
    scheduler.lock_file = lock  # held while the scheduler runs
    log.info("digest scheduled: %s (next %s)", expression, scheduler.get_job("digest").next_run_time)
    return scheduler


def stop(scheduler) -> None:
    if scheduler is not None:
        scheduler.shutdown(wait=False)
        scheduler.lock_file.close()
