"""The world of the browser journeys: the demo generator's records (real tools over them) and three short
documents written here, one per visibility (partners, internal, another partner), so that embedding them
takes seconds; and a real uvicorn server around it."""
from __future__ import annotations

import datetime as dt
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from assistant.api import create_app
from assistant.core.config import Settings
from assistant.engine.context import AppContext
from connectors.csv_folder import read_import_folder
from evals.bench.ports import free_port
from retrieval.ingest import replace_records
from retrieval.scope import issue_api_key

TODAY = dt.date(2026, 11, 15)
SCALE = 0.25  # fewer accounts, deals and mapping rows: the journeys need a world, not the whole demo
USERS = ("u-cm-1", "u-mkt-1", "u-ps-alpine", "u-ps-thames")
DOCS = {
    "policies/registering-deals.md": ("Registering a deal", "partners", """
# Registering a deal

## Rules

A partner registers a deal before the first meeting with the customer. The registration protects the
partner for 90 days. Registrations need the account name, the products and the expected amount.

A registration expires when the deal has no activity for 60 days. The channel manager approves or rejects
a registration within five working days.

## Conflicts

When two partners register the same deal, the first complete registration wins.
"""),
    "internal/discount-floor.md": ("Discount floor (internal)", "internal", """
# Discount floor

INTERNAL ONLY. The deal desk approves discounts above 30 percent. Never share the floor with partners.
"""),
    "partners/thames-plan.md": ("Thames joint plan", "partner:P-013", """
# Thames joint plan

Thames Data Partners targets twelve financial services accounts in the United Kingdom next year.
"""),
}


def write_import(folder: Path) -> None:
    from evals.demo.generator import generate

    generate(folder, today=TODAY, scale=SCALE)
    shutil.rmtree(folder / "content")
    for path, (title, visibility, text) in DOCS.items():
        file = folder / "content" / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(f"---\ntitle: \"{title}\"\nkind: policy\nvisibility: {visibility}\nlocale: en\n"
                        f"updated_on: 2026-10-01\n---\n{text}", encoding="utf-8")


def build(tmp: Path) -> tuple[AppContext, dict[str, str]]:
    folder = tmp / "import"
    write_import(folder)
    ctx = AppContext(Settings(home=tmp / "home", today=TODAY))
    bundle = read_import_folder(folder)
    replace_records(ctx, bundle)
    ctx.content.sync_documents(bundle.documents)
    return ctx, {u: issue_api_key(ctx.store, u) for u in USERS}


@contextmanager
def serve(ctx: AppContext) -> Iterator[str]:
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(ctx), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(10)
