from datetime import date

from django.http import HttpRequest
from ninja import Field, Router, Schema

from hearth.api_types import errors, me, membership
from hearth.checkins.services import person_today
from hearth.insights.selectors import insights_for
from hearth.insights.statistics import MIN_DAYS

router = Router(tags=["insights"])


class AssociationOut(Schema):
    behaviour: str
    estimate: float = Field(description="Difference in next-day closeness (1–7 scale).")
    low: float = Field(description="95% interval, low end.")
    high: float = Field(description="95% interval, high end.")
    days: int
    days_with: int
    days_without: int
    sentence: str = Field(description="The finding in one plain sentence.")


class CorrelationOut(Schema):
    r: float
    low: float
    high: float
    days: int
    sentence: str


class ChartOut(Schema):
    title: str
    summary: str


class WeekRecapOut(Schema):
    first_day: date
    last_day: date
    questions_together: int
    responses_given: int
    checkins: int
    practices_done: int
    thanks_sent: int
    thanks_received: int
    noticed: int = Field(description="Lines in your gratitude log.")


class TogetherSoFarOut(Schema):
    questions_together: int
    practices_done: int = Field(description="Yours, and the others' you may see.")
    thank_yous: int = Field(description="Those you may read.")


class InsightsOut(Schema):
    days_recorded: int
    patterns_need_days: int = Field(description="Check-ins needed before any pattern shows.")
    caveat: str
    associations: list[AssociationOut]
    not_enough_data_for: list[str]
    stress_and_closeness: CorrelationOut | None
    charts: list[ChartOut] = Field(description="What the page draws, in words.")
    this_week: WeekRecapOut
    together: TogetherSoFarOut


@router.get(
    "/relationships/{relationship_id}/insights",
    response={200: InsightsOut, **errors(404, 422)},
    summary="Your trends and what seems to go with closer days (associations, not causes)",
)
def insights(request: HttpRequest, relationship_id: int) -> InsightsOut:
    member = membership(request, relationship_id)
    board = insights_for(member, person_today(me(request)))
    link, week, together = board.stress_and_closeness, board.week, board.together
    return InsightsOut(
        days_recorded=board.days_recorded,
        patterns_need_days=MIN_DAYS,
        caveat=str(board.caveat),
        associations=[
            AssociationOut(
                behaviour=f.association.behaviour,
                estimate=f.association.estimate,
                low=f.association.low,
                high=f.association.high,
                days=f.association.days,
                days_with=f.association.days_with,
                days_without=f.association.days_without,
                sentence=f.text,
            )
            for f in board.findings
        ],
        not_enough_data_for=board.silent_behaviours,
        stress_and_closeness=CorrelationOut(
            r=link.r, low=link.low, high=link.high, days=link.days, sentence=link.text
        )
        if link
        else None,
        charts=[ChartOut(title=c.title, summary=c.summary) for c in board.charts],
        this_week=WeekRecapOut(
            first_day=week.first_day,
            last_day=week.last_day,
            questions_together=week.questions_together,
            responses_given=week.responses_given,
            checkins=week.checkins,
            practices_done=week.practices_done,
            thanks_sent=week.thanks_sent,
            thanks_received=week.thanks_received,
            noticed=week.noticed,
        ),
        together=TogetherSoFarOut(
            questions_together=together.questions_together,
            practices_done=together.practices_done,
            thank_yous=together.thank_yous,
        ),
    )
