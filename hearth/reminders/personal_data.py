"""Reminders are the person's own settings."""

from hearth.personal_data import Erasure, declare
from hearth.reminders.models import CheckInReminder, QuestionReminder
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
