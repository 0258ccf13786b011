"""Lessons read on a page or through the API, each ending with something to try."""

import pytest
from django.urls import reverse

from hearth.lessons.library import lessons
from hearth.lessons.models import LessonRead
from hearth.tests.api import Caller

pytestmark = pytest.mark.django_db


def test_a_lesson_opened_from_a_relationship_leads_to_its_suggestion(client, ours, alice):
    lesson = next(x for x in lessons() if x.fits("romantic"))
    client.force_login(alice)
    page = client.get(reverse("lessons:lesson", args=[lesson.key]) + f"?r={ours.pk}")
    text = page.content.decode()
    assert lesson.paragraphs[0][:40] in text.replace("&#x27;", "'")
    assert "Try it" in text and "What this rests on" in text
    assert LessonRead.objects.filter(user=alice, lesson_key=lesson.key).exists()


def test_lessons_through_the_api_name_their_sources_in_full(client, alice):
    as_alice = Caller(client, alice)
    listed = as_alice.call("GET", "/api/lessons").json()
    assert len(listed) == len(lessons())
    one = as_alice.call("GET", f"/api/lessons/{listed[0]['key']}").json()
    assert one["paragraphs"] and all("(" in s and ")" in s for s in one["sources"])
    assert as_alice.call("GET", "/api/lessons/no-such-lesson").status_code == 404
