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


class AssessmentDraft(models.Model):
    """A profile a member has started and not finished: the answers so far, for them alone.
    It is never a result; it becomes an Assessment once every offered statement is answered,
    and is gone then."""

    member = models.OneToOneField(Member, on_delete=models.CASCADE, related_name="profile_draft")
    answers = models.JSONField(default=dict, help_text="Item key → 1..7, answered so far.")
    shared = models.BooleanField(default=False, help_text="Whether to share the scores, so far.")
    started_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Profile in progress for {self.member_id}"
