from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Activity(models.Model):
    """Something that happened to a person's account, for them alone to read."""

    class Kind(models.TextChoices):
        SIGNED_IN = "signed_in", _("Signed in")
        SIGNED_OUT = "signed_out", _("Signed out")
        PASSWORD_CHANGED = "password_changed", _("Changed the password")
        PASSWORD_RESET = "password_reset", _("Reset the password by e-mail")
        MFA_CHANGED = "mfa_changed", _("Changed two-factor sign-in")
        TOKEN_CREATED = "token_created", _("Made an API token")
        TOKEN_REVOKED = "token_revoked", _("Revoked an API token")
        EXPORTED = "exported", _("Downloaded a copy of their data")
        RELATIONSHIP_STARTED = "relationship_started", _("Started a relationship")
        INVITED = "invited", _("Made an invitation")
        INVITATION_REVOKED = "invitation_revoked", _("Revoked an invitation")
        JOINED = "joined", _("Joined a relationship")
        LEFT = "left", _("Left a relationship")
        ARCHIVED = "archived", _("Archived a relationship")
        REOPENED = "reopened", _("Reopened a relationship")

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
