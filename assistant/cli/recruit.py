"""`cosell recruit`: partner candidates ranked against the ideal partner profile (CLI.md). Thin: parse,
call `tools.recruit.service.recruit`, print. Registered in main.py with one line: `register(app)`."""
from __future__ import annotations

import typer

from assistant.cli.common import AS_OPT, JSON_OPT, console, run_command
from tools.recruit.service import MAX_TOP, recruit


def _render(d: dict, explain: bool = False) -> None:
    console.print("[bold]How candidates are ranked[/] " + (d["profile"].get("ranking") or ""))
    backtest = d["profile"].get("backtest") or {}
    if explain and backtest.get("figures"):
        for name, figure in backtest["figures"].items():
            console.print(f"  - {name}: backtest rank correlation {figure:+.2f}, share of the score "
                          f"{backtest.get('shares', {}).get(name, 0.0):.0%}")
    if explain:
        trust = d["profile"].get("trust", 0.0)
        console.print(f"  - the profile: {trust:.0%} of the score (sqrt of its leave-one-out R2, at least 50%)")
        console.print(f"  - reach (the demand a candidate could serve): {1 - trust:.0%}")
    console.print("[bold]Ideal partner profile[/] " + (d["profile"].get("model") or ""))
    for line in d["profile"]["traits"]:
        console.print(f"  - {line}")
    where = ", ".join(f"{k} {v}" for k, v in d.get("filters", {}).items())
    console.print(f"[bold]Candidates[/]{f' ({where})' if where else ''}: {d['candidates_considered']} considered")
    if not d["candidates"]:
        console.print("  No candidate to recommend.")
    for i, c in enumerate(d["candidates"], 1):
        console.print(f"{i}. {c['name']} ({c['candidate_id']})  score {c['score']:.2f}")
        if explain:
            console.print("   = " + ", ".join(f"{k} {v:+.2f}" for k, v in c.get("parts", {}).items()))
        for reason in c["reasons"]:
            console.print(f"   + {reason}")
    for a in d.get("already_partners", []):
        console.print(f"  ! {a['name']} ({a['candidate_id']}): {a['reason']}")


def recruit_command(country: str | None = typer.Option(None, "--country", help="ISO code or name."),
                    industry: str | None = typer.Option(None, "--industry"),
                    product: str | None = typer.Option(None, "--product"),
                    top: int = typer.Option(10, "--top", min=1, max=MAX_TOP), as_json: bool = JSON_OPT,
                    user: str | None = AS_OPT,
                    explain: bool = typer.Option(False, "--explain", help="Also show the rankers' backtest figures "
                                                 "and each candidate's score by part.")) -> None:
    """Rank partner_candidates.csv against the ideal partner profile and our coverage gaps."""
    run_command(as_json, user, lambda ctx, scope: recruit(ctx, scope, country, industry, product, top),
                lambda d: _render(d, explain))


def register(app: typer.Typer) -> None:
    app.command("recruit")(recruit_command)
