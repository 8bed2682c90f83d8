"""The programme dashboard in headless Chromium, offline: every chart drawn from the API, the at-risk table
filled, no console error, no request leaving localhost; a screenshot for docs/."""
from __future__ import annotations

import datetime as dt
import shutil
import threading
import time
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import expect, sync_playwright

from assistant.api import create_app
from assistant.core.config import Settings
from assistant.engine.context import AppContext
from connectors.csv_folder import read_import_folder
from evals.bench.ports import free_port
from retrieval.ingest import replace_records
from retrieval.scope import issue_api_key

CHROMIUM = "/usr/bin/chromium"
TODAY = dt.date(2026, 11, 15)
SHOT = Path(__file__).resolve().parents[2] / "docs" / "dashboard.png"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from evals.demo.generator import generate

    folder = tmp_path_factory.mktemp("dash") / "import"
    generate(folder, today=TODAY)
    shutil.rmtree(folder / "content", ignore_errors=True)
    ctx = AppContext(Settings(home=tmp_path_factory.mktemp("dash-home"), today=TODAY))
    replace_records(ctx, read_import_folder(folder))
    keys = {u: issue_api_key(ctx.store, u) for u in ("u-cm-1", "u-ps-alpine")}
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(ctx), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", keys
    srv.should_exit = True
    thread.join(10)
    ctx.close()


def test_dashboard_renders_offline_without_console_errors(server):
    base, keys = server
    errors: list[str] = []
    outside: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 1400})
        page.on("console", lambda m: errors.append(f"{m.text} {m.location}") if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(base) else None)
        page.goto(f"{base}/dashboard")
        page.fill("#api-key", keys["u-cm-1"])
        page.click("#save-key")
        expect(page.locator("body[data-ready=true]")).to_have_count(1, timeout=30000)
        for chart in ("roles", "ropi", "cohorts", "health"):
            assert page.locator(f"#chart-{chart} svg .mark-rect path").count() > 2, chart  # bars drawn
        expect(page.locator("#at-risk tbody tr").first).to_be_visible()
        SHOT.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOT), full_page=True)
        # a partner seller may not see the portfolio: the page says so instead of drawing
        seller = browser.new_page()
        seller.on("pageerror", lambda e: errors.append(str(e)))
        seller.goto(f"{base}/dashboard")
        seller.fill("#api-key", keys["u-ps-alpine"])
        seller.click("#save-key")
        expect(seller.locator("#status")).to_contain_text("may not see", timeout=15000)
        browser.close()
    assert not errors, errors
    assert not outside, outside
