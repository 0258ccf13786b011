"""Reads of practices, plans and reflections, always for one member and within what they may see."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy

from hearth.accounts.models import User
from hearth.practices.library import Practice, by_key, library
from hearth.practices.models import CalendarFeed, Plan, Reflection
from hearth.questions.selection import Fit, fit_for
from hearth.relationships.models import Member, Relationship

GONE_TITLE = gettext_lazy("A practice no longer in the library")


def practice_allowed(practice: Practice, fit: Fit) -> bool:
    """Fits the relationship's kind and phase, no member's boundary keeps its category away,
    and sexual practices only where every member opted in."""
    if practice.boundary in fit.excluded or (practice.is_sexual and not fit.sexual_ok):
        return False
    return practice.fits(fit.relationship.kind, fit.relationship.phase)


def practices_for(relationship: Relationship, fit: Fit | None = None) -> list[Practice]:
    fit = fit or fit_for(relationship)
    return [practice for practice in library() if practice_allowed(practice, fit)]


def practice_for(member: Member, key: str) -> Practice:
    """A practice this member's relationship may see, or 404 (as if it did not exist)."""
    practice = by_key().get(key)
    if practice is None or not practice_allowed(practice, fit_for(member.relationship)):
        raise Http404
    return practice


def practice_title(key: str) -> str:
    practice = by_key().get(key)
    return practice.title if practice else str(GONE_TITLE)


def plans_visible_to(member: Member) -> QuerySet[Plan]:
    """Every plan of the relationship made while this member belonged to it."""
    return (
        Plan.objects.filter(relationship_id=member.relationship_id)
        .filter(member.while_a_member("created_at"))
        .select_related("planned_by__user")
    )


def upcoming_plans(member: Member, days: int = 14) -> list[Plan]:
    """The plans ahead, each with the reflections this member may read (for plan_view), read
    together in one more query."""
    now = timezone.now()
    seen = Prefetch("reflections", reflections_visible_to(member), to_attr="reflections_seen")
    return list(
        plans_visible_to(member)
        .filter(
            cancelled_at__isnull=True,
            starts_at__gte=now - timedelta(hours=12),
            starts_at__lte=now + timedelta(days=days),
        )
        .prefetch_related(seen)
    )


def plan_for(member: Member, plan_id: int) -> Plan:
    plan = plans_visible_to(member).filter(pk=plan_id).first() if 0 < plan_id < 2**63 else None
    if plan is None:
        raise Http404
    return plan


def reflections_visible_to(member: Member) -> QuerySet[Reflection]:
    """The member's own reflections, and the others' that were shared while they belonged.

    Another's closeness and note show only when its author shared the reflection."""
    own = Reflection.objects.filter(member=member)
    shared = Reflection.objects.filter(
        member__relationship_id=member.relationship_id, shared=True
    ).filter(member.while_a_member("created_at"))
    return (own | shared).select_related("member__user", "plan").distinct()


@dataclass(frozen=True)
class PlanView:
    plan: Plan
    title: str
    mine_reflected: bool
    reflections: list[Reflection]


def plan_view(member: Member, plan: Plan) -> PlanView:
    # Read already, for this same member, when the plan came from upcoming_plans().
    reflections = getattr(plan, "reflections_seen", None)
    if reflections is None:
        reflections = list(reflections_visible_to(member).filter(plan=plan))
    return PlanView(
        plan=plan,
        title=practice_title(plan.practice_key),
        mine_reflected=any(r.member_id == member.pk for r in reflections),
        reflections=reflections,
    )


def calendar_feed_of(user: User) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user=user).first()
