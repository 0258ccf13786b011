"""Plans, reflections and the calendar address. What others shared reaches the export through
the same selectors the pages read, so sharing and membership in time hold there too."""

from hearth.personal_data import Erasure, Person, Tables, declare, own_and_shared
from hearth.practices.models import CalendarFeed, Plan, Reflection
from hearth.practices.selectors import plans_visible_to, practice_title, reflections_visible_to


def plans(person: Person) -> Tables:
    details = ("relationship", "planned_by__user")
    rows = own_and_shared(person, PLANS.rows(person), plans_visible_to, details)
    return {
        "plans": [
            {
                "relationship": p.relationship.name,
                "practice": practice_title(p.practice_key),
                "planned_by": "me" if person.is_me(p.planned_by_id) else p.planned_by.display_name,
                "starts_at": p.starts_at.isoformat(),
                "note": p.note,
                "cancelled_at": p.cancelled_at.isoformat() if p.cancelled_at else None,
            }
            for p in rows
        ]
    }


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
    details = ("member__relationship", "member__user")
    rows = own_and_shared(person, REFLECTIONS.rows(person), reflections_visible_to, details)
    return {
        "reflections": [
            {
                "relationship": r.member.relationship.name,
                "author": "me" if person.is_me(r.member_id) else r.member.display_name,
                "practice": practice_title(r.practice_key),
                "done_on": r.done_on.isoformat(),
                "closeness": r.closeness,
                "note": r.note,
                "shared": r.shared,
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
