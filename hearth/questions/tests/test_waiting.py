"""Someone who joins later finds the questions that were answered before, waiting for them."""

from datetime import timedelta

import pytest
from django.urls import reverse

from hearth.questions.tests.factories import answer_as, todays_prompt
from hearth.questions.tests.test_api import Caller
from hearth.relationships import services as relationship_services
from hearth.relationships.models import Relationship

pytestmark = pytest.mark.django_db


@pytest.fixture
def alone(alice) -> Relationship:
    return relationship_services.relationship_create(
        user=alice, name="Just me for now", kind="romantic", phase="new", time_zone="UTC"
    )


def test_an_answer_given_alone_waits_for_whoever_joins_on_their_today_page(
    client, alone, alice, bob
):
    a = alone.memberships.get(user=alice)
    earlier = todays_prompt(alone, todays_prompt(alone).date - timedelta(days=3))
    answer_as(a, earlier, "said-before-you-came")
    relationship_services.invitation_accept(
        user=bob, invitation=relationship_services.invitation_create(member=a)
    )
    client.force_login(bob)
    page = client.get(reverse("questions:today", args=[alone.pk])).content.decode()
    assert "Also waiting for your answer" in page
    assert reverse("questions:prompt", args=[alone.pk, earlier.pk]) in page
    assert "said-before-you-came" not in page

    client.post(
        reverse("questions:answer", args=[alone.pk, earlier.pk]),
        {"text": "and-here-is-mine", "choice": 0 if earlier.question.choices else ""},
    )
    earlier.refresh_from_db()
    assert earlier.is_revealed
    page = client.get(reverse("questions:today", args=[alone.pk])).content.decode()
    assert "Also waiting for your answer" not in page


def test_the_api_lists_what_waits_for_my_answer(client, alone, alice, bob):
    a = alone.memberships.get(user=alice)
    earlier = todays_prompt(alone, todays_prompt(alone).date - timedelta(days=2))
    answer_as(a, earlier, "said-before-you-came")
    relationship_services.invitation_accept(
        user=bob, invitation=relationship_services.invitation_create(member=a)
    )
    waiting = Caller(client, bob).call("GET", f"/api/relationships/{alone.pk}/waiting").json()
    assert [p["id"] for p in waiting] == [earlier.pk]
    assert waiting[0]["answers"] == [] and waiting[0]["answered"][0]["display_name"] == "Alice"
    assert Caller(client, alice).call("GET", f"/api/relationships/{alone.pk}/waiting").json() == []


def test_in_the_api_an_answer_given_alone_stays_private_until_another_answers(client, alone, bob):
    alice = alone.memberships.get().user
    as_alice, base = Caller(client, alice), f"/api/relationships/{alone.pk}"
    today = as_alice.call("GET", f"{base}/today").json()
    body = {"text": "alone-for-now", "choice": 0 if today["question"]["choices"] else None}
    answered = as_alice.call("PUT", f"{base}/prompts/{today['id']}/answer", body).json()
    assert (answered["revealed"], answered["answers"]) == (False, [])
    rating = as_alice.call(
        "PUT", f"{base}/answers/{answered['my_answer']['id']}/felt-understood", {"rating": 6}
    )
    assert rating.status_code == 400

    relationship_services.invitation_accept(
        user=bob,
        invitation=relationship_services.invitation_create(member=alone.memberships.get()),
    )
    as_bob = Caller(client, bob)
    seen = as_bob.call("GET", f"{base}/today").json()
    assert seen["revealed"] is False and seen["answers"] == []
    assert [m["display_name"] for m in seen["answered"]] == [alice.display_name]
    body["text"] = "joined-and-answered"
    opened = as_bob.call("PUT", f"{base}/prompts/{today['id']}/answer", body).json()
    assert opened["revealed"] is True
    assert {a["text"] for a in opened["answers"]} == {"alone-for-now", "joined-and-answered"}
