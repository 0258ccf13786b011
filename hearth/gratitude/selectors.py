"""Reads of appreciations and gratitude logs, within what one member may see."""

from datetime import timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from hearth.gratitude.models import Appreciation, GratitudeEntry
from hearth.gratitude.prompts import GratitudePrompt, prompt_for
from hearth.questions.selection import relationship_today
from hearth.relationships.models import Member

FRESH = timedelta(days=7)


def appreciations_visible_to(member: Member) -> QuerySet[Appreciation]:
    """What the member sent or received, and what a sender let everyone read; only what reached
    them while they belonged."""
    return (
        Appreciation.objects.filter(relationship_id=member.relationship_id)
        .filter(Q(sender=member) | Q(recipient=member) | Q(for_everyone=True))
        .filter(member.while_a_member("created_at"))
        .select_related("sender__user", "recipient__user")
    )


def appreciations_for_home(member: Member) -> list[Appreciation]:
    """Thank-yous to this member from the last week, for the home page."""
    since = timezone.now() - FRESH
    return list(appreciations_visible_to(member).filter(recipient=member, created_at__gte=since))


def gratitude_log_visible_to(member: Member) -> QuerySet[GratitudeEntry]:
    """The member's own log, private lines included, and what others shared while they belonged."""
    shared = GratitudeEntry.objects.filter(
        member__relationship_id=member.relationship_id, shared=True
    ).filter(member.while_a_member("created_at"))
    return (GratitudeEntry.objects.filter(member=member) | shared).select_related("member__user")


def todays_gratitude_prompt(member: Member) -> GratitudePrompt | None:
    """One prompt a day, different for each member so a group doesn't all get the same line."""
    relationship = member.relationship
    return prompt_for(
        relationship.kind, relationship.phase, relationship_today(relationship), offset=member.pk
    )
