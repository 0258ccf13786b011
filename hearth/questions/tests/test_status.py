"""An open question page learns within seconds that someone answered, or that answers opened,
by asking a cheap question of the server: nothing comes back while nothing has changed."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hearth.questions.tests.factories import answer_as, todays_prompt

pytestmark = pytest.mark.django_db


def poll(client, prompt, answered: int):
    url = reverse("questions:status", args=[prompt.relationship_id, prompt.pk])
    return client.get(f"{url}?answered={answered}", HTTP_HX_REQUEST="true")


def test_the_open_page_hears_nothing_until_something_changes(client, ours, alice, bob):
    prompt = todays_prompt(ours)
    answer_as(ours.memberships.get(user=alice), prompt, "mine")
    client.force_login(alice)
    page = client.get(prompt.get_absolute_url()).content.decode()
    assert "?answered=1" in page and 'hx-trigger="every 4s"' in page

    with CaptureQueriesContext(connection) as asked:
        unchanged = poll(client, prompt, answered=1)
    assert unchanged.status_code == 204 and unchanged.content == b""
    assert len(asked) <= 5, [q["sql"] for q in asked]

    answer_as(ours.memberships.get(user=bob), prompt, "theirs")
    opened = poll(client, prompt, answered=1)
    assert opened.status_code == 200 and opened["HX-Refresh"] == "true"


def test_in_a_group_the_page_shows_who_answered_since(client, ours, alice, bob, charlie):
    from hearth.relationships.tests.factories import add_member

    add_member(ours, charlie)
    prompt = todays_prompt(ours)
    answer_as(ours.memberships.get(user=alice), prompt)
    answer_as(ours.memberships.get(user=bob), prompt)
    client.force_login(alice)
    changed = poll(client, prompt, answered=1)
    assert changed.status_code == 200
    assert "?answered=2" in changed.content.decode()
    assert "Waiting for Charlie" in changed.content.decode()
