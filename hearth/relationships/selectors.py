"""Reads about relationships, always scoped to the person asking."""

from datetime import timedelta

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from hearth.accounts.models import User
from hearth.relationships.models import CODE_PATTERN, Invitation, Member, Relationship


def memberships_of(user: User) -> QuerySet[Member]:
    """The person's current places in relationships, archived ones included."""
    return (
        Member.objects.current()
        .filter(user=user)
        .select_related("relationship")
        .annotate(
            member_count=Count(
                "relationship__memberships",
                filter=Q(relationship__memberships__left_at__isnull=True),
            )
        )
        .order_by("relationship__archived_at", "relationship__name", "relationship__pk")
    )


def places_to_switch_to(user: User) -> list[Member]:
    """The person's current places in relationships that aren't archived, by name: what the
    navigation's switcher lists (no counts, no more than it shows)."""
    return list(
        Member.objects.current()
        .filter(user=user, relationship__archived_at__isnull=True)
        .select_related("relationship")
        .order_by("relationship__name", "relationship__pk")
    )


def member_for(*, user: User, relationship_id: int) -> Member:
    """The asking person's current membership, or 404 for anyone else: the one access check."""
    # An id beyond 64 bits can't exist (and SQLite can't even compare one): not found either.
    if not user.is_authenticated or not 0 < relationship_id < 2**63:
        raise Http404
    member = (
        Member.objects.current()
        .select_related("relationship", "user")
        .filter(user=user, relationship_id=relationship_id)
        .first()
    )
    if member is None:
        raise Http404
    return member


def current_members(relationship: Relationship) -> QuerySet[Member]:
    return relationship.memberships.current().select_related("user")


def recently_left(relationship: Relationship, days: int = 30) -> QuerySet[Member]:
    """Who left lately, so the others know; an account deleted shows as a former member."""
    since = timezone.now() - timedelta(days=days)
    current = relationship.memberships.current().values("user")
    return (
        relationship.memberships.filter(left_at__gte=since)
        .exclude(user__in=current)
        .select_related("user")
    )


def pending_invitations(relationship: Relationship) -> list[Invitation]:
    invitations = relationship.invitations.filter(
        accepted_at__isnull=True, revoked_at__isnull=True
    ).select_related("created_by")
    return [invitation for invitation in invitations if invitation.status == "pending"]


def normalise_code(raw: str) -> str:
    return "".join(ch for ch in raw.upper() if ch.isalnum())


def invitation_by_code(raw_code: str) -> Invitation | None:
    code = normalise_code(raw_code)
    if not CODE_PATTERN.match(code):
        return None
    return Invitation.objects.select_related("relationship", "created_by").filter(code=code).first()


def pending_invitation_by_token(token: str) -> Invitation | None:
    """The invitation a link opens, only while it can still be accepted: a used, withdrawn or
    expired link shows nothing of the relationship, exactly like a link that never existed."""
    invitation = invitation_by_token(token)
    if invitation is None or invitation.status != Invitation.Status.PENDING:
        return None
    return invitation


def invitation_by_token(token: str) -> Invitation | None:
    if not token or len(token) > 64:
        return None
    return (
        Invitation.objects.select_related("relationship", "created_by").filter(token=token).first()
    )
