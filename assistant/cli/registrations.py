"""`cosell registrations submit|list|approve|reject|extend` and `cosell audit` (CLI.md "Deal
registrations", "Records the copilot keeps"). Thin: parse, call one service function, render."""
from __future__ import annotations

import datetime as dt

import typer

from assistant.cli.common import AS_OPT, JSON_OPT, console, run_command
from assistant.core.errors import BadInput
from tools.audit.service import read_audit
from tools.registrations.service import (
    SubmitRequest,
    approve_registration,
    extend_registration,
    list_registrations,
    reject_registration,
    submit_registration,
)

registrations_app = typer.Typer(no_args_is_help=True, help="Deal registrations: submit, decide, extend.")
audit_app = typer.Typer(help="Who changed the records the copilot keeps, and when (admin).")
REASON_OPT = typer.Option(None, "--reason", help="Why (kept with the registration and in the audit log).")


def split_list(text: str | None) -> list[str]:
    return [p.strip() for p in (text or "").replace(",", ";").split(";") if p.strip()]


def parse_date(text: str | None, option: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise BadInput(f"{option} must be an ISO date like 2026-03-31 (got {text!r})") from None


def render_one(d: dict) -> None:
    when = ""
    if d["status"] == "approved":
        when = f", protected until {d['expires_on']} ({d['days_left']} days left)"
    elif d["status"] == "expired":
        when = f", protection ended {d['expires_on']}"
    deal = f", deal {d['opportunity_id']}" if d.get("opportunity_id") else ""
    products = f" [{', '.join(d['products'])}]" if d.get("products") else ""
    console.print(f"[bold]{d['registration_id']}[/] {d['partner_id']}: {d['account_name']}{products} - "
                  f"{d['status']}{when}{deal}, submitted {d['submitted_on']}")
    if d.get("reason"):
        console.print(f"   reason: {d['reason']}")
    check = d.get("check") or {}
    console.print(f"   check: {check.get('verdict', 'clear')}")
    for finding in check.get("findings") or []:
        console.print(f"   - {finding}")


def render_list(d: dict) -> None:
    if not d["registrations"]:
        console.print("No registrations.")
    for item in d["registrations"]:
        render_one(item)


@registrations_app.command("submit")
def submit(partner: str = typer.Option(..., "--partner"), account: str = typer.Option(..., "--account"),
           domain: str | None = typer.Option(None, "--domain"), country: str | None = typer.Option(None, "--country"),
           products: str | None = typer.Option(None, "--products", help="';' separated"),
           amount: float | None = typer.Option(None, "--amount", min=0),
           close_date: str | None = typer.Option(None, "--close-date", help="ISO date"),
           notes: str | None = typer.Option(None, "--notes", help="Free text kept with the registration"),
           as_json: bool = JSON_OPT, user: str | None = AS_OPT) -> None:
    """Register a deal: stored as submitted, with the duplicate and conflict check's findings."""

    def call(ctx, scope):
        if notes and len(notes) > 3000:
            raise BadInput(f"--notes: at most 3000 characters (got {len(notes)})")
        request = SubmitRequest(partner_id=partner, account_name=account, domain=domain, country=country,
                                products=split_list(products), amount=amount,
                                close_date=parse_date(close_date, "--close-date"), notes=notes)
        return submit_registration(ctx, scope, request)

    run_command(as_json, user, call, render_one)


@registrations_app.command("list")
def list_(status: str | None = typer.Option(None, "--status"), partner: str | None = typer.Option(None, "--partner"),
          as_json: bool = JSON_OPT, user: str | None = AS_OPT) -> None:
    """Registrations, oldest submission first (the decision queue with --status submitted)."""
    run_command(as_json, user, lambda ctx, scope: list_registrations(ctx, scope, status, partner), render_list)


@registrations_app.command("approve")
def approve(registration_id: str, reason: str | None = REASON_OPT, as_json: bool = JSON_OPT,
            user: str | None = AS_OPT) -> None:
    """Approve: protected from today for registration_protection_days."""
    run_command(as_json, user, lambda ctx, scope: approve_registration(ctx, scope, registration_id, reason),
                render_one)


@registrations_app.command("reject")
def reject(registration_id: str, reason: str | None = REASON_OPT, as_json: bool = JSON_OPT,
           user: str | None = AS_OPT) -> None:
    """Reject, with a reason."""
    run_command(as_json, user, lambda ctx, scope: reject_registration(ctx, scope, registration_id, reason),
                render_one)


@registrations_app.command("extend")
def extend(registration_id: str, days: int = typer.Option(..., "--days"), reason: str | None = REASON_OPT,
           as_json: bool = JSON_OPT, user: str | None = AS_OPT) -> None:
    """Extend an approved registration's protection, before it expires."""
    run_command(as_json, user, lambda ctx, scope: extend_registration(ctx, scope, registration_id, days, reason),
                render_one)


def render_audit(d: dict) -> None:
    if not d["entries"]:
        console.print("No changes recorded.")
    for e in d["entries"]:
        after = e.get("after") or {}
        status = f" -> {after['status']}" if after.get("status") else ""
        console.print(f"{e['at']}  {e['user_id']}  {e['action']} {e['record_type']} {e['record_id']}{status}")


@audit_app.callback(invoke_without_command=True)
def audit(record: str | None = typer.Option(None, "--record", help="One record's history."),
          limit: int = typer.Option(200, "--limit", min=1), as_json: bool = JSON_OPT,
          user: str | None = AS_OPT) -> None:
    """The audit log, newest first."""
    run_command(as_json, user, lambda ctx, scope: read_audit(ctx, scope, record, limit), render_audit)
