"""90 days of check-ins and a few profiles for the demo, with patterns insights can find."""

import random
from datetime import timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from hearth.assessments.models import Assessment
from hearth.assessments.services import assessment_take, instrument_for
from hearth.checkins.models import CheckIn, RelationshipCheckIn
from hearth.questions.models import Prompt
from hearth.relationships.models import Member

if TYPE_CHECKING:
    from hearth.demo.world import DemoWorld


def build_checkin_history(world: "DemoWorld", days: int = 90) -> None:
    rng = random.Random(90)  # noqa: S311 - demo data, not secrets
    revealed = set(
        Prompt.objects.filter(revealed_at__isnull=False).values_list("relationship_id", "date")
    )
    for person in world.people.values():
        members = list(
            Member.objects.filter(user=person, left_at__isnull=True, relationship__archived_at=None)
        )
        hugged_yesterday = {m.pk: False for m in members}
        for back in range(days, -1, -1):
            day = world.days_ago(back).date()
            if rng.random() > 0.85 or back == 0:
                hugged_yesterday = {m.pk: False for m in members}
                continue
            weekend = day.weekday() >= 5
            stress = max(1, min(5, round(rng.gauss(2.2 if weekend else 3.0, 0.9))))
            checkin = CheckIn.objects.create(
                user=person,
                date=day,
                mood=max(1, min(5, round(rng.gauss(4.2 - 0.4 * stress + 1, 0.7)))),
                stress=stress,
                sleep_hours=Decimal(str(round(rng.gauss(7.2, 0.8) * 2) / 2)),
                support_wanted=stress >= 5 and rng.random() < 0.5,
            )
            for member in members:
                if member.joined_at.date() > day:
                    continue
                together = (member.relationship_id, day - timedelta(days=1)) in revealed
                base = 4.2 + (0.8 if hugged_yesterday[member.pk] else 0) + (0.5 if together else 0)
                hug = rng.random() < (0.6 if member.relationship.kind == "romantic" else 0.25)
                RelationshipCheckIn.objects.create(
                    checkin=checkin,
                    member=member,
                    closeness=max(1, min(7, round(rng.gauss(base - 0.2 * stress + 0.6, 0.8)))),
                    felt_understood=max(1, min(7, round(rng.gauss(5, 1)))),
                    affection=hug,
                    shared_personal=rng.random() < 0.4,
                    share_support=checkin.support_wanted,
                )
                hugged_yesterday[member.pk] = hug
    build_profiles(world, rng)


def build_profiles(world: "DemoWorld", rng: random.Random) -> None:
    """Three complete takings each, through the same rules a person's taking goes through."""
    couple = world.relationships["couple"]
    for member in couple.memberships.filter(left_at__isnull=True):
        lean = rng.uniform(-0.5, 0.5)
        for back, growth in ((80, 0.0), (40, 0.3), (5, 0.6)):
            answers = {}
            for q in instrument_for(member).questions:
                level = 4.6 + lean + growth + rng.gauss(0, 0.7)
                value = round(8 - level if q.reverse else level)
                answers[q.key] = max(1, min(7, value))
            taken = assessment_take(member=member, answers=answers, shared=True)
            Assessment.objects.filter(pk=taken.pk).update(taken_at=world.days_ago(back, hour=21))
