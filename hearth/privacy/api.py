from django.http import HttpRequest, HttpResponse
from ninja import Field, Router, Schema, Status

from hearth.accounts.models import User
from hearth.api_types import errors
from hearth.privacy.deletion import account_delete
from hearth.privacy.forms import CONFIRMATION
from hearth.privacy.views import zip_download
from hearth.refusals import Refusal

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
    response={204: None, **errors(400, 422)},
    summary="Delete your account and what you wrote",
)
def delete(request: HttpRequest, body: DeleteIn) -> Status[None]:
    user: User = request.user  # type: ignore[assignment]
    if body.confirm.strip().lower() != CONFIRMATION or not user.check_password(body.password):
        raise Refusal(f'Send your password and confirm = "{CONFIRMATION}".')
    account_delete(user=user)
    return Status(204, None)
