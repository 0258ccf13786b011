"""Reads of weekly reviews: a week's record and what the members wrote, within membership."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from hearth.gratitude.models import Appreciation
from hearth.practices.models import Plan
from hearth.practices.selectors import reflections_visible_to
from hearth.questions.models import Prompt
from hearth.questions.selection import relationship_today
from hearth.relationships.models import Member, Relationship
from hearth.reviews.models import ReviewContribution, WeeklyReview


def week_of(day: date) -> date:
    """The Monday a day's week starts on."""
    return day - timedelta(days=day.weekday())


def this_week(relationship: Relationship) -> date:
    return week_of(relationship_today(relationship))


def contributions_visible_to(member: Member) -> QuerySet[ReviewContribution]:
    return (
        ReviewContribution.objects.filter(review__relationship_id=member.relationship_id)
        .filter(member.while_a_member("created_at"))
        .select_related("member__user", "plan", "appreciation__recipient__user")
    )


def reviews_reached(member: Member) -> QuerySet[WeeklyReview]:
    """The weeks reviewed while the member belonged."""
    return WeeklyReview.objects.filter(relationship_id=member.relationship_id).filter(
        member.while_a_member("created_at")
    )


def reviews_visible_to(member: Member) -> QuerySet[WeeklyReview]:
    """The weeks reviewed while the member belonged, each with the parts they may read."""
    return reviews_reached(member).prefetch_related(
        Prefetch("contributions", contributions_visible_to(member))
    )


def earlier_weeks(member: Member, week: date, count: int = 12) -> list[WeeklyReview]:
    """The weeks reviewed before this one, newest first, for a list of links: the reviews
    alone, none of what was written in them."""
    return list(reviews_reached(member).exclude(week_of=week)[:count])


def review_for(member: Member, week: date) -> WeeklyReview | None:
    return reviews_visible_to(member).filter(week_of=week_of(week)).first()


def review_by_id(member: Member, review_id: int) -> WeeklyReview:
    review = (
        reviews_visible_to(member).filter(pk=review_id).first() if 0 < review_id < 2**63 else None
    )
    if review is None:
        raise Http404
    return review


@dataclass(frozen=True)
class WeekInNumbers:
    """What the week held, counted from what this member may see: to start the look back."""

    questions_opened: int
    practices_done: int
    appreciations: int
    plans_ahead: int


def week_bounds(relationship: Relationship, week: date) -> tuple[datetime, datetime]:
    zone = ZoneInfo(relationship.time_zone)
    start = datetime.combine(week, time.min, tzinfo=zone)
    return start, start + timedelta(days=7)


def week_in_numbers(member: Member, week: date) -> WeekInNumbers:
    start, end = week_bounds(member.relationship, week)
    relationship_id = member.relationship_id
    return WeekInNumbers(
        questions_opened=Prompt.objects.filter(
            relationship_id=relationship_id, revealed_at__gte=start, revealed_at__lt=end
        )
        .filter(member.while_a_member("revealed_at"))
        .count(),
        practices_done=reflections_visible_to(member)
        .filter(done_on__gte=week, done_on__lt=week + timedelta(days=7))
        .values("practice_key", "done_on")
        .distinct()
        .count(),
        appreciations=Appreciation.objects.filter(
            relationship_id=relationship_id, created_at__gte=start, created_at__lt=end
        )
        .filter(member.while_a_member("created_at"))
        .count(),
        plans_ahead=Plan.objects.filter(
            relationship_id=relationship_id,
            cancelled_at__isnull=True,
            starts_at__gte=end,
            starts_at__lt=end + timedelta(days=7),
        )
        .filter(member.while_a_member("created_at"))
        .count(),
    )
