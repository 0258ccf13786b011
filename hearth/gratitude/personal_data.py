"""Thank-yous and gratitude logs. What others wrote reaches the export only through the same
selectors the pages read."""

from hearth.gratitude.models import Appreciation, GratitudeEntry
from hearth.gratitude.selectors import appreciations_visible_to, gratitude_log_visible_to
from hearth.personal_data import Erasure, Person, Tables, declare, own_and_shared

DETAILS = ("relationship", "sender__user", "recipient__user")


def appreciations(person: Person) -> Tables:
    rows = own_and_shared(person, APPRECIATIONS.rows(person), appreciations_visible_to, DETAILS)

    def name(member_id: int, display: str) -> str:
        return "me" if person.is_me(member_id) else display

    return {
        "appreciations": [
            {
                "relationship": a.relationship.name,
                "from": name(a.sender_id, a.sender.display_name),
                "to": name(a.recipient_id, a.recipient.display_name),
                "text": a.text,
                "for_everyone": a.for_everyone,
                "sent_at": a.created_at.isoformat(),
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
    details = ("member__relationship", "member__user")
    rows = own_and_shared(person, LOG.rows(person), gratitude_log_visible_to, details)
    return {
        "gratitude_log": [
            {
                "relationship": e.member.relationship.name,
                "author": "me" if person.is_me(e.member_id) else e.member.display_name,
                "date": e.date.isoformat(),
                "text": e.text,
                "shared": e.shared,
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
