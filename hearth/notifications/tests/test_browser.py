"""Two people in a real Chromium: one answers and the other hears it is their turn; when the
second answers, the first one's open page shows the answers without a reload."""

import pytest
from playwright.sync_api import Browser, expect

from hearth.questions.models import Prompt, Question
from hearth.questions.tests.factories import todays_prompt
from hearth.questions.tests.test_browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_turn_is_announced_and_the_reveal_reaches_an_open_page(
    browser: Browser, live_server, ours
):
    prompt = todays_prompt(ours)
    words_only = next(
        q
        for q in Question.objects.filter(key__isnull=False, depth=1)
        if not q.choices and q.fits("romantic", ours.phase)
    )
    Prompt.objects.filter(pk=prompt.pk).update(question=words_only)
    base, today = live_server.url, f"{live_server.url}/r/{ours.pk}/today/"
    alice = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    bob = browser.new_context(viewport={"width": 360, "height": 780}).new_page()
    log_in(alice, base, "alice@example.com")
    log_in(bob, base, "bob@example.com")

    bob.goto(f"{base}/relationships/")
    expect(bob.get_by_role("link", name="Notifications", exact=True)).to_be_visible()

    alice.goto(today)
    alice.get_by_label("Your answer").fill("The walk by the river on Sunday.")
    alice.get_by_role("button", name="Save my answer").click()
    expect(alice.get_by_text("Waiting for Bob.")).to_be_visible()

    bob.reload()
    expect(bob.get_by_role("link", name="Notifications, 1 new")).to_be_visible()
    bob.get_by_role("link", name="Notifications, 1 new").click()
    turn = bob.get_by_role("link", name="Alice answered. Your turn, whenever you're ready.")
    expect(turn).to_be_visible()
    turn.click()
    expect(bob.get_by_role("heading", level=1)).to_have_text(words_only.text)
    expect(bob.get_by_role("link", name="Notifications", exact=True)).to_be_visible()

    bob.get_by_label("Your answer").fill("Cooking together on a quiet evening.")
    bob.get_by_role("button", name="Save my answer").click()

    # Alice never reloads: her page hears of the reveal by itself within seconds.
    shared = alice.get_by_role("region", name="What you shared")
    expect(shared.get_by_text("Cooking together on a quiet evening.")).to_be_visible(timeout=12_000)


def test_in_a_group_one_gentle_nudge_reaches_the_quiet_one_and_a_second_is_declined_kindly(
    browser: Browser, live_server, ours, charlie
):
    from hearth.relationships.tests.factories import add_member

    add_member(ours, charlie)
    prompt = todays_prompt(ours)
    words_only = next(
        q
        for q in Question.objects.filter(key__isnull=False, depth=1)
        if not q.choices and q.fits("romantic", ours.phase)
    )
    Prompt.objects.filter(pk=prompt.pk).update(question=words_only)
    base, today = live_server.url, f"{live_server.url}/r/{ours.pk}/today/"
    pages = {}
    for who in ("alice", "bob", "charlie"):
        pages[who] = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
        log_in(pages[who], base, f"{who}@example.com")
    alice, bob, charlie_page = pages["alice"], pages["bob"], pages["charlie"]

    for page, words in ((alice, "A slow breakfast."), (bob, "An evening walk.")):
        page.goto(today)
        page.get_by_label("Your answer").fill(words)
        page.get_by_role("button", name="Save my answer").click()
        expect(page.get_by_text("Answers open when everyone has answered.")).to_be_visible()
    alice.reload()
    expect(alice.get_by_text("Waiting for Charlie.")).to_be_visible()
    # Bob's page, opened before Alice sends a reminder, still offers one.

    alice.get_by_role("button", name="Remind Charlie").click()
    expect(alice.get_by_text("Charlie will find a gentle reminder from you.")).to_be_visible()
    expect(alice.get_by_text("Charlie has had a gentle reminder.")).to_be_visible()

    bob.get_by_role("button", name="Remind Charlie").click()
    expect(
        bob.get_by_text("Charlie has already had a gentle reminder for this one.")
    ).to_be_visible()

    charlie_page.goto(f"{base}/notifications/")
    expect(charlie_page.get_by_role("link", name="would love to hear your answer")).to_have_count(1)
