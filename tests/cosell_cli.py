"""`cosell ... --json` in this process, through typer's CliRunner, as the CLI tests call it."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from assistant.cli import app

runner = CliRunner()


def cli(*args: str) -> tuple[int, dict]:
    """`cosell ARGS --json`: its exit code and the one JSON line it printed (more or fewer fail the test)."""
    result = runner.invoke(app, [*args, "--json"])
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected exactly one JSON line, got: {result.stdout[:500]}"
    return result.exit_code, json.loads(lines[0])
