"""On a phone: a member takes the whole profile step by step, stops half-way and carries on,
and reads what the scores mean beside another member's, nothing cut off at the side."""

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect

from hearth.assessments.models import Assessment, AssessmentDraft
from hearth.assessments.services import assessment_take, instrument_for
from hearth.assessments.tests.takings import all_answers
from hearth.questions.tests.test_browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 390, "height": 844}
SMALL_PHONE: ViewportSize = {"width": 360, "height": 740}


def fits_the_screen(page: Page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width, page.url


def answer_targets_are_thumb_sized(page: Page) -> None:
    sizes = page.locator(".agree-row label").evaluate_all(
        "labels => labels.map(l => l.getBoundingClientRect()).map(box => [box.width, box.height])"
    )
    assert sizes and min(min(w, h) for w, h in sizes) >= 44, sizes


def answer_step(page: Page, number: int, total: int, value: str) -> None:
    expect(page.get_by_text(f"Step {number} of {total}", exact=True)).to_be_visible()
    expect(page.get_by_role("progressbar", name=f"Step {number} of {total}")).to_be_visible()
    legend = page.get_by_role("list", name="The answer scale").bounding_box()
    first = page.locator("fieldset.statement").first.bounding_box()
    assert legend and first and legend["y"] < first["y"], "the scale's meaning comes first"
    answer_targets_are_thumb_sized(page)
    for statement in page.locator("fieldset.statement").all():
        statement.get_by_role("radio", name=value).check()
        expect(statement.get_by_role("radio", checked=True)).to_have_count(1)
    fits_the_screen(page, PHONE["width"])


def test_a_member_takes_the_profile_step_by_step_on_a_phone_and_reads_what_it_says(
    browser: Browser, live_server, ours, alice, bob
):
    bobs = ours.memberships.get(user=bob)
    assessment_take(member=bobs, answers=all_answers(bobs, 6), shared=True)
    place = ours.memberships.get(user=alice)
    steps = instrument_for(place).steps
    total = len(steps)
    page = browser.new_context(viewport=PHONE).new_page()
    log_in(page, live_server.url, "alice@example.com")

    page.goto(f"{live_server.url}/r/{ours.pk}/profile/")
    page.get_by_role("link", name="Take the profile").click()
    for number in range(1, 5):
        expect(page.get_by_role("heading", level=1)).to_have_text(steps[number - 1].scale.title)
        answer_step(page, number, total, "3 Somewhat disagree")
        page.get_by_role("button", name="Next").click()

    # A step left unfinished says what is missing and keeps what was chosen.
    expect(page.get_by_text(f"Step 5 of {total}", exact=True)).to_be_visible()
    page.locator("fieldset.statement").first.get_by_role(
        "radio", name="3 Somewhat disagree"
    ).check()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Please answer every statement on this step: 4 are still unanswered."
    )
    expect(
        page.locator("fieldset.statement").first.get_by_role("radio", checked=True)
    ).to_have_count(1)

    page.get_by_role("button", name="Save and finish later").click()
    expect(page.get_by_text("Saved so far.")).to_be_visible()
    expect(page.get_by_text("21 of 45 statements answered")).to_be_visible()
    assert not Assessment.objects.filter(member=place).exists()
    assert len(AssessmentDraft.objects.get(member=place).answers) == 21

    page.get_by_role("link", name="Carry on where I left off").click()
    for number in range(5, total + 1):
        answer_step(page, number, total, "3 Somewhat disagree")
        if number < total:
            page.get_by_role("button", name="Next").click()
    page.get_by_label("Share my scores (not my answers) with this relationship").check()
    page.get_by_role("button", name="Save my profile").click()

    expect(page.get_by_text("Your profile is saved.")).to_be_visible()
    scores = page.get_by_role("region", name="What your profile says")
    expect(scores.get_by_role("heading", name="Trust")).to_be_visible()
    expect(scores).to_contain_text("room to grow")
    expect(scores.get_by_text("Something to try:").first).to_be_visible()
    taken = Assessment.objects.get(member=place)
    assert taken.shared and len(taken.answers) == 45
    assert not AssessmentDraft.objects.filter(member=place).exists()

    together = page.get_by_role("region", name="Side by side")
    differ = together.get_by_text("You and Bob see this differently.").first
    expect(differ).to_be_visible()
    box = differ.bounding_box()
    assert box and box["x"] + box["width"] <= PHONE["width"], "'Together' is not cut off"
    fits_the_screen(page, PHONE["width"])

    suggestion = scores.locator(".try a").first
    title, href = suggestion.inner_text(), suggestion.get_attribute("href")
    suggestion.click()
    expect(page).to_have_url(f"{live_server.url}{href}")
    expect(page.get_by_text(title).first).to_be_visible()


def test_a_step_fits_a_360_pixel_screen_with_thumb_sized_answers(
    browser: Browser, live_server, ours, alice
):
    page = browser.new_context(viewport=SMALL_PHONE).new_page()
    log_in(page, live_server.url, "alice@example.com")
    page.goto(f"{live_server.url}/r/{ours.pk}/profile/take/")
    answer_targets_are_thumb_sized(page)
    fits_the_screen(page, SMALL_PHONE["width"])
