"""What the load run asks for, each under a name the report uses. Pages sign in with a session
cookie, the API with a personal token, as people and their apps do."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

Who = dict[str, Any]  # one load client from the population file


@dataclass(frozen=True)
class Endpoint:
    name: str
    method: str
    path: Callable[[Who], str]
    api: bool = False
    body: Callable[[Who, int], dict[str, Any]] | None = None
    goal: float = 10.0  # the most it should cost, as a multiple of its yardstick
    write: bool = False


def r(suffix: str) -> Callable[[Who], str]:
    return lambda who: f"/r/{who['relationship']}/{suffix}"


def api(suffix: str) -> Callable[[Who], str]:
    return lambda who: f"/api/relationships/{who['relationship']}{suffix}"


def answer_body(who: Who, n: int) -> dict[str, Any]:
    choice = n % who["prompt_choices"] if who["prompt_choices"] else None
    return {"text": f"Load answer {n} from {who['email']}", "choice": choice}


def checkin_body(who: Who, n: int) -> dict[str, Any]:
    return {
        "mood": 1 + n % 5,
        "stress": 1 + (n // 5) % 5,
        "relationships": [{"relationship_id": who["relationship"], "closeness": 1 + n % 7}],
    }


BARE = Endpoint("bare view", "GET", lambda _: "/bench/bare/", goal=1)
BARE_INSERT = Endpoint(
    "bare insert", "POST", lambda _: "/bench/insert/", body=lambda _, n: {"note": str(n)}, goal=1
)
READS = [
    Endpoint("Today page", "GET", r("today/"), goal=5),
    Endpoint(
        "Today's question",
        "GET",
        lambda w: f"/r/{w['relationship']}/prompts/{w['prompt']}/",
        goal=5,
    ),
    Endpoint("Check-in page", "GET", lambda _: "/checkin/", goal=5),
    Endpoint("Journal page", "GET", r("journal/")),
    Endpoint("Journal search", "GET", r("journal/?q=thank"), goal=20),
    Endpoint("Us / insights page", "GET", lambda w: f"/r/{w['relationship']}/insights/", goal=20),
    Endpoint("Practices page", "GET", r("practices/")),
    Endpoint("Settings page", "GET", lambda _: "/settings/"),
    Endpoint("API today", "GET", api("/today"), api=True, goal=5),
    Endpoint("API journal", "GET", api("/journal"), api=True),
    Endpoint(
        "API insights",
        "GET",
        lambda w: f"/api/relationships/{w['relationship']}/insights",
        api=True,
        goal=20,
    ),
]
WRITES = [
    Endpoint(
        "Answer (API)",
        "PUT",
        lambda w: f"/api/relationships/{w['relationship']}/prompts/{w['prompt']}/answer",
        api=True,
        body=answer_body,
        write=True,
        goal=2,
    ),
    Endpoint(
        "Check-in (API)",
        "PUT",
        lambda _: f"/api/checkins/{date.today().isoformat()}",
        api=True,
        body=checkin_body,
        write=True,
        goal=2,
    ),
]
EVERY = [BARE, BARE_INSERT, *READS, *WRITES]
BY_NAME = {e.name: e for e in EVERY}
