"""A member checks in, takes the profile, shares it and sees the dashboard, in Chromium; charts
stay legible on a phone in light and dark."""

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from hearth.accounts.tests.factories import PASSWORD
from hearth.checkins.models import CheckIn, RelationshipCheckIn

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def history_of_checkins(user, relationship) -> None:
    from hearth.insights.tests.test_dashboard import history

    CheckIn.objects.filter(user=user).delete()  # make way for 30 days of them
    history(user, relationship.memberships.get(user=user), 30)


def take_the_profile(page: Page, value: str, *, share: bool) -> None:
    """Every step of the profile, each statement answered alike, then saved."""
    while True:
        for statement in page.locator("fieldset.statement").all():
            statement.get_by_role("radio", name=value).check()
        save = page.get_by_role("button", name="Save my profile")
        if save.count():
            break
        step = page.get_by_text("Step ", exact=False).first.inner_text()
        page.get_by_role("button", name="Next").click()
        expect(page.get_by_text(step, exact=True)).to_have_count(0)
    if share:
        page.get_by_label("Share my scores (not my answers) with this relationship").check()
    save.click()


def test_check_in_by_circles_take_and_share_the_profile_then_see_charts(
    browser: Browser, live_server, ours, alice
):
    page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill("alice@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()

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
    take_the_profile(page, "6 Agree", share=True)
    expect(page.get_by_text("Your profile is saved.")).to_be_visible()
    expect(page.get_by_role("region", name="What your profile says")).to_contain_text("Emotional")
    page.get_by_role("link", name="Retake the profile").click()
    take_the_profile(page, "4 Neither", share=False)
    expect(page.get_by_text("Your profile is saved.")).to_be_visible()

    page.get_by_role("link", name="Us").click()
    expect(page.get_by_role("heading", name="How we're doing")).to_be_visible()
    expect(
        page.get_by_text("Patterns need about three weeks of check-ins; 1 day so far.")
    ).to_be_visible()
    expect(page.get_by_text("1 check-in", exact=True)).to_be_visible()
    expect(
        page.get_by_text("Check in for a few days and your trends will appear here")
    ).to_be_visible()
    history_of_checkins(alice, ours)
    page.reload()
    chart = page.get_by_role("img", name="closeness averaged", exact=False).first
    expect(chart).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


# Contrast as WCAG defines it, from the colours the browser computed.
CHART_TEXT = """() => {
  const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const channel = (v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  const luminance = (c) => {
    const [r, g, b] = rgb(c).map(channel);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const page = getComputedStyle(document.documentElement).backgroundColor;
  const seen = (el, colour) => ({
    text: el.textContent,
    against_card: contrast(colour, getComputedStyle(el.closest(".card")).backgroundColor),
    against_page: contrast(colour, page),
  });
  return {
    page_luminance: luminance(page),
    charts: document.querySelectorAll("figure.chart svg.chart-svg").length,
    // the size as drawn on screen: the computed size times the SVG's scale there
    svg_text: [...document.querySelectorAll("figure.chart svg text")].map((t) => ({
      ...seen(t, getComputedStyle(t).fill),
      px: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a,
    })),
    legend: [...document.querySelectorAll("figure.chart .chart-legend li")].map((li) => ({
      ...seen(li, getComputedStyle(li).color),
      px: parseFloat(getComputedStyle(li).fontSize),
    })),
    scroll_width: document.documentElement.scrollWidth,
  };
}"""


def signed_in(context: BrowserContext, live_server) -> Page:
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill("alice@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page.get_by_role("link", name="Check in").first).to_be_visible()
    return page


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_charts_on_a_360_px_phone_are_legible_in_light_and_dark(
    browser: Browser, live_server, ours, alice, scheme
):
    history_of_checkins(alice, ours)
    context = browser.new_context(viewport={"width": 360, "height": 740}, color_scheme=scheme)
    try:
        page = signed_in(context, live_server)
        page.goto(f"{live_server.url}/r/{ours.pk}/insights/")
        expect(page.get_by_role("img", name="Mood and stress", exact=False)).to_be_visible()
        seen = page.evaluate(CHART_TEXT)
    finally:
        context.close()

    assert (seen["page_luminance"] < 0.05) == (scheme == "dark"), seen["page_luminance"]
    assert seen["charts"] == 3
    assert len(seen["svg_text"]) >= 3 * 5  # scale and dates on each chart
    small = [t for t in seen["svg_text"] if t["px"] < 12]
    assert small == [], f"chart text under 12 px: {small}"
    faint = [t for t in seen["svg_text"] if t["against_card"] < 4.5]
    assert faint == [], f"chart text too faint on its card: {faint}"
    assert [t["text"] for t in seen["legend"]] == ["Mood (1–5)", "Stress (1–5)"]
    for item in seen["legend"]:
        assert item["px"] >= 12, item
        assert item["against_card"] >= 4.5 and item["against_page"] >= 4.5, item
    assert seen["scroll_width"] <= 360
