"""A realistic population to load: many relationships of every kind with weeks or months of
history, one with ten years, and the sign-ins the load clients use (a session for pages, a
personal API token for the API), written to a JSON file the load and durability runs read."""

import random
import time
from dataclasses import asdict, dataclass, field
from datetime import timedelta

from django.test import Client

from hearth.accounts.models import User
from hearth.accounts.services import api_token_create
from hearth.demo.years import build_years, first_joined
from hearth.questions.models import Prompt, Question
from hearth.questions.selection import relationship_today
from hearth.questions.services import prompt_of_the_day
from hearth.relationships.models import Member, Relationship

KINDS = ["romantic", "friendship", "family", "romantic", "friendship"]
LONG_DAYS = 3650


@dataclass
class LoadClient:
    """What one load client signs in with and reads."""

    email: str
    session: str
    token: str
    relationship: int
    prompt: int
    prompt_choices: int  # today's question's choices: an answer picks one when it has some


@dataclass
class Writer:
    """A durability writer: its own person and relationship, and questions it may answer."""

    email: str
    token: str
    relationship: int
    prompts: list[int]


@dataclass
class Population:
    relationships: int
    people: int
    long_history_days: int
    seconds_to_build: float
    clients: list[LoadClient] = field(default_factory=list)
    writers: list[Writer] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def person(label: str) -> User:
    return User.objects.create_user(
        email=f"{label}@bench.example", password=None, display_name=label.replace("-", " ").title()
    )


def relationship_of(
    label: str, kind: str, size: int, days: int, rng: random.Random
) -> Relationship:
    relationship = Relationship.objects.create(name=label.title(), kind=kind)
    joined = first_joined(days, relationship_today(relationship))
    for n in range(size):
        Member.objects.create(
            relationship=relationship, user=person(f"{label}-{n}"), joined_at=joined
        )
    build_years(relationship, days, seed=rng.randrange(1_000_000))
    return relationship


def signed_in(user: User) -> tuple[str, str]:
    """A session cookie and a personal API token for the person."""
    browser = Client()
    browser.force_login(user)
    _, token = api_token_create(user=user, name="load")
    return browser.cookies["sessionid"].value, token


def load_client(relationship: Relationship) -> LoadClient:
    member = relationship.memberships.select_related("user").order_by("pk").first()
    assert member is not None
    session, token = signed_in(member.user)
    prompt = prompt_of_the_day(relationship)
    assert prompt is not None
    return LoadClient(
        member.user.email, session, token, relationship.pk, prompt.pk, len(prompt.question.choices)
    )


def writer(n: int, prompts: int) -> Writer:
    """A person with a relationship of two and `prompts` earlier questions nobody answered yet,
    so every write lands in a row of its own."""
    relationship = Relationship.objects.create(name=f"Writers {n}", kind="friendship")
    today = relationship_today(relationship)
    joined = first_joined(prompts, today)
    members = [
        Member.objects.create(
            relationship=relationship, user=person(f"writer-{n}-{k}"), joined_at=joined
        )
        for k in (0, 1)
    ]
    open_ones = Question.objects.filter(relationship=None, retired=False, is_sexual=False)
    questions = [q for q in open_ones if not q.choices][:prompts]
    made = Prompt.objects.bulk_create(
        Prompt(relationship=relationship, question=q, date=today - timedelta(days=k + 1))
        for k, q in enumerate(questions)
    )
    _, token = api_token_create(user=members[0].user, name="durability")
    return Writer(members[0].user.email, token, relationship.pk, [p.pk for p in made])


def populate(
    *, relationships: int = 1000, clients: int = 50, writers: int = 16, seed: int = 12
) -> Population:
    started = time.monotonic()
    rng = random.Random(seed)
    long = relationship_of("decade", "romantic", 2, LONG_DAYS, rng)
    made = [long]
    for n in range(relationships - 1):
        size = rng.choice([2, 2, 2, 2, 3, 4])
        kind = KINDS[n % len(KINDS)]
        made.append(relationship_of(f"circle-{n}", kind, size, rng.randint(14, 120), rng))
    population = Population(
        relationships=len(made),
        people=User.objects.filter(email__endswith="@bench.example").count(),
        long_history_days=LONG_DAYS,
        seconds_to_build=0.0,
    )
    population.clients = [load_client(r) for r in made[:clients]]
    population.writers = [writer(n, 400) for n in range(writers)]
    population.seconds_to_build = round(time.monotonic() - started, 1)
    return population
