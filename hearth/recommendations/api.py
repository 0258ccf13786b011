from django.http import HttpRequest
from ninja import Field, Router, Schema

from hearth.api_types import errors, membership
from hearth.recommendations.selectors import recommendations_for

router = Router(tags=["recommendations"])


class RecommendationOut(Schema):
    kind: str = Field(description="practice, lesson or deck")
    key: str
    title: str
    reason: str = Field(description="Why this, in one line.")
    url: str = Field(description="Its page in Hearth.")
    minutes: int | None


@router.get(
    "/relationships/{relationship_id}/recommendations",
    response={200: list[RecommendationOut], **errors(404, 422)},
    summary="What to do next, each with a one-line reason",
)
def recommendations(request: HttpRequest, relationship_id: int) -> list[RecommendationOut]:
    member = membership(request, relationship_id)
    return [RecommendationOut(**r.__dict__) for r in recommendations_for(member)]
