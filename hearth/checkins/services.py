"""Saving a day's check-in: once per person per day, editable that day, late for yesterday."""

import zoneinfo
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hearth.accounts.models import User
from hearth.checkins.models import CheckIn, RelationshipCheckIn
from hearth.checkins.signals import support_shared
from hearth.refusals import Refusal
from hearth.relationships.models import Member

MAX_NOTE_LENGTH = 2000
SYSTOLIC = range(60, 261)
DIASTOLIC = range(30, 161)


class CheckInError(Refusal):
    """A check-in rule said no."""


@dataclass(frozen=True)
class RelationshipDay:
    """What a person says about one relationship of theirs today."""

    relationship_id: int
    closeness: int
    felt_understood: int | None = None
    affection: bool = False
    shared_personal: bool = False
    share_support: bool = False


def person_today(user: User) -> date:
    return timezone.now().astimezone(zoneinfo.ZoneInfo(user.time_zone)).date()


def check_day(user: User, day: date) -> None:
    today = person_today(user)
    if day not in (today, today - timedelta(days=1)):
        raise CheckInError(_("Check in for today, or catch up on yesterday."), field="day")


def check_wellbeing(mood: int, stress: int, sleep_hours: Decimal | None) -> None:
    if mood not in range(1, 6):
        raise CheckInError(_("Mood goes from 1 to 5."), field="mood")
    if stress not in range(1, 6):
        raise CheckInError(_("Stress goes from 1 to 5."), field="stress")
    if sleep_hours is not None and not 0 <= sleep_hours <= 24:
        raise CheckInError(_("Sleep is between 0 and 24 hours."), field="sleep_hours")


def check_blood_pressure(systolic: int | None, diastolic: int | None) -> None:
    """Both numbers or neither, and a pair that could be a person's."""
    if systolic is None and diastolic is None:
        return
    if systolic is None or diastolic is None:
        missing = "systolic" if systolic is None else "diastolic"
        raise CheckInError(_("Give both blood pressure numbers, or neither."), field=missing)
    implausible = _("That blood pressure doesn't look right: e.g. 120 over 80.")
    if systolic not in SYSTOLIC:
        raise CheckInError(implausible, field="systolic")
    if diastolic not in DIASTOLIC or diastolic >= systolic:
        raise CheckInError(implausible, field="diastolic")


def check_note(note: str) -> str:
    if "\x00" in note:
        raise CheckInError(_("That note holds a character we can't keep; remove it."), field="note")
    note = note.strip()
    if len(note) > MAX_NOTE_LENGTH:
        raise CheckInError(
            _("Notes can be up to %(most)s characters.") % {"most": MAX_NOTE_LENGTH}, field="note"
        )
    return note


def memberships_for(user: User, relationships: list[RelationshipDay]) -> dict[int, Member]:
    """The person's current membership in each relationship they speak about, or a refusal."""
    asked = [entry.relationship_id for entry in relationships]
    if len(set(asked)) != len(asked):
        raise CheckInError(_("Check in for each relationship once."))
    mine = {
        m.relationship_id: m
        for m in Member.objects.current().filter(user=user, relationship_id__in=asked)
    }
    if set(asked) - set(mine):
        raise CheckInError(_("You can only check in for your own relationships."))
    for entry in relationships:
        if entry.closeness not in range(1, 8):
            raise CheckInError(_("Choose one of the seven pairs of circles."))
        if entry.felt_understood is not None and entry.felt_understood not in range(1, 8):
            raise CheckInError(_("Felt understood goes from 1 to 7."))
    return mine


@transaction.atomic
def checkin_save(
    *,
    user: User,
    day: date,
    mood: int,
    stress: int,
    relationships: list[RelationshipDay],
    sleep_hours: Decimal | None = None,
    systolic: int | None = None,
    diastolic: int | None = None,
    note: str = "",
    support_wanted: bool = False,
) -> CheckIn:
    """Save the day; saving again the same day replaces it."""
    check_day(user, day)
    check_wellbeing(mood, stress, sleep_hours)
    check_blood_pressure(systolic, diastolic)
    note = check_note(note)
    mine = memberships_for(user, relationships)
    checkin, _created = CheckIn.objects.update_or_create(
        user=user,
        date=day,
        defaults={
            "mood": mood,
            "stress": stress,
            "sleep_hours": sleep_hours,
            "systolic": systolic,
            "diastolic": diastolic,
            "note": note,
            "support_wanted": support_wanted,
            # Stamped on every save, its parts for each relationship included: insights see
            # a changed day by this stamp.
            "updated_at": timezone.now(),
        },
    )
    checkin.relationships.exclude(member__in=mine.values()).delete()
    already_shared = set(
        checkin.relationships.filter(share_support=True).values_list("member_id", flat=True)
    )
    for entry in relationships:
        member = mine[entry.relationship_id]
        saved, _created = RelationshipCheckIn.objects.update_or_create(
            checkin=checkin,
            member=member,
            defaults={
                "closeness": entry.closeness,
                "felt_understood": entry.felt_understood,
                "affection": entry.affection,
                "shared_personal": entry.shared_personal,
                "share_support": entry.share_support and support_wanted,
            },
        )
        if saved.share_support and member.pk not in already_shared:
            support_shared.send(sender=RelationshipCheckIn, entry=saved)
    return checkin
