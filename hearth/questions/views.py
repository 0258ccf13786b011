from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRefresh

from hearth.checkins.selectors import support_signals
from hearth.gratitude.selectors import appreciations_for_home
from hearth.practices.selectors import plan_view, upcoming_plans
from hearth.questions import bank, selectors, services
from hearth.questions.forms import (
    AnswerForm,
    GuessForm,
    JournalFilterForm,
    JournalPageForm,
    OwnQuestionForm,
    PreferencesForm,
    RatingForm,
    ReplyForm,
)
from hearth.questions.labels import reaction_choices
from hearth.questions.models import Boundary, Prompt
from hearth.recommendations.selectors import recommendations_for
from hearth.refusals import refusal_shown
from hearth.relationships.access import membership_required
from hearth.relationships.models import Member
from hearth.reviews.selectors import reviews_visible_to

REACTIONS = reaction_choices()


def prompt_url(prompt: Prompt) -> str:
    return prompt.get_absolute_url()


def render_prompt(
    request: HttpRequest,
    member: Member,
    prompt: Prompt | None,
    *,
    template: str = "questions/prompt.html",
    answer_form: AnswerForm | None = None,
    status: int = 200,
    extra: dict[str, object] | None = None,
) -> HttpResponse:
    context: dict[str, object] = {
        "relationship": member.relationship,
        "member": member,
        **(extra or {}),
    }
    if prompt is not None:
        view = selectors.prompt_view(member, prompt)
        mine = view.my_answer
        context.update(
            view=view,
            reactions=REACTIONS,
            answer_form=answer_form
            or AnswerForm(
                initial={"text": mine.text, "choice": mine.choice} if mine else None,
                options=prompt.question.localized_choices,
            ),
            rating_form=RatingForm(initial={"rating": mine.felt_understood} if mine else None),
            reply_form=ReplyForm(),
            options=list(enumerate(prompt.question.localized_choices)),
        )
    return render(request, template, context, status=status)


@membership_required
def today(request: HttpRequest, member: Member) -> HttpResponse:
    prompt = services.prompt_of_the_day(member.relationship)
    extra = {
        "is_today": True,
        "support": support_signals(member),
        "waiting": selectors.waiting_for_my_answer(member, today=prompt),
        "thanks": appreciations_for_home(member),
        "plans": [plan_view(member, p) for p in upcoming_plans(member, days=7)],
        "recommendations": recommendations_for(member),
    }
    return render_prompt(request, member, prompt, extra=extra)


@membership_required
def prompt_detail(request: HttpRequest, member: Member, prompt_id: int) -> HttpResponse:
    prompt = selectors.prompt_for(member, prompt_id)
    if prompt.sitting_id:
        return redirect(prompt_url(prompt))
    return render_prompt(request, member, prompt)


@membership_required
def prompt_status(request: HttpRequest, member: Member, prompt_id: int) -> HttpResponse:
    """Polled every few seconds while a member waits: nothing (204) while nothing changed, who
    has answered when someone did, and a page refresh at the reveal."""
    progress = selectors.prompt_progress(member, prompt_id)
    if progress.revealed and progress.mine:
        return HttpResponseClientRefresh()
    if request.GET.get("answered") == str(progress.answered):
        return HttpResponse(status=204)
    prompt = selectors.prompt_for(member, prompt_id)
    view = selectors.prompt_view(member, prompt)
    return render(
        request, "questions/_status.html", {"view": view, "relationship": prompt.relationship}
    )


@require_POST
@membership_required
def answer(request: HttpRequest, member: Member, prompt_id: int) -> HttpResponse:
    prompt = selectors.prompt_for(member, prompt_id)
    form = AnswerForm(request.POST, options=prompt.question.localized_choices)
    if form.is_valid():
        with refusal_shown(request, form):
            services.answer_submit(
                member=member,
                prompt=prompt,
                text=form.cleaned_data["text"],
                choice=form.cleaned_data.get("choice"),
            )
            prompt.refresh_from_db(fields=["revealed_at"])
            if prompt.is_revealed:
                messages.success(request, _("Everyone has answered. Here is what you all shared."))
            else:
                messages.success(
                    request, _("Saved. Only you can see it until everyone has answered.")
                )
            return redirect(prompt_url(prompt))
    # Re-show the page with what they wrote, so nothing typed is lost.
    template = "questions/sitting.html" if prompt.sitting_id else "questions/prompt.html"
    extra = sitting_context(prompt) if prompt.sitting_id else {}
    return render_prompt(
        request, member, prompt, template=template, answer_form=form, status=400, extra=extra
    )


@require_POST
@membership_required
def skip(request: HttpRequest, member: Member, prompt_id: int) -> HttpResponse:
    prompt = selectors.prompt_for(member, prompt_id)
    with refusal_shown(request):
        replacement = services.prompt_skip(member=member, prompt=prompt)
        if not prompt.sitting_id:  # a sitting's page shows its next question by itself
            if replacement is None:
                return redirect("questions:today", relationship_id=member.relationship_id)
            return redirect(prompt_url(replacement))
    return redirect(prompt_url(prompt))


@require_POST
@membership_required
def guess(request: HttpRequest, member: Member, prompt_id: int) -> HttpResponse:
    prompt = selectors.prompt_for(member, prompt_id)
    form = GuessForm(request.POST, options=prompt.question.localized_choices)
    if not form.is_valid():
        messages.error(request, _("Pick one of the options shown."))
        return redirect(prompt_url(prompt))
    with refusal_shown(request):
        services.guess_submit(
            member=member,
            prompt=prompt,
            about_member_id=form.cleaned_data["about"],
            choice=form.cleaned_data["choice"],
        )
        messages.success(request, _("Guess saved. You'll see how close it was after the reveal."))
    return redirect(prompt_url(prompt))


@require_POST
@membership_required
def react(request: HttpRequest, member: Member, answer_id: int) -> HttpResponse:
    answer_obj = selectors.answer_for(member, answer_id)
    with refusal_shown(request):
        services.reaction_toggle(
            member=member, answer=answer_obj, kind=request.POST.get("kind", "")
        )
    return redirect(f"{prompt_url(answer_obj.prompt)}#answer-{answer_obj.pk}")


@require_POST
@membership_required
def reply(request: HttpRequest, member: Member, answer_id: int) -> HttpResponse:
    answer_obj = selectors.answer_for(member, answer_id)
    form = ReplyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write a reply first."))
    else:
        with refusal_shown(request):
            services.reply_add(
                member=member,
                answer=answer_obj,
                text=form.cleaned_data["text"],
                parent_id=form.cleaned_data["parent"],
            )
    return redirect(f"{prompt_url(answer_obj.prompt)}#answer-{answer_obj.pk}")


@require_POST
@membership_required
def rate(request: HttpRequest, member: Member, answer_id: int) -> HttpResponse:
    answer_obj = selectors.answer_for(member, answer_id)
    form = RatingForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a number from 1 (not at all) to 7 (completely)."))
    else:
        with refusal_shown(request):
            services.felt_understood_rate(
                member=member, answer=answer_obj, rating=form.cleaned_data["rating"]
            )
            messages.success(request, _("Thank you. That helps Hearth pace your questions."))
    return redirect(f"{prompt_url(answer_obj.prompt)}#answer-{answer_obj.pk}")


@membership_required
def journal(request: HttpRequest, member: Member) -> HttpResponse:
    """A month at a time, with the way to the other months; a search looks through them all,
    a page of matches at a time."""
    form = JournalFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    place = JournalPageForm(request.GET)
    where = place.cleaned_data if place.is_valid() else {}
    searching = any(filters.get(name) for name in ("q", "category", "date_from", "date_to"))
    prompts = selectors.journal(
        member,
        search=filters.get("q") or "",
        category=filters.get("category") or "",
        date_from=filters.get("date_from"),
        date_to=filters.get("date_to"),
    )
    context: dict[str, object] = {
        "relationship": member.relationship,
        "member": member,
        "form": form,
        "searching": searching,
        "knowing": selectors.knowing_each_other(member),
    }
    if searching:
        page, more = selectors.journal_page(member, prompts, before=where.get("before"))
        following = request.GET.copy()
        following["before"] = str(page[-1].pk) if page else ""
        context.update(
            prompts=selectors.journal_entries(member, page),
            older=f"?{following.urlencode()}" if more else "",
        )
    else:
        shown = selectors.journal_month(prompts, where.get("month"))
        month_prompts = selectors.in_month(prompts, shown.month)[:100] if shown.month else []
        context.update(
            prompts=selectors.journal_entries(member, month_prompts),
            shown=shown,
            reviews=reviews_visible_to(member)[:6],
        )
    return render(request, "questions/journal.html", context)


@membership_required
def decks(request: HttpRequest, member: Member) -> HttpResponse:
    return render(
        request,
        "questions/decks.html",
        {
            "relationship": member.relationship,
            "decks": services.decks_for(member.relationship),
            "sittings": [
                (sitting, getattr(bank.deck(sitting.deck), "localized_title", sitting.deck))
                for sitting in member.relationship.sittings.filter(finished_at__isnull=True)[:10]
            ],
        },
    )


@require_POST
@membership_required
def sitting_start(request: HttpRequest, member: Member, deck_key: str) -> HttpResponse:
    with refusal_shown(request):
        sitting = services.sitting_start(member=member, deck_key=deck_key)
        return redirect(
            "questions:sitting", relationship_id=member.relationship_id, sitting_id=sitting.pk
        )
    return redirect("questions:decks", relationship_id=member.relationship_id)


def sitting_context(prompt: Prompt) -> dict[str, object]:
    sitting = prompt.sitting
    assert sitting is not None
    deck = bank.deck(sitting.deck)
    set_index = sum(1 for start in sitting.set_starts if start <= prompt.position) - 1
    return {
        "sitting": sitting,
        "deck": deck,
        "set_title": deck.localized_set_titles[set_index] if deck and set_index >= 0 else "",
        "step": prompt.position + 1,
        "steps": len(sitting.question_keys),
    }


@membership_required
def sitting(request: HttpRequest, member: Member, sitting_id: int) -> HttpResponse:
    sitting_obj = selectors.sitting_for(member, sitting_id)
    prompt = sitting_obj.prompts.select_related("question", "sitting").order_by("-position").first()
    if prompt is None:
        return redirect("questions:decks", relationship_id=member.relationship_id)
    return render_prompt(
        request, member, prompt, template="questions/sitting.html", extra=sitting_context(prompt)
    )


@require_POST
@membership_required
def sitting_next(request: HttpRequest, member: Member, sitting_id: int) -> HttpResponse:
    sitting_obj = selectors.sitting_for(member, sitting_id)
    with refusal_shown(request):
        if services.sitting_advance(member=member, sitting=sitting_obj) is None:
            messages.success(request, _("That was the last question of this deck. Well done."))
            return redirect("questions:decks", relationship_id=member.relationship_id)
    return redirect(
        "questions:sitting", relationship_id=member.relationship_id, sitting_id=sitting_id
    )


@membership_required
def own_question(request: HttpRequest, member: Member) -> HttpResponse:
    form = OwnQuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusal_shown(request, form):
            services.own_question_add(member=member, **form.cleaned_data)
            messages.success(request, _("Added. It will be one of your next questions."))
            return redirect("questions:today", relationship_id=member.relationship_id)
    return render(
        request,
        "questions/own_question.html",
        {
            "relationship": member.relationship,
            "form": form,
            "questions": member.relationship.own_questions.all(),
        },
    )


@membership_required
def preferences(request: HttpRequest, member: Member) -> HttpResponse:
    initial = {
        "depth_cap": member.depth_cap,
        "sexual_content_consent": member.sexual_content_consent,
        "boundaries": list(
            Boundary.objects.filter(user=request.user.pk).values_list("category", flat=True)
        ),
    }
    form = PreferencesForm(
        request.POST or None, initial=initial, romantic=member.relationship.kind == "romantic"
    )
    if request.method == "POST" and form.is_valid():
        with refusal_shown(request, form):
            services.content_preferences_set(
                member=member,
                sexual_content_consent=form.cleaned_data["sexual_content_consent"],
                depth_cap=form.cleaned_data["depth_cap"],
            )
            services.boundaries_set(
                user=request.user,  # type: ignore[arg-type]
                categories=set(form.cleaned_data["boundaries"]),
            )
            messages.success(request, _("Saved."))
            return redirect("questions:today", relationship_id=member.relationship_id)
    return render(
        request, "questions/preferences.html", {"relationship": member.relationship, "form": form}
    )
