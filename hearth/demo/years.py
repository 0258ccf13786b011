"""Years of daily use for one relationship, inserted in bulk: what a relationship that has used
Hearth every day for a long time holds, for measuring how pages and exports grow with history.

Every day: the day's question answered by most members (the demo's written answers), most of
them opened, with reactions, a reply now and then and guesses on questions with choices; a
check-in from most members; a gratitude line now and then. Every week: a practice planned and
reflected on, a thank-you, and most weeks a weekly review. Rows go in through bulk_create, so
ten years take seconds; encrypted fields are encrypted as on any save.
"""

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import cache

from django.db import transaction
from django.utils import timezone

from hearth.checkins.models import CheckIn, RelationshipCheckIn
from hearth.gratitude.models import Appreciation, GratitudeEntry
from hearth.practices.library import library
from hearth.practices.models import Plan, Reflection
from hearth.questions.demo import REACTIONS, SAMPLE_REPLIES, WrittenAnswer, load_demo_answers
from hearth.questions.models import Answer, Guess, Prompt, Response, ResponseKind
from hearth.questions.selection import candidate_questions, fit_for, relationship_today
from hearth.relationships.models import Member, Relationship
from hearth.reviews.models import ReviewContribution, WeeklyReview

THANKS = [
    "Thank you for making dinner when my day ran long.",
    "Thank you for listening on the walk home.",
    "Thank you for the note you left in my bag.",
    "Thank you for driving me to the station so early.",
    "Thank you for noticing I was tired and taking over.",
]
NOTICED = [
    "A slow breakfast together and nowhere to be.",
    "The laugh we shared over the burnt toast.",
    "A message in the middle of the day that said 'thinking of you'.",
    "Sitting together in the quiet after a long week.",
    "Being asked how the meeting went, and really heard.",
]
BATCH = 2000


def first_joined(days: int, today: date) -> datetime:
    """When members must have joined for `days` of history ending today."""
    return timezone.make_aware(datetime.combine(today - timedelta(days=days + 1), time(9)))


@cache
def written_answers() -> dict[str, tuple[WrittenAnswer, ...]]:
    return load_demo_answers()


@transaction.atomic
def build_years(relationship: Relationship, days: int, *, seed: int = 10) -> None:
    """`days` days of history ending yesterday for the relationship's current members, who
    should have joined before it began (see first_joined)."""
    rng = random.Random(seed)  # noqa: S311 - made-up history, not secrets
    members = list(relationship.memberships.current().select_related("user"))
    written = written_answers()
    questions = [q for q in candidate_questions(fit_for(relationship)) if q.key in written]
    practices = [p.key for p in library() if relationship.kind in p.kinds and not p.is_sexual]
    if not questions or not practices:
        raise ValueError(f"No questions or practices with demo answers fit a {relationship.kind}")
    today = relationship_today(relationship)
    days_list = [today - timedelta(days=back) for back in range(days, 0, -1)]

    prompts = Prompt.objects.bulk_create(
        [
            Prompt(
                relationship=relationship,
                question=questions[n % len(questions)],
                date=day,
                created_at=at(day, 7),
                revealed_at=at(day, 21) if rng.random() < 0.85 else None,
            )
            for n, day in enumerate(days_list)
        ],
        batch_size=BATCH,
    )
    answers: list[Answer] = []
    for prompt in prompts:
        options = written[prompt.question.key or ""]
        everyone = prompt.revealed_at is not None
        for index, member in enumerate(members):
            if everyone or rng.random() < 0.5:
                chosen = options[(index + prompt.pk) % len(options)]
                answers.append(
                    Answer(
                        prompt=prompt,
                        member=member,
                        text=chosen.text,
                        choice=chosen.choice,
                        created_at=at(prompt.date, 20),
                        updated_at=at(prompt.date, 20),
                        felt_understood=rng.randint(4, 7) if everyone else None,
                        rated_at=at(prompt.date, 22) if everyone else None,
                    )
                )
    answers = Answer.objects.bulk_create(answers, batch_size=BATCH)
    responses, guesses = [], []
    for answer in answers:
        if answer.prompt.revealed_at is None:
            continue
        for other in members:
            if other.pk == answer.member_id:
                continue
            later = at(answer.prompt.date, 22)
            if rng.random() < 0.6:
                responses.append(
                    Response(
                        answer=answer, member=other, kind=rng.choice(REACTIONS), created_at=later
                    )
                )
            if rng.random() < 0.2:
                responses.append(
                    Response(
                        answer=answer,
                        member=other,
                        kind=ResponseKind.REPLY,
                        text=rng.choice(SAMPLE_REPLIES),
                        created_at=later,
                    )
                )
            if answer.choice is not None and rng.random() < 0.5:
                guesses.append(
                    Guess(
                        prompt=answer.prompt,
                        guesser=other,
                        about_id=answer.member_id,
                        choice=rng.randrange(len(answer.prompt.question.choices)),
                        created_at=later,
                    )
                )
    Response.objects.bulk_create(responses, batch_size=BATCH)
    Guess.objects.bulk_create(guesses, batch_size=BATCH, ignore_conflicts=True)
    build_checkins(members, days_list, rng)
    build_gratitude(relationship, members, days_list, rng)
    build_practices(relationship, members, days_list, practices, rng)


def at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def build_checkins(members: list[Member], days: list[date], rng: random.Random) -> None:
    for member in members:
        taken = set(CheckIn.objects.filter(user=member.user).values_list("date", flat=True))
        checkins = CheckIn.objects.bulk_create(
            [
                CheckIn(
                    user=member.user,
                    date=day,
                    mood=rng.randint(2, 5),
                    stress=rng.randint(1, 4),
                    sleep_hours=Decimal(rng.choice(["6.5", "7", "7.5", "8"])),
                    created_at=at(day, 21),
                    updated_at=at(day, 21),
                )
                for day in days
                if day not in taken and rng.random() < 0.8
            ],
            batch_size=BATCH,
        )
        RelationshipCheckIn.objects.bulk_create(
            [
                RelationshipCheckIn(
                    checkin=checkin,
                    member=member,
                    closeness=rng.randint(3, 7),
                    felt_understood=rng.randint(3, 7),
                    affection=rng.random() < 0.5,
                    shared_personal=rng.random() < 0.4,
                )
                for checkin in checkins
            ],
            batch_size=BATCH,
        )


def build_gratitude(
    relationship: Relationship, members: list[Member], days: list[date], rng: random.Random
) -> None:
    thanks, lines = [], []
    for n, day in enumerate(days):
        for member in members:
            if rng.random() < 0.3:
                lines.append(
                    GratitudeEntry(
                        member=member,
                        text=rng.choice(NOTICED),
                        shared=rng.random() < 0.5,
                        date=day,
                        created_at=at(day, 21),
                    )
                )
        if n % 7 == 3 and len(members) > 1:
            sender, recipient = rng.sample(members, 2)
            thanks.append(
                Appreciation(
                    relationship=relationship,
                    sender=sender,
                    recipient=recipient,
                    text=rng.choice(THANKS),
                    created_at=at(day, 19),
                )
            )
    Appreciation.objects.bulk_create(thanks, batch_size=BATCH)
    GratitudeEntry.objects.bulk_create(lines, batch_size=BATCH)


def build_practices(
    relationship: Relationship,
    members: list[Member],
    days: list[date],
    practices: list[str],
    rng: random.Random,
) -> None:
    weeks = [day for day in days if day.weekday() == 5]
    plans = Plan.objects.bulk_create(
        [
            Plan(
                relationship=relationship,
                practice_key=practices[n % len(practices)],
                planned_by=members[n % len(members)],
                starts_at=at(day, 18),
                created_at=at(day - timedelta(days=2), 12),
            )
            for n, day in enumerate(weeks)
        ],
        batch_size=BATCH,
    )
    Reflection.objects.bulk_create(
        [
            Reflection(
                member=member,
                practice_key=plan.practice_key,
                plan=plan,
                done_on=plan.starts_at.date(),
                closeness=rng.randint(3, 7),
                note="We laughed more than we expected to." if rng.random() < 0.3 else "",
                shared=rng.random() < 0.5,
                created_at=plan.starts_at + timedelta(hours=2),
            )
            for plan in plans
            for member in members
            if rng.random() < 0.8
        ],
        batch_size=BATCH,
    )
    mondays = [day for day in days if day.weekday() == 0 and rng.random() < 0.7]
    reviews = WeeklyReview.objects.bulk_create(
        [
            WeeklyReview(
                relationship=relationship, week_of=day, created_at=at(day + timedelta(days=6), 20)
            )
            for day in mondays
        ],
        batch_size=BATCH,
    )
    ReviewContribution.objects.bulk_create(
        [
            ReviewContribution(
                review=review,
                member=member,
                went_well="We made time for each other on Sunday.",
                work_on="Putting phones away at dinner.",
                created_at=review.created_at,
                updated_at=review.created_at,
            )
            for review in reviews
            for member in members
        ],
        batch_size=BATCH,
    )
