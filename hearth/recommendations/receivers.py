"""What the recommendations are worked out from, watched: any change gives the relationships it
touches a new version (kept.py), so their members' recommendations are worked out again."""

from typing import Any

from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from hearth.assessments.models import Assessment
from hearth.checkins.models import RelationshipCheckIn
from hearth.lessons.models import LessonRead
from hearth.practices.models import Reflection
from hearth.questions.models import Boundary, Sitting
from hearth.recommendations.kept import relationships_changed
from hearth.relationships.models import Member, Relationship
from hearth.relationships.signals import member_left

# Rows of one member: a reflection, a check-in's part for a relationship, a profile.
OF_A_MEMBER = (Reflection, RelationshipCheckIn, Assessment)
# Rows of one person, in every relationship they belong to: a boundary, a lesson read.
OF_A_PERSON = (Boundary, LessonRead)
# Rows of one relationship: a deck started, a place in it (joining, consent, depth).
OF_A_RELATIONSHIP = (Sitting, Member)


def relationships_of(row: Model) -> list[int]:
    if isinstance(row, Relationship):
        return [row.pk]
    if isinstance(row, OF_A_RELATIONSHIP):
        return [row.relationship_id]
    if isinstance(row, OF_A_MEMBER):
        member = Member.objects.filter(pk=row.member_id).values_list("relationship_id", flat=True)
        return list(member)
    if isinstance(row, OF_A_PERSON):
        return list(
            Member.objects.filter(user=row.user_id).values_list("relationship_id", flat=True)
        )
    return []


WATCHED = (*OF_A_MEMBER, *OF_A_PERSON, *OF_A_RELATIONSHIP, Relationship)


def changed(sender: Any, instance: Model, **kwargs: Any) -> None:
    relationships_changed(relationships_of(instance))


for model in WATCHED:
    post_save.connect(changed, sender=model, dispatch_uid=f"recommendations-{model.__name__}")
    post_delete.connect(
        changed, sender=model, dispatch_uid=f"recommendations-{model.__name__}-gone"
    )


@receiver(member_left, sender=Member)
def someone_left(sender: Any, member: Member, **kwargs: Any) -> None:
    """Leaving is written without a save: its own signal."""
    relationships_changed([member.relationship_id])
