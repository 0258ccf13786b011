from typing import Any

from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema

from hearth.api_types import errors, me
from hearth.lessons import services
from hearth.lessons.library import Lesson, lesson, lessons, sources

router = Router(tags=["lessons"])


class LessonOut(Schema):
    key: str
    theme: str
    theme_title: str
    title: str
    summary: str
    minutes: int
    kinds: list[str]
    dimensions: list[str]
    suggests: dict[str, str] = Field(description='{"practice": key} or {"deck": key}')


class LessonFullOut(LessonOut):
    paragraphs: list[str]
    sources: list[str] = Field(description="The research it rests on, in full.")


def lesson_values(item: Lesson) -> dict[str, Any]:
    what, target = item.suggests
    return {
        "key": item.key,
        "theme": item.theme,
        "theme_title": item.theme_title,
        "title": item.title,
        "summary": item.summary,
        "minutes": item.minutes,
        "kinds": list(item.kinds),
        "dimensions": list(item.dimensions),
        "suggests": {what: target},
    }


def lesson_out(item: Lesson) -> LessonOut:
    return LessonOut(**lesson_values(item))


def lesson_full(item: Lesson) -> LessonFullOut:
    references = [sources()[key].reference for key in item.sources]
    return LessonFullOut(
        **lesson_values(item), paragraphs=list(item.paragraphs), sources=references
    )


@router.get("/lessons", response={200: list[LessonOut], **errors()}, summary="Every lesson")
def lessons_list(request: HttpRequest) -> list[LessonOut]:
    return [lesson_out(item) for item in lessons()]


@router.get(
    "/lessons/{key}",
    response={200: LessonFullOut, **errors(404)},
    summary="One lesson to read (marks it read for you)",
)
def lesson_get(request: HttpRequest, key: str) -> LessonFullOut:
    item = lesson(key)
    if item is None:
        raise Http404
    services.lesson_read(user=me(request), key=item.key)
    return lesson_full(item)
