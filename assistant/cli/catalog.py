"""`cosell list partners|deals|kits|users [--filter TEXT]`: the ids other commands take, within your scope.
Thin: parse, call `tools.catalog.service.list_items`, print. Registered in main.py: `register(app)`."""
from __future__ import annotations

import typer
from rich.table import Table

from assistant.cli.common import AS_OPT, JSON_OPT, console, run_command
from tools.catalog.service import CatalogList, list_items


def _show(r: CatalogList) -> None:
    table = Table("id", "name", "", title=f"{r.total} {r.kind}" + (f" matching '{r.filter}'" if r.filter else ""))
    for item in r.items:
        table.add_row(item.id, item.name, item.detail)
    console.print(table)
    if r.note:
        console.print(f"[dim]Not all {r.kind} are listed: {r.note}.[/]")


def list_command(kind: str = typer.Argument(..., help="What to list: partners, deals, kits or users, "
                                             "e.g. `cosell list kits`."),
                 text: str | None = typer.Option(None, "--filter", help="Only those whose id, name or detail "
                                                 "contain this text (any case), e.g. --filter gold."),
                 as_json: bool = JSON_OPT, user: str | None = AS_OPT) -> None:
    """List partners, deals, kits or users you may see (their ids are what other commands take)."""
    run_command(as_json, user, lambda ctx, scope: list_items(ctx, scope, kind, text), show=_show)


def register(app: typer.Typer) -> None:
    app.command("list")(list_command)
