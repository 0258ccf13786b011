from datetime import date, datetime

from django.http import HttpRequest
from ninja import Field, Router, Schema

from hearth.api_types import MemberRef, Text, errors, member_ref, membership
from hearth.relationships.models import Member
from hearth.reviews import selectors, services
from hearth.reviews.models import ReviewContribution, WeeklyReview
from hearth.reviews.services import MAX_TEXT_LENGTH

router = Router(tags=["weekly review"])
R = "/relationships/{relationship_id}"


class ContributionOut(Schema):
    member: MemberRef
    went_well: str
    work_on: str
    appreciation_id: int | None
    plan_id: int | None
    updated_at: datetime


class WeekOut(Schema):
    questions_opened: int
    practices_done: int
    appreciations: int
    plans_ahead: int


class ReviewOut(Schema):
    id: int | None = Field(description="Null until someone adds to this week's review.")
    week_of: date
    week: WeekOut = Field(description="What the week held, counted from what you may see.")
    contributions: list[ContributionOut]


class ContributionIn(Schema):
    went_well: Text = Field("", max_length=MAX_TEXT_LENGTH)
    work_on: Text = Field("", max_length=MAX_TEXT_LENGTH, description="One thing, gently.")
    thank_member_id: int | None = Field(None, ge=1, lt=2**63)
    thanks: Text = Field("", max_length=MAX_TEXT_LENGTH)
    practice_key: str = Field("", max_length=40)
    practice_at: datetime | None = None


def contribution_out(c: ReviewContribution) -> ContributionOut:
    return ContributionOut(
        member=member_ref(c.member),
        went_well=c.went_well,
        work_on=c.work_on,
        appreciation_id=c.appreciation_id,
        plan_id=c.plan_id,
        updated_at=c.updated_at,
    )


def review_out(member: Member, week: date, review: WeeklyReview | None) -> ReviewOut:
    numbers = selectors.week_in_numbers(member, week)
    return ReviewOut(
        id=review.pk if review else None,
        week_of=week,
        week=WeekOut(**numbers.__dict__),
        contributions=[contribution_out(c) for c in review.contributions.all()] if review else [],
    )


@router.get(
    R + "/review",
    response={200: ReviewOut, **errors(404, 422)},
    summary="This week's review: what the week held and what everyone added",
)
def review_get(request: HttpRequest, relationship_id: int) -> ReviewOut:
    member = membership(request, relationship_id)
    week = selectors.this_week(member.relationship)
    return review_out(member, week, selectors.review_for(member, week))


@router.put(
    R + "/review",
    response={200: ReviewOut, **errors(400, 404, 422)},
    summary="Add (or change) your part of this week's review",
)
def review_put(request: HttpRequest, relationship_id: int, body: ContributionIn) -> ReviewOut:
    member = membership(request, relationship_id)
    services.review_contribute(member=member, **body.model_dump())
    week = selectors.this_week(member.relationship)
    return review_out(member, week, selectors.review_for(member, week))


@router.get(
    R + "/reviews",
    response={200: list[ReviewOut], **errors(404, 422)},
    summary="Past weekly reviews, newest first",
)
def reviews_list(request: HttpRequest, relationship_id: int) -> list[ReviewOut]:
    member = membership(request, relationship_id)
    return [review_out(member, r.week_of, r) for r in selectors.reviews_visible_to(member)[:52]]
