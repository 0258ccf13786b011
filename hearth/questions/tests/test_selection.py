"""Which question a relationship gets each day."""

import random
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hearth.questions import services
from hearth.questions.models import Boundary, Prompt, Question
from hearth.questions.selection import choose_question, relationship_today
from hearth.questions.tests.factories import todays_prompt
from hearth.relationships.tests.factories import RelationshipFactory, add_member

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 24)


def test_the_question_of_the_day_is_stable_all_day(ours):
    first = todays_prompt(ours, TODAY)
    again = todays_prompt(ours, TODAY)
    assert first == again
    assert Prompt.objects.filter(relationship=ours).count() == 1


def test_the_day_is_counted_in_the_relationships_time_zone(ours):
    ours.time_zone = "Pacific/Auckland"
    late_evening_utc = datetime(2026, 11, 24, 20, 0, tzinfo=UTC)
    with mock.patch("django.utils.timezone.now", return_value=late_evening_utc):
        assert relationship_today(ours) == date(2026, 11, 25)
    ours.time_zone = "America/Los_Angeles"
    with mock.patch("django.utils.timezone.now", return_value=late_evening_utc):
        assert relationship_today(ours) == date(2026, 11, 24)


@pytest.mark.parametrize("kind", ["romantic", "friendship", "family", "other"])
def test_questions_fit_the_kind_and_phase(kind, alice):
    relationship = RelationshipFactory.create(kind=kind, phase="reconnecting")
    add_member(relationship, alice)
    for day in range(20):
        question = todays_prompt(relationship, TODAY + timedelta(days=day)).question
        assert kind in question.kinds
        assert not question.phases or "reconnecting" in question.phases
        assert not question.is_sexual


def test_a_boundary_keeps_a_category_out_of_every_relationship_of_that_person(ours, alice):
    Boundary.objects.create(user=alice, category="family_roots")
    Boundary.objects.create(user=alice, category="memories")
    categories = {
        todays_prompt(ours, TODAY + timedelta(days=d)).question.category for d in range(60)
    }
    assert categories.isdisjoint({"family_roots", "memories"})


def test_setting_a_boundary_replaces_todays_question_at_once(ours, alice):
    prompt = todays_prompt(ours, TODAY)
    Boundary.objects.create(user=alice, category=prompt.question.category)
    replacement = todays_prompt(ours, TODAY)
    assert replacement.question.category != prompt.question.category


def test_sexual_questions_need_every_member_of_a_romantic_relationship_to_opt_in(ours):
    members = list(ours.memberships.current())
    sexual = Question.objects.filter(is_sexual=True)
    for m in members[:1]:
        services.content_preferences_set(member=m, sexual_content_consent=True, depth_cap=3)
    fit_one = services.fit_for(ours)
    assert not any(fit_one.allows(q) for q in sexual)

    for m in members:
        services.content_preferences_set(member=m, sexual_content_consent=True, depth_cap=3)
    assert all(services.fit_for(ours).allows(q) for q in sexual if q.fits("romantic", ours.phase))


def test_opting_out_removes_todays_sexual_question_at_once(ours):
    members = list(ours.memberships.current())
    for m in members:
        services.content_preferences_set(member=m, sexual_content_consent=True, depth_cap=3)
    sexual = Question.objects.filter(is_sexual=True, phases=[])[0]
    prompt = Prompt.objects.create(relationship=ours, question=sexual, date=TODAY)
    services.content_preferences_set(member=members[1], sexual_content_consent=False, depth_cap=3)
    replacement = todays_prompt(ours, TODAY)
    assert replacement != prompt
    assert not replacement.question.is_sexual


def test_friends_who_all_opt_in_still_never_get_sexual_questions(alice, bob):
    friends = RelationshipFactory.create(kind="friendship")
    for user in (alice, bob):
        m = add_member(friends, user)
        with pytest.raises(services.QuestionError, match="only in romantic relationships"):
            services.content_preferences_set(member=m, sexual_content_consent=True, depth_cap=3)
    # Even a consent stored some other way never lets them through.
    friends.memberships.update(sexual_content_consent=True)
    assert not any(
        services.fit_for(friends).allows(q) for q in Question.objects.filter(is_sexual=True)
    )


def test_no_question_repeats_until_every_fitting_one_was_asked(alice):
    relationship = RelationshipFactory.create(kind="family", phase="long_term")
    add_member(relationship, alice)
    m = relationship.memberships.get()
    services.content_preferences_set(member=m, sexual_content_consent=False, depth_cap=1)
    fitting = [q for q in services.candidate_questions(services.fit_for(relationship))]
    days = len(fitting)
    asked = [
        todays_prompt(relationship, TODAY + timedelta(days=d)).question_id for d in range(days + 3)
    ]
    assert len(set(asked[:days])) == days
    assert set(asked[days:]) <= set(asked[:days])


def test_a_depth_cap_keeps_questions_at_or_below_it(ours):
    for m in ours.memberships.current():
        services.content_preferences_set(member=m, sexual_content_consent=False, depth_cap=1)
    depths = {todays_prompt(ours, TODAY + timedelta(days=d)).question.depth for d in range(30)}
    assert depths == {1}


def test_a_question_the_members_wrote_comes_up_first(ours, alice):
    own = services.own_question_add(
        member=ours.memberships.get(user=alice),
        text="What song should we dance to this winter?",
        category="recreational",
        depth=1,
    )
    assert todays_prompt(ours, TODAY).question == own


def test_another_relationships_own_questions_never_show_up(ours, theirs, charlie):
    services.own_question_add(
        member=theirs.memberships.get(user=charlie),
        text="A private question of the other circle?",
        category="memories",
        depth=1,
    )
    asked = {todays_prompt(ours, TODAY + timedelta(days=d)).question for d in range(10)}
    assert all(q.relationship_id in (None, ours.pk) for q in asked)


class FakeQuestion:
    def __init__(self, pk: int, depth: int) -> None:
        self.pk, self.depth, self.relationship_id = pk, depth, None


@given(
    depths=st.lists(st.integers(1, 3), min_size=1, max_size=30),
    level=st.integers(1, 3),
    seed=st.integers(),
    history=st.lists(st.integers(0, 29), max_size=40),
)
def test_the_choice_is_always_a_least_asked_question_not_deeper_than_the_level(
    depths, level, seed, history
):
    candidates = [FakeQuestion(i, d) for i, d in enumerate(depths)]
    asked = Counter(h for h in history if h < len(candidates))
    chosen = choose_question(candidates, asked, level, random.Random(seed))  # type: ignore[arg-type]
    assert chosen is not None
    pool = [q for q in candidates if q.depth <= level] or candidates
    assert chosen in pool
    assert asked[chosen.pk] == min(asked[q.pk] for q in pool)
    again = choose_question(candidates, asked, level, random.Random(seed))  # type: ignore[arg-type]
    assert again is chosen
