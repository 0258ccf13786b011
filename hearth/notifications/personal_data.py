from hearth.notifications.models import DeliveryPreferences, Notification, PushSubscription
from hearth.notifications.selectors import headline
from hearth.personal_data import Erasure, declare

declare(
    Notification,
    what="Your notifications: what happened, when, and whether you have seen it (never anyone's "
    "words)",
    owner="recipient",
    erasure=Erasure.WITH_ACCOUNT,
    table="notifications",
    related=("actor__user", "relationship"),
    fields={
        "when": "created_at",
        "kind": "kind",
        "said": headline,
        "read_at": "read_at",
    },
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
