"""What to do next: practices, a lesson and a deck, chosen for this member and relationship.

Chosen for the weakest dimension (the member's own recent check-ins, then the profiles they
can see), fitted to the relationship's kind and phase, every member's boundaries and consent,
what is new to them, and what has brought this relationship closer before (learning.py).
Each comes with a one-line reason. The same page shows the same choice all day; a new
reflection may change it. Worked out once for each day and change of what they are worked out
from, then kept in the cache every process shares (kept.py)."""

import random
import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hearth.assessments.selectors import latest_shared
from hearth.checkins.models import RelationshipCheckIn
from hearth.lessons.library import Lesson, lessons
from hearth.lessons.models import LessonRead
from hearth.practices.library import CATEGORIES, Practice, by_key
from hearth.practices.models import Reflection
from hearth.practices.selectors import practices_for, reflections_visible_to
from hearth.questions import services as questions
from hearth.questions.selection import Fit, relationship_today
from hearth.recommendations.kept import keep, kept_recommendations
from hearth.recommendations.learning import (
    Belief,
    Outcome,
    beliefs,
    closer_than_usual,
    pick_practice,
    rank_categories,
)
from hearth.relationships.models import Member

# The practice categories that most directly serve each dimension of the profile.
SERVED_BY = {
    "emotional": {"emotional"},
    "physical_affection": {"physical_affection"},
    "sexual": {"sexual"},
    "spiritual": {"spiritual"},
    "intellectual": {"emotional", "play"},
    "recreational": {"play"},
    "trust": {"repair", "emotional"},
    "communication": {"repair", "grounding"},
    "feeling_valued": {"gratitude"},
}
# The dimensions in everyday words, as a reason names them.
PLAIN_NAMES = {
    "emotional": gettext_lazy("emotional closeness"),
    "physical_affection": gettext_lazy("affection"),
    "sexual": gettext_lazy("sexual closeness"),
    "spiritual": gettext_lazy("shared meaning"),
    "intellectual": gettext_lazy("sharing ideas"),
    "recreational": gettext_lazy("having fun together"),
    "trust": gettext_lazy("trust"),
    "communication": gettext_lazy("talking openly"),
    "feeling_valued": gettext_lazy("feeling valued"),
}
RECENT_DAYS = 14
MIN_RECENT_CHECKINS = 5  # below this, the check-ins say nothing about "lately"
USUAL_DAYS = 90
USUAL_CLOSENESS = 4.0  # the middle picture, for someone who hasn't checked in
HISTORY = 500  # the reflections learned from, newest first


@dataclass(frozen=True)
class Weakest:
    dimension: str
    reason: str


@dataclass(frozen=True)
class Recommendation:
    kind: str  # "practice", "lesson" or "deck"
    key: str
    title: str
    reason: str
    url: str
    minutes: int | None = None


@dataclass(frozen=True)
class CheckInLately:
    member_id: int
    day: date
    closeness: int
    affection: bool
    felt_understood: int | None


@dataclass(frozen=True)
class Lately:
    """What the recommendations read from the relationship's recent past, read once: every
    member's check-ins of the last USUAL_DAYS (the usual closeness; the member's own recent
    ones), and the reflections learned from."""

    checkins: list[CheckInLately]
    reflections: list[tuple[int, int, str, int]]  # pk, member, practice, closeness


def checkins_lately(members: Sequence[Member], today: date) -> QuerySet[RelationshipCheckIn]:
    """Every member's check-ins for the relationship over the last USUAL_DAYS."""
    return RelationshipCheckIn.objects.filter(
        member__in=[m.pk for m in members],
        # Through each person's check-ins by date: a few weeks read, however long the history.
        checkin__user__in=[m.user_id for m in members if m.user_id is not None],
        checkin__date__gt=today - timedelta(days=USUAL_DAYS),
    )


def reflections_learned_from(member: Member) -> QuerySet[Reflection]:
    """The relationship's newest HISTORY reflections, whoever wrote them."""
    newest = Reflection.objects.filter(member__relationship_id=member.relationship_id)
    return Reflection.objects.filter(pk__in=newest.values("pk")[:HISTORY])


def lately_read(
    checkins: QuerySet[RelationshipCheckIn], reflections: QuerySet[Reflection]
) -> Lately:
    return Lately(
        checkins=[
            CheckInLately(*row)
            for row in checkins.values_list(
                "member_id", "checkin__date", "closeness", "affection", "felt_understood"
            )
        ],
        reflections=list(reflections.values_list("pk", "member_id", "practice_key", "closeness")),
    )


def weakest_dimension(member: Member, fit: Fit, today: date, lately: Lately) -> Weakest | None:
    """The lowest of: affection and feeling understood in the member's own check-ins of the last
    two weeks (when there are enough), then each dimension in the profiles the member can see.
    Silent with fewer than two to compare, or when none is lower than the rest."""
    scores: dict[str, float] = {}
    reasons: dict[str, str] = {}
    since = today - timedelta(days=RECENT_DAYS)
    recent = [
        (c.affection, c.felt_understood)
        for c in lately.checkins
        if c.member_id == member.pk and c.day > since
    ]
    if len(recent) >= MIN_RECENT_CHECKINS:
        scores["physical_affection"] = 100 * sum(a for a, _ in recent) / len(recent)
        reasons["physical_affection"] = _("Because affection has been lowest for you lately.")
        felt = [f for _, f in recent if f is not None]
        if len(felt) >= MIN_RECENT_CHECKINS:
            scores["emotional"] = (statistics.fmean(felt) - 1) / 6 * 100
            reasons["emotional"] = _("Because feeling understood has been lowest for you lately.")
    profiles: defaultdict[str, list[float]] = defaultdict(list)
    for _shared_with, assessment in latest_shared(member):
        for scale, score in assessment.scores.items():
            if scale in SERVED_BY and scale not in scores:
                profiles[scale].append(float(score))
    for scale, values in profiles.items():
        scores[scale] = statistics.fmean(values)
        # Translators: dimension is one of the everyday names above, e.g. "talking openly".
        reasons[scale] = _("Because %(dimension)s scored lowest in your profiles.") % {
            "dimension": PLAIN_NAMES[scale]
        }
    away = kept_away(fit)
    reachable = {d: score for d, score in scores.items() if SERVED_BY[d] - away}
    if len(reachable) < 2:
        return None  # "lowest" needs something to be lower than
    dimension = min(reachable, key=lambda d: (reachable[d], d))
    others = [score for d, score in reachable.items() if d != dimension]
    if reachable[dimension] >= min(others):
        return None  # a tie names nothing
    return Weakest(dimension=dimension, reason=reasons[dimension])


def kept_away(fit: Fit) -> set[str]:
    """Practice categories the members' boundaries or consent keep away."""
    away = {category for category, topic in CATEGORIES.items() if topic in fit.excluded}
    if not fit.sexual_ok:
        away.add("sexual")
    return away


@dataclass(frozen=True)
class Learned:
    """What the relationship's reflections teach: every outcome, counted together, to choose
    with; the outcomes this member may see (their own and shared ones), to say why with; and
    how often each practice was done."""

    outcomes: list[Outcome]
    seen: list[Outcome]
    done: Counter[str]


def learned_outcomes(member: Member, lately: Lately) -> Learned:
    reflections = lately.reflections
    visible = set(
        reflections_visible_to(member)
        .filter(pk__in=[pk for pk, *_rest in reflections])
        .values_list("pk", flat=True)
    )
    closeness: defaultdict[int, list[int]] = defaultdict(list)
    for checkin in lately.checkins:
        closeness[checkin.member_id].append(checkin.closeness)
    usual = {m: statistics.median(values) for m, values in closeness.items()}
    library = by_key()
    judged = [
        (
            pk,
            Outcome(library[key].category, closer_than_usual(value, usual.get(m, USUAL_CLOSENESS))),
        )
        for pk, m, key, value in reflections
        if key in library
    ]
    return Learned(
        outcomes=[outcome for _, outcome in judged],
        seen=[outcome for pk, outcome in judged if pk in visible],
        done=Counter(key for _, _, key, _ in reflections),
    )


def practice_reason(
    practice: Practice, belief: Belief, weakest: Weakest | None, alone: bool
) -> str:
    if alone:
        return _("One you can do on your own while the others join.")
    if belief.has_helped:
        # Translators: category is a practice category in lower case, e.g. "fun and dates".
        return _("Because %(category)s has brought you closer before.") % {
            "category": practice.category_title.lower()
        }
    if weakest and practice.category in SERVED_BY[weakest.dimension]:
        return weakest.reason
    if belief.tried == 0:
        return _("Something you haven't tried together yet.")
    return _("Worth another go: a few tries tell more than one.")


def practice_recommendations(
    member: Member,
    fit: Fit,
    today: date,
    weakest: Weakest | None,
    lately: Lately,
    count: int = 2,
) -> list[Recommendation]:
    alone = len(fit.caps) < 2
    candidates = [p for p in practices_for(member.relationship, fit) if p.can_do_alone or not alone]
    if not candidates:
        return []
    learned = learned_outcomes(member, lately)
    rng = random.Random(f"{member.relationship_id}:{member.pk}:{today}:{len(learned.outcomes)}")  # noqa: S311
    categories = sorted({p.category for p in candidates})
    belief = beliefs(learned.outcomes, categories)
    # A reason names only what this member could see for themselves.
    said = beliefs(learned.seen, categories)
    done = learned.done
    focus = SERVED_BY[weakest.dimension] if weakest else set()
    chosen: list[Recommendation] = []
    for category in rank_categories(belief, rng, focus):
        practice = pick_practice(
            candidates, category, done, weakest.dimension if weakest else None, rng
        )
        if practice is None:
            continue
        chosen.append(
            Recommendation(
                kind="practice",
                key=practice.key,
                title=practice.title,
                reason=practice_reason(practice, said[category], weakest, alone),
                url=reverse("practices:practice", args=[member.relationship_id, practice.key]),
                minutes=practice.minutes,
            )
        )
        if len(chosen) == count:
            break
    return chosen


def lesson_recommendation(member: Member, weakest: Weakest | None) -> Recommendation | None:
    read = set(LessonRead.objects.filter(user=member.user).values_list("lesson_key", flat=True))
    fitting = [x for x in lessons() if x.fits(member.relationship.kind) and x.key not in read]
    if not fitting:
        return None

    def order(lesson: Lesson) -> tuple[bool, str]:
        return (not (weakest and weakest.dimension in lesson.dimensions), lesson.key)

    lesson = min(fitting, key=order)
    serves = weakest is not None and weakest.dimension in lesson.dimensions
    return Recommendation(
        kind="lesson",
        key=lesson.key,
        title=lesson.title,
        reason=weakest.reason
        if serves and weakest
        else _("A two-minute read you haven't opened yet."),
        url=reverse("lessons:lesson", args=[lesson.key]) + f"?r={member.relationship_id}",
        minutes=lesson.minutes,
    )


def deck_recommendation(member: Member, weakest: Weakest | None) -> Recommendation | None:
    started = set(member.relationship.sittings.values_list("deck", flat=True))
    fresh = [d for d in questions.decks_for(member.relationship) if d.key not in started]
    if not fresh:
        return None
    serving = [d for d in fresh if weakest and weakest.dimension in d.dimensions]
    deck = (serving or fresh)[0]
    return Recommendation(
        kind="deck",
        key=deck.key,
        title=deck.localized_title,
        reason=weakest.reason
        if serving and weakest
        else _("A deck you haven't opened together yet."),
        url=reverse("questions:decks", args=[member.relationship_id]) + f"#deck-{deck.key}",
    )


def recommendations_for(member: Member, today: date | None = None) -> list[Recommendation]:
    """What to do next, for the home page and the API alike."""
    today = today or relationship_today(member.relationship)
    version, kept = kept_recommendations(member, today)
    if kept is not None:
        return kept
    chosen = recommendations_worked_out(member, today)
    keep(member, version, today, chosen)
    return chosen


def recommendations_worked_out(member: Member, today: date) -> list[Recommendation]:
    # Everyone who ever belonged: former members' reflections still teach.
    members = list(Member.objects.filter(relationship_id=member.relationship_id))
    fit = Fit(member.relationship, [m for m in members if m.left_at is None])
    lately = lately_read(checkins_lately(members, today), reflections_learned_from(member))
    weakest = weakest_dimension(member, fit, today, lately)
    chosen = practice_recommendations(member, fit, today, weakest, lately)
    extras = (lesson_recommendation(member, weakest), deck_recommendation(member, weakest))
    return chosen + [extra for extra in extras if extra is not None]
