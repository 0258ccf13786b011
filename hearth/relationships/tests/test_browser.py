"""Two people find each other on Hearth, in a real Chromium."""

from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def watch_hosts(page: Page, hosts: set[str]) -> None:
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname or ""))


def sign_up(page: Page, name: str, email: str) -> None:
    """Fill in the sign-up form the page shows."""
    page.get_by_label("Display name").fill(name)
    page.get_by_label("Email").fill(email)
    page.locator("#id_password1").fill("a walk by the river at dusk")
    page.locator("#id_password2").fill("a walk by the river at dusk")
    page.get_by_label("I am 18 or older").check()
    page.get_by_role("button", name="Create account").click()


def fits_the_screen(page: Page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def test_two_people_join_a_relationship_by_link_and_one_leaves(browser: Browser, live_server):
    base = live_server.url
    hosts: set[str] = set()
    desktop = browser.new_context(viewport={"width": 1280, "height": 800})
    phone = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    ana, ben = desktop.new_page(), phone.new_page()
    watch_hosts(ana, hosts)
    watch_hosts(ben, hosts)

    ana.goto(base)
    ana.get_by_role("link", name="Create an account").click()
    sign_up(ana, "Ana", "ana@example.com")
    expect(ana.get_by_role("heading", name="Your relationships")).to_be_visible()
    ana.get_by_role("link", name="Start a relationship").click()
    ana.get_by_label("Name").fill("Ana & Ben")
    ana.get_by_label("Romantic").check()
    ana.get_by_label("Deepening").check()
    ana.get_by_role("button", name="Create").click()
    expect(ana.get_by_role("heading", name="Ana & Ben")).to_be_visible()
    ana.get_by_role("button", name="New invitation").click()
    link = ana.get_by_label("Invitation link").input_value()
    assert link.startswith(base + "/invite/")

    ben.goto(link)
    expect(ben.get_by_role("heading", name="You're invited to “Ana & Ben”")).to_be_visible()
    ben.get_by_role("link", name="Create an account").click()
    sign_up(ben, "Ben", "ben@example.com")
    expect(ben.get_by_role("heading", name="What Hearth is")).to_be_visible()
    ben.get_by_role("button", name="Join as Ben").click()
    expect(ben.get_by_text("Here is today's question")).to_be_visible()
    assert fits_the_screen(ben)
    ben.get_by_role("link", name="Members").click()
    members = ben.get_by_role("region", name="Members")
    expect(members.get_by_text("Ana", exact=True)).to_be_visible()
    expect(members.get_by_text("Ben", exact=True)).to_be_visible()
    assert fits_the_screen(ben)

    ana.reload()
    expect(ana.get_by_role("region", name="Members").get_by_text("Ben", exact=True)).to_be_visible()

    ben.get_by_role("link", name="Leave").click()
    ben.get_by_role("button", name="Leave").click()
    expect(ben.get_by_text("You left “Ana & Ben”.")).to_be_visible()

    ana.reload()
    expect(ana.get_by_role("region", name="Members").get_by_text("Ben", exact=True)).to_have_count(
        0
    )
    expect(ana.get_by_text("Archived on")).to_be_visible()
    assert hosts == {urlparse(base).hostname}, f"requests left this server: {hosts}"
