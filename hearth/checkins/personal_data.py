"""Check-ins are the person's own measurements: every one of them is theirs to take and to erase."""

from hearth.checkins.models import CheckIn, RelationshipCheckIn
from hearth.personal_data import Erasure, declare

declare(
    CheckIn,
    what="Your daily check-ins: mood, stress, sleep, blood pressure, a private note and "
    "“I could use support”",
    owner="user",
    erasure=Erasure.WITH_ACCOUNT,
    table="checkins",
    fields={
        "date": "date",
        "mood": "mood",
        "stress": "stress",
        "sleep_hours": "sleep_hours",
        "systolic": "systolic",
        "diastolic": "diastolic",
        "note": "note",
        "support_wanted": "support_wanted",
        "saved_at": "updated_at",
    },
)

declare(
    RelationshipCheckIn,
    what="Each check-in's part for a relationship: closeness, felt understood, affection, "
    "sharing, and whether it may see your support signal",
    owner="checkin__user",
    erasure=Erasure.WITH_ACCOUNT,
    table="checkin_relationships",
    ordering=("-checkin__date", "pk"),
    fields={
        "date": "checkin__date",
        "relationship": "member__relationship__name",
        "closeness": "closeness",
        "felt_understood": "felt_understood",
        "affection": "affection",
        "shared_personal": "shared_personal",
        "share_support": "share_support",
    },
)
