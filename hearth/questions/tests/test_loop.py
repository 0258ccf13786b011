"""The responsiveness loop's rules: who may respond, rate and guess, and when."""

import pytest

from hearth.questions import services
from hearth.questions.models import Boundary, Question
from hearth.questions.services import QuestionError
from hearth.questions.tests.factories import answer_as, give_options, todays_prompt

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(ours, alice, bob):
    return ours.memberships.get(user=alice), ours.memberships.get(user=bob)


def test_nobody_responds_before_the_reveal(ours, pair):
    a, b = pair
    prompt = todays_prompt(ours)
    alices = answer_as(a, prompt)
    with pytest.raises(QuestionError, match="once answers are shared"):
        services.reaction_toggle(member=b, answer=alices, kind="thanks")
    with pytest.raises(QuestionError, match="once answers are shared"):
        services.reply_add(member=b, answer=alices, text="hi")
    with pytest.raises(QuestionError):
        services.felt_understood_rate(member=a, answer=alices, rating=5)


def test_reactions_are_for_others_and_replies_thread(ours, pair):
    a, b = pair
    prompt = todays_prompt(ours)
    alices, bobs = answer_as(a, prompt), answer_as(b, prompt)
    with pytest.raises(QuestionError, match="for what others shared"):
        services.reaction_toggle(member=a, answer=alices, kind="thanks")
    first = services.reply_add(member=b, answer=alices, text="That moved me.")
    second = services.reply_add(member=a, answer=alices, text="Thank you.", parent_id=first.pk)
    assert second.parent == first
    with pytest.raises(QuestionError, match="isn't a response to this answer"):
        services.reply_add(member=a, answer=bobs, text="misplaced", parent_id=first.pk)


@pytest.mark.parametrize("rating", [0, 8, -1])
def test_felt_understood_is_from_one_to_seven(ours, pair, rating):
    a, b = pair
    prompt = todays_prompt(ours)
    alices = answer_as(a, prompt)
    answer_as(b, prompt)
    with pytest.raises(QuestionError, match="1 \\(not at all\\) to 7"):
        services.felt_understood_rate(member=a, answer=alices, rating=rating)


def test_guesses_are_about_someone_else_and_made_before_the_reveal(ours, pair):
    a, b = pair
    prompt = give_options(todays_prompt(ours))
    with pytest.raises(QuestionError, match="someone else"):
        services.guess_submit(member=a, prompt=prompt, about_member_id=a.pk, choice=0)
    with pytest.raises(QuestionError, match="options shown"):
        services.guess_submit(member=a, prompt=prompt, about_member_id=b.pk, choice=9)
    services.guess_submit(member=a, prompt=prompt, about_member_id=b.pk, choice=1)
    services.guess_submit(member=a, prompt=prompt, about_member_id=b.pk, choice=2)
    assert prompt.guesses.get().choice == 2
    answer_as(a, prompt)
    answer_as(b, prompt)
    prompt.refresh_from_db()
    with pytest.raises(QuestionError, match="before answers are shared"):
        services.guess_submit(member=a, prompt=prompt, about_member_id=b.pk, choice=0)


def test_a_questions_options_must_be_picked_from(ours, pair):
    a, _ = pair
    prompt = give_options(todays_prompt(ours))
    with pytest.raises(QuestionError, match="Pick one of the options"):
        services.answer_submit(member=a, prompt=prompt, text="words only", choice=None)


def test_friends_cannot_add_sexual_questions(alice):
    from hearth.relationships.tests.factories import RelationshipFactory, add_member

    friends = RelationshipFactory.create(kind="friendship")
    member = add_member(friends, alice)
    with pytest.raises(QuestionError, match="only in romantic"):
        services.own_question_add(
            member=member, text="A question that does not belong?", category="sexual", depth=1
        )


def test_a_sitting_leaves_out_what_a_boundary_excludes(ours, alice, pair):
    a, _ = pair
    deck = services.bank.deck("know-you-deeper")
    assert deck is not None
    first = Question.objects.get(key=deck.keys[0])
    Boundary.objects.create(user=alice, category=first.category)
    sitting = services.sitting_start(member=a, deck_key="know-you-deeper")
    categories = set(
        Question.objects.filter(key__in=sitting.question_keys).values_list("category", flat=True)
    )
    assert sitting.question_keys
    assert first.category not in categories


def test_a_deck_for_family_is_not_offered_to_a_couple(ours, pair):
    a, _ = pair
    assert "for-family" not in {d.key for d in services.decks_for(ours)}
    with pytest.raises(QuestionError, match="isn't offered"):
        services.sitting_start(member=a, deck_key="for-family")
