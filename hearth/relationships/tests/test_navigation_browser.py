"""On a phone, the main places sit in a bar at the bottom, reachable with a thumb from any page;
on a wider screen they are in the header and the relationship's tabs."""

import pytest
from playwright.sync_api import Browser, expect

from hearth.questions.tests.test_browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [360, 390])
def test_a_phone_has_a_bottom_bar_of_the_main_places(browser: Browser, live_server, ours, width):
    page = browser.new_context(viewport={"width": width, "height": 740}).new_page()
    log_in(page, live_server.url, "alice@example.com")
    page.goto(f"{live_server.url}/settings/")
    bar = page.get_by_role("navigation", name=f"Sections of {ours.name}")
    expect(bar).to_be_visible()
    box = bar.bounding_box()
    assert box is not None and box["y"] + box["height"] >= 740 - 1, "it sits at the bottom"
    for name in ("Today", "Practices", "Check in", "Us", "Journal"):
        link = bar.get_by_role("link", name=name)
        size = link.bounding_box()
        assert size is not None and size["height"] >= 44 and size["width"] >= 44, name
    bar.get_by_role("link", name="Today").click()
    expect(bar.get_by_role("link", name="Today")).to_have_attribute("aria-current", "page")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    switcher = page.locator(".switcher")
    switcher.locator("summary").click()
    menu = switcher.locator("ul").bounding_box()
    assert menu is not None and menu["x"] >= 0 and menu["x"] + menu["width"] <= width


def test_a_wide_screen_keeps_the_places_in_the_header(browser: Browser, live_server, ours):
    page = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    log_in(page, live_server.url, "alice@example.com")
    page.goto(f"{live_server.url}/settings/")
    expect(page.get_by_role("navigation", name=f"Sections of {ours.name}")).to_be_hidden()
    header = page.get_by_role("navigation", name="Main")
    expect(header.get_by_role("link", name="Today")).to_be_visible()
    expect(header.get_by_role("link", name="Check in")).to_be_visible()
