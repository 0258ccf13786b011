"""Deleting an account needs the words and the password, and password tries are paced like
sign-in: after too many wrong ones, even the right one waits, on the page and in the API."""

import json
import time
from types import SimpleNamespace

import pytest
from allauth.core.internal import ratelimit as allauth_ratelimit
from django.conf import settings
from django.urls import reverse

from hearth.accounts.models import User
from hearth.accounts.tests.factories import PASSWORD
from hearth.relationships.models import Member

pytestmark = pytest.mark.django_db

WORDS = "delete my account"
# "5/5m/user": how many tries, then how long the pause lasts.
TRIES, PAUSE = settings.ACCOUNT_RATE_LIMITS["reauthenticate"].split("/")[:2]


def on_the_page(client, password: str, confirm: str = WORDS):
    return client.post(reverse("privacy:delete"), {"password": password, "confirm": confirm})


def in_the_api(client, password: str, confirm: str = WORDS):
    body = json.dumps({"password": password, "confirm": confirm})
    return client.delete("/api/me/account", body, content_type="application/json")


def still_here(user: User) -> bool:
    return User.objects.filter(pk=user.pk).exists() and Member.objects.filter(user=user).exists()


def test_a_wrong_password_is_refused_on_the_page_and_nothing_is_deleted(client, alice, ours):
    client.force_login(alice)
    refused = on_the_page(client, "not my password")
    assert refused.status_code == 200
    assert "That password isn&#x27;t right." in refused.content.decode()
    assert still_here(alice)


def test_mistyped_words_are_refused_without_using_up_a_password_try(client, alice, ours):
    client.force_login(alice)
    for _ in range(int(TRIES) + 2):
        refused = on_the_page(client, PASSWORD, confirm="delete it")
        assert "exactly, so we know you mean it" in refused.content.decode()
    assert still_here(alice)
    on_the_page(client, PASSWORD)
    assert not User.objects.filter(pk=alice.pk).exists()


def test_a_wrong_password_is_refused_in_the_api_and_nothing_is_deleted(client, alice, ours):
    client.force_login(alice)
    refused = in_the_api(client, "not my password")
    assert refused.status_code == 400
    assert refused.json() == {"detail": "That password isn't right."}
    assert still_here(alice)


def test_after_too_many_wrong_passwords_the_page_refuses_even_the_right_one(client, alice, ours):
    client.force_login(alice)
    for _ in range(int(TRIES)):
        assert "That password isn&#x27;t right." in on_the_page(client, "a guess").content.decode()
    paused = on_the_page(client, PASSWORD)
    assert paused.status_code == 200
    assert "Please wait a few minutes, then try again." in paused.content.decode()
    assert still_here(alice)


def test_after_too_many_wrong_passwords_the_api_refuses_even_the_right_one(client, alice, ours):
    client.force_login(alice)
    for _ in range(int(TRIES)):
        assert in_the_api(client, "a guess").status_code == 400
    paused = in_the_api(client, PASSWORD)
    assert paused.status_code == 429
    assert "wait a few minutes" in paused.json()["detail"]
    assert still_here(alice)


def test_the_page_and_the_api_count_the_same_tries(client, alice, ours):
    client.force_login(alice)
    for _ in range(int(TRIES) - 1):
        on_the_page(client, "a guess")
    assert in_the_api(client, "another guess").status_code == 400
    assert in_the_api(client, PASSWORD).status_code == 429
    assert still_here(alice)


def test_one_persons_wrong_passwords_do_not_pause_anothers(client, alice, bob, ours):
    client.force_login(alice)
    for _ in range(int(TRIES) + 1):
        on_the_page(client, "a guess")
    client.force_login(bob)
    assert in_the_api(client, PASSWORD).status_code == 204
    assert not User.objects.filter(pk=bob.pk).exists()
    assert still_here(alice)


def test_once_the_pause_is_over_the_right_password_works(client, alice, ours, monkeypatch):
    client.force_login(alice)
    for _ in range(int(TRIES)):
        on_the_page(client, "a guess")
    assert in_the_api(client, PASSWORD).status_code == 429

    later = time.time() + allauth_ratelimit.parse_duration(PAUSE) + 1
    clock = SimpleNamespace(time=lambda: later, monotonic=time.monotonic, sleep=time.sleep)
    monkeypatch.setattr(allauth_ratelimit, "time", clock)
    assert in_the_api(client, PASSWORD).status_code == 204
    assert not User.objects.filter(pk=alice.pk).exists()
