"""`cosell onboarding PARTNER_ID`: the partner's onboarding plan and where it stands (CLI.md). Thin: parse,
call `tools.onboarding.service.onboarding_plan`, render. Added to the main app with one line."""
from __future__ import annotations

import typer

from assistant.cli.common import AS_OPT, JSON_OPT, console, run_command
from tools.onboarding.service import onboarding_plan

MARKS = {"done": "[green]   done[/]", "open": "   open", "overdue": "[bold red]overdue[/]"}


def render_plan(d: dict) -> None:
    joined = (f"joined {d['joined_on']} ({d['days_since_joined']} days ago)" if d.get("joined_on")
              else "no joined_on date")
    console.print(f"[bold]{d['name']}[/] ({d['partner_id']}), {d['tier']}, {joined}")
    for step in d["steps"]:
        due = f"due {step['due_on']}" if step.get("due_on") else "no due date"
        console.print(f"  {MARKS[step['status']]}  {step['title']} ({due})")
        for line in step["evidence"][:3]:
            console.print(f"           - {line}")
        for ref in step["content"]:
            console.print(f"           read: {ref['title']} [{ref['doc_id']}]")
    if d.get("first_win_on"):
        console.print(f"First win on {d['first_win_on']}, {d['days_to_first_win']} days after joining.")
    else:
        console.print("No first win yet.")


def onboarding(partner_id: str = typer.Argument(None, help="The partner (default: a partner seller's own)."),
               as_user: str = AS_OPT, as_json: bool = JSON_OPT) -> None:
    """The partner's onboarding plan: each step with its due date, status and evidence."""
    run_command(as_json, as_user, lambda ctx, scope: onboarding_plan(ctx, scope, partner_id), render_plan)


def register(app: typer.Typer) -> None:
    app.command()(onboarding)
