"""Reminders going out. Each active reminder has one queued firing (a background task run after
its moment); a firing reminds the person unless there is nothing to remind them of, and queues
the next one. Planning again bumps the reminder's version, so an older queued firing finds it
changed and does nothing. Nothing here ever records or tells anyone that a day was missed."""

from collections.abc import Iterable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import F, QuerySet
from django.urls import reverse
from django.utils import timezone
from django_tasks import task
from django_tasks.base import Task, TaskResultStatus
from django_tasks_db.models import DBTaskResult

from hearth.accounts.models import User
from hearth.checkins.models import CheckIn
from hearth.notifications.clock import in_quiet_hours
from hearth.notifications.models import DeliveryPreferences, Notification
from hearth.notifications.services import notify
from hearth.questions.models import Answer
from hearth.relationships.models import Member
from hearth.reminders.models import CheckInReminder, QuestionReminder
from hearth.reminders.schedule import Firing, Quiet, next_firing, out_of_quiet_hours

# A firing that runs this long after its moment (the server was off) stays silent: the
# reminder was for then, not for whenever the server came back.
LATE = timedelta(hours=1)
KEY_LENGTH = Notification._meta.get_field("key").max_length or 80

Reminder = QuestionReminder | CheckInReminder


def quiet_hours_of(user: User) -> Quiet:
    preferences = DeliveryPreferences.objects.filter(user=user).first() or DeliveryPreferences(
        user=user
    )
    return Quiet(preferences.quiet_start, preferences.quiet_end)


def person_of(reminder: Reminder) -> User | None:
    if isinstance(reminder, QuestionReminder):
        return reminder.member.user
    return reminder.user


def is_active(reminder: Reminder) -> bool:
    """It has a time, and (for a question) its member still belongs to a relationship in use."""
    if reminder.at is None or not reminder.days:
        return False
    if isinstance(reminder, QuestionReminder):
        member = reminder.member
        return member.is_current and member.user is not None and not member.relationship.is_archived
    return True


def firing_wanted(reminder: Reminder, now: datetime) -> Firing | None:
    """The next firing the reminder's settings ask for, after `now`; None when it is off."""
    user = person_of(reminder)
    if user is None or not is_active(reminder):
        return None
    assert reminder.at is not None
    return next_firing(
        now, ZoneInfo(user.time_zone), reminder.at, reminder.weekdays, quiet_hours_of(user)
    )


def plan(reminder: Reminder, moment: datetime | None) -> None:
    """Queue the reminder's next firing at `moment` (or none), making every older one void."""
    model = type(reminder)
    # One statement, so two saves at once still give two versions and one live firing.
    model.objects.filter(pk=reminder.pk).update(version=F("version") + 1, next_at=moment)
    reminder.refresh_from_db(fields=["version", "next_at"])
    if moment is not None:
        due_task(reminder).using(run_after=moment).enqueue(reminder.pk, reminder.version)


def plan_next(reminder: Reminder, now: datetime | None = None) -> Firing | None:
    """Plan the reminder from its settings as they are now."""
    firing = firing_wanted(reminder, now or timezone.now())
    plan(reminder, firing.at if firing else None)
    return firing


def follow(reminder: Reminder, now: datetime, queued: set[tuple[str, int, int]] | None) -> bool:
    """Plan again if the settings (or the time zone, or quiet hours) now ask for another moment,
    or if its firing isn't queued (`queued`, when known). Whether it planned."""
    wanted = firing_wanted(reminder, now)
    moment = wanted.at if wanted else None
    firing = (due_task(reminder).module_path, reminder.pk, reminder.version)
    is_queued = queued is None or firing in queued
    if moment == reminder.next_at and (moment is None or is_queued):
        return False
    plan(reminder, moment)
    return True


def follow_person(user: User) -> None:
    """The person's time zone or quiet hours may have changed: their reminders follow."""
    now = timezone.now()
    for reminder in question_reminders().filter(member__user=user):
        follow(reminder, now, None)
    for checkin_reminder in CheckInReminder.objects.filter(user=user).select_related("user"):
        follow(checkin_reminder, now, None)


def follow_members(members: Iterable[Member]) -> None:
    """These members joined, left, or their relationship was started, archived or reopened: a
    current member who never chose gets the default reminder; the others' follow."""
    now = timezone.now()
    for member in members:
        if member.is_current and member.user_id is not None:
            QuestionReminder.objects.get_or_create(member=member)
        for reminder in question_reminders().filter(member=member):
            follow(reminder, now, None)


def question_reminders() -> QuerySet[QuestionReminder]:
    return QuestionReminder.objects.select_related("member__user", "member__relationship")


def due_task(reminder: Reminder) -> Task[[int, int], str]:
    if isinstance(reminder, QuestionReminder):
        return question_reminder_due
    return checkin_reminder_due


def queued_firings() -> set[tuple[str, int, int]]:
    """(task, reminder id, version) of every firing waiting in the queue."""
    rows = DBTaskResult.objects.filter(
        status=TaskResultStatus.READY,
        task_path__in=[question_reminder_due.module_path, checkin_reminder_due.module_path],
    ).values_list("task_path", "args_kwargs")
    return {(path, *args["args"]) for path, args in rows}


def reminders_keep_scheduled(now: datetime | None = None) -> int:
    """Every active reminder gets exactly one queued firing at the moment it asks for; a member
    who never chose gets the default reminder. Safe to run any number of times. Returns how
    many were planned."""
    now = now or timezone.now()
    without = Member.objects.current().filter(
        reminder__isnull=True, user__isnull=False, relationship__archived_at__isnull=True
    )
    QuestionReminder.objects.bulk_create(
        [QuestionReminder(member=member) for member in without], ignore_conflicts=True
    )
    queued = queued_firings()
    planned = 0
    with transaction.atomic():
        for reminder in question_reminders().iterator():
            planned += follow(reminder, now, queued)
        for checkin_reminder in CheckInReminder.objects.select_related("user").iterator():
            planned += follow(checkin_reminder, now, queued)
    return planned


# --- firing ----------------------------------------------------------------------------------


def answered_today(member: Member, now: datetime) -> bool:
    """Whether the member answered their relationship's question of the day (its own date)."""
    return Answer.objects.filter(
        member=member,
        prompt__relationship_id=member.relationship_id,
        prompt__date=now.astimezone(ZoneInfo(member.relationship.time_zone)).date(),
        prompt__sitting__isnull=True,
        prompt__skipped_at__isnull=True,
    ).exists()


def checked_in_today(user: User, now: datetime) -> bool:
    today = now.astimezone(ZoneInfo(user.time_zone)).date()
    return CheckIn.objects.filter(user=user, date=today).exists()


def still_to_fire(reminder: Reminder, version: int, now: datetime) -> str:
    """Why this queued firing does nothing (an empty string when it should go ahead); a firing
    that doesn't go ahead has already planned what comes next."""
    if reminder.version != version:
        return "changed since"
    user = person_of(reminder)
    if user is None or not is_active(reminder):
        plan(reminder, None)
        return "off"
    if reminder.next_at is None or now - reminder.next_at > LATE:
        plan_next(reminder, now)
        return "too late; the next one is planned"
    quiet = quiet_hours_of(user)
    zone = ZoneInfo(user.time_zone)
    if in_quiet_hours(now, zone, quiet.start, quiet.end):
        plan(reminder, out_of_quiet_hours(now, zone, quiet))
        return "held through quiet hours"
    return ""


def names_key(kind: str, day: str, ids: list[int], fallback: str) -> str:
    """One notification per person and day for these relationships (their ids let the words
    name them); with too many to fit, it still stands for that day and minute."""
    key = f"{kind}:{day}:{'.'.join(str(pk) for pk in sorted(ids))}"
    return key if len(key) <= KEY_LENGTH else f"{kind}:{day}:{fallback}"


def remind_of_questions(user: User, reminders: list[QuestionReminder], now: datetime) -> None:
    """One notification for every relationship whose question waits for them at this minute."""
    relationships = sorted((r.member.relationship for r in reminders), key=lambda r: r.pk)
    local = now.astimezone(ZoneInfo(user.time_zone))
    only = relationships[0] if len(relationships) == 1 else None
    notify(
        recipients=[user],
        kind=Notification.Kind.QUESTION_REMINDER,
        key=names_key(
            "question_reminder",
            local.date().isoformat(),
            [r.pk for r in relationships],
            local.strftime("at%H%M"),
        ),
        url=reverse("questions:today", args=[only.pk]) if only else reverse("reminders:today"),
        relationship=only,
        again=True,
        # One notification for several: it goes wherever any of them asked to go.
        channels=frozenset().union(*(r.channels for r in reminders)),
    )


@transaction.atomic
def question_reminder_fire(reminder_id: int, version: int, now: datetime | None = None) -> str:
    now = now or timezone.now()
    reminder = question_reminders().select_for_update(of=("self",)).filter(pk=reminder_id).first()
    if reminder is None:
        return "gone"
    if why_not := still_to_fire(reminder, version, now):
        return why_not
    user = person_of(reminder)
    assert user is not None
    # The person's reminders planned for this same moment fire together, as one notification;
    # the others' queued firings then find them planned again, and do nothing.
    together = list(
        question_reminders()
        .select_for_update(of=("self",))
        .filter(member__user=user, next_at=reminder.next_at)
        .order_by("pk")
    )
    waiting = [r for r in together if is_active(r) and not answered_today(r.member, now)]
    if waiting:
        remind_of_questions(user, waiting, now)
    for each in together:
        plan_next(each, now)
    return "reminded" if waiting else "already answered"


@transaction.atomic
def checkin_reminder_fire(reminder_id: int, version: int, now: datetime | None = None) -> str:
    now = now or timezone.now()
    reminder = (
        CheckInReminder.objects.select_for_update(of=("self",))
        .select_related("user")
        .filter(pk=reminder_id)
        .first()
    )
    if reminder is None:
        return "gone"
    if why_not := still_to_fire(reminder, version, now):
        return why_not
    user = reminder.user
    reminded = not checked_in_today(user, now)
    if reminded:
        today = now.astimezone(ZoneInfo(user.time_zone)).date()
        notify(
            recipients=[user],
            kind=Notification.Kind.CHECKIN_REMINDER,
            key=f"checkin_reminder:{today.isoformat()}",
            url=reverse("checkins:checkin"),
            again=True,
            channels=reminder.channels,
        )
    plan_next(reminder, now)
    return "reminded" if reminded else "already checked in"


@task()
def question_reminder_due(reminder_id: int, version: int) -> str:
    return question_reminder_fire(reminder_id, version)


@task()
def checkin_reminder_due(reminder_id: int, version: int) -> str:
    return checkin_reminder_fire(reminder_id, version)
