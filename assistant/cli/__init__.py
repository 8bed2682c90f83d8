"""The command line (typer): `cosell ...`. Thin: parse, call one service, render.

`main` sends `cosell map ...` to `assistant.cli.mapping` and `cosell portfolio ...` to
`assistant.cli.analytics.portfolio_app` without importing the rest of the command set (every capability's
service: a quarter to most of a second of process start); `app` is the full command set."""
from __future__ import annotations

import gc
import sys

from assistant.cli.startup import setup

__all__ = ["app", "main"]


def main() -> None:
    setup()
    if sys.argv[1:2] == ["map"]:
        from assistant.cli.mapping import app as commands  # heavy: only what `map` needs (a fast start)
    elif sys.argv[1:2] == ["portfolio"]:
        # one command, then the process ends: its objects go by reference counting, and the collector's
        # passes over the imports and 10,000 partners' health would free nothing more (0.1-0.3 s)
        gc.disable()
        from assistant.cli.analytics import portfolio_app as commands  # heavy: likewise `portfolio`
    else:
        from assistant.cli.main import app as commands  # heavy: every capability's service
    commands()


def __getattr__(name: str):
    if name == "app":
        from assistant.cli.main import app  # heavy: every capability's service, on first use
        return app
    raise AttributeError(name)
