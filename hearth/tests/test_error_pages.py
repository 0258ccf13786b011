"""When something goes wrong, the page still looks like Hearth, fits a phone and offers a way back.

This module is also a small URLconf (Hearth's own routes plus pages that fail on purpose), which
tests that need a broken or closed page point ROOT_URLCONF at.
"""

import html
import re

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.test import Client, RequestFactory, override_settings
from django.urls import path, reverse
from playwright.sync_api import Browser, Page, expect

from hearth import errors
from hearth.accounts.tests.factories import PASSWORD
from hearth.checkins.models import CheckIn
from hearth.urls import urlpatterns as hearth_urlpatterns

VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">'
HOME_LINK = re.compile(r'<a class="button[^"]*" href="/">Go to Hearth</a>')
THIS_MODULE = "hearth.tests.test_error_pages"


def broken_page(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a page that breaks, on purpose")


def closed_page(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied


def garbled_page(request: HttpRequest) -> HttpResponse:
    raise SuspiciousOperation("a request that makes no sense, on purpose")


urlpatterns = [
    *hearth_urlpatterns,
    path("broken/", broken_page),
    path("closed/", closed_page),
    path("garbled/", garbled_page),
]


def main_of(response) -> str:
    """The page's own content, without the header around it, with its entities read."""
    found = re.search(r"<main.*?</main>", response.content.decode(), re.S)
    assert found, "the page has no <main>"
    return html.unescape(found.group(0))


def in_hearths_layout(response) -> bool:
    page = response.content.decode()
    return (
        VIEWPORT in page
        and '<a class="brand" href="/">' in page
        and 'class="site-footer"' in page
        and bool(HOME_LINK.search(page))
    )


# Missing, closed and garbled pages


@pytest.mark.django_db
def test_a_missing_page_says_so_in_hearths_layout_with_a_way_home(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert in_hearths_layout(response)
    assert "We couldn't find that page" in main_of(response)
    assert "Log in" in response.content.decode()


def test_a_missing_page_shows_a_signed_in_person_their_own_navigation(client, alice, ours):
    client.force_login(alice)

    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert in_hearths_layout(response)
    assert 'href="/checkin/"' in response.content.decode()
    assert "Alice &amp; Bob" in response.content.decode()  # the relationship switcher


def test_someone_elses_relationship_reads_exactly_like_one_that_never_existed(
    client, alice, theirs
):
    client.force_login(alice)

    not_mine = client.get(f"/r/{theirs.pk}/today/")
    nowhere = client.get(f"/r/{theirs.pk + 1000}/today/")

    assert not_mine.status_code == nowhere.status_code == 404
    assert main_of(not_mine) == main_of(nowhere)
    assert theirs.name not in not_mine.content.decode()


@override_settings(ROOT_URLCONF=THIS_MODULE)
@pytest.mark.django_db
def test_a_closed_page_says_so_and_offers_to_log_in_to_someone_signed_out(client):
    response = client.get("/closed/")

    assert response.status_code == 403
    assert in_hearths_layout(response)
    assert "We can't show you this page" in main_of(response)
    assert f'href="{reverse("account_login")}">Log in</a>' in main_of(response)


@override_settings(ROOT_URLCONF=THIS_MODULE)
def test_a_closed_page_does_not_ask_a_signed_in_person_to_log_in(client, alice):
    client.force_login(alice)

    response = client.get("/closed/")

    assert response.status_code == 403
    assert in_hearths_layout(response)
    assert "Log in" not in main_of(response)


@override_settings(ROOT_URLCONF=THIS_MODULE)
@pytest.mark.django_db
def test_a_request_hearth_cannot_make_sense_of_gets_a_400_page_with_a_way_home(client):
    response = client.get("/garbled/")

    assert response.status_code == 400
    assert in_hearths_layout(response)
    assert "Going back and trying again usually helps" in main_of(response)


@pytest.mark.django_db
def test_a_400_before_anyone_is_known_is_drawn_without_anyones_navigation():
    request = RequestFactory().get("/", HTTP_HOST="unknown.example")  # no session, no user

    response = errors.bad_request(request, SuspiciousOperation("unknown host"))

    assert response.status_code == 400
    assert in_hearths_layout(response)
    assert "Log out" not in response.content.decode()


@pytest.mark.django_db
def test_a_request_for_a_host_name_hearth_does_not_serve_gets_a_400_not_a_server_error():
    client = Client(raise_request_exception=False)

    response = client.get("/", HTTP_HOST="unknown.example")

    assert response.status_code == 400
    assert in_hearths_layout(response)


# A form sent from a page that had expired


def checkin_form(ours, alice) -> dict[str, str]:
    member = ours.memberships.get(user=alice)
    return {
        "mood": "4",
        "stress": "2",
        f"r{member.pk}-closeness": "6",
        f"r{member.pk}-felt_understood": "5",
    }


def test_an_expired_form_explains_itself_saves_nothing_and_leads_back_to_its_page(ours, alice):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)

    response = client.post(
        reverse("checkins:checkin"),
        checkin_form(ours, alice),
        HTTP_REFERER="http://testserver/checkin/?day=yesterday",
    )

    assert response.status_code == 403
    assert in_hearths_layout(response)
    page = main_of(response)
    assert "That form had expired" in page
    assert "Nothing you typed was saved by Hearth." in page
    assert '<a class="button" href="/checkin/?day=yesterday">Back to the page</a>' in page
    assert not CheckIn.objects.exists()


def test_an_expired_form_names_blocked_cookies_when_no_cookie_came_back(ours, alice):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    client.get(reverse("checkins:checkin"))  # the page sets the cookie
    del client.cookies["csrftoken"]

    response = client.post(reverse("checkins:checkin"), checkin_form(ours, alice))

    assert response.status_code == 403
    assert "cookies are blocked for this site" in main_of(response)


def test_an_expired_form_never_sends_anyone_back_to_another_site(ours, alice):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)

    response = client.post(
        reverse("checkins:checkin"),
        checkin_form(ours, alice),
        HTTP_REFERER="https://elsewhere.example/checkin/",
    )

    assert response.status_code == 403
    assert "Back to the page" not in main_of(response)
    assert "elsewhere.example" not in response.content.decode()
    assert HOME_LINK.search(main_of(response))


# When Hearth itself breaks


def test_the_500_page_needs_no_request_and_no_database():
    """Django draws it with nothing at all; without the db fixture any query here would fail."""
    page = render_to_string("500.html")

    assert VIEWPORT in page
    assert '<link rel="stylesheet" href="/static/hearth/hearth.css">' in page
    assert HOME_LINK.search(page)


@override_settings(ROOT_URLCONF=THIS_MODULE)
@pytest.mark.django_db
def test_a_page_that_breaks_says_nothing_saved_is_lost_and_leads_home():
    client = Client(raise_request_exception=False)

    response = client.get("/broken/")

    assert response.status_code == 500
    page = response.content.decode()
    assert VIEWPORT in page
    assert "Something went wrong on our side" in page
    assert "Nothing you had already saved is lost." in page
    assert HOME_LINK.search(page)
    assert "a page that breaks" not in page


# On a phone


def log_in(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page.get_by_role("link", name="Settings")).to_be_visible()


def fits_the_screen(page: Page) -> bool:
    return bool(
        page.evaluate(
            "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        )
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_on_a_phone_the_error_pages_fit_and_lead_back(
    browser: Browser, live_server, settings, ours, alice
):
    base = live_server.url
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    log_in(page, base, "alice@example.com")

    page.goto(f"{base}/r/{ours.pk}/no-such-page/")
    expect(page.get_by_role("heading", level=1)).to_have_text("We couldn't find that page")
    assert fits_the_screen(page)
    page.get_by_role("link", name="Go to Hearth").click()
    expect(page).to_have_url(f"{base}/r/{ours.pk}/today/")

    page.goto(f"{base}/checkin/")
    context.clear_cookies(name="csrftoken")  # as if this browser blocked it
    page.get_by_role("button", name="Save check-in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("That form had expired")
    expect(page.get_by_text("Nothing you typed was saved by Hearth.")).to_be_visible()
    assert fits_the_screen(page)
    page.get_by_role("link", name="Back to the page").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("How are you today?")
    assert not CheckIn.objects.exists()

    settings.ROOT_URLCONF = THIS_MODULE
    page.goto(f"{base}/broken/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Something went wrong on our side")
    assert fits_the_screen(page)
    page.get_by_role("link", name="Go to Hearth").click()
    expect(page).to_have_url(f"{base}/r/{ours.pk}/today/")
    context.close()
