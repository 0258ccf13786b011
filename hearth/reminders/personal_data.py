"""Reminders are the person's own settings; a nudge is theirs whether they sent or got it."""

from hearth.personal_data import Erasure, Person, Tables, declare
from hearth.questions.personal_data import asked_questions
from hearth.reminders.models import CheckInReminder, Nudge, QuestionReminder
from hearth.reminders.selectors import days_in_words


def reminder_at(reminder: QuestionReminder | CheckInReminder) -> object:
    return reminder.at


declare(
    QuestionReminder,
    what="Your reminder for each relationship's question (time, days, where it goes) and "
    "whether others may nudge you",
    owner="member",
    erasure=Erasure.DELETED,
    table="question_reminders",
    related=("member__relationship",),
    fields={
        "relationship": lambda r: r.member.relationship.name,
        "at": reminder_at,
        "days": lambda r: days_in_words(r.days),
        "to_devices": "to_devices",
        "by_email": "by_email",
        "nudges_welcome": "nudges_welcome",
    },
)

declare(
    CheckInReminder,
    what="Your reminder to check in: time, days, where it goes",
    owner="user",
    erasure=Erasure.WITH_ACCOUNT,
    table="checkin_reminder",
    fields={
        "at": reminder_at,
        "days": lambda r: days_in_words(r.days),
        "to_devices": "to_devices",
        "by_email": "by_email",
    },
)


def nudges(person: Person) -> Tables:
    rows = NUDGES.rows(person).values(
        "prompt__relationship_id",
        "prompt__question_id",
        "prompt__date",
        "by_id",
        "to_id",
        "created_at",
    )
    questions = asked_questions(person)
    return {
        "nudges": [
            {
                "relationship": person.relationship_name(n["prompt__relationship_id"]),
                "question": questions[n["prompt__question_id"]]["text"],
                "date": n["prompt__date"].isoformat(),
                "from": person.name_for(n["by_id"]),
                "to": person.name_for(n["to_id"]),
                "sent_at": n["created_at"].isoformat(),
            }
            for n in rows
        ]
    }


NUDGES = declare(
    Nudge,
    what="Gentle reminders you sent to another member, or got from one",
    owner=("to", "by"),
    erasure=Erasure.DELETED,
    tables=("nudges",),
    export=nudges,
)
