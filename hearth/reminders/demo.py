"""The demo's reminders: chosen times, one person with a check-in reminder, one who would rather
not be nudged, and today's gentle nudge in the couple."""

from datetime import time
from typing import TYPE_CHECKING

from hearth.questions.models import Prompt
from hearth.questions.selection import relationship_today
from hearth.relationships.models import Member
from hearth.reminders.services import checkin_reminder_set, nudge_send, question_reminder_set

if TYPE_CHECKING:
    from hearth.demo.world import DemoWorld

EVERY_DAY = frozenset(range(7))
WEEKDAYS = frozenset(range(5))


def build_reminder_history(world: "DemoWorld") -> None:
    p, r = world.people, world.relationships

    def place(person: str, relationship: str) -> Member:
        return r[relationship].memberships.get(user=p[person], left_at__isnull=True)

    # Alex keeps the default in both relationships: at 19:00 they come as one notification.
    for relationship in ("couple", "crew"):
        question_reminder_set(
            member=place("alex", relationship),
            at=time(19, 0),
            days=EVERY_DAY,
            to_devices=True,
            by_email=False,
            nudges_welcome=True,
        )
    question_reminder_set(
        member=place("sam", "couple"),
        at=time(20, 30),
        days=WEEKDAYS,
        to_devices=True,
        by_email=False,
        nudges_welcome=True,
    )
    checkin_reminder_set(
        user=p["sam"], at=time(21, 0), days=EVERY_DAY, to_devices=True, by_email=False
    )
    question_reminder_set(
        member=place("jordan", "crew"),
        at=time(8, 30),
        days=WEEKDAYS,
        to_devices=False,
        by_email=True,
        nudges_welcome=True,
    )
    question_reminder_set(
        member=place("riley", "crew"),
        at=None,
        days=frozenset(),
        to_devices=False,
        by_email=False,
        nudges_welcome=False,
    )

    couple = r["couple"]
    today = Prompt.objects.get(relationship=couple, date=relationship_today(couple), sitting=None)
    first = today.answers.select_related("member").get()
    waiting = couple.memberships.current().exclude(pk=first.member_id).get()
    nudge_send(member=first.member, prompt=today, to_member_id=waiting.pk)
