from datetime import date
from decimal import Decimal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from hearth.api_types import Text, errors, me
from hearth.checkins.models import CheckIn, RelationshipCheckIn
from hearth.checkins.selectors import MOST_IN_A_PAGE, PAGE_SIZE, checkins_of
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

    @staticmethod
    def resolve_relationship_id(entry: RelationshipCheckIn) -> int:
        return entry.member.relationship_id


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


class Page(Schema):
    limit: int = Field(
        PAGE_SIZE,
        ge=1,
        le=MOST_IN_A_PAGE,
        description=f"How many check-ins at most, newest first ({MOST_IN_A_PAGE} at most).",
    )
    before: date | None = Field(
        None,
        description="Only check-ins from days before this one: to walk back, pass the oldest "
        "date of the page you have.",
    )
    date_from: date | None = Field(None, description="Only from this day on.")
    date_to: date | None = Field(None, description="Only up to this day.")


@router.get(
    "/checkins",
    response={200: list[CheckInOut], **errors(400, 422)},
    summary="Your check-ins, newest first, a page at a time",
    description=f"At most `limit` check-ins ({PAGE_SIZE} unless asked, {MOST_IN_A_PAGE} at "
    "most). A page shorter than `limit` is the last; after a full one there may be more: ask "
    "again with `before` set to the oldest date it holds.",
)
def checkins_list(request: HttpRequest, page: Query[Page]) -> list[CheckIn]:
    return checkins_of(
        me(request),
        before=page.before,
        date_from=page.date_from,
        date_to=page.date_to,
        limit=page.limit,
    )


@router.put(
    "/checkins/{day}",
    response={200: CheckInOut, **errors(400, 422)},
    summary="Check in for today or yesterday (again the same day replaces it)",
)
def checkin_put(request: HttpRequest, day: date, body: CheckInIn) -> CheckIn:
    return checkin_save(
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
