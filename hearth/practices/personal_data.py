"""Plans, reflections and the calendar address. What others shared reaches the export through
the same selectors the pages read, so sharing and membership in time hold there too."""

from collections.abc import Callable
from functools import cache

from hearth.personal_data import Erasure, Person, Tables, declare, own_and_shared
from hearth.practices.models import CalendarFeed, Plan, Reflection
from hearth.practices.selectors import plans_visible_to, practice_title, reflections_visible_to


def plans(person: Person) -> Tables:
    fields = (
        "pk",
        "relationship_id",
        "practice_key",
        "planned_by_id",
        "starts_at",
        "note",
        "cancelled_at",
    )
    rows = own_and_shared(person, PLANS.rows(person), plans_visible_to, fields)
    titles = practice_titles()
    return {
        "plans": [
            {
                "relationship": person.relationship_name(p["relationship_id"]),
                "practice": titles(p["practice_key"]),
                "planned_by": person.name_for(p["planned_by_id"]),
                "starts_at": p["starts_at"].isoformat(),
                "note": p["note"],
                "cancelled_at": p["cancelled_at"].isoformat() if p["cancelled_at"] else None,
            }
            for p in rows
        ]
    }


def practice_titles() -> Callable[[str], str]:
    """Each practice's title, looked up once for one export."""
    return cache(practice_title)


def remove_plan_notes(person: Person) -> None:
    PLANS.rows(person).update(note="")


PLANS = declare(
    Plan,
    what="Practices you planned, with their notes; the plans others made while you belonged",
    owner="planned_by",
    erasure=Erasure.ANONYMISED,
    kept="a plan stays on the relationship's calendar, naming a former member; your note is erased",
    tables=("plans",),
    export=plans,
    erase=remove_plan_notes,
)


def reflections(person: Person) -> Tables:
    fields = (
        "pk",
        "member__relationship_id",
        "member_id",
        "practice_key",
        "done_on",
        "closeness",
        "note",
        "shared",
    )
    rows = own_and_shared(person, REFLECTIONS.rows(person), reflections_visible_to, fields)
    titles = practice_titles()
    return {
        "reflections": [
            {
                "relationship": person.relationship_name(r["member__relationship_id"]),
                "author": person.name_for(r["member_id"]),
                "practice": titles(r["practice_key"]),
                "done_on": r["done_on"].isoformat(),
                "closeness": r["closeness"],
                "note": r["note"],
                "shared": r["shared"],
            }
            for r in rows
        ]
    }


REFLECTIONS = declare(
    Reflection,
    what="Your reflections after practices (closeness and note); others' that they shared",
    owner="member",
    erasure=Erasure.DELETED,
    tables=("reflections",),
    export=reflections,
)

declare(
    CalendarFeed,
    what="Your private calendar address for planned practices",
    owner="user",
    erasure=Erasure.WITH_ACCOUNT,
    table="calendar_feed",
    fields={"made_at": "created_at", "last_read_at": "last_read_at"},
    not_exported="the address itself: a secret, like a password",
)
