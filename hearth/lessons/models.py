from django.conf import settings
from django.db import models
from django.utils import timezone


class LessonRead(models.Model):
    """A lesson a person opened, so what comes next can be new to them."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lessons_read"
    )
    lesson_key = models.CharField(max_length=40)
    read_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-read_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson_key"], name="one_read_per_lesson")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} read {self.lesson_key}"
