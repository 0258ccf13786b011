import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from hearth.encryption import EncryptedTextField
from hearth.relationships.models import Member, Relationship


class Plan(models.Model):
    """A practice planned for a moment: every member of the relationship sees it."""

    relationship = models.ForeignKey(Relationship, on_delete=models.CASCADE, related_name="plans")
    practice_key = models.CharField(max_length=40, help_text="A practice's id in the library.")
    planned_by = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="plans_made")
    starts_at = models.DateTimeField()
    note = EncryptedTextField(blank=True, help_text="Seen by every member, like the plan.")
    created_at = models.DateTimeField(default=timezone.now)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["relationship", "starts_at"])]

    def __str__(self) -> str:
        return f"{self.practice_key} at {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None


class Reflection(models.Model):
    """How close a member felt after doing a practice. Private unless its author shares it;
    unshared, its closeness still counts, unnamed, in what Hearth learns works for them."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="reflections")
    practice_key = models.CharField(max_length=40)
    plan = models.ForeignKey(
        Plan, null=True, blank=True, on_delete=models.SET_NULL, related_name="reflections"
    )
    done_on = models.DateField(help_text="The relationship's date when it was done.")
    closeness = models.PositiveSmallIntegerField(
        help_text="1 to 7: the same circles as the check-in, apart to overlapping."
    )
    note = EncryptedTextField(blank=True)
    shared = models.BooleanField(
        default=False, help_text="Let the other members see it: the closeness and the note."
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-done_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closeness__gte=1, closeness__lte=7), name="reflection_closeness_1_to_7"
            ),
            models.UniqueConstraint(
                fields=["member", "plan"],
                condition=Q(plan__isnull=False),
                name="one_reflection_per_member_and_plan",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member_id} after {self.practice_key}: {self.closeness}"


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class CalendarFeed(models.Model):
    """A person's private calendar address for what is planned in their relationships.

    The address is a secret: whoever holds it reads the plans, so the person can see it again,
    make a new one (the old one stops at once) or turn it off."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = EncryptedTextField(help_text="Kept to show the address again; looked up by digest.")
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_read_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"calendar of {self.user_id}"

    @staticmethod
    def new_token() -> str:
        return secrets.token_urlsafe(32)
