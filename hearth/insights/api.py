from django.http import HttpRequest
from ninja import Field, Router, Schema

from hearth.api_types import errors, me, membership
from hearth.checkins.services import person_today
from hearth.insights.dashboard import dashboard_for

router = Router(tags=["insights"])


class AssociationOut(Schema):
    behaviour: str
    estimate: float = Field(description="Difference in next-day closeness (1–7 scale).")
    low: float = Field(description="95% interval, low end.")
    high: float = Field(description="95% interval, high end.")
    days: int
    days_with: int
    days_without: int
    sentence: str


class CorrelationOut(Schema):
    r: float
    low: float
    high: float
    days: int


class ChartOut(Schema):
    title: str
    summary: str


class InsightsOut(Schema):
    days_recorded: int
    associations: list[AssociationOut]
    not_enough_data_for: list[str]
    stress_and_closeness: CorrelationOut | None
    charts: list[ChartOut]


@router.get(
    "/relationships/{relationship_id}/insights",
    response={200: InsightsOut, **errors(404, 422)},
    summary="Your trends and what seems to go with closer days (associations, not causes)",
)
def insights(request: HttpRequest, relationship_id: int) -> InsightsOut:
    member = membership(request, relationship_id)
    board = dashboard_for(member, person_today(me(request)))
    pair = board.stress_and_closeness
    return InsightsOut(
        days_recorded=board.days_recorded,
        associations=[
            AssociationOut(
                behaviour=a.behaviour,
                estimate=a.estimate,
                low=a.low,
                high=a.high,
                days=a.days,
                days_with=a.days_with,
                days_without=a.days_without,
                sentence=a.sentence,
            )
            for a in board.associations
        ],
        not_enough_data_for=board.silent_behaviours,
        stress_and_closeness=CorrelationOut(r=pair[0], low=pair[1], high=pair[2], days=pair[3])
        if pair
        else None,
        charts=[ChartOut(title=c.title, summary=c.summary) for c in board.charts],
    )
