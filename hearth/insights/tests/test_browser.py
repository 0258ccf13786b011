"""A member checks in, takes the profile, shares it and sees the dashboard, in Chromium."""

import pytest
from playwright.sync_api import Browser, Page, expect

from hearth.accounts.tests.factories import PASSWORD
from hearth.checkins.models import CheckIn, RelationshipCheckIn

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def history_of_checkins(user, relationship) -> None:
    from hearth.insights.tests.test_dashboard import history

    CheckIn.objects.filter(user=user).delete()  # make way for 30 days of them
    history(user, relationship.memberships.get(user=user), 30)


def answer_every_statement(page: Page, value: str) -> None:
    for statement in page.locator("fieldset.agree-scale").all():
        statement.locator("label", has_text=value).first.click()


def test_check_in_by_circles_take_and_share_the_profile_then_see_charts(
    browser: Browser, live_server, ours, alice
):
    page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill("alice@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In", exact=True).click()

    page.get_by_role("link", name="Check in").first.click()
    expect(page.get_by_role("heading", name="How are you today?")).to_be_visible()
    page.get_by_text("Good", exact=True).click()
    page.get_by_text("A little", exact=True).click()
    circles = page.get_by_role("group", name="How close do you feel?")
    circles.locator("label").nth(5).click()  # the sixth pair: mostly together
    page.get_by_text("Hugs, touch or closeness today").click()
    page.get_by_role("button", name="Save check-in").click()
    expect(page.get_by_text("Checked in.")).to_be_visible()
    entry = RelationshipCheckIn.objects.get(member__user=alice)
    assert (entry.closeness, entry.affection) == (6, True)

    page.goto(f"{live_server.url}/r/{ours.pk}/profile/take/")
    answer_every_statement(page, "6")
    page.get_by_text("Share my scores (not my answers)").click()
    page.get_by_role("button", name="Save my profile").click()
    expect(page.get_by_text("Your profile is saved.")).to_be_visible()
    expect(page.get_by_role("table")).to_contain_text("Emotional")
    page.get_by_role("link", name="Retake the profile").click()
    answer_every_statement(page, "4")
    page.get_by_role("button", name="Save my profile").click()
    expect(page.get_by_text("Your profile is saved.")).to_be_visible()

    page.get_by_role("link", name="Us").click()
    expect(page.get_by_role("heading", name="How we're doing")).to_be_visible()
    expect(page.get_by_text("Not enough days yet")).to_be_visible()
    expect(
        page.get_by_text("Check in for a few days and your trends will appear here")
    ).to_be_visible()
    history_of_checkins(alice, ours)
    page.reload()
    chart = page.get_by_role("img", name="closeness averaged", exact=False).first
    expect(chart).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
