"""What a person was told, and how Hearth may reach them."""

from hearth.notifications.models import DeliveryPreferences, Notification, PushSubscription
from hearth.notifications.selectors import headline
from hearth.personal_data import Erasure, Person, Row, Tables, declare, plain


def notifications(person: Person) -> Tables:
    rows = list(
        NOTIFICATIONS.rows(person).values(
            "pk", "kind", "actor_id", "relationship_id", "key", "created_at", "read_at"
        )
    )
    # What a notification says follows from its kind, who and where, and for a reminder that
    # names several relationships, which ones (the end of its key): each said once, however
    # many times it happened.
    sayings = {what_it_says(row): row["pk"] for row in reversed(rows)}
    told = (
        NOTIFICATIONS.rows(person)
        .filter(pk__in=sayings.values())
        .select_related("actor__user", "relationship")
    )
    said = {what_it_says(n.__dict__): headline(n) for n in told}
    return {
        "notifications": [
            {
                "when": plain(row["created_at"]),
                "kind": row["kind"],
                "said": said[what_it_says(row)],
                "read_at": plain(row["read_at"]),
            }
            for row in rows
        ]
    }


def what_it_says(row: Row) -> tuple[object, ...]:
    """Its kind, who and where; the end of its key only for a reminder naming several places,
    as `headline` reads it only there."""
    several = row["relationship_id"] is None and row["kind"] == Notification.Kind.QUESTION_REMINDER
    return (
        row["kind"],
        row["actor_id"],
        row["relationship_id"],
        row["key"].rsplit(":", 1)[-1] if several else None,
    )


NOTIFICATIONS = declare(
    Notification,
    what="Your notifications: what happened, when, and whether you have seen it (never anyone's "
    "words)",
    owner="recipient",
    erasure=Erasure.WITH_ACCOUNT,
    tables=("notifications",),
    export=notifications,
)

declare(
    DeliveryPreferences,
    what="How Hearth may reach you: devices, e-mail, quiet hours",
    owner="user",
    erasure=Erasure.WITH_ACCOUNT,
    table="delivery_preferences",
    fields={
        "push": "push",
        "email": "email",
        "quiet_start": "quiet_start",
        "quiet_end": "quiet_end",
    },
)

declare(
    PushSubscription,
    what="Devices you turned notifications on for: what each seems to be, since when, and when "
    "a notification last reached it; their push address and keys only carry messages there, "
    "and are not exported",
    owner="user",
    erasure=Erasure.WITH_ACCOUNT,
    table="devices",
    fields={
        "device": "label",
        "turned_on_at": "created_at",
        "last_reached_at": "last_used_at",
    },
)
