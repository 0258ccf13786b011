from datetime import datetime, time
from enum import StrEnum

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from hearth.api_types import ClockTime, clock_in, clock_out, errors, me, membership
from hearth.questions.selectors import prompt_for
from hearth.reminders import selectors, services
from hearth.reminders.models import CheckInReminder, QuestionReminder

router = Router(tags=["reminders"])
R = "/relationships/{relationship_id}"


class Weekday(StrEnum):
    MONDAY = "monday"
    TUESDAY = "tuesday"
    WEDNESDAY = "wednesday"
    THURSDAY = "thursday"
    FRIDAY = "friday"
    SATURDAY = "saturday"
    SUNDAY = "sunday"


WEEK = list(Weekday)


class ReminderIn(Schema):
    at: ClockTime | None = Field(
        description="A time of day, HH:MM, in your own time zone; null for no reminder. One "
        "that falls in your quiet hours comes as they end."
    )
    days: list[Weekday] = Field(
        max_length=7, description="The days it comes on; at least one when `at` is set."
    )
    to_devices: bool = Field(description="Also to your devices (always in Hearth itself).")
    by_email: bool = Field(
        description="Also by e-mail (where this Hearth sends e-mail and you turned it on)."
    )

    def clock_time(self) -> time | None:
        return clock_in(self.at) if self.at is not None else None

    def weekdays(self) -> frozenset[int]:
        return frozenset(WEEK.index(day) for day in self.days)


class ReminderOut(Schema):
    at: ClockTime | None
    days: list[Weekday]
    to_devices: bool
    by_email: bool
    next_at: datetime | None = Field(description="When the next one comes, if any.")


class QuestionReminderIn(ReminderIn):
    nudges_welcome: bool = Field(
        description="Others here may send you a gentle reminder when you haven't answered."
    )


class QuestionReminderOut(ReminderOut):
    nudges_welcome: bool


class NudgeIn(Schema):
    member_id: int = Field(
        ge=1, le=2**63 - 1, description="The member to remind: someone here who hasn't answered."
    )


class NudgeOut(Schema):
    member_id: int
    display_name: str
    sent_at: datetime


def clock_or_none(at: time | None) -> str | None:
    return clock_out(at) if at is not None else None


def days_out(reminder: QuestionReminder | CheckInReminder) -> list[Weekday]:
    return [WEEK[day] for day in sorted(reminder.weekdays)]


def question_out(reminder: QuestionReminder) -> QuestionReminderOut:
    return QuestionReminderOut(
        at=clock_or_none(reminder.at),
        days=days_out(reminder),
        to_devices=reminder.to_devices,
        by_email=reminder.by_email,
        next_at=reminder.next_at if reminder.at else None,
        nudges_welcome=reminder.nudges_welcome,
    )


def checkin_out(reminder: CheckInReminder) -> ReminderOut:
    return ReminderOut(
        at=clock_or_none(reminder.at),
        days=days_out(reminder),
        to_devices=reminder.to_devices,
        by_email=reminder.by_email,
        next_at=reminder.next_at if reminder.at else None,
    )


@router.get(
    R + "/reminders",
    response={200: QuestionReminderOut, **errors(404, 422)},
    summary="Your reminder for the day's question here, and whether others may nudge you",
)
def question_reminder_get(request: HttpRequest, relationship_id: int) -> QuestionReminderOut:
    return question_out(selectors.question_reminder_of(membership(request, relationship_id)))


@router.put(R + "/reminders", response={200: QuestionReminderOut, **errors(400, 404, 422)})
def question_reminder_put(
    request: HttpRequest, relationship_id: int, body: QuestionReminderIn
) -> QuestionReminderOut:
    saved = services.question_reminder_set(
        member=membership(request, relationship_id),
        at=body.clock_time(),
        days=body.weekdays(),
        to_devices=body.to_devices,
        by_email=body.by_email,
        nudges_welcome=body.nudges_welcome,
    )
    return question_out(saved)


@router.get(
    "/me/checkin-reminder",
    response={200: ReminderOut, **errors()},
    summary="Your reminder to check in (one for all your relationships)",
)
def checkin_reminder_get(request: HttpRequest) -> ReminderOut:
    return checkin_out(selectors.checkin_reminder_of(me(request)))


@router.put("/me/checkin-reminder", response={200: ReminderOut, **errors(400, 422)})
def checkin_reminder_put(request: HttpRequest, body: ReminderIn) -> ReminderOut:
    saved = services.checkin_reminder_set(
        user=me(request),
        at=body.clock_time(),
        days=body.weekdays(),
        to_devices=body.to_devices,
        by_email=body.by_email,
    )
    return checkin_out(saved)


@router.post(
    R + "/prompts/{prompt_id}/nudges",
    response={201: NudgeOut, **errors(400, 404, 422)},
    summary="Send one gentle reminder to a member who hasn't answered yet",
)
def nudge_send(
    request: HttpRequest, relationship_id: int, prompt_id: int, body: NudgeIn
) -> Status[NudgeOut]:
    member = membership(request, relationship_id)
    nudge = services.nudge_send(
        member=member, prompt=prompt_for(member, prompt_id), to_member_id=body.member_id
    )
    return Status(
        201,
        NudgeOut(
            member_id=nudge.to_id, display_name=nudge.to.display_name, sent_at=nudge.created_at
        ),
    )
