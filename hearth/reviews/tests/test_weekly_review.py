"""The weekly review: each member adds what went well and one thing to work on gently, can
thank someone and plan next week in the same step; every member reads it, and the journal
keeps a summary."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from hearth.gratitude.models import Appreciation
from hearth.practices.library import library
from hearth.practices.models import Plan
from hearth.tests.api import Caller

pytestmark = pytest.mark.django_db

PRACTICE = next(p for p in library() if p.category == "emotional" and "romantic" in p.kinds)


def test_a_review_step_thanks_someone_and_plans_next_week_for_real(client, ours, alice, bob):
    client.force_login(alice)
    next_week = (timezone.now() + timedelta(days=6)).strftime("%Y-%m-%dT%H:%M")
    added = client.post(
        reverse("reviews:contribute", args=[ours.pk]),
        {
            "went_well": "our long walk-5512",
            "work_on": "less phone at dinner",
            "thank_member_id": ours.memberships.get(user=bob).pk,
            "thanks": "for the soup",
            "practice_key": PRACTICE.key,
            "practice_at": next_week,
        },
    )
    assert added.status_code == 302
    assert Appreciation.objects.get().text == "for the soup"
    assert Plan.objects.get().practice_key == PRACTICE.key

    review = Caller(client, bob).call("GET", f"/api/relationships/{ours.pk}/review").json()
    assert [c["went_well"] for c in review["contributions"]] == ["our long walk-5512"]
    assert review["week"]["appreciations"] == 1
    client.force_login(bob)
    journal = client.get(reverse("questions:journal", args=[ours.pk])).content.decode()
    assert "our long walk-5512" in journal


def test_an_empty_part_is_refused_with_words_in_page_and_api(client, ours, alice):
    client.force_login(alice)
    page = client.post(reverse("reviews:contribute", args=[ours.pk]), {"went_well": "  "})
    assert page.status_code == 400 and "at least one thing" in page.content.decode()
    api = Caller(client, alice).call("PUT", f"/api/relationships/{ours.pk}/review", {})
    assert api.status_code == 400 and "at least one thing" in api.json()["detail"]


def test_adding_again_the_same_week_changes_the_members_part(client, ours, alice):
    as_alice = Caller(client, alice)
    url = f"/api/relationships/{ours.pk}/review"
    as_alice.call("PUT", url, {"went_well": "first"})
    review = as_alice.call("PUT", url, {"went_well": "second"}).json()
    assert [c["went_well"] for c in review["contributions"]] == ["second"]
