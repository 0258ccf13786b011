from django.conf import settings
from django.db import models
from django.utils import timezone


class Activity(models.Model):
    """Something that happened to a person's account, for them alone to read."""

    class Kind(models.TextChoices):
        SIGNED_IN = "signed_in", "Signed in"
        SIGNED_OUT = "signed_out", "Signed out"
        PASSWORD_CHANGED = "password_changed", "Changed the password"
        PASSWORD_RESET = "password_reset", "Reset the password by e-mail"
        MFA_CHANGED = "mfa_changed", "Changed two-factor sign-in"
        TOKEN_CREATED = "token_created", "Made an API token"
        TOKEN_REVOKED = "token_revoked", "Revoked an API token"
        EXPORTED = "exported", "Downloaded a copy of their data"
        RELATIONSHIP_STARTED = "relationship_started", "Started a relationship"
        INVITED = "invited", "Made an invitation"
        INVITATION_REVOKED = "invitation_revoked", "Revoked an invitation"
        JOINED = "joined", "Joined a relationship"
        LEFT = "left", "Left a relationship"
        ARCHIVED = "archived", "Archived a relationship"
        REOPENED = "reopened", "Reopened a relationship"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="activities"
    )
    kind = models.CharField(max_length=32, choices=Kind.choices)
    detail = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name_plural = "activities"

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}"
