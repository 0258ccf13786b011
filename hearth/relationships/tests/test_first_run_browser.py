"""The whole first run for two people on phones: sign up, read how it works, start a
relationship, share the invitation with the phone's share button, the other joins from the link
and lands on today's question, both answer, and the answers open for both."""

import pytest
from playwright.sync_api import Browser, ViewportSize, expect

from hearth.questions.models import Prompt, Question
from hearth.relationships.models import Relationship
from hearth.relationships.tests.test_browser import fits_the_screen, sign_up

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 390, "height": 844}
# The phone's share sheet, as a page sees it: what was shared is kept for the test to read.
SHARE_SHEET = (
    "navigator.share = (data) => { window.sharedWithSheet = data; return Promise.resolve(); };"
)


def test_two_people_from_sign_up_to_their_first_shared_answers(browser: Browser, live_server):
    base = live_server.url
    ana = browser.new_context(viewport=PHONE, is_mobile=True).new_page()
    ben = browser.new_context(viewport=PHONE, is_mobile=True).new_page()
    ana.add_init_script(SHARE_SHEET)

    ana.goto(base)
    ana.get_by_role("link", name="Create an account").click()
    sign_up(ana, "Ana", "ana@example.com")
    welcome = ana.get_by_role("region", name="Welcome. Here is how Hearth works")
    expect(welcome).to_contain_text("all of you have answered")
    assert fits_the_screen(ana)

    ana.get_by_role("link", name="Start a relationship").click()
    ana.get_by_label("Name").fill("Ana & Ben")
    ana.get_by_label("Romantic").check()
    ana.get_by_role("button", name="Create").click()
    expect(ana.get_by_text("Invite someone first")).to_be_visible()
    ana.get_by_role("button", name="New invitation").click()
    ana.get_by_role("button", name="Share the link").click()
    shared = ana.evaluate("window.sharedWithSheet")
    assert shared["url"].startswith(f"{base}/invite/") and "Ana & Ben" in shared["title"]
    assert fits_the_screen(ana)

    ben.goto(shared["url"])
    expect(ben.get_by_role("heading", name="What Hearth is")).to_be_visible()
    ben.get_by_role("link", name="Create an account").click()
    sign_up(ben, "Ben", "ben@example.com")
    ben.get_by_role("button", name="Join as Ben").click()
    expect(ben.get_by_text("Here is today's question")).to_be_visible()

    relationship = Relationship.objects.get(name="Ana & Ben")
    prompt = Prompt.objects.get(relationship=relationship)
    open_question = next(
        q
        for q in Question.objects.filter(key__isnull=False, depth=1, choices=[])
        if q.fits("romantic", relationship.phase)
    )
    Prompt.objects.filter(pk=prompt.pk).update(question=open_question)
    ben.reload()
    ben.get_by_label("Your answer").fill("Cooking together on Sunday.")
    ben.get_by_role("button", name="Save my answer").click()
    expect(ben.get_by_text("Waiting for Ana.")).to_be_visible()
    assert fits_the_screen(ben)

    ana.get_by_role("navigation", name="Sections of Ana & Ben").get_by_role(
        "link", name="Today"
    ).click()
    ana.get_by_label("Your answer").fill("The walk when it rained.")
    ana.get_by_role("button", name="Save my answer").click()
    expect(ana.get_by_text("Everyone has answered. Here is what you all shared.")).to_be_visible()
    shared_answers = ana.get_by_role("region", name="What you shared")
    expect(shared_answers.get_by_text("Cooking together on Sunday.")).to_be_visible()

    ben.reload()
    expect(
        ben.get_by_role("region", name="What you shared").get_by_text("The walk when it rained.")
    ).to_be_visible()
    assert fits_the_screen(ana) and fits_the_screen(ben)
