"""Everything a member's insights are computed from, reduced to one short digest.

The insights are kept in the cache with this digest and used again only while it stays the
same, so it changes whenever anything they read changes, and differs between any two viewers
who may see differently. It holds who is looking (their place, when they joined and left,
their language, zone and day), the code that computes, and for every table the insights read:
how many rows are within reach of this viewer, the newest id (ids are never reused, so any row
added or removed changes the count or the newest id) and the newest change stamp where rows
change in place. Reflections change in place without a stamp (a plan's reflection is
replaced), so theirs are read as they stand, a few short words a week. One query, whatever
the history."""

import hashlib
from datetime import date
from importlib.metadata import version
from pathlib import Path

from django.db import connection
from django.db.models import Model
from django.utils import translation

from hearth.assessments.models import Assessment
from hearth.checkins.models import CheckIn, RelationshipCheckIn
from hearth.gratitude.models import Appreciation, GratitudeEntry
from hearth.practices.models import Reflection
from hearth.questions.models import Answer, Prompt, Response
from hearth.relationships.models import Member

HERE = Path(__file__).resolve().parent
# The code, words and libraries that decide what the insights say: a change to any of them
# makes every kept insight stale.
COMPUTED_BY = ("dashboard.py", "statistics.py", "charts.py", "fingerprint.py", "selectors.py")
LIBRARIES = ("django", "numpy", "scipy", "statsmodels")


def code_version() -> str:
    digest = hashlib.blake2b(digest_size=8)
    words = sorted(HERE.glob("locale/*/LC_MESSAGES/*.mo"))
    for path in [*(HERE / name for name in COMPUTED_BY), *words]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for library in LIBRARIES:
        digest.update(f"{library}={version(library)}".encode())
    return digest.hexdigest()


CODE_VERSION = code_version()


def table(model: type[Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def summary(
    name: str, model: type[Model], where: str, changed: str = "NULL", listed: str = "NULL"
) -> str:
    """One table in one row: its name, how many rows, the newest id, the newest change stamp
    and every row listed, where asked."""
    return (
        f"SELECT '{name}', COUNT(*), MAX(t.id), {changed}, {listed} "  # noqa: S608 - our own names
        f"FROM {table(model)} t {where}"
    )


def every(expression: str) -> str:
    """Every row's value, joined by commas in no set order."""
    joined = "STRING_AGG" if connection.vendor == "postgresql" else "GROUP_CONCAT"
    return f"{joined}({expression}, ',')"


def summaries_sql() -> str:
    """Every table the insights read, within reach of the viewer. Written out: composing it
    through the ORM took longer than the database takes to answer it."""
    of_member = "WHERE t.member_id = %(member)s"
    of_relationship = "WHERE t.relationship_id = %(relationship)s"
    return " UNION ALL ".join(
        [
            # Saving a check-in stamps it, its part for each relationship included.
            summary("checkins", CheckIn, "WHERE t.user_id = %(user)s", "MAX(t.updated_at)"),
            summary("checkin_relationships", RelationshipCheckIn, of_member),
            # A prompt is revealed once; answered together counts only revealed ones.
            summary(
                "revealed_prompts",
                Prompt,
                f"{of_relationship} AND t.revealed_at IS NOT NULL",
                "MAX(t.revealed_at)",
            ),
            summary("answers", Answer, of_member),
            summary("responses", Response, of_member),
            summary("appreciations", Appreciation, of_relationship),
            summary("gratitude", GratitudeEntry, of_member),
            summary("assessments", Assessment, of_member),
            # What each member may see starts and ends with their place; a place is left once.
            summary("members", Member, of_relationship, "MAX(t.left_at)"),
            # A plan's reflection is replaced in place, unstamped: its rows are read as they are.
            summary(
                "reflections",
                Reflection,
                f"JOIN {table(Member)} m ON m.id = t.member_id "
                "WHERE m.relationship_id = %(relationship)s",
                listed=every(
                    "CAST(t.id AS TEXT) || ':' || CAST(t.done_on AS TEXT) || ':' "
                    "|| CAST(t.shared AS TEXT)"
                ),
            ),
        ]
    )


def tables_now(member: Member) -> list[tuple[object, ...]]:
    """Every table's summary, from one query."""
    asked = {"user": member.user_id, "member": member.pk, "relationship": member.relationship_id}
    with connection.cursor() as cursor:
        cursor.execute(summaries_sql(), asked)
        found = cursor.fetchall()
    # A list comes in whatever order the database chose: sorted, the same rows read alike.
    return sorted(
        (name, rows, newest, str(changed), sorted((each or "").split(",")))
        for name, rows, newest, changed, each in found
    )


def insights_fingerprint(member: Member, today: date) -> str:
    """What this member's insights are computed from as it stands now, in a short digest."""
    user = member.user
    viewer = (
        CODE_VERSION,
        translation.get_language(),
        today,
        user.time_zone if user else "UTC",
        member.pk,
        member.user_id,
        member.relationship_id,
        member.joined_at,
        member.left_at,
    )
    return hashlib.blake2b(repr((viewer, tables_now(member))).encode(), digest_size=20).hexdigest()
