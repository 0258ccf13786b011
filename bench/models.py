from django.db import models
from django.utils import timezone


class Ping(models.Model):
    """The bare insert's row: one small write, nothing else."""

    note = models.CharField(max_length=40)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.note
