from datetime import date
from decimal import Decimal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from hearth.api_types import Text, errors, me
from hearth.checkins.models import CheckIn
from hearth.checkins.services import (
    DIASTOLIC,
    MAX_NOTE_LENGTH,
    SYSTOLIC,
    RelationshipDay,
    checkin_save,
)

router = Router(tags=["check-ins"])


class RelationshipDayIn(Schema):
    relationship_id: int = Field(ge=1, lt=2**63)  # a database id: 64 bits at most
    closeness: int = Field(ge=1, le=7, description="The 7 pairs of circles, 1 apart to 7 one.")
    felt_understood: int | None = Field(None, ge=1, le=7)
    affection: bool = False
    shared_personal: bool = False
    share_support: bool = False


class CheckInIn(Schema):
    mood: int = Field(ge=1, le=5)
    stress: int = Field(ge=1, le=5)
    sleep_hours: Decimal | None = Field(None, ge=0, le=24, decimal_places=1)
    systolic: int | None = Field(
        None, ge=SYSTOLIC.start, le=SYSTOLIC.stop - 1, description="Give both numbers, or neither."
    )
    diastolic: int | None = Field(
        None, ge=DIASTOLIC.start, le=DIASTOLIC.stop - 1, description="Lower than the upper one."
    )
    note: Text = Field("", max_length=MAX_NOTE_LENGTH, description="Private to you.")
    support_wanted: bool = False
    relationships: list[RelationshipDayIn] = Field(default_factory=list, max_length=50)


class RelationshipDayOut(Schema):
    relationship_id: int
    closeness: int
    felt_understood: int | None
    affection: bool
    shared_personal: bool
    share_support: bool


class CheckInOut(Schema):
    date: date
    mood: int
    stress: int
    sleep_hours: Decimal | None
    systolic: int | None
    diastolic: int | None
    note: str
    support_wanted: bool
    relationships: list[RelationshipDayOut]


class Period(Schema):
    date_from: date | None = None
    date_to: date | None = None


def checkin_out(checkin: CheckIn) -> CheckInOut:
    return CheckInOut(
        date=checkin.date,
        mood=checkin.mood,
        stress=checkin.stress,
        sleep_hours=checkin.sleep_hours,
        systolic=checkin.systolic,
        diastolic=checkin.diastolic,
        note=checkin.note,
        support_wanted=checkin.support_wanted,
        relationships=[
            RelationshipDayOut(
                relationship_id=e.member.relationship_id,
                closeness=e.closeness,
                felt_understood=e.felt_understood,
                affection=e.affection,
                shared_personal=e.shared_personal,
                share_support=e.share_support,
            )
            for e in checkin.relationships.all()
        ],
    )


@router.get(
    "/checkins",
    response={200: list[CheckInOut], **errors(400, 422)},
    summary="Your check-ins, newest first",
)
def checkins_list(request: HttpRequest, period: Query[Period]) -> list[CheckInOut]:
    checkins = CheckIn.objects.filter(user=me(request)).prefetch_related("relationships__member")
    if period.date_from:
        checkins = checkins.filter(date__gte=period.date_from)
    if period.date_to:
        checkins = checkins.filter(date__lte=period.date_to)
    return [checkin_out(c) for c in checkins[:400]]


@router.put(
    "/checkins/{day}",
    response={200: CheckInOut, **errors(400, 422)},
    summary="Check in for today or yesterday (again the same day replaces it)",
)
def checkin_put(request: HttpRequest, day: date, body: CheckInIn) -> CheckInOut:
    checkin = checkin_save(
        user=me(request),
        day=day,
        mood=body.mood,
        stress=body.stress,
        sleep_hours=body.sleep_hours,
        systolic=body.systolic,
        diastolic=body.diastolic,
        note=body.note,
        support_wanted=body.support_wanted,
        relationships=[RelationshipDay(**r.model_dump()) for r in body.relationships],
    )
    return checkin_out(checkin)
