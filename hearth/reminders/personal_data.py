"""Reminders are the person's own settings; a nudge is theirs whether they sent or got it."""

from hearth.personal_data import Erasure, Person, Tables, declare
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
    rows = NUDGES.rows(person).select_related(
        "prompt__question", "prompt__relationship", "to__user", "by__user"
    )
    return {
        "nudges": [
            {
                "relationship": n.prompt.relationship.name,
                "question": n.prompt.question.text,
                "date": n.prompt.date.isoformat(),
                "from": "me" if person.is_me(n.by_id) else n.by.display_name,
                "to": "me" if person.is_me(n.to_id) else n.to.display_name,
                "sent_at": n.created_at.isoformat(),
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
