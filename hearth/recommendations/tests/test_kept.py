"""What to do next is worked out once for a member's day and kept, and worked out again as soon
as anything it is worked out from changes: a reflection, a check-in, a profile shared, a
boundary, a lesson read, a deck started, someone joining or leaving, consent, the phase; or the
day, or the language."""

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from hearth.accounts.models import User
from hearth.assessments.models import Assessment
from hearth.assessments.services import assessment_share
from hearth.checkins.services import RelationshipDay, checkin_save, person_today
from hearth.lessons.services import lesson_read
from hearth.practices.library import CATEGORIES, by_key, library
from hearth.practices.models import Plan
from hearth.practices.services import plan_make, reflection_save
from hearth.questions.selection import relationship_today
from hearth.questions.services import boundaries_set, content_preferences_set, sitting_start
from hearth.recommendations.kept import kept_recommendations, version_key
from hearth.recommendations.selectors import recommendations_for, recommendations_worked_out
from hearth.relationships.models import Member, Relationship
from hearth.relationships.services import member_leave, relationship_update
from hearth.relationships.tests.factories import add_member

pytestmark = pytest.mark.django_db


def place(relationship: Relationship, user: User) -> Member:
    return Member.objects.select_related("relationship", "user").get(
        relationship=relationship, user=user
    )


def a_practice(relationship: Relationship, category: str = "gratitude") -> str:
    return next(
        p.key
        for p in library()
        if p.category == category and p.fits(relationship.kind, relationship.phase)
    )


def is_kept(member: Member) -> bool:
    return kept_recommendations(member, relationship_today(member.relationship))[1] is not None


def test_the_day_s_recommendations_are_read_back_in_one_query(ours, alice):
    alices_place = place(ours, alice)
    first = recommendations_for(alices_place)
    with CaptureQueriesContext(connection) as queries:
        again = recommendations_for(alices_place)
    assert again == first
    assert len(queries) == 1


def a_reflection(ours: Relationship, alice: User, bob: User) -> None:
    reflection_save(member=place(ours, bob), practice_key=a_practice(ours), closeness=7)


def a_plan_s_reflection_changed(ours: Relationship, alice: User, bob: User) -> None:
    """A plan's reflection is replaced in place: the same row, another closeness."""
    plan = Plan.objects.get(relationship=ours)
    reflection_save(member=place(ours, bob), plan=plan, closeness=2, shared=True)


def a_check_in(ours: Relationship, alice: User, bob: User) -> None:
    checkin_save(
        user=alice,
        day=person_today(alice),
        mood=3,
        stress=2,
        relationships=[RelationshipDay(relationship_id=ours.pk, closeness=2, affection=True)],
    )


def a_profile_shared(ours: Relationship, alice: User, bob: User) -> None:
    taken = Assessment.objects.get(member__user=bob)
    assessment_share(member=place(ours, bob), assessment_id=taken.pk, shared=True)


def a_boundary(ours: Relationship, alice: User, bob: User) -> None:
    boundaries_set(user=bob, categories={"gratitude"})


def a_lesson_read(ours: Relationship, alice: User, bob: User) -> None:
    lesson = next(r for r in recommendations_for(place(ours, alice)) if r.kind == "lesson")
    lesson_read(user=alice, key=lesson.key)


def a_deck_started(ours: Relationship, alice: User, bob: User) -> None:
    deck = next(r for r in recommendations_for(place(ours, alice)) if r.kind == "deck")
    sitting_start(member=place(ours, bob), deck_key=deck.key)


def someone_joining(ours: Relationship, alice: User, bob: User) -> None:
    add_member(ours, User.objects.create_user(email="dana@example.com", password=None))


def someone_leaving(ours: Relationship, alice: User, bob: User) -> None:
    member_leave(member=place(ours, bob))


def consent_given(ours: Relationship, alice: User, bob: User) -> None:
    content_preferences_set(member=place(ours, bob), sexual_content_consent=True, depth_cap=2)


def the_phase(ours: Relationship, alice: User, bob: User) -> None:
    relationship_update(
        member=place(ours, alice), name=ours.name, phase="long_term", time_zone=ours.time_zone
    )


@pytest.mark.parametrize(
    "change",
    [
        a_reflection,
        a_plan_s_reflection_changed,
        a_check_in,
        a_profile_shared,
        a_boundary,
        a_lesson_read,
        a_deck_started,
        someone_joining,
        someone_leaving,
        consent_given,
        the_phase,
    ],
)
def test_any_change_they_are_worked_out_from_has_them_worked_out_again(
    ours: Relationship,
    alice: User,
    bob: User,
    change: Callable[[Relationship, User, User], None],
) -> None:
    plan = plan_make(
        member=place(ours, bob),
        practice_key=a_practice(ours),
        starts_at=timezone.now() + timedelta(minutes=5),
    )
    reflection_save(member=place(ours, bob), plan=plan, closeness=6)
    Assessment.objects.create(
        member=place(ours, bob), answers={}, scores={"trust": 20, "communication": 80}
    )
    recommendations_for(place(ours, alice))
    assert is_kept(place(ours, alice))

    change(ours, alice, bob)

    alices_place = place(ours, alice)
    assert not is_kept(alices_place)
    now = recommendations_for(alices_place)
    assert now == recommendations_worked_out(alices_place, relationship_today(ours))
    assert is_kept(alices_place)


def test_a_boundary_set_after_they_were_kept_takes_its_practices_out(ours, alice, bob):
    first = next(r for r in recommendations_for(place(ours, alice)) if r.kind == "practice")
    category = by_key()[first.key].category
    boundaries_set(user=bob, categories={CATEGORIES[category]})
    after = recommendations_for(place(ours, alice))
    assert all(by_key()[r.key].category != category for r in after if r.kind == "practice")


def test_reading_the_suggested_lesson_brings_another(ours, alice):
    alices_place = place(ours, alice)
    lesson = next(r for r in recommendations_for(alices_place) if r.kind == "lesson")
    lesson_read(user=alice, key=lesson.key)
    after = [r.key for r in recommendations_for(place(ours, alice)) if r.kind == "lesson"]
    assert lesson.key not in after


def test_a_new_day_and_another_language_are_worked_out_for_themselves(ours, alice):
    alices_place = place(ours, alice)
    today = relationship_today(ours)
    english = recommendations_for(alices_place, today)
    with translation.override("es"):
        assert kept_recommendations(alices_place, today)[1] is None
        spanish = recommendations_for(alices_place, today)
    assert [r.reason for r in spanish] != [r.reason for r in english]
    assert kept_recommendations(alices_place, today + timedelta(days=1))[1] is None
    assert recommendations_for(alices_place, today + timedelta(days=1)) == (
        recommendations_worked_out(alices_place, today + timedelta(days=1))
    )


def test_nothing_kept_is_trusted_once_the_cache_has_lost_the_version(ours, alice, bob):
    alices_place = place(ours, alice)
    recommendations_for(alices_place)
    cache.delete(version_key(ours.pk))
    assert not is_kept(alices_place)
    # A change made while the version was missing still shows on the next read.
    boundaries_set(user=bob, categories={"gratitude"})
    after = recommendations_for(place(ours, alice))
    assert after == recommendations_worked_out(place(ours, alice), relationship_today(ours))


def test_what_is_kept_for_one_member_is_never_read_for_another(ours, alice, bob):
    alices = recommendations_for(place(ours, alice))
    bobs_place = place(ours, bob)
    assert not is_kept(bobs_place)
    assert recommendations_for(bobs_place) == recommendations_worked_out(
        bobs_place, relationship_today(ours)
    )
    assert recommendations_for(place(ours, alice)) == alices
