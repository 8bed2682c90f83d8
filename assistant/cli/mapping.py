"""`cosell map P`: account mapping with one partner. Its own module so that `cosell map` starts with
only what it needs (the stored match, the store, the caller's scope): `assistant.cli.main` dispatches
here before importing every other capability's service (issue 22: <= 2 s at 1M x 1M, process start
included)."""
from __future__ import annotations

import typer

from assistant.cli import common
from assistant.engine import render
from tools.account_mapping.service import MappingResponse, map_accounts_data

app = typer.Typer(add_completion=False, cls=common.JsonErrorsGroup, no_args_is_help=True, help="Co-sell Copilot: account mapping.")


@app.command("map")
def map_cmd(partner_id: str = typer.Argument(..., help=common.HELP["partner_id"]),
            limit: int = typer.Option(30, "--limit", min=1, help="List at most N overlapping accounts, "
                                      "e.g. --limit 100 (--json always has all)."),
            show_all: bool = typer.Option(False, "--all", help="List every overlapping account."),
            as_json: bool = common.JSON_OPT, user: str | None = common.AS_OPT) -> None:
    """Account mapping: the accounts we share with a partner (e.g. `cosell map P-001 --limit 50`)."""

    def call(ctx, scope):
        return map_accounts_data(ctx, scope, partner_id)  # a dict: no model per row at a million rows

    common.run_command(as_json, user, call, large=True,
                       show=lambda data: render.mapping(MappingResponse.model_validate(data),
                                                         limit=None if show_all else limit))


@app.callback()
def _root() -> None:
    """A group of one command, so that `cosell map P` parses as it does in the full command set."""
