"""CLI.md's contract as an outside tester reads it: with `--json`, every error is one JSON object on stdout,
`{"error": {"code": ..., "message": ...}}`, with the exit code of its kind (2 for bad input)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.cli.analytics import portfolio_app
from assistant.cli.mapping import app as map_app

runner = CliRunner()


@pytest.mark.parametrize(("command", "args", "named"), [
    (app, ["search", "pricing", "--k", "0"], "--k"),
    (app, ["match", "OPP-1", "--top", "0"], "--top"),
    (app, ["search"], "query"),
    (app, ["registrations", "list", "--bogus"], "--bogus"),
    (app, ["no-such-command"], "no-such-command"),
    (map_app, ["map", "P-1", "--limit", "0"], "--limit"),  # `cosell map` and `cosell portfolio` start alone
    (portfolio_app, ["portfolio", "--bogus"], "--bogus"),
])
def test_usage_errors_are_json_with_exit_2(command, args, named):
    result = runner.invoke(command, [*args, "--json"])
    assert result.exit_code == 2
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    error = json.loads(lines[0])["error"]
    assert error["code"] == "bad_input"
    assert named in error["message"]


def test_usage_errors_without_json_keep_the_readable_message():
    result = runner.invoke(app, ["search", "pricing", "--k", "0"])
    assert result.exit_code == 2
    assert "--k" in result.output and '"error"' not in result.output
