"""Intimacy profiles: every statement answered and every score, the person's own."""

from hearth.assessments.models import Assessment
from hearth.personal_data import Erasure, Person, Tables, declare, records


def profiles(person: Person) -> Tables:
    rows = Assessment.objects.filter(member_id__in=person.member_ids).select_related(
        "member__relationship"
    )
    return {
        "profiles": records(
            rows,
            {
                "relationship": lambda a: a.member.relationship.name,
                "taken_at": "taken_at",
                "answers": "answers",
                "scores": "scores",
                "shared": "shared",
            },
        )
    }


declare(
    Assessment,
    what="Your intimacy profiles: each statement's answer, the scores, and whether you shared "
    "the scores",
    rows=lambda person: Assessment.objects.filter(member_id__in=person.member_ids),
    erasure=Erasure.DELETED,
    tables=("profiles",),
    export=profiles,
    erase=lambda person: Assessment.objects.filter(member_id__in=person.member_ids).delete(),
)
