"""The depth ladder: questions deepen as a relationship keeps answering and feeling understood."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean

from hearth.questions.models import Answer
from hearth.relationships.models import Relationship

PHASE_START_DEPTH = {
    "new": 1,
    "deepening": 1,
    "committed": 2,
    "long_term": 2,
    "reconnecting": 1,
}
WINDOW = 5  # recent prompts of the day looked at
ANSWERED_BY_ALL_NEEDED = 4  # of the window
RATINGS_NEEDED = 3  # felt-understood ratings in the window
UNDERSTOOD_NEEDED = 5.0  # mean rating on the 1–7 scale
LOOKBACK_DAYS = 120


@dataclass(frozen=True)
class Outcome:
    """How one prompt of the day went: did everyone answer, and how understood people felt."""

    answered_by_all: bool
    ratings: tuple[int, ...] = ()


def ladder_level(start: int, outcomes: Sequence[Outcome]) -> int:
    """Climb one step each time a full window went well; otherwise hold. Never below start."""
    level = start
    since_step: list[Outcome] = []
    for outcome in outcomes:
        since_step.append(outcome)
        window = since_step[-WINDOW:]
        ratings = [r for o in window for r in o.ratings]
        if (
            len(window) == WINDOW
            and sum(o.answered_by_all for o in window) >= ANSWERED_BY_ALL_NEEDED
            and len(ratings) >= RATINGS_NEEDED
            and fmean(ratings) >= UNDERSTOOD_NEEDED
            and level < 3
        ):
            level += 1
            since_step = []
    return level


def effective_depth(level: int, caps: Sequence[int]) -> int:
    """The ladder's level, never above the lowest cap a member set."""
    return max(1, min([level, *caps]))


def recent_outcomes(relationship: Relationship, today: date) -> list[Outcome]:
    """The relationship's recent prompts of the day, oldest first (skipped ones don't count)."""
    prompts = list(
        relationship.prompts.filter(
            sitting__isnull=True,
            skipped_at__isnull=True,
            date__lt=today,
            date__gte=today - timedelta(days=LOOKBACK_DAYS),
        )
        .order_by("date")
        .values_list("pk", "revealed_at")
    )
    ratings: dict[int, list[int]] = {}
    for prompt_id, rating in Answer.objects.filter(
        prompt_id__in=[pk for pk, _ in prompts], felt_understood__isnull=False
    ).values_list("prompt_id", "felt_understood"):
        ratings.setdefault(prompt_id, []).append(int(rating or 0))
    return [
        Outcome(answered_by_all=revealed is not None, ratings=tuple(ratings.get(pk, ())))
        for pk, revealed in prompts
    ]


def relationship_depth(relationship: Relationship, today: date, caps: Sequence[int]) -> int:
    start = PHASE_START_DEPTH.get(relationship.phase, 1)
    return effective_depth(ladder_level(start, recent_outcomes(relationship, today)), caps)
