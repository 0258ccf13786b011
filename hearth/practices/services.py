"""The rules of planning a practice, reflecting on it, and the private calendar address."""

from datetime import date, datetime, timedelta

from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from hearth.accounts.models import User
from hearth.practices.library import Practice
from hearth.practices.models import CalendarFeed, Plan, Reflection, token_digest
from hearth.practices.selectors import practice_for
from hearth.practices.signals import plan_made
from hearth.questions.selection import relationship_today
from hearth.refusals import Refusal
from hearth.relationships.models import Member

MAX_NOTE_LENGTH = 2000
PLAN_AHEAD = timedelta(days=366)
PLAN_GRACE = timedelta(minutes=5)  # a plan "for now" made a moment late is still fine
REFLECT_EARLY = timedelta(hours=12)  # reflect on a plan once its day has come


class PracticeError(Refusal):
    """A practice rule said no."""


def check_open(member: Member) -> None:
    if member.relationship.is_archived:
        raise PracticeError(_("This relationship is archived. Reopen it to plan or reflect."))


def check_note(note: str) -> str:
    note = note.strip()
    if len(note) > MAX_NOTE_LENGTH:
        raise PracticeError(
            _("Keep the note under %(count)s characters.") % {"count": MAX_NOTE_LENGTH},
            field="note",
        )
    return note


def allowed_practice(member: Member, key: str) -> Practice:
    """A practice the relationship may do now (kind, phase, boundaries, consent), or a refusal."""
    try:
        return practice_for(member, key)
    except Http404:  # the same words whatever the reason
        raise PracticeError(
            _("That practice isn't available for this relationship."), field="practice"
        ) from None


@transaction.atomic
def plan_make(*, member: Member, practice_key: str, starts_at: datetime, note: str = "") -> Plan:
    """Plan a practice for a moment ahead; every member sees it and hears of it."""
    check_open(member)
    allowed_practice(member, practice_key)
    now = timezone.now()
    if starts_at < now - PLAN_GRACE:
        raise PracticeError(_("Pick a time that hasn't passed yet."), field="starts_at")
    if starts_at > now + PLAN_AHEAD:
        raise PracticeError(_("Plan up to a year ahead."), field="starts_at")
    plan = Plan.objects.create(
        relationship=member.relationship,
        practice_key=practice_key,
        planned_by=member,
        starts_at=starts_at,
        note=check_note(note),
    )
    plan_made.send(sender=Plan, plan=plan)
    return plan


def plan_cancel(*, member: Member, plan: Plan) -> Plan:
    """Any current member may call a plan off; it stays in history as called off."""
    check_open(member)
    if plan.relationship_id != member.relationship_id or not member.is_current:
        raise PracticeError(_("Only the members of this relationship can change its plans."))
    if plan.cancelled_at is None:
        plan.cancelled_at = timezone.now()
        plan.save(update_fields=["cancelled_at"])
    return plan


@transaction.atomic
def reflection_save(
    *,
    member: Member,
    practice_key: str = "",
    closeness: int,
    note: str = "",
    shared: bool = False,
    plan: Plan | None = None,
    done_on: date | None = None,
) -> Reflection:
    """How close the member feels after doing a practice: once per plan (again replaces it),
    or for a practice done without a plan."""
    check_open(member)
    if not 1 <= closeness <= 7:
        raise PracticeError(_("Choose one of the seven pictures."), field="closeness")
    note = check_note(note)
    if plan is not None:
        if plan.relationship_id != member.relationship_id:
            raise PracticeError(_("That plan belongs to another relationship."))
        if plan.is_cancelled:
            raise PracticeError(_("That plan was called off, so there is nothing to reflect on."))
        if plan.starts_at > timezone.now() + REFLECT_EARLY:
            raise PracticeError(_("You can reflect once you've done it, on the day."))
        practice_key = plan.practice_key
    else:
        allowed_practice(member, practice_key)
    values = {
        "practice_key": practice_key,
        "closeness": closeness,
        "note": note,
        "shared": shared,
        "done_on": done_on or relationship_today(member.relationship),
    }
    if plan is not None:
        reflection, _created = Reflection.objects.update_or_create(
            member=member, plan=plan, defaults=values
        )
        return reflection
    return Reflection.objects.create(member=member, **values)


def calendar_feed_renew(*, user: User) -> CalendarFeed:
    """A new private calendar address; the old one stops working at once."""
    token = CalendarFeed.new_token()
    feed, _created = CalendarFeed.objects.update_or_create(
        user=user,
        defaults={"token": token, "digest": token_digest(token), "created_at": timezone.now()},
    )
    return feed


def calendar_feed_off(*, user: User) -> None:
    CalendarFeed.objects.filter(user=user).delete()


def calendar_feed_owner(token: str) -> User | None:
    """Whose calendar an address opens, if it is still on; notes when it was last read."""
    if not token or len(token) > 100:
        return None
    feed = CalendarFeed.objects.select_related("user").filter(digest=token_digest(token)).first()
    if feed is None:
        return None
    now = timezone.now()
    if feed.last_read_at is None or now - feed.last_read_at > timedelta(minutes=10):
        CalendarFeed.objects.filter(pk=feed.pk).update(last_read_at=now)
    return feed.user
