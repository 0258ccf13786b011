from datetime import date

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hearth.gratitude import selectors, services
from hearth.gratitude.forms import AppreciationForm, GratitudeEntryForm, GratitudeMonthForm
from hearth.refusals import refusal_shown
from hearth.relationships.access import membership_required
from hearth.relationships.models import Member
from hearth.relationships.selectors import current_members

LOG_IDS = "log_%s"  # the log's form shares the page with the thank-you form: its own ids


def others_of(member: Member) -> list[Member]:
    return [m for m in current_members(member.relationship) if m.pk != member.pk]


def gratitude_page(
    request: HttpRequest,
    member: Member,
    appreciation_form: AppreciationForm | None = None,
    entry_form: GratitudeEntryForm | None = None,
    status: int = 200,
    month: date | None = None,
) -> HttpResponse:
    others = others_of(member)
    prompt = selectors.todays_gratitude_prompt(member)
    return render(
        request,
        "gratitude/page.html",
        {
            "relationship": member.relationship,
            "member": member,
            "others": others,
            "prompt": prompt,
            "appreciation_form": appreciation_form
            or AppreciationForm(
                others=others, initial={"prompt_key": prompt.key if prompt else ""}
            ),
            "entry_form": entry_form or GratitudeEntryForm(auto_id=LOG_IDS),
            "shown": selectors.gratitude_shown(member, month),
        },
        status=status,
    )


@membership_required
def page(request: HttpRequest, member: Member) -> HttpResponse:
    """The last four weeks, or one month (?month=2024-05) with the way to the months around it."""
    form = GratitudeMonthForm(request.GET)
    month = form.cleaned_data["month"] if form.is_valid() else None
    return gratitude_page(request, member, month=month)


@require_POST
@membership_required
def appreciate(request: HttpRequest, member: Member) -> HttpResponse:
    form = AppreciationForm(request.POST, others=others_of(member))
    if form.is_valid():
        with refusal_shown(request, form, field="text"):
            appreciation = services.appreciation_send(
                sender=member,
                recipient_id=form.cleaned_data["recipient"],
                text=form.cleaned_data["text"],
                for_everyone=form.cleaned_data["for_everyone"],
                prompt_key=form.cleaned_data["prompt_key"],
            )
            messages.success(
                request,
                _("Sent. %(name)s will see it.") % {"name": appreciation.recipient.display_name},
            )
            return redirect("gratitude:page", relationship_id=member.relationship_id)
    return gratitude_page(request, member, appreciation_form=form, status=400)


@require_POST
@membership_required
def note(request: HttpRequest, member: Member) -> HttpResponse:
    form = GratitudeEntryForm(request.POST, auto_id=LOG_IDS)
    if form.is_valid():
        with refusal_shown(request, form, field="text"):
            services.gratitude_note(member=member, **form.cleaned_data)
            messages.success(request, _("Added to your gratitude log."))
            return redirect("gratitude:page", relationship_id=member.relationship_id)
    return gratitude_page(request, member, entry_form=form, status=400)


@require_POST
@membership_required
def note_delete(request: HttpRequest, member: Member, entry_id: int) -> HttpResponse:
    if services.gratitude_entry_delete(member=member, entry_id=entry_id):
        messages.success(request, _("Taken out of your log."))
    return redirect("gratitude:page", relationship_id=member.relationship_id)
