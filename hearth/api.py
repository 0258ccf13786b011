"""Hearth's JSON API: one NinjaAPI, each domain adds its router; schema at /api/openapi.json."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from ninja import NinjaAPI
from ninja.security import APIKeyCookie, HttpBearer

from hearth.accounts.api import router as accounts_router
from hearth.accounts.services import api_token_user
from hearth.assessments.api import router as assessments_router
from hearth.checkins.api import router as checkins_router
from hearth.gratitude.api import router as gratitude_router
from hearth.insights.api import router as insights_router
from hearth.lessons.api import router as lessons_router
from hearth.notifications.api import router as notifications_router
from hearth.practices.api import router as practices_router
from hearth.privacy.api import router as privacy_router
from hearth.questions.api import router as questions_router
from hearth.recommendations.api import router as recommendations_router
from hearth.refusals import Refusal
from hearth.relationships.api import router as relationships_router
from hearth.reminders.api import router as reminders_router
from hearth.reviews.api import router as reviews_router


class SessionAuth(APIKeyCookie):
    """The browser's signed-in session (CSRF checked on writes)."""

    param_name = "sessionid"

    def authenticate(self, request: HttpRequest, key: str | None) -> object | None:
        return request.user if request.user.is_authenticated else None


class TokenAuth(HttpBearer):
    """A personal API token: `Authorization: Bearer hearth_…`."""

    def authenticate(self, request: HttpRequest, token: str) -> object | None:
        user = api_token_user(token)
        if user is not None:
            request.user = user
            # Middleware ran before the token was read: the person's language applies from here.
            if user.language:
                translation.activate(user.language)
                request.LANGUAGE_CODE = user.language
        return user


api = NinjaAPI(
    title="Hearth API",
    version="1",
    description="Everything a member can do in Hearth, for their own relationships only.",
    auth=[TokenAuth(), SessionAuth()],
    urls_namespace="api",
)
api.add_router("/", accounts_router)
api.add_router("/", relationships_router)
api.add_router("/", questions_router)
api.add_router("/", privacy_router)
api.add_router("/", checkins_router)
api.add_router("/", assessments_router)
api.add_router("/", insights_router)
api.add_router("/", notifications_router)
api.add_router("/", reminders_router)
api.add_router("/", practices_router)
api.add_router("/", lessons_router)
api.add_router("/", gratitude_router)
api.add_router("/", reviews_router)
api.add_router("/", recommendations_router)


@api.exception_handler(Refusal)
def refusal(request: HttpRequest, error: Refusal) -> HttpResponse:
    return api.create_response(request, {"detail": error.message}, status=400)


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, error: ValidationError) -> HttpResponse:
    """A model's own check said no (say, a name that is only spaces): 400 with its words."""
    fields = (
        error.message_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: error.messages}
    )
    detail = " ".join(
        message if field == NON_FIELD_ERRORS else f"{field}: {message}"
        for field, messages in fields.items()
        for message in messages
    )
    return api.create_response(request, {"detail": detail}, status=400)
