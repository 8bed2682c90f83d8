"""The three user stories and the programme dashboard in headless Chromium, at desktop width and at 375 px,
on real tools over the demo generator's records (tests/assistant/web_world.py) and a real uvicorn server:

- a partner seller types a question before signing in, gets the answer once signed in, and follows its
  source to the document view (keyboard only);
- a channel manager runs a match and an account mapping from the example questions and exports both as CSV;
- a marketer generates a draft and approves it (desktop) or rejects it with a reason (375 px) in the page.

Each journey: no horizontal scroll, no console error, no request leaving the server, the key in no URL.
axe-core (vendored, tests/assistant/vendor) finds no serious or critical violation on the chat page.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.assistant import web_world

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "375px": {"width": 375, "height": 740}}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with web_world.site(tmp_path_factory.mktemp("web")) as site:
        yield site


class Watched:
    """A page in a fresh context, with its console errors, page errors and every URL it requested."""

    def __init__(self, browser, base: str, viewport: dict, bypass_csp: bool = False):
        self.context = browser.new_context(viewport=viewport, accept_downloads=True, bypass_csp=bypass_csp)
        self.page = self.context.new_page()
        self.base, self.errors, self.urls = base, [], []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.urls.append(r.url))

    def no_horizontal_scroll(self) -> None:
        width, client = self.page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert width <= client, f"the page scrolls sideways: {width} > {client}"

    def check_and_close(self, keys: dict[str, str]) -> None:
        self.no_horizontal_scroll()
        assert not self.errors, self.errors
        assert all(u.startswith(self.base) or u.startswith(("blob:", "data:")) for u in self.urls), self.urls
        assert not [u for u in self.urls for k in keys.values() if k in u], "an API key in a URL"
        self.context.close()


@pytest.fixture(params=list(VIEWPORTS))
def watched(request, browser, site):
    base, keys = site
    w = Watched(browser, base, VIEWPORTS[request.param])
    w.viewport = request.param
    w.page.goto(base)
    yield w
    w.check_and_close(keys)


def test_partner_seller_asks_before_signing_in_and_follows_the_source(watched, site):
    _, keys = site
    page = watched.page
    page.fill("#question", "What are the rules for registering a deal?")
    page.keyboard.press("Enter")  # the keyboard submits; without a key the question is kept, not dropped
    expect(page.locator("#status")).to_contain_text("Enter your API key")
    expect(page.locator("#question")).to_have_value("What are the rules for registering a deal?")
    expect(page.locator("#api-key")).to_be_focused()
    page.keyboard.type(keys["u-ps-alpine"])
    page.keyboard.press("Enter")
    expect(page.locator("#whoami")).to_contain_text("Lukas Brandt · Partner seller at Alpine IT")
    assert page.evaluate("sessionStorage.getItem('cosell.apiKey')") == keys["u-ps-alpine"]
    assert page.evaluate("localStorage.length") == 0
    answer = web_world.answers(page, 1)
    expect(answer.locator(".answer").first).to_contain_text("90 days")
    link = answer.locator("a.source-link", has_text="Registering a deal")
    expect(link).to_have_attribute("href", "/docs/view?doc_id=policies%2Fregistering-deals.md")
    expect(page.locator("#example-list button")).to_have_count(4)  # examples for a partner seller
    expect(page.locator("#drafts")).to_be_hidden()  # a seller reviews no drafts

    link.focus()
    page.keyboard.press("Enter")
    dialog = page.locator("#doc-view")
    expect(dialog.locator("#doc-title")).to_have_text("Registering a deal", timeout=15000)
    expect(dialog.locator("#doc-body")).to_contain_text("the first complete registration wins")
    expect(dialog.locator("#doc-body h3")).to_have_text(["Rules", "Conflicts"])
    watched.no_horizontal_scroll()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(link).to_be_focused()

    page.goto(f"{watched.base}/docs/view?doc_id=policies%2Fregistering-deals.md")  # the page of its own
    expect(page.locator("h1")).to_have_text("Registering a deal", timeout=15000)
    expect(page.locator("#doc-body")).to_contain_text("protects the partner for 90 days")
    expect(page.locator("#key-form")).to_be_hidden()  # the tab's key was used: no second sign-in
    if watched.viewport == "desktop":
        shot(page, "web-document.png")


def test_partner_seller_cannot_open_an_internal_document(browser, site):
    base, keys = site
    w = Watched(browser, base, VIEWPORTS["desktop"])
    page = w.page
    page.goto(f"{base}/docs/view?doc_id=internal%2Fdiscount-floor.md")
    expect(page.locator("#status")).to_contain_text("Enter your API key")  # a new tab: no key yet
    web_world.enter_key(page, keys["u-ps-alpine"])
    expect(page.locator("h1")).to_have_text("Document not available", timeout=15000)
    expect(page.locator("#status")).to_contain_text("Not found")
    assert "30 percent" not in page.content() and "Discount floor" not in page.content()
    w.context.close()


def test_channel_manager_matches_maps_and_exports_csv(watched, site):
    _, keys = site
    page = watched.page
    web_world.sign_in(page, keys["u-cm-1"])
    expect(page.locator("#whoami")).to_contain_text("Julia Weber · Channel manager")
    match_example = page.locator("#example-list button", has_text="Which partners should we bring into")
    expect(match_example).to_have_count(1, timeout=15000)
    match_example.click()
    answer = web_world.answers(page, 1)
    table = answer.locator(".result table").first
    expect(table.locator("thead th")).to_have_text(["#", "Partner", "Score", "Eligible", "Why", "Conflicts"])
    rows = table.locator("tbody tr")
    expect(rows.first).to_be_visible()
    shown = rows.count()
    assert shown >= 1
    with page.expect_download() as got:
        answer.get_by_role("button", name="Download CSV: Partners for OPP-").first.click()
    exported = list(csv.reader(io.StringIO(Path(got.value.path()).read_text(encoding="utf-8"))))
    assert exported[0] == ["#", "Partner", "Score", "Eligible", "Why", "Conflicts"]
    assert len(exported) - 1 == shown and exported[1][1] == rows.first.locator("td").nth(1).inner_text()
    assert "Tools used" not in answer.inner_text() and "engine:" not in answer.inner_text()
    assert "{" not in answer.locator(".how").inner_text()
    watched.no_horizontal_scroll()
    shot(page, "web-chat.png" if watched.viewport == "desktop" else "web-chat-375.png")

    page.locator("#example-list button", has_text="Map accounts with").click()
    answer = web_world.answers(page, 2)
    overlaps = answer.locator(".result", has_text="Overlapping accounts with")
    expect(overlaps.locator("tbody tr").first).to_be_visible()
    with page.expect_download() as got:
        overlaps.get_by_role("button", name="Download").click()
    exported = list(csv.reader(io.StringIO(Path(got.value.path()).read_text(encoding="utf-8"))))
    assert exported[0][:2] == ["Account", "Partner's name"] and len(exported) > 1
    assert got.value.suggested_filename.startswith("overlaps-P-")
    watched.no_horizontal_scroll()

    page.locator("#example-list button", has_text="Which MDF requests are waiting?").click()
    mdf = web_world.answers(page, 3).locator(".result table")
    expect(mdf.locator("tbody tr").first).to_be_visible()  # the MDF list as a table too
    expect(mdf.locator("thead th").first).not_to_have_text("")
    watched.no_horizontal_scroll()


def test_marketer_drafts_and_decides_in_the_page(watched, site):
    _, keys = site
    page = watched.page
    web_world.sign_in(page, keys["u-mkt-1"])
    expect(page.locator("#whoami")).to_contain_text("Marketer")
    draft_example = page.locator("#example-list button", has_text="Draft an email for")
    expect(draft_example).to_have_count(1, timeout=15000)
    draft_example.click()
    answer = web_world.answers(page, 1)
    card = answer.locator(".result.draft")
    expect(card.locator(".draft-subject")).to_contain_text("Subject:")
    expect(card.locator(".checks li").first).to_contain_text("passed")
    expect(card).to_contain_text("waiting for review")
    draft_id = card.locator("p.muted").inner_text().split("Saved as ")[1].split(",")[0]
    expect(page.locator("#draft-list")).to_contain_text(f"Review {draft_id}")  # the review list shows it too
    if watched.viewport == "desktop":
        card.get_by_role("button", name="Approve").click()
        expect(card.locator(".review-status")).to_have_text(f"Draft {draft_id} approved.")
    else:
        card.get_by_role("button", name="Reject…").click()
        reason = card.get_by_label("Why reject it?")
        expect(reason).to_be_focused()
        reason.fill("Needs the spring offer")
        reason.press("Enter")
        expect(card.locator(".review-status")).to_have_text(f"Draft {draft_id} rejected.")
    expect(page.locator("#draft-list")).not_to_contain_text(draft_id, timeout=10000)
    watched.no_horizontal_scroll()


def test_programme_dashboard(watched, site):
    _, keys = site
    page = watched.page
    page.goto(f"{watched.base}/dashboard")
    web_world.enter_key(page, keys["u-cm-1"])
    expect(page.locator("body[data-ready=true]")).to_have_count(1, timeout=30000)
    expect(page.locator("#at-risk tbody tr").first).to_be_visible()
    watched.no_horizontal_scroll()


def test_api_docs_render_offline(browser, site):
    base, keys = site
    w = Watched(browser, base, VIEWPORTS["desktop"])
    w.page.goto(f"{base}/docs")
    expect(w.page.locator(".swagger-ui .info .title")).to_contain_text("Co-sell Copilot", timeout=20000)
    expect(w.page.locator(".opblock-summary-path", has_text="/v1/documents/")).to_have_count(1)
    w.page.goto(f"{base}/redoc")
    expect(w.page.locator("h1", has_text="Co-sell Copilot")).to_be_visible(timeout=20000)
    w.check_and_close(keys)  # every request to this server, no console error


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_chat_page_has_no_serious_accessibility_violation(browser, site, viewport):
    base, keys = site
    w = Watched(browser, base, VIEWPORTS[viewport], bypass_csp=True)  # to inject axe
    page = w.page
    page.goto(base)
    violations = axe(page)  # signed out
    web_world.sign_in(page, keys["u-cm-1"])
    page.locator("#example-list button", has_text="Which partners are at risk?").click()
    expect(web_world.answers(page, 1).locator("table")).to_have_count(1)
    violations += axe(page)  # with examples, the drafts list, an answer and its table
    page.locator("#question").focus()
    assert page.evaluate("document.activeElement.labels[0].textContent") == "Your question"
    assert not violations, violations
    w.check_and_close(keys)


def axe(page) -> list[str]:
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


def shot(page, name: str) -> None:
    web_world.screenshot(page, name)
