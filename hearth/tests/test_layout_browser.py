"""What htmx refreshes in place never moves the page under someone's thumb, and words sent in a
form that was refused come back."""

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect

from hearth.accounts.tests.factories import UserFactory
from hearth.questions.models import Prompt, Question
from hearth.questions.services import answer_submit
from hearth.questions.tests.factories import todays_prompt
from hearth.questions.tests.test_browser import log_in
from hearth.relationships.models import Relationship
from hearth.relationships.tests.factories import add_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def ask_for_words(prompt: Prompt, relationship: Relationship) -> None:
    """Today's question is one answered in words."""
    words_only = next(
        q
        for q in Question.objects.filter(key__isnull=False, depth=1)
        if not q.choices and q.fits(relationship.kind, relationship.phase)
    )
    Prompt.objects.filter(pk=prompt.pk).update(question=words_only)


def test_when_someone_answers_the_form_below_the_status_stays_where_it_was(
    browser: Browser, live_server, ours
):
    carol = add_member(ours, UserFactory.create(display_name="Carol"))
    prompt = todays_prompt(ours)
    ask_for_words(prompt, ours)
    page = browser.new_context(viewport={"width": 360, "height": 740}).new_page()
    log_in(page, live_server.url, "alice@example.com")
    page.goto(f"{live_server.url}/r/{ours.pk}/today/")
    page.get_by_label("Your answer").fill("The walk by the river on Sunday.")
    page.get_by_role("button", name="Save my answer").click()
    expect(page.get_by_text("Waiting for Bob, Carol.")).to_be_visible()
    button = page.get_by_role("button", name="Update my answer")
    before = button.bounding_box()

    answer_submit(member=carol, prompt=Prompt.objects.get(pk=prompt.pk), text="Our picnic.")
    expect(page.get_by_text("Waiting for Bob.")).to_be_visible(timeout=15_000)
    page.wait_for_function("!document.querySelector('.htmx-swapping, .htmx-settling, .htmx-added')")
    after = button.bounding_box()
    assert before and after and abs(after["y"] - before["y"]) < 1


def test_words_sent_in_a_refused_form_come_back_as_a_draft(browser: Browser, live_server, ours):
    prompt = todays_prompt(ours)
    ask_for_words(prompt, ours)
    page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    log_in(page, live_server.url, "alice@example.com")
    page.goto(f"{live_server.url}/r/{ours.pk}/today/")
    answer = page.get_by_label("Your answer")
    answer.fill("Half of what I wanted to say")
    # The question is skipped elsewhere meanwhile, so this save is refused.
    Prompt.objects.filter(pk=prompt.pk).update(skipped_at=timezone.now())
    page.get_by_role("button", name="Save my answer").click()
    expect(page.locator(".errorlist, .error-summary, .message.error").first).to_be_visible()
    kept = page.evaluate(
        "Object.keys(sessionStorage).filter((k) => k.startsWith('hearth-draft:')).length"
    )
    assert kept == 1
