from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.decorators.http import require_POST

from hearth.accounts import services
from hearth.accounts.forms import ApiTokenForm, ProfileForm
from hearth.accounts.models import User


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    form = ProfileForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        services.profile_update(user=user, **form.cleaned_data)
        # The message, and every page after it, in the language just chosen.
        translation.activate(user.language or browser_language(request))
        messages.success(request, _("Your profile is saved."))
        response = redirect("accounts:profile")
        remember_language(response, user.language)
        return response
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "token_form": ApiTokenForm(),
            "tokens": user.api_tokens.all(),
            "new_token": request.session.pop("new_api_token", None),
        },
    )


def browser_language(request: HttpRequest) -> str:
    """The language the browser asks for (Accept-Language), among those Hearth speaks."""
    for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        if code == "*":
            break
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


def remember_language(response: HttpResponse, language: str) -> None:
    """The browser keeps the choice for pages seen signed out on it; "follow the browser"
    forgets any earlier choice made there."""
    if language:
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    else:
        response.delete_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )


@require_POST
@login_required
def api_token_create(request: HttpRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST)
    if form.is_valid():
        _token, raw = services.api_token_create(user=request.user, name=form.cleaned_data["name"])  # type: ignore[arg-type]
        # Shown once on the next page, then gone: only its hash is kept.
        request.session["new_api_token"] = raw
    else:
        messages.error(request, _("Give the token a name, so you can recognise it later."))
    return redirect("/settings/#tokens")


@require_POST
@login_required
def api_token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    if services.api_token_revoke(user=request.user, token_id=token_id):  # type: ignore[arg-type]
        messages.success(request, _("Token revoked."))
    return redirect("/settings/#tokens")
