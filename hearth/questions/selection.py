"""Which question a relationship gets: fitted to kind, phase, depth, boundaries and consent."""

import random
import zoneinfo
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date

from django.db.models import Count, Q
from django.utils import timezone

from hearth.questions.models import Boundary, Category, Question
from hearth.relationships.models import Member, Relationship, RelationshipKind

PREFER_CURRENT_DEPTH = 0.7  # the rest of the time a lighter question keeps things easy


def relationship_today(relationship: Relationship) -> date:
    """Today's date where the relationship lives, not where the server is."""
    return timezone.now().astimezone(zoneinfo.ZoneInfo(relationship.time_zone)).date()


def excluded_categories(members: Iterable[Member]) -> set[str]:
    """Every category any member set as a boundary."""
    return set(
        Boundary.objects.filter(user__in=[m.user_id for m in members]).values_list(
            "category", flat=True
        )
    )


def sexual_content_allowed(relationship: Relationship, members: Sequence[Member]) -> bool:
    """Only in a romantic relationship where every current member opted in."""
    return (
        relationship.kind == RelationshipKind.ROMANTIC
        and bool(members)
        and all(m.sexual_content_consent for m in members)
    )


class Fit:
    """What the members of one relationship allow right now."""

    def __init__(self, relationship: Relationship, members: Sequence[Member]) -> None:
        self.relationship = relationship
        self.excluded = excluded_categories(members)
        self.sexual_ok = sexual_content_allowed(relationship, members)
        self.caps = [m.depth_cap for m in members]
        if not self.sexual_ok:
            self.excluded.add(Category.SEXUAL)

    def allows(self, question: Question) -> bool:
        if question.category in self.excluded or (question.is_sexual and not self.sexual_ok):
            return False
        if question.relationship_id is not None:
            return question.relationship_id == self.relationship.pk
        return not question.retired and question.fits(
            self.relationship.kind, self.relationship.phase
        )


def fit_for(relationship: Relationship) -> Fit:
    return Fit(relationship, list(relationship.memberships.current()))


def candidate_questions(fit: Fit) -> list[Question]:
    questions = Question.objects.filter(
        Q(relationship__isnull=True, retired=False) | Q(relationship=fit.relationship)
    ).exclude(category__in=fit.excluded)
    return [q for q in questions if fit.allows(q) and q.depth <= max(1, min(fit.caps or [3]))]


def times_asked(relationship: Relationship) -> Counter[int]:
    """How often each question was put to the relationship (a skipped one counts as seen)."""
    rows = relationship.prompts.values("question_id").annotate(n=Count("pk"))
    return Counter({row["question_id"]: row["n"] for row in rows})


def choose_question(
    candidates: Sequence[Question],
    asked: Counter[int],
    depth: int,
    rng: random.Random,
    avoid: Iterable[int] = (),
) -> Question | None:
    """Least-asked first, so nothing repeats before every fitting question was seen.

    Questions members wrote themselves come first; among the rest, the current depth is
    preferred, lighter ones sometimes. The random source makes the choice stable for a seed.
    """
    avoid = set(avoid)
    pool = [q for q in candidates if q.pk not in avoid and q.depth <= depth] or [
        q for q in candidates if q.pk not in avoid
    ]
    if not pool:
        return None
    fewest = min(asked[q.pk] for q in pool)
    fresh = [q for q in pool if asked[q.pk] == fewest]
    own = [q for q in fresh if q.relationship_id is not None]
    if own:
        return own[0]
    at_depth = [q for q in fresh if q.depth == depth]
    lighter = [q for q in fresh if q.depth < depth]
    if at_depth and (not lighter or rng.random() < PREFER_CURRENT_DEPTH):
        return rng.choice(at_depth)
    return rng.choice(lighter or fresh)
