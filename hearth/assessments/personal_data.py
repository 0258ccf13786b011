"""Intimacy profiles: every statement answered and every score, the person's own; and a profile
in progress, answered so far."""

from hearth.assessments.models import Assessment, AssessmentDraft
from hearth.personal_data import Erasure, declare

declare(
    Assessment,
    what="Your intimacy profiles: each statement's answer, the scores, and whether you shared "
    "the scores",
    owner="member",
    erasure=Erasure.DELETED,
    table="profiles",
    fields={
        "relationship": "member__relationship__name",
        "taken_at": "taken_at",
        "answers": "answers",
        "scores": "scores",
        "shared": "shared",
    },
)

declare(
    AssessmentDraft,
    what="An intimacy profile you started and haven't finished: the answers so far, and "
    "whether you meant to share the scores",
    owner="member",
    erasure=Erasure.DELETED,
    table="profiles_in_progress",
    fields={
        "relationship": "member__relationship__name",
        "started_at": "started_at",
        "updated_at": "updated_at",
        "answers": "answers",
        "shared": "shared",
    },
)
