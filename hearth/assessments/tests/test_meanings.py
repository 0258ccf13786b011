"""Scores explained in plain words, with a question deck or a practice to try where a scale
scored lower, and where people see things alike or differently."""

import html

import pytest
from django.urls import reverse

from hearth.accounts.tests.factories import UserFactory
from hearth.assessments.selectors import profile_meanings, side_by_side
from hearth.assessments.services import assessment_take, instrument_for
from hearth.assessments.tests.takings import all_answers, keyed_to
from hearth.practices.selectors import practices_for
from hearth.questions.services import decks_for
from hearth.relationships.tests.factories import add_member

pytestmark = pytest.mark.django_db


def mixed_profile(member, **levels: int):
    """Every scale at a steady 5 (67 of 100) unless a keyed level is given for it."""
    answers = all_answers(member, 5)
    for q in instrument_for(member).questions:
        if q.reverse:
            answers[q.key] = 3
    for scale, level in levels.items():
        answers |= keyed_to(member, scale, level)
    return assessment_take(member=member, answers=answers, shared=True)


def meanings_of(member):
    return {
        m.key: m
        for m in profile_meanings(member, member.assessments.first(), instrument_for(member))
    }


def test_each_score_comes_with_its_band_and_what_it_means(ours, alice):
    place = ours.memberships.get(user=alice)
    mixed_profile(place, trust=7, communication=2)
    meanings = meanings_of(place)
    trust, talk, fun = meanings["trust"], meanings["communication"], meanings["recreational"]
    assert (trust.score, trust.band_words) == (100.0, "a real strength for you")
    assert trust.meaning.startswith("You feel safe relying on each other")
    assert (talk.score, talk.band_words) == (pytest.approx(16.7), "room to grow")
    assert talk.meaning.startswith("Talking things through feels hard right now.")
    assert (fun.score, fun.band_words) == (pytest.approx(66.7), "steady")


def test_each_scale_with_room_to_grow_suggests_something_this_relationship_may_do(ours, alice):
    place = ours.memberships.get(user=alice)
    mixed_profile(place, communication=2, feeling_valued=1, physical_affection=2, trust=7)
    meanings = meanings_of(place)
    practices = {p.key: p for p in practices_for(ours)}
    decks = {d.key: d for d in decks_for(ours)}
    suggested = {k: m.suggestion for k, m in meanings.items() if m.suggestion}
    assert set(suggested) == {"communication", "feeling_valued", "physical_affection"}
    for scale, suggestion in suggested.items():
        if suggestion.kind == "practice":
            assert scale in practices[suggestion.key].dimensions
        else:
            assert scale in decks[suggestion.key].dimensions
    assert len({(s.kind, s.key) for s in suggested.values()}) == 3, "a different one for each"


def test_with_nothing_low_the_lowest_steady_scale_still_gets_something_to_try(ours, alice):
    place = ours.memberships.get(user=alice)
    mixed_profile(place, emotional=7, intellectual=4)
    suggested = [k for k, m in meanings_of(place).items() if m.suggestion]
    assert suggested == ["intellectual"]


def test_strengths_alone_suggest_nothing(ours, alice):
    place = ours.memberships.get(user=alice)
    assessment_take(
        member=place,
        answers={
            k: v for s in instrument_for(place).scales for k, v in keyed_to(place, s.key, 7).items()
        },
    )
    assert [m.suggestion for m in meanings_of(place).values()] == [None] * 9


def test_a_friendship_is_only_offered_practices_and_decks_made_for_friends(theirs, charlie):
    place = theirs.memberships.get(user=charlie)
    levels = {s.key: 2 for s in instrument_for(place).scales}
    mixed_profile(place, **levels)
    allowed = {("practice", p.key) for p in practices_for(theirs)} | {
        ("deck", d.key) for d in decks_for(theirs)
    }
    suggested = [m.suggestion for m in meanings_of(place).values() if m.suggestion]
    assert suggested, "something to try for the low scales"
    assert {(s.kind, s.key) for s in suggested} <= allowed


def test_the_profile_page_explains_each_score_and_links_what_to_try(client, ours, alice):
    place = ours.memberships.get(user=alice)
    mixed_profile(place, communication=2, trust=7)
    client.force_login(alice)
    page = html.unescape(
        client.get(reverse("assessments:profile", args=[ours.pk])).content.decode()
    )
    assert '<strong>100</strong> of 100: <span class="band">a real strength for you</span>' in page
    assert '<strong>17</strong> of 100: <span class="band">room to grow</span>' in page
    assert "Talking things through feels hard right now." in page
    talk = meanings_of(place)["communication"].suggestion
    assert f'Something to try: <a href="{talk.url}">{talk.title}</a>' in page


def test_side_by_side_says_in_plain_words_where_people_agree_and_differ(ours, alice, bob):
    a, b = ours.memberships.get(user=alice), ours.memberships.get(user=bob)
    mixed_profile(a, trust=7, communication=6, recreational=2)
    mixed_profile(b, trust=7, communication=2, recreational=2)
    titles = {s.key: s.title for s in instrument_for(a).scales}
    together = {row.key: row.together for row in side_by_side(a, titles).rows}
    assert together["trust"] == "You and Bob see this alike: a shared strength."
    assert together["recreational"] == "You and Bob see this alike: room to grow, together."
    assert together["emotional"] == "You and Bob see this alike."
    assert together["communication"].startswith("You and Bob see this differently.")
    assert {row.key: row.cells for row in side_by_side(b, titles).rows}["trust"] == [
        ("Alice", 100.0),
        ("You", 100.0),
    ]


def test_in_a_group_everyone_is_named_and_one_apart_is_enough_to_differ(ours, alice, bob):
    carol = UserFactory.create(display_name="Carol")
    add_member(ours, carol)
    places = [ours.memberships.get(user=u) for u in (alice, bob, carol)]
    for place, level in zip(places, (6, 6, 2), strict=True):
        mixed_profile(place, trust=level)
    titles = {s.key: s.title for s in instrument_for(places[0]).scales}
    together = {row.key: row.together for row in side_by_side(places[0], titles).rows}
    assert together["trust"].startswith("You, Bob and Carol see this differently.")
    assert together["emotional"] == "You, Bob and Carol see this alike."


def test_the_api_explains_each_score_and_where_people_agree(client, ours, alice, bob):
    mixed_profile(ours.memberships.get(user=alice), communication=2)
    mixed_profile(ours.memberships.get(user=bob), communication=7)
    client.force_login(alice)
    body = client.get(f"/api/relationships/{ours.pk}/profiles").json()
    talk = next(m for m in body["meanings"] if m["key"] == "communication")
    assert talk["band"] == "grow" and talk["band_words"] == "room to grow"
    assert talk["meaning"].startswith("Talking things through feels hard")
    assert talk["suggestion"]["kind"] in ("deck", "practice")
    assert body["together"]["communication"].startswith("You and Bob see this differently.")
