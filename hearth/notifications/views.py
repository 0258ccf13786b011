from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from hearth.accounts.models import User
from hearth.notifications import selectors, services
from hearth.notifications.forms import DeliveryPreferencesForm
from hearth.refusals import refusal_shown


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
    form = DeliveryPreferencesForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        quiet_start, quiet_end = form.quiet_hours()
        with refusal_shown(request, form):
            services.delivery_preferences_set(
                user=user,
                push=form.cleaned_data["push"],
                email=form.cleaned_data["email"],
                quiet_start=quiet_start,
                quiet_end=quiet_end,
            )
            messages.success(request, "Saved. Hearth will reach you the way you chose.")
            return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})
