"""Bad input anywhere gets a clear 4xx with a message, and nothing already saved changes."""

import json

import pytest

from hearth.questions.models import Answer, Prompt
from hearth.questions.tests.factories import answer_as, todays_prompt
from hearth.relationships.models import Relationship

pytestmark = pytest.mark.django_db


def send(client, method: str, url: str, raw: str):
    return client.generic(method, url, raw, content_type="application/json")


@pytest.fixture
def signed_in(client, alice, ours):
    client.force_login(alice)
    return client


def snapshot(ours) -> tuple:
    return (
        list(Relationship.objects.values_list("name", "phase", "time_zone")),
        list(Answer.objects.values_list("pk", "text", "choice")),
        list(Prompt.objects.values_list("pk", "skipped_at", "revealed_at")),
    )


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/api/relationships", "{not json"),
        ("POST", "/api/relationships", json.dumps({"name": "x" * 500, "kind": "romantic"})),
        ("POST", "/api/relationships", json.dumps({"name": 42, "kind": ["romantic"]})),
        ("PATCH", "/api/relationships/{r}", json.dumps({"time_zone": "Not/AZone"})),
        ("PATCH", "/api/relationships/{r}", json.dumps({"phase": "forever"})),
        ("PUT", "/api/relationships/{r}/prompts/{p}/answer", json.dumps({"text": "x" * 30000})),
        ("PUT", "/api/relationships/{r}/prompts/{p}/answer", json.dumps({"choice": "two"})),
        ("PUT", "/api/relationships/{r}/prompts/99999999/answer", json.dumps({"text": "hi"})),
        ("PUT", "/api/relationships/{r}/prompts/{p}/answer", "[1, 2, 3]"),
        ("GET", "/api/relationships/{r}/journal?date_from=2026-13-45", ""),
        ("GET", "/api/relationships/{r}/journal?category=gossip", ""),
        ("PUT", "/api/relationships/{r}/preferences", json.dumps({"depth_cap": 9})),
        ("POST", "/api/invitations/accept", json.dumps({"code": "!!"})),
        ("POST", "/api/relationships/{r}/sittings", json.dumps({"deck": "x" * 400})),
        ("GET", "/api/relationships/99999999999999999999999", ""),
    ],
)
def test_bad_api_input_is_a_clear_4xx_that_changes_nothing(
    signed_in, ours, alice, bob, method, path, body
):
    prompt = todays_prompt(ours)
    answer_as(ours.memberships.get(user=alice), prompt, "already saved")
    before = snapshot(ours)
    url = path.format(r=ours.pk, p=prompt.pk)
    response = send(signed_in, method, url, body)
    assert 400 <= response.status_code < 500, (url, response.status_code, response.content)
    assert response.json()["detail"], "the reason is given in words"
    assert snapshot(ours) == before


@pytest.mark.parametrize(
    ("path", "form"),
    [
        ("/r/{r}/settings/", {"name": "", "phase": "sometimes", "time_zone": "Mars"}),
        ("/r/{r}/prompts/{p}/answer/", {"text": "y" * 6000}),
        ("/r/{r}/questions/new/", {"text": "short", "category": "gossip", "depth": "7"}),
        ("/r/{r}/preferences/", {"depth_cap": "12", "boundaries": ["nonsense"]}),
        ("/settings/", {"display_name": "", "time_zone": "Nowhere"}),
    ],
)
def test_bad_form_input_is_explained_and_changes_nothing(signed_in, ours, alice, path, form):
    prompt = todays_prompt(ours)
    answer_as(ours.memberships.get(user=alice), prompt, "already saved")
    before = snapshot(ours)
    response = signed_in.post(path.format(r=ours.pk, p=prompt.pk), form)
    assert response.status_code in (200, 400)
    page = response.content.decode()
    assert 'class="errorlist' in page or 'class="message error' in page
    assert snapshot(ours) == before
