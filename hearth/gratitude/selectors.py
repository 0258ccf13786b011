"""Reads of appreciations and gratitude logs, within what one member may see."""

import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Max, Min, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from hearth.gratitude.models import Appreciation, GratitudeEntry
from hearth.gratitude.prompts import GratitudePrompt, prompt_for
from hearth.questions.selection import relationship_today
from hearth.relationships.models import Member, Relationship

FRESH = timedelta(days=7)
RECENT_DAYS = 28  # the page opens on the last four weeks; earlier ones a month at a time
MOST_SHOWN = 300  # a month holds far fewer: this only keeps a page from growing without end


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
    to_them = appreciations_visible_to(member).filter(recipient=member, created_at__gte=since)
    return list(
        to_them.select_related(None).select_related("sender__user")
    )  # they are the recipient


def log_line_visible_to(member: Member) -> Q:
    """A line of the member's own log, private or not, or one another member shared while they
    belonged (of the member's relationship: the caller scopes it)."""
    return Q(member=member) | (Q(shared=True) & member.while_a_member("created_at"))


def gratitude_log_visible_to(member: Member) -> QuerySet[GratitudeEntry]:
    """The member's own log, private lines included, and what others shared while they belonged."""
    return (
        GratitudeEntry.objects.filter(member__relationship_id=member.relationship_id)
        .filter(log_line_visible_to(member))
        .select_related("member__user")
    )


@dataclass(frozen=True)
class GratitudeShown:
    """What the gratitude page lists: the thank-yous and log lines of the last four weeks, or of
    one month; and the nearest months before and after it that hold something to read."""

    month: date | None  # the month's first day; None for the last four weeks
    appreciations: list[Appreciation]
    log: list[GratitudeEntry]
    earlier: date | None
    later: date | None


def gratitude_shown(member: Member, month: date | None = None) -> GratitudeShown:
    """The same few queries and at most a month of rows, however long the history."""
    relationship = member.relationship
    if month is None:
        today = relationship_today(relationship)
        first, end = today - timedelta(days=RECENT_DAYS - 1), today + timedelta(days=1)
    else:
        first = month.replace(day=1)
        end = month_after(first)
    appreciations = appreciations_visible_to(member).filter(
        created_at__gte=day_starts(relationship, first),
        created_at__lt=day_starts(relationship, end),
    )
    log = gratitude_log_visible_to(member).filter(date__gte=first, date__lt=end)
    later = nearest_day(member, end, later=True) if month is not None else None
    return GratitudeShown(
        month=month and first,
        appreciations=list(appreciations[:MOST_SHOWN]),
        log=list(log[:MOST_SHOWN]),
        earlier=month_of(nearest_day(member, first, later=False)),
        later=month_of(later),
    )


def nearest_day(member: Member, day: date, *, later: bool) -> date | None:
    """The day of the nearest thank-you or log line the member can read before `day` (or from
    it on, when `later`). Each member's log is read newest (or oldest) first, one line each."""
    relationship = member.relationship
    moment = day_starts(relationship, day)
    thanks = appreciations_visible_to(member).select_related(None)
    if later:
        thanks = thanks.filter(created_at__gte=moment).order_by("created_at")
    else:
        thanks = thanks.filter(created_at__lt=moment).order_by("-created_at")
    lines = GratitudeEntry.objects.filter(member=OuterRef("pk")).filter(log_line_visible_to(member))
    if later:
        lines = lines.filter(date__gte=day).order_by("date")
    else:
        lines = lines.filter(date__lt=day).order_by("-date")
    nearest = Max if not later else Min
    # One query: each member's nearest line, and the nearest thank-you beside them.
    found = Member.objects.filter(relationship_id=relationship.pk).aggregate(
        written=nearest(Subquery(lines.values("date")[:1])),
        thanked=Max(Subquery(thanks.values("created_at")[:1])),
    )
    written, thanked = found["written"], found["thanked"]
    days = [d for d in (written, thanked and local_day(relationship, thanked)) if d is not None]
    if not days:
        return None
    return min(days) if later else max(days)


def day_starts(relationship: Relationship, day: date) -> datetime:
    """Midnight where the relationship lives."""
    return datetime.combine(day, time.min, tzinfo=zoneinfo.ZoneInfo(relationship.time_zone))


def local_day(relationship: Relationship, moment: datetime) -> date:
    return moment.astimezone(zoneinfo.ZoneInfo(relationship.time_zone)).date()


def month_after(first: date) -> date:
    return (first + timedelta(days=32)).replace(day=1)


def month_of(day: date | None) -> date | None:
    return day.replace(day=1) if day else None


def todays_gratitude_prompt(member: Member) -> GratitudePrompt | None:
    """One prompt a day, different for each member so a group doesn't all get the same line."""
    relationship = member.relationship
    return prompt_for(
        relationship.kind, relationship.phase, relationship_today(relationship), offset=member.pk
    )
