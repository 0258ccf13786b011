from django.db import models
from django.utils import timezone

from hearth.encryption import EncryptedTextField
from hearth.gratitude.models import Appreciation
from hearth.practices.models import Plan
from hearth.relationships.models import Member, Relationship


class WeeklyReview(models.Model):
    """One week's look back and ahead for a relationship, taken together."""

    relationship = models.ForeignKey(
        Relationship, on_delete=models.CASCADE, related_name="weekly_reviews"
    )
    week_of = models.DateField(help_text="The Monday the week starts, in the relationship's zone.")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-week_of"]
        constraints = [
            models.UniqueConstraint(fields=["relationship", "week_of"], name="one_review_a_week")
        ]

    def __str__(self) -> str:
        return f"{self.relationship_id}, week of {self.week_of}"


class ReviewContribution(models.Model):
    """A member's part of the weekly review; every member of the relationship reads it."""

    review = models.ForeignKey(WeeklyReview, on_delete=models.CASCADE, related_name="contributions")
    member = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="review_contributions"
    )
    went_well = EncryptedTextField(blank=True)
    work_on = EncryptedTextField(blank=True, help_text="One thing to work on, gently.")
    appreciation = models.ForeignKey(
        Appreciation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    plan = models.ForeignKey(
        Plan, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["review", "member"], name="one_contribution_a_member")
        ]

    def __str__(self) -> str:
        return f"{self.member_id} in review {self.review_id}"
