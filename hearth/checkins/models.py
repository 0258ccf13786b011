from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import pgettext_lazy

from hearth.encryption import EncryptedTextField
from hearth.relationships.models import Member


class CheckIn(models.Model):
    """A person's day in under 30 seconds: their own well-being, once per day in their zone."""

    class Mood(models.IntegerChoices):
        VERY_LOW = 1, pgettext_lazy("mood", "Very low")
        LOW = 2, pgettext_lazy("mood", "Low")
        OKAY = 3, pgettext_lazy("mood", "Okay")
        GOOD = 4, pgettext_lazy("mood", "Good")
        VERY_GOOD = 5, pgettext_lazy("mood", "Very good")

    class Stress(models.IntegerChoices):
        NONE = 1, pgettext_lazy("stress", "None")
        A_LITTLE = 2, pgettext_lazy("stress", "A little")
        SOME = 3, pgettext_lazy("stress", "Some")
        A_LOT = 4, pgettext_lazy("stress", "A lot")
        OVERWHELMING = 5, pgettext_lazy("stress", "Overwhelming")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkins"
    )
    date = models.DateField(help_text="The person's own date.")
    mood = models.PositiveSmallIntegerField(choices=Mood.choices)
    stress = models.PositiveSmallIntegerField(choices=Stress.choices)
    sleep_hours = models.DecimalField(max_digits=3, decimal_places=1, null=True, blank=True)
    systolic = models.PositiveSmallIntegerField(null=True, blank=True)
    diastolic = models.PositiveSmallIntegerField(null=True, blank=True)
    note = EncryptedTextField(blank=True, help_text="Private: only its author ever sees it.")
    support_wanted = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(fields=["user", "date"], name="one_checkin_per_day"),
            models.CheckConstraint(condition=Q(mood__gte=1, mood__lte=5), name="mood_1_to_5"),
            models.CheckConstraint(condition=Q(stress__gte=1, stress__lte=5), name="stress_1_to_5"),
            models.CheckConstraint(
                condition=Q(sleep_hours__isnull=True) | Q(sleep_hours__gte=0, sleep_hours__lte=24),
                name="sleep_0_to_24_hours",
            ),
            models.CheckConstraint(
                condition=(Q(systolic__isnull=True) & Q(diastolic__isnull=True))
                | Q(systolic__gte=60, systolic__lte=260, diastolic__gte=30, diastolic__lte=160),
                name="blood_pressure_plausible_and_paired",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} on {self.date}"


class RelationshipCheckIn(models.Model):
    """The same day, for one relationship: how close, how understood, affection, sharing."""

    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="relationships")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="checkins")
    closeness = models.PositiveSmallIntegerField(
        help_text="1 to 7: the 'inclusion of other in self' circles, apart to overlapping."
    )
    felt_understood = models.PositiveSmallIntegerField(null=True, blank=True)
    affection = models.BooleanField(default=False, help_text="Hugs, touch, closeness today.")
    shared_personal = models.BooleanField(default=False)
    share_support = models.BooleanField(
        default=False, help_text="Let this relationship see the 'I could use support' signal."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["checkin", "member"], name="one_entry_per_relationship"
            ),
            models.CheckConstraint(
                condition=Q(closeness__gte=1, closeness__lte=7), name="closeness_1_to_7"
            ),
            models.CheckConstraint(
                condition=Q(felt_understood__isnull=True)
                | Q(felt_understood__gte=1, felt_understood__lte=7),
                name="checkin_felt_understood_1_to_7",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member_id}: {self.closeness}"
