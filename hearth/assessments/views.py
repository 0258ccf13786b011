from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from hearth.assessments import selectors, services
from hearth.assessments.forms import ProfileForm
from hearth.refusals import refusal_shown
from hearth.relationships.access import membership_required
from hearth.relationships.models import Member


@membership_required
def profile(request: HttpRequest, member: Member) -> HttpResponse:
    offered = services.instrument_for(member)
    titles = {s.key: s.title for s in offered.scales}
    return render(
        request,
        "assessments/profile.html",
        {
            "relationship": member.relationship,
            "member": member,
            "view": selectors.side_by_side(member, titles),
            "history": member.assessments.all()[:20],
            "titles": titles,
        },
    )


@membership_required
def take(request: HttpRequest, member: Member) -> HttpResponse:
    form = ProfileForm(request.POST or None, instrument=services.instrument_for(member))
    if request.method == "POST" and form.is_valid():
        with refusal_shown(request, form):
            services.assessment_take(
                member=member, answers=form.answers(), shared=form.cleaned_data["shared"]
            )
            messages.success(request, "Your profile is saved. Retake it any time to see change.")
            return redirect("assessments:profile", relationship_id=member.relationship_id)
    return render(
        request, "assessments/take.html", {"relationship": member.relationship, "form": form}
    )


@require_POST
@membership_required
def share(request: HttpRequest, member: Member, assessment_id: int) -> HttpResponse:
    with refusal_shown(request):
        services.assessment_share(
            member=member, assessment_id=assessment_id, shared=request.POST.get("shared") == "on"
        )
    return redirect("assessments:profile", relationship_id=member.relationship_id)
