from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hearth.assessments import selectors, services
from hearth.assessments.forms import AGREEMENT, StepForm
from hearth.assessments.models import AssessmentDraft
from hearth.refusals import refusal_shown
from hearth.relationships.access import membership_required
from hearth.relationships.models import Member


def step_url(member: Member, number: int | None = None) -> str:
    """A step of the profile; without a number, wherever the member left off."""
    url = reverse("assessments:take", args=[member.relationship_id])
    return f"{url}?step={number}" if number else url


@membership_required
def profile(request: HttpRequest, member: Member) -> HttpResponse:
    offered = services.instrument_for(member)
    titles = {s.key: s.title for s in offered.scales}
    view = selectors.side_by_side(member, titles)
    latest = selectors.latest_own(member)
    return render(
        request,
        "assessments/profile.html",
        {
            "relationship": member.relationship,
            "member": member,
            "view": view,
            "others_shared": any(m.pk != member.pk for m, _ in view.people),
            "latest": latest,
            "meanings": selectors.profile_meanings(member, latest, offered) if latest else [],
            "progress": selectors.draft_progress(member, offered),
            "step_count": len(offered.steps),
            "history": member.assessments.all()[:20],
        },
    )


@membership_required
def take(request: HttpRequest, member: Member) -> HttpResponse:
    """One step of the profile per page. Next keeps the step in the draft once every statement
    on it is answered; Back and "finish later" keep whatever is chosen; the last step turns the
    draft into a result."""
    offered = services.instrument_for(member)
    draft = selectors.draft_for(member) or AssessmentDraft(member=member)
    asked = request.POST.get("step") or request.GET.get("step")
    step = selectors.step_to_show(offered, draft, asked)
    last = step.number == len(offered.steps)
    form = StepForm(
        request.POST or None, step=step, last=last, answers=draft.answers, shared=draft.shared
    )
    if request.method == "POST" and form.is_valid():
        go = request.POST.get("go", "next")
        kept = None
        with refusal_shown(request, form):
            if go in ("back", "later"):
                services.assessment_draft_save(
                    member=member, answers=form.answers(), shared=form.shared()
                )
                if go == "later":
                    messages.success(request, _("Saved so far. Carry on whenever you like."))
                    return redirect("assessments:profile", relationship_id=member.relationship_id)
                return redirect(step_url(member, max(step.number - 1, 1)))
            kept = services.assessment_step_save(
                member=member, number=step.number, answers=form.answers(), shared=form.shared()
            )
        if kept is not None and not last:
            return redirect(step_url(member, step.number + 1))
        if kept is not None:
            return finish(request, member)
    return render(
        request,
        "assessments/take.html",
        {
            "relationship": member.relationship,
            "form": form,
            "step": step,
            "step_count": len(offered.steps),
            "last": last,
            "agreement": AGREEMENT,
        },
    )


def finish(request: HttpRequest, member: Member) -> HttpResponse:
    with refusal_shown(request):
        services.assessment_finish(member=member)
        messages.success(request, _("Your profile is saved. Here is what it says."))
        return redirect(
            reverse("assessments:profile", args=[member.relationship_id]) + "#your-scores"
        )
    # Something earlier is still unanswered: back to it, with the refusal's words.
    return redirect(step_url(member))


@require_POST
@membership_required
def discard_draft(request: HttpRequest, member: Member) -> HttpResponse:
    services.assessment_draft_discard(member=member)
    return redirect(step_url(member, 1))


@require_POST
@membership_required
def share(request: HttpRequest, member: Member, assessment_id: int) -> HttpResponse:
    with refusal_shown(request):
        services.assessment_share(
            member=member, assessment_id=assessment_id, shared=request.POST.get("shared") == "on"
        )
    return redirect("assessments:profile", relationship_id=member.relationship_id)
