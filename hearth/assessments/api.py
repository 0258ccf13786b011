from datetime import datetime

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from hearth.api_types import errors, membership
from hearth.assessments import selectors, services
from hearth.assessments.models import Assessment

router = Router(tags=["profiles"])
R = "/relationships/{relationship_id}"


class ScaleOut(Schema):
    key: str
    title: str
    kind: str
    description: str


class ItemOut(Schema):
    key: str
    scale: str
    text: str


class InstrumentOut(Schema):
    scales: list[ScaleOut]
    items: list[ItemOut]
    points: int = Field(7, description="1 strongly disagree … 7 strongly agree")


class AssessmentIn(Schema):
    answers: dict[str, int] = Field(description="Item key → 1..7; kept private.")
    shared: bool = False


class AssessmentOut(Schema):
    id: int
    taken_at: datetime
    scores: dict[str, float]
    shared: bool


class PersonAssessmentOut(Schema):
    member_id: int
    display_name: str
    is_me: bool
    profile: AssessmentOut


class SideBySideOut(Schema):
    people: list[PersonAssessmentOut]
    agreement: dict[str, str] = Field(description='Scale → "agree" or "differ".')
    my_history: list[AssessmentOut]


class ShareIn(Schema):
    shared: bool


def profile_out(a: Assessment) -> AssessmentOut:
    return AssessmentOut(id=a.pk, taken_at=a.taken_at, scores=a.scores, shared=a.shared)


@router.get(
    R + "/profile/items",
    response={200: InstrumentOut, **errors(400, 404, 422)},
    summary="The profile's statements",
)
def items(request: HttpRequest, relationship_id: int) -> InstrumentOut:
    offered = services.instrument_for(membership(request, relationship_id))
    return InstrumentOut(
        scales=[
            ScaleOut(key=s.key, title=s.title, kind=s.kind, description=s.description)
            for s in offered.scales
        ],
        items=[ItemOut(key=q.key, scale=q.scale, text=q.text) for q in offered.questions],
        points=7,
    )


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
    titles = {s.key: s.title for s in services.instrument_for(member).scales}
    view = selectors.side_by_side(member, titles)
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
