"""Thank-yous and gratitude logs. What others wrote reaches the export only through the same
selectors the pages read."""

from hearth.gratitude.models import Appreciation, GratitudeEntry
from hearth.gratitude.selectors import appreciations_visible_to, gratitude_log_visible_to
from hearth.personal_data import Erasure, Person, Tables, declare, own_and_shared


def appreciations(person: Person) -> Tables:
    fields = (
        "pk",
        "relationship_id",
        "sender_id",
        "recipient_id",
        "text",
        "for_everyone",
        "created_at",
    )
    rows = own_and_shared(person, APPRECIATIONS.rows(person), appreciations_visible_to, fields)
    return {
        "appreciations": [
            {
                "relationship": person.relationship_name(a["relationship_id"]),
                "from": person.name_for(a["sender_id"]),
                "to": person.name_for(a["recipient_id"]),
                "text": a["text"],
                "for_everyone": a["for_everyone"],
                "sent_at": a["created_at"].isoformat(),
            }
            for a in rows
        ]
    }


APPRECIATIONS = declare(
    Appreciation,
    what="Thank-yous you sent and received; those others let everyone read",
    owner=("sender", "recipient"),
    erasure=Erasure.DELETED,
    tables=("appreciations",),
    export=appreciations,
)


def gratitude_log(person: Person) -> Tables:
    fields = ("pk", "member__relationship_id", "member_id", "date", "text", "shared")
    rows = own_and_shared(person, LOG.rows(person), gratitude_log_visible_to, fields)
    return {
        "gratitude_log": [
            {
                "relationship": person.relationship_name(e["member__relationship_id"]),
                "author": person.name_for(e["member_id"]),
                "date": e["date"].isoformat(),
                "text": e["text"],
                "shared": e["shared"],
            }
            for e in rows
        ]
    }


LOG = declare(
    GratitudeEntry,
    what="Your gratitude log, private and shared lines; lines others shared with you",
    owner="member",
    erasure=Erasure.DELETED,
    tables=("gratitude_log",),
    export=gratitude_log,
)
