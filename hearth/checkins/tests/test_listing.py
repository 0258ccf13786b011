"""Reading one's check-ins back through the API: newest first, a page at a time, walking back
with `before`; never every check-in ever in one answer."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hearth.checkins.models import CheckIn, RelationshipCheckIn
from hearth.checkins.selectors import MOST_IN_A_PAGE, PAGE_SIZE, checkins_of
from hearth.checkins.services import person_today

pytestmark = pytest.mark.django_db


def days_of_check_ins(user, member, days: int) -> list[date]:
    """A check-in a day for `days` days ending today, newest first."""
    today = person_today(user)
    made = CheckIn.objects.bulk_create(
        CheckIn(user=user, date=today - timedelta(days=n), mood=3, stress=2) for n in range(days)
    )
    RelationshipCheckIn.objects.bulk_create(
        RelationshipCheckIn(checkin=c, member=member, closeness=4) for c in made
    )
    return [c.date for c in made]


def listed(client, query: str = "") -> list[dict]:
    response = client.get(f"/api/checkins{query}")
    assert response.status_code == 200, response.content
    return response.json()


def test_the_list_holds_the_newest_page_unless_asked_for_more(client, ours, alice):
    days = days_of_check_ins(alice, ours.memberships.get(user=alice), 250)
    client.force_login(alice)
    newest = listed(client)
    assert [c["date"] for c in newest] == [d.isoformat() for d in days[:PAGE_SIZE]]
    assert newest[0]["relationships"] == [
        {
            "relationship_id": ours.pk,
            "closeness": 4,
            "felt_understood": None,
            "affection": False,
            "shared_personal": False,
            "share_support": False,
        }
    ]
    assert len(listed(client, "?limit=7")) == 7
    assert len(listed(client, f"?limit={MOST_IN_A_PAGE}")) == MOST_IN_A_PAGE
    for too_many in (MOST_IN_A_PAGE + 1, 0, -3):
        assert client.get(f"/api/checkins?limit={too_many}").status_code == 422


def test_walking_back_with_before_reaches_every_check_in_once(client, ours, alice):
    days = days_of_check_ins(alice, ours.memberships.get(user=alice), 230)
    client.force_login(alice)
    seen: list[str] = []
    page = listed(client, f"?limit={MOST_IN_A_PAGE}")
    while page:
        seen += [c["date"] for c in page]
        if len(page) < MOST_IN_A_PAGE:
            break
        page = listed(client, f"?limit={MOST_IN_A_PAGE}&before={page[-1]['date']}")
    assert seen == [d.isoformat() for d in days]


def test_a_window_of_dates_narrows_the_page(client, ours, alice):
    days = days_of_check_ins(alice, ours.memberships.get(user=alice), 60)
    client.force_login(alice)
    window = listed(client, f"?date_from={days[20]}&date_to={days[10]}")
    assert [c["date"] for c in window] == [d.isoformat() for d in days[10:21]]
    walked = listed(client, f"?date_from={days[20]}&before={days[15]}")
    assert [c["date"] for c in walked] == [d.isoformat() for d in days[16:21]]


def test_only_your_own_check_ins_are_listed(client, ours, alice, bob):
    days_of_check_ins(bob, ours.memberships.get(user=bob), 5)
    client.force_login(alice)
    assert listed(client) == []
    assert checkins_of(alice) == []


def test_the_list_asks_the_same_questions_after_a_week_or_years(client, ours, alice):
    member = ours.memberships.get(user=alice)
    client.force_login(alice)
    counts = []
    for days in (7, 2000):
        CheckIn.objects.filter(user=alice).delete()
        days_of_check_ins(alice, member, days)
        listed(client)
        with CaptureQueriesContext(connection) as queries:
            assert len(listed(client)) == min(days, PAGE_SIZE)
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_schema_tells_how_to_walk_back(client):
    schema = client.get("/api/openapi.json").json()
    listing = schema["paths"]["/api/checkins"]["get"]
    asked = {p["name"]: p for p in listing["parameters"]}
    assert {"limit", "before", "date_from", "date_to"} <= set(asked)
    assert asked["limit"]["schema"]["maximum"] == MOST_IN_A_PAGE
    assert asked["limit"]["schema"]["default"] == PAGE_SIZE
    assert "before" in listing["description"]
