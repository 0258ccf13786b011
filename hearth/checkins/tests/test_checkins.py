import html
import json
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django import forms
from django.urls import reverse

from hearth.checkins.forms import CheckInForm
from hearth.checkins.models import CheckIn, RelationshipCheckIn
from hearth.checkins.services import (
    MAX_NOTE_LENGTH,
    CheckInError,
    RelationshipDay,
    checkin_save,
    person_today,
)
from hearth.relationships.tests.factories import add_member

pytestmark = pytest.mark.django_db


def shown(response) -> str:
    return html.unescape(response.content.decode())


def error_on(page: str, field: str) -> str:
    """The words of the message a form shows on one field ('' when there is none)."""
    found = re.search(rf'<ul class="errorlist" id="id_{re.escape(field)}_error">(.*?)</ul>', page)
    return re.sub(r"<[^>]+>", "", found.group(1)) if found else ""


def put(client, url: str, body: dict):
    return client.put(url, json.dumps(body), content_type="application/json")


def api_body(relationship) -> dict:
    return {
        "mood": 3,
        "stress": 3,
        "relationships": [{"relationship_id": relationship.pk, "closeness": 4}],
    }


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
    today = person_today(alice)
    for closeness in (2, 5):
        checkin_save(
            user=alice,
            day=today,
            mood=3,
            stress=3,
            relationships=[RelationshipDay(relationship_id=ours.pk, closeness=closeness)],
        )
    assert CheckIn.objects.count() == 1
    assert RelationshipCheckIn.objects.get().closeness == 5


def test_yesterday_can_be_caught_up_but_not_older_days(ours, alice):
    today = person_today(alice)
    entry = [RelationshipDay(relationship_id=ours.pk, closeness=4)]
    checkin_save(user=alice, day=today - timedelta(days=1), mood=3, stress=3, relationships=entry)
    with pytest.raises(CheckInError, match="yesterday"):
        checkin_save(
            user=alice, day=today - timedelta(days=2), mood=3, stress=3, relationships=entry
        )
    assert CheckIn.objects.count() == 1


def test_nobody_checks_in_for_a_relationship_they_are_not_in(theirs, alice):
    with pytest.raises(CheckInError, match="your own relationships"):
        checkin_save(
            user=alice,
            day=person_today(alice),
            mood=3,
            stress=3,
            relationships=[RelationshipDay(relationship_id=theirs.pk, closeness=4)],
        )
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize(
    ("bad", "field"),
    [
        ({"mood": "9"}, "mood"),
        ({"systolic": "120"}, "diastolic"),
        ({"sleep_hours": "30"}, "sleep_hours"),
        ({"day": "1999-01-01"}, "day"),
        ({"note": "a note with a \x00 in it"}, "note"),
    ],
)
def test_bad_check_ins_are_explained_on_the_field_at_fault_and_save_nothing(
    client, ours, alice, bad, field
):
    member = ours.memberships.get(user=alice)
    client.force_login(alice)
    form = {**form_for(member.pk, day=person_today(alice).isoformat()), **bad}
    response = client.post(reverse("checkins:checkin"), form)
    assert response.status_code == 200
    assert error_on(shown(response), field)
    assert not CheckIn.objects.exists()


def test_blood_pressure_needs_both_numbers_or_neither_on_the_page_and_in_the_api(
    client, ours, alice
):
    """GIVEN a check-in with only the upper blood pressure number, THEN the page says so on the
    missing number, keeping what was typed, and the API refuses in the same words."""
    member = ours.memberships.get(user=alice)
    refused = "Give both blood pressure numbers, or neither."
    client.force_login(alice)
    form = {**form_for(member.pk, day=person_today(alice).isoformat()), "systolic": "131"}
    page = shown(client.post(reverse("checkins:checkin"), form))
    assert error_on(page, "diastolic") == refused
    assert 'name="systolic" value="131"' in page
    through_api = put(
        client,
        f"/api/checkins/{person_today(alice).isoformat()}",
        {**api_body(ours), "systolic": 131},
    )
    assert through_api.status_code == 400
    assert through_api.json()["detail"] == refused
    assert not CheckIn.objects.exists()


def test_an_implausible_blood_pressure_is_refused_on_the_page_and_in_the_api(client, ours, alice):
    """GIVEN a lower number above the upper one (swapped by mistake), THEN the page and the API
    give the same refusal and nothing is saved."""
    member = ours.memberships.get(user=alice)
    refused = "That blood pressure doesn't look right: e.g. 120 over 80."
    client.force_login(alice)
    swapped = {"systolic": "80", "diastolic": "120"}
    form = {**form_for(member.pk, day=person_today(alice).isoformat()), **swapped}
    assert error_on(shown(client.post(reverse("checkins:checkin"), form)), "diastolic") == refused
    through_api = put(
        client,
        f"/api/checkins/{person_today(alice).isoformat()}",
        {**api_body(ours), "systolic": 80, "diastolic": 120},
    )
    assert through_api.status_code == 400
    assert through_api.json()["detail"] == refused
    assert not CheckIn.objects.exists()


def test_a_check_in_speaks_only_for_your_own_relationships_on_the_page_and_in_the_api(
    client, ours, theirs, alice, charlie
):
    """GIVEN Alice in one relationship, WHEN she checks in for one she isn't in, THEN the API
    refuses and saves nothing, and the page, which offers only her own, keeps nothing for it."""
    client.force_login(alice)
    today = person_today(alice).isoformat()
    through_api = put(client, f"/api/checkins/{today}", api_body(theirs))
    assert through_api.status_code == 400
    assert through_api.json()["detail"] == "You can only check in for your own relationships."
    assert not CheckIn.objects.exists()

    member = ours.memberships.get(user=alice)
    someone_elses = theirs.memberships.get(user=charlie)
    form = {**form_for(member.pk, day=today), f"r{someone_elses.pk}-closeness": "7"}
    assert client.post(reverse("checkins:checkin"), form).status_code == 302
    assert list(RelationshipCheckIn.objects.values_list("member", flat=True)) == [member.pk]


def test_a_note_never_keeps_a_nul_character_whoever_sends_it(client, ours, alice):
    with pytest.raises(CheckInError, match="a character we can't keep") as refusal:
        checkin_save(
            user=alice,
            day=person_today(alice),
            mood=3,
            stress=3,
            note="before\x00after",
            relationships=[RelationshipDay(relationship_id=ours.pk, closeness=4)],
        )
    assert set(refusal.value.fields) == {"note"}
    client.force_login(alice)
    through_api = put(
        client,
        f"/api/checkins/{person_today(alice).isoformat()}",
        {**api_body(ours), "note": "before\x00after"},
    )
    assert through_api.status_code == 422
    assert not CheckIn.objects.exists()


def test_the_note_limit_is_the_services_on_the_page_and_in_the_api(client):
    schema = client.get("/api/openapi.json").json()["components"]["schemas"]["CheckInIn"]
    assert schema["properties"]["note"]["maxLength"] == MAX_NOTE_LENGTH
    note = CheckInForm(members=[], days=[]).fields["note"]
    assert isinstance(note, forms.CharField) and note.max_length == MAX_NOTE_LENGTH


def test_a_shared_support_signal_shows_to_the_others_only_when_chosen(client, ours, alice, bob):
    checkin_save(
        user=alice,
        day=person_today(alice),
        mood=2,
        stress=4,
        support_wanted=True,
        relationships=[RelationshipDay(relationship_id=ours.pk, closeness=4, share_support=True)],
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
        relationships=[RelationshipDay(relationship_id=ours.pk, closeness=4, share_support=False)],
    )
    page = client.get(reverse("insights:dashboard", args=[ours.pk])).content.decode()
    assert "could use some support" not in page


def test_a_private_note_is_never_shown_to_others(client, ours, alice, bob):
    checkin_save(
        user=alice,
        day=person_today(alice),
        mood=3,
        stress=3,
        note="note-only-for-me-5521",
        relationships=[RelationshipDay(relationship_id=ours.pk, closeness=4)],
    )
    client.force_login(bob)
    for url in (
        reverse("insights:dashboard", args=[ours.pk]),
        reverse("questions:today", args=[ours.pk]),
    ):
        assert "note-only-for-me-5521" not in client.get(url).content.decode()


def test_a_relationship_left_untouched_is_left_out_of_the_day(client, ours, theirs, alice, charlie):
    place = add_member(theirs, alice)
    first = ours.memberships.get(user=alice)
    client.force_login(alice)
    today = person_today(alice).isoformat()
    response = client.post(reverse("checkins:checkin"), form_for(first.pk, day=today))
    assert response.status_code == 302
    saved = CheckIn.objects.get(user=alice).relationships
    assert list(saved.values_list("member_id", flat=True)) == [first.pk]
    assert not saved.filter(member=place).exists()


def test_half_a_relationship_card_asks_for_its_closeness_and_keeps_the_rest(client, ours, alice):
    first = ours.memberships.get(user=alice)
    client.force_login(alice)
    form = {**form_for(first.pk, day=person_today(alice).isoformat()), "note": "kept-8812"}
    del form[f"r{first.pk}-closeness"]
    text = shown(client.post(reverse("checkins:checkin"), form))
    assert "A few things to look at" in text
    assert "Tap the circles that fit how close you feel to Alice & Bob" in text
    assert "kept-8812" in text
    assert not CheckIn.objects.exists()
