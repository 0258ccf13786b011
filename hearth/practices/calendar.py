"""A person's planned practices as an iCalendar feed, for the calendar app on their phone.

A calendar service fetches the feed from outside, so it carries only what a calendar needs:
the practice, the relationship's name and the time. Notes never leave Hearth this way."""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from hearth.accounts.models import User
from hearth.practices.library import by_key
from hearth.practices.models import Plan
from hearth.practices.selectors import practice_title

PAST = timedelta(days=30)
DEFAULT_MINUTES = 30


def plans_in_calendar(user: User) -> list[Plan]:
    """Plans of the relationships the person belongs to now, from a month back."""
    return list(
        Plan.objects.filter(
            relationship__memberships__user=user,
            relationship__memberships__left_at__isnull=True,
            starts_at__gte=timezone.now() - PAST,
        )
        .select_related("relationship")
        .order_by("starts_at", "pk")
    )


def calendar_for(user: User, base_url: str) -> bytes:
    """The feed in the person's own language: a calendar app fetches it without them."""
    with translation.override(getattr(user, "language", "") or settings.LANGUAGE_CODE):
        return calendar_events(user, base_url)


def calendar_events(user: User, base_url: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Hearth//Planned practices//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Hearth: planned practices"))
    for plan in plans_in_calendar(user):
        practice = by_key().get(plan.practice_key)
        minutes = practice.minutes if practice else DEFAULT_MINUTES
        event = Event()
        event.add("uid", f"plan-{plan.pk}@hearth")
        event.add("dtstamp", plan.created_at)
        event.add("dtstart", plan.starts_at)
        event.add("dtend", plan.starts_at + timedelta(minutes=minutes))
        event.add("summary", f"{practice_title(plan.practice_key)} · {plan.relationship.name}")
        event.add("url", base_url + reverse("practices:plan", args=[plan.relationship_id, plan.pk]))
        event.add("status", "CANCELLED" if plan.is_cancelled else "CONFIRMED")
        calendar.add_component(event)
    return calendar.to_ical()
