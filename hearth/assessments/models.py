from django.db import models
from django.utils import timezone

from hearth.relationships.models import Member


class Assessment(models.Model):
    """One taking of the intimacy profile by a member. Item answers stay private; the member
    chooses whether the relationship sees the scale scores. Every taking is kept as history."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="assessments")
    taken_at = models.DateTimeField(default=timezone.now, db_index=True)
    answers = models.JSONField(help_text="Item key → 1..7. Never shown to anyone else.")
    scores = models.JSONField(help_text="Scale → 0..100.")
    shared = models.BooleanField(default=False)

    class Meta:
        ordering = ["-taken_at", "-pk"]

    def __str__(self) -> str:
        return f"Profile of {self.member_id} at {self.taken_at:%Y-%m-%d}"
