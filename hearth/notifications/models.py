import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from hearth.relationships.models import Member, Relationship


class NotificationKind(models.TextChoices):
    YOUR_TURN = "your_turn", "Your turn to answer"
    REVEALED = "revealed", "Answers are open"
    RESPONSE = "response", "A response to your answer"
    JOINED = "joined", "Someone joined"
    SUPPORT = "support", "Someone could use support"
    NUDGE = "nudge", "A gentle nudge"
    QUESTION_REMINDER = "question_reminder", "Your reminder for the day's question"
    CHECKIN_REMINDER = "checkin_reminder", "Your reminder to check in"


class Notification(models.Model):
    """Something waiting for a person: shown in the app, and sent to their devices or inbox as
    they chose. It never holds what anyone wrote; who did it is named only when it is shown."""

    Kind = NotificationKind

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    relationship = models.ForeignKey(
        Relationship, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    actor = models.ForeignKey(
        Member,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who did it; shown by their current name, so a deleted account names nobody.",
    )
    kind = models.CharField(max_length=24, choices=Kind.choices)
    url = models.CharField(max_length=200, help_text="Where it leads, inside Hearth.")
    key = models.CharField(
        max_length=80, help_text="One notification per key and person: repeats update it."
    )
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], name="one_notification_per_key"),
            models.CheckConstraint(
                condition=Q(kind__in=NotificationKind.values), name="notification_kind_known"
            ),
        ]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return f"{self.kind} for {self.recipient_id}"

    @property
    def is_unread(self) -> bool:
        return self.read_at is None


def quiet_start_default() -> datetime.time:
    return datetime.time(22, 0)


def quiet_end_default() -> datetime.time:
    return datetime.time(8, 0)


class DeliveryPreferences(models.Model):
    """How a person wants to be reached outside the app, and when never to be."""

    class Email(models.TextChoices):
        OFF = "off", "No e-mail"
        EACH = "each", "An e-mail for each"
        DIGEST = "digest", "One e-mail a day, if anything is waiting"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="delivery_preferences"
    )
    push = models.BooleanField(default=True, help_text="To the devices you turned it on for.")
    email = models.CharField(max_length=8, choices=Email.choices, default=Email.OFF)
    quiet_start = models.TimeField(default=quiet_start_default)
    quiet_end = models.TimeField(default=quiet_end_default)

    class Meta:
        verbose_name_plural = "delivery preferences"
        constraints = [
            models.CheckConstraint(
                condition=Q(email__in=["off", "each", "digest"]), name="email_choice_known"
            )
        ]

    def __str__(self) -> str:
        return f"Delivery for {self.user_id}"
