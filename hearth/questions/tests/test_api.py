import pytest

from hearth.questions.models import Answer, Sitting
from hearth.tests.api import Caller

pytestmark = pytest.mark.django_db


def body_for(prompt: dict, text: str) -> dict:
    return {"text": text, "choice": 0 if prompt["question"]["choices"] else None}


def test_the_daily_loop_through_the_api(client, ours, alice, bob):
    as_alice, as_bob = Caller(client, alice), Caller(client, bob)
    base = f"/api/relationships/{ours.pk}"
    today = as_alice.call("GET", f"{base}/today").json()
    assert today["revealed"] is False and today["answers"] == []

    answered = as_alice.call(
        "PUT", f"{base}/prompts/{today['id']}/answer", body_for(today, "kestrel-9931")
    ).json()
    assert answered["my_answer"]["text"] == "kestrel-9931"
    assert answered["answers"] == []

    bobs_view = as_bob.call("GET", f"{base}/today")
    assert "kestrel-9931" not in bobs_view.content.decode()
    assert [m["display_name"] for m in bobs_view.json()["answered"]] == ["Alice"]
    assert [m["display_name"] for m in bobs_view.json()["waiting_for"]] == ["Bob"]

    shared = as_bob.call(
        "PUT", f"{base}/prompts/{today['id']}/answer", body_for(today, "heron-2207")
    ).json()
    assert shared["revealed"] is True
    assert {a["text"] for a in shared["answers"]} == {"kestrel-9931", "heron-2207"}

    alices_answer = next(a for a in shared["answers"] if a["text"] == "kestrel-9931")
    reaction = as_bob.call(
        "POST", f"{base}/answers/{alices_answer['id']}/reactions", {"kind": "more"}
    )
    assert reaction.json() == {"kind": "more", "present": True}
    reply = as_bob.call(
        "POST", f"{base}/answers/{alices_answer['id']}/replies", {"text": "Say more?"}
    )
    assert reply.status_code == 201
    rated = as_alice.call(
        "PUT", f"{base}/answers/{alices_answer['id']}/felt-understood", {"rating": 7}
    ).json()
    assert rated["felt_understood"] == 7
    assert {r["kind"] for r in rated["responses"]} == {"more", "reply"}

    bobs_copy = as_bob.call("GET", f"{base}/prompts/{today['id']}").json()
    theirs = next(a for a in bobs_copy["answers"] if a["id"] == alices_answer["id"])
    assert theirs["felt_understood"] is None, "a rating is the discloser's own"

    journal = as_alice.call("GET", f"{base}/journal?q=heron").json()
    assert [p["id"] for p in journal] == [today["id"]]


def test_bad_input_gets_a_clear_4xx_and_changes_nothing(client, ours, alice, bob):
    as_alice = Caller(client, alice)
    base = f"/api/relationships/{ours.pk}"
    today = as_alice.call("GET", f"{base}/today").json()
    url = f"{base}/prompts/{today['id']}/answer"
    empty = as_alice.call("PUT", url, {"text": "   ", "choice": None})
    assert empty.status_code == 400 and "detail" in empty.json()
    wrong_type = as_alice.call("PUT", url, {"text": ["not", "text"]})
    assert wrong_type.status_code == 422
    bad_rating = as_alice.call("PUT", f"{base}/answers/999999/felt-understood", {"rating": 9})
    assert bad_rating.status_code == 422
    unknown = as_alice.call("PUT", f"{base}/prompts/999999/answer", {"text": "hello"})
    assert unknown.status_code == 404
    early = as_alice.call("POST", f"{base}/prompts/{today['id']}/skip")
    assert early.status_code == 200
    assert not Answer.objects.exists()


def test_decks_and_sittings_through_the_api(client, ours, alice, bob):
    as_alice = Caller(client, alice)
    base = f"/api/relationships/{ours.pk}"
    decks = as_alice.call("GET", f"{base}/decks").json()
    closer = next(d for d in decks if d["key"] == "closer-in-three-sets")
    assert closer["questions"] == 36 and len(closer["sets"]) == 3
    started = as_alice.call("POST", f"{base}/sittings", {"deck": "closer-in-three-sets"})
    assert started.status_code == 201
    sitting = started.json()
    assert sitting["current"]["question"]["depth"] == 1
    unknown = as_alice.call("POST", f"{base}/sittings", {"deck": "no-such-deck"})
    assert unknown.status_code == 400
    assert Sitting.objects.count() == 1


def test_boundaries_and_preferences_through_the_api(client, ours, alice):
    as_alice = Caller(client, alice)
    put = as_alice.call("PUT", "/api/me/boundaries", {"categories": ["memories", "trust"]})
    assert sorted(put.json()["categories"]) == ["memories", "trust"]
    bad = as_alice.call("PUT", "/api/me/boundaries", {"categories": ["gossip"]})
    assert bad.status_code == 422
    prefs = as_alice.call(
        "PUT",
        f"/api/relationships/{ours.pk}/preferences",
        {"depth_cap": 2, "sexual_content_consent": True},
    )
    assert prefs.json() == {"depth_cap": 2, "sexual_content_consent": True}


def test_the_schema_lists_the_question_loop(client):
    paths = set(client.get("/api/openapi.json").json()["paths"])
    base = "/api/relationships/{relationship_id}"
    assert {
        f"{base}/today",
        f"{base}/prompts/{{prompt_id}}/answer",
        f"{base}/prompts/{{prompt_id}}/skip",
        f"{base}/prompts/{{prompt_id}}/guesses",
        f"{base}/answers/{{answer_id}}/reactions",
        f"{base}/answers/{{answer_id}}/replies",
        f"{base}/answers/{{answer_id}}/felt-understood",
        f"{base}/journal",
        f"{base}/decks",
        f"{base}/sittings",
        f"{base}/questions",
        "/api/me/boundaries",
    } <= paths
