"""`POST /slack/events` in the FastAPI app: Slack's Events API, interactivity and slash commands.

Bolt's dispatch is synchronous; it runs in the threadpool so the event loop never waits on it. The
Bolt app is built with the FastAPI app when Slack is configured; without a signing secret the route
answers 503 (Slack is optional).
"""

from __future__ import annotations

import threading

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from assistant.engine.context import AppContext


def mount_slack(api: FastAPI, ctx: AppContext) -> None:
    lock = threading.Lock()
    built: dict = {}

    def bolt():
        with lock:
            if "app" not in built:
                from assistant.slack.app import (
                    build_bolt_app,  # heavy: slack_bolt, built on the first Slack request
                )

                built["app"] = build_bolt_app(ctx)
            return built["app"]

    @api.post("/slack/events", tags=["slack"], summary="Slack Events API, interactivity and /cosell")
    async def slack_events(request: Request) -> Response:
        from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response

        if not ctx.settings.slack_signing_secret:
            return JSONResponse(
                {
                    "error": {
                        "code": "bad_input",
                        "message": "Slack is not configured (COSELL_SLACK_SIGNING_SECRET)",
                    }
                },
                status_code=503,
            )
        body = await request.body()
        app = await run_in_threadpool(bolt)
        response = await run_in_threadpool(app.dispatch, to_bolt_request(request, body))
        return to_starlette_response(response)

    api.state.slack_app = bolt
    if ctx.settings.slack_signing_secret:
        bolt()  # configured: build now, so the first event is acknowledged as fast as the others
