from datetime import datetime

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from pydantic import field_validator

from hearth.accounts.models import User
from hearth.api_types import Text, check_time_zone, errors, me, membership
from hearth.relationships import selectors, services
from hearth.relationships.models import (
    Invitation,
    Member,
    Relationship,
    RelationshipKind,
    RelationshipPhase,
)

router = Router(tags=["relationships"])


class RelationshipOut(Schema):
    id: int
    name: str
    kind: RelationshipKind
    phase: RelationshipPhase
    time_zone: str
    created_at: datetime
    archived_at: datetime | None


class RelationshipIn(Schema):
    name: Text = Field(min_length=1, max_length=80)
    kind: RelationshipKind
    phase: RelationshipPhase = RelationshipPhase.NEW
    time_zone: str = "UTC"

    _check_time_zone = field_validator("time_zone")(check_time_zone)


class RelationshipPatch(Schema):
    name: Text | None = Field(None, min_length=1, max_length=80)
    phase: RelationshipPhase | None = None
    time_zone: str | None = None

    _check_time_zone = field_validator("time_zone")(check_time_zone)


class MemberOut(Schema):
    id: int
    display_name: str
    pronouns: str
    joined_at: datetime
    is_me: bool


class InvitationOut(Schema):
    id: int
    code: str = Field(description="The short code to type in, like ABCD-2345.")
    link: str = Field(description="The link that opens the invitation.")
    created_at: datetime
    expires_at: datetime
    status: Invitation.Status


class AcceptIn(Schema):
    code: Text | None = Field(None, max_length=20, description="The short code, or")
    token: Text | None = Field(None, max_length=64, description="the token from the link.")


def member_out(member: Member, viewer: User) -> MemberOut:
    return MemberOut(
        id=member.pk,
        display_name=member.display_name,
        pronouns=member.user.pronouns if member.user else "",
        joined_at=member.joined_at,
        is_me=member.user_id == viewer.pk,
    )


def invitation_out(request: HttpRequest, invitation: Invitation) -> InvitationOut:
    return InvitationOut(
        id=invitation.pk,
        code=invitation.display_code,
        link=request.build_absolute_uri(f"/invite/{invitation.token}/"),
        created_at=invitation.created_at,
        expires_at=invitation.expires_at,
        status=invitation.status,
    )


@router.get(
    "/relationships",
    response={200: list[RelationshipOut], **errors()},
    summary="Your relationships",
)
def relationships_list(request: HttpRequest) -> list[Relationship]:
    return [m.relationship for m in selectors.memberships_of(me(request))]


@router.post(
    "/relationships",
    response={201: RelationshipOut, **errors(400, 422)},
    summary="Start a relationship",
)
def relationships_create(request: HttpRequest, body: RelationshipIn) -> Status[Relationship]:
    return Status(
        201,
        services.relationship_create(
            user=me(request),
            name=body.name,
            kind=body.kind,
            phase=body.phase,
            time_zone=body.time_zone,
        ),
    )


@router.get("/relationships/{relationship_id}", response={200: RelationshipOut, **errors(404, 422)})
def relationships_get(request: HttpRequest, relationship_id: int) -> Relationship:
    return membership(request, relationship_id).relationship


@router.patch(
    "/relationships/{relationship_id}",
    response={200: RelationshipOut, **errors(400, 404, 422)},
)
def relationships_patch(
    request: HttpRequest, relationship_id: int, changes: RelationshipPatch
) -> Relationship:
    member = membership(request, relationship_id)
    relationship = member.relationship
    return services.relationship_update(
        member=member,
        name=changes.name or relationship.name,
        phase=changes.phase or relationship.phase,
        time_zone=changes.time_zone or relationship.time_zone,
    )


@router.post(
    "/relationships/{relationship_id}/leave",
    response={204: None, **errors(404, 422)},
    summary="Leave a relationship (archived when one member is left)",
)
def relationships_leave(request: HttpRequest, relationship_id: int) -> Status[None]:
    services.member_leave(member=membership(request, relationship_id))
    return Status(204, None)


@router.get(
    "/relationships/{relationship_id}/members",
    response={200: list[MemberOut], **errors(404, 422)},
)
def members_list(request: HttpRequest, relationship_id: int) -> list[MemberOut]:
    member = membership(request, relationship_id)
    return [member_out(m, me(request)) for m in selectors.current_members(member.relationship)]


@router.get(
    "/relationships/{relationship_id}/invitations",
    response={200: list[InvitationOut], **errors(404, 422)},
)
def invitations_list(request: HttpRequest, relationship_id: int) -> list[InvitationOut]:
    member = membership(request, relationship_id)
    return [invitation_out(request, i) for i in selectors.pending_invitations(member.relationship)]


@router.post(
    "/relationships/{relationship_id}/invitations",
    response={201: InvitationOut, **errors(400, 404, 422)},
)
def invitations_create(request: HttpRequest, relationship_id: int) -> Status[InvitationOut]:
    invitation = services.invitation_create(member=membership(request, relationship_id))
    return Status(201, invitation_out(request, invitation))


@router.delete(
    "/relationships/{relationship_id}/invitations/{invitation_id}",
    response={204: None, **errors(400, 404, 422)},
)
def invitations_revoke(
    request: HttpRequest, relationship_id: int, invitation_id: int
) -> Status[None]:
    services.invitation_revoke(
        member=membership(request, relationship_id), invitation_id=invitation_id
    )
    return Status(204, None)


@router.post(
    "/invitations/accept",
    response={201: RelationshipOut, **errors(400, 404, 422)},
    summary="Accept an invitation by its code or link token",
)
def invitations_accept(request: HttpRequest, body: AcceptIn) -> Status[Relationship]:
    if body.token:
        invitation = selectors.invitation_by_token(body.token)
    elif body.code:
        invitation = selectors.invitation_by_code(services.check_code_format(body.code))
    else:
        raise services.MembershipError(_("Send the invitation's code or its link token."))
    if invitation is None:
        raise Http404
    member = services.invitation_accept(user=me(request), invitation=invitation)
    return Status(201, member.relationship)
