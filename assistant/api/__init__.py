"""The HTTP API (CLI.md "HTTP API"), the Slack endpoint and the web chat page, from one app factory:

app = create_app(AppContext())   # uvicorn.run(app) — what `cosell serve` does
"""

from assistant.api.app import create_app

__all__ = ["create_app"]
