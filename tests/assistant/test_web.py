"""The chat page in headless Chromium (Debian's /usr/bin/chromium) against a real uvicorn server."""

from __future__ import annotations

import threading
import time

import pytest
import uvicorn
from playwright.sync_api import expect, sync_playwright

from assistant.api import create_app
from evals.bench.ports import free_port

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture()
def server(world_ctx, fake_tools):
    port = free_port()
    config = uvicorn.Config(create_app(world_ctx), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    """One browser for the module (launching takes seconds); a fresh context per test."""
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture()
def page(server, browser):
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server)
    page.dialogs = dialogs
    yield page
    context.close()


def use_key(page, key: str) -> None:
    page.fill("#api-key", key)
    page.click("#save-key")
    expect(page.locator("#key-status")).to_contain_text("Key set")


def ask(page, question: str, n: int) -> None:
    page.fill("#question", question)
    page.click("#ask")
    expect(page.locator(".message.assistant, .message.error")).to_have_count(n, timeout=15000)


def test_chat_with_sources_tools_and_follow_ups(page, api_keys, fake_tools):
    use_key(page, api_keys["u-cm"])
    assert page.evaluate("sessionStorage.getItem('cosell.apiKey')") == api_keys["u-cm"]
    assert page.evaluate("localStorage.length") == 0
    ask(page, "Which partners should we bring into the Acme renewal?", 1)
    last = page.locator(".message.assistant").last
    expect(last.locator(".answer")).to_contain_text("1. Alpine IT")
    expect(last.locator(".tools li")).to_contain_text("match_partners")
    ask(page, "and who else?", 2)
    expect(page.locator(".message.assistant").last.locator(".answer")).to_contain_text("6. ")
    assert [c["args"]["top"] for c in fake_tools if c["name"] == "match_partners"] == [5, 10]  # same thread

    ask(page, "Which partners should help on the Acme deal?", 3)
    buttons = page.locator(".message.assistant").last.locator(".candidates button")
    expect(buttons).to_have_count(2)
    buttons.nth(1).click()
    expect(page.locator(".message.assistant")).to_have_count(4, timeout=15000)
    expect(page.locator(".message.assistant").last.locator(".answer")).to_contain_text(
        "Partners to bring into"
    )


def test_data_is_escaped_never_run(page, api_keys):
    use_key(page, api_keys["u-cm"])
    ask(page, "community tips on deal registration", 1)
    sources = page.locator(".message.assistant").last.locator(".sources li")
    expect(sources.first).to_be_visible()
    snippets = " ".join(sources.all_text_contents())
    assert "<script>alert('x')</script>" in snippets  # shown as text
    expect(sources.filter(has_text="Deal registration policy")).to_have_count(1)
    assert page.evaluate("document.querySelectorAll('script').length") == 1  # only app.js
    assert page.dialogs == []


def test_bad_key_and_new_conversation(page, api_keys):
    use_key(page, "csk_wrong")
    ask(page, "hello", 1)
    expect(page.locator(".message.error")).to_contain_text("not accepted")
    use_key(page, api_keys["u-ps1"])
    ask(page, "Which partners should we bring into the Acme renewal?", 2)
    expect(page.locator(".message.assistant").last).to_contain_text("may not")
    page.click("#new-thread")
    expect(page.locator(".message")).to_have_count(0)
