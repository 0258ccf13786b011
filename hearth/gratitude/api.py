from datetime import date, datetime

from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema, Status

from hearth.api_types import MemberRef, Text, errors, member_ref, membership
from hearth.gratitude import selectors, services
from hearth.gratitude.models import Appreciation, GratitudeEntry
from hearth.gratitude.services import MAX_TEXT_LENGTH

router = Router(tags=["gratitude"])
R = "/relationships/{relationship_id}"


class AppreciationOut(Schema):
    id: int
    sender: MemberRef
    recipient: MemberRef
    text: str
    for_everyone: bool
    sent_at: datetime


def appreciation_out(a: Appreciation) -> AppreciationOut:
    return AppreciationOut(
        id=a.pk,
        sender=member_ref(a.sender),
        recipient=member_ref(a.recipient),
        text=a.text,
        for_everyone=a.for_everyone,
        sent_at=a.created_at,
    )


class AppreciationIn(Schema):
    recipient_id: int = Field(ge=1, lt=2**63, description="A member id of this relationship.")
    text: Text = Field(min_length=1, max_length=MAX_TEXT_LENGTH)
    for_everyone: bool = Field(False, description="Let every member read it, not only them.")
    prompt_key: str = Field("", max_length=40)


class EntryOut(Schema):
    id: int
    member: MemberRef
    date: date
    text: str
    shared: bool


def entry_out(e: GratitudeEntry) -> EntryOut:
    return EntryOut(id=e.pk, member=member_ref(e.member), date=e.date, text=e.text, shared=e.shared)


class EntryIn(Schema):
    text: Text = Field(min_length=1, max_length=MAX_TEXT_LENGTH)
    shared: bool = Field(False, description="Let the other members read this line.")
    prompt_key: str = Field("", max_length=40)


class GratitudePromptOut(Schema):
    key: str
    text: str


@router.get(
    R + "/appreciations",
    response={200: list[AppreciationOut], **errors(404, 422)},
    summary="Thank-yous you sent or received, and those shared with everyone",
)
def appreciations_list(request: HttpRequest, relationship_id: int) -> list[AppreciationOut]:
    member = membership(request, relationship_id)
    return [appreciation_out(a) for a in selectors.appreciations_visible_to(member)[:200]]


@router.post(
    R + "/appreciations",
    response={201: AppreciationOut, **errors(400, 404, 422)},
    summary="Thank another member for something specific; they hear of it",
)
def appreciation_create(
    request: HttpRequest, relationship_id: int, body: AppreciationIn
) -> Status[AppreciationOut]:
    appreciation = services.appreciation_send(
        sender=membership(request, relationship_id),
        recipient_id=body.recipient_id,
        text=body.text,
        for_everyone=body.for_everyone,
        prompt_key=body.prompt_key,
    )
    return Status(201, appreciation_out(appreciation))


@router.get(
    R + "/gratitude",
    response={200: list[EntryOut], **errors(404, 422)},
    summary="Your gratitude log, and lines the others shared",
)
def gratitude_list(request: HttpRequest, relationship_id: int) -> list[EntryOut]:
    member = membership(request, relationship_id)
    return [entry_out(e) for e in selectors.gratitude_log_visible_to(member)[:200]]


@router.post(
    R + "/gratitude",
    response={201: EntryOut, **errors(400, 404, 422)},
    summary="Add a line to your gratitude log",
)
def gratitude_create(request: HttpRequest, relationship_id: int, body: EntryIn) -> Status[EntryOut]:
    entry = services.gratitude_note(
        member=membership(request, relationship_id),
        text=body.text,
        shared=body.shared,
        prompt_key=body.prompt_key,
    )
    return Status(201, entry_out(entry))


@router.delete(
    R + "/gratitude/{entry_id}",
    response={204: None, **errors(404, 422)},
    summary="Take a line of your own log back",
)
def gratitude_delete(request: HttpRequest, relationship_id: int, entry_id: int) -> Status[None]:
    member = membership(request, relationship_id)
    if not 0 < entry_id < 2**63 or not services.gratitude_entry_delete(
        member=member, entry_id=entry_id
    ):
        raise Http404
    return Status(204, None)


@router.get(
    R + "/gratitude-prompt",
    response={200: GratitudePromptOut | None, **errors(404, 422)},
    summary="Today's invitation to notice a kindness",
)
def gratitude_prompt(request: HttpRequest, relationship_id: int) -> GratitudePromptOut | None:
    prompt = selectors.todays_gratitude_prompt(membership(request, relationship_id))
    return GratitudePromptOut(key=prompt.key, text=prompt.text) if prompt else None
