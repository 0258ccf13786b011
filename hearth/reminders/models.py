"""Reminders a person sets for themselves, and the one nudge a member may send another.

Times are wall-clock times in the person's own time zone (`user.time_zone`); quiet hours are
the person's `DeliveryPreferences` and are not repeated here. Nothing here counts missed days.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import dates, timezone

from hearth.questions.models import Prompt
from hearth.relationships.models import Member

# "Monday" … "Sunday" in the reader's language (Django's own names for them).
WEEKDAYS = [dates.WEEKDAYS[day] for day in range(7)]
EVERY_DAY = 0b1111111  # bit 0 Monday … bit 6 Sunday, as datetime.weekday() counts

# The delivery channels a reminder may use besides the app itself (which it always uses).
DEVICES, EMAIL = "push", "email"


def days_of(mask: int) -> frozenset[int]:
    return frozenset(day for day in range(7) if mask >> day & 1)


def mask_of(days: frozenset[int] | set[int]) -> int:
    return sum(1 << day for day in set(days))


def question_reminder_time() -> datetime.time:
    return datetime.time(19, 0)


class ReminderTime(models.Model):
    """A time of day, on chosen days of the week, and where the reminder goes besides the app.

    `version` changes whenever the next firing is planned again, and every queued firing
    carries the version it was planned under: an older one finds it changed and does nothing."""

    at = models.TimeField(null=True, blank=True, help_text="Empty: no reminder.")
    days = models.PositiveSmallIntegerField(
        default=EVERY_DAY, help_text="Days of the week, one bit each from Monday."
    )
    to_devices = models.BooleanField(default=True, help_text="Also to the person's devices.")
    by_email = models.BooleanField(default=False, help_text="Also by e-mail.")
    version = models.PositiveIntegerField(default=0)
    next_at = models.DateTimeField(
        null=True, blank=True, help_text="When the next firing is queued for, if any."
    )

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(days__gte=0, days__lte=EVERY_DAY), name="%(class)s_days_of_a_week"
            ),
            models.CheckConstraint(
                condition=Q(at__isnull=True) | Q(days__gt=0), name="%(class)s_on_some_day"
            ),
        ]

    @property
    def weekdays(self) -> frozenset[int]:
        return days_of(self.days)

    @property
    def channels(self) -> frozenset[str]:
        """Channels besides the app, by their names in the delivery registry."""
        return frozenset(
            name for name, wanted in ((DEVICES, self.to_devices), (EMAIL, self.by_email)) if wanted
        )


class QuestionReminder(ReminderTime):
    """A member's reminder for their relationship's question of the day, and whether the others
    may nudge them. A member without a row has the defaults: 19:00 every day, nudges welcome."""

    member = models.OneToOneField(Member, on_delete=models.CASCADE, related_name="reminder")
    at = models.TimeField(
        null=True, blank=True, default=question_reminder_time, help_text="Empty: no reminder."
    )
    nudges_welcome = models.BooleanField(
        default=True, help_text="Others in the relationship may send a gentle reminder."
    )

    class Meta(ReminderTime.Meta):
        pass

    def __str__(self) -> str:
        return f"Question reminder of {self.member_id}"


class CheckInReminder(ReminderTime):
    """A person's reminder to check in. The check-in is one per person a day, covering all their
    relationships, so its reminder is one per person too; one per relationship would repeat."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkin_reminder"
    )

    class Meta(ReminderTime.Meta):
        pass

    def __str__(self) -> str:
        return f"Check-in reminder of {self.user_id}"


class Nudge(models.Model):
    """A member's gentle reminder to another member who hasn't answered a prompt yet. At most
    one per person and prompt, from anyone."""

    prompt = models.ForeignKey(Prompt, on_delete=models.CASCADE, related_name="+")
    to = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="nudges_received")
    by = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="nudges_sent")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["prompt", "to"], name="one_nudge_per_person_and_prompt"
            ),
            models.CheckConstraint(condition=~Q(to=F("by")), name="nudge_goes_to_another"),
        ]

    def __str__(self) -> str:
        return f"Nudge to {self.to_id} on {self.prompt_id}"
