from datetime import date, datetime

from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Router, Schema, Status

from hearth.api_types import MemberRef, Text, errors, me, member_ref, membership
from hearth.practices import selectors, services
from hearth.practices.library import Practice
from hearth.practices.models import Plan, Reflection
from hearth.practices.services import MAX_NOTE_LENGTH

router = Router(tags=["practices"])
R = "/relationships/{relationship_id}"
Key = Field(max_length=40, pattern=r"^[a-z_]+-[0-9]+$")


class StepOut(Schema):
    text: str
    seconds: int | None = Field(description="A timed step: guided mode counts it down.")


class PracticeOut(Schema):
    key: str
    title: str
    why: str
    category: str
    category_title: str
    minutes: int
    mode: str = Field(description="together, solo (one person alone) or either")
    kinds: list[str]
    phases: list[str]
    dimensions: list[str]
    place: str
    cost: str
    materials: list[str]
    steps: list[StepOut]


def practice_out(practice: Practice) -> PracticeOut:
    return PracticeOut(
        key=practice.key,
        title=practice.title,
        why=practice.why,
        category=practice.category,
        category_title=practice.category_title,
        minutes=practice.minutes,
        mode=practice.mode,
        kinds=list(practice.kinds),
        phases=list(practice.phases),
        dimensions=list(practice.dimensions),
        place=practice.place,
        cost=practice.cost,
        materials=list(practice.materials),
        steps=[StepOut(text=s.text, seconds=s.seconds) for s in practice.steps],
    )


class ReflectionOut(Schema):
    id: int
    member: MemberRef
    practice_key: str
    plan_id: int | None
    done_on: date
    closeness: int
    note: str
    shared: bool


def reflection_out(reflection: Reflection) -> ReflectionOut:
    return ReflectionOut(
        id=reflection.pk,
        member=member_ref(reflection.member),
        practice_key=reflection.practice_key,
        plan_id=reflection.plan_id,
        done_on=reflection.done_on,
        closeness=reflection.closeness,
        note=reflection.note,
        shared=reflection.shared,
    )


class PlanOut(Schema):
    id: int
    practice_key: str
    title: str
    planned_by: MemberRef
    starts_at: datetime
    note: str
    cancelled: bool
    reflections: list[ReflectionOut] = Field(description="Yours, and the others' they shared.")


def plan_out(view: selectors.PlanView) -> PlanOut:
    plan = view.plan
    return PlanOut(
        id=plan.pk,
        practice_key=plan.practice_key,
        title=view.title,
        planned_by=member_ref(plan.planned_by),
        starts_at=plan.starts_at,
        note=plan.note,
        cancelled=plan.is_cancelled,
        reflections=[reflection_out(r) for r in view.reflections],
    )


class PlanIn(Schema):
    practice_key: str = Key
    starts_at: datetime = Field(description="With a time zone offset, e.g. 2026-12-05T19:00:00Z.")
    note: Text = Field("", max_length=MAX_NOTE_LENGTH)


class ReflectionIn(Schema):
    practice_key: str = Field("", max_length=40, description="Leave out when reflecting on a plan.")
    plan_id: int | None = Field(None, ge=1, lt=2**63)
    closeness: int = Field(ge=1, le=7, description="The 7 pairs of circles, 1 apart to 7 one.")
    note: Text = Field("", max_length=MAX_NOTE_LENGTH)
    shared: bool = Field(False, description="Let the other members see closeness and note.")


class CalendarOut(Schema):
    url: str | None = Field(description="Your private calendar address, or null when it is off.")


@router.get(
    R + "/practices",
    response={200: list[PracticeOut], **errors(404, 422)},
    summary="Practices that fit this relationship (kind, phase, boundaries, consent)",
)
def practices_list(request: HttpRequest, relationship_id: int) -> list[PracticeOut]:
    member = membership(request, relationship_id)
    return [practice_out(p) for p in selectors.practices_for(member.relationship)]


@router.get(
    R + "/practices/{key}",
    response={200: PracticeOut, **errors(404, 422)},
    summary="One practice, with its steps",
)
def practice_get(request: HttpRequest, relationship_id: int, key: str) -> PracticeOut:
    return practice_out(selectors.practice_for(membership(request, relationship_id), key))


@router.get(
    R + "/plans",
    response={200: list[PlanOut], **errors(404, 422)},
    summary="What is planned in the next two weeks (and the last half day)",
)
def plans_list(request: HttpRequest, relationship_id: int) -> list[PlanOut]:
    member = membership(request, relationship_id)
    return [plan_out(selectors.plan_view(member, p)) for p in selectors.upcoming_plans(member)]


@router.post(
    R + "/plans",
    response={201: PlanOut, **errors(400, 404, 422)},
    summary="Plan a practice; every member sees it",
)
def plan_create(request: HttpRequest, relationship_id: int, body: PlanIn) -> Status[PlanOut]:
    member = membership(request, relationship_id)
    plan = services.plan_make(
        member=member, practice_key=body.practice_key, starts_at=body.starts_at, note=body.note
    )
    return Status(201, plan_out(selectors.plan_view(member, plan)))


@router.get(
    R + "/plans/{plan_id}",
    response={200: PlanOut, **errors(404, 422)},
    summary="One plan, with the reflections you may see",
)
def plan_get(request: HttpRequest, relationship_id: int, plan_id: int) -> PlanOut:
    member = membership(request, relationship_id)
    return plan_out(selectors.plan_view(member, selectors.plan_for(member, plan_id)))


@router.post(
    R + "/plans/{plan_id}/cancel",
    response={200: PlanOut, **errors(400, 404, 422)},
    summary="Call a plan off (it stays in history as called off)",
)
def plan_cancel(request: HttpRequest, relationship_id: int, plan_id: int) -> PlanOut:
    member = membership(request, relationship_id)
    plan: Plan = services.plan_cancel(member=member, plan=selectors.plan_for(member, plan_id))
    return plan_out(selectors.plan_view(member, plan))


@router.get(
    R + "/reflections",
    response={200: list[ReflectionOut], **errors(404, 422)},
    summary="Your reflections, and the others' they shared, newest first",
)
def reflections_list(request: HttpRequest, relationship_id: int) -> list[ReflectionOut]:
    member = membership(request, relationship_id)
    return [reflection_out(r) for r in selectors.reflections_visible_to(member)[:200]]


@router.post(
    R + "/reflections",
    response={201: ReflectionOut, **errors(400, 404, 422)},
    summary="Reflect after a practice: once per plan (again replaces it), or without one",
)
def reflection_create(
    request: HttpRequest, relationship_id: int, body: ReflectionIn
) -> Status[ReflectionOut]:
    member = membership(request, relationship_id)
    plan = selectors.plan_for(member, body.plan_id) if body.plan_id else None
    reflection = services.reflection_save(
        member=member,
        practice_key=body.practice_key,
        plan=plan,
        closeness=body.closeness,
        note=body.note,
        shared=body.shared,
    )
    return Status(201, reflection_out(reflection))


def calendar_out(request: HttpRequest, token: str | None) -> CalendarOut:
    if token is None:
        return CalendarOut(url=None)
    return CalendarOut(url=request.build_absolute_uri(reverse("practices:calendar", args=[token])))


@router.get(
    "/me/calendar", response={200: CalendarOut, **errors()}, summary="Your calendar address"
)
def calendar_get(request: HttpRequest) -> CalendarOut:
    feed = selectors.calendar_feed_of(me(request))
    return calendar_out(request, feed.token if feed else None)


@router.post(
    "/me/calendar",
    response={200: CalendarOut, **errors()},
    summary="Make a new calendar address (the old one stops working)",
)
def calendar_renew(request: HttpRequest) -> CalendarOut:
    return calendar_out(request, services.calendar_feed_renew(user=me(request)).token)


@router.delete(
    "/me/calendar", response={200: CalendarOut, **errors()}, summary="Turn the address off"
)
def calendar_off(request: HttpRequest) -> CalendarOut:
    services.calendar_feed_off(user=me(request))
    return calendar_out(request, None)
