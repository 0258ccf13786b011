"""People hear what waits for them: in the app at once, never with anyone's words in it."""

import pytest
from django.urls import reverse

from hearth.checkins.services import RelationshipDay, checkin_save, person_today
from hearth.notifications.models import Notification
from hearth.notifications.selectors import headline
from hearth.questions import services
from hearth.questions.tests.factories import answer_as, todays_prompt
from hearth.questions.tests.test_api import Caller
from hearth.relationships import services as relationship_services
from hearth.relationships.tests.factories import add_member

pytestmark = pytest.mark.django_db

Kind = Notification.Kind


def waiting_for(user) -> list[tuple[str, str]]:
    return [
        (n.kind, headline(n))
        for n in Notification.objects.filter(recipient=user, read_at__isnull=True)
    ]


def test_when_someone_answers_the_others_hear_it_is_their_turn(client, ours, alice, bob):
    prompt = todays_prompt(ours)
    answer_as(ours.memberships.get(user=alice), prompt, "secret-words-4410")
    assert waiting_for(bob) == [
        (Kind.YOUR_TURN, "Alice answered. Your turn, whenever you're ready.")
    ]
    assert waiting_for(alice) == []

    client.force_login(bob)
    page = client.get(reverse("relationships:list")).content.decode()
    assert 'aria-label="Notifications, 1 new"' in page
    listed = client.get(reverse("notifications:list")).content.decode()
    assert "Alice answered. Your turn" in listed
    assert prompt.get_absolute_url() in listed
    assert "secret-words-4410" not in listed
    assert waiting_for(bob) == [], "what the list showed counts as seen"


def test_opening_the_question_counts_as_seeing_it(client, ours, alice, bob):
    prompt = todays_prompt(ours)
    answer_as(ours.memberships.get(user=alice), prompt)
    client.force_login(bob)
    page = client.get(prompt.get_absolute_url()).content.decode()
    assert waiting_for(bob) == []
    assert "Notifications, 1 new" not in page


def test_an_edit_or_a_second_answer_does_not_repeat_it(ours, alice, bob, charlie):
    add_member(ours, charlie)
    prompt = todays_prompt(ours)
    answer_as(ours.memberships.get(user=alice), prompt, "first")
    answer_as(ours.memberships.get(user=alice), prompt, "edited")
    answer_as(ours.memberships.get(user=bob), prompt, "bob too")
    assert Notification.objects.filter(recipient=charlie).count() == 1
    assert headline(Notification.objects.get(recipient=charlie)).startswith("Bob answered")


def test_when_answers_open_those_who_answered_hear_it_but_not_the_one_who_opened_them(
    ours, alice, bob
):
    prompt = todays_prompt(ours)
    answer_as(ours.memberships.get(user=alice), prompt)
    answer_as(ours.memberships.get(user=bob), prompt)
    assert waiting_for(alice) == [(Kind.REVEALED, "Answers are open: see what everyone shared.")]
    assert waiting_for(bob) == [], "bob opened them, and his turn is done"


def test_a_response_tells_the_person_who_shared_and_a_rating_tells_nobody(ours, alice, bob):
    a, b = ours.memberships.get(user=alice), ours.memberships.get(user=bob)
    prompt = todays_prompt(ours)
    alices = answer_as(a, prompt)
    bobs = answer_as(b, prompt)
    Notification.objects.update(read_at="2026-01-01T00:00:00Z")
    services.reaction_toggle(member=b, answer=alices, kind="thanks")
    services.reply_add(member=b, answer=alices, text="reply-words-8812")
    assert waiting_for(alice) == [(Kind.RESPONSE, "Bob responded to what you shared.")]
    services.felt_understood_rate(member=b, answer=bobs, rating=7)
    assert waiting_for(alice) == [(Kind.RESPONSE, "Bob responded to what you shared.")]
    assert waiting_for(bob) == []


def test_a_response_after_the_first_was_seen_comes_back_as_new(ours, alice, bob):
    a, b = ours.memberships.get(user=alice), ours.memberships.get(user=bob)
    prompt = todays_prompt(ours)
    alices = answer_as(a, prompt)
    answer_as(b, prompt)
    services.reply_add(member=b, answer=alices, text="one")
    Notification.objects.filter(recipient=alice).update(read_at="2026-01-01T00:00:00Z")
    services.reply_add(member=b, answer=alices, text="two")
    assert waiting_for(alice) == [(Kind.RESPONSE, "Bob responded to what you shared.")]


def test_someone_joining_is_announced_to_the_others(ours, alice, bob, charlie):
    invitation = relationship_services.invitation_create(member=ours.memberships.get(user=alice))
    relationship_services.invitation_accept(user=charlie, invitation=invitation)
    assert waiting_for(alice) == [(Kind.JOINED, f"Charlie joined {ours.name}.")]
    assert waiting_for(bob) == [(Kind.JOINED, f"Charlie joined {ours.name}.")]
    assert waiting_for(charlie) == []


def test_support_reaches_only_the_relationships_the_person_chose(ours, theirs, alice, bob):
    friends_of_alice = theirs
    add_member(friends_of_alice, alice)
    checkin_save(
        user=alice,
        day=person_today(alice),
        mood=2,
        stress=4,
        support_wanted=True,
        relationships=[
            RelationshipDay(relationship_id=ours.pk, closeness=4, share_support=True),
            RelationshipDay(relationship_id=friends_of_alice.pk, closeness=4),
        ],
    )
    assert waiting_for(bob) == [(Kind.SUPPORT, "Alice could use some support today.")]
    outsiders = friends_of_alice.memberships.exclude(user=alice)
    assert not Notification.objects.filter(recipient__memberships__in=outsiders).exists()


def test_a_deleted_account_is_named_as_nobody(ours, alice, bob):
    prompt = todays_prompt(ours)
    answer_as(ours.memberships.get(user=alice), prompt)
    from hearth.privacy.deletion import account_delete

    account_delete(user=alice)
    (notification,) = Notification.objects.filter(recipient=bob, kind=Kind.YOUR_TURN)
    assert headline(notification).startswith("A former member answered")


def test_the_api_lists_and_marks_notifications_read(client, ours, alice, bob):
    answer_as(ours.memberships.get(user=alice), todays_prompt(ours), "secret-words-5521")
    as_bob = Caller(client, bob)
    listed = as_bob.call("GET", "/api/notifications").json()
    assert listed["unread"] == 1
    (item,) = listed["notifications"]
    assert (item["kind"], item["read"]) == ("your_turn", False)
    assert "secret-words-5521" not in str(listed)
    read = as_bob.call("POST", "/api/notifications/read", {"ids": [item["id"]]}).json()
    assert read["unread"] == 0 and read["notifications"][0]["read"] is True
    assert Caller(client, alice).call("GET", "/api/notifications").json()["notifications"] == []


def test_answering_through_the_api_settles_ones_own_turn(client, ours, alice, bob):
    prompt = todays_prompt(ours)
    answer_as(ours.memberships.get(user=alice), prompt)
    assert [kind for kind, _ in waiting_for(bob)] == [Kind.YOUR_TURN]
    body = {"text": "mine", "choice": 0 if prompt.question.choices else None}
    url = f"/api/relationships/{ours.pk}/prompts/{prompt.pk}/answer"
    Caller(client, bob).call("PUT", url, body)
    assert waiting_for(bob) == []
