"""The question loop's personal data: answers, responses, guesses, the questions a person wrote,
their boundaries and the decks they started. What others shared reaches the export only through
the same selectors the pages read, so the reveal rule and membership in time hold there too."""

from django.utils import timezone

from hearth.personal_data import Erasure, Person, Row, Tables, declare, own_and_shared
from hearth.questions.models import Answer, Boundary, Guess, Question, Response, Sitting
from hearth.questions.selectors import answers_visible_to, responses_visible_to

REMOVED_QUESTION = "A question from someone who has since left Hearth."


def answer_record(answer: Answer, person: Person) -> Row:
    prompt, question = answer.prompt, answer.prompt.question
    mine = person.is_me(answer.member_id)
    return {
        "relationship": prompt.relationship.name,
        "date": prompt.date.isoformat(),
        "question": question.text,
        "category": question.category,
        "author": "me" if mine else answer.member.display_name,
        "text": answer.text,
        "choice": question.choices[answer.choice] if answer.choice is not None else None,
        "felt_understood": answer.felt_understood if mine else None,
        "written_at": answer.created_at.isoformat(),
    }


ANSWER_DETAILS = ("prompt__question", "prompt__relationship", "member__user")


def answers(person: Person) -> Tables:
    mine = ANSWERS.rows(person).select_related(*ANSWER_DETAILS)
    shared: dict[int, Answer] = {}
    for member in person.members:
        visible = answers_visible_to(member).exclude(member_id__in=person.member_ids)
        shared.update((a.pk, a) for a in visible.select_related(*ANSWER_DETAILS))
    return {
        "my_answers": [answer_record(a, person) for a in mine],
        "answers_shared_with_me": [
            answer_record(a, person) for a in sorted(shared.values(), key=lambda a: a.pk)
        ],
    }


def remove_answer_words(person: Person) -> None:
    # The row stays as a placeholder so others' replies under it keep their place.
    ANSWERS.rows(person).update(
        text="", choice=None, felt_understood=None, rated_at=None, removed_at=timezone.now()
    )


ANSWERS = declare(
    Answer,
    what="Your answers (words and picks) and how understood you felt; others' answers shared "
    "with you under the reveal rule",
    owner="member",
    erasure=Erasure.ANONYMISED,
    kept="your words, picks and ratings are erased; an empty placeholder keeps the others' "
    "replies in place",
    tables=("my_answers", "answers_shared_with_me"),
    export=answers,
    erase=remove_answer_words,
)


def responses(person: Person) -> Tables:
    details = ("member__user", "answer__member__user", "answer__prompt__relationship")
    rows = own_and_shared(person, RESPONSES.rows(person), responses_visible_to, details)
    return {
        "responses": [
            {
                "relationship": r.answer.prompt.relationship.name,
                "on_answer_by": "me"
                if person.is_me(r.answer.member_id)
                else r.answer.member.display_name,
                "author": "me" if person.is_me(r.member_id) else r.member.display_name,
                "kind": r.get_kind_display(),
                "text": r.text,
                "written_at": r.created_at.isoformat(),
            }
            for r in rows
        ]
    }


RESPONSES = declare(
    Response,
    what="Your reactions and replies; others' responses on answers you could read",
    owner="member",
    erasure=Erasure.DELETED,
    tables=("responses",),
    export=responses,
)


def guessed(guess: Guess) -> object:
    choices = guess.prompt.question.choices
    return choices[guess.choice] if guess.choice < len(choices) else guess.choice


def guesses(person: Person) -> Tables:
    mine = Guess.objects.filter(guesser_id__in=person.member_ids).select_related(
        "about__user", "prompt__question"
    )
    return {
        "my_guesses": [
            {
                "about": g.about.display_name,
                "question": g.prompt.question.text,
                "guess": guessed(g),
                "made_at": g.created_at.isoformat(),
            }
            for g in mine
        ]
    }


declare(
    Guess,
    what="Your guesses at others' picks (exported), and others' guesses about you",
    owner=("guesser", "about"),
    erasure=Erasure.DELETED,
    tables=("my_guesses",),
    export=guesses,
)


def remove_own_questions(person: Person) -> None:
    written = OWN_QUESTIONS.rows(person)
    written.filter(prompts__isnull=True).delete()
    # Asked ones stay, so others' answers keep a question; the words are replaced.
    written.update(text=REMOVED_QUESTION, choices=[], author=None)


OWN_QUESTIONS = declare(
    Question,
    what="Questions you wrote for a relationship",
    owner="author",
    erasure=Erasure.ANONYMISED,
    kept="a question never asked is deleted; one already asked keeps its place under the "
    "others' answers, its words replaced",
    table="my_questions",
    related=("relationship",),
    fields={
        "relationship": lambda q: q.relationship.name if q.relationship else "",
        "text": "text",
        "category": "category",
        "depth": "depth",
        "choices": "choices",
        "written_at": "created_at",
    },
    erase=remove_own_questions,
)

declare(
    Boundary,
    what="Your boundaries: topics you never want to see",
    owner="user",
    erasure=Erasure.WITH_ACCOUNT,
    table="boundaries",
    fields={"category": "category"},
)

declare(
    Sitting,
    what="Question decks you started with a relationship",
    owner="started_by",
    erasure=Erasure.UNLINKED,
    kept="the relationship's record of going through a deck stays, naming nobody",
    table="decks_started",
    related=("relationship",),
    fields={
        "relationship": lambda s: s.relationship.name,
        "deck": "deck",
        "started_at": "started_at",
        "finished_at": "finished_at",
    },
)
