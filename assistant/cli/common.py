"""What every command shares: the context, the caller's scope, JSON or readable output, exit codes."""
from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from typing import Any

import typer
from pydantic import BaseModel
from rich.console import Console
from sqlalchemy.exc import OperationalError

from assistant.core.errors import CosellError
from assistant.engine.context import AppContext
from retrieval.scope import Scope, scope_for_user

console = Console()
err_console = Console(stderr=True)
log = logging.getLogger("cosell")

AS_OPT = typer.Option(None, "--as", help="Act as this user (users.csv). Default: the local operator (admin).")
JSON_OPT = typer.Option(False, "--json", help="Print exactly one JSON object.")


def context() -> AppContext:
    return AppContext()


def scope(ctx: AppContext, user_id: str | None) -> Scope:
    return Scope.operator() if user_id is None else scope_for_user(ctx.store, user_id)


def emit(result: Any, as_json: bool, render: Callable[[dict], None] | None,
         show: Callable[[Any], None] | None = None) -> None:
    """Print `result`: its JSON (`--json`, the contract; the only place a model becomes a dict), else
    `show(result)` (the typed renderer), else `render(json)` (deprecated: renderers that read dicts)."""
    if show is not None and not as_json:
        show(result)
        return
    data = result.model_dump(mode="json") if isinstance(result, BaseModel) else result
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, default=str) + "\n")
    elif render is not None:
        render(data)
    else:
        console.print_json(data=data)


def run_command(as_json: bool, user_id: str | None, call: Callable, render: Callable | None = None,
                exit_code_of: Callable[[Any], int] | None = None, *, show: Callable[[Any], None] | None = None
                ) -> None:
    """Build the context, resolve the user, call the service, render, and exit with the right code.

    `show` renders the service's result as returned (a pydantic model: attributes, not `dict.get`);
    `render` gets its JSON as a dict and is kept for the renderers not moved yet. `exit_code_of` gets the
    result as returned."""
    ctx = None
    try:
        ctx = context()
        scope = _scope_of(ctx, user_id)
        result = call(ctx, scope)
        emit(result, as_json, render, show)
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
