"""The demo's notifications: what would be waiting for its people today, and some already seen."""

from datetime import timedelta
from typing import TYPE_CHECKING

from django.urls import reverse

from hearth.notifications.models import Notification
from hearth.notifications.services import notify
from hearth.questions.models import Answer, Prompt
from hearth.questions.selection import relationship_today
from hearth.relationships.models import Member

if TYPE_CHECKING:
    from hearth.demo.world import DemoWorld

Kind = Notification.Kind


def build_notification_history(world: "DemoWorld") -> None:
    couple, crew = world.relationships["couple"], world.relationships["crew"]
    today = Prompt.objects.get(relationship=couple, date=relationship_today(couple), sitting=None)
    first = today.answers.select_related("member__user").get()
    waiting = Member.objects.current().filter(relationship=couple).exclude(pk=first.member_id)
    notify(
        recipients=[m.user for m in waiting],
        kind=Kind.YOUR_TURN,
        key=f"your_turn:{today.pk}",
        url=today.get_absolute_url(),
        relationship=couple,
        actor=first.member,
    )

    alex = world.people["alex"]
    recent = (
        Answer.objects.filter(
            member__user=alex, prompt__relationship=couple, responses__isnull=False
        )
        .select_related("prompt")
        .order_by("-prompt__date")
        .first()
    )
    if recent is not None:
        told = notify(
            recipients=[alex],
            kind=Kind.RESPONSE,
            key=f"response:{recent.pk}",
            url=f"{recent.prompt.get_absolute_url()}#answer-{recent.pk}",
            relationship=couple,
            actor=couple.memberships.get(user=world.people["sam"]),
        )
        Notification.objects.filter(pk__in=[n.pk for n in told]).update(
            created_at=world.days_ago(1, hour=21)
        )

    riley = crew.memberships.get(user=world.people["riley"])
    for joined in notify(
        recipients=[alex, world.people["jordan"]],
        kind=Kind.JOINED,
        key=f"joined:{riley.pk}",
        url=reverse("relationships:detail", args=[crew.pk]),
        relationship=crew,
        actor=riley,
    ):
        Notification.objects.filter(pk=joined.pk).update(
            created_at=riley.joined_at, read_at=riley.joined_at + timedelta(hours=3)
        )
