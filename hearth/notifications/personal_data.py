from hearth.notifications.models import DeliveryPreferences, Notification
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
