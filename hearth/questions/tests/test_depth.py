"""The depth ladder climbs with answering together and feeling understood, and holds otherwise."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hearth.questions import services
from hearth.questions.depth import Outcome, effective_depth, ladder_level, relationship_depth
from hearth.questions.tests.factories import todays_prompt

good = Outcome(answered_by_all=True, ratings=(6, 6))
missed = Outcome(answered_by_all=False)
felt_unheard = Outcome(answered_by_all=True, ratings=(2, 3))

outcomes = st.lists(
    st.builds(
        Outcome,
        answered_by_all=st.booleans(),
        ratings=st.lists(st.integers(1, 7), max_size=3).map(tuple),
    ),
    max_size=40,
)


def test_five_good_days_take_the_relationship_one_step_deeper():
    assert ladder_level(1, [good] * 4) == 1
    assert ladder_level(1, [good] * 5) == 2
    assert ladder_level(1, [good] * 10) == 3
    assert ladder_level(1, [good] * 30) == 3


def test_low_understanding_or_missed_days_hold_the_level():
    assert ladder_level(1, [felt_unheard] * 20) == 1
    assert ladder_level(1, [good, missed, good, missed, good] * 4) == 1
    assert ladder_level(1, [good, missed, good, good, good]) == 2


@given(start=st.integers(1, 3), history=outcomes)
def test_the_ladder_never_goes_down_or_past_three(start, history):
    level = ladder_level(start, history)
    assert start <= level <= 3


@given(start=st.integers(1, 3), history=outcomes, extra=outcomes)
def test_more_history_never_lowers_the_level(start, history, extra):
    assert ladder_level(start, history + extra) >= ladder_level(start, history)


@given(level=st.integers(1, 3), caps=st.lists(st.integers(1, 3), max_size=12))
def test_the_depth_never_exceeds_the_lowest_cap_any_member_set(level, caps):
    depth = effective_depth(level, caps)
    assert 1 <= depth <= min([level, *caps])


@pytest.mark.django_db
def test_a_relationship_climbs_after_days_of_answering_and_feeling_understood(ours):
    ours.phase = "new"
    ours.save()
    start = date(2026, 10, 1)
    members = list(ours.memberships.current())
    assert relationship_depth(ours, start, [3, 3]) == 1
    for day in range(5):
        prompt = todays_prompt(ours, start + timedelta(days=day))
        choice = 0 if prompt.question.choices else None
        answers = [
            services.answer_submit(member=m, prompt=prompt, text="yes", choice=choice)
            for m in members
        ]
        for answer in answers:
            services.felt_understood_rate(member=answer.member, answer=answer, rating=6)
    assert relationship_depth(ours, start + timedelta(days=5), [3, 3]) == 2
    assert relationship_depth(ours, start + timedelta(days=5), [3, 1]) == 1
