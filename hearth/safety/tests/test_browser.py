"""The quick exit in a real Chromium: one tap or Esc twice, and Back doesn't return to help."""

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def watch(page: Page) -> list[str]:
    """Console errors (a CSP violation shows up here) and requests to any other host."""
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on(
        "request",
        lambda r: (
            None if r.url.startswith(("http://localhost", "data:")) else problems.append(r.url)
        ),
    )
    return problems


def test_the_quick_exit_button_leaves_help_behind_for_good(browser: Browser, live_server):
    phone = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = phone.new_page()
    problems = watch(page)
    page.goto(live_server.url)
    page.get_by_role("contentinfo").get_by_role("link", name="Help and safety").click()
    expect(page.get_by_role("heading", name="Help and safety", level=1)).to_be_visible()
    button = page.get_by_role("link", name="Quick exit")
    box = button.bounding_box()
    assert box is not None and box["height"] >= 48 and box["width"] >= 300

    button.click()
    expect(page).to_have_url(f"{live_server.url}/quiet/")
    expect(page).to_have_title("Notes")
    page.go_back()
    expect(page).to_have_url(f"{live_server.url}/")
    assert problems == []


def test_escape_twice_leaves_any_page(browser: Browser, live_server):
    page = browser.new_context().new_page()
    problems = watch(page)
    page.goto(f"{live_server.url}/accounts/login/")
    for _ in range(2):  # slowly: Escape keeps its everyday meaning
        page.keyboard.press("Escape")
        page.wait_for_timeout(1000)
    assert page.url == f"{live_server.url}/accounts/login/"

    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    expect(page).to_have_url(f"{live_server.url}/quiet/")
    page.go_back()
    expect(page).not_to_have_url(f"{live_server.url}/accounts/login/")
    assert problems == []
