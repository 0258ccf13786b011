from django.http import HttpRequest, HttpResponse
from ninja import Field, Router, Schema, Status

from hearth.api_types import ErrorOut, errors, me
from hearth.privacy.confirmation import CONFIRMATION, PasswordTriesPaused, deletion_confirm
from hearth.privacy.deletion import account_delete
from hearth.privacy.views import zip_download

router = Router(tags=["privacy"])


class DeleteIn(Schema):
    password: str = Field(max_length=4096)
    confirm: str = Field(max_length=100, description=f'Must be "{CONFIRMATION}".')


# Ninja passes the zip through as it is; its 200 is described once, in openapi_extra.
@router.get(
    "/me/export",
    response=errors(),
    summary="Download everything you wrote and what was shared with you (zip of JSON and CSV)",
    openapi_extra={
        "responses": {
            "200": {
                "description": "A zip archive",
                "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    },
)
def export(request: HttpRequest) -> HttpResponse:
    return zip_download(request.user)  # type: ignore[arg-type]


@router.delete(
    "/me/account",
    response={204: None, **errors(400, 422, 429)},
    summary="Delete your account and what you wrote",
    description=(
        "Needs your password and the confirmation words. After too many wrong passwords in a "
        "short while, every try is refused with 429 for a few minutes."
    ),
)
def delete(request: HttpRequest, body: DeleteIn) -> Status[ErrorOut | None]:
    user = me(request)
    try:
        deletion_confirm(
            request=request, user=user, password=body.password, confirmation=body.confirm
        )
    except PasswordTriesPaused as refusal:
        return Status(429, ErrorOut(detail=refusal.message))
    account_delete(user=user)
    return Status(204, None)
