"""A person's export reads their whole history in the same few queries, however long it is, and
writes it the same way as ever."""

import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import given
from hypothesis import settings as examples
from hypothesis import strategies as st

from hearth.notifications.models import Notification
from hearth.notifications.selectors import headline
from hearth.privacy.deletion import account_delete
from hearth.privacy.export import export_data, to_json
from hearth.privacy.tests.history import person_with_history
from hearth.relationships.models import Member
from hearth.relationships.tests.factories import RelationshipFactory, add_member

pytestmark = pytest.mark.django_db


def exported(client, person) -> tuple[int, dict]:
    client.force_login(person)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/me/export")
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        return len(queries), json.loads(archive.read("data.json"))


def test_ten_years_export_in_as_many_queries_as_a_month(client):
    """GIVEN a month of history in every kind of data, and ten years of it, each across a
    couple, a family where someone has since deleted their account and friends the person left
    WHEN each person downloads their export
    THEN both take the same number of queries, and the ten years are all there."""
    month, decade = person_with_history(30, "month"), person_with_history(3650, "decade")
    queries_month, _ = exported(client, month)
    queries_decade, data = exported(client, decade)

    assert queries_month == queries_decade
    assert len(data["my_answers"]) > 3 * 3000
    assert len(data["answers_shared_with_me"]) > 3000
    assert len(data["notifications"]) >= 4 * 3650
    assert "A former member" in {a["author"] for a in data["answers_shared_with_me"]}
    for table in ("responses", "gratitude_log", "weekly_reviews", "plans", "reflections"):
        assert {row["relationship"] for row in data[table]} == {
            "decade couple",
            "decade family",
            "decade friends",
        }, table
    for table in ("my_questions", "decks_started", "profiles", "nudges"):
        assert len(data[table]) > 3 * 500, table
    for table in ("my_guesses", "activity", "checkins", "checkin_relationships", "appreciations"):
        assert len(data[table]) > 500, table


def test_what_each_notification_said_is_exported_as_the_notification_list_says_it(alice, bob):
    """GIVEN notifications of many kinds, several from the same person, and reminders naming
    several relationships (one of them since left), from someone whose account is gone
    WHEN alice exports her data
    THEN each notification reads as it does in her notifications, newest first."""
    ours, family, book_club = (RelationshipFactory.create() for _ in range(3))
    for relationship in (ours, family, book_club):
        add_member(relationship, alice)
        add_member(relationship, bob)
    bobs = {m.relationship_id: m for m in Member.objects.filter(user=bob)}
    left = Member.objects.get(user=alice, relationship=book_club)
    left.left_at = timezone.now()
    left.save(update_fields=["left_at"])
    both, with_the_club = f"{ours.pk}.{family.pk}", f"{family.pk}.{book_club.pk}"
    told = [
        (Notification.Kind.YOUR_TURN, ours, bobs[ours.pk], "turn-1"),
        (Notification.Kind.YOUR_TURN, ours, bobs[ours.pk], "turn-2"),
        (Notification.Kind.YOUR_TURN, family, bobs[family.pk], "turn-3"),
        (Notification.Kind.APPRECIATION, ours, bobs[ours.pk], "thanks-1"),
        (Notification.Kind.QUESTION_REMINDER, None, None, f"question_reminder:2026-01-01:{both}"),
        (Notification.Kind.QUESTION_REMINDER, None, None, f"question_reminder:2026-01-02:{both}"),
        (
            Notification.Kind.QUESTION_REMINDER,
            None,
            None,
            f"question_reminder:2026-01-03:{with_the_club}",
        ),
        (
            Notification.Kind.QUESTION_REMINDER,
            ours,
            None,
            f"question_reminder:2026-01-04:{ours.pk}",
        ),
        (Notification.Kind.CHECKIN_REMINDER, None, None, "checkin_reminder:2026-01-05"),
        (Notification.Kind.JOINED, family, None, "joined-1"),
    ]
    start = timezone.now() - timedelta(days=30)
    Notification.objects.bulk_create(
        Notification(
            recipient=alice,
            kind=kind,
            relationship=relationship,
            actor=actor,
            key=key,
            url="/",
            created_at=start + timedelta(days=n),
        )
        for n, (kind, relationship, actor, key) in enumerate(told)
    )
    account_delete(user=bob)

    said = [n["said"] for n in export_data(alice)["notifications"]]

    in_her_list = Notification.objects.filter(recipient=alice).select_related(
        "actor__user", "relationship"
    )
    assert said == [headline(n) for n in in_her_list]
    assert f"Today's questions in {family.name} are here, whenever you're ready." in said
    assert "A former member sent you a thank-you." in said


documents = st.dictionaries(
    st.text(max_size=8),
    st.one_of(
        st.integers(),
        st.text(),
        st.lists(
            st.one_of(
                st.dictionaries(
                    st.text(max_size=8),
                    st.one_of(
                        st.none(),
                        st.booleans(),
                        st.integers(),
                        st.floats(allow_nan=False),
                        st.text(),
                        st.lists(st.text(), max_size=3),
                        st.dictionaries(st.text(max_size=4), st.integers(), max_size=3),
                    ),
                    max_size=6,
                ),
                st.integers(),
            ),
            max_size=5,
        ),
    ),
    max_size=5,
)


@examples(max_examples=200)
@given(documents)
def test_the_archives_json_reads_exactly_as_pythons_own_indented_json(document):
    assert to_json(document) == json.dumps(document, indent=2, ensure_ascii=False)
