"""Deliveries outside the app are background work: queued once the change is saved, held through
quiet hours, tried again with growing waits, given up after a bound, never chasing what was seen."""

import datetime as dt
import itertools
import logging
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from hearth.notifications import delivery
from hearth.notifications.clock import in_quiet_hours
from hearth.notifications.models import Notification
from hearth.notifications.services import delivery_preferences_set
from hearth.questions.tests.factories import answer_as, todays_prompt
from hearth.tests.tasks import run_ready_tasks, waiting_tasks

pytestmark = pytest.mark.django_db


class Recorder:
    """A channel that keeps what it was asked to deliver, failing the first `failures` times."""

    def __init__(self) -> None:
        self.delivered: list[int] = []
        self.failures = 0

    def send(self, notification: Notification) -> None:
        if self.failures:
            self.failures -= 1
            raise delivery.DeliveryFailed("the far end is down")
        self.delivered.append(notification.pk)


@pytest.fixture
def channel():
    recorder = Recorder()
    delivery.channel("recorder", wants=lambda notification, preferences: True)(recorder.send)
    yield recorder
    del delivery.CHANNELS["recorder"]


@pytest.fixture
def no_quiet_hours(bob):
    delivery_preferences_set(
        user=bob, push=True, email="off", quiet_start=dt.time(0, 0), quiet_end=dt.time(0, 0)
    )


def test_deliveries_are_queued_once_the_answer_is_saved_and_no_page_waits(
    ours, alice, bob, channel, no_quiet_hours, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as saved:
        answer_as(ours.memberships.get(user=alice), todays_prompt(ours))
        assert waiting_tasks() == [], "nothing is queued before the change is saved"
    assert saved
    assert channel.delivered == [], "the answer did not wait for any delivery"
    assert run_ready_tasks() == ["delivered"]
    assert channel.delivered == [Notification.objects.get(recipient=bob).pk]


def test_quiet_hours_hold_deliveries_until_they_end(
    ours, alice, bob, channel, django_capture_on_commit_callbacks
):
    zone = ZoneInfo(bob.time_zone)
    now = timezone.now().astimezone(zone)
    start = (now - dt.timedelta(hours=1)).time().replace(second=0, microsecond=0)
    end = (now + dt.timedelta(hours=2)).time().replace(second=0, microsecond=0)
    delivery_preferences_set(user=bob, push=True, email="off", quiet_start=start, quiet_end=end)
    with django_capture_on_commit_callbacks(execute=True):
        answer_as(ours.memberships.get(user=alice), todays_prompt(ours))
    (queued,) = waiting_tasks()
    assert queued.run_after is not None
    assert not in_quiet_hours(queued.run_after, zone, start, end)
    assert queued.run_after.astimezone(zone).time() == end
    assert run_ready_tasks() == [], "not before the quiet hours end"


def test_a_failed_delivery_is_tried_again_with_growing_waits_then_given_up(
    ours, alice, bob, channel, no_quiet_hours, django_capture_on_commit_callbacks, caplog
):
    channel.failures = 99
    with django_capture_on_commit_callbacks(execute=True):
        answer_as(ours.memberships.get(user=alice), todays_prompt(ours))
    outcomes, waits = [], []
    for _ in range(delivery.MAX_ATTEMPTS + 2):
        outcomes += run_ready_tasks()
        later = waiting_tasks()
        if not later:
            break
        (next_try,) = later
        waits.append(next_try.run_after - timezone.now())
        DBTaskResult.objects.filter(pk=next_try.pk).update(run_after=timezone.now())
    assert outcomes == ["will try again"] * (delivery.MAX_ATTEMPTS - 1) + ["gave up"]
    assert all(later > earlier for earlier, later in itertools.pairwise(waits))
    assert "Gave up delivering notification" in caplog.text
    assert channel.delivered == []


def test_a_delivery_that_fails_once_gets_through_on_the_next_try(
    ours, alice, bob, channel, no_quiet_hours, django_capture_on_commit_callbacks
):
    channel.failures = 1
    with django_capture_on_commit_callbacks(execute=True):
        answer_as(ours.memberships.get(user=alice), todays_prompt(ours))
    assert run_ready_tasks() == ["will try again"]
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    assert run_ready_tasks() == ["delivered"]
    assert len(channel.delivered) == 1


def test_what_was_seen_in_the_app_is_not_chased(
    client, ours, alice, bob, channel, no_quiet_hours, django_capture_on_commit_callbacks
):
    prompt = todays_prompt(ours)
    with django_capture_on_commit_callbacks(execute=True):
        answer_as(ours.memberships.get(user=alice), prompt)
    client.force_login(bob)
    client.get(prompt.get_absolute_url())
    assert run_ready_tasks() == ["already seen in the app"]
    assert channel.delivered == []


@pytest.mark.django_db(transaction=True)
def test_the_worker_runs_the_queued_deliveries(ours, alice, bob, channel, no_quiet_hours, caplog):
    caplog.set_level(logging.INFO)
    answer_as(ours.memberships.get(user=alice), todays_prompt(ours))
    assert len(waiting_tasks()) == 1
    call_command("db_worker", batch=True, interval=0, startup_delay=False)
    assert channel.delivered == [Notification.objects.get(recipient=bob).pk]
    assert waiting_tasks() == []
