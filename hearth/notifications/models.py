import datetime
import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hearth.relationships.models import Member, Relationship


class NotificationKind(models.TextChoices):
    YOUR_TURN = "your_turn", gettext_lazy("Your turn to answer")
    REVEALED = "revealed", gettext_lazy("Answers are open")
    RESPONSE = "response", gettext_lazy("A response to your answer")
    JOINED = "joined", gettext_lazy("Someone joined")
    SUPPORT = "support", gettext_lazy("Someone could use support")
    NUDGE = "nudge", gettext_lazy("A gentle nudge")
    QUESTION_REMINDER = "question_reminder", gettext_lazy("Your reminder for the day's question")
    CHECKIN_REMINDER = "checkin_reminder", gettext_lazy("Your reminder to check in")
    APPRECIATION = "appreciation", gettext_lazy("Someone thanked you")
    PLANNED = "planned", gettext_lazy("A practice was planned")
    REVIEW = "review", gettext_lazy("The weekly review")
    PLAN_SOON = "plan_soon", gettext_lazy("A planned practice starts soon")


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
        OFF = "off", gettext_lazy("No e-mail")
        EACH = "each", gettext_lazy("An e-mail for each")
        DIGEST = "digest", gettext_lazy("One e-mail a day, if anything is waiting")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="delivery_preferences"
    )
    push = models.BooleanField(
        default=True, help_text=gettext_lazy("To the devices you turned it on for.")
    )
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


class PushSubscription(models.Model):
    """A device (a browser on a phone or computer) a person turned notifications on for. The
    push service's address and the keys are the browser's; they only ever carry a message
    there, and are never shown or exported."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="push_subscriptions"
    )
    endpoint = models.URLField(
        max_length=1000, unique=True, help_text="The push service's address for this device."
    )
    p256dh = models.CharField(max_length=100, help_text="The device's public key (base64url).")
    auth = models.CharField(max_length=40, help_text="The device's secret (base64url).")
    label = models.CharField(max_length=60, blank=True, help_text="What the device seems to be.")
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(endpoint__startswith="https://") | Q(endpoint__startswith="http://"),
                name="push_endpoint_is_a_web_address",
            )
        ]

    def __str__(self) -> str:
        return f"{self.label or 'A device'} of {self.user_id}"

    @property
    def shown_label(self) -> str:
        """What the device seems to be (its label, kept in English as devices.label_for made
        it), in the reader's language."""
        if self.label in ("", "A browser"):
            return _("A browser")
        if self.label.startswith("A browser on "):
            return _("A browser on %(system)s") % {
                "system": self.label.removeprefix("A browser on ")
            }
        browser, on, system = self.label.partition(" on ")
        if not on:
            return self.label
        # Translators: a device, e.g. "Firefox on Android".
        return _("%(browser)s on %(system)s") % {"browser": browser, "system": system}

    @property
    def endpoint_digest(self) -> str:
        """Lets this device's page recognise it in the list without the address being shown."""
        return hashlib.sha256(self.endpoint.encode()).hexdigest()[:16]
