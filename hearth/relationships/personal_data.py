"""A person's places in relationships, and the invitations they made or accepted."""

from hearth.personal_data import Erasure, Fields, Person, Tables, declare, records
from hearth.relationships.models import Invitation, Member


def forget_content_settings(person: Person) -> None:
    """The place in history stays; the choices that shaped what this person saw go."""
    Member.objects.filter(pk__in=person.member_ids).update(
        sexual_content_consent=False, depth_cap=Member._meta.get_field("depth_cap").default
    )


declare(
    Member,
    what="Your place in each relationship: when you joined and left, your depth cap and your "
    "consent to sexual questions",
    owner="pk",
    erasure=Erasure.ANONYMISED,
    kept="your depth cap and consent are reset; the dates stay, naming nobody, so the others' "
    "history keeps its shape (shown as “a former member”)",
    table="memberships",
    fields={
        "relationship": "relationship__name",
        "kind": "relationship__kind",
        "phase": "relationship__phase",
        "joined_at": "joined_at",
        "left_at": "left_at",
        "depth_cap": "depth_cap",
        "sexual_content_consent": "sexual_content_consent",
    },
    erase=forget_content_settings,
)


def invitations(person: Person) -> Tables:
    rows = INVITATIONS.rows(person).select_related("relationship")
    fields: Fields = {
        "relationship": lambda i: i.relationship.name,
        "made_by_me": lambda i: i.created_by_id == person.user_id,
        "accepted_by_me": lambda i: i.accepted_by_id == person.user_id,
        "created_at": "created_at",
        "status": lambda i: str(i.status),
    }
    return {"invitations": records(rows, fields)}


INVITATIONS = declare(
    Invitation,
    what="Invitations you made or accepted",
    owner=("created_by", "accepted_by"),
    erasure=Erasure.UNLINKED,
    kept="a relationship's invitations stay with it; they no longer say who made or used them",
    tables=("invitations",),
    export=invitations,
)
