"""Choosing one's reminders."""

from datetime import time

from django.db import transaction

from hearth.accounts.models import User
from hearth.refusals import Refusal
from hearth.relationships.models import Member
from hearth.reminders.firing import plan_next, question_reminders
from hearth.reminders.models import CheckInReminder, QuestionReminder, mask_of


class ReminderError(Refusal):
    """A reminder rule said no."""


def check_reminder_time(at: time | None, days: frozenset[int]) -> time | None:
    """A time of day to the minute, in the person's own zone, on at least one day."""
    if at is None:
        return None
    if at.tzinfo is not None:
        raise ReminderError(
            "Give a time of day without a time zone; it is read in your own.", field="at"
        )
    if not days:
        raise ReminderError("Choose at least one day, or turn the reminder off.", field="days")
    if not days <= set(range(7)):
        raise ReminderError("Days go from Monday (0) to Sunday (6).", field="days")
    return at.replace(second=0, microsecond=0, fold=0)


@transaction.atomic
def question_reminder_set(
    *,
    member: Member,
    at: time | None,
    days: frozenset[int],
    to_devices: bool,
    by_email: bool,
    nudges_welcome: bool,
) -> QuestionReminder:
    """A member's reminder for the day's question here (None: no reminder), and whether the
    others may nudge them. The next firing is planned at once; any older one goes quiet."""
    if not member.is_current:
        raise ReminderError("Only members of this relationship have reminders here.")
    at = check_reminder_time(at, days)
    reminder, _ = QuestionReminder.objects.get_or_create(member=member)
    reminder.at, reminder.to_devices, reminder.by_email = at, to_devices, by_email
    reminder.days = mask_of(days) if at is not None else reminder.days
    reminder.nudges_welcome = nudges_welcome
    reminder.save(update_fields=["at", "days", "to_devices", "by_email", "nudges_welcome"])
    reminder = question_reminders().get(pk=reminder.pk)
    plan_next(reminder)
    return reminder


@transaction.atomic
def checkin_reminder_set(
    *, user: User, at: time | None, days: frozenset[int], to_devices: bool, by_email: bool
) -> CheckInReminder:
    """The person's one reminder to check in, for all their relationships (None: none)."""
    at = check_reminder_time(at, days)
    reminder, _ = CheckInReminder.objects.get_or_create(user=user, defaults={"at": None})
    reminder.at, reminder.to_devices, reminder.by_email = at, to_devices, by_email
    reminder.days = mask_of(days) if at is not None else reminder.days
    reminder.save(update_fields=["at", "days", "to_devices", "by_email"])
    plan_next(reminder)
    return reminder
