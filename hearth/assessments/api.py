from datetime import datetime

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from hearth.api_types import errors, membership
from hearth.assessments import selectors, services
from hearth.assessments.models import Assessment, AssessmentDraft
from hearth.assessments.selectors import ScaleMeaning
from hearth.relationships.models import Member

router = Router(tags=["profiles"])
R = "/relationships/{relationship_id}"


class ScaleOut(Schema):
    key: str
    title: str
    kind: str
    description: str
    step: int = Field(description="The step of the profile that asks this scale's statements.")


class ItemOut(Schema):
    key: str
    scale: str
    text: str


class InstrumentOut(Schema):
    scales: list[ScaleOut]
    items: list[ItemOut]
    points: int = Field(7, description="1 strongly disagree … 7 strongly agree")


class AssessmentIn(Schema):
    answers: dict[str, int] = Field(
        description="Item key → 1..7 for every statement offered; kept private. A partial "
        "profile is refused (400): keep answers in progress in the draft instead."
    )
    shared: bool = False


class AssessmentOut(Schema):
    id: int
    taken_at: datetime
    scores: dict[str, float]
    shared: bool


class DraftIn(Schema):
    answers: dict[str, int] = Field(
        description="Item key → 1..7, some or all; added to the answers already kept."
    )
    shared: bool | None = Field(None, description="Whether to share the scores once finished.")


class DraftOut(Schema):
    answers: dict[str, int] = Field(description="Item key → 1..7, answered so far; private.")
    shared: bool
    answered: int
    total: int
    next_step: int | None = Field(description="The first step with a statement unanswered.")
    started_at: datetime | None
    updated_at: datetime | None


class SuggestionOut(Schema):
    kind: str = Field(description='"deck" or "practice"')
    key: str
    title: str
    why: str
    minutes: int | None


class ScaleMeaningOut(Schema):
    key: str
    title: str
    score: float
    band: str = Field(description='"strength", "steady" or "grow"')
    band_words: str
    meaning: str
    suggestion: SuggestionOut | None


class PersonAssessmentOut(Schema):
    member_id: int
    display_name: str
    is_me: bool
    profile: AssessmentOut


class SideBySideOut(Schema):
    people: list[PersonAssessmentOut]
    agreement: dict[str, str] = Field(description='Scale → "agree" or "differ".')
    together: dict[str, str] = Field(description="Scale → where people agree or differ, in words.")
    meanings: list[ScaleMeaningOut] = Field(
        description="What each score of my latest profile means, with something to try for "
        "the lower-scoring scales."
    )
    my_history: list[AssessmentOut]


class ShareIn(Schema):
    shared: bool


def profile_out(a: Assessment) -> AssessmentOut:
    return AssessmentOut(id=a.pk, taken_at=a.taken_at, scores=a.scores, shared=a.shared)


def draft_out(member: Member, draft: AssessmentDraft | None) -> DraftOut:
    offered = services.instrument_for(member)
    answers = draft.answers if draft else {}
    keys = [q.key for q in offered.questions]
    following = offered.first_unanswered_step(answers)
    return DraftOut(
        answers={key: answers[key] for key in keys if key in answers},
        shared=draft.shared if draft else False,
        answered=sum(1 for key in keys if key in answers),
        total=len(keys),
        next_step=following.number if following else None,
        started_at=draft.started_at if draft else None,
        updated_at=draft.updated_at if draft else None,
    )


def meaning_out(m: ScaleMeaning) -> ScaleMeaningOut:
    s = m.suggestion
    return ScaleMeaningOut(
        key=m.key,
        title=m.title,
        score=m.score,
        band=m.band,
        band_words=m.band_words,
        meaning=m.meaning,
        suggestion=SuggestionOut(
            kind=s.kind, key=s.key, title=s.title, why=s.why, minutes=s.minutes
        )
        if s
        else None,
    )


@router.get(
    R + "/profile/items",
    response={200: InstrumentOut, **errors(400, 404, 422)},
    summary="The profile's statements",
)
def items(request: HttpRequest, relationship_id: int) -> InstrumentOut:
    offered = services.instrument_for(membership(request, relationship_id))
    return InstrumentOut(
        scales=[
            ScaleOut(
                key=step.scale.key,
                title=step.scale.title,
                kind=step.scale.kind,
                description=step.scale.description,
                step=step.number,
            )
            for step in offered.steps
        ],
        items=[ItemOut(key=q.key, scale=q.scale, text=q.text) for q in offered.questions],
        points=7,
    )


@router.get(
    R + "/profile/draft",
    response={200: DraftOut, **errors(400, 404, 422)},
    summary="My profile in progress",
)
def draft(request: HttpRequest, relationship_id: int) -> DraftOut:
    member = membership(request, relationship_id)
    return draft_out(member, selectors.draft_for(member))


@router.put(
    R + "/profile/draft",
    response={200: DraftOut, **errors(400, 404, 422)},
    summary="Keep answers in progress",
)
def draft_save(request: HttpRequest, relationship_id: int, body: DraftIn) -> DraftOut:
    member = membership(request, relationship_id)
    kept = services.assessment_draft_save(member=member, answers=body.answers, shared=body.shared)
    return draft_out(member, kept)


@router.delete(
    R + "/profile/draft",
    response={204: None, **errors(400, 404, 422)},
    summary="Start the profile again",
)
def draft_discard(request: HttpRequest, relationship_id: int) -> Status[None]:
    services.assessment_draft_discard(member=membership(request, relationship_id))
    return Status(204, None)


@router.post(
    R + "/profiles",
    response={201: AssessmentOut, **errors(400, 404, 422)},
    summary="Take the profile",
)
def take(request: HttpRequest, relationship_id: int, body: AssessmentIn) -> Status[AssessmentOut]:
    member = membership(request, relationship_id)
    taken = services.assessment_take(member=member, answers=body.answers, shared=body.shared)
    return Status(201, profile_out(taken))


@router.get(
    R + "/profiles",
    response={200: SideBySideOut, **errors(400, 404, 422)},
    summary="Shared profiles side by side",
)
def side_by_side(request: HttpRequest, relationship_id: int) -> SideBySideOut:
    member = membership(request, relationship_id)
    offered = services.instrument_for(member)
    view = selectors.side_by_side(member, {s.key: s.title for s in offered.scales})
    latest = selectors.latest_own(member)
    meanings = selectors.profile_meanings(member, latest, offered) if latest else []
    return SideBySideOut(
        people=[
            PersonAssessmentOut(
                member_id=m.pk,
                display_name=m.display_name,
                is_me=m.pk == member.pk,
                profile=profile_out(a),
            )
            for m, a in view.people
        ],
        agreement=view.agreement,
        together={row.key: row.together for row in view.rows if row.together},
        meanings=[meaning_out(m) for m in meanings],
        my_history=[profile_out(a) for a in member.assessments.all()[:50]],
    )


@router.put(
    R + "/profiles/{profile_id}/shared", response={200: AssessmentOut, **errors(400, 404, 422)}
)
def share(
    request: HttpRequest, relationship_id: int, profile_id: int, body: ShareIn
) -> AssessmentOut:
    member = membership(request, relationship_id)
    return profile_out(
        services.assessment_share(member=member, assessment_id=profile_id, shared=body.shared)
    )
