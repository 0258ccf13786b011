"""The weekly review: each member adds what went well and one thing to work on gently, can
thank someone and plan next week in the same step; every member reads it, and the journal
keeps a summary."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from hearth.gratitude.models import Appreciation
from hearth.practices.library import library
from hearth.practices.models import Plan
from hearth.reviews.models import ReviewContribution, WeeklyReview
from hearth.reviews.selectors import this_week
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


def test_earlier_weeks_are_links_read_without_what_was_written_in_them(client, ours, alice, bob):
    """Twelve earlier weeks listed, each a link, in the same queries however much was written in
    them; only this week's review is read in full."""
    monday = this_week(ours)
    places = list(ours.memberships.all())
    client.force_login(alice)
    url = reverse("reviews:week", args=[ours.pk])

    def page() -> tuple[int, str]:
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            html = client.get(url).content.decode()
        # What was written is read for this week's review only.
        written = [q for q in queries if 'FROM "reviews_reviewcontribution"' in q["sql"]]
        assert len(written) == 1
        return len(queries), html

    def weeks(back: range) -> None:
        for n in back:
            review = WeeklyReview.objects.create(
                relationship=ours, week_of=monday - timedelta(weeks=n)
            )
            for place in places:
                ReviewContribution.objects.create(
                    review=review, member=place, went_well=f"week {n} was kind"
                )

    weeks(range(0, 3))
    few, _ = page()
    weeks(range(3, 40))
    many, html = page()
    assert few == many
    listed = html.split('id="past-heading"')[1]
    assert listed.count("<li><a href=") == 12
    assert "week 0 was kind" in html  # this week's, in full
    assert "week 1 was kind" not in html
