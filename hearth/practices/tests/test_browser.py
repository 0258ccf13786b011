"""On a phone: a member follows a recommended practice step by step with a timer and reflects,
thanks another member, plans something, and both see the plan and the weekly review."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, ViewportSize, expect

from hearth.checkins.models import CheckIn, RelationshipCheckIn
from hearth.practices.library import library
from hearth.practices.models import Reflection
from hearth.practices.services import reflection_save
from hearth.questions.selection import relationship_today
from hearth.questions.tests.test_browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 390, "height": 844}


def calming_has_helped_before(ours, alice) -> None:
    """Grounding practices brought this relationship closer than usual, so one comes first."""
    place = ours.memberships.get(user=alice)
    today = relationship_today(ours)
    for n in range(1, 11):
        checkin = CheckIn.objects.create(
            user=alice, date=today - timedelta(days=n), mood=3, stress=2
        )
        RelationshipCheckIn.objects.create(
            checkin=checkin, member=place, closeness=4, affection=True
        )
    fitting = [p for p in library() if p.fits("romantic", ours.phase) and not p.is_sexual]
    for n in range(12):
        for practice in {p.category: p for p in fitting}.values():
            closeness = 7 if practice.category == "grounding" else 2
            if practice.category == "grounding" or n < 2:
                day = today - timedelta(days=n)
                reflection_save(
                    member=place, practice_key=practice.key, closeness=closeness, done_on=day
                )


def fits_the_screen(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.url


def test_a_practice_on_a_phone_from_suggestion_to_reflection_thanks_plan_and_review(
    browser: Browser, live_server, ours, alice, bob
):
    calming_has_helped_before(ours, alice)
    base = live_server.url
    as_alice = browser.new_context(viewport=PHONE).new_page()
    as_bob = browser.new_context(viewport=PHONE).new_page()
    log_in(as_alice, base, "alice@example.com")
    log_in(as_bob, base, "bob@example.com")

    as_alice.goto(f"{base}/r/{ours.pk}/today/")
    suggestions = as_alice.get_by_role("region", name="What to do next")
    expect(suggestions).to_contain_text("has brought you closer before")
    fits_the_screen(as_alice)
    suggestions.get_by_role("link").first.click()
    fits_the_screen(as_alice)
    as_alice.get_by_role("link", name="Start, one step at a time").click()

    expect(as_alice.get_by_text("Step 1 of")).to_be_visible()
    timer_started = False
    while as_alice.get_by_role("button", name="Next step").is_visible():
        start = as_alice.get_by_role("button", name="Start the timer")
        if start.is_visible() and not timer_started:
            clock = as_alice.get_by_role("timer")
            before = clock.inner_text()
            start.click()
            expect(clock).not_to_have_text(before, timeout=3000)
            timer_started = True
        as_alice.get_by_role("button", name="Next step").click()
    assert timer_started, "a calming practice has a timed step"
    as_alice.get_by_role("button", name="Finish").click()
    reflect = as_alice.get_by_role("region", name="When you're done: how close do you feel?")
    reflect.locator("label[for$='closeness_5']").click()
    reflect.get_by_label("Anything you'd like to remember?").fill("Slower breathing, softer voice")
    reflect.get_by_role("button", name="Save my reflection").click()
    expect(as_alice.get_by_text("Thank you for reflecting")).to_be_visible()
    latest = Reflection.objects.latest("created_at")
    assert (latest.note, latest.closeness) == ("Slower breathing, softer voice", 6)

    as_alice.goto(f"{base}/r/{ours.pk}/gratitude/")
    as_alice.get_by_label("What did they do, and how did it land for you?").fill(
        "You made tea without asking when I was tired. I felt looked after."
    )
    as_alice.get_by_role("button", name="Send my thanks").click()
    expect(as_alice.get_by_text("Sent. Bob will see it.")).to_be_visible()
    fits_the_screen(as_alice)

    as_alice.goto(f"{base}/r/{ours.pk}/review/")
    soon = (timezone.localtime() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    as_alice.get_by_label("1. What went well between you this week?").fill("The quiet evening")
    as_alice.get_by_label("4. Plan one practice for next week").select_option(index=1)
    as_alice.get_by_label("When").fill(soon)
    as_alice.get_by_role("button", name="Add to the review").click()
    expect(as_alice.get_by_text("Added to this week's review")).to_be_visible()
    fits_the_screen(as_alice)

    as_bob.goto(f"{base}/r/{ours.pk}/today/")
    expect(as_bob.get_by_text("I felt looked after.")).to_be_visible()
    expect(as_bob.get_by_role("region", name="Planned")).to_be_visible()
    fits_the_screen(as_bob)
    as_bob.get_by_role("region", name="Planned").get_by_role("link").first.click()
    expect(as_bob.get_by_text("Planned by Alice")).to_be_visible()
    as_bob.goto(f"{base}/r/{ours.pk}/review/")
    expect(as_bob.get_by_text("The quiet evening")).to_be_visible()
    fits_the_screen(as_bob)
