"""The question loop's personal data: answers, responses, guesses, the questions a person wrote,
their boundaries and the decks they started. What others shared reaches the export only through
the same selectors the pages read, so the reveal rule and membership in time hold there too."""

from collections.abc import Mapping
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from hearth.personal_data import (
    Erasure,
    Person,
    Row,
    Tables,
    declare,
    labels_of,
    own_and_shared,
    values_of,
)
from hearth.questions.models import Answer, Boundary, Guess, Prompt, Question, Response, Sitting
from hearth.questions.selectors import answers_visible_to, responses_visible_to
from hearth.relationships.models import Member

REMOVED_QUESTION = "A question from someone who has since left Hearth."


ANSWER_FIELDS = (
    "pk",
    "member_id",
    "prompt__relationship_id",
    "prompt__date",
    "prompt__question_id",
    "text",
    "choice",
    "felt_understood",
    "created_at",
)


def asked_questions(person: Person) -> dict[int, Row]:
    """Every question asked in the person's relationships, by id: read once for an export,
    whatever the length of its history, and shared by the tables that name questions."""

    def read() -> dict[int, Row]:
        asked = Prompt.objects.filter(relationship_id__in=person.relationship_ids)
        questions = Question.objects.filter(pk__in=asked.values("question_id"))
        return {q["pk"]: q for q in values_of(questions, ("pk", "text", "category", "choices"))}

    return person.once("questions", read)


def answer_record(answer: Row, person: Person) -> Row:
    question = asked_questions(person)[answer["prompt__question_id"]]
    mine = person.is_me(answer["member_id"])
    return {
        "relationship": person.relationship_name(answer["prompt__relationship_id"]),
        "date": answer["prompt__date"].isoformat(),
        "question": question["text"],
        "category": question["category"],
        "author": person.name_for(answer["member_id"]),
        "text": answer["text"],
        "choice": question["choices"][answer["choice"]] if answer["choice"] is not None else None,
        "felt_understood": answer["felt_understood"] if mine else None,
        "written_at": answer["created_at"].isoformat(),
    }


def answers(person: Person) -> Tables:
    mine = values_of(ANSWERS.rows(person), ANSWER_FIELDS)

    def others_shared_with(member: Member) -> QuerySet[Answer]:
        return answers_visible_to(member).exclude(member_id__in=person.member_ids)

    shared = own_and_shared(person, None, others_shared_with, ANSWER_FIELDS)
    return {
        "my_answers": [answer_record(a, person) for a in mine],
        "answers_shared_with_me": [answer_record(a, person) for a in shared],
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
    fields = (
        "pk",
        "answer__prompt__relationship_id",
        "answer__member_id",
        "member_id",
        "kind",
        "text",
        "created_at",
    )
    rows = own_and_shared(person, RESPONSES.rows(person), responses_visible_to, fields)
    kinds = labels_of(Response, "kind")
    return {
        "responses": [
            {
                "relationship": person.relationship_name(r["answer__prompt__relationship_id"]),
                "on_answer_by": person.name_for(r["answer__member_id"]),
                "author": person.name_for(r["member_id"]),
                "kind": kinds.get(r["kind"], r["kind"]),
                "text": r["text"],
                "written_at": r["created_at"].isoformat(),
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


def guessed(guess: Mapping[str, Any], choices: list[str]) -> object:
    return choices[guess["choice"]] if guess["choice"] < len(choices) else guess["choice"]


def guesses(person: Person) -> Tables:
    mine = (
        Guess.objects.filter(guesser_id__in=person.member_ids)
        .order_by("pk")
        .values("about_id", "prompt__question_id", "choice", "created_at")
    )
    questions = asked_questions(person)
    made = []
    for g in mine:
        question = questions[g["prompt__question_id"]]
        made.append(
            {
                "about": person.name_for(g["about_id"]),
                "question": question["text"],
                "guess": guessed(g, question["choices"]),
                "made_at": g["created_at"].isoformat(),
            }
        )
    return {"my_guesses": made}


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
    fields={
        "relationship": "relationship__name",
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
    fields={
        "relationship": "relationship__name",
        "deck": "deck",
        "started_at": "started_at",
        "finished_at": "finished_at",
    },
)
