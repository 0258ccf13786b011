"""A person with years of history in every kind of data, for measuring how the export grows.

Three places: a couple and a family sharing daily history (hearth/demo/years.py), where a
family member has since deleted their account, and a group of friends the person has since
left. On top of the daily history, years of what the demo leaves out: questions they wrote,
decks, profiles, nudges, notifications (reminders naming several relationships among them),
sign-ins, and reminders set."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from hearth.accounts.models import User
from hearth.accounts.tests.factories import UserFactory
from hearth.activity.models import Activity
from hearth.assessments.models import Assessment
from hearth.demo.years import build_years, first_joined
from hearth.notifications.models import Notification
from hearth.privacy.deletion import account_delete
from hearth.questions.models import Prompt, Question, Sitting
from hearth.questions.selection import relationship_today
from hearth.relationships.models import Member, Relationship
from hearth.relationships.tests.factories import RelationshipFactory
from hearth.reminders.models import CheckInReminder, Nudge, QuestionReminder


def person_with_history(days: int, label: str) -> User:
    """Someone with `days` of history (ending yesterday) in each of their three places."""
    person = UserFactory.create(display_name=f"{label} person")
    place(days, f"{label} couple", "romantic", [person, UserFactory.create()])
    family = place(days, f"{label} family", "family", [person, *UserFactory.create_batch(2)])
    friends = place(days, f"{label} friends", "friendship", [person, UserFactory.create()])
    gone = family.memberships.exclude(user=person).first()
    assert gone is not None and gone.user is not None
    account_delete(user=gone.user)
    left = friends.memberships.get(user=person)
    left.left_at = timezone.now() - timedelta(days=days // 2)
    left.save(update_fields=["left_at"])
    mine = list(Member.objects.filter(user=person).select_related("relationship"))
    for member in mine:
        the_rest_of_the_history(member, days)
    everywhere = ".".join(str(m.relationship_id) for m in mine)
    at_night = [at(day, 21) for day in past(days)]
    Notification.objects.bulk_create(
        Notification(
            recipient=person,
            kind=Notification.Kind.QUESTION_REMINDER,
            key=f"question_reminder:{moment.date().isoformat()}:{everywhere}",
            url="/reminders/today/",
            created_at=moment,
        )
        for moment in at_night
    )
    Activity.objects.bulk_create(
        Activity(user=person, kind=Activity.Kind.SIGNED_IN, created_at=moment)
        for moment in at_night
    )
    CheckInReminder.objects.create(user=person)
    return person


def place(days: int, name: str, kind: str, people: list[User]) -> Relationship:
    relationship = RelationshipFactory.create(name=name, kind=kind)
    joined = first_joined(days, relationship_today(relationship))
    for user in people:
        Member.objects.create(relationship=relationship, user=user, joined_at=joined)
    build_years(relationship, days)
    return relationship


def the_rest_of_the_history(member: Member, days: int) -> None:
    """A question written, a deck started and a profile taken each week; a nudge on every
    prompt; a notification of someone's turn every day."""
    relationship = member.relationship
    others = list(relationship.memberships.exclude(pk=member.pk))
    weeks = past(days)[::7]
    Question.objects.bulk_create(
        Question(
            relationship=relationship,
            author=member.user,
            text=f"What would you like to do on {day:%A %d %B}?",
            category="memories",
            depth=1,
            kinds=[relationship.kind],
            choices=["Walk", "Read"] if day.day % 2 else [],
            created_at=at(day, 10),
        )
        for day in weeks
    )
    Sitting.objects.bulk_create(
        Sitting(
            relationship=relationship,
            deck="first-dates",
            question_keys=[],
            started_by=member,
            started_at=at(day, 20),
        )
        for day in weeks
    )
    Assessment.objects.bulk_create(
        Assessment(
            member=member,
            taken_at=at(day, 9),
            answers={"trust-1": 5, "play-1": 3},
            scores={"trust": 66, "play": 33},
            shared=day.day % 2 == 0,
        )
        for day in weeks
    )
    prompts = Prompt.objects.filter(relationship=relationship, sitting__isnull=True)
    Nudge.objects.bulk_create(
        Nudge(prompt=prompt, to=others[n % len(others)], by=member, created_at=at(prompt.date, 18))
        for n, prompt in enumerate(prompts)
    )
    Notification.objects.bulk_create(
        Notification(
            recipient=member.user,
            relationship=relationship,
            actor=others[n % len(others)],
            kind=Notification.Kind.YOUR_TURN,
            key=f"your_turn:{relationship.pk}:{day.isoformat()}",
            url="/",
            created_at=at(day, 20),
            read_at=at(day, 21) if n % 3 else None,
        )
        for n, day in enumerate(past(days))
    )
    QuestionReminder.objects.create(member=member)


def past(days: int) -> list[date]:
    today = timezone.localdate()
    return [today - timedelta(days=back) for back in range(days, 0, -1)]


def at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))
