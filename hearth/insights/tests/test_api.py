import json

import pytest

from hearth.checkins.services import person_today

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
