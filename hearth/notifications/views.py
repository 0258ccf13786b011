import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from hearth.accounts.models import User
from hearth.notifications import devices, email, selectors, services, vapid
from hearth.notifications.forms import DeliveryPreferencesForm
from hearth.refusals import Refusal, refusal_shown


def signed_in(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    """What waits for the person; what they see here counts as seen."""
    user = signed_in(request)
    shown = list(selectors.notifications_of(user))
    response = render(
        request,
        "notifications/list.html",
        {"notifications": [(n, selectors.headline(n)) for n in shown]},
    )
    services.notifications_read(user=user, ids=[n.pk for n in shown if n.is_unread])
    return response


@login_required
def badge(request: HttpRequest) -> HttpResponse:
    """The unread count in the header, polled gently; 204 when it hasn't changed."""
    count = selectors.unread_count(signed_in(request))
    if request.GET.get("shown") == str(count):
        return HttpResponse(status=204)
    return render(request, "notifications/_badge.html", {"unread_notifications": count})


@require_POST
@login_required
def read_all(request: HttpRequest) -> HttpResponse:
    services.notifications_read(user=signed_in(request))
    return redirect("notifications:list")


@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    current = services.delivery_preferences_for(user)
    can_email = settings.EMAIL_CAN_SEND
    form = DeliveryPreferencesForm(request.POST or None, instance=current, can_email=can_email)
    if request.method == "POST" and form.is_valid():
        quiet_start, quiet_end = form.quiet_hours()
        with refusal_shown(request, form):
            services.delivery_preferences_set(
                user=user,
                push=form.cleaned_data["push"],
                email=form.cleaned_data.get("email", current.email),
                quiet_start=quiet_start,
                quiet_end=quiet_end,
            )
            messages.success(request, _("Saved. Hearth will reach you the way you chose."))
            return redirect("notifications:preferences")
    return render(
        request,
        "notifications/preferences.html",
        {
            "form": form,
            "can_email": can_email,
            "push_on": current.push,
            "devices": devices.devices_of(user),
            "application_server_key": vapid.application_server_key(),
        },
    )


def json_body(request: HttpRequest) -> dict[str, object]:
    try:
        body = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        body = None
    if not isinstance(body, dict):
        raise Refusal(_("Hearth expected the device's details as JSON."))
    return body


def text(body: dict[str, object], *path: str) -> str:
    """A string inside the JSON body, or an empty one."""
    value: object = body
    for name in path:
        value = value.get(name) if isinstance(value, dict) else None
    return value if isinstance(value, str) else ""


@require_POST
@login_required
def device_add(request: HttpRequest) -> JsonResponse:
    """This page's script hands over the browser's push subscription (as JSON)."""
    try:
        body = json_body(request)
        services.push_subscription_add(
            user=signed_in(request),
            endpoint=text(body, "endpoint"),
            p256dh=text(body, "keys", "p256dh"),
            auth=text(body, "keys", "auth"),
            user_agent=request.headers.get("User-Agent", ""),
        )
    except Refusal as refusal:
        return JsonResponse({"detail": refusal.message}, status=400)
    # Remembered with the sign-in, so signing out on a shared device stops its notifications.
    request.session[services.SIGNED_IN_DEVICE] = text(body, "endpoint").strip()
    messages.success(request, _("Notifications are on for this device."))
    return JsonResponse({"detail": "on"}, status=201)


@require_POST
@login_required
def device_forget(request: HttpRequest) -> JsonResponse:
    """This page's script turns notifications off for the device it runs on."""
    try:
        endpoint = text(json_body(request), "endpoint")
    except Refusal as refusal:
        return JsonResponse({"detail": refusal.message}, status=400)
    services.push_subscription_forget(user=signed_in(request), endpoint=endpoint)
    messages.success(request, _("Notifications are off for this device."))
    return JsonResponse({"detail": "off"})


@require_POST
@login_required
def device_remove(request: HttpRequest, subscription_id: int) -> HttpResponse:
    if not services.push_subscription_remove(
        user=signed_in(request), subscription_id=subscription_id
    ):
        raise Http404
    messages.success(request, _("Removed. That device won't get notifications from Hearth now."))
    return redirect(reverse("notifications:preferences") + "#devices")


@csrf_exempt  # the signed link is the permission; mail programs post without a page (RFC 8058)
@require_http_methods(["GET", "HEAD", "POST"])
def email_stop(request: HttpRequest, token: str) -> HttpResponse:
    """The link in every mail: GET asks (link checkers open links), POST stops all e-mail."""
    try:
        user = email.user_of_stop_token(token)
    except signing.BadSignature:
        return render(request, "notifications/email_stop.html", {"state": "broken"}, status=400)
    if user is None:
        return render(request, "notifications/email_stop.html", {"state": "gone"}, status=404)
    if request.method == "POST":
        services.email_stop(user=user)
        return render(request, "notifications/email_stop.html", {"state": "stopped"})
    return render(request, "notifications/email_stop.html", {"state": "ask"})
