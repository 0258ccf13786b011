import datetime as dt

import pytest
from django.core.management import call_command

from hearth.reminders.models import CheckInReminder, Nudge, QuestionReminder
from hearth.tests.tasks import waiting_tasks

pytestmark = pytest.mark.django_db


def test_the_demo_people_have_reminders_one_to_check_in_and_one_who_would_rather_not_be_nudged():
    call_command("demo")
    (checkin,) = CheckInReminder.objects.select_related("user")
    assert checkin.user.display_name == "Sam" and checkin.at == dt.time(21, 0)
    riley = QuestionReminder.objects.get(member__user__display_name="Riley", member__left_at=None)
    assert not riley.nudges_welcome and riley.at is None
    alex = QuestionReminder.objects.filter(member__user__display_name="Alex")
    assert {r.at for r in alex} == {dt.time(19, 0)} and alex.count() == 2
    assert Nudge.objects.get().to.display_name == "Sam"
    active = QuestionReminder.objects.exclude(next_at=None).count() + 1  # and Sam's check-in
    assert len(waiting_tasks()) >= active
