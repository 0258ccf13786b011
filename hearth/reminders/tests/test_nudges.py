"""One friendly nudge per person and prompt, from a member who answered to one who hasn't; the
same rule on the page and in the API."""

import datetime as dt
import json

import pytest
from django.urls import reverse

from hearth.accounts.tests.factories import UserFactory
from hearth.notifications.models import Notification
from hearth.notifications.selectors import headline
from hearth.questions.services import prompt_skip
from hearth.questions.tests.factories import answer_as, todays_prompt
from hearth.relationships import services as relationships
from hearth.relationships.tests.factories import add_member
from hearth.reminders.models import Nudge
from hearth.reminders.services import ReminderError, nudge_send, question_reminder_set

pytestmark = pytest.mark.django_db

ALREADY = "Bob has already had a gentle reminder for this one."


@pytest.fixture
def waiting(ours, alice, bob, charlie):
    """A prompt alice and charlie answered, still waiting for bob."""
    add_member(ours, charlie)
    prompt = todays_prompt(ours)
    answer_as(ours.memberships.get(user=alice), prompt)
    answer_as(ours.memberships.get(user=charlie), prompt)
    return prompt


def place(relationship, person):
    return relationship.memberships.get(user=person, left_at__isnull=True)


def nudges_off(member):
    question_reminder_set(
        member=member,
        at=dt.time(19),
        days=frozenset(range(7)),
        to_devices=True,
        by_email=False,
        nudges_welcome=False,
    )


def nudge_url(prompt):
    return reverse("reminders:nudge", args=[prompt.relationship_id, prompt.pk])


def api_nudge(client, prompt, member_id):
    url = f"/api/relationships/{prompt.relationship_id}/prompts/{prompt.pk}/nudges"
    return client.post(url, json.dumps({"member_id": member_id}), content_type="application/json")


# --- through the page ------------------------------------------------------------------------


def test_a_member_who_answered_can_remind_one_who_has_not_from_the_question_page(
    client, ours, alice, bob, waiting
):
    client.force_login(alice)
    page = client.get(waiting.get_absolute_url()).content.decode()
    assert "Remind Bob" in page
    assert "Remind Charlie" not in page, "charlie has answered"

    sent = client.post(nudge_url(waiting), {"member": place(ours, bob).pk}, follow=True)
    assert "Sent. Bob will find a gentle reminder from you." in sent.content.decode()
    told = Notification.objects.get(recipient=bob, kind=Notification.Kind.NUDGE)
    assert told.url == waiting.get_absolute_url() and told.actor == place(ours, alice)
    assert headline(told) == "Alice would love to hear your answer, when you have a moment."
    assert "Remind Bob" not in sent.content.decode()
    assert "Bob has had a gentle reminder." in sent.content.decode()


def test_a_second_nudge_from_anyone_is_refused_kindly_on_the_page(
    client, ours, alice, bob, charlie, waiting
):
    nudge_send(member=place(ours, alice), prompt=waiting, to_member_id=place(ours, bob).pk)
    client.force_login(charlie)
    again = client.post(nudge_url(waiting), {"member": place(ours, bob).pk}, follow=True)
    assert ALREADY in again.content.decode()
    assert Nudge.objects.count() == 1
    assert Notification.objects.filter(kind=Notification.Kind.NUDGE).count() == 1


def test_the_button_is_shown_only_to_members_who_answered_and_only_for_who_welcomes_it(
    client, ours, alice, bob, charlie, waiting
):
    client.force_login(bob)
    page = client.get(waiting.get_absolute_url()).content.decode()
    assert "Remind Alice" not in page and "Remind Charlie" not in page
    nudges_off(place(ours, bob))
    client.force_login(alice)
    assert "Remind Bob" not in client.get(waiting.get_absolute_url()).content.decode()


def test_the_polled_status_carries_the_buttons_too(client, ours, alice, bob, waiting):
    client.force_login(alice)
    url = reverse("questions:status", args=[ours.pk, waiting.pk])
    status = client.get(f"{url}?answered=0", HTTP_HX_REQUEST="true").content.decode()
    assert "Remind Bob" in status


# --- through the API -------------------------------------------------------------------------


def test_the_api_sends_one_nudge_and_refuses_a_second_in_the_same_words(
    client, ours, alice, bob, charlie, waiting
):
    client.force_login(alice)
    sent = api_nudge(client, waiting, place(ours, bob).pk)
    assert sent.status_code == 201
    assert sent.json()["display_name"] == "Bob"
    client.force_login(charlie)
    again = api_nudge(client, waiting, place(ours, bob).pk)
    assert (again.status_code, again.json()) == (400, {"detail": ALREADY})
    assert Nudge.objects.count() == 1


@pytest.mark.parametrize(
    ("situation", "refusal"),
    [
        ("to oneself", "Choose someone else in this relationship to remind."),
        ("to someone who answered", "Charlie has already answered."),
        ("by someone who hasn't answered", "Answer it yourself first"),
        ("to someone who turned nudges off", "Bob would rather answer in their own time."),
        ("to a former member", "Choose someone else in this relationship to remind."),
        ("to a member elsewhere", "Choose someone else in this relationship to remind."),
        ("on a revealed prompt", "Everyone's answers are already open here."),
        ("on a skipped prompt", "This question was skipped"),
    ],
)
def test_the_api_refuses_what_the_rule_does_not_allow(
    client, ours, theirs, alice, bob, charlie, waiting, situation, refusal
):
    sender, to = place(ours, alice), place(ours, bob)
    if situation == "to oneself":
        to = sender
    elif situation == "to someone who answered":
        to = place(ours, charlie)
    elif situation == "by someone who hasn't answered":
        dana = UserFactory.create(display_name="Dana")
        add_member(ours, dana)
        sender = place(ours, dana)
    elif situation == "to someone who turned nudges off":
        nudges_off(to)
    elif situation == "to a former member":
        add_member(ours, UserFactory.create(display_name="Dana"))  # so the prompt still waits
        relationships.member_leave(member=to)
    elif situation == "to a member elsewhere":
        to = theirs.memberships.first()
    elif situation == "on a revealed prompt":
        answer_as(to, waiting)
    elif situation == "on a skipped prompt":
        prompt_skip(member=sender, prompt=waiting)
    client.force_login(sender.user)
    refused = api_nudge(client, waiting, to.pk)
    assert refused.status_code == 400
    assert refused.json()["detail"].startswith(refusal)
    assert not Nudge.objects.exists()
    assert not Notification.objects.filter(kind=Notification.Kind.NUDGE).exists()


def test_a_former_member_cannot_nudge_at_all(client, ours, alice, bob, waiting):
    relationships.member_leave(member=place(ours, alice))
    client.force_login(alice)
    assert api_nudge(client, waiting, place(ours, bob).pk).status_code == 404
    assert client.post(nudge_url(waiting), {"member": place(ours, bob).pk}).status_code == 404
    assert not Nudge.objects.exists()


def test_the_nudge_reaches_the_channels_they_chose_for_their_reminders(
    ours, alice, bob, waiting, channels, django_capture_on_commit_callbacks
):
    from hearth.reminders.tests.conftest import without_quiet_hours
    from hearth.tests.tasks import run_ready_tasks

    without_quiet_hours(bob)
    question_reminder_set(
        member=place(ours, bob),
        at=None,
        days=frozenset(),
        to_devices=False,
        by_email=True,
        nudges_welcome=True,
    )
    with django_capture_on_commit_callbacks(execute=True):
        nudge_send(member=place(ours, alice), prompt=waiting, to_member_id=place(ours, bob).pk)
    assert run_ready_tasks() == ["delivered"]
    assert channels.names() == {"email"}


def test_the_rule_lives_in_the_service(ours, alice, bob, waiting):
    nudge_send(member=place(ours, alice), prompt=waiting, to_member_id=place(ours, bob).pk)
    with pytest.raises(ReminderError, match="already had a gentle reminder"):
        nudge_send(member=place(ours, alice), prompt=waiting, to_member_id=place(ours, bob).pk)
