"""What a signed-in person sees is never kept by the browser, so on a shared device the back
button shows nothing after sign-out; pages for everyone may be cached as usual."""

import pytest
from django.urls import reverse

from hearth.accounts import services

pytestmark = pytest.mark.django_db

PRIVATE = "private, no-store"


@pytest.mark.parametrize("url", ["/", "/help/", "/accounts/login/"])
def test_a_page_for_everyone_is_not_marked_private_when_signed_out(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response.get("Cache-Control") != PRIVATE


def test_signed_in_pages_are_not_kept_by_the_browser(client, alice, ours):
    client.force_login(alice)
    for url in (
        reverse("questions:today", args=[ours.pk]),
        reverse("relationships:detail", args=[ours.pk]),
        "/settings/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == PRIVATE, url
    assert client.get("/")["Cache-Control"] == PRIVATE, "redirects too"


def test_api_answers_to_a_token_are_not_kept_either(client, alice, ours):
    _, token = services.api_token_create(user=alice, name="phone")
    response = client.get("/api/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert response["Cache-Control"] == PRIVATE


def test_after_sign_out_the_next_page_is_not_marked(client, alice):
    client.force_login(alice)
    client.post("/accounts/logout/")
    assert client.get("/").get("Cache-Control") != PRIVATE


def test_a_page_that_sets_its_own_cache_rule_keeps_it(client, alice):
    client.force_login(alice)
    assert client.get("/help/")["Cache-Control"] == "no-store"
    assert client.post(reverse("privacy:export"))["Cache-Control"] == "no-store"
