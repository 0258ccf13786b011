from datetime import date, timedelta

from django.db.models import Prefetch
from django.utils import timezone

from hearth.accounts.models import User
from hearth.checkins.models import CheckIn, RelationshipCheckIn
from hearth.relationships.models import Member

PAGE_SIZE = 30  # check-ins in one page when the reader doesn't say
MOST_IN_A_PAGE = 100


def checkins_of(
    user: User,
    *,
    before: date | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    limit: int = PAGE_SIZE,
) -> list[CheckIn]:
    """A person's check-ins, newest first, a page at a time: at most `limit` (and never more
    than MOST_IN_A_PAGE), only those older than `before` to walk back from the last page's
    oldest day, within `date_from` to `date_to` when given."""
    checkins = CheckIn.objects.filter(user=user).order_by("-date")
    if before is not None:
        checkins = checkins.filter(date__lt=before)
    if date_from is not None:
        checkins = checkins.filter(date__gte=date_from)
    if date_to is not None:
        checkins = checkins.filter(date__lte=date_to)
    parts = Prefetch("relationships", RelationshipCheckIn.objects.select_related("member"))
    return list(checkins.prefetch_related(parts)[: max(1, min(limit, MOST_IN_A_PAGE))])


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
