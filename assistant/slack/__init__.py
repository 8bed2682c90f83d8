"""Slack: a Bolt app served at `POST /slack/events` by `cosell serve`, or over Socket Mode
(`cosell slack`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

    from assistant.engine.context import AppContext


def mount_slack(api: FastAPI, ctx: AppContext) -> None:
    from assistant.slack.http import mount_slack as mount  # heavy: slack_bolt, only when Slack is configured

    mount(api, ctx)


def run_socket_mode(ctx: AppContext) -> None:
    from assistant.slack.app import run_socket_mode as run  # heavy: slack_bolt, only for Socket Mode

    run(ctx)


__all__ = ["mount_slack", "run_socket_mode"]
