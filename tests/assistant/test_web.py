"""The chat page in headless Chromium (Debian's /usr/bin/chromium) against a real uvicorn server."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.assistant import web_world
from tests.assistant.web_world import ask, sign_in


@pytest.fixture()
def server(world_ctx, fake_tools):
    with web_world.serve(world_ctx) as base:
        yield base


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


def test_chat_with_tables_and_follow_ups(page, api_keys, fake_tools):
    sign_in(page, api_keys["u-cm"])
    expect(page.locator("#whoami")).to_have_text("Signed in as Chris Channel · Channel manager")
    assert page.evaluate("sessionStorage.getItem('cosell.apiKey')") == api_keys["u-cm"]
    assert page.evaluate("localStorage.length") == 0
    assert api_keys["u-cm"] not in page.url
    ask(page, "Which partners should we bring into the Acme renewal?", 1)
    last = page.locator(".message.assistant").last
    expect(last.locator(".answer").first).to_contain_text("Partners to bring into")
    expect(last.locator("table tbody tr").first.locator("td").nth(1)).to_have_text("Alpine IT")
    expect(last.locator(".how")).to_have_text("How this was answered: ranking partners for the deal.")
    assert "Tools used" not in last.inner_text() and "engine:" not in last.inner_text()
    ask(page, "and who else?", 2)
    expect(page.locator(".message.assistant").last.locator("table tbody tr")).to_have_count(9)  # all the fake has
    assert [c["args"]["top"] for c in fake_tools if c["name"] == "match_partners"] == [5, 10]  # same thread


def test_data_is_escaped_never_run(page, api_keys):
    sign_in(page, api_keys["u-cm"])
    ask(page, "community tips on deal registration", 1)
    sources = page.locator(".message.assistant").last.locator(".sources li")
    expect(sources.first).to_be_visible()
    snippets = " ".join(sources.all_text_contents())
    assert "<script>alert('x')</script>" in snippets  # shown as text
    expect(sources.filter(has_text="Deal registration policy")).to_have_count(1)
    expect(sources.locator("a", has_text="Deal registration policy")).to_have_attribute(
        "href", "/docs/view?doc_id=policies%2Fdeal-reg.md")
    assert page.evaluate("document.querySelectorAll('script').length") == 2  # only common.js and app.js
    assert page.dialogs == []


def test_bad_key_keeps_the_question_and_new_conversation(page, api_keys):
    web_world.enter_key(page, "csk_wrong")
    expect(page.locator("#key-status")).to_have_text("That key was not accepted.")
    expect(page.locator("#whoami")).to_have_text("Not signed in")
    assert page.evaluate("sessionStorage.length") == 0
    page.fill("#question", "Which partners should we bring into the Acme renewal?")
    page.click("#ask")  # no key: the question stays, and is sent once a key is accepted
    expect(page.locator("#status")).to_contain_text("Enter your API key")
    expect(page.locator(".message")).to_have_count(0)
    sign_in(page, api_keys["u-ps1"])
    expect(page.locator("#whoami")).to_have_text("Signed in as Sam Seller · Partner seller at Alpine IT")
    expect(page.locator(".message.user")).to_have_text("Which partners should we bring into the Acme renewal?")
    expect(page.locator(".message.assistant, .message.error").last).to_contain_text("may not", timeout=15000)
    expect(page.locator("#question")).to_have_value("")
    page.click("#new-thread")
    expect(page.locator(".message")).to_have_count(0)
    page.click("#sign-out")
    expect(page.locator("#whoami")).to_have_text("Not signed in")
    assert page.evaluate("sessionStorage.length") == 0


def test_picker_buttons_choose_the_deal(page, api_keys):
    sign_in(page, api_keys["u-cm"])
    ask(page, "Which partners should help on the Acme deal?", 1)
    buttons = page.locator(".message.assistant").last.locator(".candidates button")
    expect(buttons).to_have_count(2)
    buttons.nth(1).focus()
    page.keyboard.press("Enter")  # a picker is a button: the keyboard chooses too
    expect(page.locator(".message.assistant")).to_have_count(2, timeout=15000)
    expect(page.locator(".message.assistant").last.locator(".answer").first).to_contain_text("Partners to bring into")
