"""A small living world for newcomers: people, relationships and 90 days of history.

Each domain adds its own history here as it grows (answers, check-ins, practices…), so the
demo always shows the whole product.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from hearth.accounts.models import User
from hearth.checkins.demo import build_checkin_history
from hearth.gratitude.demo import build_gratitude_history
from hearth.notifications.demo import build_notification_history
from hearth.practices.demo import build_practice_history
from hearth.questions.demo import build_question_history
from hearth.relationships.models import Invitation, Member, Relationship
from hearth.reminders.demo import build_reminder_history
from hearth.reviews.demo import build_review_history

DEMO_PASSWORD = "together-at-home"  # noqa: S105 - published in the README on purpose
DEMO_DOMAIN = "example.com"

PEOPLE = [
    # email name, display name, pronouns, time zone
    ("alex", "Alex", "they/them", "Europe/Lisbon"),
    ("sam", "Sam", "she/her", "Europe/Lisbon"),
    ("jordan", "Jordan", "he/him", "Europe/Madrid"),
    ("riley", "Riley", "", "America/New_York"),
    ("morgan", "Morgan", "she/her", "Europe/Lisbon"),
]


@dataclass
class DemoWorld:
    today: datetime
    people: dict[str, User] = field(default_factory=dict)
    relationships: dict[str, Relationship] = field(default_factory=dict)

    def days_ago(self, days: int, hour: int = 19) -> datetime:
        return (self.today - timedelta(days=days)).replace(
            hour=hour, minute=0, second=0, microsecond=0
        )


def demo_people_exist() -> bool:
    return User.objects.filter(email=f"alex@{DEMO_DOMAIN}").exists()


def demo_remove() -> None:
    """Delete the demo people and every relationship only they were in."""
    emails = [f"{key}@{DEMO_DOMAIN}" for key, *_ in PEOPLE]
    Relationship.objects.filter(memberships__user__email__in=emails).exclude(
        memberships__user__in=User.objects.exclude(email__in=emails)
    ).delete()
    User.objects.filter(email__in=emails).delete()


def invite_and_join(
    world: DemoWorld, relationship: Relationship, inviter: User, person: User, days_ago: int
) -> Member:
    sent = world.days_ago(days_ago, hour=12)
    joined = sent + timedelta(hours=5)
    Invitation.objects.create(
        relationship=relationship,
        created_by=inviter,
        created_at=sent,
        expires_at=sent + timedelta(days=7),
        accepted_at=joined,
        accepted_by=person,
    )
    return Member.objects.create(relationship=relationship, user=person, joined_at=joined)


def start(world: DemoWorld, key: str, founder: User, days_ago: int, **fields: str) -> Relationship:
    created = world.days_ago(days_ago, hour=11)
    relationship = Relationship.objects.create(created_at=created, **fields)
    Member.objects.create(relationship=relationship, user=founder, joined_at=created)
    world.relationships[key] = relationship
    return relationship


def build_people(world: DemoWorld) -> None:
    for key, name, pronouns, zone in PEOPLE:
        user = User.objects.create_user(
            email=f"{key}@{DEMO_DOMAIN}",
            password=DEMO_PASSWORD,
            display_name=name,
            pronouns=pronouns,
            time_zone=zone,
            confirmed_adult_at=world.days_ago(95),
        )
        User.objects.filter(pk=user.pk).update(date_joined=world.days_ago(95))
        world.people[key] = user


def build_relationships(world: DemoWorld) -> None:
    p = world.people
    couple = start(
        world,
        "couple",
        p["alex"],
        92,
        name="Alex & Sam",
        kind="romantic",
        phase="committed",
        time_zone="Europe/Lisbon",
    )
    invite_and_join(world, couple, p["alex"], p["sam"], 91)

    crew = start(
        world,
        "crew",
        p["jordan"],
        88,
        name="Thursday climbers",
        kind="friendship",
        phase="deepening",
        time_zone="Europe/Madrid",
    )
    invite_and_join(world, crew, p["jordan"], p["alex"], 87)
    invite_and_join(world, crew, p["alex"], p["riley"], 41)
    Invitation.objects.create(
        relationship=crew,
        created_by=p["jordan"],
        created_at=world.days_ago(20),
        expires_at=world.days_ago(13),
    )

    family = start(
        world,
        "family",
        p["sam"],
        80,
        name="Sam & Morgan (sisters)",
        kind="family",
        phase="reconnecting",
        time_zone="Europe/Lisbon",
    )
    invite_and_join(world, family, p["sam"], p["morgan"], 79)
    Invitation.objects.create(relationship=family, created_by=p["morgan"])

    book_club = start(
        world,
        "book_club",
        p["riley"],
        70,
        name="Slow readers",
        kind="friendship",
        phase="new",
        time_zone="America/New_York",
    )
    morgan = invite_and_join(world, book_club, p["riley"], p["morgan"], 69)
    Member.objects.filter(pk=morgan.pk).update(left_at=world.days_ago(30))
    Relationship.objects.filter(pk=book_club.pk).update(archived_at=world.days_ago(30))


# Every domain's history, in order. Later domains add their builders here.
STEPS = [
    build_people,
    build_relationships,
    build_question_history,
    build_checkin_history,
    build_practice_history,
    build_gratitude_history,
    build_review_history,
    build_notification_history,
    build_reminder_history,
]


@transaction.atomic
def demo_build(*, today: datetime | None = None) -> DemoWorld:
    world = DemoWorld(today=today or timezone.now())
    for step in STEPS:
        step(world)
    return world
