from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hearth.accounts.models import User
from hearth.questions.selectors import prompt_for
from hearth.refusals import refusal_shown
from hearth.relationships.access import membership_required
from hearth.relationships.models import Member
from hearth.reminders import selectors, services
from hearth.reminders.forms import CheckInReminderForm, NudgeForm, QuestionReminderForm


def signed_in(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def saved_words(plan: selectors.Plan) -> str:
    if not plan.next:
        return _("Saved. No reminder will come.")
    saved = _("Saved. The next reminder comes %(when)s.") % {"when": plan.next}
    return f"{saved} {plan.held}".strip()


def settings_context(user: User) -> dict[str, object]:
    preferences = selectors.delivery_preferences_of(user)
    quiet = preferences.quiet_start != preferences.quiet_end
    return {
        "time_zone": user.time_zone,
        "quiet_start": selectors.clock_time(preferences.quiet_start) if quiet else "",
        "quiet_end": selectors.clock_time(preferences.quiet_end) if quiet else "",
        "push_on": preferences.push,
        "email_on": preferences.email != preferences.Email.OFF,
        "email_can_send": settings.EMAIL_CAN_SEND,
    }


@membership_required
def question_reminder(request: HttpRequest, member: Member) -> HttpResponse:
    """The member's own reminder for the day's question here, and whether others may nudge."""
    user = signed_in(request)
    reminder = selectors.question_reminder_of(member)
    form = QuestionReminderForm(request.POST or None, reminder=reminder)
    if request.method == "POST" and form.is_valid():
        at, days = form.chosen()
        with refusal_shown(request, form):
            saved = services.question_reminder_set(
                member=member,
                at=at,
                days=days,
                to_devices=form.cleaned_data["to_devices"],
                by_email=form.cleaned_data["by_email"],
                nudges_welcome=form.cleaned_data["nudges_welcome"],
            )
            messages.success(request, saved_words(selectors.plan_of(saved, user)))
            return redirect("reminders:question", relationship_id=member.relationship_id)
    return render(
        request,
        "reminders/question.html",
        {
            "relationship": member.relationship,
            "form": form,
            "plan": selectors.plan_of(reminder, user),
            **settings_context(user),
        },
    )


@login_required
def my_reminders(request: HttpRequest) -> HttpResponse:
    """The person's check-in reminder (one for all relationships) and where each relationship's
    question reminder stands."""
    user = signed_in(request)
    reminder = selectors.checkin_reminder_of(user)
    form = CheckInReminderForm(request.POST or None, reminder=reminder)
    if request.method == "POST" and form.is_valid():
        at, days = form.chosen()
        with refusal_shown(request, form):
            saved = services.checkin_reminder_set(
                user=user,
                at=at,
                days=days,
                to_devices=form.cleaned_data["to_devices"],
                by_email=form.cleaned_data["by_email"],
            )
            messages.success(request, saved_words(selectors.plan_of(saved, user)))
            return redirect("reminders:mine")
    relationships = [
        (member, selectors.reminder_in_words(r.at, r.days))
        for member, r in selectors.relationship_reminders(user)
    ]
    return render(
        request,
        "reminders/mine.html",
        {
            "form": form,
            "plan": selectors.plan_of(reminder, user),
            "relationships": relationships,
            **settings_context(user),
        },
    )


@login_required
def today(request: HttpRequest) -> HttpResponse:
    """Where a reminder for several relationships leads: each one's question of the day."""
    return render(
        request,
        "reminders/today.html",
        {"questions": selectors.questions_today(signed_in(request))},
    )


@require_POST
@membership_required
def nudge(request: HttpRequest, member: Member, prompt_id: int) -> HttpResponse:
    prompt = prompt_for(member, prompt_id)
    form = NudgeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose someone else in this relationship to remind."))
    else:
        with refusal_shown(request):
            sent = services.nudge_send(
                member=member, prompt=prompt, to_member_id=form.cleaned_data["member"]
            )
            messages.success(
                request,
                _("Sent. %(name)s will find a gentle reminder from you.")
                % {"name": sent.to.display_name},
            )
    return redirect(prompt.get_absolute_url())
