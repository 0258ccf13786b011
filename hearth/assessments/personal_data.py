"""Intimacy profiles: every statement answered and every score, the person's own."""

from hearth.assessments.models import Assessment
from hearth.personal_data import Erasure, declare

declare(
    Assessment,
    what="Your intimacy profiles: each statement's answer, the scores, and whether you shared "
    "the scores",
    owner="member",
    erasure=Erasure.DELETED,
    table="profiles",
    related=("member__relationship",),
    fields={
        "relationship": lambda a: a.member.relationship.name,
        "taken_at": "taken_at",
        "answers": "answers",
        "scores": "scores",
        "shared": "shared",
    },
)
