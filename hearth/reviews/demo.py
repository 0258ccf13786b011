"""A weekly review most weeks for the demo's couple and sisters, written through the same rule."""

import random
from typing import TYPE_CHECKING

from hearth.relationships.models import Member
from hearth.reviews.models import ReviewContribution, WeeklyReview
from hearth.reviews.selectors import week_of

if TYPE_CHECKING:
    from hearth.demo.world import DemoWorld

WENT_WELL = [
    "We kept our Thursday walk even in the rain.",
    "Talking through the holiday plans without it turning into a fight.",
    "The evening we cooked together and put the phones away.",
    "Feeling like a team during a hard week at work.",
    "Lots of small check-ins, and they added up.",
]
WORK_ON = [
    "Saying when I'm tired instead of going quiet.",
    "Asking before planning the weekend for both of us.",
    "Less scrolling in bed, more talking.",
    "Letting the other finish before answering.",
    "",
]


def build_review_history(world: "DemoWorld") -> None:
    rng = random.Random(77)  # noqa: S311 - demo data, not secrets
    for key in ("couple", "family"):
        relationship = world.relationships[key]
        members = list(Member.objects.current().filter(relationship=relationship))
        for weeks_back in range(12, 0, -1):
            if rng.random() < 0.2:
                continue
            day = world.days_ago(weeks_back * 7 - 6, hour=20)
            review = WeeklyReview.objects.create(
                relationship=relationship, week_of=week_of(day.date()), created_at=day
            )
            for member in members:
                if rng.random() < 0.15:
                    continue
                ReviewContribution.objects.create(
                    review=review,
                    member=member,
                    went_well=rng.choice(WENT_WELL),
                    work_on=rng.choice(WORK_ON),
                    created_at=day,
                    updated_at=day,
                )
