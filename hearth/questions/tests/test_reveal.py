"""The reveal rule: nobody reads another's answer until every current member has answered."""

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hearth.accounts.tests.factories import UserFactory
from hearth.questions import services
from hearth.questions.models import Prompt
from hearth.questions.selectors import prompt_view
from hearth.questions.tests.factories import todays_prompt
from hearth.relationships import services as relationship_services
from hearth.relationships.models import Member, Relationship

pytestmark = pytest.mark.django_db


def member(relationship: Relationship, user) -> Member:
    return relationship.memberships.current().get(user=user)


def test_answers_stay_hidden_until_every_member_answers(ours, alice, bob):
    a, b = member(ours, alice), member(ours, bob)
    prompt = todays_prompt(ours)
    services.answer_submit(member=a, prompt=prompt, text="Alice's secret", choice=first(prompt))

    before = seen_by(a, prompt)
    assert before.answers == []
    assert [m.user for m in before.answered] == [alice]
    assert [m.user for m in before.waiting_for] == [bob]
    assert seen_by(b, prompt).answers == []
    assert seen_by(b, prompt).my_answer is None

    services.answer_submit(member=b, prompt=prompt, text="Bob's secret", choice=first(prompt))
    prompt.refresh_from_db()
    assert prompt.is_revealed
    for viewer in (a, b):
        assert {x.text for x in seen_by(viewer, prompt).answers} == {
            "Alice's secret",
            "Bob's secret",
        }


def seen_by(viewer: Member, prompt: Prompt):
    prompt.refresh_from_db()
    return prompt_view(viewer, prompt)


def first(prompt: Prompt) -> int | None:
    return 0 if prompt.question.choices else None


def test_an_answer_can_be_edited_until_the_reveal_and_not_after(ours, alice, bob):
    a, b = member(ours, alice), member(ours, bob)
    prompt = todays_prompt(ours)
    services.answer_submit(member=a, prompt=prompt, text="first draft", choice=first(prompt))
    services.answer_submit(member=a, prompt=prompt, text="second draft", choice=first(prompt))
    services.answer_submit(member=b, prompt=prompt, text="mine", choice=first(prompt))
    with pytest.raises(services.QuestionError, match="can't change"):
        services.answer_submit(member=a, prompt=prompt, text="third", choice=first(prompt))
    assert prompt.answers.get(member=a).text == "second draft"


def test_someone_who_joins_before_the_reveal_is_waited_for(ours, alice, bob, charlie):
    a, b = member(ours, alice), member(ours, bob)
    prompt = todays_prompt(ours)
    services.answer_submit(member=a, prompt=prompt, text="one", choice=first(prompt))
    invitation = relationship_services.invitation_create(member=a)
    c = relationship_services.invitation_accept(user=charlie, invitation=invitation)
    services.answer_submit(member=b, prompt=prompt, text="two", choice=first(prompt))
    assert seen_by(a, prompt).answers == []
    services.answer_submit(member=c, prompt=prompt, text="three", choice=first(prompt))
    assert len(seen_by(a, prompt).answers) == 3


def test_when_the_only_one_missing_leaves_the_rest_see_the_answers(ours, alice, bob, charlie):
    a = member(ours, alice)
    c = relationship_services.invitation_accept(
        user=charlie, invitation=relationship_services.invitation_create(member=a)
    )
    prompt = todays_prompt(ours)
    services.answer_submit(member=a, prompt=prompt, text="one", choice=first(prompt))
    services.answer_submit(
        member=member(ours, bob), prompt=prompt, text="two", choice=first(prompt)
    )
    relationship_services.member_leave(member=c)
    assert len(seen_by(a, prompt).answers) == 2


def test_a_late_joiner_sees_earlier_answers_only_after_answering_too(ours, alice, bob, charlie):
    a, b = member(ours, alice), member(ours, bob)
    prompt = todays_prompt(ours)
    services.answer_submit(member=a, prompt=prompt, text="one", choice=first(prompt))
    services.answer_submit(member=b, prompt=prompt, text="two", choice=first(prompt))
    c = relationship_services.invitation_accept(
        user=charlie, invitation=relationship_services.invitation_create(member=a)
    )
    assert seen_by(c, prompt).answers == []
    services.answer_submit(member=c, prompt=prompt, text="three", choice=first(prompt))
    assert len(seen_by(c, prompt).answers) == 3


def test_skipping_gives_the_day_another_question_and_keeps_skipped_answers_private(
    ours, alice, bob
):
    a, b = member(ours, alice), member(ours, bob)
    prompt = todays_prompt(ours)
    services.answer_submit(member=a, prompt=prompt, text="kept private", choice=first(prompt))
    replacement = services.prompt_skip(member=b, prompt=prompt)
    assert replacement is not None
    assert replacement.question_id != prompt.question_id
    assert todays_prompt(ours) == replacement
    with pytest.raises(services.QuestionError):
        services.answer_submit(member=b, prompt=prompt, text="late", choice=first(prompt))
    assert seen_by(b, prompt).answers == []


def test_an_empty_or_oversized_answer_is_refused_and_nothing_is_saved(ours, alice):
    prompt = todays_prompt(ours)
    a = member(ours, alice)
    with pytest.raises(services.QuestionError):
        services.answer_submit(member=a, prompt=prompt, text="   ", choice=None)
    with pytest.raises(services.QuestionError, match="longer than"):
        services.answer_submit(member=a, prompt=prompt, text="x" * 5001, choice=first(prompt))
    assert not prompt.answers.exists()


# --- the property: any sequence of answers, edits, skips, joins and leaves ---------------------

actions = st.lists(
    st.one_of(
        st.tuples(st.just("answer"), st.integers(0, 5)),
        st.tuples(st.just("skip"), st.integers(0, 5)),
        st.tuples(st.just("join"), st.just(0)),
        st.tuples(st.just("leave"), st.integers(0, 5)),
    ),
    max_size=14,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=actions)
def test_no_answer_is_ever_visible_to_another_before_everyone_answered(ours, steps):
    with transaction.atomic():
        run_and_check(ours, steps)
        transaction.set_rollback(True)


def run_and_check(relationship: Relationship, steps: list[tuple[str, int]]) -> None:
    # The test's own model of the world, kept apart from the code under test.
    current: set[int] = set(relationship.memberships.current().values_list("pk", flat=True))
    answered: dict[int, set[int]] = {}
    revealed: set[int] = set()
    prompt = todays_prompt(relationship)
    assert prompt is not None
    for step, (action, index) in enumerate(steps):
        members = sorted(current)
        who = Member.objects.get(pk=members[index % len(members)])
        try:
            if action == "answer":
                services.answer_submit(
                    member=who, prompt=prompt, text=f"words {step}", choice=first(prompt)
                )
                answered.setdefault(prompt.pk, set()).add(who.pk)
            elif action == "skip":
                replacement = services.prompt_skip(member=who, prompt=prompt)
                assert replacement is not None
                prompt = replacement
            elif action == "join":
                if relationship.memberships.current().count() < 5:
                    relationship.refresh_from_db()
                    relationship_services.relationship_reopen(member=who)
                    joined = relationship_services.invitation_accept(
                        user=UserFactory.create(),
                        invitation=relationship_services.invitation_create(member=who),
                    )
                    current.add(joined.pk)
            elif action == "leave" and len(current) > 1:
                relationship_services.member_leave(member=who)
                current.discard(who.pk)
        except services.QuestionError:
            pass
        prompt.refresh_from_db()
        check_everything(relationship, current, answered, revealed)


def check_everything(
    relationship: Relationship,
    current: set[int],
    answered: dict[int, set[int]],
    revealed: set[int],
) -> None:
    everyone = list(Member.objects.filter(relationship=relationship))
    for prompt in relationship.prompts.all():
        authors = answered.get(prompt.pk, set())
        if prompt.is_revealed and prompt.pk not in revealed:
            # The moment it opened, every current member had answered, and two at least.
            assert current <= authors
            assert len(current) >= 2
            revealed.add(prompt.pk)
        if prompt.skipped_at is None and current <= authors and len(current) >= 2:
            assert prompt.is_revealed
        for viewer in everyone:
            others = [a for a in prompt_view(viewer, prompt).answers if a.member_id != viewer.pk]
            if others:
                assert prompt.pk in revealed
                assert viewer.pk in authors
                # A former member keeps only what opened before they left.
                assert viewer.was_member_at(prompt.revealed_at)
