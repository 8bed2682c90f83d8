"""`cosell partners search` (CLI.md): the partner directory. Thin: parse, call, render."""
from __future__ import annotations

import typer

from assistant.cli.common import AS_OPT, JSON_OPT, console, run_command
from tools.directory.service import search_partners

partners_app = typer.Typer(no_args_is_help=True, help="The partner directory.")


def render_results(d: dict) -> None:
    understood = "; ".join(f"{g}: {', '.join(v)}" for g, v in (d.get("understood") or {}).items())
    if understood:
        console.print(f"[dim]Understood: {understood}[/]")
    if not d["results"]:
        console.print("No partner fits.")
    for i, hit in enumerate(d["results"], 1):
        console.print(f"{i}. [bold]{hit['name']}[/] ({hit['partner_id']}, {hit['tier']} {hit['type']}, "
                      f"{', '.join(hit['countries'])})  score {hit['score']:.2f}")
        if hit["matched"]:
            console.print(f"   matched: {'; '.join(hit['matched'])}")
        if hit["evidence"]:
            console.print(f"   [dim]{hit['evidence_source']}:[/] {hit['evidence']}", soft_wrap=True)


@partners_app.command("search")
def search(query: str = typer.Argument(..., help="What the partner should do, in plain words."),
           k: int = typer.Option(10, "--k", min=1, max=100, help="How many partners."),
           country: str | None = typer.Option(None, "--country", help="ISO code the partner must cover."),
           industry: str | None = typer.Option(None, "--industry", help="An industry the partner must serve."),
           product: str | None = typer.Option(None, "--product", help="A competency the partner must hold."),
           tier: str | None = typer.Option(None, "--tier", help="registered, silver, gold or platinum."),
           as_json: bool = JSON_OPT, user: str | None = AS_OPT) -> None:
    """Partners that fit a need said in plain words, best first, with what matched and why."""
    run_command(as_json, user, lambda ctx, scope: search_partners(ctx, scope, query, k, country, industry,
                                                                  product, tier), render_results)
