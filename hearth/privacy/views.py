from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hearth.accounts.models import User
from hearth.privacy.deletion import account_delete
from hearth.privacy.export import export_archive
from hearth.privacy.forms import DeleteAccountForm


def zip_download(user: User) -> HttpResponse:
    response = HttpResponse(export_archive(user), content_type="application/zip")
    stamp = timezone.now().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="hearth-export-{stamp}.zip"'
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@login_required
def export(request: HttpRequest) -> HttpResponse:
    return zip_download(request.user)  # type: ignore[arg-type]


@login_required
def delete_account(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        user: User = request.user  # type: ignore[assignment]
        logout(request)
        account_delete(user=user)
        messages.success(
            request, _("Your account and everything you wrote are deleted. Take care.")
        )
        return redirect("home")
    return render(request, "privacy/delete.html", {"form": form})
