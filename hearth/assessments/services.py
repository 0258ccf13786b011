from django.db import transaction

from hearth.assessments.instrument import instrument
from hearth.assessments.models import Assessment
from hearth.assessments.scoring import scale_scores
from hearth.questions.selection import fit_for
from hearth.refusals import Refusal
from hearth.relationships.models import Member

UNANSWERED = "Choose how true this is for you."


class AssessmentError(Refusal):
    """A profile rule said no."""


def instrument_for(member: Member):  # type: ignore[no-untyped-def]
    return instrument().for_people(sexual_ok=fit_for(member.relationship).sexual_ok)


@transaction.atomic
def assessment_take(*, member: Member, answers: dict[str, int], shared: bool = False) -> Assessment:
    """Score a taking of the profile, every offered statement answered; item answers are kept
    private, scores shared if chosen."""
    offered = instrument_for(member)
    keys = {q.key for q in offered.questions}
    unknown = set(answers) - keys
    if unknown:
        raise AssessmentError("Some answers don't belong to this profile.")
    out_of_range = {key: value for key, value in answers.items() if value not in range(1, 8)}
    if out_of_range:
        raise AssessmentError(
            "Each answer goes from 1 (strongly disagree) to 7 (strongly agree).",
            fields={key: "Choose a number from 1 to 7." for key in out_of_range},
        )
    missing = [q.key for q in offered.questions if q.key not in answers]
    if missing:
        raise AssessmentError(
            f"Please answer every statement: {len(missing)} "
            f"{'is' if len(missing) == 1 else 'are'} still unanswered.",
            fields=dict.fromkeys(missing, UNANSWERED),
        )
    scores = scale_scores(answers, offered.items)
    return Assessment.objects.create(
        member=member,
        answers=answers,
        scores={k: round(v, 1) for k, v in scores.items()},
        shared=shared,
    )


def assessment_share(*, member: Member, assessment_id: int, shared: bool) -> Assessment:
    assessment = member.assessments.filter(pk=assessment_id).first()
    if assessment is None:
        raise AssessmentError("That profile isn't yours.")
    assessment.shared = shared
    assessment.save(update_fields=["shared"])
    return assessment
