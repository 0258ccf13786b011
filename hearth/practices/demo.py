"""90 days of practices for the demo: plans, some called off, reflections after each one done
(where play and affection bring the couple closer than usual, so the recommender has something
to learn), and a few plans ahead."""

import random
from datetime import timedelta
from typing import TYPE_CHECKING

from hearth.notifications.models import Notification
from hearth.practices.library import library
from hearth.practices.models import Plan
from hearth.practices.selectors import practices_for
from hearth.practices.services import plan_make, reflection_save
from hearth.relationships.models import Member

if TYPE_CHECKING:
    from hearth.demo.world import DemoWorld

NOTES = {
    "play": ["That was silly and lovely.", "We laughed more than we have in weeks."],
    "physical_affection": ["I didn't know how much I needed that.", "Slow and warm."],
    "emotional": ["Good to really listen for once.", "I learned something new."],
    "gratitude": ["Hearing it out loud landed.", "I'll remember that one."],
    "grounding": ["Calmer after.", "The breathing helped me stay."],
    "repair": ["Hard, but we came out of it closer.", "Glad we finished the talk."],
    "spiritual": ["It felt like us.", "Quiet and meaningful."],
}
HELPS = {"couple": {"play", "physical_affection"}, "crew": {"play"}, "family": {"emotional"}}


def build_practice_history(world: "DemoWorld") -> None:
    rng = random.Random(1207)  # noqa: S311 - demo data, not secrets
    for key in ("couple", "crew", "family"):
        relationship = world.relationships[key]
        members = list(Member.objects.current().filter(relationship=relationship))
        practices = [p for p in practices_for(relationship) if not p.is_sexual and p.needs_others]
        helps = HELPS[key]
        for back in range(88, 0, -3 if key == "couple" else 6):
            if rng.random() < 0.25:
                continue
            practice = rng.choice(practices)
            planner = rng.choice(members)
            plan = Plan.objects.create(
                relationship=relationship,
                practice_key=practice.key,
                planned_by=planner,
                starts_at=world.days_ago(back, hour=20),
                created_at=world.days_ago(back + 2, hour=9),
            )
            if rng.random() < 0.1:
                Plan.objects.filter(pk=plan.pk).update(cancelled_at=world.days_ago(back + 1))
                continue
            for member in members:
                if member.joined_at > plan.starts_at or rng.random() < 0.15:
                    continue
                base = 6.0 if practice.category in helps else 4.2
                closeness = max(1, min(7, round(rng.gauss(base, 0.8))))
                note = rng.choice(NOTES[practice.category]) if rng.random() < 0.4 else ""
                reflection_save(
                    member=member,
                    plan=plan,
                    closeness=closeness,
                    note=note,
                    shared=rng.random() < 0.6,
                    done_on=plan.starts_at.date(),
                )
        Notification.objects.filter(key__startswith="planned:").update(read_at=world.today)
        upcoming = rng.choice(practices)
        plan_make(
            member=members[0],
            practice_key=upcoming.key,
            starts_at=world.today + timedelta(days=2, hours=1),
            note="Saturday, after breakfast?",
        )
    alone = [p for p in library() if p.can_do_alone and p.category == "gratitude"]
    if alone:
        riley = Member.objects.current().filter(user=world.people["riley"]).first()
        if riley is not None and not riley.relationship.is_archived:
            reflection_save(
                member=riley, practice_key=alone[0].key, closeness=5, done_on=world.today.date()
            )
