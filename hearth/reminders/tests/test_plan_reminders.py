"""Shortly before a planned practice starts, every member hears of it, unless it was called off."""

from datetime import timedelta

import pytest
from django.utils import timezone

from hearth.notifications.models import Notification
from hearth.practices.selectors import practices_for
from hearth.practices.services import plan_cancel, plan_make
from hearth.reminders.plans import SOON
from hearth.tests.tasks import run_ready_tasks, waiting_tasks

pytestmark = pytest.mark.django_db


def planned(ours, alice, django_capture_on_commit_callbacks, starts_in: timedelta):
    with django_capture_on_commit_callbacks(execute=True):
        return plan_make(
            member=ours.memberships.get(user=alice),
            practice_key=practices_for(ours)[0].key,
            starts_at=timezone.now() + starts_in,
        )


def test_a_plan_queues_a_word_half_an_hour_before_it_starts(
    ours, alice, django_capture_on_commit_callbacks
):
    plan = planned(ours, alice, django_capture_on_commit_callbacks, timedelta(days=2))
    [queued] = [t for t in waiting_tasks() if t.task_path.endswith("plan_starts_soon")]
    assert queued.run_after == plan.starts_at - SOON
    assert run_ready_tasks() == []  # not due yet


def test_everyone_hears_shortly_before_and_nobody_once_it_is_called_off(
    ours, alice, bob, django_capture_on_commit_callbacks
):
    plan = planned(ours, alice, django_capture_on_commit_callbacks, timedelta(minutes=10))
    assert "reminded" in run_ready_tasks()
    told = set(Notification.objects.filter(kind="plan_soon").values_list("recipient", flat=True))
    assert told == {alice.pk, bob.pk}

    other = planned(ours, alice, django_capture_on_commit_callbacks, timedelta(minutes=5))
    plan_cancel(member=ours.memberships.get(user=bob), plan=other)
    assert run_ready_tasks() == ["called off"]
    assert Notification.objects.filter(kind="plan_soon").count() == 2
    assert plan.pk != other.pk
