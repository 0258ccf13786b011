from functools import lru_cache

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from hearth.practices import selectors, services
from hearth.practices.calendar import calendar_for
from hearth.practices.forms import LibraryFilterForm, PlanForm, ReflectionForm
from hearth.practices.library import Practice, by_key
from hearth.recommendations.selectors import recommendations_for
from hearth.refusals import refusal_shown
from hearth.relationships.access import membership_required
from hearth.relationships.models import Member

PLAN_IDS = "plan_%s"  # the plan form shares the practice page with the reflection form


@lru_cache(maxsize=128)
def library_cards(language: str, relationship_id: int, keys: tuple[str, ...]) -> SafeString:
    """The library's cards, drawn once per process for each language, relationship and set of
    practices: practices are content, changed only by a new release."""
    practices = [by_key()[key] for key in keys]
    with translation.override(language):
        html = render_to_string(
            "practices/_cards.html", {"practices": practices, "relationship_id": relationship_id}
        )
    return mark_safe(html)  # noqa: S308 - drawn by the template, escaped there


@membership_required
def library(request: HttpRequest, member: Member) -> HttpResponse:
    form = LibraryFilterForm(request.GET or None)
    category = form.cleaned_data["category"] if form.is_valid() else ""
    practices = selectors.practices_for(member.relationship)
    if category:
        practices = [p for p in practices if p.category == category]
    keys = tuple(p.key for p in practices)
    return render(
        request,
        "practices/library.html",
        {
            "relationship": member.relationship,
            "form": form,
            "cards": library_cards(translation.get_language(), member.relationship_id, keys),
            "plans": [selectors.plan_view(member, p) for p in selectors.upcoming_plans(member)],
            "recommended": [r for r in recommendations_for(member) if r.kind == "practice"],
        },
    )


def practice_page(
    request: HttpRequest,
    member: Member,
    practice: Practice,
    *,
    template: str = "practices/practice.html",
    plan_form: PlanForm | None = None,
    reflection_form: ReflectionForm | None = None,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        template,
        {
            "relationship": member.relationship,
            "practice": practice,
            "plan_form": plan_form or PlanForm(auto_id=PLAN_IDS),
            "reflection_form": reflection_form or ReflectionForm(),
            "alone": member.relationship.memberships.current().count() < 2,
        },
        status=status,
    )


@membership_required
def practice(request: HttpRequest, member: Member, key: str) -> HttpResponse:
    return practice_page(request, member, selectors.practice_for(member, key))


@membership_required
def guided(request: HttpRequest, member: Member, key: str) -> HttpResponse:
    """One step at a time with a timer where timing matters; without scripts, a plain list."""
    found = selectors.practice_for(member, key)
    return practice_page(request, member, found, template="practices/guided.html")


@require_POST
@membership_required
def reflect(request: HttpRequest, member: Member, key: str) -> HttpResponse:
    found = selectors.practice_for(member, key)
    form = ReflectionForm(request.POST)
    if form.is_valid():
        with refusal_shown(request, form):
            services.reflection_save(member=member, practice_key=found.key, **form.cleaned_data)
            messages.success(
                request, _("Thank you for reflecting. It helps Hearth learn what works.")
            )
            return redirect("practices:library", relationship_id=member.relationship_id)
    template = "practices/guided.html" if request.POST.get("from") == "guided" else None
    return practice_page(
        request,
        member,
        found,
        template=template or "practices/practice.html",
        reflection_form=form,
        status=400,
    )


@require_POST
@membership_required
def plan_new(request: HttpRequest, member: Member, key: str) -> HttpResponse:
    found = selectors.practice_for(member, key)
    form = PlanForm(request.POST, auto_id=PLAN_IDS)
    if form.is_valid():
        with refusal_shown(request, form):
            plan = services.plan_make(
                member=member,
                practice_key=found.key,
                starts_at=form.cleaned_data["starts_at"],
                note=form.cleaned_data["note"],
            )
            messages.success(request, _("Planned. Everyone in this relationship can see it."))
            return redirect(
                "practices:plan", relationship_id=member.relationship_id, plan_id=plan.pk
            )
    return practice_page(request, member, found, plan_form=form, status=400)


def plan_page(
    request: HttpRequest,
    member: Member,
    plan_id: int,
    form: ReflectionForm | None = None,
    status: int = 200,
) -> HttpResponse:
    plan = selectors.plan_for(member, plan_id)
    return render(
        request,
        "practices/plan.html",
        {
            "relationship": member.relationship,
            "member": member,
            "view": selectors.plan_view(member, plan),
            "practice": by_key().get(plan.practice_key),
            "reflection_form": form or ReflectionForm(),
        },
        status=status,
    )


@membership_required
def plan(request: HttpRequest, member: Member, plan_id: int) -> HttpResponse:
    return plan_page(request, member, plan_id)


@require_POST
@membership_required
def plan_reflect(request: HttpRequest, member: Member, plan_id: int) -> HttpResponse:
    found = selectors.plan_for(member, plan_id)
    form = ReflectionForm(request.POST)
    if form.is_valid():
        with refusal_shown(request, form):
            services.reflection_save(member=member, plan=found, **form.cleaned_data)
            messages.success(request, _("Thank you for reflecting."))
            return redirect(
                "practices:plan", relationship_id=member.relationship_id, plan_id=found.pk
            )
    return plan_page(request, member, plan_id, form=form, status=400)


@require_POST
@membership_required
def plan_cancel(request: HttpRequest, member: Member, plan_id: int) -> HttpResponse:
    found = selectors.plan_for(member, plan_id)
    with refusal_shown(request):
        services.plan_cancel(member=member, plan=found)
        messages.success(request, _("Called off. It stays in your history as called off."))
    return redirect("practices:plan", relationship_id=member.relationship_id, plan_id=found.pk)


def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The private calendar address: no sign-in, the address itself is the key."""
    user = services.calendar_feed_owner(token)
    if user is None:
        raise Http404
    body = calendar_for(user, request.build_absolute_uri("/").rstrip("/"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="hearth.ics"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def calendar_settings(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        if request.POST.get("action") == "off":
            services.calendar_feed_off(user=request.user)  # type: ignore[arg-type]
            messages.success(request, _("Your calendar address is off; it no longer works."))
        else:
            services.calendar_feed_renew(user=request.user)  # type: ignore[arg-type]
            messages.success(
                request, _("Here is your calendar address. Any older one has stopped.")
            )
        return redirect("practices:calendar_settings")
    feed = selectors.calendar_feed_of(request.user)  # type: ignore[arg-type]
    url = (
        request.build_absolute_uri(reverse("practices:calendar", args=[feed.token])) if feed else ""
    )
    return render(request, "practices/calendar_settings.html", {"feed": feed, "url": url})
