"""Saving a day's check-in: once per person per day, editable that day, late for yesterday."""

import zoneinfo
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from hearth.accounts.models import User
from hearth.checkins.models import CheckIn, RelationshipCheckIn
from hearth.refusals import Refusal
from hearth.relationships.models import Member

MAX_NOTE_LENGTH = 2000


class CheckInError(Refusal):
    """A check-in rule said no."""


@dataclass(frozen=True)
class RelationshipDay:
    """What a person says about one relationship today."""

    member_id: int
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
        raise CheckInError("Check in for today, or catch up on yesterday.")


def check_wellbeing(
    mood: int, stress: int, sleep_hours: Decimal | None, blood_pressure: tuple[int, int] | None
) -> None:
    if mood not in range(1, 6) or stress not in range(1, 6):
        raise CheckInError("Mood and stress go from 1 to 5.")
    if sleep_hours is not None and not 0 <= sleep_hours <= 24:
        raise CheckInError("Sleep is between 0 and 24 hours.")
    if blood_pressure is not None:
        systolic, diastolic = blood_pressure
        if not (60 <= systolic <= 260 and 30 <= diastolic <= 160 and diastolic < systolic):
            raise CheckInError("That blood pressure doesn't look right: e.g. 120 over 80.")


@transaction.atomic
def checkin_save(
    *,
    user: User,
    day: date,
    mood: int,
    stress: int,
    relationships: list[RelationshipDay],
    sleep_hours: Decimal | None = None,
    blood_pressure: tuple[int, int] | None = None,
    note: str = "",
    support_wanted: bool = False,
) -> CheckIn:
    """Save the day; saving again the same day replaces it."""
    check_day(user, day)
    check_wellbeing(mood, stress, sleep_hours, blood_pressure)
    if len(note) > MAX_NOTE_LENGTH:
        raise CheckInError(f"Notes can be up to {MAX_NOTE_LENGTH} characters.")
    mine = {m.pk: m for m in Member.objects.current().filter(user=user)}
    for entry in relationships:
        if entry.member_id not in mine:
            raise CheckInError("You can only check in for your own relationships.")
        if entry.closeness not in range(1, 8):
            raise CheckInError("Choose one of the seven pairs of circles.")
        if entry.felt_understood is not None and entry.felt_understood not in range(1, 8):
            raise CheckInError("Felt understood goes from 1 to 7.")
    systolic, diastolic = blood_pressure or (None, None)
    checkin, _ = CheckIn.objects.update_or_create(
        user=user,
        date=day,
        defaults={
            "mood": mood,
            "stress": stress,
            "sleep_hours": sleep_hours,
            "systolic": systolic,
            "diastolic": diastolic,
            "note": note.strip(),
            "support_wanted": support_wanted,
            "updated_at": timezone.now(),
        },
    )
    checkin.relationships.exclude(member_id__in=[e.member_id for e in relationships]).delete()
    for entry in relationships:
        RelationshipCheckIn.objects.update_or_create(
            checkin=checkin,
            member_id=entry.member_id,
            defaults={
                "closeness": entry.closeness,
                "felt_understood": entry.felt_understood,
                "affection": entry.affection,
                "shared_personal": entry.shared_personal,
                "share_support": entry.share_support and support_wanted,
            },
        )
    return checkin
