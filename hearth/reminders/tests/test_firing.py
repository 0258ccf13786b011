"""Reminders go out at the chosen time unless there is nothing to remind of, plan the next one,
and an older queued firing does nothing once the setting changed."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from hearth.checkins.models import CheckIn
from hearth.notifications.models import Notification
from hearth.notifications.selectors import headline
from hearth.notifications.services import delivery_preferences_set
from hearth.questions.tests.factories import answer_as, todays_prompt
from hearth.relationships import services as relationships
from hearth.relationships.tests.factories import RelationshipFactory, add_member
from hearth.reminders.firing import (
    LATE,
    checkin_reminder_fire,
    question_reminder_fire,
    reminders_keep_scheduled,
)
from hearth.reminders.models import CheckInReminder, QuestionReminder
from hearth.reminders.services import checkin_reminder_set, question_reminder_set
from hearth.tests.tasks import run_ready_tasks, waiting_tasks

pytestmark = pytest.mark.django_db

EVERY_DAY = frozenset(range(7))
Kind = Notification.Kind


def remind(member, at=dt.time(19, 0), days=EVERY_DAY, devices=True, email=False, nudges=True):
    return question_reminder_set(
        member=member,
        at=at,
        days=days,
        to_devices=devices,
        by_email=email,
        nudges_welcome=nudges,
    )


def local(moment, person):
    return moment.astimezone(ZoneInfo(person.time_zone))


def fire(reminder, late=dt.timedelta(seconds=1)):
    """Run the reminder's queued firing as the worker would, just after its moment."""
    reminder.refresh_from_db()
    return question_reminder_fire(reminder.pk, reminder.version, now=reminder.next_at + late)


def day_of(moment, relationship):
    return moment.astimezone(ZoneInfo(relationship.time_zone)).date()


def reminders_for(person, kind=Kind.QUESTION_REMINDER):
    return list(Notification.objects.filter(recipient=person, kind=kind))


def test_saving_a_reminder_queues_its_next_firing_at_the_chosen_local_time(
    ours, alice, no_quiet_hours
):
    reminder = remind(ours.memberships.get(user=alice), at=dt.time(7, 45))
    (queued,) = waiting_tasks()
    assert queued.run_after == reminder.next_at > timezone.now()
    assert local(reminder.next_at, alice).time() == dt.time(7, 45)
    assert queued.task_result.args == [reminder.pk, reminder.version]


def test_a_reminder_goes_out_while_the_question_still_waits_and_plans_the_next(
    ours, alice, no_quiet_hours
):
    reminder = remind(ours.memberships.get(user=alice))
    first = reminder.next_at
    assert fire(reminder) == "reminded"
    (told,) = reminders_for(alice)
    assert told.url == reverse("questions:today", args=[ours.pk])
    assert told.relationship == ours and told.actor is None
    assert headline(told) == "Today's question is here, whenever you're ready."
    reminder.refresh_from_db()
    assert reminder.next_at - first in (dt.timedelta(hours=h) for h in (23, 24, 25))
    assert local(reminder.next_at, alice).time() == dt.time(19, 0)
    assert [t.run_after for t in waiting_tasks()][-1] == reminder.next_at


def test_nobody_is_reminded_of_a_question_they_already_answered(ours, alice, no_quiet_hours):
    member = ours.memberships.get(user=alice)
    reminder = remind(member)
    answer_as(member, todays_prompt(ours, day_of(reminder.next_at, ours)))
    assert fire(reminder) == "already answered"
    assert reminders_for(alice) == []
    reminder.refresh_from_db()
    assert reminder.next_at is not None, "tomorrow is another day, without a word about this one"


def test_a_changed_setting_silences_older_queued_firings(ours, alice, no_quiet_hours):
    member = ours.memberships.get(user=alice)
    old = remind(member, at=dt.time(19, 0))
    old_version, old_moment = old.version, old.next_at
    new = remind(member, at=dt.time(20, 30))
    assert len(waiting_tasks()) == 2
    assert question_reminder_fire(old.pk, old_version, now=old_moment) == "changed since"
    assert reminders_for(alice) == []
    assert local(new.next_at, alice).time() == dt.time(20, 30)

    off = question_reminder_set(
        member=member, at=None, days=frozenset(), to_devices=True, by_email=False,
        nudges_welcome=True,
    )  # fmt: skip
    assert off.next_at is None
    assert question_reminder_fire(new.pk, new.version, now=new.next_at) == "changed since"
    assert reminders_for(alice) == []


def test_a_persons_reminders_at_the_same_minute_come_as_one_notification_naming_them(
    ours, alice, no_quiet_hours
):
    friends = RelationshipFactory.create(name="Book friends", kind="friendship")
    add_member(friends, alice)
    family = RelationshipFactory.create(name="The Smiths", kind="family")
    add_member(family, alice)
    first = remind(ours.memberships.get(user=alice))
    second = remind(friends.memberships.get(user=alice))
    third = remind(family.memberships.get(user=alice), at=dt.time(8, 0))
    assert first.next_at == second.next_at != third.next_at
    second_version = second.version

    assert fire(first) == "reminded"
    (told,) = reminders_for(alice)
    assert told.relationship is None and told.url == reverse("reminders:today")
    assert headline(told) == (
        "Today's questions in Alice & Bob and Book friends are here, whenever you're ready."
    )
    assert question_reminder_fire(second.pk, second_version, now=second.next_at) == (
        "changed since"
    )
    assert len(reminders_for(alice)) == 1
    second.refresh_from_db()
    first.refresh_from_db()
    assert first.next_at == second.next_at > told.created_at


def test_only_the_relationships_whose_question_still_waits_are_named(ours, alice, no_quiet_hours):
    friends = RelationshipFactory.create(name="Book friends", kind="friendship")
    member = add_member(friends, alice)
    first = remind(ours.memberships.get(user=alice))
    remind(member)
    answer_as(member, todays_prompt(friends, day_of(first.next_at, friends)))
    assert fire(first) == "reminded"
    (told,) = reminders_for(alice)
    assert told.relationship == ours


def test_with_the_defaults_several_relationships_make_at_most_one_reminder_a_day(
    ours, alice, bob, no_quiet_hours
):
    for name in ("Book friends", "Climbing"):
        add_member(RelationshipFactory.create(name=name, kind="friendship"), alice)
    reminders_keep_scheduled()
    mine = list(QuestionReminder.objects.filter(member__user=alice))
    assert len(mine) == 3 and len({r.next_at for r in mine}) == 1
    queued = [(r.pk, r.version, r.next_at) for r in mine]
    results = [question_reminder_fire(pk, version, now=moment) for pk, version, moment in queued]
    assert results == ["reminded", "changed since", "changed since"]
    assert len(reminders_for(alice)) == 1


def test_a_reminder_that_falls_in_quiet_hours_goes_out_as_they_end(ours, alice):
    delivery_preferences_set(
        user=alice, push=True, email="off", quiet_start=dt.time(18), quiet_end=dt.time(20, 15)
    )
    reminder = remind(ours.memberships.get(user=alice), at=dt.time(19, 0))
    assert local(reminder.next_at, alice).time() == dt.time(20, 15)
    assert fire(reminder) == "reminded"


def test_new_quiet_hours_or_a_new_time_zone_move_the_queued_firing(ours, alice, no_quiet_hours):
    reminder = remind(ours.memberships.get(user=alice), at=dt.time(6, 30))
    before = reminder.version
    delivery_preferences_set(
        user=alice, push=True, email="off", quiet_start=dt.time(22), quiet_end=dt.time(7)
    )
    reminder.refresh_from_db()
    assert local(reminder.next_at, alice).time() == dt.time(7, 0)
    assert reminder.version > before

    alice.time_zone = "America/New_York"
    alice.save()
    reminder.refresh_from_db()
    assert reminder.next_at.astimezone(ZoneInfo("America/New_York")).time() == dt.time(7, 0)
    live = [t for t in waiting_tasks() if t.task_result.args == [reminder.pk, reminder.version]]
    assert [t.run_after for t in live] == [reminder.next_at]


def test_a_firing_that_runs_long_after_its_moment_stays_silent(ours, alice, no_quiet_hours):
    reminder = remind(ours.memberships.get(user=alice))
    assert fire(reminder, late=LATE + dt.timedelta(minutes=1)).startswith("too late")
    assert reminders_for(alice) == []
    reminder.refresh_from_db()
    assert reminder.next_at is not None


def test_the_reminder_goes_where_the_person_chose(
    ours, alice, no_quiet_hours, channels, django_capture_on_commit_callbacks
):
    reminder = remind(ours.memberships.get(user=alice), devices=False, email=True)
    with django_capture_on_commit_callbacks(execute=True):
        fire(reminder)
    deliveries = DBTaskResult.objects.filter(status="READY", task_path__endswith=".deliver")
    deliveries.update(run_after=timezone.now())
    assert run_ready_tasks() == ["delivered"]
    assert channels.names() == {"email"}


def test_the_worker_runs_a_queued_reminder(ours, alice, no_quiet_hours):
    reminder = remind(ours.memberships.get(user=alice))
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    assert run_ready_tasks() == ["reminded"]
    assert len(reminders_for(alice)) == 1
    (next_one,) = waiting_tasks()
    reminder.refresh_from_db()
    assert next_one.run_after == reminder.next_at > timezone.now()


# --- the check-in reminder -------------------------------------------------------------------


def test_there_is_no_checkin_reminder_until_a_person_asks_for_one(ours, alice, no_quiet_hours):
    reminders_keep_scheduled()
    assert not CheckInReminder.objects.exists()
    assert all(t.task_result.task.name == "question_reminder_due" for t in waiting_tasks())


def test_the_checkin_reminder_goes_out_unless_they_already_checked_in(ours, alice, no_quiet_hours):
    reminder = checkin_reminder_set(
        user=alice, at=dt.time(21, 0), days=EVERY_DAY, to_devices=True, by_email=False
    )
    assert local(reminder.next_at, alice).time() == dt.time(21, 0)
    assert checkin_reminder_fire(reminder.pk, reminder.version, now=reminder.next_at) == "reminded"
    (told,) = reminders_for(alice, Kind.CHECKIN_REMINDER)
    assert told.url == reverse("checkins:checkin") and told.relationship is None

    reminder.refresh_from_db()
    CheckIn.objects.create(user=alice, date=local(reminder.next_at, alice).date(), mood=4, stress=2)
    assert checkin_reminder_fire(reminder.pk, reminder.version, now=reminder.next_at) == (
        "already checked in"
    )
    assert len(reminders_for(alice, Kind.CHECKIN_REMINDER)) == 1


# --- keeping every reminder scheduled --------------------------------------------------------


def test_schedule_reminders_gives_every_member_the_default_and_changes_nothing_when_run_again(
    ours, theirs, alice, no_quiet_hours
):
    checkin_reminder_set(
        user=alice, at=dt.time(8, 0), days=frozenset({0, 2}), to_devices=True, by_email=False
    )
    call_command("schedule_reminders", verbosity=0)
    members = 4
    reminders = QuestionReminder.objects.all()
    assert reminders.count() == members
    assert {r.at for r in reminders} == {dt.time(19, 0)}
    tasks = {t.pk for t in waiting_tasks()}
    assert len(tasks) == members + 1
    versions = {r.pk: r.version for r in reminders}

    call_command("schedule_reminders", verbosity=0)
    assert {t.pk for t in waiting_tasks()} == tasks
    assert {r.pk: r.version for r in QuestionReminder.objects.all()} == versions


def test_schedule_reminders_replaces_a_firing_that_went_missing(ours, alice, no_quiet_hours):
    reminder = remind(ours.memberships.get(user=alice))
    DBTaskResult.objects.all().delete()
    reminders_keep_scheduled()
    reminder.refresh_from_db()
    live = [t for t in waiting_tasks() if t.task_result.args == [reminder.pk, reminder.version]]
    assert len(live) == 1


def test_someone_who_joins_gets_the_default_reminder_and_someone_who_leaves_gets_no_more(
    ours, alice, charlie, no_quiet_hours
):
    invitation = relationships.invitation_create(member=ours.memberships.get(user=alice))
    joined = relationships.invitation_accept(user=charlie, invitation=invitation)
    reminder = QuestionReminder.objects.get(member=joined)
    assert local(reminder.next_at, charlie).time() == dt.time(19, 0)

    version, moment = reminder.version, reminder.next_at
    relationships.member_leave(member=joined)
    reminder.refresh_from_db()
    assert reminder.next_at is None
    assert question_reminder_fire(reminder.pk, version, now=moment) == "changed since"


def test_an_archived_relationship_sends_no_reminders_until_it_is_reopened(
    ours, alice, no_quiet_hours, django_capture_on_commit_callbacks
):
    member = ours.memberships.get(user=alice)
    reminder = remind(member)
    with django_capture_on_commit_callbacks(execute=True):
        relationships.relationship_archive(member=member)
    reminder.refresh_from_db()
    assert reminder.next_at is None
    with django_capture_on_commit_callbacks(execute=True):
        relationships.relationship_reopen(member=member)
    reminder.refresh_from_db()
    assert local(reminder.next_at, alice).time() == dt.time(19, 0)
