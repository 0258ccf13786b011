"""Taking the intimacy profile: answers in progress kept as a draft, a result only when complete."""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hearth.assessments.instrument import Instrument, Step, instrument
from hearth.assessments.models import Assessment, AssessmentDraft
from hearth.assessments.scoring import SCALE_POINTS, scale_scores
from hearth.questions.selection import fit_for
from hearth.refusals import Refusal
from hearth.relationships.models import Member


def unanswered() -> str:
    """What a statement left without an answer says."""
    return _("Choose how true this is for you.")


class AssessmentError(Refusal):
    """A profile rule said no."""


def instrument_for(member: Member) -> Instrument:
    """The statements offered to this member: the sexual scale only where the relationship
    allows it."""
    return instrument().for_people(sexual_ok=fit_for(member.relationship).sexual_ok)


def still_unanswered(count: int, on_this_step: bool = False) -> str:
    if on_this_step:
        return ngettext(
            "Please answer every statement on this step: %(count)s is still unanswered.",
            "Please answer every statement on this step: %(count)s are still unanswered.",
            count,
        ) % {"count": count}
    return ngettext(
        "Please answer every statement: %(count)s is still unanswered.",
        "Please answer every statement: %(count)s are still unanswered.",
        count,
    ) % {"count": count}


def answers_checked(offered: Instrument, answers: dict[str, int]) -> None:
    """Every answer names an offered statement and is a point on the scale."""
    keys = {q.key for q in offered.questions}
    if set(answers) - keys:
        raise AssessmentError(_("Some answers don't belong to this profile."))
    out_of_range = {
        key: value
        for key, value in answers.items()
        if isinstance(value, bool) or value not in range(1, SCALE_POINTS + 1)
    }
    if out_of_range:
        raise AssessmentError(
            _("Each answer goes from 1 (strongly disagree) to 7 (strongly agree)."),
            fields={key: _("Choose a number from 1 to 7.") for key in out_of_range},
        )


@transaction.atomic
def assessment_take(*, member: Member, answers: dict[str, int], shared: bool = False) -> Assessment:
    """Score a taking of the profile. The one rule for a result: every offered statement has an
    answer; anything less is refused (and can be kept as a draft instead). Item answers stay
    private, scores are shared if chosen; the member's draft is done with."""
    offered = instrument_for(member)
    answers_checked(offered, answers)
    missing = [q.key for q in offered.questions if q.key not in answers]
    if missing:
        raise AssessmentError(
            still_unanswered(len(missing)), fields=dict.fromkeys(missing, unanswered())
        )
    scores = scale_scores(answers, offered.items)
    AssessmentDraft.objects.filter(member=member).delete()
    return Assessment.objects.create(
        member=member,
        answers=answers,
        scores={k: round(v, 1) for k, v in scores.items()},
        shared=shared,
    )


@transaction.atomic
def assessment_draft_save(
    *, member: Member, answers: dict[str, int], shared: bool | None = None
) -> AssessmentDraft:
    """Keep answers in progress, added to what the member's draft already holds, so the profile
    can be finished later. Never a result, however many are answered."""
    offered = instrument_for(member)
    answers_checked(offered, answers)
    draft, _ = AssessmentDraft.objects.select_for_update().get_or_create(member=member)
    offered_keys = {q.key for q in offered.questions}
    # A statement no longer offered (consent withdrawn since) is dropped with the rest kept.
    draft.answers = {
        key: value for key, value in {**draft.answers, **answers}.items() if key in offered_keys
    }
    if shared is not None:
        draft.shared = shared
    draft.save()
    return draft


def step_of(offered: Instrument, number: int) -> Step:
    steps = offered.steps
    if not 1 <= number <= len(steps):
        raise AssessmentError(_("The profile has steps 1 to %(last)s.") % {"last": len(steps)})
    return steps[number - 1]


@transaction.atomic
def assessment_step_save(
    *, member: Member, number: int, answers: dict[str, int], shared: bool | None = None
) -> AssessmentDraft:
    """One step answered in full, kept in the draft, before the next step."""
    step = step_of(instrument_for(member), number)
    if set(answers) - set(step.keys):
        raise AssessmentError(_("Some answers don't belong to this step."))
    missing = [key for key in step.keys if key not in answers]
    if missing:
        raise AssessmentError(
            still_unanswered(len(missing), on_this_step=True),
            fields=dict.fromkeys(missing, unanswered()),
        )
    return assessment_draft_save(member=member, answers=answers, shared=shared)


@transaction.atomic
def assessment_finish(*, member: Member) -> Assessment:
    """The member's draft becomes their result, if every offered statement is answered."""
    draft = AssessmentDraft.objects.select_for_update().filter(member=member).first()
    if draft is None:
        raise AssessmentError(_("There is no profile in progress to save. Start it again?"))
    offered = {q.key for q in instrument_for(member).questions}
    answers = {key: value for key, value in draft.answers.items() if key in offered}
    return assessment_take(member=member, answers=answers, shared=draft.shared)


def assessment_draft_discard(*, member: Member) -> None:
    AssessmentDraft.objects.filter(member=member).delete()


def assessment_share(*, member: Member, assessment_id: int, shared: bool) -> Assessment:
    assessment = member.assessments.filter(pk=assessment_id).first()
    if assessment is None:
        raise AssessmentError(_("That profile isn't yours."))
    assessment.shared = shared
    assessment.save(update_fields=["shared"])
    return assessment
