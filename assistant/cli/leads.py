"""`cosell leads route|assign|accept|decline|list` (CLI.md "Leads"). Thin: parse, call, render."""
from __future__ import annotations

import typer

from assistant.cli.common import AS_OPT, JSON_OPT, console, run_command
from tools.leads.service import accept_lead, assign_lead, decline_lead, list_leads, route_lead

leads_app = typer.Typer(no_args_is_help=True, help="Inbound leads: route to a partner, assign, accept or decline.")


def render_lead(d: dict) -> None:
    who = f" -> {d['partner_id']}" if d.get("partner_id") else ""
    until = f" (accept by {d['accept_by']})" if d["status"] == "assigned" and d.get("accept_by") else ""
    deal = f", deal {d['opportunity_id']}" if d.get("opportunity_id") else ""
    where = ", ".join(x for x in (d.get("country"), d.get("industry"), "; ".join(d.get("products") or [])) if x)
    console.print(f"[bold]{d['lead_id']}[/] {d['company']}{f' ({where})' if where else ''}: "
                  f"{d['status']}{who}{until}{deal}")
    if d.get("reason"):
        console.print(f"   reason: {d['reason']}")


def render_list(d: dict) -> None:
    if not d["leads"]:
        console.print("No leads.")
    for lead in d["leads"]:
        render_lead(lead)


def render_routing(d: dict) -> None:
    account = f" (our account {d['account_id']})" if d.get("account_id") else ""
    console.print(f"[bold]Partners for lead {d['lead_id']}[/]{account}")
    if not d["partners"]:
        console.print("No partner to suggest.")
    for i, p in enumerate(d["partners"], 1):
        console.print(f"{i}. {p['name']} ({p['partner_id']})  score {p['score']:.2f}")
        for reason in p["reasons"]:
            console.print(f"   + {reason}")
        for conflict in p["conflicts"]:
            console.print(f"   ! {conflict}")
    if d.get("excluded"):
        console.print(f"Left out (declined or let it expire): {', '.join(d['excluded'])}")


@leads_app.command("route")
def route(lead_id: str, top: int = typer.Option(3, "--top", min=1, max=50), as_json: bool = JSON_OPT,
          user: str | None = AS_OPT) -> None:
    """Partners ranked for a lead, as `match` ranks them for a deal."""
    run_command(as_json, user, lambda ctx, scope: route_lead(ctx, scope, lead_id, top), render_routing)


@leads_app.command("assign")
def assign(lead_id: str, partner_id: str, as_json: bool = JSON_OPT, user: str | None = AS_OPT) -> None:
    """Assign a lead to a partner, to be accepted within lead_accept_hours."""
    run_command(as_json, user, lambda ctx, scope: assign_lead(ctx, scope, lead_id, partner_id), render_lead)


@leads_app.command("accept")
def accept(lead_id: str, reason: str | None = typer.Option(None, "--reason"), as_json: bool = JSON_OPT,
           user: str | None = AS_OPT) -> None:
    """Accept a lead assigned to your partner."""
    run_command(as_json, user, lambda ctx, scope: accept_lead(ctx, scope, lead_id, reason), render_lead)


@leads_app.command("decline")
def decline(lead_id: str, reason: str | None = typer.Option(None, "--reason"), as_json: bool = JSON_OPT,
            user: str | None = AS_OPT) -> None:
    """Decline a lead assigned to your partner: it goes back to routing without you."""
    run_command(as_json, user, lambda ctx, scope: decline_lead(ctx, scope, lead_id, reason), render_lead)


@leads_app.command("list")
def list_(status: str | None = typer.Option(None, "--status"), as_json: bool = JSON_OPT,
          user: str | None = AS_OPT) -> None:
    """Leads, oldest first (a partner seller: those assigned to their partner)."""
    run_command(as_json, user, lambda ctx, scope: list_leads(ctx, scope, status), render_list)
