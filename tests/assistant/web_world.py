"""The world of the browser journeys: the demo generator's records (real tools over them) and three short
documents written here, one per visibility (partners, internal, another partner), so that embedding them
takes seconds; a real uvicorn server around it; and the steps every browser test takes on the page: enter a
key, sign in, ask and wait for the answer."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from playwright.sync_api import expect

from assistant.api import create_app
from assistant.core.config import Settings
from assistant.engine.context import AppContext
from connectors.csv_folder import read_import_folder
from evals.bench.ports import free_port
from retrieval.ingest import replace_records
from retrieval.scope import issue_api_key

CHROMIUM = "/usr/bin/chromium"
TODAY = dt.date(2026, 11, 15)
SCALE = 0.25  # fewer accounts, deals and mapping rows: the journeys need a world, not the whole demo
USERS = ("u-cm-1", "u-mkt-1", "u-ps-alpine", "u-ps-thames")
ANSWER = ".message.assistant, .message.error"  # what the chat page adds for each question
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


def write_import(folder: Path, scale: float = SCALE, documents: bool = True) -> None:
    """The demo generator's import folder, its content replaced by DOCS (or by nothing)."""
    from evals.demo.generator import generate

    generate(folder, today=TODAY, scale=scale)
    shutil.rmtree(folder / "content", ignore_errors=True)
    if not documents:
        return
    for path, (title, visibility, text) in DOCS.items():
        file = folder / "content" / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(f"---\ntitle: \"{title}\"\nkind: policy\nvisibility: {visibility}\nlocale: en\n"
                        f"updated_on: 2026-10-01\n---\n{text}", encoding="utf-8")


def build(tmp: Path, scale: float = SCALE, documents: bool = True) -> tuple[AppContext, dict[str, str]]:
    """The world loaded into a store under `tmp`, and an API key for each of USERS."""
    folder = tmp / "import"
    write_import(folder, scale, documents)
    ctx = AppContext(Settings(home=tmp / "home", today=TODAY))
    bundle = read_import_folder(folder)
    replace_records(ctx, bundle)
    if documents:
        ctx.content.sync_documents(bundle.documents)
    return ctx, {u: issue_api_key(ctx.store, u) for u in USERS}


@contextmanager
def serve(ctx: AppContext, **app_options) -> Iterator[str]:
    """The real app over `ctx` (`app_options` go to create_app) in uvicorn on a free port: its base URL.
    Without warm-up unless asked (tests/assistant/test_api_warmup.py covers it): a warm-up step still building
    at the end held every browser module's teardown for the 10 s join below."""
    app_options.setdefault("warm_up", False)
    port = free_port()
    config = uvicorn.Config(
        create_app(ctx, **app_options), host="127.0.0.1", port=port, log_level="warning", timeout_graceful_shutdown=2
    )
    srv = uvicorn.Server(config)
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


@contextmanager
def site(tmp: Path, scale: float = SCALE, documents: bool = True) -> Iterator[tuple[str, dict[str, str]]]:
    """The world built under `tmp` and served: (base URL, API key per user); the store closed afterwards."""
    ctx, keys = build(tmp, scale, documents)
    try:
        with serve(ctx) as base:
            yield base, keys
    finally:
        ctx.close()


def enter_key(page, key: str) -> None:
    """Types an API key into the page's key form and saves it (the chat page, the dashboard, a document)."""
    page.fill("#api-key", key)
    page.click("#save-key")


def sign_in(page, key: str) -> None:
    """Enters a key on the chat page and waits until the page says who is signed in."""
    enter_key(page, key)
    expect(page.locator("#whoami")).to_contain_text("Signed in as", timeout=15000)


def answers(page, n: int):
    """Waits until the chat holds `n` answers (or errors); the last one."""
    expect(page.locator(ANSWER)).to_have_count(n, timeout=60000)
    return page.locator(ANSWER).last


def ask(page, question: str, n: int):
    """Types a question, sends it and waits for it to be the chat's `n`-th answer; that answer."""
    page.fill("#question", question)
    page.click("#ask")
    return answers(page, n)


SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs"


def screenshot(page, name: str) -> Path:
    """A full-page screenshot: into docs/ when COSELL_UPDATE_SCREENSHOTS=1 (to refresh the README's pictures),
    else into the temp folder, so a test run never changes the checkout. Returns where it went."""
    folder = SCREENSHOTS if os.environ.get("COSELL_UPDATE_SCREENSHOTS") == "1" else Path(tempfile.gettempdir()) / "cosell-shots"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / name), full_page=True)
    return folder / name
