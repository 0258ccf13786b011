"""90 days of daily questions for the demo: answered, shared, responded to and rated."""

import random
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.db.models import QuerySet

from hearth.questions.models import Answer, Guess, Prompt, Response, ResponseKind
from hearth.questions.selection import relationship_today
from hearth.questions.services import prompt_of_the_day
from hearth.relationships.models import Member, Relationship

if TYPE_CHECKING:
    from hearth.demo.world import DemoWorld

# Written for the demo: short, ordinary answers that could follow many questions.
SAMPLE_ANSWERS = [
    "The first thing that comes to mind is the slow breakfast we had on the balcony. "
    "Nothing special happened, and that was the point.",
    "Honestly, I'm still figuring this one out. Asking it out loud helps.",
    "When I was little I thought grown-ups had it all worked out. Now I think we mostly "
    "just keep showing up for each other.",
    "Probably the way you listen without trying to fix things straight away.",
    "I'd like more quiet evenings where our phones stay in the other room.",
    "A walk by the water, no plan, and something warm to drink afterwards.",
    "It took me years to say this, but I get scared when people go quiet on me.",
    "I felt really proud of myself this week, and I didn't tell anyone until now.",
    "The smell of bread baking. It takes me straight back to my grandmother's kitchen.",
    "I want us to keep choosing each other on the ordinary days, not just the big ones.",
    "Being believed the first time I say something is hard for me. That's what I need.",
    "Laughing until I couldn't breathe at that terrible film. I still think about it.",
    "Learning to ask for help. I'm better at it than I was, but not good yet.",
    "That trip when everything went wrong and we still had the best time.",
    "Some days I carry more than I let on. Saying so here feels like a small relief.",
    "I'm grateful you remembered the little thing I mentioned weeks ago.",
    "Making something with my hands. It's when my head finally goes quiet.",
    "I'd like to visit the place my family comes from, and take you with me.",
    "Trust, for me, is built in tiny moments: being on time, calling back, keeping a secret.",
    "When I'm stressed I go inward. It isn't about you, and I'm working on saying that.",
]
SAMPLE_REPLIES = [
    "I didn't know that. Thank you for telling me.",
    "That made me smile. Can we do that again soon?",
    "I feel the same way, more than I usually say.",
    "I'd love to hear more about this over dinner.",
    "That means a lot. I'm glad you wrote it down.",
]
REACTIONS = [k for k in ResponseKind.values if k != ResponseKind.REPLY]


def members_on(relationship: Relationship, day_start: datetime) -> list[Member]:
    members: QuerySet[Member] = relationship.memberships.filter(joined_at__lte=day_start)
    return [m for m in members if m.left_at is None or m.left_at > day_start]


def build_question_history(world: "DemoWorld", days: int = 90) -> None:
    rng = random.Random(2026)  # noqa: S311 - demo data, not secrets
    for key, relationship in world.relationships.items():
        if relationship.archived_at is not None:
            continue
        eagerness = {"couple": 0.88, "crew": 0.7, "family": 0.8}.get(key, 0.75)
        local_today = relationship_today(relationship)
        for back in range(days, -1, -1):
            moment = world.days_ago(back, hour=20)
            present = members_on(relationship, moment)
            if len(present) < 2:
                continue
            prompt = prompt_of_the_day(relationship, local_today - timedelta(days=back))
            if prompt is None:
                continue
            Prompt.objects.filter(pk=prompt.pk).update(created_at=world.days_ago(back, hour=7))
            if back == 0:
                # Today: one has answered, the other hasn't yet, so the demo shows the wait.
                add_answer(prompt, present[0], rng, moment)
                continue
            answering = [m for m in present if rng.random() < eagerness]
            answers = [add_answer(prompt, m, rng, moment) for m in answering]
            if len(answering) == len(present):
                Prompt.objects.filter(pk=prompt.pk).update(revealed_at=moment + timedelta(hours=1))
                respond(answers, rng, moment)


def add_answer(prompt: Prompt, member: Member, rng: random.Random, moment: datetime) -> Answer:
    options = prompt.question.choices
    choice = rng.randrange(len(options)) if options else None
    text = "" if options and rng.random() < 0.5 else rng.choice(SAMPLE_ANSWERS)
    if options and not text and choice is None:
        choice = 0
    return Answer.objects.create(
        prompt=prompt,
        member=member,
        text=text,
        choice=choice,
        created_at=moment,
        updated_at=moment,
    )


def plausible_guess(answer: Answer, rng: random.Random) -> int:
    """Right a bit more often than chance, as people who know each other are."""
    options = len(answer.prompt.question.choices)
    return rng.choice([answer.choice or 0, rng.randrange(options)])


def respond(answers: list[Answer], rng: random.Random, moment: datetime) -> None:
    later = moment + timedelta(hours=2)
    for answer in answers:
        others = [a.member for a in answers if a.pk != answer.pk]
        responded = False
        for other in others:
            if rng.random() < 0.7:
                Response.objects.create(
                    answer=answer, member=other, kind=rng.choice(REACTIONS), created_at=later
                )
                responded = True
            if rng.random() < 0.25:
                Response.objects.create(
                    answer=answer,
                    member=other,
                    kind=ResponseKind.REPLY,
                    text=rng.choice(SAMPLE_REPLIES),
                    created_at=later,
                )
                responded = True
            if answer.prompt.question.choices and rng.random() < 0.5:
                Guess.objects.create(
                    prompt=answer.prompt,
                    guesser=other,
                    about=answer.member,
                    choice=rng.choice(
                        [answer.choice or 0, rng.randrange(len(answer.prompt.question.choices))]
                    ),
                    created_at=moment,
                )
        if rng.random() < 0.8:
            base = 5 if responded else 3
            answer.felt_understood = min(7, base + rng.choice([0, 1, 1, 2]))
            answer.rated_at = later
            answer.save(update_fields=["felt_understood", "rated_at"])
