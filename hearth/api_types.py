"""What every API module shares: the caller and their membership, error bodies, safe text,
time zones."""

from datetime import time
from typing import Annotated, Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Schema

from hearth.accounts.models import User
from hearth.accounts.timezones import time_zone_names
from hearth.relationships.models import Member
from hearth.relationships.selectors import member_for


class ErrorOut(Schema):
    detail: str = Field(description="What went wrong, in words for the person who asked.")


class InvalidOut(Schema):
    detail: list[dict[str, Any]] = Field(description="Which inputs were invalid, and why.")


def errors(*statuses: int) -> dict[int, type[Schema]]:
    """Error responses to document: 401 on every operation (no valid token or session), and
    those given: 400 (a rule said no, or the body isn't JSON), 404, 422 (invalid input)."""
    return {status: InvalidOut if status == 422 else ErrorOut for status in (401, *statuses)}


class MemberRef(Schema):
    id: int
    display_name: str


def member_ref(member: Member) -> MemberRef:
    return MemberRef(id=member.pk, display_name=member.display_name)


# Text the API keeps has no NUL character, as Django's form fields ask (PostgreSQL can't store
# one); each field adds its own lengths.
Text = Annotated[str, Field(pattern=r"^[^\x00]*$")]


# A time of day on the person's own clock, "HH:MM" (no zone: their own time zone applies).
ClockTime = Annotated[str, Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$", examples=["19:00"])]


def clock_in(value: str) -> time:
    return time.fromisoformat(value)


def clock_out(value: time) -> str:
    return value.strftime("%H:%M")


def check_time_zone(value: str | None) -> str | None:
    if value is not None and value != "UTC" and value not in time_zone_names():
        raise ValueError(
            _("'%(value)s' is not a time zone we know, e.g. 'Europe/Lisbon'.") % {"value": value}
        )
    return value


def me(request: HttpRequest) -> User:
    """The signed-in caller (the API's auth has already refused anyone else)."""
    return request.user  # type: ignore[return-value]


def membership(request: HttpRequest, relationship_id: int) -> Member:
    """The caller's place in the relationship, or 404: the one access check of the API."""
    return member_for(user=me(request), relationship_id=relationship_id)
