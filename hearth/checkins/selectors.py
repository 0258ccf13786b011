from datetime import timedelta

from django.utils import timezone

from hearth.checkins.models import RelationshipCheckIn
from hearth.relationships.models import Member


def support_signals(member: Member) -> list[Member]:
    """Others in the relationship who shared 'I could use support' in the last day."""
    since = timezone.now().date() - timedelta(days=1)
    entries = (
        RelationshipCheckIn.objects.filter(
            member__relationship_id=member.relationship_id,
            member__left_at__isnull=True,
            share_support=True,
            checkin__support_wanted=True,
            checkin__date__gte=since,
        )
        .exclude(member=member)
        .select_related("member__user")
    )
    return list({e.member_id: e.member for e in entries}.values())
