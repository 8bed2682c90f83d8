"""`cosell map P`: account mapping with one partner. Its own module so that `cosell map` starts with
only what it needs (the stored match, the store, the caller's scope): `assistant.cli.main` dispatches
here before importing every other capability's service (issue 22: <= 2 s at 1M x 1M, process start
included)."""
from __future__ import annotations

import typer

from assistant.cli import common
from assistant.engine import render
from tools.account_mapping.service import MappingResponse, map_accounts_data

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Co-sell Copilot: account mapping.")


@app.command("map")
def map_cmd(partner_id: str, as_json: bool = common.JSON_OPT, user: str | None = common.AS_OPT) -> None:
    """Account mapping: the accounts we share with a partner."""

    def call(ctx, scope):
        return map_accounts_data(ctx, scope, partner_id)  # a dict: no model per row at a million rows

    common.run_command(as_json, user, call, large=True,
                       show=lambda data: render.mapping(MappingResponse.model_validate(data)))


@app.callback()
def _root() -> None:
    """A group of one command, so that `cosell map P` parses as it does in the full command set."""
