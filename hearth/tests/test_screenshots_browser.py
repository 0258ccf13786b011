"""Phone screenshots of the main pages, taken from the demo in a real Chromium. They land in
HEARTH_SCREENSHOTS_DIR when it is set (docs/screenshots for the README), else in a temporary
folder, so every run proves the pages render on a phone."""

import os
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import Browser, ViewportSize

from hearth.demo.world import DEMO_PASSWORD
from hearth.relationships.models import Relationship

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 390, "height": 844}
PAGES = {
    "today": "/r/{r}/today/",
    "practices": "/r/{r}/practices/",
    "guided-practice": "/r/{r}/practices/grounding-001/guided/",
    "check-in": "/checkin/",
    "us": "/r/{r}/insights/",
    "journal": "/r/{r}/journal/",
    "gratitude": "/r/{r}/gratitude/",
}


def test_the_main_pages_on_a_phone(browser: Browser, live_server, tmp_path: Path):
    call_command("demo")
    folder = Path(os.environ.get("HEARTH_SCREENSHOTS_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    couple = Relationship.objects.get(name="Alex & Sam")
    page = browser.new_context(viewport=PHONE, is_mobile=True, color_scheme="light").new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill("alex@example.com")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    for name, path in PAGES.items():
        response = page.goto(live_server.url + path.format(r=couple.pk))
        assert response is not None and response.ok, path
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
        shot = folder / f"{name}.png"
        page.screenshot(path=str(shot))
        assert shot.stat().st_size > 10_000, name
