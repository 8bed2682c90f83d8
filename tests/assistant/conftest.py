"""Fixtures for the assistant's tests: a small world in a temp store, fake tools, API keys."""

from __future__ import annotations

import pytest

from tests.assistant import world


@pytest.fixture()
def world_ctx(tmp_path):
    ctx = world.build_world(tmp_path / "home")
    yield ctx
    ctx.close()


@pytest.fixture()
def stamped(tmp_path):
    """The small world with a records version, as ingest would leave it."""
    ctx = world.build_world(tmp_path / "home")
    ctx.store.bump_records_version()
    yield ctx
    ctx.close()


@pytest.fixture()
def fake_tools(monkeypatch):
    """The registry holds the fake tools only; returns the list of calls they record."""
    world.register_fake_tools(monkeypatch)
    world.install_fake_tool_modules(monkeypatch)
    return world.CALLS


@pytest.fixture()
def api_keys(world_ctx):
    from retrieval.scope import issue_api_key

    return {u: issue_api_key(world_ctx.store, u) for u in ("u-admin", "u-cm", "u-mkt", "u-ps1", "u-ps2")}


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium (Debian's), one per test module (launching takes seconds); a fresh page per test."""
    from playwright.sync_api import sync_playwright

    from tests.assistant.web_world import CHROMIUM

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield browser
        browser.close()
