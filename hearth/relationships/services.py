"""The rules of relationships, members and invitations."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hearth.accounts.models import User
from hearth.activity.models import Activity
from hearth.activity.services import activity_record
from hearth.refusals import Refusal
from hearth.relationships.models import CODE_PATTERN, Invitation, Member, Relationship
from hearth.relationships.selectors import normalise_code
from hearth.relationships.signals import member_joined, member_left


class MembershipError(Refusal):
    """A membership rule said no."""


@transaction.atomic
def relationship_create(
    *, user: User, name: str, kind: str, phase: str, time_zone: str
) -> Relationship:
    relationship = Relationship(name=name.strip(), kind=kind, phase=phase, time_zone=time_zone)
    relationship.full_clean()
    relationship.save()
    Member.objects.create(relationship=relationship, user=user)
    activity_record(user=user, kind=Activity.Kind.RELATIONSHIP_STARTED, detail=relationship.name)
    return relationship


def relationship_update(*, member: Member, name: str, phase: str, time_zone: str) -> Relationship:
    relationship = member.relationship
    relationship.name = name.strip()
    relationship.phase = phase
    relationship.time_zone = time_zone
    relationship.full_clean()
    relationship.save(update_fields=["name", "phase", "time_zone"])
    return relationship


def relationship_archive(*, member: Member) -> None:
    relationship = member.relationship
    if relationship.archived_at is None:
        relationship.archived_at = timezone.now()
        relationship.save(update_fields=["archived_at"])
        activity_record(user=member.user, kind=Activity.Kind.ARCHIVED, detail=relationship.name)


def relationship_reopen(*, member: Member) -> None:
    relationship = member.relationship
    relationship.archived_at = None
    relationship.save(update_fields=["archived_at"])
    activity_record(user=member.user, kind=Activity.Kind.REOPENED, detail=relationship.name)


def invitation_create(*, member: Member) -> Invitation:
    relationship = member.relationship
    if relationship.is_archived:
        raise MembershipError(_("This relationship is archived. Reopen it before inviting anyone."))
    if relationship.memberships.current().count() >= settings.RELATIONSHIP_MAX_MEMBERS:
        raise MembershipError(
            _("A relationship has at most %(most)s members, and this one is full.")
            % {"most": settings.RELATIONSHIP_MAX_MEMBERS}
        )
    invitation = Invitation.objects.create(relationship=relationship, created_by=member.user)
    activity_record(user=member.user, kind=Activity.Kind.INVITED, detail=relationship.name)
    return invitation


def invitation_revoke(*, member: Member, invitation_id: int) -> Invitation:
    invitation = member.relationship.invitations.filter(pk=invitation_id).first()
    if invitation is None:
        raise MembershipError(_("That invitation does not exist."))
    if invitation.accepted_at is not None:
        raise MembershipError(_("That invitation was already accepted, so it can't be revoked."))
    if invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        activity_record(
            user=member.user, kind=Activity.Kind.INVITATION_REVOKED, detail=invitation.display_code
        )
    return invitation


def check_code_format(raw_code: str) -> str:
    code = normalise_code(raw_code)
    if not CODE_PATTERN.match(code):
        raise MembershipError(
            _(
                "That doesn't look like an invitation code. "
                "Codes have 8 letters and digits, like ABCD-2345."
            )
        )
    return code


@transaction.atomic
def invitation_accept(*, user: User, invitation: Invitation) -> Member:
    """Make the person a member, if the invitation is still good and there is room."""
    # Lock the relationship so two acceptances can't both take the last place.
    relationship = Relationship.objects.select_for_update().get(pk=invitation.relationship_id)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    status = invitation.status
    if status == Invitation.Status.ACCEPTED:
        raise MembershipError(_("This invitation has already been used. Ask for a new one."))
    if status == Invitation.Status.REVOKED:
        raise MembershipError(
            _("This invitation was withdrawn. Ask for a new one if you expected it.")
        )
    if status == Invitation.Status.EXPIRED:
        raise MembershipError(_("This invitation has expired. Ask for a new one."))
    if relationship.is_archived:
        raise MembershipError(_("This relationship is archived, so nobody can join it now."))
    current = relationship.memberships.current()
    if current.filter(user=user).exists():
        raise MembershipError(_("You are already a member of this relationship."))
    if current.count() >= settings.RELATIONSHIP_MAX_MEMBERS:
        raise MembershipError(
            _("This relationship already has %(most)s members, the most a relationship can have.")
            % {"most": settings.RELATIONSHIP_MAX_MEMBERS}
        )
    member = Member.objects.create(relationship=relationship, user=user)
    invitation.accepted_at = member.joined_at
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    activity_record(user=user, kind=Activity.Kind.JOINED, detail=relationship.name)
    member_joined.send(sender=Member, member=member)
    return member


@transaction.atomic
def member_leave(*, member: Member) -> None:
    """Leave at any time; a relationship left with one member or none is archived, not deleted."""
    relationship = Relationship.objects.select_for_update().get(pk=member.relationship_id)
    now = timezone.now()
    Member.objects.filter(pk=member.pk, left_at__isnull=True).update(left_at=now)
    member.left_at = now
    if relationship.memberships.current().count() <= 1 and relationship.archived_at is None:
        relationship.archived_at = now
        relationship.save(update_fields=["archived_at"])
    activity_record(user=member.user, kind=Activity.Kind.LEFT, detail=relationship.name)
    member_left.send(sender=Member, member=member)
