from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from hearth.accounts.models import User
from hearth.checkins.forms import CheckInForm
from hearth.checkins.models import CheckIn
from hearth.checkins.services import RelationshipDay, checkin_save, person_today
from hearth.refusals import refusal_shown
from hearth.relationships.models import Member


def initial_for(checkin: CheckIn | None, members: list[Member], day: str) -> dict[str, object]:
    initial: dict[str, object] = {"day": day}
    if checkin is None:
        return initial
    initial.update(
        mood=checkin.mood,
        stress=checkin.stress,
        sleep_hours=checkin.sleep_hours,
        systolic=checkin.systolic,
        diastolic=checkin.diastolic,
        note=checkin.note,
        support_wanted=checkin.support_wanted,
    )
    for entry in checkin.relationships.all():
        p = f"r{entry.member_id}-"
        initial.update(
            {
                p + "closeness": entry.closeness,
                p + "felt_understood": entry.felt_understood,
                p + "affection": entry.affection,
                p + "shared_personal": entry.shared_personal,
                p + "share_support": entry.share_support,
            }
        )
    return initial


@login_required
def checkin(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    today = person_today(user)
    days = [
        (today.isoformat(), _("Today")),
        ((today - timedelta(days=1)).isoformat(), _("Yesterday")),
    ]
    members = list(
        Member.objects.current()
        .filter(user=user, relationship__archived_at__isnull=True)
        .select_related("relationship")
    )
    asked = request.GET.get("day", "")
    chosen = asked if asked in dict(days) else days[0][0]
    existing = CheckIn.objects.filter(user=user, date=chosen).first()
    form = CheckInForm(
        request.POST or None,
        initial=initial_for(existing, members, chosen),
        members=members,
        days=days,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusal_shown(request, form):
            checkin_save(
                user=user,
                day=today if data["day"] == days[0][0] else today - timedelta(days=1),
                mood=data["mood"],
                stress=data["stress"],
                sleep_hours=data["sleep_hours"],
                systolic=data["systolic"],
                diastolic=data["diastolic"],
                note=data["note"],
                support_wanted=data["support_wanted"],
                relationships=[
                    RelationshipDay(relationship_id=m.relationship_id, **given)  # type: ignore[arg-type]
                    for m, given in form.days_for_relationships()
                ],
            )
            messages.success(request, _("Checked in. Thank you for taking a moment."))
            return redirect("home")
    return render(request, "checkins/checkin.html", {"form": form, "editing": existing is not None})
