"""Escape while writing keeps the words; the quick exit still leaves, and leaves no draft."""

import pytest
from playwright.sync_api import Browser, Page, expect

from hearth.questions.models import Prompt, Question
from hearth.questions.tests.factories import todays_prompt
from hearth.questions.tests.test_browser import log_in
from hearth.relationships.models import Relationship
from hearth.safety.tests.test_browser import watch

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DRAFTS = "Object.keys(sessionStorage).filter((key) => key.startsWith('hearth-draft:'))"


def a_words_only_question_today(ours: Relationship) -> None:
    words_only = next(
        q
        for q in Question.objects.filter(key__isnull=False, depth=1)
        if not q.choices and q.fits("romantic", ours.phase)
    )
    Prompt.objects.filter(pk=todays_prompt(ours).pk).update(question=words_only)


def alice_on_today(browser: Browser, base: str, ours: Relationship) -> Page:
    a_words_only_question_today(ours)
    page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    log_in(page, base, "alice@example.com")
    page.goto(f"{base}/r/{ours.pk}/today/")
    return page


def test_escape_twice_while_typing_an_answer_stays_and_keeps_the_words(
    browser: Browser, live_server, ours
):
    page = alice_on_today(browser, live_server.url, ours)
    problems = watch(page)
    today = page.url
    answer = page.get_by_label("Your answer")
    answer.press_sequentially("When you made tea without asking")

    answer.press("Escape")
    answer.press("Escape")
    page.wait_for_timeout(1000)

    assert page.url == today
    expect(answer).to_have_value("When you made tea without asking")
    expect(answer).to_be_focused()
    assert problems == []


def test_escape_twice_outside_a_field_leaves_and_forgets_every_draft(
    browser: Browser, live_server, ours
):
    page = alice_on_today(browser, live_server.url, ours)
    problems = watch(page)
    today = page.url
    page.get_by_label("Your answer").press_sequentially("Something only I should read")
    assert len(page.evaluate(DRAFTS)) == 1

    page.get_by_role("heading", level=1).click()  # focus leaves the answer box
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")

    expect(page).to_have_url(f"{live_server.url}/quiet/")
    assert page.evaluate("sessionStorage.length") == 0  # the same tab and origin: nothing kept
    page.goto(today)
    expect(page.get_by_label("Your answer")).to_have_value("")
    assert page.evaluate(DRAFTS) == []
    assert problems == []


def test_a_draft_comes_back_after_a_reload_and_is_forgotten_once_sent(
    browser: Browser, live_server, ours
):
    page = alice_on_today(browser, live_server.url, ours)
    problems = watch(page)
    page.get_by_label("Your answer").press_sequentially("The walk by the river")

    page.reload()
    expect(page.get_by_label("Your answer")).to_have_value("The walk by the river")

    page.get_by_label("Your answer").press_sequentially(" on Sunday")
    page.get_by_role("button", name="Save my answer").click()
    expect(page.get_by_text("Waiting for Bob.")).to_be_visible()
    assert page.evaluate(DRAFTS) == []

    page.reload()
    expect(page.get_by_label("Your answer")).to_have_value("The walk by the river on Sunday")
    answer = ours.prompts.get().answers.get(member__user__email="alice@example.com")
    assert answer.text == "The walk by the river on Sunday"
    assert problems == []


def test_passwords_and_codes_never_become_drafts(browser: Browser, live_server, ours):
    page = browser.new_context().new_page()
    log_in(page, live_server.url, "alice@example.com")
    page.goto(f"{live_server.url}/join/")
    page.get_by_label("Invitation code").press_sequentially("ABCD-2345")
    page.goto(f"{live_server.url}/settings/delete/")
    page.get_by_label("Your password").press_sequentially("a secret")
    page.locator("input[name='confirm']").press_sequentially("delete")

    assert page.evaluate(DRAFTS) == []


def test_logging_out_forgets_the_drafts_for_whoever_uses_the_tab_next(
    browser: Browser, live_server, ours
):
    page = alice_on_today(browser, live_server.url, ours)
    page.get_by_label("Your answer").press_sequentially("Not for the next person")
    assert len(page.evaluate(DRAFTS)) == 1

    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("navigation").get_by_role("link", name="Log in")).to_be_visible()
    page.wait_for_load_state()  # the page's scripts have run

    assert page.evaluate(DRAFTS) == []
