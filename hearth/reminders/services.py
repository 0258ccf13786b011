"""Choosing one's reminders, and sending the one gentle nudge a prompt allows per person."""

from datetime import time

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from hearth.accounts.models import User
from hearth.notifications.models import Notification
from hearth.notifications.services import notify
from hearth.questions.models import Prompt
from hearth.refusals import Refusal
from hearth.relationships.models import Member
from hearth.reminders.firing import plan_next, question_reminders
from hearth.reminders.models import CheckInReminder, Nudge, QuestionReminder, mask_of
from hearth.reminders.selectors import question_reminder_of


class ReminderError(Refusal):
    """A reminder or nudge rule said no."""


def check_reminder_time(at: time | None, days: frozenset[int]) -> time | None:
    """A time of day to the minute, in the person's own zone, on at least one day."""
    if at is None:
        return None
    if at.tzinfo is not None:
        raise ReminderError(
            _("Give a time of day without a time zone; it is read in your own."), field="at"
        )
    if not days:
        raise ReminderError(_("Choose at least one day, or turn the reminder off."), field="days")
    if not days <= set(range(7)):
        raise ReminderError(_("Days go from Monday (0) to Sunday (6)."), field="days")
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
        raise ReminderError(_("Only members of this relationship have reminders here."))
    at = check_reminder_time(at, days)
    reminder, _created = QuestionReminder.objects.get_or_create(member=member)
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
    reminder, _created = CheckInReminder.objects.get_or_create(user=user, defaults={"at": None})
    reminder.at, reminder.to_devices, reminder.by_email = at, to_devices, by_email
    reminder.days = mask_of(days) if at is not None else reminder.days
    reminder.save(update_fields=["at", "days", "to_devices", "by_email"])
    plan_next(reminder)
    return reminder


# --- the nudge -------------------------------------------------------------------------------


def already_nudged(name: str) -> str:
    return _("%(name)s has already had a gentle reminder for this one.") % {"name": name}


@transaction.atomic
def nudge_send(*, member: Member, prompt: Prompt, to_member_id: int) -> Nudge:
    """One friendly reminder to another current member who hasn't answered a prompt still open,
    from a member who has: at most one per person and prompt, from anyone, and only to someone
    who welcomes them. It reaches them in the app and where their question reminder goes."""
    # The lock makes two nudges at once meet here one after the other.
    prompt = Prompt.objects.select_for_update().get(pk=prompt.pk)
    if member.relationship_id != prompt.relationship_id or not member.is_current:
        raise ReminderError(_("Only members of this relationship can send a reminder."))
    if prompt.is_revealed:
        raise ReminderError(_("Everyone's answers are already open here."))
    if prompt.skipped_at is not None:
        raise ReminderError(
            _("This question was skipped, so there is nothing to remind anyone of.")
        )
    answered = set(prompt.answers.values_list("member_id", flat=True))
    if member.pk not in answered:
        raise ReminderError(_("Answer it yourself first; then you can send a gentle reminder."))
    to = (
        Member.objects.current()
        .filter(pk=to_member_id, relationship_id=prompt.relationship_id, user__isnull=False)
        .exclude(pk=member.pk)
        .select_related("user")
        .first()
    )
    if to is None:
        raise ReminderError(_("Choose someone else in this relationship to remind."))
    name = to.display_name
    if to.pk in answered:
        raise ReminderError(_("%(name)s has already answered.") % {"name": name})
    settings = question_reminder_of(to)
    if not settings.nudges_welcome:
        raise ReminderError(_("%(name)s would rather answer in their own time.") % {"name": name})
    if Nudge.objects.filter(prompt=prompt, to=to).exists():
        raise ReminderError(already_nudged(name))
    try:
        with transaction.atomic():
            nudge = Nudge.objects.create(prompt=prompt, to=to, by=member)
    except IntegrityError:
        raise ReminderError(already_nudged(name)) from None
    notify(
        recipients=[to.user],
        kind=Notification.Kind.NUDGE,
        key=f"nudge:{prompt.pk}",
        url=prompt.get_absolute_url(),
        relationship=prompt.relationship,
        actor=member,
        again=True,
        channels=settings.channels,
    )
    return nudge
