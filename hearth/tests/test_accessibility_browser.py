"""Every main page passes axe-core's serious and critical checks, signed in and signed out, in
light and dark, on a phone and on a desktop; and no page scrolls sideways on a 360 px phone.

axe-core comes from the axe-playwright-python package and is injected from there: the pages
under test never fetch anything from outside this server."""

import re
from dataclasses import dataclass
from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, expect

from hearth.accounts.tests.factories import PASSWORD
from hearth.gratitude.services import appreciation_send, gratitude_note
from hearth.insights.tests.test_dashboard import history
from hearth.lessons.library import lessons
from hearth.practices.selectors import practices_for
from hearth.practices.services import plan_make, reflection_save
from hearth.questions.models import ResponseKind
from hearth.questions.selection import relationship_today
from hearth.questions.services import reaction_toggle, reply_add
from hearth.questions.tests.factories import answer_as, todays_prompt
from hearth.relationships.services import invitation_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 390, "height": 844}
DESKTOP: ViewportSize = {"width": 1280, "height": 800}
SMALL_PHONE: ViewportSize = {"width": 360, "height": 740}
SERIOUS = {"serious", "critical"}
AXE = Axe()


@dataclass
class Pages:
    signed_out: list[str]
    signed_in: list[str]


@pytest.fixture
def main_pages(ours, alice, bob) -> Pages:
    """A relationship a few weeks in: yesterday's question answered by both and responded to,
    today's answered by Bob only, check-ins, thanks, a plan, a reflection and an invitation."""
    mine, theirs = ours.memberships.get(user=alice), ours.memberships.get(user=bob)
    today = relationship_today(ours)

    yesterday = todays_prompt(ours, today - timedelta(days=1))
    alices_answer = answer_as(mine, yesterday, "Walking by the river after dinner.")
    bobs_answer = answer_as(theirs, yesterday, "The long phone call on Sunday.")
    reaction_toggle(member=theirs, answer=alices_answer, kind=ResponseKind.THANKS)
    reply = reply_add(member=theirs, answer=alices_answer, text="Let's do that again soon.")
    reply_add(member=mine, answer=alices_answer, text="Yes, this week.", parent_id=reply.pk)
    reaction_toggle(member=mine, answer=bobs_answer, kind=ResponseKind.HERE)
    answer_as(theirs, todays_prompt(ours), "Something small that made me laugh.")

    history(alice, mine, 30)
    appreciation_send(sender=theirs, recipient_id=mine.pk, text="Thank you for the soup.")
    gratitude_note(member=mine, text="A quiet morning together.")
    practice = next(p for p in practices_for(ours) if p.is_timed and not p.is_sexual)
    reflection_save(member=mine, practice_key=practice.key, closeness=5, done_on=today)
    plan = plan_make(
        member=mine, practice_key=practice.key, starts_at=timezone.now() + timedelta(days=2)
    )
    invitation = invitation_create(member=mine)

    r = f"/r/{ours.pk}"
    return Pages(
        signed_out=[
            "/",
            "/accounts/login/",
            "/accounts/signup/",
            "/accounts/password/reset/",
            "/help/",
            f"/invite/{invitation.token}/",
        ],
        signed_in=[
            "/relationships/",
            f"{r}/",
            f"{r}/today/",
            f"{r}/prompts/{yesterday.pk}/",
            f"{r}/decks/",
            f"{r}/journal/",
            f"{r}/insights/",
            f"{r}/profile/",
            "/checkin/",
            f"{r}/practices/",
            f"{r}/practices/{practice.key}/",
            f"{r}/practices/{practice.key}/guided/",
            f"{r}/plans/{plan.pk}/",
            f"{r}/gratitude/",
            f"{r}/review/",
            "/lessons/",
            f"/lessons/{lessons()[0].key}/",
            "/notifications/",
            "/settings/",
            "/settings/reminders/",
            f"{r}/reminders/",
            f"{r}/preferences/",
        ],
    )


def log_in(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))


def settled(page: Page, url: str) -> None:
    """Open the page and let its entrance animations finish, so colours are measured at rest."""
    response = page.goto(url)
    assert response is not None and response.ok, f"{url} answered {response and response.status}"
    page.wait_for_function(
        "() => document.getAnimations().every(a => a.playState !== 'running')", timeout=5000
    )


def serious_violations(page: Page, where: str) -> list[str]:
    found = []
    for violation in AXE.run(page).response["violations"]:
        if violation["impact"] in SERIOUS:
            targets = "; ".join(" ".join(node["target"]) for node in violation["nodes"])
            found.append(
                f"{where}: {violation['id']} ({violation['impact']}) {violation['help']}"
                f" -> {targets}"
            )
    return found


def note_requests(context: BrowserContext, requested: list[str]) -> None:
    """Keep every address the context asks for, to check that none is outside this server."""
    context.on("request", lambda request: requested.append(request.url))


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_main_page_has_no_serious_accessibility_violations(
    browser: Browser, live_server, main_pages: Pages, scheme, viewport
):
    base = live_server.url
    problems: list[str] = []
    requested: list[str] = []
    for signed_in, paths in ((False, main_pages.signed_out), (True, main_pages.signed_in)):
        context = browser.new_context(viewport=viewport, color_scheme=scheme)
        note_requests(context, requested)
        page = context.new_page()
        if signed_in:
            log_in(page, base, "alice@example.com")
        for path in paths:
            settled(page, base + path)
            who = "signed in" if signed_in else "signed out"
            where = f"{path} ({who}, {scheme}, {viewport['width']} px)"
            problems += serious_violations(page, where)
        context.close()

    assert not problems, "\n".join(problems)
    assert f"{base}/static/hearth/hearth.css" in requested
    elsewhere = [url for url in requested if not url.startswith((base, "data:", "blob:"))]
    assert not elsewhere, elsewhere


def test_no_main_page_scrolls_sideways_on_a_small_phone(
    browser: Browser, live_server, main_pages: Pages
):
    base = live_server.url
    too_wide: list[str] = []
    for signed_in, paths in ((False, main_pages.signed_out), (True, main_pages.signed_in)):
        context = browser.new_context(viewport=SMALL_PHONE)
        page = context.new_page()
        if signed_in:
            log_in(page, base, "alice@example.com")
        for path in paths:
            settled(page, base + path)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > SMALL_PHONE["width"]:
                too_wide.append(f"{path} is {width} px wide")
        context.close()

    assert not too_wide, "\n".join(too_wide)
