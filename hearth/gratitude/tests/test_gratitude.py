"""Thanking someone: it reaches them (home page and notification), stays between the two unless
the sender lets everyone read it, and the gratitude log is private unless a line is shared."""

import pytest
from django.urls import reverse

from hearth.accounts.tests.factories import UserFactory
from hearth.gratitude.models import Appreciation, GratitudeEntry
from hearth.gratitude.prompts import prompts
from hearth.notifications.models import Notification
from hearth.relationships.tests.factories import add_member
from hearth.tests.api import Caller

pytestmark = pytest.mark.django_db


@pytest.fixture
def dana(ours):
    dana = UserFactory.create(display_name="Dana")
    add_member(ours, dana)
    return dana


def test_a_thank_you_sent_on_the_page_reaches_only_the_person_thanked(
    client, ours, alice, bob, dana
):
    bobs_place = ours.memberships.get(user=bob)
    client.force_login(alice)
    sent = client.post(
        reverse("gratitude:appreciate", args=[ours.pk]),
        {"recipient": bobs_place.pk, "text": "You fixed my bike-4471"},
    )
    assert sent.status_code == 302
    assert Notification.objects.filter(recipient=bob, kind="appreciation").count() == 1
    assert not Notification.objects.filter(recipient=dana, kind="appreciation").exists()

    client.force_login(bob)
    assert "bike-4471" in client.get(reverse("questions:today", args=[ours.pk])).content.decode()
    client.force_login(dana)
    assert "bike-4471" not in client.get(reverse("gratitude:page", args=[ours.pk])).content.decode()
    assert (
        Caller(client, dana).call("GET", f"/api/relationships/{ours.pk}/appreciations").json() == []
    )


def test_a_thank_you_for_everyone_is_read_by_every_member(client, ours, alice, bob, dana):
    as_alice = Caller(client, alice)
    bobs_place = ours.memberships.get(user=bob)
    body = {"recipient_id": bobs_place.pk, "text": "group-thanks-8812", "for_everyone": True}
    assert (
        as_alice.call("POST", f"/api/relationships/{ours.pk}/appreciations", body).status_code
        == 201
    )
    seen = Caller(client, dana).call("GET", f"/api/relationships/{ours.pk}/appreciations").json()
    assert [a["text"] for a in seen] == ["group-thanks-8812"]


def test_nobody_can_thank_themselves_or_someone_outside_the_relationship(
    client, ours, theirs, alice, charlie
):
    as_alice = Caller(client, alice)
    url = f"/api/relationships/{ours.pk}/appreciations"
    for recipient in (ours.memberships.get(user=alice), theirs.memberships.get(user=charlie)):
        refused = as_alice.call("POST", url, {"recipient_id": recipient.pk, "text": "thanks"})
        assert refused.status_code == 400
        assert "someone else in this relationship" in refused.json()["detail"]
    client.force_login(alice)
    page = client.post(
        reverse("gratitude:appreciate", args=[ours.pk]),
        {"recipient": ours.memberships.get(user=alice).pk, "text": "kept-words-3321"},
    )
    assert page.status_code == 400 and "kept-words-3321" in page.content.decode()
    assert not Appreciation.objects.exists()


def test_the_gratitude_log_is_private_unless_a_line_is_shared(client, ours, alice, bob):
    client.force_login(alice)
    url = reverse("gratitude:note", args=[ours.pk])
    client.post(url, {"text": "private-line-1107"})
    client.post(url, {"text": "shared-line-2209", "shared": "on"})
    seen = Caller(client, bob).call("GET", f"/api/relationships/{ours.pk}/gratitude").json()
    assert [e["text"] for e in seen] == ["shared-line-2209"]
    mine = Caller(client, alice).call("GET", f"/api/relationships/{ours.pk}/gratitude").json()
    assert {e["text"] for e in mine} == {"private-line-1107", "shared-line-2209"}


def test_every_day_brings_a_prompt_to_notice_a_kindness(client, ours, alice):
    prompt = Caller(client, alice).call("GET", f"/api/relationships/{ours.pk}/gratitude-prompt")
    assert "?" in prompt.json()["text"]


def test_a_thank_you_keeps_the_prompt_it_answers_and_a_made_up_one_is_dropped(
    client, ours, alice, bob
):
    real = prompts()[0].key
    bobs_place = ours.memberships.get(user=bob).pk
    client.force_login(alice)
    client.post(
        reverse("gratitude:appreciate", args=[ours.pk]),
        {"recipient": bobs_place, "text": "page-thanks", "prompt_key": real},
    )
    api = Caller(client, alice)
    thanks = f"/api/relationships/{ours.pk}/appreciations"
    body = {"recipient_id": bobs_place, "text": "api-thanks", "prompt_key": "made-up"}
    assert api.call("POST", thanks, body).status_code == 201
    log = f"/api/relationships/{ours.pk}/gratitude"
    assert api.call("POST", log, {"text": "api-line", "prompt_key": "x\x00y"}).status_code == 201
    kept = dict(Appreciation.objects.values_list("text", "prompt_key"))
    assert kept == {"page-thanks": real, "api-thanks": ""}
    assert GratitudeEntry.objects.get().prompt_key == ""
