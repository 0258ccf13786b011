"""Two members answer the day's question in a real Chromium."""

import pytest
from playwright.sync_api import Browser, Page, expect

from hearth.accounts.tests.factories import PASSWORD
from hearth.questions.models import Prompt, Question
from hearth.questions.tests.factories import todays_prompt

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()


def test_two_members_answer_see_each_other_only_after_both_respond_and_rate(
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
    bob = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    log_in(alice, base, "alice@example.com")
    log_in(bob, base, "bob@example.com")

    alice.goto(today)
    expect(alice.get_by_role("heading", level=1)).to_have_text(words_only.text)
    alice.get_by_label("Your answer").fill("I felt brave when I called my sister.")
    alice.get_by_role("button", name="Save my answer").click()
    expect(alice.get_by_text("Waiting for Bob.")).to_be_visible()
    expect(alice.get_by_text("called my sister")).to_be_visible()  # her own, in the form

    bob.goto(today)
    expect(bob.get_by_role("list", name="Who has answered")).to_contain_text("Alice")
    assert "called my sister" not in bob.content()
    bob.get_by_label("Your answer").fill("Asking for help at work last week.")
    bob.get_by_role("button", name="Save my answer").click()
    shared = bob.get_by_role("region", name="What you shared")
    expect(shared.get_by_text("I felt brave when I called my sister.")).to_be_visible()
    expect(shared.get_by_text("Asking for help at work last week.")).to_be_visible()

    alices_answer = bob.get_by_role("article", name="Alice's answer")
    alices_answer.get_by_role("button", name="Thank you for telling me").click()
    expect(
        bob.get_by_role("article", name="Alice's answer").get_by_role(
            "button", name="Thank you for telling me"
        )
    ).to_have_attribute("aria-pressed", "true")

    alice.reload()
    mine = alice.get_by_role("article", name="Alice's answer")
    expect(mine).to_contain_text("Thank you for telling me")
    expect(alice.get_by_text("Asking for help at work last week.")).to_be_visible()
    mine.get_by_label("6").check()
    mine.get_by_role("button", name="Save how I felt").click()
    expect(alice.get_by_text("That helps Hearth pace your questions.")).to_be_visible()
    assert (
        ours.prompts.get(pk=prompt.pk)
        .answers.get(member__user__email="alice@example.com")
        .felt_understood
        == 6
    )
