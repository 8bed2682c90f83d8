"""The programme dashboard in headless Chromium, offline: every chart drawn from the API, the at-risk table
filled, no console error, no request leaving localhost; a screenshot (docs/ with COSELL_UPDATE_SCREENSHOTS=1)."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.assistant import web_world


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The whole demo's records (no documents): the charts have every bar to draw."""
    with web_world.site(tmp_path_factory.mktemp("dash"), scale=1.0, documents=False) as site:
        yield site


def test_dashboard_renders_offline_without_console_errors(server, browser):
    base, keys = server
    errors: list[str] = []
    outside: list[str] = []
    page = browser.new_page(viewport={"width": 1280, "height": 1400})
    page.on("console", lambda m: errors.append(f"{m.text} {m.location}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(base) else None)
    page.goto(f"{base}/dashboard")
    web_world.enter_key(page, keys["u-cm-1"])
    expect(page.locator("body[data-ready=true]")).to_have_count(1, timeout=30000)
    for chart in ("roles", "ropi", "cohorts", "health"):
        assert page.locator(f"#chart-{chart} svg .mark-rect path").count() > 2, chart  # bars drawn
    expect(page.locator("#at-risk tbody tr").first).to_be_visible()
    assert web_world.screenshot(page, "dashboard.png").stat().st_size > 10_000  # a drawn page, not a blank one
    # a partner seller may not see the portfolio: the page says so instead of drawing
    seller = browser.new_page()
    seller.on("pageerror", lambda e: errors.append(str(e)))
    seller.goto(f"{base}/dashboard")
    web_world.enter_key(seller, keys["u-ps-alpine"])
    expect(seller.locator("#status")).to_contain_text("may not see", timeout=15000)
    page.close()
    seller.close()
    assert not errors, errors
    assert not outside, outside
