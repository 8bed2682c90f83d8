"""`cosell`: the command line (CLI.md). Thin: parse, call one service function, render.

Every command takes `--as USER_ID` (default: the local operator, admin) and `--json` (exactly one JSON
object on stdout, errors included). Exit codes: 0 done, 1 internal, 2 bad input, 3 ingest rejections,
4 forbidden.
"""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import typer

from assistant.cli import common
from assistant.cli.analytics import register as register_analytics
from assistant.cli.catalog import register as register_list
from assistant.cli.directory import partners_app
from assistant.cli.leads import leads_app
from assistant.cli.mapping import map_cmd
from assistant.cli.mdf import mdf_app
from assistant.cli.onboarding import register as register_onboarding
from assistant.cli.private_mapping import private_mapping_app
from assistant.cli.recruit import register as register_recruit
from assistant.cli.registrations import audit_app, registrations_app
from assistant.cli.startup import setup
from assistant.core.config import Settings
from assistant.core.errors import BadInput, CosellError
from assistant.engine import render
from assistant.engine.agent import ask as ask_service
from assistant.engine.context import AppContext
from assistant.engine.threads import existing_thread_id, last_thread_id
from retrieval import api_keys
from retrieval.ingest import ingest_as, reset_notice
from tools.account_mapping.service import record_correction, refresh_stored_matches
from tools.analytics.service import refresh_stored_portfolio
from tools.content_drafts.service import draft_content, get_draft, list_drafts, review_draft
from tools.next_best_action.service import next_best_actions
from tools.partner_match.service import (
    RegistrationProposal,
    check_registration,
    current_ranker,
    match_partners,
)
from tools.search.service import search_content

app = typer.Typer(add_completion=False, cls=common.JsonErrorsGroup, no_args_is_help=True, help="Co-sell Copilot: answers for partner ecosystems.")
users_app = typer.Typer(no_args_is_help=True, help="Users and API keys.")
drafts_app = typer.Typer(no_args_is_help=True, help="Saved drafts and their approval.")
export_app = typer.Typer(no_args_is_help=True, help="Write an import folder from a CRM.")
map_app = typer.Typer(no_args_is_help=True, help="Corrections to account mapping.")
app.add_typer(users_app, name="users")
app.add_typer(drafts_app, name="drafts")
app.add_typer(export_app, name="export")
app.add_typer(map_app, name="map-corrections")
app.add_typer(private_mapping_app, name="map-private")
app.add_typer(registrations_app, name="registrations")
app.add_typer(audit_app, name="audit")
app.add_typer(leads_app, name="leads")
app.add_typer(mdf_app, name="mdf")
register_onboarding(app)
app.add_typer(partners_app, name="partners")
register_analytics(app)
register_recruit(app)
register_list(app)

console, err_console = common.console, common.err_console
AS_OPT, JSON_OPT = common.AS_OPT, common.JSON_OPT
_context, _scope, _emit, run_command = common.context, common.scope, common.emit, common.run_command
log = logging.getLogger("cosell")


# --- commands ------------------------------------------------------------------------------------


@app.command()
def ingest(folder: Path = typer.Argument(..., help="An import folder (DATA.md)."),
           reset: bool = typer.Option(False, "--reset", help="Start from empty: also erases drafts and "
                                      "mapping corrections (the records the copilot keeps)."),
           strict: bool = typer.Option(False, "--strict", help="Load nothing if anything is rejected."),
           allow_removals: bool = typer.Option(False, "--allow-removals", help="Remove more than "
                                               "COSELL_MAX_REMOVAL_SHARE of a table or of the documents."),
           as_json: bool = JSON_OPT, user: str | None = AS_OPT) -> None:
    """Load a folder in the import format into COSELL_HOME."""

    def call(ctx, scope):
        scope.require("ingest")
        if reset:  # said first, on stderr: --json keeps one object on stdout
            err_console.print(reset_notice(ctx), soft_wrap=True)
        with render.progress_bar(enabled=not as_json and sys.stderr.isatty()) as progress:
            result = ingest_as(ctx, scope, folder, reset=reset, strict=strict, progress=progress,
                               allow_removals=allow_removals)
        refresh_stored_matches(ctx)  # account mapping computed now, not by the next `cosell map`
        refresh_stored_portfolio(ctx)  # likewise the portfolio, not by the next `cosell portfolio`
        return result

    run_command(as_json, user, call, exit_code_of=lambda r: 3 if r.rejected else 0, show=render.ingest)


@app.command()
def search(query: str, k: int = typer.Option(5, "--k", min=1, max=100), as_json: bool = JSON_OPT,
           user: str | None = AS_OPT) -> None:
    """Search the enablement content you may see."""

    def call(ctx, scope):

        return search_content(ctx, scope, query, k=k)

    run_command(as_json, user, call, show=render.search)


@app.command()
def ask(question: str, thread: str | None = typer.Option(None, "--thread", help="Continue a conversation."),
        resume: bool = typer.Option(False, "--continue", help="Continue your last conversation."),
        as_json: bool = JSON_OPT, user: str | None = AS_OPT) -> None:
    """Ask the assistant a question in natural language (the answer ends with its thread id)."""

    def call(ctx, scope):
        if resume and thread:
            raise BadInput("give either --thread or --continue, not both")
        thread_id = last_thread_id(ctx, scope) if resume else existing_thread_id(ctx, scope, thread)
        return ask_service(ctx, scope, question, thread_id=thread_id)

    run_command(as_json, user, call, show=render.ask)


app.command("map")(map_cmd)


def _correction(decision: str, partner_id: str, row_key: str, account_id: str, comment: str | None,
                as_json: bool, user: str | None) -> None:
    def call(ctx, scope):

        return record_correction(ctx, scope, partner_id, row_key, account_id, decision, comment)

    run_command(as_json, user, call)


@map_app.command("confirm")
def map_confirm(partner_id: str, row_key: str, account_id: str, comment: str | None = typer.Option(None),
                as_json: bool = JSON_OPT, user: str | None = AS_OPT) -> None:
    """Confirm that a partner row (row_key, shown in `map --json`) is our account."""
    _correction("confirmed", partner_id, row_key, account_id, comment, as_json, user)


@map_app.command("reject")
def map_reject(partner_id: str, row_key: str, account_id: str, comment: str | None = typer.Option(None),
               as_json: bool = JSON_OPT, user: str | None = AS_OPT) -> None:
    """Reject a proposed match between a partner row and our account."""
    _correction("rejected", partner_id, row_key, account_id, comment, as_json, user)


@app.command()
def match(opportunity_id: str, top: int = typer.Option(5, "--top", min=1, max=50), as_json: bool = JSON_OPT,
          user: str | None = AS_OPT,
          explain: bool = typer.Option(False, "--explain", help="Also show the ranker in use and its backtest.")
          ) -> None:
    """Rank partners for a deal, with reasons and conflicts."""

    def call(ctx, scope):

        return match_partners(ctx, scope, opportunity_id, top=top)

    run_command(as_json, user, call, show=lambda r: render.match(r, explain=explain))


@app.command("register-check")
def register_check(partner: str = typer.Option(..., "--partner"), account: str | None = typer.Option(None, "--account", help="Account name as the partner writes it."),
                   domain: str | None = typer.Option(None, "--domain"),
                   products: str | None = typer.Option(None, "--products", help="';' separated"),
                   amount: float | None = typer.Option(None, "--amount"),
                   country: str | None = typer.Option(None, "--country"),
                   as_json: bool = JSON_OPT, user: str | None = AS_OPT) -> None:
    """Check a proposed deal registration for duplicates and conflicts."""

    def call(ctx, scope):

        items = [p.strip() for p in (products or "").split(";") if p.strip()]
        proposal = RegistrationProposal(partner_id=partner, account_name=account, domain=domain, products=items,
                                        amount=amount, country=country)
        return check_registration(ctx, scope, proposal)

    run_command(as_json, user, call, show=render.register_check)


@app.command()
def nba(partner: str | None = typer.Option(None, "--partner"), opportunity: str | None = typer.Option(None, "--opportunity"),
        as_json: bool = JSON_OPT, user: str | None = AS_OPT) -> None:
    """Next best actions for a partner or a deal, with their evidence."""

    def call(ctx, scope):
        return next_best_actions(ctx, scope, partner_id=partner, opportunity_id=opportunity)

    run_command(as_json, user, call, show=render.nba)


@app.command()
def draft(partner: str = typer.Option(..., "--partner"), kit: str = typer.Option(..., "--kit"),
          locale: str = typer.Option(..., "--locale"), channel: str = typer.Option(..., "--channel", help="email|social|landing"),
          account: str | None = typer.Option(None, "--account"), as_json: bool = JSON_OPT,
          user: str | None = AS_OPT) -> None:
    """A co-branded, localised draft from a campaign kit, with its checks."""

    def call(ctx, scope):
        return draft_content(ctx, scope, partner, kit, locale, channel, account_id=account)

    run_command(as_json, user, call, show=render.draft)


@drafts_app.command("list")
def drafts_list(partner: str | None = typer.Option(None, "--partner"), status: str | None = typer.Option(None, "--status"),
                limit: int = typer.Option(200, "--limit", help="Drafts per page (1-500)."),
                offset: int = typer.Option(0, "--offset", help="Skip this many (see next_offset)."),
                as_json: bool = JSON_OPT, user: str | None = AS_OPT) -> None:
    """Saved drafts you may see, one page at a time."""

    def call(ctx, scope):

        return list_drafts(ctx, scope, partner_id=partner, status=status, limit=limit, offset=offset)

    run_command(as_json, user, call, show=render.drafts)


def _review(draft_id: str, decision: str, comment: str | None, as_json: bool, user: str | None) -> None:
    def call(ctx, scope):

        return review_draft(ctx, scope, draft_id, decision, comment)

    run_command(as_json, user, call, show=render.reviewed)


@drafts_app.command("show")
def drafts_show(draft_id: str = typer.Argument(..., help="The draft's id, e.g. DR-1A2B3C4D5E6F."),
                html: bool = typer.Option(False, "--html", help="Print only the landing page's HTML (to publish)."),
                as_json: bool = JSON_OPT, user: str | None = AS_OPT) -> None:
    """One saved draft: who made it, its status, its text and its checks."""

    def call(ctx, scope):
        draft = get_draft(ctx, scope, draft_id)
        if html and not draft.html:
            raise BadInput(f"draft '{draft.draft_id}' is a {draft.channel} draft: only landing drafts have HTML")
        return draft

    run_command(as_json, user, call, show=(lambda d: sys.stdout.write(d.html + "\n")) if html else render.draft_detail)


@drafts_app.command("approve")
def drafts_approve(draft_id: str, comment: str | None = typer.Option(None, "--comment"), as_json: bool = JSON_OPT,
                   user: str | None = AS_OPT) -> None:
    """Approve a draft."""
    _review(draft_id, "approved", comment, as_json, user)


@drafts_app.command("reject")
def drafts_reject(draft_id: str, comment: str = typer.Option(..., "--comment"), as_json: bool = JSON_OPT,
                  user: str | None = AS_OPT) -> None:
    """Reject a draft (a comment is required)."""
    _review(draft_id, "rejected", comment, as_json, user)


@users_app.command("key")
def users_key(user_id: str, expires_days: int | None = typer.Option(None, "--expires-days",
                                                                     help="The key stops working after N days."),
              as_json: bool = JSON_OPT, user: str | None = AS_OPT) -> None:
    """Issue an API key for a user (printed once; only its hash is stored)."""

    def call(ctx, scope):

        return api_keys.issue_key(scope, ctx.store, user_id, expires_days)

    run_command(as_json, user, call, lambda d: console.print(d["key"]))


@users_app.command("keys")
def users_keys(user_id: str | None = typer.Argument(None), as_json: bool = JSON_OPT,
               user: str | None = AS_OPT) -> None:
    """List API keys (by id; the keys themselves are never stored), of one user or all."""
    run_command(as_json, user, lambda ctx, scope: api_keys.list_keys(scope, ctx.store, user_id),
                lambda d: [console.print(f"{k['key_id']}  {k['user_id']}  created {k['created_at']}  "
                                         f"expires {k['expires_at'] or 'never'}{'  EXPIRED' if k['expired'] else ''}")
                           for k in d["keys"]])


@users_app.command("revoke")
def users_revoke(key_id: str, as_json: bool = JSON_OPT, user: str | None = AS_OPT) -> None:
    """Revoke an API key by its id (`cosell users keys`); it stops working at once."""
    run_command(as_json, user, lambda ctx, scope: api_keys.revoke_key(scope, ctx.store, key_id),
                lambda d: console.print(f"revoked {d['key_id']} of {d['user_id']}"))


@export_app.command("salesforce")
def export_salesforce(out: Path, instance_url: str = typer.Option(..., envvar="COSELL_SALESFORCE_INSTANCE_URL"),
                      session_id: str = typer.Option(..., envvar="COSELL_SALESFORCE_SESSION_ID"),
                      as_json: bool = JSON_OPT) -> None:
    """Write an import folder from Salesforce (Account, Opportunity, Partner, OpportunityPartner)."""

    def call(ctx, scope):
        from connectors.registry import get_connector  # heavy: the CRM clients, only for export

        return get_connector("salesforce").export_to_folder(out, instance_url=instance_url, session_id=session_id)

    run_command(as_json, None, call)


@export_app.command("hubspot")
def export_hubspot(out: Path, access_token: str = typer.Option(..., envvar="COSELL_HUBSPOT_ACCESS_TOKEN"),
                   base_url: str = typer.Option("https://api.hubapi.com", envvar="COSELL_HUBSPOT_BASE_URL",
                                                help="API root (change only for a proxy)."),
                   as_json: bool = JSON_OPT) -> None:
    """Write an import folder from HubSpot (companies, deals)."""

    def call(ctx, scope):
        from connectors.registry import get_connector  # heavy: the CRM clients, only for export

        return get_connector("hubspot").export_to_folder(out, access_token=access_token, base_url=base_url)

    run_command(as_json, None, call)


def match_ranker_here(ctx) -> dict | None:
    """The ranker `cosell match` uses on this COSELL_HOME and its backtest (None: no records yet)."""
    try:
        return current_ranker(ctx).model_dump()
    except CosellError as exc:
        log.info("no match ranker on this home: %s", exc.message)
        return None


@app.command("eval")
def eval_cmd(suite: list[str] | None = typer.Option(None, "--suite", help="Run only these suites."),
             as_json: bool = JSON_OPT) -> None:
    """Run the project's evaluation suites and print their metrics."""

    def call(ctx, scope):
        from evals.runner import run_suites

        report = run_suites(suite)
        report["match_ranker"] = match_ranker_here(ctx)
        return report

    run_command(as_json, None, call, exit_code_of=lambda d: 0)


WORKER_HEALTHCHECK_S = 60


@app.command()
def serve(host: str = typer.Option("127.0.0.1", "--host"), port: int = typer.Option(8000, "--port"),
          workers: int | None = typer.Option(None, "--workers", min=1, max=64,
                                                help="Server processes. Default: COSELL_SERVE_WORKERS, else "
                                                     "one per core (each uses about one core).")) -> None:
    """The HTTP API, the Slack endpoint and the web chat page."""
    import uvicorn


    workers = workers or Settings().serve_workers or os.cpu_count() or 1
    if workers == 1:
        from assistant.api import create_app  # heavy: fastapi and the web app, only for serve

        uvicorn.run(create_app(AppContext()), host=host, port=port, log_level="info")
        return
    # Several processes share COSELL_HOME (SQLite in WAL mode, chroma read-only while serving); each
    # builds its own app from the environment. One torch thread per process: they would fight otherwise.
    os.environ.setdefault("COSELL_TORCH_THREADS", "1")
    # uvicorn kills a worker that misses its 5 s health ping; on a saturated machine a worker still loading
    # its caches misses it, and every replacement did too (seen at load average 20: no worker ever served).
    uvicorn.run("assistant.api.app:app_from_env", factory=True, host=host, port=port, workers=workers,
                log_level="info", timeout_worker_healthcheck=WORKER_HEALTHCHECK_S)


@app.command()
def slack() -> None:
    """Slack over Socket Mode (needs COSELL_SLACK_APP_TOKEN and COSELL_SLACK_BOT_TOKEN)."""
    from assistant.slack import run_socket_mode  # heavy: slack_bolt, only for this command

    try:
        run_socket_mode(AppContext())
    except CosellError as exc:
        err_console.print(f"[bold red]error:[/] {exc.message}")
        raise typer.Exit(exc.exit_code) from None


@app.command("mcp")
def mcp_stdio(user: str | None = AS_OPT) -> None:
    """A Model Context Protocol server over stdio with this user's permissions (e.g. for Claude Desktop)."""
    from assistant.mcp import run_stdio  # heavy: the MCP SDK, only for this command

    ctx = AppContext()
    try:
        run_stdio(ctx, common.scope(ctx, user))
    except CosellError as exc:
        err_console.print(f"[bold red]error:[/] {exc.message}")
        raise typer.Exit(exc.exit_code) from None
    finally:
        ctx.close()


common.describe(app)  # last: shared help for every option registered above (and in sub-apps)


def main() -> None:
    setup()
    app()


if __name__ == "__main__":
    main()
