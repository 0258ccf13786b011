"""Check-ins are the person's own measurements: every one of them is theirs to take and to erase."""

from hearth.checkins.models import CheckIn, RelationshipCheckIn
from hearth.personal_data import Erasure, Person, Tables, declare, records


def checkins(person: Person) -> Tables:
    rows = CheckIn.objects.filter(user_id=person.user_id)
    return {
        "checkins": records(
            rows,
            {
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
    }


declare(
    CheckIn,
    what="Your daily check-ins: mood, stress, sleep, blood pressure, a private note and "
    "“I could use support”",
    rows=lambda person: CheckIn.objects.filter(user_id=person.user_id),
    erasure=Erasure.WITH_ACCOUNT,
    tables=("checkins",),
    export=checkins,
)


def relationship_days(person: Person) -> Tables:
    rows = RelationshipCheckIn.objects.filter(checkin__user_id=person.user_id).select_related(
        "checkin", "member__relationship"
    )
    return {
        "checkin_relationships": records(
            rows,
            {
                "date": lambda e: e.checkin.date,
                "relationship": lambda e: e.member.relationship.name,
                "closeness": "closeness",
                "felt_understood": "felt_understood",
                "affection": "affection",
                "shared_personal": "shared_personal",
                "share_support": "share_support",
            },
        )
    }


declare(
    RelationshipCheckIn,
    what="Each check-in's part for a relationship: closeness, felt understood, affection, "
    "sharing, and whether it may see your support signal",
    rows=lambda person: RelationshipCheckIn.objects.filter(checkin__user_id=person.user_id),
    erasure=Erasure.WITH_ACCOUNT,
    tables=("checkin_relationships",),
    export=relationship_days,
)
