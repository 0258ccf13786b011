"""What has worked for a relationship, learned from its reflections by Thompson sampling.

Each practice category keeps a Beta belief of how often doing it brings the members closer
than usual: it starts at Beta(1, 1), knowing nothing, and every reflection adds a success or a
failure. To choose, one draw is taken from each category's belief and the highest draw wins, so
what has helped is chosen more and more often, while a category tried only a few times still
gets its chance. Categories that serve the relationship's weakest dimension get a small head
start, which a category that reliably helps soon outgrows.
"""

import random
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from hearth.practices.library import Practice

FOCUS_BONUS = 0.15  # the head start for serving the weakest dimension, on a 0–1 draw
LEARNED_AFTER = 3  # outcomes in a category before "has brought you closer" may be said
LEARNED_MEAN = 0.6  # and the belief's mean it needs


@dataclass(frozen=True)
class Outcome:
    """One reflection: the category done, and whether it brought the member closer than usual."""

    category: str
    closer: bool


def closer_than_usual(closeness: int, usual: float) -> bool:
    """A reflection counts as a success when closeness beats the member's usual day, or is
    already as close as the picture goes."""
    return closeness > usual or closeness == 7


@dataclass(frozen=True)
class Belief:
    successes: int
    failures: int

    @property
    def alpha(self) -> int:
        return 1 + self.successes

    @property
    def beta(self) -> int:
        return 1 + self.failures

    @property
    def mean(self) -> float:
        return self.alpha / (self.alpha + self.beta)

    @property
    def tried(self) -> int:
        return self.successes + self.failures

    @property
    def has_helped(self) -> bool:
        return self.tried >= LEARNED_AFTER and self.mean >= LEARNED_MEAN


def beliefs(outcomes: Iterable[Outcome], categories: Iterable[str]) -> dict[str, Belief]:
    wins: Counter[str] = Counter()
    losses: Counter[str] = Counter()
    for outcome in outcomes:
        (wins if outcome.closer else losses)[outcome.category] += 1
    return {c: Belief(successes=wins[c], failures=losses[c]) for c in categories}


def rank_categories(
    belief: dict[str, Belief], rng: random.Random, focus: Iterable[str] = ()
) -> list[str]:
    """Categories in the order one round of Thompson sampling puts them."""
    focus = set(focus)
    draws = {
        category: rng.betavariate(b.alpha, b.beta) + (FOCUS_BONUS if category in focus else 0.0)
        for category, b in sorted(belief.items())
    }
    return sorted(draws, key=lambda category: -draws[category])


def pick_practice(
    candidates: Sequence[Practice],
    category: str,
    done: Counter[str],
    weakest: str | None,
    rng: random.Random,
) -> Practice | None:
    """Within a category: what serves the weakest dimension, then what was done least."""
    pool = [p for p in candidates if p.category == category]
    if not pool:
        return None
    fewest = min(done[p.key] for p in pool)
    fresh = [p for p in pool if done[p.key] == fewest]
    serving = [p for p in fresh if weakest in p.dimensions]
    return rng.choice(serving or fresh)
