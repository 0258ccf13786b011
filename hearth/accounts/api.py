from datetime import datetime
from typing import Literal

from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema, Status
from pydantic import field_validator

from hearth.accounts import services
from hearth.accounts.models import User
from hearth.api_types import Text, check_time_zone, errors, me

router = Router(tags=["profile"])

# A language Hearth speaks, or "" to follow the browser's; in step with settings.LANGUAGES (tested).
Language = Literal["", "en", "es"]


class ProfileOut(Schema):
    id: int
    email: str
    display_name: str
    pronouns: str
    time_zone: str
    language: Language = Field(
        description="The language of Hearth's words for you; empty follows the browser's."
    )


class ProfilePatch(Schema):
    display_name: Text | None = Field(None, min_length=1, max_length=60)
    pronouns: Text | None = Field(None, max_length=40)
    time_zone: str | None = None
    language: Language | None = Field(
        None, description='A language code, or "" to follow the browser\'s.'
    )

    _check_time_zone = field_validator("time_zone")(check_time_zone)


class ApiTokenOut(Schema):
    id: int
    name: str
    hint: str
    created_at: datetime
    last_used_at: datetime | None


class ApiTokenIn(Schema):
    name: Text = Field(min_length=1, max_length=60)


class ApiTokenCreated(ApiTokenOut):
    token: str = Field(description="Shown only now; store it safely.")


@router.get("/me", response={200: ProfileOut, **errors()}, summary="Your profile")
def profile_get(request: HttpRequest) -> User:
    return me(request)


@router.patch("/me", response={200: ProfileOut, **errors(400, 422)}, summary="Change your profile")
def profile_patch(request: HttpRequest, changes: ProfilePatch) -> User:
    user = me(request)
    return services.profile_update(
        user=user,
        display_name=changes.display_name or user.display_name,
        pronouns=user.pronouns if changes.pronouns is None else changes.pronouns,
        time_zone=changes.time_zone or user.time_zone,
        language=changes.language,
    )


@router.get(
    "/tokens", response={200: list[ApiTokenOut], **errors()}, summary="Your personal API tokens"
)
def tokens_list(request: HttpRequest) -> object:
    return me(request).api_tokens.all()


@router.post(
    "/tokens",
    response={201: ApiTokenCreated, **errors(400, 422)},
    summary="Make a personal API token",
)
def tokens_create(request: HttpRequest, body: ApiTokenIn) -> Status[dict[str, object]]:
    token, raw = services.api_token_create(user=me(request), name=body.name)
    return Status(
        201,
        {
            "id": token.pk,
            "name": token.name,
            "hint": token.hint,
            "created_at": token.created_at,
            "last_used_at": token.last_used_at,
            "token": raw,
        },
    )


@router.delete(
    "/tokens/{token_id}", response={204: None, **errors(404, 422)}, summary="Revoke a token"
)
def tokens_revoke(request: HttpRequest, token_id: int) -> Status[None]:
    if not services.api_token_revoke(user=me(request), token_id=token_id):
        raise Http404
    return Status(204, None)
