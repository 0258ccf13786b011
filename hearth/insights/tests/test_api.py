import json

import pytest

from hearth.checkins.services import person_today
from hearth.gratitude.models import Appreciation
from hearth.insights import charts
from hearth.insights.tests.test_dashboard import history

pytestmark = pytest.mark.django_db


def put(client, url: str, body: dict):
    return client.put(url, json.dumps(body), content_type="application/json")


def test_checking_in_taking_the_profile_and_reading_insights_through_the_api(
    client, ours, alice, bob
):
    client.force_login(alice)
    today = person_today(alice).isoformat()
    saved = put(
        client,
        f"/api/checkins/{today}",
        {
            "mood": 4,
            "stress": 2,
            "note": "mine",
            "relationships": [{"relationship_id": ours.pk, "closeness": 6, "affection": True}],
        },
    )
    assert saved.status_code == 200, saved.content
    assert saved.json()["relationships"][0]["closeness"] == 6
    listed = client.get("/api/checkins").json()
    assert [c["date"] for c in listed] == [today]

    items = client.get(f"/api/relationships/{ours.pk}/profile/items").json()
    answers = {item["key"]: 5 for item in items["items"]}
    taken = client.post(
        f"/api/relationships/{ours.pk}/profiles",
        json.dumps({"answers": answers, "shared": True}),
        content_type="application/json",
    )
    assert taken.status_code == 201
    assert set(taken.json()["scores"]) == {s["key"] for s in items["scales"]}

    insights = client.get(f"/api/relationships/{ours.pk}/insights").json()
    assert insights["days_recorded"] == 1
    assert insights["associations"] == []
    assert "a day with hugs or touch" in insights["not_enough_data_for"]

    client.force_login(bob)
    side = client.get(f"/api/relationships/{ours.pk}/profiles").json()
    assert [p["display_name"] for p in side["people"]] == ["Alice"]
    assert "mine" not in json.dumps(side)


def test_a_check_in_for_someone_elses_relationship_is_refused(client, alice, theirs):
    client.force_login(alice)
    today = person_today(alice).isoformat()
    refused = put(
        client,
        f"/api/checkins/{today}",
        {"mood": 3, "stress": 3, "relationships": [{"relationship_id": theirs.pk, "closeness": 4}]},
    )
    assert refused.status_code == 400
    assert client.get("/api/checkins").json() == []


def test_insights_through_the_api_describe_the_charts_without_drawing_them(
    client, ours, alice, monkeypatch
):
    def no_drawing(chart):
        raise AssertionError(f"the API drew {chart.title}")

    monkeypatch.setattr(charts, "draw", no_drawing)
    history(alice, ours.memberships.get(user=alice), 120)
    client.force_login(alice)
    body = client.get(f"/api/relationships/{ours.pk}/insights").json()
    assert [c["title"] for c in body["charts"]] == [
        "Closeness, 7-day average",
        "Mood and stress, 7-day average",
        "Sleep, 7-day average",
    ]
    assert all("averaged" in c["summary"] for c in body["charts"])
    hugs = next(a for a in body["associations"] if a["behaviour"] == "a day with hugs or touch")
    assert hugs["sentence"].startswith("Days after hugs or touch, you felt")
    assert hugs["low"] > 0 and hugs["days_with"] + hugs["days_without"] == hugs["days"]
    assert "cause and effect" in body["caveat"]
    assert "cause and effect" not in json.dumps(body["associations"])
    assert body["stress_and_closeness"]["sentence"]


def test_the_api_gives_the_week_and_what_was_done_together(client, ours, alice, bob):
    me, them = ours.memberships.get(user=alice), ours.memberships.get(user=bob)
    Appreciation.objects.create(relationship=ours, sender=them, recipient=me, text="thank you")
    history(alice, me, 4)
    client.force_login(alice)
    body = client.get(f"/api/relationships/{ours.pk}/insights").json()
    assert body["days_recorded"] == 4 and body["patterns_need_days"] == 21
    assert body["associations"] == [] and body["stress_and_closeness"] is None
    week = body["this_week"]
    assert (week["checkins"], week["thanks_received"], week["thanks_sent"]) == (4, 1, 0)
    assert week["last_day"] == person_today(alice).isoformat()
    assert body["together"] == {"questions_together": 0, "practices_done": 0, "thank_yous": 1}
