from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from hearth.checkins.models import CheckIn, RelationshipCheckIn
from hearth.checkins.services import CheckInError, RelationshipDay, checkin_save, person_today

pytestmark = pytest.mark.django_db


def form_for(member_id: int, **extra: str) -> dict[str, str]:
    return {
        "mood": "4",
        "stress": "2",
        f"r{member_id}-closeness": "6",
        f"r{member_id}-felt_understood": "5",
        f"r{member_id}-affection": "on",
        **extra,
    }


def test_checking_in_on_one_screen_for_every_relationship(client, ours, theirs, alice):
    from hearth.relationships.tests.factories import RelationshipFactory, add_member

    friends = RelationshipFactory.create(kind="friendship")
    second = add_member(friends, alice)
    first = ours.memberships.get(user=alice)
    client.force_login(alice)
    page = client.get(reverse("checkins:checkin")).content.decode()
    assert ours.name.replace("&", "&amp;") in page and friends.name in page
    today = person_today(alice).isoformat()
    form = {**form_for(first.pk, day=today), f"r{second.pk}-closeness": "3", "sleep_hours": "7.5"}
    response = client.post(reverse("checkins:checkin"), form)
    assert response.status_code == 302
    checkin = CheckIn.objects.get(user=alice)
    assert (checkin.mood, checkin.stress, checkin.sleep_hours) == (4, 2, Decimal("7.5"))
    assert dict(checkin.relationships.values_list("member_id", "closeness")) == {
        first.pk: 6,
        second.pk: 3,
    }


def test_checking_in_again_the_same_day_replaces_it(ours, alice):
    member = ours.memberships.get(user=alice)
    today = person_today(alice)
    for closeness in (2, 5):
        checkin_save(
            user=alice,
            day=today,
            mood=3,
            stress=3,
            relationships=[RelationshipDay(member_id=member.pk, closeness=closeness)],
        )
    assert CheckIn.objects.count() == 1
    assert RelationshipCheckIn.objects.get().closeness == 5


def test_yesterday_can_be_caught_up_but_not_older_days(ours, alice):
    member = ours.memberships.get(user=alice)
    today = person_today(alice)
    entry = [RelationshipDay(member_id=member.pk, closeness=4)]
    checkin_save(user=alice, day=today - timedelta(days=1), mood=3, stress=3, relationships=entry)
    with pytest.raises(CheckInError, match="yesterday"):
        checkin_save(
            user=alice, day=today - timedelta(days=2), mood=3, stress=3, relationships=entry
        )
    assert CheckIn.objects.count() == 1


def test_nobody_checks_in_for_a_relationship_they_are_not_in(theirs, alice):
    stranger_member = theirs.memberships.first()
    with pytest.raises(CheckInError, match="your own relationships"):
        checkin_save(
            user=alice,
            day=person_today(alice),
            mood=3,
            stress=3,
            relationships=[RelationshipDay(member_id=stranger_member.pk, closeness=4)],
        )
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize(
    "bad", [{"mood": "9"}, {"systolic": "120"}, {"sleep_hours": "30"}, {"day": "1999-01-01"}]
)
def test_bad_check_ins_are_explained_and_save_nothing(client, ours, alice, bad):
    member = ours.memberships.get(user=alice)
    client.force_login(alice)
    form = {**form_for(member.pk, day=person_today(alice).isoformat()), **bad}
    response = client.post(reverse("checkins:checkin"), form)
    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    assert not CheckIn.objects.exists()


def test_a_shared_support_signal_shows_to_the_others_only_when_chosen(client, ours, alice, bob):
    member = ours.memberships.get(user=alice)
    checkin_save(
        user=alice,
        day=person_today(alice),
        mood=2,
        stress=4,
        support_wanted=True,
        relationships=[RelationshipDay(member_id=member.pk, closeness=4, share_support=True)],
    )
    client.force_login(bob)
    page = client.get(reverse("insights:dashboard", args=[ours.pk])).content.decode()
    assert "Alice could use some support today" in page
    home = client.get("/", follow=True).content.decode()
    assert "Alice could use some support today" in home

    checkin_save(
        user=alice,
        day=person_today(alice),
        mood=2,
        stress=4,
        support_wanted=True,
        relationships=[RelationshipDay(member_id=member.pk, closeness=4, share_support=False)],
    )
    page = client.get(reverse("insights:dashboard", args=[ours.pk])).content.decode()
    assert "could use some support" not in page


def test_a_private_note_is_never_shown_to_others(client, ours, alice, bob):
    member = ours.memberships.get(user=alice)
    checkin_save(
        user=alice,
        day=person_today(alice),
        mood=3,
        stress=3,
        note="note-only-for-me-5521",
        relationships=[RelationshipDay(member_id=member.pk, closeness=4)],
    )
    client.force_login(bob)
    for url in (
        reverse("insights:dashboard", args=[ours.pk]),
        reverse("questions:today", args=[ours.pk]),
    ):
        assert "note-only-for-me-5521" not in client.get(url).content.decode()
