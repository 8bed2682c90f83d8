"""What every command shares: the context, the caller's scope, JSON or readable output, exit codes."""
from __future__ import annotations

import inspect
import json
import logging
import sys
from collections.abc import Callable
from typing import Any

import orjson
import typer
from pydantic import BaseModel
from rich.console import Console
from sqlalchemy.exc import OperationalError
from typer.core import TyperGroup, TyperOption
from typer.models import ArgumentInfo, OptionInfo

from assistant.core.errors import CosellError
from assistant.engine.context import AppContext
from retrieval.scope import Scope, scope_for_user

console = Console()
err_console = Console(stderr=True)
log = logging.getLogger("cosell")

AS_OPT = typer.Option(None, "--as", help="Act as this user (users.csv). Default: the local operator (admin).")
JSON_OPT = typer.Option(False, "--json", help="Print exactly one JSON object, e.g. `--json | jq .`.")


def _flag_type(self: TyperOption, ctx: Any) -> str | None:
    """A flag takes no value: its help row shows `--json`, not `--json <bool>`. Typer's rich help panel
    prints every option's type, flags included (its plain help already skips them); this is that one
    place, fixed for every command."""
    return None if self.is_flag else _option_type(self, ctx)


_option_type = TyperOption.display_type_rich
TyperOption.display_type_rich = _flag_type  # type: ignore[method-assign]


# typer parses with its own copy of click (`typer._click`), exported only as `typer.BadParameter`: its bases
# are the usage error (bad option value, missing argument, unknown option or command) and click's error
_USAGE_ERROR = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")
_CLICK_ERROR = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")


class JsonErrorsGroup(TyperGroup):
    """The top-level command group: with `--json`, a usage error (an option out of range, a missing
    argument, an unknown option or command) is printed to stdout as `{"error": {"code": "bad_input", ...}}`
    with exit 2, as CLI.md says of every error; without `--json`, typer's usual message on stderr."""

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        if not standalone_mode or "--json" not in argv:
            return super().main(args=argv, prog_name=prog_name, complete_var=complete_var,
                                standalone_mode=standalone_mode, **extra)
        try:
            code = super().main(args=argv, prog_name=prog_name, complete_var=complete_var,
                                standalone_mode=False, **extra)
        except _USAGE_ERROR as exc:
            message = exc.format_message()
            names, ctx = [], exc.ctx
            while ctx is not None and ctx.parent is not None:  # the command, without the program's name
                names.insert(0, ctx.info_name or "")
                ctx = ctx.parent
            if names:
                message = f"cosell {' '.join(names)}: {message}"
            _error(True, {"error": {"code": "bad_input", "message": message}}, message)
            sys.exit(2)
        except _CLICK_ERROR as exc:
            _error(True, {"error": {"code": "bad_input", "message": exc.format_message()}}, exc.format_message())
            sys.exit(exc.exit_code)
        except typer.Abort:
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


HELP = {
    "partner": "A partner id, e.g. P-001 (any case; `cosell list partners`).",
    "partner_id": "A partner id, e.g. P-001 (any case; `cosell list partners`).",
    "opportunity": "An opportunity id, e.g. OPP-2427 (any case; `cosell list deals`).",
    "opportunity_id": "An opportunity id, e.g. OPP-2427 (any case; `cosell list deals`).",
    "account": "An account id or name, e.g. A-1284.",
    "account_id": "Our account id, e.g. A-1284.",
    "kit": "A campaign kit, e.g. lakehouse-modernisation (`cosell list kits`).",
    "locale": "The language of the draft, e.g. de-DE or fr-FR.",
    "channel": "email, social or landing, e.g. --channel email.",
    "status": "Only items in this status, e.g. --status approved.",
    "top": "How many to show, best first, e.g. --top 10.",
    "k": "How many passages to return, e.g. --k 10.",
    "query": "What to look for, e.g. \"GDPR data residency\".",
    "question": "Your question, e.g. \"Which partner should I bring into OPP-2427?\".",
    "comment": "Why, kept with the decision, e.g. --comment \"tagline too long\".",
    "reason": "Why (kept in the audit log), e.g. --reason \"no capacity this quarter\".",
    "amount": "An amount in the deal currency, e.g. --amount 25000.",
    "domain": "The account's web domain, e.g. --domain example.com.",
    "country": "ISO country code or name, e.g. --country DE.",
    "draft_id": "A draft id, e.g. DR-1A2B3C4D5E6F (`cosell drafts list`).",
    "registration_id": "A deal registration id, e.g. REG-0001 (`cosell registrations list`).",
    "lead_id": "A lead id, e.g. LEAD-0001 (`cosell leads list`).",
    "activity_id": "An MDF activity id, e.g. MDF-0001 (`cosell mdf list`).",
    "user_id": "A user id from users.csv, e.g. u-cm-1 (`cosell list users`).",
    "key_id": "An API key id, e.g. K-1A2B3C (`cosell users keys`).",
    "row_key": "A partner row's key, shown by `cosell map P-001 --json`.",
    "days": "How many days, e.g. --days 30.",
    "name": "A short name, e.g. --name \"Q3 webinar\".",
    "kind": "The kind of activity, e.g. --kind webinar.",
    "start": "First day, YYYY-MM-DD, e.g. 2026-01-01.",
    "end": "Last day, YYYY-MM-DD, e.g. 2026-03-31.",
    "leads": "Leads the activity produced, e.g. --leads 12.",
    "industry": "An industry, e.g. --industry Healthcare.",
    "product": "One of our products, e.g. --product Analytics.",
    "host": "Address to listen on, e.g. --host 0.0.0.0.",
    "port": "Port to listen on, e.g. --port 8080.",
    "out": "The folder to write, e.g. ./import.",
    "instance_url": "Salesforce instance URL, e.g. https://acme.my.salesforce.com.",
    "session_id": "A Salesforce session id (or COSELL_SALESFORCE_SESSION_ID).",
    "access_token": "A HubSpot private app token (or COSELL_HUBSPOT_ACCESS_TOKEN).",
}
"""Help for options and arguments that are named alike across commands, with an example each; a
command's own `help=` wins. Filled in by `describe(app)` once all commands are registered."""


def describe(app: typer.Typer) -> None:
    """Give every option and argument of `app` (and of its sub-apps) without help the shared `HELP` text."""
    for info in app.registered_commands:
        _describe_callback(info.callback)
    for group in app.registered_groups:
        if group.typer_instance is not None:
            describe(group.typer_instance)


def _describe_callback(callback: Callable | None) -> None:
    if callback is None:
        return
    signature = inspect.signature(callback, eval_str=True)
    params = []
    for param in signature.parameters.values():
        default, text = param.default, HELP.get(param.name)
        if isinstance(default, OptionInfo | ArgumentInfo):
            if not default.help and text:
                default.help = text
        elif text:  # a bare positional argument: the same argument, with help
            required = default is inspect.Parameter.empty
            param = param.replace(default=typer.Argument(... if required else default, help=text))
        params.append(param)
    callback.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]


def context() -> AppContext:
    return AppContext()


def scope(ctx: AppContext, user_id: str | None) -> Scope:
    return Scope.operator() if user_id is None else scope_for_user(ctx.store, user_id)


def emit(result: Any, as_json: bool, render: Callable[[dict], None] | None,
         show: Callable[[Any], None] | None = None, large: bool = False) -> None:
    """Print `result`: its JSON (`--json`, the contract; the only place a model becomes a dict), else
    `show(result)` (the typed renderer), else `render(json)` (deprecated: renderers that read dicts).
    `large`: a plain dict of tens of thousands of rows, written by orjson (several times faster)."""
    if show is not None and not as_json:
        show(result)
        return
    data = result.model_dump(mode="json") if isinstance(result, BaseModel) else result
    if as_json and large:
        sys.stdout.buffer.write(orjson.dumps(data, default=str) + b"\n")
        sys.stdout.flush()
        return
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, default=str) + "\n")
    elif render is not None:
        render(data)
    else:
        console.print_json(data=data)


def run_command(as_json: bool, user_id: str | None, call: Callable, render: Callable | None = None,
                exit_code_of: Callable[[Any], int] | None = None, *, show: Callable[[Any], None] | None = None,
                large: bool = False) -> None:
    """Build the context, resolve the user, call the service, render, and exit with the right code.

    `show` renders the service's result as returned (a pydantic model: attributes, not `dict.get`);
    `render` gets its JSON as a dict and is kept for the renderers not moved yet. `exit_code_of` gets the
    result as returned."""
    ctx = None
    try:
        ctx = context()
        scope = _scope_of(ctx, user_id)
        result = call(ctx, scope)
        emit(result, as_json, render, show, large)
        code = exit_code_of(result) if exit_code_of else 0
    except CosellError as exc:
        code = exc.exit_code
        _error(as_json, exc.to_json(), exc.message)
    except OperationalError as exc:  # the database is down or unreachable: said in one line, no traceback
        code = 1
        first = (str(exc.orig or exc).strip().splitlines() or [""])[0]
        message = f"the database (COSELL_DATABASE_URL) is unavailable: {first}"
        _error(as_json, {"error": {"code": "internal", "message": message}}, message)
    except Exception as exc:  # a bug: traceback in the log, a short message to the user
        log.exception("internal error")
        code = 1
        _error(as_json, {"error": {"code": "internal", "message": f"internal error: {exc}"}}, f"internal error: {exc}")
    finally:
        if ctx is not None:
            ctx.close()
    raise typer.Exit(code)


def _error(as_json: bool, payload: dict, message: str) -> None:
    if as_json:
        sys.stdout.write(json.dumps(payload) + "\n")
    else:
        err_console.print(f"[bold red]error:[/] {message}")



_scope_of = scope
