from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from hearth.encryption import EncryptedTextField
from hearth.relationships.models import Member, Relationship


class Appreciation(models.Model):
    """A thank-you from one member to another, for something specific. The two of them read it;
    the sender may let every member read it."""

    relationship = models.ForeignKey(
        Relationship, on_delete=models.CASCADE, related_name="appreciations"
    )
    sender = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="appreciations_sent")
    recipient = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="appreciations_received"
    )
    text = EncryptedTextField()
    for_everyone = models.BooleanField(default=False, help_text="Every member may read it.")
    prompt_key = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["relationship", "created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(sender=F("recipient")), name="appreciation_to_someone_else"
            )
        ]

    def __str__(self) -> str:
        return f"{self.sender_id} → {self.recipient_id}"


class GratitudeEntry(models.Model):
    """A line in a member's gratitude log: private, or shared with the relationship."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="gratitude_entries")
    text = EncryptedTextField()
    shared = models.BooleanField(default=False)
    prompt_key = models.CharField(max_length=40, blank=True)
    date = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name_plural = "gratitude entries"
        # A month of one member's lines, and the nearest line before or after it, read directly.
        indexes = [models.Index(fields=["member", "date"])]

    def __str__(self) -> str:
        return f"{self.member_id} on {self.date}"
