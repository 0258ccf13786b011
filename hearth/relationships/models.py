import re
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from hearth.accounts.timezones import validate_time_zone


class RelationshipKind(models.TextChoices):
    ROMANTIC = "romantic", _("Romantic")
    FRIENDSHIP = "friendship", _("Friendship")
    FAMILY = "family", _("Family")
    OTHER = "other", pgettext_lazy("relationship kind", "Other")


class RelationshipPhase(models.TextChoices):
    NEW = "new", pgettext_lazy("relationship phase", "New")
    DEEPENING = "deepening", pgettext_lazy("relationship phase", "Deepening")
    COMMITTED = "committed", pgettext_lazy("relationship phase", "Committed")
    LONG_TERM = "long_term", pgettext_lazy("relationship phase", "Long-term")
    RECONNECTING = "reconnecting", pgettext_lazy("relationship phase", "Reconnecting")


# The kind as it reads in a sentence: "this romantic relationship".
KIND_IN_A_SENTENCE: dict[str, Promise] = {
    RelationshipKind.ROMANTIC: _("romantic relationship"),
    RelationshipKind.FRIENDSHIP: _("friendship relationship"),
    RelationshipKind.FAMILY: _("family relationship"),
    RelationshipKind.OTHER: _("other relationship"),
}


class Relationship(models.Model):
    """A circle of 1–12 people with a kind, a phase and the time zone its "today" is counted in."""

    Kind = RelationshipKind
    Phase = RelationshipPhase

    name = models.CharField(max_length=80)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    phase = models.CharField(max_length=16, choices=Phase.choices, default=Phase.NEW)
    time_zone = models.CharField(max_length=64, default="UTC", validators=[validate_time_zone])
    created_at = models.DateTimeField(default=timezone.now)
    archived_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=RelationshipKind.values), name="relationship_kind_known"
            ),
            models.CheckConstraint(
                condition=Q(phase__in=RelationshipPhase.values), name="relationship_phase_known"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    @property
    def kind_in_a_sentence(self) -> str:
        """ "romantic relationship", "family relationship"… in the reader's language."""
        return str(KIND_IN_A_SENTENCE.get(self.kind, _("relationship")))


class MemberQuerySet(models.QuerySet["Member"]):
    def current(self) -> "MemberQuerySet":
        return self.filter(left_at__isnull=True)


class Member(models.Model):
    """A person's place in a relationship. Leaving keeps the row, so history keeps its author."""

    relationship = models.ForeignKey(
        Relationship, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="memberships",
        help_text="Empty once the person deleted their account; the place in history stays.",
    )
    joined_at = models.DateTimeField(default=timezone.now)
    left_at = models.DateTimeField(null=True, blank=True)
    sexual_content_consent = models.BooleanField(
        default=False, help_text="Opted in to sexual questions in this relationship."
    )
    depth_cap = models.PositiveSmallIntegerField(
        default=3, help_text="The deepest questions this member wants here (1 light to 3)."
    )

    objects = MemberQuerySet.as_manager()

    class Meta:
        ordering = ["joined_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["relationship", "user"],
                condition=Q(left_at__isnull=True),
                name="one_current_membership_per_person",
            ),
            models.CheckConstraint(
                condition=Q(left_at__isnull=True) | Q(left_at__gte=models.F("joined_at")),
                name="member_leaves_after_joining",
            ),
            models.CheckConstraint(
                condition=Q(depth_cap__gte=1, depth_cap__lte=3), name="member_depth_cap_1_to_3"
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False) | Q(left_at__isnull=False),
                name="a_current_member_has_an_account",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.relationship}"

    @property
    def is_current(self) -> bool:
        return self.left_at is None

    @property
    def display_name(self) -> str:
        return self.user.display_name if self.user is not None else gettext("A former member")

    # Membership in time: what a member may see is bounded by when they belonged. A current
    # member sees up to now; a former member keeps what reached them before they left, and
    # nothing after. What came before they joined is the reveal rule's to decide.

    def was_member_at(self, moment: datetime | None) -> bool:
        """Whether something that happened at `moment` reached this member while they belonged."""
        return moment is not None and (self.left_at is None or moment <= self.left_at)

    def while_a_member(self, moment_field: str) -> Q:
        """The same rule as a filter: rows whose `moment_field` fell while they belonged."""
        if self.left_at is None:
            return Q(**{f"{moment_field}__isnull": False})
        return Q(**{f"{moment_field}__lte": self.left_at})


CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # no 0/O, 1/I/L, U: easy to read aloud
CODE_LENGTH = 8
CODE_PATTERN = re.compile(rf"^[{CODE_ALPHABET}]{{{CODE_LENGTH}}}$")


def new_invitation_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def new_invitation_token() -> str:
    return secrets.token_urlsafe(24)


def default_expiry() -> datetime:
    return timezone.now() + timedelta(days=settings.INVITATION_DAYS_VALID)


class Invitation(models.Model):
    """A single-use, expiring, revocable link or short code that makes someone a member."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be accepted")
        ACCEPTED = "accepted", _("Accepted")
        REVOKED = "revoked", _("Revoked")
        EXPIRED = "expired", _("Expired")

    relationship = models.ForeignKey(
        Relationship, on_delete=models.CASCADE, related_name="invitations"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    code = models.CharField(max_length=CODE_LENGTH, unique=True, default=new_invitation_code)
    token = models.CharField(max_length=64, unique=True, default=new_invitation_token)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=default_expiry)
    revoked_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=models.F("created_at")),
                name="invitation_expires_after_creation",
            ),
            models.CheckConstraint(
                condition=Q(accepted_at__isnull=True) | Q(revoked_at__isnull=True),
                name="invitation_not_both_accepted_and_revoked",
            ),
        ]

    def __str__(self) -> str:
        return f"Invitation {self.display_code} to {self.relationship}"

    @property
    def display_code(self) -> str:
        half = CODE_LENGTH // 2
        return f"{self.code[:half]}-{self.code[half:]}"

    @property
    def status(self) -> "Invitation.Status":
        if self.accepted_at is not None:
            return self.Status.ACCEPTED
        if self.revoked_at is not None:
            return self.Status.REVOKED
        if self.expires_at <= timezone.now():
            return self.Status.EXPIRED
        return self.Status.PENDING
