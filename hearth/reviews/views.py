from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hearth.practices.selectors import practices_for
from hearth.questions.selection import Fit
from hearth.refusals import refusal_shown
from hearth.relationships.access import membership_required
from hearth.relationships.models import Member
from hearth.relationships.selectors import current_members
from hearth.reviews import selectors, services
from hearth.reviews.forms import ContributionForm


def contribution_form(member: Member, data: object = None) -> ContributionForm:
    members = list(current_members(member.relationship))
    others = [m for m in members if m.pk != member.pk]
    practices = practices_for(member.relationship, Fit(member.relationship, members))
    return ContributionForm(data, others=others, practices=practices)  # type: ignore[arg-type]


def week_page(
    request: HttpRequest, member: Member, form: ContributionForm | None = None, status: int = 200
) -> HttpResponse:
    week = selectors.this_week(member.relationship)
    review = selectors.review_for(member, week)
    contributions = list(review.contributions.all()) if review else []
    mine = next((c for c in contributions if c.member_id == member.pk), None)
    if form is None:
        form = contribution_form(member)
        if mine:
            form.initial = {"went_well": mine.went_well, "work_on": mine.work_on}
    return render(
        request,
        "reviews/week.html",
        {
            "relationship": member.relationship,
            "member": member,
            "week": week,
            "numbers": selectors.week_in_numbers(member, week),
            "contributions": contributions,
            "mine": mine,
            "form": form,
            "past": selectors.earlier_weeks(member, week),
        },
        status=status,
    )


@membership_required
def week(request: HttpRequest, member: Member) -> HttpResponse:
    return week_page(request, member)


@require_POST
@membership_required
def contribute(request: HttpRequest, member: Member) -> HttpResponse:
    form = contribution_form(member, request.POST)
    if form.is_valid():
        with refusal_shown(request, form):
            services.review_contribute(member=member, **form.cleaned_data)
            messages.success(request, _("Added to this week's review. Everyone here can read it."))
            return redirect("reviews:week", relationship_id=member.relationship_id)
    return week_page(request, member, form=form, status=400)


@membership_required
def past(request: HttpRequest, member: Member, review_id: int) -> HttpResponse:
    review = selectors.review_by_id(member, review_id)
    return render(
        request,
        "reviews/past.html",
        {
            "relationship": member.relationship,
            "member": member,
            "review": review,
            "numbers": selectors.week_in_numbers(member, review.week_of),
        },
    )
