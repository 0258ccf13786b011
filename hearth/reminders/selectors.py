"""Reading reminders and nudges. A person's reminders are theirs alone: no other member ever
reads them, except whether someone welcomes a nudge (which decides whether the button shows)."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext, pgettext_lazy

from hearth.accounts.models import User
from hearth.notifications.models import DeliveryPreferences
from hearth.questions.models import Prompt
from hearth.questions.services import prompt_of_the_day
from hearth.relationships.models import Member
from hearth.relationships.selectors import memberships_of
from hearth.reminders.firing import firing_wanted
from hearth.reminders.models import WEEKDAYS, CheckInReminder, Nudge, QuestionReminder, days_of


def question_reminder_of(member: Member) -> QuestionReminder:
    """The member's reminder settings here: their own, or the defaults (not saved)."""
    return QuestionReminder.objects.filter(member=member).first() or QuestionReminder(member=member)


def checkin_reminder_of(user: User) -> CheckInReminder:
    """The person's check-in reminder, or none (not saved)."""
    return CheckInReminder.objects.filter(user=user).first() or CheckInReminder(user=user, at=None)


def delivery_preferences_of(user: User) -> DeliveryPreferences:
    return DeliveryPreferences.objects.filter(user=user).first() or DeliveryPreferences(user=user)


# The days a reminder comes on, as "on Mondays and Fridays" names them.
EVERY_WEEK = [
    pgettext_lazy("every week", "Mondays"),
    pgettext_lazy("every week", "Tuesdays"),
    pgettext_lazy("every week", "Wednesdays"),
    pgettext_lazy("every week", "Thursdays"),
    pgettext_lazy("every week", "Fridays"),
    pgettext_lazy("every week", "Saturdays"),
    pgettext_lazy("every week", "Sundays"),
]


def days_in_words(mask: int) -> str:
    days = sorted(days_of(mask))
    if len(days) == 7:
        return _("every day")
    if days == [0, 1, 2, 3, 4]:
        return _("on weekdays")
    if days == [5, 6]:
        return _("at weekends")
    names = [str(EVERY_WEEK[day]) for day in days]
    if len(names) == 1:
        return _("on %(day)s") % {"day": names[0]}
    # Translators: "on Mondays, Tuesdays and Fridays"; %(days)s is the list before the last.
    return _("on %(days)s and %(last)s") % {"days": ", ".join(names[:-1]), "last": names[-1]}


def clock_time(at: time) -> str:
    return at.strftime("%H:%M")


def reminder_in_words(at: time | None, mask: int) -> str:
    if at is None:
        return _("Off")
    # Translators: a reminder's time and days, e.g. "19:00 every day".
    return _("%(time)s %(days)s") % {"time": clock_time(at), "days": days_in_words(mask)}


def when_in_words(moment: datetime, user: User, now: datetime) -> str:
    """ "today at 19:00", "tomorrow at 08:00", "on Monday at 19:00", in the person's zone."""
    zone = ZoneInfo(user.time_zone)
    local, today = moment.astimezone(zone), now.astimezone(zone).date()
    words = {"time": local.strftime("%H:%M"), "day": WEEKDAYS[local.weekday()]}
    # Some languages say a time in the one o'clock hour unlike the others ("a la 01:30").
    one = local.hour == 1
    if local.date() == today:
        said = pgettext("one o'clock", "today at %(time)s") if one else _("today at %(time)s")
    elif local.date() == today + timedelta(days=1):
        said = pgettext("one o'clock", "tomorrow at %(time)s") if one else _("tomorrow at %(time)s")
    else:
        said = (
            pgettext("one o'clock", "on %(day)s at %(time)s")
            if one
            else _("on %(day)s at %(time)s")
        )
    return said % words


@dataclass(frozen=True)
class Plan:
    """What a person's reminder will do next, in words for them."""

    next: str  # "" when it is off
    held: str  # the quiet-hours note, when its time falls in them


def plan_of(reminder: QuestionReminder | CheckInReminder, user: User) -> Plan:
    now = timezone.now()
    firing = firing_wanted(reminder, now)
    if firing is None:
        return Plan("", "")
    held = ""
    if firing.at != firing.due:
        zone = ZoneInfo(user.time_zone)
        held = _("%(due)s falls in your quiet hours, so it comes as they end, at %(at)s.") % {
            "due": clock_time(firing.due.astimezone(zone).time()),
            "at": clock_time(firing.at.astimezone(zone).time()),
        }
    return Plan(when_in_words(firing.at, user, now), held)


@dataclass(frozen=True)
class NudgeChoice:
    """A waiting member the viewer may remind, or who has had their reminder for this one."""

    member: Member
    already: bool


def nudge_choices(*, me: Member, prompt: Prompt, waiting: list[Member]) -> list[NudgeChoice]:
    """Whom `me` could send a gentle reminder about `prompt`: only once they have answered it
    themselves, only while it waits, only to others who welcome nudges. Two queries."""
    others = [m for m in waiting if m.pk != me.pk and m.user_id is not None]
    if not others or not me.is_current or prompt.is_revealed or prompt.skipped_at is not None:
        return []
    unwelcome = set(
        QuestionReminder.objects.filter(member__in=others, nudges_welcome=False).values_list(
            "member_id", flat=True
        )
    )
    nudged = set(Nudge.objects.filter(prompt=prompt, to__in=others).values_list("to_id", flat=True))
    return [NudgeChoice(m, m.pk in nudged) for m in others if m.pk not in unwelcome]


@dataclass(frozen=True)
class QuestionToday:
    member: Member
    prompt: Prompt | None
    answered: bool


def questions_today(user: User) -> list[QuestionToday]:
    """Each relationship in use and whether its question of the day waits for the person."""
    found = []
    for member in memberships_of(user).filter(relationship__archived_at__isnull=True):
        prompt = prompt_of_the_day(member.relationship)
        answered = prompt is not None and prompt.answers.filter(member=member).exists()
        found.append(QuestionToday(member, prompt, answered))
    return found


def relationship_reminders(user: User) -> list[tuple[Member, QuestionReminder]]:
    """The person's relationships in use, each with their question reminder there."""
    members = list(memberships_of(user).filter(relationship__archived_at__isnull=True))
    saved = {r.member_id: r for r in QuestionReminder.objects.filter(member__in=members)}
    return [(m, saved.get(m.pk) or QuestionReminder(member=m)) for m in members]
