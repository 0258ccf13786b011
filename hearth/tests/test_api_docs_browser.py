"""The API docs page in a real Chromium: every operation shows, from this server alone, under the
strict content security policy."""

import pytest
from playwright.sync_api import Browser, Page, expect

from hearth.accounts.tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def watch(page: Page, origin: str) -> list[str]:
    """Console errors (a CSP violation shows up here), script errors and requests elsewhere."""
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on(
        "request",
        lambda r: None if r.url.startswith((origin, "data:")) else problems.append(r.url),
    )
    return problems


def test_the_api_docs_show_every_operation_without_an_error(browser: Browser, live_server, alice):
    page = browser.new_context().new_page()
    problems = watch(page, live_server.url)
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill("alice@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()

    page.goto(f"{live_server.url}/api/docs")
    # The page builds itself from the schema, which takes a while on a busy machine.
    expect(page.get_by_role("heading", name="Hearth API")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("Today's question", exact=True).first).to_be_visible()
    expect(page.get_by_text("Delete your account and what you wrote")).to_be_visible()
    expect(page.get_by_text("Unable to render this definition")).to_have_count(0)
    assert problems == []
