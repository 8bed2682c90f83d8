"""`cosell mdf list|request|approve|reject|claim|pay|roi|advice` (CLI.md "MDF"). Thin: parse, call, render."""
from __future__ import annotations

import typer
from pydantic import ValidationError

from assistant.cli.common import AS_OPT, JSON_OPT, console, run_command
from assistant.cli.registrations import parse_date
from assistant.core.errors import BadInput
from tools.mdf.service import (
    KINDS,
    MdfRequest,
    approve_mdf,
    claim_mdf,
    list_mdf,
    mdf_advice,
    mdf_roi,
    pay_mdf,
    reject_mdf,
    request_mdf,
)

mdf_app = typer.Typer(no_args_is_help=True, help="Marketing development funds: request, decide, claim, pay, return.")
REASON_OPT = typer.Option(None, "--reason", help="Why (kept with the activity and in the audit log).")


def _money(value: float | None, currency: str = "") -> str:
    return "-" if value is None else f"{currency} {value:,.0f}".strip()


def render_one(d: dict) -> None:
    cur = d.get("currency") or ""
    amounts = ", ".join(f"{label} {_money(d[key], cur)}" for label, key in (
        ("requested", "requested_amount"), ("approved", "approved_amount"), ("claimed", "claimed_amount"),
        ("paid", "paid_amount")) if d.get(key) is not None)
    when = f", {d['start_on'] or '?'} to {d['end_on'] or '?'}" if d.get("start_on") or d.get("end_on") else ""
    kind = f" ({d['kind']})" if d.get("kind") else ""
    console.print(f"[bold]{d['activity_id']}[/] {d['partner_id']}: {d['name']}{kind} - {d['status']}{when}; {amounts}")
    if d.get("leads") is not None:
        console.print(f"   leads: {d['leads']}")
    if d.get("due") == "claim":
        console.print(f"   claim due: ended {d['end_on']}, not claimed")
    elif d.get("due") == "start":
        console.print(f"   not started: approved, past its start on {d['start_on']}, nothing claimed")
    if d.get("reason"):
        console.print(f"   reason: {d['reason']}")


def render_list(d: dict) -> None:
    if not d["activities"]:
        console.print("No MDF activities.")
    for item in d["activities"]:
        render_one(item)


def _roi(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}x"


def render_roi(d: dict) -> None:
    cur = d["currency"]
    console.print(f"[bold]MDF return {d['from']} to {d['to']}[/] ({cur}; activities starting in the period)")
    for title, rows, key in (("Per partner", d["partners"], "partner_id"), ("Per kind", d.get("kinds") or [], "kind"),
                             ("Per activity", d["activities"], "activity_id")):
        console.print(f"[bold]{title}[/]")
        if not rows:
            console.print("   none")
        for r in rows:
            console.print(f"   {r[key]}: paid {_money(r['paid'])}, pipeline {_money(r['pipeline'])}, "
                          f"won {_money(r['won'])}, roi {_roi(r['roi'])}")
    if d.get("unconverted"):
        console.print(f"Left out (no exchange rate): {', '.join(d['unconverted'][:20])}")


def render_advice(d: dict) -> None:
    if not d["advice"]:
        console.print("No MDF advice: no partner or kind of activity stands out.")
    for i, a in enumerate(d["advice"], 1):
        console.print(f"{i}. [bold]{a['title']}[/]\n   {a['why']}")
        for e in a["evidence"]:
            console.print(f"   - {e}")


@mdf_app.command("list")
def list_(partner: str | None = typer.Option(None, "--partner"), status: str | None = typer.Option(None, "--status"),
          as_json: bool = JSON_OPT, user: str | None = AS_OPT) -> None:
    """MDF activities, oldest request first (the approval queue with --status requested)."""
    run_command(as_json, user, lambda ctx, scope: list_mdf(ctx, scope, partner, status), render_list)


@mdf_app.command("request")
def request(partner: str = typer.Option(..., "--partner"), name: str = typer.Option(..., "--name"),
            amount: float = typer.Option(..., "--amount"), kind: str | None = typer.Option(None, "--kind"),
            kit: str | None = typer.Option(None, "--kit"), start: str | None = typer.Option(None, "--start"),
            end: str | None = typer.Option(None, "--end"), as_json: bool = JSON_OPT, user: str | None = AS_OPT) -> None:
    """Request funds for an activity, within the partner's quarterly budget."""

    run_command(as_json, user, lambda ctx, scope: request_mdf(
        ctx, scope, _request(partner, name, amount, kind, kit, start, end)), render_one)


def _request(partner: str, name: str, amount: float, kind: str | None, kit: str | None, start: str | None,
             end: str | None) -> MdfRequest:
    if kind is not None and kind not in KINDS:
        raise BadInput(f"--kind must be one of {', '.join(KINDS)} (got {kind!r})")
    if amount <= 0:
        raise BadInput(f"--amount must be more than 0 (got {amount:g})")
    try:
        return MdfRequest(partner_id=partner, name=name, amount=amount, kind=kind, kit_id=kit,
                          start_on=parse_date(start, "--start"), end_on=parse_date(end, "--end"))
    except ValidationError as exc:
        raise BadInput(f"--name: {exc.errors()[0]['msg']}") from None


@mdf_app.command("approve")
def approve(activity_id: str, amount: float | None = typer.Option(None, "--amount", help="Default: as requested."),
            reason: str | None = REASON_OPT, as_json: bool = JSON_OPT, user: str | None = AS_OPT) -> None:
    """Approve the requested amount, or less."""
    run_command(as_json, user, lambda ctx, scope: approve_mdf(ctx, scope, activity_id, amount, reason), render_one)


@mdf_app.command("reject")
def reject(activity_id: str, reason: str | None = REASON_OPT, as_json: bool = JSON_OPT,
           user: str | None = AS_OPT) -> None:
    """Reject a request, with a reason."""
    run_command(as_json, user, lambda ctx, scope: reject_mdf(ctx, scope, activity_id, reason), render_one)


@mdf_app.command("claim")
def claim(activity_id: str, amount: float = typer.Option(..., "--amount"),
          leads: int | None = typer.Option(None, "--leads"), as_json: bool = JSON_OPT,
          user: str | None = AS_OPT) -> None:
    """Claim what the activity cost (at most the approved amount) and the leads it brought."""
    run_command(as_json, user, lambda ctx, scope: claim_mdf(ctx, scope, activity_id, amount, leads), render_one)


@mdf_app.command("pay")
def pay(activity_id: str, as_json: bool = JSON_OPT, user: str | None = AS_OPT) -> None:
    """Pay a claim (admins)."""
    run_command(as_json, user, lambda ctx, scope: pay_mdf(ctx, scope, activity_id), render_one)


@mdf_app.command("roi")
def roi(partner: str | None = typer.Option(None, "--partner"), start: str | None = typer.Option(None, "--from"),
        end: str | None = typer.Option(None, "--to"), as_json: bool = JSON_OPT, user: str | None = AS_OPT) -> None:
    """Paid, pipeline, won and return per activity, partner and kind (activities starting in the period)."""
    run_command(as_json, user, lambda ctx, scope: mdf_roi(ctx, scope, partner, start, end), render_roi)


@mdf_app.command("advice")
def advice(partner: str | None = typer.Option(None, "--partner"), start: str | None = typer.Option(None, "--from"),
           end: str | None = typer.Option(None, "--to"), as_json: bool = JSON_OPT, user: str | None = AS_OPT) -> None:
    """Where unspent or low-return MDF would do better, with the numbers behind it."""
    run_command(as_json, user, lambda ctx, scope: mdf_advice(ctx, scope, partner, start, end), render_advice)
