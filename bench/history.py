"""How reads grow with history: each page and API read timed in one process through Django's
test client, for a relationship with a month of history and one with ten years, beside the bare
view behind the same middleware. Medians of ten requests after one to warm up; the queries of
one request counted."""

import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass

from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hearth.accounts.models import User
from hearth.checkins.models import CheckIn
from hearth.demo.years import build_years, first_joined
from hearth.questions.models import Prompt
from hearth.questions.selection import relationship_today
from hearth.questions.services import prompt_of_the_day
from hearth.relationships.models import Member, Relationship

REPEATS = 10
SHORT, LONG = 30, 3650

# Each read: a name, how hard a goal it has (a multiple of the bare view), and its address.
Address = Callable[[Relationship], str]


@dataclass(frozen=True)
class Read:
    name: str
    goal: float
    address: Address


def r(name: str) -> Address:
    return lambda relationship: reverse(name, args=[relationship.pk])


def api(path: str) -> Address:
    return lambda relationship: f"/api/relationships/{relationship.pk}{path}"


def todays_prompt_address(relationship: Relationship) -> str:
    prompt = prompt_of_the_day(relationship)
    assert prompt is not None
    return reverse("questions:prompt", args=[relationship.pk, prompt.pk])


READS = [
    Read("Today page", 5, r("questions:today")),
    Read("Today's question", 5, todays_prompt_address),
    Read("Check-in page", 5, lambda _: reverse("checkins:checkin")),
    Read("Journal page", 10, r("questions:journal")),
    Read(
        "Journal search ?q=thank",
        20,
        lambda rel: reverse("questions:journal", args=[rel.pk]) + "?q=thank",
    ),
    Read("Us / insights page", 20, r("insights:dashboard")),
    Read("Practices page", 10, r("practices:library")),
    Read("Gratitude page", 10, r("gratitude:page")),
    Read("Weekly review page", 10, r("reviews:week")),
    Read("Settings page", 10, lambda _: reverse("accounts:profile")),
    Read("API today", 5, api("/today")),
    Read("API journal", 10, api("/journal")),
    Read("API journal search ?q=thank", 20, api("/journal?q=thank")),
    Read("API insights", 20, lambda rel: f"/api/relationships/{rel.pk}/insights"),
    Read("API check-ins", 10, lambda _: "/api/checkins"),
    Read("API recommendations", 10, lambda rel: f"/api/relationships/{rel.pk}/recommendations"),
    Read("API export", 10, lambda _: "/api/me/export"),
]


@dataclass
class Timing:
    median_ms: float
    queries: int
    status: int


@dataclass
class ScalingRow:
    name: str
    goal: float
    short: Timing
    long: Timing

    def as_dict(self, bare_ms: float) -> dict[str, object]:
        return {
            **asdict(self),
            "short_ratio": round(self.short.median_ms / bare_ms, 1),
            "long_ratio": round(self.long.median_ms / bare_ms, 1),
            "queries_flat": self.short.queries == self.long.queries,
            "goal_met": self.long.median_ms / bare_ms <= self.goal,
        }


def timed(client: Client, url: str) -> Timing:
    client.get(url)  # warm up
    # Django empties the query log as each request starts; start the count from empty too.
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        status = client.get(url).status_code
    count = len(queries)  # read now: the next request empties the log the count reads
    spans = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        client.get(url)
        spans.append(time.perf_counter() - started)
    return Timing(round(statistics.median(spans) * 1000, 2), count, status)


def relationship_with_history(days: int, label: str) -> tuple[Relationship, User]:
    """A couple (two people) of their own, with `days` of history ending yesterday."""
    people = [
        User.objects.create_user(
            email=f"{label}-{n}@bench.example", password=None, display_name=f"{label} {n}"
        )
        for n in (1, 2)
    ]
    relationship = Relationship.objects.create(name=f"{label} history", kind="romantic")
    joined = first_joined(days, relationship_today(relationship))
    for person in people:
        Member.objects.create(relationship=relationship, user=person, joined_at=joined)
    build_years(relationship, days)
    prompt_of_the_day(relationship)
    return relationship, people[0]


def measure_scaling() -> dict[str, object]:
    """The whole measure, on the database Django is configured for."""
    short, short_person = relationship_with_history(SHORT, "measured-month")
    long, long_person = relationship_with_history(LONG, "measured-decade")
    client = Client()
    client.force_login(short_person)
    bare = timed(client, "/bench/bare/")
    rows = []
    for read in READS:
        client.force_login(short_person)
        short_timing = timed(client, read.address(short))
        client.force_login(long_person)
        long_timing = timed(client, read.address(long))
        rows.append(ScalingRow(read.name, read.goal, short_timing, long_timing))
    bare_ms = bare.median_ms
    return {
        "bare_ms": bare_ms,
        "bare_queries": bare.queries,
        "history_days": {"short": SHORT, "long": LONG},
        "rows_in_long_history": {
            "prompts": Prompt.objects.filter(relationship=long).count(),
            "checkins": CheckIn.objects.filter(user=long_person).count(),
        },
        "reads": [row.as_dict(bare_ms) for row in rows],
    }
