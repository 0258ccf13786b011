"""A word to every member shortly before a planned practice starts, unless it was called off."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from hearth.notifications.models import Notification
from hearth.notifications.services import notify
from hearth.practices.models import Plan

SOON = timedelta(minutes=30)


def plan_reminder_queue(plan: Plan) -> None:
    """Queue the word for SOON before the start (at once if that has passed already)."""
    moment = plan.starts_at - SOON
    plan_starts_soon.using(run_after=moment if moment > timezone.now() else None).enqueue(plan.pk)


def plan_reminder_fire(plan_id: int) -> str:
    plan = Plan.objects.select_related("relationship").filter(pk=plan_id).first()
    if plan is None or plan.is_cancelled or plan.relationship.is_archived:
        return "called off"
    if plan.starts_at < timezone.now() - SOON:
        return "already past"
    members = plan.relationship.memberships.current().select_related("user")
    notify(
        recipients=[m.user for m in members],
        kind=Notification.Kind.PLAN_SOON,
        key=f"plan_soon:{plan.pk}",
        url=reverse("practices:plan", args=[plan.relationship_id, plan.pk]),
        relationship=plan.relationship,
    )
    return "reminded"


@task()
def plan_starts_soon(plan_id: int) -> str:
    return plan_reminder_fire(plan_id)
